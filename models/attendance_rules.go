package models

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Ways the 迟到早退 threshold converts to 旷工 (AttendanceRules.LateEarlyMode).
const (
	LateEarlyOncePerMonth = "每月一次" // N or more in the month → half a day, once
	LateEarlyPerEachN     = "每满N次" // every full N → half a day
)

// LateEarlyModes lists the modes in the order forms offer them.
var LateEarlyModes = []string{LateEarlyOncePerMonth, LateEarlyPerEachN}

// Leave approval tiers (请假审批权限), lowest first.
const (
	TierChief  = "首席代表"
	TierOffice = "综合业务科"
	TierLeader = "中心领导"
)

// ApprovalTiers lists the tiers from the lowest to the highest, in the
// order the approval form offers them.
var ApprovalTiers = []string{TierChief, TierOffice, TierLeader}

// TierCovers reports whether an approver of tier have may approve a leave
// that needs tier need: the same tier or a higher one.
func TierCovers(have, need string) bool {
	h, n := -1, -1
	for i, t := range ApprovalTiers {
		if t == have {
			h = i
		}
		if t == need {
			n = i
		}
	}
	return h >= 0 && h >= n
}

// Ways absences found by inspection are compared with the 擅离 limit
// (AttendanceRules.AwayMode). The handbook says only "擅离工作岗位时间超过2小时的
// 计旷工半天": each absence on its own, or the absences of a half-day or a
// day added up.
const (
	AwayPerAbsence = "每次单计"  // each absence against the limit (the default)
	AwayPerHalfDay = "按半天合计" // a half-day's absences added up
	AwayPerDay     = "按天合计"  // a day's absences added up
)

// AwayModes lists the modes in the order forms offer them.
var AwayModes = []string{AwayPerAbsence, AwayPerHalfDay, AwayPerDay}

// The handbook's own words behind the attendance options, shown beside them
// in the rules editor so the office sees what each choice interprets.
const (
	HandbookAway      = "擅离工作岗位时间超过2小时的计旷工半天。（请假制度第2条）"
	HandbookLateEarly = "当月迟到或早退4次以上的计旷工半天。（请假制度第2条）"
	HandbookOuting    = "员工应按时打卡，确因工作需要提前回单位交换文件超过半小时以上的，应提前向综合业务科备案。（考勤制度第2条）"
	HandbookLeave     = "请假应提前填写请假单，并按照审批流程进行审批。请假未获批准不得擅自休假。（请假制度第1条）"
	HandbookOverstay  = "无正当理由超假不归的，按旷工处理。（请假制度第2条）"
	HandbookSchedule  = "打卡时间——冬令时：早上8:30之前，中午12:00-12:30，下午13:00-13:30，晚上5:00之后。（窗口工作纪律第2条）"
)

// AttendanceRules are the attendance and leave parameters of a rule set
// (考勤制度, 请假制度). Defaults come from DOMAIN.md §2–3.
type AttendanceRules struct {
	// Punches of one person less than DuplicateMinutes apart count once.
	DuplicateMinutes int `json:"duplicate_minutes"`
	// 当月迟到或早退 LateEarlyLimit 次以上的计旷工半天, once per month or per each N.
	LateEarlyLimit int    `json:"late_early_limit"`
	LateEarlyMode  string `json:"late_early_mode"`
	// 擅离工作岗位 longer than AwayLimitMinutes → half a day 旷工; shorter
	// absences count as 擅离岗位次数.
	AwayLimitMinutes int `json:"away_limit_minutes"`
	// Schedules: the seasonal ones apply by date; FixedSchedule, when set,
	// names the one schedule used all year instead.
	Schedules     []Schedule `json:"schedules"`
	FixedSchedule string     `json:"fixed_schedule,omitempty"`
	// Approval tiers by leave length in days: up to ChiefMaxDays the 首席代表,
	// up to OfficeMaxDays the 综合业务科, longer the 中心领导.
	ChiefMaxDays  float64 `json:"chief_max_days"`
	OfficeMaxDays float64 `json:"office_max_days"`
	// AwayMode says whether each absence is compared with AwayLimitMinutes
	// on its own or the absences of a half-day or a day added up.
	AwayMode string `json:"away_mode"`
	// LateOutingExcuses lets an outing registered after it began (事后补登)
	// still excuse punches and inspection findings; the handbook asks for
	// registration in advance, so by default it does not.
	LateOutingExcuses bool `json:"late_outing_excuses"`
	// LateLeaveNeedsReason asks a leave applied after it began (事后补假)
	// for a written 补假说明.
	LateLeaveNeedsReason bool `json:"late_leave_needs_reason"`
}

// UnmarshalJSON reads saved rules over the defaults, so a rule set saved
// before an option existed reads with that option's default.
func (r *AttendanceRules) UnmarshalJSON(b []byte) error {
	type plain AttendanceRules
	p := plain(DefaultAttendanceRules())
	p.Schedules = nil
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	if p.Schedules == nil {
		p.Schedules = DefaultAttendanceRules().Schedules
	}
	*r = AttendanceRules(p)
	return nil
}

// DefaultAttendanceRules are the handbook's rules.
func DefaultAttendanceRules() AttendanceRules {
	return AttendanceRules{
		DuplicateMinutes: 1,
		LateEarlyLimit:   4, LateEarlyMode: LateEarlyOncePerMonth,
		AwayLimitMinutes: 120,
		Schedules:        []Schedule{summerSchedule(), winterSchedule(), nineToFiveSchedule()},
		ChiefMaxDays:     1, OfficeMaxDays: 3,
		AwayMode:             AwayPerAbsence,
		LateOutingExcuses:    false,
		LateLeaveNeedsReason: true,
	}
}

// OutingExcuses reports whether outing o excuses punches and absences under
// these rules: one registered in advance always does, one registered after
// it began (事后补登) only when LateOutingExcuses allows it.
func (r AttendanceRules) OutingExcuses(o Outing) bool {
	return !o.Late() || r.LateOutingExcuses
}

// ScheduleFor returns the office hours in force on day d: the fixed schedule
// if one is chosen, else the seasonal schedule covering d.
func (r AttendanceRules) ScheduleFor(d Date) Schedule {
	if r.FixedSchedule != "" {
		for _, s := range r.Schedules {
			if s.Name == r.FixedSchedule {
				return s
			}
		}
	}
	for _, s := range r.Schedules {
		if s.Covers(d) {
			return s
		}
	}
	if len(r.Schedules) > 0 {
		return r.Schedules[0]
	}
	return winterSchedule()
}

// ApprovalTier names who approves a leave of the given length in days.
func (r AttendanceRules) ApprovalTier(days float64) string {
	switch {
	case days <= r.ChiefMaxDays:
		return TierChief
	case days <= r.OfficeMaxDays:
		return TierOffice
	}
	return TierLeader
}

// awayMode is AwayMode, with the default for rules that have none.
func (r AttendanceRules) awayMode() string {
	if r.AwayMode == "" {
		return AwayPerAbsence
	}
	return r.AwayMode
}

func either(v bool, yes, no string) string {
	if v {
		return yes
	}
	return no
}

// LateEarlyAbsence is the 旷工 in days that count 迟到 + 早退 in a month convert to.
func (r AttendanceRules) LateEarlyAbsence(count int) float64 {
	if r.LateEarlyLimit <= 0 || count < r.LateEarlyLimit {
		return 0
	}
	if r.LateEarlyMode == LateEarlyPerEachN {
		return float64(count/r.LateEarlyLimit) * 0.5
	}
	return 0.5
}

// Validate checks the rules; the field names are the labels of the rules form.
func (r AttendanceRules) Validate() FieldErrors {
	var fe FieldErrors
	if r.DuplicateMinutes < 0 || r.DuplicateMinutes > 30 {
		fe.add("重复打卡间隔", "重复打卡间隔应在 0 到 30 分钟之间")
	}
	if r.LateEarlyLimit < 1 {
		fe.add("迟到早退次数", "迟到早退折算旷工的次数至少为 1")
	}
	if !oneOf(r.LateEarlyMode, LateEarlyModes) {
		fe.add("折算方式", "折算方式只能是 "+strings.Join(LateEarlyModes, " / "))
	}
	if r.AwayLimitMinutes < 1 {
		fe.add("擅离时长", "擅离岗位折算旷工的时长至少为 1 分钟")
	}
	if r.AwayMode != "" && !oneOf(r.AwayMode, AwayModes) {
		fe.add("擅离计算方式", "擅离计算方式只能是 "+strings.Join(AwayModes, " / "))
	}
	if len(r.Schedules) == 0 {
		fe.add("作息时间", "至少需要一套作息时间")
	}
	names := map[string]bool{}
	for _, s := range r.Schedules {
		for _, p := range s.problems() {
			fe.add("作息时间", p)
		}
		if names[s.Name] {
			fe.add("作息时间", fmt.Sprintf("作息时间“%s”重复", s.Name))
		}
		names[s.Name] = true
	}
	if r.FixedSchedule != "" && !names[r.FixedSchedule] {
		fe.add("固定作息", fmt.Sprintf("没有名为“%s”的作息时间", r.FixedSchedule))
	}
	if r.FixedSchedule == "" {
		// every day of the year must fall in some seasonal schedule
		for d := NewDate(2024, 1, 1); d.Year() == 2024; d = d.AddDays(1) {
			covered := false
			for _, s := range r.Schedules {
				covered = covered || s.Covers(d)
			}
			if !covered {
				fe.add("作息时间", fmt.Sprintf("%d月%d日不在任何作息时间的起止日期内，请补全日期或选择固定作息", int(d.Month()), d.Day()))
				break
			}
		}
	}
	if r.ChiefMaxDays <= 0 || r.OfficeMaxDays < r.ChiefMaxDays {
		fe.add("审批权限", "审批天数应为正数，且综合业务科的天数不少于首席代表的天数")
	}
	return fe
}

// RuleSet is the office's rules from a date on: a past month is always
// computed with the rule sets in force on each of its days. Each section of
// parameters is one JSON text column, so later sections (scoring) are added
// without a schema change.
type RuleSet struct {
	ID            uint            `gorm:"primaryKey"`
	EffectiveFrom Date            `gorm:"uniqueIndex;not null"`
	Note          string          `gorm:"size:256"`
	Attendance    AttendanceRules `gorm:"serializer:json;type:text"`
	Conduct       ConductRules    `gorm:"serializer:json;type:text"` // 违规投诉与评价 (conduct.go)
	ScoringRules  *ScoringRules   `gorm:"serializer:json;type:text"` // 满意窗口与服务明星 (scoring.go); nil = defaults
	CaseRules     *CaseRules      `gorm:"serializer:json;type:text"` // 办件授权, 一审一核 (case_auth.go); nil = defaults
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// DefaultRuleSet is the built-in rule set, in force from 2000-01-01 until
// the office saves its own.
func DefaultRuleSet() RuleSet {
	return RuleSet{EffectiveFrom: NewDate(2000, 1, 1), Note: "默认规则（窗口工作纪律、请假制度）", Attendance: DefaultAttendanceRules(), Conduct: DefaultConductRules()}
}

func (r RuleSet) auditEntity() string { return "考勤规则" }
func (r RuleSet) auditKey() string    { return r.EffectiveFrom.String() }
func (r RuleSet) auditFields() []AuditField {
	a := r.Attendance
	sched := make([]string, len(a.Schedules))
	for i, s := range a.Schedules {
		sched[i] = s.Describe()
	}
	days := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	return []AuditField{
		{"生效日期", r.EffectiveFrom.String()}, {"说明", r.Note},
		{"重复打卡间隔", fmt.Sprintf("%d分钟", a.DuplicateMinutes)},
		{"迟到早退折算", fmt.Sprintf("%d次计旷工半天（%s）", a.LateEarlyLimit, a.LateEarlyMode)},
		{"擅离折算", fmt.Sprintf("超过%d分钟计旷工半天（%s）", a.AwayLimitMinutes, a.awayMode())},
		{"事后补登外出", either(a.LateOutingExcuses, "仍免考勤", "不免考勤")},
		{"事后补假", either(a.LateLeaveNeedsReason, "须写明补假说明", "无需补假说明")},
		{"作息时间", strings.Join(sched, "；")}, {"固定作息", a.FixedSchedule},
		{"审批权限", fmt.Sprintf("%s天以内首席代表，%s天以内综合业务科，更长中心领导", days(a.ChiefMaxDays), days(a.OfficeMaxDays))},
		{"违规投诉与评价", r.Conduct.describe()},
		{"一审一核达标线", FormatPercent(r.Cases().OneReviewMinPercent) + "%"},
	}
}

// ruleBook picks the rule set in force on a day from all rule sets.
type ruleBook []RuleSet // by EffectiveFrom, ascending

func loadRuleBook(tx *gorm.DB) (ruleBook, error) {
	var sets []RuleSet
	if err := tx.Order("effective_from").Find(&sets).Error; err != nil {
		return nil, err
	}
	return ruleBook(sets), nil
}

// builtinRules is the default for days before any saved rule set; read only.
var builtinRules = DefaultRuleSet()

func (b ruleBook) at(d Date) RuleSet {
	for i := len(b) - 1; i >= 0; i-- {
		if !b[i].EffectiveFrom.After(d) {
			return b[i]
		}
	}
	return builtinRules
}

// RulesFor returns the rule set in force on day d: the one with the latest
// EffectiveFrom on or before d, or the built-in default.
func (s *Store) RulesFor(d Date) (RuleSet, error) {
	var rs RuleSet
	err := s.db.Where("effective_from <= ?", d).Order("effective_from DESC").Limit(1).Find(&rs).Error
	if err != nil {
		return RuleSet{}, err
	}
	if rs.ID == 0 {
		return DefaultRuleSet(), nil
	}
	return rs, nil
}

// RuleSets lists the saved rule sets, oldest first. The built-in default is
// not among them.
func (s *Store) RuleSets() ([]RuleSet, error) {
	b, err := loadRuleBook(s.db)
	return []RuleSet(b), err
}

// SaveRuleSet creates (ID 0) or updates a rule set. A rule set whose period
// covers a locked month is refused: it would change that month's results.
func (s *Store) SaveRuleSet(rs *RuleSet) error {
	rs.Note = strings.TrimSpace(rs.Note)
	fe := append(rs.Attendance.Validate(), rs.Conduct.Validate()...)
	if rs.ScoringRules != nil {
		fe = append(fe, rs.ScoringRules.Validate()...)
	}
	if rs.CaseRules != nil {
		fe = append(fe, rs.CaseRules.Validate()...)
	}
	if rs.EffectiveFrom.IsZero() {
		fe = append(FieldErrors{{"生效日期", "请填写生效日期"}}, fe...)
	}
	if len([]rune(rs.Note)) > 200 {
		fe.add("说明", "说明不能超过200个字")
	}
	if len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var clash RuleSet
		if err := tx.Where("effective_from = ? AND id <> ?", rs.EffectiveFrom, rs.ID).Limit(1).Find(&clash).Error; err != nil {
			return err
		}
		if clash.ID != 0 {
			return FieldErrors{{"生效日期", fmt.Sprintf("%s 起已有一套规则，请修改那一套或换一个生效日期", rs.EffectiveFrom)}}
		}
		book, err := loadRuleBook(tx)
		if err != nil {
			return err
		}
		var before *RuleSet
		for i := range book {
			if book[i].ID == rs.ID && rs.ID != 0 {
				before = &book[i]
			}
		}
		if rs.ID != 0 && before == nil {
			return ErrNotFound
		}
		if err := refuseLockedRules(tx, book, rs, before); err != nil {
			return err
		}
		if before == nil {
			if err := tx.Create(rs).Error; err != nil {
				return err
			}
			a.create(rs)
		} else {
			if err := tx.Omit("created_at").Save(rs).Error; err != nil {
				return err
			}
			a.update(before, rs)
		}
		// records already made on the days it governs follow the new rules
		return reapplyAfterRuleChange(tx, a, rs, before)
	})
}

// refuseLockedRules refuses a rule set change when a locked month has a day
// whose rules it changes: a day now governed by the edited set, or one that
// the new or moved set would govern.
func refuseLockedRules(tx *gorm.DB, book ruleBook, rs *RuleSet, before *RuleSet) error {
	locked, err := lockedMonths(tx)
	if err != nil || len(locked) == 0 {
		return err
	}
	var after ruleBook
	for _, b := range book {
		if before == nil || b.ID != before.ID {
			after = append(after, b)
		}
	}
	after = append(after, *rs)
	sort.Slice(after, func(i, j int) bool { return after[i].EffectiveFrom.Before(after[j].EffectiveFrom) })
	var touched []string
	for _, m := range sortedMonths(locked) {
		first, _ := ParseMonth(m)
		for d := first; d.Month() == first.Month(); d = d.AddDays(1) {
			old, next := book.at(d), after.at(d)
			if old.ID != next.ID || old.EffectiveFrom != next.EffectiveFrom || (before != nil && old.ID == before.ID) {
				touched = append(touched, m)
				break
			}
		}
	}
	if len(touched) == 0 {
		return nil
	}
	return refuseLocked(tx, "更改该月适用的考勤规则", touched...)
}
