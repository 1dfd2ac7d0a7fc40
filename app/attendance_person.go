package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// personMonthData is what a person's month reads: the month's result and
// the records behind it.
type personMonthData interface {
	AttendanceMonth(month string, f models.AttendanceFilter) ([]models.MonthSummary, error)
	Punches(models.PunchFilter) ([]models.Punch, error)
	Inspections(models.AttendanceRecordFilter) ([]models.Inspection, error)
	Outings(models.AttendanceRecordFilter) ([]models.Outing, error)
	Calendar() (*models.Calendar, error)
}

// personMonth is one person's month as a calendar (考勤明细): each day with
// its kind, schedule, punches (corrections marked), the classification of
// each half, inspection findings and outings; below it the reason for every
// deduction, so each figure of the sheet can be traced. The sheet's 明细
// and a score item behind an attendance finding open the same view.
type personMonth struct {
	shell   *shell
	data    personMonthData
	staffID uint
	month   models.Date
	day     models.Date // the day to show first (zero: the month)

	sum          models.MonthSummary
	rows         []personDay
	summary      *widget.Label
	warnings     []*widget.Label // records that contradict each other, for the office to correct
	explanations []string
	table        *widget.Table
	dayRow       int // the row of day, selected when shown (-1: none)
	dlg          *dialog.CustomDialog
}

// personDay is one pre-formatted day: its cells and their importance.
type personDay struct {
	cells [8]string
	marks [8]widget.Importance
}

var personColumns = []column{
	{"日期", 92}, {"星期", 82}, {"日历", 150}, {"作息", 66}, {"打卡", 250}, {"上午", 150}, {"下午", 150}, {"查岗 / 外出", 228},
}

// openPersonMonth opens a person's month in a dialog; month is its first day.
func openPersonMonth(s *shell, d personMonthData, staffID uint, month models.Date) *personMonth {
	pm := &personMonth{shell: s, data: d, staffID: staffID, month: month}
	pm.load()
	return pm
}

// openPersonDay opens a person's month at one day: its row is selected and
// scrolled to, as a score item of that day links here.
func openPersonDay(s *shell, d personMonthData, staffID uint, day models.Date) *personMonth {
	pm := &personMonth{shell: s, data: d, staffID: staffID, month: models.NewDate(day.Year(), day.Month(), 1), day: day}
	pm.load()
	return pm
}

// onDetail opens the selected person's month.
func (sc *attendanceScreen) onDetail(id uint) {
	if _, ok := sc.sums[id]; !ok {
		return
	}
	sc.person = openPersonMonth(sc.shell, sc.data, id, sc.month)
}

// load reads the person's month off the UI goroutine and shows it.
func (pm *personMonth) load() {
	var (
		sums    []models.MonthSummary
		punches []models.Punch
		insp    []models.Inspection
		outings []models.Outing
		cal     *models.Calendar
	)
	d := pm.data
	first, last := models.MonthSpan(pm.month)
	id := pm.staffID
	pm.shell.async(func() (err error) {
		if sums, err = d.AttendanceMonth(models.MonthOf(first), models.AttendanceFilter{StaffID: id}); err != nil {
			return err
		}
		if punches, err = d.Punches(models.PunchFilter{StaffID: id, From: first, To: last}); err != nil {
			return err
		}
		rf := models.AttendanceRecordFilter{StaffID: id, From: first, To: last}
		if insp, err = d.Inspections(rf); err != nil {
			return err
		}
		if outings, err = d.Outings(rf); err != nil {
			return err
		}
		cal, err = d.Calendar()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取考勤明细", err, pm.shell.win)
			return
		}
		if len(sums) == 0 {
			showError("无法读取考勤明细", &models.RefusedError{Reason: "此人本月不在岗，没有考勤记录。"}, pm.shell.win)
			return
		}
		pm.sum = sums[0]
		pm.rows = personDays(first, pm.sum, punches, insp, outings, cal)
		pm.explanations = pm.sum.Explanations
		pm.show()
	})
}

// personDays formats every day of the month for the person.
func personDays(first models.Date, sum models.MonthSummary, punches []models.Punch, insp []models.Inspection, outings []models.Outing, cal *models.Calendar) []personDay {
	results := map[models.Date]models.DayResult{}
	for _, d := range sum.Days {
		results[d.Date] = d
	}
	byDay := map[models.Date][]string{}
	for _, p := range punches {
		t := p.At
		text := t.Format("15:04")
		if p.Correction {
			text += "（补卡）"
		}
		if r := p.DeviceResult; r != "" && r != "正常" {
			text += "（考勤机：" + r + "）" // its opinion only; the day is judged by the rules
		}
		byDay[models.DateOf(t)] = append(byDay[models.DateOf(t)], text)
	}
	notes := map[models.Date][]string{}
	for _, x := range insp {
		l, b := x.LeftAt, x.BackAt
		notes[models.DateOf(l)] = append(notes[models.DateOf(l)], fmt.Sprintf("查岗 离岗%s–%s（%s）", models.ClockText(l), models.ClockText(b), x.Length()))
	}
	for _, o := range outings {
		f, t := o.From, o.To
		text := fmt.Sprintf("外出 %s–%s %s", f.Format("15:04"), t.Format("15:04"), o.Reason)
		if o.Late() {
			text += "（" + models.OutingLateLabel + "，" + models.FormatDateTime(o.RegisteredAt) + "登记）"
		}
		notes[models.DateOf(f)] = append(notes[models.DateOf(f)], text)
	}
	var out []personDay
	for d := first; d.Month() == first.Month(); d = d.AddDays(1) {
		var row personDay
		info := cal.Info(d)
		row.cells[0] = d.String()
		row.cells[1] = weekdayNames[d.Weekday()]
		if info.Working {
			row.cells[2] = "工作日"
			if info.Reason != "工作日" {
				row.cells[2] += "（" + info.Reason + "）"
			}
		} else {
			row.cells[2] = "休息日（" + info.Reason + "）"
			row.marks[2] = widget.LowImportance
		}
		ps := byDay[d]
		sort.Strings(ps)
		row.cells[4] = strings.Join(ps, "  ")
		row.cells[7] = strings.Join(notes[d], "；")
		if len(notes[d]) > 0 {
			row.marks[7] = widget.WarningImportance
		}
		r, judged := results[d]
		switch {
		case !judged:
			if info.Working {
				row.cells[5], row.cells[6] = "未统计", "未统计"
				row.marks[5], row.marks[6] = widget.LowImportance, widget.LowImportance
			}
		case !r.Working:
		default:
			row.cells[3] = r.Schedule
			for h := 0; h < 2; h++ {
				row.cells[5+h], row.marks[5+h] = halfText(r.Halves[h])
			}
		}
		out = append(out, row)
	}
	return out
}

// halfText classifies one half-day as the calendar shows it: 正常, 迟到N分钟,
// 早退N分钟, 缺卡, 旷工, 请假（类型）, 外出.
func halfText(h models.HalfResult) (string, widget.Importance) {
	switch {
	case h.OnLeave:
		return "请假（" + h.Leave.Type + "）", widget.HighImportance
	case h.Absent:
		switch h.Leave.Status {
		case models.LeaveOverstayed:
			return "旷工（超假未归）", widget.DangerImportance
		case models.LeavePending:
			return "旷工（请假未批）", widget.DangerImportance
		case models.LeaveRejected:
			return "旷工（请假被驳回）", widget.DangerImportance
		}
		return "旷工", widget.DangerImportance
	}
	var parts []string
	if h.LateMinutes > 0 {
		parts = append(parts, fmt.Sprintf("迟到%d分钟", h.LateMinutes))
	}
	if h.EarlyMinutes > 0 {
		parts = append(parts, fmt.Sprintf("早退%d分钟", h.EarlyMinutes))
	}
	switch h.Missing {
	case 0:
	case 1:
		parts = append(parts, "缺卡")
	default:
		parts = append(parts, fmt.Sprintf("缺卡%d次", h.Missing))
	}
	mark := widget.MediumImportance
	if len(parts) > 0 {
		mark = widget.WarningImportance
	}
	if h.InExcused || h.OutExcused {
		parts = append(parts, "外出")
	}
	if len(parts) == 0 {
		return "正常", widget.MediumImportance
	}
	return strings.Join(parts, "，"), mark
}

// summaryText sums the month up in one line, as the sheet's row does.
func summaryText(m models.MonthSummary) string {
	days := models.FormatDays
	leave := days(m.LeaveDays) + " 天"
	if len(m.LeaveByType) > 0 {
		var types []string
		for t, v := range m.LeaveByType {
			types = append(types, t+days(v))
		}
		sort.Strings(types)
		leave += "（" + strings.Join(types, "、") + "）"
	}
	return fmt.Sprintf("应出勤 %s 天 · 出勤 %s 天 · 迟到 %d 次 %d 分钟 · 早退 %d 次 %d 分钟 · 缺卡 %d 次 · 擅离岗位 %d 次 · 请假 %s · "+
		"旷工 %s 天（含迟到早退折算 %s 天、擅离折算 %s 天） · 考勤结果：%s",
		days(m.DueDays), days(m.AttendedDays), m.LateCount, m.LateMinutes, m.EarlyCount, m.EarlyMinutes,
		m.MissingCount, m.AwayCount, leave, days(m.AbsentDays), days(m.LateEarlyAbsentDays), days(m.AwayAbsentDays), m.Result())
}

func (pm *personMonth) show() {
	m := pm.sum
	pm.summary = wrapLabel(summaryText(m))
	top := container.NewVBox(pm.summary)
	pm.warnings = nil
	for _, w := range m.Warnings {
		l := wrapLabel("请核对：" + w)
		l.Importance = widget.WarningImportance
		pm.warnings = append(pm.warnings, l)
		top.Add(l)
	}
	table := widget.NewTable(func() (int, int) { return len(pm.rows), len(personColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row < 0 || id.Row >= len(pm.rows) {
				return
			}
			l.Importance = pm.rows[id.Row].marks[id.Col]
			l.TextStyle.Bold = id.Row == pm.dayRow // the day a score line links to, across the row
			l.SetText(pm.rows[id.Row].cells[id.Col])
		})
	table.ShowHeaderRow = true
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(personColumns[id.Col].title)
		}
	}
	for i, c := range personColumns {
		table.SetColumnWidth(i, c.width)
	}
	expl := container.NewVBox()
	if len(pm.explanations) == 0 {
		expl.Add(widget.NewLabel("本月没有迟到、早退、缺卡、旷工、补卡或请假。"))
	}
	for i, e := range pm.explanations {
		l := wrapLabel(fmt.Sprintf("%d. %s", i+1, e))
		if strings.Contains(e, "旷工") && !strings.Contains(e, "不折算") {
			l.Importance = widget.DangerImportance
		}
		expl.Add(l)
	}
	head := widget.NewLabelWithStyle("每项扣减的依据（按日期）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bottom := container.NewBorder(head, nil, nil, nil, container.NewVScroll(expl))
	split := container.NewVSplit(table, bottom)
	split.Offset = 0.62
	body := container.NewBorder(top, nil, nil, nil, split)
	pm.table = table
	pm.dayRow = -1
	if !pm.day.IsZero() {
		pm.dayRow = pm.day.Day() - 1
		l := wrapLabel(fmt.Sprintf("所查看的是%d月%d日：表中已选中这一天。", int(pm.day.Month()), pm.day.Day()))
		l.Importance = widget.HighImportance
		top.Add(l)
	}
	title := fmt.Sprintf("考勤明细：%s（%s）%s %s", m.Name, m.EmployeeNo, m.WindowCode, monthTitle(pm.month))
	pm.dlg = dialog.NewCustom(title, "关闭", body, pm.shell.win)
	size := pm.shell.win.Canvas().Size()
	pm.dlg.Resize(fyne.NewSize(min(1240, size.Width-20), max(500, size.Height-40)))
	pm.dlg.Show()
	if pm.dayRow >= 0 {
		cell := widget.TableCellID{Row: pm.dayRow, Col: 0}
		table.Select(cell)
		table.ScrollTo(cell)
	}
}
