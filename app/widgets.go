package app

import (
	"fmt"
	"image/color"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// Widgets, layouts, filters and field readers that screens of every feature
// use; a screen's own widgets stay in its file.

// fixedWidth lays its objects out at one width, so the navigation does not
// change size from screen to screen.
type fixedWidth float32

// MinSize is the fixed width and the tallest object's height.
func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

// Layout gives every object the whole space.
func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// fixedBox gives an object a fixed width in a row.
func fixedBox(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.New(fixedWidth(width), o)
}

// scrollWithGutter scrolls o vertically with room kept on its right for
// the scroll bar, which would otherwise lie over the buttons at the end of
// o's lines.
func scrollWithGutter(o fyne.CanvasObject) *container.Scroll {
	gutter := canvas.NewRectangle(color.Transparent)
	gutter.SetMinSize(fyne.NewSize(theme.ScrollBarSize()+theme.Padding(), 0))
	return container.NewVScroll(container.NewBorder(nil, nil, nil, gutter, o))
}

// boldLabel is a column head of a hand-built table.
func boldLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// dialogSize fits a dialog of the wished size into the window.
func dialogSize(s *shell, w, h float32) fyne.Size {
	size := s.win.Canvas().Size()
	if size.Width > 100 {
		w = min(w, size.Width-20)
	}
	if size.Height > 100 {
		h = min(h, size.Height-40)
	}
	return fyne.NewSize(w, h)
}

// keepSelect sets a filter's options, keeping the choice if still offered,
// without firing its OnChanged.
func keepSelect(sel *widget.Select, opts []string, all string) {
	keep := sel.Selected
	found := false
	for _, o := range opts {
		found = found || o == keep
	}
	if !found {
		keep = all
	}
	sel.Options = opts
	on := sel.OnChanged
	sel.OnChanged = nil
	sel.SetSelected(keep)
	sel.OnChanged = on
	sel.Refresh()
}

// multiEntry is a three-line entry for a reason, a finding or a note.
func multiEntry(placeholder string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.SetPlaceHolder(placeholder)
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	return e
}

// staffChoices lists people as "工号 姓名（窗口）" for a select, with the
// ids by label.
func staffChoices(staff []models.Staff) ([]string, map[string]uint, map[uint]string) {
	labels := make([]string, 0, len(staff))
	ids, back := map[string]uint{}, map[uint]string{}
	for _, p := range staff {
		l := p.EmployeeNo + " " + p.Name
		if p.Window.Code != "" {
			l += "（" + p.Window.Code + "）"
		}
		labels = append(labels, l)
		ids[l], back[p.ID] = p.ID, l
	}
	return labels, ids, back
}

// windowChoices lists windows as "A01 窗口名称" for a select, with the ids
// by label.
func windowChoices(ws []models.ServiceWindow) ([]string, map[string]uint, map[uint]string) {
	labels := make([]string, 0, len(ws))
	ids, back := map[string]uint{}, map[uint]string{}
	for _, w := range ws {
		l := w.Label()
		labels = append(labels, l)
		ids[l], back[w.ID] = w.ID, l
	}
	return labels, ids, back
}

// windowsOfUnit narrows labels (windows as windowChoices labels them) to
// those of the windows the 派驻单位 unit runs, so a form asking for both
// offers only the unit's windows; with no unit chosen, or a unit that runs
// none of them, it offers them all.
func windowsOfUnit(ws []models.ServiceWindow, labels []string, unit uint) []string {
	if unit == 0 {
		return labels
	}
	runs := map[string]bool{}
	for _, w := range ws {
		if w.HomeUnitID == unit {
			runs[w.Label()] = true
		}
	}
	var out []string
	for _, l := range labels {
		if runs[l] {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return labels
	}
	return out
}

// unitNames lists home units by name for a select, with the ids by name.
func unitNames(units []models.HomeUnit) ([]string, map[string]uint) {
	names := make([]string, len(units))
	ids := map[string]uint{}
	for i, u := range units {
		names[i] = u.Name
		ids[u.Name] = u.ID
	}
	sort.Strings(names)
	return names, ids
}

// Words of the filters many screens share meaning "no filter".
const (
	allMonths   = "全部月份"
	allStatuses = "全部状态"
	allWindows  = "全部窗口"
)

// monthChoices offers a month filter: 全部月份, then the months from ahead
// months after today's back two years, newest first, labelled "2026年11月",
// with the first day of each by label.
func monthChoices(today models.Date, ahead int) ([]string, map[string]models.Date) {
	m := map[string]models.Date{}
	opts := []string{allMonths}
	for i := ahead; i >= -24; i-- {
		d := models.NewDate(today.Year(), today.Month()+time.Month(i), 1)
		label := monthTitle(d)
		opts = append(opts, label)
		m[label] = d
	}
	return opts, m
}

// monthSpan gives the first and last day of a month chosen by its label;
// 全部月份 gives zero dates, which filter nothing.
func monthSpan(months map[string]models.Date, label string) (models.Date, models.Date) {
	first, ok := months[label]
	if !ok {
		return models.Date{}, models.Date{}
	}
	return models.MonthSpan(first)
}

// clockPattern is a time of day as office people type it: 8:30, 08：30.
var clockPattern = regexp.MustCompile(`^(\d{1,2})\s*[:：]\s*(\d{1,2})$`)

// newTimeEntry is an entry for a time of day, "08:30".
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
