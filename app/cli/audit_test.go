package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govdesk/models"
)

// importWindows imports a windows file holding the given rows (窗口编号,
// 窗口名称, 派驻单位).
func importWindows(t *testing.T, data string, rows ...string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "窗口.csv")
	os.WriteFile(file, []byte("窗口编号,窗口名称,派驻单位\n"+strings.Join(rows, "\n")+"\n"), 0o644)
	if code, _, errs := run(t, "--data", data, "import", "windows", file); code != ExitOK {
		t.Fatalf("import: %s", errs)
	}
}

// An office backs up, makes three changes, restores the backup: the audit
// export still holds every change, the restore is in it, and check finds
// the log sound.
func TestBackupChangesRestoreKeepsEveryAuditEntry(t *testing.T) {
	data := t.TempDir()
	importWindows(t, data, "A01,企业开办综合窗口,市市场监督管理局")
	bak := filepath.Join(t.TempDir(), "备份.db")
	if code, _, errs := run(t, "--data", data, "backup", "--out", bak); code != ExitOK {
		t.Fatal(errs)
	}
	importWindows(t, data, "A02,食品经营许可窗口,市市场监督管理局")
	importWindows(t, data, "A03,药品经营许可窗口,市市场监督管理局")
	importWindows(t, data, "A01,企业开办一窗通办,市市场监督管理局")
	exported := func(name string) string {
		out := filepath.Join(t.TempDir(), name)
		if code, _, errs := run(t, "--data", data, "export", "audit", "--out", out); code != ExitOK {
			t.Fatal(errs)
		}
		b, _ := os.ReadFile(out)
		return string(b)
	}
	before := exported("前.csv")
	if code, _, errs := run(t, "--data", data, "restore", bak); code != ExitOK {
		t.Fatal(errs)
	}
	after := exported("后.csv")
	for _, want := range []string{"A02", "A03", "企业开办一窗通办", "被替换的数据库", "恢复", "备份.db"} {
		if !strings.Contains(after, want) {
			t.Errorf("audit export after the restore lacks %q:\n%s", want, after)
		}
	}
	if strings.Count(after, "\n") != strings.Count(before, "\n")+1 {
		t.Errorf("audit rows: %d before, %d after the restore; want one more (the restore)",
			strings.Count(before, "\n"), strings.Count(after, "\n"))
	}
	if code, out, errs := run(t, "--data", data, "check"); code != ExitOK || !strings.Contains(out, "数据库完好") {
		t.Fatalf("check after the restore: %d %s %s", code, out, errs)
	}
}

// One byte of an audit entry flipped in the file: check exits 1 naming the
// entry.
func TestCheckReportsAByteFlippedInTheAuditLog(t *testing.T) {
	data := t.TempDir()
	importWindows(t, data, "A01,企业开办综合窗口,市市场监督管理局", "A02,食品经营许可窗口,市市场监督管理局")
	path := filepath.Join(data, models.DatabaseFile)
	b, _ := os.ReadFile(path)
	at := bytes.Index(b, []byte(`"v":"食品经营许可窗口"`))
	if at < 0 {
		t.Fatal("audit text not in the file")
	}
	b[at+6] ^= 0x02
	os.WriteFile(path, b, 0o644)
	code, _, errs := run(t, "--data", data, "check")
	if code != ExitRefused || !strings.Contains(errs, "操作日志第") || !strings.Contains(errs, "A02") {
		t.Fatalf("check after a byte flip: exit %d, %s", code, errs)
	}
}

// A scheduled task runs backup --auto: the backup lands in backups/ under
// the day's name; --auto with --out is a wrong command line.
func TestScheduledAutomaticBackup(t *testing.T) {
	data := t.TempDir()
	code, out, errs := run(t, "--data", data, "backup", "--auto")
	if code != ExitOK || !strings.Contains(out, "自动备份-20261126-090000.db") {
		t.Fatalf("backup --auto: %d %s %s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(data, "backups", "自动备份-20261126-090000.db")); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, "--data", data, "backup", "--auto", "--out", filepath.Join(t.TempDir(), "x.db")); code != ExitUsage {
		t.Fatalf("--auto with --out: exit %d, want 2", code)
	}
}
