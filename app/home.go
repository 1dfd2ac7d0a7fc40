package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// homeData is what the overview needs: the counts, the overdue cases, the
// alerts of 违规投诉, 评价表扬 and 替岗, and the demo centre.
type homeData interface {
	clock
	ServiceWindows() ([]models.ServiceWindow, error)
	StaffList() ([]models.Staff, error)
	HomeUnits() ([]models.HomeUnit, error)
	Cases(models.CaseFilter) ([]models.Case, error)
	FillDemo() error
	// FlaggedSelections are the selections whose basis changed after the
	// shortlist was drawn (a month of theirs unlocked): to be reviewed.
	FlaggedSelections() ([]models.Selection, error)
	conductAlertData
	badgeAlertData
	gapAlertData
	dashboardData
}

// homeScreen is the overview: counts of windows and staff, and the alerts
// that need an administrator's attention.
type homeScreen struct {
	shell   *shell
	data    homeData
	windows *widget.Label
	onDuty  *widget.Label
	units   *widget.Label
	alerts  *widget.Label
	overdue *widget.Button
	// selections opens 评分 at a selection whose basis changed
	selections *widget.Button
	flagged    []models.Selection
	badges     *badgeAlert // badges and seat plates overdue (home_badges.go)
	gaps       *gapAlert   // days without punch records (attendance_gaps.go)
	dash       *dashboard  // the month at a glance (dashboard.go)
	scroll     *container.Scroll
	demo       *widget.Button
	box        fyne.CanvasObject
}

func newHomeScreen(s *shell, d homeData) *homeScreen {
	h := &homeScreen{shell: s, data: d}
	big := func() *widget.Label {
		l := widget.NewLabelWithStyle("…", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		l.SizeName = "headingText"
		return l
	}
	h.windows, h.onDuty, h.units = big(), big(), big()
	card := func(title string, l *widget.Label) fyne.CanvasObject {
		return widget.NewCard("", title, l)
	}
	h.alerts = wrapLabel("")
	h.overdue = widget.NewButton("", h.onOverdue)
	h.overdue.Importance = widget.DangerImportance
	h.overdue.Hide()
	h.selections = widget.NewButtonWithIcon("", theme.WarningIcon(), h.onSelections)
	h.selections.Importance = widget.DangerImportance
	h.selections.Hide()
	h.badges = newBadgeAlert(s, d)
	h.gaps = newGapAlert(s, d)
	h.dash = newDashboard(s, d)
	h.demo = widget.NewButton("填入演示数据（20个窗口、60名人员）", h.onDemo)
	h.demo.Importance = widget.HighImportance
	h.demo.Hide()
	h.box = container.NewVBox(
		widget.NewLabelWithStyle("总览", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWithColumns(3, card("启用窗口", h.windows), card("在岗人员", h.onDuty), card("派驻单位", h.units)),
		h.demo, // on an empty database, before what the dashboard cannot show yet
		h.dash.box,
		widget.NewCard("提醒", "", container.NewVBox(h.alerts, container.NewHBox(h.overdue), container.NewHBox(h.selections), container.NewHBox(h.gaps.button), container.NewHBox(h.badges.button), container.NewHBox(h.badges.missing))),
	)
	h.scroll = container.NewVScroll(container.NewPadded(h.box))
	h.dash.shown = h.scroll.Refresh
	h.reload()
	return h
}

// content scrolls: on a 768-pixel-high screen the reminders under the
// dashboard may not all fit.
func (h *homeScreen) content() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(h.box))
}

type homeCounts struct {
	windows, onDuty, total, units int
	overdue                       int
	conduct                       []string // overdue complaints and rectification items
	gapMonth                      models.Date
	gaps                          []models.PunchGap
	flagged                       []models.Selection
	empty                         bool
}

func (h *homeScreen) reload() {
	h.dash.reload()
	var c homeCounts
	h.shell.async(func() error {
		ws, err := h.data.ServiceWindows()
		if err != nil {
			return err
		}
		for _, w := range ws {
			if w.Active {
				c.windows++
			}
		}
		staff, err := h.data.StaffList()
		if err != nil {
			return err
		}
		c.total = len(staff)
		today := h.data.Today()
		for _, p := range staff {
			if p.OnDuty(today) {
				c.onDuty++
			}
		}
		us, err := h.data.HomeUnits()
		if err != nil {
			return err
		}
		c.units = len(us)
		c.empty = len(ws) == 0 && len(staff) == 0
		late, err := h.data.Cases(models.CaseFilter{Status: models.CaseOverdue, Today: h.data.Today()})
		c.overdue = len(late)
		if err != nil {
			return err
		}
		if c.conduct, err = conductAlerts(h.data); err != nil {
			return err
		}
		if c.flagged, err = h.data.FlaggedSelections(); err != nil {
			return err
		}
		c.gapMonth, c.gaps, err = h.gaps.find()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取数据", err, h.shell.win)
			return
		}
		h.windows.SetText(fmt.Sprint(c.windows))
		h.onDuty.SetText(fmt.Sprint(c.onDuty))
		h.units.SetText(fmt.Sprint(c.units))
		if c.empty {
			h.alerts.SetText("数据库是空的：可以在“窗口”“人员”中添加或从 Excel 导入，也可以先填入演示数据看看效果。")
			h.demo.Show()
		} else {
			h.alerts.SetText("暂无需要处理的提醒。")
			h.demo.Hide()
		}
		if c.overdue > 0 {
			h.alerts.SetText("以下事项需要处理：")
			h.overdue.SetText(fmt.Sprintf("%d 件办件已超期未办结，点击查看", c.overdue))
			h.overdue.Show()
		} else {
			h.overdue.Hide()
		}
		h.flagged = c.flagged
		if len(c.flagged) > 0 {
			var names []string
			for _, f := range c.flagged {
				names = append(names, models.PeriodTitle(f.Period)+f.Kind)
			}
			h.alerts.SetText("以下事项需要处理：")
			h.selections.SetText("评选依据已变化，须复核：" + strings.Join(names, "、") + "（点击打开评分）")
			h.selections.Show()
		} else {
			h.selections.Hide()
		}
		h.gaps.show(c.gapMonth, c.gaps)
		if len(c.gaps) > 0 {
			h.alerts.SetText("以下事项需要处理：")
		}
		if len(c.conduct) > 0 {
			h.alerts.SetText("以下事项需要处理：\n" + strings.Join(c.conduct, "\n"))
		}
		h.badges.reload(h.alerts)
	})
}

func (h *homeScreen) onDemo() {
	h.demo.Disable()
	h.shell.async(h.data.FillDemo, func(err error) {
		h.demo.Enable()
		if err != nil {
			showError("无法填入演示数据", err, h.shell.win)
			return
		}
		h.shell.changed()
		h.reload()
	})
}

// onSelections opens 评分 at the first selection to review.
func (h *homeScreen) onSelections() {
	if len(h.flagged) > 0 {
		f := h.flagged[0]
		h.shell.open(selectionRequest{kind: f.Kind, period: f.Period})
	}
}

// onOverdue opens the case register filtered to the overdue cases.
func (h *homeScreen) onOverdue() { h.shell.open(overdueCases{}) }
