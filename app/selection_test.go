package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

// The register of internal 文号 lists the centre's own documents and voids
// one only with a reason.
func TestInternalNoticeRegisterVoidsWithAReason(t *testing.T) {
	s, st := newTestShell(t)
	n := &models.IssuedNotice{Kind: "考勤通报", Subject: "2026-10", Ref: "2026-10"}
	if err := st.PlanNotices([]*models.IssuedNotice{n}); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordNotices(models.NoticePrint{New: []*models.IssuedNotice{n}}, nil); err != nil {
		t.Fatal(err)
	}
	s.show("操作日志")
	a := s.screens["操作日志"].(*auditScreen)
	test.Tap(a.regBtn)
	r := a.register
	waitFor(t, "the register", func() bool { return len(r.list.rows()) == 1 })
	if row := strings.Join(r.list.rows()[0], " "); !strings.Contains(row, "乌政服勤〔2026〕1号") || !strings.Contains(row, "有效") {
		t.Fatalf("row %q", row)
	}
	if !r.void.Disabled() {
		t.Fatal("作废 offered with nothing selected")
	}
	r.list.selectID(n.ID)
	test.Tap(r.void)
	test.Tap(r.confirm)
	if got, _ := st.InternalNotices(); got[0].Voided || !strings.Contains(markup(s), "请填写作废原因") {
		t.Fatal("voided without a reason")
	}
	test.Type(r.reason, "通报数据有误，更正后重新出具")
	test.Tap(r.confirm)
	got, _ := st.InternalNotices()
	if !got[0].Voided || got[0].VoidReason != "通报数据有误，更正后重新出具" {
		t.Fatalf("register %+v", got[0])
	}
	if row := strings.Join(r.list.rows()[0], " "); !strings.Contains(row, "作废：通报数据有误") {
		t.Fatalf("row after voiding %q", row)
	}
}

// The meeting's quorum, majority and 公示 days are rules of a rule set.
func TestRuleSetHoldsTheMeetingRules(t *testing.T) {
	s, st := newTestShell(t)
	s.show("考勤规则")
	rsc := s.screens["考勤规则"].(*rulesScreen)
	rsc.onAdd()
	f := rsc.form
	if f.scoring.quorum.Text != "2/3" || f.scoring.majority.Text != "1/2" || f.scoring.publicity.Text != "5" {
		t.Fatalf("defaults %q %q %q", f.scoring.quorum.Text, f.scoring.majority.Text, f.scoring.publicity.Text)
	}
	f.scoring.quorum.SetText("三分之二")
	test.Tap(f.save)
	if sets, _ := st.RuleSets(); len(sets) != 0 || !strings.Contains(markup(s), "应写成分数") {
		t.Fatal("a quorum not written as a fraction was saved")
	}
	f.scoring.quorum.SetText("3/4")
	f.scoring.publicity.SetText("7")
	test.Tap(f.save)
	sets, _ := st.RuleSets()
	if len(sets) != 1 {
		t.Fatalf("%d rule sets", len(sets))
	}
	r := sets[0].Scoring()
	if r.QuorumNum != 3 || r.QuorumDen != 4 || r.MajorityNum != 1 || r.PublicityDays != 7 || r.QuorumMet(8, 6) || !r.QuorumMet(8, 7) {
		t.Fatalf("rules %+v", r)
	}
}

// The month's 满意窗口 selection sits in its own tab and waits for the
// month to be closed.
func TestMonthSelectionWaitsForTheClose(t *testing.T) {
	s, st := newTestShell(t)
	seedConductPerson(t, st)
	sc := openScoring(t, s)
	mv := sc.month
	mv.setMonth(models.NewDate(2026, 10, 1))
	waitFor(t, "October", func() bool { return mv.sel.loaded && mv.sel.rec.Period == "2026-10" })
	mv.inner.SelectIndex(3)
	if !mv.sel.nominate.Disabled() || !strings.Contains(mv.sel.status.Text, "尚未封帐") || !strings.Contains(mv.sel.steps.Text, "2026年10月满意窗口") {
		t.Fatalf("status %q / %q", mv.sel.status.Text, mv.sel.steps.Text)
	}
	if !mv.detail.Disabled() {
		t.Fatal("明细 offered on the selection tab")
	}
}
