package models

import (
	"reflect"
	"testing"
	"time"
)

// punchHistory gives st the punches of the given number of years of a
// 400-person centre, month by month, up to and including October 2026: a
// bare insert, as the history only has to be there.
func punchHistory(b *testing.B, st *Store, years int) {
	b.Helper()
	for k := 12 * years; k >= 1; k-- {
		bareInsertPunches(b, st, monthPunchRows400(NewDate(2026, time.November-time.Month(k), 1)))
	}
}

// BenchmarkAttendanceMonthAfterYears sums October 2026's attendance of a
// 400-person centre holding one year of punches and of one holding three
// (about 400,000 and 1.2 million): x-3y-over-1y near 1 shows the sheet reads
// its month, not the history.
func BenchmarkAttendanceMonthAfterYears(b *testing.B) {
	one, three := fill400(b), fill400(b)
	punchHistory(b, one, 1)
	punchHistory(b, three, 3)
	sheet := func(st *Store) ([]MonthSummary, time.Duration) {
		start := time.Now()
		list, err := st.AttendanceMonth("2026-10", AttendanceFilter{Through: NewDate(2026, 10, 31)})
		if err != nil || len(list) != 400 || list[0].AttendedDays < 15 {
			b.Fatal(err, len(list))
		}
		return list, time.Since(start)
	}
	// each store's pages read once before timing; both hold the same month
	a, _ := sheet(one)
	c, _ := sheet(three)
	if !reflect.DeepEqual(a, c) {
		b.Fatal("October differs between one and three years of history")
	}
	b.ResetTimer()
	var t1, t3 time.Duration
	for i := 0; i < b.N; i++ {
		_, d1 := sheet(one)
		_, d3 := sheet(three)
		t1, t3 = t1+d1, t3+d3
	}
	b.ReportMetric(float64(t1.Microseconds())/1000/float64(b.N), "1y-ms/op")
	b.ReportMetric(float64(t3.Microseconds())/1000/float64(b.N), "3y-ms/op")
	b.ReportMetric(float64(t3)/float64(t1), "x-3y-over-1y")
}

// BenchmarkImportPunchesMonthAfterYears imports November 2026's punches of
// a 400-person centre (33,600, as the machine's monthly file brings them)
// after one year of punches and after three, taking them out again between
// runs: x-3y-over-1y near 1 shows the import checks and writes the month,
// not the history. bare-x-3y-over-1y is the same for the bare insert of the
// month.
func BenchmarkImportPunchesMonthAfterYears(b *testing.B) {
	one, three := fill400(b), fill400(b)
	punchHistory(b, one, 1)
	punchHistory(b, three, 3)
	nov := monthPunchRows400(NewDate(2026, 11, 1))
	clear := func(st *Store) {
		b.Helper()
		b.StopTimer()
		defer b.StartTimer()
		if err := st.db.Exec("DELETE FROM punches WHERE at >= ?", NewDate(2026, 11, 1).Start().Format(civilLayout)).Error; err != nil {
			b.Fatal(err)
		}
	}
	importMonth := func(st *Store) time.Duration {
		clear(st)
		start := time.Now()
		stats, err := st.ImportPunches(nov)
		if err != nil || stats.Created != len(nov) {
			b.Fatal(err, stats)
		}
		return time.Since(start)
	}
	bare := func(st *Store) time.Duration {
		clear(st)
		b.StopTimer()
		defer b.StartTimer()
		return bareInsertPunches(b, st, nov)
	}
	var t1, t3, bare1, bare3 time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t1 += importMonth(one)
		t3 += importMonth(three)
		bare1 += bare(one)
		bare3 += bare(three)
	}
	b.ReportMetric(float64(t1.Milliseconds())/float64(b.N), "1y-ms/op")
	b.ReportMetric(float64(t3.Milliseconds())/float64(b.N), "3y-ms/op")
	b.ReportMetric(float64(t3)/float64(t1), "x-3y-over-1y")
	b.ReportMetric(float64(bare3)/float64(bare1), "bare-x-3y-over-1y")
	b.ReportMetric(float64(t3)/float64(bare3), "x-bare-3y")
}
