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

// Consequences a ladder step can carry (处理后果). The first five are
// measures, mildest first; the others are what scoring and the bonus list
// read.
const (
	ConsequenceVerbal   = "口头批评"
	ConsequenceCircular = "通报批评"
	ConsequenceToDept   = "函告主管部门"
	ConsequenceSuspend  = "停职检查"
	ConsequenceRemoval  = "调离/退回"
	ConsequenceStar     = "取消当季服务明星"
	ConsequenceWindow   = "取消窗口当月满意窗口"
	ConsequenceBonus    = "扣发当月考核奖"
	ConsequenceWritten  = "书面检查"
)

// LadderConsequences lists the consequences in the order the editor shows them.
var LadderConsequences = []string{ConsequenceVerbal, ConsequenceCircular, ConsequenceToDept, ConsequenceSuspend,
	ConsequenceRemoval, ConsequenceStar, ConsequenceWindow, ConsequenceBonus, ConsequenceWritten}

// noticeOf is the notice level (处理级别) each measure prints as.
var noticeOf = map[string]string{ConsequenceVerbal: NoticeVerbal, ConsequenceCircular: NoticeCircular,
	ConsequenceToDept: NoticeToDept, ConsequenceSuspend: NoticeSuspend, ConsequenceRemoval: NoticeRemoval}

// LadderStep is one rung of a category's escalation ladder: the handbook's
// measure in words and the consequences it records.
type LadderStep struct {
	Action       string   `json:"action"` // e.g. 中心网络通报批评
	Consequences []string `json:"consequences"`
}

// Has reports whether the step carries consequence c.
func (s LadderStep) Has(c string) bool { return oneOf(c, s.Consequences) }

// Notice is the heaviest measure of the step as a notice level, or "".
func (s LadderStep) Notice() string { return heaviestNotice(s.Consequences) }

func heaviestNotice(cons []string) string {
	best := ""
	for _, c := range cons {
		if n := noticeOf[c]; NoticeRank(n) > NoticeRank(best) {
			best = n
		}
	}
	return best
}

// Aggravation is a worse case the officer records on a violation of a
// category, whose measure and consequences add to the step's (服务承诺 二.2:
// 督查后仍未能按要求完成).
type Aggravation struct {
	Label        string   `json:"label"`  // what the officer ticks
	Action       string   `json:"action"` // the handbook's measure
	Consequences []string `json:"consequences"`
}

// ConductLadder is the escalation ladder of one violation category: the
// n-th violation in the counting period takes Steps[n-1]; the last step
// applies to every later one ("3rd and later").
type ConductLadder struct {
	Category    string       `json:"category"`
	Period      string       `json:"period,omitempty"` // "" = the rule set's counting period
	Steps       []LadderStep `json:"steps"`
	Aggravation *Aggravation `json:"aggravation,omitempty"`
}

// How an upheld complaint about service conduct is escalated, where the
// handbook contradicts itself (ConductRules.UpheldComplaint).
const (
	UpheldByPromise = "服务承诺制度二.3" // the 服务承诺违诺 ladder: 通报批评, 扣发当月考核奖 at once
	UpheldByService = "服务规范五.2"   // the 服务规范 ladder: 口头批评 first
)

// UpheldChoices lists the two readings, the default first.
var UpheldChoices = []string{UpheldByPromise, UpheldByService}

// LadderByChoice, as a complaint problem's ladder, follows UpheldComplaint.
const LadderByChoice = "按投诉属实适用条款"

// ComplaintLadder says which ladder an upheld complaint of a problem
// category climbs (the violation it creates), and what the complaint costs
// in itself (服务规范 五.3 for 服务用语不当), even when it names no person.
type ComplaintLadder struct {
	Problem string   `json:"problem"`
	Ladder  string   `json:"ladder"` // a violation category or LadderByChoice
	Extra   []string `json:"extra,omitempty"`
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
	NoticeDays int `json:"notice_days"`
	// Ladders are the escalation ladders by violation category. (Rule sets
	// saved before ladders were editable kept the built-in ones under
	// "ladders"; that key is no longer read.)
	Ladders []ConductLadder `json:"escalation,omitempty"`
	// Complaints map each complaint problem to its ladder.
	Complaints []ComplaintLadder `json:"complaint_ladders,omitempty"`
	// UpheldComplaint chooses between 服务承诺制度 二.3 and 服务规范 五.2 for
	// a complaint about service conduct found 属实.
	UpheldComplaint string `json:"upheld_complaint,omitempty"`
}

// LadderHandbook gives, by category, the handbook's words the ladder
// editor shows beside each ladder.
var LadderHandbook = map[string]string{
	CategoryService: "服务规范 五.2：违反本制度规定的当事人，第一次给予以口头批评，并要求立即改正；出现第二次的，将予以在中心网络上通报批评；" +
		"出现第三次的，将通报其主管部门，并责令该窗口进行整改，直至将其退回原单位待岗。",
	CategoryNotification: "一次性告知制度 四：能一次性告知清楚而未告知清楚的，致使服务对象跑第二趟……第一次给予以口头批评，并取消当事人当季“季度服务明星”评选资格；" +
		"出现第二次的，将在中心网络上通报批评，通报其主管部门，取消当事人所在窗口当月“满意窗口”的评选资格，并扣除当事人当月月度考核奖。" +
		"（取消窗口满意窗口自第几次起，由评分规则“一次性告知第几次”决定。）",
	CategoryPromiseBreak: "服务承诺制度 二.3：工作人员违纪遭到投诉，经查属实的，第一次通报批评，扣发当月考核奖，第二次停职检查，连续3次（含）以上的，调离工作岗位。",
	CategoryPromiseDelay: "服务承诺制度 二.2：未能按承诺要求完成任务，且无正当理由的，责令其立即予以办理，并向当事人道歉。如督查后仍未能按要求完成的，" +
		"责令写出书面检查，并在中心大会上公开检讨，同时扣发当月考核奖，发生两次人为拖拉现象的，以违反工作纪律论处，直至调离工作岗位。",
	CategoryDiscipline: "窗口工作纪律未规定处理阶梯；默认参照服务规范 五.2：第一次口头批评，第二次通报批评，第三次通报主管部门。",
	CategoryDress:      "窗口工作人员统一着装管理办法未规定处理阶梯；默认参照服务规范 五.2：第一次口头批评，第二次通报批评，第三次通报主管部门。",
}

// UpheldHandbook gives the two handbook texts on an upheld complaint.
var UpheldHandbook = map[string]string{
	UpheldByPromise: "服务承诺制度 二.3：工作人员违纪遭到投诉，经查属实的，第一次通报批评，扣发当月考核奖，第二次停职检查，连续3次（含）以上的，调离工作岗位。",
	UpheldByService: "服务规范 五.2：违反本制度规定的当事人，第一次给予以口头批评，并要求立即改正；出现第二次的，将予以在中心网络上通报批评；出现第三次的，将通报其主管部门……",
}

// LanguageComplaintHandbook is 服务规范 五.3, the rule on a complaint upheld
// for improper service language.
const LanguageComplaintHandbook = "服务规范 五.3：出现服务对象因服务用语不当而引起投诉的，一经查实，取消当事人当季“季度服务明星”和所在窗口当月“满意窗口”的评选资格，并扣除当事人当月月度考核奖。"

// DefaultLadders are the handbook's escalation ladders.
func DefaultLadders() []ConductLadder {
	step := func(action string, cons ...string) LadderStep { return LadderStep{Action: action, Consequences: cons} }
	discipline := func(cat string) ConductLadder {
		return ConductLadder{Category: cat, Steps: []LadderStep{
			step("口头批评", ConsequenceVerbal),
			step("中心网络通报批评", ConsequenceCircular, ConsequenceStar),
			step("通报主管部门", ConsequenceToDept, ConsequenceStar)}}
	}
	return []ConductLadder{
		{Category: CategoryService, Steps: []LadderStep{
			step("口头批评，立即改正", ConsequenceVerbal),
			step("中心网络通报批评", ConsequenceCircular, ConsequenceStar),
			step("通报主管部门；窗口整改，直至退回原单位待岗", ConsequenceToDept, ConsequenceStar)}},
		{Category: CategoryNotification, Steps: []LadderStep{
			step("口头批评；取消当季度服务明星评选资格", ConsequenceVerbal, ConsequenceStar),
			step("中心网络通报批评；通报主管部门；取消所在窗口当月满意窗口资格；扣当月月度考核奖",
				ConsequenceCircular, ConsequenceToDept, ConsequenceStar, ConsequenceBonus)}},
		{Category: CategoryPromiseBreak, Steps: []LadderStep{
			step("通报批评；扣当月考核奖", ConsequenceCircular, ConsequenceStar, ConsequenceBonus),
			step("停职检查", ConsequenceSuspend, ConsequenceToDept, ConsequenceStar, ConsequenceBonus),
			step("调离工作岗位", ConsequenceRemoval, ConsequenceToDept, ConsequenceStar, ConsequenceBonus)}},
		{Category: CategoryPromiseDelay, Steps: []LadderStep{
			step("责令立即办理并向服务对象道歉", ConsequenceVerbal),
			step("按违反工作纪律论处，直至调离工作岗位", ConsequenceCircular, ConsequenceStar)},
			Aggravation: &Aggravation{Label: "督查后仍未能按要求完成", Action: "书面检查，在中心大会上公开检讨，扣发当月考核奖",
				Consequences: []string{ConsequenceWritten, ConsequenceBonus}}},
		discipline(CategoryDiscipline),
		discipline(CategoryDress),
	}
}

// DefaultComplaintLadders map complaint problems to ladders as the handbook
// does: service conduct by the office's choice (UpheldComplaint), the rest
// to their own clause.
func DefaultComplaintLadders() []ComplaintLadder {
	return []ComplaintLadder{
		{Problem: ProblemLanguage, Ladder: LadderByChoice, Extra: []string{ConsequenceStar, ConsequenceWindow, ConsequenceBonus}},
		{Problem: ProblemAttitude, Ladder: LadderByChoice},
		{Problem: ProblemNotification, Ladder: CategoryNotification},
		{Problem: ProblemOverdue, Ladder: CategoryPromiseDelay},
		{Problem: ProblemOther, Ladder: CategoryPromiseBreak},
	}
}

// NoticeDaysLaw is the text behind ConductRules.NoticeDays, shown beside it.
const NoticeDaysLaw = "《行政许可法》第三十二条：申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理。"

// DefaultConductRules are the handbook's ladders and deadlines.
func DefaultConductRules() ConductRules {
	return ConductRules{
		Period: PeriodCalendarYear, ComplaintDays: 10, RectifyDays: 5, NoticeDays: 5,
		Ladders: DefaultLadders(), Complaints: DefaultComplaintLadders(), UpheldComplaint: UpheldByPromise,
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
	if !oneOf(r.UpheldComplaint, UpheldChoices) {
		r.UpheldComplaint = def.UpheldComplaint
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
	haveP := map[string]bool{}
	mapping := make([]ComplaintLadder, 0, len(def.Complaints))
	for _, c := range r.Complaints {
		if oneOf(c.Problem, ComplaintProblems) && (c.Ladder == LadderByChoice || oneOf(c.Ladder, ViolationCategories)) && !haveP[c.Problem] {
			haveP[c.Problem] = true
			mapping = append(mapping, c)
		}
	}
	for _, c := range def.Complaints {
		if !haveP[c.Problem] {
			mapping = append(mapping, c)
		}
	}
	r.Complaints = mapping
	return r
}

// Resolved gives the rules with every part a rule set left out filled with
// the defaults: what the rule screens show and what the store applies.
func (r ConductRules) Resolved() ConductRules { return r.resolved() }

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
	if r.UpheldComplaint != "" && !oneOf(r.UpheldComplaint, UpheldChoices) {
		fe.add("投诉属实适用", "投诉属实只能按 "+strings.Join(UpheldChoices, " 或 ")+" 处理")
	}
	seen := map[string]bool{}
	for _, l := range r.Ladders {
		if !oneOf(l.Category, ViolationCategories) {
			fe.add("处理阶梯", fmt.Sprintf("类别“%s”不存在", l.Category))
			continue
		}
		if seen[l.Category] {
			fe.add("处理阶梯", fmt.Sprintf("“%s”的处理阶梯重复", l.Category))
		}
		seen[l.Category] = true
		if l.Period != "" && !oneOf(l.Period, ConductPeriods) {
			fe.add("处理阶梯", fmt.Sprintf("%s的计数周期只能是 %s 或留空（按总的计数周期）", l.Category, strings.Join(ConductPeriods, " / ")))
		}
		if len(l.Steps) == 0 {
			fe.add("处理阶梯", fmt.Sprintf("%s至少需要一档处理", l.Category))
		}
		for i, s := range l.Steps {
			if strings.TrimSpace(s.Action) == "" {
				fe.add("处理阶梯", fmt.Sprintf("%s第%d次的处理措施不能为空", l.Category, i+1))
			}
			if len([]rune(s.Action)) > 120 {
				fe.add("处理阶梯", fmt.Sprintf("%s第%d次的处理措施不能超过120个字", l.Category, i+1))
			}
			for _, c := range s.Consequences {
				if !oneOf(c, LadderConsequences) {
					fe.add("处理阶梯", fmt.Sprintf("%s第%d次的后果“%s”不存在", l.Category, i+1, c))
				}
			}
		}
		if ag := l.Aggravation; ag != nil && (strings.TrimSpace(ag.Label) == "" || strings.TrimSpace(ag.Action) == "") {
			fe.add("处理阶梯", fmt.Sprintf("%s的加重情形须写明情形和处理措施", l.Category))
		}
	}
	for _, c := range r.Complaints {
		if !oneOf(c.Problem, ComplaintProblems) {
			fe.add("投诉对应阶梯", fmt.Sprintf("问题类别“%s”不存在", c.Problem))
		}
		if c.Ladder != LadderByChoice && !oneOf(c.Ladder, ViolationCategories) {
			fe.add("投诉对应阶梯", fmt.Sprintf("%s对应的阶梯“%s”不存在", c.Problem, c.Ladder))
		}
	}
	return fe
}

// Ladder returns the ladder of a category.
func (r ConductRules) Ladder(category string) ConductLadder {
	for _, l := range r.resolved().Ladders {
		if l.Category == category {
			return l
		}
	}
	return ConductLadder{Category: category}
}

// StepFor returns the ladder step for the n-th violation (1-based) of a
// category: the last step repeats for every later one.
func (r ConductRules) StepFor(category string, n int) LadderStep {
	l := r.Ladder(category)
	if len(l.Steps) == 0 {
		return LadderStep{}
	}
	if n < 1 {
		n = 1
	}
	if n > len(l.Steps) {
		n = len(l.Steps)
	}
	return l.Steps[n-1]
}

// ComplaintRule gives the ladder mapping of a complaint problem ("" is 其他).
func (r ConductRules) ComplaintRule(problem string) ComplaintLadder {
	if problem == "" {
		problem = ProblemOther
	}
	for _, c := range r.resolved().Complaints {
		if c.Problem == problem {
			return c
		}
	}
	return ComplaintLadder{Problem: problem, Ladder: CategoryPromiseBreak}
}

// LadderFor is the violation category an upheld complaint of a problem
// category becomes, with the office's choice for service conduct applied.
func (r ConductRules) LadderFor(problem string) string {
	l := r.ComplaintRule(problem).Ladder
	if l == LadderByChoice {
		if r.resolved().UpheldComplaint == UpheldByService {
			return CategoryService
		}
		return CategoryPromiseBreak
	}
	return l
}

// PeriodOf is the counting period of a category's ladder.
func (r ConductRules) PeriodOf(category string) string {
	if p := r.Ladder(category).Period; oneOf(p, ConductPeriods) {
		return p
	}
	return r.resolved().Period
}

// PeriodStart is the first day of the general counting period that holds day d.
func (r ConductRules) PeriodStart(d Date) Date { return periodStart(r.resolved().Period, d) }

// PeriodStartFor is the first day of a category's counting period that holds day d.
func (r ConductRules) PeriodStartFor(category string, d Date) Date {
	return periodStart(r.PeriodOf(category), d)
}

func periodStart(period string, d Date) Date {
	if period == PeriodRolling12 {
		return NewDate(d.Year()-1, d.Month(), d.Day()+1)
	}
	return NewDate(d.Year(), 1, 1)
}

// PeriodName says the general counting period in a suggestion: 本年度 / 近12个月.
func (r ConductRules) PeriodName() string { return periodName(r.resolved().Period) }

// PeriodNameFor says a category's counting period: 本年度 / 近12个月.
func (r ConductRules) PeriodNameFor(category string) string { return periodName(r.PeriodOf(category)) }

func periodName(period string) string {
	if period == PeriodRolling12 {
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
	parts := []string{fmt.Sprintf("计数周期%s；投诉办理时限%d个工作日；差评整改时限%d个工作日；一次性告知时限%d个工作日；投诉属实适用%s", r.Period, r.ComplaintDays, r.RectifyDays, r.NoticeDays, r.UpheldComplaint)}
	for _, l := range r.Ladders {
		parts = append(parts, l.Describe())
	}
	for _, c := range r.Complaints {
		line := "投诉“" + c.Problem + "”→" + c.Ladder
		if len(c.Extra) > 0 {
			line += "，另" + strings.Join(c.Extra, "、")
		}
		parts = append(parts, line)
	}
	return strings.Join(parts, "；")
}

// Describe sums a ladder up in one line: "服务规范：第1次 口头批评，立即改正（口头批评）；…".
func (l ConductLadder) Describe() string {
	steps := make([]string, len(l.Steps))
	for i, s := range l.Steps {
		steps[i] = fmt.Sprintf("第%d次 %s（%s）", i+1, s.Action, strings.Join(s.Consequences, "、"))
	}
	line := l.Category + "：" + strings.Join(steps, "，")
	if l.Period != "" {
		line += "，按" + l.Period + "计数"
	}
	if ag := l.Aggravation; ag != nil {
		line += fmt.Sprintf("，%s：%s（%s）", ag.Label, ag.Action, strings.Join(ag.Consequences, "、"))
	}
	return line
}

// ConductRulesFor returns the conduct rules in force on day d.
func (s *Store) ConductRulesFor(d Date) (ConductRules, error) {
	rs, err := s.RulesFor(d)
	return rs.Conduct.resolved(), err
}

// LadderSuggestion is what the history suggests for a new violation.
type LadderSuggestion struct {
	Prior  int           // violations of the category earlier in the counting period
	Step   int           // Prior + 1
	Period string        // 本年度 / 近12个月
	Rule   LadderStep    // the step's measure and consequences
	Ladder ConductLadder // the whole ladder: its steps and worse case
}

// Text is the suggestion as the officer sees it:
// "本年度第2次 → 中心网络通报批评；通报主管部门；…".
func (g LadderSuggestion) Text() string {
	t := fmt.Sprintf("%s第%d次 → %s", g.Period, g.Step, g.Rule.Action)
	if len(g.Rule.Consequences) > 0 {
		t += "（" + strings.Join(g.Rule.Consequences, "、") + "）"
	}
	return t
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
	n := priorCount(rules, hist, Violation{ID: excludeID, On: on, Category: category})
	step := rules.StepFor(category, n+1)
	if nth := book.at(on).Scoring().WindowOneTimeNoticeNth; category == CategoryNotification && nth > 0 && n+1 >= nth {
		step.Consequences = union(step.Consequences, ConsequenceWindow)
	}
	return LadderSuggestion{Prior: n, Step: n + 1, Period: rules.PeriodNameFor(category), Rule: step, Ladder: rules.Ladder(category)}, nil
}

func violationHistory(tx *gorm.DB, staffID uint, category string) ([]Violation, error) {
	var hist []Violation
	err := tx.Where("staff_id = ? AND category = ?", staffID, category).Order("\"on\", id").Find(&hist).Error
	return hist, err
}

// priorCount counts the violations of hist before v in v's counting period:
// earlier days, and on the same day those recorded first.
func priorCount(rules ConductRules, hist []Violation, v Violation) int {
	start := rules.PeriodStartFor(v.Category, v.On)
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
// its measure and the consequences, from the rule set in force on the
// violation's day: the step's consequences, the aggravation's when the
// officer recorded it, the complaint problem's own (服务规范 五.3), and, for
// 一次性告知, the window's 满意窗口 from the occurrence the scoring rules name.
func applyLadder(tx *gorm.DB, book ruleBook, v *Violation) error {
	hist, err := violationHistory(tx, v.StaffID, v.Category)
	if err != nil {
		return err
	}
	var from *Complaint
	if v.ComplaintID != nil {
		var c Complaint
		if err := tx.Limit(1).Find(&c, *v.ComplaintID).Error; err != nil {
			return err
		}
		if c.ID != 0 {
			from = &c
		}
	}
	setLadder(book, hist, v, from)
	return nil
}

// setLadder is applyLadder given the person's violations of v's category
// (hist, any order) and the complaint that created v (nil for none).
func setLadder(book ruleBook, hist []Violation, v *Violation, from *Complaint) {
	rs := book.at(v.On)
	rules := rs.Conduct.resolved()
	v.SuggestedStep = priorCount(rules, hist, *v) + 1
	if !v.Override || v.Step < 1 {
		v.Override, v.OverrideReason = false, ""
		v.Step = v.SuggestedStep
		v.StepAction = ""
	}
	rule := rules.StepFor(v.Category, v.Step)
	cons := append([]string(nil), rule.Consequences...)
	action := rule.Action
	if ag := rules.Ladder(v.Category).Aggravation; v.Aggravated && ag != nil {
		cons = union(cons, ag.Consequences...)
		action += "；" + ag.Label + "：" + ag.Action
	} else {
		v.Aggravated = false
	}
	if v.StepAction == "" {
		v.StepAction = action
	}
	if n := rs.Scoring().WindowOneTimeNoticeNth; v.Category == CategoryNotification && n > 0 && v.Step >= n {
		cons = union(cons, ConsequenceWindow)
	}
	v.ScoredAsComplaint = false
	if from != nil {
		v.Source, v.ScoredAsComplaint = SourceComplaint, true
		cons = union(cons, rules.ComplaintRule(from.Problem).Extra...)
	}
	v.setConsequences(cons)
}

// union appends to list the items it does not hold yet, keeping the order
// of LadderConsequences.
func union(list []string, more ...string) []string {
	var out []string
	for _, c := range LadderConsequences {
		if oneOf(c, list) || oneOf(c, more) {
			out = append(out, c)
		}
	}
	return out
}

// renumberTx recomputes the suggested (and, where not overridden, applied)
// step of the person's violations of a category, except skipID, recording
// every change.
func renumberTx(tx *gorm.DB, a *auditor, book ruleBook, staffID uint, category string, skipID uint) error {
	hist, err := violationHistory(tx, staffID, category)
	if err != nil {
		return err
	}
	from, err := complaintsBehind(tx, hist)
	if err != nil {
		return err
	}
	var who Staff
	if err := tx.Limit(1).Find(&who, staffID).Error; err != nil {
		return err
	}
	var redo []Violation
	for _, h := range hist {
		if h.ID != skipID {
			redo = append(redo, h)
		}
	}
	return restepTx(tx, a, book, hist, redo, from, who)
}

// complaintsBehind reads the complaints that created violations of list, by id.
func complaintsBehind(tx *gorm.DB, list []Violation) (map[uint]*Complaint, error) {
	var ids []uint
	for _, v := range list {
		if v.ComplaintID != nil {
			ids = append(ids, *v.ComplaintID)
		}
	}
	out := map[uint]*Complaint{}
	if len(ids) == 0 {
		return out, nil
	}
	var cs []Complaint
	if err := tx.Where("id IN ?", ids).Find(&cs).Error; err != nil {
		return nil, err
	}
	for i := range cs {
		out[cs[i].ID] = &cs[i]
	}
	return out, nil
}

// restepTx sets again the ladder of each of redo, violations of one person
// (who) and category whose whole history in their counting periods is hist,
// saving and recording the ones that change; from holds the complaints
// behind them, by id.
func restepTx(tx *gorm.DB, a *auditor, book ruleBook, hist, redo []Violation, from map[uint]*Complaint, who Staff) error {
	for _, h := range redo {
		next := h
		var c *Complaint
		if h.ComplaintID != nil {
			c = from[*h.ComplaintID]
		}
		setLadder(book, hist, &next, c)
		if next.Step == h.Step && next.SuggestedStep == h.SuggestedStep && next.StepAction == h.StepAction &&
			next.NoticeLevel == h.NoticeLevel && next.LosesQuarterStar == h.LosesQuarterStar &&
			next.LosesWindowMonth == h.LosesWindowMonth && next.StopsMonthlyBonus == h.StopsMonthlyBonus &&
			next.ReportsToHomeUnit == h.ReportsToHomeUnit && next.ScoredAsComplaint == h.ScoredAsComplaint &&
			next.Aggravated == h.Aggravated && next.ConsequenceList == h.ConsequenceList {
			continue
		}
		if err := tx.Model(&Violation{}).Where("id = ?", h.ID).Updates(map[string]any{
			"step": next.Step, "suggested_step": next.SuggestedStep, "step_action": next.StepAction,
			"notice_level": next.NoticeLevel, "loses_quarter_star": next.LosesQuarterStar,
			"loses_window_month": next.LosesWindowMonth, "stops_monthly_bonus": next.StopsMonthlyBonus,
			"reports_to_home_unit": next.ReportsToHomeUnit, "scored_as_complaint": next.ScoredAsComplaint,
			"aggravated": next.Aggravated, "consequence_list": next.ConsequenceList,
		}).Error; err != nil {
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
		q = q.Where(caseless(s.db, "circumstances LIKE ? OR recorded_by LIKE ? OR step_action LIKE ? OR staff_id IN (SELECT id FROM staff WHERE name LIKE ? OR employee_no LIKE ?)"), like, like, like, like, like)
	}
	var out []Violation
	return out, q.Find(&out).Error
}

// reapplyConductTx applies the rules again to the violations and upheld
// complaints dated in [from, to) (to zero: no end) after the rule set
// governing those days changed: their ladder steps, measures and
// consequences are always those of the rules in force on their day. Only
// what changes is written, and each change is in the audit log.
func reapplyConductTx(tx *gorm.DB, a *auditor, from, to Date) error {
	in := func(q *gorm.DB) *gorm.DB {
		q = q.Where("\"on\" >= ?", from)
		if !to.IsZero() {
			q = q.Where("\"on\" < ?", to)
		}
		return q
	}
	var cs []Complaint
	if err := in(tx.Where("status = ?", ComplaintUpheld)).Order("\"on\", id").Find(&cs).Error; err != nil {
		return err
	}
	for i := range cs {
		if err := saveComplaintTx(tx, a, &cs[i], a.operator); err != nil {
			return err
		}
	}
	type pair struct {
		StaffID  uint
		Category string
	}
	var pairs []pair
	if err := in(tx.Model(&Violation{})).Distinct("staff_id", "category").Find(&pairs).Error; err != nil {
		return err
	}
	book, err := loadRuleBook(tx)
	if err != nil {
		return err
	}
	for _, p := range pairs {
		if err := renumberTx(tx, a, book, p.StaffID, p.Category, 0); err != nil {
			return err
		}
	}
	return nil
}

// reapplyAfterRuleChange re-applies the conduct rules to the days whose rule
// set a save changed: from the earlier of its old and new effective date to
// the next rule set's.
func reapplyAfterRuleChange(tx *gorm.DB, a *auditor, rs *RuleSet, before *RuleSet) error {
	from, upto := rs.EffectiveFrom, rs.EffectiveFrom
	if before != nil {
		if before.EffectiveFrom.Before(from) {
			from = before.EffectiveFrom
		}
		if before.EffectiveFrom.After(upto) {
			upto = before.EffectiveFrom
		}
	}
	book, err := loadRuleBook(tx)
	if err != nil {
		return err
	}
	var to Date
	for _, b := range book {
		if b.EffectiveFrom.After(upto) {
			to = b.EffectiveFrom
			break
		}
	}
	return reapplyConductTx(tx, a, from, to)
}
