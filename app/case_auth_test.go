package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// seedChief puts 张建华 (ZW010) at the window as its 首席代表.
func seedChief(t *testing.T, st *models.Store, w models.ServiceWindow) models.Staff {
	t.Helper()
	p := models.Staff{EmployeeNo: "ZW010", Name: "张建华", HomeUnitID: w.HomeUnitID, WindowID: w.ID,
		Post: models.PostChief, JoinedOn: models.NewDate(2024, 1, 2), Status: models.StatusOnDuty}
	if err := st.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	return p
}

func openAuthScreen(t *testing.T, s *shell) *authScreen {
	t.Helper()
	s.show("办件授权")
	sc := s.screens["办件授权"].(*authScreen)
	waitFor(t, "the authorisation screen to load", func() bool { return sc.loaded })
	return sc
}

// decided saves a 准予 case of A01 completed on day with the 批准人 given.
func decided(t *testing.T, st *models.Store, w models.ServiceWindow, p models.Staff, no string, day int, approver string) {
	t.Helper()
	done := testNow.AddDate(0, 0, day-26)
	c := models.Case{No: no, Matter: "企业设立登记", Kind: models.CaseInstant, Applicant: "集宁区鑫源商贸有限公司",
		WindowID: w.ID, StaffID: p.ID, ReceivedAt: done.Add(-30 * 60e9), CompletedAt: &done, Result: models.ResultApproved, Approver: approver}
	if err := st.SaveCase(&c); err != nil {
		t.Fatal(err)
	}
}

// The office registers that 企业设立登记 is authorised to A01's 首席代表 and
// sees the month's 一审一核 rate: two of three decisions approved by the
// 首席代表, 66.7%, under the 80% line and marked red. It lowers the line to
// 60% in 考勤规则 and the window passes; it ends the authorisation with a reason.
func TestRegisterAuthorisationSeeRateUnderTheLineThenChangeTheLine(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	p := seedStaff(t, st, w)
	seedChief(t, st, w)
	decided(t, st, w, p, "SQ-1", 3, "张建华")
	decided(t, st, w, p, "SQ-2", 4, "张建华")
	decided(t, st, w, p, "SQ-3", 5, "") // approved at the department
	sc := openAuthScreen(t, s)
	if !strings.Contains(sc.line.Text, "还没有窗口登记授权事项") {
		t.Fatalf("line: %q", sc.line.Text)
	}

	sc.onAdd()
	f := sc.form
	f.window.SetSelected(w.Label())
	if len(f.offered) != 1 || f.offered[0] != "企业设立登记" {
		t.Fatalf("matters offered: %v", f.offered)
	}
	test.Tap(f.save)
	if sc.list.rows() != nil && len(sc.list.rows()) != 0 {
		t.Fatal("an authorisation without a matter was saved")
	}
	f.matter.SetText("企业设立登记")
	f.from.SetText("")
	test.Type(f.from, "2026-11-01")
	test.Type(f.basis, "乌市监发〔2026〕3号")
	test.Tap(f.save)

	waitFor(t, "the authorisation in the register", func() bool { return len(sc.list.rows()) == 1 })
	if row := strings.Join(sc.list.rows()[0], " "); row != "A01 企业开办综合窗口 企业设立登记 2026-11-01 起 生效中 乌市监发〔2026〕3号 —" {
		t.Fatalf("register row %q", row)
	}
	rates := sc.rates.rows()
	if len(rates) != 1 || strings.Join(rates[0][2:6], " ") != "3 2 66.7% 未达标（低于80%）" || rates[0][6] != "SQ-3" {
		t.Fatalf("rates %q", rates)
	}
	if sc.rates.importanceOf(0, colRate) != widget.DangerImportance || sc.rates.importanceOf(0, 0) != widget.MediumImportance {
		t.Fatal("the window under the line is not marked")
	}
	if !strings.Contains(sc.line.Text, "一审一核达标线 80%") || !strings.Contains(sc.line.Text, "1 个窗口未达标：A01") {
		t.Fatalf("line: %q", sc.line.Text)
	}
	if m := markup(s); !strings.Contains(m, "实行一审一核的审批事项要达到80%") {
		t.Fatal("the handbook's words are not shown")
	}

	// 考勤规则: a rule set from 1 November with a 60% line
	s.show("考勤规则")
	rsc := s.screens["考勤规则"].(*rulesScreen)
	rsc.onAdd()
	rf := rsc.form
	rf.from.SetText("")
	test.Type(rf.from, "2026-11-01")
	rf.cases.line.SetText("六十")
	test.Tap(rf.save)
	if sets, _ := st.RuleSets(); len(sets) != 0 || !strings.Contains(rf.errs.summary.Text, "一审一核达标线") {
		t.Fatalf("a bad line was saved: %v / %q", sets, rf.errs.summary.Text)
	}
	rf.cases.line.SetText("60%")
	test.Tap(rf.save)
	if sets, _ := st.RuleSets(); len(sets) != 1 || sets[0].Cases().OneReviewMinPercent != 60 {
		t.Fatalf("rule sets %+v", sets)
	}
	sc = openAuthScreen(t, s)
	if rates := sc.rates.rows(); rates[0][5] != "达标" || sc.rates.importanceOf(0, colRate) != widget.MediumImportance {
		t.Fatalf("with a 60%% line: %q", rates[0])
	}

	// end it: a reason is needed
	sc.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	sc.onEnd(sc.list.selected)
	e := sc.ending
	e.last.SetText("")
	test.Type(e.last, "2026-11-25")
	test.Tap(e.save)
	if a, _ := st.MatterAuthorisations(0); len(a) != 1 || !a[0].To.IsZero() {
		t.Fatal("ended without a reason")
	}
	test.Type(e.reason, "派驻单位收回审批权限")
	test.Tap(e.save)
	waitFor(t, "the authorisation ended", func() bool { return sc.list.rows()[0][3] == "已终止" })
	if row := sc.list.rows()[0]; row[2] != "2026-11-01 至 2026-11-25" || row[5] != "派驻单位收回审批权限" {
		t.Fatalf("ended row %q", row)
	}
}

// Completing a case of an authorised matter: the 办结 dialog says who may
// approve; a clerk's name is refused under 批准人, the 首席代表 offered in
// the list is accepted.
func TestCompleteAuthorisedCaseNeedsTheChiefAsApprover(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	p := seedStaff(t, st, w)
	seedChief(t, st, w)
	if err := st.AddMatterAuthorisation(&models.MatterAuthorisation{WindowID: w.ID, Matter: "企业设立登记", From: models.NewDate(2026, 11, 1)}); err != nil {
		t.Fatal(err)
	}
	c := models.Case{No: "SQ-9", Matter: "企业设立登记", Kind: models.CasePromised, PromisedDays: 5, Applicant: "集宁区鑫源商贸有限公司",
		WindowID: w.ID, StaffID: p.ID, ReceivedAt: testNow.AddDate(0, 0, -2)}
	if err := st.SaveCase(&c); err != nil {
		t.Fatal(err)
	}
	sc := openCasesScreen(t, s)
	sc.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	sc.onComplete(sc.list.selected)
	d := sc.completing
	if len(d.offered) != 1 || d.offered[0] != "张建华" {
		t.Fatalf("approvers offered: %v", d.offered)
	}
	if m := markup(s); !strings.Contains(m, "批准人应为首席代表 张建华") {
		t.Fatal("the dialog does not say who may approve")
	}
	d.approver.SetText("王堃")
	test.Tap(d.save)
	if got, _ := st.CaseByNo("SQ-9"); got.Completed() {
		t.Fatal("completed with a clerk as 批准人")
	}
	if m := markup(s); !strings.Contains(m, "王堃 不能批准此办件") {
		t.Fatal("the refusal is not shown under 批准人")
	}
	d.approver.SetText("张建华")
	test.Tap(d.save)
	if got, _ := st.CaseByNo("SQ-9"); !got.Completed() || got.Approver != "张建华" {
		t.Fatalf("stored %+v", got)
	}
}
