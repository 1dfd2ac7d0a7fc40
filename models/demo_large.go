package models

import (
	"fmt"
	"math/rand"
	"strings"
	"time"
)

// The large demo centre is a centre three years on, to try the program at
// the size a provincial centre reaches: 40 windows, 400 staff, and three
// years up to yesterday of punches (about 1.1 million), cases (about
// 50,000), ratings (about 38,000) and leave. Everything goes through the
// imports a real centre uses, so it also measures them.

// LargeDemo says what FillLargeDemo added.
type LargeDemo struct {
	Windows, Staff                  int
	Punches, Cases, Ratings, Leaves int
	From, To                        Date // the days the records span
	Took                            time.Duration
}

// largeDemoMatters are the matters of the large centre's cases: a 即办件
// has no promised days.
var largeDemoMatters = []struct {
	name     string
	promised int
}{
	{"企业设立登记", 3}, {"食品经营许可", 10}, {"增值税发票领用", 0}, {"不动产登记", 5},
	{"社会保险登记", 0}, {"户口迁移", 5}, {"建设工程规划许可", 15}, {"公积金提取", 0},
}

// demoSize is how big a filled centre is: windows, staff, and the days of
// history up to yesterday.
type demoSize struct{ windows, staff, days int }

var largeDemoSize = demoSize{windows: 40, staff: 400, days: 3 * 365}

// FillLargeDemo fills an empty database with the large demo centre. The
// same day gives the same centre; a database with data is refused.
func (s *Store) FillLargeDemo() (LargeDemo, error) { return s.fillSizedDemo(largeDemoSize) }

func (s *Store) fillSizedDemo(size demoSize) (LargeDemo, error) {
	start := time.Now()
	var out LargeDemo
	empty, err := s.IsEmpty()
	if err != nil {
		return out, err
	}
	if !empty {
		return out, refused("数据库中已有窗口或人员，演示数据只能填入空数据库")
	}
	if err := s.write(fillDemoOffice); err != nil {
		return out, err
	}
	rng := rand.New(rand.NewSource(20261126))
	today := s.Today()
	out.From, out.To = today.AddDays(-size.days), today.AddDays(-1)

	windows := make([]WindowRow, size.windows)
	for i := range windows {
		dw := demoWindows[i%len(demoWindows)]
		name := dw.name
		if i >= len(demoWindows) {
			name += "（二）"
		}
		windows[i] = WindowRow{Code: fmt.Sprintf("W%02d", i+1), Name: name, HomeUnit: dw.unit, Area: dw.area}
	}
	if _, err := s.ImportWindows(windows); err != nil {
		return out, err
	}
	staff := make([]StaffRow, size.staff)
	for i := range staff {
		post := PostStaff
		if i < len(windows) {
			post = PostChief
		}
		staff[i] = StaffRow{Staff: Staff{EmployeeNo: fmt.Sprintf("ZW%04d", i+1), Name: demoNames[i%len(demoNames)],
			Mobile: fmt.Sprintf("1%d%09d", 3+rng.Intn(7), rng.Intn(1e9)), Post: post,
			JoinedOn: out.From.AddDays(-30 - rng.Intn(1000)), Status: StatusOnDuty},
			HomeUnitName: windows[i%len(windows)].HomeUnit, WindowCode: windows[i%len(windows)].Code}
	}
	if _, err := s.ImportStaff(staff); err != nil {
		return out, err
	}
	out.Windows, out.Staff = len(windows), len(staff)

	cal, err := s.Calendar()
	if err != nil {
		return out, err
	}
	var days []Date
	for d := out.From; !d.After(out.To); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			days = append(days, d)
		}
	}
	leaves, away := largeDemoLeaves(staff, days)
	if out.Leaves, err = importedCount(s.ImportLeaves(leaves)); err != nil {
		return out, err
	}
	// a month of punches at a time, as machines' files come
	for from := 0; from < len(days); {
		to := from
		for to < len(days) && MonthOf(days[to]) == MonthOf(days[from]) {
			to++
		}
		n, err := importedCount(s.ImportPunches(largeDemoPunches(rng, staff, days[from:to], away)))
		if err != nil {
			return out, err
		}
		out.Punches += n
		from = to
	}
	if out.Cases, err = importedCount(s.ImportCases(largeDemoCases(rng, cal, staff, days, today))); err != nil {
		return out, err
	}
	if out.Ratings, err = importedCount(s.ImportRatings(largeDemoRatings(rng, staff, days))); err != nil {
		return out, err
	}
	out.Took = time.Since(start)
	return out, nil
}

func importedCount(st ImportStats, err error) (int, error) { return st.Created, err }

type staffDay struct {
	no  string
	day Date
}

// largeDemoLeaves gives each person a day of leave every twenty-odd working
// days, approved and applied for the day before; away holds those days.
func largeDemoLeaves(staff []StaffRow, days []Date) ([]LeaveRow, map[staffDay]bool) {
	var rows []LeaveRow
	away := map[staffDay]bool{}
	types := []string{"事假", "病假", "年休假", "调休"}
	for i, p := range staff {
		for k := i % 23; k < len(days); k += 23 {
			d := days[k]
			rows = append(rows, LeaveRow{EmployeeNo: p.EmployeeNo, LeaveRequest: LeaveRequest{Type: types[(i+k)%len(types)],
				From: d, FromHalf: HalfAM, To: d, ToHalf: HalfPM, Reason: "个人事务", Status: LeaveApproved, Approver: "综合业务科",
				AppliedAt: CivilTime(d.AddDays(-1), 16, 30, 0)}})
			away[staffDay{p.EmployeeNo, d}] = true
		}
	}
	return rows, away
}

// largeDemoPunches gives everyone not away four punches each working day,
// a few minutes either side of the schedule.
func largeDemoPunches(rng *rand.Rand, staff []StaffRow, days []Date, away map[staffDay]bool) []PunchRow {
	rows := make([]PunchRow, 0, len(days)*len(staff)*4)
	times := []Clock{NewClock(8, 20), NewClock(12, 2), NewClock(13, 20), NewClock(17, 32)}
	for _, d := range days {
		for _, p := range staff {
			if away[staffDay{p.EmployeeNo, d}] {
				continue
			}
			for _, c := range times {
				at := clockAt(d, c+Clock(rng.Intn(10))).Add(time.Duration(rng.Intn(60)) * time.Second)
				rows = append(rows, PunchRow{EmployeeNo: p.EmployeeNo, At: at, Device: "一楼大厅考勤机"})
			}
		}
	}
	return rows
}

// largeDemoCases receives about 67 cases each working day, completed on
// time but for one in twenty, those received in the last days still open.
func largeDemoCases(rng *rand.Rand, cal *Calendar, staff []StaffRow, days []Date, today Date) []CaseRow {
	var rows []CaseRow
	legal := 20
	for _, d := range days {
		for k := 0; k < 63+rng.Intn(15); k++ {
			p := staff[rng.Intn(len(staff))]
			m := largeDemoMatters[rng.Intn(len(largeDemoMatters))]
			promised := m.promised
			r := CaseRow{No: fmt.Sprintf("%s-%s-%03d", strings.ReplaceAll(d.String(), "-", ""), p.WindowCode, k+1), Matter: m.name,
				Kind: CasePromised, Applicant: demoApplicant(rng), ApplicantType: ApplicantPerson, Phone: "13800138000",
				WindowCode: p.WindowCode, EmployeeNo: p.EmployeeNo, ReceivedAt: CivilTime(d, 9+k%8, rng.Intn(60), 0),
				LegalDays: &legal, PromisedDays: &promised}
			done := d
			if promised == 0 {
				r.Kind = CaseInstant
			} else {
				done = cal.AddWorkingDays(d, 1+rng.Intn(promised))
				if rng.Intn(20) == 0 {
					done = cal.AddWorkingDays(d, promised+1+rng.Intn(3))
				}
			}
			if done.Before(today) {
				at := CivilTime(done, 15, rng.Intn(60), 0)
				if !at.After(r.ReceivedAt) {
					at = r.ReceivedAt.Add(20 * time.Minute)
				}
				r.CompletedAt, r.Result = &at, ResultApproved
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// demoApplicant is a person's name from the demo names' surnames and given
// names.
func demoApplicant(rng *rand.Rand) string {
	a, b := []rune(demoNames[rng.Intn(len(demoNames))]), []rune(demoNames[rng.Intn(len(demoNames))])
	return string(a[:1]) + string(b[1:])
}

// largeDemoRatings rates about fifty cases a working day, one in forty a
// 差评; most name the person.
func largeDemoRatings(rng *rand.Rand, staff []StaffRow, days []Date) []RatingRow {
	var rows []RatingRow
	for _, d := range days {
		for k := 0; k < 48+rng.Intn(10); k++ {
			p := staff[rng.Intn(len(staff))]
			r := RatingRow{On: d, WindowCode: p.WindowCode, EmployeeNo: p.EmployeeNo, Level: RatingLevels[rng.Intn(3)]}
			if rng.Intn(5) == 0 {
				r.EmployeeNo = ""
			}
			if rng.Intn(40) == 0 {
				r.Level, r.Comment = RatingLevels[3+rng.Intn(2)], "等候时间过长"
			}
			rows = append(rows, r)
		}
	}
	return rows
}
