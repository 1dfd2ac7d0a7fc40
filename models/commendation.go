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
	// Version rises with every change (see versionedTables)
	Version int `gorm:"not null;default:0"`
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
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if c.ID != 0 {
			if err := checkFreshTx[Commendation](tx, c.ID, c.Version); err != nil {
				return err
			}
		}
		if err := saveCommendationTx(tx, a, c); err != nil {
			return err
		}
		return readVersionTx(tx, "commendations", c.ID, &c.Version)
	})
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
	ID         uint // the record its 编号 names; 0 for a new one
	EmployeeNo string
	On         Date
	Kind, Note string
}

// ImportCommendations creates commendations in one transaction; a row with
// a 编号 updates the commendation it names. Rows without one are matched on
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
		// the commendations stored in the rows' span once, and new ones
		// through one prepared statement
		known, err := storedCommendationsAround(tx, rows)
		if err != nil {
			return err
		}
		insert, err := prepareInsert(tx, insertCommendationSQL)
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
			next := Commendation{StaffID: p.ID, On: r.On, Kind: r.Kind, Note: r.Note}
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("工号 %s %s：%w", r.EmployeeNo, r.On, fe)
			}
			if r.ID != 0 {
				var rec Commendation
				if err := findByKey(tx, KeyCommendation, r.ID, &rec); err != nil {
					return err
				}
				if rec.StaffID == next.StaffID && rec.On == next.On && rec.Kind == next.Kind && rec.Note == next.Note {
					st.Unchanged++
					continue
				}
				if err := refuseLocked(tx, "修改表扬", MonthOf(rec.On)); err != nil {
					return err
				}
				next.ID = rec.ID
				if err := saveCommendationTx(tx, a, &next); err != nil {
					return err
				}
				st.Updated++
				continue
			}
			if known[commendationKeyOf(next)] {
				st.Unchanged++
				continue
			}
			next.CreatedAt, next.UpdatedAt = now, now
			if next.ID, err = insert.insertID(tx.Statement.Context, next.StaffID, next.On, next.Kind, next.Note, now, now); err != nil {
				return err
			}
			known[commendationKeyOf(next)] = true
			next.Staff = p
			a.create(&next)
			st.Created++
		}
		return nil
	})
	return st, err
}

// insertCommendationSQL adds a new commendation.
const insertCommendationSQL = `INSERT INTO commendations (staff_id, "on", kind, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`

// commendationKey is what an import matches a commendation without a 编号 on.
type commendationKey struct {
	staffID    uint
	on         Date
	kind, note string
}

func commendationKeyOf(c Commendation) commendationKey {
	return commendationKey{c.StaffID, c.On, c.Kind, c.Note}
}

// storedCommendationsAround reads the commendations stored from the first
// to the last day of the rows.
func storedCommendationsAround(tx *gorm.DB, rows []CommendationRow) (map[commendationKey]bool, error) {
	out := map[commendationKey]bool{}
	list, err := storedOnDaysOf[Commendation](tx, rows, func(r CommendationRow) Date { return r.On })
	if err != nil {
		return nil, err
	}
	for _, c := range list {
		out[commendationKeyOf(c)] = true
	}
	return out, nil
}
