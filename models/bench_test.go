package models

import (
	"fmt"
	"testing"
	"time"
)

// A 400-staff centre. The two benchmarks side by side show what the store
// adds to just reading the rows from SQLite: preloading units and windows
// and scanning into entities.
func fill400(b testing.TB) *Store {
	b.Helper()
	st := windows40(b)
	if _, err := st.ImportStaff(staffRows400()); err != nil {
		b.Fatal(err)
	}
	return st
}

// windows40 is a new store with 40 windows of 12 home units.
func windows40(b testing.TB) *Store {
	b.Helper()
	st := openTemp(b)
	rows := make([]WindowRow, 40)
	for i := range rows {
		rows[i] = WindowRow{Code: fmt.Sprintf("W%02d", i), Name: "综合窗口", HomeUnit: fmt.Sprintf("单位%d", i%12)}
	}
	if _, err := st.ImportWindows(rows); err != nil {
		b.Fatal(err)
	}
	return st
}

// staffRows400 is a roster of 400, ten at each of windows40's windows.
func staffRows400() []StaffRow {
	staff := make([]StaffRow, 400)
	for i := range staff {
		staff[i] = StaffRow{Staff: Staff{EmployeeNo: fmt.Sprintf("ZW%04d", i), Name: "王堃", Post: PostStaff,
			JoinedOn: NewDate(2024, 1, 2), Mobile: "13800138000"}, HomeUnitName: fmt.Sprintf("单位%d", i%12), WindowCode: fmt.Sprintf("W%02d", i%40)}
	}
	return staff
}

func BenchmarkStaffList400(b *testing.B) {
	st := fill400(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		list, err := st.StaffList()
		if err != nil || len(list) != 400 {
			b.Fatal(err, len(list))
		}
	}
}

func BenchmarkRawStaffRows400(b *testing.B) {
	st := fill400(b)
	sqlDB, _ := st.db.DB()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := sqlDB.Query("SELECT s.employee_no, s.name, s.id_number, s.mobile, s.post, s.joined_on, s.status, w.code, w.name, u.name FROM staff s JOIN service_windows w ON w.id = s.window_id JOIN home_units u ON u.id = s.home_unit_id")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var a, c, d, e, f, g, h, j, k, l any
			rows.Scan(&a, &c, &d, &e, &f, &g, &h, &j, &k, &l)
			n++
		}
		rows.Close()
		if n != 400 {
			b.Fatal(n)
		}
	}
}

func BenchmarkImportStaff400Unchanged(b *testing.B) {
	st := fill400(b)
	staff := make([]StaffRow, 400)
	list, _ := st.StaffList()
	for i, p := range list {
		staff[i] = StaffRow{Staff: p, HomeUnitName: p.HomeUnit.Name, WindowCode: p.Window.Code}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		stats, err := st.ImportStaff(staff)
		if err != nil || stats.Unchanged != 400 {
			b.Fatal(err, stats)
		}
	}
}

// punchRows400 gives four punches a working day in November 2026 for the
// 400 people of fill400 (21 working days: 33,600 punches).
func punchRows400(days int) []PunchRow { return punchRows400From(NewDate(2026, 11, 1), days) }

// punchRows400From gives four punches a working day for the 400 people of
// fill400, for the given number of working days from first on.
func punchRows400From(first Date, days int) []PunchRow {
	cal := NewCalendar(nil)
	var rows []PunchRow
	n := 0
	for d := first; n < days; d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		n++
		for i := 0; i < 400; i++ {
			for j, c := range []Clock{NewClock(8, 10), NewClock(12, 3), NewClock(13, 5), NewClock(17, 2)} {
				rows = append(rows, PunchRow{EmployeeNo: fmt.Sprintf("ZW%04d", i), At: clockAt(d, c+Clock((i+j)%15)).Add(time.Duration(i%60) * time.Second), Device: "一楼大厅考勤机"})
			}
		}
	}
	return rows
}

// monthPunchRows400 gives the four punches of every working day of the
// month of first for the 400 people of fill400.
func monthPunchRows400(first Date) []PunchRow {
	_, last := MonthSpan(first)
	cal := NewCalendar(nil)
	days := 0
	for d := first; !d.After(last); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			days++
		}
	}
	return punchRows400From(first, days)
}

func fillMonth400(b *testing.B) *Store {
	st := fill400(b)
	if _, err := st.ImportPunches(punchRows400(21)); err != nil {
		b.Fatal(err)
	}
	return st
}

// The monthly sheet of a 400-person centre (33,600 punches) beside a bare
// read of the same month's punches: the difference is the classification.
func BenchmarkAttendanceMonth400(b *testing.B) {
	st := fillMonth400(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		list, err := st.AttendanceMonth("2026-11", AttendanceFilter{Through: NewDate(2026, 11, 30)})
		if err != nil || len(list) != 400 || list[0].AttendedDays != 21 {
			b.Fatal(err, len(list))
		}
	}
}

func BenchmarkReadMonthPunches400(b *testing.B) {
	st := fillMonth400(b)
	sqlDB, _ := st.db.DB()
	from, to := NewDate(2026, 11, 1).Start(), NewDate(2026, 12, 1).Start()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := sqlDB.Query("SELECT staff_id, at, correction, reason, approver FROM punches WHERE at >= ? AND at < ?", from, to)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var id uint
			var at time.Time
			var corr bool
			var reason, approver string
			rows.Scan(&id, &at, &corr, &reason, &approver)
			n++
		}
		rows.Close()
		if n != 33600 {
			b.Fatal(n)
		}
	}
}

// punches100k is 100,000 distinct punches: 400 people, 25 working days, ten
// a day.
func punches100k() []PunchRow {
	base := punchRows400(25) // 40,000
	rows := append([]PunchRow(nil), base...)
	for k, n := range []int{len(base), 100000 - 2*len(base)} {
		for _, r := range base[:n] {
			r.At = r.At.Add(time.Duration(2+k) * time.Hour) // distinct punches
			rows = append(rows, r)
		}
	}
	return rows
}

// bareInsertPunches inserts the rows into st's punches table as plainly as
// SQLite allows: one transaction, one prepared statement, the staff ids
// already known.
func bareInsertPunches(b *testing.B, st *Store, rows []PunchRow) time.Duration {
	b.Helper()
	ids := map[string]uint{}
	list, _ := st.StaffList()
	for _, p := range list {
		ids[p.EmployeeNo] = p.ID
	}
	staffIDs := make([]uint, len(rows))
	for i, r := range rows {
		staffIDs[i] = ids[r.EmployeeNo]
	}
	sqlDB, _ := st.db.DB()
	created := st.Now()
	start := time.Now()
	tx, err := sqlDB.Begin()
	if err != nil {
		b.Fatal(err)
	}
	// the page cache a large import gives itself (widenCache)
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA cache_size = -%d", punchCacheKB)); err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.Prepare("INSERT INTO punches (staff_id, at, device, correction, reason, approver, source, device_result, created_at) VALUES (?, ?, ?, 0, '', '', '', '', ?)")
	if err != nil {
		b.Fatal(err)
	}
	for i, r := range rows {
		if _, err := stmt.Exec(staffIDs[i], r.At.Format(civilLayout), r.Device, created); err != nil {
			b.Fatal(err)
		}
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// BenchmarkImportPunches100k adds 100,000 punches to an empty store, in one
// transaction, beside the bare insert of the same rows into another empty
// store: x-bare is how many times the bare insert's time the import takes
// (checking the roster, repeats and locked months, one audit row).
func BenchmarkImportPunches100k(b *testing.B) {
	rows := punches100k()
	var ours, bare time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := fill400(b)
		other := fill400(b)
		b.StartTimer()
		start := time.Now()
		stats, err := st.ImportPunches(rows)
		ours += time.Since(start)
		if err != nil || stats.Created != 100000 {
			b.Fatal(err, stats)
		}
		b.StopTimer()
		bare += bareInsertPunches(b, other, rows)
		b.StartTimer()
	}
	b.ReportMetric(float64(bare.Milliseconds())/float64(b.N), "bare-ms/op")
	b.ReportMetric(float64(ours)/float64(bare), "x-bare")
}
