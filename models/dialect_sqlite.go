package models

// Everything in this file is specific to SQLite; the rest of the store speaks
// through GORM. The functions that both databases need turn to their
// PostgreSQL counterparts (dialect_postgres.go) first.

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

func init() {
	// The driver turns a date or time column's text into a time.Time by
	// trying these layouts in turn, each miss costing an error value. Those
	// GovDesk writes come first, most read first: a timestamp the driver
	// wrote (its first layout, which it also writes with, so it stays first),
	// a civil time ("2026-10-08 08:30:00"), then a date ("2026-10-08"), which
	// came last and so missed eight times for every date read. No text fits
	// two layouts that read it differently, so every value reads as before.
	sqlite3.SQLiteTimestampFormats = timestampLayouts(sqlite3.SQLiteTimestampFormats)
}

// timestampLayouts is layouts with GovDesk's own three first, the driver's
// first layout kept first.
func timestampLayouts(layouts []string) []string {
	own := []string{layouts[0], "2006-01-02 15:04:05.999999999", "2006-01-02"}
	out := append([]string(nil), own...)
	for _, l := range layouts {
		if !slices.Contains(own, l) {
			out = append(out, l)
		}
	}
	return out
}

// notIndexed writes column for a WHERE clause so that SQLite will not
// search by its index. Without statistics SQLite takes any indexed range as
// selective as any other; a range open towards the past ("began before the
// month's end") matches all of history. PostgreSQL keeps statistics and
// chooses well on its own.
func notIndexed(db *gorm.DB, column string) string {
	if isPostgres(db) {
		return column
	}
	return "+" + column
}

// DatabaseFile is the name of the SQLite file inside the data folder.
const DatabaseFile = "govdesk.db"

// busyTimeout is how long one attempt to start a write waits for another
// writer before SQLite gives up; a command line import then tries again
// (see WithWaiting), a window says who is writing.
var busyTimeout = 5 * time.Second

func sqliteDialector(path string) gorm.Dialector {
	return sqlite.Open(sqliteDSN(path))
}

// sqliteDSN is the URI that opens the database file at path. WAL lets the
// window read while an import writes; foreign keys make the database itself
// refuse dangling references. Transactions begin IMMEDIATE: they take the
// write lock first, so a second writer waits the busy timeout for it instead
// of failing at once when its read has to turn into a write (SQLite cannot
// wait then without risking a deadlock). The path is percent-escaped: a
// "#", "?" or "%" in a folder or backup name is part of the name, not URI
// syntax.
func sqliteDSN(path string) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	return "file:" + escapeURIPath(filepath.ToSlash(path)) + "?" + q.Encode()
}

// escapeURIPath escapes the bytes that SQLite's URI filenames (and the
// driver, which cuts the options at the first "?") would read as syntax.
func escapeURIPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '%', '?', '#':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isBusy reports whether err is SQLite saying another connection holds the
// lock it waited for.
func isBusy(err error) bool {
	if err == nil {
		return false
	}
	switch pgCode(err) {
	case "55P03", "40001", "40P01": // lock timeout, serialization failure, deadlock
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "database is locked") || strings.Contains(msg, "database table is locked") ||
		strings.Contains(msg, "SQLITE_BUSY")
}

// ensureVersionTriggers makes every update of a versioned row raise its
// version, unless the update raised it itself. They are checked at every
// start, as a later migration that rebuilds a table drops its triggers.
func ensureVersionTriggers(db *gorm.DB) error {
	if isPostgres(db) {
		return ensurePostgresVersionTriggers(db)
	}
	for _, t := range versionedTables {
		name := t + "_version"
		var n int64
		if err := db.Raw("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?", name).Scan(&n).Error; err != nil {
			return err
		}
		if n > 0 || !db.Migrator().HasColumn(t, "version") {
			continue
		}
		sql := fmt.Sprintf(`CREATE TRIGGER IF NOT EXISTS %[1]s AFTER UPDATE ON %[2]s FOR EACH ROW WHEN NEW.version <= OLD.version
BEGIN UPDATE %[2]s SET version = OLD.version + 1 WHERE id = NEW.id; END`, name, t)
		if err := db.Exec(sql).Error; err != nil {
			return err
		}
	}
	return nil
}

// integrityProblems runs SQLite's own checks of the file and of every
// foreign key. A PostgreSQL server checks its own storage and enforces the
// keys at every write, so it has none to report.
func integrityProblems(db *gorm.DB) ([]string, error) {
	if isPostgres(db) {
		return nil, nil
	}
	wholeChecks.Add(1)
	var problems []string
	var rows []string
	if err := db.Raw("PRAGMA integrity_check").Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r != "ok" {
			problems = append(problems, "数据库文件损坏（技术信息："+strings.ReplaceAll(strings.TrimSpace(r), "\n", "；")+"）")
		}
	}
	type fk struct {
		Table  string
		Rowid  int64
		Parent string
	}
	var fks []fk
	if err := db.Raw("PRAGMA foreign_key_check").Scan(&fks).Error; err != nil {
		return nil, err
	}
	for _, f := range fks {
		problems = append(problems, fmt.Sprintf("表 %s 第 %d 条记录引用的 %s 记录不存在", f.Table, f.Rowid, f.Parent))
	}
	return problems, nil
}

// vacuumInto writes a consistent, compacted copy of the open database to path.
func vacuumInto(db *gorm.DB, path string) error {
	return db.Exec("VACUUM INTO ?", path).Error
}

// isUniqueViolation reports whether err came from a UNIQUE constraint.
func isUniqueViolation(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "UNIQUE constraint failed") || pgCode(err) == "23505")
}

// dateOfColumn is an SQL expression for the civil date of a time column, as
// written: the driver stores times as text that starts "2006-01-02 15:04:05"
// in the zone they were recorded in.
func dateOfColumn(db *gorm.DB, col string) string {
	if isPostgres(db) {
		// the same text, made a date to compare with date columns
		return "CAST(substr(" + col + ", 1, 10) AS date)"
	}
	return "substr(" + col + ", 1, 10)"
}

// withoutForeignKeys runs fn with SQLite's foreign-key enforcement off (it
// cannot change inside a transaction, so fn runs its own), then checks every
// reference and turns enforcement back on. Any dangling reference fails.
func withoutForeignKeys(db *gorm.DB, fn func() error) error {
	if isPostgres(db) {
		// PostgreSQL alters tables in place: no rebuild cascades
		return fn()
	}
	if err := db.Exec("PRAGMA foreign_keys = OFF").Error; err != nil {
		return err
	}
	defer db.Exec("PRAGMA foreign_keys = ON")
	if err := fn(); err != nil {
		return err
	}
	problems, err := integrityProblems(db)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("升级后数据库检查未通过：%s", strings.Join(problems, "；"))
	}
	return nil
}

// sqliteTime is t as the SQLite driver writes a time.Time argument, for a
// statement that binds one time many times over.
func sqliteTime(t time.Time) string { return t.Format(sqlite3.SQLiteTimestampFormats[0]) }

// widenCache gives tx's SQLite connection a page cache of kb kilobytes
// until restore puts its size back; on PostgreSQL it does nothing.
func widenCache(tx *gorm.DB, kb int) (restore func(), err error) {
	if isPostgres(tx) {
		return func() {}, nil
	}
	var was int
	if err := tx.Raw("PRAGMA cache_size").Scan(&was).Error; err != nil {
		return nil, err
	}
	if err := tx.Exec(fmt.Sprintf("PRAGMA cache_size = -%d", kb)).Error; err != nil {
		return nil, err
	}
	return func() { tx.Exec(fmt.Sprintf("PRAGMA cache_size = %d", was)) }, nil
}
