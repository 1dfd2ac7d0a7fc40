package models

import (
	"fmt"
	"testing"
	"time"
)

// The demo centre is dated relative to the store's today: on whatever day a
// new user tries it, the last months look like a working centre (most staff
// 正常, a few anomalies that trace to their punches, no working day without
// punches), the quarter has 服务明星 candidates, the month's ranking is
// plausible and the overview has things to do.
func TestFillDemoLooksLivedInOnAnyDay(t *testing.T) {
	for _, tc := range []struct {
		name string
		now  time.Time
	}{
		{"new year's day", time.Date(2027, 1, 1, 9, 0, 0, 0, CentreZone)},
		{"first of a month", time.Date(2026, 12, 1, 9, 0, 0, 0, CentreZone)},
		{"last of a month", time.Date(2026, 11, 30, 9, 0, 0, 0, CentreZone)},
		{"day after the National Day holiday", time.Date(2026, 10, 9, 9, 0, 0, 0, CentreZone)},
		{"two years ahead", time.Date(2028, 11, 30, 9, 0, 0, 0, CentreZone)},
		{"the tests' today", testNow},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := openTempAt(t, tc.now)
			if err := st.FillDemo(); err != nil {
				t.Fatal(err)
			}
			checkDemoAttendance(t, st)
			checkDemoAwards(t, st)
			checkDemoOpenItems(t, st)
		})
	}
}

// checkDemoAttendance: this month so far and the month before have most
// staff 正常; every anomaly of those months traces to the person's punches;
// no working day of the last two full months and this one lacks punches.
func checkDemoAttendance(t *testing.T, st *Store) {
	t.Helper()
	today := st.Today()
	yesterday := today.AddDays(-1)
	this := monthStart(today)
	prev := NewDate(this.Year(), this.Month()-1, 1)
	cal, _ := st.Calendar()

	punches, err := st.Punches(PunchFilter{From: NewDate(this.Year(), this.Month()-2, 1), To: yesterday})
	if err != nil {
		t.Fatal(err)
	}
	byDay := map[Date]int{}
	type key struct {
		staff uint
		day   Date
	}
	mine := map[key][]Punch{}
	for _, p := range punches {
		d := DateOf(p.At)
		byDay[d]++
		mine[key{p.StaffID, d}] = append(mine[key{p.StaffID, d}], p)
	}
	for d := NewDate(this.Year(), this.Month()-2, 1); !d.After(yesterday); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) && byDay[d] == 0 {
			t.Errorf("working day %s has no punches", d)
		}
	}

	traced := 0
	for _, month := range []Date{prev, this} {
		sums, err := st.AttendanceMonth(MonthOf(month), AttendanceFilter{})
		if err != nil {
			t.Fatal(err)
		}
		normal := 0
		for _, m := range sums {
			if m.Result() == "正常" {
				normal++
			}
			for _, d := range m.Days {
				sched := mustRules(t, st, d.Date).Attendance.ScheduleFor(d.Date)
				day := mine[key{m.StaffID, d.Date}]
				for h, hr := range d.Halves {
					if hr.LateMinutes > 0 {
						traced++
						if !hasPunchAt(day, sched.InDeadline(h)+Clock(hr.LateMinutes)) {
							t.Errorf("%s %s %s: 迟到%d分钟 but no punch at %s: %v", m.Name, d.Date, Halves[h], hr.LateMinutes, sched.InDeadline(h)+Clock(hr.LateMinutes), day)
						}
					}
					if hr.EarlyMinutes > 0 {
						traced++
						if !hasPunchAt(day, sched.OutTime(h)-Clock(hr.EarlyMinutes)) {
							t.Errorf("%s %s %s: 早退%d分钟 but no punch at %s: %v", m.Name, d.Date, Halves[h], hr.EarlyMinutes, sched.OutTime(h)-Clock(hr.EarlyMinutes), day)
						}
					}
					if hr.Absent || hr.OnLeave {
						if n := punchesInHalf(day, sched, h); n > 0 {
							t.Errorf("%s %s %s: absent or on leave, yet %d punches", m.Name, d.Date, Halves[h], n)
						}
					}
				}
			}
		}
		if len(sums) == 0 || normal*100 < len(sums)*80 {
			t.Errorf("%s: %d of %d staff 正常", MonthOf(month), normal, len(sums))
		}
	}
	if traced == 0 {
		t.Error("no 迟到 or 早退 this month or last: nothing to trace")
	}
}

func mustRules(t *testing.T, st *Store, d Date) RuleSet {
	t.Helper()
	rs, err := st.RulesFor(d)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func hasPunchAt(ps []Punch, c Clock) bool {
	for _, p := range ps {
		if ClockOf(p.At) == c {
			return true
		}
	}
	return false
}

func punchesInHalf(ps []Punch, sched Schedule, h int) int {
	n := 0
	for _, p := range ps {
		if (ClockOf(p.At) < sched.Noon()) == (h == 0) {
			n++
		}
	}
	return n
}

// checkDemoAwards: the quarter, once it has a working day behind it, has
// eligible 服务明星 candidates who were rated, and so has the previous
// quarter while this one is young; the
// month of yesterday (or the one before, while it is young) ranks its
// windows plausibly: most in the 90s and 100s, not all equal, with 满意窗口
// to award.
func checkDemoAwards(t *testing.T, st *Store) {
	t.Helper()
	today := st.Today()
	cal, _ := st.Calendar()
	quarterOf := func(d Date) (string, Date) {
		q := (int(d.Month()) - 1) / 3
		return fmt.Sprintf("%dQ%d", d.Year(), q+1), NewDate(d.Year(), time.Month(q*3+1), 1)
	}
	q, first := quarterOf(today)
	var quarters []string
	days := cal.WorkingDaysBetween(first, today.AddDays(-1))
	if days > 0 {
		quarters = append(quarters, q)
	}
	if days < 20 {
		prev, _ := quarterOf(first.AddDays(-1))
		quarters = append(quarters, prev)
	}
	for _, q := range quarters {
		qs, err := st.ScoreQuarter(q)
		if err != nil {
			t.Fatal(err)
		}
		eligible := 0
		for _, c := range qs.Candidates {
			if c.Eligible() && c.Rated > 0 {
				eligible++
			}
		}
		if eligible < qs.RuleSet.Scoring().StarAwards {
			t.Errorf("%s: %d eligible 服务明星 candidates with ratings", q, eligible)
		}
	}

	// the month of yesterday, once it has a fortnight behind it
	last := today.AddDays(-1)
	if cal.WorkingDaysBetween(monthStart(last), last) < 10 {
		last = monthStart(last).AddDays(-1)
	}
	month := MonthOf(last)
	ms, err := st.ScoreMonth(month)
	if err != nil {
		t.Fatal(err)
	}
	in90s, eligible := 0, 0
	lo, hi := 1000.0, -1000.0
	for _, w := range ms.Windows {
		if w.Score >= 90 && w.Score <= 110 {
			in90s++
		}
		if w.Eligible() {
			eligible++
		}
		lo, hi = min(lo, w.Score), max(hi, w.Score)
	}
	if len(ms.Windows) == 0 || in90s*100 < len(ms.Windows)*80 || eligible < ms.RuleSet.Scoring().WindowAwards || hi-lo < 1 {
		t.Errorf("%s ranking: %d of %d windows between 90 and 110, %d eligible, scores %.2f–%.2f",
			month, in90s, len(ms.Windows), eligible, lo, hi)
	}
}

// checkDemoOpenItems: the overview has something to do today and
// something coming: open cases both overdue and not yet due, a leave
// request waiting for a decision, open rectification items, a badge not
// returned and a substitution running.
func checkDemoOpenItems(t *testing.T, st *Store) {
	t.Helper()
	today := st.Today()
	overdue, _ := st.Cases(CaseFilter{Status: CaseOverdue})
	open, _ := st.Cases(CaseFilter{Status: CaseOpen})
	if len(overdue) == 0 || len(open) == 0 {
		t.Errorf("%d overdue and %d open cases", len(overdue), len(open))
	}
	pending, _ := st.Leaves(LeaveFilter{Status: LeavePending})
	waiting := 0
	for _, l := range pending {
		if !l.From.Before(today) {
			waiting++
		}
	}
	if waiting == 0 {
		t.Errorf("no leave request waiting for a decision (%d pending)", len(pending))
	}
	bad, _ := st.Ratings(RatingFilter{Bad: true})
	openItems, late := 0, 0
	for _, r := range bad {
		if r.RectifyStatus == RectifyPending || r.RectifyStatus == RectifyWorking {
			openItems++
			if r.RectifyOverdue(today) {
				late++
			}
		}
	}
	if openItems < 2 || late == 0 || late == openItems {
		t.Errorf("%d open rectification items, %d overdue", openItems, late)
	}
	if badges, _ := st.OverdueBadges(today); len(badges) == 0 {
		t.Error("no badge overdue")
	}
	subs, _ := st.Substitutions(SubstitutionFilter{})
	states := map[string]int{}
	for _, s := range subs {
		states[s.State(today)]++
	}
	if states[SubstitutionCurrent] == 0 || states[SubstitutionPlanned] == 0 {
		t.Errorf("substitutions %v", states)
	}
}

// Filling the demo on the same day gives the same centre.
func TestFillDemoIsTheSameOnTheSameDay(t *testing.T) {
	fill := func() ([]Case, []MonthSummary) {
		st := openTemp(t)
		if err := st.FillDemo(); err != nil {
			t.Fatal(err)
		}
		cases, _ := st.Cases(CaseFilter{})
		sums, _ := st.AttendanceMonth(MonthOf(st.Today().AddDays(-1)), AttendanceFilter{})
		return cases, sums
	}
	c1, s1 := fill()
	c2, s2 := fill()
	if len(c1) != len(c2) || len(s1) != len(s2) {
		t.Fatalf("%d and %d cases, %d and %d people", len(c1), len(c2), len(s1), len(s2))
	}
	for i := range c1 {
		if c1[i].No != c2[i].No || !c1[i].ReceivedAt.Equal(c2[i].ReceivedAt) || c1[i].Staff.EmployeeNo != c2[i].Staff.EmployeeNo {
			t.Fatalf("case %d: %s and %s", i, c1[i].No, c2[i].No)
		}
	}
	for i := range s1 {
		a, b := s1[i], s2[i]
		if a.Name != b.Name || a.LateMinutes != b.LateMinutes || a.EarlyMinutes != b.EarlyMinutes || a.MissingCount != b.MissingCount || a.AbsentDays != b.AbsentDays {
			t.Fatalf("%s differs: %+v and %+v", a.Name, a, b)
		}
	}
}
