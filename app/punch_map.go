package app

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// punchMapData is a machine's table of numbers (考勤号码 → 工号).
type punchMapData interface {
	PunchMaps(device string) ([]models.PunchDeviceMap, error)
	PunchDevices() ([]string, error)
	SavePunchMaps(device string, pairs []models.PunchMapPair) error
	DeletePunchMap(id uint) error
	StaffList() ([]models.Staff, error)
}

// punchMapEditor is the 考勤号码对照 dialog: for each attendance machine, who
// each of its numbers is. Numbers are added here, or learnt at an import.
type punchMapEditor struct {
	shell    *shell
	data     punchMapData
	device   *widget.SelectEntry
	list     *widget.List
	rows     []models.PunchDeviceMap
	selected int
	no       *widget.Entry
	person   *widget.Select
	people   map[string]string // label → 工号
	add, del *widget.Button
	empty    *widget.Label // says why the list is empty
	dlg      dialog.Dialog
}

// openPunchMap shows the 考勤号码对照 dialog.
func openPunchMap(s *shell, d punchMapData) *punchMapEditor {
	e := &punchMapEditor{shell: s, data: d, selected: -1, people: map[string]string{}}
	devices, err := d.PunchDevices()
	if err != nil {
		showError("无法读取考勤号码对照", err, s.win)
	}
	for _, f := range reports.PunchFormats() {
		if !containsString(devices, f.Device) {
			devices = append(devices, f.Device)
		}
	}
	e.device = widget.NewSelectEntry(devices)
	e.device.OnChanged = func(string) { e.reload() }
	staff, _ := d.StaffList()
	var labels []string
	for _, p := range staff {
		l := p.EmployeeNo + " " + p.Name
		labels = append(labels, l)
		e.people[l] = p.EmployeeNo
	}
	sort.Strings(labels)
	e.no = widget.NewEntry()
	e.no.SetPlaceHolder("考勤号码")
	e.person = newSelect(labels, nil)
	e.add = widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), e.onAdd)
	e.del = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), e.onDelete)
	fromFile := widget.NewButtonWithIcon("从文件导入…", theme.FolderOpenIcon(), func() {
		pickImportFile(s, e.onMapFile)
	})
	e.del.Disable()
	e.list = widget.NewList(func() int { return len(e.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			m := e.rows[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s　→　%s %s", m.MachineNo, m.Staff.EmployeeNo, m.Staff.Name))
		})
	e.list.OnSelected = func(i widget.ListItemID) { e.selected = i; e.del.Enable() }
	e.list.OnUnselected = func(widget.ListItemID) { e.selected = -1; e.del.Disable() }
	hint := wrapLabel("考勤机上的考勤号码（PIN、UserId）不是工号：每台考勤机的号码对应到哪位人员记在这里。导入打卡时遇到没有对照的号码，也会请您当场选定并记住。")
	hint.Importance = widget.LowImportance
	top := container.NewVBox(hint, container.NewBorder(nil, nil, widget.NewLabel("考勤机"), fromFile, e.device))
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(e.add, e.del),
		container.NewGridWithColumns(2, e.no, e.person))
	e.empty = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	e.empty.Wrapping = fyne.TextWrapWord
	e.dlg = dialog.NewCustom("考勤号码对照", "关闭", container.NewBorder(top, bottom, nil, nil,
		container.NewStack(e.list, container.NewVBox(e.empty))), s.win)
	e.dlg.Resize(fyne.NewSize(640, 520))
	e.dlg.Show()
	if len(devices) > 0 {
		e.device.SetText(devices[0])
	}
	return e
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (e *punchMapEditor) reload() {
	dev := strings.TrimSpace(e.device.Text)
	var rows []models.PunchDeviceMap
	e.shell.async(func() (err error) {
		if dev == "" {
			return nil
		}
		rows, err = e.data.PunchMaps(dev)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取考勤号码对照", err, e.shell.win)
			return
		}
		e.rows = rows
		e.empty.SetText("")
		if len(rows) == 0 && dev != "" {
			e.empty.SetText("考勤机“" + dev + "”还没有对照的号码。在下面填写考勤号码并选择人员后点“添加”，或点“从文件导入…”读入对照表；导入打卡时也会请您当场对照。")
		}
		e.selected = -1
		e.list.UnselectAll()
		e.del.Disable()
		e.list.Refresh()
	})
}

func (e *punchMapEditor) onAdd() {
	dev, no, emp := strings.TrimSpace(e.device.Text), strings.TrimSpace(e.no.Text), e.people[e.person.Selected]
	switch {
	case dev == "":
		dialog.ShowInformation("请填写考勤机", "请先选择或填写考勤机的名称。", e.shell.win)
		return
	case no == "" || emp == "":
		dialog.ShowInformation("请填写完整", "请填写考勤号码并选择人员。", e.shell.win)
		return
	}
	e.shell.async(func() error {
		return e.data.SavePunchMaps(dev, []models.PunchMapPair{{MachineNo: no, EmployeeNo: emp}})
	}, func(err error) {
		if err != nil {
			showError("无法保存对照", err, e.shell.win)
			return
		}
		e.no.SetText("")
		e.person.ClearSelected()
		e.shell.changed()
		e.reload()
	})
}

// onMapFile adds the pairs of a file with the columns 考勤号码 and 工号 (the
// --map file of the command line) to the machine's table.
func (e *punchMapEditor) onMapFile(path string) {
	dev := strings.TrimSpace(e.device.Text)
	if dev == "" {
		dialog.ShowInformation("请填写考勤机", "请先选择或填写考勤机的名称。", e.shell.win)
		return
	}
	var n int
	e.shell.async(func() error {
		pairs, err := reports.ReadPunchMap(path)
		if err != nil {
			return err
		}
		n = len(pairs)
		return e.data.SavePunchMaps(dev, pairs)
	}, func(err error) {
		var ie *reports.ImportError
		switch {
		case errors.As(err, &ie):
			showProblems("对照表未导入", ie, e.shell.win)
		case err != nil:
			showError("对照表未导入", err, e.shell.win)
		default:
			dialog.ShowInformation("对照表已导入", fmt.Sprintf("已为考勤机“%s”记下 %d 个考勤号码的对照。", dev, n), e.shell.win)
			e.shell.changed()
			e.reload()
		}
	})
}

func (e *punchMapEditor) onDelete() {
	if e.selected < 0 || e.selected >= len(e.rows) {
		return
	}
	m := e.rows[e.selected]
	confirm("删除对照", fmt.Sprintf("删除考勤号码 %s → %s %s 的对照吗？已导入的打卡不受影响；下次导入遇到这个号码时会再请您对照。", m.MachineNo, m.Staff.EmployeeNo, m.Staff.Name),
		"删除", e.shell.win, func() {
			e.shell.async(func() error { return e.data.DeletePunchMap(m.ID) }, func(err error) {
				if err != nil {
					showError("无法删除对照", err, e.shell.win)
					return
				}
				e.shell.changed()
				e.reload()
			})
		})
}

// columnsForm is the 列对照 form of a file GovDesk does not know, last
// opened, for tests.
type columnsForm struct {
	header              *widget.Entry
	person, name, stamp *widget.Select
	date                *widget.Select
	times               *widget.CheckGroup
	order               *widget.Select
	saveAs              *widget.Entry
	saved               *widget.Select
	dlg                 *dialog.ConfirmDialog
	headers             []string
	loadHeaders         func()
}

const noColumn = "（无）"

// onColumns lets the user say how to read a file of a layout GovDesk does
// not know: the header row, the person's column, the date-time column or
// the date and time columns, the date order; saved under a name for next
// month, or a saved one chosen.
func (pi *punchImport) onColumns() {
	f := &columnsForm{header: widget.NewEntry(), saveAs: widget.NewEntry()}
	f.header.SetText("1")
	f.person, f.name, f.stamp, f.date = newSelect(nil, nil), newSelect(nil, nil), newSelect(nil, nil), newSelect(nil, nil)
	f.times = widget.NewCheckGroup(nil, nil)
	f.times.Horizontal = true
	f.order = newSelect([]string{"自动判断", "年月日（YMD）", "日月年（DMY）", "月日年（MDY）"}, nil)
	f.order.SetSelected("自动判断")
	f.saveAs.SetPlaceHolder("起个名字，下月导入时直接选用，如：门禁导出")
	layouts, _ := pi.data.PunchColumnLayouts()
	var names []string
	for n := range layouts {
		names = append(names, n)
	}
	sort.Strings(names)
	f.saved = newSelect(names, nil)
	f.saved.PlaceHolder = "已保存的列对照"
	f.loadHeaders = func() {
		n, err := strconv.Atoi(strings.TrimSpace(f.header.Text))
		if err != nil || n < 1 {
			return
		}
		rows, err := pi.data.PunchFileRows(pi.path, n)
		if err != nil || len(rows) < n {
			f.headers = nil
		} else {
			f.headers = nil
			for _, h := range rows[n-1] {
				if h != "" {
					f.headers = append(f.headers, h)
				}
			}
		}
		f.person.SetOptions(f.headers)
		opt := append([]string{noColumn}, f.headers...)
		f.name.SetOptions(opt)
		f.stamp.SetOptions(opt)
		f.date.SetOptions(opt)
		f.times.Options = f.headers
		f.times.Refresh()
	}
	f.header.OnChanged = func(string) { f.loadHeaders() }
	f.loadHeaders()
	form := widget.NewForm(
		widget.NewFormItem("已保存的", f.saved),
		widget.NewFormItem("表头在第几行", f.header),
		widget.NewFormItem("人员（考勤号码）列", f.person),
		widget.NewFormItem("姓名列", f.name),
		widget.NewFormItem("日期时间列", f.stamp),
		widget.NewFormItem("或：日期列", f.date),
		widget.NewFormItem("及时间列", f.times),
		widget.NewFormItem("日期顺序", f.order),
		widget.NewFormItem("保存为", f.saveAs),
	)
	f.dlg = dialog.NewCustomConfirm("列对照", "按此读取", "取消", container.NewVScroll(form), func(ok bool) {
		if !ok {
			return
		}
		if f.saved.Selected != "" {
			pi.columns = f.saved.Selected
			pi.refresh()
			return
		}
		spec, err := f.spec()
		if err != nil {
			showError("列对照不完整", err, pi.shell.win)
			return
		}
		pi.columns = spec
		pi.refresh()
	}, pi.shell.win)
	f.dlg.Resize(fyne.NewSize(700, 560))
	f.dlg.Show()
	pi.lastColumns = f
}

// spec writes the form as a --columns text, checked.
func (f *columnsForm) spec() (string, error) {
	n, _ := strconv.Atoi(strings.TrimSpace(f.header.Text))
	l := reports.ColumnLayout{HeaderRow: n, Person: f.person.Selected, Name: strings.TrimSpace(f.saveAs.Text)}
	if v := f.name.Selected; v != noColumn {
		l.PersonNm = v
	}
	if v := f.stamp.Selected; v != noColumn && v != "" {
		l.DateTime = v
	} else if v := f.date.Selected; v != noColumn {
		l.Date, l.Times = v, f.times.Selected
	}
	switch {
	case strings.Contains(f.order.Selected, "YMD"):
		l.Order = "YMD"
	case strings.Contains(f.order.Selected, "DMY"):
		l.Order = "DMY"
	case strings.Contains(f.order.Selected, "MDY"):
		l.Order = "MDY"
	}
	spec := l.Spec()
	if _, err := reports.ParseColumnLayout(spec); err != nil {
		return "", err
	}
	return spec, nil
}
