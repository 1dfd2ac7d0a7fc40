package models

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// A held-out month built through the store, figures computed by hand: two
// people at one window in service from Monday 2026-11-23, six working days
// (23–27, 30; 冬令时: in by 08:30, noon window 12:00–12:30, afternoon in by
// 13:30, out from 17:00).
//
// 王堃 punches 08:20 / 12:05 / 13:10 / 17:05 every day, except:
//   - 11-24 查岗 11:30–13:45 over lunch: 30 + 15 = 45 working minutes → 擅离 1
//   - 11-25 查岗 09:00:00–11:00:30: 120 min 30 s > 120 → 旷工 0.5
//   - 11-26 no 17:00 punch; outing 15:30–17:20 registered 17:40 (事后补登),
//     which does not excuse by default → 缺卡 1
//   - 11-27 morning out at 12:40, after the noon window → 缺卡 1
//
// so 应出勤 6, 出勤 6, 缺卡 2, 擅离 1, 擅离折算旷工 0.5, 旷工 0.5, 异常.
//
// 周𠮷 has 病假 11-23 上午 … 11-24 下午 (applied 11-20, approved by 综合业务科),
// 销假 recorded 11-27, but punches from 11-25 on (08:41 on 11-30, 11 minutes
// late) → no 超假; one warning to correct the 销假 date; 应出勤 6, 出勤 4,
// 请假 2 (病假 2), 迟到 1 次 11 分钟, 旷工 0, 异常.
func TestHeldOutMonthMatchesHandComputedFigures(t *testing.T) {
	st := openTemp(t)
	st.clock = FixedClock(time.Date(2026, 11, 20, 16, 0, 0, 0, CentreZone))
	u, w, _ := seedRoster(t, st)
	start := NewDate(2026, 11, 23)
	kun := Staff{EmployeeNo: "ZW001", Name: "王堃", WindowID: w.ID, HomeUnitID: u.ID, Post: PostChief, JoinedOn: start}
	ji := Staff{EmployeeNo: "ZW002", Name: "周𠮷", WindowID: w.ID, HomeUnitID: u.ID, Post: PostStaff, JoinedOn: start}
	for _, p := range []*Staff{&kun, &ji} {
		if err := st.SaveStaff(p); err != nil {
			t.Fatal(err)
		}
	}
	sick := LeaveRequest{StaffID: ji.ID, Type: "病假", From: start, To: start.AddDays(1), Reason: "发烧"}
	if err := st.SaveLeave(&sick); err != nil { // applied now, 11-20 16:00
		t.Fatal(err)
	}
	if err := st.ApproveLeave(sick.ID, "郝建华", TierOffice); err != nil {
		t.Fatal(err)
	}

	st.clock = FixedClock(time.Date(2026, 12, 2, 9, 0, 0, 0, CentreZone))
	at := func(d Date, hh, mm, ss int) time.Time { return CivilTime(d, hh, mm, ss) }
	var rows []PunchRow
	punch := func(p Staff, d Date, clocks ...[2]int) {
		for _, c := range clocks {
			rows = append(rows, PunchRow{EmployeeNo: p.EmployeeNo, At: at(d, c[0], c[1], 0), Device: "一楼大厅考勤机"})
		}
	}
	in, out, pmIn, pmOut := [2]int{8, 20}, [2]int{12, 5}, [2]int{13, 10}, [2]int{17, 5}
	for _, day := range []int{23, 24, 25, 26, 27, 30} {
		d := NewDate(2026, 11, day)
		switch day {
		case 26:
			punch(kun, d, in, out, pmIn)
		case 27:
			punch(kun, d, in, [2]int{12, 40}, pmIn, pmOut)
		default:
			punch(kun, d, in, out, pmIn, pmOut)
		}
		switch {
		case day < 25:
		case day == 30:
			punch(ji, d, [2]int{8, 41}, out, pmIn, pmOut)
		default:
			punch(ji, d, in, out, pmIn, pmOut)
		}
	}
	if _, err := st.ImportPunches(rows); err != nil {
		t.Fatal(err)
	}
	for _, x := range []Inspection{
		{StaffID: kun.ID, LeftAt: at(NewDate(2026, 11, 24), 11, 30, 0), BackAt: at(NewDate(2026, 11, 24), 13, 45, 0), Inspector: "郝建华"},
		{StaffID: kun.ID, LeftAt: at(NewDate(2026, 11, 25), 9, 0, 0), BackAt: at(NewDate(2026, 11, 25), 11, 0, 30), Inspector: "郝建华"},
	} {
		if err := st.SaveInspection(&x); err != nil {
			t.Fatal(err)
		}
	}
	nov26 := NewDate(2026, 11, 26)
	late := Outing{StaffID: kun.ID, From: at(nov26, 15, 30, 0), To: at(nov26, 17, 20, 0), Reason: "回原单位交换文件", RegisteredAt: at(nov26, 17, 40, 0)}
	if err := st.SaveOuting(&late); err != nil {
		t.Fatal(err)
	}
	if err := st.ReturnLeave(sick.ID, NewDate(2026, 11, 27)); err != nil {
		t.Fatal(err)
	}

	sums, err := st.AttendanceMonth("2026-11", AttendanceFilter{})
	if err != nil || len(sums) != 2 {
		t.Fatalf("%d summaries, %v", len(sums), err)
	}
	type figures struct {
		due, attended                float64
		late, lateMin, missing, away int
		leave, sickLeave, awayAbsent float64
		absent                       float64
		result                       string
		warnings                     int
	}
	want := map[string]figures{
		"王堃": {due: 6, attended: 6, missing: 2, away: 1, awayAbsent: 0.5, absent: 0.5, result: "异常"},
		"周𠮷": {due: 6, attended: 4, late: 1, lateMin: 11, leave: 2, sickLeave: 2, result: "异常", warnings: 1},
	}
	for _, m := range sums {
		got := figures{m.DueDays, m.AttendedDays, m.LateCount, m.LateMinutes, m.MissingCount, m.AwayCount,
			m.LeaveDays, m.LeaveByType["病假"], m.AwayAbsentDays, m.AbsentDays, m.Result(), len(m.Warnings)}
		if got != want[m.Name] {
			t.Errorf("%s: got %+v\nwant %+v\n%s\n%s", m.Name, got, want[m.Name], strings.Join(m.Explanations, "\n"), strings.Join(m.Warnings, "\n"))
		}
	}

	// an export asks for the figures only: the same figures, explanations
	// and warnings, without the days
	totals, err := st.AttendanceMonth("2026-11", AttendanceFilter{TotalsOnly: true})
	if err != nil || len(totals) != len(sums) {
		t.Fatalf("%d summaries, %v", len(totals), err)
	}
	for i, m := range sums {
		if len(m.Days) == 0 || len(totals[i].Days) != 0 {
			t.Errorf("%s: %d days in the sheet, %d in the figures only", m.Name, len(m.Days), len(totals[i].Days))
		}
		m.Days = nil
		if !reflect.DeepEqual(m, totals[i]) {
			t.Errorf("%s: the figures alone differ:\n%+v\n%+v", m.Name, totals[i], m)
		}
	}
}

// The store hands SummarizeMonth each person's punches in time order and
// as civil times; any other order, or the same wall-clock times in another
// zone, gives the same month.
func TestAMonthsFiguresDoNotDependOnThePunchesOrderOrZone(t *testing.T) {
	first := NewDate(2026, 11, 2)
	in := MonthInput{Staff: Staff{ID: 1, EmployeeNo: "ZW001", Name: "王堃", JoinedOn: first}, Month: first,
		RuleSets: []RuleSet{DefaultRuleSet()}}
	for d := first; d.Before(NewDate(2026, 11, 7)); d = d.AddDays(1) {
		for _, c := range [][2]int{{8, 41}, {12, 5}, {13, 10}, {16, 50}} {
			in.Punches = append(in.Punches, DayPunch{StaffID: 1, At: CivilTime(d, c[0], c[1], 0), Device: "一楼大厅考勤机"})
		}
	}
	want := SummarizeMonth(in)
	if want.LateCount != 5 || want.EarlyCount != 5 {
		t.Fatalf("late %d, early %d: want 5 each", want.LateCount, want.EarlyCount)
	}
	byClock := in // every morning's first punch, then every morning's second …
	byClock.Punches = slices.Clone(in.Punches)
	slices.SortStableFunc(byClock.Punches, func(a, b DayPunch) int { return int(ClockOf(a.At) - ClockOf(b.At)) })
	utc := in
	utc.Punches = slices.Clone(in.Punches)
	for i, p := range utc.Punches {
		y, mo, d := p.At.Date()
		h, mi, s := p.At.Clock()
		utc.Punches[i].At = time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	}
	for name, alt := range map[string]MonthInput{"in order of the time of day": byClock, "in UTC": utc} {
		if got := SummarizeMonth(alt); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v\nwant %+v", name, got, want)
		}
	}
}
