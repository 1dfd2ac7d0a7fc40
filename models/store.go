package models

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Store keeps GovDesk's records in one database. Every change made through it
// is written together with its audit entry, in one transaction.
type Store struct {
	db    *gorm.DB
	dir   string
	path  string
	clock ClockFunc

	opMu    sync.Mutex
	opCache string

	// see WithWaiting and WithWriterName
	waitMax    time.Duration
	waiter     Waiter
	writerName string
}

// Open creates or opens govdesk.db in dataDir (creating the folder), brings
// its schema up to date and returns the store.
func Open(dataDir string, opts ...Option) (*Store, error) {
	s := &Store{dir: dataDir, clock: SystemClock}
	for _, o := range opts {
		o(s)
	}
	if err := checkLocalDisk(dataDir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建数据文件夹 %s：%w", dataDir, err)
	}
	// Two programs starting on a new folder at once: the one that creates
	// the file (and turns on WAL, which takes the whole file) makes the
	// other fail at once rather than wait, so the other tries again.
	start := time.Now()
	for {
		err := s.open()
		if err == nil || !isBusy(err) || time.Since(start) > openWait {
			if err != nil {
				return nil, err
			}
			return s, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// openWait is how long Open tries again while another program holds a
// new database it is setting up.
const openWait = 30 * time.Second

// open opens the database file of s.dir and brings its schema up to date.
func (s *Store) open() error {
	dataDir := s.dir
	path := filepath.Join(dataDir, DatabaseFile)
	db, err := gorm.Open(sqliteDialector(path), &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
		NowFunc:                s.Now,
	})
	if err != nil {
		if db != nil {
			if sqlDB, e := db.DB(); e == nil {
				sqlDB.Close()
			}
		}
		return damagedOr(fmt.Errorf("无法打开数据库 %s：%w", path, err), path)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	// One connection: SQLite has a single writer, and one connection keeps
	// every statement in order without "database is locked" surprises.
	sqlDB.SetMaxOpenConns(1)
	s.db, s.path = db, path
	if err := migrate(db, len(migrations)); err != nil {
		sqlDB.Close()
		return damagedOr(err, path)
	}
	if err := ensureVersionTriggers(db); err != nil {
		sqlDB.Close()
		return damagedOr(err, path)
	}
	return nil
}

// ErrDamaged marks a database file that SQLite cannot read as a database:
// overwritten, cut short, or not a database at all.
var ErrDamaged = errors.New("数据库文件已损坏")

// ErrNewerDatabase marks a database written by a newer GovDesk, which this
// program must not change.
var ErrNewerDatabase = errors.New("数据库来自更新版本的 GovDesk")

// ErrNetworkDrive marks a data folder on a network drive or share, where
// SQLite's locking (and so the database) is not safe.
var ErrNetworkDrive = errors.New("数据文件夹在网络驱动器上")

// damagedOr returns err marked ErrDamaged when SQLite said the file is not
// a sound database, and err as it is otherwise.
func damagedOr(err error, path string) error {
	msg := err.Error()
	if strings.Contains(msg, "file is not a database") || strings.Contains(msg, "database disk image is malformed") {
		return fmt.Errorf("%w：%s（%s）", ErrDamaged, path, msg)
	}
	return err
}

// Close releases the database file.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Dir is the data folder the store lives in.
func (s *Store) Dir() string { return s.dir }

// Check runs the database's integrity checks and returns every problem found,
// in Chinese; none means the file is sound.
func (s *Store) Check() ([]string, error) {
	return integrityProblems(s.db)
}

// Backup writes a consistent copy of the database to path. It refuses to
// overwrite an existing file.
func (s *Store) Backup(path string) error {
	if _, err := os.Stat(path); err == nil {
		return refused(fmt.Sprintf("文件 %s 已存在，请换一个文件名", path))
	}
	if err := vacuumInto(s.db, path); err != nil {
		return fmt.Errorf("备份失败：%w", err)
	}
	return nil
}

// Restore replaces the database in dataDir with the backup file from. It
// takes the data folder first (LockDir), so it is refused while GovDesk is
// open on it; a program that holds the folder calls DirLock.Restore.
func Restore(dataDir, from string) (kept string, err error) {
	l, err := LockDir(dataDir)
	if errors.Is(err, ErrInUse) {
		return "", fmt.Errorf("%w。请先关闭政务窗口管理，再恢复数据库（或在程序的“操作日志”中恢复）", err)
	}
	if err != nil {
		return "", err
	}
	defer l.Unlock()
	return l.Restore(from)
}

// Restore replaces the database in the held data folder with the backup
// file from. The backup is checked first (it must open, pass the integrity
// check and be a GovDesk database no newer than this program); the database
// it replaces is kept in backups/ so that a wrong restore can itself be
// undone, even a damaged one, which is copied as it is. No store may be
// open on the folder while this runs.
func (l *DirLock) Restore(from string) (kept string, err error) {
	dataDir := l.dir
	probe, err := openChecked(from)
	if err != nil {
		return "", err
	}
	sqlDB, _ := probe.DB()
	sqlDB.Close()

	path := filepath.Join(dataDir, DatabaseFile)
	stamp := time.Now().Format("20060102-150405")
	if _, err := os.Stat(path); err == nil {
		if err := os.MkdirAll(filepath.Join(dataDir, "backups"), 0o755); err != nil {
			return "", err
		}
		kept = freeName(filepath.Join(dataDir, "backups", "恢复前-"+stamp+".db"))
		if cur, err := Open(dataDir); err == nil {
			err = cur.Backup(kept)
			cur.Close()
			if err != nil {
				return "", err
			}
		} else {
			// a database that does not open is what a restore is for: keep
			// the file itself (and its journal) for whoever looks into it
			kept = freeName(filepath.Join(dataDir, "backups", "恢复前-无法打开-"+stamp+".db"))
			if err := copyFile(path, kept); err != nil {
				return "", fmt.Errorf("无法保存原数据库：%w", err)
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				copyFile(path+"-wal", kept+"-wal")
			}
		}
	}
	tmp := path + ".restoring"
	if err := copyFile(from, tmp); err != nil {
		os.Remove(tmp)
		return kept, fmt.Errorf("无法复制备份文件：%w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return kept, fmt.Errorf("无法替换数据库文件（是否有其他程序正在使用它？）：%w", err)
	}
	st, err := Open(dataDir)
	if err != nil {
		return kept, err
	}
	return kept, st.Close()
}

// freeName is path, or path with -2, -3 … before its extension when a file
// of that name exists (two restores within a second).
func freeName(path string) string {
	ext := filepath.Ext(path)
	name := path
	for i := 2; ; i++ {
		if _, err := os.Stat(name); errors.Is(err, os.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d%s", strings.TrimSuffix(path, ext), i, ext)
	}
}

// openChecked opens a database file read-only for inspection and verifies
// that it is a sound GovDesk database this program can read.
func openChecked(path string) (*gorm.DB, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开备份文件 %s：%w", path, err)
	}
	head := make([]byte, 16)
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || string(head) != "SQLite format 3\x00" {
		return nil, refused(fmt.Sprintf("%s 不是 GovDesk 的备份文件（不是 SQLite 数据库）", path))
	}
	db, err := gorm.Open(sqliteDialector(path), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return nil, err
	}
	fail := func(e error) (*gorm.DB, error) {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
		return nil, e
	}
	v, err := schemaVersion(db)
	if err != nil || v == 0 {
		return fail(refused(fmt.Sprintf("%s 不是 GovDesk 的备份文件（没有版本记录）", path)))
	}
	if v > len(migrations) {
		return fail(refused(fmt.Sprintf("备份文件来自更新版本的 GovDesk（数据版本 %d），请先升级本程序", v)))
	}
	problems, err := integrityProblems(db)
	if err != nil {
		return fail(err)
	}
	if len(problems) > 0 {
		return fail(refused("备份文件未通过完整性检查：" + strings.Join(problems, "；")))
	}
	return db, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Setting is one office preference, such as the operator name.
type Setting struct {
	Key   string `gorm:"primaryKey;size:64"`
	Value string `gorm:"size:1024"`
}

const settingOperator = "operator"

// Operator is the name written into the audit log for changes made here: the
// name set in settings, or else the operating system's user name.
func (s *Store) Operator() string {
	s.opMu.Lock()
	defer s.opMu.Unlock()
	if s.opCache != "" {
		return s.opCache
	}
	var st Setting
	if err := s.db.Where("key = ?", settingOperator).Limit(1).Find(&st).Error; err == nil && st.Value != "" {
		s.opCache = st.Value
		return st.Value
	}
	return osUserName()
}

// SetOperator records the operator name used in the audit log from now on.
func (s *Store) SetOperator(name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return FieldErrors{{"操作员", "请填写操作员姓名"}}
	}
	before := s.Operator()
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		if err := tx.Save(&Setting{Key: settingOperator, Value: name}).Error; err != nil {
			return err
		}
		a.update(settingRecord{"操作员", before}, settingRecord{"操作员", name})
		return nil
	})
	if err == nil {
		s.opMu.Lock()
		s.opCache = name
		s.opMu.Unlock()
	}
	return err
}

func osUserName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		name := u.Username
		if i := strings.LastIndexAny(name, `\/`); i >= 0 {
			name = name[i+1:] // Windows gives DOMAIN\user
		}
		return name
	}
	for _, k := range []string{"USERNAME", "USER"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "未知操作员"
}

// write runs fn in one transaction and then stores the audit entries fn
// collected in the same transaction, so a change and its record of who made
// it are never separated.
func (s *Store) write(fn func(tx *gorm.DB, a *auditor) error) error {
	return s.writeThen(fn, nil)
}

// writeThen is write that runs then, when given, after the change and its
// audit entries are written and before they are committed: a failure of then
// undoes the change. then must not use the store (the transaction holds the
// only connection).
func (s *Store) writeThen(fn func(tx *gorm.DB, a *auditor) error, then func() error) error {
	op := s.Operator()
	start := time.Now()
	for {
		began := false
		err := s.db.Transaction(func(tx *gorm.DB) error {
			began = true
			defer s.markWriting(op)()
			a := &auditor{at: s.Now(), operator: op}
			if err := fn(tx, a); err != nil {
				return err
			}
			if len(a.entries) > 0 {
				if err := tx.CreateInBatches(a.entries, 200).Error; err != nil {
					return err
				}
			}
			if then != nil {
				return then()
			}
			return nil
		})
		// Transactions begin IMMEDIATE, so another writer makes the BEGIN
		// itself wait and then fail, before fn has run: trying again is safe.
		if began || !isBusy(err) {
			return err
		}
		waited := time.Since(start)
		holder := otherWriter(s.dir)
		if s.waiter == nil || waited >= s.waitMax {
			return &BusyError{Holder: holder, Waited: waited}
		}
		s.waiter(holder, waited)
	}
}

func notFound(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}
