package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"govdesk/models"
	"govdesk/reports"
)

// createAdministrator fills the first start's form and presses 创建管理员.
func createAdministrator(t *testing.T, g *gate) {
	t.Helper()
	entries, buttons := widgetsOf(t, g.win)
	if len(entries) != 3 || buttons["创建管理员"] == nil {
		t.Fatalf("no setup form: %d entries", len(entries))
	}
	test.Type(entries[0], "李主任")
	test.Type(entries[1], "密码12345678")
	test.Type(entries[2], "密码12345678")
	test.Tap(buttons["创建管理员"])
	if g.shell == nil {
		t.Fatal("not signed in")
	}
}

// A new centre's administrator is led through the wizard: the name and
// 文号 prefix are asked for before 下一步 goes on, the other steps may stay
// empty, the import is skipped, and 文书设置 then holds the centre's name.
func TestNewAdministratorSetsUpTheCentreInTheWizard(t *testing.T) {
	g, st := openGate(t, nil)
	createAdministrator(t, g)
	w := g.setup
	if w == nil {
		t.Fatal("no setup wizard on a new, empty database")
	}
	if w.heading.Text != "第 1 步，共 5 步：中心名称与文号" || !w.back.Disabled() {
		t.Fatalf("first step: %q, 上一步 disabled %v", w.heading.Text, w.back.Disabled())
	}
	test.Type(w.entries["中心名称"], "锡林郭勒盟政务服务中心")
	test.Tap(w.next)
	if w.step != 0 || !strings.Contains(w.steps[0].errs.summary.Text, "文号前缀应为1至8个汉字") {
		t.Fatalf("went on without a 文号 prefix: step %d, %q", w.step, w.steps[0].errs.summary.Text)
	}
	test.Type(w.entries["文号前缀"], "锡政服")
	w.entries["文号前缀"].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter, as 下一步
	if w.step != 1 || w.steps[0].errs.summary.Visible() {
		t.Fatalf("step %d after a valid first step", w.step)
	}
	test.Type(w.entries["咨询电话"], "0479-8228000")
	test.Tap(w.back)
	test.Tap(w.next)
	for w.step < len(w.steps)-1 {
		test.Tap(w.next)
	}
	if w.next.Text != "完成" || w.choice.Selected != setupSkip {
		t.Fatalf("last step: %q, %q", w.next.Text, w.choice.Selected)
	}
	test.Tap(w.next)
	if wizardShown(g) {
		t.Fatal("the wizard stays open after 完成")
	}
	o, _ := st.Office()
	if o.Name != "锡林郭勒盟政务服务中心" || o.Abbrev != "锡政服" || o.EnquiryPhone != "0479-8228000" {
		t.Fatalf("stored: %+v", o)
	}
	g.shell.show("文书设置")
	n := g.shell.screens["文书设置"].(*noticeSettingsScreen)
	if n.entries["中心名称"].Text != "锡林郭勒盟政务服务中心" {
		t.Fatalf("文书设置 shows %q", n.entries["中心名称"].Text)
	}
	if empty, _ := st.IsEmpty(); !empty {
		t.Fatal("skipping the import added windows or staff")
	}
}

// 初始设置向导 on 文书设置 opens the wizard again with the centre's
// details; choosing the demo there fills the demo centre and keeps the
// centre's own name.
func TestWizardOpensAgainFromNoticeSettingsAndFillsTheDemo(t *testing.T) {
	g, st := openGate(t, nil)
	createAdministrator(t, g)
	g.setup.dlg.Hide()
	g.shell.show("文书设置")
	n := g.shell.screens["文书设置"].(*noticeSettingsScreen)
	if n.entries["中心名称"].Text != "" {
		t.Fatalf("a new database's 文书设置 holds %q", n.entries["中心名称"].Text)
	}
	_, buttons := widgetsOf(t, g.win)
	if buttons["初始设置向导"] == nil {
		t.Fatal("no 初始设置向导 on 文书设置")
	}
	test.Tap(buttons["初始设置向导"])
	w := n.wizard
	if w == nil || !wizardShown(g) {
		t.Fatal("the wizard did not open")
	}
	test.Type(w.entries["中心名称"], "锡林郭勒盟政务服务中心")
	test.Type(w.entries["文号前缀"], "锡政服")
	for w.step < len(w.steps)-1 {
		test.Tap(w.next)
	}
	w.choice.SetSelected(setupImport)
	test.Tap(w.next)
	if !wizardShown(g) || !strings.Contains(w.steps[w.step].errs.summary.Text, "请选择窗口文件和人员文件") {
		t.Fatalf("finished an import without files: %q", w.steps[w.step].errs.summary.Text)
	}
	w.choice.SetSelected(setupDemo)
	test.Tap(w.next)
	if wizardShown(g) {
		t.Fatal("the wizard stays open after filling the demo")
	}
	if empty, _ := st.IsEmpty(); empty {
		t.Fatal("the demo was not filled")
	}
	o, _ := st.Office()
	if o.Name != "锡林郭勒盟政务服务中心" || o.Court != models.DemoOffice.Court {
		t.Fatalf("after the demo: %+v", o)
	}
	if n.entries["中心名称"].Text != "锡林郭勒盟政务服务中心" {
		t.Fatalf("文书设置 not read again: %q", n.entries["中心名称"].Text)
	}
}

// wizardShown tells whether the wizard shows over the window.
func wizardShown(g *gate) bool {
	return strings.Contains(test.RenderToMarkup(g.win.Canvas()), "步，共 5 步")
}

// A clerk of a centre that closed the wizard without filling it in prints
// a 受理通知书: it is refused, saying to fill in 文书设置 or the wizard
// first, and no PDF is written.
func TestPrintingANoticeBeforeTheCentreIsSetUpIsRefused(t *testing.T) {
	g, st := openGate(t, nil)
	createAdministrator(t, g)
	_, buttons := overlayWidgets(t, g.win)
	test.Tap(buttons["我已抄下恢复码"])
	_, buttons = overlayWidgets(t, g.win)
	test.Tap(buttons["以后再说"])
	if wizardShown(g) {
		t.Fatal("以后再说 did not close the wizard")
	}
	w := seedWindow(t, st)
	p := seedStaff(t, st, w)
	c := models.Case{No: "20260930-A01-001", Matter: "企业设立登记", Kind: models.CasePromised,
		ApplicantType: models.ApplicantOrg, Applicant: "某某商贸有限公司", Contact: "李桂兰",
		WindowID: w.ID, StaffID: p.ID, ReceivedAt: time.Date(2026, 9, 30, 9, 15, 0, 0, models.CentreZone),
		LegalDays: 15, PromisedDays: 5}
	if err := st.SaveCase(&c); err != nil {
		t.Fatal(err)
	}
	sc := openCasesScreen(t, g.shell)
	waitFor(t, "the case", func() bool { return len(sc.list.rows()) == 1 })
	sc.onPrint(c.ID, "受理通知书")
	if m := test.RenderToMarkup(g.win.Canvas()); !strings.Contains(m, "还没有填写中心信息") || !strings.Contains(m, "初始设置向导") {
		t.Fatalf("no refusal shows:\n%s", m)
	}
	if pdfs, _ := filepath.Glob(filepath.Join(noticeDir(g.shell.data), "*.pdf")); len(pdfs) != 0 {
		t.Fatalf("a refused notice was written: %v", pdfs)
	}
	if list, _ := st.IssuedNotices(""); len(list) != 0 {
		t.Fatalf("a refused notice took a number: %+v", list)
	}
}

// The templates the wizard offers, filled in (here: with their example
// rows) and chosen as the windows and staff files, are imported on 完成.
func TestWizardImportsTheFilledTemplates(t *testing.T) {
	g, st := openGate(t, nil)
	createAdministrator(t, g)
	w := g.setup
	dir := t.TempDir()
	for _, kind := range []string{"windows", "staff"} {
		path := filepath.Join(dir, kind+".xlsx")
		if err := reports.WriteImportTemplate(kind, path); err != nil {
			t.Fatal(err)
		}
		w.files[kind] = path
	}
	test.Type(w.entries["中心名称"], "锡林郭勒盟政务服务中心")
	test.Type(w.entries["文号前缀"], "锡政服")
	for w.step < len(w.steps)-1 {
		test.Tap(w.next)
	}
	w.choice.SetSelected(setupImport)
	test.Tap(w.next)
	if wizardShown(g) {
		t.Fatalf("the wizard stays open after importing:\n%s", test.RenderToMarkup(g.win.Canvas()))
	}
	staff, _ := st.StaffList()
	windows, _ := st.ServiceWindows()
	if len(staff) != 1 || len(windows) != 1 || staff[0].WindowID != windows[0].ID {
		t.Fatalf("imported %d staff, %d windows", len(staff), len(windows))
	}
}
