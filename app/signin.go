package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// accountData is what signing in, the window's operator line and the 账号
// screen need.
type accountData interface {
	HasAccounts() (bool, error)
	Account() (models.Account, bool)
	StartSession(name, password string) (models.Account, error)
	EndSession(why string)
	CreateAdministrator(name, password string) (string, error)
	RecoverAdministrator(code, name, password string) (string, error)
	Accounts() ([]models.Account, error)
	SaveAccount(acc *models.Account, password string) error
	IdleMinutes() int
	SetIdleMinutes(int) error
}

// gate stands before the screens: on a database without accounts it asks
// for the administrator; otherwise it asks to sign in, and it signs the
// operator out again (on request, or after the idle time).
type gate struct {
	win  fyne.Window
	data Data
	opts []WindowOption
	// shell is the window's screens while someone is signed in
	shell *shell
	// last is when the window was last used; idle time is measured on the
	// program's own running clock, not a business date
	last    time.Time
	elapsed func() time.Time
	// inputIdle tells how long ago the PC's mouse or keyboard was last
	// used, where the system says (Windows)
	inputIdle func() (time.Duration, bool)
	focus     fyne.Focusable
	text      string
	stop      chan struct{}
	// setup is the wizard opened for a new centre, if any
	setup *setupWizard
	// async runs a sign-in's work (the password hash, the audit entry) off
	// the UI goroutine, as the screens' shell.async does
	async func(work func() error, done func(error))
}

func newGate(win fyne.Window, data Data, opts []WindowOption) *gate {
	// the options that set how the screens run their work set it here too
	probe := &shell{async: runAsync}
	for _, o := range opts {
		o(probe)
	}
	return &gate{win: win, data: data, opts: opts, elapsed: time.Now, inputIdle: inputIdle, async: probe.async}
}

// start shows the administrator's setup or the sign-in.
func (g *gate) start() {
	has, err := g.data.HasAccounts()
	if err != nil {
		showError("无法读取账号", err, g.win)
	}
	if !has {
		g.win.SetContent(g.setupForm())
		return
	}
	g.win.SetContent(g.signInForm(""))
}

// centred puts a form of fixed width in the middle of the window.
func centred(title string, body fyne.CanvasObject) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	card := container.NewVBox(head, widget.NewSeparator(), body)
	return container.NewCenter(container.New(fixedWidth(460), card))
}

// setupForm asks for the first account, the administrator.
func (g *gate) setupForm() fyne.CanvasObject {
	name, pw, again := widget.NewEntry(), widget.NewPasswordEntry(), widget.NewPasswordEntry()
	name.SetPlaceHolder("管理员姓名，例如 李主任")
	form := widget.NewForm(widget.NewFormItem("姓名", name), widget.NewFormItem("密码", pw), widget.NewFormItem("再次输入", again))
	create := widget.NewButtonWithIcon("创建管理员", theme.AccountIcon(), func() {
		if pw.Text != again.Text {
			showError("无法创建管理员", fmt.Errorf("两次输入的密码不一致"), g.win)
			return
		}
		code, err := g.data.CreateAdministrator(name.Text, pw.Text)
		if err != nil {
			showError("无法创建管理员", err, g.win)
			return
		}
		g.enter()
		g.offerSetup()
		g.showRecoveryCode(code)
	})
	create.Importance = widget.HighImportance
	intro := wrapLabel("首次使用：请创建管理员账号。管理员可以添加其他操作员并分配角色（考勤员、督查、办件、只读）；" +
		"此后每一项修改都记在登录的账号名下。密码至少 8 个字符。")
	return centred("政务窗口管理 · 创建管理员", container.NewVBox(intro, form, create))
}

// offerSetup opens the setup wizard on a new centre: a database without
// windows or staff whose details are not filled in yet. It opens under the
// recovery code, which is read first.
func (g *gate) offerSetup() {
	empty, err := g.data.IsEmpty()
	if err != nil || !empty {
		return
	}
	if o, err := g.data.Office(); err != nil || o.Filled() {
		return
	}
	g.setup = openSetupWizard(g.shell, g.data, nil)
}

// showRecoveryCode shows the administrator's recovery code, once.
func (g *gate) showRecoveryCode(code string) {
	shown := widget.NewEntry()
	shown.SetText(code)
	shown.TextStyle = fyne.TextStyle{Bold: true}
	body := container.NewVBox(
		wrapLabel("请把下面的恢复码抄在纸上，与电脑分开妥善保管。管理员忘记密码或账号被停用时，只能凭它重设密码。它只显示这一次。"),
		shown)
	d := dialog.NewCustom("管理员恢复码", "我已抄下恢复码", body, g.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}

// signInForm asks for the account and password; note says why (signed
// out after the idle time).
func (g *gate) signInForm(note string) fyne.CanvasObject {
	name, pw := widget.NewEntry(), widget.NewPasswordEntry()
	form := widget.NewForm(widget.NewFormItem("账号", name), widget.NewFormItem("密码", pw))
	var btn *widget.Button
	signIn := func() {
		if btn.Disabled() {
			return // one sign-in at a time
		}
		btn.Disable()
		account, password := name.Text, pw.Text
		g.async(func() error {
			_, err := g.data.StartSession(account, password)
			return err
		}, func(err error) {
			btn.Enable()
			if err != nil {
				pw.SetText("")
				showError("无法登录", err, g.win)
				return
			}
			g.enter()
		})
	}
	pw.OnSubmitted = func(string) { signIn() }
	btn = widget.NewButtonWithIcon("登录", theme.LoginIcon(), signIn)
	btn.Importance = widget.HighImportance
	forgot := widget.NewButton("管理员忘记密码…", g.showRecovery)
	forgot.Importance = widget.LowImportance
	body := container.NewVBox(form, container.NewHBox(forgot, layoutSpacer(), btn))
	if note != "" {
		body.Objects = append([]fyne.CanvasObject{wrapLabel(note)}, body.Objects...)
	}
	return centred("政务窗口管理 · 登录", body)
}

// showRecovery lets an administrator locked out set a new password with
// the recovery code.
func (g *gate) showRecovery() {
	code, name, pw := widget.NewEntry(), widget.NewEntry(), widget.NewPasswordEntry()
	code.SetPlaceHolder("XXXX-XXXX-XXXX-XXXX-XXXX")
	d := dialog.NewForm("用恢复码重设管理员密码", "重设", "取消", []*widget.FormItem{
		widget.NewFormItem("恢复码", code), widget.NewFormItem("管理员账号", name), widget.NewFormItem("新密码", pw),
	}, func(ok bool) {
		if !ok {
			return
		}
		next, err := g.data.RecoverAdministrator(code.Text, name.Text, pw.Text)
		if err != nil {
			showError("无法重设密码", err, g.win)
			return
		}
		g.enter()
		g.showRecoveryCode(next)
	}, g.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

// enter builds the screens for the signed-in operator.
func (g *gate) enter() {
	s := newShell(g.win, g.data)
	for _, o := range g.opts {
		o(s)
	}
	s.gate = g
	g.shell = s
	g.win.SetContent(s.content())
	g.touch()
	if c, ok := g.win.Canvas().(desktop.Canvas); ok {
		c.SetOnKeyDown(func(*fyne.KeyEvent) { g.touch() })
	}
	g.watchIdle()
}

// signOut signs the operator out, writing why into the audit log, and asks
// for the sign-in again; note tells the next person why the sign-in shows
// when nobody asked for it (the idle time).
func (g *gate) signOut(why, note string) {
	g.data.EndSession(why)
	if g.stop != nil {
		close(g.stop)
		g.stop = nil
	}
	g.shell = nil
	for _, o := range g.win.Canvas().Overlays().List() {
		g.win.Canvas().Overlays().Remove(o)
	}
	g.win.SetContent(g.signInForm(note))
}

// touch records that the window is in use.
func (g *gate) touch() { g.last = g.elapsed() }

// watchIdle checks every half minute whether the window was used, and
// signs the operator out after the idle time.
func (g *gate) watchIdle() {
	if g.stop != nil {
		close(g.stop)
	}
	stop := make(chan struct{})
	g.stop = stop
	go func() {
		t := time.NewTicker(30 * time.Second)
		defer t.Stop()
		look := time.NewTicker(changeLookEvery)
		defer look.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(g.checkIdle)
			case <-look.C:
				fyne.Do(g.checkChanges)
			}
		}
	}()
}

// changeLookEvery is how often the window asks whether another program
// (a command-line import, another GovDesk on the folder's database) wrote.
const changeLookEvery = 3 * time.Second

// checkChanges shows the data another program wrote: every screen reads
// again, the one in front included. An open form keeps what it holds; its
// save is refused if the record changed meanwhile (versions), so nothing
// newer is overwritten.
func (g *gate) checkChanges() {
	if g.shell == nil || !g.data.ChangedElsewhere() {
		return
	}
	for _, sc := range g.shell.screens {
		sc.reload()
	}
}

// checkIdle notices use the window does not report (typing into a field,
// moving to another field or dialog) and signs out after the idle time.
func (g *gate) checkIdle() {
	if g.shell == nil {
		return
	}
	c := g.win.Canvas()
	focus, text := c.Focused(), ""
	if e, ok := focus.(*widget.Entry); ok {
		text = e.Text
	}
	if focus != g.focus || text != g.text {
		g.focus, g.text = focus, text
		g.touch()
	}
	if d, ok := g.inputIdle(); ok {
		if used := g.elapsed().Add(-d); used.After(g.last) {
			g.last = used
		}
	}
	n := g.data.IdleMinutes()
	if n > 0 && g.elapsed().Sub(g.last) >= time.Duration(n)*time.Minute {
		g.signOut(fmt.Sprintf("%d 分钟未操作，自动退出", n),
			fmt.Sprintf("已 %d 分钟未操作，为保护数据已自动退出登录。请重新登录。", n))
	}
}

// operatorLine shows who is signed in, with a button to sign out.
func (s *shell) operatorLine() fyne.CanvasObject {
	acc, ok := s.data.Account()
	if !ok || s.gate == nil {
		return nil
	}
	who := widget.NewLabel(fmt.Sprintf("%s（%s）", acc.Name, acc.Role))
	who.Truncation = fyne.TextTruncateEllipsis
	out := widget.NewButtonWithIcon("退出登录", theme.LogoutIcon(), func() { s.gate.signOut("点击“退出登录”", "") })
	out.Importance = widget.LowImportance
	return container.NewVBox(widget.NewSeparator(), widget.NewLabel("当前账号："), who, out)
}

// adminOnly are the screens only an administrator opens: rule sets, the
// notice settings, accounts.
var adminOnly = map[string]bool{"考勤规则": true, "文书设置": true, "账号": true}

// role is the signed-in operator's role; "" in single-user mode.
func (s *shell) role() models.Role {
	if acc, ok := s.data.Account(); ok {
		return acc.Role
	}
	return ""
}

// isAdmin reports whether everything is allowed: an administrator signed
// in, or a database without accounts.
func (s *shell) isAdmin() bool {
	r := s.role()
	return r == "" || r == models.RoleAdmin
}

// mayOpen reports whether the signed-in role may open the screen.
func (s *shell) mayOpen(name string) bool { return !adminOnly[name] || s.isAdmin() }
