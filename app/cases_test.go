package app

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// seedStaff puts one person on duty at the window.
func seedStaff(t *testing.T, st *models.Store, w models.ServiceWindow) models.Staff {
	t.Helper()
	p := models.Staff{EmployeeNo: "ZW100", Name: "王堃", HomeUnitID: w.HomeUnitID, WindowID: w.ID,
		Post: models.PostStaff, JoinedOn: models.NewDate(2026, 1, 5), Status: models.StatusOnDuty}
	if err := st.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	return p
}

// seedPromisedCase stores a 承诺件 received at the window from a company on
// 30 September 2026, handled by the person, with the materials given.
func seedPromisedCase(t *testing.T, st *models.Store, w models.ServiceWindow, p models.Staff, materials ...models.CaseMaterial) models.Case {
	t.Helper()
	c := models.Case{No: "20260930-A01-001", Matter: "企业设立登记", Kind: models.CasePromised,
		ApplicantType: models.ApplicantOrg, Applicant: "乌兰察布市鑫源商贸有限公司", Contact: "李桂兰",
		WindowID: w.ID, StaffID: p.ID, ReceivedAt: time.Date(2026, 9, 30, 9, 15, 0, 0, models.CentreZone),
		LegalDays: 15, PromisedDays: 5, Materials: materials}
	if err := st.SaveCase(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

func openCasesScreen(t *testing.T, s *shell) *casesScreen {
	t.Helper()
	s.show("办件")
	sc := s.screens["办件"].(*casesScreen)
	waitFor(t, "the case screen to load", func() bool { return sc.cal != nil })
	return sc
}

// fillCase types a 承诺件 received on 2026-09-30 09:15 with 5 promised days.
func fillCase(t *testing.T, f *caseForm, w models.ServiceWindow, no, idNumber string) {
	t.Helper()
	test.Type(f.no, no)
	test.Type(f.matter, "户口迁移")
	f.kind.SetSelected(models.CasePromised)
	f.applicantType.SetSelected(models.ApplicantPerson)
	test.Type(f.applicant, "张秀英")
	test.Type(f.applicantID, idNumber)
	test.Type(f.phone, "13800138000")
	f.window.SetSelected(w.Label())
	f.staff.SetSelected("王堃（ZW100）")
	f.received.SetText("") // the form starts at now: clear it and type
	test.Type(f.received, "2026-09-30")
	f.clock.SetText("")
	test.Type(f.clock, "09:15")
	test.Type(f.legal, "20")
	test.Type(f.promised, "5")
}

func TestTypeNewCaseSeeDueDateInTable(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	seedStaff(t, st, w)
	sc := openCasesScreen(t, s)

	sc.onAdd()
	f := sc.form
	fillCase(t, f, w, "20260930-A05-001", validID("15090219910904579"))
	// National Day 10-01..07 is off, Saturday 10-10 is a make-up working day
	if want := "办结期限：2026年10月13日（按工作日历计算）"; f.due.Text != want {
		t.Fatalf("due label shows %q, want %q", f.due.Text, want)
	}
	f.kind.SetSelected(models.CaseInstant)
	if !f.promised.Disabled() || f.due.Text != "办结期限：2026年9月30日（即办件当日办结）" {
		t.Fatalf("即办件: promised disabled %v, due %q", f.promised.Disabled(), f.due.Text)
	}
	f.kind.SetSelected(models.CasePromised)
	test.Type(f.promised, "5")

	test.Tap(f.materials.add)
	test.Tap(f.materials.add)
	row := f.materials.rows[0]
	test.Type(row.name, "户口迁移申请表")
	row.form.SetSelected(models.MaterialOriginal)
	test.Type(row.pages, "2")
	extra := f.materials.rows[1]
	test.Type(extra.name, "多余的一行")
	test.Tap(extra.remove)
	test.Tap(f.save)

	waitFor(t, "the case in the table", func() bool { return len(sc.list.rows()) == 1 })
	cells := sc.list.rows()[0]
	got := strings.Join(cells[:8], " ")
	want := "20260930-A05-001 户口迁移 承诺件 张秀英 A01 王堃 2026-09-30 09:15 2026-10-13"
	if got != want {
		t.Fatalf("row shows %q\nwant      %q", got, want)
	}
	c, err := st.CaseByNo("20260930-A05-001")
	if err != nil {
		t.Fatal(err)
	}
	cal, _ := st.Calendar()
	late := len(c.OverdueDays(cal, st.Today()))
	if c.Status(st.Today()) == models.CaseOverdue {
		if !strings.HasPrefix(cells[colStatus], "已超期 ") || !strings.Contains(cells[colStatus], "个工作日") {
			t.Fatalf("status cell %q for a case %d working days late", cells[colStatus], late)
		}
		if imp := sc.list.importanceOf(0, colStatus); imp != widget.DangerImportance {
			t.Fatalf("overdue case drawn with importance %v", imp)
		}
	}
	if len(c.Materials) != 1 || c.Materials[0].Describe() != "户口迁移申请表 1份原件（2页）" {
		t.Fatalf("materials stored %+v", c.Materials)
	}
	if c.DueOn != models.NewDate(2026, 10, 13) || c.LegalDays != 20 || c.ApplicantType != models.ApplicantPerson {
		t.Fatalf("stored %+v", c)
	}
	if !strings.Contains(markup(s), "20260930-A05-001") {
		t.Fatal("the new case is not drawn in the window")
	}
}

func TestPrintAcceptanceNoticeShowsInCaseFile(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	c := seedPromisedCase(t, st, w, seedStaff(t, st, w), models.CaseMaterial{Name: "公司章程", Form: models.MaterialOriginal, Pages: 6})
	sc := openCasesScreen(t, s)
	waitFor(t, "the case", func() bool { return len(sc.list.rows()) == 1 })
	sc.list.selectID(c.ID)
	if sc.list.selected != c.ID || sc.print.Disabled() {
		t.Fatalf("selecting the row: selected %d, print disabled %v", sc.list.selected, sc.print.Disabled())
	}

	sc.onPrint(sc.list.selected, "受理通知书") // what the 印制 menu's item does
	pdfs, _ := filepath.Glob(filepath.Join(noticeDir(s.data), "受理通知书-20260930-A01-001-*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("PDFs in %s: %v", noticeDir(s.data), pdfs)
	}
	if fi, err := os.Stat(pdfs[0]); err != nil || fi.Size() == 0 {
		t.Fatalf("PDF %s: %v", pdfs[0], err)
	}

	sc.onFile(c.ID)
	cf := sc.file
	waitFor(t, "the case file", func() bool { return len(cf.rows) > 0 })
	row, ok := cf.row("受理通知书")
	if !ok || !strings.HasPrefix(row.status, "已印制 乌政服受〔2026〕1号 ") || row.void == nil {
		t.Fatalf("受理通知书 row: %+v", row)
	}
	var kinds []string
	for _, r := range cf.rows {
		kinds = append(kinds, r.kind)
	}
	if got := strings.Join(kinds, " "); got != "收件清单 受理通知书 承诺件通知书 送达凭证" {
		t.Fatalf("file lists %s", got)
	}
	if r, _ := cf.row("收件清单"); r.status != "未印制" {
		t.Fatalf("收件清单 shows %q", r.status)
	}
	if !strings.Contains(markup(s), "乌政服受〔2026〕1号") {
		t.Fatal("the 文号 is not drawn in the case file")
	}

	// an issued notice is reprinted under its number, or issued again under a new one
	if row.print != nil || row.reprint == nil || row.reissue == nil {
		t.Fatalf("an issued notice should offer 重印 and 重新出具, not 印制: %+v", row)
	}
	cf.reprint("受理通知书")
	row, _ = cf.row("受理通知书")
	if !strings.HasPrefix(row.status, "已印制 乌政服受〔2026〕1号 ") || strings.Contains(row.status, "2号") {
		t.Fatalf("after reprinting: %q", row.status)
	}
	cf.reissue("受理通知书") // what 重新出具 does once confirmed
	row, _ = cf.row("受理通知书")
	if !strings.HasPrefix(row.status, "已印制 乌政服受〔2026〕2号 ") || !strings.Contains(row.status, "作废 乌政服受〔2026〕1号（重新出具）") {
		t.Fatalf("after a new issue: %q", row.status)
	}

	// voiding asks a reason, keeps the number taken and shows it void
	test.Tap(row.void)
	test.Tap(cf.voidSave)
	if n, _ := st.IssuedNotices(c.No); n[0].Voided {
		t.Fatal("voided without a reason")
	}
	test.Type(cf.voidReason, "申请人名称有误")
	test.Tap(cf.voidSave)
	row, _ = cf.row("受理通知书")
	if row.status != "未印制；作废 乌政服受〔2026〕2号（申请人名称有误）；作废 乌政服受〔2026〕1号（重新出具）" || row.void != nil || row.print == nil {
		t.Fatalf("after voiding: %+v", row)
	}

	// printing again from the file takes the next number
	cf.printKind("受理通知书")
	row, _ = cf.row("受理通知书")
	if !strings.HasPrefix(row.status, "已印制 乌政服受〔2026〕3号 ") || !strings.Contains(row.status, "作废 乌政服受〔2026〕2号") {
		t.Fatalf("after printing again: %q", row.status)
	}
	log, _ := st.AuditLog(models.AuditFilter{Entity: "文书", Text: "乌政服受〔2026〕1号"})
	reprinted := false
	for _, e := range log {
		reprinted = reprinted || e.Action == models.ActionReprint
	}
	if !reprinted {
		t.Fatal("the reprint is not in the audit log")
	}
}

func TestCaseFiltersSearchAndOverdueHighlight(t *testing.T) {
	s, st := newDemoShell(t)
	all, _ := st.Cases(models.CaseFilter{})
	cal, _ := st.Calendar()
	today := st.Today()
	sc := openCasesScreen(t, s)
	waitFor(t, "the demo cases", func() bool { return len(sc.list.rows()) == len(all) })

	// the open overdue cases are red, with their overdue working days
	overdue, _ := st.Cases(models.CaseFilter{Status: models.CaseOverdue})
	if len(overdue) == 0 {
		t.Fatal("the demo has no overdue case")
	}
	sc.status.SetSelected(models.CaseOverdue)
	rows := sc.list.rows()
	if len(rows) != len(overdue) {
		t.Fatalf("已超期 shows %d rows, want %d", len(rows), len(overdue))
	}
	for i, c := range overdue {
		want := "已超期"
		if n := len(c.OverdueDays(cal, today)); n > 0 {
			want += " " + strconv.Itoa(n) + "个工作日"
		}
		if rows[i][0] != c.No || rows[i][colStatus] != want {
			t.Fatalf("row %d: %v, want %s %s", i, rows[i], c.No, want)
		}
		if imp := sc.list.importanceOf(i, colStatus); imp != widget.DangerImportance {
			t.Fatalf("overdue %s drawn with importance %v", c.No, imp)
		}
	}
	if !strings.Contains(markup(s), rows[0][colStatus]) {
		t.Fatalf("%q is not drawn", rows[0][colStatus])
	}

	// search narrows within the filter: 申请人, then 受理人
	test.Type(sc.list.search, "康宁")
	if rows := sc.list.rows(); len(rows) != 1 || !strings.Contains(rows[0][3], "康宁") {
		t.Fatalf("search 康宁: %v", rows)
	}
	sc.list.search.SetText("")
	sc.status.SetSelected(allStatuses)
	waitFor(t, "all cases again", func() bool { return len(sc.list.rows()) == len(all) })
	name := all[0].Staff.Name
	test.Type(sc.list.search, name)
	want := 0
	for _, c := range all {
		if strings.Contains(c.Staff.Name, name) || strings.Contains(c.Applicant, name) || strings.Contains(c.Matter, name) {
			want++
		}
	}
	if got := len(sc.list.rows()); got != want || sc.list.count.Text != "显示 "+strconv.Itoa(want)+" / 共 "+strconv.Itoa(len(all))+" 条" {
		t.Fatalf("search %s shows %d rows (%s), want %d", name, got, sc.list.count.Text, want)
	}
	sc.list.search.SetText("")

	// a case on time is drawn plainly
	sc.status.SetSelected(models.CaseDone)
	if len(sc.list.rows()) == 0 || sc.list.importanceOf(0, colStatus) != widget.MediumImportance {
		t.Fatal("a case done on time is highlighted")
	}
	sc.status.SetSelected(allStatuses)

	// kind and window filters ask the store
	instant, _ := st.Cases(models.CaseFilter{Kind: models.CaseInstant})
	sc.kind.SetSelected(models.CaseInstant)
	rows = sc.list.rows()
	if len(rows) != len(instant) || len(rows) == 0 {
		t.Fatalf("即办件 shows %d rows, want %d", len(rows), len(instant))
	}
	for _, r := range rows {
		if r[2] != models.CaseInstant {
			t.Fatalf("row outside the filter: %v", r)
		}
	}
	sc.kind.SetSelected(allKinds)
	label := all[0].Window.Label()
	sc.window.SetSelected(label)
	byWindow, _ := st.Cases(models.CaseFilter{WindowID: all[0].WindowID})
	rows = sc.list.rows()
	if len(rows) != len(byWindow) {
		t.Fatalf("window %s shows %d rows, want %d", label, len(rows), len(byWindow))
	}
	for _, r := range rows {
		if !strings.HasPrefix(label, r[4]+" ") {
			t.Fatalf("row outside the filter: %v", r)
		}
	}
	if got := sc.shownCaseNos(); len(got) != len(byWindow) {
		t.Fatalf("batch printing would print %d, the table shows %d", len(got), len(byWindow))
	}
}

func TestBadApplicantIDShowsErrorAndSavesNothing(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	seedStaff(t, st, w)
	sc := openCasesScreen(t, s)

	sc.onAdd()
	f := sc.form
	fillCase(t, f, w, "20260930-A05-002", "110105194912310021") // check digit should be X
	test.Tap(f.save)

	hint := f.errs.items["证件号码"].HintText
	if !strings.HasPrefix(hint, "✖ ") || !strings.Contains(hint, "校验码") {
		t.Fatalf("no error under 证件号码: %q", hint)
	}
	if !f.errs.summary.Visible() || !strings.Contains(f.errs.summary.Text, "证件号码：") {
		t.Fatalf("summary shows %q", f.errs.summary.Text)
	}
	if !strings.Contains(markup(s), "校验码") {
		t.Fatal("the error is not drawn")
	}
	if cs, _ := st.Cases(models.CaseFilter{}); len(cs) != 0 {
		t.Fatalf("saved %d cases despite the bad number", len(cs))
	}

	// missing window and person show under the form's own labels
	f.staff.ClearSelected()
	test.Tap(f.save)
	if f.errs.items["受理人"].HintText != "✖ 请选择受理人员" {
		t.Fatalf("受理人 hint %q", f.errs.items["受理人"].HintText)
	}

	f.staff.SetSelected("王堃（ZW100）")
	f.applicantID.SetText("")
	test.Type(f.applicantID, "11010519491231002X")
	test.Tap(f.save)
	waitFor(t, "the case in the table", func() bool { return len(sc.list.rows()) == 1 })
	if f.errs.summary.Visible() {
		t.Fatal("the error stays after the fix")
	}
}

func TestRequiredNoticesFollowKindAndResult(t *testing.T) {
	done := time.Now()
	for _, tc := range []struct {
		name string
		c    models.Case
		want string
	}{
		{"即办件 open", models.Case{Kind: models.CaseInstant}, "收件清单 受理通知书 送达凭证"},
		{"承诺件 准予", models.Case{Kind: models.CasePromised, CompletedAt: &done, Result: models.ResultApproved},
			"收件清单 受理通知书 承诺件通知书 准予行政许可决定书 送达凭证"},
		{"承诺件 不予许可", models.Case{Kind: models.CasePromised, CompletedAt: &done, Result: models.ResultDenied},
			"收件清单 受理通知书 承诺件通知书 不予行政许可决定书 送达凭证"},
		{"不予受理", models.Case{Kind: models.CaseInstant, CompletedAt: &done, Result: models.ResultRefused},
			"收件清单 不予受理通知书 送达凭证"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(requiredNotices(tc.c, nil), " "); got != tc.want {
				t.Fatalf("got %s, want %s", got, tc.want)
			}
		})
	}
	issued := []models.IssuedNotice{{Kind: "一次性告知书"}}
	if got := strings.Join(requiredNotices(models.Case{Kind: models.CaseInstant}, issued), " "); got != "收件清单 受理通知书 一次性告知书 送达凭证" {
		t.Fatalf("with a 一次性告知书 issued: %s", got)
	}
}

func TestClockParsing(t *testing.T) {
	for in, want := range map[string][2]int{"8:30": {8, 30}, "08：05": {8, 5}, "": {0, 0}, "17:59": {17, 59}} {
		h, m, err := parseClock(in)
		if err != nil || h != want[0] || m != want[1] {
			t.Errorf("%q: %d:%d %v", in, h, m, err)
		}
	}
	for _, bad := range []string{"24:00", "8.30", "上午"} {
		if _, _, err := parseClock(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestCaseRegisterFiltersByHandler(t *testing.T) {
	s, st := newDemoShell(t)
	s.show("办件")
	sc := s.screens["办件"].(*casesScreen)
	all, _ := st.Cases(models.CaseFilter{})
	who := all[0].Staff
	sc.handler.SetSelected(staffLabel(who))
	theirs, _ := st.Cases(models.CaseFilter{StaffID: who.ID})
	rows := sc.list.rows()
	if len(theirs) == 0 || len(rows) != len(theirs) {
		t.Fatalf("受理人 %s: %d rows, want %d", who.Name, len(rows), len(theirs))
	}
	for _, r := range rows {
		if r[5] != who.Name {
			t.Fatalf("row of another handler: %v", r)
		}
	}
}
