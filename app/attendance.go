package app

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// attendanceScreen is the monthly sheet (考勤月报): one row per person in
// service during the month with the columns of the attendance export,
// anomalies highlighted, and what the office records against the month —
// punch imports, corrections (补卡), inspection findings (查岗), outings
// (外出登记) — and its lock (封帐). Every figure is traced in the person's
// month view (明细).
type attendanceScreen struct {
	shell   *shell
	data    attendanceData
	month   models.Date  // the first day of the month shown
	records *recordTable // the month's records dialog last opened, for tests

	title, lockState, through *widget.Label
	warnings                  *widget.Label // records that contradict each other (销假 against punches)
	window, unit              *widget.Select
	list                      *recordTable
	gaps                      *gapBanner

	sums    map[uint]models.MonthSummary // by person
	staff   map[uint]models.Staff
	windows []models.ServiceWindow
	units   []models.HomeUnit
	locked  bool
	loaded  bool

	detail, correct, inspect, outing, importBtn *widget.Button
	export, lock, unlock                        *widget.Button
	box                                         fyne.CanvasObject

	// the dialogs last opened, for tests
	person         *personMonth
	lastCorrection *correctionForm
	lastSpan       *spanForm
	unlockReason   *widget.Entry
	unlockSave     *widget.Button
}

// attendanceColumns are the sheet's columns, the attendance export's headers
// (with 窗口 for 窗口编号 and the 考勤结果), broken over two lines to fit.
var attendanceColumns = []column{
	{"工号", 72}, {"姓名", 66}, {"窗口", 48}, {"应出勤\n天数", 60}, {"出勤\n天数", 56},
	{"迟到\n次数", 52}, {"迟到\n分钟", 52}, {"早退\n次数", 52}, {"早退\n分钟", 52}, {"缺卡\n次数", 52},
	{"擅离岗位\n次数", 74}, {"请假\n天数", 52}, {"迟到早退折\n算旷工天数", 92}, {"擅离折算\n旷工天数", 76},
	{"旷工\n天数", 52}, {"考勤\n结果", 54},
}

// Columns of the sheet that are highlighted.
const (
	attLate = iota + 5
	attLateMin
	attEarly
	attEarlyMin
	attMissing
	attAway
	attLeave
	attLateEarlyAbsent
	attAwayAbsent
	attAbsent
	attResult
)

const allUnits = "全部派驻单位"

func newAttendanceScreen(s *shell, d attendanceData) *attendanceScreen {
	sc := &attendanceScreen{shell: s, data: d, sums: map[uint]models.MonthSummary{}, staff: map[uint]models.Staff{}}
	sc.month = openingMonth(d)

	sc.list = newRecordTable(attendanceColumns, "搜索姓名、工号、窗口、派驻单位", func(uint) { sc.setButtons() })
	// the header row is two lines high, the rows keep their own height
	sc.list.table.SetRowHeight(-1, widget.NewButton("迟到\n次数", nil).MinSize().Height)
	sc.list.styleCells(sc.importance)
	sc.list.onQuery(sc.setButtons)

	sc.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	sc.lockState = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sc.through = widget.NewLabel("")
	sc.through.Importance = widget.LowImportance
	sc.warnings = wrapLabel("")
	sc.warnings.Importance = widget.WarningImportance
	sc.warnings.Hide()
	sc.gaps = newGapBanner(s, d, func() { sc.reload() })
	prev := widget.NewButtonWithIcon("上月", theme.NavigateBackIcon(), func() { sc.step(-1) })
	next := widget.NewButtonWithIcon("下月", theme.NavigateNextIcon(), func() { sc.step(1) })
	next.IconPlacement = widget.ButtonIconTrailingText

	sc.window = newSelect([]string{allWindows}, nil)
	sc.window.SetSelected(allWindows)
	sc.window.OnChanged = func(string) { sc.showRows() }
	sc.unit = newSelect([]string{allUnits}, nil)
	sc.unit.SetSelected(allUnits)
	sc.unit.OnChanged = func(string) { sc.showRows() }
	sc.list.filterBySelects(selectFilter{sc.window, allWindows}, selectFilter{sc.unit, allUnits})

	sc.detail = widget.NewButtonWithIcon("明细", theme.InfoIcon(), func() { sc.onDetail(sc.list.selected) })
	sc.correct = widget.NewButtonWithIcon("补卡", theme.ContentAddIcon(), func() { sc.onCorrection(sc.list.selected) })
	sc.inspect = widget.NewButtonWithIcon("查岗记录", theme.VisibilityIcon(), func() { sc.onInspection(sc.list.selected) })
	sc.outing = widget.NewButtonWithIcon("外出登记", theme.MailForwardIcon(), func() { sc.onOuting(sc.list.selected) })
	records := widget.NewButtonWithIcon("本月记录", theme.ListIcon(), sc.onRecords)
	sc.importBtn = widget.NewButtonWithIcon("导入打卡", theme.UploadIcon(), func() {
		onImportPunches(s, d, sc.reload)
	})
	punchMap := widget.NewButtonWithIcon("考勤号码对照", theme.AccountIcon(), func() { openPunchMap(s, d) })
	sc.export = widget.NewButtonWithIcon("导出", theme.DownloadIcon(), nil)
	sc.export.OnTapped = sc.onExport
	sc.lock = widget.NewButtonWithIcon("封帐", theme.ConfirmIcon(), sc.onLock)
	sc.unlock = widget.NewButtonWithIcon("解锁", theme.ViewRefreshIcon(), sc.onUnlock)

	monthBar := container.NewHBox(prev, fixedBox(sc.title, 110), next, widget.NewSeparator(), sc.lockState)
	filters := container.NewHBox(widget.NewLabel("窗口"), fixedBox(sc.window, 200), widget.NewLabel("派驻单位"), fixedBox(sc.unit, 220))
	tools := container.NewHBox(sc.detail, sc.correct, sc.inspect, sc.outing, records, widget.NewSeparator(),
		sc.importBtn, punchMap, sc.export, widget.NewSeparator(), sc.lock, sc.unlock)
	top := container.NewVBox(
		container.NewBorder(nil, nil, monthBar, nil, sc.through),
		container.NewBorder(nil, nil, tools, nil),
		sc.gaps.box,
		sc.warnings,
		filters)
	sc.box = container.NewBorder(top, nil, nil, nil, sc.list.layout())
	sc.setButtons()
	sc.reload()
	return sc
}

func (sc *attendanceScreen) content() fyne.CanvasObject { return sc.box }

func (sc *attendanceScreen) monthKey() string { return models.MonthOf(sc.month) }

func (sc *attendanceScreen) step(months int) {
	sc.month = models.NewDate(sc.month.Year(), sc.month.Month()+time.Month(months), 1)
	sc.reload()
}

// judgedThrough says up to which day the store judges a month: all of a
// past month, up to yesterday in the current one (today is not over),
// nothing of a future one (the zero date).
func judgedThrough(first models.Date, today models.Date) models.Date {
	_, last := models.MonthSpan(first)
	switch {
	case today.After(last):
		return last
	case today.Before(first) || today == first:
		return models.Date{}
	}
	return today.AddDays(-1)
}

// reload computes the month off the UI goroutine: the sheet, the lock, and
// the roster the filters need.
func (sc *attendanceScreen) reload() {
	month := sc.monthKey()
	first := sc.month
	sc.title.SetText(monthTitle(first))
	var (
		sheet   models.AttendanceSheet
		locks   []models.MonthLock
		staff   []models.Staff
		windows []models.ServiceWindow
		units   []models.HomeUnit
	)
	d := sc.data
	sc.shell.async(func() (err error) {
		if sheet, err = d.AttendanceSheet(month, models.AttendanceFilter{}); err != nil {
			return err
		}
		if locks, err = d.MonthLocks(); err != nil {
			return err
		}
		if staff, err = d.StaffList(); err != nil {
			return err
		}
		if windows, err = d.ServiceWindows(); err != nil {
			return err
		}
		units, err = d.HomeUnits()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法计算考勤", err, sc.shell.win)
			return
		}
		if sc.monthKey() != month {
			return // the user moved on to another month meanwhile
		}
		sc.sums = make(map[uint]models.MonthSummary, len(sheet.Summaries))
		sc.gaps.show(sheet.Gaps)
		var warnings []string
		for _, m := range sheet.Summaries {
			sc.sums[m.StaffID] = m
			for _, w := range m.Warnings {
				warnings = append(warnings, m.Name+"："+w)
			}
		}
		sc.showWarnings(warnings)
		sc.staff = make(map[uint]models.Staff, len(staff))
		for _, p := range staff {
			sc.staff[p.ID] = p
		}
		sc.windows, sc.units = windows, units
		sc.showLock(month, locks)
		sc.setFilterOptions()
		_, last := models.MonthSpan(first)
		switch through := judgedThrough(first, sc.data.Today()); {
		case through.IsZero():
			sc.through.SetText("本月尚未开始，暂无考勤结果")
		case through == last:
			sc.through.SetText(fmt.Sprintf("统计全月（至%d月%d日）；点“明细”查看每个数字的来历", int(through.Month()), through.Day()))
		default:
			sc.through.SetText(fmt.Sprintf("统计至%d月%d日（今天尚未结束，不计）；点“明细”查看每个数字的来历", int(through.Month()), through.Day()))
		}
		sc.loaded = true
		sc.showRows()
	})
}

// showWarnings lists the records of the month that contradict each other,
// such as a 销假 date later than the person's first punch, so the office
// corrects them before locking the month.
func (sc *attendanceScreen) showWarnings(ws []string) {
	if len(ws) == 0 {
		sc.warnings.SetText("")
		sc.warnings.Hide()
		return
	}
	sc.warnings.SetText(fmt.Sprintf("请核对以下 %d 处记录（可能影响旷工天数）：\n", len(ws)) + strings.Join(ws, "\n"))
	sc.warnings.Show()
}

// showLock shows whether the month is locked, prominently.
func (sc *attendanceScreen) showLock(month string, locks []models.MonthLock) {
	sc.locked = false
	text := "未封帐"
	sc.lockState.Importance = widget.MediumImportance
	for _, l := range locks {
		if l.Month != month {
			continue
		}
		if l.Locked {
			sc.locked = true
			text = fmt.Sprintf("已封帐（%s %s）：本月考勤不能更改", l.By, models.FormatDateTime(l.At))
			sc.lockState.Importance = widget.DangerImportance
		} else if l.Reason != "" {
			text = fmt.Sprintf("未封帐（%s 解锁：%s）", l.By, l.Reason)
			sc.lockState.Importance = widget.WarningImportance
		}
	}
	sc.lockState.SetText(text)
}

func (sc *attendanceScreen) setFilterOptions() {
	wopts := []string{allWindows}
	for _, w := range sc.windows {
		wopts = append(wopts, w.Label())
	}
	uopts := []string{allUnits}
	for _, u := range sc.units {
		uopts = append(uopts, u.Name)
	}
	keepSelect(sc.window, wopts, allWindows)
	keepSelect(sc.unit, uopts, allUnits)
}

// showRows shows the people the filters select.
func (sc *attendanceScreen) showRows() {
	windowCode := ""
	if sel := sc.window.Selected; sel != allWindows && sel != "" {
		for _, w := range sc.windows {
			if w.Label() == sel {
				windowCode = w.Code
			}
		}
	}
	unit := sc.unit.Selected
	ids := make([]uint, 0, len(sc.sums))
	for id := range sc.sums {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return sc.sums[ids[i]].EmployeeNo < sc.sums[ids[j]].EmployeeNo })
	rs := make([]record, 0, len(ids))
	for _, id := range ids {
		m := sc.sums[id]
		p := sc.staff[id]
		if windowCode != "" && m.WindowCode != windowCode {
			continue
		}
		if unit != allUnits && unit != "" && p.HomeUnit.Name != unit {
			continue
		}
		rs = append(rs, attendanceRecord(m, p))
	}
	sc.list.selected = 0 // until a row is selected (a saved one is, by setRecords)
	sc.list.setRecords(rs)
	sc.setButtons()
}

// attendanceRecord formats one row of the sheet.
func attendanceRecord(m models.MonthSummary, p models.Staff) record {
	days := models.FormatDays
	n := func(v int) string { return fmt.Sprint(v) }
	return record{id: m.StaffID,
		cells: []string{m.EmployeeNo, m.Name, m.WindowCode, days(m.DueDays), days(m.AttendedDays),
			n(m.LateCount), n(m.LateMinutes), n(m.EarlyCount), n(m.EarlyMinutes), n(m.MissingCount),
			n(m.AwayCount), days(m.LeaveDays), days(m.LateEarlyAbsentDays), days(m.AwayAbsentDays),
			days(m.AbsentDays), m.Result()},
		search: m.Name + " " + m.EmployeeNo + " " + m.WindowCode + " " + p.Window.Name + " " + p.HomeUnit.Name,
	}
}

// importance marks anomalies: 旷工 in red, the other findings in amber.
func (sc *attendanceScreen) importance(id uint, col int) widget.Importance {
	m, ok := sc.sums[id]
	if !ok {
		return widget.MediumImportance
	}
	warnIf := func(v int) widget.Importance {
		if v > 0 {
			return widget.WarningImportance
		}
		return widget.MediumImportance
	}
	dangerIf := func(v float64) widget.Importance {
		if v > 0 {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	switch col {
	case attLate, attLateMin:
		return warnIf(m.LateCount)
	case attEarly, attEarlyMin:
		return warnIf(m.EarlyCount)
	case attMissing:
		return warnIf(m.MissingCount)
	case attAway:
		return warnIf(m.AwayCount)
	case attLateEarlyAbsent:
		return dangerIf(m.LateEarlyAbsentDays)
	case attAwayAbsent:
		return dangerIf(m.AwayAbsentDays)
	case attAbsent:
		return dangerIf(m.AbsentDays)
	case attResult:
		if m.AbsentDays > 0 {
			return widget.DangerImportance
		}
		if m.Result() != "正常" {
			return widget.WarningImportance
		}
	}
	return widget.MediumImportance
}

// setButtons enables what the selection and the lock allow.
func (sc *attendanceScreen) setButtons() {
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	_, picked := sc.sums[sc.list.selected]
	picked = picked && sc.list.selected != 0
	enable(sc.detail, picked)
	enable(sc.correct, picked && !sc.locked)
	enable(sc.inspect, sc.loaded && !sc.locked && len(sc.sums) > 0)
	enable(sc.outing, sc.loaded && !sc.locked && len(sc.sums) > 0)
	enable(sc.importBtn, sc.loaded && !sc.locked)
	enable(sc.lock, sc.loaded && !sc.locked)
	enable(sc.unlock, sc.loaded && sc.locked)
}

// editingDisabled reports whether the month's editing buttons are off.
func (sc *attendanceScreen) editingDisabled() bool {
	return sc.importBtn.Disabled() && sc.inspect.Disabled() && sc.outing.Disabled() && sc.correct.Disabled()
}

// onExport offers the month's sheet as a spreadsheet or as the attendance
// bulletin (考勤通报) PDF, and the month's records.
func (sc *attendanceScreen) onExport() {
	opt := reports.ExportOptions{Month: sc.monthKey()}
	title := monthTitle(sc.month)
	s := sc.shell
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("考勤月报（Excel）", func() { exportFileAs(s, sc.data, "attendance", title+"考勤月报", opt, []string{".xlsx", ".csv"}) }),
		fyne.NewMenuItem("考勤月报（CSV）", func() { exportFileAs(s, sc.data, "attendance", title+"考勤月报", opt, []string{".csv", ".xlsx"}) }),
		fyne.NewMenuItem("考勤通报（PDF）", func() { exportFileAs(s, sc.data, "attendance", title+"考勤通报", opt, []string{".pdf"}) }),
		fyne.NewMenuItem("考勤通报重新出具（新文号）…", func() {
			reissueBulletin(s, title+"考勤通报", func(o reports.ExportOptions) {
				exportFileAs(s, sc.data, "attendance", title+"考勤通报", o, []string{".pdf"})
			}, opt)
		}),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("本月打卡记录", func() { exportFileAs(s, sc.data, "punches", title+"打卡记录", opt, []string{".xlsx", ".csv"}) }),
		fyne.NewMenuItem("本月请假", func() { exportFileAs(s, sc.data, "leaves", title+"请假", opt, []string{".xlsx", ".csv"}) }),
		fyne.NewMenuItem("本月查岗记录", func() { exportFileAs(s, sc.data, "inspections", title+"查岗记录", opt, []string{".xlsx", ".csv"}) }),
	)
	widget.ShowPopUpMenuAtRelativePosition(menu, s.win.Canvas(), fyne.NewPos(0, sc.export.Size().Height), sc.export)
}

func (sc *attendanceScreen) onLock() {
	title := monthTitle(sc.month)
	confirm("封帐", fmt.Sprintf("确定将%s的考勤封帐吗？\n封帐后本月的打卡、补卡、请假、查岗和外出登记都不能再更改；如需更正，须解锁并写明原因。", title),
		"封帐", sc.shell.win, sc.lockMonth)
}

// lockMonth locks the month shown.
func (sc *attendanceScreen) lockMonth() {
	month := sc.monthKey()
	sc.shell.async(func() error { return sc.data.LockMonth(month) }, func(err error) {
		if err != nil {
			showError("不能封帐", err, sc.shell.win)
			return
		}
		sc.shell.changed()
		sc.reload()
	})
}

// onUnlock unlocks the month after asking why; the reason goes to the log.
func (sc *attendanceScreen) onUnlock() {
	month := sc.monthKey()
	reason := widget.NewMultiLineEntry()
	reason.SetMinRowsVisible(3)
	reason.SetPlaceHolder("如：补录11月12日查岗记录")
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("月份", widget.NewLabel(monthTitle(sc.month))),
		errs.item("解锁原因", reason, "必填；解锁和原因记入操作日志"))
	sc.unlockReason = reason
	sc.unlockSave = newFormDialog(sc.shell, "解锁"+monthTitle(sc.month)+"考勤", "解锁", form, errs, func() error {
		return sc.data.UnlockMonth(month, reason.Text)
	}, sc.reload).save
}

// people lists the people on the sheet, by 工号, for the forms.
func (sc *attendanceScreen) people() ([]string, map[string]uint) {
	ids := make([]uint, 0, len(sc.sums))
	for id := range sc.sums {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return sc.sums[ids[i]].EmployeeNo < sc.sums[ids[j]].EmployeeNo })
	labels := make([]string, len(ids))
	byLabel := make(map[string]uint, len(ids))
	for i, id := range ids {
		m := sc.sums[id]
		labels[i] = m.Name + "（" + m.EmployeeNo + "）"
		byLabel[labels[i]] = id
	}
	return labels, byLabel
}

// personLabel gives "刘玥（ZW005）" of a person on the sheet.
func (sc *attendanceScreen) personLabel(id uint) string {
	if m, ok := sc.sums[id]; ok {
		return m.Name + "（" + m.EmployeeNo + "）"
	}
	return ""
}

// defaultDay is the day a form for the month starts at: today in the
// current month, else the month's first day.
func (sc *attendanceScreen) defaultDay() models.Date {
	today := sc.data.Today()
	if models.MonthOf(today) == sc.monthKey() {
		return today
	}
	return sc.month
}

// relabelPerson names the store's 工号 field as the forms label it.
func relabelPerson(err error) error {
	fe, ok := models.AsFieldErrors(err)
	if !ok {
		return err
	}
	out := make(models.FieldErrors, len(fe))
	for i, e := range fe {
		if e.Field == "工号" {
			e.Field = "人员"
		}
		out[i] = e
	}
	return out
}
