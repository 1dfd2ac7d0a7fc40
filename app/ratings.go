package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// ratingsData is what 评价表扬 needs: the ratings with their 满意率 and
// rectification, the commendations, the roster for the forms, the 整改通知,
// imports and exports.
type ratingsData interface {
	clock
	Ratings(models.RatingFilter) ([]models.Rating, error)
	RatingsPage(f models.RatingFilter, o models.PageOrder, offset, limit int) ([]models.Rating, error)
	CountRatings(models.RatingFilter) (int, error)
	SatisfactionByMonth(month string, byStaff bool) ([]models.Satisfaction, error)
	SetRectification(id uint, status, measures string, on models.Date) error
	Commendations(models.CommendationFilter) ([]models.Commendation, error)
	SaveCommendation(*models.Commendation) error
	DeleteCommendation(id uint) error
	StaffList() ([]models.Staff, error)
	conductPrinter
	importer
	exporter
}

// ratingsScreen is 评价表扬: 满意率 per window or person for a month, every
// rating (评价明细, read a page at a time), the rectification ledger of 差评,
// and the commendations.
type ratingsScreen struct {
	shell *shell
	data  ratingsData
	tabs  *container.AppTabs

	months map[string]models.Date
	month  *widget.Select
	by     *widget.RadioGroup
	rates  *recordTable

	// 评价明细: the ratings the month, the level and the search select
	all      *recordTable
	aMonth   *widget.Select
	aLevel   *widget.Select
	aShown   models.RatingFilter
	aTabItem *container.TabItem

	ledgerTab *container.TabItem
	ledger    *recordTable
	rByID     map[uint]models.Rating
	rState    *widget.Select
	rMarks    map[uint]widget.Importance
	rWork     *widget.Button
	rDone     *widget.Button
	rInvalid  *widget.Button
	rPrint    *widget.Button

	commends *recordTable
	mByID    map[uint]models.Commendation
	mMonth   *widget.Select
	mAdd     *widget.Button
	mDel     *widget.Button

	box fyne.CanvasObject
}

const byWindow, byPerson = "按窗口", "按人员"
const overdueItems = "已超期"

var rateColumns = []column{{"编号", 70}, {"名称", 200}, {"评价数", 64}, {"非常满意", 70}, {"满意", 56}, {"基本满意", 70}, {"不满意", 60}, {"非常不满意", 84}, {"满意率", 70}}

var allRatingColumns = []column{{"评价日期", 92}, {"窗口", 48}, {"被评价人", 110}, {"评价", 84}, {"办件编号", 170}, {"评价内容", 360}}

// allRatingSortKeys are what each column of 评价明细 sorts by.
var allRatingSortKeys = []string{models.SortRatingOn, models.SortRatingWindow, models.SortRatingStaff,
	models.SortRatingLevel, models.SortRatingCaseNo, models.SortRatingComment}

const allLevels = "全部评价"

var ledgerColumns = []column{{"评价日期", 92}, {"窗口", 48}, {"被评价人", 64}, {"评价", 84}, {"评价内容", 230},
	{"整改期限", 92}, {"整改状态", 84}, {"整改措施 / 复核意见", 280}, {"完成日期", 92}}

var commendColumns = []column{{"日期", 92}, {"工号", 72}, {"姓名", 64}, {"窗口", 48}, {"类型", 70}, {"说明", 360}}

const ledgerColDue, ledgerColState = 5, 6

func newRatingsScreen(s *shell, d ratingsData) *ratingsScreen {
	sc := &ratingsScreen{shell: s, data: d, rByID: map[uint]models.Rating{}, mByID: map[uint]models.Commendation{}, rMarks: map[uint]widget.Importance{}}
	opts, months := monthChoices(d.Today(), 0)
	sc.months = months
	sc.month = newSelect(opts[1:], func(string) { sc.reload() })
	sc.month.SetSelected(opts[1])
	sc.by = widget.NewRadioGroup([]string{byWindow, byPerson}, func(string) { sc.reload() })
	sc.by.Horizontal = true
	sc.by.SetSelected(byWindow)
	sc.rates = newRecordTable(rateColumns, "搜索编号、名称", nil)
	rateTab := container.NewBorder(container.NewHBox(widget.NewLabel("月份"), sc.month, sc.by, layoutSpacer(),
		widget.NewButtonWithIcon("导入好差评", theme.UploadIcon(), func() { importFile(s, d, "ratings", "好差评", sc.reload) }),
		widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() { exportFile(s, d, "ratings", "好差评") })),
		wrapLabel("满意率 =（非常满意 + 满意 + 基本满意）÷ 评价数；没有署名到人的评价只计入窗口。"), nil, nil, sc.rates.layout())

	sc.all = newRecordTable(allRatingColumns, "搜索窗口、人员、办件编号、评价内容", nil)
	sc.aMonth = newSelect(opts, func(string) { sc.reloadAll() })
	sc.aMonth.SetSelected(opts[1])
	sc.aLevel = newSelect(append([]string{allLevels}, models.RatingLevels...), func(string) { sc.reloadAll() })
	sc.aLevel.SetSelected(allLevels)
	allTab := container.NewBorder(container.NewHBox(widget.NewLabel("月份"), sc.aMonth, widget.NewLabel("评价"), sc.aLevel),
		nil, nil, nil, sc.all.layout())

	sc.ledger = newRecordTable(ledgerColumns, "搜索窗口、人员、评价内容", func(uint) { sc.setButtons() })
	sc.ledger.styleCells(func(id uint, col int) widget.Importance {
		if col == ledgerColDue || col == ledgerColState {
			return sc.rMarks[id]
		}
		return widget.MediumImportance
	})
	sc.ledger.onQuery(sc.setButtons)
	sc.rState = newSelect(append([]string{allStatuses, overdueItems}, models.RectifyStates...), func(string) { sc.reload() })
	sc.rState.SetSelected(allStatuses)
	sc.rWork = widget.NewButtonWithIcon("开始整改", theme.MediaPlayIcon(), func() { sc.onRectify(models.RectifyWorking) })
	sc.rDone = widget.NewButtonWithIcon("整改完成", theme.ConfirmIcon(), func() { sc.onRectify(models.RectifyDone) })
	sc.rInvalid = widget.NewButtonWithIcon("认定无效差评", theme.CancelIcon(), func() { sc.onRectify(models.RectifyInvalid) })
	sc.rPrint = widget.NewButtonWithIcon("印制整改通知", theme.DocumentPrintIcon(), func() {
		if r, ok := sc.rByID[sc.ledger.selected]; ok {
			printConduct(s, d, printRectify, r.ID, r.Window.Code+"窗口")
		}
	})
	ledgerTab := container.NewBorder(container.NewHBox(widget.NewLabel("整改状态"), sc.rState, layoutSpacer(),
		sc.rWork, sc.rDone, sc.rInvalid, sc.rPrint), nil, nil, nil, sc.ledger.layout())

	sc.commends = newRecordTable(commendColumns, "搜索姓名、工号、说明", func(uint) { sc.setButtons() })
	sc.commends.onQuery(sc.setButtons)
	sc.mMonth = newSelect(opts, func(string) { sc.reload() })
	sc.mMonth.SetSelected(allMonths)
	sc.mAdd = widget.NewButtonWithIcon("登记表扬", theme.ContentAddIcon(), sc.onCommend)
	sc.mDel = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), sc.onDeleteCommend)
	commendTab := container.NewBorder(container.NewHBox(widget.NewLabel("月份"), sc.mMonth, sc.mAdd, sc.mDel, layoutSpacer(),
		widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { importFile(s, d, "commendations", "表扬", sc.reload) }),
		widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() { exportFile(s, d, "commendations", "表扬") })),
		nil, nil, nil, sc.commends.layout())

	sc.aTabItem = container.NewTabItem("评价明细", allTab)
	sc.ledgerTab = container.NewTabItem("差评整改台账", ledgerTab)
	sc.tabs = container.NewAppTabs(container.NewTabItem("满意率", rateTab), sc.aTabItem, sc.ledgerTab, container.NewTabItem("表扬", commendTab))
	sc.box = container.NewBorder(widget.NewLabelWithStyle("评价表扬", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, sc.tabs)
	sc.setButtons()
	sc.reload()
	return sc
}

// reloadAll reads 评价明细 again for the month and level chosen: its count
// and the pages drawn, from the store.
func (sc *ratingsScreen) reloadAll() {
	if sc.box == nil {
		return // still being built
	}
	f := models.RatingFilter{}
	f.From, f.To = monthSpan(sc.months, sc.aMonth.Selected)
	if l := sc.aLevel.Selected; l != allLevels {
		f.Level = l
	}
	sc.aShown = f
	if sc.all.pager == nil {
		sc.all.setPager(&pager{page: sc.allPage, count: sc.allCount, failed: func(err error) {
			showError("无法读取评价", err, sc.shell.win)
		}})
		return
	}
	sc.all.reload()
}

// allPage reads a page of 评价明细: newest first, or in the order of the
// column sorted by.
func (sc *ratingsScreen) allPage(words []string, sortCol int, desc bool, offset, limit int) ([]record, error) {
	f := sc.aShown
	f.Words = words
	var o models.PageOrder
	if sortCol >= 0 && sortCol < len(allRatingSortKeys) {
		o = models.PageOrder{By: allRatingSortKeys[sortCol], Desc: desc}
	}
	rs, err := sc.data.RatingsPage(f, o, offset, limit)
	if err != nil {
		return nil, err
	}
	out := make([]record, len(rs))
	for i, r := range rs {
		out[i] = record{id: r.ID, cells: []string{r.On.String(), r.Window.Code, r.StaffLabel(), r.Level, r.CaseNo, r.Comment}}
	}
	return out, nil
}

// allCount counts the ratings of the month and level chosen, and those the
// search words leave.
func (sc *ratingsScreen) allCount(words []string) (shown, total int, err error) {
	total, err = sc.data.CountRatings(sc.aShown)
	if err != nil || len(words) == 0 {
		return total, total, err
	}
	f := sc.aShown
	f.Words = words
	shown, err = sc.data.CountRatings(f)
	return shown, total, err
}

func (sc *ratingsScreen) content() fyne.CanvasObject { return sc.box }

func (sc *ratingsScreen) setButtons() {
	r, ok := sc.rByID[sc.ledger.selected]
	open := ok && (r.RectifyStatus == models.RectifyPending || r.RectifyStatus == models.RectifyWorking)
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(sc.rWork, ok && r.RectifyStatus == models.RectifyPending)
	enable(sc.rDone, open)
	enable(sc.rInvalid, open)
	enable(sc.rPrint, ok)
	_, m := sc.mByID[sc.commends.selected]
	enable(sc.mDel, m)
}

func (sc *ratingsScreen) reload() {
	if sc.box == nil {
		return // still being built
	}
	first := sc.months[sc.month.Selected]
	month := models.MonthOf(first)
	byStaff := sc.by.Selected == byPerson
	rf := models.RatingFilter{Bad: true}
	today := sc.data.Today()
	switch st := sc.rState.Selected; st {
	case allStatuses, "":
	case overdueItems:
		rf.Overdue = today
	default:
		rf.Rectify = st
	}
	mf := models.CommendationFilter{}
	mf.From, mf.To = monthSpan(sc.months, sc.mMonth.Selected)
	var tally []models.Satisfaction
	var items []models.Rating
	var ms []models.Commendation
	sc.shell.async(func() (err error) {
		if tally, err = sc.data.SatisfactionByMonth(month, byStaff); err != nil {
			return err
		}
		if items, err = sc.data.Ratings(rf); err != nil {
			return err
		}
		ms, err = sc.data.Commendations(mf)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取评价和表扬", err, sc.shell.win)
			return
		}
		recs := make([]record, len(tally))
		for i, x := range tally {
			c := x.Counts
			recs[i] = record{id: uint(i + 1), cells: []string{x.Key, x.Name, fmt.Sprint(x.Rated), fmt.Sprint(c[models.RatingVeryGood]),
				fmt.Sprint(c[models.RatingGood]), fmt.Sprint(c[models.RatingFair]), fmt.Sprint(c[models.RatingPoor]),
				fmt.Sprint(c[models.RatingVeryPoor]), x.RateText()}, search: x.Key + " " + x.Name}
		}
		sc.rates.setRecords(recs)

		sc.rByID, sc.rMarks = map[uint]models.Rating{}, map[uint]widget.Importance{}
		lrecs := make([]record, len(items))
		for i, r := range items {
			sc.rByID[r.ID] = r
			who := ""
			if r.Staff != nil {
				who = r.Staff.Name
			}
			state := r.RectifyStatus
			switch {
			case r.RectifyOverdue(today):
				state += "（超期）"
				sc.rMarks[r.ID] = widget.DangerImportance
			case r.RectifyStatus == models.RectifyDone:
				sc.rMarks[r.ID] = widget.SuccessImportance
			case r.RectifyStatus == models.RectifyPending || r.RectifyStatus == models.RectifyWorking:
				sc.rMarks[r.ID] = widget.WarningImportance
			}
			lrecs[len(items)-1-i] = record{id: r.ID, cells: []string{r.On.String(), r.Window.Code, who, r.Level, r.Comment,
				r.RectifyDue.String(), state, r.RectifyMeasures, r.RectifiedOn.String()},
				search: strings.Join([]string{r.Window.Code, r.Window.Name, r.StaffLabel(), r.Comment, r.RectifyMeasures}, " ")}
		}
		sc.ledger.setRecords(lrecs)

		sc.mByID = map[uint]models.Commendation{}
		mrecs := make([]record, len(ms))
		for i, m := range ms {
			sc.mByID[m.ID] = m
			mrecs[len(ms)-1-i] = record{id: m.ID, cells: []string{m.On.String(), m.Staff.EmployeeNo, m.Staff.Name, m.Staff.Window.Code, m.Kind, m.Note},
				search: strings.Join([]string{m.Staff.EmployeeNo, m.Staff.Name, m.Kind, m.Note}, " ")}
		}
		sc.commends.setRecords(mrecs)
		sc.setButtons()
	})
	sc.reloadAll()
}

func (sc *ratingsScreen) onRectify(status string) {
	r, ok := sc.rByID[sc.ledger.selected]
	if !ok {
		return
	}
	s := sc.shell
	measures := multiEntry("整改措施；认定无效差评时写明复核意见")
	measures.SetText(r.RectifyMeasures)
	date := newDateField(s.win)
	date.SetDate(sc.data.Today())
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("差评", wrapLabel(fmt.Sprintf("%s %s窗口 %s：%s（期限 %s）", r.On, r.Window.Code, r.Level, r.Comment, r.RectifyDue))),
		errs.item("整改措施", measures, ""),
		errs.item("日期", date, ""),
	)
	newFormDialog(s, status, "保存", form, errs, func() error {
		on, err := date.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "日期", Reason: err.Error()}}
		}
		return sc.data.SetRectification(r.ID, status, measures.Text, on)
	}, sc.reload)
}

func (sc *ratingsScreen) onCommend() {
	s := sc.shell
	var staff []models.Staff
	s.async(func() (err error) {
		staff, err = sc.data.StaffList()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取人员", err, s.win)
			return
		}
		labels, ids, _ := staffChoices(staff)
		person := newPicker(labels, nil)
		date := newDateField(s.win)
		date.SetDate(sc.data.Today())
		kind := newSelect(models.CommendationKinds, nil)
		kind.SetSelected(models.CommendLetter)
		note := multiEntry("如：群众来信表扬其耐心细致")
		errs := newFormErrors()
		form := widget.NewForm(errs.item("工号", person, ""), errs.item("日期", date, ""), errs.item("类型", kind, "表扬信、锦旗、媒体表扬计入考核加分"), errs.item("说明", note, ""))
		newFormDialog(s, "登记表扬", "保存", form, errs, func() error {
			on, err := date.DateValue()
			if err != nil {
				return models.FieldErrors{{Field: "日期", Reason: err.Error()}}
			}
			c := models.Commendation{StaffID: ids[person.Selected], On: on, Kind: kind.Selected, Note: note.Text}
			return sc.data.SaveCommendation(&c)
		}, sc.reload)
	})
}

func (sc *ratingsScreen) onDeleteCommend() {
	m, ok := sc.mByID[sc.commends.selected]
	if !ok {
		return
	}
	confirmDelete(sc.shell, "删除表扬", fmt.Sprintf("删除 %s %s 的%s？", m.On, m.Staff.Name, m.Kind),
		func() error { return sc.data.DeleteCommendation(m.ID) }, sc.reload)
}

// conductAlertData is what the overview's conduct alerts read.
type conductAlertData interface {
	clock
	Complaints(models.ComplaintFilter) ([]models.Complaint, error)
	Ratings(models.RatingFilter) ([]models.Rating, error)
}

// conductAlerts are the overview's lines for complaints still under
// investigation after their deadline and 差评 rectification items overdue.
func conductAlerts(d conductAlertData) ([]string, error) {
	today := d.Today()
	cs, err := d.Complaints(models.ComplaintFilter{Overdue: today})
	if err != nil {
		return nil, err
	}
	rs, err := d.Ratings(models.RatingFilter{Overdue: today})
	if err != nil {
		return nil, err
	}
	var out []string
	if len(cs) > 0 {
		out = append(out, fmt.Sprintf("· %d 件投诉已超过办理时限仍在核查中（见“违规投诉 › 投诉”）", len(cs)))
	}
	if len(rs) > 0 {
		out = append(out, fmt.Sprintf("· %d 条差评整改已超期未完成（见“评价表扬 › 差评整改台账”）", len(rs)))
	}
	return out, nil
}

// handle shows what another screen asked for: the overview's overdue
// rectification items.
func (sc *ratingsScreen) handle(r request) {
	if _, ok := r.(overdueRectifications); ok {
		sc.tabs.Select(sc.ledgerTab)
		sc.rState.SetSelected(overdueItems)
	}
}
