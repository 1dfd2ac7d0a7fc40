package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowFocus is what a record table shows of its selection: the whole row
// drawn as selected, not only the cell tapped, and under the table the full
// text of the cell tapped, which a narrow column cuts short with "…".
type rowFocus struct {
	row  int           // the selected row shown, -1 for none
	full *widget.Label // 列名：完整内容 of the selected cell
}

func newRowFocus() rowFocus {
	full := widget.NewLabel("")
	full.Wrapping = fyne.TextWrapWord
	full.Importance = widget.LowImportance
	return rowFocus{row: -1, full: full}
}

// focus shows a selected cell: its row as selected, its text in full.
func (t *recordTable) focus(id widget.TableCellID) {
	t.row = id.Row
	text := ""
	if id.Col >= 0 && id.Col < len(t.cols) {
		if s := t.cell(id.Row, id.Col); s != "" {
			text = t.cols[id.Col].title + "：" + s
		}
	}
	t.full.SetText(text)
	t.table.Refresh()
}

// unfocus forgets the selected row shown (the rows are read again).
func (t *recordTable) unfocus() {
	t.row = -1
	t.full.SetText("")
}

// reselect selects the record again after the rows were read again, when
// it is still shown: an action on a record leaves it selected.
func (t *recordTable) reselect(id uint) {
	if id == 0 {
		return
	}
	t.selectID(id)
}

// CreateRenderer draws the label over a background that marks the cells
// of the selected row.
func (c *recordCell) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	return &recordCellRenderer{WidgetRenderer: c.Label.CreateRenderer(), c: c, bg: bg}
}

type recordCellRenderer struct {
	fyne.WidgetRenderer
	c  *recordCell
	bg *canvas.Rectangle
}

// selectedRow tells whether the cell is in the selected row.
func (c *recordCell) selectedRow() bool { return c.at.Row >= 0 && c.at.Row == c.t.row }

func (r *recordCellRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.WidgetRenderer.Layout(size)
}

func (r *recordCellRenderer) Objects() []fyne.CanvasObject {
	return append([]fyne.CanvasObject{r.bg}, r.WidgetRenderer.Objects()...)
}

func (r *recordCellRenderer) Refresh() {
	var fill color.Color = color.Transparent
	if r.c.selectedRow() {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if r.bg.FillColor != fill {
		r.bg.FillColor = fill
		r.bg.Refresh()
	}
	r.WidgetRenderer.Refresh()
}
