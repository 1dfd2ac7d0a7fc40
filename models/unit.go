package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// HomeUnit is a department that seconds staff to the centre (派驻单位).
type HomeUnit struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:64;uniqueIndex;not null"`
	// SectorUniform: the unit's staff wear their sector's uniform (行业制式服装)
	// instead of the centre's.
	SectorUniform bool
	Contact       string `gorm:"size:32"`
	Phone         string `gorm:"size:32"`
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func (u HomeUnit) auditEntity() string { return "派驻单位" }
func (u HomeUnit) auditKey() string    { return u.Name }
func (u HomeUnit) auditFields() []AuditField {
	return []AuditField{
		{"单位名称", u.Name}, {"行业制式服装", yesNo(u.SectorUniform)},
		{"联系人", u.Contact}, {"联系电话", u.Phone},
	}
}

// Validate checks a home unit's own fields.
func (u *HomeUnit) Validate() FieldErrors {
	var fe FieldErrors
	u.Name = strings.TrimSpace(u.Name)
	if u.Name == "" {
		fe.add("单位名称", "请填写单位名称")
	} else if len([]rune(u.Name)) > 64 {
		fe.add("单位名称", "单位名称不能超过64个字")
	}
	return fe
}

// HomeUnits lists all home units by name.
func (s *Store) HomeUnits() ([]HomeUnit, error) {
	var out []HomeUnit
	return out, s.db.Order("name").Find(&out).Error
}

// SaveHomeUnit creates the unit (ID 0) or updates it.
func (s *Store) SaveHomeUnit(u *HomeUnit) error {
	if fe := u.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var clash HomeUnit
		if err := tx.Where("name = ? AND id <> ?", u.Name, u.ID).Limit(1).Find(&clash).Error; err != nil {
			return err
		}
		if clash.ID != 0 {
			return FieldErrors{{"单位名称", fmt.Sprintf("已有名为“%s”的派驻单位", u.Name)}}
		}
		return saveAudited(tx, a, u, u.ID)
	})
}

// DeleteHomeUnit deletes a unit no window or person refers to.
func (s *Store) DeleteHomeUnit(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var u HomeUnit
		if err := tx.First(&u, id).Error; err != nil {
			return notFound(err)
		}
		var nw, ns int64
		tx.Model(&ServiceWindow{}).Where("home_unit_id = ?", id).Count(&nw)
		tx.Model(&Staff{}).Where("home_unit_id = ?", id).Count(&ns)
		if nw+ns > 0 {
			return refused(fmt.Sprintf("派驻单位“%s”仍有 %d 个窗口、%d 名人员（含历史人员），不能删除", u.Name, nw, ns))
		}
		if err := tx.Delete(&u).Error; err != nil {
			return err
		}
		a.delete(u)
		return nil
	})
}

// reload fills in the associations a record's audit fields show.
func reload(tx *gorm.DB, rec any) error {
	switch r := rec.(type) {
	case *ServiceWindow:
		return tx.Preload("HomeUnit").First(r, r.ID).Error
	case *Staff:
		return tx.Preload("HomeUnit").Preload("Window").First(r, r.ID).Error
	}
	return nil
}
