package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
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

// The buttons at the end of a printed notice's line in the case file end
// before the scroll bar, which would lie over 作废.
func TestTheCaseFilesVoidButtonIsClearOfTheScrollBar(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	c := seedPromisedCase(t, st, w, seedStaff(t, st, w))
	sc := openCasesScreen(t, s)
	waitFor(t, "the case", func() bool { return len(sc.list.rows()) == 1 })
	sc.onPrint(c.ID, "受理通知书")
	sc.onFile(c.ID)
	cf := sc.file
	waitFor(t, "the case file", func() bool { return len(cf.rows) > 0 })
	row, ok := cf.row("受理通知书")
	if !ok || row.void == nil {
		t.Fatal("no 作废 for the printed notice")
	}
	var scroll *container.Scroll
	walkObjects(t, s.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if x, ok := o.(*container.Scroll); ok && scroll == nil {
			scroll = x
		}
		return scroll == nil
	})
	if scroll == nil {
		t.Fatal("the case file does not scroll")
	}
	d := fyne.CurrentApp().Driver()
	voidEnd := d.AbsolutePositionForObject(row.void).X + row.void.Size().Width
	barStart := d.AbsolutePositionForObject(scroll).X + scroll.Size().Width - theme.ScrollBarSize()
	if voidEnd > barStart {
		t.Fatalf("作废 ends at %.0f, the scroll bar starts at %.0f", voidEnd, barStart)
	}
}
