package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// windowsData is what the windows screen (窗口) needs: the windows with
// their units and staff, their changes, imports and exports.
type windowsData interface {
	clock
	ServiceWindows() ([]models.ServiceWindow, error)
	SaveServiceWindow(*models.ServiceWindow) error
	DeleteServiceWindow(id uint) error
	HomeUnits() ([]models.HomeUnit, error)
	StaffList() ([]models.Staff, error)
	importer
	exporter
}

// windowsScreen lists the service windows (窗口).
type windowsScreen struct {
	shell   *shell
	data    windowsData
	list    *recordTable
	windows map[uint]models.ServiceWindow
	units   []models.HomeUnit
	edit    *widget.Button
	del     *widget.Button
	box     fyne.CanvasObject
}

func newWindowsScreen(s *shell, d windowsData) *windowsScreen {
	w := &windowsScreen{shell: s, data: d}
	w.list = newRecordTable([]column{{"窗口编号", 90}, {"窗口名称", 220}, {"派驻单位", 260}, {"区域", 100}, {"在岗人数", 90}, {"状态", 70}},
		"搜索窗口编号、名称、派驻单位", func(uint) { w.edit.Enable(); w.del.Enable() })
	add := widget.NewButtonWithIcon("新增窗口", theme.ContentAddIcon(), func() { w.openForm(models.ServiceWindow{Active: true}) })
	w.edit = widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { w.openForm(w.windows[w.list.selected]) })
	w.list.openWith(w.edit)
	w.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), w.onDelete)
	imp := widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { importFile(s, d, "windows", "窗口", w.reload) })
	exp := widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() { exportFile(s, d, "windows", "窗口") })
	w.edit.Disable()
	w.del.Disable()
	w.box = listHead{actions: objs(add, w.edit, w.del), files: objs(imp, exp)}.over(w.list.layout())
	w.reload()
	return w
}

func (w *windowsScreen) content() fyne.CanvasObject { return w.box }

func (w *windowsScreen) reload() {
	var list []models.ServiceWindow
	var staff []models.Staff
	var units []models.HomeUnit
	w.shell.async(func() (err error) {
		if list, err = w.data.ServiceWindows(); err != nil {
			return err
		}
		if units, err = w.data.HomeUnits(); err != nil {
			return err
		}
		staff, err = w.data.StaffList()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取窗口", err, w.shell.win)
			return
		}
		onDuty := map[uint]int{}
		today := w.data.Today()
		for _, p := range staff {
			if p.OnDuty(today) {
				onDuty[p.WindowID]++
			}
		}
		w.units = units
		w.windows = map[uint]models.ServiceWindow{}
		rs := make([]record, len(list))
		for i, x := range list {
			w.windows[x.ID] = x
			state := "启用"
			if !x.Active {
				state = "停用"
			}
			rs[i] = record{id: x.ID, cells: []string{x.Code, x.Name, x.HomeUnit.Name, x.Area, fmt.Sprint(onDuty[x.ID]), state},
				search: x.Code + " " + x.Name + " " + x.HomeUnit.Name + " " + x.Area}
		}
		w.edit.Disable() // until a row is selected (a saved one is, by setRecords)
		w.del.Disable()
		w.list.setRecords(rs)
	})
}

func (w *windowsScreen) openForm(x models.ServiceWindow) {
	code := widget.NewEntry()
	code.SetText(x.Code)
	code.SetPlaceHolder("如 A01")
	name := widget.NewEntry()
	name.SetText(x.Name)
	names, ids := unitNames(w.units)
	unit := newPicker(names, nil)
	unit.PlaceHolder = "请选择"
	if x.HomeUnit.Name != "" {
		unit.SetSelected(x.HomeUnit.Name)
	}
	area := widget.NewEntry()
	area.SetText(x.Area)
	area.SetPlaceHolder("如 一楼A区")
	active := widget.NewCheck("启用", nil)
	active.SetChecked(x.Active)
	errs := newFormErrors()
	hint := ""
	if len(names) == 0 {
		hint = "还没有派驻单位：请先在“派驻单位”中新增"
	}
	form := widget.NewForm(errs.item("窗口编号", code, ""), errs.item("窗口名称", name, ""),
		errs.item("派驻单位", unit, hint), errs.item("区域", area, ""), widget.NewFormItem("", active))
	title := "新增窗口"
	if x.ID != 0 {
		title = "修改窗口 " + x.Code
	}
	newFormDialog(w.shell, title, "保存", form, errs, func() error {
		x.Code, x.Name, x.Area, x.Active = code.Text, name.Text, area.Text, active.Checked
		x.HomeUnitID = ids[unit.Selected]
		return w.data.SaveServiceWindow(&x)
	}, w.reload)
}

func (w *windowsScreen) onDelete() {
	x, ok := w.windows[w.list.selected]
	if !ok {
		return
	}
	confirmDelete(w.shell, "删除窗口", "确定删除窗口 "+x.Label()+" 吗？",
		func() error { return w.data.DeleteServiceWindow(x.ID) }, w.reload)
}
