package models

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// The month's punches come back from the database as three texts; what is
// read from them must be what was stored: every punch of the month and none
// of the months beside it, each with its person, time to the second and
// machine, each person's in time order and their corrections among them. A
// machine named with a line break (the separator of the texts) is read a
// row at a time instead, with the same result.
func TestAMonthsPunchesReadBackAsStored(t *testing.T) {
	for _, c := range []struct {
		name    string
		devices []string
	}{
		{"machines with plain names", []string{"一楼大厅考勤机", "二楼 B区", "ZK-01"}},
		{"a machine whose name holds a line break", []string{"一楼大厅考勤机", "二楼\nB区", ""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := openTemp(t)
			_, a, b := seedRoster(t, st)
			u, _ := st.HomeUnits()
			people := []Staff{newStaff(t, st, "ZW001", "王堃", a.ID, u[0].ID), newStaff(t, st, "ZW002", "周𠮷", b.ID, u[0].ID),
				newStaff(t, st, "ZW003", "李喆", a.ID, u[0].ID)}
			var rows []PunchRow
			want := map[uint][]DayPunch{}
			for day := 0; day < 32; day++ { // 10-31 … 12-01: one day either side of November
				d := NewDate(2026, 10, 31).AddDays(day)
				for i, p := range people {
					// later people punch first, so the stored order is not
					// each person's time order
					at := CivilTime(d, 8, 30-i, 7*i)
					dev := c.devices[(day+i)%len(c.devices)]
					rows = append(rows, PunchRow{EmployeeNo: p.EmployeeNo, At: at, Device: dev},
						PunchRow{EmployeeNo: p.EmployeeNo, At: at.Add(9 * time.Hour), Device: dev})
					if d.Month() == time.November {
						want[p.ID] = append(want[p.ID], DayPunch{StaffID: p.ID, At: at, Device: dev},
							DayPunch{StaffID: p.ID, At: at.Add(9 * time.Hour), Device: dev})
					}
				}
			}
			if _, err := st.ImportPunches(rows); err != nil {
				t.Fatal(err)
			}
			fixed := CivilTime(NewDate(2026, 11, 4), 12, 10, 0)
			if _, err := st.AddCorrection(people[1].ID, fixed, "考勤机故障", "郝建华"); err != nil {
				t.Fatal(err)
			}
			want[people[1].ID] = append(want[people[1].ID], DayPunch{StaffID: people[1].ID, At: fixed, Correction: true,
				Reason: "考勤机故障", Approver: "郝建华", Device: "补卡"})
			for _, ps := range want {
				slices.SortStableFunc(ps, punchTimeOrder)
			}

			got, err := monthPunches(st.db, NewDate(2026, 11, 1), NewDate(2026, 11, 30))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d people, want %d", len(got), len(want))
			}
			for id, ps := range want {
				if !slices.Equal(got[id], ps) {
					t.Errorf("person %d: got %d punches, want %d", id, len(got[id]), len(ps))
					for i := range min(len(got[id]), len(ps)) {
						if got[id][i] != ps[i] {
							t.Fatalf("punch %d: got %+v, want %+v", i, got[id][i], ps[i])
						}
					}
				}
			}
		})
	}
}

// Text the database did not write as monthPunches asks (cut short, a
// letter for a digit, lists of different lengths) is refused with a message,
// never read wrong or crashed on.
func TestMangledPunchTextIsRefused(t *testing.T) {
	for _, c := range []struct {
		name                 string
		n                    int
		ids, times, machines string
	}{
		{"fewer people than punches", 2, "7", "2026-11-02 08:20:00,2026-11-02 17:05:00", "甲\n甲"},
		{"more people than punches", 1, "7,8", "2026-11-02 08:20:00", "甲"},
		{"a letter in a person's id", 2, "7,x", "2026-11-02 08:20:00,2026-11-02 17:05:00", "甲\n甲"},
		{"an empty id", 2, "7,", "2026-11-02 08:20:00,2026-11-02 17:05:00", "甲\n甲"},
		{"fewer times than punches", 2, "7,8", "2026-11-02 08:20:00", "甲\n甲"},
		{"more times than punches", 1, "7", "2026-11-02 08:20:00,2026-11-02 17:05:00", "甲"},
		{"a time that is not one", 2, "7,8", "2026-11-02 08:20:00,下午五点", "甲\n甲"},
		{"an empty time", 2, "7,8", "2026-11-02 08:20:00,", "甲\n甲"},
		{"an hour past 23 on a day already read", 2, "7,8", "2026-11-02 08:20:00,2026-11-02 24:00:00", "甲\n甲"},
		{"a letter in the minutes on a day already read", 2, "7,8", "2026-11-02 08:20:00,2026-11-02 08:2x:00", "甲\n甲"},
		{"an id beyond any", 1, "99999999999999999999999", "2026-11-02 08:20:00", "甲"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := machinePunches(c.n, c.ids, c.times, c.machines)
			if err == nil || !strings.Contains(err.Error(), "无法读取打卡记录") {
				t.Fatalf("got %v, %v; want it refused", got, err)
			}
		})
	}
	// ids far apart (kept in a map, not a slice by id) read as any others
	got, err := machinePunches(3, "4000000000,7,4000000000", "2026-11-02 08:20:00,2026-11-02 08:21:05,2026-11-02 17:05:59", "甲\n乙\n甲")
	at := func(h, m, s int) time.Time { return CivilTime(NewDate(2026, 11, 2), h, m, s) }
	if err != nil || len(got) != 2 ||
		!slices.Equal(got[4000000000], []DayPunch{{StaffID: 4000000000, At: at(8, 20, 0), Device: "甲"}, {StaffID: 4000000000, At: at(17, 5, 59), Device: "甲"}}) ||
		!slices.Equal(got[7], []DayPunch{{StaffID: 7, At: at(8, 21, 5), Device: "乙"}}) {
		t.Fatalf("got %+v, %v", got, err)
	}
	if _, err := machinePunches(2, "7,8", "2026-11-02 08:20:00,2026-11-02 17:05:00", "甲\n乙\n丙"); err != errDeviceLineBreak {
		t.Fatalf("a third machine name: %v, want the rows read one by one", err)
	}
}

// A month's leave is every request that touches it, found without reading
// all the years before: by when it ends, or by when the person reported
// back (销假). 病假 from Wednesday 10-28 to Friday 10-30, reported back on
// Wednesday 11-04 with no punches before: November has 超假 on 11-02 and
// 11-03, two days of 旷工, though the leave itself ended in October.
func TestAMonthsLeaveIsFoundByItsEndOrReturn(t *testing.T) {
	st := openTempAt(t, time.Date(2026, 10, 20, 9, 0, 0, 0, CentreZone))
	_, a, _ := seedRoster(t, st)
	u, _ := st.HomeUnits()
	kun, ji := newStaff(t, st, "ZW001", "王堃", a.ID, u[0].ID), newStaff(t, st, "ZW002", "周𠮷", a.ID, u[0].ID)
	sick := LeaveRequest{StaffID: ji.ID, Type: "病假", From: NewDate(2026, 10, 28), To: NewDate(2026, 10, 30), Reason: "发烧"}
	if err := st.SaveLeave(&sick); err != nil {
		t.Fatal(err)
	}
	if err := st.ApproveLeave(sick.ID, "郝建华", TierOffice); err != nil {
		t.Fatal(err)
	}
	st.clock = FixedClock(time.Date(2026, 12, 1, 9, 0, 0, 0, CentreZone))
	var rows []PunchRow
	for d := NewDate(2026, 11, 2); d.Before(NewDate(2026, 11, 7)); d = d.AddDays(1) {
		for _, p := range []Staff{kun, ji} {
			if p.ID == ji.ID && d.Before(NewDate(2026, 11, 4)) {
				continue
			}
			for _, c := range [][2]int{{8, 20}, {12, 5}, {13, 10}, {17, 5}} {
				rows = append(rows, PunchRow{EmployeeNo: p.EmployeeNo, At: CivilTime(d, c[0], c[1], 0), Device: "一楼大厅考勤机"})
			}
		}
	}
	if _, err := st.ImportPunches(rows); err != nil {
		t.Fatal(err)
	}
	if err := st.ReturnLeave(sick.ID, NewDate(2026, 11, 4)); err != nil {
		t.Fatal(err)
	}
	sums, err := st.AttendanceMonth("2026-11", AttendanceFilter{Through: NewDate(2026, 11, 6), TotalsOnly: true})
	if err != nil || len(sums) != 2 {
		t.Fatalf("%d summaries, %v", len(sums), err)
	}
	if m := sums[1]; m.Name != "周𠮷" || m.AbsentDays != 2 || m.AttendedDays != 3 ||
		strings.Count(strings.Join(m.Explanations, "\n"), "超假未归") != 4 {
		t.Fatalf("%s: 旷工 %v 出勤 %v, want 2 and 3, four halves 超假未归\n%s", m.Name, m.AbsentDays, m.AttendedDays, strings.Join(m.Explanations, "\n"))
	}

	// SQLite, without statistics, would take the index of 开始日期 and read
	// every request ever made before the month's end (a server chooses by
	// its statistics)
	if st.OnServer() {
		return
	}
	var plan []struct{ Detail string }
	first, last := NewDate(2026, 11, 1), NewDate(2026, 11, 30)
	if err := st.db.Raw("EXPLAIN QUERY PLAN SELECT * FROM leave_requests WHERE "+monthLeavesWhere(st.db), last, first, first).
		Scan(&plan).Error; err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, p := range plan {
		steps = append(steps, p.Detail)
	}
	got := strings.Join(steps, "; ")
	if !strings.Contains(got, "idx_leave_requests_to") || !strings.Contains(got, "idx_leave_requests_returned_on") ||
		strings.Contains(got, "idx_leave_requests_from") {
		t.Fatalf("the month's leave is read by %q", got)
	}
}

// The driver tries its time layouts in the order GovDesk puts them; every
// text a date or time column can hold reads as it did in the driver's own
// order, and the driver still writes with its first layout.
func TestTimestampLayoutsReadEveryTextAsBefore(t *testing.T) {
	driver := []string{
		"2006-01-02 15:04:05.999999999-07:00",
		"2006-01-02T15:04:05.999999999-07:00",
		"2006-01-02 15:04:05.999999999",
		"2006-01-02T15:04:05.999999999",
		"2006-01-02 15:04:05",
		"2006-01-02T15:04:05",
		"2006-01-02 15:04",
		"2006-01-02T15:04",
		"2006-01-02",
	}
	ours := timestampLayouts(driver)
	if ours[0] != driver[0] || len(ours) != len(driver) {
		t.Fatalf("layouts %q", ours)
	}
	read := func(layouts []string, s string) (time.Time, bool) {
		for _, l := range layouts {
			if v, err := time.ParseInLocation(l, s, time.UTC); err == nil {
				return v, true
			}
		}
		return time.Time{}, false
	}
	for _, s := range []string{"2026-10-08", "2026-10-08 08:30:00", "2026-10-08 08:30", "2026-10-08T08:30:00",
		"2026-10-08 08:30:00.123456789+08:00", "2026-10-08T08:30:00+08:00", "2026-10-08 08:30:00.5", "2026-10-08T08:30",
		"2026-10-08T08:30:00.25", "2026年10月8日", ""} {
		want, wok := read(driver, s)
		got, gok := read(ours, s)
		if gok != wok || !got.Equal(want) || got.Location().String() != want.Location().String() {
			t.Errorf("%q: read %v (%v), as before %v (%v)", s, got, gok, want, wok)
		}
	}
}
