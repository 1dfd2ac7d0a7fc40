package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// migrateSubstitutesUniforms creates the tables of the substitute register,
// the badge inventory and the uniform ledger.
func migrateSubstitutesUniforms(tx *gorm.DB) error {
	return tx.AutoMigrate(&Substitution{}, &BadgeItem{}, &BadgeLoan{},
		&UniformIssue{}, &SeasonChange{}, &UniformExemption{})
}

// Substitution is a home unit's advance report (替岗报备) of a temporary
// substitute who sits at a window in place of one of its staff from From to
// To (both included), usually while that person is on leave.
type Substitution struct {
	ID         uint          `gorm:"primaryKey"`
	Name       string        `gorm:"size:32;not null;index"` // 替岗人员姓名
	IDNumber   string        `gorm:"size:18"`
	Mobile     string        `gorm:"size:11"`
	HomeUnitID uint          `gorm:"not null;index"`
	HomeUnit   HomeUnit      `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	WindowID   uint          `gorm:"not null;index"`
	Window     ServiceWindow `gorm:"foreignKey:WindowID;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	CoveredID  uint          `gorm:"not null;index"` // the person whose post is covered
	Covered    Staff         `gorm:"foreignKey:CoveredID;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	LeaveID    *uint         `gorm:"index"` // the leave it covers, when there is one
	Leave      *LeaveRequest `gorm:"foreignKey:LeaveID;constraint:OnUpdate:CASCADE,OnDelete:SET NULL"`
	// SubstituteID is the substitute's own entry in the roster (岗位
	// 临时替岗人员), when they were registered there so that their punches
	// and conduct are recorded like anyone's.
	SubstituteID *uint  `gorm:"index"`
	Substitute   *Staff `gorm:"foreignKey:SubstituteID;constraint:OnUpdate:CASCADE,OnDelete:SET NULL"`
	From         Date   `gorm:"column:from_date;not null;index"`
	To           Date   `gorm:"column:to_date;not null;index"`
	Reason       string `gorm:"size:256"`
	ReportedBy   string `gorm:"size:64"` // 报备人 (of the home unit)
	ReportedOn   Date   // 报备日期
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Substitution states, as the register shows them on a given day.
const (
	SubstitutionPlanned = "未开始"
	SubstitutionCurrent = "替岗中"
	SubstitutionEnded   = "已结束"
)

// SubstitutionStates lists the states in the order filters offer them.
var SubstitutionStates = []string{SubstitutionPlanned, SubstitutionCurrent, SubstitutionEnded}

// State says whether the substitution has not started, is running or has
// ended on day today.
func (s Substitution) State(today Date) string {
	switch {
	case today.Before(s.From):
		return SubstitutionPlanned
	case today.After(s.To):
		return SubstitutionEnded
	}
	return SubstitutionCurrent
}

// Span gives "2026-11-09 至 2026-11-13".
func (s Substitution) Span() string { return s.From.String() + " 至 " + s.To.String() }

func (s Substitution) auditEntity() string { return "替岗报备" }
func (s Substitution) auditKey() string {
	return fmt.Sprintf("%s 替 %s %s", s.Name, s.Covered.Name, s.From)
}
func (s Substitution) auditFields() []AuditField {
	leave, roster := "", ""
	if s.Leave != nil {
		leave = s.Leave.Type + " " + s.Leave.Span()
	}
	if s.Substitute != nil {
		roster = s.Substitute.EmployeeNo
	}
	return []AuditField{
		{"替岗人员", s.Name}, {"身份证号", MaskIDNumber(s.IDNumber)}, {"手机号", MaskPhone(s.Mobile)},
		{"派驻单位", s.HomeUnit.Name}, {"窗口", s.Window.Label()},
		{"被替岗人员", s.Covered.EmployeeNo + " " + s.Covered.Name}, {"所替请假", leave},
		{"开始日期", s.From.String()}, {"结束日期", s.To.String()}, {"事由", s.Reason},
		{"报备人", s.ReportedBy}, {"报备日期", s.ReportedOn.String()}, {"名册工号", roster},
	}
}

// Validate checks the report's own fields and normalises them. The field
// names are the labels of the register form. Dates must be in order: the
// report is made in advance (报备日期 not after 开始日期), and the
// substitution ends no earlier than it starts.
func (s *Substitution) Validate() FieldErrors {
	var fe FieldErrors
	s.Name = strings.TrimSpace(s.Name)
	s.IDNumber = strings.ToUpper(strings.TrimSpace(s.IDNumber))
	s.Mobile = strings.TrimSpace(s.Mobile)
	s.Reason = strings.TrimSpace(s.Reason)
	s.ReportedBy = strings.TrimSpace(s.ReportedBy)
	switch {
	case s.Name == "":
		fe.add("替岗人员", "请填写替岗人员姓名")
	case len([]rune(s.Name)) > 32:
		fe.add("替岗人员", "姓名不能超过32个字")
	}
	if s.IDNumber == "" {
		fe.add("身份证号", "请填写替岗人员的身份证号")
	} else if err := CheckIDNumber(s.IDNumber); err != nil {
		fe.add("身份证号", err.Error())
	}
	if s.Mobile == "" {
		fe.add("手机号", "请填写替岗人员的手机号")
	} else if err := CheckMobile(s.Mobile); err != nil {
		fe.add("手机号", err.Error())
	}
	if s.HomeUnitID == 0 {
		fe.add("派驻单位", "请选择派驻单位")
	}
	if s.WindowID == 0 {
		fe.add("窗口", "请选择窗口")
	}
	if s.CoveredID == 0 {
		fe.add("被替岗人员", "请选择被替岗的工作人员")
	}
	if s.LeaveID != nil && *s.LeaveID == 0 {
		s.LeaveID = nil
	}
	if s.From.IsZero() {
		fe.add("开始日期", "请填写开始日期")
	}
	if s.To.IsZero() {
		fe.add("结束日期", "请填写结束日期")
	}
	if !s.From.IsZero() && !s.To.IsZero() && s.To.Before(s.From) {
		fe.add("结束日期", fmt.Sprintf("结束日期（%s）不能早于开始日期（%s）", s.To, s.From))
	}
	if len([]rune(s.Reason)) > 200 {
		fe.add("事由", "事由不能超过200个字")
	}
	if s.ReportedBy == "" {
		fe.add("报备人", "请填写派驻单位的报备人")
	}
	switch {
	case s.ReportedOn.IsZero():
		fe.add("报备日期", "请填写报备日期")
	case !s.From.IsZero() && s.ReportedOn.After(s.From):
		fe.add("报备日期", fmt.Sprintf("替岗须提前报备：报备日期（%s）不能晚于开始日期（%s）", s.ReportedOn, s.From))
	}
	return fe
}

func preloadSubstitution(tx *gorm.DB) *gorm.DB {
	return tx.Preload("HomeUnit").Preload("Window").Preload("Covered").Preload("Covered.Window").
		Preload("Leave").Preload("Substitute")
}

// SubstitutionFilter narrows the register; empty fields match everything.
type SubstitutionFilter struct {
	WindowID  uint
	CoveredID uint
	From, To  Date // substitutions overlapping these days, inclusive
}

// Substitutions lists reports with their window, person covered, leave and
// roster entry, latest start first.
func (s *Store) Substitutions(f SubstitutionFilter) ([]Substitution, error) {
	q := preloadSubstitution(s.db).Model(&Substitution{}).Order("from_date DESC, id DESC")
	if f.WindowID != 0 {
		q = q.Where("window_id = ?", f.WindowID)
	}
	if f.CoveredID != 0 {
		q = q.Where("covered_id = ?", f.CoveredID)
	}
	if !f.From.IsZero() {
		q = q.Where("to_date >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("from_date <= ?", f.To)
	}
	var out []Substitution
	return out, q.Find(&out).Error
}

// SubstitutionByID returns one report with its associations.
func (s *Store) SubstitutionByID(id uint) (Substitution, error) {
	var x Substitution
	err := preloadSubstitution(s.db).First(&x, id).Error
	return x, notFound(err)
}

// SaveSubstitution creates (ID 0) or updates a report. The person covered
// must belong to the window and be in service when the substitution starts;
// a leave named must be theirs and overlap it; and nobody is covered by two
// substitutes at once. With register, the substitute is also put on the
// roster with 岗位 临时替岗人员 (工号 TGnnn, the same entry again when their
// identity number is already there), serving from From to To; a report
// already linked keeps its roster entry in step with its dates.
func (s *Store) SaveSubstitution(x *Substitution, register bool) error {
	if fe := x.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		return saveSubstitutionTx(tx, a, x, register)
	})
}

func saveSubstitutionTx(tx *gorm.DB, a *auditor, x *Substitution, register bool) error {
	var covered Staff
	if err := tx.Preload("Window").First(&covered, x.CoveredID).Error; err != nil {
		return FieldErrors{{"被替岗人员", "被替岗人员不在人员名册中"}}
	}
	var fe FieldErrors
	if covered.WindowID != x.WindowID {
		var w ServiceWindow
		tx.First(&w, x.WindowID)
		fe.add("被替岗人员", fmt.Sprintf("%s 在 %s，不属于 %s", covered.Name, covered.Window.Label(), w.Label()))
	}
	if covered.Post == PostSubstitute {
		fe.add("被替岗人员", fmt.Sprintf("%s 本人是临时替岗人员，不能再被替岗", covered.Name))
	}
	if !covered.InService(x.From) {
		fe.add("被替岗人员", fmt.Sprintf("%s 在 %s 不在岗（入驻 %s）", covered.Name, x.From, covered.JoinedOn))
	}
	if x.LeaveID != nil {
		var l LeaveRequest
		switch err := tx.First(&l, *x.LeaveID).Error; {
		case err != nil:
			fe.add("所替请假", "所选请假记录不存在")
		case l.StaffID != x.CoveredID:
			fe.add("所替请假", "所选请假不是被替岗人员的请假")
		case l.To.Before(x.From) || l.From.After(x.To):
			fe.add("所替请假", fmt.Sprintf("请假（%s 至 %s）与替岗期间不重叠", l.From, l.To))
		}
	}
	var clash Substitution
	if err := tx.Where("covered_id = ? AND id <> ? AND from_date <= ? AND to_date >= ?",
		x.CoveredID, x.ID, x.To, x.From).Limit(1).Find(&clash).Error; err != nil {
		return err
	}
	if clash.ID != 0 {
		fe.add("开始日期", fmt.Sprintf("%s 在 %s 至 %s 已有替岗人员 %s，同一人同一时间只能有一名替岗人员",
			covered.Name, clash.From, clash.To, clash.Name))
	}
	if len(fe) > 0 {
		return fe
	}
	var before Substitution
	if x.ID != 0 {
		if err := preloadSubstitution(tx).First(&before, x.ID).Error; err != nil {
			return notFound(err)
		}
		if x.SubstituteID == nil {
			x.SubstituteID = before.SubstituteID
		}
		x.CreatedAt = before.CreatedAt
	}
	if register || x.SubstituteID != nil {
		if err := registerSubstitute(tx, a, x); err != nil {
			return err
		}
	}
	if err := tx.Omit("HomeUnit", "Window", "Covered", "Leave", "Substitute").Save(x).Error; err != nil {
		return err
	}
	after := *x
	if err := preloadSubstitution(tx).First(&after, x.ID).Error; err != nil {
		return err
	}
	if before.ID == 0 {
		a.create(after)
	} else {
		a.update(before, after)
	}
	*x = after
	return nil
}

// registerSubstitute puts the substitute on the roster (or updates the entry
// already linked, or one with the same identity number).
func registerSubstitute(tx *gorm.DB, a *auditor, x *Substitution) error {
	var p Staff
	if x.SubstituteID != nil {
		if err := tx.First(&p, *x.SubstituteID).Error; err != nil {
			return notFound(err)
		}
	} else if err := tx.Where("id_number = ? AND post = ?", x.IDNumber, PostSubstitute).Limit(1).Find(&p).Error; err != nil {
		return err
	}
	next := p
	next.Name, next.IDNumber, next.Mobile = x.Name, x.IDNumber, x.Mobile
	next.HomeUnitID, next.WindowID, next.Post, next.Gender = x.HomeUnitID, x.WindowID, PostSubstitute, ""
	if p.ID == 0 || x.From.Before(p.JoinedOn) {
		next.JoinedOn = x.From
	}
	if p.ID == 0 || x.To.After(p.LeftOn) {
		next.LeftOn = x.To
	}
	if p.ID == 0 {
		var nos []string
		if err := tx.Model(&Staff{}).Where("employee_no LIKE 'TG%'").Pluck("employee_no", &nos).Error; err != nil {
			return err
		}
		n := 0
		for _, no := range nos {
			var k int
			if _, err := fmt.Sscanf(no, "TG%d", &k); err == nil && k > n {
				n = k
			}
		}
		next.EmployeeNo = fmt.Sprintf("TG%03d", n+1)
		next.Status = StatusOnDuty
	}
	if fe := next.Validate(); len(fe) > 0 {
		return fmt.Errorf("无法登记到人员名册：%w", fe)
	}
	if err := saveStaffTx(tx, a, &next, x.From, "替岗报备"); err != nil {
		return err
	}
	x.SubstituteID = &next.ID
	return nil
}

// DeleteSubstitution deletes a report entered by mistake. One that was given
// a badge or seat plate is refused: its loans are the record of them.
func (s *Store) DeleteSubstitution(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		x := Substitution{}
		if err := preloadSubstitution(tx).First(&x, id).Error; err != nil {
			return notFound(err)
		}
		var n int64
		tx.Model(&BadgeLoan{}).Where("substitution_id = ?", id).Count(&n)
		if n > 0 {
			return refused(fmt.Sprintf("%s 的替岗报备已有 %d 条挂牌/座牌领用记录，不能删除", x.Name, n))
		}
		if err := tx.Delete(&Substitution{}, id).Error; err != nil {
			return err
		}
		a.delete(x)
		return nil
	})
}
