package models

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// auditedUnits adds n units through the store, one audit entry each, and
// returns the store's data folder.
func auditedUnits(t *testing.T, st *Store, names ...string) {
	t.Helper()
	for _, n := range names {
		if err := st.SaveHomeUnit(&HomeUnit{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
}

// Someone edits the audit log with a database tool: check names the first
// entry that no longer fits, whatever was done to it.
func TestCheckNamesTheFirstAuditEntryEditedByHand(t *testing.T) {
	for _, tc := range []struct {
		name string
		sql  string
		want string // in the problem
	}{
		{"改动第二条的内容", `UPDATE audit_entries SET after = replace(after, '乙单位', '丙单位') WHERE id = 2`, "第 2 条（编号 2"},
		{"改动第二条的操作员", `UPDATE audit_entries SET operator = 'director-wang' WHERE id = 2`, "第 2 条（编号 2"},
		{"改动第三条的时间", `UPDATE audit_entries SET at = '2026-01-01 00:00:00' WHERE id = 3`, "第 3 条（编号 3"},
		{"删除第二条", `DELETE FROM audit_entries WHERE id = 2`, "第 2 条（编号 3"},
		{"删除第一条", `DELETE FROM audit_entries WHERE id = 1`, "第 1 条（编号 2"},
		{"标成来自被替换的数据库", `UPDATE audit_entries SET origin = '被替换的数据库' WHERE id = 4`, "第 4 条（编号 4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := openTemp(t)
			auditedUnits(t, st, "甲单位", "乙单位", "丙单位之前", "丁单位")
			if problems, err := st.Check(); err != nil || len(problems) != 0 {
				t.Fatalf("untouched log: %v %v", problems, err)
			}
			if err := st.db.Exec(tc.sql).Error; err != nil {
				t.Fatal(err)
			}
			problems, err := st.Check()
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) != 1 || !strings.Contains(problems[0], tc.want) {
				t.Fatalf("problems = %q, want one naming %q", problems, tc.want)
			}
		})
	}
}

// One byte of an audit entry's text flipped in the database file, as a
// failing disk or a hex editor would: SQLite's own check sees nothing wrong
// with the file, the chain does.
func TestByteFlipInTheAuditLogIsReportedByCheck(t *testing.T) {
	skipOnServer(t, "改动数据库文件的字节")
	dir := t.TempDir()
	st := mustOpen(t, dir)
	auditedUnits(t, st, "市市场监督管理局", "市公安局")
	st.Close()
	path := filepath.Join(dir, DatabaseFile)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// the unit's name inside the entry's JSON, which only the log holds
	at := bytes.Index(b, []byte(`"v":"市公安局"`))
	if at < 0 {
		t.Fatal("entry text not found in the file")
	}
	b[at+len(`"v":"市`)+1] ^= 0x01
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	st = mustOpen(t, dir)
	defer st.Close()
	problems, err := st.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "操作日志第 2 条") {
		t.Fatalf("problems after the flip = %q", problems)
	}
}

// Backup, three changes, restore: the three changes are still in the log,
// marked as from the replaced database, after them the restore itself,
// and the chain holds.
func TestRestoreKeepsTheAuditEntriesMadeAfterTheBackup(t *testing.T) {
	skipOnServer(t, "用备份文件替换数据库")
	dir := t.TempDir()
	st := mustOpen(t, dir)
	auditedUnits(t, st, "备份前的单位")
	backup := filepath.Join(t.TempDir(), "备份.db")
	if err := st.Backup(backup); err != nil {
		t.Fatal(err)
	}
	auditedUnits(t, st, "备份后一", "备份后二", "备份后三")
	before, err := st.AuditLog(AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	kept, err := Restore(dir, backup, WithClock(FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(filepath.Base(kept), "恢复前-20261126-090000") {
		t.Errorf("kept as %s, want the store's clock in the name", kept)
	}
	st = mustOpen(t, dir)
	defer st.Close()
	if units, _ := st.HomeUnits(); len(units) != 1 {
		t.Fatalf("units after restore = %v, want the backup's one", units)
	}
	after, err := st.AuditLog(AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before)+1 {
		t.Fatalf("%d entries after the restore, want the %d before and the restore", len(after), len(before))
	}
	if r := after[0]; r.Action != ActionRestore || r.Entity != "数据库" || r.Origin != "" {
		t.Errorf("newest entry = %+v, want the restore", r)
	}
	var carried []string
	for _, e := range after {
		if e.Origin == OriginReplaced {
			carried = append(carried, e.Key)
		}
	}
	if len(carried) != 3 {
		t.Errorf("entries marked from the replaced database: %q, want the three changes", carried)
	}
	if problems, err := st.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("check after the restore: %v %v", problems, err)
	}
	// restoring the same backup again loses nothing either
	st.Close()
	if _, err := Restore(dir, backup, WithClock(FixedClock(testNow))); err != nil {
		t.Fatal(err)
	}
	st = mustOpen(t, dir)
	again, _ := st.AuditLog(AuditFilter{})
	if len(again) != len(after)+1 {
		t.Fatalf("%d entries after the second restore, want %d", len(again), len(after)+1)
	}
	if problems, err := st.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("check after the second restore: %v %v", problems, err)
	}
}

// A backup on a write-protected medium restores, and the restore leaves
// the backup byte for byte as it was, with nothing beside it.
func TestRestoreOnlyReadsTheBackup(t *testing.T) {
	dir := t.TempDir()
	st := mustOpen(t, dir)
	auditedUnits(t, st, "备份里的单位")
	media := t.TempDir()
	backup := filepath.Join(media, "备份.db")
	if err := st.Backup(backup); err != nil {
		t.Fatal(err)
	}
	st.Close()
	orig, _ := os.ReadFile(backup)
	if err := os.Chmod(backup, 0o444); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(dir, backup, WithClock(FixedClock(testNow))); err != nil {
		t.Fatal(err)
	}
	now, _ := os.ReadFile(backup)
	if !bytes.Equal(orig, now) {
		t.Error("the restore wrote to the backup file")
	}
	if names, _ := filepath.Glob(filepath.Join(media, "*")); len(names) != 1 {
		t.Errorf("files beside the backup after the restore: %q", names)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*.restoring*")); len(left) != 0 {
		t.Errorf("restore left %q", left)
	}
	st = mustOpen(t, dir)
	defer st.Close()
	if units, _ := st.HomeUnits(); len(units) != 1 || units[0].Name != "备份里的单位" {
		t.Fatalf("units after restoring = %v", units)
	}
}

// A backup that cannot be written leaves no file that could pass for one.
func TestFailedBackupLeavesNoFile(t *testing.T) {
	st := openTemp(t)
	auditedUnits(t, st, "甲单位")
	for _, tc := range []struct{ name, path string }{
		{"文件夹不存在", filepath.Join(t.TempDir(), "没有这个文件夹", "备份.db")},
		{"目标是文件夹", func() string {
			p := filepath.Join(t.TempDir(), "备份.db")
			os.Mkdir(p, 0o755)
			return filepath.Join(p, "sub", "x.db")
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := st.Backup(tc.path); err == nil {
				t.Fatal("backup succeeded")
			}
			if _, err := os.Stat(tc.path); err == nil {
				t.Fatalf("failed backup left %s", tc.path)
			}
		})
	}
}

// An older database's log is chained by its upgrade, so check passes on it
// and a later edit of one of its entries is caught.
func TestUpgradeChainsTheExistingAuditLog(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/govdesk-v3.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, DatabaseFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	st := mustOpen(t, dir)
	defer st.Close()
	var n int64
	st.db.Model(&AuditEntry{}).Where("hash IS NULL OR hash = ''").Count(&n)
	if n != 0 {
		t.Fatalf("%d entries left without a hash", n)
	}
	if problems, err := st.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("check after the upgrade: %v %v", problems, err)
	}
	var total int64
	st.db.Model(&AuditEntry{}).Count(&total)
	if total < 2 {
		t.Skipf("the old database has %d audit entries", total)
	}
	st.db.Exec(`UPDATE audit_entries SET key = key || 'x' WHERE id = (SELECT MIN(id) FROM audit_entries)`)
	if problems, _ := st.Check(); len(problems) != 1 || !strings.Contains(problems[0], "第 1 条") {
		t.Fatalf("an edited old entry: %q", problems)
	}
}
