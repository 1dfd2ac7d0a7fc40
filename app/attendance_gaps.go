package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// punchGapData resolves working days without punch records.
type punchGapData interface {
	ConfirmPunchGap(day models.Date, device, note string) error
	UnconfirmPunchGap(day models.Date, device string) error
}

// gapBanner warns, above the monthly sheet, of working days without punch
// records (models.PunchGap): they are not counted as 旷工 until their punches
// are imported or someone confirms the day had none, and the month cannot be
// locked meanwhile.
type gapBanner struct {
	shell  *shell
	data   punchGapData
	text   *widget.Label
	handle *widget.Button
	box    *fyne.Container
	gaps   []models.PunchGap
	reload func()

	// the dialog last opened, for tests
	dlg    dialog.Dialog
	note   *widget.Entry
	submit *formDialog
}

func newGapBanner(s *shell, data punchGapData, reload func()) *gapBanner {
	b := &gapBanner{shell: s, data: data, reload: reload}
	b.text = wrapLabel("")
	b.text.Importance = widget.DangerImportance
	b.handle = widget.NewButtonWithIcon("处理无打卡日…", theme.WarningIcon(), b.onHandle)
	b.box = container.NewBorder(nil, nil, nil, b.handle, b.text)
	b.box.Hide()
	return b
}

// show sets the month's gaps: the banner shows while any is unresolved.
func (b *gapBanner) show(gaps []models.PunchGap) {
	b.gaps = gaps
	var open []models.PunchGap
	for _, g := range gaps {
		if !g.Confirmed {
			open = append(open, g)
		}
	}
	if len(open) == 0 {
		b.text.SetText("")
		b.box.Hide()
		return
	}
	b.text.SetText(models.GapsText(open) + "：这些日期暂不计考勤，也不扣分。请导入打卡记录，或确认该日确无打卡后再封帐。")
	b.box.Show()
}

// onHandle lists the month's gaps, each with what can be done about it.
func (b *gapBanner) onHandle() {
	rows := container.NewVBox(wrapLabel("导入缺少的打卡记录后，这些日期会自动按打卡判定。若该日确实没有打卡（例如考勤机故障、全中心停电），可确认记录完整：涉及人员该日按缺卡、旷工计算，需补卡的请走补卡手续。"))
	for _, g := range b.gaps {
		g := g
		state := fmt.Sprintf("%d人无打卡，待处理", g.People)
		var action *widget.Button
		if g.Confirmed {
			state = fmt.Sprintf("已由 %s 确认：%s", g.ConfirmedBy, g.Note)
			action = widget.NewButton("撤销确认", func() { b.onUnconfirm(g) })
		} else {
			action = widget.NewButtonWithIcon("确认该日无打卡…", theme.ConfirmIcon(), func() { b.onConfirm(g) })
		}
		line := widget.NewLabelWithStyle(g.Text(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		rows.Add(container.NewBorder(nil, nil, nil, action, container.NewVBox(line, wrapLabel(state))))
		rows.Add(widget.NewSeparator())
	}
	b.dlg = dialog.NewCustom("无打卡记录的工作日", "关闭", container.NewVScroll(rows), b.shell.win)
	b.dlg.Resize(fyne.NewSize(640, 420))
	b.dlg.Show()
}

// onConfirm asks why the day had no punches and records the confirmation.
func (b *gapBanner) onConfirm(g models.PunchGap) {
	b.note = widget.NewMultiLineEntry()
	b.note.SetMinRowsVisible(2)
	b.note.SetPlaceHolder("如：考勤机故障，已通知相关人员补卡")
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("日期", widget.NewLabel(g.Text())),
		widget.NewFormItem("涉及人员", widget.NewLabel(fmt.Sprintf("%d人", g.People))),
		errs.item("说明", b.note, "必填；确认后该日按缺卡、旷工计算，记入操作日志，可撤销"))
	b.submit = newFormDialog(b.shell, "确认该日无打卡", "确认", form, errs, func() error {
		return b.data.ConfirmPunchGap(g.Day, g.Device, b.note.Text)
	}, func() {
		if b.dlg != nil {
			b.dlg.Hide()
		}
		b.reload()
	})
}

// onUnconfirm withdraws a confirmation made by mistake, after asking.
func (b *gapBanner) onUnconfirm(g models.PunchGap) {
	confirm("撤销确认", fmt.Sprintf("撤销对“%s”的确认吗？撤销后该日重新暂不计考勤，直到导入打卡记录。", g.Text()), "撤销确认", b.shell.win, func() {
		b.shell.async(func() error { return b.data.UnconfirmPunchGap(g.Day, g.Device) }, func(err error) {
			if err != nil {
				showError("不能撤销", err, b.shell.win)
				return
			}
			if b.dlg != nil {
				b.dlg.Hide()
			}
			b.shell.changed()
			b.reload()
		})
	})
}

// attendanceMonth opens the monthly sheet of a month (the overview's alert
// of days without punch records).
type attendanceMonth struct{ first models.Date }

func (attendanceMonth) target() string { return "考勤" }

// handle shows what another screen asked for.
func (sc *attendanceScreen) handle(r request) {
	if m, ok := r.(attendanceMonth); ok {
		sc.month = m.first
		sc.reload()
	}
}

// gapAlert is the overview's alert of working days without punch records in
// the current month and the last one, while they are unresolved.
type gapAlert struct {
	shell  *shell
	data   gapAlertData
	button *widget.Button
	month  models.Date // the month the button opens
}

// gapAlertData is what the alert reads.
type gapAlertData interface {
	clock
	PunchGaps(month string) ([]models.PunchGap, error)
	MonthLocked(month string) (bool, error)
}

func newGapAlert(s *shell, d gapAlertData) *gapAlert {
	a := &gapAlert{shell: s, data: d}
	a.button = widget.NewButton("", func() { s.open(attendanceMonth{a.month}) })
	a.button.Importance = widget.WarningImportance
	a.button.Hide()
	return a
}

// find reads the unresolved gaps, the earlier month first (off the UI
// goroutine); show puts the result on the button.
func (a *gapAlert) find() (models.Date, []models.PunchGap, error) {
	today := a.data.Today()
	this, _ := models.MonthSpan(today)
	for _, first := range []models.Date{this.AddDays(-1), this} {
		first, _ = models.MonthSpan(first)
		month := models.MonthOf(first)
		if locked, err := a.data.MonthLocked(month); err != nil || locked {
			if err != nil {
				return first, nil, err
			}
			continue
		}
		gaps, err := a.data.PunchGaps(month)
		if err != nil {
			return first, nil, err
		}
		var open []models.PunchGap
		for _, g := range gaps {
			if !g.Confirmed {
				open = append(open, g)
			}
		}
		if len(open) > 0 {
			return first, open, nil
		}
	}
	return models.Date{}, nil, nil
}

func (a *gapAlert) show(first models.Date, open []models.PunchGap) {
	if len(open) == 0 {
		a.button.Hide()
		return
	}
	a.month = first
	a.button.SetText(models.GapsText(open) + "，暂不计考勤，点击处理")
	a.button.Show()
}
