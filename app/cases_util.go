package app

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// styleCells lets a screen colour single cells: importance gives the
// importance of a record's column (MediumImportance for plain text). The
// cell update still only assigns text and importance.
func (t *recordTable) styleCells(importance func(id uint, col int) widget.Importance) {
	t.table.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		imp := widget.MediumImportance
		if id.Row >= 0 && id.Row < len(t.view) {
			imp = importance(t.all[t.view[id.Row]].id, id.Col)
		}
		l.Importance = imp
		l.SetText(t.cell(id.Row, id.Col)) // refreshes the importance too
	}
}

// onQuery runs changed after the search box changed the rows shown (the
// table drops its selection then).
func (t *recordTable) onQuery(changed func()) {
	search := t.search.OnChanged
	t.search.OnChanged = func(q string) {
		search(q)
		t.selected = 0
		changed()
	}
}

// shownIDs gives the records shown, in their order.
func (t *recordTable) shownIDs() []uint {
	out := make([]uint, len(t.view))
	for i, v := range t.view {
		out[i] = t.all[v].id
	}
	return out
}

// importanceOf gives the importance a shown row's cell is drawn with.
func (t *recordTable) importanceOf(row, col int) widget.Importance {
	l := widget.NewLabel("")
	t.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, l)
	return l.Importance
}

// timeNow is the clock of the forms' defaults.
var timeNow = time.Now

var clockPattern = regexp.MustCompile(`^(\d{1,2})\s*[:：]\s*(\d{1,2})$`)

func newTimeEntry() *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("08:30")
	return e
}

// readDateTime reads a date field and an "HH:MM" entry as one instant;
// problems come back under field.
func readDateTime(field string, date *dateField, clock *widget.Entry) (time.Time, models.FieldErrors) {
	d, err := date.DateValue()
	switch {
	case err != nil:
		return time.Time{}, models.FieldErrors{{Field: field, Reason: err.Error()}}
	case d.IsZero():
		return time.Time{}, models.FieldErrors{{Field: field, Reason: "请填写" + field + "的日期"}}
	}
	h, m, err := parseClock(clock.Text)
	if err != nil {
		return time.Time{}, models.FieldErrors{{Field: field, Reason: err.Error()}}
	}
	return models.CivilTime(d, h, m, 0), nil
}

// parseClock reads "8:30", "08:30" or "08：30"; empty means 00:00.
func parseClock(s string) (h, m int, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, 0, nil
	}
	p := clockPattern.FindStringSubmatch(s)
	if p == nil {
		return 0, 0, fmt.Errorf("无法识别的时刻“%s”，请写成 08:30 的形式", s)
	}
	h, _ = strconv.Atoi(p[1])
	m, _ = strconv.Atoi(p[2])
	if h > 23 || m > 59 {
		return 0, 0, fmt.Errorf("时刻“%s”不存在，应在 00:00 到 23:59 之间", s)
	}
	return h, m, nil
}

// parseCount reads a whole number of an entry; empty gives 0.
func parseCount(field, s string) (int, *models.FieldError) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &models.FieldError{Field: field, Reason: fmt.Sprintf("“%s”不是整数，请填写数字，如 5", s)}
	}
	return n, nil
}
