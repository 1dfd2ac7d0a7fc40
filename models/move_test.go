package models

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The Roaming folder's database, papers and backups arrive in the new
// folder; the old one stays, with a note saying where the data went.
func TestMoveDataDirCopiesEverythingAndLeavesANote(t *testing.T) {
	skipOnServer(t, "随数据文件夹搬移的数据库文件")
	from := filepath.Join(t.TempDir(), "Roaming", "GovDesk")
	to := filepath.Join(t.TempDir(), "Local", "GovDesk")
	st := mustOpen(t, from)
	if err := st.SaveHomeUnit(&HomeUnit{Name: "市民政局"}); err != nil {
		t.Fatal(err)
	}
	paper := filepath.Join("文书", "2026", "受理通知书-SL1.pdf")
	os.MkdirAll(filepath.Join(from, filepath.Dir(paper)), 0o755)
	os.WriteFile(filepath.Join(from, paper), []byte("%PDF"), 0o644)
	st.Close()

	if err := MoveDataDir(from, to); err != nil {
		t.Fatal(err)
	}
	moved := mustOpen(t, to)
	defer moved.Close()
	if u, _ := moved.HomeUnits(); len(u) != 1 || u[0].Name != "市民政局" {
		t.Fatalf("units after the move: %v", u)
	}
	if b, err := os.ReadFile(filepath.Join(to, paper)); err != nil || string(b) != "%PDF" {
		t.Fatalf("paper: %v", err)
	}
	note, _ := os.ReadFile(filepath.Join(from, MovedNote))
	if !strings.Contains(string(note), to) {
		t.Fatalf("note: %q", note)
	}
	if _, err := os.Stat(filepath.Join(from, DatabaseFile)); err != nil {
		t.Fatal("the old database is gone")
	}
	if err := MoveDataDir(from, to); err == nil {
		t.Fatal("moved over an existing database")
	}
}
