package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// calendarWeekdays head the month grid's columns, Monday first as Chinese
// calendars are printed.
var calendarWeekdays = []string{"一", "二", "三", "四", "五", "六", "日"}

// calendarGrid shows a month as weeks of seven days: rest days tinted, the
// holiday or 调休 under the day's number, the office's own changes marked;
// tapping a day selects it for the screen's buttons.
type calendarGrid struct {
	cells    [42]*calendarCell // six weeks
	box      fyne.CanvasObject
	onSelect func(day models.DayInfo)
}

func newCalendarGrid(onSelect func(models.DayInfo)) *calendarGrid {
	g := &calendarGrid{onSelect: onSelect}
	head := container.NewGridWithColumns(7)
	for i, name := range calendarWeekdays {
		l := widget.NewLabelWithStyle(name, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		if i >= 5 {
			l.Importance = widget.DangerImportance
		}
		head.Add(l)
	}
	days := container.NewGridWithColumns(7)
	for i := range g.cells {
		g.cells[i] = newCalendarCell(g)
		days.Add(g.cells[i])
	}
	g.box = container.NewBorder(head, nil, nil, nil, days)
	return g
}

// show lays a month's days out, Monday first; nothing is selected.
func (g *calendarGrid) show(days []models.DayInfo) {
	lead := 0
	if len(days) > 0 {
		lead = (int(days[0].Date.Weekday()) + 6) % 7
	}
	for i, c := range g.cells {
		c.selected = false
		k := i - lead
		if k >= 0 && k < len(days) {
			c.setDay(&days[k])
		} else {
			c.setDay(nil)
		}
	}
}

// cellOf gives the cell showing a date, nil if not shown.
func (g *calendarGrid) cellOf(d models.Date) *calendarCell {
	for _, c := range g.cells {
		if c.day != nil && c.day.Date == d {
			return c
		}
	}
	return nil
}

func (g *calendarGrid) pick(c *calendarCell) {
	for _, o := range g.cells {
		if o.selected != (o == c) {
			o.selected = o == c
			o.Refresh()
		}
	}
	if g.onSelect != nil {
		g.onSelect(*c.day)
	}
}

// calendarCell is one day of the grid: its number, and under it what kind
// of day it is when it is not an ordinary one.
type calendarCell struct {
	widget.BaseWidget
	grid     *calendarGrid
	day      *models.DayInfo // nil: a blank before or after the month
	selected bool
}

func newCalendarCell(g *calendarGrid) *calendarCell {
	c := &calendarCell{grid: g}
	c.ExtendBaseWidget(c)
	return c
}

func (c *calendarCell) setDay(d *models.DayInfo) {
	c.day = d
	c.Refresh()
}

// Tapped selects the day.
func (c *calendarCell) Tapped(*fyne.PointEvent) {
	if c.day != nil {
		c.grid.pick(c)
	}
}

// note is what the cell says under the number: the holiday, 调休上班, 休
// for a weekend, the office's change.
func (c *calendarCell) note() string {
	d := c.day
	switch {
	case d == nil || d.Reason == "工作日":
		return ""
	case d.Override:
		return "调整：" + d.Reason
	case d.Reason == "周末":
		return "休"
	}
	return d.Reason // a holiday, or a weekend worked in its stead (春节调休上班)
}

func (c *calendarCell) CreateRenderer() fyne.WidgetRenderer {
	r := &calendarCellRenderer{c: c, bg: canvas.NewRectangle(color.Transparent)}
	r.bg.CornerRadius = 4
	r.num = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	r.num.TextStyle.Bold = true
	r.num.TextSize = theme.TextSubHeadingSize()
	r.text = widget.NewLabel("")
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.text.SizeName = theme.SizeNameCaptionText
	r.Refresh()
	return r
}

type calendarCellRenderer struct {
	c    *calendarCell
	bg   *canvas.Rectangle
	num  *canvas.Text
	text *widget.Label
}

func (r *calendarCellRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.bg.Move(fyne.NewPos(pad/2, pad/2))
	r.bg.Resize(fyne.NewSize(size.Width-pad, size.Height-pad))
	r.num.Move(fyne.NewPos(pad*2, pad))
	r.num.Resize(r.num.MinSize())
	th := r.text.MinSize().Height
	r.text.Move(fyne.NewPos(0, size.Height-th))
	r.text.Resize(fyne.NewSize(size.Width, th))
}

func (r *calendarCellRenderer) MinSize() fyne.Size {
	return fyne.NewSize(90, r.num.MinSize().Height+r.text.MinSize().Height+theme.Padding())
}

func (r *calendarCellRenderer) Refresh() {
	d := r.c.day
	var fill color.Color = color.Transparent
	r.num.Text, r.num.Color = "", theme.Color(theme.ColorNameForeground)
	r.text.Importance = widget.MediumImportance
	if d != nil {
		r.num.Text = fmt.Sprint(d.Date.Day())
		fill = theme.Color(theme.ColorNameInputBackground)
		if !d.Working {
			fill = restTint()
			r.num.Color = theme.Color(theme.ColorNameError)
			r.text.Importance = widget.DangerImportance
		}
		if d.Override {
			r.text.Importance = widget.WarningImportance
		}
	}
	if r.c.selected {
		fill = theme.Color(theme.ColorNameSelection)
	}
	r.bg.FillColor = fill
	r.bg.StrokeWidth = 0
	if r.c.selected {
		r.bg.StrokeColor, r.bg.StrokeWidth = theme.Color(theme.ColorNamePrimary), 2
	}
	r.text.SetText(r.c.note())
	r.bg.Refresh()
	r.num.Refresh()
}

// restTint is the error colour faintly, as the background of a rest day.
func restTint() color.Color {
	cr, cg, cb, _ := theme.Color(theme.ColorNameError).RGBA()
	return color.NRGBA{R: uint8(cr >> 8), G: uint8(cg >> 8), B: uint8(cb >> 8), A: 0x22}
}

func (r *calendarCellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.num, r.text}
}

func (r *calendarCellRenderer) Destroy() {}
