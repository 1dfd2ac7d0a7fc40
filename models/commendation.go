package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Commendation kinds (表扬类型).
const (
	CommendLetter = "表扬信"
	CommendBanner = "锦旗"
	CommendMedia  = "媒体表扬"
	CommendOther  = "其他"
)

// CommendationKinds lists the kinds in the order forms offer them.
var CommendationKinds = []string{CommendLetter, CommendBanner, CommendMedia, CommendOther}

// Commendation is a commendation of a person (表扬): a letter, a banner
// (锦旗), praise in the media, or another. 表扬信, 锦旗 and 媒体表扬 earn the
// scoring's bonus points (Bonus).
type Commendation struct {
	ID        uint   `gorm:"primaryKey"`
	StaffID   uint   `gorm:"not null;index"`
	Staff     Staff  `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	On        Date   `gorm:"not null;index"`
	Kind      string `gorm:"size:8;not null"`
	Note      string `gorm:"size:512"` // 说明
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Bonus reports whether the kind earns bonus points (表扬信, 锦旗, 媒体表扬).
func (c Commendation) Bonus() bool { return c.Kind != CommendOther }

func (c Commendation) auditEntity() string { return "表扬" }
func (c Commendation) auditKey() string {
	return fmt.Sprintf("%s %s %s %s", c.Staff.EmployeeNo, c.Staff.Name, c.On, c.Kind)
}
func (c Commendation) auditFields() []AuditField {
	return []AuditField{{"人员", c.Staff.EmployeeNo + " " + c.Staff.Name}, {"日期", c.On.String()}, {"类型", c.Kind}, {"说明", c.Note}}
}

// Validate checks and normalises the record.
func (c *Commendation) Validate() FieldErrors {
	var fe FieldErrors
	c.Kind, c.Note = strings.TrimSpace(c.Kind), strings.TrimSpace(c.Note)
	if c.StaffID == 0 {
		fe.add("工号", "请选择人员")
	}
	if c.On.IsZero() {
		fe.add("日期", "请填写日期")
	}
	if !oneOf(c.Kind, CommendationKinds) {
		fe.add("类型", fmt.Sprintf("类型“%s”不存在，只能是 %s", c.Kind, strings.Join(CommendationKinds, " / ")))
	}
	if len([]rune(c.Note)) > 250 {
		fe.add("说明", "说明不能超过250个字")
	}
	return fe
}

// SaveCommendation creates (ID 0) or updates a commendation.
func (s *Store) SaveCommendation(c *Commendation) error {
	if fe := c.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error { return saveCommendationTx(tx, a, c) })
}

func saveCommendationTx(tx *gorm.DB, a *auditor, c *Commendation) error {
	if err := refuseLocked(tx, "记录或更改表扬", MonthOf(c.On)); err != nil {
		return err
	}
	var who Staff
	if err := tx.Limit(1).Find(&who, c.StaffID).Error; err != nil {
		return err
	}
	if who.ID == 0 {
		return FieldErrors{{"工号", "所选人员不存在，可能已被删除"}}
	}
	var before *Commendation
	if c.ID != 0 {
		before = new(Commendation)
		if err := tx.Preload("Staff").First(before, c.ID).Error; err != nil {
			return notFound(err)
		}
		c.CreatedAt = before.CreatedAt
		if err := tx.Omit("created_at", clause.Associations).Save(c).Error; err != nil {
			return err
		}
	} else if err := tx.Omit(clause.Associations).Create(c).Error; err != nil {
		return err
	}
	if err := tx.Preload("Staff").First(c, c.ID).Error; err != nil {
		return err
	}
	if before == nil {
		a.create(c)
	} else {
		a.update(before, c)
	}
	return nil
}

// DeleteCommendation deletes a commendation.
func (s *Store) DeleteCommendation(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var c Commendation
		if err := tx.Preload("Staff").First(&c, id).Error; err != nil {
			return notFound(err)
		}
		if err := refuseLocked(tx, "删除该月的表扬", MonthOf(c.On)); err != nil {
			return err
		}
		if err := tx.Delete(&Commendation{}, id).Error; err != nil {
			return err
		}
		a.delete(&c)
		return nil
	})
}

// CommendationFilter narrows commendations; empty fields match everything.
type CommendationFilter struct {
	StaffID  uint
	Kind     string
	From, To Date
}

// Commendations lists commendations with the person, in date order.
func (s *Store) Commendations(f CommendationFilter) ([]Commendation, error) {
	q := s.db.Preload("Staff").Preload("Staff.Window").Order("\"on\", id")
	if f.StaffID != 0 {
		q = q.Where("staff_id = ?", f.StaffID)
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if !f.From.IsZero() {
		q = q.Where("\"on\" >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("\"on\" <= ?", f.To)
	}
	var out []Commendation
	return out, q.Find(&out).Error
}

// CommendationRow is one commendation as the commendations file gives it.
type CommendationRow struct {
	EmployeeNo string
	On         Date
	Kind, Note string
}

// ImportCommendations creates commendations in one transaction, matched on
// 工号 + 日期 + 类型 + 说明: rows already stored change nothing.
func (s *Store) ImportCommendations(rows []CommendationRow) (ImportStats, error) {
	var st ImportStats
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		if err := refuseLocked(tx, "导入表扬", rowMonths(rows, func(r CommendationRow) Date { return r.On })...); err != nil {
			return err
		}
		roster, err := rosterByNo(tx)
		if err != nil {
			return err
		}
		for _, r := range rows {
			p, ok := roster[r.EmployeeNo]
			if !ok {
				return FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}}
			}
			next := Commendation{StaffID: p.ID, On: r.On, Kind: r.Kind, Note: r.Note}
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("工号 %s %s：%w", r.EmployeeNo, r.On, fe)
			}
			var n int64
			if err := tx.Model(&Commendation{}).Where("staff_id = ? AND \"on\" = ? AND kind = ? AND note = ?", p.ID, next.On, next.Kind, next.Note).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				st.Unchanged++
				continue
			}
			if err := saveCommendationTx(tx, a, &next); err != nil {
				return err
			}
			st.Created++
		}
		return nil
	})
	return st, err
}

// ViolationRow is one violation as the violations file gives it.
type ViolationRow struct {
	EmployeeNo    string
	On            Date
	Category      string
	Circumstances string
	RecordedBy    string
}

// ImportViolations creates violations in one transaction, matched on 工号 +
// 日期 + 类别 + 情形 (a stored one with a different 记录人 is updated). Each
// new one gets the ladder step its history suggests.
func (s *Store) ImportViolations(rows []ViolationRow) (ImportStats, error) {
	var st ImportStats
	op := s.Operator()
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		roster, err := rosterByNo(tx)
		if err != nil {
			return err
		}
		for _, r := range rows {
			p, ok := roster[r.EmployeeNo]
			if !ok {
				return FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}}
			}
			next := Violation{StaffID: p.ID, On: r.On, Category: r.Category, Circumstances: r.Circumstances, RecordedBy: r.RecordedBy}
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("工号 %s %s：%w", r.EmployeeNo, r.On, fe)
			}
			var old Violation
			if err := tx.Where("staff_id = ? AND \"on\" = ? AND category = ? AND circumstances = ?", p.ID, next.On, next.Category, next.Circumstances).Limit(1).Find(&old).Error; err != nil {
				return err
			}
			if old.ID != 0 {
				if next.RecordedBy == "" || old.RecordedBy == next.RecordedBy {
					st.Unchanged++
					continue
				}
				rec := old
				rec.RecordedBy = next.RecordedBy
				if err := saveViolationTx(tx, a, &rec); err != nil {
					return err
				}
				st.Updated++
				continue
			}
			if next.RecordedBy == "" {
				next.RecordedBy = op
			}
			if err := saveViolationTx(tx, a, &next); err != nil {
				return err
			}
			st.Created++
		}
		return nil
	})
	return st, err
}

// ComplaintRow is one complaint as the complaints file gives it.
type ComplaintRow struct {
	On          Date
	WindowCode  string
	EmployeeNo  string
	Complainant string
	Content     string
	Status      string
	Problem     string
	Channel     string
	Contact     string
	Notes       string
	Finding     string
	ConcludedOn Date
}

// ImportComplaints creates or updates complaints in one transaction,
// matched on 日期 + 窗口编号 + 内容; an upheld one against a person creates
// its violation as SaveComplaint does. Empty optional cells keep what is stored.
func (s *Store) ImportComplaints(rows []ComplaintRow) (ImportStats, error) {
	var st ImportStats
	op := s.Operator()
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		roster, err := rosterByNo(tx)
		if err != nil {
			return err
		}
		for _, r := range rows {
			var w ServiceWindow
			if err := tx.Where("code = ?", r.WindowCode).Limit(1).Find(&w).Error; err != nil {
				return err
			}
			if w.ID == 0 {
				return FieldErrors{{"窗口编号", fmt.Sprintf("窗口 %s 不存在，请先导入窗口", r.WindowCode)}}
			}
			var old Complaint
			if err := tx.Where("\"on\" = ? AND window_id = ? AND content = ?", r.On, w.ID, r.Content).Limit(1).Find(&old).Error; err != nil {
				return err
			}
			next := old
			next.On, next.WindowID, next.Content, next.Status = r.On, w.ID, r.Content, r.Status
			keepIfEmpty(&next.Complainant, r.Complainant)
			keepIfEmpty(&next.Problem, r.Problem)
			keepIfEmpty(&next.Channel, r.Channel)
			keepIfEmpty(&next.Contact, r.Contact)
			keepIfEmpty(&next.Notes, r.Notes)
			keepIfEmpty(&next.Finding, r.Finding)
			if r.EmployeeNo != "" {
				p, ok := roster[r.EmployeeNo]
				if !ok {
					return FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}}
				}
				id := p.ID
				next.StaffID = &id
			}
			if old.ID != 0 && sameComplaint(old, next) {
				st.Unchanged++
				continue
			}
			next.Window, next.Staff = ServiceWindow{}, nil
			switch {
			case !r.ConcludedOn.IsZero():
				next.ConcludedOn = r.ConcludedOn
			case next.Status != ComplaintOpen && old.Status != next.Status:
				next.ConcludedOn = Date{}
			}
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("%s %s：%w", r.On, r.WindowCode, fe)
			}
			if err := saveComplaintTx(tx, a, &next, op); err != nil {
				return err
			}
			if old.ID == 0 {
				st.Created++
			} else {
				st.Updated++
			}
		}
		return nil
	})
	return st, err
}

func sameComplaint(a, b Complaint) bool {
	sid := func(p *uint) uint {
		if p == nil {
			return 0
		}
		return *p
	}
	return a.Status == b.Status && a.Complainant == b.Complainant && a.Problem == b.Problem &&
		a.Channel == b.Channel && a.Contact == b.Contact && a.Notes == b.Notes && a.Finding == b.Finding && a.ConcludedOn == b.ConcludedOn && sid(a.StaffID) == sid(b.StaffID)
}
