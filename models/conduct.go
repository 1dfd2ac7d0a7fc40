package models

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// migrateConduct creates the tables of violations, complaints, ratings and
// commendations, and the rule sets' conduct section.
func migrateConduct(tx *gorm.DB) error {
	return tx.AutoMigrate(&RuleSet{}, &Violation{}, &Complaint{}, &Rating{}, &Commendation{})
}

// Counting periods of the escalation ladders (ConductRules.Period).
const (
	PeriodCalendarYear = "自然年"
	PeriodRolling12    = "滚动12个月"
)

// ConductPeriods lists the counting periods in the order forms offer them.
var ConductPeriods = []string{PeriodCalendarYear, PeriodRolling12}

// LadderStep is the measure of one rung of a category's escalation ladder
// and the consequences it records.
type LadderStep struct {
	Action            string `json:"action"` // the handbook's measure, e.g. 中心网络通报批评
	Notice            string `json:"notice"` // one of NoticeLevels
	LosesQuarterStar  bool   `json:"loses_quarter_star,omitempty"`
	LosesWindowMonth  bool   `json:"loses_window_month,omitempty"`
	StopsMonthlyBonus bool   `json:"stops_monthly_bonus,omitempty"`
	ReportsToHomeUnit bool   `json:"reports_to_home_unit,omitempty"`
}

// ConductLadder is the escalation ladder of one violation category: the
// n-th violation in the counting period takes Steps[n-1]; the last step
// applies to every later one ("3rd and later").
type ConductLadder struct {
	Category string       `json:"category"`
	Steps    []LadderStep `json:"steps"`
}

// ConductRules are the discipline, complaint and rating parameters of a rule
// set (服务规范, 服务承诺制度, 一次性告知制度, 窗口工作纪律). Defaults: DOMAIN.md §6.
type ConductRules struct {
	Period        string `json:"period"`         // 自然年 / 滚动12个月
	ComplaintDays int    `json:"complaint_days"` // complaint handling deadline, working days
	RectifyDays   int    `json:"rectify_days"`   // 差评 rectification deadline, working days
	// NoticeDays are the working days after receipt within which missing
	// materials are told all at once (一次性告知书): 行政许可法 §32 says
	// "当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到
	// 申请材料之日起即为受理".
	NoticeDays int             `json:"notice_days"`
	Ladders    []ConductLadder `json:"ladders"`
}

// NoticeDaysLaw is the text behind ConductRules.NoticeDays, shown beside it.
const NoticeDaysLaw = "《行政许可法》第三十二条：申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理。"

// DefaultConductRules are the handbook's ladders and deadlines.
func DefaultConductRules() ConductRules {
	verbal := func(a string) LadderStep { return LadderStep{Action: a, Notice: NoticeVerbal} }
	circ := func(a string) LadderStep {
		return LadderStep{Action: a, Notice: NoticeCircular, LosesQuarterStar: true}
	}
	dept := func(a string) LadderStep {
		return LadderStep{Action: a, Notice: NoticeToDept, LosesQuarterStar: true, ReportsToHomeUnit: true}
	}
	notif2 := LadderStep{Action: "中心网络通报批评；通报主管部门；取消所在窗口当月满意窗口资格；扣当月月度考核奖",
		Notice: NoticeToDept, LosesQuarterStar: true, LosesWindowMonth: true, StopsMonthlyBonus: true, ReportsToHomeUnit: true}
	discipline := []LadderStep{verbal("口头批评"), circ("中心网络通报批评"), dept("通报主管部门")}
	return ConductRules{
		Period: PeriodCalendarYear, ComplaintDays: 10, RectifyDays: 5, NoticeDays: 5,
		Ladders: []ConductLadder{
			{CategoryService, []LadderStep{verbal("口头批评，立即改正"), circ("中心网络通报批评"),
				dept("通报主管部门；窗口整改，直至退回原单位待岗")}},
			{CategoryNotification, []LadderStep{
				{Action: "口头批评；取消当季度服务明星评选资格", Notice: NoticeVerbal, LosesQuarterStar: true},
				notif2}},
			{CategoryPromiseBreak, []LadderStep{
				{Action: "通报批评；扣当月考核奖", Notice: NoticeCircular, LosesQuarterStar: true, StopsMonthlyBonus: true},
				{Action: "停职检查", Notice: NoticeSuspend, LosesQuarterStar: true, StopsMonthlyBonus: true, ReportsToHomeUnit: true},
				{Action: "调离工作岗位", Notice: NoticeRemoval, LosesQuarterStar: true, StopsMonthlyBonus: true, ReportsToHomeUnit: true}}},
			{CategoryPromiseDelay, []LadderStep{
				verbal("责令立即办理并向服务对象道歉；仍未办理的，书面检查、大会检讨，扣当月考核奖"),
				circ("按违反工作纪律论处，直至调离工作岗位")}},
			{CategoryDiscipline, discipline},
			{CategoryDress, discipline},
		},
	}
}

// resolved fills what a rule set saved before these rules existed (or saved
// by a form that does not show them) leaves out, with the defaults.
func (r ConductRules) resolved() ConductRules {
	def := DefaultConductRules()
	if !oneOf(r.Period, ConductPeriods) {
		r.Period = def.Period
	}
	if r.ComplaintDays <= 0 {
		r.ComplaintDays = def.ComplaintDays
	}
	if r.RectifyDays <= 0 {
		r.RectifyDays = def.RectifyDays
	}
	if r.NoticeDays <= 0 {
		r.NoticeDays = def.NoticeDays
	}
	have := map[string]bool{}
	ladders := make([]ConductLadder, 0, len(def.Ladders))
	for _, l := range r.Ladders {
		if oneOf(l.Category, ViolationCategories) && len(l.Steps) > 0 && !have[l.Category] {
			have[l.Category] = true
			ladders = append(ladders, l)
		}
	}
	for _, l := range def.Ladders {
		if !have[l.Category] {
			ladders = append(ladders, l)
		}
	}
	r.Ladders = ladders
	return r
}

// Validate checks the rules; field names are the labels of the rules form.
func (r ConductRules) Validate() FieldErrors {
	var fe FieldErrors
	if r.Period != "" && !oneOf(r.Period, ConductPeriods) {
		fe.add("计数周期", "计数周期只能是 "+strings.Join(ConductPeriods, " / "))
	}
	if r.ComplaintDays < 0 || r.ComplaintDays > 60 {
		fe.add("投诉办理时限", "投诉办理时限应在 1 到 60 个工作日之间")
	}
	if r.RectifyDays < 0 || r.RectifyDays > 30 {
		fe.add("差评整改时限", "差评整改时限应在 1 到 30 个工作日之间")
	}
	if r.NoticeDays < 0 || r.NoticeDays > 30 {
		fe.add("一次性告知时限", "一次性告知时限应在 1 到 30 个工作日之间（法定为五日）")
	}
	for _, l := range r.Ladders {
		if !oneOf(l.Category, ViolationCategories) {
			fe.add("处理阶梯", fmt.Sprintf("类别“%s”不存在", l.Category))
		}
		for i, s := range l.Steps {
			if strings.TrimSpace(s.Action) == "" {
				fe.add("处理阶梯", fmt.Sprintf("%s第%d次的处理措施不能为空", l.Category, i+1))
			}
			if !oneOf(s.Notice, NoticeLevels) {
				fe.add("处理阶梯", fmt.Sprintf("%s第%d次的处理级别只能是 %s", l.Category, i+1, strings.Join(NoticeLevels, " / ")))
			}
		}
	}
	return fe
}

// StepFor returns the ladder step for the n-th violation (1-based) of a
// category: the last step repeats for every later one.
func (r ConductRules) StepFor(category string, n int) LadderStep {
	r = r.resolved()
	for _, l := range r.Ladders {
		if l.Category == category {
			if n < 1 {
				n = 1
			}
			if n > len(l.Steps) {
				n = len(l.Steps)
			}
			return l.Steps[n-1]
		}
	}
	return LadderStep{}
}

// PeriodStart is the first day of the counting period that holds day d.
func (r ConductRules) PeriodStart(d Date) Date {
	if r.resolved().Period == PeriodRolling12 {
		return NewDate(d.Year()-1, d.Month(), d.Day()+1)
	}
	return NewDate(d.Year(), 1, 1)
}

// PeriodName says the counting period in a suggestion: 本年度 / 近12个月.
func (r ConductRules) PeriodName() string {
	if r.resolved().Period == PeriodRolling12 {
		return "近12个月"
	}
	return "本年度"
}

// AfterFind gives a rule set saved before the conduct rules existed (or
// without them) the default conduct rules.
func (r *RuleSet) AfterFind(*gorm.DB) error {
	r.Conduct = r.Conduct.resolved()
	return nil
}

// conductAuditField describes the conduct section of a rule set for the audit log.
func (r ConductRules) describe() string {
	r = r.resolved()
	return fmt.Sprintf("计数周期%s；投诉办理时限%d个工作日；差评整改时限%d个工作日；一次性告知时限%d个工作日", r.Period, r.ComplaintDays, r.RectifyDays, r.NoticeDays)
}

// ConductRulesFor returns the conduct rules in force on day d.
func (s *Store) ConductRulesFor(d Date) (ConductRules, error) {
	rs, err := s.RulesFor(d)
	return rs.Conduct.resolved(), err
}

// LadderSuggestion is what the history suggests for a new violation.
type LadderSuggestion struct {
	Prior  int        // violations of the category earlier in the counting period
	Step   int        // Prior + 1
	Period string     // 本年度 / 近12个月
	Rule   LadderStep // the step's measure and consequences
}

// Text is the suggestion as the officer sees it:
// "本年度第2次 → 中心网络通报批评；通报主管部门；…".
func (g LadderSuggestion) Text() string {
	return fmt.Sprintf("%s第%d次 → %s", g.Period, g.Step, g.Rule.Action)
}

// SuggestStep computes the ladder step for a violation of category by the
// person on day on, from their other violations (excluding excludeID).
func (s *Store) SuggestStep(staffID uint, category string, on Date, excludeID uint) (LadderSuggestion, error) {
	book, err := loadRuleBook(s.db)
	if err != nil {
		return LadderSuggestion{}, err
	}
	hist, err := violationHistory(s.db, staffID, category)
	if err != nil {
		return LadderSuggestion{}, err
	}
	rules := book.at(on).Conduct.resolved()
	n := priorCount(rules, hist, Violation{ID: excludeID, On: on})
	return LadderSuggestion{Prior: n, Step: n + 1, Period: rules.PeriodName(), Rule: rules.StepFor(category, n+1)}, nil
}

func violationHistory(tx *gorm.DB, staffID uint, category string) ([]Violation, error) {
	var hist []Violation
	err := tx.Where("staff_id = ? AND category = ?", staffID, category).Order("\"on\", id").Find(&hist).Error
	return hist, err
}

// priorCount counts the violations of hist before v in v's counting period:
// earlier days, and on the same day those recorded first.
func priorCount(rules ConductRules, hist []Violation, v Violation) int {
	start := rules.PeriodStart(v.On)
	n := 0
	for _, h := range hist {
		if h.ID == v.ID && v.ID != 0 {
			continue
		}
		if h.On.Before(start) || h.On.After(v.On) {
			continue
		}
		if h.On == v.On && v.ID != 0 && h.ID > v.ID {
			continue
		}
		n++
	}
	return n
}

// applyLadder sets the suggested step, the step applied (unless overridden),
// its measure and the consequences.
func applyLadder(tx *gorm.DB, book ruleBook, v *Violation) error {
	hist, err := violationHistory(tx, v.StaffID, v.Category)
	if err != nil {
		return err
	}
	rules := book.at(v.On).Conduct.resolved()
	v.SuggestedStep = priorCount(rules, hist, *v) + 1
	if !v.Override || v.Step < 1 {
		v.Override, v.OverrideReason = false, ""
		v.Step = v.SuggestedStep
		v.StepAction = ""
	}
	rule := rules.StepFor(v.Category, v.Step)
	if v.StepAction == "" {
		v.StepAction = rule.Action
	}
	v.NoticeLevel = rule.Notice
	v.LosesQuarterStar, v.LosesWindowMonth = rule.LosesQuarterStar, rule.LosesWindowMonth
	v.StopsMonthlyBonus, v.ReportsToHomeUnit = rule.StopsMonthlyBonus, rule.ReportsToHomeUnit
	v.ScoredAsComplaint = false
	if v.ComplaintID != nil {
		var c Complaint
		if err := tx.Limit(1).Find(&c, *v.ComplaintID).Error; err != nil {
			return err
		}
		if c.ID != 0 {
			v.Source, v.ScoredAsComplaint = SourceComplaint, true
			if c.Problem == ProblemLanguage {
				v.LosesQuarterStar, v.LosesWindowMonth, v.StopsMonthlyBonus = true, true, true
			}
		}
	}
	return nil
}

// renumberTx recomputes the suggested (and, where not overridden, applied)
// step of the person's violations of a category, except skipID, recording
// every change.
func renumberTx(tx *gorm.DB, a *auditor, book ruleBook, staffID uint, category string, skipID uint) error {
	hist, err := violationHistory(tx, staffID, category)
	if err != nil {
		return err
	}
	for _, h := range hist {
		if h.ID == skipID {
			continue
		}
		next := h
		if err := applyLadder(tx, book, &next); err != nil {
			return err
		}
		if next.Step == h.Step && next.SuggestedStep == h.SuggestedStep && next.StepAction == h.StepAction &&
			next.NoticeLevel == h.NoticeLevel && next.LosesQuarterStar == h.LosesQuarterStar &&
			next.LosesWindowMonth == h.LosesWindowMonth && next.StopsMonthlyBonus == h.StopsMonthlyBonus &&
			next.ReportsToHomeUnit == h.ReportsToHomeUnit && next.ScoredAsComplaint == h.ScoredAsComplaint {
			continue
		}
		if err := tx.Model(&Violation{}).Where("id = ?", h.ID).Updates(map[string]any{
			"step": next.Step, "suggested_step": next.SuggestedStep, "step_action": next.StepAction,
			"notice_level": next.NoticeLevel, "loses_quarter_star": next.LosesQuarterStar,
			"loses_window_month": next.LosesWindowMonth, "stops_monthly_bonus": next.StopsMonthlyBonus,
			"reports_to_home_unit": next.ReportsToHomeUnit, "scored_as_complaint": next.ScoredAsComplaint,
		}).Error; err != nil {
			return err
		}
		var who Staff
		if err := tx.Limit(1).Find(&who, h.StaffID).Error; err != nil {
			return err
		}
		h.Staff, next.Staff = who, who
		a.update(&h, &next)
	}
	return nil
}

// ViolationFilter narrows violations; empty fields match everything.
type ViolationFilter struct {
	StaffID  uint
	WindowID uint
	Category string
	From, To Date // inclusive
	Text     string
}

// Violations lists violations with person and window, in date order.
func (s *Store) Violations(f ViolationFilter) ([]Violation, error) {
	q := s.db.Preload("Staff").Preload("Window").Order("\"on\", id")
	if f.StaffID != 0 {
		q = q.Where("staff_id = ?", f.StaffID)
	}
	if f.WindowID != 0 {
		q = q.Where("window_id = ?", f.WindowID)
	}
	if f.Category != "" {
		q = q.Where("category = ?", f.Category)
	}
	if !f.From.IsZero() {
		q = q.Where("\"on\" >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("\"on\" <= ?", f.To)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + t + "%"
		q = q.Where("circumstances LIKE ? OR recorded_by LIKE ? OR step_action LIKE ? OR staff_id IN (SELECT id FROM staff WHERE name LIKE ? OR employee_no LIKE ?)", like, like, like, like, like)
	}
	var out []Violation
	return out, q.Find(&out).Error
}
