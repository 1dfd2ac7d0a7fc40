package models

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// StoreError is a failure of the database itself (the file, the disk, the
// lock), told in Chinese; Unwrap gives SQLite's own error for the log.
type StoreError struct {
	Reason string
	Err    error
	data   bool // about the records written, not the database
}

func (e *StoreError) Error() string { return e.Reason }
func (e *StoreError) Unwrap() error { return e.Err }

// sqliteMessages pairs what SQLite (or a PostgreSQL server) says with what
// a person is told. data marks the ones about the records written rather
// than the database.
var sqliteMessages = []struct {
	en, zh string
	data   bool
}{
	{"database is locked", "数据库正由另一个程序使用，请稍后再试", false},
	{"database table is locked", "数据库正由另一个程序使用，请稍后再试", false},
	{"database or disk is full", "磁盘空间已满，没有写入任何数据；请腾出磁盘空间后再试", false},
	{"disk I/O error", "读写数据库文件时出错（磁盘可能有故障或已被拔出），没有写入任何数据", false},
	{"attempt to write a readonly database", "数据库文件或数据文件夹是只读的，无法写入；请检查文件夹的权限", false},
	{"readonly database", "数据库文件或数据文件夹是只读的，无法写入；请检查文件夹的权限", false},
	{"database disk image is malformed", "数据库文件已损坏，请先“检查数据库”，再从备份恢复", false},
	{"file is not a database", "数据库文件已损坏或不是数据库文件，请从备份恢复", false},
	{"unable to open database file", "无法打开数据库文件：文件夹不存在、没有权限或文件名有误", false},
	{"no such table", "数据库结构不完整（可能已损坏），请先“检查数据库”，再从备份恢复", false},
	{"no such column", "数据库结构不完整（可能已损坏），请先“检查数据库”，再从备份恢复", false},
	{"out of memory", "内存不足，操作未完成，没有写入任何数据", false},
	{"interrupted", "操作被中断，没有写入任何数据", false},
	{"string or blob too big", "内容太长，数据库无法保存", true},
	{"UNIQUE constraint failed", "与已有的记录重复", true},
	{"FOREIGN KEY constraint failed", "引用的记录不存在，或该记录仍被其他记录引用", true},
	{"NOT NULL constraint failed", "必填的内容为空", true},
	{"CHECK constraint failed", "内容不符合数据库的规定", true},
	// what a PostgreSQL server says
	{"canceling statement due to lock timeout", "数据库正由另一个程序使用，请稍后再试", false},
	{"password authentication failed", "数据库服务器拒绝了用户名或密码，请检查连接中的用户名和密码", false},
	{"connect: connection refused", "连接被拒绝：服务器没有运行，或地址、端口有误", false},
	{"no such host", "找不到该服务器名称", false},
	{"i/o timeout", "连接数据库服务器超时，请检查网络", false},
	{"(SQLSTATE 3D000)", "服务器上没有这个数据库，请先建立（见使用说明“多台电脑共用”）", false},
	{"duplicate key value violates unique constraint", "与已有的记录重复", true},
	{"violates foreign key constraint", "引用的记录不存在，或该记录仍被其他记录引用", true},
	{"violates not-null constraint", "必填的内容为空", true},
	{"violates check constraint", "内容不符合数据库的规定", true},
	{"value too long for type", "内容太长，数据库无法保存", true},
}

// Explain turns an error that carries SQLite's English words into a
// *StoreError in Chinese; other errors (already Chinese, or FieldErrors and
// RefusedError) come back as they are.
func Explain(err error) error {
	if err == nil {
		return nil
	}
	var se *StoreError
	var be *BusyError
	var re *RefusedError
	if errors.As(err, &se) || errors.As(err, &be) || errors.As(err, &re) {
		return err
	}
	if _, ok := AsFieldErrors(err); ok {
		return err
	}
	msg := err.Error()
	for _, m := range sqliteMessages {
		if strings.Contains(msg, m.en) {
			reason := m.zh
			// keep the Chinese context a caller put before SQLite's words
			if i := strings.Index(msg, m.en); i > 0 {
				prefix := strings.TrimRight(msg[:i], "：: ")
				if j := strings.Index(prefix, "："); j >= 0 {
					prefix = prefix[:j] // not the driver's words after it
				}
				if containsChinese(prefix) {
					reason = prefix + "：" + reason
				}
			}
			return &StoreError{Reason: reason, Err: err, data: m.data}
		}
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}

// IsDatabaseFailure reports whether err is about the database (its file,
// disk or lock) rather than the records: a failed import then says so
// instead of blaming the file imported.
func IsDatabaseFailure(err error) bool {
	if errors.Is(err, ErrBusy) || errors.Is(err, ErrDamaged) {
		return true
	}
	msg := err.Error()
	for _, m := range sqliteMessages {
		if !m.data && strings.Contains(msg, m.en) {
			return true
		}
	}
	var se *StoreError
	return errors.As(err, &se) && !se.data
}

func containsChinese(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// CheckBeforeImport runs the same integrity checks as Check (SQLite's
// integrity_check, which unlike quick_check also compares every index with
// its table, and the foreign keys); a database that fails them refuses
// imports, which would otherwise add to the damage (an index that no longer
// matches its table lets duplicates in).
//
// The whole check is skipped while the seal (see sealFile) shows that only
// GovDesk has written the file since the last one, earlier the same day.
func (s *Store) CheckBeforeImport() error {
	if s.OnServer() {
		return nil // see integrityProblems
	}
	today, now := s.Today().String(), s.fileState()
	if day, state := s.seal(); day == today && state == now {
		return nil
	}
	problems, err := integrityProblems(s.db)
	if err != nil {
		s.dropSeal()
		return &StoreError{Reason: "数据库文件已损坏，无法检查，暂不能写入；请从备份恢复", Err: err}
	}
	if len(problems) == 0 {
		// the state before the check: a write while it ran is not sealed
		s.setSeal(today, now)
		return nil
	}
	s.dropSeal()
	return &StoreError{Reason: fmt.Sprintf("数据库文件已损坏（完整性检查发现 %d 处问题），为免损坏扩大，暂不能写入；请先“检查数据库”，再从备份恢复", len(problems)),
		Err: fmt.Errorf("%w: %s", ErrDamaged, strings.Join(problems, "; "))}
}
