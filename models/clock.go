package models

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// CentreZone is the zone of every civil time GovDesk keeps: punches,
// inspections, outings, a case's 受理时间 and 办结时间, the audit log. A civil
// time is what the clock on the centre's wall said; it is stored without a
// zone, so the same database gives the same figures on every PC whatever
// zone that PC is set to. China has kept UTC+8 all year since 1991.
var CentreZone = time.FixedZone("CST", 8*3600)

// ClockFunc tells what time it is at the centre. Business code never reads the
// wall clock: it asks the store, whose clock tests fix.
type ClockFunc func() time.Time

// SystemClock reads this PC's clock as its user sees it: the date and time
// on the taskbar, taken as the centre's civil time even when the PC's zone
// setting is wrong (office PCs are often set to the right time in the wrong
// zone).
func SystemClock() time.Time { return Civil(time.Now()) }

// FixedClock is a clock that always says t (tests, trying a date).
func FixedClock(t time.Time) ClockFunc {
	t = Civil(t)
	return func() time.Time { return t }
}

// Civil returns the wall-clock reading of t (date and time to the second, as
// t's own zone shows it) as a civil time at the centre.
func Civil(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, mo, d, h, mi, s, 0, CentreZone)
}

// CivilTime returns the civil time h:m:s on day d.
func CivilTime(d Date, h, m, s int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, s, 0, CentreZone)
}

// Option configures a store when it is opened.
type Option func(*Store)

// WithClock makes the store tell time by c instead of the PC's clock.
func WithClock(c ClockFunc) Option {
	return func(s *Store) {
		if c != nil {
			s.clock = c
		}
	}
}

// Now is the civil time now at the centre, by the store's clock.
func (s *Store) Now() time.Time { return Civil(s.clock()) }

// Today is the civil date today at the centre, by the store's clock.
func (s *Store) Today() Date { return DateOf(s.Now()) }

// civilLayout is how a civil time is written in the database: text without
// a zone, which sorts and compares correctly in SQL.
const civilLayout = "2006-01-02 15:04:05"

// civilArg is a civil time as a query argument, comparable with the stored
// text.
func civilArg(t time.Time) string {
	y, mo, d := t.Date()
	h, mi, sec := t.Clock()
	if y < 0 || y > 9999 {
		return Civil(t).Format(civilLayout)
	}
	// by hand: an import writes hundreds of thousands of them
	b := [19]byte{'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', ' ', '0', '0', ':', '0', '0', ':', '0', '0'}
	put := func(at, v, n int) {
		for i := at + n - 1; i >= at; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, y, 4)
	put(5, int(mo), 2)
	put(8, d, 2)
	put(11, h, 2)
	put(14, mi, 2)
	put(17, sec, 2)
	return string(b[:])
}

// civilOrNull is a civil time as a statement argument, the zero time as
// NULL, as the civil serializer writes it.
func civilOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return civilArg(t)
}

// sqlStart is the start of the day as a query argument for civil times.
func (d Date) sqlStart() string { return d.String() + " 00:00:00" }

// parseCivil reads a civil time as stored: "2006-01-02 15:04:05", or as an
// earlier GovDesk wrote it, with a fraction and the recording PC's offset
// ("2026-11-26 08:25:00.5+08:00"), whose wall-clock part is the civil time.
func parseCivil(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if len(s) < len(civilLayout) {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return CivilTime(DateOf(t), 0, 0, 0), nil
		}
		return time.Time{}, fmt.Errorf("无法识别的时间“%s”", s)
	}
	t, err := time.Parse(civilLayout, strings.Replace(s[:len(civilLayout)], "T", " ", 1))
	if err != nil {
		return time.Time{}, fmt.Errorf("无法识别的时间“%s”", s)
	}
	return Civil(t), nil
}

func init() { schema.RegisterSerializer("civil", civilSerializer{}) }

// civilSerializer stores a time.Time field (or *time.Time, nil as NULL) as
// a civil time: its wall clock as text, with no zone. Fields use it with the
// tag `gorm:"serializer:civil;type:datetime"`.
type civilSerializer struct{}

func (civilSerializer) Scan(ctx context.Context, field *schema.Field, dst reflect.Value, dbValue any) error {
	if dbValue == nil {
		return nil
	}
	t, err := civilValue(dbValue)
	if err != nil {
		return fmt.Errorf("无法读取时间字段 %s：%w", field.Name, err)
	}
	return field.Set(ctx, dst, t)
}

// civilValue reads a civil time as a driver gives it: the SQLite driver has
// already read the text of a datetime column as a time, whose wall clock is
// what was written; on PostgreSQL it is the text itself.
func civilValue(v any) (time.Time, error) {
	switch v := v.(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		return Civil(v), nil
	case string:
		if t, ok := canonicalDateTime(v); ok {
			return t, nil
		}
		return parseCivil(v)
	case []byte:
		return civilValue(string(v))
	}
	return time.Time{}, fmt.Errorf("无法识别的时间（%T）", v)
}

// civilScan reads a civil time column into *t in a query of rows by hand.
type civilScan struct{ t *time.Time }

func (c civilScan) Scan(v any) error {
	t, err := civilValue(v)
	*c.t = t
	return err
}

func (civilSerializer) Value(ctx context.Context, field *schema.Field, dst reflect.Value, fieldValue any) (any, error) {
	switch v := fieldValue.(type) {
	case time.Time:
		if v.IsZero() {
			return nil, nil
		}
		return civilArg(v), nil
	case *time.Time:
		if v == nil || v.IsZero() {
			return nil, nil
		}
		return civilArg(*v), nil
	}
	return nil, fmt.Errorf("时间字段 %s 的类型 %T 不能按民用时间保存", field.Name, fieldValue)
}

// civilColumns are the columns that hold civil times.
var civilColumns = []struct{ table, column string }{
	{"punches", "at"}, {"inspections", "left_at"}, {"inspections", "back_at"},
	{"outings", "from_time"}, {"outings", "to_time"},
	{"cases", "received_at"}, {"cases", "completed_at"},
	{"audit_entries", "at"}, {"month_locks", "at"}, {"score_month_states", "at"},
	{"issued_notices", "issued_at"},
}

// migrateCivilTimes rewrites times that earlier versions stored with the
// recording PC's UTC offset ("2026-11-26 08:25:00.123+08:00") as the civil
// time they stood for ("2026-11-26 08:25:00"): the wall clock a user saw
// when the record was made, so no figure changes. Punches that only
// differed by the offset (a file imported again on a PC set to another
// zone) were the same punch twice: the later copy goes.
func migrateCivilTimes(tx *gorm.DB) error {
	civil := func(col string) string { return "replace(substr(" + col + ", 1, 19), 'T', ' ')" }
	dup := fmt.Sprintf(`DELETE FROM punches WHERE id IN (SELECT p.id FROM punches p JOIN punches q
		ON q.staff_id = p.staff_id AND %s = %s AND q.id < p.id)`, civil("q.at"), civil("p.at"))
	res := tx.Exec(dup)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected > 0 {
		entry := AuditEntry{At: SystemClock(), Operator: "数据库升级", Entity: "打卡", Key: "升级合并重复打卡",
			Action: ActionDelete, After: fmt.Sprintf(`[{"k":"合并","v":"%d条仅时区不同的重复打卡"}]`, res.RowsAffected)}
		// the columns the log had at this version: later steps add more
		if err := tx.Omit("hash", "origin", "pc").Create(&entry).Error; err != nil {
			return err
		}
	}
	for _, c := range civilColumns {
		if !tx.Migrator().HasColumn(c.table, c.column) {
			continue
		}
		q := fmt.Sprintf("UPDATE %s SET %s = %s WHERE %[2]s IS NOT NULL AND (length(%[2]s) > 19 OR %[2]s LIKE '%%T%%')",
			c.table, c.column, civil(c.column))
		if err := tx.Exec(q).Error; err != nil {
			return fmt.Errorf("%s.%s：%w", c.table, c.column, err)
		}
	}
	return nil
}
