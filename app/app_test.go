package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// testNow is the moment the tests take as now: the morning of Thursday
// 26 November 2026.
var testNow = time.Date(2026, 11, 26, 9, 0, 0, 0, models.CentreZone)

// newTestShell opens the main window over a fresh database, as a person
// starting GovDesk would see it.
func newTestShell(t *testing.T) (*shell, *models.Store) {
	t.Helper()
	return newTestShellAt(t, testNow, nil)
}

// newTestShellAt opens the main window over a fresh database whose clock
// says now, filled by fill (if given) before the first screen loads.
func newTestShellAt(t *testing.T, now time.Time, fill func(*models.Store) error) (*shell, *models.Store) {
	t.Helper()
	return newTestShellClock(t, models.FixedClock(now), fill)
}

// newTestShellClock opens the main window over a fresh database that
// tells time by clock (a test moving the days on).
func newTestShellClock(t *testing.T, clock models.ClockFunc, fill func(*models.Store) error) (*shell, *models.Store) {
	t.Helper()
	return openTestShell(t, t.TempDir(), clock, fill)
}

// newDemoShell opens the main window over the demo centre as filled on
// testNow: a copy of one filled once for all the tests, which is the same
// centre FillDemo makes on that day.
func newDemoShell(t *testing.T) (*shell, *models.Store) {
	t.Helper()
	dir := t.TempDir()
	copyDemo(t, dir)
	return openTestShell(t, dir, models.FixedClock(testNow), nil)
}

var (
	demoOnce sync.Once
	demoDir  string
	demoErr  error
)

// copyDemo puts the demo centre as of testNow into the data folder dir.
func copyDemo(t *testing.T, dir string) {
	t.Helper()
	demoOnce.Do(func() {
		if demoDir, demoErr = os.MkdirTemp("", "govdesk-demo-"); demoErr != nil {
			return
		}
		st, err := models.Open(demoDir, models.WithClock(models.FixedClock(testNow)))
		if err != nil {
			demoErr = err
			return
		}
		demoErr = st.FillDemo()
		if err := st.Close(); demoErr == nil {
			demoErr = err
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	b, err := os.ReadFile(filepath.Join(demoDir, models.DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, models.DatabaseFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMain removes the demo centre the tests copied from. Nothing runs
// later on a timer (later): the tests assert what a screen shows when they
// look, and a timer's fyne.Do would run beside them.
func TestMain(m *testing.M) {
	later = func(time.Duration, func()) {}
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// testAdministrator signs the tests' windows in as an administrator, who
// may open every screen and change every record.
var testAdministrator = models.SignedIn(models.Account{Name: "测试管理员", Role: models.RoleAdmin})

// openTestShell opens the main window over the data folder dir, signed in
// as testAdministrator.
func openTestShell(t testing.TB, dir string, clock models.ClockFunc, fill func(*models.Store) error) (*shell, *models.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	st, err := models.Open(dir, models.WithClock(clock), testAdministrator)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if o, _ := st.Office(); !o.Filled() {
		// the centre filled in 文书设置, as every centre at work has
		if err := st.SaveOffice(models.DemoOffice); err != nil {
			t.Fatal(err)
		}
	}
	if fill != nil {
		if err := fill(st); err != nil {
			t.Fatal(err)
		}
	}
	win := a.NewWindow("政务窗口管理")
	s := newShell(win, NewData(st))
	s.async = func(work func() error, done func(error)) { done(work()) }
	win.SetContent(s.content())
	win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(win.Close)
	return s, st
}

// waitFor polls until cond holds: screens load their data off the UI goroutine.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func seedWindow(t *testing.T, st *models.Store) models.ServiceWindow {
	t.Helper()
	u := models.HomeUnit{Name: "市市场监督管理局"}
	if err := st.SaveHomeUnit(&u); err != nil {
		t.Fatal(err)
	}
	w := models.ServiceWindow{Code: "A01", Name: "企业开办综合窗口", HomeUnitID: u.ID, Active: true}
	if err := st.SaveServiceWindow(&w); err != nil {
		t.Fatal(err)
	}
	w.HomeUnit = u
	return w
}

func openStaffScreen(t *testing.T, s *shell) *staffScreen {
	t.Helper()
	s.show("人员")
	sc := s.screens["人员"].(*staffScreen)
	waitFor(t, "the staff screen to load", func() bool { return sc.windows != nil })
	return sc
}

func markup(s *shell) string { return test.RenderToMarkup(s.win.Canvas()) }

func validID(first17 string) string {
	c, _ := models.IDCheckDigit(first17)
	return first17 + string(c)
}

func TestTypeNewStaffSaveAndSeeInTable(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	sc := openStaffScreen(t, s)

	sc.onAdd()
	f := sc.form
	test.Type(f.no, "ZW100")
	test.Type(f.name, "王堃")
	test.Type(f.idNumber, validID("15090219910904579"))
	test.Type(f.mobile, "13800138000")
	f.window.SetSelected(w.Label()) // fills 派驻单位 from the window
	test.Type(f.joined, "2026年11月2日")
	test.Tap(f.save)

	waitFor(t, "王堃 in the table", func() bool { return len(sc.list.rows()) == 1 })
	row := strings.Join(sc.list.rows()[0], " ")
	want := "ZW100 王堃 男 150902********5794 138****8000 市市场监督管理局 A01 企业开办综合窗口 窗口工作人员 2026-11-02 在岗"
	if row != want {
		t.Fatalf("row shows %q\nwant      %q", row, want)
	}
	if m := markup(s); !strings.Contains(m, "王堃") || !strings.Contains(m, "150902********5794") {
		t.Fatal("the new person is not drawn in the window")
	}
	list, _ := st.StaffList()
	if len(list) != 1 || list[0].Name != "王堃" || list[0].HomeUnit.Name != "市市场监督管理局" {
		t.Fatalf("stored %+v", list)
	}
}

func TestBadIDNumberShowsErrorAndSavesNothing(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	sc := openStaffScreen(t, s)

	sc.onAdd()
	f := sc.form
	test.Type(f.no, "ZW101")
	test.Type(f.name, "李喆")
	test.Type(f.idNumber, "110105194912310021") // check digit should be X
	f.window.SetSelected(w.Label())
	test.Type(f.joined, "2026-11-02")
	test.Tap(f.save)

	if !f.errs.summary.Visible() || !strings.Contains(f.errs.summary.Text, "身份证号：身份证号校验码不正确") {
		t.Fatalf("summary shows %q", f.errs.summary.Text)
	}
	if hint := f.errs.items["身份证号"].HintText; !strings.Contains(hint, "最后一位应为X") {
		t.Fatalf("no error under the field: %q", hint)
	}
	if !strings.Contains(markup(s), "校验码不正确") {
		t.Fatal("the error is not drawn")
	}
	if list, _ := st.StaffList(); len(list) != 0 {
		t.Fatalf("saved %d people despite the bad ID number", len(list))
	}

	// fixing the number lets the same form save
	f.idNumber.SetText("")
	test.Type(f.idNumber, "11010519491231002X")
	test.Tap(f.save)
	waitFor(t, "李喆 in the table", func() bool { return len(sc.list.rows()) == 1 })
	if f.errs.summary.Visible() {
		t.Fatal("the error stays after the fix")
	}
}

func TestSearchNarrowsStaffTable(t *testing.T) {
	s, st := newDemoShell(t)
	sc := openStaffScreen(t, s)
	sc.status.SetSelected(allStatuses) // two of the demo's substitutes are not 在岗 today
	waitFor(t, "the demo staff", func() bool { return len(sc.list.rows()) == 60 })

	test.Type(sc.list.search, "王堃")
	if rows := sc.list.rows(); len(rows) != 1 || rows[0][1] != "王堃" {
		t.Fatalf("search 王堃: %v", rows)
	}
	if sc.list.count.Text != "显示 1 / 共 60 条" {
		t.Fatalf("count shows %q", sc.list.count.Text)
	}

	sc.list.search.SetText("")
	test.Type(sc.list.search, "税务")
	all, _ := st.StaffList()
	want := 0
	for _, p := range all {
		if strings.Contains(p.HomeUnit.Name, "税务") {
			want++
		}
	}
	rows := sc.list.rows()
	if want == 0 || len(rows) != want {
		t.Fatalf("search 税务 shows %d rows, want %d", len(rows), want)
	}
	for _, r := range rows {
		if !strings.Contains(r[5], "税务") {
			t.Fatalf("row outside the search: %v", r)
		}
	}

	sc.list.search.SetText("")
	test.Type(sc.list.search, "zw00 a0") // 工号 and window code, in lower case
	for _, r := range sc.list.rows() {
		if !strings.HasPrefix(r[0], "ZW00") || !strings.HasPrefix(r[6], "A0") {
			t.Fatalf("row outside the search: %v", r)
		}
	}
}

func TestSortByColumnTogglesOrder(t *testing.T) {
	s, _ := newDemoShell(t)
	sc := openStaffScreen(t, s)
	sc.status.SetSelected(allStatuses)
	waitFor(t, "the demo staff", func() bool { return len(sc.list.rows()) == 60 })
	sc.list.sortBy(0)
	first := sc.list.rows()[0][0]
	sc.list.sortBy(0)
	if last := sc.list.rows()[0][0]; first != "ZW001" || last != "ZW060" {
		t.Fatalf("ascending starts %s, descending starts %s", first, last)
	}
	if h := sc.list.headerText(0); h != "工号 ▼" {
		t.Fatalf("header shows %q", h)
	}
}

// The roster shows identity and phone numbers masked; 显示身份证号、手机号
// unmasks the selected person's alone, and the audit log records it.
func TestMaskedNumbersUnmaskedOnePersonAtATime(t *testing.T) {
	s, st := newDemoShell(t)
	sc := openStaffScreen(t, s)
	sc.status.SetSelected(allStatuses)
	waitFor(t, "the demo staff", func() bool { return len(sc.list.rows()) == 60 })
	for _, r := range sc.list.rows() {
		if !strings.Contains(r[3], "********") || !strings.Contains(r[4], "****") {
			t.Fatalf("list shows %q %q", r[3], r[4])
		}
	}
	first := sc.list.rows()[0][0]
	sc.list.table.Select(widget.TableCellID{Row: 0, Col: 1})
	test.Tap(sc.reveal)
	waitFor(t, "unmasked numbers", func() bool { return !strings.Contains(sc.list.rows()[0][3], "*") })
	if r := sc.list.rows()[0]; strings.Contains(r[4], "*") || r[0] != first {
		t.Fatalf("row after unmasking: %q", r)
	}
	if r := sc.list.rows()[1]; !strings.Contains(r[3], "*") {
		t.Fatalf("another person unmasked too: %q", r)
	}
	log, _ := st.AuditLog(models.AuditFilter{Text: first})
	if len(log) == 0 || log[0].Action != models.ActionView {
		t.Fatalf("unmasking not in the log: %+v", log)
	}
}

func TestHomeOffersDemoOnEmptyDatabase(t *testing.T) {
	s, _ := newTestShell(t)
	h := s.screens["总览"].(*homeScreen)
	waitFor(t, "the demo button", func() bool { return h.demo.Visible() })
	test.Tap(h.demo)
	// 60 people, of whom two substitutes are not 在岗 today: one's
	// substitution has ended, the other's has not begun
	waitFor(t, "the counts", func() bool { return h.onDuty.Text == "58" && h.windows.Text == "20" })
	if h.demo.Visible() {
		t.Fatal("demo offered on a filled database")
	}
}

func TestCalendarShowsSpringFestival(t *testing.T) {
	s, _ := newTestShell(t)
	s.show("工作日历")
	c := s.screens["工作日历"].(*calendarScreen)
	c.month = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	c.reload()
	waitFor(t, "February 2026", func() bool { return c.title.Text == "2026年2月" })
	if !strings.Contains(c.summary.Text, "本月工作日 16 天") {
		t.Fatalf("summary %q", c.summary.Text)
	}
	if d := c.days[16]; d.Working || d.Reason != "春节" {
		t.Fatalf("17 Feb: %+v", d)
	}
}

func TestWindowFormRefusesDuplicateCode(t *testing.T) {
	s, st := newTestShell(t)
	seedWindow(t, st)
	s.show("窗口")
	ws := s.screens["窗口"].(*windowsScreen)
	waitFor(t, "the windows", func() bool { return len(ws.list.rows()) == 1 })
	dup := models.ServiceWindow{Code: "a01", Name: "重复", HomeUnitID: ws.units[0].ID}
	err := s.data.SaveServiceWindow(&dup)
	if fe, ok := models.AsFieldErrors(err); !ok || fe.For("窗口编号") == "" {
		t.Fatalf("duplicate code accepted: %v", err)
	}
}

func TestAuditScreenFiltersByEntityAndText(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	w.Name = "企业开办一窗通办"
	if err := st.SaveServiceWindow(&w); err != nil {
		t.Fatal(err)
	}
	s.show("操作日志")
	a := s.screens["操作日志"].(*auditScreen)
	if a.operator.Text != "当前账号：测试管理员（管理员）" {
		t.Fatalf("operator shows %q", a.operator.Text)
	}
	a.entity.SetSelected("窗口")
	rows := a.list.rows()
	if len(rows) != 2 || rows[0][4] != "修改" || rows[0][5] != "窗口名称：企业开办综合窗口 → 企业开办一窗通办" {
		t.Fatalf("rows %v", rows)
	}
	test.Type(a.from, st.Today().AddDays(1).String())
	a.reload()
	if len(a.list.rows()) != 0 {
		t.Fatalf("from tomorrow shows %d entries", len(a.list.rows()))
	}
}

// The demo centre's log holds thousands of entries: the list counts them
// all and reaches the oldest, reading only the pages it shows, and the
// count follows the filters.
func TestAuditListReachesEveryEntry(t *testing.T) {
	s, st := newDemoShell(t)
	s.show("操作日志")
	a := s.screens["操作日志"].(*auditScreen)
	all, err := st.AuditCount(models.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if all <= 5000 {
		t.Fatalf("the demo log holds %d entries: the test tries nothing", all)
	}
	waitFor(t, "the log's count", func() bool { return a.list.count.Text == fmt.Sprintf("共 %d 条", all) })
	oldest, err := st.AuditPage(models.AuditFilter{}, models.PageOrder{Desc: true}, 0, 1)
	if err != nil || len(oldest) != 1 {
		t.Fatal(err)
	}
	if got, want := a.list.cell(int(all)-1, 3), oldest[0].Key; got != want {
		t.Fatalf("last row's 记录 %q, want the oldest entry's %q", got, want)
	}
	if len(a.list.pages) > 2 {
		t.Fatalf("%d pages read to show the first and last rows", len(a.list.pages))
	}
	a.list.sortBy(0) // 时间, oldest first
	if got := a.list.cell(0, 3); got != oldest[0].Key {
		t.Fatalf("sorted by 时间, first row %q, want %q", got, oldest[0].Key)
	}
	windows, _ := st.AuditCount(models.AuditFilter{Entity: "窗口"})
	a.entity.SetSelected("窗口")
	if a.list.count.Text != fmt.Sprintf("共 %d 条", windows) || a.list.length() != int(windows) {
		t.Errorf("窗口 entries: %q, %d rows; want %d", a.list.count.Text, a.list.length(), windows)
	}
}

func TestHomeAlertsOverdueCasesAndOpensThem(t *testing.T) {
	s, st := newDemoShell(t)
	h := s.screens["总览"].(*homeScreen)
	h.reload()
	late, _ := st.Cases(models.CaseFilter{Status: models.CaseOverdue, Today: st.Today()})
	if len(late) == 0 {
		t.Fatal("the demo centre should have open overdue cases")
	}
	if !h.overdue.Visible() || !strings.HasPrefix(h.overdue.Text, fmt.Sprintf("%d 件办件已超期", len(late))) {
		t.Fatalf("alert shows %q", h.overdue.Text)
	}
	test.Tap(h.overdue)
	sc := s.screens["办件"].(*casesScreen)
	if s.current != "办件" || sc.status.Selected != models.CaseOverdue || len(sc.list.rows()) != len(late) {
		t.Fatalf("opened %s with %q and %d rows", s.current, sc.status.Selected, len(sc.list.rows()))
	}
}

func TestDatePickerIsChineseAndPicks(t *testing.T) {
	var got models.Date
	m := newMonthPicker(models.NewDate(2026, 10, 9), func(d models.Date) { got = d })
	if m.title.Text != "2026年10月" {
		t.Fatalf("title %q", m.title.Text)
	}
	// October 2026 starts on a Thursday: 7 weekday labels, 3 blanks, then day 1
	if b, ok := m.days.Objects[7+3].(*widget.Button); !ok || b.Text != "1" {
		t.Fatalf("first day cell %#v", m.days.Objects[10])
	}
	test.Tap(m.days.Objects[7+3+9].(*widget.Button)) // the 10th, the 调休 Saturday
	if got != models.NewDate(2026, 10, 10) {
		t.Fatalf("picked %s", got)
	}
	m.step(1)
	if m.title.Text != "2026年11月" {
		t.Fatalf("next month %q", m.title.Text)
	}
}
