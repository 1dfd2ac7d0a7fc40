package models

import (
	"fmt"
	"math"
	"sort"
)

// ScoringRules are the numbers of the monthly 满意窗口 and quarterly 服务明星
// scoring (DOMAIN.md §8). Every one is a default the office can change in a
// rule set with an effective date; a month is always scored with the rules in
// force for it.
type ScoringRules struct {
	Base                   float64            `json:"base"`                       // 100
	LatePoints             float64            `json:"late"`                       // 迟到 −1 each
	EarlyPoints            float64            `json:"early"`                      // 早退 −1 each
	MissingPoints          float64            `json:"missing"`                    // 缺卡 −2 each
	AbsentHalfPoints       float64            `json:"absent_half"`                // 旷工 −5 per half day
	AwayPoints             float64            `json:"away"`                       // 擅离岗位 (within the limit) −3 each
	ViolationPoints        map[string]float64 `json:"violation"`                  // by category
	ComplaintPoints        float64            `json:"complaint"`                  // complaint 属实 −5 each
	DissatisfiedPoints     float64            `json:"dissatisfied"`               // 不满意 −1 each
	VeryDissatisfiedPoints float64            `json:"very_dissatisfied"`          // 非常不满意 −2 each
	OverdueDayPoints       float64            `json:"overdue_day"`                // 承诺件 overdue −2 per working day
	CommendationPoints     float64            `json:"commendation"`               // +1 each
	BonusCap               float64            `json:"bonus_cap"`                  // at most +5 a month
	WindowAwards           int                `json:"window_awards"`              // 满意窗口: top 3
	StarAwards             int                `json:"star_awards"`                // 服务明星: top 5
	BasicSatisfiedCounts   bool               `json:"basic_satisfied_counts"`     // 基本满意 counts as satisfied
	StarAbsentDaysLimit    float64            `json:"star_absent_days_limit"`     // 旷工 ≥ this in the quarter disqualifies
	WindowOneTimeNoticeNth int                `json:"window_one_time_notice_nth"` // the nth 一次性告知 disqualifies the window
}

// DefaultScoringRules are the defaults of DOMAIN.md §8.
func DefaultScoringRules() ScoringRules {
	return ScoringRules{
		Base: 100, LatePoints: 1, EarlyPoints: 1, MissingPoints: 2, AbsentHalfPoints: 5, AwayPoints: 3,
		ViolationPoints: map[string]float64{"服务规范": 2, "工作纪律": 2, "一次性告知": 3, "服务承诺违诺": 3, "服务承诺拖拉": 3, "着装": 1},
		ComplaintPoints: 5, DissatisfiedPoints: 1, VeryDissatisfiedPoints: 2, OverdueDayPoints: 2,
		CommendationPoints: 1, BonusCap: 5, WindowAwards: 3, StarAwards: 5, BasicSatisfiedCounts: true,
		StarAbsentDaysLimit: 1, WindowOneTimeNoticeNth: 2,
	}
}

// Validate checks the rules are usable.
func (r ScoringRules) Validate() FieldErrors {
	var fe FieldErrors
	if r.Base <= 0 {
		fe.add("基础分", "基础分应大于0")
	}
	for label, v := range map[string]float64{"迟到扣分": r.LatePoints, "早退扣分": r.EarlyPoints, "缺卡扣分": r.MissingPoints,
		"旷工扣分": r.AbsentHalfPoints, "擅离扣分": r.AwayPoints, "投诉扣分": r.ComplaintPoints, "不满意扣分": r.DissatisfiedPoints,
		"非常不满意扣分": r.VeryDissatisfiedPoints, "超期扣分": r.OverdueDayPoints, "表扬加分": r.CommendationPoints, "加分上限": r.BonusCap} {
		if v < 0 {
			fe.add(label, "不能为负数")
		}
	}
	if r.WindowAwards < 1 || r.StarAwards < 1 {
		fe.add("评选名额", "满意窗口和服务明星名额至少为1")
	}
	return fe
}

// ScoreItem is one deduction or bonus with the record behind it.
type ScoreItem struct {
	On     Date
	Source string  // 考勤 违规 投诉 评价 办件 表扬
	Label  string  // "11月3日 上午 迟到11分钟"
	Points float64 // negative for a deduction
	Ref    string  // the record: "violation:12", "case:20261102-B05-037", "staff:5/2026-11-03"
}

// ConductFact is a violation or complaint as scoring sees it.
type ConductFact struct {
	ID       uint
	On       Date
	Kind     string // 违规 or 投诉
	Category string // violation category, or the complaint's problem category
	Label    string
	// Deducts is false for a violation created by an upheld complaint: the
	// complaint carries the deduction, so it counts once.
	Deducts          bool
	Upheld           bool // complaints: 属实
	LosesStar        bool // the person loses the quarter's 服务明星 eligibility
	LosesWindowMonth bool // the window loses the month's 满意窗口 eligibility
	StopsBonus       bool // 扣当月月度考核奖
	// WindowID and WindowCode are the window where it happened: the one a
	// veto costs its 满意窗口, whatever window the person sits at now.
	WindowID   uint
	WindowCode string
}

// WindowVeto is a record that costs a window the month's 满意窗口. It
// belongs to the window where the event happened (服务规范 五.3 "所在窗口"),
// and applies whoever sat there, 临时替岗人员 included.
type WindowVeto struct {
	WindowID   uint
	WindowCode string
	Label      string
}

// Text is the veto as a person's breakdown shows it: "A02：11月5日 …".
func (v WindowVeto) Text() string {
	if v.WindowCode == "" {
		return v.Label
	}
	return v.WindowCode + "：" + v.Label
}

// RatingFact is one 好差评 rating.
type RatingFact struct {
	ID       uint
	On       Date
	Level    string // 非常满意 满意 基本满意 不满意 非常不满意
	WindowID uint
	StaffID  uint // 0 when the rating names only the window
}

// CommendationFact is one commendation.
type CommendationFact struct {
	ID    uint
	On    Date
	Type  string
	Label string
}

// OverdueFact is one overdue working day of a 承诺件, charged to its month.
type OverdueFact struct {
	CaseNo string
	Day    Date
}

// PersonMonthInput is everything that scores one person's month.
type PersonMonthInput struct {
	Month         string // 2026-11
	StaffID       uint
	EmployeeNo    string
	Name          string
	WindowID      uint
	WindowCode    string
	Resident      bool // not a substitute
	Attendance    *MonthSummary
	Conduct       []ConductFact
	Ratings       []RatingFact
	Commendations []CommendationFact
	Overdue       []OverdueFact
	CasesDone     int
	// ManualStops are the month's 考核奖扣发 recorded by hand, as labels.
	ManualStops []string
}

// PersonScore is a person's monthly score with its breakdown.
type PersonScore struct {
	Month            string
	StaffID          uint
	EmployeeNo       string
	Name             string
	WindowID         uint
	WindowCode       string
	Resident         bool
	Base             float64
	Deductions       float64 // positive total
	Bonus            float64 // after the cap
	BonusRaw         float64
	Score            float64
	Items            []ScoreItem
	Satisfied, Rated int
	OverdueDays      int
	CasesDone        int
	AbsentDays       float64
	BonusStopped     []string     // why the month's assessment bonus is stopped
	StarVetoes       []string     // what removes the quarter's 服务明星 eligibility
	WindowVetoes     []WindowVeto // what removes a window's 满意窗口 eligibility this month
}

// WindowVetoTexts lists the person's window vetoes, each with its window.
func (p PersonScore) WindowVetoTexts() []string {
	out := make([]string, len(p.WindowVetoes))
	for i, v := range p.WindowVetoes {
		out[i] = v.Text()
	}
	return out
}

// SatisfactionRate is 满意率 in percent, or -1 with no ratings.
func SatisfactionRate(satisfied, rated int) float64 {
	if rated == 0 {
		return -1
	}
	return float64(satisfied) * 100 / float64(rated)
}

// satisfied tells whether a rating level counts as satisfied.
func (r ScoringRules) satisfied(level string) bool {
	switch level {
	case "非常满意", "满意":
		return true
	case "基本满意":
		return r.BasicSatisfiedCounts
	}
	return false
}

// ScorePerson scores one person's month: base − deductions + min(cap,
// bonuses), with no floor, and lists every item with its record.
func ScorePerson(in PersonMonthInput, r ScoringRules) PersonScore {
	ps := PersonScore{Month: in.Month, StaffID: in.StaffID, EmployeeNo: in.EmployeeNo, Name: in.Name, WindowID: in.WindowID,
		WindowCode: in.WindowCode, Resident: in.Resident, Base: r.Base, CasesDone: in.CasesDone}
	add := func(it ScoreItem) {
		if it.Points == 0 {
			return
		}
		ps.Items = append(ps.Items, it)
		if it.Points < 0 {
			ps.Deductions -= it.Points
		} else {
			ps.BonusRaw += it.Points
		}
	}
	if a := in.Attendance; a != nil {
		ps.AbsentDays = a.AbsentDays
		ref := fmt.Sprintf("staff:%d", in.StaffID)
		for _, d := range a.Days {
			for h, half := range d.Halves {
				name := [2]string{"上午", "下午"}[h]
				label := dayLabel(d.Date) + " " + name
				if half.LateMinutes > 0 {
					add(ScoreItem{d.Date, "考勤", fmt.Sprintf("%s 迟到%d分钟", label, half.LateMinutes), -r.LatePoints, ref + "/" + d.Date.String()})
				}
				if half.EarlyMinutes > 0 {
					add(ScoreItem{d.Date, "考勤", fmt.Sprintf("%s 早退%d分钟", label, half.EarlyMinutes), -r.EarlyPoints, ref + "/" + d.Date.String()})
				}
				if half.Missing > 0 {
					add(ScoreItem{d.Date, "考勤", fmt.Sprintf("%s 缺卡%d次", label, half.Missing), -r.MissingPoints * float64(half.Missing), ref + "/" + d.Date.String()})
				}
				if half.Absent {
					cause := half.AbsentCause
					if cause == "" {
						cause = "旷工"
					}
					add(ScoreItem{d.Date, "考勤", fmt.Sprintf("%s 旷工半天（%s）", label, cause), -r.AbsentHalfPoints, ref + "/" + d.Date.String()})
				}
			}
		}
		monthRef := ref + "/" + a.Month
		if a.LateEarlyAbsentDays > 0 {
			add(ScoreItem{Source: "考勤", Label: fmt.Sprintf("迟到早退共%d次，折算旷工%s天", a.LateCount+a.EarlyCount, FormatDays(a.LateEarlyAbsentDays)),
				Points: -r.AbsentHalfPoints * a.LateEarlyAbsentDays * 2, Ref: monthRef})
		}
		if a.AwayCount > 0 {
			add(ScoreItem{Source: "考勤", Label: fmt.Sprintf("擅离岗位%d次（2小时以内）", a.AwayCount), Points: -r.AwayPoints * float64(a.AwayCount), Ref: monthRef})
		}
		if a.AwayAbsentDays > 0 {
			add(ScoreItem{Source: "考勤", Label: fmt.Sprintf("擅离岗位超过时限，折算旷工%s天", FormatDays(a.AwayAbsentDays)),
				Points: -r.AbsentHalfPoints * a.AwayAbsentDays * 2, Ref: monthRef})
		}
	}
	for _, c := range in.Conduct {
		if c.Kind == "投诉" {
			if !c.Upheld {
				continue
			}
			add(ScoreItem{c.On, "投诉", c.Label, -r.ComplaintPoints, fmt.Sprintf("complaint:%d", c.ID)})
		} else if c.Deducts {
			add(ScoreItem{c.On, "违规", c.Label, -r.ViolationPoints[c.Category], fmt.Sprintf("violation:%d", c.ID)})
		}
		// labels carry their date ("11月5日 投诉属实：服务用语不当")
		if c.StopsBonus {
			ps.BonusStopped = append(ps.BonusStopped, c.Label)
		}
		if c.LosesStar {
			ps.StarVetoes = append(ps.StarVetoes, c.Label)
		}
		if c.LosesWindowMonth {
			v := WindowVeto{WindowID: c.WindowID, WindowCode: c.WindowCode, Label: c.Label}
			if v.WindowID == 0 {
				v.WindowID, v.WindowCode = in.WindowID, in.WindowCode
			}
			ps.WindowVetoes = append(ps.WindowVetoes, v)
		}
	}
	for _, rt := range in.Ratings {
		ps.Rated++
		if r.satisfied(rt.Level) {
			ps.Satisfied++
		}
		switch rt.Level {
		case "不满意":
			add(ScoreItem{rt.On, "评价", dayLabel(rt.On) + " 差评：不满意", -r.DissatisfiedPoints, fmt.Sprintf("rating:%d", rt.ID)})
		case "非常不满意":
			add(ScoreItem{rt.On, "评价", dayLabel(rt.On) + " 差评：非常不满意", -r.VeryDissatisfiedPoints, fmt.Sprintf("rating:%d", rt.ID)})
		}
	}
	for _, o := range in.Overdue {
		ps.OverdueDays++
		add(ScoreItem{o.Day, "办件", fmt.Sprintf("%s 办件%s超期", dayLabel(o.Day), o.CaseNo), -r.OverdueDayPoints, "case:" + o.CaseNo})
	}
	for _, c := range in.Commendations {
		add(ScoreItem{c.On, "表扬", c.Label, r.CommendationPoints, fmt.Sprintf("commendation:%d", c.ID)})
	}
	ps.BonusStopped = append(ps.BonusStopped, in.ManualStops...)
	ps.Bonus = math.Min(ps.BonusRaw, r.BonusCap)
	ps.Score = round2(ps.Base - ps.Deductions + ps.Bonus)
	if !in.Resident {
		ps.StarVetoes = append(ps.StarVetoes, "临时替岗人员不参加服务明星评选")
	}
	sort.SliceStable(ps.Items, func(i, j int) bool { return ps.Items[i].On.Before(ps.Items[j].On) })
	return ps
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// WindowScore is a window's month: the mean of its resident staff's scores.
type WindowScore struct {
	WindowID         uint
	Code, Name       string
	Score            float64
	Deductions       float64 // mean of the members' deductions
	Bonus            float64 // mean of the members' bonuses
	Members          int     // resident staff scored
	Satisfied, Rated int
	OverdueDays      int
	Vetoes           []string // why it may not be 满意窗口 this month
	Rank             int      // 1-based among the eligible; 0 when not eligible
	Award            bool     // 满意窗口
}

// Eligible reports whether the window may be 满意窗口.
func (w WindowScore) Eligible() bool { return len(w.Vetoes) == 0 && w.Members > 0 }

// WindowInfo names a window for scoring.
type WindowInfo struct {
	ID         uint
	Code, Name string
	// Ratings of the window that name no person still count in its 满意率.
	Ratings []RatingFact
	// Complaints are the upheld complaints against the window that name no
	// person: each deducts WindowComplaintPoints from the window's score, and
	// vetoes it when its problem costs the window the month.
	Complaints []ConductFact
}

// ScoreWindows averages resident staff per window, applies the window vetoes
// and ranks the eligible: higher score, then higher 满意率, then fewer
// overdue days, then window number; the top WindowAwards are 满意窗口.
func ScoreWindows(people []PersonScore, windows []WindowInfo, r ScoringRules) []WindowScore {
	byID := map[uint]*WindowScore{}
	var out []*WindowScore
	for _, w := range windows {
		ws := &WindowScore{WindowID: w.ID, Code: w.Code, Name: w.Name}
		for _, rt := range w.Ratings {
			ws.Rated++
			if r.satisfied(rt.Level) {
				ws.Satisfied++
			}
		}
		for _, c := range w.Complaints {
			if c.LosesWindowMonth {
				ws.Vetoes = append(ws.Vetoes, c.Label)
			}
		}
		byID[w.ID] = ws
		out = append(out, ws)
	}
	sums := map[uint]float64{}
	deds, bons := map[uint]float64{}, map[uint]float64{}
	for _, p := range people {
		// a veto goes to the window where it happened, a substitute's too
		for _, v := range p.WindowVetoes {
			id := v.WindowID
			if id == 0 {
				id = p.WindowID
			}
			if ws, ok := byID[id]; ok {
				ws.Vetoes = append(ws.Vetoes, vetoWho(p)+"："+v.Label)
			}
		}
		ws, ok := byID[p.WindowID]
		if !ok || !p.Resident {
			continue
		}
		ws.Members++
		sums[p.WindowID] += p.Score
		deds[p.WindowID] += p.Deductions
		bons[p.WindowID] += p.Bonus
		ws.Satisfied += p.Satisfied
		ws.Rated += p.Rated
		ws.OverdueDays += p.OverdueDays
	}
	for _, ws := range out {
		if ws.Members > 0 {
			n := float64(ws.Members)
			ws.Score = round2(sums[ws.WindowID] / n)
			ws.Deductions, ws.Bonus = round2(deds[ws.WindowID]/n), round2(bons[ws.WindowID]/n)
		} else {
			ws.Vetoes = append(ws.Vetoes, "本月无在岗人员计分")
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return windowBefore(*out[i], *out[j]) })
	rank := 0
	result := make([]WindowScore, len(out))
	for i, ws := range out {
		if ws.Eligible() {
			rank++
			ws.Rank = rank
			ws.Award = rank <= r.WindowAwards
		}
		result[i] = *ws
	}
	return result
}

// vetoWho names the person behind a window veto; a substitute is named as one.
func vetoWho(p PersonScore) string {
	if !p.Resident {
		return p.Name + "（临时替岗）"
	}
	return p.Name
}

// windowBefore orders windows: eligible first, then by score, 满意率, fewer
// overdue days, window number.
func windowBefore(a, b WindowScore) bool {
	if a.Eligible() != b.Eligible() {
		return a.Eligible()
	}
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	ra, rb := SatisfactionRate(a.Satisfied, a.Rated), SatisfactionRate(b.Satisfied, b.Rated)
	if ra != rb {
		return ra > rb
	}
	if a.OverdueDays != b.OverdueDays {
		return a.OverdueDays < b.OverdueDays
	}
	return a.Code < b.Code
}

// RankPeople orders a month's people for the ranking bulletin, the export
// and the 评分 screen: eligible residents (no 服务明星 veto this month) by
// score, then 满意率, then cases completed, then 工号; substitutes and the
// vetoed after them in the same order. It returns the rank of each (0 for
// those not ranked).
func RankPeople(people []PersonScore) ([]PersonScore, []int) {
	out := append([]PersonScore(nil), people...)
	eligible := func(p PersonScore) bool { return p.Resident && len(p.StarVetoes) == 0 }
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if eligible(a) != eligible(b) {
			return eligible(a)
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		ra, rb := SatisfactionRate(a.Satisfied, a.Rated), SatisfactionRate(b.Satisfied, b.Rated)
		if ra != rb {
			return ra > rb
		}
		if a.CasesDone != b.CasesDone {
			return a.CasesDone > b.CasesDone
		}
		return a.EmployeeNo < b.EmployeeNo
	})
	ranks := make([]int, len(out))
	n := 0
	for i, p := range out {
		if eligible(p) {
			n++
			ranks[i] = n
		}
	}
	return out, ranks
}

// StarCandidate is a person's quarter for the 服务明星 selection.
type StarCandidate struct {
	StaffID          uint
	EmployeeNo, Name string
	WindowCode       string
	Months           []PersonScore // months in service
	Mean             float64
	Satisfied, Rated int
	CasesDone        int
	AbsentDays       float64
	Vetoes           []string
	Rank             int
	Award            bool
}

// Eligible reports whether the person may be 服务明星 this quarter.
func (c StarCandidate) Eligible() bool { return len(c.Vetoes) == 0 && len(c.Months) > 0 }

// RankStars ranks the quarter: the mean of each person's monthly scores in
// the months they served; vetoes from any month of the quarter and 旷工 of
// StarAbsentDaysLimit days or more disqualify; ties go to the higher 满意率,
// then to more cases completed. The top StarAwards are 服务明星.
func RankStars(months [][]PersonScore, r ScoringRules) []StarCandidate {
	byID := map[uint]*StarCandidate{}
	var order []uint
	for _, month := range months {
		for _, p := range month {
			c, ok := byID[p.StaffID]
			if !ok {
				c = &StarCandidate{StaffID: p.StaffID, EmployeeNo: p.EmployeeNo, Name: p.Name}
				byID[p.StaffID] = c
				order = append(order, p.StaffID)
			}
			c.WindowCode = p.WindowCode
			c.Months = append(c.Months, p)
			c.Satisfied += p.Satisfied
			c.Rated += p.Rated
			c.CasesDone += p.CasesDone
			c.AbsentDays += p.AbsentDays
			for _, v := range p.StarVetoes {
				if !contains(c.Vetoes, v) {
					c.Vetoes = append(c.Vetoes, v)
				}
			}
		}
	}
	out := make([]StarCandidate, 0, len(order))
	for _, id := range order {
		c := byID[id]
		sum := 0.0
		for _, m := range c.Months {
			sum += m.Score
		}
		c.Mean = round2(sum / float64(len(c.Months)))
		if c.AbsentDays >= r.StarAbsentDaysLimit {
			c.Vetoes = append(c.Vetoes, fmt.Sprintf("本季度旷工%s天", FormatDays(c.AbsentDays)))
		}
		out = append(out, *c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Eligible() != b.Eligible() {
			return a.Eligible()
		}
		if a.Mean != b.Mean {
			return a.Mean > b.Mean
		}
		ra, rb := SatisfactionRate(a.Satisfied, a.Rated), SatisfactionRate(b.Satisfied, b.Rated)
		if ra != rb {
			return ra > rb
		}
		if a.CasesDone != b.CasesDone {
			return a.CasesDone > b.CasesDone
		}
		return a.EmployeeNo < b.EmployeeNo
	})
	rank := 0
	for i := range out {
		if out[i].Eligible() {
			rank++
			out[i].Rank = rank
			out[i].Award = rank <= r.StarAwards
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// MonthScores is a scored month: everyone's score, the windows ranked, and
// the rule set that was used.
type MonthScores struct {
	Month   string
	RuleSet RuleSet
	People  []PersonScore
	Windows []WindowScore
	State   string // 草稿 / 已封帐 / 已发布
	// HasRecords is false for a month with no punches at all (before the
	// centre used GovDesk): its scores mean nothing and trends skip it.
	HasRecords bool
	// Unrecorded are the working days without punch records nobody has
	// resolved yet (see PunchGap): nobody loses points for them.
	Unrecorded []PunchGap
}

// QuarterScores is a scored quarter: the 服务明星 candidates ranked.
type QuarterScores struct {
	Quarter    string // 2026Q4
	Months     []string
	RuleSet    RuleSet // in force at the quarter's end
	Candidates []StarCandidate
}

// Scoring gives the rule set's scoring rules, the defaults when it was saved
// before scoring rules existed.
func (r RuleSet) Scoring() ScoringRules {
	if r.ScoringRules == nil || r.ScoringRules.Base == 0 {
		return DefaultScoringRules()
	}
	return *r.ScoringRules
}

// RuleSetName names a rule set on outputs: "2026年1月1日起执行的规则".
func (r RuleSet) Name() string {
	if r.ID == 0 {
		return "默认规则"
	}
	return r.EffectiveFrom.Chinese() + "起执行的规则"
}
