package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// overlayWidgets lists the entries and buttons of the topmost dialog.
func overlayWidgets(t *testing.T, win fyne.Window) (entries []*widget.Entry, buttons map[string]*widget.Button) {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shows")
	}
	buttons = map[string]*widget.Button{}
	walkObjects(t, top, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Entry:
			entries = append(entries, x)
			return false
		case *widget.Button:
			buttons[x.Text] = x
			return false
		}
		return true
	})
	return entries, buttons
}

// walkObjects visits o and what it is drawn from, while visit says to go on.
func walkObjects(t *testing.T, o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if !visit(o) {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkObjects(t, c, visit)
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			walkObjects(t, c, visit)
		}
	}
}

// cellShowing finds the drawn cell of a record table showing text.
func cellShowing(t *testing.T, win fyne.Window, text string) *recordCell {
	t.Helper()
	var found *recordCell
	walkObjects(t, win.Content(), func(o fyne.CanvasObject) bool {
		if c, ok := o.(*recordCell); ok && c.Visible() && c.Text == text {
			found = c
		}
		return found == nil
	})
	return found
}

// A window added at the end of a long list is selected and scrolled into
// sight after 保存, with 已保存 beside the count; double-clicking another
// row opens its form.
func TestSavedWindowIsSelectedAndShownAndDoubleClickOpensARow(t *testing.T) {
	s, _ := newDemoShell(t)
	s.win.Resize(fyne.NewSize(1366, 705))
	s.show("窗口")
	ws := s.screens["窗口"].(*windowsScreen)
	waitFor(t, "the windows", func() bool { return len(ws.list.rows()) == 20 })
	if cellShowing(t, s.win, "Z99") != nil {
		t.Fatal("the new window shows before it is added")
	}
	_, buttons := widgetsOf(t, s.win)
	test.Tap(buttons["新增窗口"])
	entries, dlg := overlayWidgets(t, s.win)
	test.Type(entries[0], "Z99")
	test.Type(entries[1], "最后一个窗口")
	ws.list.sortBy(0) // by 窗口编号: Z99 comes last, below the rows in sight
	var unit *picker
	walkObjects(t, s.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if p, ok := o.(*picker); ok {
			unit = p
		}
		return unit == nil
	})
	unit.SetSelected(unit.Options[0])
	test.Tap(dlg["保存"])
	if s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form did not save:\n%s", test.RenderToMarkup(s.win.Canvas()))
	}
	saved := ws.windows[ws.list.selected]
	if saved.Code != "Z99" {
		t.Fatalf("selected after saving: %+v", saved)
	}
	s.win.Canvas().Refresh(s.win.Content())
	if cellShowing(t, s.win, "Z99") == nil {
		t.Fatal("the saved window is not in sight")
	}
	if !ws.list.saved.Visible() || ws.list.saved.Text != "已保存" || ws.edit.Disabled() {
		t.Fatalf("after saving: %q shown %v, 修改 disabled %v", ws.list.saved.Text, ws.list.saved.Visible(), ws.edit.Disabled())
	}

	ws.list.sortBy(0) // back to A01 first
	cell := cellShowing(t, s.win, "A01")
	if cell == nil {
		t.Fatal("no A01 row in sight")
	}
	test.DoubleTap(cell)
	if m := test.RenderToMarkup(s.win.Canvas()); !strings.Contains(m, "修改窗口 A01") {
		t.Fatal("double-clicking A01 did not open its form")
	}
}
