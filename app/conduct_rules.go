package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// conductRulesSection is the part of the rule-set form with the discipline
// settings: the period in which violations are counted for the escalation
// ladders, and the working days allowed for a complaint and for a 差评's
// rectification. The ladders' steps keep the handbook's wording.
type conductRulesSection struct {
	period                     *widget.Select
	complaint, rectify, notice *widget.Entry
	ladders                    models.ConductRules
}

func newConductRulesSection(r models.ConductRules) *conductRulesSection {
	if r.Period == "" {
		r.Period = models.DefaultConductRules().Period
	}
	f := &conductRulesSection{ladders: r}
	f.period = newSelect(models.ConductPeriods, nil)
	f.period.SetSelected(r.Period)
	days := func(n, def int) *widget.Entry {
		if n <= 0 {
			n = def
		}
		e := widget.NewEntry()
		e.SetText(strconv.Itoa(n))
		return e
	}
	d := models.DefaultConductRules()
	f.complaint = days(r.ComplaintDays, d.ComplaintDays)
	f.rectify = days(r.RectifyDays, d.RectifyDays)
	f.notice = days(r.NoticeDays, d.NoticeDays)
	return f
}

func (f *conductRulesSection) items(errs *formErrors) []*widget.FormItem {
	return []*widget.FormItem{
		errs.item("计数周期", f.period, "违规按此周期计第几次（升级处理）"),
		errs.item("办理时限", container.NewGridWithColumns(4, widget.NewLabel("投诉办理"), f.complaint, widget.NewLabel("差评整改"), f.rectify),
			"工作日；超过时限的投诉和整改事项列在总览上"),
		errs.item("一次性告知时限", f.notice, "收件后几个工作日内出具一次性告知书，逾期出具须写明理由。"+models.NoticeDaysLaw),
	}
}

// read puts the section's values into the rule set.
func (f *conductRulesSection) read(rs *models.RuleSet) models.FieldErrors {
	var fe models.FieldErrors
	c := f.ladders
	c.Period = f.period.Selected
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
