package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Inspection is one finding of an inspection round (查岗记录): the person was
// away from the post from LeftAt to BackAt. An absence longer than the rule
// set's limit is half a day of 旷工; a shorter one counts as 擅离岗位.
type Inspection struct {
	ID        uint      `gorm:"primaryKey"`
	StaffID   uint      `gorm:"not null;index"`
	Staff     Staff     `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	LeftAt    time.Time `gorm:"serializer:civil;type:datetime;not null;index"` // 离岗时间
	BackAt    time.Time `gorm:"serializer:civil;type:datetime;not null"`       // 返岗时间
	Inspector string    `gorm:"size:64;not null"`
	Note      string    `gorm:"size:256"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Minutes is the length of the absence in whole minutes.
func (x Inspection) Minutes() int { return int(x.BackAt.Sub(x.LeftAt) / time.Minute) }

// Length is the length of the absence by the clock, to the second:
// "120分钟", "120分30秒". The 擅离 rule counts only its working time.
func (x Inspection) Length() string { return DurationText(x.BackAt.Sub(x.LeftAt)) }

func (x Inspection) auditEntity() string { return "查岗记录" }
func (x Inspection) auditKey() string {
	return fmt.Sprintf("%s %s %s", x.Staff.EmployeeNo, x.Staff.Name, FormatDateTime(x.LeftAt))
}
func (x Inspection) auditFields() []AuditField {
	return []AuditField{
		{"人员", x.Staff.EmployeeNo + " " + x.Staff.Name}, {"离岗时间", FormatDateTime(x.LeftAt)},
		{"返岗时间", FormatDateTime(x.BackAt)}, {"检查人", x.Inspector}, {"说明", x.Note},
	}
}

// Validate checks and normalises the record; field names are the form labels
// and the columns of the inspections file.
func (x *Inspection) Validate() FieldErrors {
	var fe FieldErrors
	x.Inspector, x.Note = strings.TrimSpace(x.Inspector), strings.TrimSpace(x.Note)
	x.LeftAt, x.BackAt = x.LeftAt.Truncate(time.Second), x.BackAt.Truncate(time.Second)
	if x.StaffID == 0 {
		fe.add("工号", "请选择人员")
	}
	checkSpan(&fe, "离岗时间", "返岗时间", x.LeftAt, x.BackAt)
	switch {
	case x.Inspector == "":
		fe.add("检查人", "请填写检查人")
	case len([]rune(x.Inspector)) > 32:
		fe.add("检查人", "检查人不能超过32个字")
	}
	if len([]rune(x.Note)) > 200 {
		fe.add("说明", "说明不能超过200个字")
	}
	return fe
}

func checkSpan(fe *FieldErrors, fromLabel, toLabel string, from, to time.Time) {
	if from.IsZero() {
		fe.add(fromLabel, "请填写"+fromLabel)
	}
	if to.IsZero() {
		fe.add(toLabel, "请填写"+toLabel)
	}
	if from.IsZero() || to.IsZero() {
		return
	}
	switch {
	case !to.After(from):
		fe.add(toLabel, fmt.Sprintf("%s应晚于%s %s", toLabel, fromLabel, FormatDateTime(from)))
	case DateOf(to) != DateOf(from):
		fe.add(toLabel, fmt.Sprintf("%s应与%s在同一天；跨天的请分两条登记", toLabel, fromLabel))
	}
}

// Outing is a registered absence from the post (外出登记), such as returning
// to the home unit to exchange documents; it excuses the punches and the
// inspection findings it covers.
type Outing struct {
	ID           uint      `gorm:"primaryKey"`
	StaffID      uint      `gorm:"not null;index"`
	Staff        Staff     `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	From         time.Time `gorm:"column:from_time;serializer:civil;type:datetime;not null;index"`
	To           time.Time `gorm:"column:to_time;serializer:civil;type:datetime;not null"`
	Reason       string    `gorm:"size:256;not null"`
	RegisteredBy string    `gorm:"size:64"`
	// RegisteredAt is when the outing was reported to the office (登记时间):
	// the store's clock when it was saved, or the time written on a paper
	// register entered afterwards. Outings saved before it was kept have
	// none and count as reported in advance.
	RegisteredAt time.Time `gorm:"serializer:civil;type:datetime"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// OutingLateLabel marks an outing registered after it began.
const OutingLateLabel = "事后补登"

// Late reports whether the outing was registered after it began (事后补登):
// the handbook asks for registration in advance.
func (o Outing) Late() bool { return !o.RegisteredAt.IsZero() && o.RegisteredAt.After(o.From) }

// Registration says when the outing was registered, with 事后补登 when late:
// "11-04 17:40 登记（事后补登）"; empty when unknown.
func (o Outing) Registration() string {
	if o.RegisteredAt.IsZero() {
		return ""
	}
	r := FormatDateTime(o.RegisteredAt) + " 登记"
	if o.Late() {
		r += "（" + OutingLateLabel + "）"
	}
	return r
}

func (o Outing) auditEntity() string { return "外出登记" }
func (o Outing) auditKey() string {
	return fmt.Sprintf("%s %s %s", o.Staff.EmployeeNo, o.Staff.Name, FormatDateTime(o.From))
}
func (o Outing) auditFields() []AuditField {
	return []AuditField{
		{"人员", o.Staff.EmployeeNo + " " + o.Staff.Name}, {"外出时间", FormatDateTime(o.From)},
		{"返回时间", FormatDateTime(o.To)}, {"事由", o.Reason}, {"登记人", o.RegisteredBy},
		{"登记时间", FormatDateTime(o.RegisteredAt)},
	}
}

// Validate checks and normalises the record.
func (o *Outing) Validate() FieldErrors {
	var fe FieldErrors
	o.Reason, o.RegisteredBy = strings.TrimSpace(o.Reason), strings.TrimSpace(o.RegisteredBy)
	o.From, o.To = o.From.Truncate(time.Second), o.To.Truncate(time.Second)
	o.RegisteredAt = o.RegisteredAt.Truncate(time.Second)
	if o.StaffID == 0 {
		fe.add("工号", "请选择人员")
	}
	checkSpan(&fe, "外出时间", "返回时间", o.From, o.To)
	switch {
	case o.Reason == "":
		fe.add("事由", "请写明外出事由（例如：回原单位交换文件）")
	case len([]rune(o.Reason)) > 200:
		fe.add("事由", "事由不能超过200个字")
	}
	if len([]rune(o.RegisteredBy)) > 32 {
		fe.add("登记人", "登记人不能超过32个字")
	}
	return fe
}

// AttendanceRecordFilter narrows inspections and outings; empty fields match everything.
type AttendanceRecordFilter struct {
	StaffID  uint
	From, To Date // inclusive
}

func (f AttendanceRecordFilter) apply(q *gorm.DB, col string) *gorm.DB {
	if f.StaffID != 0 {
		q = q.Where("staff_id = ?", f.StaffID)
	}
	if !f.From.IsZero() {
		q = q.Where(col+" >= ?", f.From.sqlStart())
	}
	if !f.To.IsZero() {
		q = q.Where(col+" < ?", f.To.AddDays(1).sqlStart())
	}
	return q
}

// Inspections lists inspection findings with the person, in time order.
func (s *Store) Inspections(f AttendanceRecordFilter) ([]Inspection, error) {
	var out []Inspection
	return out, f.apply(s.db.Preload("Staff").Order("left_at, id"), "left_at").Find(&out).Error
}

// Outings lists registered outings with the person, in time order.
func (s *Store) Outings(f AttendanceRecordFilter) ([]Outing, error) {
	var out []Outing
	return out, f.apply(s.db.Preload("Staff").Order("from_time, id"), "from_time").Find(&out).Error
}

// saveDated creates or updates an inspection or outing: the person must
// exist and neither the old nor the new date may be in a locked month.
func saveDated[T any, P interface {
	*T
	audited
}](s *Store, rec P, id, staffID uint, day func(P) time.Time, what string) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		return saveDatedTx(tx, a, rec, id, staffID, day, what)
	})
}

func saveDatedTx[T any, P interface {
	*T
	audited
}](tx *gorm.DB, a *auditor, rec P, id, staffID uint, day func(P) time.Time, what string) error {
	var who Staff
	if err := tx.Limit(1).Find(&who, staffID).Error; err != nil {
		return err
	}
	if who.ID == 0 {
		return FieldErrors{{"工号", "所选人员不存在，可能已被删除"}}
	}
	months := []string{MonthOf(DateOf(day(rec)))}
	var before P
	if id != 0 {
		before = P(new(T))
		if err := tx.Preload("Staff").First(before, id).Error; err != nil {
			return notFound(err)
		}
		months = append(months, MonthOf(DateOf(day(before))))
	}
	if err := refuseLocked(tx, what, months...); err != nil {
		return err
	}
	if before == nil {
		if err := tx.Omit(clause.Associations).Create(rec).Error; err != nil {
			return err
		}
	} else if err := tx.Omit("created_at", clause.Associations).Save(rec).Error; err != nil {
		return err
	}
	// rec holds its primary key now, which First uses as the condition
	if err := tx.Preload("Staff").First(rec).Error; err != nil {
		return err
	}
	if before == nil {
		a.create(rec)
	} else {
		a.update(before, rec)
	}
	return nil
}

func deleteDated[T any, P interface {
	*T
	audited
}](s *Store, id uint, day func(P) time.Time, what string) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		rec := P(new(T))
		if err := tx.Preload("Staff").First(rec, id).Error; err != nil {
			return notFound(err)
		}
		if err := refuseLocked(tx, what, MonthOf(DateOf(day(rec)))); err != nil {
			return err
		}
		if err := tx.Omit(clause.Associations).Delete(P(new(T)), id).Error; err != nil {
			return err
		}
		a.delete(rec)
		return nil
	})
}

func inspectionDay(x *Inspection) time.Time { return x.LeftAt }
func outingDay(o *Outing) time.Time         { return o.From }

// SaveInspection creates (ID 0) or updates an inspection finding.
func (s *Store) SaveInspection(x *Inspection) error {
	if fe := x.Validate(); len(fe) > 0 {
		return fe
	}
	return saveDated(s, x, x.ID, x.StaffID, inspectionDay, "登记或更改该月的查岗记录")
}

// DeleteInspection deletes an inspection finding.
func (s *Store) DeleteInspection(id uint) error {
	return deleteDated(s, id, inspectionDay, "删除该月的查岗记录")
}

// SaveOuting creates (ID 0) or updates an outing; an empty 登记人 is the
// operator. An empty 登记时间 is now for a new outing and stays what it was
// for one corrected; one later than now is refused.
func (s *Store) SaveOuting(o *Outing) error {
	if o.RegisteredBy == "" {
		o.RegisteredBy = s.Operator()
	}
	if fe := o.Validate(); len(fe) > 0 {
		return fe
	}
	now := s.Now()
	if o.RegisteredAt.After(now) {
		return FieldErrors{{"登记时间", fmt.Sprintf("登记时间（%s）不能晚于现在（%s）", FormatDateTime(o.RegisteredAt), FormatDateTime(now))}}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if o.RegisteredAt.IsZero() {
			o.RegisteredAt = now
			if o.ID != 0 {
				var before Outing
				if err := tx.Limit(1).Find(&before, o.ID).Error; err != nil {
					return err
				}
				if before.ID != 0 {
					o.RegisteredAt = before.RegisteredAt
				}
			}
		}
		return saveDatedTx(tx, a, o, o.ID, o.StaffID, outingDay, "登记或更改该月的外出登记")
	})
}

// DeleteOuting deletes an outing.
func (s *Store) DeleteOuting(id uint) error {
	return deleteDated(s, id, outingDay, "删除该月的外出登记")
}

// InspectionRow is one finding as the inspections file gives it.
type InspectionRow struct {
	ID              uint // the record its 编号 names; 0 for a new one
	EmployeeNo      string
	LeftAt, BackAt  time.Time
	Inspector, Note string
}

// ImportInspections creates or updates inspection findings in one
// transaction: a row with a 编号 updates the finding it names, one without
// is matched on 工号 + 离岗时间. Rows equal to what is stored change
// nothing. Any error rolls everything back.
func (s *Store) ImportInspections(rows []InspectionRow) (ImportStats, error) {
	var st ImportStats
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		roster, err := rosterByNo(tx)
		if err != nil {
			return err
		}
		// the roster, the locked months and the findings stored in the
		// rows' span once, and new findings through one prepared statement:
		// three years of 查岗 are tens of thousands of rows
		locked, err := lockedMonths(tx)
		if err != nil {
			return err
		}
		known, err := storedInspectionsAround(tx, rows)
		if err != nil {
			return err
		}
		insert, err := prepareInsert(tx, insertInspectionSQL)
		if err != nil {
			return err
		}
		defer insert.Close()
		now := s.Now()
		for _, r := range rows {
			p, ok := roster[r.EmployeeNo]
			if !ok {
				return FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}}
			}
			next := Inspection{StaffID: p.ID, LeftAt: r.LeftAt, BackAt: r.BackAt, Inspector: r.Inspector, Note: r.Note}
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("工号 %s %s：%w", r.EmployeeNo, FormatDateTime(r.LeftAt), fe)
			}
			var old Inspection
			if r.ID != 0 {
				if err := findByKey(tx, KeyInspection, r.ID, &old); err != nil {
					return err
				}
			} else {
				old = known[inspectionKey{p.ID, Civil(next.LeftAt).Unix()}]
			}
			if old.ID != 0 && old.StaffID == next.StaffID && old.LeftAt.Equal(next.LeftAt) && old.BackAt.Equal(next.BackAt) && old.Inspector == next.Inspector && old.Note == next.Note {
				st.Unchanged++
				continue
			}
			if old.ID != 0 {
				// a change: as the form saves one
				next.ID, next.CreatedAt = old.ID, old.CreatedAt
				if err := saveDatedTx(tx, a, &next, old.ID, p.ID, inspectionDay, "导入该月的查岗记录"); err != nil {
					return err
				}
				known[inspectionKey{p.ID, Civil(next.LeftAt).Unix()}] = next
				st.Updated++
				continue
			}
			if m := MonthOf(DateOf(next.LeftAt)); locked[m] {
				return refuseLocked(tx, "导入该月的查岗记录", m)
			}
			next.CreatedAt, next.UpdatedAt = now, now
			if next.ID, err = insert.insertID(tx.Statement.Context, next.StaffID, civilArg(next.LeftAt), civilArg(next.BackAt),
				next.Inspector, next.Note, now, now); err != nil {
				return err
			}
			known[inspectionKey{p.ID, Civil(next.LeftAt).Unix()}] = next
			next.Staff = p
			a.create(&next)
			st.Created++
		}
		return nil
	})
	return st, err
}

// insertInspectionSQL adds a new 查岗 finding.
const insertInspectionSQL = `INSERT INTO inspections (staff_id, left_at, back_at, inspector, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`

// inspectionKey is what an import matches a finding on: the person and the
// time they left (unix seconds of the civil time).
type inspectionKey struct {
	staffID uint
	left    int64
}

// storedInspectionsAround reads the stored findings from the first to the
// last 离岗时间 of the rows, by person and time.
func storedInspectionsAround(tx *gorm.DB, rows []InspectionRow) (map[inspectionKey]Inspection, error) {
	out := map[inspectionKey]Inspection{}
	from, to := spanOf(rows, func(r InspectionRow) time.Time { return r.LeftAt })
	if from.IsZero() {
		return out, nil
	}
	var list []Inspection
	if err := tx.Where("left_at >= ? AND left_at <= ?", civilArg(from), civilArg(to)).Find(&list).Error; err != nil {
		return nil, err
	}
	for _, x := range list {
		out[inspectionKey{x.StaffID, Civil(x.LeftAt).Unix()}] = x
	}
	return out, nil
}
