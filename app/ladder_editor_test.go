package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

func openRulesForm(t *testing.T, s *shell) *rulesForm {
	t.Helper()
	s.show("考勤规则")
	rsc := s.screens["考勤规则"].(*rulesScreen)
	rsc.onAdd()
	return rsc.form
}

// The office edits a ladder in the rules screen beside the handbook's words,
// saves the rule set, and can go back to the handbook's defaults.
func TestLadderEditorEditsAndResets(t *testing.T) {
	s, st := newTestShell(t)
	f := openRulesForm(t, s)
	if txt := f.conduct.upheldText.Text; !f.conduct.upheldText.Visible() || !strings.Contains(txt, "服务承诺制度 二.3：工作人员违纪遭到投诉") ||
		!strings.Contains(txt, "服务规范 五.2：违反本制度规定的当事人") {
		t.Fatal("both handbook texts on an upheld complaint should be shown beside the choice")
	}
	if f.conduct.upheld.Selected != models.UpheldByPromise {
		t.Fatalf("the default the office sees: %q", f.conduct.upheld.Selected)
	}

	test.Tap(f.conduct.editLadders)
	e := f.conduct.editor
	if e == nil || !strings.Contains(e.tabs[0].handbook.Text, "服务规范 五.2：违反本制度规定的当事人，第一次给予以口头批评") || !strings.Contains(markup(s), "手册原文") {
		t.Fatal("the editor should open on the ladders with the handbook's words")
	}
	service := e.tabs[0]
	if service.category != models.CategoryService || len(service.steps) != 3 {
		t.Fatalf("first tab %s with %d steps", service.category, len(service.steps))
	}
	first := service.steps[0]
	first.action.SetText("")
	test.Type(first.action, "中心网络通报批评")
	first.cons.checks[models.ConsequenceVerbal].SetChecked(false)
	first.cons.checks[models.ConsequenceCircular].SetChecked(true)
	first.cons.checks[models.ConsequenceStar].SetChecked(true)
	test.Tap(service.add)
	fourth := service.steps[3]
	test.Tap(e.ok)
	if !e.errs.Visible() || !strings.Contains(e.errs.Text, "服务规范第4次的处理措施不能为空") {
		t.Fatalf("an empty step was accepted: %q", e.errs.Text)
	}
	test.Type(fourth.action, "退回原单位待岗")
	fourth.cons.checks[models.ConsequenceRemoval].SetChecked(true)
	test.Tap(e.ok)
	if !strings.Contains(f.conduct.summary.Text, "服务规范：第1次 中心网络通报批评（通报批评、取消当季服务明星）") {
		t.Fatalf("the form's summary: %q", f.conduct.summary.Text)
	}
	f.conduct.upheld.SetSelected(models.UpheldByService)
	test.Tap(f.save)

	sets, err := st.RuleSets()
	if err != nil || len(sets) != 1 {
		t.Fatalf("rule sets %v %v", sets, err)
	}
	c := sets[0].Conduct
	l := c.Ladder(models.CategoryService)
	if c.UpheldComplaint != models.UpheldByService || len(l.Steps) != 4 || l.Steps[0].Action != "中心网络通报批评" ||
		!l.Steps[3].Has(models.ConsequenceRemoval) {
		t.Fatalf("saved %+v / %+v", c.UpheldComplaint, l)
	}

	// reset: a new rule set from the saved one, back to the handbook
	f = openRulesForm(t, s)
	test.Tap(f.conduct.resetLadders)
	if f.conduct.upheld.Selected != models.UpheldByPromise || !strings.Contains(f.conduct.summary.Text, "服务规范：第1次 口头批评，立即改正") {
		t.Fatalf("reset shows %q / %q", f.conduct.upheld.Selected, f.conduct.summary.Text)
	}
}

// The complaint-problem mapping and the worse case of 服务承诺 二.2 are edited
// in the same dialog.
func TestLadderEditorComplaintMappingAndAggravation(t *testing.T) {
	s, st := newTestShell(t)
	f := openRulesForm(t, s)
	test.Tap(f.conduct.editLadders)
	e := f.conduct.editor
	var delay *ladderTab
	for _, tab := range e.tabs {
		if tab.category == models.CategoryPromiseDelay {
			delay = tab
		}
	}
	if !delay.hasAggr.Checked || delay.aggrLabel.Text != "督查后仍未能按要求完成" {
		t.Fatalf("二.2's worse case: %v %q", delay.hasAggr.Checked, delay.aggrLabel.Text)
	}
	delay.aggrCons.checks[models.ConsequenceStar].SetChecked(true)
	for _, r := range e.rows {
		if r.problem == models.ProblemAttitude {
			r.ladder.SetSelected(models.CategoryService)
			r.extra.checks[models.ConsequenceBonus].SetChecked(true)
		}
	}
	test.Tap(e.ok)
	test.Tap(f.save)
	sets, _ := st.RuleSets()
	if len(sets) != 1 {
		t.Fatal("not saved")
	}
	c := sets[0].Conduct
	if ag := c.Ladder(models.CategoryPromiseDelay).Aggravation; ag == nil || !strings.Contains(strings.Join(ag.Consequences, ""), models.ConsequenceStar) {
		t.Fatalf("aggravation %+v", ag)
	}
	if r := c.ComplaintRule(models.ProblemAttitude); r.Ladder != models.CategoryService || strings.Join(r.Extra, "") != models.ConsequenceBonus {
		t.Fatalf("服务态度 → %+v", r)
	}
}

func TestScoringRulesResetToDefaults(t *testing.T) {
	s, st := newTestShell(t)
	f := openRulesForm(t, s)
	sr := f.scoring
	sr.windowComplaint.SetText("8")
	sr.minShare.SetText("0.8")
	sr.tieByCode.SetChecked(false)
	test.Tap(sr.reset)
	if sr.windowComplaint.Text != "5" || sr.minShare.Text != "0.5" || !sr.tieByCode.Checked || !sr.needActivity.Checked || sr.minVotes.Text != "1" {
		t.Fatalf("reset shows %q %q %v", sr.windowComplaint.Text, sr.minShare.Text, sr.tieByCode.Checked)
	}
	sr.windowComplaint.SetText("3")
	sr.minShare.SetText("0.6")
	sr.noticeNth.SetText("3")
	test.Tap(f.save)
	sets, _ := st.RuleSets()
	if len(sets) != 1 {
		t.Fatal("not saved")
	}
	r := sets[0].Scoring()
	if r.WindowComplaintPoints != 3 || r.AwardMinWorkedShare != 0.6 || r.WindowOneTimeNoticeNth != 3 {
		t.Fatalf("saved %+v", r)
	}
}

// Recording 服务承诺 二.2's worse case on a violation.
func TestViolationFormRecordsTheWorseCase(t *testing.T) {
	s, st := newTestShell(t)
	_, p := seedConductPerson(t, st)
	sc := openConductScreen(t, s)
	sc.onViolation(0)
	f := sc.vForm
	for _, l := range f.person.Options {
		if strings.Contains(l, p.Name) {
			f.person.SetSelected(l)
		}
	}
	f.category.SetSelected(models.CategoryDiscipline)
	if !f.aggravated.Disabled() {
		t.Fatal("工作纪律 has no worse case")
	}
	f.category.SetSelected(models.CategoryPromiseDelay)
	if f.aggravated.Disabled() || !strings.Contains(f.aggravated.Text, "督查后仍未能按要求完成") {
		t.Fatalf("服务承诺拖拉's worse case is offered: %q", f.aggravated.Text)
	}
	test.Type(f.what, "承诺件超期三个工作日，督查后仍未办结")
	f.aggravated.SetChecked(true)
	test.Tap(f.dlg.save)
	vs, _ := st.Violations(models.ViolationFilter{})
	if len(vs) != 1 || !vs[0].Aggravated || !vs[0].StopsMonthlyBonus || !strings.Contains(vs[0].StepAction, "书面检查") {
		t.Fatalf("stored %+v", vs)
	}
	waitFor(t, "the violation in the table", func() bool { return len(sc.violations.rows()) == 1 })
	if row := strings.Join(sc.violations.rows()[0], " "); !strings.Contains(row, "督查后仍未能按要求完成：书面检查") {
		t.Fatalf("row %q", row)
	}
}

// confirmButton finds a button of the dialog shown on top.
func confirmButton(t *testing.T, s *shell, text string) *widget.Button {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	if found == nil {
		t.Fatalf("no %q button in the dialog", text)
	}
	return found
}
