package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// conductRulesSection is the part of the rule-set form with the discipline
// settings: the period in which violations are counted for the escalation
// ladders, the working days allowed for a complaint and for a 差评's
// rectification, which clause an upheld complaint follows where the
// handbook contradicts itself, and the ladders themselves (edited in their
// own dialog, ladder_editor.go).
type conductRulesSection struct {
	shell              *shell
	period             *widget.Select
	complaint, rectify *widget.Entry
	notice             *widget.Entry
	upheld             *widget.RadioGroup
	ladders            models.ConductRules
	summary            *widget.Label
	upheldText         *widget.Label // both handbook texts beside the choice
	editLadders        *widget.Button
	resetLadders       *widget.Button

	editor *ladderEditor // the editor last opened, for tests
}

func newConductRulesSection(s *shell, r models.ConductRules) *conductRulesSection {
	r = r.Resolved()
	f := &conductRulesSection{shell: s, ladders: r}
	f.period = newSelect(models.ConductPeriods, nil)
	f.period.SetSelected(r.Period)
	days := func(n int) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(strconv.Itoa(n))
		return e
	}
	f.complaint = days(r.ComplaintDays)
	f.rectify = days(r.RectifyDays)
	f.notice = days(r.NoticeDays)
	f.upheld = widget.NewRadioGroup(models.UpheldChoices, nil)
	f.upheld.Required = true
	f.upheld.SetSelected(r.UpheldComplaint)
	f.summary = wrapLabel("")
	f.summary.Importance = widget.LowImportance
	f.showSummary()
	f.editLadders = widget.NewButtonWithIcon("编辑处理阶梯…", theme.DocumentCreateIcon(), func() {
		f.editor = showLadderEditor(s, f.ladders, func(next models.ConductRules) {
			f.ladders.Ladders, f.ladders.Complaints = next.Ladders, next.Complaints
			f.showSummary()
		})
	})
	f.resetLadders = widget.NewButtonWithIcon("处理阶梯恢复手册默认", theme.ViewRefreshIcon(), func() {
		d := models.DefaultConductRules()
		f.ladders.Ladders, f.ladders.Complaints = d.Ladders, d.Complaints
		f.upheld.SetSelected(d.UpheldComplaint)
		f.showSummary()
	})
	return f
}

// showSummary lists the ladders as they stand in the form.
func (f *conductRulesSection) showSummary() {
	lines := make([]string, 0, len(f.ladders.Ladders)+1)
	for _, l := range f.ladders.Ladders {
		lines = append(lines, l.Describe())
	}
	var mapping []string
	for _, c := range f.ladders.Complaints {
		mapping = append(mapping, c.Problem+"→"+c.Ladder)
	}
	lines = append(lines, "投诉对应："+strings.Join(mapping, "，"))
	f.summary.SetText(strings.Join(lines, "\n"))
}

func (f *conductRulesSection) items(errs *formErrors) []*widget.FormItem {
	texts := make([]string, len(models.UpheldChoices))
	for i, c := range models.UpheldChoices {
		texts[i] = "【" + c + "】" + models.UpheldHandbook[c]
	}
	f.upheldText = wrapLabel(strings.Join(texts, "\n"))
	f.upheldText.Importance = widget.LowImportance
	return []*widget.FormItem{
		errs.item("计数周期", f.period, "违规按此周期计第几次（升级处理）；各类别可在处理阶梯中另设"),
		errs.item("办理时限", container.NewGridWithColumns(4, widget.NewLabel("投诉办理"), f.complaint, widget.NewLabel("差评整改"), f.rectify),
			"工作日；超过时限的投诉和整改事项列在总览上"),
		errs.item("一次性告知时限", f.notice, "收件后几个工作日内出具一次性告知书，逾期出具须写明理由。"+models.NoticeDaysLaw),
		errs.item("投诉属实适用", container.NewVBox(f.upheld, f.upheldText),
			"手册两处规定不一致：投诉核查属实（服务用语不当、服务态度）按所选条款的阶梯处理；默认服务承诺制度二.3"),
		errs.item("处理阶梯", container.NewVBox(f.summary, container.NewHBox(f.editLadders, f.resetLadders)),
			"每类违规第几次的处理措施和后果、计数周期、加重情形，及投诉问题对应的阶梯"),
	}
}

// read puts the section's values into the rule set.
func (f *conductRulesSection) read(rs *models.RuleSet) models.FieldErrors {
	var fe models.FieldErrors
	c := f.ladders
	c.Period = f.period.Selected
	c.UpheldComplaint = f.upheld.Selected
	for _, x := range []struct {
		e           *widget.Entry
		into        *int
		what, field string
	}{{f.complaint, &c.ComplaintDays, "投诉办理", "办理时限"}, {f.rectify, &c.RectifyDays, "差评整改", "办理时限"},
		{f.notice, &c.NoticeDays, "一次性告知", "一次性告知时限"}} {
		n, err := strconv.Atoi(strings.TrimSpace(x.e.Text))
		if err != nil || n <= 0 {
			fe = append(fe, models.FieldError{Field: x.field, Reason: fmt.Sprintf("%s时限“%s”应为正整数（工作日）", x.what, x.e.Text)})
			continue
		}
		*x.into = n
	}
	rs.Conduct = c
	return fe
}
