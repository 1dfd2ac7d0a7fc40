package models

// Everything in this file is specific to SQLite; the rest of the store speaks
// through GORM so that another database can be added beside it.

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// DatabaseFile is the name of the SQLite file inside the data folder.
const DatabaseFile = "govdesk.db"

func sqliteDialector(path string) gorm.Dialector {
	// WAL lets the window read while an import writes; foreign keys make the
	// database itself refuse dangling references; the busy timeout waits for
	// a backup or a second instance instead of failing at once.
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "NORMAL")
	return sqlite.Open("file:" + filepath.ToSlash(path) + "?" + q.Encode())
}

// integrityProblems runs SQLite's own checks of the file and of every foreign key.
func integrityProblems(db *gorm.DB) ([]string, error) {
	var problems []string
	var rows []string
	if err := db.Raw("PRAGMA integrity_check").Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r != "ok" {
			problems = append(problems, "数据库文件损坏："+r)
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
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// dateOfColumn is an SQL expression for the civil date of a time column, as
// written: the driver stores times as text that starts "2006-01-02 15:04:05"
// in the zone they were recorded in.
func dateOfColumn(col string) string {
	return "substr(" + col + ", 1, 10)"
}

// withoutForeignKeys runs fn with SQLite's foreign-key enforcement off (it
// cannot change inside a transaction, so fn runs its own), then checks every
// reference and turns enforcement back on. Any dangling reference fails.
func withoutForeignKeys(db *gorm.DB, fn func() error) error {
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
