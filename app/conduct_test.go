package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

func seedConductPerson(t *testing.T, st *models.Store) (models.ServiceWindow, models.Staff) {
	t.Helper()
	w := seedWindow(t, st)
	p := models.Staff{EmployeeNo: "ZW001", Name: "王堃", HomeUnitID: w.HomeUnitID, WindowID: w.ID,
		Post: models.PostStaff, JoinedOn: models.NewDate(2024, 3, 1)}
	if err := st.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	return w, p
}

func openConductScreen(t *testing.T, s *shell) *conductScreen {
	t.Helper()
	s.show("违规投诉")
	return s.screens["违规投诉"].(*conductScreen)
}

func TestConcludeComplaintUpheldShowsViolationAndStep(t *testing.T) {
	s, st := newTestShell(t)
	w, p := seedConductPerson(t, st)
	c := models.Complaint{On: st.Today(), WindowID: w.ID, StaffID: &p.ID, Complainant: "张先生", Channel: "12345热线",
		Content: "窗口人员说“这事不归我管”", Problem: models.ProblemLanguage}
	if err := st.SaveComplaint(&c); err != nil {
		t.Fatal(err)
	}
	sc := openConductScreen(t, s)
	waitFor(t, "the complaint in the table", func() bool { return len(sc.complaints.rows()) == 1 })
	if row := strings.Join(sc.complaints.rows()[0], " "); !strings.Contains(row, "核查中") || !strings.Contains(row, "王堃") {
		t.Fatalf("complaint row %q", row)
	}
	sc.tabs.SelectIndex(1)
	sc.complaints.selectID(c.ID)
	if sc.cConclude.Disabled() {
		t.Fatal("核查结论 disabled with a complaint selected")
	}
	test.Tap(sc.cConclude)
	f := sc.cForm
	f.result.SetSelected(models.ComplaintUpheld)
	test.Type(f.finding, "经调取录音录像核实，该同志使用服务忌语，投诉属实")
	test.Tap(f.dlg.save)

	waitFor(t, "the violation in the table", func() bool { return len(sc.violations.rows()) == 1 })
	row := strings.Join(sc.violations.rows()[0], " ")
	// by default an upheld complaint climbs 服务承诺制度 二.3's ladder
	for _, want := range []string{"王堃", models.CategoryPromiseBreak, "第1次", "通报批评；扣当月考核奖", "按投诉计分", models.SourceComplaint} {
		if !strings.Contains(row, want) {
			t.Errorf("violation row %q lacks %q", row, want)
		}
	}
	if got := strings.Join(sc.complaints.rows()[0], " "); !strings.Contains(got, "属实") {
		t.Fatalf("complaint row after conclusion %q", got)
	}
	if sc.tabs.SelectedIndex() != 0 {
		t.Fatal("the violations tab is not shown after an upheld conclusion")
	}
	if m := markup(s); !strings.Contains(m, "通报批评；扣当月考核奖") {
		t.Fatal("the violation's step is not drawn")
	}
}

func TestSecondNotificationViolationShowsHandbookConsequences(t *testing.T) {
	s, st := newTestShell(t)
	_, p := seedConductPerson(t, st)
	first := models.Violation{StaffID: p.ID, On: models.NewDate(st.Today().Year(), 1, 5), Category: models.CategoryNotification,
		Circumstances: "未一次性告知所需材料"}
	if err := st.SaveViolation(&first); err != nil {
		t.Fatal(err)
	}
	sc := openConductScreen(t, s)
	waitFor(t, "the first violation", func() bool { return len(sc.violations.rows()) == 1 })
	test.Tap(sc.vAdd)
	f := sc.vForm
	f.person.SetSelected(f.person.Options[0])
	f.category.SetSelected(models.CategoryNotification)
	want := "本年度第2次 → 中心网络通报批评；通报主管部门；取消所在窗口当月满意窗口资格；扣当月月度考核奖" +
		"（通报批评、函告主管部门、取消当季服务明星、取消窗口当月满意窗口、扣发当月考核奖）"
	if f.suggestion.Text != want {
		t.Fatalf("suggestion %q, want %q", f.suggestion.Text, want)
	}
	test.Type(f.what, "未告知需补充股东会决议，群众二次往返")
	test.Tap(f.dlg.save)
	waitFor(t, "two violations", func() bool { return len(sc.violations.rows()) == 2 })
	vs, _ := st.Violations(models.ViolationFilter{})
	if v := vs[1]; v.Step != 2 || !v.LosesWindowMonth || !v.StopsMonthlyBonus || !v.LosesQuarterStar {
		t.Fatalf("stored %+v", v)
	}

	// overriding without a reason is refused under the field
	test.Tap(sc.vAdd)
	f = sc.vForm
	f.person.SetSelected(f.person.Options[0])
	f.category.SetSelected(models.CategoryNotification)
	test.Type(f.what, "又一次未一次性告知")
	f.override.SetChecked(true)
	f.step.SetSelected("第1次")
	test.Tap(f.dlg.save)
	if vs, _ := st.Violations(models.ViolationFilter{}); len(vs) != 2 {
		t.Fatal("an override without a reason was saved")
	}
	test.Type(f.reason, "群众未受实际影响")
	test.Tap(f.dlg.save)
	waitFor(t, "three violations", func() bool { return len(sc.violations.rows()) == 3 })
	if row := strings.Join(sc.violations.rows()[0], " "); !strings.Contains(row, "第1次（调整）") || !strings.Contains(row, "群众未受实际影响") {
		t.Fatalf("override row %q", row)
	}
}
