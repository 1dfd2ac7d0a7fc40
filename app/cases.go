package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// casesData is what the case register (办件) needs: the cases with the
// roster and calendar to show them, their changes, imports and exports, and
// each case's file with its notices.
type casesData interface {
	clock
	Cases(models.CaseFilter) ([]models.Case, error)
	CasesPage(f models.CaseFilter, o models.PageOrder, offset, limit int) ([]models.Case, error)
	CountCases(models.CaseFilter) (int, error)
	CaseNos(models.CaseFilter, models.PageOrder) ([]string, error)
	SaveCase(*models.Case) error
	CompleteCaseBy(id uint, at time.Time, result, forwardedTo, approver string) error
	ApprovalBook() (models.ApprovalBook, error)
	DeleteCase(id uint) error
	ServiceWindows() ([]models.ServiceWindow, error)
	StaffList() ([]models.Staff, error)
	importer
	exporter
	caseFileData
}

// casesScreen is the case register (办件): every application received at the
// windows, filtered by kind, window and status, with what a case needs from
// acceptance to its file — completion, the notices and their 文号.
type casesScreen struct {
	shell *shell
	data  casesData
	list  *recordTable

	// filter is what the filters above the table select; the register
	// reads a page of it at a time, and cases holds the cases read.
	filter  models.CaseFilter
	cases   map[uint]models.Case
	cal     *models.Calendar
	book    models.ApprovalBook // who may approve which case
	windows []models.ServiceWindow
	staff   []models.Staff
	today   models.Date
	// marks colours the 状态 and 超期 cells of late cases.
	marks map[uint]widget.Importance

	kind, window, status, handler *widget.Select
	windowIDs, handlerIDs         map[string]uint

	actions    []*widget.Button // enabled when a case is selected
	print      *widget.Button
	batchPrint *widget.Button
	box        fyne.CanvasObject

	form       *caseForm       // the form last opened, for tests
	file       *caseFile       // the case file last opened, for tests
	completing *caseCompletion // the 办结 dialog last opened, for tests
}

// allKinds is the kind filter's word for "no filter".
const allKinds = "全部类型"

// caseColumns are the register's columns; colStatus and colOverdue are
// highlighted for late cases. caseSortKeys are what each sorts by.
var caseColumns = []column{
	{"办件编号", 145}, {"事项名称", 150}, {"类型", 66}, {"申请人", 175}, {"窗口", 50},
	{"受理人", 64}, {"受理时间", 128}, {"办结期限", 90}, {"状态", 168}, {"超期", 45},
}

var caseSortKeys = []string{models.SortCaseNo, models.SortCaseMatter, models.SortCaseKind, models.SortCaseApplicant,
	models.SortCaseWindow, models.SortCaseStaff, models.SortCaseReceived, models.SortCaseDue, models.SortCaseCompleted, models.SortCaseDue}

const (
	colStatus  = 8
	colOverdue = 9
)

func newCasesScreen(s *shell, d casesData) *casesScreen {
	sc := &casesScreen{shell: s, data: d, cases: map[uint]models.Case{}, marks: map[uint]widget.Importance{}, windowIDs: map[string]uint{}}
	sc.list = newRecordTable(caseColumns, "搜索办件编号、事项、申请人、受理人", func(uint) { sc.setActions(true) })
	sc.list.styleCells(func(id uint, col int) widget.Importance {
		if col == colStatus || col == colOverdue {
			return sc.marks[id]
		}
		return widget.MediumImportance
	})
	sc.list.onQuery(func() { sc.setActions(false) })

	sc.kind = newSelect(append([]string{allKinds}, models.CaseKinds...), nil)
	sc.kind.SetSelected(allKinds)
	sc.window = newSelect([]string{allWindows}, nil)
	sc.window.SetSelected(allWindows)
	sc.status = newSelect(append([]string{allStatuses}, models.CaseStatuses...), nil)
	sc.status.SetSelected(allStatuses)
	sc.handler = newSelect([]string{allHandlers}, nil)
	sc.handler.SetSelected(allHandlers)
	for _, f := range []*widget.Select{sc.kind, sc.window, sc.status, sc.handler} {
		f.OnChanged = func(string) { sc.reload() }
	}
	sc.list.setFilters(func() bool {
		return sc.kind.Selected != allKinds || sc.window.Selected != allWindows ||
			sc.status.Selected != allStatuses || sc.handler.Selected != allHandlers
	}, func() {
		sc.kind.SetSelected(allKinds)
		sc.window.SetSelected(allWindows)
		sc.status.SetSelected(allStatuses)
		sc.handler.SetSelected(allHandlers)
	})

	add := widget.NewButtonWithIcon("新增办件", theme.ContentAddIcon(), sc.onAdd)
	edit := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { sc.onEdit(sc.list.selected) })
	complete := widget.NewButtonWithIcon("办结", theme.ConfirmIcon(), func() { sc.onComplete(sc.list.selected) })
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { sc.onDelete(sc.list.selected) })
	file := widget.NewButtonWithIcon("档案", theme.FolderOpenIcon(), func() { sc.onFile(sc.list.selected) })
	sc.list.openWith(file) // a case's row opens its file, where everything about it is
	sc.print = widget.NewButtonWithIcon("印制", theme.DocumentPrintIcon(), nil)
	sc.print.OnTapped = func() {
		showNoticeMenu(sc.shell, sc.print, func(kind string) { sc.onPrint(sc.list.selected, kind) })
	}
	sc.batchPrint = widget.NewButtonWithIcon("批量印制", theme.DocumentPrintIcon(), nil)
	sc.batchPrint.OnTapped = func() { showNoticeMenu(sc.shell, sc.batchPrint, sc.onBatchPrint) }
	sc.actions = []*widget.Button{edit, complete, del, file, sc.print}
	imp := widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { importFile(s, d, "cases", "办件", sc.reload) })
	exp := widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() { exportFile(s, d, "cases", "办件") })

	head := listHead{
		actions: objs(add, edit, complete, del, file),
		files:   objs(sc.print, sc.batchPrint, imp, exp),
		filters: objs(widget.NewLabel("类型"), sc.kind, widget.NewLabel("窗口"), sc.window,
			widget.NewLabel("受理人"), sc.handler, widget.NewLabel("状态"), sc.status),
	}
	sc.box = head.over(sc.list.layout())
	sc.setActions(false)
	sc.reload()
	return sc
}

func (sc *casesScreen) content() fyne.CanvasObject { return sc.box }

func (sc *casesScreen) setActions(on bool) {
	for _, b := range sc.actions {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// reload reads the cases the filters select, with the calendar that says
// which are late, off the UI goroutine.
func (sc *casesScreen) reload() {
	filter := models.CaseFilter{}
	if k := sc.kind.Selected; k != allKinds {
		filter.Kind = k
	}
	if st := sc.status.Selected; st != allStatuses {
		filter.Status = st
	}
	windowLabel := sc.window.Selected
	if windowLabel != allWindows {
		filter.WindowID = sc.windowIDs[windowLabel]
	}
	handlerLabel := sc.handler.Selected
	if handlerLabel != allHandlers {
		filter.StaffID = sc.handlerIDs[handlerLabel]
	}
	today := sc.data.Today()
	filter.Today = today
	var (
		cal     *models.Calendar
		book    models.ApprovalBook
		windows []models.ServiceWindow
		staff   []models.Staff
	)
	d := sc.data
	sc.shell.async(func() (err error) {
		if cal, err = d.Calendar(); err != nil {
			return err
		}
		if windows, err = d.ServiceWindows(); err != nil {
			return err
		}
		if book, err = d.ApprovalBook(); err != nil {
			return err
		}
		staff, err = d.StaffList()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取办件", err, sc.shell.win)
			return
		}
		sc.cal, sc.book, sc.windows, sc.staff, sc.today = cal, book, windows, staff, today
		sc.setWindowOptions(windowLabel)
		sc.setHandlerOptions(handlerLabel)
		sc.filter = filter
		sc.cases = map[uint]models.Case{}
		sc.marks = map[uint]widget.Importance{}
		sc.setActions(false) // until a row is selected (a saved one is, by reload)
		if sc.list.pager == nil {
			sc.list.setPager(&pager{page: sc.page, count: sc.count, failed: func(err error) {
				showError("无法读取办件", err, sc.shell.win)
			}})
		} else {
			sc.list.reload()
		}
		sc.batchPrint.Enable()
		if sc.list.length() == 0 {
			sc.batchPrint.Disable()
		}
	})
}

// page reads a page of the register: the cases the filters and the search
// words select, in the order of the column sorted by.
func (sc *casesScreen) page(words []string, sortCol int, desc bool, offset, limit int) ([]record, error) {
	f := sc.filter
	f.Words = words
	cases, err := sc.data.CasesPage(f, caseOrder(sortCol, desc), offset, limit)
	if err != nil {
		return nil, err
	}
	rs := make([]record, len(cases))
	for i, c := range cases {
		sc.cases[c.ID] = c
		r, mark := caseRecord(c, sc.cal, sc.today)
		if mark != widget.MediumImportance {
			sc.marks[c.ID] = mark
		}
		rs[i] = r
	}
	return rs, nil
}

// count counts the cases the filters and the search words select, and
// those the filters select.
func (sc *casesScreen) count(words []string) (shown, total int, err error) {
	if total, err = sc.data.CountCases(sc.filter); err != nil || len(words) == 0 {
		return total, total, err
	}
	f := sc.filter
	f.Words = words
	shown, err = sc.data.CountCases(f)
	return shown, total, err
}

// caseOrder is the store's order for the register sorted by a column.
func caseOrder(col int, desc bool) models.PageOrder {
	if col < 0 || col >= len(caseSortKeys) {
		return models.PageOrder{}
	}
	return models.PageOrder{By: caseSortKeys[col], Desc: desc}
}

// allHandlers is the 受理人 filter's "no filter" choice.
const allHandlers = "全部受理人"

// setHandlerOptions offers the staff (of the chosen window, when one is
// chosen) in the 受理人 filter, keeping the choice.
func (sc *casesScreen) setHandlerOptions(keep string) {
	opts := []string{allHandlers}
	sc.handlerIDs = map[string]uint{}
	windowID := sc.windowIDs[sc.window.Selected]
	for _, p := range sc.staff {
		if windowID != 0 && p.WindowID != windowID {
			continue
		}
		opts = append(opts, staffLabel(p))
		sc.handlerIDs[staffLabel(p)] = p.ID
	}
	sc.handler.Options = opts
	fitSelect(sc.handler)
	if _, ok := sc.handlerIDs[keep]; !ok {
		keep = allHandlers
	}
	if sc.handler.Selected != keep {
		on := sc.handler.OnChanged
		sc.handler.OnChanged = nil
		sc.handler.SetSelected(keep)
		sc.handler.OnChanged = on
	}
	sc.handler.Refresh()
}

// setWindowOptions offers the windows in the filter, keeping the choice.
func (sc *casesScreen) setWindowOptions(keep string) {
	opts := []string{allWindows}
	sc.windowIDs = map[string]uint{}
	for _, w := range sc.windows {
		opts = append(opts, w.Label())
		sc.windowIDs[w.Label()] = w.ID
	}
	sc.window.Options = opts
	fitSelect(sc.window)
	if _, ok := sc.windowIDs[keep]; !ok {
		keep = allWindows
	}
	if sc.window.Selected != keep {
		// the filter changes without reloading again
		on := sc.window.OnChanged
		sc.window.OnChanged = nil
		sc.window.SetSelected(keep)
		sc.window.OnChanged = on
	}
	sc.window.Refresh()
}

// caseRecord formats one row of the register and says how to mark it: an
// open case past its due date in red, one completed late in amber.
func caseRecord(c models.Case, cal *models.Calendar, today models.Date) (record, widget.Importance) {
	status := c.Status(today)
	late := len(c.OverdueDays(cal, today))
	overdue, mark := "", widget.MediumImportance
	if late > 0 {
		overdue = fmt.Sprint(late)
	}
	switch status {
	case models.CaseOverdue:
		mark = widget.DangerImportance
		if late > 0 {
			status = fmt.Sprintf("%s %d个工作日", status, late)
		}
	case models.CaseDoneLate:
		mark = widget.WarningImportance
	}
	return record{id: c.ID,
		cells: []string{c.No, c.Matter, c.Kind, c.Applicant, c.Window.Code, c.Staff.Name,
			models.FormatDateTime(c.ReceivedAt), c.DueOn.String(), status, overdue},
		search: c.No + " " + c.Matter + " " + c.Applicant + " " + c.Staff.Name + " " + c.Staff.EmployeeNo + " " + c.Window.Label(),
	}, mark
}

func (sc *casesScreen) onAdd() {
	if len(sc.windows) == 0 || len(sc.staff) == 0 {
		showError("还不能新增办件", models.FieldErrors{{Field: "窗口", Reason: "还没有窗口或人员：请先在“窗口”和“人员”中新增或导入"}}, sc.shell.win)
		return
	}
	sc.form = newCaseForm(sc, models.Case{Kind: models.CasePromised, ApplicantType: models.ApplicantPerson})
	sc.form.show()
}

func (sc *casesScreen) onEdit(id uint) {
	c, ok := sc.cases[id]
	if !ok {
		return
	}
	// the register lists no materials: read the whole case
	var full models.Case
	sc.shell.async(func() (err error) {
		full, err = sc.data.CaseByNo(c.No)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取办件", err, sc.shell.win)
			return
		}
		sc.form = newCaseForm(sc, full)
		sc.form.show()
	})
}

// onComplete records that a case was completed: when, with what result,
// and for a 上报件 the authority it went to.
func (sc *casesScreen) onComplete(id uint) {
	c, ok := sc.cases[id]
	if !ok {
		return
	}
	if c.Completed() {
		showError("不能办结", &models.RefusedError{Reason: fmt.Sprintf("办件 %s 已于 %s 办结（%s）；如需更正，请用“修改”。",
			c.No, models.FormatDateTime(c.CompletedTime()), c.Result)}, sc.shell.win)
		return
	}
	win := sc.shell.win
	now := sc.data.Now()
	on := newDateField(win)
	on.SetDate(models.DateOf(now))
	at := newTimeEntry()
	at.SetText(now.Format("15:04"))
	var results []string
	for _, r := range models.CaseResults {
		if r != models.ResultForwarded || c.Kind == models.CaseForwarded {
			results = append(results, r)
		}
	}
	result := newSelect(results, nil)
	result.PlaceHolder = "请选择"
	if c.Kind == models.CaseForwarded {
		result.SetSelected(models.ResultForwarded)
	} else {
		result.SetSelected(models.ResultApproved)
	}
	to := widget.NewEntry()
	to.SetPlaceHolder("上报的上级机关，如：内蒙古自治区交通运输厅")
	errs := newFormErrors()
	approver := newApproverEntry(sc.staff, c)
	items := []*widget.FormItem{
		widget.NewFormItem("办件", widget.NewLabel(c.No+" "+c.Matter)),
		widget.NewFormItem("办结期限", widget.NewLabel(c.DueOn.Chinese())),
		errs.item("办结时间", container.NewGridWithColumns(2, on, at), "日期和时刻，如 2026-11-26 与 15:30"),
		errs.item("办理结果", result, ""),
	}
	if c.Kind == models.CaseForwarded {
		items = append(items, errs.item("上报单位", to, ""))
	}
	// who may approve depends on the day of completion
	hint := func() string {
		k := c
		if when, fe := readDateTime("办结时间", on, at); len(fe) == 0 {
			k.CompletedAt = &when
		}
		return approverHint(sc.book, k)
	}
	items = append(items, errs.item("批准人", approver, hint()))
	form := widget.NewForm(items...)
	on.OnChanged = func(string) {
		if it := errs.items["批准人"]; !strings.HasPrefix(it.HintText, "✖") {
			it.HintText = hint()
			form.Refresh()
		}
	}
	sc.completing = &caseCompletion{result: result, approver: approver, offered: chiefChoices(sc.staff, c.WindowID)}
	sc.completing.save = newFormDialog(sc.shell, "办结："+c.No, "办结", form, errs, func() error {
		when, fe := readDateTime("办结时间", on, at)
		if result.Selected == "" {
			fe = append(fe, models.FieldError{Field: "办理结果", Reason: "请选择办理结果"})
		}
		if len(fe) > 0 {
			return fe
		}
		return sc.data.CompleteCaseBy(id, when, result.Selected, to.Text, approver.Text)
	}, sc.reload).save
}

// caseCompletion is the 办结 dialog last opened, for tests.
type caseCompletion struct {
	result   *widget.Select
	approver *widget.SelectEntry
	offered  []string // the names the 批准人 field offers
	save     *widget.Button
}

// newApproverEntry is the 批准人 field: any name may be typed, and the
// window's 首席代表 are offered.
func newApproverEntry(staff []models.Staff, c models.Case) *widget.SelectEntry {
	e := widget.NewSelectEntry(chiefChoices(staff, c.WindowID))
	e.SetPlaceHolder("批准人姓名；授权事项为首席代表")
	e.SetText(c.Approver)
	return e
}

// approverHint says who may approve the case, under the 批准人 field.
func approverHint(book models.ApprovalBook, c models.Case) string {
	if who := book.WhoMayApprove(c); who != "" {
		return who
	}
	return "该事项未授权首席代表，填写实际批准人；未批准的可不填"
}

func (sc *casesScreen) onDelete(id uint) {
	c, ok := sc.cases[id]
	if !ok {
		return
	}
	confirmDelete(sc.shell, "删除办件", fmt.Sprintf("确定删除办件 %s（%s，%s）吗？\n只有误录入的未办结办件可以删除；办结的办件是档案记录。", c.No, c.Matter, c.Applicant),
		func() error { return sc.data.DeleteCase(id) }, sc.reload)
}

// onPrint prints one kind of notice for the selected case.
func (sc *casesScreen) onPrint(id uint, kind string) {
	c, ok := sc.cases[id]
	if !ok {
		return
	}
	printNotice(sc.shell, sc.data, kind, []string{c.No}, printIssue, func([]models.IssuedNotice) { sc.reload() })
}

// onBatchPrint prints one kind of notice for every case the table shows,
// after saying how many.
func (sc *casesScreen) onBatchPrint(kind string) {
	nos := sc.shownCaseNos()
	if len(nos) == 0 {
		showError("没有可印制的办件", &models.RefusedError{Reason: "当前列表没有办件：请先调整筛选条件或搜索内容。"}, sc.shell.win)
		return
	}
	confirm("批量印制"+kind, fmt.Sprintf("将为当前列表中的 %d 件办件各印制一份%s，每份占用一个文号，合成一个 PDF 文件。\n确定印制吗？", len(nos), kind),
		"印制", sc.shell.win, func() { sc.batchPrintNotices(kind, nos) })
}

func (sc *casesScreen) batchPrintNotices(kind string, nos []string) {
	printNotice(sc.shell, sc.data, kind, nos, printIssue, func([]models.IssuedNotice) { sc.reload() })
}

// shownCaseNos gives the 办件编号 of the rows shown, in their order.
func (sc *casesScreen) shownCaseNos() []string {
	f := sc.filter
	f.Words = strings.Fields(sc.list.query)
	nos, err := sc.data.CaseNos(f, caseOrder(sc.list.sortCol, sc.list.sortDesc))
	if err != nil {
		showError("无法读取办件", err, sc.shell.win)
	}
	return nos
}

// onFile opens the file of a case; printing from it refreshes the register.
func (sc *casesScreen) onFile(id uint) {
	c, ok := sc.cases[id]
	if !ok {
		return
	}
	sc.file = openCaseFile(sc.shell, sc.data, c.No, sc.reload)
}

// overdueCases opens the case register filtered to the overdue cases (the
// overview's alert).
type overdueCases struct{}

func (overdueCases) target() string { return "办件" }

// handle shows what another screen asked for.
func (sc *casesScreen) handle(r request) {
	if _, ok := r.(overdueCases); ok {
		sc.status.SetSelected(models.CaseOverdue)
	}
}

// showNoticeMenu offers the kinds of notice under a button.
func showNoticeMenu(s *shell, under fyne.CanvasObject, pick func(kind string)) {
	items := make([]*fyne.MenuItem, len(models.NoticeKinds))
	for i, k := range models.NoticeKinds {
		name := k.Name
		items[i] = fyne.NewMenuItem(name, func() { pick(name) })
	}
	widget.ShowPopUpMenuAtRelativePosition(fyne.NewMenu("", items...), s.win.Canvas(),
		fyne.NewPos(0, under.Size().Height), under)
}
