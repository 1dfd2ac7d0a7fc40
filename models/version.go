package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// versionedTables are the tables of the records people edit in forms. Each
// row carries a version that every change of the row raises, whatever
// program makes it (a trigger in the database does it), so that a form
// holding an older copy cannot overwrite a newer one: see StaleError.
var versionedTables = []string{"staff", "service_windows", "violations", "complaints", "commendations", "ratings",
	"cases", "leave_requests"}

// migrateVersions adds the version column to the tables that lack it.
func migrateVersions(tx *gorm.DB) error {
	for _, t := range versionedTables {
		if !tx.Migrator().HasTable(t) || tx.Migrator().HasColumn(t, "version") {
			continue
		}
		if err := tx.Exec(fmt.Sprintf("ALTER TABLE %s ADD COLUMN version integer NOT NULL DEFAULT 0", t)).Error; err != nil {
			return err
		}
	}
	return nil
}

// readVersionTx sets *into to the stored version of row id of table, so
// that a form kept open after a save holds the version it saved.
func readVersionTx(tx *gorm.DB, table string, id uint, into *int) error {
	return tx.Raw("SELECT version FROM "+table+" WHERE id = ?", id).Scan(into).Error
}

// versioned is a record a form edits: it tells the version it was read at.
type versioned interface {
	audited
	readVersion() int
}

func (p Staff) readVersion() int         { return p.Version }
func (w ServiceWindow) readVersion() int { return w.Version }
func (v Violation) readVersion() int     { return v.Version }
func (c Complaint) readVersion() int     { return c.Version }
func (c Commendation) readVersion() int  { return c.Version }
func (r Rating) readVersion() int        { return r.Version }
func (c Case) readVersion() int          { return c.Version }
func (l LeaveRequest) readVersion() int  { return l.Version }

// StaleError refuses to save a copy of a record that someone changed after
// it was read: saving it would put the older values back. It names who
// changed it and when, and gives the record as it is now.
type StaleError struct {
	Entity string
	By     string
	At     time.Time
	Now    []AuditField
}

func (e *StaleError) Error() string {
	when := ""
	if !e.At.IsZero() {
		when = "于" + e.At.Format("2006-01-02 15:04")
	}
	var now []string
	for _, f := range e.Now {
		now = append(now, f.Label+"："+orNone(f.Value))
	}
	return fmt.Sprintf("此记录已被%s%s修改，您的修改没有保存（以免覆盖对方的修改）。现在的内容是——%s。请关闭后重新打开这条%s，在现在的内容上修改。",
		e.By, when, strings.Join(now, "；"), e.Entity)
}

func orNone(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// checkFreshTx refuses (with a *StaleError) to save a copy of record id
// read at version have when the stored record has changed since.
func checkFreshTx[T any, P interface {
	*T
	versioned
}](tx *gorm.DB, id uint, have int) error {
	stored := P(new(T))
	if err := tx.Preload(clause.Associations).First(stored, id).Error; err != nil {
		return notFound(err)
	}
	if stored.readVersion() == have {
		return nil
	}
	e := &StaleError{Entity: stored.auditEntity(), By: "其他操作员", Now: stored.auditFields()}
	var last AuditEntry
	if err := tx.Where("entity = ? AND key = ? AND action = ?", stored.auditEntity(), stored.auditKey(), ActionUpdate).
		Order("id DESC").Limit(1).Find(&last).Error; err != nil {
		return err
	}
	if last.ID != 0 {
		e.By, e.At = last.Operator, last.At
	}
	return e
}
