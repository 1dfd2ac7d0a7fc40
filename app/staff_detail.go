package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// onDetail shows a person's details and their history at the centre.
func (sc *staffScreen) onDetail(id uint) {
	p, ok := sc.staff[id]
	if !ok {
		return
	}
	var history []models.StaffChange
	sc.shell.async(func() (err error) {
		history, err = sc.data.StaffHistory(id)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取履历", err, sc.shell.win)
			return
		}
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
		head := widget.NewLabelWithStyle(fmt.Sprintf("履历（%d 条）", len(rows)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		body := container.NewBorder(container.NewVBox(info, head), nil, nil, nil, table)
		d := dialog.NewCustom(p.Name+" 的详情与履历", "关闭", body, sc.shell.win)
		d.Resize(fyne.NewSize(780, 680))
		d.Show()
	})
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
