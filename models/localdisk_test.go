package models

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSharesAreRecognised(t *testing.T) {
	for path, want := range map[string]bool{
		`\\fileserver\users$\wanggang\AppData\Roaming\GovDesk`: true,
		`//fileserver/share/GovDesk`:                           true,
		`\\?\UNC\fileserver\share\GovDesk`:                     true,
		`\\?\C:\Users\王堃\AppData\Local\GovDesk`:                false,
		`C:\Users\王堃\AppData\Local\GovDesk`:                    false,
		`/home/wang/.local/share/GovDesk`:                      false,
	} {
		if got := isUNC(path); got != want {
			t.Errorf("isUNC(%s) = %v", path, got)
		}
	}
}

// A database that is not one (overwritten, cut short) is reported as
// damaged, so the window can say to restore a backup.
func TestDamagedDatabaseIsNamed(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, DatabaseFile), []byte(strings.Repeat("这不是数据库", 800)), 0o644)
	_, err := Open(dir)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), DatabaseFile) {
		t.Fatalf("%v", err)
	}
}

// A damaged database can be replaced from a backup: the damaged file is
// kept as it was.
func TestRestoreOverDamagedDatabase(t *testing.T) {
	good := mustOpen(t, t.TempDir())
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := good.Backup(backup); err != nil {
		t.Fatal(err)
	}
	good.Close()
	dir := t.TempDir()
	junk := []byte(strings.Repeat("x", 5000))
	os.WriteFile(filepath.Join(dir, DatabaseFile), junk, 0o644)
	kept, err := Restore(dir, backup)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(kept); string(b) != string(junk) || !strings.Contains(kept, "无法打开") {
		t.Fatalf("kept %s", kept)
	}
	st := mustOpen(t, dir)
	st.Close()
}
