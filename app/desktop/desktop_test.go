package desktop

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file that is gone is named in the message, and nothing is started.
func TestMissingFileIsNamed(t *testing.T) {
	path := filepath.Join(tempDir(t), "文书", "2026", "受理通知书-SL2026001.pdf")
	for _, f := range []func(string) error{Open, Print, Reveal} {
		err := f(path)
		if err == nil || !strings.Contains(err.Error(), "不存在") || !strings.Contains(err.Error(), "受理通知书-SL2026001.pdf") {
			t.Fatalf("%v", err)
		}
	}
}

func TestMessagesSayWhatToDo(t *testing.T) {
	path := `C:\Users\办公室\AppData\Local\GovDesk\文书\2026\受理通知书.pdf`
	for _, c := range []struct {
		p    problem
		a    action
		want string
	}{
		{problemNoProgram, actOpen, "请安装 PDF 阅读器"},
		{problemNoProgram, actPrint, "在阅读器中选择打印"},
		{problemNotFound, actOpen, "找不到文件"},
		{problemDenied, actPrint, "没有权限打印"},
		{problemOther, actReveal, "无法打开所在文件夹"},
	} {
		err := explain(c.p, c.a, path, "ERROR_NO_ASSOCIATION")
		if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "技术信息：ERROR_NO_ASSOCIATION") {
			t.Errorf("%v %v: %v", c.p, c.a, err)
		}
	}
}

// tempDir is a scratch folder removed after the test as far as the system
// lets it be: under Wine, which CI runs the Windows tests in, Go's removal
// of a folder fails and t.TempDir would fail the test for it.
func tempDir(t *testing.T) string {
	t.Helper()
	d, err := os.MkdirTemp("", "govdesk-desktop-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}
