package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// leaveData is what the leave register (请假) needs: the requests with the
// calendar, rule sets and roster that count and place them, their approval
// flow, imports and the printed 请假审批单.
type leaveData interface {
	clock
	Leaves(models.LeaveFilter) ([]models.LeaveRequest, error)
	SaveLeave(*models.LeaveRequest) error
	ApproveLeave(id uint, approver, tier string) error
	RejectLeave(id uint, approver, reason string) error
	ReturnLeave(id uint, on models.Date) error
	DeleteLeave(id uint) error
	Calendar() (*models.Calendar, error)
	RuleSets() ([]models.RuleSet, error)
	StaffList() ([]models.Staff, error)
	Operator() string
	importer
	archive
	// PrintLeaveForm prints the 请假审批单 of a request into the PDF at path.
	PrintLeaveForm(leaveID uint, path string) error
}

// leaveScreen is the leave register (请假): requests filtered by status and
// month and searched by person, with the approval flow 待审批 → 已批准 /
// 已驳回 → 已销假 and the printable 请假审批单.
type leaveScreen struct {
	shell *shell
	data  leaveData
	list  *recordTable

	leaves map[uint]models.LeaveRequest
	cal    *models.Calendar
	rules  []models.RuleSet
	staff  []models.Staff
	marks  map[uint]widget.Importance

	status, month *widget.Select
	months        map[string]models.Date

	add, edit, approve, reject, back, del, print *widget.Button
	box                                          fyne.CanvasObject

	// the dialogs last opened, for tests
	form          *leaveForm
	approverEntry *widget.Entry
	approverTier  *widget.Select
	decisionSave  *widget.Button
	returnDate    *dateField
}

var leaveColumns = []column{
	{"工号", 74}, {"姓名", 60}, {"窗口", 46}, {"类型", 58}, {"请假时间", 202}, {"天数", 44},
	{"审批层级", 96}, {"状态", 62}, {"审批人", 124}, {"顶岗人员", 64}, {"事由", 110}, {"备注", 154},
}

const leaveColStatus, leaveColNote = 7, 11

func newLeaveScreen(s *shell, d leaveData) *leaveScreen {
	sc := &leaveScreen{shell: s, data: d, leaves: map[uint]models.LeaveRequest{}, marks: map[uint]widget.Importance{}}
	sc.list = newRecordTable(leaveColumns, "搜索姓名、工号、窗口、事由", func(uint) { sc.setButtons() })
	sc.list.styleCells(func(id uint, col int) widget.Importance {
		if col == leaveColStatus || col == leaveColNote {
			return sc.marks[id]
		}
		return widget.MediumImportance
	})
	sc.list.onQuery(sc.setButtons)

	sc.status = newSelect(append([]string{allStatuses}, models.LeaveStatuses...), nil)
	sc.status.SetSelected(allStatuses)
	today := d.Today()
	opts, months := monthChoices(today, 2) // leave is often asked for ahead
	sc.months = months
	sc.month = newSelect(opts, nil)
	sc.month.SetSelected(monthTitle(models.NewDate(today.Year(), today.Month(), 1)))
	sc.status.OnChanged = func(string) { sc.reload() }
	sc.month.OnChanged = func(string) { sc.reload() }
	sc.list.filterBySelects(selectFilter{sc.status, allStatuses}, selectFilter{sc.month, allMonths})

	sc.add = widget.NewButtonWithIcon("新增请假", theme.ContentAddIcon(), sc.onAdd)
	sc.edit = widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { sc.onEdit(sc.list.selected) })
	sc.list.openWith(sc.edit)
	sc.approve = widget.NewButtonWithIcon("批准", theme.ConfirmIcon(), func() { sc.onApprove(sc.list.selected) })
	sc.reject = widget.NewButtonWithIcon("驳回", theme.CancelIcon(), func() { sc.onReject(sc.list.selected) })
	sc.back = widget.NewButtonWithIcon("销假", theme.MailReplyIcon(), func() { sc.onReturn(sc.list.selected) })
	sc.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { sc.onDelete(sc.list.selected) })
	sc.print = widget.NewButtonWithIcon("打印审批单", theme.DocumentPrintIcon(), func() { sc.onPrint(sc.list.selected) })
	imp := widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { importFile(s, d, "leaves", "请假", sc.reload) })

	sc.box = listHead{actions: objs(sc.add, sc.edit, sc.del, sc.approve, sc.reject, sc.back), files: objs(sc.print, imp),
		filters: objs(widget.NewLabel("状态"), sc.status, widget.NewLabel("月份"), sc.month)}.over(sc.list.layout())
	sc.setButtons()
	sc.reload()
	return sc
}

func (sc *leaveScreen) content() fyne.CanvasObject { return sc.box }

// reload reads the requests the filters select, with the calendar and rule
// sets that give their length and approval tier.
func (sc *leaveScreen) reload() {
	f := models.LeaveFilter{}
	if st := sc.status.Selected; st != allStatuses {
		f.Status = st
	}
	if m, ok := sc.months[sc.month.Selected]; ok {
		f.From, f.To = models.MonthSpan(m)
	}
	var (
		leaves []models.LeaveRequest
		cal    *models.Calendar
		rules  []models.RuleSet
		staff  []models.Staff
	)
	d := sc.data
	sc.shell.async(func() (err error) {
		if leaves, err = d.Leaves(f); err != nil {
			return err
		}
		if cal, err = d.Calendar(); err != nil {
			return err
		}
		if rules, err = d.RuleSets(); err != nil {
			return err
		}
		staff, err = d.StaffList()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取请假", err, sc.shell.win)
			return
		}
		sc.cal, sc.rules, sc.staff = cal, rules, staff
		windowOf := make(map[uint]string, len(staff))
		for _, p := range staff {
			windowOf[p.ID] = p.Window.Code
		}
		sc.leaves = make(map[uint]models.LeaveRequest, len(leaves))
		sc.marks = map[uint]widget.Importance{}
		rs := make([]record, 0, len(leaves))
		for _, l := range leaves {
			sc.leaves[l.ID] = l
			r, mark := leaveRecord(l, windowOf[l.StaffID], cal, rulesAt(rules, l.From).Attendance, d.Today())
			sc.marks[l.ID] = mark
			rs = append(rs, r)
		}
		sc.list.selected = 0 // until a row is selected (a saved one is, by setRecords)
		sc.list.setRecords(rs)
		sc.setButtons()
	})
}

// rulesAt picks the rule set in force on d, as the store does.
func rulesAt(sets []models.RuleSet, d models.Date) models.RuleSet {
	in := models.DefaultRuleSet()
	for _, s := range sets {
		if !s.EffectiveFrom.After(d) && !s.EffectiveFrom.Before(in.EffectiveFrom) {
			in = s
		}
	}
	return in
}

// leaveRecord formats one request and says how to mark its status.
func leaveRecord(l models.LeaveRequest, window string, cal *models.Calendar, rules models.AttendanceRules, today models.Date) (record, widget.Importance) {
	days := l.Days(cal)
	standIn := ""
	if l.StandIn != nil {
		standIn = l.StandIn.Name
	}
	note, mark := "", widget.MediumImportance
	switch l.Status {
	case models.LeavePending:
		mark = widget.WarningImportance
	case models.LeaveRejected:
		note, mark = "驳回："+l.RejectReason, widget.DangerImportance
	case models.LeaveApproved:
		mark = widget.SuccessImportance
	case models.LeaveReturned:
		on := fmt.Sprintf("%d月%d日", int(l.ReturnedOn.Month()), l.ReturnedOn.Day())
		note = on + "销假"
		if l.Overstayed() {
			note, mark = "超假，"+on+"销假", widget.DangerImportance
		}
	}
	if l.AppliedLate(rules) {
		late := models.LeaveLateLabel
		if l.LateReason != "" {
			late += "（" + l.LateReason + "）"
		}
		note = joinNonEmpty("；", late, note)
		if mark != widget.DangerImportance {
			mark = widget.WarningImportance
		}
	}
	return record{id: l.ID,
		cells: []string{l.Staff.EmployeeNo, l.Staff.Name, window, l.Type, leaveSpan(l, today), models.FormatDays(days),
			rules.ApprovalTier(days), l.Status, l.Approver, standIn, l.Reason, note},
		search: l.Staff.Name + " " + l.Staff.EmployeeNo + " " + window + " " + l.Type + " " + l.Reason,
	}, mark
}

// leaveSpan writes the period compactly for the list: "11月9日上午 至 11月10日下午",
// "11月16日下午", "11月27日全天".
func leaveSpan(l models.LeaveRequest, today models.Date) string {
	day := func(d models.Date) string {
		if d.Year() != today.Year() {
			return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
		}
		return fmt.Sprintf("%d月%d日", int(d.Month()), d.Day())
	}
	switch {
	case l.From == l.To && l.FromHalf == l.ToHalf:
		return day(l.From) + l.FromHalf
	case l.From == l.To && l.FromHalf == models.HalfAM && l.ToHalf == models.HalfPM:
		return day(l.From) + "全天"
	}
	return day(l.From) + l.FromHalf + " 至 " + day(l.To) + l.ToHalf
}

// setButtons enables the actions the selected request's status allows.
func (sc *leaveScreen) setButtons() {
	l, ok := sc.leaves[sc.list.selected]
	ok = ok && sc.list.selected != 0
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(sc.edit, ok && l.Status == models.LeavePending)
	enable(sc.approve, ok && l.Status == models.LeavePending)
	enable(sc.reject, ok && l.Status == models.LeavePending)
	enable(sc.back, ok && (l.Status == models.LeaveApproved || l.Status == models.LeaveReturned))
	enable(sc.del, ok && (l.Status == models.LeavePending || l.Status == models.LeaveRejected))
	enable(sc.print, ok)
}

func (sc *leaveScreen) describe(l models.LeaveRequest) string {
	if sc.cal == nil {
		return l.Span()
	}
	return l.Describe(sc.cal)
}

// onApprove approves a pending request; the approver defaults to the operator.
func (sc *leaveScreen) onApprove(id uint) {
	l, ok := sc.leaves[id]
	if !ok {
		return
	}
	approver := widget.NewEntry()
	approver.SetText(sc.data.Operator())
	errs := newFormErrors()
	need := ""
	if sc.cal != nil {
		need = rulesAt(sc.rules, l.From).Attendance.ApprovalTier(l.Days(sc.cal))
	}
	tier := newSelect(models.ApprovalTiers, nil)
	tier.PlaceHolder = "请选择"
	tier.SetSelected(need)
	form := widget.NewForm(
		widget.NewFormItem("请假", widget.NewLabel(fmt.Sprintf("%s %s %s", l.Staff.Name, l.Type, sc.describe(l)))),
		widget.NewFormItem("应由", widget.NewLabel(need+"或更高层级批准")),
		errs.item("审批人", approver, "按审批层级由相应负责人批准"),
		errs.item("审批层级", tier, "审批人的层级；低于应审批层级的不能批准"))
	sc.approverEntry, sc.approverTier = approver, tier
	sc.decisionSave = newFormDialog(sc.shell, "批准请假", "批准", form, errs, func() error {
		return sc.data.ApproveLeave(id, approver.Text, tier.Selected)
	}, sc.reload).save
}

// onReject rejects a pending request with the reason, which is required.
func (sc *leaveScreen) onReject(id uint) {
	l, ok := sc.leaves[id]
	if !ok {
		return
	}
	approver := widget.NewEntry()
	approver.SetText(sc.data.Operator())
	reason := widget.NewMultiLineEntry()
	reason.SetMinRowsVisible(3)
	reason.SetPlaceHolder("如：窗口当日无人顶岗，请改期")
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("请假", widget.NewLabel(fmt.Sprintf("%s %s %s", l.Staff.Name, l.Type, sc.describe(l)))),
		errs.item("审批人", approver, ""),
		errs.item("驳回理由", reason, "必填；申请人据此修改或重新申请"))
	sc.approverEntry = approver
	sc.decisionSave = newFormDialog(sc.shell, "驳回请假", "驳回", form, errs, func() error {
		return sc.data.RejectLeave(id, approver.Text, reason.Text)
	}, sc.reload).save
}

// onReturn records the day the person reported back (销假); a day after
// the leave's end makes the half-days between 超假 (旷工).
func (sc *leaveScreen) onReturn(id uint) {
	l, ok := sc.leaves[id]
	if !ok {
		return
	}
	on := newDateField(sc.shell.win)
	next := l.To.AddDays(1)
	if l.ToHalf == models.HalfAM {
		next = l.To
	}
	title, button, hint := "销假", "销假", "回岗上班的日期；晚于假期结束的半天计超假（旷工）"
	if l.Status == models.LeaveReturned {
		// punches showed the person back on another day than recorded
		next = l.ReturnedOn
		title, button, hint = "更正销假日期", "更正", "原销假日期 "+l.ReturnedOn.String()+"；按实际回岗上班的日期更正，更正记入操作日志"
	}
	on.SetDate(next)
	sc.returnDate = on
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("请假", widget.NewLabel(fmt.Sprintf("%s %s %s", l.Staff.Name, l.Type, sc.describe(l)))),
		errs.item("销假日期", on, hint))
	sc.decisionSave = newFormDialog(sc.shell, title, button, form, errs, func() error {
		d, err := on.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "销假日期", Reason: err.Error()}}
		}
		return sc.data.ReturnLeave(id, d)
	}, sc.reload).save
}

func (sc *leaveScreen) onDelete(id uint) {
	l, ok := sc.leaves[id]
	if !ok {
		return
	}
	confirmDelete(sc.shell, "删除请假", fmt.Sprintf("确定删除 %s 的%s（%s，%s）吗？\n只有待审批或已驳回的请假可以删除。", l.Staff.Name, l.Type, l.Span(), l.Status),
		func() error { return sc.data.DeleteLeave(id) }, sc.reload)
}

// onPrint prints the request's 请假审批单 into the archive folder and
// offers to open it.
func (sc *leaveScreen) onPrint(id uint) {
	l, ok := sc.leaves[id]
	if !ok {
		return
	}
	dir := noticeDir(sc.data)
	path := filepath.Join(dir, fmt.Sprintf("请假审批单-%s-%s-%s.pdf", l.Staff.EmployeeNo, l.Staff.Name, time.Now().Format("20060102-150405")))
	sc.shell.async(func() error {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("无法创建文件夹 %s：%w", dir, err)
		}
		return sc.data.PrintLeaveForm(id, path)
	}, func(err error) {
		if err != nil {
			showError("无法打印请假审批单", err, sc.shell.win)
			return
		}
		showPrintedFile(sc.shell, fmt.Sprintf("已生成 %s 的请假审批单（%s %s）", l.Staff.Name, l.Type, l.Span()), path)
	})
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// handle shows what another screen asked for: the overview's pending
// requests, whatever month they are in.
func (sc *leaveScreen) handle(r request) {
	switch r := r.(type) {
	case pendingLeaves:
		sc.month.SetSelected(allMonths)
		sc.status.SetSelected(models.LeavePending)
	case personRecords:
		sc.showPerson(r)
	}
}
