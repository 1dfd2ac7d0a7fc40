package app

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

func openScoring(t *testing.T, s *shell) *scoringScreen {
	t.Helper()
	s.show("评分")
	sc := s.screens["评分"].(*scoringScreen)
	waitFor(t, "the scores to load", func() bool { return sc.month.loaded })
	return sc
}

// peopleRow finds a person's row in the month's people table.
func peopleRow(t *testing.T, mv *monthView, name string) (int, []string) {
	t.Helper()
	for i, r := range mv.people.rows() {
		if r[2] == name {
			return i, r
		}
	}
	t.Fatalf("%s is not in the people table", name)
	return 0, nil
}

func TestDemoBreakdownItemsAddUpToTheScoreShown(t *testing.T) {
	s, st := newTestShell(t)
	if err := st.FillDemo(); err != nil {
		t.Fatal(err)
	}
	sc := openScoring(t, s)
	mv := sc.month
	month := demoMonth(st)
	mv.setMonth(month)
	if mv.title.Text != fmt.Sprintf("%d年%d月", month.Year(), int(month.Month())) || !strings.HasPrefix(mv.rules.Text, "评分规则：") {
		t.Fatalf("month %q, rules %q", mv.title.Text, mv.rules.Text)
	}
	mv.inner.SelectIndex(1)
	i, row := peopleRow(t, mv, "刘玥")
	if !strings.HasPrefix(row[spEligible], "取消：") || !strings.HasPrefix(row[spBonusStop], "扣发") || row[0] != "—" {
		t.Fatalf("刘玥's row %v", row)
	}
	if imp := mv.people.importanceOf(i, spEligible); imp != widget.WarningImportance {
		t.Fatalf("the disqualification is drawn with importance %v", imp)
	}
	if imp := mv.people.importanceOf(i, spBonusStop); imp != widget.DangerImportance {
		t.Fatalf("the stopped bonus is drawn with importance %v", imp)
	}

	mv.people.selectID(mv.people.shownIDs()[i])
	test.Tap(mv.detail)
	b := mv.breakdown
	if b == nil {
		t.Fatal("no breakdown")
	}
	var deducted, bonus float64
	labels := make([]string, len(b.items))
	for k, it := range b.items {
		labels[k] = it.Label
		if it.Points < 0 {
			deducted -= it.Points
		} else {
			bonus += it.Points
		}
	}
	r := mv.ms.RuleSet.Scoring()
	total := math.Round((r.Base-deducted+math.Min(bonus, r.BonusCap))*100) / 100
	if fmtScore(total) != row[spScore] {
		t.Fatalf("items add up to %v, the table shows %s; items:\n%s", total, row[spScore], strings.Join(labels, "\n"))
	}
	if !strings.Contains(strings.Join(labels, "\n"), "迟到早退共4次") {
		t.Fatalf("no converted absence among the items:\n%s", strings.Join(labels, "\n"))
	}
	if !strings.HasSuffix(b.total.Text, "= 得分 "+row[spScore]) || !strings.Contains(markup(s), "迟到早退共4次") {
		t.Fatalf("total line %q", b.total.Text)
	}

	// 查看: the converted absence opens her attendance month, the violation its record
	for k, it := range b.items {
		if strings.Contains(it.Label, "迟到早退共4次") {
			test.Tap(b.views[k])
			if !strings.Contains(markup(s), "考勤明细：刘玥") {
				t.Fatal("查看 does not open the attendance month")
			}
		}
		if strings.HasPrefix(it.Ref, "violation:") {
			test.Tap(b.views[k])
			if m := markup(s); !strings.Contains(m, "违规记录") || !strings.Contains(m, it.On.String()) {
				t.Fatal("查看 does not open the violation")
			}
		}
	}

	// a window's breakdown lists its members
	mv.inner.SelectIndex(0)
	var a05 uint
	for _, w := range mv.ms.Windows {
		if w.Code == "A05" {
			a05 = w.WindowID
		}
	}
	mv.windows.selectID(a05)
	test.Tap(mv.detail)
	if len(mv.breakdown.opens) == 0 || !strings.Contains(mv.breakdown.total.Text, "窗口得分 = 在岗人员得分平均") {
		t.Fatalf("window breakdown: %d members, %q", len(mv.breakdown.opens), mv.breakdown.total.Text)
	}
}

func TestCloseMonthThenReopenNeedsReason(t *testing.T) {
	s, st := newTestShell(t)
	if err := st.FillDemo(); err != nil {
		t.Fatal(err)
	}
	sc := openScoring(t, s)
	mv := sc.month
	month := demoMonth(st)
	key := models.MonthOf(month)
	mv.setMonth(month)
	if mv.closeBtn.Disabled() || !mv.reopen.Disabled() || !mv.publish.Disabled() {
		t.Fatal("a draft month offers the wrong buttons")
	}
	mv.closeMonth()
	if !strings.HasPrefix(mv.state.Text, "已封帐") || !mv.closeBtn.Disabled() || mv.publish.Disabled() || mv.reopen.Disabled() {
		t.Fatalf("after closing: %q", mv.state.Text)
	}
	if locked, _ := st.MonthLocked(key); !locked {
		t.Fatal("closing did not lock the month's attendance")
	}

	test.Tap(mv.reopen)
	test.Tap(mv.reopenSave)
	if state, _ := st.ScoreMonthStateOf(key); state.State != models.ScoreClosed {
		t.Fatalf("re-opened without a reason: %q", state.State)
	}
	if !strings.Contains(markup(s), "请写明重新打开的原因") {
		t.Fatal("the missing reason is not shown")
	}
	test.Type(mv.reopenReason, "补录投诉核查结论")
	test.Tap(mv.reopenSave)
	if state, _ := st.ScoreMonthStateOf(key); state.State != models.ScoreDraft {
		t.Fatalf("not re-opened with a reason: %q", state.State)
	}
	if !strings.Contains(mv.state.Text, "补录投诉核查结论") || mv.closeBtn.Disabled() {
		t.Fatalf("after re-opening: %q", mv.state.Text)
	}

	test.Tap(mv.print)
	if got := printedFiles(t, s, mv.title.Text+"满意窗口评比通报"); got == 0 || !strings.Contains(markup(s), "打印完成") {
		t.Fatal("the ranking bulletin was not printed into the notices folder")
	}
}

// printedFiles counts the PDFs in the notices folder whose name starts with prefix.
func printedFiles(t *testing.T, s *shell, prefix string) int {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(noticeDir(s.data), prefix+"*.pdf"))
	return len(files)
}

func TestRecordMeetingDecisionEnablesCommendation(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	// a quarter worked through, with a rating: the record an award needs
	p := models.Staff{EmployeeNo: "ZW100", Name: "王堃", HomeUnitID: w.HomeUnitID, WindowID: w.ID,
		Post: models.PostStaff, JoinedOn: models.NewDate(2026, 6, 1), Status: models.StatusOnDuty}
	if err := st.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	punchDays(t, st, []models.Staff{p}, models.NewDate(2026, 7, 1), models.NewDate(2026, 9, 30))
	if err := st.SaveRating(&models.Rating{On: models.NewDate(2026, 8, 3), WindowID: w.ID, StaffID: &p.ID, Level: models.RatingGood}); err != nil {
		t.Fatal(err)
	}
	sc := openScoring(t, s)
	sc.tabs.SelectIndex(1)
	qv := sc.quarter
	waitFor(t, "the quarter", func() bool { return qv.loaded })
	today := st.Today()
	if want := reports.QuarterTitle(qv.key()); qv.title.Text != want || !strings.HasPrefix(qv.key(), fmt.Sprint(today.Year())) {
		t.Fatalf("quarter title %q, key %s", qv.title.Text, qv.key())
	}
	for qv.key() != "2026Q3" {
		qv.step(-1)
	}
	waitFor(t, "the third quarter", func() bool { return qv.loaded && len(qv.qs.Candidates) == 1 })
	if c := qv.qs.Candidates[0]; !c.Eligible() {
		t.Fatalf("王堃 should be a candidate: %v", c.Reasons())
	}
	if !qv.commend.Disabled() || !qv.certs.Disabled() || qv.record.Disabled() {
		t.Fatal("the papers after the meeting are offered before its decision")
	}

	test.Tap(qv.record)
	f := qv.form
	if len(f.rows) != 1 || f.rows[0].c.StaffID != p.ID {
		t.Fatalf("the form lists %d candidates", len(f.rows))
	}
	f.rows[0].award.SetChecked(true)
	test.Type(f.rows[0].votes, "九")
	test.Tap(f.save)
	if ds, _ := st.AwardDecisions(qv.key()); len(ds) != 0 || !strings.Contains(markup(s), "王堃的票数") {
		t.Fatalf("bad votes were taken: %v", ds)
	}
	f.rows[0].votes.SetText("9")
	f.date.SetText("")
	test.Tap(f.save)
	if !strings.Contains(markup(s), "请填写评选会日期") {
		t.Fatal("the missing date is not shown")
	}
	f.date.SetDate(today)
	test.Tap(f.save)
	ds, err := st.AwardDecisions(qv.key())
	if err != nil || len(ds) != 1 || !ds[0].Awarded || ds[0].Votes != 9 {
		t.Fatalf("decisions %v, %v", ds, err)
	}
	if qv.commend.Disabled() || qv.certs.Disabled() {
		t.Fatal("打印表彰决定 stays off after the decision")
	}
	test.Tap(qv.commend)
	if printedFiles(t, s, reports.QuarterTitle(qv.key())+"服务明星表彰决定") != 1 {
		t.Fatal("the 表彰决定 was not printed")
	}
	if !strings.Contains(qv.decided.Text, "授予服务明星 王堃（9票）") {
		t.Fatalf("decision shows %q", qv.decided.Text)
	}
	if row := qv.list.rows()[0]; !strings.Contains(row[qcDecision], "授予") {
		t.Fatalf("the table does not show the decision: %v", row)
	}
}

func TestTrendDrawsOnePointPerScoredMonth(t *testing.T) {
	s, st := newTestShell(t)
	if err := st.FillDemo(); err != nil {
		t.Fatal(err)
	}
	sc := openScoring(t, s)
	sc.tabs.SelectIndex(2)
	tv := sc.trend
	waitFor(t, "the trend", func() bool { return len(tv.subject.Options) > 0 })
	today := st.Today()
	tv.year = today.Year()
	tv.reload()

	// a substitute in service for a few weeks and a resident: one point for
	// every month begun that has records (the demo's punches start with the
	// previous quarter) and in which they served
	for _, name := range []string{"田甜", "刘玥"} {
		tv.kind.SetSelected(trendPerson)
		var label string
		var id uint
		for l, pid := range tv.people {
			if strings.HasPrefix(l, name+"（") {
				label, id = l, pid
			}
		}
		tv.subject.SetSelected(label)
		want := 0
		for _, m := range monthsBegun(today.Year(), today) {
			ms, err := st.ScoreMonth(m)
			if err != nil {
				t.Fatal(err)
			}
			if !ms.HasRecords {
				continue // months before the first punch are not drawn
			}
			for _, p := range ms.People {
				if p.StaffID == id {
					want++
				}
			}
		}
		tv.chart.Resize(fyne.NewSize(800, 400))
		r := test.WidgetRenderer(tv.chart).(*trendRenderer)
		circles := 0
		for _, o := range r.Objects() {
			if _, ok := o.(*canvas.Circle); ok {
				circles++
			}
		}
		if want == 0 || len(r.dots) != want || circles != want {
			t.Fatalf("%s: %d dots, %d circles drawn, %d months scored", name, len(r.dots), circles, want)
		}
		if !strings.Contains(markup(s), fmt.Sprintf("%d月", int(today.Month()))) {
			t.Fatal("no month labels")
		}
		if !strings.Contains(tv.status.Text, fmt.Sprintf("有%d个月在岗", want)) {
			t.Fatalf("status %q", tv.status.Text)
		}
	}
}

func TestNewRuleSetChangesScoringNumbers(t *testing.T) {
	s, st := newTestShell(t)
	s.show("考勤规则")
	rsc := s.screens["考勤规则"].(*rulesScreen)
	rsc.onAdd()
	f := rsc.form
	f.scoring.late.SetText("2")
	f.scoring.starAwards.SetText("0")
	test.Tap(f.save)
	if sets, _ := st.RuleSets(); len(sets) != 0 || !strings.Contains(markup(s), "评选名额") {
		t.Fatalf("saved with no 服务明星: %v", sets)
	}
	f.scoring.starAwards.SetText("3")
	f.scoring.violation[models.CategoryDress].SetText("1.5")
	f.scoring.basicSatisfied.SetChecked(false)
	test.Tap(f.save)
	sets, err := st.RuleSets()
	if err != nil || len(sets) != 1 || sets[0].ScoringRules == nil {
		t.Fatalf("rule sets %v, %v", sets, err)
	}
	r := sets[0].Scoring()
	if r.LatePoints != 2 || r.StarAwards != 3 || r.ViolationPoints[models.CategoryDress] != 1.5 || r.BasicSatisfiedCounts || r.Base != 100 {
		t.Fatalf("saved scoring rules %+v", r)
	}
}

func TestNewRuleSetChangesConductPeriodAndDeadlines(t *testing.T) {
	s, st := newTestShell(t)
	s.show("考勤规则")
	rsc := s.screens["考勤规则"].(*rulesScreen)
	rsc.onAdd()
	f := rsc.form
	f.conduct.complaint.SetText("十")
	test.Tap(f.save)
	if sets, _ := st.RuleSets(); len(sets) != 0 || !strings.Contains(f.errs.summary.Text, "投诉办理时限") {
		t.Fatalf("a bad deadline was saved: %v / %q", sets, f.errs.summary.Text)
	}
	f.conduct.complaint.SetText("15")
	f.conduct.period.SetSelected(models.PeriodRolling12)
	test.Tap(f.save)
	sets, _ := st.RuleSets()
	if len(sets) != 1 || sets[0].Conduct.Period != models.PeriodRolling12 || sets[0].Conduct.ComplaintDays != 15 || sets[0].Conduct.RectifyDays != 5 {
		t.Fatalf("saved conduct rules %+v", sets)
	}
}

// punchDays gives the people four punches on time on each working day of
// [from, to].
func punchDays(t *testing.T, st *models.Store, people []models.Staff, from, to models.Date) {
	t.Helper()
	cal, err := st.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	var rows []models.PunchRow
	for d := from; !d.After(to); d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		times := [][2]int{{8, 20}, {12, 5}, {13, 20}, {17, 10}} // 冬令时
		if m := d.Month(); m >= 5 && m <= 9 {
			times = [][2]int{{8, 20}, {12, 5}, {13, 40}, {17, 40}} // 夏令时
		}
		for _, p := range people {
			for _, hm := range times {
				rows = append(rows, models.PunchRow{EmployeeNo: p.EmployeeNo, Name: p.Name,
					At: time.Date(d.Year(), d.Month(), d.Day(), hm[0], hm[1], 0, 0, models.CentreZone)})
			}
		}
	}
	if _, err := st.ImportPunches(rows); err != nil {
		t.Fatal(err)
	}
}
