package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// unitsData is what the home units screen (派驻单位) needs.
type unitsData interface {
	HomeUnits() ([]models.HomeUnit, error)
	SaveHomeUnit(*models.HomeUnit) error
	DeleteHomeUnit(id uint) error
}

// unitsScreen lists the home units (派驻单位).
type unitsScreen struct {
	shell *shell
	data  unitsData
	list  *recordTable
	units map[uint]models.HomeUnit
	edit  *widget.Button
	del   *widget.Button
	box   fyne.CanvasObject
}

func newUnitsScreen(s *shell, d unitsData) *unitsScreen {
	u := &unitsScreen{shell: s, data: d}
	u.list = newRecordTable([]column{{"单位名称", 320}, {"行业制式服装", 120}, {"联系人", 120}, {"联系电话", 160}},
		"搜索单位名称、联系人", func(uint) { u.edit.Enable(); u.del.Enable() })
	add := widget.NewButtonWithIcon("新增单位", theme.ContentAddIcon(), func() { u.openForm(models.HomeUnit{}) })
	u.edit = widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { u.openForm(u.units[u.list.selected]) })
	u.list.openWith(u.edit)
	u.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), u.onDelete)
	u.edit.Disable()
	u.del.Disable()
	u.box = listHead{actions: objs(add, u.edit, u.del)}.over(u.list.layout())
	u.reload()
	return u
}

func (u *unitsScreen) content() fyne.CanvasObject { return u.box }

func (u *unitsScreen) reload() {
	var list []models.HomeUnit
	u.shell.async(func() (err error) {
		list, err = u.data.HomeUnits()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取派驻单位", err, u.shell.win)
			return
		}
		u.units = map[uint]models.HomeUnit{}
		rs := make([]record, len(list))
		for i, x := range list {
			u.units[x.ID] = x
			rs[i] = record{id: x.ID, cells: []string{x.Name, yesNo(x.SectorUniform), x.Contact, x.Phone},
				search: x.Name + " " + x.Contact}
		}
		u.edit.Disable() // until a row is selected (a saved one is, by setRecords)
		u.del.Disable()
		u.list.setRecords(rs)
	})
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func (u *unitsScreen) openForm(x models.HomeUnit) {
	name := widget.NewEntry()
	name.SetText(x.Name)
	contact := widget.NewEntry()
	contact.SetText(x.Contact)
	phone := widget.NewEntry()
	phone.SetText(x.Phone)
	sector := widget.NewCheck("本单位人员穿着行业制式服装", nil)
	sector.SetChecked(x.SectorUniform)
	errs := newFormErrors()
	form := widget.NewForm(errs.item("单位名称", name, ""), errs.item("联系人", contact, ""),
		errs.item("联系电话", phone, ""), widget.NewFormItem("", sector))
	title := "新增派驻单位"
	if x.ID != 0 {
		title = "修改派驻单位"
	}
	newFormDialog(u.shell, title, "保存", form, errs, func() error {
		x.Name, x.Contact, x.Phone, x.SectorUniform = name.Text, contact.Text, phone.Text, sector.Checked
		return u.data.SaveHomeUnit(&x)
	}, u.reload)
}

func (u *unitsScreen) onDelete() {
	x, ok := u.units[u.list.selected]
	if !ok {
		return
	}
	confirmDelete(u.shell, "删除派驻单位", "确定删除“"+x.Name+"”吗？",
		func() error { return u.data.DeleteHomeUnit(x.ID) }, u.reload)
}
