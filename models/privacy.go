package models

import (
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// Identity and phone numbers are shown masked: on screens, in exports and
// in the audit log. A role that may (Role.MaySeePersonal) unmasks one
// record at a time or exports them in clear by an explicit choice; both are
// recorded in the audit log. 只读 never sees them.

// Audit actions of personal data seen in clear.
const (
	ActionView   = "查看"
	ActionExport = "导出"
)

// MaskPhone hides the middle of a phone number: 138****5678.
func MaskPhone(p string) string {
	r := []rune(p)
	if len(r) <= 7 {
		return p
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// IsMasked reports whether a value is a masked number (as a masked export
// writes it): importing it keeps the number stored.
func IsMasked(v string) bool { return strings.Contains(v, "***") }

// personalRecord is what the log keeps of personal data seen in clear.
type personalRecord struct{ entity, key, what string }

func (p personalRecord) auditEntity() string       { return p.entity }
func (p personalRecord) auditKey() string          { return p.key }
func (p personalRecord) auditFields() []AuditField { return []AuditField{{"个人信息", p.what}} }

// MaySeePersonal reports whether the operator may see identity and phone
// numbers in clear, and if not, why.
func (s *Store) MaySeePersonal() error {
	acc, ok := s.Account()
	if !ok {
		if has, err := s.HasAccounts(); err != nil || !has {
			return err // single-user mode
		}
		return &ForbiddenError{"请先登录"}
	}
	if !acc.Role.MaySeePersonal() {
		return Forbidden(acc.Role, "查看或导出身份证号、手机号")
	}
	return nil
}

// RevealPersonal records that the operator unmasked the personal data of
// one record (entity and key as the audit log names them); it refuses a
// role that may not.
func (s *Store) RevealPersonal(entity, key string) error {
	if err := s.MaySeePersonal(); err != nil {
		return err
	}
	return s.write(func(_ *gorm.DB, a *auditor) error {
		a.add(ActionView, nil, personalRecord{entity, key, "显示完整身份证号、手机号"})
		return nil
	})
}

// RecordPersonalExport records an export that holds personal data in clear.
func (s *Store) RecordPersonalExport(entity, path string, rows int) error {
	if err := s.MaySeePersonal(); err != nil {
		return err
	}
	return s.write(func(_ *gorm.DB, a *auditor) error {
		a.add(ActionExport, nil, personalRecord{entity, path, "导出含完整身份证号、手机号的" + entity + "，" + strconv.Itoa(rows) + " 行"})
		return nil
	})
}
