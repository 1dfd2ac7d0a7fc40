package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

func TestTheCalendarIsAMonthGridWhereADayIsTappedToChangeIt(t *testing.T) {
	s, st := newTestShell(t)
	s.show("工作日历")
	c := s.screens["工作日历"].(*calendarScreen)
	c.month = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	c.reload()
	waitFor(t, "February 2026", func() bool { return c.title.Text == "2026年2月" })

	// 1 February 2026 is a Sunday: the seventh column, under 日
	if c.grid.cells[6].day == nil || c.grid.cells[6].day.Date != models.NewDate(2026, 2, 1) || c.grid.cells[5].day != nil {
		t.Fatal("the month does not start under 日")
	}
	festival := c.grid.cellOf(models.NewDate(2026, 2, 17))
	if festival.note() != "春节" {
		t.Fatalf("17 February says %q", festival.note())
	}
	var makeUp *calendarCell
	for _, cell := range c.grid.cells {
		if d := cell.day; d != nil && d.Working && (d.Date.Weekday() == time.Saturday || d.Date.Weekday() == time.Sunday) {
			makeUp = cell
		}
	}
	if makeUp == nil || !strings.Contains(makeUp.note(), "调休上班") {
		t.Fatal("no weekend 调休 working day named in February 2026")
	}
	for _, b := range c.actions {
		if !b.Disabled() {
			t.Fatalf("%s is enabled with no day picked", b.Text)
		}
	}

	day := models.NewDate(2026, 2, 10)
	test.Tap(c.grid.cellOf(day))
	if !strings.Contains(c.picked.Text, "2026年2月10日") || c.actions[1].Disabled() {
		t.Fatalf("picked %q", c.picked.Text)
	}
	test.Tap(c.actions[1]) // 设为休息日
	entries, _ := overlayWidgets(t, s.win)
	test.Type(entries[0], "防汛应急")
	_, buttons := overlayWidgets(t, s.win)
	test.Tap(buttons["确定"])
	cal, err := st.Calendar()
	if err != nil || cal.Info(day).Working {
		t.Fatal("10 February is still a working day", err)
	}
	if n := c.grid.cellOf(day).note(); n != "调整：防汛应急" {
		t.Fatalf("the changed day says %q", n)
	}
}
