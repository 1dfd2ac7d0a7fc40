package models

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// AuditEntry records one change made through the store: when, by whom, to
// which record, and the record's fields before and after.
type AuditEntry struct {
	ID       uint      `gorm:"primaryKey"`
	At       time.Time `gorm:"serializer:civil;type:datetime;index"`
	Operator string    `gorm:"size:64;index"`
	Entity   string    `gorm:"size:32;index"` // Chinese entity name, e.g. 人员
	Key      string    `gorm:"size:128;index"`
	Action   string    `gorm:"size:8"` // 新增 / 修改 / 删除
	Before   string    // JSON list of AuditField
	After    string
	// Origin is OriginReplaced for an entry carried over from the database
	// a restore replaced, empty otherwise.
	Origin string `gorm:"size:32"`
	// Hash chains the entry to the one before it (see auditHash).
	Hash string `gorm:"size:64"`
	// PC is the name of the computer the change was made at; empty in
	// entries written before GovDesk recorded it.
	PC string `gorm:"column:pc;size:64"`
}

// Audit actions.
const (
	ActionCreate = "新增"
	ActionUpdate = "修改"
	ActionDelete = "删除"
	// ActionReprint records a notice printed again under its own 文号.
	ActionReprint = "重印"
)

// AuditField is one labelled value of an audited record.
type AuditField struct {
	Label string `json:"k"`
	Value string `json:"v"`
}

// audited is what a record tells the audit log about itself.
type audited interface {
	auditEntity() string
	auditKey() string
	auditFields() []AuditField
}

type auditor struct {
	at       time.Time
	operator string
	pc       string
	entries  []AuditEntry
}

func encodeFields(r audited) string {
	if r == nil {
		return ""
	}
	b, _ := json.Marshal(r.auditFields())
	return string(b)
}

func (a *auditor) add(action string, before, after audited) {
	ref := after
	if ref == nil {
		ref = before
	}
	e := AuditEntry{
		At: a.at, Operator: a.operator, PC: a.pc, Action: action,
		Entity: ref.auditEntity(), Key: ref.auditKey(),
		Before: encodeFields(before), After: encodeFields(after),
	}
	if action == ActionUpdate && e.Before == e.After {
		return // nothing the user can see changed
	}
	a.entries = append(a.entries, e)
}

func (a *auditor) create(after audited)         { a.add(ActionCreate, nil, after) }
func (a *auditor) update(before, after audited) { a.add(ActionUpdate, before, after) }
func (a *auditor) delete(before audited)        { a.add(ActionDelete, before, nil) }

func decodeFields(s string) []AuditField {
	var f []AuditField
	if s != "" {
		_ = json.Unmarshal([]byte(s), &f)
	}
	return f
}

// Changes describes the entry as "字段：旧 → 新" parts, only for the fields
// that changed (for a new or deleted record, every field with a value).
func (e AuditEntry) Changes() []string {
	before, after := decodeFields(e.Before), decodeFields(e.After)
	old := map[string]string{}
	for _, f := range before {
		old[f.Label] = f.Value
	}
	var out []string
	switch {
	case len(after) == 0:
		for _, f := range before {
			if f.Value != "" {
				out = append(out, f.Label+"："+f.Value)
			}
		}
	case len(before) == 0:
		for _, f := range after {
			if f.Value != "" {
				out = append(out, f.Label+"："+f.Value)
			}
		}
	default:
		for _, f := range after {
			if o := old[f.Label]; o != f.Value {
				out = append(out, fmt.Sprintf("%s：%s → %s", f.Label, blankAsDash(o), blankAsDash(f.Value)))
			}
		}
	}
	return out
}

func blankAsDash(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// AuditFilter narrows the audit log; empty fields match everything.
type AuditFilter struct {
	Entity   string
	Text     string // matched against key, operator and the changed values
	From, To Date   // inclusive
	Limit    int
	// Words must each be in the key, operator or values (a list's search
	// within the results).
	Words []string
}

// AuditLog lists audit entries, newest first.
func (s *Store) AuditLog(f AuditFilter) ([]AuditEntry, error) {
	q := s.auditQuery(f).Order("at DESC, id DESC")
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var out []AuditEntry
	return out, q.Find(&out).Error
}

// AuditCount counts the audit entries the filter matches, whatever its
// Limit: a list showing the newest of them says how many there are.
func (s *Store) AuditCount(f AuditFilter) (int64, error) {
	var n int64
	return n, s.auditQuery(f).Count(&n).Error
}

// Keys of PageOrder.By for the audit log, and what each sorts by.
const (
	SortAuditAt       = "at"
	SortAuditOperator = "operator"
	SortAuditEntity   = "entity"
	SortAuditKey      = "key"
	SortAuditAction   = "action"
)

var auditSortColumns = map[string]string{SortAuditAt: "at", SortAuditOperator: "operator", SortAuditEntity: "entity",
	SortAuditKey: "key", SortAuditAction: "action"}

// AuditPage lists at most limit of the entries the filter matches (its
// Limit aside), from the offset-th in the order given: newest first unless
// told otherwise.
func (s *Store) AuditPage(f AuditFilter, o PageOrder, offset, limit int) ([]AuditEntry, error) {
	order, err := o.clause(auditSortColumns, "at DESC, id DESC", "at, id")
	if err != nil {
		return nil, err
	}
	var out []AuditEntry
	return out, s.auditQuery(f).Order(order).Offset(offset).Limit(limit).Find(&out).Error
}

// auditQuery selects the entries f matches.
func (s *Store) auditQuery(f AuditFilter) *gorm.DB {
	q := s.db.Model(&AuditEntry{})
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + t + "%"
		q = q.Where(caseless(s.db, "key LIKE ? OR operator LIKE ? OR before LIKE ? OR after LIKE ?"), like, like, like, like)
	}
	for _, w := range f.Words {
		like := containsPattern(w)
		q = q.Where(caseless(s.db, `key LIKE ? ESCAPE '\' OR operator LIKE ? ESCAPE '\' OR before LIKE ? ESCAPE '\' OR after LIKE ? ESCAPE '\'`), like, like, like, like)
	}
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From.sqlStart())
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To.AddDays(1).sqlStart())
	}
	return q
}

// AuditEntities lists the entity names that appear in the log, for filters.
func (s *Store) AuditEntities() ([]string, error) {
	var out []string
	return out, s.db.Model(&AuditEntry{}).Distinct("entity").Order("entity").Pluck("entity", &out).Error
}

type settingRecord struct{ label, value string }

func (r settingRecord) auditEntity() string { return "设置" }
func (r settingRecord) auditKey() string    { return r.label }
func (r settingRecord) auditFields() []AuditField {
	return []AuditField{{r.label, r.value}}
}

// yesNo writes a flag as the audit log shows it.
func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// saveAudited creates rec when id is 0, otherwise updates it, recording the
// change. rec must be a pointer to an audited entity.
func saveAudited[T any, P interface {
	*T
	audited
}](tx *gorm.DB, a *auditor, rec P, id uint) error {
	if id == 0 {
		if err := tx.Omit(clause.Associations).Create(rec).Error; err != nil {
			return err
		}
		if err := reload(tx, rec); err != nil {
			return err
		}
		a.create(rec)
		return nil
	}
	before := P(new(T))
	if err := tx.First(before, id).Error; err != nil {
		return notFound(err)
	}
	if err := reload(tx, before); err != nil {
		return err
	}
	if err := tx.Omit("created_at", clause.Associations).Save(rec).Error; err != nil {
		return err
	}
	if err := reload(tx, rec); err != nil {
		return err
	}
	a.update(before, rec)
	return nil
}
