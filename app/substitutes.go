package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// substitutesScreen is the substitute register (替岗): the home units'
// advance reports, and the numbered temporary badges and seat plates lent
// to substitutes, with the ones overdue marked.
type substitutesScreen struct {
	shell *shell
	data  substitutesData
	tabs  *container.AppTabs

	list    *recordTable
	subs    map[uint]models.Substitution
	state   *widget.Select
	actions []*widget.Button

	badges     *recordTable
	inventory  map[uint]models.BadgeStatus // by item ID
	late       map[uint]bool
	lateIssue  map[uint]bool   // item ID → its loan was issued after the substitution started
	missing    map[uint]string // substitution ID → the kinds it lacks while running
	gapNote    *widget.Label
	badgeActs  []*widget.Button
	windows    []models.ServiceWindow
	units      []models.HomeUnit
	staff      []models.Staff
	today      models.Date
	box        fyne.CanvasObject
	loaded     bool
	form       *substitutionForm // the form last opened, for tests
	issue      *badgeIssueForm   // the issue dialog last opened, for tests
	closing    *badgeIssueForm   // the return / loss dialog last opened, for tests
	lastPrint  string            // the file last printed, for tests
	badgeNames map[uint]string   // substitution ID → the numbers it holds
}

// Columns of the two tables; the 状态 / 逾期 cells are coloured.
var (
	substitutionColumns = []column{
		{"替岗人员", 80}, {"派驻单位", 150}, {"窗口", 55}, {"被替岗人员", 85}, {"所替请假", 100},
		{"开始日期", 95}, {"结束日期", 95}, {"状态", 70}, {"挂牌座牌", 150}, {"报备人", 280},
	}
	badgeColumns = []column{
		{"编号", 95}, {"种类", 110}, {"状态", 90}, {"领用人", 80}, {"窗口", 55},
		{"领用日期", 95}, {"替岗结束", 95}, {"归还/遗失", 110}, {"逾期", 80},
	}
)

const allSubStates = "全部"

func newSubstitutesScreen(s *shell, d substitutesData) *substitutesScreen {
	sc := &substitutesScreen{shell: s, data: d, subs: map[uint]models.Substitution{}, inventory: map[uint]models.BadgeStatus{}}
	sc.list = newRecordTable(substitutionColumns, "搜索替岗人员、被替岗人员、窗口、派驻单位", func(uint) { sc.setActions(true) })
	sc.list.styleCells(func(id uint, col int) widget.Importance {
		if col == 8 && sc.missing[id] != "" {
			return widget.DangerImportance
		}
		if col != 7 {
			return widget.MediumImportance
		}
		switch sc.subs[id].State(sc.today) {
		case models.SubstitutionCurrent:
			return widget.SuccessImportance
		}
		return widget.MediumImportance
	})
	sc.list.onQuery(func() { sc.setActions(false) })
	sc.state = newSelect(append([]string{allSubStates}, models.SubstitutionStates...), nil)
	sc.state.SetSelected(allSubStates)
	sc.state.OnChanged = func(string) { sc.reload() }
	sc.list.filterBySelects(selectFilter{sc.state, allSubStates})

	add := widget.NewButtonWithIcon("新增报备", theme.ContentAddIcon(), sc.onAdd)
	edit := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { sc.onEdit(sc.list.selected) })
	sc.list.openWith(edit)
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { sc.onDelete(sc.list.selected) })
	give := widget.NewButtonWithIcon("发放挂牌/座牌", theme.MailSendIcon(), func() { sc.onIssueBadge(sc.list.selected) })
	print := widget.NewButtonWithIcon("印制报备单", theme.DocumentPrintIcon(), func() { sc.onPrintForm(sc.list.selected) })
	sc.actions = []*widget.Button{edit, del, give, print}
	sc.gapNote = wrapLabel("")
	sc.gapNote.Importance = widget.DangerImportance
	sc.gapNote.Hide()
	register := listHead{actions: objs(add, edit, del, give), files: objs(print),
		filters: objs(widget.NewLabel("状态"), sc.state)}.over(container.NewBorder(sc.gapNote, nil, nil, nil, sc.list.layout()))

	sc.badges = newRecordTable(badgeColumns, "搜索编号、领用人、窗口", func(uint) { sc.setBadgeActions() })
	sc.badges.styleCells(func(id uint, col int) widget.Importance {
		switch {
		case (col == 2 || col == 8) && sc.late[id]:
			return widget.DangerImportance
		case col == 2 && sc.inventory[id].State == models.BadgeLost:
			return widget.WarningImportance
		case col == 5 && sc.lateIssue[id]:
			return widget.WarningImportance
		}
		return widget.MediumImportance
	})
	sc.badges.onQuery(sc.setBadgeActions)
	newItem := widget.NewButtonWithIcon("新增挂牌/座牌", theme.ContentAddIcon(), sc.onNewItem)
	back := widget.NewButtonWithIcon("归还", theme.ContentUndoIcon(), func() { sc.onReturn(sc.badges.selected) })
	lost := widget.NewButtonWithIcon("登记遗失", theme.WarningIcon(), func() { sc.onLost(sc.badges.selected) })
	reg := widget.NewButtonWithIcon("印制领用归还登记表", theme.DocumentPrintIcon(), sc.onPrintRegister)
	sc.badgeActs = []*widget.Button{back, lost}
	inventory := container.NewBorder(container.NewHBox(newItem, back, lost, widget.NewSeparator(), reg), nil, nil, nil, sc.badges.layout())

	sc.tabs = container.NewAppTabs(container.NewTabItem("替岗报备", register), container.NewTabItem("挂牌座牌", inventory))
	sc.box = sc.tabs
	sc.setActions(false)
	sc.reload()
	return sc
}

func (sc *substitutesScreen) content() fyne.CanvasObject { return sc.box }

func (sc *substitutesScreen) setActions(on bool) {
	for _, b := range sc.actions {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// setBadgeActions enables 归还 and 登记遗失 for an item that is out.
func (sc *substitutesScreen) setBadgeActions() {
	st, ok := sc.inventory[sc.badges.selected]
	out := ok && sc.badges.selected != 0 && st.State == models.BadgeOut
	for _, b := range sc.badgeActs {
		if out {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (sc *substitutesScreen) reload() {
	var (
		subs    []models.Substitution
		inv     []models.BadgeStatus
		windows []models.ServiceWindow
		units   []models.HomeUnit
		staff   []models.Staff
	)
	filter := sc.state.Selected
	today := sc.data.Today()
	d := sc.data
	sc.shell.async(func() (err error) {
		if subs, err = d.Substitutions(models.SubstitutionFilter{}); err != nil {
			return err
		}
		if inv, err = d.BadgeInventory(); err != nil {
			return err
		}
		if windows, err = d.ServiceWindows(); err != nil {
			return err
		}
		if units, err = d.HomeUnits(); err != nil {
			return err
		}
		staff, err = d.StaffList()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取替岗报备", err, sc.shell.win)
			return
		}
		sc.windows, sc.units, sc.staff, sc.today = windows, units, staff, today
		sc.inventory = map[uint]models.BadgeStatus{}
		sc.late = map[uint]bool{}
		sc.lateIssue = map[uint]bool{}
		sc.badgeNames = map[uint]string{}
		var out []models.BadgeLoan
		brs := make([]record, 0, len(inv))
		for _, b := range inv {
			sc.inventory[b.Item.ID] = b
			cells := []string{b.Item.No, b.Item.Kind, b.State, "", "", "", "", "", ""}
			if l := b.Loan; l != nil && b.State != models.BadgeInStock {
				cells[3], cells[4] = l.Substitution.Name, l.Substitution.Window.Code
				cells[5], cells[6] = l.IssuedOn.String(), l.Substitution.To.String()
				if l.LateIssue() {
					sc.lateIssue[b.Item.ID] = true
					cells[5] += "（" + models.LateIssueLabel + "）"
				}
				if !l.LostOn.IsZero() {
					cells[7] = "遗失 " + l.LostOn.String()
				}
				if l.Overdue(today) {
					sc.late[b.Item.ID] = true
					cells[2] = "逾期未还"
					cells[8] = fmt.Sprintf("%d 天", daysFrom(l.Substitution.To, today))
				}
				if l.Out() {
					name := b.Item.No
					if l.LateIssue() {
						name += "（" + models.LateIssueLabel + "）"
					}
					sc.badgeNames[l.SubstitutionID] = strings.TrimPrefix(sc.badgeNames[l.SubstitutionID]+"、"+name, "、")
					out = append(out, *l)
				}
			}
			brs = append(brs, record{id: b.Item.ID, cells: cells,
				search: strings.Join(cells, " ") + " " + b.Item.Note})
		}
		sc.badges.setRecords(brs)
		sc.subs = make(map[uint]models.Substitution, len(subs))
		sc.missing = map[uint]string{}
		var gaps []string
		rs := make([]record, 0, len(subs))
		for _, x := range subs {
			sc.subs[x.ID] = x
			held := dash(sc.badgeNames[x.ID])
			if missing := models.MissingBadges(x, out, today); len(missing) > 0 {
				sc.missing[x.ID] = "未领" + strings.Join(missing, "、")
				held = strings.TrimPrefix(sc.badgeNames[x.ID]+"；"+sc.missing[x.ID], "；")
				gaps = append(gaps, models.BadgeGap{Substitution: x, Missing: missing}.Describe())
			}
			state := x.State(today)
			if filter != allSubStates && filter != "" && state != filter {
				continue
			}
			leave := "—"
			if x.Leave != nil {
				leave = x.Leave.Type + " " + x.Leave.From.String()[5:]
			}
			rs = append(rs, record{id: x.ID,
				cells: []string{x.Name, x.HomeUnit.Name, x.Window.Code, x.Covered.Name, leave,
					x.From.String(), x.To.String(), state, held, x.ReportedBy + " " + x.ReportedOn.String()},
				search: x.Name + " " + x.Covered.Name + " " + x.Window.Label() + " " + x.HomeUnit.Name + " " + x.ReportedBy})
		}
		sc.setActions(false) // until a row is selected (a saved one is, by setRecords)
		sc.list.setRecords(rs)
		if len(gaps) > 0 {
			sc.gapNote.SetText("替岗人员上岗前须领取临时工作挂牌及座牌（替岗人员管理第2条）。正在替岗而未领的：" + strings.Join(gaps, "；") + "。请选中报备后点“发放挂牌/座牌”。")
			sc.gapNote.Show()
		} else {
			sc.gapNote.Hide()
		}
		sc.setBadgeActions()
		sc.loaded = true
	})
}

// daysFrom counts the days from a to b.
// badgeInventory opens 替岗 at the badge inventory (the overview's alert of
// badges not returned).
type badgeInventory struct{}

func (badgeInventory) target() string { return "替岗" }

// runningWithoutBadges opens 替岗 at the register of running substitutions
// (the overview's alert of substitutes without a badge or seat plate).
type runningWithoutBadges struct{}

func (runningWithoutBadges) target() string { return "替岗" }

// handle shows what another screen asked for.
func (sc *substitutesScreen) handle(r request) {
	switch r.(type) {
	case badgeInventory:
		sc.tabs.SelectIndex(1)
	case runningWithoutBadges:
		sc.tabs.SelectIndex(0)
		sc.state.SetSelected(models.SubstitutionCurrent)
	}
}

func daysFrom(a, b models.Date) int { return int(b.Time().Sub(a.Time()).Hours() / 24) }

func (sc *substitutesScreen) onAdd() {
	if len(sc.windows) == 0 {
		showError("还不能新增报备", models.FieldErrors{{Field: "窗口", Reason: "还没有窗口：请先在“窗口”中新增或导入窗口"}}, sc.shell.win)
		return
	}
	sc.form = newSubstitutionForm(sc, models.Substitution{ReportedOn: sc.data.Today()})
	sc.form.show()
}

func (sc *substitutesScreen) onEdit(id uint) {
	x, ok := sc.subs[id]
	if !ok {
		return
	}
	sc.form = newSubstitutionForm(sc, x)
	sc.form.show()
}

func (sc *substitutesScreen) onDelete(id uint) {
	x, ok := sc.subs[id]
	if !ok {
		return
	}
	confirmDelete(sc.shell, "删除替岗报备", fmt.Sprintf("确定删除 %s 替 %s（%s）的报备吗？\n只有误录入、未领用挂牌座牌的报备可以删除。", x.Name, x.Covered.Name, x.Span()),
		func() error { return sc.data.DeleteSubstitution(id) }, sc.reload)
}

func (sc *substitutesScreen) onPrintForm(id uint) {
	x, ok := sc.subs[id]
	if !ok {
		return
	}
	printInternal(sc.shell, sc.data, "替岗报备单", x.Name, func(path string) error {
		return sc.data.PrintSubstitutionForm(id, path)
	}, func(path string) { sc.lastPrint = path })
}

// onPrintRegister prints the register of this year's loans.
func (sc *substitutesScreen) onPrintRegister() {
	today := sc.data.Today()
	from := models.NewDate(today.Year(), 1, 1)
	printInternal(sc.shell, sc.data, "挂牌座牌领用归还登记表", fmt.Sprint(today.Year()), func(path string) error {
		return sc.data.PrintBadgeRegister(from, models.Date{}, path)
	}, func(path string) { sc.lastPrint = path })
}

func (sc *substitutesScreen) onNewItem() {
	errs := newFormErrors()
	kind := newSelect(models.BadgeKinds, nil)
	kind.SetSelected(models.BadgeKindBadge)
	no := widget.NewEntry()
	no.SetPlaceHolder("如 临牌-07、座牌-A05")
	note := widget.NewEntry()
	form := widget.NewForm(errs.item("种类", kind, ""), errs.item("编号", no, "每块挂牌、座牌一个编号，不能重复"), errs.item("备注", note, ""))
	newFormDialog(sc.shell, "新增挂牌/座牌", "保存", form, errs, func() error {
		return sc.data.SaveBadgeItem(&models.BadgeItem{Kind: kind.Selected, No: no.Text, Note: note.Text})
	}, sc.reload)
}

// onReturn and onLost close the loan of an item that is out.
func (sc *substitutesScreen) onReturn(itemID uint) { sc.closeLoan(itemID, false) }
func (sc *substitutesScreen) onLost(itemID uint)   { sc.closeLoan(itemID, true) }

func (sc *substitutesScreen) closeLoan(itemID uint, lost bool) {
	st, ok := sc.inventory[itemID]
	if !ok || st.Loan == nil || st.State != models.BadgeOut {
		return
	}
	l := *st.Loan
	errs := newFormErrors()
	field, title := "归还日期", "归还 "+l.Item.No
	if lost {
		field, title = "遗失日期", "登记遗失 "+l.Item.No
	}
	on := newDateField(sc.shell.win)
	on.SetDate(sc.data.Today())
	note := widget.NewEntry()
	note.SetPlaceHolder("遗失经过，如：替岗人员称在公交车上遗失")
	items := []*widget.FormItem{
		widget.NewFormItem("领用人", widget.NewLabel(fmt.Sprintf("%s（%s，%s）", l.Substitution.Name, l.Substitution.Window.Code, l.Substitution.Span()))),
		errs.item(field, on, ""),
	}
	if lost {
		items = append(items, errs.item("说明", note, ""))
	}
	form := widget.NewForm(items...)
	sc.closing = &badgeIssueForm{on: on}
	sc.closing.save = newFormDialog(sc.shell, title, "保存", form, errs, func() error {
		d, err := on.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: field, Reason: err.Error()}}
		}
		if lost {
			return sc.data.LoseBadge(l.ID, d, note.Text)
		}
		return sc.data.ReturnBadge(l.ID, d)
	}, sc.reload).save
}

// badgeIssueForm lends a badge or seat plate in stock to a substitution.
type badgeIssueForm struct {
	item *widget.Select
	on   *dateField
	save *widget.Button
	// confirmLate asks before recording an issue after the substitution
	// started; nil until asked.
	confirmLate *dialog.ConfirmDialog
}

func (sc *substitutesScreen) onIssueBadge(id uint) {
	x, ok := sc.subs[id]
	if !ok {
		return
	}
	ids := map[string]uint{}
	var opts []string
	for _, b := range sc.inventory {
		if b.State == models.BadgeInStock {
			label := b.Item.No + "（" + b.Item.Kind + "）"
			opts = append(opts, label)
			ids[label] = b.Item.ID
		}
	}
	sortChinese(opts)
	if len(opts) == 0 {
		showError("没有可发放的挂牌或座牌", &models.RefusedError{Reason: "所有挂牌、座牌都已发出或遗失：请先收回，或在“挂牌座牌”中新增。"}, sc.shell.win)
		return
	}
	f := &badgeIssueForm{}
	errs := newFormErrors()
	f.item = newSelect(opts, nil)
	f.item.PlaceHolder = "请选择在库的挂牌或座牌"
	f.on = newDateField(sc.shell.win)
	on := sc.data.Today()
	if on.Before(x.From) {
		on = x.From
	}
	if on.After(x.To) { // registering afterwards what was handed out
		on = x.To
	}
	f.on.SetDate(on)
	form := widget.NewForm(
		widget.NewFormItem("领用人", widget.NewLabel(fmt.Sprintf("%s（替 %s，%s）", x.Name, x.Covered.Name, x.Span()))),
		errs.item("编号", f.item, "同一块挂牌或座牌未归还前不能再发"),
		errs.item("领用日期", f.on, ""),
	)
	sc.issue = f
	confirmed := models.Date{} // the late date the user confirmed
	f.save = newFormDialog(sc.shell, "发放挂牌/座牌", "发放", form, errs, func() error {
		d, err := f.on.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "领用日期", Reason: err.Error()}}
		}
		if f.item.Selected == "" {
			return models.FieldErrors{{Field: "编号", Reason: "请选择要发放的挂牌或座牌"}}
		}
		if models.IssuedLate(x, d) && d != confirmed && !d.After(x.To) {
			f.confirmLate = dialog.NewConfirm("事后发放", fmt.Sprintf("%s 的替岗已于 %s 开始，临时工作挂牌和座牌应在上岗前领取。\n领用日期 %s 晚于开始日期，将登记为“事后发放”并记入操作日志。确定发放吗？",
				x.Name, x.From, d), func(ok bool) {
				if ok {
					confirmed = d
					f.save.OnTapped()
				}
			}, sc.shell.win)
			f.confirmLate.SetConfirmText("确定，事后发放")
			f.confirmLate.SetDismissText("取消")
			f.confirmLate.Show()
			return errAwaitingConfirm
		}
		_, err = sc.data.IssueBadge(ids[f.item.Selected], x.ID, d, "")
		return err
	}, sc.reload).save
}
