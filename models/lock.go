package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// MonthLock is the 封帐 state of one month's attendance. A locked month's
// results cannot change (no punch, correction, leave, inspection, outing or
// rule set touching it is saved) until it is unlocked with a written reason;
// the audit log keeps every lock and unlock.
type MonthLock struct {
	Month  string    `gorm:"primaryKey;size:7"` // 2026-11
	Locked bool      `gorm:"not null"`
	Reason string    `gorm:"size:256"` // why it was last unlocked
	By     string    `gorm:"size:64"`
	At     time.Time `gorm:"serializer:civil;type:datetime"`
}

func (l MonthLock) auditEntity() string { return "考勤封帐" }
func (l MonthLock) auditKey() string    { return l.Month }
func (l MonthLock) auditFields() []AuditField {
	state := "未封帐"
	if l.Locked {
		state = "已封帐"
	}
	return []AuditField{{"月份", l.Month}, {"状态", state}, {"解锁原因", l.Reason}}
}

// refuseLocked refuses a change that would alter the results of any of the
// given months while one of them is locked, naming the month.
func refuseLocked(tx *gorm.DB, what string, months ...string) error {
	if len(months) == 0 {
		return nil
	}
	var locked []string
	if err := tx.Model(&MonthLock{}).Where("locked = ? AND month IN ?", true, months).
		Order("month").Pluck("month", &locked).Error; err != nil {
		return err
	}
	if len(locked) == 0 {
		return nil
	}
	labels := make([]string, len(locked))
	for i, m := range locked {
		labels[i] = monthLabel(m)
	}
	return refused(fmt.Sprintf("%s已封帐，不能%s；如确需更改，请先解锁该月（考勤或评分中的“重新打开”）并写明原因", strings.Join(labels, "、"), what))
}

// lockedMonths lists the months locked now.
func lockedMonths(tx *gorm.DB) (map[string]bool, error) {
	var ms []string
	if err := tx.Model(&MonthLock{}).Where("locked = ?", true).Pluck("month", &ms).Error; err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(ms))
	for _, m := range ms {
		out[m] = true
	}
	return out, nil
}

// MonthLocks lists every month that has ever been locked, newest first.
func (s *Store) MonthLocks() ([]MonthLock, error) {
	var out []MonthLock
	return out, s.db.Order("month DESC").Find(&out).Error
}

// MonthLocked reports whether a month ("2026-11") is locked.
func (s *Store) MonthLocked(month string) (bool, error) {
	var l MonthLock
	err := s.db.Where("month = ?", month).Limit(1).Find(&l).Error
	return l.Locked, err
}

// LockMonth locks a month's attendance after review (封帐).
func (s *Store) LockMonth(month string) error {
	first, err := ParseMonth(month)
	if err != nil {
		return FieldErrors{{"月份", err.Error()}}
	}
	month = MonthOf(first)
	sheet, err := s.AttendanceSheet(month, AttendanceFilter{TotalsOnly: true})
	if err != nil {
		return err
	}
	if open := unresolvedGapsText(sheet.Gaps); open != "" {
		return refused(fmt.Sprintf("%s不能封帐：%s。请先导入这些日期的打卡记录，或在考勤中确认该日记录完整（例如考勤机故障），再封帐", monthLabel(month), open))
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var before MonthLock
		if err := tx.Where("month = ?", month).Limit(1).Find(&before).Error; err != nil {
			return err
		}
		if before.Locked {
			return refused(fmt.Sprintf("%s已于 %s 由 %s 封帐，无需重复封帐", monthLabel(month), formatMinute(before.At), before.By))
		}
		after := MonthLock{Month: month, Locked: true, By: a.operator, At: a.at}
		if err := tx.Save(&after).Error; err != nil {
			return err
		}
		if before.Month == "" {
			a.create(after)
		} else {
			a.update(before, after)
		}
		return nil
	})
}

// UnlockMonth unlocks a locked month so that it can be corrected; the reason
// is required and kept in the audit log.
func (s *Store) UnlockMonth(month, reason string) error {
	first, err := ParseMonth(month)
	if err != nil {
		return FieldErrors{{"月份", err.Error()}}
	}
	month = MonthOf(first)
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return FieldErrors{{"解锁原因", "请写明解锁原因（例如：补录11月12日查岗记录），解锁会记入操作日志"}}
	case len([]rune(reason)) > 200:
		return FieldErrors{{"解锁原因", "解锁原因不能超过200个字"}}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var before MonthLock
		if err := tx.Where("month = ?", month).Limit(1).Find(&before).Error; err != nil {
			return err
		}
		if !before.Locked {
			return refused(fmt.Sprintf("%s没有封帐，无需解锁", monthLabel(month)))
		}
		after := MonthLock{Month: month, Locked: false, Reason: reason, By: a.operator, At: a.at}
		if err := tx.Save(&after).Error; err != nil {
			return err
		}
		a.update(before, after)
		// a selection drawn from the month's figures has to be reviewed
		return flagSelections(tx, a, month, "解锁"+monthLabel(month)+"考勤："+reason)
	})
}
