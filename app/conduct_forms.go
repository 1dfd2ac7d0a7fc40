package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// violationForm records a violation: the ladder suggestion updates as the
// person, date and category change; the officer confirms it or overrides it
// with a reason.
type violationForm struct {
	sc         *conductScreen
	rec        models.Violation
	person     *picker
	date       *dateField
	category   *widget.Select
	what       *widget.Entry
	evidence   *widget.Entry
	recorder   *widget.Entry
	suggestion *widget.Label
	override   *widget.Check
	step       *widget.Select
	reason     *widget.Entry
	aggravated *widget.Check // the ladder's worse case (服务承诺 二.2)
	ids        map[string]uint
	dlg        *formDialog
}

func (sc *conductScreen) onViolation(id uint) {
	var staff []models.Staff
	sc.shell.async(func() (err error) {
		staff, err = sc.data.StaffList()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取人员", err, sc.shell.win)
			return
		}
		rec := models.Violation{On: sc.data.Today(), Category: models.CategoryService}
		if v, ok := sc.vByID[id]; ok && id != 0 {
			rec = v
		}
		sc.vForm = newViolationForm(sc, staff, rec)
	})
}

func newViolationForm(sc *conductScreen, staff []models.Staff, rec models.Violation) *violationForm {
	s := sc.shell
	f := &violationForm{sc: sc, rec: rec}
	labels, ids, back := staffChoices(staff)
	f.ids = ids
	f.person = newPicker(labels, func(string) { f.suggest() })
	f.date = newDateField(s.win)
	f.date.SetDate(rec.On)
	f.date.OnChanged = func(string) { f.suggest() }
	f.category = newSelect(models.ViolationCategories, func(string) { f.suggest() })
	f.what = multiEntry("如：办理变更登记时未一次性告知需补充股东会决议，群众二次往返")
	f.what.SetText(rec.Circumstances)
	f.evidence = widget.NewEntry()
	f.evidence.SetPlaceHolder("如：巡查照片、监控录像、投诉记录")
	f.evidence.SetText(rec.Evidence)
	f.recorder = widget.NewEntry()
	f.recorder.SetText(rec.RecordedBy)
	f.recorder.SetPlaceHolder("默认为操作员 " + sc.data.Operator())
	f.suggestion = wrapLabel("请选择人员、日期和类别")
	f.suggestion.Importance = widget.WarningImportance
	f.step = newSelect([]string{"第1次", "第2次", "第3次"}, nil)
	f.reason = widget.NewEntry()
	f.reason.SetPlaceHolder("不采用建议的处理时必填")
	f.override = widget.NewCheck("不采用建议，按以下档次处理", func(on bool) {
		if on {
			f.step.Enable()
			f.reason.Enable()
		} else {
			f.step.Disable()
			f.reason.Disable()
		}
	})
	f.aggravated = widget.NewCheck("督查后仍未能按要求完成（加重情形）", nil)
	f.aggravated.SetChecked(rec.Aggravated)
	f.aggravated.Disable()
	if rec.Override {
		f.step.SetSelected(fmt.Sprintf("第%d次", min(rec.Step, 3)))
		f.reason.SetText(rec.OverrideReason)
	}
	f.override.SetChecked(rec.Override)
	f.override.OnChanged(rec.Override)
	errs := newFormErrors()
	form := widget.NewForm(
		errs.item("工号", f.person, ""),
		errs.item("日期", f.date, ""),
		errs.item("类别", f.category, ""),
		errs.item("情形", f.what, ""),
		errs.item("证据", f.evidence, ""),
		errs.item("记录人", f.recorder, ""),
		errs.item("建议处理", f.suggestion, "按此人计数周期内同类违规的次数"),
		errs.item("加重情形", f.aggravated, "该类别的处理阶梯设有加重情形时可勾选，处理与后果另加（如服务承诺制度二.2：书面检查、扣发当月考核奖）"),
		errs.item("调整", f.override, ""),
		errs.item("处理档次", f.step, ""),
		errs.item("调整理由", f.reason, ""),
	)
	if l, ok := back[rec.StaffID]; ok {
		f.person.SetSelected(l)
	}
	f.category.SetSelected(rec.Category)
	title := "登记违规"
	if rec.ID != 0 {
		title = "修改违规记录"
	}
	if rec.ComplaintID != nil {
		f.person.Disable()
		f.category.Disable()
	}
	f.dlg = newFormDialog(s, title, "保存", form, errs, f.save, sc.reload)
	return f
}

// suggest shows what the history suggests for the current choice.
func (f *violationForm) suggest() {
	id := f.ids[f.person.Selected]
	on, err := f.date.DateValue()
	if id == 0 || err != nil || on.IsZero() || f.category.Selected == "" {
		return
	}
	g, err := f.sc.data.SuggestStep(id, f.category.Selected, on, f.rec.ID)
	if err != nil {
		f.suggestion.SetText(err.Error())
		return
	}
	f.suggestion.SetText(g.Text())
	steps := make([]string, max(len(g.Ladder.Steps), 1))
	for i := range steps {
		steps[i] = fmt.Sprintf("第%d次", i+1)
	}
	f.step.Options = steps
	f.step.Refresh()
	if !f.override.Checked {
		f.step.SetSelected(steps[min(g.Step, len(steps))-1])
	}
	if ag := g.Ladder.Aggravation; ag != nil {
		f.aggravated.Text = ag.Label + "（加重情形：" + ag.Action + "）"
		f.aggravated.Enable()
	} else {
		f.aggravated.Text = "（该类别没有加重情形）"
		f.aggravated.SetChecked(false)
		f.aggravated.Disable()
	}
	f.aggravated.Refresh()
}

func (f *violationForm) save() error {
	var fe models.FieldErrors
	v := f.rec
	v.StaffID = f.ids[f.person.Selected]
	on, err := f.date.DateValue()
	if err != nil {
		fe = append(fe, models.FieldError{Field: "日期", Reason: err.Error()})
	}
	v.On, v.Category = on, f.category.Selected
	v.Circumstances, v.Evidence, v.RecordedBy = f.what.Text, f.evidence.Text, f.recorder.Text
	v.Aggravated = f.aggravated.Checked && !f.aggravated.Disabled()
	v.Override, v.OverrideReason = f.override.Checked, ""
	v.Step, v.StepAction = 0, ""
	if v.Override {
		v.Step, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(f.step.Selected, "第"), "次"))
		v.OverrideReason = f.reason.Text
	}
	if len(fe) > 0 {
		if more := v.Validate(); len(more) > 0 {
			fe = append(fe, more...)
		}
		return fe
	}
	if err := f.sc.data.SaveViolation(&v); err != nil {
		return err
	}
	f.rec = v
	return nil
}

// complaint registration form
func (sc *conductScreen) onComplaint(id uint) {
	var staff []models.Staff
	var ws []models.ServiceWindow
	sc.shell.async(func() (err error) {
		if staff, err = sc.data.StaffList(); err != nil {
			return err
		}
		ws, err = sc.data.ServiceWindows()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取人员和窗口", err, sc.shell.win)
			return
		}
		rec := models.Complaint{On: sc.data.Today()}
		if c, ok := sc.cByID[id]; ok && id != 0 {
			rec = c
		}
		newComplaintForm(sc, staff, ws, rec)
	})
}

const unknownPerson = "（未指明具体人员）"

func newComplaintForm(sc *conductScreen, staff []models.Staff, ws []models.ServiceWindow, rec models.Complaint) {
	s := sc.shell
	wl, wids, wback := windowChoices(ws)
	pl, pids, pback := staffChoices(staff)
	window := newPicker(wl, nil)
	person := newPicker(append([]string{unknownPerson}, pl...), nil)
	window.SetSelected(wback[rec.WindowID])
	person.SetSelected(unknownPerson)
	if rec.StaffID != nil {
		person.SetSelected(pback[*rec.StaffID])
	}
	date := newDateField(s.win)
	date.SetDate(rec.On)
	complainant, contact := widget.NewEntry(), widget.NewEntry()
	complainant.SetText(rec.Complainant)
	contact.SetText(rec.Contact)
	channel := widget.NewSelectEntry(models.ComplaintChannels)
	channel.SetText(rec.Channel)
	problem := newSelect(models.ComplaintProblems, nil)
	problem.SetSelected(rec.Problem)
	content := multiEntry("投诉的事情经过")
	content.SetText(rec.Content)
	notes := multiEntry("核查过程：调取录像、约谈当事人……")
	notes.SetText(rec.Notes)
	errs := newFormErrors()
	form := widget.NewForm(
		errs.item("日期", date, ""),
		errs.item("窗口编号", window, ""),
		errs.item("工号", person, "被投诉人，知道时选择"),
		errs.item("投诉人", complainant, ""),
		errs.item("联系方式", contact, ""),
		errs.item("渠道", channel, ""),
		errs.item("问题类别", problem, ""),
		errs.item("内容", content, ""),
		errs.item("核查情况", notes, "办理时限按规则自动计算（默认10个工作日）"),
	)
	title := "登记投诉"
	if rec.ID != 0 {
		title = "修改投诉"
	}
	newFormDialog(s, title, "保存", form, errs, func() error {
		c := rec
		on, err := date.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "日期", Reason: err.Error()}}
		}
		c.On, c.WindowID = on, wids[window.Selected]
		c.StaffID = nil
		if id, ok := pids[person.Selected]; ok {
			c.StaffID = &id
		}
		if c.ID == 0 || c.On != rec.On {
			c.DueOn = models.Date{}
		}
		c.Complainant, c.Contact, c.Channel = complainant.Text, contact.Text, channel.Text
		c.Problem, c.Content, c.Notes = problem.Selected, content.Text, notes.Text
		c.Window, c.Staff = models.ServiceWindow{}, nil
		return sc.data.SaveComplaint(&c)
	}, sc.reload)
}

// concludeForm records the investigation's conclusion of a complaint.
type concludeForm struct {
	result  *widget.RadioGroup
	notes   *widget.Entry
	finding *widget.Entry
	date    *dateField
	dlg     *formDialog
}

func (sc *conductScreen) onConclude(id uint) {
	c, ok := sc.cByID[id]
	if !ok {
		return
	}
	var rules models.ConductRules
	sc.shell.async(func() (err error) {
		rules, err = sc.data.ConductRulesFor(c.On)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取违规投诉规则", err, sc.shell.win)
			return
		}
		sc.showConclude(c, rules)
	})
}

// showConclude opens the conclusion form of a complaint; rules are those in
// force on its date, which say what an upheld one becomes.
func (sc *conductScreen) showConclude(c models.Complaint, rules models.ConductRules) {
	s := sc.shell
	f := &concludeForm{}
	f.result = widget.NewRadioGroup([]string{models.ComplaintUpheld, models.ComplaintRejected}, nil)
	f.result.Horizontal = true
	if c.Status != models.ComplaintOpen {
		f.result.SetSelected(c.Status)
	}
	f.notes = multiEntry("核查过程")
	f.notes.SetText(c.Notes)
	f.finding = multiEntry("如：经调取录音录像核实，该同志答复群众时使用服务忌语，投诉属实")
	f.finding.SetText(c.Finding)
	f.date = newDateField(s.win)
	f.date.SetDate(sc.data.Today())
	who := "（未指明具体人员，属实时不产生个人违规记录，按规则扣减窗口得分）"
	if c.Staff != nil {
		who = c.StaffLabel() + "：属实时按“" + rules.LadderFor(c.Problem) + "”记入违规记录（按投诉计分，不重复扣分）"
	}
	if extra := rules.ComplaintRule(c.Problem).Extra; len(extra) > 0 {
		who += "；属实另" + strings.Join(extra, "、")
	}
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("投诉", wrapLabel(fmt.Sprintf("%s %s窗口：%s", c.On, c.Window.Code, c.Content))),
		widget.NewFormItem("被投诉人", wrapLabel(who)),
		errs.item("核查结果", f.result, ""),
		errs.item("核查情况", f.notes, ""),
		errs.item("核查结论", f.finding, ""),
		errs.item("办结日期", f.date, ""),
	)
	sc.cForm = f
	f.dlg = newFormDialog(s, "投诉核查结论", "保存结论", form, errs, func() error {
		on, err := f.date.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "办结日期", Reason: err.Error()}}
		}
		return sc.data.ConcludeComplaint(c.ID, f.result.Selected, f.notes.Text, f.finding.Text, on)
	}, func() {
		sc.reload()
		if f.result.Selected == models.ComplaintUpheld && c.StaffID != nil {
			sc.tabs.SelectIndex(0)
		}
	})
}
