package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

func TestSearchFindsALabelByTextNumberOrPinyin(t *testing.T) {
	cases := []struct {
		label, typed string
		want         bool
	}{
		{"王堃（ZW001）", "王", true},
		{"王堃（ZW001）", "zw001", true},
		{"王堃（ZW001）", "wk", true},
		{"王堃（ZW001）", "WK", true},
		{"王堃（ZW001）", "wangkun", true},
		{"王堃（ZW001）", "wangk", true},
		{"王堃（ZW001）", "kun", true},
		{"王堃（ZW001）", "wq", false}, // 堃 is read kūn
		{"王堃（ZW001）", "lz", false},
		{"李喆（ZW002）", "lz", true},
		{"李喆（ZW002）", "lizhe", true},
		{"周𠮷（ZW003）", "zhou", true},
		{"周𠮷（ZW003）", "𠮷", true},
		{"周𠮷（ZW003）", "zj", false}, // the table has no reading for 𠮷
		{"A05 公积金", "a05", true},
		{"A05 公积金", "gjj", true},
		{"A05 公积金", "a05gjj", true},
		{"A05 公积金", "", true},
	}
	for _, c := range cases {
		if got := matchesSearch(c.label, pinyinKey(c.label), c.typed); got != c.want {
			t.Errorf("%q typed into the search of %q: found = %v, want %v", c.typed, c.label, got, c.want)
		}
	}
}

func TestAPersonIsFoundByPinyinInitialsAndChosenWithTheKeyboard(t *testing.T) {
	s, _ := newDemoShell(t)
	sc := openLeave(t, s, models.NewDate(2026, 11, 1))
	test.Tap(sc.add)
	p := sc.form.person
	if len(p.Options) < 50 {
		t.Fatalf("the demo centre offers only %d people", len(p.Options))
	}
	test.Tap(p.button)
	if p.pop == nil || !p.pop.Visible() {
		t.Fatal("tapping the picker showed no list")
	}
	if s.win.Canvas().Focused() != p.search {
		t.Fatal("the cursor is not in the search box")
	}
	test.Type(p.search, "wk")
	if len(p.shown) == 0 || !strings.HasPrefix(p.shown[0], "王堃") {
		t.Fatalf("wk shows %v", p.shown)
	}
	for _, l := range p.shown {
		if !strings.HasPrefix(l, "王") {
			t.Fatalf("wk also shows %q", l)
		}
	}
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.HasPrefix(p.Selected, "王堃") {
		t.Fatalf("Enter chose %q", p.Selected)
	}
	if p.pop != nil {
		t.Fatal("the list stayed open after choosing")
	}
	if !strings.Contains(p.button.Text, "王堃") {
		t.Fatalf("the picker shows %q", p.button.Text)
	}

	// by 工号, moving down the list with the arrow key
	test.Tap(p.button)
	test.Type(p.search, "ZW00")
	if len(p.shown) != 9 {
		t.Fatalf("ZW00 shows %d people, want ZW001 to ZW009", len(p.shown))
	}
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(p.Selected, "ZW002") {
		t.Fatalf("Down and Enter chose %q", p.Selected)
	}

	// Esc closes the list and keeps the choice
	test.Tap(p.button)
	test.Type(p.search, "周")
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p.pop != nil || !strings.Contains(p.Selected, "ZW002") {
		t.Fatalf("Esc left the list open or changed the choice to %q", p.Selected)
	}
	// the next Esc is the dialog's: it closes the form
	c := s.win.Canvas()
	if c.Focused() != nil {
		t.Fatalf("after closing the list the cursor is in %T", c.Focused())
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Fatal("Esc after choosing a person left the form open")
	}
}

func TestTheWindowListOffersOnlyTheChosenUnitsWindows(t *testing.T) {
	s, st := newDemoShell(t)
	sc := openStaffScreen(t, s)
	sc.onAdd()
	f := sc.form
	all := len(f.window.Options)
	units, _ := st.HomeUnits()
	ws, _ := st.ServiceWindows()
	var unitName string
	var unitWindows int
	for _, u := range units {
		n := 0
		for _, w := range ws {
			if w.HomeUnitID == u.ID {
				n++
			}
		}
		if n > 0 && n < all {
			unitName, unitWindows = u.Name, n
			break
		}
	}
	if unitName == "" {
		t.Fatal("the demo has no unit running some but not all windows")
	}
	f.unit.SetSelected(unitName)
	if len(f.window.Options) != unitWindows {
		t.Fatalf("%s runs %d windows, the picker offers %d", unitName, unitWindows, len(f.window.Options))
	}
	f.unit.ClearSelected()
	if len(f.window.Options) != all {
		t.Fatalf("with no unit the picker offers %d of %d windows", len(f.window.Options), all)
	}
}
