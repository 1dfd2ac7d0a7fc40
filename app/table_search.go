package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is a list's search box: Esc empties it, as a person expects
// of a search box, instead of doing nothing.
type searchEntry struct {
	widget.Entry
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey empties the box on Esc; other keys edit it as usual.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.Text != "" {
		e.SetText("")
		return
	}
	e.Entry.TypedKey(k)
}

// newClearBar is the 清除筛选 beside a list's count, shown while the search
// or the screen's filters narrow the list.
func (t *recordTable) newClearBar() *widget.Button {
	b := widget.NewButtonWithIcon("清除筛选", theme.ContentClearIcon(), t.onClear)
	b.Importance = widget.LowImportance
	b.Hide()
	return b
}

// showClearBar shows 清除筛选 while something narrows the list.
func (t *recordTable) showClearBar() {
	if t.query != "" || (t.filtered != nil && t.filtered()) {
		t.clearBar.Show()
	} else {
		t.clearBar.Hide()
	}
}

// selectFilter is one of a screen's filter choices and the choice that
// filters nothing.
type selectFilter struct {
	sel *widget.Select
	all string
}

// filterBySelects tells the table about the screen's filter choices (see
// setFilters): the list is narrowed while one is not on its own all, and
// 清除筛选 sets them all back.
func (t *recordTable) filterBySelects(fs ...selectFilter) {
	t.setFilters(func() bool {
		for _, f := range fs {
			if f.sel.Selected != f.all {
				return true
			}
		}
		return false
	}, func() {
		for _, f := range fs {
			f.sel.SetSelected(f.all)
		}
	})
}
