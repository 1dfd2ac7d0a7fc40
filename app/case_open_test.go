package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestDoubleClickingACaseOpensItsFile(t *testing.T) {
	s, _ := newDemoShell(t)
	sc := openCasesScreen(t, s)
	waitFor(t, "the cases", func() bool { return len(sc.list.rows()) > 0 })
	no := sc.list.rows()[0][0]
	cell := cellShowing(t, s.win, no)
	if cell == nil {
		t.Fatalf("no cell shows %s", no)
	}
	test.DoubleTap(cell)
	if sc.file == nil || !strings.Contains(markup(s), "办件档案："+no) {
		t.Fatalf("double-clicking %s does not open its file", no)
	}
}
