package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// formSaves counts the saves of form dialogs (newFormDialog). A record
// table whose rows are read again after a save looks for the record that
// came or changed with it and shows it. The count is only touched on the UI
// goroutine.
var formSaves int

// noteFormSaved counts a form's save.
func noteFormSaved() { formSaves++ }

// savedShowFor is how long 已保存 stays beside the count.
const savedShowFor = 3 * time.Second

// afterSave shows the record a form's save added or changed, prev being the
// rows before they were read again and now after (a paged table compares
// its first page): it selects the row, scrolls to it and says 已保存 for a
// moment (only that when no row changed).
func (t *recordTable) afterSave(prev, now []record) {
	first := !t.loaded
	t.loaded = true
	if formSaves == t.savesSeen {
		return
	}
	t.savesSeen = formSaves
	if first {
		return // the screen's first rows: nothing to compare with
	}
	id := changedRecord(prev, now)
	if id == 0 {
		// saved without a change the list shows, or a record the screen's
		// own filters leave out: the save still took
		t.flashSaved("已保存")
		return
	}
	shown := t.reveal(id)
	if shown {
		t.flashSaved("已保存")
	} else {
		t.flashSaved("已保存（不在当前筛选结果中）")
	}
}

// changedRecord finds the record of now that prev lacked, or else the first
// whose cells differ; 0 when none.
func changedRecord(prev, now []record) uint {
	before := make(map[uint]string, len(prev))
	for _, r := range prev {
		before[r.id] = strings.Join(r.cells, "\x00")
	}
	var changed uint
	for _, r := range now {
		old, ok := before[r.id]
		if !ok {
			return r.id
		}
		if changed == 0 && old != strings.Join(r.cells, "\x00") {
			changed = r.id
		}
	}
	return changed
}

// reveal selects a record's row and scrolls to it; false when the search
// or sort hides it.
func (t *recordTable) reveal(id uint) bool {
	row := t.rowOf(id)
	if row < 0 {
		return false
	}
	cell := widget.TableCellID{Row: row, Col: 0}
	t.table.Select(cell)
	t.table.ScrollTo(cell)
	return true
}

// flashSaved shows text beside the count for a moment.
func (t *recordTable) flashSaved(text string) {
	t.savedShown++
	n := t.savedShown
	t.saved.SetText(text)
	t.saved.Show()
	later(savedShowFor, func() {
		if t.savedShown == n {
			t.saved.Hide()
		}
	})
}

// later runs f on the UI goroutine after d. Tests replace it (TestMain) so
// that no timer touches a screen while a test drives it: Fyne's test driver
// runs fyne.Do on the timer's own goroutine.
var later = func(d time.Duration, f func()) {
	time.AfterFunc(d, func() { fyne.Do(f) })
}

// recordCell is a cell of a record table: a label that selects its row when
// tapped and opens the record's form when double-tapped (widget.Table
// itself has no double tap).
type recordCell struct {
	widget.Label
	t  *recordTable
	at widget.TableCellID
}

func newRecordCell(t *recordTable) *recordCell {
	c := &recordCell{t: t}
	c.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

// Tapped selects the cell's row, as a tap on the table does.
func (c *recordCell) Tapped(*fyne.PointEvent) {
	if c.at.Row >= 0 && c.at.Row < c.t.length() {
		c.t.table.Select(c.at)
	}
}

// DoubleTapped opens the row's record.
func (c *recordCell) DoubleTapped(*fyne.PointEvent) {
	r, ok := c.t.recordAt(c.at.Row)
	if !ok {
		return
	}
	c.t.table.Select(c.at)
	if c.t.onOpen != nil {
		c.t.onOpen(r.id)
	}
}

// openWith makes a double tap on a row press the screen's edit button for
// it, when the button allows editing that record.
func (t *recordTable) openWith(edit *widget.Button) {
	t.onOpen = func(uint) {
		if !edit.Disabled() && edit.OnTapped != nil {
			edit.OnTapped()
		}
	}
}
