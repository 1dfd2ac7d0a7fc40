package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// leaveForm is a new leave request (请假单) in half-days, like the paper
// form: 自 X月X日上午 至 X月X日下午, with the length and approval tier shown
// as they are typed, computed with the office calendar and the rules in
// force on the first day.
type leaveForm struct {
	sc *leaveScreen

	kind             *widget.Select
	person, standIn  *picker
	from, to         *dateField
	fromHalf, toHalf *widget.RadioGroup
	reason           *widget.Entry
	length           *widget.Label
	late             *widget.Label // 事后补假, when the leave has begun before it is applied for
	appliedOn        *dateField    // 申请时间 of a paper form typed in later; empty: now
	appliedAt        *widget.Entry
	lateReason       *widget.Entry
	errs             *formErrors
	form             *widget.Form
	save             *widget.Button

	staffIDs map[string]uint
	editing  uint // the pending request being changed; 0 for a new one
	version  int  // the version of the request being changed, as read
}

const noStandIn = "（无需顶岗）"

// leaveFieldLabels name the store's fields as the form labels them.
var leaveFieldLabels = map[string]string{"工号": "人员", "顶岗人员工号": "顶岗人员"}

func (sc *leaveScreen) onAdd() {
	if len(sc.staff) == 0 {
		showError("还不能新增请假", models.FieldErrors{{Field: "人员", Reason: "还没有人员：请先在“人员”中新增或导入"}}, sc.shell.win)
		return
	}
	sc.form = newLeaveForm(sc)
	sc.form.save = newFormDialog(sc.shell, "新增请假", "保存", sc.form.form, sc.form.errs, sc.form.submit, sc.reload).save
}

// onEdit changes a pending request (a typo in its time, type or reason);
// approved and later requests are kept as they were decided.
func (sc *leaveScreen) onEdit(id uint) {
	l, ok := sc.leaves[id]
	if !ok || l.Status != models.LeavePending {
		return
	}
	f := newLeaveForm(sc)
	f.editing, f.version = l.ID, l.Version
	f.person.SetSelected(staffLabel(l.Staff))
	f.kind.SetSelected(l.Type)
	f.from.SetDate(l.From)
	f.fromHalf.SetSelected(l.FromHalf)
	f.to.SetDate(l.To)
	f.toHalf.SetSelected(l.ToHalf)
	f.reason.SetText(l.Reason)
	if !l.AppliedAt.IsZero() {
		f.appliedOn.SetDate(models.DateOf(l.AppliedAt))
		f.appliedAt.SetText(l.AppliedAt.Format("15:04"))
	}
	f.lateReason.SetText(l.LateReason)
	if l.StandIn != nil {
		f.standIn.SetSelected(staffLabel(*l.StandIn))
	}
	sc.form = f
	f.save = newFormDialog(sc.shell, "修改请假（待审批）", "保存", f.form, f.errs, f.submit, sc.reload).save
}

func newLeaveForm(sc *leaveScreen) *leaveForm {
	f := &leaveForm{sc: sc, errs: newFormErrors(), staffIDs: map[string]uint{}}
	win := sc.shell.win
	var people []string
	today := sc.data.Today()
	for _, p := range sc.staff {
		if !p.OnDuty(today) {
			continue
		}
		people = append(people, staffLabel(p))
		f.staffIDs[staffLabel(p)] = p.ID
	}
	f.person = newPicker(people, func(string) { f.update() })
	f.person.PlaceHolder = "请选择"
	f.standIn = newPicker(append([]string{noStandIn}, people...), nil)
	f.standIn.SetSelected(noStandIn)
	f.kind = newSelect(models.LeaveTypes, nil)
	f.kind.PlaceHolder = "请选择"
	f.from, f.to = newDateField(win), newDateField(win)
	f.fromHalf = widget.NewRadioGroup(models.Halves, func(string) { f.update() })
	f.fromHalf.Horizontal = true
	f.fromHalf.SetSelected(models.HalfAM)
	f.toHalf = widget.NewRadioGroup(models.Halves, func(string) { f.update() })
	f.toHalf.Horizontal = true
	f.toHalf.SetSelected(models.HalfPM)
	// 结束 follows 开始 until it is typed in: a one-day leave is the common case
	following := true
	f.from.OnChanged = func(string) {
		if d, err := f.from.DateValue(); err == nil && !d.IsZero() && following {
			f.to.OnChanged = nil
			f.to.SetDate(d)
			f.to.OnChanged = func(string) { following = false; f.update() }
		}
		f.update()
	}
	f.to.OnChanged = func(string) { following = false; f.update() }
	f.reason = widget.NewMultiLineEntry()
	f.reason.SetMinRowsVisible(2)
	f.reason.SetPlaceHolder("如：孩子家长会")
	f.length = widget.NewLabel("")
	f.length.Importance = widget.HighImportance
	f.late = widget.NewLabel("")
	f.late.Wrapping = fyne.TextWrapWord
	f.late.Importance = widget.WarningImportance
	f.appliedOn = newDateField(win)
	f.appliedOn.OnChanged = func(string) { f.update() }
	f.appliedAt = newTimeEntry()
	f.appliedAt.OnChanged = func(string) { f.update() }
	f.lateReason = widget.NewEntry()
	f.lateReason.SetPlaceHolder("事后补假时填写：如 凌晨突发急病，当日上午电话向首席代表报告")
	f.update()
	f.form = widget.NewForm(
		f.errs.item("人员", f.person, ""),
		f.errs.item("类型", f.kind, "公休假记为年休假，公假记为公务"),
		f.errs.item("开始", container.NewGridWithColumns(2, f.from, f.fromHalf), ""),
		f.errs.item("结束", container.NewGridWithColumns(2, f.to, f.toHalf), ""),
		widget.NewFormItem("", f.length),
		f.errs.item("事由", f.reason, ""),
		f.errs.item("顶岗人员", f.standIn, "窗口无人值守时须安排顶岗人员"),
		f.errs.item("申请时间", container.NewGridWithColumns(2, f.appliedOn, f.appliedAt), "补录纸质请假单时填写单上的申请日期和时刻；不填按现在"),
		widget.NewFormItem("", f.late),
		f.errs.item("补假说明", f.lateReason, "请假应提前填写请假单；假期开始后才申请的（事后补假）写明原因"),
	)
	return f
}

// read builds the request from the form; fe holds what cannot be read.
func (f *leaveForm) read() (models.LeaveRequest, models.FieldErrors) {
	l := models.LeaveRequest{StaffID: f.staffIDs[f.person.Selected], Type: f.kind.Selected,
		FromHalf: f.fromHalf.Selected, ToHalf: f.toHalf.Selected, Reason: f.reason.Text}
	var fe models.FieldErrors
	var err error
	if l.From, err = f.from.DateValue(); err != nil {
		fe = append(fe, models.FieldError{Field: "开始", Reason: err.Error()})
	}
	if l.To, err = f.to.DateValue(); err != nil {
		fe = append(fe, models.FieldError{Field: "结束", Reason: err.Error()})
	}
	if id, ok := f.staffIDs[f.standIn.Selected]; ok {
		l.StandInID = &id
	}
	l.LateReason = f.lateReason.Text
	if d, err := f.appliedOn.DateValue(); err != nil {
		fe = append(fe, models.FieldError{Field: "申请时间", Reason: err.Error()})
	} else if !d.IsZero() {
		h, m, err := parseClock(f.appliedAt.Text)
		if err != nil {
			fe = append(fe, models.FieldError{Field: "申请时间", Reason: err.Error()})
		}
		l.AppliedAt = models.CivilTime(d, h, m, 0)
	}
	return l, fe
}

// update shows the length and approval tier of what is typed.
func (f *leaveForm) update() {
	if f.length == nil || f.lateReason == nil {
		return
	}
	l, fe := f.read()
	if len(fe) > 0 || l.From.IsZero() || l.To.IsZero() || f.sc.cal == nil {
		f.length.SetText("填写开始和结束后显示天数和审批层级")
		return
	}
	if l.FromHalf == "" {
		l.FromHalf = models.HalfAM
	}
	if l.ToHalf == "" {
		l.ToHalf = models.HalfPM
	}
	if l.To.Before(l.From) || (l.To == l.From && l.FromHalf == models.HalfPM && l.ToHalf == models.HalfAM) {
		f.length.SetText("结束不能早于开始")
		return
	}
	days := l.Days(f.sc.cal)
	rules := rulesAt(f.sc.rules, l.From).Attendance
	tier := rules.ApprovalTier(days)
	f.length.SetText(fmt.Sprintf("%s，共 %s 天（按工作日历，不含休息日），审批层级：%s", l.Span(), models.FormatDays(days), tier))
	if l.AppliedAt.IsZero() {
		l.AppliedAt = f.sc.data.Now()
	}
	switch {
	case !l.AppliedLate(rules):
		f.late.SetText("")
	case rules.LateLeaveNeedsReason:
		f.late.SetText(fmt.Sprintf("%s：假期已于 %s 开始，请在“补假说明”中写明为什么没能提前请假", models.LeaveLateLabel, models.FormatDateTime(l.StartsAt(rules.ScheduleFor(l.From)))))
	default:
		f.late.SetText(fmt.Sprintf("%s：假期已于 %s 开始", models.LeaveLateLabel, models.FormatDateTime(l.StartsAt(rules.ScheduleFor(l.From)))))
	}
}

// submit saves the request; the store's refusals (such as an overlap with
// another request of the person) show under the form and nothing is saved.
func (f *leaveForm) submit() error {
	l, fe := f.read()
	if len(fe) > 0 {
		return fe
	}
	if f.editing != 0 {
		l.ID, l.Status, l.Version = f.editing, models.LeavePending, f.version
	}
	err := f.sc.data.SaveLeave(&l)
	if err == nil {
		f.version = l.Version
	}
	if fe, ok := models.AsFieldErrors(err); ok {
		out := make(models.FieldErrors, len(fe))
		for i, e := range fe {
			if lab, ok := leaveFieldLabels[e.Field]; ok {
				e.Field = lab
			}
			out[i] = e
		}
		return out
	}
	return err
}
