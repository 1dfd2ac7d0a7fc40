package models

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ServiceWindow is a service counter of the centre (窗口). It is never called
// just "Window", which in the UI code is a Fyne window.
type ServiceWindow struct {
	ID         uint     `gorm:"primaryKey"`
	Code       string   `gorm:"size:16;uniqueIndex;not null"` // 窗口编号, e.g. A01
	Name       string   `gorm:"size:64;not null"`
	HomeUnitID uint     `gorm:"not null;index"`
	HomeUnit   HomeUnit `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Area       string   `gorm:"size:32"` // 区域 / 楼层
	Active     bool     `gorm:"not null;default:true"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
	// Version rises with every change (see versionedTables)
	Version int `gorm:"not null;default:0"`
}

func (w ServiceWindow) auditEntity() string { return "窗口" }
func (w ServiceWindow) auditKey() string    { return w.Code }
func (w ServiceWindow) auditFields() []AuditField {
	return []AuditField{
		{"窗口编号", w.Code}, {"窗口名称", w.Name}, {"派驻单位", w.HomeUnit.Name},
		{"区域", w.Area}, {"启用", yesNo(w.Active)},
	}
}

// Label is how a window is named in lists: "A01 市场监管综合窗口".
func (w ServiceWindow) Label() string {
	if w.Code == "" {
		return ""
	}
	return w.Code + " " + w.Name
}

var windowCodePattern = regexp.MustCompile(`^[A-Za-z0-9-]{1,16}$`)

// Validate checks a window's own fields (not uniqueness, which the store checks).
func (w *ServiceWindow) Validate() FieldErrors {
	var fe FieldErrors
	w.Code = strings.ToUpper(strings.TrimSpace(w.Code))
	w.Name = strings.TrimSpace(w.Name)
	w.Area = strings.TrimSpace(w.Area)
	switch {
	case w.Code == "":
		fe.add("窗口编号", "请填写窗口编号")
	case !windowCodePattern.MatchString(w.Code):
		fe.add("窗口编号", "窗口编号只能由字母、数字和“-”组成，最多16位，如 A01")
	}
	if w.Name == "" {
		fe.add("窗口名称", "请填写窗口名称")
	} else if n := len([]rune(w.Name)); n > 64 {
		fe.add("窗口名称", fmt.Sprintf("窗口名称最多 64 个字，现有 %d 个字", n))
	}
	if n := len([]rune(w.Area)); n > 32 {
		fe.add("区域", fmt.Sprintf("区域最多 32 个字，现有 %d 个字", n))
	}
	if w.HomeUnitID == 0 {
		fe.add("派驻单位", "请选择派驻单位")
	}
	return fe
}

// ServiceWindows lists all windows with their home units, by code.
func (s *Store) ServiceWindows() ([]ServiceWindow, error) {
	var out []ServiceWindow
	return out, s.db.Preload("HomeUnit").Order("code").Find(&out).Error
}

// SaveServiceWindow creates the window (ID 0) or updates it.
func (s *Store) SaveServiceWindow(w *ServiceWindow) error {
	if fe := w.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if w.ID != 0 {
			if err := checkFreshTx[ServiceWindow](tx, w.ID, w.Version); err != nil {
				return err
			}
		}
		if err := checkWindowCodeFree(tx, w.Code, w.ID); err != nil {
			return err
		}
		if err := saveAudited(tx, a, w, w.ID); err != nil {
			return err
		}
		return readVersionTx(tx, "service_windows", w.ID, &w.Version)
	})
}

func checkWindowCodeFree(tx *gorm.DB, code string, id uint) error {
	var clash ServiceWindow
	if err := tx.Where("code = ? AND id <> ?", code, id).Limit(1).Find(&clash).Error; err != nil {
		return err
	}
	if clash.ID != 0 {
		return FieldErrors{{"窗口编号", fmt.Sprintf("窗口编号 %s 已被“%s”使用", code, clash.Name)}}
	}
	return nil
}

// DeleteServiceWindow deletes a window that no person, present or past, sits at.
func (s *Store) DeleteServiceWindow(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var w ServiceWindow
		if err := tx.Preload("HomeUnit").First(&w, id).Error; err != nil {
			return notFound(err)
		}
		var n, h int64
		tx.Model(&Staff{}).Where("window_id = ?", id).Count(&n)
		tx.Model(&StaffChange{}).Where("from_window_id = ? OR to_window_id = ?", id, id).Count(&h)
		if n > 0 {
			return refused(fmt.Sprintf("窗口 %s 仍有 %d 名人员，不能删除；可先将人员调往其他窗口，或把窗口设为停用", w.Code, n))
		}
		if h > 0 {
			return refused(fmt.Sprintf("窗口 %s 有人员调动历史，删除会丢失历史记录；请改为停用", w.Code))
		}
		var c int64
		tx.Model(&Case{}).Where("window_id = ?", id).Count(&c)
		if c > 0 {
			return refused(fmt.Sprintf("窗口 %s 受理过 %d 件办件，删除会丢失办件记录；请改为停用", w.Code, c))
		}
		if err := tx.Delete(&w).Error; err != nil {
			return err
		}
		a.delete(w)
		return nil
	})
}
