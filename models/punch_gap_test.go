package models

import (
	"strings"
	"testing"
	"time"
)

func TestFindPunchGaps(t *testing.T) {
	mon, tue := NewDate(2026, 11, 23), NewDate(2026, 11, 24)
	punch := func(id uint, d Date, device string, correction bool) DayPunch {
		return DayPunch{StaffID: id, At: clockAt(d, NewClock(8, 20)), Device: device, Correction: correction}
	}
	cases := []struct {
		name    string
		punches []DayPunch
		want    []PunchGap
		home    map[uint]string
	}{
		{"整个中心当天无打卡：当天待核实",
			[]DayPunch{punch(1, mon, "", false), punch(2, mon, "", false)},
			[]PunchGap{{Day: tue}}, map[uint]string{1: "", 2: ""}},
		{"一台考勤机当天未导入：只缺该机",
			[]DayPunch{punch(1, mon, "一楼东", false), punch(2, mon, "二楼西", false), punch(1, tue, "一楼东", false)},
			[]PunchGap{{Day: tue, Device: "二楼西"}}, map[uint]string{1: "一楼东", 2: "二楼西"}},
		{"补卡不能填补无打卡日",
			[]DayPunch{punch(1, mon, "", false), punch(1, tue, "补卡", true)},
			[]PunchGap{{Day: tue}}, map[uint]string{1: ""}},
		{"两天都有打卡：照常判定",
			[]DayPunch{punch(1, mon, "", false), punch(2, tue, "", false)},
			nil, map[uint]string{1: "", 2: ""}},
		{"常用考勤机按打卡次数：一台每天打四次，另一台两天各一次",
			[]DayPunch{punch(1, mon, "一楼东", false), punch(1, mon, "一楼东", false), punch(1, mon, "一楼东", false),
				punch(1, mon, "二楼西", false), punch(1, tue, "二楼西", false), punch(2, tue, "一楼东", false)},
			nil, map[uint]string{1: "一楼东", 2: "一楼东"}},
		{"常用考勤机按多数，同数取名称在前者",
			[]DayPunch{punch(1, mon, "二楼西", false), punch(1, mon, "一楼东", false), punch(1, tue, "一楼东", false), punch(1, tue, "二楼西", false)},
			nil, map[uint]string{1: "一楼东"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gaps, home := findPunchGaps([]Date{mon, tue}, c.punches)
			if len(gaps) != len(c.want) {
				t.Fatalf("gaps %+v, want %+v", gaps, c.want)
			}
			for i := range gaps {
				if gaps[i].Day != c.want[i].Day || gaps[i].Device != c.want[i].Device {
					t.Fatalf("gap %d: %+v, want %+v", i, gaps[i], c.want[i])
				}
			}
			for id, dev := range c.home {
				if home[id] != dev {
					t.Fatalf("person %d's machine %q, want %q", id, home[id], dev)
				}
			}
		})
	}
}

// A month in progress whose last punches have not been imported: the day is
// not turned into 旷工 until someone confirms it or imports it, and the
// month cannot be locked meanwhile.
func TestDayWithoutPunchesIsNotAnAbsence(t *testing.T) {
	st, p, q := attendanceRoster(t) // today 2026-11-26: judged through the 25th
	cal, err := st.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	var rows []PunchRow
	day := func(d Date, who Staff, device string) {
		for _, c := range []Clock{NewClock(8, 20), NewClock(12, 5), NewClock(13, 20), NewClock(17, 10)} {
			rows = append(rows, PunchRow{EmployeeNo: who.EmployeeNo, At: clockAt(d, c), Device: device})
		}
	}
	for d := NewDate(2026, 11, 1); d.Before(NewDate(2026, 11, 25)); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			day(d, p, "一楼东")
			day(d, q, "二楼西")
		}
	}
	if _, err := st.ImportPunches(rows); err != nil {
		t.Fatal(err)
	}
	sheetOf := func() (AttendanceSheet, map[string]MonthSummary) {
		t.Helper()
		sheet, err := st.AttendanceSheet("2026-11", AttendanceFilter{})
		if err != nil {
			t.Fatal(err)
		}
		by := map[string]MonthSummary{}
		for _, s := range sheet.Summaries {
			by[s.EmployeeNo] = s
		}
		return sheet, by
	}

	sheet, by := sheetOf()
	if open := sheet.Unresolved(); len(open) != 1 || open[0].Text() != "11月25日无打卡记录（未导入?）" || open[0].People != 2 {
		t.Fatalf("gaps %+v", sheet.Gaps)
	}
	for _, s := range by {
		if s.AbsentDays != 0 || s.MissingCount != 0 || s.UnrecordedDays != 1 || s.Result() != "正常" {
			t.Fatalf("%s: 旷工%v 缺卡%d 待核实%v", s.Name, s.AbsentDays, s.MissingCount, s.UnrecordedDays)
		}
	}
	err = st.LockMonth("2026-11")
	if err == nil || !strings.Contains(err.Error(), "11月25日无打卡记录（未导入?）") {
		t.Fatalf("locked with a day unresolved: %v", err)
	}

	// One machine's file comes in: the other machine's people stay unjudged.
	rows = nil
	day(NewDate(2026, 11, 25), p, "一楼东")
	if _, err := st.ImportPunches(rows); err != nil {
		t.Fatal(err)
	}
	sheet, by = sheetOf()
	if open := sheet.Unresolved(); len(open) != 1 || open[0].Device != "二楼西" || open[0].People != 1 {
		t.Fatalf("gaps after one machine %+v", sheet.Gaps)
	}
	if by[p.EmployeeNo].UnrecordedDays != 0 || by[q.EmployeeNo].UnrecordedDays != 1 {
		t.Fatalf("待核实 %v / %v", by[p.EmployeeNo].UnrecordedDays, by[q.EmployeeNo].UnrecordedDays)
	}

	// The machine was broken: confirmed, the day counts as it stands.
	if err := st.ConfirmPunchGap(NewDate(2026, 11, 25), "二楼西", ""); err == nil {
		t.Fatal("confirmed without saying why")
	}
	if err := st.ConfirmPunchGap(NewDate(2026, 11, 25), "二楼西", "考勤机故障，已通知补卡"); err != nil {
		t.Fatal(err)
	}
	_, by = sheetOf()
	if s := by[q.EmployeeNo]; s.AbsentDays != 1 || s.UnrecordedDays != 0 {
		t.Fatalf("confirmed: 旷工%v 待核实%v", s.AbsentDays, s.UnrecordedDays)
	}
	if err := st.UnconfirmPunchGap(NewDate(2026, 11, 25), "二楼西"); err != nil {
		t.Fatal(err)
	}
	if _, by = sheetOf(); by[q.EmployeeNo].AbsentDays != 0 {
		t.Fatal("withdrawing the confirmation did not restore the unjudged day")
	}
	if err := st.ConfirmPunchGap(NewDate(2026, 11, 25), "二楼西", "考勤机故障，已通知补卡"); err != nil {
		t.Fatal(err)
	}
	if err := st.LockMonth("2026-11"); err != nil {
		t.Fatalf("every day resolved, but: %v", err)
	}
	if log, _ := st.AuditLog(AuditFilter{Entity: "无打卡日确认"}); len(log) != 3 {
		t.Fatalf("%d audit entries for confirmations, want 3", len(log))
	}
}

// The summary of an import counts the centre's calendar days: a punch at
// 07:52 and one at 17:40 are one person-day, though 07:52 in Beijing is
// the day before in UTC. Across many batches of rows, repeats are counted
// once and every row is added.
func TestPunchImportSummaryCountsCivilDays(t *testing.T) {
	st := openTemp(t)
	u, a, _ := seedRoster(t, st)
	p := newStaff(t, st, "ZW001", "王堃", a.ID, u.ID)
	q := newStaff(t, st, "ZW002", "𠮷野", a.ID, u.ID)
	rows := []PunchRow{
		{EmployeeNo: p.EmployeeNo, At: CivilTime(NewDate(2026, 11, 2), 7, 52, 0), Device: "前台"},
		{EmployeeNo: p.EmployeeNo, At: CivilTime(NewDate(2026, 11, 2), 17, 40, 0), Device: "前台"},
		{EmployeeNo: p.EmployeeNo, At: CivilTime(NewDate(2026, 11, 2), 17, 40, 0), Device: "前台"}, // a repeat
		{EmployeeNo: q.EmployeeNo, At: CivilTime(NewDate(2026, 11, 3), 0, 5, 0), Device: " 后门 "},
	}
	// enough rows for several batches: q every minute of 2026-11-04 … 06
	for i := 0; i < 3*24*60; i++ {
		rows = append(rows, PunchRow{EmployeeNo: q.EmployeeNo, At: CivilTime(NewDate(2026, 11, 4), 0, 0, 0).Add(time.Duration(i) * time.Minute), Device: "后门"})
	}
	sum, err := st.ImportPunchRows(rows, false)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stats.Created != len(rows)-1 || sum.Stats.Unchanged != 1 || sum.People != 2 || sum.Days != 5 {
		t.Fatalf("summary %+v, want %d added, 1 repeat, 2 people, 5 person-days", sum, len(rows)-1)
	}
	if sum.PerDevice["前台"] != 2 || sum.PerDevice["后门"] != len(rows)-3 {
		t.Fatalf("per machine %v", sum.PerDevice)
	}
	if !sum.From.Equal(CivilTime(NewDate(2026, 11, 2), 7, 52, 0)) || !sum.To.Equal(CivilTime(NewDate(2026, 11, 6), 23, 59, 0)) {
		t.Fatalf("span %s … %s", sum.From, sum.To)
	}
	var n int64
	st.db.Model(&Punch{}).Count(&n)
	if int(n) != len(rows)-1 {
		t.Fatalf("%d punches stored, want %d", n, len(rows)-1)
	}
}
