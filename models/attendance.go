package models

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"
)

// DayPunch is one punch as the day's classification sees it; a correction
// (补卡) counts as a punch and is shown as one.
type DayPunch struct {
	StaffID    uint
	At         time.Time
	Correction bool
	Reason     string // of a correction
	Approver   string
	Device     string // the attendance machine
}

// Missing reports whether there is no punch.
func (p DayPunch) Missing() bool { return p.At.IsZero() }

// LeaveOverstayed marks a half-day after the end of a leave and before the
// person reported back (超假不归): it is 旷工.
const LeaveOverstayed = "超假"

// HalfLeave is what leave says about one half-day: nothing (Status ""), a
// request in one of the LeaveStatuses, or LeaveOverstayed.
type HalfLeave struct {
	RequestID uint
	Type      string
	Status    string
	Summary   string // "病假 自 11月9日上午 至 11月10日下午", for explanations
}

// Excused reports whether approved leave covers the half-day.
func (h HalfLeave) Excused() bool { return h.Status == LeaveApproved || h.Status == LeaveReturned }

// HalfResult is the classification of one half of a working day.
type HalfResult struct {
	In, Out               DayPunch // the zero DayPunch when missing
	InExcused, OutExcused bool     // the punch time is covered by an outing (外出登记)
	Leave                 HalfLeave
	OnLeave               bool // excused entirely by approved leave
	LateMinutes           int  // 迟到, 0 when on time
	EarlyMinutes          int  // 早退, 0 when not
	Missing               int  // 缺卡 in this half, 0–2
	Absent                bool // 旷工 half a day
	AbsentCause           string
}

// DayResult is the classification of one day for one person.
type DayResult struct {
	Date     Date
	Working  bool
	Schedule string
	Halves   [2]HalfResult
	Notes    []string // one line per finding, "11月3日 上午 08:41 迟到11分钟"
	// Unrecorded marks a working day with no punch records for the person's
	// machine or the whole centre (see PunchGap): it is not judged.
	Unrecorded bool
}

func clockAt(d Date, c Clock) time.Time {
	return CivilTime(d, int(c)/60, int(c)%60, 0)
}

// ClassifyDay applies the day rules of DOMAIN.md §2 to one person's day:
//  1. punches less than rules.DuplicateMinutes apart count once;
//  2. punches before the schedule's noon boundary are the morning's;
//  3. in each half the first punch is the 上班 one and the last the 下班 one;
//     a lone punch is the 上班 one when it is nearer the in-deadline than the
//     out-time, else the 下班 one;
//  4. 上班 after the deadline is 迟到, 下班 before the out-time 早退 (to the
//     minute, as the clock shows it); the morning's 下班 punch must fall
//     within the noon window: one after its end (as the clock shows it, so
//     12:30:59 is still 12:30) is not the morning's 下班 punch, which is then
//     missing (缺卡);
//  5. a half covered by approved leave is excused; a half with both punches
//     missing and no excuse is 旷工 half a day, not also 缺卡; any other
//     missing punch is one 缺卡;
//  6. corrections count as punches.
//
// A punch time covered by an outing (外出登记) is excused: neither late,
// early nor missing; an outing registered after it began excuses only when
// the rules allow it (AttendanceRules.LateOutingExcuses). Half-days of overstayed leave are 旷工, and so are
// half-days without punches whose leave is pending or rejected.
func ClassifyDay(day Date, working bool, sched Schedule, rules AttendanceRules, punches []DayPunch, leave [2]HalfLeave, outings []Outing) DayResult {
	r := DayResult{Date: day, Working: working, Schedule: sched.Name}
	if !working {
		return r
	}
	var own [8]DayPunch // a day's punches are a handful: copied here, not to the heap
	ps := append(own[:0], punches...)
	if !slices.IsSortedFunc(ps, punchTimeOrder) {
		slices.SortStableFunc(ps, punchTimeOrder)
	}
	window := time.Duration(rules.DuplicateMinutes) * time.Minute
	kept := ps[:0] // ps is this day's own copy
	for _, p := range ps {
		if n := len(kept); n > 0 && p.At.Sub(kept[n-1].At) < window {
			continue
		}
		kept = append(kept, p)
	}
	// the day's punches in time order: the morning's are those before noon
	noon := 0
	for noon < len(kept) && ClockOf(kept[noon].At) < sched.Noon() {
		noon++
	}
	halves := [2][]DayPunch{kept[:noon:noon], kept[noon:]}
	var excusing []Outing
	for _, o := range outings {
		if rules.OutingExcuses(o) {
			excusing = append(excusing, o)
		} else {
			r.Notes = append(r.Notes, fmt.Sprintf("%s 外出登记 %s–%s（%s）为事后补登（%s登记），按考勤规则不免打卡", dayLabel(day),
				ClockOf(o.From), ClockOf(o.To), o.Reason, FormatDateTime(o.RegisteredAt)))
		}
	}
	outings = excusing
	covered := func(c Clock) bool {
		if len(outings) == 0 {
			return false
		}
		t := clockAt(day, c)
		for _, o := range outings {
			if !t.Before(o.From) && !t.After(o.To) {
				return true
			}
		}
		return false
	}
	note := func(h int, format string, a ...any) {
		r.Notes = append(r.Notes, dayLabel(day)+" "+Halves[h]+" "+fmt.Sprintf(format, a...))
	}
	for h := 0; h < 2; h++ {
		hr := &r.Halves[h]
		hr.Leave = leave[h]
		in, out := sched.InDeadline(h), sched.OutTime(h)
		switch ps := halves[h]; len(ps) {
		case 0:
		case 1:
			c := ClockOf(ps[0].At)
			if absClock(c-in) < absClock(c-out) {
				hr.In = ps[0]
			} else {
				hr.Out = ps[0]
			}
		default:
			hr.In, hr.Out = ps[0], ps[len(ps)-1]
		}
		if last := hr.Out; h == 0 && !last.Missing() && ClockOf(last.At) > sched.AMOutEnd {
			// the morning's 下班 punch is the last one within the noon
			// window; punches after it, before the noon boundary, are not it
			hr.Out = DayPunch{}
			for i := len(halves[h]) - 1; i > 0; i-- {
				if p := halves[h][i]; ClockOf(p.At) <= sched.AMOutEnd {
					hr.Out = p
					break
				}
			}
			note(h, "%s 打卡晚于午间下班时段（%s–%s），不算上午下班卡", ClockOf(last.At), sched.AMOut, sched.AMOutEnd)
		}
		hr.InExcused, hr.OutExcused = covered(in), covered(out)
		for _, p := range []DayPunch{hr.In, hr.Out} {
			if p.Correction {
				note(h, "%s 补卡（事由：%s；审批人：%s）", ClockOf(p.At), p.Reason, p.Approver)
			}
		}
		if hr.Leave.Excused() {
			hr.OnLeave = true
			continue
		}
		if hr.Leave.Status == LeaveOverstayed {
			hr.Absent = true
			hr.AbsentCause = "超假未归（" + hr.Leave.Summary + "）"
			note(h, "%s，计旷工半天", hr.AbsentCause)
			continue
		}
		if hr.In.Missing() && hr.Out.Missing() && !hr.InExcused && !hr.OutExcused {
			hr.Absent = true
			switch hr.Leave.Status {
			case LeavePending:
				hr.AbsentCause = "请假未获批准（" + hr.Leave.Summary + "，待审批）且无打卡"
			case LeaveRejected:
				hr.AbsentCause = "请假已被驳回（" + hr.Leave.Summary + "）且无打卡"
			default:
				hr.AbsentCause = "无打卡且未请假"
			}
			note(h, "%s，计旷工半天", hr.AbsentCause)
			continue
		}
		for _, o := range outings {
			if c := clockAt(day, in); hr.InExcused && !c.Before(o.From) && !c.After(o.To) {
				note(h, "外出登记 %s–%s（%s），上班免打卡", ClockOf(o.From), ClockOf(o.To), o.Reason)
			}
			if c := clockAt(day, out); hr.OutExcused && !c.Before(o.From) && !c.After(o.To) {
				note(h, "外出登记 %s–%s（%s），下班免打卡", ClockOf(o.From), ClockOf(o.To), o.Reason)
			}
		}
		switch {
		case hr.InExcused:
		case hr.In.Missing():
			hr.Missing++
			note(h, "上班缺卡")
		case ClockOf(hr.In.At) > in:
			hr.LateMinutes = int(ClockOf(hr.In.At) - in)
			note(h, "%s 迟到%d分钟", ClockOf(hr.In.At), hr.LateMinutes)
		}
		switch {
		case hr.OutExcused:
		case hr.Out.Missing():
			hr.Missing++
			note(h, "下班缺卡")
		case ClockOf(hr.Out.At) < out:
			hr.EarlyMinutes = int(out - ClockOf(hr.Out.At))
			note(h, "%s 早退%d分钟", ClockOf(hr.Out.At), hr.EarlyMinutes)
		}
	}
	return r
}

func absClock(c Clock) Clock {
	if c < 0 {
		return -c
	}
	return c
}

// MonthInput is everything one person's month is computed from.
type MonthInput struct {
	Staff       Staff  // JoinedOn and LeftOn give the service period
	WindowCode  string // the window shown on the sheet
	Month       Date   // any day of the month
	Through     Date   // the last day judged; zero means the month's last day
	Calendar    *Calendar
	RuleSets    []RuleSet  // every rule set; each day uses the one in force on it
	Punches     []DayPunch // the person's punches (and corrections) in the month
	Leaves      []LeaveRequest
	Inspections []Inspection
	Outings     []Outing
	// Unrecorded are days left unjudged because no punches were recorded
	// for them (see PunchGap); halves on approved leave still count as leave.
	Unrecorded map[Date]bool
	// TotalsOnly keeps the month's figures and notes but not each day's
	// classification (Days stays empty): for an export of the figures.
	TotalsOnly bool
}

// MonthSummary is one person's attendance for a month: the columns of the
// monthly sheet (考勤月报) and the explanations that trace every number.
type MonthSummary struct {
	StaffID             uint
	EmployeeNo          string
	Name                string
	WindowCode          string
	Month               string
	DueDays             float64 // 应出勤天数: working days within the service period
	AttendedDays        float64 // 出勤天数: working half-days neither on leave nor 旷工, / 2
	LateCount           int     // 迟到次数
	LateMinutes         int     // 迟到分钟
	EarlyCount          int     // 早退次数
	EarlyMinutes        int     // 早退分钟
	MissingCount        int     // 缺卡次数
	AwayCount           int     // 擅离岗位次数 (absences up to the limit)
	LeaveDays           float64 // 请假天数
	LeaveByType         map[string]float64
	LateEarlyAbsentDays float64 // 迟到早退折算旷工天数
	AwayAbsentDays      float64 // 擅离折算旷工天数
	AbsentDays          float64 // 旷工天数, all causes
	UnrecordedDays      float64 // 待核实天数: days without punch records, not judged
	Explanations        []string
	// Warnings are records that contradict each other and need the office's
	// correction, such as punches on days a late 销假 date calls 超假.
	Warnings []string
	Days     []DayResult
}

// Result is the 考勤结果 column: 正常, or 异常 when anything was found.
func (m MonthSummary) Result() string {
	if m.LateCount+m.EarlyCount+m.MissingCount+m.AwayCount == 0 && m.AbsentDays == 0 {
		return "正常"
	}
	return "异常"
}

// FormatDays writes a number of days plainly: 0.5, 22, 21.5.
func FormatDays(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// halfSlot numbers half-days: two per calendar day, the morning first.
func halfSlot(d Date, h int) int64 { return d.Time().Unix()/86400*2 + int64(h) }

// leavePriority orders what a half-day's leave says when requests overlap.
var leavePriority = map[string]int{LeaveApproved: 5, LeaveReturned: 5, LeaveOverstayed: 4, LeavePending: 3, LeaveRejected: 2}

// halfLeaves maps each half-day slot of [from, to] to what leave says of it.
// punched holds the slots with a punch: a person who punched after the
// leave ended was back, whatever the recorded 销假 date says, so the
// overstay (超假) ends at their first punch; each such contradiction comes
// back as a warning for the office to correct the 销假 date.
func halfLeaves(leaves []LeaveRequest, from, to Date, punched map[int64]bool) (map[int64]HalfLeave, []string) {
	out := map[int64]HalfLeave{}
	var warnings []string
	lo, hi := halfSlot(from, 0), halfSlot(to, 1)
	put := func(a, b int64, hl HalfLeave) {
		if a < lo {
			a = lo
		}
		if b > hi {
			b = hi
		}
		for s := a; s <= b; s++ {
			if old, ok := out[s]; !ok || leavePriority[hl.Status] > leavePriority[old.Status] {
				out[s] = hl
			}
		}
	}
	for _, l := range leaves {
		start, end := l.fromSlot(), l.toSlot()
		hl := HalfLeave{RequestID: l.ID, Type: l.Type, Status: l.Status, Summary: l.Type + " " + l.Span()}
		if l.Status == LeaveReturned && !l.ReturnedOn.IsZero() {
			back := halfSlot(l.ReturnedOn, 0)
			if back <= end {
				end = back - 1 // came back early: the rest is not leave
			} else {
				over := hl
				over.Status = LeaveOverstayed
				over.Summary = fmt.Sprintf("%s，%s销假", hl.Summary, dayLabel(l.ReturnedOn))
				stop := back
				for s := max(end+1, lo); s < back && s <= hi; s++ {
					if punched[s] {
						stop = s
						break
					}
				}
				if stop < back {
					warnings = append(warnings, fmt.Sprintf("%s %s 登记%s销假，但%s已有打卡：超假只计到打卡之前；如销假日期有误，请在“请假”中更正销假日期",
						l.Type, l.Span(), dayLabel(l.ReturnedOn), slotLabel(stop)))
				}
				put(end+1, stop-1, over)
			}
		}
		put(start, end, hl)
	}
	return out, warnings
}

// slotLabel writes a half-day slot: "9月18日上午".
func slotLabel(s int64) string {
	d := DateOf(time.Unix(s/2*86400, 0).UTC())
	return dayLabel(d) + Halves[s%2]
}

// punchesByDay groups the punches of first…last by day, each day's in time
// order (equal times as given); day i of the result is first.AddDays(i).
// Punches already civil and in order, as the store reads them, are grouped
// in place; others are first copied.
func punchesByDay(punches []DayPunch, first, last Date) [][]DayPunch {
	ps := punches
	civil := func(t time.Time) bool { return t.Location() == CentreZone && t.Nanosecond() == 0 }
	if !slices.IsSortedFunc(ps, punchTimeOrder) || slices.ContainsFunc(ps, func(p DayPunch) bool { return !civil(p.At) }) {
		ps = slices.Clone(punches)
		for i := range ps {
			ps[i].At = Civil(ps[i].At)
		}
		slices.SortStableFunc(ps, punchTimeOrder)
	}
	byDay := make([][]DayPunch, daysFrom(first, last)+1)
	for i := 0; i < len(ps); {
		d, j := DateOf(ps[i].At), i+1
		for j < len(ps) && DateOf(ps[j].At) == d {
			j++
		}
		if k := daysFrom(first, d); k >= 0 && k < len(byDay) {
			byDay[k] = ps[i:j:j]
		}
		i = j
	}
	return byDay
}

// daysFrom counts the days from a to b (negative when b is earlier).
func daysFrom(a, b Date) int { return int((b.Time().Unix() - a.Time().Unix()) / 86400) }

// SummarizeMonth computes one person's month: each working day within the
// service period up to Through is classified with the rules in force on it,
// then the month's conversions are added (迟到早退 with the rules in force on
// the month's first day, each 查岗 absence with those of its own day).
func SummarizeMonth(in MonthInput) MonthSummary {
	first, last := MonthSpan(in.Month)
	if !in.Through.IsZero() && in.Through.Before(last) {
		last = in.Through
	}
	book := ruleBook(append([]RuleSet(nil), in.RuleSets...))
	sort.Slice(book, func(i, j int) bool { return book[i].EffectiveFrom.Before(book[j].EffectiveFrom) })
	cal := in.Calendar
	if cal == nil {
		cal = NewCalendar(nil)
	}
	m := MonthSummary{StaffID: in.Staff.ID, EmployeeNo: in.Staff.EmployeeNo, Name: in.Staff.Name,
		WindowCode: in.WindowCode, Month: MonthOf(first), LeaveByType: map[string]float64{}}

	byDay := punchesByDay(in.Punches, first, last)
	var outByDay map[Date][]Outing
	for _, o := range in.Outings {
		o.From, o.To = Civil(o.From), Civil(o.To)
		for d := DateOf(o.From); !d.After(DateOf(o.To)); d = d.AddDays(1) {
			if outByDay == nil {
				outByDay = map[Date][]Outing{}
			}
			outByDay[d] = append(outByDay[d], o)
		}
	}
	var punched map[int64]bool // only leave asks which halves have a punch
	if len(in.Leaves) > 0 {
		punched = map[int64]bool{}
		for k, ps := range byDay {
			d := first.AddDays(k)
			noon := book.at(d).Attendance.ScheduleFor(d).Noon()
			for _, p := range ps {
				h := 1
				if ClockOf(p.At) < noon {
					h = 0
				}
				punched[halfSlot(d, h)] = true
			}
		}
	}
	leaves, warnings := halfLeaves(in.Leaves, first, last, punched)
	m.Warnings = warnings
	type dated = datedNote
	var notes []dated
	var dueHalves, attendedHalves, absentHalves, unrecordedHalves int
	var leaveHalves map[string]int
	type reqUse struct {
		first Date
		n     int
	}
	var byRequest map[uint]*reqUse
	if !in.TotalsOnly {
		m.Days = make([]DayResult, 0, 31)
	}
	for d := first; !d.After(last); d = d.AddDays(1) {
		if !in.Staff.InService(d) {
			continue
		}
		working := cal.IsWorkingDay(d)
		rules := book.at(d).Attendance
		var hl [2]HalfLeave
		for h := 0; h < 2; h++ {
			hl[h] = leaves[halfSlot(d, h)]
		}
		r := ClassifyDay(d, working, rules.ScheduleFor(d), rules, byDay[daysFrom(first, d)], hl, outByDay[d])
		if working && in.Unrecorded[d] {
			r = unjudged(r)
		}
		if !in.TotalsOnly {
			m.Days = append(m.Days, r)
		}
		if !working {
			continue
		}
		for _, n := range r.Notes {
			notes = append(notes, dated{d, n})
		}
		for _, hr := range r.Halves {
			dueHalves++
			switch {
			case hr.OnLeave:
				if leaveHalves == nil {
					leaveHalves, byRequest = map[string]int{}, map[uint]*reqUse{}
				}
				leaveHalves[hr.Leave.Type]++
				if u := byRequest[hr.Leave.RequestID]; u != nil {
					u.n++
				} else {
					byRequest[hr.Leave.RequestID] = &reqUse{d, 1}
				}
			case hr.Absent:
				absentHalves++
			case r.Unrecorded:
				unrecordedHalves++
			default:
				attendedHalves++
			}
			if hr.LateMinutes > 0 {
				m.LateCount++
				m.LateMinutes += hr.LateMinutes
			}
			if hr.EarlyMinutes > 0 {
				m.EarlyCount++
				m.EarlyMinutes += hr.EarlyMinutes
			}
			m.MissingCount += hr.Missing
		}
	}
	m.DueDays = float64(dueHalves) / 2
	m.AttendedDays = float64(attendedHalves) / 2
	m.UnrecordedDays = float64(unrecordedHalves) / 2
	var leaveTotal int
	for t, n := range leaveHalves {
		m.LeaveByType[t] = float64(n) / 2
		leaveTotal += n
	}
	m.LeaveDays = float64(leaveTotal) / 2

	// 查岗: absences over the limit are half a day of 旷工, shorter ones
	// count as 擅离岗位次数 (see awayFindings).
	var inMonth []Inspection
	for _, x := range in.Inspections {
		d := DateOf(Civil(x.LeftAt))
		if !d.Before(first) && !d.After(last) && in.Staff.InService(d) {
			inMonth = append(inMonth, x)
		}
	}
	away := awayFindings(inMonth, book, outByDay)
	m.AwayCount = away.count
	notes = append(notes, away.notes...)
	m.AwayAbsentDays = float64(away.halves) / 2

	for _, l := range in.Leaves {
		if u := byRequest[l.ID]; u != nil {
			approver := ""
			if l.Approver != "" {
				approver = "，审批人：" + l.Approver
			}
			notes = append(notes, dated{u.first, fmt.Sprintf("%s %s（%s%s），本月计%s天", l.Type, l.Span(), l.Status, approver, FormatDays(float64(u.n)/2))})
		}
	}
	sort.SliceStable(notes, func(i, j int) bool { return notes[i].day.Before(notes[j].day) })
	for _, n := range notes {
		m.Explanations = append(m.Explanations, n.text)
	}
	monthRules := book.at(first).Attendance
	if n := m.LateCount + m.EarlyCount; n > 0 {
		m.LateEarlyAbsentDays = monthRules.LateEarlyAbsence(n)
		switch {
		case m.LateEarlyAbsentDays == 0:
			m.Explanations = append(m.Explanations, fmt.Sprintf("迟到早退共%d次，未满%d次，不折算旷工", n, monthRules.LateEarlyLimit))
		case monthRules.LateEarlyMode == LateEarlyPerEachN:
			m.Explanations = append(m.Explanations, fmt.Sprintf("迟到早退共%d次，每满%d次计旷工半天，计旷工%s天", n, monthRules.LateEarlyLimit, FormatDays(m.LateEarlyAbsentDays)))
		default:
			m.Explanations = append(m.Explanations, fmt.Sprintf("迟到早退共%d次，计旷工半天", n))
		}
	}
	m.AbsentDays = float64(absentHalves)/2 + m.LateEarlyAbsentDays + m.AwayAbsentDays
	return m
}

// unjudged turns a day without punch records into one that is not judged:
// halves on approved leave stay leave, the rest are neither attended nor
// absent, and nothing is counted missing.
func unjudged(r DayResult) DayResult {
	r.Unrecorded = true
	r.Notes = []string{dayLabel(r.Date) + " 无打卡记录（未导入?），暂不计考勤"}
	for h := range r.Halves {
		hr := &r.Halves[h]
		if hr.OnLeave {
			continue
		}
		*hr = HalfResult{Leave: hr.Leave}
	}
	return r
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
