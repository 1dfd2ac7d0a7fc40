package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// calendarData is what the working-day calendar (工作日历) needs.
type calendarData interface {
	clock
	Calendar() (*models.Calendar, error)
	SetCalendarDay(d models.Date, working bool, note string) error
	ClearCalendarDay(d models.Date) error
}

// calendarScreen shows the working-day calendar a month at a time, as a
// grid of weeks: statutory holidays and 调休 days, and the office's own
// changes, which it edits on the day tapped.
type calendarScreen struct {
	shell    *shell
	data     calendarData
	month    time.Time
	days     []models.DayInfo
	title    *widget.Label
	summary  *widget.Label
	grid     *calendarGrid
	picked   *widget.Label // the day selected, in words
	selected int
	actions  []*widget.Button
	box      fyne.CanvasObject
}

const calendarHint = "点选一天，可将它设为工作日或休息日，或恢复法定安排。"

func newCalendarScreen(s *shell, d calendarData) *calendarScreen {
	c := &calendarScreen{shell: s, data: d, selected: -1}
	today := d.Today()
	c.month = time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.summary = wrapLabel("")
	c.picked = widget.NewLabel(calendarHint)
	c.picked.Importance = widget.LowImportance
	c.grid = newCalendarGrid(func(d models.DayInfo) {
		for i, x := range c.days {
			if x.Date == d.Date {
				c.selected = i
			}
		}
		c.picked.Importance = widget.MediumImportance
		c.picked.SetText(dayInfoText(d))
		for _, b := range c.actions {
			b.Enable()
		}
	})
	prev := widget.NewButtonWithIcon("上月", theme.NavigateBackIcon(), func() { c.step(-1) })
	next := widget.NewButtonWithIcon("下月", theme.NavigateNextIcon(), func() { c.step(1) })
	work := widget.NewButton("设为工作日", func() { c.onSet(true) })
	rest := widget.NewButton("设为休息日", func() { c.onSet(false) })
	reset := widget.NewButton("恢复法定安排", c.onReset)
	c.actions = []*widget.Button{work, rest, reset}
	top := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(prev, c.title, next), container.NewHBox(work, rest, reset)), c.summary)
	c.box = container.NewBorder(top, c.picked, nil, nil, container.NewVScroll(c.grid.box))
	c.reload()
	return c
}

func (c *calendarScreen) content() fyne.CanvasObject { return c.box }

// dayInfoText says what a day is: 2026年2月17日 星期二 休息日（春节）.
func dayInfoText(d models.DayInfo) string {
	kind := "工作日"
	if !d.Working {
		kind = "休息日"
	}
	text := fmt.Sprintf("已选 %s %s %s", d.Date.Chinese(), weekdayNames[d.Date.Weekday()], kind)
	if d.Reason != kind && d.Reason != "" {
		text += "（" + d.Reason + "）"
	}
	if d.Override {
		text += "，中心调整"
	}
	return text
}

func (c *calendarScreen) step(months int) {
	c.month = c.month.AddDate(0, months, 0)
	c.reload()
}

func (c *calendarScreen) reload() {
	var cal *models.Calendar
	month := c.month
	c.shell.async(func() (err error) {
		cal, err = c.data.Calendar()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取工作日历", err, c.shell.win)
			return
		}
		c.days = cal.Month(month.Year(), month.Month())
		working := 0
		for _, d := range c.days {
			if d.Working {
				working++
			}
		}
		c.title.SetText(fmt.Sprintf("%d年%d月", month.Year(), int(month.Month())))
		c.summary.SetText(fmt.Sprintf("本月工作日 %d 天，休息日 %d 天。法定节假日和调休来自国务院办公厅公布的安排，中心可逐日调整。", working, len(c.days)-working))
		c.selected = -1
		for _, b := range c.actions {
			b.Disable()
		}
		c.grid.show(c.days)
		c.picked.Importance = widget.LowImportance
		c.picked.SetText(calendarHint)
	})
}

func (c *calendarScreen) onSet(working bool) {
	if c.selected < 0 {
		return
	}
	day := c.days[c.selected].Date
	note := widget.NewEntry()
	note.SetPlaceHolder("如：防汛应急值守、本地节日")
	kind := "休息日"
	if working {
		kind = "工作日"
	}
	d := dialog.NewForm("将 "+day.Chinese()+" 设为"+kind, "确定", "取消",
		[]*widget.FormItem{widget.NewFormItem("说明", note)}, func(ok bool) {
			if !ok {
				return
			}
			if err := c.data.SetCalendarDay(day, working, note.Text); err != nil {
				showError("无法调整日历", err, c.shell.win)
				return
			}
			c.shell.changed()
			c.reload()
		}, c.shell.win)
	d.Resize(fyne.NewSize(460, 200))
	d.Show()
}

func (c *calendarScreen) onReset() {
	if c.selected < 0 {
		return
	}
	day := c.days[c.selected].Date
	confirm("恢复法定安排", "撤销中心对 "+day.Chinese()+" 的调整吗？", "恢复", c.shell.win, func() {
		if err := c.data.ClearCalendarDay(day); err != nil {
			showError("无法恢复", err, c.shell.win)
			return
		}
		c.shell.changed()
		c.reload()
	})
}
