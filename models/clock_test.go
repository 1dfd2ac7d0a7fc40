package models

import (
	"fmt"
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // the zones below on any test machine
)

// withLocalZone runs fn as if the PC were set to the named zone.
func withLocalZone(t *testing.T, name string, fn func()) {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	saved := time.Local
	time.Local = loc
	defer func() { time.Local = saved }()
	fn()
}

// zoneRows is a punch file as an attendance machine writes it: wall-clock
// text, no zone.
func zoneRows(t *testing.T) []PunchRow {
	t.Helper()
	var rows []PunchRow
	for day := 2; day <= 6; day++ {
		for _, hm := range []string{"08:27:41", "12:01:00", "13:22:10", "17:31:05"} {
			if day == 4 && hm == "08:27:41" {
				hm = "08:41:00" // 迟到 11 分钟
			}
			at, err := ParseDateTime(fmt.Sprintf("2026-11-%02d %s", day, hm))
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, PunchRow{EmployeeNo: "ZW001", At: at, Device: "一楼东"})
		}
	}
	return rows
}

// The same database gives the same figures on PCs set to any zone, and a
// file imported again on a PC set to another zone adds nothing.
func TestSameFiguresOnEveryPCZone(t *testing.T) {
	zones := []string{"Asia/Shanghai", "UTC", "America/Los_Angeles"}
	dir := t.TempDir()
	var want []MonthSummary
	withLocalZone(t, zones[0], func() {
		st, err := Open(dir, WithClock(FixedClock(testNow)))
		if err != nil {
			t.Fatal(err)
		}
		seedOne(t, st)
		if _, err := st.ImportPunches(zoneRows(t)); err != nil {
			t.Fatal(err)
		}
		want, err = st.AttendanceMonth("2026-11", AttendanceFilter{Through: NewDate(2026, 11, 6)})
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	})
	if len(want) != 1 || want[0].LateCount != 1 || want[0].LateMinutes != 11 || want[0].EarlyCount != 0 {
		t.Fatalf("figures in %s: %+v", zones[0], want)
	}
	for _, z := range zones[1:] {
		withLocalZone(t, z, func() {
			st, err := Open(dir, WithClock(FixedClock(testNow)))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			got, err := st.AttendanceMonth("2026-11", AttendanceFilter{Through: NewDate(2026, 11, 6)})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(summaryFigures(got), summaryFigures(want)) {
				t.Fatalf("%s reads %+v, %s read %+v", z, summaryFigures(got), zones[0], summaryFigures(want))
			}
			stats, err := st.ImportPunches(zoneRows(t))
			if err != nil || stats.Created != 0 {
				t.Fatalf("importing again in %s added %d punches (%v)", z, stats.Created, err)
			}
			ps, _ := st.Punches(PunchFilter{From: NewDate(2026, 11, 4), To: NewDate(2026, 11, 4)})
			if len(ps) != 4 || FormatDateTime(ps[0].At) != "2026-11-04 08:41" {
				t.Fatalf("in %s the 4th's punches are %v", z, ps)
			}
		})
	}
}

func summaryFigures(ss []MonthSummary) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s 出勤%v 迟到%d/%d 早退%d/%d 缺卡%d 旷工%v", s.EmployeeNo, s.AttendedDays,
			s.LateCount, s.LateMinutes, s.EarlyCount, s.EarlyMinutes, s.MissingCount, s.AbsentDays))
	}
	return out
}

func seedOne(t *testing.T, st *Store) Staff {
	t.Helper()
	_, a, _ := seedRoster(t, st)
	p := Staff{EmployeeNo: "ZW001", Name: "王堃", WindowID: a.ID, HomeUnitID: a.HomeUnitID, Post: PostStaff, JoinedOn: NewDate(2024, 1, 2)}
	if err := st.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	return p
}

// Earlier versions stored each time with the recording PC's UTC offset. The
// upgrade keeps the wall clock a user saw, and a punch that was stored twice
// because a file was imported again on a PC set to another zone is merged.
func TestUpgradeKeepsTheWallClockOfEveryTime(t *testing.T) {
	dir := t.TempDir()
	st := mustOpen(t, dir)
	p := seedOne(t, st)
	if _, err := st.ImportPunches(zoneRows(t)); err != nil {
		t.Fatal(err)
	}
	legacy := []struct{ from, to string }{
		{"2026-11-02 08:27:41", "2026-11-02 08:27:41+08:00"},
		{"2026-11-03 08:27:41", "2026-11-03 08:27:41.5-08:00"},
		{"2026-11-04 08:41:00", "2026-11-04T08:41:00Z"},
	}
	for _, l := range legacy {
		if err := st.db.Exec("UPDATE punches SET at = ? WHERE at = ?", l.to, l.from).Error; err != nil {
			t.Fatal(err)
		}
	}
	// the same punch again, as a PC set to UTC stored it
	if err := st.db.Exec("INSERT INTO punches (staff_id, at, device, correction) VALUES (?, ?, ?, ?)",
		p.ID, "2026-11-02 08:27:41+00:00", "一楼东", false).Error; err != nil {
		t.Fatal(err)
	}
	if err := st.db.Exec("UPDATE audit_entries SET at = '2026-11-20 16:05:09.123456+08:00'").Error; err != nil {
		t.Fatal(err)
	}
	if err := st.db.Exec("DELETE FROM schema_migrations WHERE version >= 10").Error; err != nil {
		t.Fatal(err)
	}
	st.Close()

	withLocalZone(t, "America/Los_Angeles", func() {
		st := mustOpen(t, dir)
		defer st.Close()
		ps, err := st.Punches(PunchFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 20 {
			t.Fatalf("%d punches after the upgrade, want the 20 imported", len(ps))
		}
		for _, want := range []string{"2026-11-02 08:27:41", "2026-11-03 08:27:41", "2026-11-04 08:41"} {
			found := false
			for _, x := range ps {
				found = found || FormatDateTime(x.At) == want
			}
			if !found {
				t.Fatalf("no punch at %s after the upgrade", want)
			}
		}
		sums, err := st.AttendanceMonth("2026-11", AttendanceFilter{Through: NewDate(2026, 11, 6)})
		if err != nil || len(sums) != 1 || sums[0].LateMinutes != 11 || sums[0].AbsentDays != 0 {
			t.Fatalf("figures after the upgrade: %v %v", summaryFigures(sums), err)
		}
		log, _ := st.AuditLog(AuditFilter{})
		if len(log) == 0 || FormatDateTime(log[len(log)-1].At) != "2026-11-20 16:05:09" {
			t.Fatalf("audit times after the upgrade: %v", log[len(log)-1].At)
		}
		merged, _ := st.AuditLog(AuditFilter{Text: "升级合并重复打卡"})
		if len(merged) != 1 {
			t.Fatalf("the merge of duplicate punches is not in the audit log: %v", merged)
		}
	})
}

// A time is written to the database as its wall clock, whatever its zone,
// exactly as the layout writes it, the year 1 and 9999 included.
func TestCivilArgWritesTheWallClock(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(2026, 11, 3, 8, 27, 41, 0, CentreZone),
		time.Date(2026, 11, 3, 8, 27, 41, 999999999, time.UTC),
		time.Date(2024, 2, 29, 23, 59, 59, 0, time.FixedZone("", -5*3600)),
		time.Date(1, 1, 1, 0, 0, 0, 0, CentreZone),
		time.Date(9999, 12, 31, 23, 59, 59, 0, CentreZone),
		time.Date(10000, 1, 1, 0, 0, 0, 0, CentreZone),
	} {
		if got, want := civilArg(at), at.Format(civilLayout); got != want {
			t.Errorf("%v written %q, want %q", at, got, want)
		}
	}
}
