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
	s, st := newDemoShell(t)
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
	s, st := newDemoShell(t)
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

// selectionCentre fills a window of three through the third quarter of
// 2026: 王堃 with a 锦旗 (100.33), 李喆 and 张昇 equal (100); two 服务明星
// places, so the shortlist of two takes both tied at the cut.
func selectionCentre(st *models.Store) error {
	u := models.HomeUnit{Name: "市市场监督管理局"}
	if err := st.SaveHomeUnit(&u); err != nil {
		return err
	}
	w := models.ServiceWindow{Code: "A01", Name: "企业开办综合窗口", HomeUnitID: u.ID, Active: true}
	if err := st.SaveServiceWindow(&w); err != nil {
		return err
	}
	var people []models.Staff
	for i, name := range []string{"王堃", "李喆", "张昇"} {
		p := models.Staff{EmployeeNo: fmt.Sprintf("ZW10%d", i), Name: name, HomeUnitID: u.ID, WindowID: w.ID,
			Post: models.PostStaff, JoinedOn: models.NewDate(2026, 1, 5), Status: models.StatusOnDuty}
		if err := st.SaveStaff(&p); err != nil {
			return err
		}
		people = append(people, p)
		for _, m := range []time.Month{7, 8, 9} {
			if err := st.SaveRating(&models.Rating{On: models.NewDate(2026, m, 3), WindowID: w.ID, StaffID: &p.ID, Level: models.RatingGood}); err != nil {
				return err
			}
		}
	}
	if err := st.SaveCommendation(&models.Commendation{StaffID: people[0].ID, On: models.NewDate(2026, 7, 8), Kind: "锦旗"}); err != nil {
		return err
	}
	rs := models.DefaultRuleSet()
	rs.EffectiveFrom = models.NewDate(2026, 1, 1)
	r := models.DefaultScoringRules()
	r.StarAwards = 2
	rs.ScoringRules = &r
	return st.SaveRuleSet(&rs)
}

func quarterRow(t *testing.T, qv *quarterView, name string) []string {
	t.Helper()
	for _, r := range qv.list.rows() {
		if r[2] == name {
			return r
		}
	}
	t.Fatalf("%s is not in the quarter table", name)
	return nil
}

// The office walks the quarter's selection on the screen: 提名 with a tie
// at the cut, the meeting refused short of the quorum and then recorded
// with 7 of 9, the run-off, the 公示 with an objection resolved, the
// decision once the 公示 is over, the 表彰决定; then a violation recorded
// after the decision flags the award on the screen and on the overview.
func TestSelectionStepsOnScreen(t *testing.T) {
	now := time.Date(2026, 10, 9, 9, 0, 0, 0, models.CentreZone)
	s, st := newTestShellClock(t, func() time.Time { return now }, selectionCentre)
	staff, _ := st.StaffList()
	punchDays(t, st, staff, models.NewDate(2026, 7, 1), models.NewDate(2026, 9, 30))
	sc := openScoring(t, s)
	sc.tabs.SelectIndex(1)
	qv := sc.quarter
	for qv.key() != "2026Q3" {
		qv.step(-1)
	}
	waitFor(t, "the third quarter", func() bool { return qv.loaded && len(qv.qs.Candidates) == 3 && qv.sel.loaded })
	sp := qv.sel
	if !sp.nominate.Disabled() || !strings.Contains(sp.status.Text, "尚未封帐") {
		t.Fatalf("提名 offered with the months open: %q", sp.status.Text)
	}
	for _, m := range []string{"2026-07", "2026-08", "2026-09"} {
		if err := st.CloseScoreMonth(m); err != nil {
			t.Fatal(err)
		}
	}
	sc.reload()
	waitFor(t, "the months closed", func() bool { return strings.Contains(sp.steps.Text, "【封帐】") })

	// 提名: two places, and 张昇 tied with 李喆 at the cut comes too
	test.Tap(sp.nominate)
	sp.nominateForm.count.SetText("2")
	test.Tap(sp.nominateForm.save)
	waitFor(t, "the shortlist", func() bool { return sp.rec.Stage == models.StageNominated })
	if row := quarterRow(t, qv, "张昇"); row[qcDecision] != "候选（并列）" {
		t.Fatalf("张昇's row %v", row)
	}
	if sp.meeting.Disabled() || !sp.publicity.Disabled() || !sp.decide.Disabled() {
		t.Fatal("after the shortlist only the meeting is next")
	}

	// the meeting: 6 of 9 refused, 7 of 9 recorded; 12 votes refused
	test.Tap(sp.meeting)
	f := sp.meetingForm
	f.members.SetText("赵主任\n钱文书\n孙监\n李计\n周一\n吴二\n郑三\n王四\n冯五")
	f.absent.SetText("王四\n冯五\n郑三")
	if !strings.Contains(f.count.Text, "应到 9 人，实到 6 人：不足法定人数") {
		t.Fatalf("count %q", f.count.Text)
	}
	test.Type(f.scrutineer, "孙监")
	test.Type(f.teller, "李计")
	for i, n := range []string{"12", "4", "4"} {
		test.Type(f.rows[i].agree, n)
	}
	test.Tap(f.save)
	if m := markup(s); !strings.Contains(m, "实到6人") || !strings.Contains(m, "多于有效票6张") {
		t.Fatal("the quorum and the votes are not refused on the form")
	}
	f.absent.SetText("王四\n冯五")
	if !strings.Contains(f.count.Text, "实到 7 人：可以表决") {
		t.Fatalf("count %q", f.count.Text)
	}
	f.rows[0].agree.SetText("6")
	test.Tap(f.save)
	waitFor(t, "the meeting", func() bool { return sp.rec.Stage == models.StageMeeting })
	if sp.runoff.Disabled() || !sp.publicity.Disabled() || !strings.Contains(sp.status.Text, "第2轮投票") {
		t.Fatalf("the tie at the cut asks for no run-off: %q", sp.status.Text)
	}
	test.Tap(sp.runoff)
	test.Type(sp.runoffForm.rows[0].agree, "3")
	test.Type(sp.runoffForm.rows[1].agree, "4")
	test.Tap(sp.runoffForm.save)
	waitFor(t, "the run-off", func() bool { return sp.rec.Tally.Complete() })
	if row := quarterRow(t, qv, "张昇"); row[qcDecision] != "拟授予（同意4票）" {
		t.Fatalf("张昇 after the run-off: %v", row)
	}

	// the 公示 and an objection, resolved
	test.Tap(sp.publicity)
	test.Tap(sp.publicityForm.save)
	waitFor(t, "the 公示", func() bool { return sp.rec.Stage == models.StagePublicity })
	if !sp.decide.Disabled() || !strings.Contains(sp.status.Text, "2026年10月9日至2026年10月14日") {
		t.Fatalf("a decision offered during the 公示: %q", sp.status.Text)
	}
	test.Tap(sp.objections)
	test.Tap(sp.objectionList.add)
	l := sp.objectionList
	test.Type(l.objector, "市民张某，电话138xxxx0001")
	l.subject.SetSelected("张昇")
	test.Type(l.content, "反映张昇9月态度生硬")
	test.Tap(l.save)
	waitFor(t, "the objection", func() bool { return len(sp.rec.Objections) == 1 })
	now = time.Date(2026, 10, 15, 9, 0, 0, 0, models.CentreZone)
	sc.reload()
	waitFor(t, "the 公示 over", func() bool { return strings.Contains(sp.status.Text, "公示期满") })
	if !sp.decide.Disabled() {
		t.Fatal("a decision offered with an objection open")
	}
	test.Tap(sp.objections)
	l = sp.objectionList
	test.Tap(l.resolve[sp.rec.Objections[0].ID])
	test.Type(l.outcome, "经调取录音录像核查，反映不属实")
	test.Tap(l.save)
	waitFor(t, "the objection resolved", func() bool { return sp.rec.OpenObjections() == 0 })

	// the decision, then the 表彰决定
	test.Tap(sp.decide)
	test.Tap(sp.decideForm.save)
	waitFor(t, "the decision", func() bool { return sp.rec.Decided() })
	if row := quarterRow(t, qv, "王堃"); row[qcDecision] != "★ 授予（同意6票）" {
		t.Fatalf("王堃's row %v", row)
	}
	if row := quarterRow(t, qv, "李喆"); row[qcDecision] != "未授予（同意4票）" {
		t.Fatalf("李喆's row %v", row)
	}
	sp.print(reports.Commendation, false)
	if printedFiles(t, s, "2026年第三季度服务明星表彰决定") != 1 {
		t.Fatal("the 表彰决定 was not printed")
	}
	waitFor(t, "the 表彰 step", func() bool { return sp.rec.Stage == models.StageCommended })

	// a violation after the decision: the month re-opened with a reason
	if err := st.ReopenScoreMonth("2026-08", "补录督查发现的一次性告知违规"); err != nil {
		t.Fatal(err)
	}
	kun := staff[0]
	v := models.Violation{StaffID: kun.ID, On: models.NewDate(2026, 8, 20), Category: models.CategoryNotification,
		Circumstances: "未一次性告知补正材料", RecordedBy: "督查科"}
	if err := st.SaveViolation(&v); err != nil {
		t.Fatal(err)
	}
	sc.reload()
	waitFor(t, "the flag", func() bool { return sp.rec.BasisChanged() })
	row := quarterRow(t, qv, "王堃")
	if row[qcDecision] != "⚠ 已授予，现不具备资格，待复核" || strings.Contains(row[qcDecision], "★") {
		t.Fatalf("王堃's row after the violation %v", row)
	}
	if sp.basis.Hidden || !strings.Contains(sp.basis.Text, "补录督查发现的一次性告知违规") || sp.review.Hidden {
		t.Fatalf("the flag is not shown: %q", sp.basis.Text)
	}
	s.show("总览")
	h := s.screens["总览"].(*homeScreen)
	waitFor(t, "the overview's alert", func() bool { return !h.selections.Hidden })
	if !strings.Contains(h.selections.Text, "2026年第三季度服务明星") {
		t.Fatalf("overview alert %q", h.selections.Text)
	}
}

func TestTrendDrawsOnePointPerScoredMonth(t *testing.T) {
	s, st := newDemoShell(t)
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
