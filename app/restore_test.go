package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
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

// The administrator picks yesterday's automatic backup from the list that
// 恢复数据库 shows and confirms: the records are the backup's again and the
// log still holds what was done after it, marked as from the replaced
// database.
func TestRestoreAnAutomaticBackupChosenFromTheList(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	useChineseDialogs()
	dir := t.TempDir()
	lock, err := models.LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	now := testNow.AddDate(0, 0, -1)
	clock := models.WithClock(func() time.Time { return now })
	st, err := models.Open(dir, clock)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveHomeUnit(&models.HomeUnit{Name: "昨天的单位"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AutoBackup(); err != nil {
		t.Fatal(err)
	}
	now = testNow
	if _, err := st.AutoBackup(); err != nil { // today's start
		t.Fatal(err)
	}
	if err := st.SaveHomeUnit(&models.HomeUnit{Name: "今天加的单位"}); err != nil {
		t.Fatal(err)
	}
	restore := func(path string) (string, Data, error) {
		st.Close()
		kept, err := lock.Restore(path, clock)
		st, _ = models.Open(dir, clock)
		return kept, NewData(st), err
	}
	defer func() { st.Close() }()
	win := a.NewWindow("政务窗口管理")
	defer win.Close()
	win.Resize(fyne.NewSize(1280, 800))
	s := newShell(win, NewData(st))
	WithRestore(restore)(s)
	s.async = func(work func() error, done func(error)) { done(work()) }
	win.SetContent(s.content())

	saved, _ := st.SavedBackups()
	c := s.showBackupChooser(saved)
	if len(c.saved) != 2 || !c.restore.Disabled() {
		t.Fatalf("chooser lists %d backups, restore enabled before a choice: %v", len(c.saved), !c.restore.Disabled())
	}
	c.list.Select(1) // yesterday's, below today's
	test.Tap(c.restore)
	test.Tap(confirmButton(t, s, "是"))
	units, _ := st.HomeUnits()
	if len(units) != 1 || units[0].Name != "昨天的单位" {
		t.Fatalf("units after restoring yesterday's backup: %v", units)
	}
	log, _ := st.AuditLog(models.AuditFilter{Text: "今天加的单位"})
	if len(log) != 1 || log[0].Origin != models.OriginReplaced {
		t.Fatalf("today's change in the log after the restore: %+v", log)
	}
}
