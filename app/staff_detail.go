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

// staffPageData is what a person's page reads besides the roster: their
// month of attendance, their conduct record and the months' scores.
type staffPageData interface {
	personMonthData
	conductPageData
	ScoreMonth(month string) (models.MonthScores, error)
}

// staffPage is a person's page (详情): details and history, their scores
// month by month over the year as a chart, and links to their attendance,
// leave, conduct, uniforms and scores.
type staffPage struct {
	sc    *staffScreen
	p     models.Staff
	chart *trendChart
	note  *widget.Label
	links []*widget.Button
	dlg   *dialog.CustomDialog
}

// onDetail shows a person's page.
func (sc *staffScreen) onDetail(id uint) {
	p, ok := sc.staff[id]
	if !ok {
		return
	}
	var (
		history []models.StaffChange
		months  []models.MonthScores
	)
	d := sc.data
	year := d.Today().Year()
	sc.shell.async(func() (err error) {
		if history, err = d.StaffHistory(id); err != nil {
			return err
		}
		months, err = scoredMonths(d, year)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取详情", err, sc.shell.win)
			return
		}
		sc.page = newStaffPage(sc, p, history, months, year)
	})
}

// scoredMonths scores the year's months that have begun and have records.
func scoredMonths(d staffPageData, year int) ([]models.MonthScores, error) {
	var out []models.MonthScores
	for _, m := range monthsBegun(year, d.Today()) {
		ms, err := d.ScoreMonth(m)
		if err != nil {
			return nil, err
		}
		if ms.HasRecords {
			out = append(out, ms)
		}
	}
	return out, nil
}

func newStaffPage(sc *staffScreen, p models.Staff, history []models.StaffChange, months []models.MonthScores, year int) *staffPage {
	s := sc.shell
	pg := &staffPage{sc: sc, p: p}
	idText, mobile := sc.personal(p)
	info := widget.NewForm(
		widget.NewFormItem("工号", widget.NewLabel(p.EmployeeNo)),
		widget.NewFormItem("姓名", widget.NewLabel(p.Name)),
		widget.NewFormItem("性别", widget.NewLabel(p.Gender)),
		widget.NewFormItem("身份证号", widget.NewLabel(idText)),
		widget.NewFormItem("手机号", widget.NewLabel(mobile)),
		widget.NewFormItem("派驻单位", widget.NewLabel(p.HomeUnit.Name)),
		widget.NewFormItem("窗口", widget.NewLabel(p.Window.Label())),
		widget.NewFormItem("岗位", widget.NewLabel(p.Post)),
		widget.NewFormItem("入驻日期", widget.NewLabel(p.JoinedOn.String())),
		widget.NewFormItem("离岗日期", widget.NewLabel(dash(p.LeftOn.String()))),
		widget.NewFormItem("状态", widget.NewLabel(p.Status)),
	)
	rows := make([][]string, len(history))
	for i, c := range history {
		rows[i] = []string{c.On.String(), c.Kind, c.Describe(), c.Operator}
	}
	table := widget.NewTable(func() (int, int) { return len(rows), 4 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(rows[id.Row][id.Col]) })
	for i, w := range []float32{105, 90, 420, 90} {
		table.SetColumnWidth(i, w)
	}

	points := trendSeries(months, trendPerson, p.ID)
	base := 100.0
	if len(months) > 0 {
		base = months[len(months)-1].RuleSet.Scoring().Base
	}
	pg.chart = newTrendChart()
	pg.chart.set(fmt.Sprintf("%s %d年各月得分", p.Name, year), base, points)
	pg.note = widget.NewLabel(trendStatus(len(months), len(points), trendPerson))
	pg.note.Importance = widget.LowImportance
	pg.note.Wrapping = fyne.TextWrapWord

	tabs := container.NewAppTabs(
		container.NewTabItem("得分与基本信息", container.NewBorder(nil, pg.note, nil, nil,
			container.NewBorder(nil, nil, fixedBox(container.NewVScroll(info), 280), nil, pg.chart))),
		container.NewTabItem(fmt.Sprintf("履历（%d 条）", len(rows)), table),
	)

	today := sc.data.Today()
	month := models.NewDate(today.Year(), today.Month(), 1)
	// each link closes the page first: it opens a screen or a view of its own
	link := func(text string, icon fyne.Resource, open func()) *widget.Button {
		b := widget.NewButtonWithIcon(text, icon, func() { pg.dlg.Hide(); open() })
		pg.links = append(pg.links, b)
		return b
	}
	links := container.NewHBox(
		link("本月考勤", theme.HistoryIcon(), func() { openPersonMonth(s, sc.data, p.ID, month) }),
		link("请假记录", theme.CalendarIcon(), func() { s.open(personRecords{screen: "请假", employeeNo: p.EmployeeNo}) }),
		link("违规投诉与评价", theme.WarningIcon(), func() { showConductPage(s, sc.data, p.ID) }),
		link("服装领用", theme.ListIcon(), func() { s.open(personRecords{screen: "服装", employeeNo: p.EmployeeNo}) }),
		link("本月评分", theme.GridIcon(), func() {
			s.open(personRecords{screen: "评分", employeeNo: p.EmployeeNo, month: month})
		}),
	)
	foot := container.NewHBox(links, layoutSpacer(), widget.NewButton("关闭", func() { pg.dlg.Hide() }))
	pg.dlg = dialog.NewCustomWithoutButtons(p.Name+"（"+p.EmployeeNo+"）的详情", container.NewBorder(nil, foot, nil, nil, tabs), s.win)
	pg.dlg.Resize(dialogSize(s, 1100, 640))
	pg.dlg.Show()
	return pg
}

// onMove moves a person to another window from a chosen date.
func (sc *staffScreen) onMove(id uint) {
	p, ok := sc.staff[id]
	if !ok {
		return
	}
	ids := map[string]uint{}
	var labels []string
	for _, w := range sc.windows {
		if w.ID != p.WindowID && w.Active {
			labels = append(labels, w.Label())
			ids[w.Label()] = w.ID
		}
	}
	target := newPicker(labels, nil)
	target.PlaceHolder = "请选择"
	on := newDateField(sc.shell.win)
	on.SetDate(sc.data.Today())
	note := widget.NewEntry()
	note.SetPlaceHolder("如：中心统一调整")
	errs := newFormErrors()
	form := widget.NewForm(widget.NewFormItem("现窗口", widget.NewLabel(p.Window.Label())),
		errs.item("新窗口", target, ""), errs.item("生效日期", on, ""), errs.item("说明", note, ""))
	sc.changeDialog("调整窗口："+p.Name, form, errs, func() error {
		d, err := on.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "生效日期", Reason: err.Error()}}
		}
		if target.Selected == "" {
			return models.FieldErrors{{Field: "新窗口", Reason: "请选择新窗口"}}
		}
		return sc.data.MoveStaff(id, ids[target.Selected], d, note.Text)
	})
}

// onStatus changes a person's status (在岗 / 待岗 / 退回原单位 / 调离).
func (sc *staffScreen) onStatus(id uint) {
	p, ok := sc.staff[id]
	if !ok {
		return
	}
	var options []string
	for _, s := range models.Statuses {
		if s != p.Status {
			options = append(options, s)
		}
	}
	status := newSelect(options, nil)
	status.PlaceHolder = "请选择"
	on := newDateField(sc.shell.win)
	on.SetDate(sc.data.Today())
	note := widget.NewEntry()
	errs := newFormErrors()
	form := widget.NewForm(widget.NewFormItem("现状态", widget.NewLabel(p.Status)),
		errs.item("新状态", status, "退回原单位或调离时，生效日期记为离岗日期"), errs.item("生效日期", on, ""), errs.item("说明", note, ""))
	sc.changeDialog("变更状态："+p.Name, form, errs, func() error {
		d, err := on.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "生效日期", Reason: err.Error()}}
		}
		if status.Selected == "" {
			return models.FieldErrors{{Field: "新状态", Reason: "请选择新状态"}}
		}
		return sc.data.SetStaffStatus(id, status.Selected, d, note.Text)
	})
}

func (sc *staffScreen) changeDialog(title string, form *widget.Form, errs *formErrors, apply func() error) {
	newFormDialog(sc.shell, title, "确定", form, errs, apply, sc.reload)
}
