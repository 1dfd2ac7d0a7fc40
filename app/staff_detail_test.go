package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

// openStaffPage opens the page of the person of that name from 人员.
func openStaffPage(t *testing.T, s *shell, name string) (*staffScreen, models.Staff) {
	t.Helper()
	sc := openStaffScreen(t, s)
	for _, p := range sc.staff {
		if p.Name == name {
			sc.list.selectID(p.ID)
			sc.onDetail(p.ID)
			if sc.page == nil {
				t.Fatal("no page opened")
			}
			return sc, p
		}
	}
	t.Fatalf("%s is not on the roster", name)
	return nil, models.Staff{}
}

func TestAPersonsPageChartsTheirMonthlyScoresOfTheYear(t *testing.T) {
	s, st := newDemoShell(t)
	sc, p := openStaffPage(t, s, "刘玥")
	today := st.Today()
	var want []string
	for _, m := range monthsBegun(today.Year(), today) {
		ms, err := st.ScoreMonth(m)
		if err != nil {
			t.Fatal(err)
		}
		for _, ps := range ms.People {
			if ms.HasRecords && ps.StaffID == p.ID {
				want = append(want, fmtScore(ps.Score))
			}
		}
	}
	chart := sc.page.chart
	chart.Resize(fyne.NewSize(760, 420))
	r := test.WidgetRenderer(chart).(*trendRenderer)
	if len(want) < 2 || len(r.dots) != len(want) {
		t.Fatalf("%d dots for the %d months scored (%v)", len(r.dots), len(want), want)
	}
	m := markup(s)
	for _, score := range want {
		if !strings.Contains(m, score) {
			t.Fatalf("the score %s is not on the page", score)
		}
	}
	if !strings.Contains(m, fmt.Sprintf("刘玥 %d年各月得分", today.Year())) {
		t.Fatal("the chart has no title")
	}
}

func TestAPersonsPageLinksToTheirRecordsElsewhere(t *testing.T) {
	s, st := newDemoShell(t)
	leaves, err := st.Leaves(models.LeaveFilter{Status: models.LeaveApproved})
	if err != nil || len(leaves) == 0 {
		t.Fatal("no leave in the demo", err)
	}
	name := leaves[0].Staff.Name
	link := func(sc *staffScreen, text string) {
		t.Helper()
		for _, b := range sc.page.links {
			if b.Text == text {
				test.Tap(b)
				return
			}
		}
		t.Fatalf("no link %s", text)
	}
	searched := func(list *recordTable, no string) {
		t.Helper()
		if list.search.Text != no {
			t.Fatalf("the list is searched for %q", list.search.Text)
		}
		for _, r := range list.rows() {
			if !strings.Contains(strings.Join(r, " "), no) {
				t.Fatalf("a row of someone else: %v", r)
			}
		}
	}

	sc, p := openStaffPage(t, s, name)
	link(sc, "请假记录")
	if s.current != "请假" {
		t.Fatalf("请假记录 opens %s", s.current)
	}
	leave := s.screens["请假"].(*leaveScreen)
	if leave.month.Selected != allMonths || leave.status.Selected != allStatuses {
		t.Fatalf("leave filters %q %q", leave.month.Selected, leave.status.Selected)
	}
	searched(leave.list, p.EmployeeNo)
	if len(leave.list.rows()) == 0 {
		t.Fatal("none of their leave is listed")
	}

	sc, _ = openStaffPage(t, s, name)
	link(sc, "服装领用")
	if s.current != "服装" {
		t.Fatalf("服装领用 opens %s", s.current)
	}
	searched(s.screens["服装"].(*uniformsScreen).ledger, p.EmployeeNo)

	sc, _ = openStaffPage(t, s, name)
	link(sc, "本月评分")
	scoring := s.screens["评分"].(*scoringScreen)
	waitFor(t, "the scores", func() bool { return scoring.month.loaded })
	if s.current != "评分" || scoring.month.inner.SelectedIndex() != 1 {
		t.Fatal("本月评分 does not open the people's ranking")
	}
	searched(scoring.month.people, p.EmployeeNo)
	if rows := scoring.month.people.rows(); len(rows) != 1 || rows[0][2] != name {
		t.Fatalf("people ranking %v", rows)
	}

	sc, _ = openStaffPage(t, s, name)
	link(sc, "本月考勤")
	if !strings.Contains(markup(s), "考勤明细："+name) {
		t.Fatal("本月考勤 does not open their month")
	}

	sc, _ = openStaffPage(t, s, name)
	link(sc, "违规投诉与评价")
	if m := markup(s); !strings.Contains(m, name+"（"+p.EmployeeNo+"）") || !strings.Contains(m, "违规") {
		t.Fatal("违规投诉与评价 does not open their conduct record")
	}
}
