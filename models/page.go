package models

import "fmt"

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
