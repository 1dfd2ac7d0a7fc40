package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

// The case: a December leave saved while the list shows November.
func TestAFilteredEmptyListSaysSoAndClearsItsFilters(t *testing.T) {
	s, st := newTestShell(t) // 2026-11-26
	seedOneDayPerson(t, st, models.NewDate(2026, 11, 2))
	sc := openLeave(t, s, models.NewDate(2026, 11, 1))
	if !sc.list.empty.Visible() || sc.list.emptyText.Text != "没有符合筛选条件的记录" || !sc.list.clear.Visible() {
		t.Fatalf("an empty November (filtered by month) says %q", sc.list.emptyText.Text)
	}

	test.Tap(sc.add)
	f := sc.form
	f.person.SetSelected("李喆（ZW200）")
	f.kind.SetSelected("事假")
	test.Type(f.reason, "家中有事")
	test.Type(f.from, "2026-12-02")
	test.Tap(f.save)
	if list, _ := st.Leaves(models.LeaveFilter{}); len(list) != 1 {
		t.Fatalf("%d requests saved", len(list))
	}
	if len(sc.list.rows()) != 0 || !sc.list.empty.Visible() {
		t.Fatal("the December request shows on November's list, or the list says nothing")
	}

	test.Tap(sc.list.clear)
	if sc.month.Selected != allMonths || sc.status.Selected != allStatuses {
		t.Fatalf("清除筛选 left %q, %q", sc.month.Selected, sc.status.Selected)
	}
	waitFor(t, "the December request listed", func() bool { return len(sc.list.rows()) == 1 })
	if sc.list.empty.Visible() {
		t.Fatal("the empty-list line stays over a row")
	}

	// a search that finds nothing says so; 清除筛选 empties the box
	test.Type(sc.list.search, "没有这个人")
	if !sc.list.empty.Visible() || sc.list.emptyText.Text != "没有符合筛选条件的记录" {
		t.Fatalf("a fruitless search says %q", sc.list.emptyText.Text)
	}
	test.Tap(sc.list.clear)
	if sc.list.search.Text != "" || len(sc.list.rows()) != 1 {
		t.Fatalf("after 清除筛选 the search is %q with %d rows", sc.list.search.Text, len(sc.list.rows()))
	}
}

func TestAnUnfilteredEmptyListSaysThereAreNoRecords(t *testing.T) {
	s, _ := newTestShell(t)
	sc := openCasesScreen(t, s)
	if !sc.list.empty.Visible() || sc.list.emptyText.Text != "还没有记录" || sc.list.clear.Visible() {
		t.Fatalf("an empty register says %q (清除筛选 shown: %v)", sc.list.emptyText.Text, sc.list.clear.Visible())
	}
	sc.status.SetSelected(models.CaseOverdue)
	if sc.list.emptyText.Text != "没有符合筛选条件的记录" || !sc.list.clear.Visible() {
		t.Fatalf("filtered to 已超期 it says %q", sc.list.emptyText.Text)
	}
}
