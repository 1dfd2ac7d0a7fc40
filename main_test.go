package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
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
