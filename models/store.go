package models

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Store keeps GovDesk's records in one database. Every change made through it
// is written together with its audit entry, in one transaction.
type Store struct {
	db    *gorm.DB
	dir   string
	path  string // the SQLite file, or the server's address without its password
	dsn   string // the PostgreSQL server's DSN (WithDatabase); empty for SQLite
	pc    string // see WithPCName
	clock ClockFunc

	opMu    sync.Mutex
	opCache string
	account *Account // signed in; nil in single-user mode or signed out

	// see WithWaiting and WithWriterName
	waitMax    time.Duration
	waiter     Waiter
	writerName string

	// see ChangedElsewhere
	watchMu      sync.Mutex
	watch        *sql.DB
	watchVersion int64
	watchClosed  bool
	ownWrites    atomic.Int64
}

// Open creates or opens govdesk.db in dataDir (creating the folder), or the
// PostgreSQL database given WithDatabase, brings its schema up to date and
// returns the store. The data folder holds what stays on this PC either
// way: the folder lock, backups, printed papers.
func Open(dataDir string, opts ...Option) (*Store, error) {
	s := &Store{dir: dataDir, clock: SystemClock}
	for _, o := range opts {
		o(s)
	}
	if s.dsn == "" && testDatabase != nil {
		s.dsn = testDatabase(dataDir)
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

// open opens the database (the file of s.dir, or the server) and brings its
// schema up to date.
func (s *Store) open() error {
	if s.dsn != "" {
		return s.openPostgres()
	}
	dataDir := s.dir
	path := filepath.Join(dataDir, DatabaseFile)
	db, err := gorm.Open(sqliteDialector(path), s.gormConfig())
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

func (s *Store) gormConfig() *gorm.Config {
	return &gorm.Config{Logger: logger.Discard, SkipDefaultTransaction: true, NowFunc: s.Now}
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
	s.closeWatch()
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	before := s.ownedState()
	err = sqlDB.Close() // the last connection folds the WAL into the file
	s.sealFollows(before)
	return err
}

// Dir is the data folder the store lives in.
func (s *Store) Dir() string { return s.dir }

// Check runs the database's integrity checks and verifies the audit
// log's chain, and returns every problem found, in Chinese; none means the
// file is sound and its log is as it was written.
func (s *Store) Check() ([]string, error) {
	problems, err := integrityProblems(s.db)
	if err != nil {
		return nil, err
	}
	broken, err := s.VerifyAuditChain()
	switch {
	case err != nil:
		problems = append(problems, "无法读取操作日志："+Explain(err).Error())
	case broken != nil:
		problems = append(problems, broken.String())
	}
	return problems, nil
}

// Backup writes a consistent copy of the database to path, a SQLite file
// also when the records are on a server. It refuses to overwrite an
// existing file, and a failed backup leaves no file behind (an empty or
// cut-short copy would pass for a backup).
func (s *Store) Backup(path string) error {
	if _, err := os.Stat(path); err == nil {
		return refused(fmt.Sprintf("文件 %s 已存在，请换一个文件名", path))
	}
	if s.OnServer() {
		// a SQLite file of the same records, which restores on any PC
		_, err := s.copyToFile(path, nil, []Option{WithClock(s.clock)})
		if err != nil {
			return fmt.Errorf("备份失败：%w", err)
		}
		return nil
	}
	// written under a name no list of backups takes and named path only
	// once whole: a program stopped part way (a power cut, 结束任务) leaves
	// no file that looks like a backup and is not one
	part := path + partialSuffix
	removePartial(part)
	if err := vacuumInto(s.db, part); err != nil {
		removePartial(part)
		return fmt.Errorf("备份失败：%w", err)
	}
	if err := os.Rename(part, path); err != nil {
		removePartial(part)
		return fmt.Errorf("备份失败：%w", err)
	}
	return nil
}

// partialSuffix marks a backup being written; see Backup.
const partialSuffix = ".part"

// removePartial removes a backup being written and its journal.
func removePartial(part string) {
	for _, suffix := range []string{"", "-journal"} {
		os.Remove(part + suffix)
	}
}

// Restore replaces the database in dataDir with the backup file from. It
// takes the data folder first (LockDir), so it is refused while GovDesk is
// open on it; a program that holds the folder calls DirLock.Restore. The
// stores it opens are opened with opts (the clock).
func Restore(dataDir, from string, opts ...Option) (kept string, err error) {
	l, err := LockDir(dataDir)
	if errors.Is(err, ErrInUse) {
		return "", fmt.Errorf("%w。请先关闭政务窗口管理，再恢复数据库（或在程序的“操作日志”中恢复）", err)
	}
	if err != nil {
		return "", err
	}
	defer l.Unlock()
	return l.Restore(from, opts...)
}

// ActionRestore is the audit action of a restore.
const ActionRestore = "恢复"

// restoreRecord is what the audit log keeps of a restore.
type restoreRecord struct {
	from, kept string
	carried    int
}

func (r restoreRecord) auditEntity() string { return "数据库" }
func (r restoreRecord) auditKey() string    { return filepath.Base(r.from) }
func (r restoreRecord) auditFields() []AuditField {
	return []AuditField{
		{"备份文件", r.from},
		{"恢复前的数据库另存为", r.kept},
		{"沿用被替换数据库的日志", fmt.Sprintf("%d 条", r.carried)},
	}
}

// Restore replaces the database in the held data folder with the backup
// file from. The backup is only read: it is copied into the data folder
// first and the copy is checked (it must open, pass the integrity check and
// be a GovDesk database no newer than this program), so a backup on a
// read-only medium restores and stays as it was. The database it replaces
// is kept in backups/ so that a wrong restore can itself be undone, even a
// damaged one, which is copied as it is. Restoring never erases history:
// the audit entries of the replaced database that the backup does not hold
// (made after it was taken) are appended to the restored log, marked
// OriginReplaced, followed by an entry recording the restore. No store may
// be open on the folder while this runs; the stores it opens itself are
// opened with opts.
func (l *DirLock) Restore(from string, opts ...Option) (kept string, err error) {
	if optionsOf(opts).OnServer() {
		return "", refused("数据在数据库服务器上，不能用备份文件替换。请用 govdesk migrate 把备份迁移到一个新建的空数据库，再改用该数据库")
	}
	dataDir := l.dir
	path := filepath.Join(dataDir, DatabaseFile)
	tmp := path + ".restoring"
	removeDatabaseFile(tmp)
	if err := copyFile(from, tmp); err != nil {
		return "", fmt.Errorf("无法读取备份文件 %s：%w", from, err)
	}
	placed := false
	defer func() {
		if !placed {
			removeDatabaseFile(tmp)
		}
	}()
	probe, err := openChecked(tmp, from)
	if err != nil {
		return "", err
	}
	sqlDB, _ := probe.DB()
	sqlDB.Close()

	stamp := clockOf(opts)().Format("20060102-150405")
	var carried []AuditEntry
	if _, err := os.Stat(path); err == nil {
		if err := os.MkdirAll(filepath.Join(dataDir, "backups"), 0o755); err != nil {
			return "", err
		}
		kept = freeName(filepath.Join(dataDir, "backups", restoredPrefix+stamp+".db"))
		if cur, err := Open(dataDir, opts...); err == nil {
			err = cur.db.Order("id").Find(&carried).Error
			if err == nil {
				err = cur.Backup(kept)
			}
			cur.Close()
			if err != nil {
				return "", err
			}
		} else {
			// a database that does not open is what a restore is for: keep
			// the file itself (and its journal) for whoever looks into it
			kept = freeName(filepath.Join(dataDir, "backups", restoredPrefix+"无法打开-"+stamp+".db"))
			if err := copyFile(path, kept); err != nil {
				return "", fmt.Errorf("无法保存原数据库：%w", err)
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				copyFile(path+"-wal", kept+"-wal")
			}
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		return kept, fmt.Errorf("无法替换数据库文件（是否有其他程序正在使用它？）：%w", err)
	}
	placed = true
	st, err := Open(dataDir, opts...)
	if err != nil {
		return kept, err
	}
	if err := st.recordRestore(from, kept, carried); err != nil {
		st.Close()
		return kept, fmt.Errorf("已恢复数据库，但未能写入操作日志：%w", err)
	}
	return kept, st.Close()
}

// restoredPrefix starts the name of the copy a restore keeps of the
// database it replaced.
const restoredPrefix = "恢复前-"

// recordRestore appends to the restored log the entries of the replaced
// one that it lacks, then the restore itself. An entry is the same in both
// logs when its chained hash is: the backup's history is a prefix of the
// replaced database's when the backup was taken from it.
func (s *Store) recordRestore(from, kept string, replaced []AuditEntry) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var hashes []string
		if err := tx.Raw("SELECT COALESCE(hash, '') FROM audit_entries").Scan(&hashes).Error; err != nil {
			return err
		}
		have := make(map[string]bool, len(hashes))
		for _, h := range hashes {
			have[h] = true
		}
		var add []AuditEntry
		for _, e := range replaced {
			if e.Hash != "" && have[e.Hash] {
				continue
			}
			e.Origin = OriginReplaced
			add = append(add, e)
		}
		if err := appendAudit(tx, add); err != nil {
			return err
		}
		a.add(ActionRestore, nil, restoreRecord{from: from, kept: kept, carried: len(add)})
		return nil
	})
}

// removeDatabaseFile removes a database file and its journal.
func removeDatabaseFile(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

// clockOf is the clock a store opened with opts tells time by.
func clockOf(opts []Option) ClockFunc { return optionsOf(opts).Now }

// optionsOf is what opts set, on a store not opened.
func optionsOf(opts []Option) *Store {
	s := &Store{clock: SystemClock}
	for _, o := range opts {
		o(s)
	}
	return s
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

// openChecked opens a database file for inspection and verifies that it is
// a sound GovDesk database this program can read; messages call it name.
func openChecked(path, name string) (*gorm.DB, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开备份文件 %s：%w", name, err)
	}
	head := make([]byte, 16)
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || string(head) != "SQLite format 3\x00" {
		return nil, refused(fmt.Sprintf("%s 不是 GovDesk 的备份文件（不是 SQLite 数据库）", name))
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
		return fail(refused(fmt.Sprintf("%s 不是 GovDesk 的备份文件（没有版本记录）", name)))
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

// copyFile copies from to a new file to; a copy that fails is removed, so
// no empty or cut-short file is left to pass for a copy.
func copyFile(from, to string) (err error) {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(to)
		}
	}()
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

// Operator is the name written into the audit log for changes made here:
// the signed-in account's; in single-user mode (no account yet) the name set
// in settings, or else the operating system's user name.
func (s *Store) Operator() string {
	s.opMu.Lock()
	defer s.opMu.Unlock()
	if s.account != nil {
		return s.account.Name
	}
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
	if has, err := s.HasAccounts(); err != nil || has {
		return refused("已启用操作员账号：操作日志记录登录的账号，无需填写操作员")
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
	if s.OnServer() {
		noteServerWriter(s.db, s.writerNote(op))
	}
	for {
		began := false
		var before string // the files as they were, for the seal
		err := s.db.Transaction(func(tx *gorm.DB) error {
			if err := takeWriterLock(tx); err != nil {
				return err
			}
			began, before = true, s.ownedState()
			defer s.markWriting(op)()
			single, err := singleUser(tx)
			if err != nil {
				return err
			}
			a := &auditor{at: s.Now(), operator: op, pc: s.pcName()}
			if err := fn(tx, a); err != nil {
				return err
			}
			if err := s.permit(single, a.entries); err != nil {
				return err
			}
			if err := appendAudit(tx, a.entries); err != nil {
				return err
			}
			if then != nil {
				return then()
			}
			return nil
		})
		if began {
			s.ownWrites.Add(1)
			if err == nil {
				s.sealFollows(before)
			}
		}
		// Transactions begin IMMEDIATE (on a server, take the writers' lock
		// first), so another writer makes the start itself wait and then
		// fail, before fn has run: trying again is safe.
		if began || !isBusy(err) {
			return err
		}
		waited := time.Since(start)
		holder := otherWriter(s.dir)
		if s.OnServer() {
			holder = serverWriter(s.db)
		}
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
