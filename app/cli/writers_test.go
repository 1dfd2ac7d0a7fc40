package cli

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "gorm.io/driver/sqlite" // registers the "sqlite3" driver the test holds the lock with

	"govdesk/models"
)

// lockedBuffer is a buffer the command writes to while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestImportWaitsWhileAnotherProgramWritesThenSucceeds(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "--data", data, "check"); code != ExitOK {
		t.Fatalf("check: %s", errs)
	}
	// another program takes the write lock and says who it is
	db, err := sql.Open("sqlite3", filepath.Join(data, models.DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(data, models.WriterFile), []byte("命令行导入 punches 大文件.csv（进程 4242）"), 0o644)

	file := filepath.Join(t.TempDir(), "窗口.csv")
	os.WriteFile(file, []byte("窗口编号,窗口名称,派驻单位\nA01,企业开办综合窗口,市市场监督管理局\n"), 0o644)
	var out, errb lockedBuffer
	done := make(chan int)
	go func() {
		done <- Run(data, []string{"import", "windows", file}, &out, &errb, models.WithClock(models.FixedClock(testNow)))
	}()
	deadline := time.After(time.Minute)
	for !strings.Contains(errb.String(), "已等待") {
		select {
		case code := <-done:
			t.Fatalf("the import ended (exit %d) while another program wrote; stderr:\n%s", code, errb.String())
		case <-deadline:
			t.Fatalf("no progress line while waiting; stderr:\n%s", errb.String())
		case <-time.After(100 * time.Millisecond):
		}
	}
	if !strings.Contains(errb.String(), "命令行导入 punches 大文件.csv") {
		t.Errorf("the progress line does not name the other writer:\n%s", errb.String())
	}
	conn.ExecContext(t.Context(), "COMMIT")
	os.Remove(filepath.Join(data, models.WriterFile))
	conn.Close()
	if code := <-done; code != ExitOK {
		t.Fatalf("exit %d after the other writer finished; stderr:\n%s", code, errb.String())
	}
	if !strings.Contains(out.String(), "新增 1 条") {
		t.Errorf("stdout %q", out.String())
	}
}

func TestConcurrentImportsAllSucceed(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "--data", data, "demo"); code != ExitOK {
		t.Fatalf("demo: %s", errs)
	}
	dir := t.TempDir()
	for _, kind := range []string{"staff", "windows"} {
		if code, _, errs := run(t, "--data", data, "export", kind, "--out", filepath.Join(dir, kind+".csv")); code != ExitOK {
			t.Fatalf("export %s: %s", kind, errs)
		}
	}
	var wg sync.WaitGroup
	codes := make([]int, 4)
	errs := make([]string, 4)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			kind := []string{"staff", "windows"}[i%2]
			var out, errb lockedBuffer
			codes[i] = Run(data, []string{"import", kind, filepath.Join(dir, kind+".csv")}, &out, &errb, models.WithClock(models.FixedClock(testNow)))
			errs[i] = errb.String()
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != ExitOK {
			t.Errorf("import %d exit %d: %s", i, c, errs[i])
		}
	}
}
