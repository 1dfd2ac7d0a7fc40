package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// rulesData is what the rule sets screen (考勤规则) needs.
type rulesData interface {
	clock
	RuleSets() ([]models.RuleSet, error)
	SaveRuleSet(*models.RuleSet) error
}

// rulesScreen lists the attendance rule sets (考勤规则) by effective date and
// adds or corrects one. Each set applies from its date until the next one,
// so a past month is always computed with the rules in force then.
type rulesScreen struct {
	shell *shell
	data  rulesData
	list  *recordTable
	sets  map[uint]models.RuleSet
	edit  *widget.Button
	box   fyne.CanvasObject

	form *rulesForm // the form last opened, for tests
}

// builtinID is the row of the built-in rules, in force before any saved set.
const builtinID = ^uint(0)

func newRulesScreen(s *shell, d rulesData) *rulesScreen {
	sc := &rulesScreen{shell: s, data: d, sets: map[uint]models.RuleSet{}}
	sc.list = newRecordTable([]column{
		{"生效日期", 96}, {"说明", 160}, {"重复打卡", 70}, {"迟到早退折算", 200}, {"擅离折算", 165},
		{"作息时间", 170}, {"请假审批权限", 220}, {"评分规则", 420}, {"外出与补假", 260},
	}, "搜索说明、作息", func(id uint) {
		if id == builtinID {
			sc.edit.Disable()
		} else {
			sc.edit.Enable()
		}
	})
	add := widget.NewButtonWithIcon("新增规则", theme.ContentAddIcon(), sc.onAdd)
	sc.edit = widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { sc.onEdit(sc.list.selected) })
	sc.list.openWith(sc.edit)
	sc.edit.Disable()
	note := wrapLabel("每套规则自生效日期起适用，直到下一套规则生效；已过去的月份始终按当时有效的规则计算，新规则不会改变它们。" +
		"已封帐月份适用的规则不能更改。作息时间按季节（起止日期）选用，或选择一套固定作息全年使用。")
	sc.box = container.NewBorder(container.NewVBox(container.NewHBox(add, sc.edit), note), nil, nil, nil, sc.list.layout())
	sc.reload()
	return sc
}

func (sc *rulesScreen) content() fyne.CanvasObject { return sc.box }

func (sc *rulesScreen) reload() {
	var sets []models.RuleSet
	sc.shell.async(func() (err error) {
		sets, err = sc.data.RuleSets()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取考勤规则", err, sc.shell.win)
			return
		}
		sc.sets = map[uint]models.RuleSet{builtinID: models.DefaultRuleSet()}
		rs := []record{ruleRecord(builtinID, models.DefaultRuleSet())}
		rs[0].cells[0] = "内置默认"
		for _, s := range sets {
			sc.sets[s.ID] = s
			rs = append(rs, ruleRecord(s.ID, s))
		}
		sc.edit.Disable() // until a row is selected (a saved one is, by setRecords)
		sc.list.setRecords(rs)
	})
}

func ruleRecord(id uint, s models.RuleSet) record {
	a := s.Attendance
	sched := "按季节：" + scheduleNames(a.Schedules, true)
	if a.FixedSchedule != "" {
		sched = "固定：" + a.FixedSchedule
	}
	cells := []string{s.EffectiveFrom.String(), s.Note, fmt.Sprintf("%d分钟内", a.DuplicateMinutes),
		fmt.Sprintf("满%d次计旷工半天（%s）", a.LateEarlyLimit, a.LateEarlyMode),
		fmt.Sprintf("超过%d分钟计旷工半天（%s）", a.AwayLimitMinutes, awayModeOf(a)), sched,
		fmt.Sprintf("≤%s天首席代表 ≤%s天综合业务科", models.FormatDays(a.ChiefMaxDays), models.FormatDays(a.OfficeMaxDays)),
		scoringRulesText(s), lateRulesText(a)}
	return record{id: id, cells: cells, search: strings.Join(cells, " ")}
}

// awayModeOf is the rules' 擅离计算方式, the default when none was saved.
func awayModeOf(a models.AttendanceRules) string {
	if a.AwayMode == "" {
		return models.AwayPerAbsence
	}
	return a.AwayMode
}

// lateRulesText says how late registrations are treated: "事后补登外出不免考勤；事后补假须写补假说明".
func lateRulesText(a models.AttendanceRules) string {
	outing, leave := "事后补登外出不免考勤", "事后补假无需补假说明"
	if a.LateOutingExcuses {
		outing = "事后补登外出仍免考勤"
	}
	if a.LateLeaveNeedsReason {
		leave = "事后补假须写补假说明"
	}
	return outing + "；" + leave
}

func scheduleNames(ss []models.Schedule, seasonalOnly bool) string {
	var names []string
	for _, s := range ss {
		if !seasonalOnly || s.Seasonal() {
			names = append(names, s.Name)
		}
	}
	return strings.Join(names, "、")
}

// onAdd starts a new rule set from the one in force last, effective from
// the first day of next month.
func (sc *rulesScreen) onAdd() {
	base := models.DefaultRuleSet()
	for _, s := range sc.sets {
		if s.ID != 0 && s.EffectiveFrom.After(base.EffectiveFrom) {
			base = s
		}
	}
	base.ID, base.Note = 0, ""
	today := sc.data.Today()
	base.EffectiveFrom = models.NewDate(today.Year(), today.Month()+1, 1)
	sc.form = newRulesForm(sc, base)
}

func (sc *rulesScreen) onEdit(id uint) {
	if s, ok := sc.sets[id]; ok && id != builtinID {
		sc.form = newRulesForm(sc, s)
	}
}

// rulesForm edits one rule set; the model validates it.
type rulesForm struct {
	sc *rulesScreen
	rs models.RuleSet

	from                   *dateField
	note, dup, limit, away *widget.Entry
	chief, office          *widget.Entry
	mode, fixed            *widget.Select
	schedules              [][9]*widget.Entry
	awayMode               *widget.Select
	lateOuting, lateLeave  *widget.Check
	reset                  *widget.Button // 考勤部分恢复默认
	save                   *widget.Button
	errs                   *formErrors
	scoring                *scoringRulesSection // 满意窗口与服务明星 (scoring_rules.go)
	conduct                *conductRulesSection // 违规计数周期与办理时限 (conduct_rules.go)
	cases                  *caseRulesSection    // 一审一核达标线 (case_rules.go)
}

const bySeason = "按季节选用"

var scheduleHeads = [9]string{"名称", "上午上班", "上午下班", "下班截止", "下午上班起", "下午上班止", "下午下班", "起（月-日）", "止（月-日）"}

func newRulesForm(sc *rulesScreen, rs models.RuleSet) *rulesForm {
	f := &rulesForm{sc: sc, rs: rs, errs: newFormErrors()}
	a := rs.Attendance
	entry := func(text string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		return e
	}
	f.from = newDateField(sc.shell.win)
	f.from.SetDate(rs.EffectiveFrom)
	f.note = entry(rs.Note)
	f.note.SetPlaceHolder("如：2027年起执行新作息时间")
	f.dup = entry(strconv.Itoa(a.DuplicateMinutes))
	f.limit = entry(strconv.Itoa(a.LateEarlyLimit))
	f.mode = newSelect(models.LateEarlyModes, nil)
	f.mode.SetSelected(a.LateEarlyMode)
	f.away = entry(strconv.Itoa(a.AwayLimitMinutes))
	f.chief = entry(models.FormatDays(a.ChiefMaxDays))
	f.office = entry(models.FormatDays(a.OfficeMaxDays))
	f.awayMode = newSelect(models.AwayModes, nil)
	f.awayMode.SetSelected(awayModeOf(a))
	f.lateOuting = widget.NewCheck("事后补登的外出仍免打卡、抵扣擅离时间", nil)
	f.lateOuting.SetChecked(a.LateOutingExcuses)
	f.lateLeave = widget.NewCheck("事后补假须写明补假说明", nil)
	f.lateLeave.SetChecked(a.LateLeaveNeedsReason)

	grid := container.NewGridWithColumns(9)
	for _, h := range scheduleHeads {
		grid.Add(widget.NewLabel(h))
	}
	names := []string{bySeason}
	rows := append([]models.Schedule(nil), a.Schedules...)
	for len(rows) < 3 {
		rows = append(rows, models.Schedule{})
	}
	for _, s := range rows {
		var r [9]*widget.Entry
		clock := func(c models.Clock) string {
			if s.Name == "" {
				return ""
			}
			return c.String()
		}
		vals := [9]string{s.Name, clock(s.AMIn), clock(s.AMOut), clock(s.AMOutEnd), clock(s.PMInStart), clock(s.PMIn), clock(s.PMOut), s.From, s.To}
		for i, v := range vals {
			r[i] = entry(v)
			grid.Add(r[i])
		}
		f.schedules = append(f.schedules, r)
		if s.Name != "" {
			names = append(names, s.Name)
		}
	}
	f.fixed = newSelect(names, nil)
	if a.FixedSchedule != "" {
		f.fixed.SetSelected(a.FixedSchedule)
	} else {
		f.fixed.SetSelected(bySeason)
	}

	f.reset = widget.NewButtonWithIcon("考勤部分恢复默认", theme.HistoryIcon(), f.onReset)
	form := widget.NewForm(
		f.errs.item("生效日期", f.from, "自此日起适用，直到下一套规则生效"),
		f.errs.item("说明", f.note, ""),
		widget.NewFormItem("", container.NewBorder(nil, nil, nil, f.reset,
			wrapLabel("以下考勤各项旁注明手册原文；“恢复默认”把考勤各项恢复为按手册的默认值（保存后生效），不改动违规投诉与评分部分。"))),
		f.errs.item("重复打卡间隔", f.dup, "分钟；间隔小于此数的打卡只算一次"),
		f.errs.item("迟到早退次数", handbook(f.limit, models.HandbookLateEarly), "当月迟到、早退合计满此数计旷工半天"),
		f.errs.item("折算方式", f.mode, "每月一次：满N次计半天；每满N次：每满N次各计半天"),
		f.errs.item("擅离时长", handbook(f.away, models.HandbookAway), "分钟；只计上午、下午工作时间（午休不计），按秒比较；超过此数计旷工半天，不超过计擅离岗位1次"),
		f.errs.item("擅离计算方式", handbook(f.awayMode, models.HandbookAway), "手册未说明多次离岗是否累计：每次单计（默认）每次分别与时长比较；按半天或按天合计则合计超过时长计旷工半天"),
		f.errs.item("事后补登外出", handbook(f.lateOuting, models.HandbookOuting), "默认不勾选：外出开始后才登记的（事后补登）不免打卡，也不抵扣擅离时间"),
		f.errs.item("事后补假", handbook(f.lateLeave, models.HandbookLeave), "假期开始后才申请的请假记为事后补假；勾选则须写明补假说明才能保存"),
		f.errs.item("审批权限", container.NewGridWithColumns(4, widget.NewLabel("首席代表≤"), f.chief, widget.NewLabel("综合业务科≤"), f.office), "天数；更长的由中心领导审批；批准时审批人层级低于此要求的不能批准"),
		f.errs.item("作息时间", handbook(grid, models.HandbookSchedule), "时刻写成 08:30；起止日期写成 05-01，不填表示只作固定作息；上午下班卡须在“上午下班”至“下班截止”之间"),
		f.errs.item("固定作息", f.fixed, "选“按季节选用”则按起止日期自动选用作息时间"),
	)
	title := "新增考勤规则"
	if rs.ID != 0 {
		title = "修改考勤规则（" + rs.EffectiveFrom.String() + " 起）"
	}
	f.conduct = newConductRulesSection(sc.shell, rs.Conduct)
	for _, it := range f.conduct.items(f.errs) {
		form.AppendItem(it)
	}
	f.scoring = newScoringRulesSection(rs.Scoring())
	for _, it := range f.scoring.items(f.errs) {
		form.AppendItem(it)
	}
	f.cases = newCaseRulesSection(rs.Cases())
	for _, it := range f.cases.items(f.errs) {
		form.AppendItem(it)
	}
	f.save = newFormDialog(sc.shell, title, "保存", form, f.errs, f.submit, sc.reload).save
	return f
}

// read builds the rule set from the form; fe holds what cannot be read.
func (f *rulesForm) read() (models.RuleSet, models.FieldErrors) {
	rs := f.rs
	a := &rs.Attendance
	var fe models.FieldErrors
	num := func(label string, e *widget.Entry, into *int) {
		n, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			fe = append(fe, models.FieldError{Field: label, Reason: fmt.Sprintf("“%s”不是整数", e.Text)})
			return
		}
		*into = n
	}
	days := func(e *widget.Entry, into *float64) {
		v, err := strconv.ParseFloat(strings.TrimSpace(e.Text), 64)
		if err != nil {
			fe = append(fe, models.FieldError{Field: "审批权限", Reason: fmt.Sprintf("“%s”不是天数，如 1 或 3", e.Text)})
			return
		}
		*into = v
	}
	d, err := f.from.DateValue()
	if err != nil {
		fe = append(fe, models.FieldError{Field: "生效日期", Reason: err.Error()})
	}
	rs.EffectiveFrom, rs.Note = d, f.note.Text
	num("重复打卡间隔", f.dup, &a.DuplicateMinutes)
	num("迟到早退次数", f.limit, &a.LateEarlyLimit)
	num("擅离时长", f.away, &a.AwayLimitMinutes)
	a.LateEarlyMode = f.mode.Selected
	days(f.chief, &a.ChiefMaxDays)
	days(f.office, &a.OfficeMaxDays)
	a.Schedules = nil
	for _, r := range f.schedules {
		name := strings.TrimSpace(r[0].Text)
		if name == "" {
			continue
		}
		s := models.Schedule{Name: name, From: strings.TrimSpace(r[7].Text), To: strings.TrimSpace(r[8].Text)}
		for i, into := range []*models.Clock{&s.AMIn, &s.AMOut, &s.AMOutEnd, &s.PMInStart, &s.PMIn, &s.PMOut} {
			c, err := models.ParseClock(strings.TrimSpace(r[i+1].Text))
			if err != nil {
				fe = append(fe, models.FieldError{Field: "作息时间", Reason: name + " " + scheduleHeads[i+1] + "：" + err.Error()})
			}
			*into = c
		}
		a.Schedules = append(a.Schedules, s)
	}
	a.FixedSchedule = ""
	if f.fixed.Selected != bySeason {
		a.FixedSchedule = f.fixed.Selected
	}
	a.AwayMode = f.awayMode.Selected
	a.LateOutingExcuses, a.LateLeaveNeedsReason = f.lateOuting.Checked, f.lateLeave.Checked
	fe = append(fe, f.conduct.read(&rs)...)
	fe = append(fe, f.scoring.read(&rs)...)
	fe = append(fe, f.cases.read(&rs)...)
	return rs, fe
}

// handbook puts the handbook's own words under a rule's field.
func handbook(w fyne.CanvasObject, words string) fyne.CanvasObject {
	l := wrapLabel("手册原文：" + words)
	l.Importance = widget.LowImportance // grey, not italic: each text style costs the UI font once more in memory
	return container.NewVBox(w, l)
}

// onReset puts the handbook's defaults back into the attendance fields; the
// rule set changes only when saved.
func (f *rulesForm) onReset() {
	d := models.DefaultAttendanceRules()
	f.dup.SetText(strconv.Itoa(d.DuplicateMinutes))
	f.limit.SetText(strconv.Itoa(d.LateEarlyLimit))
	f.mode.SetSelected(d.LateEarlyMode)
	f.away.SetText(strconv.Itoa(d.AwayLimitMinutes))
	f.awayMode.SetSelected(d.AwayMode)
	f.lateOuting.SetChecked(d.LateOutingExcuses)
	f.lateLeave.SetChecked(d.LateLeaveNeedsReason)
	f.chief.SetText(models.FormatDays(d.ChiefMaxDays))
	f.office.SetText(models.FormatDays(d.OfficeMaxDays))
	for i, r := range f.schedules {
		var s models.Schedule
		if i < len(d.Schedules) {
			s = d.Schedules[i]
		}
		vals := [9]string{s.Name, "", "", "", "", "", "", s.From, s.To}
		if s.Name != "" {
			for j, c := range []models.Clock{s.AMIn, s.AMOut, s.AMOutEnd, s.PMInStart, s.PMIn, s.PMOut} {
				vals[j+1] = c.String()
			}
		}
		for j, v := range vals {
			r[j].SetText(v)
		}
	}
	f.fixed.SetSelected(bySeason)
}

func (f *rulesForm) submit() error {
	rs, fe := f.read()
	if len(fe) > 0 {
		return fe
	}
	if err := f.sc.data.SaveRuleSet(&rs); err != nil {
		return err
	}
	f.rs = rs
	return nil
}
