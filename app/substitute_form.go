package app

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// substitutionForm registers a home unit's advance report of a substitute,
// or corrects one. Choosing the window offers its people to cover and fills
// in its home unit; choosing the person offers their leave.
type substitutionForm struct {
	sc *substitutesScreen
	x  models.Substitution

	name, idNumber, mobile, reason, reportedBy *widget.Entry
	leave                                      *widget.Select
	window, unit, covered                      *picker
	from, to, reportedOn                       *dateField
	register                                   *widget.Check
	errs                                       *formErrors
	form                                       *widget.Form
	save                                       *widget.Button

	windowIDs, unitIDs, coveredIDs map[string]uint
	leaveIDs                       map[string]uint
}

const noLeave = "无（不对应请假）"

func newSubstitutionForm(sc *substitutesScreen, x models.Substitution) *substitutionForm {
	f := &substitutionForm{sc: sc, x: x, errs: newFormErrors(), windowIDs: map[string]uint{}, coveredIDs: map[string]uint{}, leaveIDs: map[string]uint{}}
	win := sc.shell.win
	entry := func(text, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(placeholder)
		return e
	}
	f.name = entry(x.Name, "替岗人员姓名")
	f.idNumber = entry(x.IDNumber, "18位，末位可为X")
	f.mobile = entry(x.Mobile, "11位手机号")
	f.reason = entry(x.Reason, "如：被替岗人员参加培训、休假")
	f.reportedBy = entry(x.ReportedBy, "派驻单位的报备人，如：人事科 白雪")

	var units []string
	units, f.unitIDs = unitNames(sc.units)
	f.unit = newPicker(units, nil)
	f.unit.PlaceHolder = "请选择"
	f.unit.SetSelected(x.HomeUnit.Name)
	var labels []string
	for _, w := range sc.windows {
		if w.Active || w.ID == x.WindowID {
			labels = append(labels, w.Label())
			f.windowIDs[w.Label()] = w.ID
		}
	}
	f.covered = newPicker(nil, func(string) { f.loadLeaves() })
	f.covered.PlaceHolder = "请先选择窗口"
	f.leave = newSelect([]string{noLeave}, nil)
	f.leave.SetSelected(noLeave)
	f.window = newPicker(labels, func(label string) {
		for _, w := range sc.windows {
			if w.Label() == label {
				f.unit.SetSelected(w.HomeUnit.Name) // the unit that runs the window reports
			}
		}
		f.setCoveredOptions()
	})
	f.window.PlaceHolder = "请选择"
	f.unit.OnChanged = func(name string) {
		f.window.SetOptions(windowsOfUnit(sc.windows, labels, f.unitIDs[name]))
	}
	f.unit.OnChanged(f.unit.Selected)
	f.window.SetSelected(x.Window.Label())
	if x.CoveredID != 0 {
		f.covered.SetSelected(staffLabel(x.Covered))
	}
	if x.Leave != nil {
		f.leave.SetSelected(leaveLabel(*x.Leave))
	}
	f.from, f.to, f.reportedOn = newDateField(win), newDateField(win), newDateField(win)
	f.from.SetDate(x.From)
	f.to.SetDate(x.To)
	f.reportedOn.SetDate(x.ReportedOn)
	f.register = widget.NewCheck("同时登记到人员名册（岗位：临时替岗人员），以便记录其打卡和违规", nil)
	if x.SubstituteID != nil {
		f.register.SetChecked(true)
		f.register.Disable()
		f.register.Text = "已登记到人员名册（工号 " + x.Substitute.EmployeeNo + "），随报备更新"
	}

	f.form = widget.NewForm(
		f.errs.item("替岗人员", f.name, ""),
		f.errs.item("身份证号", f.idNumber, ""),
		f.errs.item("手机号", f.mobile, ""),
		f.errs.item("窗口", f.window, ""),
		f.errs.item("派驻单位", f.unit, "替岗人员的原单位，一般即该窗口的派驻单位"),
		f.errs.item("被替岗人员", f.covered, "该窗口的工作人员"),
		f.errs.item("所替请假", f.leave, "被替岗人员因请假由他人替岗时选择"),
		f.errs.item("开始日期", f.from, ""),
		f.errs.item("结束日期", f.to, "挂牌、座牌须在结束当日归还，次日起列为逾期"),
		f.errs.item("事由", f.reason, ""),
		f.errs.item("报备人", f.reportedBy, ""),
		f.errs.item("报备日期", f.reportedOn, "须提前报备：不能晚于开始日期"),
		widget.NewFormItem("", f.register),
	)
	return f
}

func leaveLabel(l models.LeaveRequest) string {
	return fmt.Sprintf("%s %s（%s）", l.Type, l.Span(), l.Status)
}

// setCoveredOptions offers the people on duty at the chosen window, except
// substitutes themselves.
func (f *substitutionForm) setCoveredOptions() {
	windowID := f.windowIDs[f.window.Selected]
	f.coveredIDs = map[string]uint{}
	var opts []string
	for _, p := range f.sc.staff {
		own := p.ID == f.x.CoveredID
		if p.WindowID != windowID || ((p.Status != models.StatusOnDuty || p.Post == models.PostSubstitute) && !own) {
			continue
		}
		opts = append(opts, staffLabel(p))
		f.coveredIDs[staffLabel(p)] = p.ID
	}
	f.covered.Options = opts
	f.covered.PlaceHolder = "请选择"
	if _, ok := f.coveredIDs[f.covered.Selected]; !ok && f.covered.Selected != "" {
		f.covered.ClearSelected()
	}
	f.covered.Refresh()
}

// loadLeaves offers the chosen person's leave requests (not rejected).
func (f *substitutionForm) loadLeaves() {
	id := f.coveredIDs[f.covered.Selected]
	f.leaveIDs = map[string]uint{}
	f.leave.Options = []string{noLeave}
	if id == 0 {
		f.leave.SetSelected(noLeave)
		return
	}
	var leaves []models.LeaveRequest
	f.sc.shell.async(func() (err error) {
		leaves, err = f.sc.data.Leaves(models.LeaveFilter{StaffID: id})
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取请假", err, f.sc.shell.win)
			return
		}
		keep := f.leave.Selected
		opts := []string{noLeave}
		for _, l := range leaves {
			if l.Status == models.LeaveRejected {
				continue
			}
			opts = append(opts, leaveLabel(l))
			f.leaveIDs[leaveLabel(l)] = l.ID
		}
		f.leave.Options = opts
		if _, ok := f.leaveIDs[keep]; !ok {
			keep = noLeave
		}
		f.leave.SetSelected(keep)
		f.leave.Refresh()
	})
}

func (f *substitutionForm) show() {
	title := "新增替岗报备"
	if f.x.ID != 0 {
		title = "修改替岗报备 " + f.x.Name
	}
	f.save = newFormDialog(f.sc.shell, title, "保存", f.form, f.errs, f.submit, f.sc.reload).save
}

// submit reads the form and saves the report; problems come back as field
// errors and nothing is saved.
func (f *substitutionForm) submit() error {
	x := f.x
	x.Name, x.IDNumber, x.Mobile = f.name.Text, f.idNumber.Text, f.mobile.Text
	x.Reason, x.ReportedBy = f.reason.Text, f.reportedBy.Text
	x.WindowID = f.windowIDs[f.window.Selected]
	x.HomeUnitID = f.unitIDs[f.unit.Selected]
	x.CoveredID = f.coveredIDs[f.covered.Selected]
	x.LeaveID = nil
	if id, ok := f.leaveIDs[f.leave.Selected]; ok {
		x.LeaveID = &id
	}
	var errs models.FieldErrors
	for _, d := range []struct {
		label string
		field *dateField
		to    *models.Date
	}{{"开始日期", f.from, &x.From}, {"结束日期", f.to, &x.To}, {"报备日期", f.reportedOn, &x.ReportedOn}} {
		v, err := d.field.DateValue()
		if err != nil {
			errs = append(errs, models.FieldError{Field: d.label, Reason: err.Error()})
		}
		*d.to = v
	}
	if len(errs) > 0 {
		return dedupe(append(errs, x.Validate()...))
	}
	return f.sc.data.SaveSubstitution(&x, f.register.Checked && x.SubstituteID == nil)
}
