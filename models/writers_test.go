package models

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
)

// shortBusy makes a write wait a fraction of a second for another writer,
// so that the tests of waiting do not take the program's full timeout.
func shortBusy(t *testing.T) {
	t.Helper()
	old := busyTimeout
	busyTimeout = 300 * time.Millisecond
	t.Cleanup(func() { busyTimeout = old })
}

// holdWrite starts a write on st that keeps the database's write lock until
// the returned release is called.
func holdWrite(t *testing.T, st *Store) (release func()) {
	t.Helper()
	started, stop, finished := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		finished <- st.write(func(tx *gorm.DB, a *auditor) error {
			if err := tx.Save(&Setting{Key: "测试", Value: "写入中"}).Error; err != nil {
				return err
			}
			close(started)
			<-stop
			return nil
		})
	}()
	select {
	case <-started:
	case err := <-finished:
		t.Fatalf("the holding write failed: %v", err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			close(stop)
			if err := <-finished; err != nil {
				t.Errorf("the holding write failed: %v", err)
			}
		})
	}
	t.Cleanup(release)
	return release
}

func TestSecondWriterIsToldWhoWrites(t *testing.T) {
	shortBusy(t)
	dir := t.TempDir()
	importer, err := Open(dir, WithClock(FixedClock(testNow)), WithWriterName("命令行导入 punches 打卡.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer importer.Close()
	window, err := Open(dir, WithClock(FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	holdWrite(t, importer)

	err = window.SaveHomeUnit(&HomeUnit{Name: "市民政局"})
	var be *BusyError
	if !errors.As(err, &be) || !errors.Is(err, ErrBusy) {
		t.Fatalf("a save while an import writes gave %v, want a *BusyError", err)
	}
	for _, want := range []string{"命令行导入 punches 打卡.csv", "没有写入任何数据"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not say %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "database is locked") || strings.Contains(err.Error(), "文件有") {
		t.Errorf("message %q blames the file or is in English", err)
	}
}

func TestWriterThatWaitsSucceedsOnceTheOtherFinishes(t *testing.T) {
	shortBusy(t)
	dir := t.TempDir()
	first, err := Open(dir, WithClock(FixedClock(testNow)), WithWriterName("命令行导入 staff"))
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	var told []string
	var release func()
	second, err := Open(dir, WithClock(FixedClock(testNow)), WithWaiting(time.Minute, func(holder string, waited time.Duration) {
		told = append(told, holder)
		if len(told) == 2 {
			release()
		}
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	release = holdWrite(t, first)

	if err := second.SaveHomeUnit(&HomeUnit{Name: "市民政局"}); err != nil {
		t.Fatalf("the waiting write failed: %v", err)
	}
	if len(told) < 2 || !strings.Contains(told[0], "命令行导入 staff") {
		t.Errorf("while waiting it was told %q, want the other writer named", told)
	}
	if _, err := os.Stat(filepath.Join(dir, WriterFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s is left behind after the writes: %v", WriterFile, err)
	}
}

func TestWindowHoldingTheFolderIsNamedWhenNoWriterSaysSo(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, LockFile), []byte("进程 999999，2026-11-26 08:30 起\n窗口已显示"), 0o644)
	if got := otherWriter(dir); !strings.Contains(got, "政务窗口管理窗口") || !strings.Contains(got, "进程 999999") {
		t.Errorf("otherWriter = %q, want the window of the lock file", got)
	}
	os.Remove(filepath.Join(dir, LockFile))
	if got := otherWriter(dir); got != "另一个程序" {
		t.Errorf("otherWriter with no marks = %q", got)
	}
}

func TestTwoProgramsFillingOneEmptyFolderGiveOneDemoCentre(t *testing.T) {
	dir := t.TempDir()
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := Open(dir, WithClock(FixedClock(testNow)), WithWaiting(time.Minute, func(string, time.Duration) {}))
			if err != nil {
				errs[i] = err
				return
			}
			defer st.Close()
			errs[i] = st.FillDemo()
		}()
	}
	wg.Wait()
	var filled, refusedEmpty int
	for _, err := range errs {
		var re *RefusedError
		switch {
		case err == nil:
			filled++
		case errors.As(err, &re) && strings.Contains(err.Error(), "只能填入空数据库"):
			refusedEmpty++
		default:
			t.Errorf("a demo fill failed with %v", err)
		}
	}
	if filled != 1 || refusedEmpty != 1 {
		t.Errorf("filled %d, refused as not empty %d; want one of each", filled, refusedEmpty)
	}
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ws, _ := st.ServiceWindows()
	if len(ws) != len(demoWindows) {
		t.Errorf("%d windows after two fills, want %d", len(ws), len(demoWindows))
	}
	if problems, err := st.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check after two fills: %v %v", problems, err)
	}
}

func TestDataFolderWithURICharactersKeepsItsName(t *testing.T) {
	skipOnServer(t, "以文件夹名命名的数据库文件")
	for _, name := range []string{"中心#1", "中心?2", "中心%31", "a%20b", "备份#?%"} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, name)
			st, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.SaveHomeUnit(&HomeUnit{Name: "市民政局"}); err != nil {
				t.Fatal(err)
			}
			bk := filepath.Join(root, name+"-bk#1.db")
			if err := st.Backup(bk); err != nil {
				t.Fatalf("backup to %s: %v", bk, err)
			}
			st.Close()
			if _, err := os.Stat(filepath.Join(dir, DatabaseFile)); err != nil {
				t.Errorf("the database is not in %s: %v", dir, err)
			}
			entries, _ := os.ReadDir(root)
			for _, e := range entries {
				if e.Name() != name && e.Name() != name+"-bk#1.db" {
					t.Errorf("stray file %s beside the data folder", e.Name())
				}
			}
			if _, err := Restore(dir, bk); err != nil {
				t.Errorf("restore of %s: %v", bk, err)
			}
		})
	}
}
