package models

// The case register of a large centre holds tens of thousands of cases: its
// screen reads a page at a time, sorted and counted by the database.

// Keys of PageOrder.By for cases, each with what it sorts by. A window sorts by its
// code, a person by name, the status by completion (open cases first).
const (
	SortCaseNo        = "no"
	SortCaseMatter    = "matter"
	SortCaseKind      = "kind"
	SortCaseApplicant = "applicant"
	SortCaseWindow    = "window"
	SortCaseStaff     = "staff"
	SortCaseReceived  = "received"
	SortCaseDue       = "due"
	SortCaseCompleted = "completed"
)

// caseSortColumns are the expressions PageOrder.By may name for cases: the only text
// that reaches ORDER BY.
var caseSortColumns = map[string]string{
	SortCaseNo: "no", SortCaseMatter: "matter", SortCaseKind: "kind", SortCaseApplicant: "applicant",
	SortCaseWindow:   "(SELECT code FROM service_windows WHERE service_windows.id = cases.window_id)",
	SortCaseStaff:    "(SELECT name FROM staff WHERE staff.id = cases.staff_id)",
	SortCaseReceived: "received_at", SortCaseDue: "due_on", SortCaseCompleted: "completed_at",
}

func caseOrder(o PageOrder) (string, error) {
	return o.clause(caseSortColumns, "received_at DESC, id DESC", "received_at, id")
}

// CasesPage lists at most limit of the cases the filter selects, from the
// offset-th in the order given, with their window and person (not their
// materials).
func (s *Store) CasesPage(f CaseFilter, o PageOrder, offset, limit int) ([]Case, error) {
	order, err := caseOrder(o)
	if err != nil {
		return nil, err
	}
	q, err := s.caseQuery(f)
	if err != nil {
		return nil, err
	}
	var out []Case
	err = q.Preload("Window").Preload("Staff").Order(order).Offset(offset).Limit(limit).Find(&out).Error
	return out, err
}

// CountCases counts the cases the filter selects.
func (s *Store) CountCases(f CaseFilter) (int, error) {
	q, err := s.caseQuery(f)
	if err != nil {
		return 0, err
	}
	var n int64
	err = q.Count(&n).Error
	return int(n), err
}

// CaseNos lists the 办件编号 of the cases the filter selects, in the order
// given: what a batch of notices for the listed cases prints.
func (s *Store) CaseNos(f CaseFilter, o PageOrder) ([]string, error) {
	order, err := caseOrder(o)
	if err != nil {
		return nil, err
	}
	q, err := s.caseQuery(f)
	if err != nil {
		return nil, err
	}
	var out []string
	err = q.Order(order).Pluck("no", &out).Error
	return out, err
}

// WindowMatters gives the matters each window has handled cases of (the
// choices 办件授权 offers for a window), without reading the cases.
func (s *Store) WindowMatters() (map[uint][]string, error) {
	var pairs []struct {
		WindowID uint
		Matter   string
	}
	if err := s.db.Model(&Case{}).Distinct("window_id", "matter").Order("window_id, matter").Find(&pairs).Error; err != nil {
		return nil, err
	}
	out := map[uint][]string{}
	for _, p := range pairs {
		out[p.WindowID] = append(out[p.WindowID], p.Matter)
	}
	return out, nil
}
