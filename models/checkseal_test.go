package models

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The whole-file check before an import is run once while only GovDesk
// writes the database: its own imports and its closing and opening again
// (as one command after another does) keep the seal; a change by anything
// else, or a new day, checks the whole file again. A server checks its own
// storage.
func TestTheWholeCheckIsNotRepeatedWhileOnlyGovDeskWrites(t *testing.T) {
	dir := t.TempDir()
	now := testNow
	open := func() *Store {
		t.Helper()
		st, err := Open(dir, WithClock(func() time.Time { return now }))
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := open()
	if st.OnServer() {
		defer st.Close()
		if err := st.CheckBeforeImport(); err != nil {
			t.Fatal(err)
		}
		return
	}
	checks := func(what string, want int64, before int64) {
		t.Helper()
		if err := st.CheckBeforeImport(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got := wholeChecks.Load() - before; got != want {
			t.Errorf("%s: %d whole checks, want %d", what, got, want)
		}
	}
	imports := func(code string) {
		t.Helper()
		if _, err := st.ImportWindows([]WindowRow{{Code: code, Name: "综合窗口", HomeUnit: "市民政局"}}); err != nil {
			t.Fatal(err)
		}
	}
	checks("the first import", 1, wholeChecks.Load())
	imports("W01")
	checks("after GovDesk's own import", 0, wholeChecks.Load())
	imports("W02")
	st.Close()
	st = open()
	checks("closed and opened again, as a second command", 0, wholeChecks.Load())
	imports("W03")
	st.Close()

	// another program writes the file
	other, err := sql.Open("sqlite3", filepath.Join(dir, DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Exec("UPDATE service_windows SET area = '一楼' WHERE code = 'W01'"); err != nil {
		t.Fatal(err)
	}
	other.Close()
	st = open()
	defer func() { st.Close() }()
	checks("after another program's write", 1, wholeChecks.Load())
	checks("and once more", 0, wholeChecks.Load())

	// a file whose time changed while its size did not
	path := filepath.Join(dir, DatabaseFile)
	if err := os.Chtimes(path, now, now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	checks("after the file's time changed", 1, wholeChecks.Load())

	now = now.AddDate(0, 0, 1)
	checks("on the next day", 1, wholeChecks.Load())
	checks("later that day", 0, wholeChecks.Load())

	// no seal, no skipping
	os.Remove(filepath.Join(dir, sealFile))
	checks("without the seal", 1, wholeChecks.Load())
}
