package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

// The month's 考核奖扣发 list: the clerk adds a person with a reason, sees the
// row, and withdraws it.
func TestBonusStopTabAddsAndWithdraws(t *testing.T) {
	s, st := newTestShell(t)
	_, p := seedConductPerson(t, st)
	sc := openScoring(t, s)
	mv := sc.month
	mv.setMonth(models.NewDate(2026, 11, 1))
	waitFor(t, "November", func() bool { return mv.loaded && mv.monthKey() == "2026-11" })
	mv.inner.SelectIndex(2)
	if mv.bonus.add.Disabled() {
		t.Fatal("登记扣发 disabled in an open month")
	}
	test.Tap(mv.bonus.add)
	b := mv.bonus
	b.person.SetSelected(b.person.Options[0])
	test.Tap(b.save)
	if !strings.Contains(markup(s), "请写明扣发考核奖的原因") {
		t.Fatal("no reason, no 扣发")
	}
	test.Type(b.reason, "督查后仍未按要求办结承诺件，经中心主任办公会研究扣发")
	b.basis.SetText("服务承诺制度 二.2")
	test.Tap(b.save)
	waitFor(t, "the 扣发 row", func() bool { return len(b.list.rows()) == 1 })
	row := strings.Join(b.list.rows()[0], " ")
	if !strings.Contains(row, p.Name) || !strings.Contains(row, "人工登记：督查后仍未按要求办结承诺件") || !strings.Contains(row, "服务承诺制度 二.2") {
		t.Fatalf("row %q", row)
	}
	if _, r := peopleRow(t, mv, p.Name); !strings.Contains(r[spBonusStop], "扣发") {
		t.Fatalf("the people table should show the 扣发: %v", r)
	}
	b.list.selectID(b.list.shownIDs()[0])
	test.Tap(b.remove)
	test.Tap(confirmButton(t, s, "删除"))
	waitFor(t, "the row withdrawn", func() bool { return len(b.list.rows()) == 0 })
}

// Nobody is nominated before the quarter ends and its months are closed:
// 提名 waits for both, and the screen says which.
func TestNominationWaitsForTheQuarterEnd(t *testing.T) {
	for _, c := range []struct {
		name string
		now  time.Time
		says string
	}{
		{"季度未结束", time.Date(2026, 12, 31, 16, 0, 0, 0, models.CentreZone), "才结束"},
		{"季度已结束，月份未封帐", time.Date(2027, 1, 4, 9, 0, 0, 0, models.CentreZone), "尚未封帐"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, st := newTestShellAt(t, c.now, nil)
			seedConductPerson(t, st)
			sc := openScoring(t, s)
			sc.tabs.SelectIndex(1)
			qv := sc.quarter
			for qv.key() != "2026Q4" {
				qv.step(map[bool]int{true: -1, false: 1}[qv.key() > "2026Q4"])
			}
			waitFor(t, "the quarter", func() bool { return qv.loaded && len(qv.qs.Candidates) > 0 })
			if !qv.sel.nominate.Disabled() || !qv.sel.meeting.Disabled() || !qv.sel.decide.Disabled() {
				t.Fatal("a step is offered before the quarter is over and closed")
			}
			if !strings.Contains(qv.sel.status.Text, c.says) || !strings.Contains(qv.sel.steps.Text, "【计算】") {
				t.Fatalf("the reason is not said: %q / %q", qv.sel.status.Text, qv.sel.steps.Text)
			}
		})
	}
}

// What the office sees in 评分 for findings it acts on: people who joined
// today are not ranked and the reason is given; a substitute's upheld
// language complaint costs their window the month, said in the row.
func TestScoringScreenShowsRecordGapsAndSubstituteVeto(t *testing.T) {
	s, st := newTestShell(t)
	w, p := seedConductPerson(t, st)
	punchDays(t, st, []models.Staff{p}, models.NewDate(2026, 11, 2), models.NewDate(2026, 11, 25))
	if err := st.SaveRating(&models.Rating{On: models.NewDate(2026, 11, 3), WindowID: w.ID, StaffID: &p.ID, Level: models.RatingGood}); err != nil {
		t.Fatal(err)
	}
	sub := models.Staff{EmployeeNo: "ZW009", Name: "替岗甲", HomeUnitID: w.HomeUnitID, WindowID: w.ID,
		Post: models.PostSubstitute, JoinedOn: models.NewDate(2026, 11, 2)}
	fresh := models.Staff{EmployeeNo: "ZW010", Name: "新人甲", HomeUnitID: w.HomeUnitID, WindowID: w.ID,
		Post: models.PostStaff, JoinedOn: st.Today()}
	for _, x := range []*models.Staff{&sub, &fresh} {
		if err := st.SaveStaff(x); err != nil {
			t.Fatal(err)
		}
	}
	c := models.Complaint{On: models.NewDate(2026, 11, 10), WindowID: w.ID, StaffID: &sub.ID, Content: "替岗人员说“有本事不要来我这儿办”",
		Problem: models.ProblemLanguage}
	if err := st.SaveComplaint(&c); err != nil {
		t.Fatal(err)
	}
	if err := st.ConcludeComplaint(c.ID, models.ComplaintUpheld, "调取录音", "属实", models.NewDate(2026, 11, 12)); err != nil {
		t.Fatal(err)
	}
	sc := openScoring(t, s)
	mv := sc.month
	mv.setMonth(models.NewDate(2026, 11, 1))
	waitFor(t, "November", func() bool { return mv.loaded && mv.monthKey() == "2026-11" && len(mv.windows.rows()) == 1 })
	row := mv.windows.rows()[0]
	if row[0] != "—" || !strings.Contains(row[swEligible], "替岗甲（临时替岗）：11月10日 投诉属实：服务用语不当") || row[swAward] != "" {
		t.Fatalf("A01 should lose 满意窗口 for its substitute: %v", row)
	}
	mv.inner.SelectIndex(1)
	_, r := peopleRow(t, mv, "新人甲")
	if r[0] != "—" || r[spScore] != "100" || !strings.Contains(r[spEligible], "未达评选条件：本月实际出勤0天") {
		t.Fatalf("a person who joined today: %v", r)
	}
	if _, r := peopleRow(t, mv, "王堃"); r[0] != "1" {
		t.Fatalf("王堃 worked the month and ranks: %v", r)
	}
	if !strings.Contains(mv.note.Text, "同分时依次比较") {
		t.Fatalf("the tie rule is not named: %q", mv.note.Text)
	}
	mv.inner.SelectIndex(2)
	rows := mv.bonus.list.rows()
	if len(rows) == 0 {
		t.Fatal("the substitute's 扣发 is not listed")
	}
	for _, r := range rows {
		if r[1] != "替岗甲" || r[4] != "按规则" || !strings.Contains(r[3], "服务用语不当") {
			t.Fatalf("the 扣发 list: %v", rows)
		}
	}
}
