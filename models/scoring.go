package models

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
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
	// WindowComplaintPoints are deducted from a window's score for each
	// upheld complaint that names only the window (default: ComplaintPoints).
	WindowComplaintPoints float64 `json:"window_complaint"`
	// Award eligibility needs a record: at least AwardMinWorkedShare of the
	// period's working days actually worked, and (AwardNeedsActivity) at
	// least one case completed or rating.
	AwardMinWorkedShare float64 `json:"award_min_worked_share"`
	AwardNeedsActivity  bool    `json:"award_needs_activity"`
	// StarMinVotes is the least number of votes an awarded 服务明星 needs.
	StarMinVotes int `json:"star_min_votes"`
	// WindowTieByCode: windows equal on score, 满意率 and overdue days are
	// ordered by window number; otherwise they are placed equal (并列).
	WindowTieByCode bool `json:"window_tie_by_code"`
	// The selection meeting (评选会) may vote only when more than
	// QuorumNum/QuorumDen of its members are present; a candidate is elected
	// with more than MajorityNum/MajorityDen of those present voting for; the
	// 公示 before the decision lasts PublicityDays working days. The handbook
	// says nothing of these; the defaults (more than ⅔, more than half, 5
	// working days) are the usual 评选办法 of 政务服务中心s.
	QuorumNum     int `json:"quorum_num"`
	QuorumDen     int `json:"quorum_den"`
	MajorityNum   int `json:"majority_num"`
	MajorityDen   int `json:"majority_den"`
	PublicityDays int `json:"publicity_days"`
	// Revision is the version of these rules a rule set was saved with:
	// rules added later take their defaults in sets saved before them.
	Revision int `json:"revision"`
}

// scoringRevision is the Revision of the rules as this program writes them.
const scoringRevision = 3

// resolved gives rules saved before some of them existed their defaults.
func (r ScoringRules) resolved() ScoringRules {
	if r.Revision >= scoringRevision {
		return r
	}
	d := DefaultScoringRules()
	if r.Revision < 2 {
		r.WindowComplaintPoints = r.ComplaintPoints
		r.AwardMinWorkedShare, r.AwardNeedsActivity = d.AwardMinWorkedShare, d.AwardNeedsActivity
		r.StarMinVotes, r.WindowTieByCode = d.StarMinVotes, d.WindowTieByCode
		if r.WindowOneTimeNoticeNth < 1 {
			r.WindowOneTimeNoticeNth = d.WindowOneTimeNoticeNth
		}
		if r.StarAbsentDaysLimit <= 0 {
			r.StarAbsentDaysLimit = d.StarAbsentDaysLimit
		}
	}
	r.QuorumNum, r.QuorumDen = d.QuorumNum, d.QuorumDen
	r.MajorityNum, r.MajorityDen = d.MajorityNum, d.MajorityDen
	r.PublicityDays = d.PublicityDays
	r.Revision = scoringRevision
	return r
}

// WindowTieRule names how windows equal on score are ordered.
func (r ScoringRules) WindowTieRule() string {
	last := "窗口编号小者在前"
	if !r.WindowTieByCode {
		last = "仍相同的并列"
	}
	return "同分时依次比较：满意率高者在前，超期天数少者在前，" + last
}

// StarTieRule names how 服务明星 candidates equal on their mean are ordered.
func (r ScoringRules) StarTieRule() string {
	return "同分时依次比较：满意率高者在前，办结件数多者在前，仍相同的并列"
}

// AwardRecordRule says what record an award needs, for the screens and papers.
func (r ScoringRules) AwardRecordRule() string {
	s := fmt.Sprintf("实际出勤不少于期间已过工作日的%s", shareText(r.AwardMinWorkedShare))
	if r.AwardNeedsActivity {
		s += "，且至少有1件办结件或1条好差评"
	}
	return s
}

// shareText writes a share of the working days: 0.5 → 一半, 0.6 → 60%.
func shareText(v float64) string {
	if v == 0.5 {
		return "一半"
	}
	return strconv.FormatFloat(v*100, 'f', -1, 64) + "%"
}

// minWorked is the days a period of working days needs actually worked,
// rounded up to the half day.
func (r ScoringRules) minWorked(working int) float64 {
	return math.Ceil(r.AwardMinWorkedShare*float64(working)*2) / 2
}

// recordGaps says why a person's record in a period is too thin for an
// award: too few days actually worked, or neither a case nor a rating.
func (r ScoringRules) recordGaps(period string, worked float64, working, cases, rated int) []string {
	var out []string
	if need := r.minWorked(working); working > 0 && worked < need {
		out = append(out, fmt.Sprintf("%s实际出勤%s天，不足评选所需的%s天（已过%d个工作日的%s）",
			period, FormatDays(worked), FormatDays(need), working, shareText(r.AwardMinWorkedShare)))
	}
	if r.AwardNeedsActivity && cases+rated == 0 {
		out = append(out, period+"没有办结件和好差评记录")
	}
	return out
}

// DefaultScoringRules are the defaults of DOMAIN.md §8.
func DefaultScoringRules() ScoringRules {
	return ScoringRules{
		Base: 100, LatePoints: 1, EarlyPoints: 1, MissingPoints: 2, AbsentHalfPoints: 5, AwayPoints: 3,
		ViolationPoints: map[string]float64{"服务规范": 2, "工作纪律": 2, "一次性告知": 3, "服务承诺违诺": 3, "服务承诺拖拉": 3, "着装": 1},
		ComplaintPoints: 5, DissatisfiedPoints: 1, VeryDissatisfiedPoints: 2, OverdueDayPoints: 2,
		CommendationPoints: 1, BonusCap: 5, WindowAwards: 3, StarAwards: 5, BasicSatisfiedCounts: true,
		StarAbsentDaysLimit: 1, WindowOneTimeNoticeNth: 2,
		WindowComplaintPoints: 5, AwardMinWorkedShare: 0.5, AwardNeedsActivity: true, StarMinVotes: 1, WindowTieByCode: true,
		QuorumNum: 2, QuorumDen: 3, MajorityNum: 1, MajorityDen: 2, PublicityDays: 5,
		Revision: scoringRevision,
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
		"非常不满意扣分": r.VeryDissatisfiedPoints, "超期扣分": r.OverdueDayPoints, "表扬加分": r.CommendationPoints, "加分上限": r.BonusCap,
		"窗口投诉扣分": r.WindowComplaintPoints} {
		if v < 0 {
			fe.add(label, "不能为负数")
		}
	}
	if r.WindowAwards < 1 || r.StarAwards < 1 {
		fe.add("评选名额", "满意窗口和服务明星名额至少为1")
	}
	if r.AwardMinWorkedShare < 0 || r.AwardMinWorkedShare > 1 {
		fe.add("评选条件", "实际出勤比例应在0到1之间，如0.5表示一半")
	}
	if r.StarMinVotes < 0 {
		fe.add("评选条件", "最少票数不能为负数")
	}
	if r.QuorumDen < 1 || r.QuorumNum < 1 || r.QuorumNum >= r.QuorumDen {
		fe.add("评选会与公示", "到会人数比例应写成分数，如2/3，分子小于分母")
	}
	if r.MajorityDen < 1 || r.MajorityNum < 1 || r.MajorityNum >= r.MajorityDen {
		fe.add("评选会与公示", "当选票数比例应写成分数，如1/2，分子小于分母")
	}
	if r.PublicityDays < 1 || r.PublicityDays > 30 {
		fe.add("评选会与公示", "公示期应为1至30个工作日")
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
	// WorkingDays are the month's working days so far (all of them once it
	// is over): the measure of the record an award needs.
	WorkingDays int
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
	// WorkedDays are the days actually worked (出勤天数), WorkingDays the
	// month's working days so far; RecordGaps say why the month's record
	// is too thin to rank (too few days worked, no case or rating).
	WorkedDays  float64
	WorkingDays int
	RecordGaps  []string
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
	ps.WorkingDays = in.WorkingDays
	if a := in.Attendance; a != nil {
		ps.AbsentDays, ps.WorkedDays = a.AbsentDays, a.AttendedDays
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
	ps.RecordGaps = r.recordGaps("本月", ps.WorkedDays, ps.WorkingDays, ps.CasesDone, ps.Rated)
	sort.SliceStable(ps.Items, func(i, j int) bool { return ps.Items[i].On.Before(ps.Items[j].On) })
	return ps
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// WindowScore is a window's month: the mean of its resident staff's scores,
// less the window's own deductions.
type WindowScore struct {
	WindowID         uint
	Code, Name       string
	Score            float64
	MemberMean       float64 // mean of the resident staff's scores
	Deductions       float64 // mean of the members' deductions, plus the window's own
	Bonus            float64 // mean of the members' bonuses
	WindowDeductions float64 // the window's own (upheld complaints naming no person)
	Items            []ScoreItem
	Members          int // resident staff scored
	Satisfied, Rated int
	OverdueDays      int
	Vetoes           []string // why it may not be 满意窗口 this month (一票否决)
	Gaps             []string // why its record is too thin to be 满意窗口
	Tie              string   // how it was placed against windows of the same score
	Rank             int      // 1-based among the eligible; 0 when not eligible
	Award            bool     // 满意窗口
}

// Eligible reports whether the window may be 满意窗口.
func (w WindowScore) Eligible() bool { return len(w.Vetoes) == 0 && len(w.Gaps) == 0 && w.Members > 0 }

// Reasons lists why the window may not be 满意窗口: vetoes, then gaps.
func (w WindowScore) Reasons() []string { return append(append([]string(nil), w.Vetoes...), w.Gaps...) }

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

// ScoreWindows averages resident staff per window, takes off the window's
// own deductions, applies the vetoes (a substitute's included, each at the
// window where it happened) and the record an award needs, and ranks the
// eligible: higher score, then higher 满意率, then fewer overdue days, then
// window number (or 并列, by the rules); the top WindowAwards are 满意窗口.
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
			if r.WindowComplaintPoints != 0 {
				ws.Items = append(ws.Items, ScoreItem{c.On, "投诉", c.Label + "（未指明人员，扣窗口得分）", -r.WindowComplaintPoints,
					fmt.Sprintf("complaint:%d", c.ID)})
				ws.WindowDeductions += r.WindowComplaintPoints
			}
			if c.LosesWindowMonth {
				ws.Vetoes = append(ws.Vetoes, c.Label)
			}
		}
		byID[w.ID] = ws
		out = append(out, ws)
	}
	sums := map[uint]float64{}
	deds, bons := map[uint]float64{}, map[uint]float64{}
	withRecord := map[uint]bool{}
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
		if len(p.RecordGaps) == 0 {
			withRecord[p.WindowID] = true
		}
	}
	for _, ws := range out {
		if ws.Members > 0 {
			n := float64(ws.Members)
			ws.MemberMean = round2(sums[ws.WindowID] / n)
			ws.Score = round2(sums[ws.WindowID]/n - ws.WindowDeductions)
			ws.Deductions, ws.Bonus = round2(deds[ws.WindowID]/n+ws.WindowDeductions), round2(bons[ws.WindowID]/n)
			if !withRecord[ws.WindowID] {
				ws.Gaps = append(ws.Gaps, "本月没有达到评选条件的在岗人员（"+r.AwardRecordRule()+"）")
			}
		} else {
			ws.Vetoes = append(ws.Vetoes, "本月无在岗人员计分")
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return windowBefore(*out[i], *out[j]) })
	result := make([]WindowScore, len(out))
	for i, ws := range out {
		result[i] = *ws
	}
	rankWindows(result, r)
	return result
}

// rankWindows numbers the eligible windows, sorted, and explains every tie.
func rankWindows(ws []WindowScore, r ScoringRules) {
	rank := 0
	for i := range ws {
		if !ws[i].Eligible() {
			continue
		}
		rank++
		ws[i].Rank = rank
		if i > 0 && ws[i-1].Eligible() && !r.WindowTieByCode && windowTiedFully(ws[i-1], ws[i]) {
			ws[i].Rank = ws[i-1].Rank
		}
		ws[i].Award = ws[i].Rank <= r.WindowAwards
	}
	for i := range ws {
		if !ws[i].Eligible() {
			continue
		}
		var others []string
		var against *WindowScore
		for j := range ws {
			if j != i && ws[j].Eligible() && ws[j].Score == ws[i].Score {
				others = append(others, ws[j].Code)
				if against == nil || j == i-1 {
					against = &ws[j]
				}
			}
		}
		if against == nil {
			continue
		}
		ws[i].Tie = fmt.Sprintf("与%s同分%s；%s", strings.Join(others, "、"), fmtPoints(ws[i].Score), windowTieReason(ws[i], *against, r))
	}
}

func windowTiedFully(a, b WindowScore) bool {
	return a.Score == b.Score && SatisfactionRate(a.Satisfied, a.Rated) == SatisfactionRate(b.Satisfied, b.Rated) &&
		a.OverdueDays == b.OverdueDays
}

// windowTieReason names the criterion that placed a against b, tied on score.
func windowTieReason(a, b WindowScore, r ScoringRules) string {
	ra, rb := SatisfactionRate(a.Satisfied, a.Rated), SatisfactionRate(b.Satisfied, b.Rated)
	switch {
	case ra != rb:
		return fmt.Sprintf("比满意率（%s对%s）", rateLabel(ra), rateLabel(rb))
	case a.OverdueDays != b.OverdueDays:
		return fmt.Sprintf("满意率相同，比超期天数（%d天对%d天）", a.OverdueDays, b.OverdueDays)
	case r.WindowTieByCode:
		return "满意率、超期天数也相同，按窗口编号排序"
	}
	return "满意率、超期天数也相同，并列"
}

func rateLabel(v float64) string {
	if v < 0 {
		return "无评价"
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) + "%"
}

func fmtPoints(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

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
// and the 评分 screen: eligible residents (no 服务明星 veto this month, and
// the record an award needs) by score, then 满意率, then cases completed,
// then 工号; substitutes, the vetoed and those without a record after them
// in the same order. It returns the rank of each (0 for those not ranked).
func RankPeople(people []PersonScore) ([]PersonScore, []int) {
	out := append([]PersonScore(nil), people...)
	eligible := func(p PersonScore) bool { return p.Resident && len(p.StarVetoes) == 0 && len(p.RecordGaps) == 0 }
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
	WorkedDays       float64 // days actually worked in the quarter
	WorkingDays      int     // the quarter's working days so far
	Vetoes           []string
	Gaps             []string // why the record is too thin for the award
	Tie              string   // how it was placed against candidates of the same mean
	Rank             int
	Award            bool
}

// Eligible reports whether the person may be 服务明星 this quarter.
func (c StarCandidate) Eligible() bool {
	return len(c.Vetoes) == 0 && len(c.Gaps) == 0 && len(c.Months) > 0
}

// Reasons lists why the person may not be 服务明星: vetoes, then gaps.
func (c StarCandidate) Reasons() []string {
	return append(append([]string(nil), c.Vetoes...), c.Gaps...)
}

// RankStars ranks the quarter: the mean of each person's monthly scores in
// the months they served; vetoes from any month of the quarter and 旷工 of
// StarAbsentDaysLimit days or more disqualify, and so does a record too
// thin (days actually worked against the quarter's working days, a case or
// a rating); ties go to the higher 满意率, then to more cases completed,
// and are placed equal beyond that. The top StarAwards are 服务明星.
func RankStars(months [][]PersonScore, r ScoringRules) []StarCandidate {
	byID := map[uint]*StarCandidate{}
	var order []uint
	working := 0
	for _, month := range months {
		mw := 0
		for _, p := range month {
			mw = max(mw, p.WorkingDays)
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
			c.WorkedDays += p.WorkedDays
			for _, v := range p.StarVetoes {
				if !contains(c.Vetoes, v) {
					c.Vetoes = append(c.Vetoes, v)
				}
			}
		}
		working += mw
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
		c.WorkingDays = working
		c.Gaps = r.recordGaps("本季度", c.WorkedDays, working, c.CasesDone, c.Rated)
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
		if !out[i].Eligible() {
			continue
		}
		rank++
		out[i].Rank = rank
		if i > 0 && out[i-1].Eligible() && starTiedFully(out[i-1], out[i]) {
			out[i].Rank = out[i-1].Rank
		}
		out[i].Award = out[i].Rank <= r.StarAwards
	}
	for i := range out {
		if !out[i].Eligible() {
			continue
		}
		var others []string
		var against *StarCandidate
		for j := range out {
			if j != i && out[j].Eligible() && out[j].Mean == out[i].Mean {
				others = append(others, out[j].Name)
				if against == nil || j == i-1 {
					against = &out[j]
				}
			}
		}
		if against != nil {
			out[i].Tie = fmt.Sprintf("与%s同分%s；%s", strings.Join(others, "、"), fmtPoints(out[i].Mean), starTieReason(out[i], *against))
		}
	}
	return out
}

func starTiedFully(a, b StarCandidate) bool {
	return a.Mean == b.Mean && SatisfactionRate(a.Satisfied, a.Rated) == SatisfactionRate(b.Satisfied, b.Rated) &&
		a.CasesDone == b.CasesDone
}

// starTieReason names the criterion that placed a against b, tied on the mean.
func starTieReason(a, b StarCandidate) string {
	ra, rb := SatisfactionRate(a.Satisfied, a.Rated), SatisfactionRate(b.Satisfied, b.Rated)
	switch {
	case ra != rb:
		return fmt.Sprintf("比满意率（%s对%s）", rateLabel(ra), rateLabel(rb))
	case a.CasesDone != b.CasesDone:
		return fmt.Sprintf("满意率相同，比办结件数（%d件对%d件）", a.CasesDone, b.CasesDone)
	}
	return fmt.Sprintf("满意率、办结件数也相同，并列第%d名", a.Rank)
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
	// WorkingDays are the month's working days judged so far.
	WorkingDays int
}

// QuarterScores is a scored quarter: the 服务明星 candidates ranked.
type QuarterScores struct {
	Quarter    string // 2026Q4
	Months     []string
	RuleSet    RuleSet // in force at the quarter's end
	Candidates []StarCandidate
	// Unscored are the months begun without any punch record: their
	// scores mean nothing, and the quarter cannot be selected on them.
	Unscored []string
}

// Scoring gives the rule set's scoring rules, the defaults when it was saved
// before scoring rules existed.
func (r RuleSet) Scoring() ScoringRules {
	if r.ScoringRules == nil || r.ScoringRules.Base == 0 {
		return DefaultScoringRules()
	}
	return r.ScoringRules.resolved()
}

// RuleSetName names a rule set on outputs: "2026年1月1日起执行的规则".
func (r RuleSet) Name() string {
	if r.ID == 0 {
		return "默认规则"
	}
	return r.EffectiveFrom.Chinese() + "起执行的规则"
}
