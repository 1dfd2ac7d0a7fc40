package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

func pressOnCanvas(c fyne.Canvas, key fyne.KeyName) {
	c.OnTypedKey()(&fyne.KeyEvent{Name: key})
}

func TestEscClosesAFormDialogWithoutSaving(t *testing.T) {
	s, st := newTestShell(t)
	seedOneDayPerson(t, st, models.NewDate(2026, 11, 2))
	sc := openLeave(t, s, models.NewDate(2026, 11, 1))
	c := s.win.Canvas()

	test.Tap(sc.add)
	if c.Overlays().Top() == nil {
		t.Fatal("新增请假 did not open")
	}
	pressOnCanvas(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Esc left the dialog open")
	}

	// Esc from the date field, where the cursor is after typing a date
	test.Tap(sc.add)
	test.Type(sc.form.from, "2026-11-27")
	sc.form.from.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Fatal("Esc in 开始日期 left the dialog open")
	}
	if list, _ := st.Leaves(models.LeaveFilter{}); len(list) != 0 {
		t.Fatalf("cancelling saved %d requests", len(list))
	}
}

func TestEnterSubmitsAFormDialog(t *testing.T) {
	s, st := newTestShell(t)
	seedOneDayPerson(t, st, models.NewDate(2026, 11, 2))
	sc := openLeave(t, s, models.NewDate(2026, 11, 1))
	c := s.win.Canvas()

	// Enter with a field missing keeps the dialog open and names the field
	test.Tap(sc.add)
	f := sc.form
	pressOnCanvas(c, fyne.KeyReturn)
	if c.Overlays().Top() == nil {
		t.Fatal("Enter on an empty form closed it")
	}
	if hint := f.errs.items["人员"].HintText; hint == "" {
		t.Fatal("Enter on an empty form named no missing field")
	}

	f.person.SetSelected("李喆（ZW200）")
	f.kind.SetSelected("事假")
	test.Type(f.reason, "家中有事")
	test.Type(f.from, "2026-11-27")
	f.from.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	waitFor(t, "the request listed", func() bool { return len(sc.list.rows()) == 1 })
	if c.Overlays().Top() != nil {
		t.Fatal("the dialog stayed open after Enter saved")
	}
}

// A form refused grows with its list of errors, so that the errors and
// every field still show without scrolling while the window has room.
func TestAFormGrowsWithItsErrors(t *testing.T) {
	s, st := newTestShell(t)
	seedOneDayPerson(t, st, models.NewDate(2026, 11, 2))
	sc := openLeave(t, s, models.NewDate(2026, 11, 1))
	test.Tap(sc.add)
	test.Tap(sc.form.save)
	if !sc.form.errs.summary.Visible() {
		t.Fatal("an empty form was not refused")
	}
	var scroll *container.Scroll
	walkObjects(t, s.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if sc, ok := o.(*container.Scroll); ok && scroll == nil {
			scroll = sc
		}
		return scroll == nil
	})
	if scroll == nil {
		t.Fatal("the form has no scroll")
	}
	if need := scroll.Content.MinSize().Height; scroll.Size().Height < need {
		t.Fatalf("the form shows %.0f of its %.0f pixels with the errors", scroll.Size().Height, need)
	}
}
