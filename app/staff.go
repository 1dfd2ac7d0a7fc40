package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// rosterData is what the roster of people (人员) needs: people with their
// windows and units, their history of moves and statuses, imports and
// exports.
type rosterData interface {
	clock
	StaffList() ([]models.Staff, error)
	SaveStaff(*models.Staff) error
	DeleteStaff(id uint) error
	StaffHistory(id uint) ([]models.StaffChange, error)
	MoveStaff(staffID, windowID uint, on models.Date, note string) error
	SetStaffStatus(staffID uint, status string, on models.Date, note string) error
	ServiceWindows() ([]models.ServiceWindow, error)
	HomeUnits() ([]models.HomeUnit, error)
	MaySeePersonal() error
	RevealPersonal(entity, key string) error
	importer
	exporter
	staffPageData
}

// staffScreen is the roster of people (人员): search by 姓名 / 工号 / 窗口 /
// 派驻单位, filter by status, and every change a person's career needs.
type staffScreen struct {
	shell   *shell
	data    rosterData
	list    *recordTable
	staff   map[uint]models.Staff
	windows []models.ServiceWindow
	units   []models.HomeUnit

	status *widget.Select
	// reveal shows one person's identity and phone numbers in clear, for
	// a role that may see them; each is recorded in the audit log
	reveal   *widget.Button
	revealed map[uint]bool
	actions  []*widget.Button // enabled when a person is selected
	box      fyne.CanvasObject

	form *staffForm // the form last opened, for tests
	page *staffPage // the person's page last opened, for tests
}

func newStaffScreen(s *shell, d rosterData) *staffScreen {
	sc := &staffScreen{shell: s, data: d, revealed: map[uint]bool{}}
	sc.list = newRecordTable([]column{
		{"工号", 70}, {"姓名", 80}, {"性别", 45}, {"身份证号", 165}, {"手机号", 110},
		{"派驻单位", 180}, {"窗口", 170}, {"岗位", 100}, {"入驻日期", 95}, {"状态", 65},
	}, "搜索姓名、工号、窗口、派驻单位", func(uint) {
		for _, b := range sc.actions {
			b.Enable()
		}
	})
	sc.status = newSelect(append(append([]string{allStatuses}, models.Statuses...), models.StatusNotStarted, models.StatusSubstituteEnded, models.StatusServiceEnded), nil)
	sc.status.SetSelected(models.StatusOnDuty)
	sc.status.OnChanged = func(string) { sc.reload() }
	sc.list.filterBySelects(selectFilter{sc.status, models.StatusOnDuty})
	sc.reveal = widget.NewButtonWithIcon("显示身份证号、手机号", theme.VisibilityIcon(), func() { sc.onReveal(sc.list.selected) })

	add := widget.NewButtonWithIcon("新增人员", theme.ContentAddIcon(), sc.onAdd)
	edit := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { sc.onEdit(sc.list.selected) })
	sc.list.openWith(edit)
	detail := widget.NewButtonWithIcon("详情与履历", theme.InfoIcon(), func() { sc.onDetail(sc.list.selected) })
	move := widget.NewButtonWithIcon("调整窗口", theme.NavigateNextIcon(), func() { sc.onMove(sc.list.selected) })
	status := widget.NewButtonWithIcon("变更状态", theme.AccountIcon(), func() { sc.onStatus(sc.list.selected) })
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { sc.onDelete(sc.list.selected) })
	sc.actions = []*widget.Button{edit, detail, move, status, del, sc.reveal}
	if d.MaySeePersonal() != nil {
		sc.reveal.Hide()
	}
	imp := widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { importFile(s, d, "staff", "人员", sc.reload) })
	exp := widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() { exportFile(s, d, "staff", "人员") })

	sc.box = listHead{actions: objs(add, edit, del, detail, move, status), files: objs(imp, exp),
		filters: objs(widget.NewLabel("状态"), sc.status, sc.reveal)}.over(sc.list.layout())
	sc.reload()
	return sc
}

func (sc *staffScreen) content() fyne.CanvasObject { return sc.box }

func (sc *staffScreen) reload() {
	var staff []models.Staff
	var windows []models.ServiceWindow
	var units []models.HomeUnit
	filter := sc.status.Selected
	today := sc.data.Today()
	sc.shell.async(func() (err error) {
		if staff, err = sc.data.StaffList(); err != nil {
			return err
		}
		if windows, err = sc.data.ServiceWindows(); err != nil {
			return err
		}
		units, err = sc.data.HomeUnits()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取人员", err, sc.shell.win)
			return
		}
		sc.windows, sc.units = windows, units
		sc.staff = make(map[uint]models.Staff, len(staff))
		rs := make([]record, 0, len(staff))
		for _, p := range staff {
			sc.staff[p.ID] = p
			// a substitute whose period has ended shows 替岗结束, not 在岗
			status := p.StatusOn(today)
			if filter != allStatuses && status != filter {
				continue
			}
			id, mobile := sc.personal(p)
			rs = append(rs, record{id: p.ID,
				cells: []string{p.EmployeeNo, p.Name, p.Gender, id, mobile, p.HomeUnit.Name,
					p.Window.Label(), p.Post, p.JoinedOn.String(), status},
				search: p.Name + " " + p.EmployeeNo + " " + p.Window.Code + " " + p.Window.Name + " " + p.HomeUnit.Name})
		}
		for _, b := range sc.actions {
			b.Disable() // until a row is selected (a saved one is, by setRecords)
		}
		sc.list.setRecords(rs)
	})
}

func (sc *staffScreen) onAdd() {
	if len(sc.windows) == 0 {
		showError("还不能新增人员", models.FieldErrors{{Field: "窗口", Reason: "还没有窗口：请先在“窗口”中新增或导入窗口"}}, sc.shell.win)
		return
	}
	sc.form = newStaffForm(sc, models.Staff{Status: models.StatusOnDuty, Post: models.PostStaff})
	sc.form.show()
}

func (sc *staffScreen) onEdit(id uint) {
	p, ok := sc.staff[id]
	if !ok {
		return
	}
	// the form shows the numbers to be corrected: opening it unmasks them
	if !sc.revealed[id] {
		if err := sc.data.RevealPersonal("人员", p.EmployeeNo+" "+p.Name); err != nil {
			showError("无法修改人员", err, sc.shell.win)
			return
		}
		sc.revealed[id] = true
	}
	sc.form = newStaffForm(sc, p)
	sc.form.show()
}

// personal is a person's identity and phone numbers as the screen shows
// them: masked unless unmasked for that person.
func (sc *staffScreen) personal(p models.Staff) (id, mobile string) {
	if sc.revealed[p.ID] {
		return p.IDNumber, p.Mobile
	}
	return models.MaskIDNumber(p.IDNumber), models.MaskPhone(p.Mobile)
}

// onReveal shows the selected person's numbers in clear, recorded in the
// audit log.
func (sc *staffScreen) onReveal(id uint) {
	p, ok := sc.staff[id]
	if !ok || sc.revealed[id] {
		return
	}
	if err := sc.data.RevealPersonal("人员", p.EmployeeNo+" "+p.Name); err != nil {
		showError("无法显示个人信息", err, sc.shell.win)
		return
	}
	sc.revealed[id] = true
	sc.reload()
}

func (sc *staffScreen) onDelete(id uint) {
	p, ok := sc.staff[id]
	if !ok {
		return
	}
	confirmDelete(sc.shell, "删除人员", "确定删除 "+p.Name+"（"+p.EmployeeNo+"）吗？\n只有误录入的人员可以删除；离开中心的人员请“变更状态”。",
		func() error { return sc.data.DeleteStaff(id) }, sc.reload)
}
