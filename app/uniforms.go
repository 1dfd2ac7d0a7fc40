package app

import (
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
)

// uniformsScreen is the uniform ledger (服装): the issue ledger with each
// person's history, the summary by item and size per season and year, the
// season changes with who has not yet been issued the coming season's
// uniform, dress inspections, and the office's item and size lists with
// the people who wear a sector uniform.
type uniformsScreen struct {
	shell *shell
	data  uniformsData
	tabs  *container.AppTabs

	ledger    *recordTable
	issues    map[uint]models.UniformIssue
	kind      *widget.Select
	window    *widget.Select
	windowIDs map[string]uint
	actions   []*widget.Button

	summary      *widget.Table
	summaryRows  [][]string
	summaryTitle *widget.Label

	changes    *recordTable
	changeList map[uint]models.SeasonChange
	pending    *recordTable
	pendingFor uint
	pendingOf  map[uint]models.Staff
	pendLabel  *widget.Label
	changeActs []*widget.Button

	dress *recordTable

	items, sizes *widget.Entry
	exempt       *recordTable
	exemptions   map[uint]string

	staff   []models.Staff
	windows []models.ServiceWindow
	lists   models.UniformLists
	seasons []models.SeasonChange
	loaded  bool

	batch     *uniformBatch // the batch dialog last opened, for tests
	lastPrint string        // the file last printed, for tests
	box       fyne.CanvasObject
}

const allUniformKinds = "全部种类"

var uniformColumns = []column{
	{"发放日期", 95}, {"工号", 70}, {"姓名", 75}, {"窗口", 55}, {"种类", 65}, {"品名", 60},
	{"尺码", 80}, {"数量", 45}, {"原因", 80}, {"签收", 50}, {"季节", 150},
}

func newUniformsScreen(s *shell, d uniformsData) *uniformsScreen {
	sc := &uniformsScreen{shell: s, data: d, issues: map[uint]models.UniformIssue{}, windowIDs: map[string]uint{}}
	sc.ledger = newRecordTable(uniformColumns, "搜索姓名、工号、窗口、品名", func(uint) { sc.setActions(true) })
	sc.ledger.onQuery(func() { sc.setActions(false) })
	sc.kind = newSelect(append([]string{allUniformKinds}, models.UniformKinds...), nil)
	sc.kind.SetSelected(allUniformKinds)
	sc.window = newSelect([]string{allWindows}, nil)
	sc.window.SetSelected(allWindows)
	for _, f := range []*widget.Select{sc.kind, sc.window} {
		f.OnChanged = func(string) { sc.reload() }
	}
	sc.ledger.filterBySelects(selectFilter{sc.kind, allUniformKinds}, selectFilter{sc.window, allWindows})
	add := widget.NewButtonWithIcon("登记发放", theme.ContentAddIcon(), sc.onAdd)
	batch := widget.NewButtonWithIcon("按窗口发放", theme.ListIcon(), func() { sc.onBatch("", 0) })
	sign := widget.NewButtonWithIcon("登记签收", theme.ConfirmIcon(), func() { sc.onSign(sc.ledger.selected) })
	history := widget.NewButtonWithIcon("个人领用记录", theme.InfoIcon(), func() { sc.onHistory(sc.ledger.selected) })
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { sc.onDelete(sc.ledger.selected) })
	print := widget.NewButtonWithIcon("印制签收单", theme.DocumentPrintIcon(), sc.onPrintReceipt)
	imp := widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { importFile(s, d, "uniforms", "服装发放记录", sc.reload) })
	exp := widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() { exportFile(s, d, "uniforms", "服装发放记录") })
	sc.actions = []*widget.Button{sign, history, del}
	ledger := listHead{actions: objs(add, del, batch, sign, history), files: objs(print, imp, exp),
		filters: objs(widget.NewLabel("种类"), sc.kind, widget.NewLabel("窗口"), sc.window)}.over(sc.ledger.layout())

	sc.summaryTitle = widget.NewLabel("")
	sc.summary = widget.NewTable(func() (int, int) {
		if len(sc.summaryRows) == 0 {
			return 0, 0
		}
		return len(sc.summaryRows), len(sc.summaryRows[0])
	}, func() fyne.CanvasObject { return widget.NewLabel("2026年春秋装（秋）") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0 || id.Row == len(sc.summaryRows)-1
			l.SetText(sc.summaryRows[id.Row][id.Col])
		})
	summary := container.NewBorder(sc.summaryTitle, nil, nil, nil, sc.summary)

	sc.changes = newRecordTable([]column{{"换装日期", 100}, {"种类", 70}, {"季节", 150}, {"说明", 220}}, "搜索", func(id uint) {
		for _, b := range sc.changeActs {
			b.Enable()
		}
		sc.loadPending(id)
	})
	sc.pending = newRecordTable([]column{{"工号", 70}, {"姓名", 80}, {"窗口", 190}, {"派驻单位", 180}}, "搜索姓名、窗口", nil)
	sc.pendLabel = widget.NewLabel("选择一个换装日期，查看尚未领取该季服装的人员。")
	sc.pendLabel.Wrapping = fyne.TextWrapWord
	setDate := widget.NewButtonWithIcon("设置换装日期", theme.ContentAddIcon(), func() { sc.onSeasonChange(0) })
	editDate := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { sc.onSeasonChange(sc.changes.selected) })
	sc.changes.openWith(editDate)
	delDate := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { sc.onDeleteChange(sc.changes.selected) })
	notice := widget.NewButtonWithIcon("印制换装通知", theme.DocumentPrintIcon(), func() { sc.onPrintNotice(sc.changes.selected) })
	issuePending := widget.NewButtonWithIcon("为未领取人员发放", theme.ListIcon(), func() {
		if c, ok := sc.changeList[sc.changes.selected]; ok {
			sc.onBatch(c.Kind, c.ID)
		}
	})
	sc.changeActs = []*widget.Button{editDate, delDate, notice, issuePending}
	changes := container.NewBorder(container.NewHBox(setDate, editDate, delDate, notice), nil, nil, nil, sc.changes.layout())
	pending := container.NewBorder(container.NewVBox(sc.pendLabel, container.NewHBox(issuePending)), nil, nil, nil, sc.pending.layout())
	split := container.NewVSplit(changes, pending)
	split.Offset = 0.4

	sc.dress = newRecordTable([]column{{"日期", 95}, {"工号", 70}, {"姓名", 75}, {"窗口", 55}, {"情形", 330}, {"处理", 200}, {"记录人", 160}},
		"搜索姓名、情形", nil)
	addDress := widget.NewButtonWithIcon("登记着装检查", theme.ContentAddIcon(), sc.onDress)
	dress := container.NewBorder(container.NewVBox(container.NewHBox(addDress),
		wrapLabel("着装检查发现的问题记为“着装”类违规，与其他违规记录一样按次数递进处理并计入考核。")), nil, nil, nil, sc.dress.layout())

	sc.items, sc.sizes = widget.NewMultiLineEntry(), widget.NewMultiLineEntry()
	sc.items.SetMinRowsVisible(3)
	sc.sizes.SetMinRowsVisible(3)
	sc.items.Wrapping, sc.sizes.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	saveLists := widget.NewButtonWithIcon("保存品名和尺码", theme.DocumentSaveIcon(), sc.onSaveLists)
	sc.exempt = newRecordTable([]column{{"工号", 70}, {"姓名", 80}, {"窗口", 190}, {"派驻单位", 180}, {"行业制式服装", 220}},
		"搜索姓名、工号、单位", nil)
	toggle := widget.NewButtonWithIcon("设为/取消行业制式服装", theme.AccountIcon(), func() { sc.onExempt(sc.exempt.selected) })
	sizesItem := widget.NewFormItem("尺码", sc.sizes)
	sizesItem.HintText = "常用尺码，发放时供选择；列表外的规范尺码（如 175/92A、170/88B、160/84Y、4XL）也可直接填写"
	lists := widget.NewForm(widget.NewFormItem("品名", sc.items), sizesItem)
	settings := container.NewBorder(container.NewVBox(lists, container.NewHBox(saveLists), widget.NewSeparator(),
		wrapLabel("着行业制式服装的人员不发放中心统一服装（工作牌照发）。整个派驻单位着制式服装的，请在“派驻单位”中设置。"),
		container.NewHBox(toggle)), nil, nil, nil, sc.exempt.layout())

	sc.tabs = container.NewAppTabs(
		container.NewTabItem("发放台账", ledger), container.NewTabItem("汇总", summary),
		container.NewTabItem("换装", split), container.NewTabItem("着装检查", dress),
		container.NewTabItem("品名尺码与制式服装", settings))
	sc.box = sc.tabs
	sc.setActions(false)
	sc.reload()
	return sc
}

func (sc *uniformsScreen) content() fyne.CanvasObject { return sc.box }

func (sc *uniformsScreen) setActions(on bool) {
	for _, b := range sc.actions {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (sc *uniformsScreen) reload() {
	f := models.UniformFilter{}
	if k := sc.kind.Selected; k != allUniformKinds {
		f.Kind = k
	}
	windowLabel := sc.window.Selected
	if windowLabel != allWindows {
		f.WindowID = sc.windowIDs[windowLabel]
	}
	var (
		issues  []models.UniformIssue
		sum     models.UniformSummary
		changes []models.SeasonChange
		staff   []models.Staff
		windows []models.ServiceWindow
		lists   models.UniformLists
		exempt  map[uint]string
		dress   []models.Violation
	)
	d := sc.data
	sc.shell.async(func() (err error) {
		if issues, err = d.UniformIssues(f); err != nil {
			return err
		}
		if sum, err = d.UniformSummary(f); err != nil {
			return err
		}
		if changes, err = d.SeasonChanges(); err != nil {
			return err
		}
		if staff, err = d.StaffList(); err != nil {
			return err
		}
		if windows, err = d.ServiceWindows(); err != nil {
			return err
		}
		if lists, err = d.UniformLists(); err != nil {
			return err
		}
		if exempt, err = d.UniformExemptions(); err != nil {
			return err
		}
		dress, err = d.DressInspections()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取服装台账", err, sc.shell.win)
			return
		}
		sc.staff, sc.windows, sc.lists, sc.seasons, sc.exemptions = staff, windows, lists, changes, exempt
		sc.setWindowOptions(windowLabel)
		sc.issues = make(map[uint]models.UniformIssue, len(issues))
		rs := make([]record, 0, len(issues))
		for _, u := range issues {
			sc.issues[u.ID] = u
			season, _ := models.SeasonOf(u.Kind, u.IssuedOn, changes)
			signed := "未签"
			if u.Signed {
				signed = "已签"
			}
			rs = append(rs, record{id: u.ID,
				cells: []string{u.IssuedOn.String(), u.Staff.EmployeeNo, u.Staff.Name, u.Staff.Window.Code, u.Kind,
					u.Item, dash(u.Size), strconv.Itoa(u.Quantity), u.Reason, signed, dash(season)},
				search: u.Staff.Name + " " + u.Staff.EmployeeNo + " " + u.Staff.Window.Label() + " " + u.Item + " " + season})
		}
		sc.ledger.setRecords(rs)
		sc.setActions(false)
		sc.showSummary(sum, f)
		sc.showChanges(changes)
		sc.showDress(dress)
		sc.items.SetText(strings.Join(lists.Items, "、"))
		sc.sizes.SetText(strings.Join(lists.Sizes, "、"))
		sc.showExemptions()
		sc.loaded = true
	})
}

func (sc *uniformsScreen) setWindowOptions(keep string) {
	opts := []string{allWindows}
	sc.windowIDs = map[string]uint{}
	for _, w := range sc.windows {
		opts = append(opts, w.Label())
		sc.windowIDs[w.Label()] = w.ID
	}
	sc.window.Options = opts
	if _, ok := sc.windowIDs[keep]; !ok {
		keep = allWindows
	}
	if sc.window.Selected != keep {
		on := sc.window.OnChanged
		sc.window.OnChanged = nil
		sc.window.SetSelected(keep)
		sc.window.OnChanged = on
	}
	sc.window.Refresh()
}

// showSummary lays the summary out as rows of 种类 品名 尺码, a column per
// season and per year, and the total; the last row adds up the columns.
func (sc *uniformsScreen) showSummary(sum models.UniformSummary, f models.UniformFilter) {
	head := []string{"种类", "品名", "尺码"}
	head = append(head, sum.Seasons...)
	for _, y := range sum.Years {
		head = append(head, fmt.Sprintf("%d年合计", y))
	}
	head = append(head, "总计")
	rows := [][]string{head}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, r := range sum.Rows {
		row := []string{r.Kind, r.Item, dash(r.Size)}
		for _, s := range sum.Seasons {
			row = append(row, num(r.BySeason[s]))
		}
		for _, y := range sum.Years {
			row = append(row, num(r.ByYear[y]))
		}
		rows = append(rows, append(row, strconv.Itoa(r.Total)))
	}
	total := []string{"合计", "", ""}
	for _, s := range sum.Seasons {
		total = append(total, num(sum.SeasonTotals[s]))
	}
	for _, y := range sum.Years {
		total = append(total, num(sum.YearTotals[y]))
	}
	rows = append(rows, append(total, strconv.Itoa(sum.Total)))
	sc.summaryRows = rows
	for i := range head {
		w := float32(100)
		switch {
		case i < 3:
			w = 75
		case i >= 3 && i < 3+len(sum.Seasons):
			w = 150
		}
		sc.summary.SetColumnWidth(i, w)
	}
	scope := "全部发放记录"
	if f.Kind != "" || f.WindowID != 0 {
		scope = "按上方“发放台账”的种类、窗口筛选"
	}
	sc.summaryTitle.SetText(fmt.Sprintf("已发放数量（件）按品名和尺码汇总，分季节和年度；%s，共 %d 件。", scope, sum.Total))
	sc.summary.Refresh()
}

func (sc *uniformsScreen) showChanges(changes []models.SeasonChange) {
	sc.changeList = map[uint]models.SeasonChange{}
	rs := make([]record, len(changes))
	for i, c := range changes {
		sc.changeList[c.ID] = c
		rs[i] = record{id: c.ID, cells: []string{c.On.String(), c.Kind, c.Label(), c.Note}, search: c.Label() + " " + c.Note}
	}
	for _, b := range sc.changeActs {
		b.Disable() // until a row is selected (a saved one is, by setRecords)
	}
	sc.changes.setRecords(rs)
	// show the coming change's pending list straight away
	id := sc.pendingFor
	if _, ok := sc.changeList[id]; !ok {
		id = 0
		if c, ok := models.UpcomingSeasonChange(changes, sc.data.Today()); ok {
			id = c.ID
		}
	}
	if id != 0 {
		sc.changes.selectID(id)
		sc.loadPending(id)
	} else {
		sc.pending.setRecords(nil)
	}
}

// loadPending lists who has not yet been issued the season of a change.
func (sc *uniformsScreen) loadPending(id uint) {
	c, ok := sc.changeList[id]
	if !ok {
		return
	}
	var list []models.Staff
	sc.shell.async(func() (err error) {
		list, err = sc.data.UniformPending(id)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取未领取人员", err, sc.shell.win)
			return
		}
		sc.pendingFor = id
		sc.pendingOf = map[uint]models.Staff{}
		rs := make([]record, len(list))
		windows := map[string]bool{}
		for i, p := range list {
			sc.pendingOf[p.ID] = p
			windows[p.Window.Code] = true
			rs[i] = record{id: p.ID, cells: []string{p.EmployeeNo, p.Name, p.Window.Label(), p.HomeUnit.Name},
				search: p.Name + " " + p.EmployeeNo + " " + p.Window.Label() + " " + p.HomeUnit.Name}
		}
		sc.pending.setRecords(rs)
		sc.pendLabel.SetText(fmt.Sprintf("%s（%s 换装）：尚有 %d 人、%d 个窗口未领取。着行业制式服装的人员和临时替岗人员不在此列。",
			c.Label(), c.On.Chinese(), len(list), len(windows)))
	})
}

func (sc *uniformsScreen) showDress(list []models.Violation) {
	rs := make([]record, len(list))
	for i := len(list) - 1; i >= 0; i-- {
		v := list[i]
		step := ""
		if v.Step > 0 {
			step = fmt.Sprintf("第%d次：%s", v.Step, v.StepAction)
		}
		rs[len(list)-1-i] = record{id: v.ID, cells: []string{v.On.String(), v.Staff.EmployeeNo, v.Staff.Name, v.Window.Code,
			v.Circumstances, step, v.RecordedBy}, search: v.Staff.Name + " " + v.Staff.EmployeeNo + " " + v.Circumstances}
	}
	sc.dress.setRecords(rs)
}

func (sc *uniformsScreen) showExemptions() {
	rs := make([]record, 0, len(sc.staff))
	for _, p := range sc.staff {
		if p.Status != models.StatusOnDuty {
			continue
		}
		flag := ""
		if r, ok := sc.exemptions[p.ID]; ok {
			flag = "本人：" + dash(r)
		} else if p.HomeUnit.SectorUniform {
			flag = "派驻单位着制式服装"
		}
		rs = append(rs, record{id: p.ID, cells: []string{p.EmployeeNo, p.Name, p.Window.Label(), p.HomeUnit.Name, flag},
			search: p.Name + " " + p.EmployeeNo + " " + p.HomeUnit.Name + " " + flag})
	}
	sc.exempt.setRecords(rs)
}

// staffOptions labels the people on duty, for the forms.
func (sc *uniformsScreen) staffOptions() ([]string, map[string]models.Staff) {
	ids := map[string]models.Staff{}
	var opts []string
	for _, p := range sc.staff {
		if p.Status == models.StatusOnDuty {
			l := staffLabel(p) + " " + p.Window.Code
			opts = append(opts, l)
			ids[l] = p
		}
	}
	return opts, ids
}

// onAdd records one line of the ledger.
func (sc *uniformsScreen) onAdd() {
	opts, people := sc.staffOptions()
	errs := newFormErrors()
	person := widget.NewSelectEntry(opts)
	person.SetPlaceHolder("输入姓名或工号筛选")
	person.OnChanged = func(q string) {
		var narrowed []string
		for _, o := range opts {
			if strings.Contains(o, strings.TrimSpace(q)) {
				narrowed = append(narrowed, o)
			}
		}
		person.SetOptions(narrowed)
	}
	kind := newSelect(models.UniformKinds, nil)
	kind.SetSelected(models.UniformWinter)
	item := newSelect(sc.lists.Items, nil)
	item.PlaceHolder = "请选择"
	size := newSizeEntry(sc.lists.Sizes)
	qty := widget.NewEntry()
	qty.SetText("1")
	on := newDateField(sc.shell.win)
	on.SetDate(sc.data.Today())
	reason := newSelect(models.UniformReasons, nil)
	reason.SetSelected("换季")
	signed := widget.NewCheck("已签收", nil)
	form := widget.NewForm(errs.item("工号", person, "领用人员"), errs.item("种类", kind, ""), errs.item("品名", item, ""),
		errs.item("尺码", size, "可从列表选，也可直接填写，如 175/92A、170/88B、XL；工作牌不填"), errs.item("数量", qty, ""), errs.item("发放日期", on, ""), errs.item("原因", reason, ""),
		widget.NewFormItem("", signed))
	newFormDialog(sc.shell, "登记服装发放", "保存", form, errs, func() error {
		u := models.UniformIssue{StaffID: people[person.Text].ID, Kind: kind.Selected, Item: item.Selected,
			Reason: reason.Selected, Signed: signed.Checked}
		u.Size = size.Text
		var fe models.FieldErrors
		n, e := parseCount("数量", qty.Text)
		if e != nil {
			fe = append(fe, *e)
		}
		u.Quantity = n
		d, err := on.DateValue()
		if err != nil {
			fe = append(fe, models.FieldError{Field: "发放日期", Reason: err.Error()})
		}
		u.IssuedOn = d
		if len(fe) > 0 {
			return dedupe(append(fe, u.Validate(sc.lists)...))
		}
		return sc.data.SaveUniformIssue(&u)
	}, sc.reload)
}

func (sc *uniformsScreen) onSign(id uint) {
	u, ok := sc.issues[id]
	if !ok {
		return
	}
	// sign every unsigned line of the person on that day: one sheet
	var ids []uint
	for _, x := range sc.issues {
		if x.StaffID == u.StaffID && x.IssuedOn == u.IssuedOn && !x.Signed {
			ids = append(ids, x.ID)
		}
	}
	if len(ids) == 0 {
		dialog.ShowInformation("已签收", u.Staff.Name+" 在 "+u.IssuedOn.String()+" 领取的服装已登记签收。", sc.shell.win)
		return
	}
	confirm("登记签收", fmt.Sprintf("登记 %s 已在签收单上签名，领取了 %s 发放的 %d 项服装？", u.Staff.Name, u.IssuedOn, len(ids)), "登记", sc.shell.win, func() {
		sc.shell.async(func() error { return sc.data.SignUniformIssues(ids) }, func(err error) {
			if err != nil {
				showError("无法登记签收", err, sc.shell.win)
				return
			}
			sc.reload()
		})
	})
}

func (sc *uniformsScreen) onDelete(id uint) {
	u, ok := sc.issues[id]
	if !ok {
		return
	}
	confirmDelete(sc.shell, "删除发放记录", fmt.Sprintf("确定删除 %s %s 领取 %s %s 的记录吗？只有误录入的记录应删除。", u.Staff.Name, u.IssuedOn, u.Item, u.Size),
		func() error { return sc.data.DeleteUniformIssue(id) }, sc.reload)
}

// onHistory shows everything a person was issued.
func (sc *uniformsScreen) onHistory(id uint) {
	u, ok := sc.issues[id]
	if !ok {
		return
	}
	var list []models.UniformIssue
	sc.shell.async(func() (err error) {
		list, err = sc.data.UniformIssues(models.UniformFilter{StaffID: u.StaffID})
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取领用记录", err, sc.shell.win)
			return
		}
		rows := make([][]string, len(list))
		var ids []uint
		for i, x := range list {
			season, _ := models.SeasonOf(x.Kind, x.IssuedOn, sc.seasons)
			rows[i] = []string{x.IssuedOn.String(), x.Kind, x.Item, dash(x.Size), strconv.Itoa(x.Quantity), x.Reason, dash(season)}
			ids = append(ids, x.ID)
		}
		table := widget.NewTable(func() (int, int) { return len(rows), 7 },
			func() fyne.CanvasObject { return widget.NewLabel("") },
			func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(rows[id.Row][id.Col]) })
		for i, w := range []float32{100, 70, 70, 90, 50, 90, 160} {
			table.SetColumnWidth(i, w)
		}
		p := u.Staff
		print := widget.NewButtonWithIcon("印制本人签收单", theme.DocumentPrintIcon(), func() {
			printInternal(sc.shell, sc.data, "服装领用签收单", p.Name, func(path string) error {
				return sc.data.PrintUniformReceipt(ids, path)
			}, func(path string) { sc.lastPrint = path })
		})
		head := wrapLabel(fmt.Sprintf("%s（%s，%s）共领用 %d 次。", p.Name, p.EmployeeNo, p.Window.Label(), len(rows)))
		d := dialog.NewCustom(p.Name+" 的服装领用记录", "关闭", container.NewBorder(container.NewVBox(head, container.NewHBox(print)), nil, nil, nil, table), sc.shell.win)
		d.Resize(fyne.NewSize(760, 560))
		d.Show()
	})
}

// onPrintReceipt prints the signed-for sheet of the lines shown: one
// person's sheet, or the batch sheet of a season for a window.
func (sc *uniformsScreen) onPrintReceipt() {
	ids := sc.ledger.shownIDs()
	if len(ids) == 0 {
		showError("没有可印制的记录", &models.RefusedError{Reason: "当前列表没有发放记录：请先调整筛选条件或搜索内容。"}, sc.shell.win)
		return
	}
	people := map[uint]bool{}
	for _, id := range ids {
		people[sc.issues[id].StaffID] = true
	}
	run := func() {
		printInternal(sc.shell, sc.data, "服装领用签收单", fmt.Sprintf("%d人", len(people)), func(path string) error {
			return sc.data.PrintUniformReceipt(ids, path)
		}, func(path string) { sc.lastPrint = path })
	}
	if len(ids) > 60 {
		confirm("印制签收单", fmt.Sprintf("当前列表有 %d 条记录、%d 人，将全部印在一份签收单上。\n可先用种类、窗口筛选或搜索日期缩小范围。确定印制吗？", len(ids), len(people)), "印制", sc.shell.win, run)
		return
	}
	run()
}

func (sc *uniformsScreen) onSeasonChange(id uint) {
	c := sc.changeList[id]
	errs := newFormErrors()
	kind := newSelect(models.SeasonKinds, nil)
	kind.SetSelected(c.Kind)
	on := newDateField(sc.shell.win)
	on.SetDate(c.On)
	note := widget.NewEntry()
	note.SetText(c.Note)
	note.SetPlaceHolder("印在换装通知末尾，可不填")
	form := widget.NewForm(errs.item("种类", kind, ""), errs.item("换装日期", on, "自该日起统一换装"), errs.item("说明", note, ""))
	title := "设置换装日期"
	if id != 0 {
		title = "修改换装日期"
	}
	newFormDialog(sc.shell, title, "保存", form, errs, func() error {
		d, err := on.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "换装日期", Reason: err.Error()}}
		}
		c.Kind, c.On, c.Note = kind.Selected, d, note.Text
		if err := sc.data.SaveSeasonChange(&c); err != nil {
			return err
		}
		sc.pendingFor = c.ID
		return nil
	}, sc.reload)
}

func (sc *uniformsScreen) onDeleteChange(id uint) {
	c, ok := sc.changeList[id]
	if !ok {
		return
	}
	confirmDelete(sc.shell, "删除换装日期", "确定删除 "+c.Label()+"（"+c.On.String()+"）的换装日期吗？",
		func() error { return sc.data.DeleteSeasonChange(id) }, sc.reload)
}

func (sc *uniformsScreen) onPrintNotice(id uint) {
	c, ok := sc.changeList[id]
	if !ok {
		return
	}
	printInternal(sc.shell, sc.data, "换装通知", c.Label(), func(path string) error {
		return sc.data.PrintSeasonNotice(id, path)
	}, func(path string) { sc.lastPrint = path })
}

func (sc *uniformsScreen) onSaveLists() {
	l := models.UniformLists{Items: models.SplitList(sc.items.Text), Sizes: models.SplitList(sc.sizes.Text)}
	sc.shell.async(func() error { return sc.data.SaveUniformLists(l) }, func(err error) {
		if err != nil {
			showError("无法保存品名和尺码", err, sc.shell.win)
			return
		}
		dialog.ShowInformation("已保存", fmt.Sprintf("品名 %d 个，尺码 %d 个。", len(l.Items), len(l.Sizes)), sc.shell.win)
		sc.reload()
	})
}

func (sc *uniformsScreen) onExempt(staffID uint) {
	var p models.Staff
	for _, x := range sc.staff {
		if x.ID == staffID {
			p = x
		}
	}
	if p.ID == 0 {
		return
	}
	if _, ok := sc.exemptions[staffID]; ok {
		confirm("取消行业制式服装", "取消后 "+p.Name+" 将按中心统一服装发放。确定取消吗？", "取消标记", sc.shell.win, func() {
			sc.shell.async(func() error { return sc.data.SetUniformExempt(staffID, false, "") }, func(err error) {
				if err != nil {
					showError("无法取消", err, sc.shell.win)
					return
				}
				sc.reload()
			})
		})
		return
	}
	errs := newFormErrors()
	reason := widget.NewEntry()
	reason.SetPlaceHolder("如：着税务制式服装")
	form := widget.NewForm(widget.NewFormItem("人员", widget.NewLabel(staffLabel(p))), errs.item("说明", reason, ""))
	newFormDialog(sc.shell, "设为行业制式服装", "保存", form, errs, func() error {
		return sc.data.SetUniformExempt(staffID, true, reason.Text)
	}, sc.reload)
}

// onDress records a dress-inspection finding against a person.
func (sc *uniformsScreen) onDress() {
	opts, people := sc.staffOptions()
	errs := newFormErrors()
	person := newPicker(opts, nil)
	person.PlaceHolder = "请选择"
	on := newDateField(sc.shell.win)
	on.SetDate(sc.data.Today())
	finding := newSelect(models.DressFindings, nil)
	finding.PlaceHolder = "请选择"
	detail := widget.NewEntry()
	detail.SetPlaceHolder("如：上午巡查时着便装上衣")
	inspector := widget.NewEntry()
	inspector.SetText(sc.data.Operator())
	evidence := widget.NewEntry()
	evidence.SetPlaceHolder("如：巡查照片编号")
	form := widget.NewForm(errs.item("工号", person, "被检查人员"), errs.item("日期", on, ""), errs.item("发现问题", finding, ""),
		errs.item("情形", detail, ""), errs.item("记录人", inspector, ""), errs.item("证据", evidence, ""))
	newFormDialog(sc.shell, "登记着装检查", "保存", form, errs, func() error {
		d, err := on.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "日期", Reason: err.Error()}}
		}
		_, err = sc.data.RecordDressInspection(models.DressInspection{StaffID: people[person.Selected].ID, On: d,
			Finding: finding.Selected, Detail: detail.Text, Inspector: inspector.Text, Evidence: evidence.Text})
		return err
	}, sc.reload)
}

// lastSizes gives each person's latest size of each item, to prefill a
// batch issue.
func lastSizes(issues map[uint]models.UniformIssue) map[uint]map[string]string {
	list := make([]models.UniformIssue, 0, len(issues))
	for _, u := range issues {
		list = append(list, u)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].IssuedOn.Before(list[j].IssuedOn) })
	out := map[uint]map[string]string{}
	for _, u := range list {
		if out[u.StaffID] == nil {
			out[u.StaffID] = map[string]string{}
		}
		if u.Size != "" {
			out[u.StaffID][u.Item] = u.Size
		}
	}
	return out
}
