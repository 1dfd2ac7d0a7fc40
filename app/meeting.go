package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// meetingForm records the selection meeting's decision (评选结果): for each
// eligible candidate whether the meeting awards 服务明星 and the votes, the
// meeting's date and remarks. The store checks the candidates are eligible
// and that no more are awarded than the rule set allows.
type meetingForm struct {
	qv      *quarterView
	quarter string
	date    *dateField
	remarks *widget.Entry
	rows    []meetingRow
	save    *widget.Button
	errs    *formErrors
}

// meetingRow is one eligible candidate of the form.
type meetingRow struct {
	c     models.StarCandidate
	award *widget.Check
	votes *widget.Entry
}

func (qv *quarterView) onRecord() {
	qv.form = newMeetingForm(qv)
}

func newMeetingForm(qv *quarterView) *meetingForm {
	f := &meetingForm{qv: qv, quarter: qv.key(), errs: newFormErrors()}
	f.date = newDateField(qv.sc.shell.win)
	f.remarks = widget.NewMultiLineEntry()
	f.remarks.SetMinRowsVisible(2)
	f.remarks.SetPlaceHolder("如：应到9人，实到9人，无记名投票")
	if len(qv.decisions) > 0 {
		f.date.SetDate(qv.decisions[0].DecidedOn)
		f.remarks.SetText(qv.decisions[0].Remarks)
	} else {
		f.date.SetDate(qv.sc.data.Today())
	}

	grid := container.NewVBox(container.NewGridWithColumns(6, boldLabel("名次"), boldLabel("姓名"), boldLabel("窗口"),
		boldLabel("平均分"), boldLabel("授予服务明星"), boldLabel("票数")))
	for _, c := range qv.qs.Candidates {
		if !c.Eligible() {
			continue
		}
		r := meetingRow{c: c, award: widget.NewCheck("授予", nil), votes: widget.NewEntry()}
		r.votes.SetPlaceHolder("0")
		if d, ok := qv.decisionOf(c.StaffID); ok {
			r.award.SetChecked(d.Awarded)
			r.votes.SetText(fmt.Sprint(d.Votes))
		} else if len(qv.decisions) == 0 {
			r.award.SetChecked(c.Award) // the ranking's proposal
		}
		f.rows = append(f.rows, r)
		grid.Add(container.NewGridWithColumns(6, widget.NewLabel(fmt.Sprint(c.Rank)), widget.NewLabel(c.Name),
			widget.NewLabel(c.WindowCode), widget.NewLabel(fmtScore(c.Mean)), r.award, r.votes))
	}
	if len(f.rows) == 0 {
		grid.Add(wrapLabel("本季度没有具备评选资格的候选人；记录的决定为不授予。"))
	}
	stars := qv.qs.RuleSet.Scoring().StarAwards
	form := widget.NewForm(
		widget.NewFormItem("季度", widget.NewLabel(reports.QuarterTitle(f.quarter))),
		f.errs.item("评选日期", f.date, "评选会召开的日期"),
		f.errs.item("候选人", grid, fmt.Sprintf("只列具备资格的人员；本季度名额%d人；不具备资格的不能授予；授予须至少%d票",
			stars, qv.qs.RuleSet.Scoring().StarMinVotes)),
		f.errs.item("说明", f.remarks, "会议情况、表决方式等，记入评选结果"),
	)
	f.save = newFormDialog(qv.sc.shell, "记录评选结果："+reports.QuarterTitle(f.quarter), "保存", form, f.errs, f.submit, qv.reload).save
	return f
}

// read builds the decisions from the form.
func (f *meetingForm) read() (models.Date, []models.AwardDecision, models.FieldErrors) {
	var fe models.FieldErrors
	day, err := f.date.DateValue()
	if err != nil {
		fe = append(fe, models.FieldError{Field: "评选日期", Reason: err.Error()})
	}
	remarks := strings.TrimSpace(f.remarks.Text)
	if len([]rune(remarks)) > 500 {
		fe = append(fe, models.FieldError{Field: "说明", Reason: "说明不能超过500个字"})
	}
	ds := make([]models.AwardDecision, 0, len(f.rows))
	for _, r := range f.rows {
		n, bad := parseCount("候选人", r.votes.Text)
		if bad != nil {
			bad.Reason = r.c.Name + "的票数：" + bad.Reason
			fe = append(fe, *bad)
			continue
		}
		if n < 0 {
			fe = append(fe, models.FieldError{Field: "候选人", Reason: r.c.Name + "的票数不能为负数"})
			continue
		}
		ds = append(ds, models.AwardDecision{StaffID: r.c.StaffID, Awarded: r.award.Checked, Votes: n, Remarks: remarks})
	}
	return day, ds, fe
}

func (f *meetingForm) submit() error {
	day, ds, fe := f.read()
	if len(fe) > 0 {
		return fe
	}
	return f.qv.sc.data.RecordAwardDecisions(f.quarter, day, ds)
}
