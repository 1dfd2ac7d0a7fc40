package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// A choice box in a toolbar shows the month chosen whole, not "2026…":
// Fyne sizes a Select by its placeholder.
func TestChoiceBoxShowsItsLongestOptionWhole(t *testing.T) {
	sel := newSelect([]string{"全部月份", "2026年11月"}, nil)
	sel.SetSelected("2026年11月")
	w := test.NewWindow(container.NewHBox(sel))
	defer w.Close()
	w.Resize(fyne.NewSize(600, 100))
	if m := test.RenderToMarkup(w.Canvas()); !strings.Contains(m, ">2026年11月<") {
		t.Fatalf("the chosen month is not drawn whole:\n%s", m)
	}
	if strings.TrimSpace(sel.PlaceHolder) != "请选择" {
		t.Fatalf("placeholder %q", sel.PlaceHolder)
	}
}
