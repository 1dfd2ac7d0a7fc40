package app

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// scoringScreen is 评分: the month's windows and people ranked with every
// disqualification explained (月度评分), the quarter's 服务明星 candidates
// and the selection meeting (季度评选), and a chart of a window's or a
// person's monthly scores over the year (趋势).
type scoringScreen struct {
	shell *shell
	data  scoringData
	cache *scoreCache
	tabs  *container.AppTabs
	box   fyne.CanvasObject

	lastTrend *trendChart // the trend dialog last opened, for tests

	month   *monthView
	quarter *quarterView
	trend   *trendView
}

func newScoringScreen(s *shell, d scoringData) *scoringScreen {
	sc := &scoringScreen{shell: s, data: d, cache: newScoreCache()}
	sc.month = newMonthView(sc)
	sc.quarter = newQuarterView(sc)
	sc.trend = newTrendView(sc)
	sc.tabs = container.NewAppTabs(
		container.NewTabItem("月度评分", sc.month.box),
		container.NewTabItem("季度服务明星评选", sc.quarter.box),
		container.NewTabItem("得分趋势", sc.trend.box),
	)
	// the quarter and the trend are computed when first looked at
	sc.tabs.OnSelected = func(*container.TabItem) { sc.loadTab() }
	sc.box = sc.tabs
	sc.month.reload()
	return sc
}

func (sc *scoringScreen) content() fyne.CanvasObject { return sc.box }

// selectionRequest opens 评分 at a selection (the overview's alert of a
// selection to review).
type selectionRequest struct{ kind, period string }

func (selectionRequest) target() string { return "评分" }

func (sc *scoringScreen) handle(r request) {
	if pr, ok := r.(personRecords); ok {
		sc.showPerson(pr)
		return
	}
	req, ok := r.(selectionRequest)
	if !ok {
		return
	}
	if req.kind == models.SelectStar {
		var y, q int
		if _, err := fmt.Sscanf(req.period, "%dQ%d", &y, &q); err == nil {
			sc.quarter.year, sc.quarter.q = y, q
			sc.quarter.stale = true
		}
		sc.tabs.SelectIndex(1)
		sc.loadTab()
		return
	}
	if first, err := models.ParseMonth(req.period); err == nil {
		sc.tabs.SelectIndex(0)
		sc.month.inner.SelectIndex(3)
		sc.month.setMonth(first)
	}
}

// reload forgets the scores computed so far (records changed elsewhere) and
// recomputes the tab shown.
func (sc *scoringScreen) reload() {
	sc.cache.clear()
	sc.quarter.stale, sc.trend.stale = true, true
	if sc.tabs.SelectedIndex() == 0 {
		sc.month.reload()
		return
	}
	sc.month.stale = true
	sc.loadTab()
}

func (sc *scoringScreen) loadTab() {
	switch sc.tabs.SelectedIndex() {
	case 0:
		if sc.month.stale {
			sc.month.reload()
		}
	case 1:
		if sc.quarter.stale {
			sc.quarter.reload()
		}
	case 2:
		if sc.trend.stale {
			sc.trend.reload()
		}
	}
}

// scoreCache keeps the months scored, so that the trend over a year and
// going back and forth between months do not score a month twice. It is
// filled off the UI goroutine, hence the lock.
type scoreCache struct {
	mu     sync.Mutex
	months map[string]models.MonthScores
}

func newScoreCache() *scoreCache { return &scoreCache{months: map[string]models.MonthScores{}} }

func (c *scoreCache) clear() {
	c.mu.Lock()
	c.months = map[string]models.MonthScores{}
	c.mu.Unlock()
}

// get scores a month, or gives it from the cache. Call it off the UI goroutine.
func (c *scoreCache) get(d scoringData, month string) (models.MonthScores, error) {
	c.mu.Lock()
	ms, ok := c.months[month]
	c.mu.Unlock()
	if ok {
		return ms, nil
	}
	ms, err := d.ScoreMonth(month)
	if err != nil {
		return ms, err
	}
	c.mu.Lock()
	c.months[month] = ms
	c.mu.Unlock()
	return ms, nil
}

// monthView is the month's ranking: windows (满意窗口) and people, with the
// month's state (草稿 → 已封帐 → 已发布) and the rule set used.
type monthView struct {
	sc    *scoringScreen
	month models.Date // first day
	stale bool

	title, state, rules, note *widget.Label
	window                    *widget.Select
	windows, people           *recordTable
	bonus                     *bonusView
	sel                       *selectionPanel // the month's 满意窗口 selection
	inner                     *container.AppTabs

	ms      models.MonthScores
	st      models.ScoreMonthState
	rec     models.SelectionRecord
	ranks   map[uint]int // people's 名次 (0: not ranked)
	wsByID  map[uint]models.WindowScore
	psByID  map[uint]models.PersonScore
	winList []models.ServiceWindow
	loaded  bool

	detail, closeBtn, publish, reopen, export, print *widget.Button
	box                                              fyne.CanvasObject

	// the dialogs last opened, for tests
	breakdown    *breakdown
	reopenReason *widget.Entry
	reopenSave   *widget.Button
}

var scoreWindowColumns = []column{
	{"名次", 48}, {"窗口", 210}, {"得分", 70}, {"扣分", 60}, {"加分", 60}, {"满意率", 70}, {"超期天数", 76},
	{"评选资格 / 取消原因", 356}, {"满意窗口", 108}, {"同分说明", 300}, {"评选结果", 190},
}

var scorePeopleColumns = []column{
	{"名次", 48}, {"工号", 72}, {"姓名", 70}, {"窗口", 50}, {"基础分", 60}, {"扣分", 56}, {"加分", 56},
	{"得分", 64}, {"满意率", 66}, {"评选资格 / 取消原因", 320}, {"月度考核奖", 170},
}

// Columns of the tables that are coloured.
const (
	swScore     = 2
	swDeduct    = 3
	swBonus     = 4
	swOverdue   = 6
	swEligible  = 7
	swAward     = 8
	swResult    = 10
	spScore     = 7
	spDeduct    = 5
	spBonus     = 6
	spEligible  = 9
	spBonusStop = 10
)

const substituteNote = "（替岗，仅供参考）"

func newMonthView(sc *scoringScreen) *monthView {
	mv := &monthView{sc: sc, ranks: map[uint]int{}, wsByID: map[uint]models.WindowScore{}, psByID: map[uint]models.PersonScore{}}
	mv.month = openingMonth(sc.data)

	mv.windows = newRecordTable(scoreWindowColumns, "搜索窗口编号、名称、取消原因", func(uint) { mv.setButtons() })
	mv.windows.styleCells(mv.windowImportance)
	mv.windows.onQuery(mv.setButtons)
	mv.people = newRecordTable(scorePeopleColumns, "搜索姓名、工号、窗口、取消原因", func(uint) { mv.setButtons() })
	mv.people.styleCells(mv.personImportance)
	mv.people.onQuery(mv.setButtons)
	for _, t := range []*recordTable{mv.windows, mv.people} {
		t.table.OnUnselected = func(widget.TableCellID) { mv.setButtons() }
	}

	mv.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	mv.state = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	mv.rules = widget.NewLabel("")
	mv.note = widget.NewLabel("")
	mv.note.Importance = widget.LowImportance
	mv.note.Wrapping = fyne.TextWrapWord
	prev := widget.NewButtonWithIcon("上月", theme.NavigateBackIcon(), func() { mv.step(-1) })
	next := widget.NewButtonWithIcon("下月", theme.NavigateNextIcon(), func() { mv.step(1) })
	next.IconPlacement = widget.ButtonIconTrailingText

	mv.window = newSelect([]string{allWindows}, nil)
	mv.window.SetSelected(allWindows)
	mv.window.OnChanged = func(string) { mv.showRows() }

	mv.detail = widget.NewButtonWithIcon("明细", theme.InfoIcon(), mv.onDetail)
	mv.closeBtn = widget.NewButtonWithIcon("封帐", theme.ConfirmIcon(), mv.onClose)
	mv.publish = widget.NewButtonWithIcon("发布", theme.MailSendIcon(), mv.onPublish)
	mv.reopen = widget.NewButtonWithIcon("重新打开", theme.ViewRefreshIcon(), mv.onReopen)
	mv.export = widget.NewButtonWithIcon("导出", theme.DownloadIcon(), nil)
	mv.export.OnTapped = mv.onExport
	mv.print = widget.NewButtonWithIcon("打印通报", theme.DocumentPrintIcon(), mv.onPrint)

	mv.bonus = newBonusView(mv)
	mv.sel = newSelectionPanel(sc, models.SelectWindow, mv.monthKey, func() { mv.reload() })
	mv.inner = container.NewAppTabs(
		container.NewTabItem("窗口排名（满意窗口）", mv.windows.layout()),
		container.NewTabItem("人员排名", mv.people.layout()),
		container.NewTabItem("考核奖扣发", mv.bonus.layout()),
		container.NewTabItem("满意窗口评选", container.NewVScroll(mv.sel.box)),
	)
	mv.inner.OnSelected = func(*container.TabItem) {
		mv.setButtons()
		mv.bonus.setButtons()
	}

	monthBar := container.NewHBox(prev, fixedBox(mv.title, 110), next, widget.NewSeparator(), mv.state)
	tools := container.NewHBox(mv.detail, widget.NewSeparator(), mv.closeBtn, mv.publish, mv.reopen,
		widget.NewSeparator(), mv.export, mv.print, widget.NewSeparator(), widget.NewLabel("窗口"), fixedBox(mv.window, 230))
	top := container.NewVBox(
		container.NewBorder(nil, nil, monthBar, nil, mv.rules),
		tools,
		mv.note)
	mv.box = container.NewBorder(top, nil, nil, nil, mv.inner)
	mv.setButtons()
	return mv
}

func (mv *monthView) monthKey() string { return models.MonthOf(mv.month) }

func (mv *monthView) step(months int) {
	mv.month = models.NewDate(mv.month.Year(), mv.month.Month()+time.Month(months), 1)
	mv.reload()
}

// setMonth shows another month (the trend and the quarter link here).
func (mv *monthView) setMonth(first models.Date) {
	mv.month = models.NewDate(first.Year(), first.Month(), 1)
	mv.reload()
}

// reload scores the month off the UI goroutine.
func (mv *monthView) reload() {
	mv.stale = false
	month := mv.monthKey()
	first := mv.month
	mv.title.SetText(monthTitle(first))
	var (
		ms      models.MonthScores
		st      models.ScoreMonthState
		windows []models.ServiceWindow
		stops   []models.BonusStop
		rec     models.SelectionRecord
	)
	d := mv.sc.data
	cache := mv.sc.cache
	mv.sc.shell.async(func() (err error) {
		if ms, err = cache.get(d, month); err != nil {
			return err
		}
		if st, err = d.ScoreMonthStateOf(month); err != nil {
			return err
		}
		if stops, err = d.BonusStops(month); err != nil {
			return err
		}
		if rec, err = d.SelectionOf(models.SelectWindow, month); err != nil {
			return err
		}
		windows, err = d.ServiceWindows()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法计算评分", err, mv.sc.shell.win)
			return
		}
		if mv.monthKey() != month {
			return // the user moved on meanwhile
		}
		mv.ms, mv.st, mv.winList, mv.rec = ms, st, windows, rec
		mv.sel.show(rec)
		mv.wsByID = make(map[uint]models.WindowScore, len(ms.Windows))
		for _, w := range ms.Windows {
			mv.wsByID[w.WindowID] = w
		}
		people, ranks := models.RankPeople(ms.People)
		mv.psByID = make(map[uint]models.PersonScore, len(people))
		mv.ranks = make(map[uint]int, len(people))
		for i, p := range people {
			mv.psByID[p.StaffID] = p
			mv.ranks[p.StaffID] = ranks[i]
		}
		mv.showState()
		mv.rules.SetText("评分规则：" + ms.RuleSet.Name())
		note := monthNote(first, mv.sc.data.Today(), ms.RuleSet.Scoring())
		if !ms.HasRecords && !mv.sc.data.Today().Before(first) {
			note = "本月没有任何打卡记录（可能早于开始使用本系统），以下得分不能作为评选依据；请先在“考勤”中导入打卡。"
		}
		if len(ms.Unrecorded) > 0 {
			note = models.GapsText(ms.Unrecorded) + "：这些日期暂不计考勤、不扣分；请在“考勤”中导入打卡或确认后再评选。" + note
		}
		mv.note.SetText(note)
		opts := []string{allWindows}
		for _, w := range windows {
			opts = append(opts, w.Label())
		}
		keepSelect(mv.window, opts, allWindows)
		mv.loaded = true
		mv.bonus.show(ms, stops)
		mv.showRows()
	})
}

// monthNote says what the figures are: final or still moving, and the rules.
func monthNote(first, today models.Date, r models.ScoringRules) string {
	rule := fmt.Sprintf("得分 = 基础分%s − 扣分 + 加分（每月最多%s）；满意窗口取前%d名，%s；评选须%s；“明细”列出每一分的来历",
		fmtScore(r.Base), fmtScore(r.BonusCap), r.WindowAwards, r.WindowTieRule(), r.AwardRecordRule())
	_, last := models.MonthSpan(first)
	switch {
	case today.Before(first):
		return "本月尚未开始。" + rule
	case !today.After(last):
		return "本月尚未结束，得分随记录变化。" + rule
	}
	return rule
}

// showState shows where the month stands, prominently.
func (mv *monthView) showState() {
	st := mv.st
	who := ""
	if st.By != "" || !st.At.IsZero() {
		who = strings.TrimSpace(st.By + " " + models.FormatDateTime(st.At))
	}
	switch st.State {
	case models.ScoreClosed:
		mv.state.SetText(fmt.Sprintf("已封帐（%s）：本月考勤等记录已锁定", who))
		mv.state.Importance = widget.WarningImportance
	case models.ScorePublished:
		mv.state.SetText(fmt.Sprintf("已发布（%s）", who))
		mv.state.Importance = widget.SuccessImportance
	default:
		text := "草稿：可核对后封帐"
		if st.Reason != "" {
			text = fmt.Sprintf("草稿（%s 重新打开：%s）", who, st.Reason)
		}
		mv.state.SetText(text)
		mv.state.Importance = widget.MediumImportance
	}
	mv.state.Refresh()
}

// showRows shows the windows and people the window filter selects.
func (mv *monthView) showRows() {
	var windowID uint
	if sel := mv.window.Selected; sel != allWindows && sel != "" {
		for _, w := range mv.winList {
			if w.Label() == sel {
				windowID = w.ID
			}
		}
	}
	ws := make([]record, 0, len(mv.ms.Windows))
	for _, w := range mv.ms.Windows {
		if windowID == 0 || w.WindowID == windowID {
			r := windowScoreRecord(w)
			result, _ := resultText(mv.rec, w.WindowID, w.Eligible())
			r.cells = append(r.cells, result)
			ws = append(ws, r)
		}
	}
	people, _ := models.RankPeople(mv.ms.People)
	ps := make([]record, 0, len(people))
	for _, p := range people {
		if windowID == 0 || p.WindowID == windowID {
			ps = append(ps, personScoreRecord(p, mv.ranks[p.StaffID]))
		}
	}
	mv.windows.selected, mv.people.selected = 0, 0 // until a row is selected (a saved one is, by setRecords)
	mv.windows.setRecords(ws)
	mv.people.setRecords(ps)
	mv.setButtons()
}

// rateText gives 满意率 "96.3%", or "—" without ratings.
func rateText(satisfied, rated int) string {
	r := models.SatisfactionRate(satisfied, rated)
	if r < 0 {
		return "—"
	}
	return strconv.FormatFloat(float64(int(r*10+0.5))/10, 'f', -1, 64) + "%"
}

// tidyReasons joins reasons for one cell.
func tidyReasons(list []string) string { return strings.Join(list, "；") }

func windowScoreRecord(w models.WindowScore) record {
	rank, eligible, award := "—", "有资格", ""
	switch {
	case w.Eligible():
		rank = strconv.Itoa(w.Rank)
	case len(w.Vetoes) > 0:
		eligible = "取消：" + tidyReasons(w.Reasons())
	default:
		eligible = "未达评选条件：" + tidyReasons(w.Gaps)
	}
	if w.Award {
		award = "名额内"
	}
	cells := []string{rank, w.Code + " " + w.Name, fmtScore(w.Score), fmtScore(w.Deductions), fmtScore(w.Bonus),
		rateText(w.Satisfied, w.Rated), strconv.Itoa(w.OverdueDays), eligible, award, w.Tie}
	return record{id: w.WindowID, cells: cells, search: w.Code + " " + w.Name + " " + eligible + " " + award}
}

// personVetoes are a person's disqualifications, without the one that only
// says a substitute is not ranked (the row says so already).
func personVetoes(p models.PersonScore) []string {
	var out []string
	for _, v := range p.StarVetoes {
		if !p.Resident && strings.Contains(v, "替岗") {
			continue
		}
		out = append(out, v)
	}
	return out
}

func personScoreRecord(p models.PersonScore, rank int) record {
	rankText := "—"
	if rank > 0 {
		rankText = strconv.Itoa(rank)
	}
	eligible := "有资格"
	if vetoes := personVetoes(p); len(vetoes) > 0 {
		eligible = "取消：" + tidyReasons(vetoes)
	} else if len(p.RecordGaps) > 0 {
		eligible = "未达评选条件：" + tidyReasons(p.RecordGaps)
	}
	if !p.Resident {
		eligible = substituteNote
		if vetoes := personVetoes(p); len(vetoes) > 0 {
			eligible += tidyReasons(vetoes)
		}
	}
	bonus := "正常"
	if len(p.BonusStopped) > 0 {
		bonus = "扣发：" + tidyReasons(p.BonusStopped)
	}
	cells := []string{rankText, p.EmployeeNo, p.Name, p.WindowCode, fmtScore(p.Base), fmtScore(p.Deductions), fmtScore(p.Bonus),
		fmtScore(p.Score), rateText(p.Satisfied, p.Rated), eligible, bonus}
	return record{id: p.StaffID, cells: cells, search: p.Name + " " + p.EmployeeNo + " " + p.WindowCode + " " + eligible + " " + bonus}
}

// windowImportance: 满意窗口 green, disqualified amber, deductions amber.
func (mv *monthView) windowImportance(id uint, col int) widget.Importance {
	w, ok := mv.wsByID[id]
	if !ok {
		return widget.MediumImportance
	}
	switch col {
	case swEligible:
		if !w.Eligible() {
			return widget.WarningImportance
		}
	case swAward:
		if w.Award {
			return widget.SuccessImportance
		}
	case swScore:
		if w.Award {
			return widget.SuccessImportance
		}
	case swDeduct:
		if w.Deductions > 0 {
			return widget.WarningImportance
		}
	case swBonus:
		if w.Bonus > 0 {
			return widget.SuccessImportance
		}
	case swOverdue:
		if w.OverdueDays > 0 {
			return widget.WarningImportance
		}
	case swResult:
		_, imp := resultText(mv.rec, id, w.Eligible())
		return imp
	}
	return widget.MediumImportance
}

// personImportance: substitutes dimmed, disqualification amber, the
// assessment bonus stopped red, deductions amber, bonuses green.
func (mv *monthView) personImportance(id uint, col int) widget.Importance {
	p, ok := mv.psByID[id]
	if !ok {
		return widget.MediumImportance
	}
	switch col {
	case spEligible:
		if !p.Resident {
			return widget.LowImportance
		}
		if len(personVetoes(p)) > 0 || len(p.RecordGaps) > 0 {
			return widget.WarningImportance
		}
	case spBonusStop:
		if len(p.BonusStopped) > 0 {
			return widget.DangerImportance
		}
	case spDeduct:
		if p.Deductions > 0 {
			return widget.WarningImportance
		}
	case spBonus:
		if p.Bonus > 0 {
			return widget.SuccessImportance
		}
	case spScore:
		if p.Score < p.Base {
			return widget.WarningImportance
		}
	}
	if !p.Resident {
		return widget.LowImportance
	}
	return widget.MediumImportance
}

// selectedTable is the table of the inner tab shown.
func (mv *monthView) selectedTable() *recordTable {
	if mv.inner.SelectedIndex() == 1 {
		return mv.people
	}
	return mv.windows
}

func (mv *monthView) setButtons() {
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	t := mv.selectedTable()
	picked := t.selected != 0
	if t == mv.people {
		_, ok := mv.psByID[t.selected]
		picked = picked && ok
	} else {
		_, ok := mv.wsByID[t.selected]
		picked = picked && ok
	}
	state := mv.st.State
	picked = picked && mv.inner.SelectedIndex() < 2 // the bonus list and the selection have no breakdown
	enable(mv.detail, mv.loaded && picked)
	enable(mv.closeBtn, mv.loaded && (state == models.ScoreDraft || state == ""))
	enable(mv.publish, mv.loaded && state == models.ScoreClosed)
	enable(mv.reopen, mv.loaded && (state == models.ScoreClosed || state == models.ScorePublished))
	enable(mv.export, mv.loaded)
	enable(mv.print, mv.loaded)
}

// onDetail opens the breakdown of the selected window or person.
func (mv *monthView) onDetail() {
	t := mv.selectedTable()
	if t == mv.people {
		if p, ok := mv.psByID[t.selected]; ok {
			mv.breakdown = showPersonBreakdown(mv.sc, mv.ms, p)
		}
		return
	}
	if w, ok := mv.wsByID[t.selected]; ok {
		mv.breakdown = showWindowBreakdown(mv.sc, mv.ms, w)
	}
}

func (mv *monthView) onClose() {
	title := monthTitle(mv.month)
	msg := fmt.Sprintf("确定将%s的评分封帐吗？\n封帐后本月的考勤记录锁定，得分不再变化；发布前如需更正，须重新打开并写明原因。", title)
	if _, last := models.MonthSpan(mv.month); !mv.sc.data.Today().After(last) {
		msg += "\n注意：本月尚未结束，封帐后剩余日子的考勤也不能再录入。"
	}
	confirm("封帐", msg, "封帐", mv.sc.shell.win, mv.closeMonth)
}

// closeMonth closes the month shown.
func (mv *monthView) closeMonth() {
	mv.setState(func(d scoringData, month string) error { return d.CloseScoreMonth(month) }, "不能封帐")
}

func (mv *monthView) onPublish() {
	title := monthTitle(mv.month)
	confirm("发布", fmt.Sprintf("确定发布%s的评分吗？发布的是得分和排名；满意窗口经评选会和公示后由决定命名。", title), "发布", mv.sc.shell.win, func() {
		mv.setState(func(d scoringData, month string) error { return d.PublishScoreMonth(month) }, "不能发布")
	})
}

func (mv *monthView) setState(change func(scoringData, string) error, failTitle string) {
	month := mv.monthKey()
	d := mv.sc.data
	mv.sc.shell.async(func() error { return change(d, month) }, func(err error) {
		if err != nil {
			showError(failTitle, err, mv.sc.shell.win)
			return
		}
		mv.sc.shell.changed()
		mv.sc.cache.clear()
		mv.reload()
	})
}

// onReopen re-opens the month after asking why; the reason is kept.
func (mv *monthView) onReopen() {
	month := mv.monthKey()
	reason := widget.NewMultiLineEntry()
	reason.SetMinRowsVisible(3)
	reason.SetPlaceHolder("如：补录11月12日的投诉核查结论")
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("月份", widget.NewLabel(monthTitle(mv.month))),
		errs.item("重新打开原因", reason, "必填；原因记入操作日志，本月考勤同时解锁"))
	mv.reopenReason = reason
	mv.reopenSave = newFormDialog(mv.sc.shell, "重新打开"+monthTitle(mv.month)+"评分", "重新打开", form, errs, func() error {
		return mv.sc.data.ReopenScoreMonth(month, reason.Text)
	}, func() {
		mv.sc.cache.clear()
		mv.reload()
	}).save
}

// onExport offers the month's scores as a spreadsheet or as the ranking
// bulletin PDF: the same files as govdesk export scores-month.
func (mv *monthView) onExport() {
	opt := reports.ExportOptions{Month: mv.monthKey()}
	title := monthTitle(mv.month)
	s := mv.sc.shell
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("月度评分（Excel）", func() {
			exportFileAs(s, mv.sc.data, "scores-month", title+"月度评分", opt, []string{".xlsx", ".csv"})
		}),
		fyne.NewMenuItem("月度评分（CSV）", func() {
			exportFileAs(s, mv.sc.data, "scores-month", title+"月度评分", opt, []string{".csv", ".xlsx"})
		}),
		fyne.NewMenuItem("满意窗口评比通报（PDF）", func() {
			exportFileAs(s, mv.sc.data, "scores-month", title+"满意窗口评比通报", opt, []string{".pdf"})
		}),
		fyne.NewMenuItem("满意窗口评比通报重新出具（新文号）…", func() {
			reissueBulletin(s, title+"满意窗口评比通报", func(o reports.ExportOptions) {
				exportFileAs(s, mv.sc.data, "scores-month", title+"满意窗口评比通报", o, []string{".pdf"})
			}, opt)
		}),
	)
	widget.ShowPopUpMenuAtRelativePosition(menu, s.win.Canvas(), fyne.NewPos(0, mv.export.Size().Height), mv.export)
}

// onPrint prints the ranking bulletin into the notices folder.
func (mv *monthView) onPrint() {
	month := mv.monthKey()
	what := monthTitle(mv.month) + "满意窗口评比通报"
	printScoringPaper(mv.sc.shell, mv.sc.data, what, func(path string) error { return mv.sc.data.PrintMonthRanking(month, path) })
}

// monthsBegun gives a year's months that have begun by today, in order.
func monthsBegun(year int, today models.Date) []string {
	var out []string
	for m := 1; m <= 12; m++ {
		first := models.NewDate(year, time.Month(m), 1)
		if first.After(today) {
			break
		}
		out = append(out, models.MonthOf(first))
	}
	sort.Strings(out)
	return out
}
