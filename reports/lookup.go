package reports

import (
	"fmt"

	"govdesk/models"
)

// The lookups importers share: a row names a person by 工号 or a window by
// 窗口编号, and an unknown one is a problem of that row and column.

// staffIndex reads every person by 工号.
func staffIndex(st *models.Store) (map[string]models.Staff, error) {
	list, err := st.StaffList()
	if err != nil {
		return nil, err
	}
	m := make(map[string]models.Staff, len(list))
	for _, p := range list {
		m[p.EmployeeNo] = p
	}
	return m, nil
}

// rosterLookup finds people by 工号 and windows by 窗口编号 for the
// importers whose rows name both.
type rosterLookup struct {
	staffLookup
	windows map[string]models.ServiceWindow
}

// staffLookup finds people by 工号 for the importers whose rows name them.
type staffLookup struct {
	staff map[string]models.Staff
}

func (x *staffLookup) prepare(st *models.Store) (err error) {
	x.staff, err = staffIndex(st)
	return err
}

func (x *rosterLookup) prepare(st *models.Store) (err error) {
	if err := x.staffLookup.prepare(st); err != nil {
		return err
	}
	x.windows, err = windowIndex(st)
	return err
}

func windowIndex(st *models.Store) (map[string]models.ServiceWindow, error) {
	ws, err := st.ServiceWindows()
	if err != nil {
		return nil, err
	}
	m := make(map[string]models.ServiceWindow, len(ws))
	for _, w := range ws {
		m[w.Code] = w
	}
	return m, nil
}

// knownStaff reports an unknown 工号 and returns the person.
func (r row) knownStaff(staff map[string]models.Staff, no string) (models.Staff, bool) {
	if no == "" {
		return models.Staff{}, false
	}
	p, ok := staff[no]
	if !ok {
		r.problem("工号", fmt.Sprintf("工号 %s 不在人员名册中：请先在“人员”中添加或导入此人", no))
	}
	return p, ok
}

func (r row) knownWindow(windows map[string]models.ServiceWindow, code string) (models.ServiceWindow, bool) {
	if code == "" {
		return models.ServiceWindow{}, false
	}
	w, ok := windows[code]
	if !ok {
		r.problem("窗口编号", fmt.Sprintf("窗口 %s 不存在：请先在“窗口”中添加或导入该窗口", code))
	}
	return w, ok
}

// reportOnce reports the field errors not already reported for the row.
func (r row) reportOnce(before int, fe models.FieldErrors) {
	reported := map[string]bool{}
	for _, p := range (*r.probs)[before:] {
		reported[p.Column] = true
	}
	for _, e := range fe {
		if !reported[e.Field] {
			r.problem(e.Field, e.Reason)
			reported[e.Field] = true
		}
	}
}
