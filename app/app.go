// Package app is GovDesk's desktop UI: the main window, its navigation and one
// screen per file. Each screen states what it needs from the store in a small
// interface beside it (rosterData, casesData, …) and keeps only that; Data is
// their union, which the shell holds. Anything slow runs off the UI goroutine
// and comes back through fyne.Do.
package app

import (
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"govdesk/assets"
	"govdesk/models"
	"govdesk/reports"
)

// clock tells the centre's date and civil time by the store's clock;
// screens never read the PC's clock for business dates.
type clock interface {
	Today() models.Date
	Now() time.Time
}

// Data is everything the window needs from the store: the union of what the
// screens state they need, each in its own interface beside the screen. The
// shell holds Data and hands every screen only its own part.
type Data interface {
	homeData
	casesData
	authData
	attendanceData
	leaveData
	rulesData
	scoringData
	conductData
	ratingsData
	substitutesData
	uniformsData
	rosterData
	windowsData
	unitsData
	calendarData
	noticeSettingsData
	auditData
	accountData
	// ChangedElsewhere reports whether another program wrote to the
	// database since last asked (see models.Store.ChangedElsewhere).
	ChangedElsewhere() bool
}

// storeData serves Data from the SQLite store, with imports and exports
// through reports: the same functions the command line calls.
type storeData struct{ *models.Store }

// NewData wraps the store for the screens.
func NewData(st *models.Store) Data { return storeData{st} }

func (d storeData) Import(kind, path string, p reports.Progress) (models.ImportStats, error) {
	return reports.Import(d.Store, kind, path, p)
}

func (d storeData) ImportContext(ctx context.Context, kind, path string, p reports.Progress) (models.ImportStats, error) {
	return reports.ImportContext(ctx, d.Store, kind, path, p)
}

func (d storeData) PrintLeaveForm(leaveID uint, path string) error {
	return writePDF(path, func(w io.Writer) error {
		return reports.PrintLeaveForm(d.Store, leaveID, reports.PrintOptions{}, w)
	})
}

func (d storeData) Export(kind, path string, opt reports.ExportOptions) (int, error) {
	return reports.Export(d.Store, kind, path, opt)
}

func (d storeData) PrintNotices(ctx context.Context, reqs []reports.NoticeRequest, path string, progress reports.Progress) ([]models.IssuedNotice, error) {
	return reports.PrintNoticesFileContext(ctx, d.Store, reqs, reports.PrintOptions{}, path, progress)
}

func (d storeData) NoticeTemplate(kind string) (string, bool, error) {
	return reports.TemplateBody(d.Store, kind)
}

func (d storeData) SaveNoticeTemplate(kind, body string) error {
	if body != "" {
		if err := reports.CheckTemplate(kind, body); err != nil {
			return err
		}
	}
	return d.Store.SaveNoticeTemplate(kind, body)
}

// screen is one page of the navigation.
type screen interface {
	content() fyne.CanvasObject
	// reload fetches the screen's data again (it was changed elsewhere).
	reload()
}

// shell is the main window: the navigation on the left, a screen on the
// right. Screens use it for the window, for running work off the UI
// goroutine (async), for telling the other screens of a change (changed) and
// for opening another screen (open); their data they get when made.
type shell struct {
	win     fyne.Window
	data    Data
	names   []string
	makers  map[string]func() screen
	screens map[string]screen
	stack   *fyne.Container
	nav     *widget.List
	current string
	holding bool // the navigation is being set back, not followed
	// async runs slow work off the UI goroutine (runAsync).
	async func(work func() error, done func(error))
	// restore replaces the database with a backup (WithRestore); nil when
	// the window cannot.
	restore Restorer
	// gate signs the operator in and out; nil when the screens are shown
	// without one (a database without accounts in tests)
	gate *gate
}

// Setup applies the theme and icon to a new application.
func Setup(a fyne.App) {
	a.Settings().SetTheme(newTheme())
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	useChineseDialogs()
}

// NewMainWindow builds GovDesk's main window over the data: first the
// administrator's setup (a database without accounts) or the sign-in, then
// the screens the signed-in role may open.
func NewMainWindow(a fyne.App, data Data, opts ...WindowOption) fyne.Window {
	win := a.NewWindow("政务窗口管理 GovDesk")
	newGate(win, data, opts).start()
	placeWindow(a, win)
	return win
}

func newShell(win fyne.Window, data Data) *shell {
	s := &shell{win: win, data: data, screens: map[string]screen{}, stack: container.NewStack(), async: runAsync}
	s.names = []string{"总览", "办件", "办件授权", "考勤", "请假", "评分", "违规投诉", "评价表扬", "替岗", "服装", "人员", "窗口", "派驻单位", "工作日历", "考勤规则", "文书设置", "操作日志"}
	d := s.data
	s.makers = map[string]func() screen{
		"总览":   func() screen { return newHomeScreen(s, d) },
		"办件":   func() screen { return newCasesScreen(s, d) },
		"办件授权": func() screen { return newAuthScreen(s, d) },
		"考勤":   func() screen { return newAttendanceScreen(s, d) },
		"请假":   func() screen { return newLeaveScreen(s, d) },
		"评分":   func() screen { return newScoringScreen(s, d) },
		"考勤规则": func() screen { return newRulesScreen(s, d) },
		"文书设置": func() screen { return newNoticeSettingsScreen(s, d) },
		"替岗":   func() screen { return newSubstitutesScreen(s, d) },
		"服装":   func() screen { return newUniformsScreen(s, d) },
		"人员":   func() screen { return newStaffScreen(s, d) },
		"违规投诉": func() screen { return newConductScreen(s, d) },
		"评价表扬": func() screen { return newRatingsScreen(s, d) },
		"窗口":   func() screen { return newWindowsScreen(s, d) },
		"派驻单位": func() screen { return newUnitsScreen(s, d) },
		"工作日历": func() screen { return newCalendarScreen(s, d) },
		"操作日志": func() screen { return newAuditScreen(s, d) },
	}
	if acc, ok := d.Account(); ok && acc.Role == models.RoleAdmin {
		s.names = append(s.names, "账号")
		s.makers["账号"] = func() screen { return newAccountsScreen(s, d) }
	}
	names := s.names[:0]
	for _, n := range s.names {
		if s.mayOpen(n) {
			names = append(names, n)
		}
	}
	s.names = names
	s.nav = widget.NewList(
		func() int { return len(s.names) },
		func() fyne.CanvasObject { return widget.NewLabel("派驻单位人员") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.names[id]) },
	)
	s.nav.OnSelected = func(id widget.ListItemID) { s.leaveFor(id) }
	return s
}

func (s *shell) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("政务窗口管理", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	about := widget.NewButton("关于", func() { showAbout(s) })
	about.Importance = widget.LowImportance
	var foot fyne.CanvasObject = about
	if who := s.operatorLine(); who != nil {
		foot = container.NewVBox(who, about)
	}
	left := container.New(fixedWidth(150), container.NewBorder(title, foot, nil, nil, s.nav))
	s.nav.Select(0)
	return container.NewBorder(nil, nil, container.NewHBox(left, widget.NewSeparator()), nil, s.stack)
}

// editor is a screen that may hold edits not yet saved, which going back to
// it would replace with what is stored.
type editor interface {
	unsaved() bool
}

// leaveFor goes to the screen picked in the navigation; leaving a screen
// with unsaved edits asks first, and staying keeps the edits and the
// navigation on that screen.
func (s *shell) leaveFor(id widget.ListItemID) {
	if s.holding {
		return
	}
	name := s.names[id]
	ed, ok := s.screens[s.current].(editor)
	if name == s.current || !ok || !ed.unsaved() {
		s.show(name)
		return
	}
	from := s.current
	s.selectNav(from)
	confirm("放弃修改？", "“"+from+"”有尚未保存的修改。离开将放弃这些修改；要保留，请取消并先保存。", "放弃修改", s.win, func() {
		s.show(name)
		s.selectNav(name)
	})
}

// selectNav marks name in the navigation without switching screens.
func (s *shell) selectNav(name string) {
	s.holding = true
	defer func() { s.holding = false }()
	for i, n := range s.names {
		if n == name {
			s.nav.Select(i)
		}
	}
}

// show switches to the named screen, building it the first time.
func (s *shell) show(name string) {
	if !s.mayOpen(name) || s.makers[name] == nil {
		return
	}
	if s.gate != nil {
		s.gate.touch()
	}
	sc, ok := s.screens[name]
	if !ok {
		sc = s.makers[name]()
		s.screens[name] = sc
	} else {
		sc.reload()
	}
	s.current = name
	s.stack.Objects = []fyne.CanvasObject{sc.content()}
	s.stack.Refresh()
}

// changed tells every built screen that data changed, so that when the user
// goes back to it, it shows the new state.
func (s *shell) changed() {
	for name, sc := range s.screens {
		if name != s.current {
			sc.reload()
		}
	}
}

// request asks a screen opened from another to show something in
// particular, such as the overview's alerts opening what they count. The
// screen that handles a request declares it beside itself.
type request interface {
	// target names the screen that handles the request.
	target() string
}

// requestHandler is a screen that can be opened with a request.
type requestHandler interface {
	handle(request)
}

// open shows the screen a request is for, as if picked in the navigation,
// and hands it the request: screens never drive each other's widgets.
func (s *shell) open(r request) {
	name := r.target()
	for i, n := range s.names {
		if n == name {
			s.nav.Select(i)
		}
	}
	if h, ok := s.screens[name].(requestHandler); ok {
		h.handle(r)
	}
}
