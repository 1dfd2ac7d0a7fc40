package desktop

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// These run on Windows (CI runs them under Wine): the shell is handed the
// plain Chinese path, and its refusal comes back as a Chinese sentence.

func chineseFile(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(tempDir(t), "文书", "2026")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("受理通知书"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFileOfUnknownKindSaysNoProgram(t *testing.T) {
	p := chineseFile(t, "受理通知书-SL2026001.govdesk-unknown")
	err := Open(p)
	if err == nil || !strings.Contains(err.Error(), "没有可以打开") {
		t.Fatalf("%v", err)
	}
}

// Explorer opens a window: only where asked (CI under Wine), not on a
// developer's desktop.
func TestRevealStartsExplorerOnAChinesePath(t *testing.T) {
	if os.Getenv("GOVDESK_SHELL_TESTS") == "" {
		t.Skip("set GOVDESK_SHELL_TESTS=1 to let the test start Explorer")
	}
	if err := Reveal(chineseFile(t, "受理通知书-SL2026001.pdf")); err != nil {
		t.Fatal(err)
	}
}
