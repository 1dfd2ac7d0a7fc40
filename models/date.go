package models

import (
	"database/sql/driver"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date (no time of day, no zone). The zero Date means "not set"
// and is stored as NULL; others are stored as text "2006-01-02", which sorts
// and compares correctly in every SQL database.
type Date struct{ t time.Time }

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	return NewDate(t.Year(), t.Month(), t.Day())
}

// NewDate returns the date y-m-d, normalising overflow like time.Date.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return d.t }

// Start returns the civil time at the start of the date, for comparing with
// recorded civil times.
func (d Date) Start() time.Time { return CivilTime(d, 0, 0, 0) }

// Year, Month and Day return the parts of the date.
func (d Date) Year() int { return d.t.Year() }

// Month returns the month of the date.
func (d Date) Month() time.Month { return d.t.Month() }

// Day returns the day of the month.
func (d Date) Day() int { return d.t.Day() }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// AddDays returns the date n calendar days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// String gives the ISO form "2026-11-03", or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Chinese gives the form used in notices: "2026年11月3日", never zero-padded.
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}

// GormDataType tells GORM to declare the column as a date.
func (Date) GormDataType() string { return "date" }

// Value stores the date as text, or NULL when unset.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a date stored as text or as a time value.
func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d = Date{}
	case time.Time:
		*d = DateOf(x)
	case string:
		return d.scanText(x)
	case []byte:
		return d.scanText(string(x))
	default:
		return fmt.Errorf("date: cannot scan %T", v)
	}
	return nil
}

func (d *Date) scanText(s string) error {
	if s == "" {
		*d = Date{}
		return nil
	}
	if len(s) > 10 {
		s = s[:10]
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return fmt.Errorf("date: %w", err)
	}
	*d = Date{t}
	return nil
}

var (
	dateSep     = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)
	dateCompact = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	excelSerial = regexp.MustCompile(`^\d{5}(\.\d+)?$`)
)

// ParseDate reads the date forms office files use: 2026-11-03, 2026/11/3,
// 2026.11.3, 2026年11月3日, 20261103, and Excel's day serial numbers (46329).
// A time of day after the date is not accepted here; see ParseDateTime.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, fmt.Errorf("日期为空")
	}
	var y, m, d int
	if p := dateSep.FindStringSubmatch(s); p != nil {
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	} else if p := dateCompact.FindStringSubmatch(s); p != nil {
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	} else if excelSerial.MatchString(s) {
		f, _ := strconv.ParseFloat(s, 64)
		// Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that
		// never was, so serials from 61 on are one day ahead.
		base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		return DateOf(base.AddDate(0, 0, int(f))), nil
	} else {
		return Date{}, fmt.Errorf("无法识别的日期“%s”，请写成 2026-11-03 的形式", s)
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, fmt.Errorf("日期“%s”不存在", s)
	}
	out := NewDate(y, time.Month(m), d)
	if out.Month() != time.Month(m) {
		return Date{}, fmt.Errorf("日期“%s”不存在", s)
	}
	if y < 1900 || y > 2200 {
		return Date{}, fmt.Errorf("日期“%s”的年份不合理", s)
	}
	return out, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

var (
	dateThenTime = regexp.MustCompile(`^(?:(.+?日)\s*|(.+?)(?:\s+|\s*T\s*))(\d{1,2})\s*[:：]\s*(\d{1,2})(?:\s*[:：]\s*(\d{1,2}))?$`)
	excelMoment  = regexp.MustCompile(`^\d{5}\.\d+$`)
)

// ParseDateTime reads the date-time forms office files use: any date
// ParseDate accepts followed by 08:27 or 08:27:41 (a date alone means 00:00),
// and Excel's serial numbers with a fraction of a day (46329.3520833). The
// result is a civil time at the centre, to the second.
func ParseDateTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, fmt.Errorf("时间为空")
	}
	if t, ok := canonicalDateTime(s); ok {
		return t, nil
	}
	return parseDateTimeForms(s)
}

// parseDateTimeForms is ParseDateTime for every form but the canonical one.
func parseDateTimeForms(s string) (time.Time, error) {
	if excelMoment.MatchString(s) {
		f, _ := strconv.ParseFloat(s, 64)
		days := int(f)
		secs := int((f-float64(days))*86400 + 0.5) // Excel stores instants as binary fractions
		d := NewDate(1899, 12, 30).AddDays(days)
		t := CivilTime(d, 0, 0, secs)
		if t.Year() < 1900 || t.Year() > 2200 {
			return time.Time{}, fmt.Errorf("时间“%s”的年份不合理", s)
		}
		return t, nil
	}
	datePart, h, m, sec := s, 0, 0, 0
	if p := dateThenTime.FindStringSubmatch(s); p != nil {
		datePart = p[1] + p[2]
		h, m, sec = atoi(p[3]), atoi(p[4]), atoi(p[5])
		if h > 23 || m > 59 || sec > 59 {
			return time.Time{}, fmt.Errorf("时间“%s”不存在，时刻应在 00:00 到 23:59 之间", s)
		}
	} else if strings.ContainsAny(s, ":：") {
		return time.Time{}, fmt.Errorf("无法识别的时间“%s”，请写成 2026-11-03 08:27 的形式", s)
	}
	d, err := ParseDate(datePart)
	if err != nil {
		if strings.HasPrefix(err.Error(), "无法识别") {
			return time.Time{}, fmt.Errorf("无法识别的时间“%s”，请写成 2026-11-03 08:27 的形式", s)
		}
		return time.Time{}, err
	}
	return CivilTime(d, h, m, sec), nil
}

// canonicalDateTime reads the form GovDesk and most machines write,
// 2026-11-03 08:27:41 or 2026-11-03 08:27, digit by digit: a year of punches
// is hundreds of thousands of them. Anything else, or a time that does not
// exist, is left to the general patterns and their messages.
func canonicalDateTime(s string) (time.Time, bool) {
	if len(s) != 16 && len(s) != 19 {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	if s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || (len(s) == 19 && s[16] != ':') {
		return time.Time{}, false
	}
	y, mo, d, h, mi, sec := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), 0
	if len(s) == 19 {
		sec = num(17, 2)
	}
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	day := NewDate(y, time.Month(mo), d)
	if day.Month() != time.Month(mo) {
		return time.Time{}, false
	}
	return CivilTime(day, h, mi, sec), true
}

// dayLabel gives "11月3日".
func dayLabel(d Date) string { return fmt.Sprintf("%d月%d日", int(d.Month()), d.Day()) }

// formatMinute writes a time as files and lists show it, "2026-11-03 08:27",
// adding the seconds only when there are any so that nothing is lost.
func formatMinute(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Second() != 0:
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02 15:04")
}

// FormatDateTime writes a recorded instant as exchange files and lists show
// it: "2026-11-03 08:27" (with ":41" only when the seconds are not zero), or
// "" for the zero time. ParseDateTime reads it back.
func FormatDateTime(t time.Time) string { return formatMinute(t) }
