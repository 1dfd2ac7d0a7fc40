// Package app is GovDesk's desktop UI: the main window, its navigation and one
// screen per file. Screens reach data only through the Data interface, and
// anything slow runs off the UI goroutine and comes back through fyne.Do.
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

// Data is everything the screens need from the store.
type Data interface {
	// Today and Now tell the centre's date and civil time by the store's
	// clock; screens never read the PC's clock for business dates.
	Today() models.Date
	Now() time.Time

	HomeUnits() ([]models.HomeUnit, error)
	SaveHomeUnit(*models.HomeUnit) error
	DeleteHomeUnit(id uint) error

	ServiceWindows() ([]models.ServiceWindow, error)
	SaveServiceWindow(*models.ServiceWindow) error
	DeleteServiceWindow(id uint) error

	StaffList() ([]models.Staff, error)
	StaffByID(id uint) (models.Staff, error)
	StaffHistory(id uint) ([]models.StaffChange, error)
	SaveStaff(*models.Staff) error
	MoveStaff(staffID, windowID uint, on models.Date, note string) error
	SetStaffStatus(staffID uint, status string, on models.Date, note string) error
	DeleteStaff(id uint) error

	Calendar() (*models.Calendar, error)
	SetCalendarDay(d models.Date, working bool, note string) error
	ClearCalendarDay(d models.Date) error

	AuditLog(models.AuditFilter) ([]models.AuditEntry, error)
	AuditEntities() ([]string, error)
	Operator() string
	SetOperator(string) error

	IsEmpty() (bool, error)
	FillDemo() error
	Dir() string
	Backup(path string) error
	Check() ([]string, error)

	Import(kind, path string, progress reports.Progress) (models.ImportStats, error)
	Export(kind, path string, opt reports.ExportOptions) (int, error)

	Cases(models.CaseFilter) ([]models.Case, error)
	CaseByNo(no string) (models.Case, error)
	SaveCase(*models.Case) error
	CompleteCase(id uint, at time.Time, result, forwardedTo string) error
	DeleteCase(id uint) error

	IssuedNotices(caseNo string) ([]models.IssuedNotice, error)
	VoidNotice(id uint, reason string) error
	// PrintNotices prints the notices into one PDF at path (see reports.PrintNotices).
	PrintNotices(ctx context.Context, reqs []reports.NoticeRequest, path string, progress reports.Progress) ([]models.IssuedNotice, error)
	// NoticeTemplate gives the wording in force for a kind of notice.
	NoticeTemplate(kind string) (body string, isDefault bool, err error)
	// SaveNoticeTemplate checks and stores the office's wording; "" resets it.
	SaveNoticeTemplate(kind, body string) error

	Office() (models.Office, error)
	SaveOffice(models.Office) error

	// Attendance (考勤): the monthly sheet, its records and the month lock.
	AttendanceMonth(month string, f models.AttendanceFilter) ([]models.MonthSummary, error)
	Punches(models.PunchFilter) ([]models.Punch, error)
	AddCorrection(staffID uint, at time.Time, reason, approver string) (models.Punch, error)
	DeleteCorrection(id uint) error
	Inspections(models.AttendanceRecordFilter) ([]models.Inspection, error)
	SaveInspection(*models.Inspection) error
	DeleteInspection(id uint) error
	Outings(models.AttendanceRecordFilter) ([]models.Outing, error)
	SaveOuting(*models.Outing) error
	DeleteOuting(id uint) error
	MonthLocked(month string) (bool, error)
	MonthLocks() ([]models.MonthLock, error)
	LockMonth(month string) error
	UnlockMonth(month, reason string) error
	// ImportContext imports like Import and stops when ctx is cancelled.
	ImportContext(ctx context.Context, kind, path string, progress reports.Progress) (models.ImportStats, error)

	// Leave (请假).
	Leaves(models.LeaveFilter) ([]models.LeaveRequest, error)
	LeaveByID(id uint) (models.LeaveRequest, error)
	SaveLeave(*models.LeaveRequest) error
	ApproveLeave(id uint, approver string) error
	RejectLeave(id uint, approver, reason string) error
	ReturnLeave(id uint, on models.Date) error
	DeleteLeave(id uint) error
	// PrintLeaveForm prints the 请假审批单 of a request into the PDF at path.
	PrintLeaveForm(leaveID uint, path string) error

	// Rule sets (考勤规则) with their effective dates.
	RuleSets() ([]models.RuleSet, error)
	SaveRuleSet(*models.RuleSet) error

	// Violations, complaints, ratings and commendations (conduct.go).
	conductData

	// Substitutes, badges and the uniform ledger (substitutes_data.go).
	substituteUniformData

	// Monthly scores, the quarter's 服务明星 and its meeting (scoring_data.go).
	scoringData
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

// shell is the main window: the navigation on the left, a screen on the right.
type shell struct {
	win     fyne.Window
	data    Data
	names   []string
	makers  map[string]func() screen
	screens map[string]screen
	stack   *fyne.Container
	nav     *widget.List
	current string
	// async runs slow work off the UI goroutine (runAsync).
	async func(work func() error, done func(error))
}

// Setup applies the theme and icon to a new application.
func Setup(a fyne.App) {
	a.Settings().SetTheme(newTheme())
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	useChineseDialogs()
}

// NewMainWindow builds GovDesk's main window over the data.
func NewMainWindow(a fyne.App, data Data) fyne.Window {
	win := a.NewWindow("政务窗口管理 GovDesk")
	s := newShell(win, data)
	win.SetContent(s.content())
	win.Resize(fyne.NewSize(1280, 800))
	return win
}

func newShell(win fyne.Window, data Data) *shell {
	s := &shell{win: win, data: data, screens: map[string]screen{}, stack: container.NewStack(), async: runAsync}
	s.names = []string{"总览", "办件", "考勤", "请假", "评分", "违规投诉", "评价表扬", "替岗", "服装", "人员", "窗口", "派驻单位", "工作日历", "考勤规则", "文书设置", "操作日志"}
	s.makers = map[string]func() screen{
		"总览":   func() screen { return newHomeScreen(s) },
		"办件":   func() screen { return newCasesScreen(s) },
		"考勤":   func() screen { return newAttendanceScreen(s) },
		"请假":   func() screen { return newLeaveScreen(s) },
		"评分":   func() screen { return newScoringScreen(s) },
		"考勤规则": func() screen { return newRulesScreen(s) },
		"文书设置": func() screen { return newNoticeSettingsScreen(s) },
		"替岗":   func() screen { return newSubstitutesScreen(s) },
		"服装":   func() screen { return newUniformsScreen(s) },
		"人员":   func() screen { return newStaffScreen(s) },
		"违规投诉": func() screen { return newConductScreen(s) },
		"评价表扬": func() screen { return newRatingsScreen(s) },
		"窗口":   func() screen { return newWindowsScreen(s) },
		"派驻单位": func() screen { return newUnitsScreen(s) },
		"工作日历": func() screen { return newCalendarScreen(s) },
		"操作日志": func() screen { return newAuditScreen(s) },
	}
	s.nav = widget.NewList(
		func() int { return len(s.names) },
		func() fyne.CanvasObject { return widget.NewLabel("派驻单位人员") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.names[id]) },
	)
	s.nav.OnSelected = func(id widget.ListItemID) { s.show(s.names[id]) }
	return s
}

func (s *shell) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("政务窗口管理", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	left := container.New(fixedWidth(150), container.NewBorder(title, nil, nil, nil, s.nav))
	s.nav.Select(0)
	return container.NewBorder(nil, nil, container.NewHBox(left, widget.NewSeparator()), nil, s.stack)
}

// show switches to the named screen, building it the first time.
func (s *shell) show(name string) {
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

// screen returns a built screen by name (for tests and cross-screen links).
func (s *shell) screen(name string) screen {
	if _, ok := s.screens[name]; !ok {
		s.screens[name] = s.makers[name]()
	}
	return s.screens[name]
}
