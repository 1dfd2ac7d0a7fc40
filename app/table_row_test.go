package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// Tapping a cut-short cell of a list selects its whole row and shows the
// cell in full under the table; the row stays selected when the list is
// read again after an action.
func TestATappedCellShowsInFullAndItsRowStaysSelected(t *testing.T) {
	s, _ := newDemoShell(t)
	sc := openStaffScreen(t, s)
	var unit, no string
	for _, p := range sc.staff {
		if len([]rune(p.HomeUnit.Name)) > 12 {
			unit, no = p.HomeUnit.Name, p.EmployeeNo
			break
		}
	}
	if unit == "" {
		t.Fatal("no long unit name in the demo")
	}
	test.Type(sc.list.search, no)
	cell := cellShowing(t, s.win, unit)
	if cell == nil {
		t.Fatalf("no cell shows %s", unit)
	}
	test.Tap(cell)
	if sc.list.full.Text != "派驻单位："+unit {
		t.Fatalf("under the table: %q", sc.list.full.Text)
	}
	selected := theme.Color(theme.ColorNameSelection)
	rowCell := cellShowing(t, s.win, no)
	if r := test.TempWidgetRenderer(t, rowCell).(*recordCellRenderer); r.bg.FillColor != selected {
		t.Fatal("the 工号 of the tapped row is not drawn as selected")
	}
	id := sc.list.selected

	sc.reload()
	if sc.list.selected != id || sc.list.row != 0 {
		t.Fatalf("after reading the list again: selected %d (was %d), row %d", sc.list.selected, id, sc.list.row)
	}
	for _, b := range sc.actions {
		if b.Disabled() {
			t.Fatalf("%s is disabled with a person selected", b.Text)
		}
	}
	test.Type(sc.list.search, "无此人")
	if sc.list.row != -1 || sc.list.full.Text != "" {
		t.Fatalf("an empty list still shows row %d, %q", sc.list.row, sc.list.full.Text)
	}
}
