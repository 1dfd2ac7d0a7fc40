package models

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// day parses 2026-11-02 as nine in the morning of that day.
func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation("2006-01-02", s, CentreZone)
	if err != nil {
		t.Fatal(err)
	}
	return d.Add(9 * time.Hour)
}

// backupDays lists the days of the backups of kind in the store's folders,
// oldest first, as 2006-01-02 (with a count when a day has several).
func backupDays(t *testing.T, st *Store, kind string) []string {
	t.Helper()
	saved, err := st.SavedBackups()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range saved {
		if b.Kind == kind {
			out = append(out, b.At.Format("2006-01-02"))
		}
	}
	sort.Strings(out)
	return out
}

// The window is started every morning from the first day to the last (or
// on the days listed): the backups left are the week's days, the newest of
// the last four weeks and of the last twelve months.
func TestDailyStartsLeaveTheRollingSetOfBackups(t *testing.T) {
	for _, tc := range []struct {
		name        string
		first, last string
		want        []string
	}{
		{"一周", "2026-11-02", "2026-11-08", []string{
			"2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07", "2026-11-08"}},
		{"一周零一天：第一天是上周最后一份，留作周备份", "2026-11-01", "2026-11-08", []string{
			"2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07", "2026-11-08"}},
		{"两周零一天：前一周只留周日", "2026-11-02", "2026-11-16", []string{
			"2026-11-08", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15", "2026-11-16"}},
		{"十一个月：每月最后一天、最近四周、最近七天", "2026-01-01", "2026-11-30", []string{
			"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
			"2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31",
			"2026-11-15", "2026-11-22",
			"2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"}},
		{"十四个月：只留最近十二个月", "2025-10-01", "2026-11-30", []string{
			"2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30",
			"2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31",
			"2026-11-15", "2026-11-22",
			"2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			now := day(t, tc.first)
			if onServer() && day(t, tc.last).Sub(now) > 31*24*time.Hour {
				// each backup of a server is a whole copy into a new file:
				// the short runs try it, the rule is the same for both
				t.Skip("按日备份一年以上只在 SQLite 上演练")
			}
			st, err := Open(t.TempDir(), WithClock(func() time.Time { return now }))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			for last := day(t, tc.last); !now.After(last); now = now.AddDate(0, 0, 1) {
				if !st.AutoBackupDue() {
					t.Fatalf("%s: a backup is not due before the day's first", now.Format("2006-01-02"))
				}
				if _, err := st.AutoBackup(); err != nil {
					t.Fatal(err)
				}
				if st.AutoBackupDue() {
					t.Fatalf("%s: still due after the day's backup", now.Format("2006-01-02"))
				}
			}
			if got := backupDays(t, st, BackupAuto); strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Fatalf("backups left:\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// Days the PC stayed off count for nothing: the last seven days that have
// a backup are kept; several starts on one day leave its newest, and every
// start of today.
func TestDaysOffAndSeveralStartsADay(t *testing.T) {
	var now time.Time
	st, err := Open(t.TempDir(), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	starts := []string{
		"2026-11-02 08:00", "2026-11-02 13:00", "2026-11-03 08:00", "2026-11-04 08:00", "2026-11-05 08:00",
		"2026-11-06 08:00", // a week's holiday follows
		"2026-11-16 08:00", "2026-11-17 08:00", "2026-11-17 14:30", "2026-11-17 16:00",
	}
	for _, s := range starts {
		now, _ = time.ParseInLocation("2006-01-02 15:04", s, CentreZone)
		if _, err := st.AutoBackup(); err != nil {
			t.Fatal(err)
		}
	}
	saved, _ := st.SavedBackups()
	var got []string
	for _, b := range saved {
		got = append(got, b.At.Format("01-02 15:04"))
	}
	want := []string{"11-17 16:00", "11-17 14:30", "11-17 08:00", "11-16 08:00", "11-06 08:00",
		"11-05 08:00", "11-04 08:00", "11-03 08:00", "11-02 13:00"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("backups left:\n%q\nwant\n%q", got, want)
	}
}

// The copies restores kept of the databases they replaced are pruned by
// the same policy when the window makes its backup, in their own count.
func TestOldCopiesKeptByRestoresArePruned(t *testing.T) {
	now := day(t, "2026-11-30")
	dir := t.TempDir()
	st, err := Open(dir, WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	backups := filepath.Join(dir, "backups")
	os.MkdirAll(backups, 0o755)
	// one restore a day through November, one a month before, and copies
	// of a damaged database
	for d := 1; d <= 30; d++ {
		os.WriteFile(filepath.Join(backups, "恢复前-202611"+twoDigits(d)+"-100000.db"), []byte("x"), 0o644)
	}
	for m := time.Date(2025, 9, 15, 0, 0, 0, 0, CentreZone); m.Month() != time.November || m.Year() != 2026; m = m.AddDate(0, 1, 0) {
		os.WriteFile(filepath.Join(backups, "恢复前-"+m.Format("20060102")+"-100000.db"), []byte("x"), 0o644)
	}
	for _, name := range []string{"恢复前-无法打开-20260120-100000.db", "恢复前-无法打开-20260110-100000.db",
		"恢复前-无法打开-20260110-100000.db-wal", "别人的文件.db"} {
		os.WriteFile(filepath.Join(backups, name), []byte("x"), 0o644)
	}
	if _, err := st.AutoBackup(); err != nil {
		t.Fatal(err)
	}
	got := backupDays(t, st, BackupRestored)
	want := []string{"2025-12-15", "2026-01-20", "2026-02-15", "2026-03-15", "2026-04-15", "2026-05-15",
		"2026-06-15", "2026-07-15", "2026-08-15", "2026-09-15", "2026-10-15", "2026-11-15", "2026-11-22",
		"2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("恢复前 copies left:\n%q\nwant\n%q", got, want)
	}
	if _, err := os.Stat(filepath.Join(backups, "别人的文件.db")); err != nil {
		t.Error("pruning removed a file GovDesk did not write")
	}
	if _, err := os.Stat(filepath.Join(backups, "恢复前-无法打开-20260110-100000.db-wal")); err == nil {
		t.Error("a pruned copy's journal is still there")
	}
	if got := backupDays(t, st, BackupAuto); len(got) != 1 {
		t.Errorf("automatic backups: %q", got)
	}
}

func twoDigits(d int) string { return time.Date(2000, 1, d, 0, 0, 0, 0, time.UTC).Format("02") }

// The backup folder can be set elsewhere (a USB drive); the change is in
// the log, backups go there, and an empty setting goes back to backups/.
func TestBackupFolderCanBeMoved(t *testing.T) {
	st := openTemp(t)
	usb := filepath.Join(t.TempDir(), "U盘", "GovDesk备份")
	if err := st.SetBackupDir(usb); err != nil {
		t.Fatal(err)
	}
	path, err := st.AutoBackup()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != usb || !strings.HasPrefix(filepath.Base(path), "自动备份-20261126-090000") {
		t.Fatalf("backup written to %s", path)
	}
	if log, _ := st.AuditLog(AuditFilter{Text: "自动备份文件夹"}); len(log) != 1 {
		t.Errorf("the folder change is not in the log: %+v", log)
	}
	if err := st.SetBackupDir("相对路径"); err == nil {
		t.Error("a relative folder was taken")
	}
	if err := st.SetBackupDir(""); err != nil || st.BackupDir() != filepath.Join(st.Dir(), "backups") {
		t.Fatalf("reset: %v, folder %s", err, st.BackupDir())
	}
}

// The window was stopped (a power cut, 结束任务) while writing this
// morning's backup, and yesterday's: what it left is no backup. Today still
// wants one, the list offers none to restore, and the next backup is whole;
// yesterday's remains go at the next pruning, today's stay (another program
// may be writing them).
func TestABackupLeftUnfinishedIsNoBackup(t *testing.T) {
	now := day(t, "2026-11-10")
	st, err := Open(t.TempDir(), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dir := st.BackupDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	left := []string{"自动备份-20261110-083000.db" + partialSuffix, "自动备份-20261110-083000.db" + partialSuffix + "-journal",
		"自动备份-20261109-083000.db" + partialSuffix, "自动备份-20261109-083000.db" + partialSuffix + "-journal"}
	for _, name := range left {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("SQLite format 3\x00"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !st.AutoBackupDue() {
		t.Error("an unfinished backup counts as today's")
	}
	if got := backupDays(t, st, BackupAuto); len(got) != 0 {
		t.Errorf("unfinished backups listed: %v", got)
	}
	path, err := st.AutoBackup()
	if err != nil {
		t.Fatal(err)
	}
	if db, err := openChecked(path, "备份"); err != nil {
		t.Fatalf("the backup does not open: %v", err)
	} else if sqlDB, _ := db.DB(); sqlDB != nil {
		sqlDB.Close()
	}
	if _, err := os.Stat(path + partialSuffix); !os.IsNotExist(err) {
		t.Errorf("the finished backup left %s behind", path+partialSuffix)
	}
	if got := backupDays(t, st, BackupAuto); !reflect.DeepEqual(got, []string{"2026-11-10"}) {
		t.Errorf("backups listed: %v", got)
	}
	for i, name := range left {
		_, err := os.Stat(filepath.Join(dir, name))
		if today := i < 2; today != (err == nil) {
			t.Errorf("%s: kept %v, want %v", name, err == nil, today)
		}
	}
}
