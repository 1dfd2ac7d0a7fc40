package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// runSync makes a window's screens load and save in line, as the tests
// need.
func runSync(s *shell) { s.async = func(work func() error, done func(error)) { done(work()) } }

// openGate opens the window as GovDesk starts it, over a fresh database
// filled by fill, and returns the gate before the first screen.
func openGate(t *testing.T, fill func(st *models.Store)) (*gate, *models.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	useChineseDialogs()
	st, err := models.Open(t.TempDir(), models.WithClock(models.FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if fill != nil {
		fill(st)
	}
	win := a.NewWindow("政务窗口管理")
	win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(win.Close)
	g := newGate(win, NewData(st), []WindowOption{runSync})
	g.start()
	t.Cleanup(func() {
		if g.stop != nil {
			close(g.stop) // the idle watcher
			g.stop = nil
		}
	})
	return g, st
}

// widgetsOf lists the entries and buttons shown in the window, in order.
func widgetsOf(t *testing.T, win fyne.Window) (entries []*widget.Entry, buttons map[string]*widget.Button) {
	buttons = map[string]*widget.Button{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			entries = append(entries, x)
			return
		case *widget.Button:
			buttons[x.Text] = x
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			r := test.TempWidgetRenderer(t, x)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(win.Content())
	return entries, buttons
}

// twoAccounts creates the administrator 李主任 and the 考勤员 王考勤, both
// with password 密码12345678, and signs out.
func twoAccounts(t *testing.T) func(st *models.Store) {
	return func(st *models.Store) {
		if _, err := st.CreateAdministrator("李主任", "密码12345678"); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveAccount(&models.Account{Name: "王考勤", Role: models.RoleAttendance}, "密码12345678"); err != nil {
			t.Fatal(err)
		}
		st.SignOut()
	}
}

// signInAs types the account and password into the sign-in form and
// presses 登录.
func signInAs(t *testing.T, g *gate, name, password string) {
	t.Helper()
	entries, buttons := widgetsOf(t, g.win)
	if len(entries) != 2 || buttons["登录"] == nil {
		t.Fatalf("no sign-in form: %d entries, buttons %v", len(entries), buttons)
	}
	entries[0].SetText("")
	entries[1].SetText("")
	test.Type(entries[0], name)
	test.Type(entries[1], password)
	test.Tap(buttons["登录"])
}

// The first start asks for the administrator, shows the recovery code once
// and opens the screens signed in, 账号 among them.
func TestFirstStartCreatesTheAdministrator(t *testing.T) {
	g, st := openGate(t, nil)
	entries, buttons := widgetsOf(t, g.win)
	if len(entries) != 3 || buttons["创建管理员"] == nil {
		t.Fatalf("no setup form: %d entries", len(entries))
	}
	test.Type(entries[0], "李主任")
	test.Type(entries[1], "密码12345678")
	test.Type(entries[2], "密码12345678")
	test.Tap(buttons["创建管理员"])
	if g.shell == nil {
		t.Fatalf("not signed in:\n%s", test.RenderToMarkup(g.win.Canvas()))
	}
	m := test.RenderToMarkup(g.win.Canvas())
	for _, want := range []string{"管理员恢复码", "只显示这一次", "李主任（管理员）", "退出登录"} {
		if !strings.Contains(m, want) {
			t.Errorf("the window lacks %q", want)
		}
	}
	if !g.shell.mayOpen("账号") || g.shell.names[len(g.shell.names)-1] != "账号" {
		t.Errorf("the administrator has no 账号 screen: %v", g.shell.names)
	}
	if acc, ok := st.Account(); !ok || acc.Name != "李主任" {
		t.Errorf("signed in as %+v", acc)
	}
}

// A 考勤员 signs in and cannot open 考勤规则 (with its 评分规则); the
// administrator can.
func TestAttendanceClerkCannotOpenTheScoringRules(t *testing.T) {
	for _, tc := range []struct {
		account string
		opens   bool
	}{
		{"王考勤", false},
		{"李主任", true},
	} {
		t.Run(tc.account, func(t *testing.T) {
			g, _ := openGate(t, twoAccounts(t))
			signInAs(t, g, tc.account, "密码12345678")
			s := g.shell
			if s == nil {
				t.Fatalf("not signed in:\n%s", test.RenderToMarkup(g.win.Canvas()))
			}
			listed := false
			for _, n := range s.names {
				listed = listed || n == "考勤规则"
			}
			s.show("考勤规则")
			m := test.RenderToMarkup(g.win.Canvas())
			if opened := s.current == "考勤规则" && strings.Contains(m, "评分规则"); opened != tc.opens || listed != tc.opens {
				t.Fatalf("考勤规则 listed %v, opened %v; want %v", listed, opened, tc.opens)
			}
			if !strings.Contains(m, tc.account+"（") {
				t.Errorf("the window does not show who is signed in")
			}
		})
	}
}

// A wrong password leaves the sign-in form; after the idle time the
// window signs the operator out and says why.
func TestWrongPasswordAndIdleSignOut(t *testing.T) {
	g, st := openGate(t, twoAccounts(t))
	signInAs(t, g, "王考勤", "不对的密码123")
	if g.shell != nil {
		t.Fatal("signed in with a wrong password")
	}
	if m := test.RenderToMarkup(g.win.Canvas()); !strings.Contains(m, "账号或密码不正确") {
		t.Fatalf("no message:\n%s", m)
	}
	for _, o := range g.win.Canvas().Overlays().List() {
		g.win.Canvas().Overlays().Remove(o)
	}
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	g.elapsed = func() time.Time { return now }
	signInAs(t, g, "王考勤", "密码12345678")
	if g.shell == nil {
		t.Fatal("not signed in")
	}
	now = now.Add(14 * time.Minute)
	g.checkIdle()
	if g.shell == nil {
		t.Fatal("signed out before the idle time")
	}
	g.shell.show("考勤") // used again
	now = now.Add(14 * time.Minute)
	g.checkIdle()
	if g.shell == nil {
		t.Fatal("signed out though the window was used")
	}
	now = now.Add(15 * time.Minute)
	g.checkIdle()
	if g.shell != nil {
		t.Fatal("still signed in after 15 idle minutes")
	}
	if _, ok := st.Account(); ok {
		t.Error("the store still has the operator signed in")
	}
	if m := test.RenderToMarkup(g.win.Canvas()); !strings.Contains(m, "15 分钟未操作") {
		t.Errorf("no reason shown:\n%s", m)
	}
	// the log shows the refused attempt, the session and why it ended
	log, err := st.AuditLog(models.AuditFilter{Entity: "账号"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := len(log) - 1; i >= 0; i-- {
		e := log[i]
		if e.Key == "王考勤" && strings.Contains(e.Action, "登录") {
			got = append(got, e.Action+"："+strings.Join(e.Changes(), "；"))
		}
	}
	want := []string{"登录失败：说明：账号或密码不正确", "登录：说明：在窗口登录", "退出登录：说明：15 分钟未操作，自动退出"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit log of 王考勤:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Moving the mouse or using the keyboard anywhere on the PC, as Windows
// reports it, counts as use: someone reading a long list is not signed out
// in the middle of it; once nobody touches the PC the idle time runs out.
func TestMouseUseKeepsTheSessionOpen(t *testing.T) {
	g, _ := openGate(t, twoAccounts(t))
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	g.elapsed = func() time.Time { return now }
	var lastInput time.Time
	g.inputIdle = func() (time.Duration, bool) { return now.Sub(lastInput), true }
	signInAs(t, g, "王考勤", "密码12345678")
	if g.shell == nil {
		t.Fatal("not signed in")
	}
	for i := 0; i < 6; i++ { // half an hour of reading, the mouse moved every 5 minutes
		now = now.Add(5 * time.Minute)
		lastInput = now.Add(-10 * time.Second)
		g.checkIdle()
	}
	if g.shell == nil {
		t.Fatal("signed out while the mouse was in use")
	}
	now = now.Add(15 * time.Minute) // the PC left alone
	g.checkIdle()
	if g.shell != nil {
		t.Fatal("still signed in after 15 minutes without any input")
	}
}

// 只读 looks at the roster without a way to unmask anyone, and cannot
// tick the personal data of an export.
func TestReadOnlySeesNoPersonalData(t *testing.T) {
	g, _ := openGate(t, func(st *models.Store) {
		twoAccounts(t)(st)
		st.SignIn("李主任", "密码12345678")
		u := models.HomeUnit{Name: "市民政局"}
		st.SaveHomeUnit(&u)
		if err := st.SaveAccount(&models.Account{Name: "孙只读", Role: models.RoleReadOnly}, "密码12345678"); err != nil {
			t.Fatal(err)
		}
		st.SignOut()
	})
	signInAs(t, g, "孙只读", "密码12345678")
	s := g.shell
	if s == nil {
		t.Fatal("not signed in")
	}
	sc := openStaffScreen(t, s)
	if sc.reveal.Visible() {
		t.Error("只读 is offered to unmask numbers")
	}
	var check *widget.Check
	askPersonal(s, "人员", func(bool) {})
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Check:
			check = x
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, x).Objects() {
				walk(c)
			}
		}
	}
	walk(s.win.Canvas().Overlays().Top())
	if check == nil || !check.Disabled() {
		t.Fatalf("the personal data choice for 只读: %v", check)
	}
}

// The administrator adds a 督查 on 账号; the new account signs in.
func TestAdministratorAddsAnAccount(t *testing.T) {
	g, st := openGate(t, twoAccounts(t))
	signInAs(t, g, "李主任", "密码12345678")
	s := g.shell
	s.show("账号")
	a, ok := s.screens["账号"].(*accountsScreen)
	if !ok || len(a.list.rows()) != 2 {
		t.Fatalf("账号 screen: %v", a)
	}
	a.onEditAccount(models.Account{Role: models.RoleReadOnly})
	var entries []*widget.Entry
	var role *widget.Select
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			entries = append(entries, x)
		case *widget.Select:
			role = x
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, x).Objects() {
				walk(c)
			}
		}
	}
	walk(s.win.Canvas().Overlays().Top())
	if len(entries) != 2 || role == nil {
		t.Fatalf("form has %d entries, role %v", len(entries), role)
	}
	test.Type(entries[0], "赵督查")
	test.Type(entries[1], "督查密码12345")
	role.SetSelected(string(models.RoleInspector))
	test.Tap(confirmButton(t, s, "保存"))
	if rows := a.list.rows(); len(rows) != 3 {
		t.Fatalf("accounts after adding: %v", rows)
	}
	st.SignOut()
	if acc, err := st.SignIn("赵督查", "督查密码12345"); err != nil || acc.Role != models.RoleInspector {
		t.Fatalf("the new account: %+v %v", acc, err)
	}
}

// A command-line import while the window is open: the screen in front
// shows the new record at the window's next look, without a restart.
func TestTheWindowShowsWhatAnotherProgramWrote(t *testing.T) {
	g, st := openGate(t, twoAccounts(t))
	signInAs(t, g, "李主任", "密码12345678")
	if g.shell == nil {
		t.Fatal("not signed in")
	}
	g.shell.show("派驻单位")
	g.checkChanges() // the first look takes note
	other, err := models.Open(st.Dir(), models.WithClock(models.FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.SignIn("李主任", "密码12345678"); err != nil {
		t.Fatal(err)
	}
	if err := other.SaveHomeUnit(&models.HomeUnit{Name: "市医疗保障局"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(test.RenderToMarkup(g.win.Canvas()), "市医疗保障局") {
		t.Fatal("the unit shows before the window looked")
	}
	g.checkChanges()
	if !strings.Contains(test.RenderToMarkup(g.win.Canvas()), "市医疗保障局") {
		t.Errorf("the unit another program added does not show on 派驻单位")
	}
}
