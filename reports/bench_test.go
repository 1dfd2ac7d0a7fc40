package reports

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"govdesk/models"
)

// BenchmarkImportStaffFile400 reads and checks a 400-row staff file and
// imports it into a centre that already holds those people (so each
// iteration does the same work: every row compared, none written).
func BenchmarkImportStaffFile400(b *testing.B) {
	for _, ext := range []string{".csv", ".xlsx"} {
		b.Run(ext, func(b *testing.B) {
			st, err := models.Open(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			var w strings.Builder
			w.WriteString("窗口编号,窗口名称,派驻单位\n")
			for i := 0; i < 40; i++ {
				fmt.Fprintf(&w, "W%02d,综合窗口,单位%d\n", i, i%12)
			}
			var s [][]string
			for i := 0; i < 400; i++ {
				s = append(s, []string{fmt.Sprintf("ZW%04d", i), "王堃", "", "", "13800138000", fmt.Sprintf("单位%d", i%12),
					fmt.Sprintf("W%02d", i%40), "窗口工作人员", "2024-01-02", "", "在岗"})
			}
			dir := b.TempDir()
			wf := filepath.Join(dir, "w.csv")
			if err := writeText(wf, w.String()); err != nil {
				b.Fatal(err)
			}
			if _, err := Import(st, "windows", wf, nil); err != nil {
				b.Fatal(err)
			}
			path := filepath.Join(dir, "staff"+ext)
			if err := WriteSheet(path, "人员", columnNames(staffColumns), s); err != nil {
				b.Fatal(err)
			}
			if _, err := Import(st, "staff", path, nil); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				stats, err := Import(st, "staff", path, nil)
				if err != nil || stats.Unchanged != 400 {
					b.Fatal(err, stats)
				}
			}
		})
	}
}

// machineExport is a 400-person centre's windows and staff files and a machine
// export of n punches for it, all distinct: 400 people, five a day.
func machineExport(b *testing.B, n int) (windows, staff, punches string) {
	b.Helper()
	dir := b.TempDir()
	var w, s, p strings.Builder
	w.WriteString("窗口编号,窗口名称,派驻单位\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&w, "W%02d,综合窗口,单位%d\n", i, i%12)
	}
	s.WriteString("工号,姓名,派驻单位,窗口编号,岗位,入驻日期\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&s, "ZW%04d,王堃,单位%d,W%02d,窗口工作人员,2024-01-02\n", i, i%12, i%40)
	}
	p.WriteString("工号,姓名,打卡时间,设备\n")
	first := models.NewDate(2024, 1, 1)
	for k := 0; k < n; k++ {
		i, m := k%400, k/400
		day, slot := first.AddDays(m/5), m%5
		fmt.Fprintf(&p, "ZW%04d,王堃,%s %02d:%02d:%02d,一楼大厅考勤机\n", i, day, []int{8, 10, 12, 13, 17}[slot], i%60, k%60)
	}
	windows, staff, punches = filepath.Join(dir, "w.csv"), filepath.Join(dir, "s.csv"), filepath.Join(dir, "p.csv")
	for f, text := range map[string]string{windows: w.String(), staff: s.String(), punches: p.String()} {
		if err := writeText(f, text); err != nil {
			b.Fatal(err)
		}
	}
	return windows, staff, punches
}

// centre opens a store in dir holding the windows and staff files.
func centre(b *testing.B, dir, windows, staff string) *models.Store {
	b.Helper()
	st, err := models.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Import(st, "windows", windows, nil); err != nil {
		b.Fatal(err)
	}
	if _, err := Import(st, "staff", staff, nil); err != nil {
		b.Fatal(err)
	}
	return st
}

// centres makes two centres holding the windows and staff files: one open
// for the import, the other closed, in otherDir, for the bare insert.
func centres(b *testing.B, windows, staff string) (st *models.Store, otherDir string) {
	b.Helper()
	otherDir = b.TempDir()
	centre(b, otherDir, windows, staff).Close()
	return centre(b, b.TempDir(), windows, staff), otherDir
}

// bareInsert inserts the punches of the file at path into the database in
// dir as plainly as SQLite allows: the rows already split and their staff
// ids known, one transaction, one prepared statement; each row stores what
// the import stores (工号's id, time, machine, file and line). Its
// connection has the 32 MB page cache a large punch import gives itself, so
// the ratio compares the work, not the caches.
func bareInsert(b *testing.B, dir, path string) time.Duration {
	b.Helper()
	db, err := sql.Open("sqlite3", filepath.Join(dir, models.DatabaseFile)+"?_cache_size=-32768")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ids := map[string]int64{}
	rows, err := db.Query("SELECT employee_no, id FROM staff")
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var no string
		var id int64
		rows.Scan(&no, &id)
		ids[no] = id
	}
	rows.Close()
	text, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	type punch struct {
		id                 int64
		at, device, source string
	}
	var punches []punch
	for i, line := range strings.Split(strings.TrimSpace(string(text)), "\n")[1:] {
		f := strings.Split(line, ",")
		punches = append(punches, punch{ids[f[0]], f[2], f[3], fmt.Sprintf("%s 第%d行", filepath.Base(path), i+2)})
	}
	created := time.Date(2026, 11, 30, 9, 0, 0, 0, models.CentreZone)
	start := time.Now()
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.Prepare("INSERT INTO punches (staff_id, at, device, correction, reason, approver, source, device_result, created_at) VALUES (?, ?, ?, 0, '', '', ?, '', ?)")
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range punches {
		if _, err := stmt.Exec(p.id, p.at, p.device, p.source, created); err != nil {
			b.Fatal(err)
		}
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// BenchmarkImportPunchesFile reads, checks and imports a machine export of
// 100,000 punches (a year of a small centre) into an empty punch table,
// beside the bare insert of the same rows into another store: x-bare is
// how many times the bare insert's time the whole import takes.
func BenchmarkImportPunchesFile(b *testing.B) {
	windows, staff, punches := machineExport(b, 100000)
	var ours, bare time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, otherDir := centres(b, windows, staff)
		b.StartTimer()
		start := time.Now()
		stats, err := Import(st, "punches", punches, nil)
		ours += time.Since(start)
		if err != nil || stats.Created != 100000 {
			b.Fatal(err, stats)
		}
		b.StopTimer()
		st.Close()
		bare += bareInsert(b, otherDir, punches)
		b.StartTimer()
	}
	b.ReportMetric(float64(bare.Milliseconds())/float64(b.N), "bare-ms/op")
	b.ReportMetric(float64(ours)/float64(bare), "x-bare")
}

// BenchmarkImportPunchesFile1M imports a 1,000,000-row punch file (three
// years of a 400-staff centre's machine) as the command does, under the
// command's soft memory limit, beside the bare insert of the same rows into
// another store. It reports the most memory the process held while it
// imported (peak-MB, Linux's VmHWM, reset before the import; the goal is
// under 300), the rows imported per second by the import and by the bare
// insert, and x-bare, how many times the bare insert's time the import takes.
func BenchmarkImportPunchesFile1M(b *testing.B) {
	windows, staff, punches := machineExport(b, 1000000)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(ImportMemoryLimit))
	var took, bare time.Duration
	var peak int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, otherDir := centres(b, windows, staff)
		runtime.GC()
		debug.FreeOSMemory()
		if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
			b.Skip("peak memory is read from Linux's /proc:", err)
		}
		b.StartTimer()
		start := time.Now()
		stats, err := Import(st, "punches", punches, nil)
		took += time.Since(start)
		b.StopTimer()
		if err != nil || stats.Created != 1000000 {
			b.Fatal(err, stats)
		}
		peak = max(peak, peakResidentKB(b))
		st.Close()
		bare += bareInsert(b, otherDir, punches)
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/1024, "peak-MB")
	b.ReportMetric(float64(b.N)*1e6/took.Seconds(), "rows/s")
	b.ReportMetric(float64(b.N)*1e6/bare.Seconds(), "bare-rows/s")
	b.ReportMetric(float64(took)/float64(bare), "x-bare")
}

// peakResidentKB is the most memory the process has held since the last
// reset, in KB (VmHWM).
func peakResidentKB(b *testing.B) int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb
		}
	}
	b.Fatal("no VmHWM in /proc/self/status")
	return 0
}
