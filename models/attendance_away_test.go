package models

import (
	"strings"
	"testing"
	"time"
)

// 擅离工作岗位时间超过2小时的计旷工半天: only working time counts (the noon
// break does not, an outing registered in advance is subtracted), to the
// second, and each absence or a half-day's or a day's absences are compared
// with the limit as the rule set says.
func TestAwayOverTwoHoursIsHalfADayOfAbsence(t *testing.T) {
	p := Staff{ID: 1, EmployeeNo: "ZW001", Name: "王堃", JoinedOn: NewDate(2020, 1, 1)}
	nov4, sep16 := NewDate(2026, 11, 4), NewDate(2026, 9, 16) // 冬令时 and 夏令时 Wednesdays
	at := func(d Date, hh, mm, ss int) time.Time { return CivilTime(d, hh, mm, ss) }
	away := func(d Date, from, to time.Time) Inspection {
		return Inspection{StaffID: 1, LeftAt: from, BackAt: to, Inspector: "郝建华"}
	}
	// registered is the outing's 登记时间: before it began, or after (事后补登)
	outing := func(d Date, from, to, registered time.Time) Outing {
		return Outing{StaffID: 1, From: from, To: to, Reason: "回原单位交换文件", RegisteredAt: registered}
	}
	rules := func(mode string, lateOutings bool) []RuleSet {
		rs := DefaultRuleSet()
		rs.Attendance.AwayMode, rs.Attendance.LateOutingExcuses = mode, lateOutings
		return []RuleSet{rs}
	}
	cases := []struct {
		name        string
		day         Date
		inspections []Inspection
		outings     []Outing
		sets        []RuleSet
		away        int
		awayAbsent  float64
		explanation string
	}{
		{"冬令时离岗11:30–13:45跨午休：工作时间45分钟，计擅离1次", nov4,
			[]Inspection{away(nov4, at(nov4, 11, 30, 0), at(nov4, 13, 45, 0))}, nil, nil, 1, 0,
			"11月4日 查岗：离岗 11:30–13:45 共135分钟，其中工作时间45分钟，未超过120分钟，计擅离岗位1次"},
		{"夏令时离岗11:00–14:30跨午休：工作时间90分钟", sep16,
			[]Inspection{away(sep16, at(sep16, 11, 0, 0), at(sep16, 14, 30, 0))}, nil, nil, 1, 0,
			"9月16日 查岗：离岗 11:00–14:30 共210分钟，其中工作时间90分钟，未超过120分钟，计擅离岗位1次"},
		{"冬令时离岗10:00–14:31：工作时间121分钟，计旷工半天", nov4,
			[]Inspection{away(nov4, at(nov4, 10, 0, 0), at(nov4, 14, 31, 0))}, nil, nil, 0, 0.5,
			"11月4日 查岗：离岗 10:00–14:31 共271分钟，其中工作时间181分钟，超过120分钟，计旷工半天"},
		{"午休时间内离开不计擅离", nov4,
			[]Inspection{away(nov4, at(nov4, 12, 5, 0), at(nov4, 12, 55, 0))}, nil, nil, 0, 0,
			"11月4日 查岗：离岗 12:05–12:55 共50分钟，其中工作时间0分钟，不在工作时间内，不计擅离"},
		{"离岗120分钟整：未超过，计擅离1次", nov4,
			[]Inspection{away(nov4, at(nov4, 9, 0, 0), at(nov4, 11, 0, 0))}, nil, nil, 1, 0,
			"11月4日 查岗：离岗 09:00–11:00 共120分钟，未超过120分钟，计擅离岗位1次"},
		{"离岗120分30秒：按秒比较，超过120分钟，计旷工半天", nov4,
			[]Inspection{away(nov4, at(nov4, 9, 0, 0), at(nov4, 11, 0, 30))}, nil, nil, 0, 0.5,
			"11月4日 查岗：离岗 09:00–11:00:30 共120分30秒，超过120分钟，计旷工半天"},
		{"提前备案的外出抵扣离岗时间", nov4,
			[]Inspection{away(nov4, at(nov4, 9, 0, 0), at(nov4, 12, 0, 0))},
			[]Outing{outing(nov4, at(nov4, 10, 0, 0), at(nov4, 11, 0, 0), at(nov4, 9, 50, 0))}, nil, 1, 0,
			"11月4日 查岗：离岗 09:00–12:00 共180分钟，扣除外出登记后120分钟，未超过120分钟，计擅离岗位1次"},
		{"事后补登的外出默认不抵扣（须提前向综合业务科备案）", nov4,
			[]Inspection{away(nov4, at(nov4, 9, 0, 0), at(nov4, 12, 0, 0))},
			[]Outing{outing(nov4, at(nov4, 10, 0, 0), at(nov4, 11, 0, 0), at(nov4, 11, 30, 0))}, nil, 0, 0.5,
			"11月4日 查岗：离岗 09:00–12:00 共180分钟，超过120分钟，计旷工半天"},
		{"规则允许时事后补登的外出也抵扣", nov4,
			[]Inspection{away(nov4, at(nov4, 9, 0, 0), at(nov4, 12, 0, 0))},
			[]Outing{outing(nov4, at(nov4, 10, 0, 0), at(nov4, 11, 0, 0), at(nov4, 11, 30, 0))}, rules(AwayPerAbsence, true), 1, 0,
			"扣除外出登记后120分钟，未超过120分钟，计擅离岗位1次"},
		{"同一上午两次离岗各70分钟：每次单计，计擅离2次", nov4,
			[]Inspection{away(nov4, at(nov4, 8, 40, 0), at(nov4, 9, 50, 0)), away(nov4, at(nov4, 10, 30, 0), at(nov4, 11, 40, 0))}, nil, nil, 2, 0,
			"11月4日 查岗：离岗 10:30–11:40 共70分钟，未超过120分钟，计擅离岗位1次"},
		{"同一上午两次离岗各70分钟：按半天合计140分钟，计旷工半天", nov4,
			[]Inspection{away(nov4, at(nov4, 8, 40, 0), at(nov4, 9, 50, 0)), away(nov4, at(nov4, 10, 30, 0), at(nov4, 11, 40, 0))}, nil, rules(AwayPerHalfDay, false), 0, 0.5,
			"11月4日上午 查岗离岗2次按半天合计共140分钟，超过120分钟，计旷工半天"},
		{"上午、下午各离岗70分钟：按半天合计各未超过，计擅离2次", nov4,
			[]Inspection{away(nov4, at(nov4, 8, 40, 0), at(nov4, 9, 50, 0)), away(nov4, at(nov4, 14, 0, 0), at(nov4, 15, 10, 0))}, nil, rules(AwayPerHalfDay, false), 2, 0,
			"11月4日 查岗：离岗 14:00–15:10 共70分钟，按半天合计未超过120分钟，计擅离岗位1次"},
		{"上午、下午各离岗70分钟：按天合计140分钟，计旷工半天", nov4,
			[]Inspection{away(nov4, at(nov4, 8, 40, 0), at(nov4, 9, 50, 0)), away(nov4, at(nov4, 14, 0, 0), at(nov4, 15, 10, 0))}, nil, rules(AwayPerDay, false), 0, 0.5,
			"11月4日 查岗离岗2次按天合计共140分钟，超过120分钟，计旷工半天"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			first, _ := MonthSpan(c.day)
			var punches []DayPunch
			for d := first; d.Month() == first.Month(); d = d.AddDays(1) {
				sched := DefaultAttendanceRules().ScheduleFor(d)
				for _, k := range []Clock{sched.AMIn - 10, sched.AMOut + 5, sched.PMIn - 10, sched.PMOut + 5} {
					punches = append(punches, DayPunch{StaffID: 1, At: clockAt(d, k)})
				}
			}
			m := SummarizeMonth(MonthInput{Staff: p, Month: c.day, Through: c.day, RuleSets: c.sets,
				Punches: punches, Inspections: c.inspections, Outings: c.outings})
			if m.AwayCount != c.away || m.AwayAbsentDays != c.awayAbsent || m.AbsentDays != c.awayAbsent {
				t.Fatalf("擅离%d 擅离折算%v 旷工%v, want %d %v; %q", m.AwayCount, m.AwayAbsentDays, m.AbsentDays, c.away, c.awayAbsent, m.Explanations)
			}
			if !strings.Contains(strings.Join(m.Explanations, "\n"), c.explanation) {
				t.Fatalf("explanations %q lack %q", m.Explanations, c.explanation)
			}
		})
	}
}

// A rule set saved before the 擅离, 外出 and 补假 options existed reads with
// their defaults, so past months keep being computed as the handbook says.
func TestRulesSavedBeforeAnOptionReadItsDefault(t *testing.T) {
	var r AttendanceRules
	old := `{"duplicate_minutes":2,"late_early_limit":4,"late_early_mode":"每月一次","away_limit_minutes":90,"schedules":[],"chief_max_days":1,"office_max_days":3}`
	if err := r.UnmarshalJSON([]byte(old)); err != nil {
		t.Fatal(err)
	}
	if r.DuplicateMinutes != 2 || r.AwayLimitMinutes != 90 || r.AwayMode != AwayPerAbsence || r.LateOutingExcuses || !r.LateLeaveNeedsReason {
		t.Fatalf("read %+v", r)
	}
	r.AwayMode = "按月合计"
	if fe := r.Validate(); fe.For("擅离计算方式") == "" {
		t.Fatal("an unknown 擅离计算方式 was accepted")
	}
}

// An inspections file adds new findings, changes one it matches by person
// and 离岗时间, counts a repeat once, and refuses a new finding in a locked
// month, adding nothing.
func TestImportInspectionsMatchesChangesAndRefusesLockedMonth(t *testing.T) {
	st := openTemp(t)
	u, a, _ := seedRoster(t, st)
	p := newStaff(t, st, "ZW001", "王堃", a.ID, u.ID)
	left := CivilTime(NewDate(2026, 10, 12), 10, 2, 0)
	row := InspectionRow{EmployeeNo: p.EmployeeNo, LeftAt: left, BackAt: left.Add(28 * time.Minute), Inspector: "督查科"}
	stats, err := st.ImportInspections([]InspectionRow{row, row})
	if err != nil || stats.Created != 1 || stats.Unchanged != 1 {
		t.Fatalf("first import: %+v, %v", stats, err)
	}
	changed := row
	changed.BackAt, changed.Note = left.Add(45*time.Minute), "电话未接"
	if stats, err = st.ImportInspections([]InspectionRow{changed}); err != nil || stats.Updated != 1 {
		t.Fatalf("changed row: %+v, %v", stats, err)
	}
	got, _ := st.Inspections(AttendanceRecordFilter{})
	if len(got) != 1 || got[0].Minutes() != 45 || got[0].Note != "电话未接" || got[0].Staff.Name != "王堃" {
		t.Fatalf("stored %+v", got)
	}
	entries, _ := st.AuditPage(AuditFilter{Entity: "查岗记录"}, PageOrder{}, 0, 10)
	if len(entries) != 2 || entries[0].Action != ActionUpdate || !strings.Contains(entries[1].Key, "王堃 2026-10-12 10:02") {
		t.Fatalf("audit entries %+v", entries)
	}

	confirmGaps(t, st, "2026-10")
	if err := st.LockMonth("2026-10"); err != nil {
		t.Fatal(err)
	}
	later := row
	later.LeftAt, later.BackAt = left.AddDate(0, 0, 3), left.AddDate(0, 0, 3).Add(time.Hour)
	november := row
	november.LeftAt, november.BackAt = left.AddDate(0, 1, 0), left.AddDate(0, 1, 0).Add(time.Hour)
	_, err = st.ImportInspections([]InspectionRow{november, later})
	if err == nil || !strings.Contains(err.Error(), "已封帐") {
		t.Fatalf("a new finding in locked October: %v", err)
	}
	if got, _ := st.Inspections(AttendanceRecordFilter{}); len(got) != 1 {
		t.Fatalf("%d findings after a refused import, want 1", len(got))
	}
	if stats, err = st.ImportInspections([]InspectionRow{november, changed}); err != nil || stats.Created != 1 || stats.Unchanged != 1 {
		t.Fatalf("November beside October's unchanged finding: %+v, %v", stats, err)
	}
}
