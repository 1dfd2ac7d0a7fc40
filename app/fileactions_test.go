package app

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// recordOpeners replaces the openers with ones that note what they were
// asked and answer err.
func recordOpeners(t *testing.T, err error) *[]string {
	t.Helper()
	old := openers
	t.Cleanup(func() { openers = old })
	var calls []string
	rec := func(what string) func(string) error {
		return func(p string) error { calls = append(calls, what+" "+p); return err }
	}
	openers.open, openers.print, openers.reveal = rec("open"), rec("print"), rec("reveal")
	return &calls
}

// A printed PDF offers 打开, 打印 and 打开所在文件夹, each handing the plain
// path to the PC; a spreadsheet is not offered 打印.
func TestPrintedPDFOffersOpenPrintAndFolder(t *testing.T) {
	s, _ := newTestShell(t)
	calls := recordOpeners(t, nil)
	path := filepath.Join(s.data.Dir(), "文书", "2026", "受理通知书-SL2026001.pdf")
	box := fileActions(s, path)
	var names []string
	for _, o := range box.Objects {
		b := o.(*widget.Button)
		names = append(names, b.Text)
		if b.Text != "另存为…" {
			test.Tap(b)
		}
	}
	if got := strings.Join(names, " "); got != "打开 打印 打开所在文件夹 另存为…" {
		t.Fatalf("buttons: %s", got)
	}
	if got := strings.Join(*calls, "|"); got != "open "+path+"|print "+path+"|reveal "+path {
		t.Fatalf("calls: %s", got)
	}
	if n := len(fileActions(s, strings.TrimSuffix(path, ".pdf")+".xlsx").Objects); n != 3 {
		t.Fatalf("a spreadsheet gets %d buttons", n)
	}
}

// When the PC cannot open the file, the user reads why, in Chinese.
func TestOpenFailureIsShown(t *testing.T) {
	s, _ := newTestShell(t)
	recordOpeners(t, errors.New("这台电脑上没有可以打开“.pdf”文件的程序。请安装 PDF 阅读器"))
	openFile(s, filepath.Join(s.data.Dir(), "a.pdf"))
	if m := markup(s); !strings.Contains(m, "无法打开文件") || !strings.Contains(m, "请安装 PDF 阅读器") {
		t.Fatalf("no message:\n%s", m)
	}
}
