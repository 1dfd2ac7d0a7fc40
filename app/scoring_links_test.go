package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestViewingADaysScoreItemOpensThatDayNotTheMonth(t *testing.T) {
	s, st := newDemoShell(t)
	sc := openScoring(t, s)
	mv := sc.month
	mv.setMonth(demoMonth(st))
	mv.inner.SelectIndex(1)
	i, _ := peopleRow(t, mv, "刘玥")
	mv.people.selectID(mv.people.shownIDs()[i])
	test.Tap(mv.detail)
	b := mv.breakdown
	days, months := 0, 0
	for k, it := range b.items {
		if !strings.HasPrefix(it.Ref, "staff:") {
			continue
		}
		test.Tap(b.views[k])
		pm := b.month
		if pm == nil {
			t.Fatalf("查看 %q opens no attendance month", it.Label)
		}
		if it.On.IsZero() { // a sum over the month opens the month
			months++
			if pm.dayRow != -1 {
				t.Fatalf("%q selects row %d", it.Label, pm.dayRow)
			}
			continue
		}
		days++
		if pm.dayRow < 0 || pm.rows[pm.dayRow].cells[0] != it.On.String() {
			t.Fatalf("查看 %q (%s) selects row %d", it.Label, it.On, pm.dayRow)
		}
		for row := range pm.rows {
			l := widget.NewLabel("")
			pm.table.UpdateCell(widget.TableCellID{Row: row, Col: 5}, l)
			if l.TextStyle.Bold != (row == pm.dayRow) {
				t.Fatalf("row %d drawn bold: %v (the day's row is %d)", row, l.TextStyle.Bold, pm.dayRow)
			}
		}
		want := fmt.Sprintf("所查看的是%d月%d日", int(it.On.Month()), it.On.Day())
		if !strings.Contains(markup(s), want) {
			t.Fatalf("the month does not say %s", want)
		}
		pm.dlg.Hide()
	}
	if days == 0 || months == 0 {
		t.Fatalf("刘玥's breakdown has %d day items and %d month items from attendance", days, months)
	}
}
