package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

// Restoring from 操作日志 closes the store, restores under the window's own
// hold on the folder, and builds the screens again over the restored data.
func TestRestoreFromTheWindowRebuildsOverTheBackup(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	dir := t.TempDir()
	lock, err := models.LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	st, err := models.Open(dir, models.WithClock(models.FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "备份.db")
	if err := st.Backup(backup); err != nil { // empty
		t.Fatal(err)
	}
	if err := st.SaveHomeUnit(&models.HomeUnit{Name: "备份之后加的单位"}); err != nil {
		t.Fatal(err)
	}
	restore := func(path string) (string, Data, error) {
		st.Close()
		kept, err := lock.Restore(path)
		st, _ = models.Open(dir, models.WithClock(models.FixedClock(testNow)))
		return kept, NewData(st), err
	}
	defer func() { st.Close() }()
	win := a.NewWindow("政务窗口管理")
	defer win.Close()
	s := newShell(win, NewData(st))
	WithRestore(restore)(s)
	s.async = func(work func() error, done func(error)) { done(work()) }
	win.SetContent(s.content())

	s.runRestore(backup)
	if units, _ := st.HomeUnits(); len(units) != 0 {
		t.Fatalf("units after restoring the empty backup: %v", units)
	}
	m := test.RenderToMarkup(win.Canvas())
	if !strings.Contains(m, "恢复完成") || !strings.Contains(m, "恢复前的数据库已保存为") {
		t.Fatalf("no confirmation:\n%s", m)
	}
}
