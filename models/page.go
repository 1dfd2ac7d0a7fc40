package models

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Lists of a large centre hold tens of thousands of records (cases, the
// audit log): their screens read a page at a time, sorted and counted by the
// database.

// PageOrder is the order of a page of a list: By one of the list's sort
// keys ("" for the list's own order), Desc for the reverse.
type PageOrder struct {
	By   string
	Desc bool
}

// clause is the ORDER BY of o among the columns a list allows (by key),
// ties broken by id; dflt is the list's own order.
func (o PageOrder) clause(columns map[string]string, dflt, reversed string) (string, error) {
	if o.By == "" {
		if o.Desc {
			return reversed, nil
		}
		return dflt, nil
	}
	col, ok := columns[o.By]
	if !ok {
		return "", fmt.Errorf("不能按“%s”排序", o.By)
	}
	if o.Desc {
		return col + " DESC, id DESC", nil
	}
	return col + ", id", nil
}

// containsPattern is a LIKE pattern (with ESCAPE '\') matching text that
// contains w literally: a search for 50% or A_1 finds those characters.
func containsPattern(w string) string {
	r := strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)
	return "%" + r.Replace(w) + "%"
}

// pageIndexes let a filtered list read its first page in the order shown
// without sorting every record the filter selects: the 办件 entries of the
// log by time, a window's or a person's cases by receipt.
var pageIndexes = []struct{ name, table, columns string }{
	{"idx_audit_entries_entity_at", "audit_entries", "entity, at"},
	{"idx_cases_window_received", "cases", "window_id, received_at"},
	{"idx_cases_staff_received", "cases", "staff_id, received_at"},
}

func migratePageIndexes(tx *gorm.DB) error {
	for _, ix := range pageIndexes {
		if err := tx.Exec("CREATE INDEX IF NOT EXISTS " + ix.name + " ON " + ix.table + " (" + ix.columns + ")").Error; err != nil {
			return err
		}
	}
	return nil
}
