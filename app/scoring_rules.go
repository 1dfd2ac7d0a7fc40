package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// scoringRulesSection is the part of the rule-set form with the numbers of
// the monthly 满意窗口 and quarterly 服务明星 scoring (DOMAIN.md §8): a new
// rule set from a chosen date can change every one; the model validates them.
type scoringRulesSection struct {
	base, commend, cap                     *widget.Entry
	late, early, missing, absentHalf, away *widget.Entry
	violation                              map[string]*widget.Entry
	complaint, dissatisfied, very, overdue *widget.Entry
	windowAwards, starAwards               *widget.Entry
	absentLimit, noticeNth                 *widget.Entry
	basicSatisfied                         *widget.Check
	windowComplaint                        *widget.Entry
	minShare, minVotes                     *widget.Entry
	needActivity, tieByCode                *widget.Check
	quorum, majority, publicity            *widget.Entry
	reset                                  *widget.Button
}

// Labels of the section's form items (parse errors show under them).
const (
	srBase     = "评分基础分与加分"
	srAtt      = "考勤扣分"
	srConduct  = "违规扣分"
	srService  = "投诉评价与超期"
	srAwards   = "评选名额"
	srVetoes   = "一票否决"
	srSatisfac = "满意率"
	srRecord   = "评选条件"
	srTies     = "同分排序"
	srMeeting  = "评选会与公示"
	srReset    = "评分规则默认值"
)

func newScoringRulesSection(r models.ScoringRules) *scoringRulesSection {
	num := func(v float64) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(fmtScore(v))
		return e
	}
	f := &scoringRulesSection{
		base: num(r.Base), commend: num(r.CommendationPoints), cap: num(r.BonusCap),
		late: num(r.LatePoints), early: num(r.EarlyPoints), missing: num(r.MissingPoints),
		absentHalf: num(r.AbsentHalfPoints), away: num(r.AwayPoints),
		violation: map[string]*widget.Entry{},
		complaint: num(r.ComplaintPoints), dissatisfied: num(r.DissatisfiedPoints),
		very: num(r.VeryDissatisfiedPoints), overdue: num(r.OverdueDayPoints),
		windowAwards: num(float64(r.WindowAwards)), starAwards: num(float64(r.StarAwards)),
		absentLimit: num(r.StarAbsentDaysLimit), noticeNth: num(float64(r.WindowOneTimeNoticeNth)),
	}
	for _, cat := range models.ViolationCategories {
		f.violation[cat] = num(r.ViolationPoints[cat])
	}
	f.basicSatisfied = widget.NewCheck("“基本满意”计为满意", nil)
	f.windowComplaint = num(r.WindowComplaintPoints)
	f.minShare, f.minVotes = num(r.AwardMinWorkedShare), num(float64(r.StarMinVotes))
	f.needActivity = widget.NewCheck("须至少有1件办结件或1条好差评", nil)
	f.quorum, f.majority, f.publicity = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.tieByCode = widget.NewCheck("满意窗口得分、满意率、超期天数都相同时按窗口编号排序（不勾选则并列）", nil)
	f.reset = widget.NewButtonWithIcon("恢复评分规则默认值", theme.ViewRefreshIcon(), func() { f.set(models.DefaultScoringRules()) })
	f.set(r)
	return f
}

// set shows rules in the section's widgets.
func (f *scoringRulesSection) set(r models.ScoringRules) {
	put := func(e *widget.Entry, v float64) { e.SetText(fmtScore(v)) }
	put(f.base, r.Base)
	put(f.commend, r.CommendationPoints)
	put(f.cap, r.BonusCap)
	put(f.late, r.LatePoints)
	put(f.early, r.EarlyPoints)
	put(f.missing, r.MissingPoints)
	put(f.absentHalf, r.AbsentHalfPoints)
	put(f.away, r.AwayPoints)
	for _, cat := range models.ViolationCategories {
		put(f.violation[cat], r.ViolationPoints[cat])
	}
	put(f.complaint, r.ComplaintPoints)
	put(f.dissatisfied, r.DissatisfiedPoints)
	put(f.very, r.VeryDissatisfiedPoints)
	put(f.overdue, r.OverdueDayPoints)
	put(f.windowAwards, float64(r.WindowAwards))
	put(f.starAwards, float64(r.StarAwards))
	put(f.absentLimit, r.StarAbsentDaysLimit)
	put(f.noticeNth, float64(r.WindowOneTimeNoticeNth))
	put(f.windowComplaint, r.WindowComplaintPoints)
	put(f.minShare, r.AwardMinWorkedShare)
	put(f.minVotes, float64(r.StarMinVotes))
	f.basicSatisfied.SetChecked(r.BasicSatisfiedCounts)
	f.needActivity.SetChecked(r.AwardNeedsActivity)
	f.tieByCode.SetChecked(r.WindowTieByCode)
	f.quorum.SetText(fmt.Sprintf("%d/%d", r.QuorumNum, r.QuorumDen))
	f.majority.SetText(fmt.Sprintf("%d/%d", r.MajorityNum, r.MajorityDen))
	f.publicity.SetText(strconv.Itoa(r.PublicityDays))
}

// fraction reads "2/3" (or "2／3").
func fraction(s string) (num, den int, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "／", "/")
	parts := strings.Split(s, "/")
	if len(parts) != 2 {
		return 0, 0, false
	}
	num, err1 := strconv.Atoi(strings.TrimSpace(parts[0]))
	den, err2 := strconv.Atoi(strings.TrimSpace(parts[1]))
	return num, den, err1 == nil && err2 == nil
}

// pairs lays out label–entry pairs in a grid of the given columns.
func pairs(cols int, kv ...any) fyne.CanvasObject {
	g := container.NewGridWithColumns(cols * 2)
	for i := 0; i+1 < len(kv); i += 2 {
		l := widget.NewLabel(kv[i].(string))
		l.Alignment = fyne.TextAlignTrailing
		g.Add(l)
		g.Add(kv[i+1].(fyne.CanvasObject))
	}
	return g
}

// items gives the section's form items.
func (f *scoringRulesSection) items(errs *formErrors) []*widget.FormItem {
	var viol []any
	for _, cat := range models.ViolationCategories {
		viol = append(viol, cat, f.violation[cat])
	}
	return []*widget.FormItem{
		errs.item(srBase, pairs(3, "基础分", f.base, "每次表扬", f.commend, "加分上限", f.cap),
			"满意窗口与服务明星评分：得分 = 基础分 − 扣分 + 加分（每月不超过上限），不设下限"),
		errs.item(srAtt, pairs(3, "迟到每次", f.late, "早退每次", f.early, "缺卡每次", f.missing,
			"旷工每半天", f.absentHalf, "擅离每次", f.away), "扣分数，填正数；迟到早退、擅离折算的旷工按旷工扣分"),
		errs.item(srConduct, pairs(3, viol...), "每次违规的扣分；由投诉转成的违规不重复扣分"),
		errs.item(srService, pairs(2, "投诉属实每件", f.complaint, "承诺件超期每工作日", f.overdue,
			"不满意每条", f.dissatisfied, "非常不满意每条", f.very, "窗口投诉属实每件", f.windowComplaint),
			"扣分数；“窗口投诉”指未指明人员、只针对窗口的投诉，从窗口得分中扣除（手册未规定，默认与投诉属实相同）"),
		errs.item(srSatisfac, f.basicSatisfied, "不勾选则只有“满意”“非常满意”计为满意"),
		errs.item(srAwards, pairs(2, "满意窗口（每月）", f.windowAwards, "服务明星（每季度）", f.starAwards), "名"),
		errs.item(srVetoes, pairs(2, "季度旷工满（天）", f.absentLimit, "一次性告知第几次", f.noticeNth),
			"旷工达此天数取消服务明星资格；一次性告知制度四：“出现第二次的……取消当事人所在窗口当月‘满意窗口’的评选资格”——"+
				"此人本年度第几次一次性告知违规起取消事发窗口当月满意窗口资格（临时替岗人员同样适用）"),
		errs.item(srRecord, container.NewVBox(pairs(2, "实际出勤不少于（比例）", f.minShare, "授予最少票数", f.minVotes), f.needActivity),
			"评选须有工作记录：实际出勤天数不少于期间已过工作日的此比例（0.5 即一半），窗口须有达到条件的在岗人员；期间结束并封帐前不能提名"),
		errs.item(srMeeting, pairs(3, "到会须超过应到的", f.quorum, "当选须超过实到的", f.majority, "公示（工作日）", f.publicity),
			"手册未规定，默认按政务服务中心评选办法的通常做法：实到超过应到的2/3方可表决；同意票超过实到人数的1/2方可当选；决定前公示5个工作日"),
		errs.item(srTies, f.tieByCode, "满意窗口同分时依次比较满意率、超期天数；服务明星同分时依次比较满意率、办结件数，仍相同的并列。同分情况在排名中写明"),
		errs.item(srReset, f.reset, "把本节各项恢复为默认值（保存后生效）"),
	}
}

// read puts the section's numbers into rs; what cannot be read comes back
// under the item's label, the rest the model validates.
func (f *scoringRulesSection) read(rs *models.RuleSet) models.FieldErrors {
	var fe models.FieldErrors
	r := rs.Scoring()
	num := func(label, what string, e *widget.Entry, into *float64) {
		v, err := strconv.ParseFloat(strings.TrimSpace(e.Text), 64)
		if err != nil {
			fe = append(fe, models.FieldError{Field: label, Reason: fmt.Sprintf("%s“%s”不是数字", what, e.Text)})
			return
		}
		*into = v
	}
	whole := func(label, what string, e *widget.Entry, into *int) {
		n, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			fe = append(fe, models.FieldError{Field: label, Reason: fmt.Sprintf("%s“%s”不是整数", what, e.Text)})
			return
		}
		*into = n
	}
	num(srBase, "基础分", f.base, &r.Base)
	num(srBase, "每次表扬", f.commend, &r.CommendationPoints)
	num(srBase, "加分上限", f.cap, &r.BonusCap)
	num(srAtt, "迟到", f.late, &r.LatePoints)
	num(srAtt, "早退", f.early, &r.EarlyPoints)
	num(srAtt, "缺卡", f.missing, &r.MissingPoints)
	num(srAtt, "旷工", f.absentHalf, &r.AbsentHalfPoints)
	num(srAtt, "擅离", f.away, &r.AwayPoints)
	points := make(map[string]float64, len(f.violation))
	for k, v := range r.ViolationPoints {
		points[k] = v
	}
	for _, cat := range models.ViolationCategories {
		var v float64
		num(srConduct, cat, f.violation[cat], &v)
		if v < 0 {
			fe = append(fe, models.FieldError{Field: srConduct, Reason: cat + "扣分不能为负数"})
		}
		points[cat] = v
	}
	r.ViolationPoints = points
	num(srService, "投诉属实", f.complaint, &r.ComplaintPoints)
	num(srService, "承诺件超期", f.overdue, &r.OverdueDayPoints)
	num(srService, "不满意", f.dissatisfied, &r.DissatisfiedPoints)
	num(srService, "非常不满意", f.very, &r.VeryDissatisfiedPoints)
	r.BasicSatisfiedCounts = f.basicSatisfied.Checked
	whole(srAwards, "满意窗口名额", f.windowAwards, &r.WindowAwards)
	whole(srAwards, "服务明星名额", f.starAwards, &r.StarAwards)
	num(srVetoes, "旷工天数", f.absentLimit, &r.StarAbsentDaysLimit)
	whole(srVetoes, "一次性告知次数", f.noticeNth, &r.WindowOneTimeNoticeNth)
	if r.StarAbsentDaysLimit <= 0 {
		fe = append(fe, models.FieldError{Field: srVetoes, Reason: "旷工天数应大于0"})
	}
	if r.WindowOneTimeNoticeNth < 1 {
		fe = append(fe, models.FieldError{Field: srVetoes, Reason: "一次性告知次数至少为1"})
	}
	num(srService, "窗口投诉属实", f.windowComplaint, &r.WindowComplaintPoints)
	num(srRecord, "实际出勤比例", f.minShare, &r.AwardMinWorkedShare)
	whole(srRecord, "最少票数", f.minVotes, &r.StarMinVotes)
	r.AwardNeedsActivity, r.WindowTieByCode = f.needActivity.Checked, f.tieByCode.Checked
	if n, d, ok := fraction(f.quorum.Text); ok {
		r.QuorumNum, r.QuorumDen = n, d
	} else {
		fe = append(fe, models.FieldError{Field: srMeeting, Reason: fmt.Sprintf("到会比例“%s”应写成分数，如2/3", f.quorum.Text)})
	}
	if n, d, ok := fraction(f.majority.Text); ok {
		r.MajorityNum, r.MajorityDen = n, d
	} else {
		fe = append(fe, models.FieldError{Field: srMeeting, Reason: fmt.Sprintf("当选比例“%s”应写成分数，如1/2", f.majority.Text)})
	}
	whole(srMeeting, "公示工作日", f.publicity, &r.PublicityDays)
	rs.ScoringRules = &r
	return fe
}

// scoringRulesText sums up a rule set's scoring for the rule list.
func scoringRulesText(rs models.RuleSet) string {
	r := rs.Scoring()
	return fmt.Sprintf("基础%s，迟到−%s，旷工半天−%s，投诉−%s，加分≤%s，满意窗口%d名，服务明星%d名",
		fmtScore(r.Base), fmtScore(r.LatePoints), fmtScore(r.AbsentHalfPoints), fmtScore(r.ComplaintPoints), fmtScore(r.BonusCap), r.WindowAwards, r.StarAwards)
}
