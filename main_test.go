package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"govdesk/models"
)

// TestMain lets a test run the program itself, as a user at a terminal does:
// with GOVDESK_RUN_MAIN=1 the test binary is govdesk.
func TestMain(m *testing.M) {
	if os.Getenv("GOVDESK_RUN_MAIN") == "1" {
		os.Args = append([]string{"govdesk"}, strings.Fields(os.Getenv("GOVDESK_ARGS"))...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// Sub-commands print their result on standard output and nothing on
// standard error when all is well, whatever the locale: Debian's default
// C.UTF-8 used to make Fyne log a locale error on every run.
func TestSubcommandsKeepStandardErrorForProblems(t *testing.T) {
	data := t.TempDir()
	for _, loc := range []string{"C.UTF-8", "C", "POSIX", "en_US.UTF-8", "zh_CN.UTF-8"} {
		t.Run(loc, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "LANG=" + loc,
				"GOVDESK_RUN_MAIN=1", "GOVDESK_DATA=" + data, "GOVDESK_ARGS=check"}
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("govdesk check: %v\n%s", err, stderr.String())
			}
			if !strings.Contains(stdout.String(), "数据库完好") {
				t.Fatalf("stdout: %q", stdout.String())
			}
			if stderr.Len() > 0 {
				t.Fatalf("stderr carries noise: %q", stderr.String())
			}
		})
	}
}

// The version shown by the program is FyneApp.toml's, the file the Windows
// build and the installer take theirs from.
func TestVersionComesFromFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := metadata()
	if !strings.Contains(string(b), `Version = "`+m.Version+`"`) || m.Name != "政务窗口管理" || m.Build < 1 {
		t.Fatalf("metadata %+v does not match FyneApp.toml:\n%s", m, b)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "GOVDESK_RUN_MAIN=1", "GOVDESK_DATA=" + t.TempDir(), "GOVDESK_ARGS=version"}
	out, err := cmd.Output()
	if err != nil || !strings.Contains(string(out), "GovDesk "+m.Version+"（构建 ") {
		t.Fatalf("govdesk version: %v %q", err, out)
	}
}

// BenchmarkExportAttendanceCommand runs `govdesk export attendance --month`
// over the large demo centre (three years of a 400-staff centre, made by
// `demo --scale large` first, about ten seconds; or the data folder named by
// GOVDESK_BENCH_LARGE, made so before) beside the sqlite3 command line tool
// printing the same month's punches, each a whole process from start to
// exit: `ms/command`, `ms/sqlite3` and their ratio. The month is the last
// whole month of punches.
func BenchmarkExportAttendanceCommand(b *testing.B) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Fatal("the baseline needs the sqlite3 command line tool (apt install sqlite3)")
	}
	run := func(data string, args ...string) {
		b.Helper()
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "GOVDESK_RUN_MAIN=1",
			"GOVDESK_DATA=" + data, "GOVDESK_ARGS=" + strings.Join(args, " ")}
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("govdesk %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	data := os.Getenv("GOVDESK_BENCH_LARGE")
	if data == "" {
		data = b.TempDir()
		run(data, "demo", "--scale", "large")
	}
	db := filepath.Join(data, models.DatabaseFile)
	newest, err := exec.Command(sqlite3, db, "SELECT substr(max(at), 1, 7) FROM punches").Output()
	if err != nil {
		b.Fatal(err)
	}
	first, err := models.ParseMonth(strings.TrimSpace(string(newest)))
	if err != nil {
		b.Fatal(err)
	}
	first = first.AddDays(-1) // the month before the newest punch
	month := models.MonthOf(first)
	from, to := models.MonthSpan(first)
	query := fmt.Sprintf("SELECT * FROM punches WHERE at >= '%s' AND at < '%s'", from, to.AddDays(1))
	out := filepath.Join(b.TempDir(), "attendance.csv")
	run(data, "export", "attendance", "--month", month, "--out", out) // the file's pages in memory, as for the tool
	var command, baseline time.Duration
	for b.Loop() {
		t := time.Now()
		run(data, "export", "attendance", "--month", month, "--out", out)
		command += time.Since(t)
		t = time.Now()
		if err := exec.Command(sqlite3, db, query).Run(); err != nil {
			b.Fatal(err)
		}
		baseline += time.Since(t)
	}
	n := float64(b.N)
	b.ReportMetric(float64(command.Milliseconds())/n, "ms/command")
	b.ReportMetric(float64(baseline.Milliseconds())/n, "ms/sqlite3")
	b.ReportMetric(float64(command)/float64(baseline), "ratio")
}
