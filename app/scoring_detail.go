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

// breakdown is the 评分明细 of a person's month: every deduction and bonus
// with its date and source, each opening the record behind it, and the sum
// that gives the score; or, for a window, its members' scores.
type breakdown struct {
	sc     *scoringScreen
	person models.PersonScore
	window models.WindowScore
	items  []models.ScoreItem
	total  *widget.Label
	views  []*widget.Button // 查看, one per item (nil where there is no record to show)
	opens  []*widget.Button // 明细 of a window's members
	trend  *widget.Button
	dlg    *dialog.CustomDialog
	month  *personMonth // the attendance month 查看 last opened, for tests
}

// showPersonBreakdown opens a person's breakdown for the month.
func showPersonBreakdown(sc *scoringScreen, ms models.MonthScores, p models.PersonScore) *breakdown {
	s := sc.shell
	r := ms.RuleSet.Scoring()
	b := &breakdown{sc: sc, person: p, items: p.Items}

	rows := container.NewVBox()
	if len(p.Items) == 0 {
		rows.Add(widget.NewLabel("本月没有扣分或加分事项。"))
	}
	for _, it := range p.Items {
		it := it
		var view *widget.Button
		if scoreRefViewable(it.Ref) {
			view = widget.NewButtonWithIcon("查看", theme.VisibilityIcon(), func() { b.month = openScoreRecord(s, sc.data, p, it) })
		}
		b.views = append(b.views, view)
		rows.Add(scoreItemRow(it, view))
	}
	head := container.NewBorder(nil, nil,
		container.NewHBox(fixedBox(boldLabel("日期"), 92), fixedBox(boldLabel("来源"), 52)),
		container.NewHBox(fixedBox(boldLabel("分值"), 56), fixedBox(widget.NewLabel(""), 84)),
		boldLabel("事项"))

	b.total = widget.NewLabelWithStyle(personTotalText(p, r), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.total.Wrapping = fyne.TextWrapWord
	var facts []string
	facts = append(facts, fmt.Sprintf("满意率 %s（满意 %d / 评价 %d）；超期 %d 天；本月办结 %d 件；旷工 %s 天",
		rateText(p.Satisfied, p.Rated), p.Satisfied, p.Rated, p.OverdueDays, p.CasesDone, models.FormatDays(p.AbsentDays)))
	if !p.Resident {
		facts = append(facts, "临时替岗人员：得分仅供参考，不计入窗口得分，不参加评选。")
	}
	if v := personVetoes(p); len(v) > 0 {
		facts = append(facts, "服务明星评选资格取消："+tidyReasons(v))
	}
	if len(p.RecordGaps) > 0 {
		facts = append(facts, "本月不参加排名（未达评选条件）："+tidyReasons(p.RecordGaps))
	}
	if len(p.WindowVetoes) > 0 {
		facts = append(facts, "致窗口本月不能评为满意窗口："+tidyReasons(p.WindowVetoTexts()))
	}
	if len(p.BonusStopped) > 0 {
		facts = append(facts, "月度考核奖扣发："+tidyReasons(p.BonusStopped))
	} else {
		facts = append(facts, "月度考核奖：正常发放")
	}
	factBox := container.NewVBox()
	for _, f := range facts {
		l := wrapLabel(f)
		if strings.HasPrefix(f, "月度考核奖扣发") {
			l.Importance = widget.DangerImportance
		} else if strings.Contains(f, "取消") || strings.Contains(f, "不能评为") {
			l.Importance = widget.WarningImportance
		}
		factBox.Add(l)
	}
	b.trend = widget.NewButtonWithIcon("全年趋势", theme.GridIcon(), func() {
		showTrendDialog(sc, trendPerson, p.StaffID, p.Name+"（"+p.EmployeeNo+"）", yearOfMonth(ms.Month, sc.data.Today()))
	})
	top := container.NewVBox(
		wrapLabel(fmt.Sprintf("%s（%s）窗口 %s · %s · %s", p.Name, p.EmployeeNo, p.WindowCode, monthKeyTitle(ms.Month), ms.RuleSet.Name())),
		head)
	bottom := container.NewVBox(widget.NewSeparator(), b.total, factBox)
	body := container.NewBorder(top, bottom, nil, nil, container.NewVScroll(rows))
	b.dlg = dialog.NewCustomWithoutButtons("评分明细："+p.Name+" "+monthKeyTitle(ms.Month), container.NewBorder(nil,
		container.NewHBox(b.trend, layoutSpacer(), widget.NewButton("关闭", func() { b.dlg.Hide() })), nil, nil, body), s.win)
	b.dlg.Resize(dialogSize(s, 900, 640))
	b.dlg.Show()
	return b
}

// scoreItemRow lays out one item: date, source, what, points, 查看.
func scoreItemRow(it models.ScoreItem, view *widget.Button) fyne.CanvasObject {
	day := "整月"
	if !it.On.IsZero() {
		day = it.On.String()
	}
	pts := widget.NewLabel(signed(it.Points))
	if it.Points < 0 {
		pts.Importance = widget.WarningImportance
	} else {
		pts.Importance = widget.SuccessImportance
	}
	var right fyne.CanvasObject = widget.NewLabel("")
	if view != nil {
		right = view
	}
	label := widget.NewLabel(it.Label)
	label.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil,
		container.NewHBox(fixedBox(widget.NewLabel(day), 92), fixedBox(widget.NewLabel(it.Source), 52)),
		container.NewHBox(fixedBox(pts, 56), fixedBox(right, 84)),
		label)
}

// personTotalText is the sum: 基础分 100 − 扣分 X + 加分 Y（上限5）= 得分 Z.
func personTotalText(p models.PersonScore, r models.ScoringRules) string {
	bonus := fmtScore(p.Bonus)
	if p.BonusRaw > p.Bonus {
		bonus = fmt.Sprintf("%s（共%s，上限%s）", fmtScore(p.Bonus), fmtScore(p.BonusRaw), fmtScore(r.BonusCap))
	} else {
		bonus += fmt.Sprintf("（上限%s）", fmtScore(r.BonusCap))
	}
	return fmt.Sprintf("基础分 %s − 扣分 %s + 加分 %s = 得分 %s", fmtScore(p.Base), fmtScore(p.Deductions), bonus, fmtScore(p.Score))
}

// showWindowBreakdown opens a window's month: its resident staff's scores,
// whose mean is the window's score, each opening the person's breakdown.
func showWindowBreakdown(sc *scoringScreen, ms models.MonthScores, w models.WindowScore) *breakdown {
	s := sc.shell
	b := &breakdown{sc: sc, window: w}
	var members []models.PersonScore
	for _, p := range ms.People {
		if p.WindowID == w.WindowID {
			members = append(members, p)
		}
	}
	sort.SliceStable(members, func(i, j int) bool {
		if members[i].Resident != members[j].Resident {
			return members[i].Resident
		}
		return members[i].EmployeeNo < members[j].EmployeeNo
	})
	head := container.NewGridWithColumns(7, boldLabel("工号"), boldLabel("姓名"), boldLabel("扣分"), boldLabel("加分"),
		boldLabel("得分"), boldLabel("满意率"), widget.NewLabel(""))
	rows := container.NewVBox(head)
	var scores []string
	for _, p := range members {
		p := p
		open := widget.NewButtonWithIcon("明细", theme.InfoIcon(), func() { showPersonBreakdown(sc, ms, p) })
		b.opens = append(b.opens, open)
		name := p.Name
		if !p.Resident {
			name += substituteNote
		} else {
			scores = append(scores, fmtScore(p.Score))
		}
		nameLabel := widget.NewLabel(name)
		nameLabel.Truncation = fyne.TextTruncateEllipsis
		rows.Add(container.NewGridWithColumns(7, widget.NewLabel(p.EmployeeNo), nameLabel, widget.NewLabel(fmtScore(p.Deductions)),
			widget.NewLabel(fmtScore(p.Bonus)), widget.NewLabel(fmtScore(p.Score)), widget.NewLabel(rateText(p.Satisfied, p.Rated)), open))
	}
	if len(w.Items) > 0 {
		rows.Add(boldLabel("窗口本身的扣分（未指明人员的投诉）"))
		for _, it := range w.Items {
			rows.Add(scoreItemRow(it, nil))
		}
	}
	sum := "本月无在岗人员计分"
	if w.Members > 0 {
		sum = fmt.Sprintf("窗口得分 = 在岗人员得分平均 =（%s）÷ %d = %s；扣分平均 %s，加分平均 %s",
			strings.Join(scores, " + "), w.Members, fmtScore(w.MemberMean), fmtScore(w.Deductions-w.WindowDeductions), fmtScore(w.Bonus))
		if w.WindowDeductions != 0 {
			sum += fmt.Sprintf("；再扣窗口本身 %s 分，得分 %s", fmtScore(w.WindowDeductions), fmtScore(w.Score))
		}
	}
	b.total = widget.NewLabelWithStyle(sum, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.total.Wrapping = fyne.TextWrapWord
	facts := container.NewVBox(wrapLabel(fmt.Sprintf("满意率 %s（满意 %d / 评价 %d，含只评价窗口的）；超期 %d 天",
		rateText(w.Satisfied, w.Rated), w.Satisfied, w.Rated, w.OverdueDays)))
	switch {
	case w.Award:
		l := wrapLabel(fmt.Sprintf("第%d名，评为本月满意窗口 ★", w.Rank))
		l.Importance = widget.SuccessImportance
		facts.Add(l)
	case w.Eligible():
		facts.Add(wrapLabel(fmt.Sprintf("第%d名（满意窗口取前%d名）", w.Rank, ms.RuleSet.Scoring().WindowAwards)))
	default:
		l := wrapLabel("本月不能评为满意窗口：" + tidyReasons(w.Reasons()))
		l.Importance = widget.WarningImportance
		facts.Add(l)
	}
	if w.Tie != "" {
		facts.Add(wrapLabel("同分：" + w.Tie + "（" + ms.RuleSet.Scoring().WindowTieRule() + "）"))
	}
	b.trend = widget.NewButtonWithIcon("全年趋势", theme.GridIcon(), func() {
		showTrendDialog(sc, trendWindow, w.WindowID, w.Code+" "+w.Name, yearOfMonth(ms.Month, sc.data.Today()))
	})
	top := wrapLabel(fmt.Sprintf("窗口 %s %s · %s · %s（替岗人员仅供参考，不计入平均）", w.Code, w.Name, monthKeyTitle(ms.Month), ms.RuleSet.Name()))
	body := container.NewBorder(top, container.NewVBox(widget.NewSeparator(), b.total, facts), nil, nil, container.NewVScroll(rows))
	b.dlg = dialog.NewCustomWithoutButtons("窗口评分明细："+w.Code+" "+monthKeyTitle(ms.Month), container.NewBorder(nil,
		container.NewHBox(b.trend, layoutSpacer(), widget.NewButton("关闭", func() { b.dlg.Hide() })), nil, nil, body), s.win)
	b.dlg.Resize(dialogSize(s, 860, 560))
	b.dlg.Show()
	return b
}

func yearOfMonth(month string, today models.Date) int {
	if d, err := models.ParseMonth(month); err == nil {
		return d.Year()
	}
	return today.Year()
}

// scoreRefViewable tells whether the app can show the record behind an item.
func scoreRefViewable(ref string) bool {
	kind, _, ok := strings.Cut(ref, ":")
	if !ok {
		return false
	}
	switch kind {
	case "case", "staff", "violation", "complaint", "rating", "commendation":
		return true
	}
	return false
}

// scoreRecordData is what opening the record behind a score item reads: a
// case's file, a person's attendance month, a conduct record and the
// person's conduct page.
type scoreRecordData interface {
	caseFileData
	personMonthData
	conductPageData
}

// conductRecordData is what reading one conduct record takes.
type conductRecordData interface {
	Violations(models.ViolationFilter) ([]models.Violation, error)
	Complaints(models.ComplaintFilter) ([]models.Complaint, error)
	Ratings(models.RatingFilter) ([]models.Rating, error)
	Commendations(models.CommendationFilter) ([]models.Commendation, error)
}

// openScoreRecord opens the record behind a score item: a case's file, the
// person's attendance month, or the violation, complaint, rating or
// commendation; the first two are the views the 办件 and 考勤 screens open.
// It gives the attendance month it opens, if it opens one.
func openScoreRecord(s *shell, d scoreRecordData, p models.PersonScore, it models.ScoreItem) *personMonth {
	kind, key, _ := strings.Cut(it.Ref, ":")
	switch kind {
	case "case":
		openCaseFile(s, d, key, nil)
		return nil
	case "staff":
		// staff:<id>/<2026-11-03 or 2026-11>
		idText, when, _ := strings.Cut(key, "/")
		id, err := strconv.ParseUint(idText, 10, 64)
		if err != nil {
			return nil
		}
		// a day's finding opens that day; a month's sum the month
		if day, err := models.ParseDate(when); err == nil {
			return openPersonDay(s, d, uint(id), day)
		}
		first, err := models.ParseMonth(when)
		if err != nil {
			first, _ = models.ParseMonth(p.Month)
		}
		return openPersonMonth(s, d, uint(id), first)
	default:
		id, err := strconv.ParseUint(key, 10, 64)
		if err != nil {
			return nil
		}
		showConductRecord(s, d, kind, uint(id), p.StaffID, it.On)
		return nil
	}
}

// showConductRecord shows a violation, complaint, rating or commendation
// behind a score item, with a link to the person's whole conduct record.
func showConductRecord(s *shell, d conductPageData, kind string, id, staffID uint, on models.Date) {
	var title string
	var fields [][2]string
	s.async(func() error {
		var err error
		title, fields, err = conductRecordFields(d, kind, id, staffID, on)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取记录", err, s.win)
			return
		}
		form := widget.NewForm()
		for _, f := range fields {
			form.Append(f[0], wrapLabel(dash(f[1])))
		}
		all := widget.NewButtonWithIcon("此人全部违规投诉与评价记录", theme.ListIcon(), func() { showConductPage(s, d, staffID) })
		dlg := dialog.NewCustom(title, "关闭", container.NewBorder(nil, container.NewHBox(all), nil, nil, container.NewVScroll(form)), s.win)
		dlg.Resize(dialogSize(s, 640, 480))
		dlg.Show()
	})
}

// conductRecordFields finds the record among the person's records of the
// day and lists its fields.
func conductRecordFields(d conductRecordData, kind string, id, staffID uint, on models.Date) (string, [][2]string, error) {
	notFound := &models.RefusedError{Reason: "找不到这条记录，可能已被删除；请刷新评分后再看。"}
	switch kind {
	case "violation":
		vs, err := d.Violations(models.ViolationFilter{StaffID: staffID, From: on, To: on})
		if err != nil {
			return "", nil, err
		}
		for _, v := range vs {
			if v.ID == id {
				measure := fmt.Sprintf("第%d次：%s", v.Step, v.StepAction)
				if v.Override {
					measure += "（调整：" + v.OverrideReason + "）"
				}
				return "违规记录", [][2]string{{"日期", v.On.String()}, {"人员", v.Staff.Name + "（" + v.Staff.EmployeeNo + "）"},
					{"窗口", v.Window.Label()}, {"类别", v.Category}, {"情形", v.Circumstances}, {"证据", v.Evidence},
					{"来源", v.Source}, {"处理", measure}, {"通报级别", v.NoticeLevel},
					{"后果", consequences(v.LosesQuarterStar, v.LosesWindowMonth, v.StopsMonthlyBonus)}, {"记录人", v.RecordedBy}}, nil
			}
		}
	case "complaint":
		cs, err := d.Complaints(models.ComplaintFilter{StaffID: staffID, From: on, To: on})
		if err != nil {
			return "", nil, err
		}
		for _, c := range cs {
			if c.ID == id {
				return "投诉", [][2]string{{"日期", c.On.String()}, {"窗口", c.Window.Label()}, {"人员", c.StaffLabel()},
					{"渠道", c.Channel}, {"投诉内容", c.Content}, {"问题类别", c.Problem}, {"核查结果", c.Status},
					{"核查情况", c.Notes}, {"核查结论", c.Finding}, {"办结日期", c.ConcludedOn.String()},
					{"后果", consequences(c.LosesQuarterStar, c.LosesWindowMonth, c.StopsMonthlyBonus)}}, nil
			}
		}
	case "rating":
		rs, err := d.Ratings(models.RatingFilter{StaffID: staffID, From: on, To: on})
		if err != nil {
			return "", nil, err
		}
		for _, r := range rs {
			if r.ID == id {
				return "好差评", [][2]string{{"日期", r.On.String()}, {"窗口", r.Window.Label()}, {"人员", r.StaffLabel()},
					{"评价", r.Level}, {"办件编号", r.CaseNo}, {"评价内容", r.Comment}, {"整改状态", r.RectifyStatus},
					{"整改期限", r.RectifyDue.String()}, {"整改措施", r.RectifyMeasures}}, nil
			}
		}
	case "commendation":
		ms, err := d.Commendations(models.CommendationFilter{StaffID: staffID, From: on, To: on})
		if err != nil {
			return "", nil, err
		}
		for _, m := range ms {
			if m.ID == id {
				return "表扬", [][2]string{{"日期", m.On.String()}, {"人员", m.Staff.Name + "（" + m.Staff.EmployeeNo + "）"},
					{"窗口", m.Staff.Window.Label()}, {"类型", m.Kind}, {"说明", m.Note}}, nil
			}
		}
	}
	return "", nil, notFound
}

func consequences(star, window, bonus bool) string {
	var out []string
	if star {
		out = append(out, "取消本季度服务明星评选资格")
	}
	if window {
		out = append(out, "所在窗口本月不能评为满意窗口")
	}
	if bonus {
		out = append(out, "扣发当月月度考核奖")
	}
	return strings.Join(out, "；")
}
