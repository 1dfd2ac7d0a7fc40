package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// caseRulesSection is the part of the rule-set form with the 一审一核 line
// (窗口办件管理实施细则 三), the handbook's words beside it.
type caseRulesSection struct {
	line *widget.Entry
}

func newCaseRulesSection(r models.CaseRules) *caseRulesSection {
	f := &caseRulesSection{line: widget.NewEntry()}
	f.line.SetText(models.FormatPercent(r.OneReviewMinPercent))
	return f
}

func (f *caseRulesSection) items(errs *formErrors) []*widget.FormItem {
	return []*widget.FormItem{
		errs.item("一审一核达标线", f.line, "百分比；窗口当月一审一核率低于此数即未达标。手册原文："+models.HandbookAuthorisation),
	}
}

// read puts the section's value into the rule set.
func (f *caseRulesSection) read(rs *models.RuleSet) models.FieldErrors {
	text := strings.TrimSuffix(strings.TrimSpace(f.line.Text), "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil {
		return models.FieldErrors{{Field: "一审一核达标线", Reason: fmt.Sprintf("“%s”不是百分比，请填数字，如 80", f.line.Text)}}
	}
	rs.CaseRules = &models.CaseRules{OneReviewMinPercent: v}
	return nil
}
