package cli

import (
	"bytes"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govdesk/models"
)

// testServer is the PostgreSQL server of GOVDESK_TEST_POSTGRES (.ci/run
// starts one), with a new database made on it; without the variable the
// test that needs it is skipped.
func testServer(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("GOVDESK_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("需要 GOVDESK_TEST_POSTGRES 给出的 PostgreSQL 服务器")
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("govdesk_cli_%d", os.Getpid())
	admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if a, err := sql.Open("pgx", dsn); err == nil {
			a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			a.Close()
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// runAsMain runs a command line as main does: the global flags, then the
// store options they and the environment give (--db, GOVDESK_DB).
func runAsMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	dir, rest, c := ParseGlobal(args, &errb)
	if c >= 0 {
		return c, out.String(), errb.String()
	}
	opts, err := StoreOptions()
	if err != nil {
		t.Fatal(err)
	}
	code = Run(dir, rest, &out, &errb, append(opts, models.WithClock(models.FixedClock(testNow)))...)
	return code, out.String(), errb.String()
}

// A centre moved from its file to a server and back to a file exports the
// same files, byte for byte, at every step: its records, its attendance
// and scores, its audit log.
func TestMigrateToTheServerAndBackGivesIdenticalExports(t *testing.T) {
	server := testServer(t)
	t.Setenv("GOVDESK_DB", "")
	first, back, out := t.TempDir(), t.TempDir(), t.TempDir()
	if code, _, errs := run(t, "--data", first, "demo"); code != ExitOK {
		t.Fatalf("demo: %s", errs)
	}
	exports := func(step string, global ...string) map[string][]byte {
		got := map[string][]byte{}
		for _, kind := range []string{"windows", "staff", "cases", "punches", "leaves", "inspections", "uniforms",
			"violations", "complaints", "ratings", "commendations", "attendance", "scores-month", "scores-quarter", "audit"} {
			file := filepath.Join(out, step+"-"+kind+".csv")
			args := append(append([]string{}, global...), "export", kind, "--out", file, "--personal")
			switch kind {
			case "attendance", "scores-month":
				args = append(args, "--month", "2026-10")
			case "scores-quarter":
				args = append(args, "--quarter", "2026Q3")
			}
			if code, _, errs := runAsMain(t, args...); code != ExitOK {
				t.Fatalf("%s: export %s: %s", step, kind, errs)
			}
			got[kind], _ = os.ReadFile(file)
		}
		return got
	}
	before := exports("file", "--data", first)

	code, stdout, errs := run(t, "migrate", "--from", filepath.Join(first, models.DatabaseFile), "--to", server)
	if code != ExitOK || !strings.Contains(stdout, "迁移完成") || !strings.Contains(stdout, "防篡改链校验通过") {
		t.Fatalf("migrate to the server: %d\n%s%s", code, stdout, errs)
	}
	onServer := exports("server", "--data", t.TempDir(), "--db", server)
	os.Setenv("GOVDESK_DB", "") // set by --db; t.Setenv restores it

	file := filepath.Join(back, models.DatabaseFile)
	if code, stdout, errs := run(t, "migrate", "--from", server, "--to", file); code != ExitOK {
		t.Fatalf("migrate back: %d\n%s%s", code, stdout, errs)
	}
	again := exports("back", "--data", back)
	for kind, want := range before {
		if len(want) < 20 && kind != "uniforms" {
			t.Errorf("%s: export nearly empty (%d bytes)", kind, len(want))
		}
		// the audit log also records the exports and the moves themselves
		if kind == "audit" {
			continue
		}
		if !bytes.Equal(onServer[kind], want) {
			t.Errorf("%s: the server's export differs from the file's", kind)
		}
		if !bytes.Equal(again[kind], want) {
			t.Errorf("%s: the export after moving back differs", kind)
		}
	}
	// its audit log holds every entry the server's did, as it was
	backLog := map[string]bool{}
	for _, line := range strings.Split(string(again["audit"]), "\n") {
		backLog[line] = true
	}
	for _, line := range strings.Split(string(onServer["audit"]), "\n") {
		if !backLog[line] {
			t.Errorf("the audit log moved back lacks %q", line)
			break
		}
	}
	if code, stdout, _ := run(t, "--data", back, "check"); code != ExitOK || !strings.Contains(stdout, "数据库完好") {
		t.Fatalf("check after moving back: %s", stdout)
	}

	// a second move onto the server, which now holds the centre, is refused
	code, _, errs = run(t, "migrate", "--from", file, "--to", server)
	if code != ExitRefused || !strings.Contains(errs, "已有数据") {
		t.Fatalf("migrate onto a server with records: %d %s", code, errs)
	}
}
