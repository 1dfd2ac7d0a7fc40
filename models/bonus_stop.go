package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// BonusStop is a 月度考核奖扣发 the office records by hand, with its reason:
// a case the handbook names that no ladder or score records (a decision of
// the centre's leaders, 服务承诺 二.1's 视情节轻重 处理 …). It is listed on the
// month's 扣发 list and bulletin beside the ones the rules give.
type BonusStop struct {
	ID         uint   `gorm:"primaryKey"`
	StaffID    uint   `gorm:"not null;index"`
	Staff      Staff  `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Month      string `gorm:"size:7;not null;index"` // 2026-11
	Reason     string `gorm:"size:512;not null"`
	Basis      string `gorm:"size:128"` // 依据, e.g. 服务承诺制度 二.2
	RecordedBy string `gorm:"size:64"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func (b BonusStop) auditEntity() string { return "考核奖扣发" }
func (b BonusStop) auditKey() string {
	return fmt.Sprintf("%s %s %s", b.Month, b.Staff.EmployeeNo, b.Staff.Name)
}
func (b BonusStop) auditFields() []AuditField {
	return []AuditField{{"月份", b.Month}, {"人员", b.Staff.EmployeeNo + " " + b.Staff.Name},
		{"原因", b.Reason}, {"依据", b.Basis}, {"登记人", b.RecordedBy}}
}

// Label is the entry as the 扣发 list shows it: "人工登记：原因（依据）".
func (b BonusStop) Label() string {
	l := "人工登记：" + b.Reason
	if b.Basis != "" {
		l += "（" + b.Basis + "）"
	}
	return l
}

// Validate checks and normalises what the clerk typed; field names are the
// form's labels.
func (b *BonusStop) Validate() FieldErrors {
	var fe FieldErrors
	b.Reason, b.Basis, b.RecordedBy = strings.TrimSpace(b.Reason), strings.TrimSpace(b.Basis), strings.TrimSpace(b.RecordedBy)
	if b.StaffID == 0 {
		fe.add("人员", "请选择扣发考核奖的人员")
	}
	if m, err := ParseMonth(b.Month); err != nil {
		fe.add("月份", err.Error())
	} else {
		b.Month = MonthOf(m)
	}
	switch {
	case b.Reason == "":
		fe.add("原因", "请写明扣发考核奖的原因")
	case len([]rune(b.Reason)) > 200:
		fe.add("原因", "原因不能超过200个字")
	}
	if len([]rune(b.Basis)) > 60 {
		fe.add("依据", "依据不能超过60个字")
	}
	return fe
}

// SaveBonusStop records (ID 0) or corrects a manual 考核奖扣发. A month whose
// scores are closed refuses it. An empty 登记人 is the operator.
func (s *Store) SaveBonusStop(b *BonusStop) error {
	if b.RecordedBy == "" {
		b.RecordedBy = s.Operator()
	}
	if fe := b.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var who Staff
		if err := tx.Limit(1).Find(&who, b.StaffID).Error; err != nil {
			return err
		}
		if who.ID == 0 {
			return FieldErrors{{"人员", "所选人员不存在，可能已被删除"}}
		}
		var before *BonusStop
		if b.ID != 0 {
			before = new(BonusStop)
			if err := tx.Preload("Staff").First(before, b.ID).Error; err != nil {
				return notFound(err)
			}
			if err := refuseLocked(tx, "更改考核奖扣发", before.Month); err != nil {
				return err
			}
			b.CreatedAt = before.CreatedAt
		}
		if err := refuseLocked(tx, "登记考核奖扣发", b.Month); err != nil {
			return err
		}
		if err := tx.Omit(clause.Associations).Save(b).Error; err != nil {
			return err
		}
		b.Staff = who
		if before == nil {
			a.create(b)
		} else {
			a.update(before, b)
		}
		return nil
	})
}

// DeleteBonusStop withdraws a manual 考核奖扣发 of a month still open.
func (s *Store) DeleteBonusStop(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var b BonusStop
		if err := tx.Preload("Staff").First(&b, id).Error; err != nil {
			return notFound(err)
		}
		if err := refuseLocked(tx, "撤销考核奖扣发", b.Month); err != nil {
			return err
		}
		if err := tx.Delete(&BonusStop{}, id).Error; err != nil {
			return err
		}
		a.delete(&b)
		return nil
	})
}

// BonusStops lists a month's manual 考核奖扣发 with their people.
func (s *Store) BonusStops(month string) ([]BonusStop, error) {
	var out []BonusStop
	return out, s.db.Preload("Staff").Preload("Staff.Window").Where("month = ?", month).Order("id").Find(&out).Error
}

// migrateEscalation adds what escalation as rule data needs: a violation's
// aggravation and list of consequences, and the manual 考核奖扣发 record.
func migrateEscalation(tx *gorm.DB) error {
	return tx.AutoMigrate(&Violation{}, &BonusStop{})
}
