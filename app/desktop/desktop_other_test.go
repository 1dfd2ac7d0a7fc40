//go:build !windows

package desktop

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommandsPassThePlainPath(t *testing.T) {
	path := "/home/办公室/.local/share/GovDesk/文书/2026/受理通知书 1.pdf"
	all := func(string) bool { return true }
	none := func(string) bool { return false }
	for _, c := range []struct {
		goos string
		a    action
		have func(string) bool
		want string
	}{
		{"linux", actOpen, all, "xdg-open " + path},
		{"linux", actReveal, all, "xdg-open " + filepath.Dir(path)},
		{"linux", actPrint, all, "lp " + path},
		{"linux", actPrint, none, ""},
		{"linux", actOpen, none, ""},
		{"darwin", actReveal, none, "open -R " + path},
	} {
		name, args := command(c.goos, path, c.a, c.have)
		if got := strings.TrimSpace(name + " " + strings.Join(args, " ")); got != c.want {
			t.Errorf("%s %v: %q, want %q", c.goos, c.a, got, c.want)
		}
	}
}

func TestNoProgramMessageWhenNothingInstalled(t *testing.T) {
	f := filepath.Join(t.TempDir(), "a.pdf")
	os.WriteFile(f, []byte("%PDF-1.4"), 0o644)
	t.Setenv("PATH", t.TempDir())
	if err := Print(f); err == nil || !strings.Contains(err.Error(), "不支持直接打印") {
		t.Fatalf("%v", err)
	}
}
