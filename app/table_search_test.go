package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

func TestEscEmptiesASearchBoxAndClearFiltersSetsAListBack(t *testing.T) {
	s, _ := newDemoShell(t)
	sc := openStaffScreen(t, s)
	all := len(sc.list.rows())
	if sc.list.clearBar.Visible() {
		t.Fatal("清除筛选 shows on a list nobody narrowed")
	}

	test.Type(sc.list.search, "刘玥")
	if len(sc.list.rows()) != 1 || !sc.list.clearBar.Visible() {
		t.Fatalf("searching leaves %d rows, 清除筛选 shown: %v", len(sc.list.rows()), sc.list.clearBar.Visible())
	}
	sc.list.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if sc.list.search.Text != "" || len(sc.list.rows()) != all || sc.list.clearBar.Visible() {
		t.Fatalf("after Esc: %q, %d of %d rows", sc.list.search.Text, len(sc.list.rows()), all)
	}

	// a screen's own filter, then the search: one tap sets both back
	sc.status.SetSelected(allStatuses)
	test.Type(sc.list.search, "ZW0")
	if !sc.list.clearBar.Visible() {
		t.Fatal("清除筛选 hidden while the list is narrowed")
	}
	test.Tap(sc.list.clearBar)
	if sc.list.search.Text != "" || sc.status.Selected != models.StatusOnDuty || len(sc.list.rows()) != all {
		t.Fatalf("after 清除筛选: %q, %s, %d rows", sc.list.search.Text, sc.status.Selected, len(sc.list.rows()))
	}
}
