package reports

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	"govdesk/models"
)

// demoWithoutMonthPunches opens a copy of the demo centre whose machine
// punches from first on are gone, as before the month's files are imported.
func demoWithoutMonthPunches(t *testing.T, first models.Date) *models.Store {
	t.Helper()
	demoStore(t).Close() // makes sure the demo centre exists
	b, err := os.ReadFile(filepath.Join(demoDir, models.DatabaseFile))
	must(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, models.DatabaseFile)
	must(t, os.WriteFile(path, b, 0o644))
	db, err := gorm.Open(sqlite.Open(path), &gorm.Config{})
	must(t, err)
	must(t, db.Exec("DELETE FROM punches WHERE correction = 0 AND at >= ?", first.String()+" 00:00:00").Error)
	raw, _ := db.DB()
	raw.Close()
	st, err := models.Open(dir, models.WithClock(models.FixedClock(testNow)))
	must(t, err)
	t.Cleanup(func() { st.Close() })
	return st
}

// monthSheet is the month's attendance export as text, one line a person.
func monthSheet(t *testing.T, st *models.Store, month string) string {
	t.Helper()
	_, header, rows, err := exportAttendance(st, ExportOptions{Month: month})
	must(t, err)
	lines := []string{strings.Join(header, ",")}
	for _, r := range rows {
		lines = append(lines, strings.Join(r, ","))
	}
	return strings.Join(lines, "\n")
}

// The month of the demo centre's punches, exported by its three machines in
// each of the seven layouts, imports into the same monthly sheet.
func TestADemoMonthInEveryMachineLayoutGivesTheSameSheet(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the demo month 8 times")
	}
	const month = "2026-11"
	first, _ := models.ParseMonth(month)
	src := demoStore(t)
	if locked, _ := src.MonthLocked(month); locked {
		t.Fatalf("%s is locked in the demo centre", month)
	}
	punches, err := src.Punches(models.PunchFilter{From: first})
	must(t, err)
	staff, err := src.StaffList()
	must(t, err)
	index := map[string]int{}
	for i, p := range staff {
		index[p.EmployeeNo] = i
	}
	// What a machine without seconds can say: taps to the minute, one per
	// person and minute, none within a minute of the one before.
	taps := map[string][]machineTap{} // by device
	last := map[string]time.Time{}
	sort.SliceStable(punches, func(i, j int) bool { return punches[i].At.Before(punches[j].At) })
	for _, p := range punches {
		if p.Correction {
			continue
		}
		at := p.At.Truncate(time.Minute)
		if l, ok := last[p.Staff.EmployeeNo]; ok && at.Sub(l) <= time.Minute {
			continue
		}
		last[p.Staff.EmployeeNo] = at
		taps[p.Device] = append(taps[p.Device], machineTap{No: p.Staff.EmployeeNo, Name: p.Staff.Name, Dept: "政务大厅", At: at})
	}
	devices := make([]string, 0, len(taps))
	for d := range taps {
		devices = append(devices, d)
	}
	sort.Strings(devices)
	if len(devices) != 3 {
		t.Fatalf("devices %v", devices)
	}
	// Each layout numbers people its own way: ZKTeco PINs with leading
	// zeros, DingTalk's long UserIds, Deli's plain numbers.
	numberOf := func(format, empNo string) string {
		i := index[empNo]
		switch {
		case strings.HasPrefix(format, "dingtalk"):
			return fmt.Sprintf("0%017d", 216000000+i)
		case format == "deli":
			return fmt.Sprintf("%d", 500+i)
		}
		return fmt.Sprintf("%04d", i+1)
	}
	importAll := func(t *testing.T, st *models.Store, format, file string, write func(string, []machineTap, models.Date) error) {
		t.Helper()
		for _, dev := range devices {
			var these []machineTap
			var pairs []models.PunchMapPair
			seen := map[string]bool{}
			for _, tp := range taps[dev] {
				tp.No = numberOf(format, tp.No)
				these = append(these, tp)
			}
			for _, tp := range taps[dev] {
				if !seen[tp.No] {
					seen[tp.No] = true
					pairs = append(pairs, models.PunchMapPair{MachineNo: numberOf(format, tp.No), EmployeeNo: tp.No})
				}
			}
			path := filepath.Join(t.TempDir(), file)
			must(t, write(path, these, first))
			res, err := ImportPunchFile(context.Background(), st, path, PunchFileOptions{Device: dev, Pairs: pairs}, nil)
			if err != nil {
				t.Fatalf("%s on %s: %v", file, dev, err)
			}
			if res.Format != format || res.Stats.Created != len(these) {
				t.Fatalf("%s on %s: format %s, %d of %d punches added (%+v)", file, dev, res.Format, res.Stats.Created, len(these), res.MachineImportResult)
			}
		}
	}
	base := demoWithoutMonthPunches(t, first)
	importAll(t, base, "attlog", "1_attlog.dat", writeAttlogFile)
	want := monthSheet(t, base, month)
	if strings.Count(want, "\n") < 50 || !strings.Contains(want, "ZW001") {
		t.Fatalf("the sheet is not the demo centre's:\n%s", want)
	}
	for _, w := range layoutWriters[1:] {
		t.Run(w.file, func(t *testing.T) {
			st := demoWithoutMonthPunches(t, first)
			importAll(t, st, w.format, w.file, w.write)
			if got := monthSheet(t, st, month); got != want {
				t.Errorf("the sheet differs from the USB stick's:\n%s\nwant\n%s", got, want)
			}
		})
	}
}
