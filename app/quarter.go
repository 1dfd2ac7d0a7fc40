package app

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// quarterView is the quarter's 服务明星 selection: resident staff ranked by
// the mean of their monthly scores, the disqualified with the reason, and
// the selection's steps (selection.go) from the shortlist through the
// meeting and the 公示 to the decision, with each candidate's result.
type quarterView struct {
	sc    *scoringScreen
	year  int
	q     int // 1…4
	stale bool

	title, rules *widget.Label
	list         *recordTable
	sel          *selectionPanel

	qs     models.QuarterScores
	rec    models.SelectionRecord
	byID   map[uint]models.StarCandidate
	loaded bool

	detail, export *widget.Button
	box            fyne.CanvasObject
}

// Columns of the quarter table; 3, 4, 5 are the quarter's months.
var quarterColumns = []column{
	{"名次", 48}, {"工号", 72}, {"姓名", 70}, {"窗口", 50}, {"月1", 62}, {"月2", 62}, {"月3", 62},
	{"平均分", 64}, {"满意率", 66}, {"办结", 50}, {"评选资格 / 取消原因", 220}, {"服务明星", 80}, {"评选结果", 190},
	{"同分说明", 260},
}

const (
	qcMonth1   = 4
	qcMean     = 7
	qcEligible = 10
	qcAward    = 11
	qcDecision = 12
)

func newQuarterView(sc *scoringScreen) *quarterView {
	qv := &quarterView{sc: sc, stale: true, byID: map[uint]models.StarCandidate{}}
	qv.year, qv.q = openingQuarter(sc.data.Today())

	qv.list = newRecordTable(append([]column(nil), quarterColumns...), "搜索姓名、工号、窗口、取消原因", func(uint) { qv.setButtons() })
	qv.list.styleCells(qv.importance)
	qv.list.onQuery(qv.setButtons)

	qv.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	qv.rules = wrapLabel("")
	qv.rules.Importance = widget.LowImportance
	prev := widget.NewButtonWithIcon("上一季度", theme.NavigateBackIcon(), func() { qv.step(-1) })
	next := widget.NewButtonWithIcon("下一季度", theme.NavigateNextIcon(), func() { qv.step(1) })
	next.IconPlacement = widget.ButtonIconTrailingText

	qv.detail = widget.NewButtonWithIcon("明细", theme.InfoIcon(), qv.onDetail)
	qv.export = widget.NewButtonWithIcon("导出", theme.DownloadIcon(), qv.onExport)
	qv.sel = newSelectionPanel(sc, models.SelectStar, qv.key, func() { qv.stale = true; qv.reload() })

	bar := container.NewHBox(prev, fixedBox(qv.title, 150), next, widget.NewSeparator(), qv.detail, qv.export)
	top := container.NewVBox(bar, qv.rules, qv.sel.box)
	qv.box = container.NewBorder(top, nil, nil, nil, qv.list.layout())
	qv.setButtons()
	return qv
}

// key gives "2026Q4".
func (qv *quarterView) key() string { return fmt.Sprintf("%04dQ%d", qv.year, qv.q) }

func (qv *quarterView) step(n int) {
	i := qv.year*4 + qv.q - 1 + n
	qv.year, qv.q = i/4, i%4+1
	qv.reload()
}

// reload scores the quarter and reads the meeting's decision off the UI goroutine.
func (qv *quarterView) reload() {
	qv.stale = false
	quarter := qv.key()
	qv.title.SetText(reports.QuarterTitle(quarter))
	months, err := models.ParseQuarter(quarter)
	if err != nil {
		showError("季度无法识别", err, qv.sc.shell.win)
		return
	}
	for i, m := range months {
		d, _ := models.ParseMonth(m)
		qv.list.cols[qcMonth1+i].title = fmt.Sprintf("%d月", int(d.Month()))
	}
	var (
		qs  models.QuarterScores
		rec models.SelectionRecord
	)
	d := qv.sc.data
	qv.sc.shell.async(func() (err error) {
		if qs, err = d.ScoreQuarter(quarter); err != nil {
			return err
		}
		rec, err = d.SelectionOf(models.SelectStar, quarter)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法计算季度评分", err, qv.sc.shell.win)
			return
		}
		if qv.key() != quarter {
			return
		}
		qv.qs, qv.rec = qs, rec
		qv.byID = make(map[uint]models.StarCandidate, len(qs.Candidates))
		for _, c := range qs.Candidates {
			qv.byID[c.StaffID] = c
		}
		r := qs.RuleSet.Scoring()
		scored := len(qs.Candidates) > 0 && len(qs.Candidates[0].Months) > 0
		rulesText := fmt.Sprintf("评分规则：%s；按各月得分平均排名，服务明星取前%d名（%s）；评选须%s", qs.RuleSet.Name(), r.StarAwards,
			r.StarTieRule(), r.AwardRecordRule())
		if !scored {
			rulesText = "本季度尚未开始，暂无评分"
		}
		qv.rules.SetText(rulesText)
		qv.sel.show(rec)
		qv.loaded = true
		qv.showRows()
	})
}

func (qv *quarterView) showRows() {
	rs := make([]record, 0, len(qv.qs.Candidates))
	for _, c := range qv.qs.Candidates {
		rs = append(rs, candidateRecord(c, qv.qs.Months, qv.rec))
	}
	qv.list.selected = 0 // until a row is selected (a saved one is, by setRecords)
	qv.list.setRecords(rs)
	qv.setButtons()
}

// candidateRecord is a candidate's row: the ranking, and the selection's
// result for them (a person awarded who no longer qualifies is flagged,
// never shown as simply awarded).
func candidateRecord(c models.StarCandidate, months []string, rec models.SelectionRecord) record {
	rank, eligible, award := "—", "有资格", ""
	switch {
	case c.Eligible():
		rank = strconv.Itoa(c.Rank)
	case len(c.Vetoes) > 0:
		eligible = "取消：" + tidyReasons(c.Reasons())
	default:
		eligible = "未达评选条件：" + tidyReasons(c.Gaps)
	}
	if c.Award {
		award = "名额内"
	}
	result, _ := resultText(rec, c.StaffID, c.Eligible())
	cells := []string{rank, c.EmployeeNo, c.Name, c.WindowCode, "—", "—", "—", fmtScore(c.Mean),
		rateText(c.Satisfied, c.Rated), strconv.Itoa(c.CasesDone), eligible, award, result, c.Tie}
	for _, m := range c.Months {
		for i, month := range months {
			if m.Month == month {
				cells[qcMonth1+i] = fmtScore(m.Score)
			}
		}
	}
	return record{id: c.StaffID, cells: cells, search: c.Name + " " + c.EmployeeNo + " " + c.WindowCode + " " + eligible}
}

func (qv *quarterView) importance(id uint, col int) widget.Importance {
	c, ok := qv.byID[id]
	if !ok {
		return widget.MediumImportance
	}
	switch col {
	case qcEligible:
		if !c.Eligible() {
			return widget.WarningImportance
		}
	case qcAward, qcMean:
		if c.Award {
			return widget.SuccessImportance
		}
	case qcDecision:
		_, imp := resultText(qv.rec, id, c.Eligible())
		return imp
	}
	return widget.MediumImportance
}

func (qv *quarterView) setButtons() {
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	_, picked := qv.byID[qv.list.selected]
	enable(qv.detail, qv.loaded && picked && qv.list.selected != 0)
	enable(qv.export, qv.loaded)
}

// onDetail lists the candidate's months, each opening its breakdown.
func (qv *quarterView) onDetail() {
	c, ok := qv.byID[qv.list.selected]
	if !ok {
		return
	}
	s := qv.sc.shell
	rows := container.NewVBox()
	for _, m := range c.Months {
		m := m
		open := widget.NewButtonWithIcon("明细", theme.InfoIcon(), func() {
			month := m.Month
			var ms models.MonthScores
			d, cache := qv.sc.data, qv.sc.cache
			s.async(func() (err error) {
				ms, err = cache.get(d, month)
				return err
			}, func(err error) {
				if err != nil {
					showError("无法计算评分", err, s.win)
					return
				}
				showPersonBreakdown(qv.sc, ms, m)
			})
		})
		rows.Add(container.NewBorder(nil, nil, nil, open, widget.NewLabel(fmt.Sprintf("%s：得分 %s（扣 %s，加 %s）",
			monthKeyTitle(m.Month), fmtScore(m.Score), fmtScore(m.Deductions), fmtScore(m.Bonus)))))
	}
	if len(c.Months) == 0 {
		rows.Add(widget.NewLabel("本季度没有在岗月份。"))
	}
	status := "具备服务明星评选资格"
	if !c.Eligible() {
		status = "不具备评选资格：" + tidyReasons(c.Reasons())
	}
	if c.Tie != "" {
		status += "；同分：" + c.Tie
	}
	st := wrapLabel(status)
	if !c.Eligible() {
		st.Importance = widget.WarningImportance
	}
	head := wrapLabel(fmt.Sprintf("%s（%s）窗口 %s · %s：平均分 %s，满意率 %s，办结 %d 件，实际出勤 %s 天（已过工作日 %d 天），旷工 %s 天",
		c.Name, c.EmployeeNo, c.WindowCode, reports.QuarterTitle(qv.qs.Quarter), fmtScore(c.Mean), rateText(c.Satisfied, c.Rated),
		c.CasesDone, models.FormatDays(c.WorkedDays), c.WorkingDays, models.FormatDays(c.AbsentDays)))
	trend := widget.NewButtonWithIcon("全年趋势", theme.GridIcon(), func() {
		showTrendDialog(qv.sc, trendPerson, c.StaffID, c.Name+"（"+c.EmployeeNo+"）", qv.year)
	})
	dlg := dialog.NewCustom("季度评分："+c.Name, "关闭", container.NewBorder(container.NewVBox(head, st), trend, nil, nil, rows), s.win)
	dlg.Resize(dialogSize(s, 640, 400))
	dlg.Show()
}

func (qv *quarterView) onExport() {
	opt := reports.ExportOptions{Quarter: qv.key()}
	what := reports.QuarterTitle(qv.key()) + "服务明星评分"
	s := qv.sc.shell
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("季度评分（Excel）", func() { exportFileAs(s, qv.sc.data, "scores-quarter", what, opt, []string{".xlsx", ".csv"}) }),
		fyne.NewMenuItem("季度评分（CSV）", func() { exportFileAs(s, qv.sc.data, "scores-quarter", what, opt, []string{".csv", ".xlsx"}) }),
	)
	widget.ShowPopUpMenuAtRelativePosition(menu, s.win.Canvas(), fyne.NewPos(0, qv.export.Size().Height), qv.export)
}
