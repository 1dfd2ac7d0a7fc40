package models

import (
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

// Role is what an operator account may do.
type Role string

// The roles. 管理员 does everything, including accounts and rule sets; the
// others change only the records of their work, and everyone may look.
const (
	RoleAdmin      Role = "管理员"
	RoleAttendance Role = "考勤员" // punches, leave, inspections, month lock
	RoleInspector  Role = "督查"  // conduct, complaints, ratings
	RoleCases      Role = "办件"  // cases and notices
	RoleReadOnly   Role = "只读"  // looks and exports, without personal data
)

// Roles lists the roles in the order forms offer them.
var Roles = []Role{RoleAdmin, RoleAttendance, RoleInspector, RoleCases, RoleReadOnly}

// roleEntities are the kinds of record (as the audit log names them) each
// role other than 管理员 may change.
var roleEntities = map[Role][]string{
	RoleAttendance: {"打卡", "补卡", "请假", "查岗记录", "外出登记", "考勤封帐", "无打卡日确认", "考勤号码对照", "打卡文件列对照"},
	RoleInspector:  {"违规记录", "投诉", "好差评", "表扬", "考核奖扣发"},
	RoleCases:      {"办件", "文书"},
}

// MayChange reports whether the role may change records of entity (the
// audit log's name for the kind of record).
func (r Role) MayChange(entity string) bool {
	if r == RoleAdmin {
		return true
	}
	for _, e := range roleEntities[r] {
		if e == entity {
			return true
		}
	}
	return false
}

// MaySeePersonal reports whether the role may unmask identity and phone
// numbers and export them.
func (r Role) MaySeePersonal() bool { return r != RoleReadOnly && r != "" }

// Duties says in words what the role may change, for forms and refusals.
func (r Role) Duties() string {
	switch r {
	case RoleAdmin:
		return "全部功能，包括账号与规则"
	case RoleReadOnly:
		return "只能查看和导出，不含身份证号、手机号"
	}
	return "可修改：" + strings.Join(roleEntities[r], "、")
}

// ForbiddenError is a change the signed-in operator's role may not make.
type ForbiddenError struct{ Reason string }

func (e *ForbiddenError) Error() string { return e.Reason }

// IsForbidden reports whether err is a refusal for lack of rights.
func IsForbidden(err error) bool {
	var f *ForbiddenError
	return errors.As(err, &f)
}

// Forbidden is the refusal of what role may not do, in Chinese.
func Forbidden(role Role, what string) error {
	return &ForbiddenError{fmt.Sprintf("账号角色“%s”不能%s（%s）。请用有权限的账号登录。", role, what, role.Duties())}
}

// Account is an operator of GovDesk: the name written into the audit log,
// a role and a password, kept only as a bcrypt hash.
type Account struct {
	ID           uint   `gorm:"primaryKey"`
	Name         string `gorm:"size:64;uniqueIndex"`
	Role         Role   `gorm:"size:16"`
	PasswordHash string `gorm:"size:128"`
	Disabled     bool
}

func (a Account) auditEntity() string { return "账号" }
func (a Account) auditKey() string    { return a.Name }
func (a Account) auditFields() []AuditField {
	return []AuditField{{"角色", string(a.Role)}, {"停用", yesNo(a.Disabled)}}
}

// passwordRecord is what the log says of a password change: that it
// happened, never the password or its hash.
type passwordRecord struct{ name, what string }

func (p passwordRecord) auditEntity() string       { return "账号" }
func (p passwordRecord) auditKey() string          { return p.name }
func (p passwordRecord) auditFields() []AuditField { return []AuditField{{"密码", p.what}} }

const (
	settingRecovery = "recovery_code"
	minPassword     = 8
)

// SignedIn is the option that opens a store with account signed in (a
// store opened again after a restore, the command line's --user).
func SignedIn(acc Account) Option {
	return func(s *Store) { s.account = &acc }
}

// Account is the signed-in operator, if any.
func (s *Store) Account() (Account, bool) {
	s.opMu.Lock()
	defer s.opMu.Unlock()
	if s.account == nil {
		return Account{}, false
	}
	return *s.account, true
}

// HasAccounts reports whether any operator account exists. Until the first
// administrator is created the database works in single-user mode: no
// sign-in, every change allowed, recorded under the 操作员 name.
func (s *Store) HasAccounts() (bool, error) {
	var n int64
	err := s.db.Model(&Account{}).Count(&n).Error
	return n > 0, err
}

// Accounts lists the operator accounts by name.
func (s *Store) Accounts() ([]Account, error) {
	var out []Account
	return out, s.db.Order("name").Find(&out).Error
}

func hashPassword(pw string) (string, error) {
	if utf8.RuneCountInString(pw) < minPassword {
		return "", FieldErrors{{"密码", fmt.Sprintf("密码至少 %d 个字符", minPassword)}}
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	if err != nil {
		return "", FieldErrors{{"密码", "密码太长（最多 72 个字节）"}}
	}
	return string(h), nil
}

// newRecoveryCode is 20 characters from an alphabet without look-alikes,
// in groups of four.
func newRecoveryCode() (string, error) {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	var out strings.Builder
	for i, c := range b {
		if i > 0 && i%4 == 0 {
			out.WriteByte('-')
		}
		out.WriteByte(alphabet[int(c)%len(alphabet)])
	}
	return out.String(), nil
}

func normaliseCode(code string) string {
	return strings.ToUpper(strings.NewReplacer("-", "", " ", "", "－", "").Replace(strings.TrimSpace(code)))
}

// setRecoveryCode stores a new recovery code's hash and returns the code.
func setRecoveryCode(tx *gorm.DB, a *auditor) (string, error) {
	code, err := newRecoveryCode()
	if err != nil {
		return "", err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(normaliseCode(code)), bcrypt.DefaultCost)
	if err != nil {
		return "", err
	}
	if err := tx.Save(&Setting{Key: settingRecovery, Value: string(h)}).Error; err != nil {
		return "", err
	}
	a.update(settingRecord{"管理员恢复码", ""}, settingRecord{"管理员恢复码", "已生成（只显示一次）"})
	return code, nil
}

// CreateAdministrator creates the first account, an administrator, signs
// it in and returns the recovery code, shown once: the only way back in
// for an administrator locked out. It is refused once any account exists.
func (s *Store) CreateAdministrator(name, password string) (code string, err error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", FieldErrors{{"姓名", "请填写管理员的姓名"}}
	}
	h, err := hashPassword(password)
	if err != nil {
		return "", err
	}
	acc := Account{Name: name, Role: RoleAdmin, PasswordHash: h}
	err = s.write(func(tx *gorm.DB, a *auditor) error {
		var n int64
		if err := tx.Model(&Account{}).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return refused("已经有账号了，请用管理员账号登录后再添加账号")
		}
		if err := tx.Create(&acc).Error; err != nil {
			return err
		}
		a.operator = name
		a.create(acc)
		code, err = setRecoveryCode(tx, a)
		return err
	})
	if err != nil {
		return "", err
	}
	s.setAccount(&acc)
	return code, nil
}

func (s *Store) setAccount(acc *Account) {
	s.opMu.Lock()
	s.account = acc
	s.opMu.Unlock()
}

var (
	dummyOnce sync.Once
	dummyHash []byte
)

// errSignIn never says which of name and password was wrong.
var errSignIn = refused("账号或密码不正确")

// Audit actions of sign-ins: the window's sessions, and every attempt
// refused (at the window or on the command line), so the log shows who was
// at the PC and when, and any guessing of passwords.
const (
	ActionSignIn       = "登录"
	ActionSignInFailed = "登录失败"
	ActionSignOut      = "退出登录"
)

// sessionRecord is what the log keeps of a sign-in or sign-out.
type sessionRecord struct{ name, what string }

func (r sessionRecord) auditEntity() string       { return "账号" }
func (r sessionRecord) auditKey() string          { return r.name }
func (r sessionRecord) auditFields() []AuditField { return []AuditField{{"说明", r.what}} }

// isSession reports whether action records a sign-in or sign-out, which
// needs no right to change anything.
func isSession(action string) bool {
	return action == ActionSignIn || action == ActionSignInFailed || action == ActionSignOut
}

// SignIn checks the name and password and signs the account in. A refused
// attempt is written into the audit log under the name tried.
func (s *Store) SignIn(name, password string) (Account, error) {
	acc, err := s.checkPassword(name, password)
	if err != nil {
		var refusal *RefusedError
		if errors.As(err, &refusal) {
			s.recordSession(ActionSignInFailed, strings.TrimSpace(name), refusal.Reason)
		}
		return Account{}, err
	}
	s.setAccount(&acc)
	return acc, nil
}

// StartSession is SignIn for the window: the sign-in itself is written into
// the audit log too.
func (s *Store) StartSession(name, password string) (Account, error) {
	acc, err := s.SignIn(name, password)
	if err != nil {
		return acc, err
	}
	s.recordSession(ActionSignIn, acc.Name, "在窗口登录")
	return acc, nil
}

// EndSession signs the window's operator out, writing why into the audit
// log (signed out by hand, or after the idle time).
func (s *Store) EndSession(why string) {
	if acc, ok := s.Account(); ok {
		s.recordSession(ActionSignOut, acc.Name, why)
	}
	s.SignOut()
}

// recordSession writes a sign-in, a refused attempt or a sign-out into the
// audit log. The record is kept when it can be: a database another program
// holds for a long import does not stop anyone signing in or out.
func (s *Store) recordSession(action, name, what string) {
	if name == "" {
		name = "（未填账号）"
	}
	_ = s.write(func(_ *gorm.DB, a *auditor) error {
		if action == ActionSignInFailed {
			a.operator = "（未登录）"
		}
		a.add(action, nil, sessionRecord{name, what})
		return nil
	})
}

// checkPassword checks name and password without signing in.
func (s *Store) checkPassword(name, password string) (Account, error) {
	var acc Account
	if err := s.db.Where("name = ?", strings.TrimSpace(name)).Limit(1).Find(&acc).Error; err != nil {
		return Account{}, err
	}
	if acc.ID == 0 {
		// spend the same time as a wrong password, so names cannot be guessed by timing
		dummyOnce.Do(func() { dummyHash, _ = bcrypt.GenerateFromPassword([]byte("-"), bcrypt.DefaultCost) })
		bcrypt.CompareHashAndPassword(dummyHash, []byte(password))
		return Account{}, errSignIn
	}
	if bcrypt.CompareHashAndPassword([]byte(acc.PasswordHash), []byte(password)) != nil {
		return Account{}, errSignIn
	}
	if acc.Disabled {
		return Account{}, refused(fmt.Sprintf("账号“%s”已停用，请联系管理员", acc.Name))
	}
	return acc, nil
}

// SignOut signs the operator out.
func (s *Store) SignOut() { s.setAccount(nil) }

// SaveAccount creates (ID 0) or changes an account; a non-empty password
// sets it. Only an administrator may, and one active administrator always
// remains.
func (s *Store) SaveAccount(acc *Account, password string) error {
	acc.Name = strings.TrimSpace(acc.Name)
	var fe FieldErrors
	if acc.Name == "" {
		fe = append(fe, FieldError{"姓名", "请填写姓名"})
	}
	ok := false
	for _, r := range Roles {
		ok = ok || r == acc.Role
	}
	if !ok {
		fe = append(fe, FieldError{"角色", "请选择角色"})
	}
	if acc.ID == 0 && password == "" {
		fe = append(fe, FieldError{"密码", "请为新账号设置密码"})
	}
	if len(fe) > 0 {
		return fe
	}
	if password != "" {
		h, err := hashPassword(password)
		if err != nil {
			return err
		}
		acc.PasswordHash = h
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var same int64
		if err := tx.Model(&Account{}).Where("name = ? AND id <> ?", acc.Name, acc.ID).Count(&same).Error; err != nil {
			return err
		}
		if same > 0 {
			return FieldErrors{{"姓名", fmt.Sprintf("已有名为“%s”的账号", acc.Name)}}
		}
		if acc.ID != 0 {
			var before Account
			if err := tx.First(&before, acc.ID).Error; err != nil {
				return notFound(err)
			}
			if acc.PasswordHash == "" {
				acc.PasswordHash = before.PasswordHash
			}
			if err := tx.Save(acc).Error; err != nil {
				return err
			}
			a.update(before, *acc)
		} else {
			if err := tx.Create(acc).Error; err != nil {
				return err
			}
			a.create(*acc)
		}
		if password != "" {
			a.create(passwordRecord{acc.Name, "已设置"})
		}
		var admins int64
		if err := tx.Model(&Account{}).Where("role = ? AND disabled = ?", RoleAdmin, false).Count(&admins).Error; err != nil {
			return err
		}
		if admins == 0 {
			return refused("至少要保留一个未停用的管理员账号")
		}
		return nil
	})
}

// RecoverAdministrator lets an administrator locked out back in: with the
// recovery code shown at setup, the named administrator's password is set
// anew and the account enabled. The code is then used up; the new one
// returned is shown once, like the first.
func (s *Store) RecoverAdministrator(code, name, password string) (newCode string, err error) {
	var st Setting
	if err := s.db.Where("key = ?", settingRecovery).Limit(1).Find(&st).Error; err != nil {
		return "", err
	}
	if st.Value == "" || bcrypt.CompareHashAndPassword([]byte(st.Value), []byte(normaliseCode(code))) != nil {
		return "", FieldErrors{{"恢复码", "恢复码不正确"}}
	}
	var acc Account
	if err := s.db.Where("name = ? AND role = ?", strings.TrimSpace(name), RoleAdmin).Limit(1).Find(&acc).Error; err != nil {
		return "", err
	}
	if acc.ID == 0 {
		return "", FieldErrors{{"管理员", fmt.Sprintf("没有名为“%s”的管理员账号", strings.TrimSpace(name))}}
	}
	h, err := hashPassword(password)
	if err != nil {
		return "", err
	}
	before := acc
	acc.PasswordHash, acc.Disabled = h, false
	prev := s.account
	s.setAccount(&acc) // the recovery is the administrator's own act
	err = s.write(func(tx *gorm.DB, a *auditor) error {
		if err := tx.Save(&acc).Error; err != nil {
			return err
		}
		a.create(passwordRecord{acc.Name, "已用恢复码重设"})
		a.update(before, acc)
		newCode, err = setRecoveryCode(tx, a)
		return err
	})
	if err != nil {
		s.setAccount(prev)
		return "", err
	}
	return newCode, nil
}

// permit refuses a change the signed-in operator may not make. The change a
// person asked for is the first entry its write records; what follows from
// it by the rules (a selection flagged by an unlock, a bonus stop following
// a violation) is part of that change. With no account in the database
// (single-user mode, single is true) everything is allowed; otherwise a
// change needs someone signed in.
func (s *Store) permit(single bool, entries []AuditEntry) error {
	if single || len(entries) == 0 || isSession(entries[0].Action) {
		return nil
	}
	acc, ok := s.Account()
	if !ok {
		return &ForbiddenError{"本数据库已设操作员账号，请先登录（命令行用 --user 账号名）"}
	}
	if first := entries[0]; first.Action == ActionView || first.Action == ActionExport {
		if !acc.Role.MaySeePersonal() {
			return Forbidden(acc.Role, "查看或导出身份证号、手机号")
		}
		return nil
	}
	if e := entries[0].Entity; !acc.Role.MayChange(e) {
		return Forbidden(acc.Role, "修改“"+e+"”")
	}
	return nil
}

// singleUser reports whether the database has no account yet.
func singleUser(tx *gorm.DB) (bool, error) {
	var n int64
	err := tx.Model(&Account{}).Count(&n).Error
	return n == 0, err
}

const (
	settingIdle = "idle_minutes"
	// DefaultIdleMinutes is how long the window waits without use before
	// signing the operator out, unless the administrator sets another.
	DefaultIdleMinutes = 15
)

// IdleMinutes is how long the window may stay unused before it signs the
// operator out; 0 never.
func (s *Store) IdleMinutes() int {
	var st Setting
	if err := s.db.Where("key = ?", settingIdle).Limit(1).Find(&st).Error; err != nil || st.Value == "" {
		return DefaultIdleMinutes
	}
	var n int
	if _, err := fmt.Sscanf(st.Value, "%d", &n); err != nil || n < 0 {
		return DefaultIdleMinutes
	}
	return n
}

// SetIdleMinutes sets IdleMinutes (0 to 480).
func (s *Store) SetIdleMinutes(n int) error {
	if n < 0 || n > 480 {
		return FieldErrors{{"空闲自动退出", "请填写 0 到 480 之间的分钟数（0 表示不自动退出）"}}
	}
	before := s.IdleMinutes()
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if err := tx.Save(&Setting{Key: settingIdle, Value: fmt.Sprint(n)}).Error; err != nil {
			return err
		}
		a.update(settingRecord{"空闲自动退出（分钟）", fmt.Sprint(before)}, settingRecord{"空闲自动退出（分钟）", fmt.Sprint(n)})
		return nil
	})
}
