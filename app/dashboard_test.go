package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

func TestTheOverviewShowsTheDemoMonthAtAGlance(t *testing.T) {
	s, st := newDemoShell(t) // 2026-11-26
	s.show("总览")
	h := s.screens["总览"].(*homeScreen)
	db := h.dash

	// the chart has a bar for each working day of November up to yesterday
	sheet, err := st.AttendanceSheet("2026-11", models.AttendanceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := sheet.DailyRates()
	if len(want) < 15 || len(db.chart.days) != len(want) {
		t.Fatalf("the chart has %d days, the sheet %d", len(db.chart.days), len(want))
	}
	r := test.WidgetRenderer(db.chart).(*rateChartRenderer)
	if len(r.bars) != len(want) || r.dayNames[0].Text != "2" || r.empty.Visible() {
		t.Fatalf("the chart draws %d bars, first day %q", len(r.bars), r.dayNames[0].Text)
	}
	if got := db.attendance.title.Text; got != "11月每日出勤率" {
		t.Fatalf("the chart is titled %q", got)
	}
	if !strings.Contains(db.attendance.detail.Text, "统计至11月25日") {
		t.Fatalf("under the chart: %q", db.attendance.detail.Text)
	}

	// the standing lists windows with their scores
	lines := strings.Split(db.standing.value.Text, "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "1. ") || !strings.Contains(lines[0], "分") {
		t.Fatalf("the standing shows %q", db.standing.value.Text)
	}

	pending, _ := st.Leaves(models.LeaveFilter{Status: models.LeavePending})
	if got := db.pending.value.Text; got != fmt.Sprintf("%d 件", len(pending)) {
		t.Fatalf("待审批请假 shows %q, the store has %d", got, len(pending))
	}
	if got := db.lock.value.Text; got != "11月 未封帐" {
		t.Fatalf("the lock tile shows %q", got)
	}
	if locked, _ := st.MonthLocked("2026-10"); !locked && db.lock.detail.Importance != widget.DangerImportance {
		t.Fatalf("October is open and the tile says %q calmly", db.lock.detail.Text)
	}

	// each tile opens the screen that deals with it; the person comes back
	// by the navigation list
	home := func() {
		for i, n := range s.names {
			if n == "总览" {
				s.nav.Select(i)
			}
		}
		if s.current != "总览" {
			t.Fatal("could not go back to 总览")
		}
	}
	test.Tap(db.pending.btn)
	if s.current != "请假" {
		t.Fatalf("待审批请假 opened %q", s.current)
	}
	if l := s.screens["请假"].(*leaveScreen); l.status.Selected != models.LeavePending || l.month.Selected != allMonths {
		t.Fatalf("请假 opened filtered to %q, %q", l.status.Selected, l.month.Selected)
	}
	home()
	test.Tap(db.attendance.btn)
	if s.current != "考勤" {
		t.Fatalf("the chart opened %q", s.current)
	}
	home()
	test.Tap(db.lock.btn)
	if s.current != "考勤" {
		t.Fatalf("the lock tile opened %q", s.current)
	}
	home()
	test.Tap(db.badges.btn)
	if s.current != "替岗" {
		t.Fatalf("the badge tile opened %q", s.current)
	}
}

func TestTheOverviewShowsAnEmptyCentreWithoutFailing(t *testing.T) {
	s, _ := newTestShell(t)
	s.show("总览")
	db := s.screens["总览"].(*homeScreen).dash
	r := test.WidgetRenderer(db.chart).(*rateChartRenderer)
	if len(r.bars) != 0 || !r.empty.Visible() {
		t.Fatalf("an empty centre's chart has %d bars", len(r.bars))
	}
	if got := db.standing.value.Text; got != "本月还没有可评分的记录" {
		t.Fatalf("the standing shows %q", got)
	}
	for name, tile := range map[string]*dashTile{"待审批": db.pending, "办件": db.cases, "投诉": db.complaints, "整改": db.rectify} {
		if !strings.HasPrefix(tile.value.Text, "0 ") {
			t.Errorf("%s shows %q", name, tile.value.Text)
		}
	}
	if r.lowText.Text != "0%" {
		t.Fatalf("an empty chart starts at %q", r.lowText.Text)
	}
	if db.lock.detail.Importance == widget.DangerImportance {
		t.Fatalf("a centre with nobody in service is urged to lock: %q", db.lock.detail.Text)
	}
	if got := db.badges.detail.Text; got != "全部在库" {
		t.Fatalf("the badge tile says %q", got)
	}
	// the whole window draws
	if img := s.win.Canvas().Capture(); img.Bounds().Dx() == 0 {
		t.Fatal("nothing drawn")
	}
}
