package models

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSecondLockOnADataFolderIsRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "GovDesk")
	first, err := LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockDir(dir)
	var inUse *InUseError
	if !errors.Is(err, ErrInUse) || !errors.As(err, &inUse) {
		t.Fatalf("second lock: %v", err)
	}
	if !strings.Contains(err.Error(), dir) || !strings.Contains(inUse.Holder, "进程 ") || inUse.Pid != os.Getpid() {
		t.Fatalf("message does not say where and who: %v", err)
	}
	if inUse.Shown {
		t.Fatal("a holder whose window has not shown reads as shown")
	}
	if err := first.Shown(); err != nil {
		t.Fatal(err)
	}
	_, err = LockDir(dir)
	if !errors.As(err, &inUse) || !inUse.Shown || strings.Contains(inUse.Holder, shownMark) || inUse.Pid != os.Getpid() {
		t.Fatalf("after the window shows: %+v", inUse)
	}
	if err := first.Unlock(); err != nil {
		t.Fatal(err)
	}
	again, err := LockDir(dir)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	again.Unlock()
}

// A restore while a window holds the folder is refused before it touches
// anything, and a failed restore leaves no govdesk.db.restoring behind.
func TestRestoreRefusedWhileFolderIsHeld(t *testing.T) {
	dir := t.TempDir()
	st := mustOpen(t, dir)
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := st.Backup(backup); err != nil {
		t.Fatal(err)
	}
	st.Close()
	l, err := LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(dir, backup); !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "请先关闭") {
		t.Fatalf("restore under a held lock: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, DatabaseFile+".restoring")); err == nil {
		t.Fatal("left govdesk.db.restoring")
	}
	// the holder itself may restore
	if _, err := l.Restore(backup); err != nil {
		t.Fatalf("restore by the holder: %v", err)
	}
	l.Unlock()
	if _, err := Restore(dir, backup); err != nil {
		t.Fatalf("restore with the folder free: %v", err)
	}
}
