package models

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// scoringCentre builds two windows with two resident staff each and one
// substitute, all punching a perfect November 2026, so each test adds only
// the records it is about.
func scoringCentre(t *testing.T) (*Store, map[string]Staff) {
	t.Helper()
	st := openTemp(t)
	u := HomeUnit{Name: "市市场监督管理局"}
	if err := st.SaveHomeUnit(&u); err != nil {
		t.Fatal(err)
	}
	people := map[string]Staff{}
	for i, w := range []string{"A01", "A02"} {
		win := ServiceWindow{Code: w, Name: "综合窗口" + w, HomeUnitID: u.ID, Active: true}
		if err := st.SaveServiceWindow(&win); err != nil {
			t.Fatal(err)
		}
		for j, name := range [][]string{{"王堃", "李喆", "替岗甲"}, {"张昇", "刘玥"}}[i] {
			p := Staff{EmployeeNo: fmt.Sprintf("ZW%d%d", i, j), Name: name, HomeUnitID: u.ID, WindowID: win.ID,
				Post: PostStaff, JoinedOn: NewDate(2026, 11, 1)}
			if name == "替岗甲" {
				p.Post = PostSubstitute
			}
			if err := st.SaveStaff(&p); err != nil {
				t.Fatal(err)
			}
			people[name] = p
		}
	}
	punchMonth(t, st, people, NewDate(2026, 11, 1))
	// one 满意 rating each: a record an award needs, without points
	for _, p := range people {
		id := p.ID
		if err := st.db.Create(&Rating{On: NewDate(2026, 11, 2), WindowID: p.WindowID, StaffID: &id, Level: "满意"}).Error; err != nil {
			t.Fatal(err)
		}
	}
	return st, people
}

// punchMonth gives everyone four punches on time on each working day of the
// month that begins on first.
func punchMonth(t testing.TB, st *Store, people map[string]Staff, first Date) {
	t.Helper()
	cal, _ := st.Calendar()
	var rows []PunchRow
	for d := first; d.Month() == first.Month(); d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		for _, p := range people {
			for _, hm := range [][2]int{{8, 20}, {12, 5}, {13, 20}, {17, 10}} {
				rows = append(rows, PunchRow{EmployeeNo: p.EmployeeNo, Name: p.Name, At: time.Date(d.Year(), d.Month(), d.Day(), hm[0], hm[1], 0, 0, CentreZone)})
			}
		}
	}
	if _, err := st.ImportPunches(rows); err != nil {
		t.Fatal(err)
	}
}

func scoreOf(t *testing.T, ms MonthScores, name string) PersonScore {
	t.Helper()
	for _, p := range ms.People {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("%s not scored", name)
	return PersonScore{}
}

func TestScoreMonthFromRecords(t *testing.T) {
	st, people := scoringCentre(t)
	// 王堃: a 锦旗 (+1) and a 不满意 rating (−1) → 100
	if err := st.db.Create(&Commendation{StaffID: people["王堃"].ID, On: NewDate(2026, 11, 9), Kind: "锦旗", Note: "群众赠送"}).Error; err != nil {
		t.Fatal(err)
	}
	kun := people["王堃"].ID
	st.db.Create(&Rating{On: NewDate(2026, 11, 10), WindowID: people["王堃"].WindowID, StaffID: &kun, Level: "不满意"})
	// 张昇: a 服务规范 violation (−2) → 98
	v := Violation{StaffID: people["张昇"].ID, On: NewDate(2026, 11, 12), Category: "服务规范", Circumstances: "接待群众时接打私人电话", RecordedBy: "督查科"}
	if err := st.SaveViolation(&v); err != nil {
		t.Fatal(err)
	}
	ms, err := st.ScoreMonth("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	if got := scoreOf(t, ms, "王堃"); got.Score != 100 || got.Bonus != 1 || got.Deductions != 1 || len(got.Items) != 2 {
		t.Fatalf("王堃 %+v", got)
	}
	if got := scoreOf(t, ms, "张昇"); got.Score != 98 || got.Items[0].Ref != fmt.Sprintf("violation:%d", v.ID) {
		t.Fatalf("张昇 %+v", got)
	}
	if got := scoreOf(t, ms, "李喆"); got.Score != 100 {
		t.Fatalf("a perfect month should score 100: %+v", got)
	}
	// windows: A01 = mean(王堃 100, 李喆 100) = 100 (the substitute does
	// not count); A02 = mean(张昇 98, 刘玥 100) = 99
	if ms.Windows[0].Code != "A01" || ms.Windows[0].Score != 100 || ms.Windows[0].Members != 2 || ms.Windows[1].Score != 99 {
		t.Fatalf("windows %+v", ms.Windows)
	}
	if !ms.Windows[0].Award || ms.Windows[0].Rank != 1 {
		t.Fatalf("A01 should be 满意窗口: %+v", ms.Windows[0])
	}
}

func TestRuleChangeNextMonthLeavesThisMonth(t *testing.T) {
	st, people := scoringCentre(t)
	v := Violation{StaffID: people["张昇"].ID, On: NewDate(2026, 11, 12), Category: "服务规范", Circumstances: "着装不整", RecordedBy: "督查科"}
	if err := st.SaveViolation(&v); err != nil {
		t.Fatal(err)
	}
	before, _ := st.ScoreMonth("2026-11")
	rs := DefaultRuleSet()
	rs.ID = 0
	rs.EffectiveFrom = NewDate(2026, 12, 1)
	sr := DefaultScoringRules()
	sr.ViolationPoints = map[string]float64{"服务规范": 10}
	rs.ScoringRules = &sr
	if err := st.SaveRuleSet(&rs); err != nil {
		t.Fatal(err)
	}
	after, _ := st.ScoreMonth("2026-11")
	if scoreOf(t, before, "张昇").Score != 98 || scoreOf(t, after, "张昇").Score != 98 {
		t.Fatalf("November changed with December's rules: %v → %v", scoreOf(t, before, "张昇").Score, scoreOf(t, after, "张昇").Score)
	}
	if after.RuleSet.Name() != "默认规则" {
		t.Fatalf("November names %q", after.RuleSet.Name())
	}
}

func TestScoreMonthCloseLocksAndReopenNeedsReason(t *testing.T) {
	st, people := scoringCentre(t)
	if err := st.PublishScoreMonth("2026-11"); err == nil {
		t.Fatal("published a month that was not closed")
	}
	if err := st.CloseScoreMonth("2026-11"); err != nil {
		t.Fatal(err)
	}
	if locked, _ := st.MonthLocked("2026-11"); !locked {
		t.Fatal("closing the scores must lock the month's records")
	}
	if _, err := st.AddCorrection(people["王堃"].ID, time.Date(2026, 11, 3, 8, 0, 0, 0, CentreZone), "漏打卡", "综合业务科"); err == nil {
		t.Fatal("a closed month accepted a correction")
	}
	if err := st.PublishScoreMonth("2026-11"); err != nil {
		t.Fatal(err)
	}
	if err := st.ReopenScoreMonth("2026-11", " "); err == nil {
		t.Fatal("re-opened without a reason")
	}
	if err := st.ReopenScoreMonth("2026-11", "投诉复核改为不属实"); err != nil {
		t.Fatal(err)
	}
	if s, _ := st.ScoreMonthStateOf("2026-11"); s.State != ScoreDraft || s.Reason != "投诉复核改为不属实" {
		t.Fatalf("state %+v", s)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "月度评分"})
	if len(log) != 3 {
		t.Fatalf("want 3 audited state changes, got %d", len(log))
	}
}

func TestParseQuarter(t *testing.T) {
	ms, err := ParseQuarter("2026q4")
	if err != nil || strings.Join(ms, ",") != "2026-10,2026-11,2026-12" {
		t.Fatalf("%v %v", ms, err)
	}
	for _, bad := range []string{"2026Q5", "2026-4", "Q4", ""} {
		if _, err := ParseQuarter(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func BenchmarkScoreMonth400(b *testing.B) {
	st := fill400(b)
	cal, _ := st.Calendar()
	list, _ := st.StaffList()
	var rows []PunchRow
	for d := NewDate(2026, 11, 1); d.Month() == 11; d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		for _, p := range list {
			for _, hm := range [][2]int{{8, 20}, {12, 5}, {13, 20}, {17, 10}} {
				rows = append(rows, PunchRow{EmployeeNo: p.EmployeeNo, Name: p.Name, At: time.Date(2026, 11, d.Day(), hm[0], hm[1], 0, 0, CentreZone)})
			}
		}
	}
	if _, err := st.ImportPunches(rows); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ms, err := st.ScoreMonth("2026-11")
		if err != nil || len(ms.People) != 400 {
			b.Fatal(err)
		}
	}
}

func TestClosedMonthRefusesConductRecords(t *testing.T) {
	st, people := scoringCentre(t)
	if err := st.CloseScoreMonth("2026-11"); err != nil {
		t.Fatal(err)
	}
	v := Violation{StaffID: people["张昇"].ID, On: NewDate(2026, 11, 12), Category: "服务规范", Circumstances: "着装不整", RecordedBy: "督查科"}
	if err := st.SaveViolation(&v); err == nil || !strings.Contains(err.Error(), "已封帐") {
		t.Fatalf("violation in a closed month: %v", err)
	}
	c := Commendation{StaffID: people["王堃"].ID, On: NewDate(2026, 11, 9), Kind: "锦旗"}
	if err := st.SaveCommendation(&c); err == nil {
		t.Fatal("commendation in a closed month accepted")
	}
	kun := people["王堃"].ID
	if err := st.SaveRating(&Rating{On: NewDate(2026, 11, 10), WindowID: people["王堃"].WindowID, StaffID: &kun, Level: "不满意"}); err == nil {
		t.Fatal("rating in a closed month accepted")
	}
	// records made before the close cannot be deleted while it holds
	if err := st.UnlockMonth("2026-11", "补录表扬"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCommendation(&c); err != nil {
		t.Fatal(err)
	}
	if err := st.LockMonth("2026-11"); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteCommendation(c.ID); err == nil || !strings.Contains(err.Error(), "已封帐") {
		t.Fatalf("a commendation of a closed month was deleted: %v", err)
	}
	// December is open
	v.On = NewDate(2026, 12, 1)
	if err := st.SaveViolation(&v); err != nil {
		t.Fatalf("an open month refused: %v", err)
	}
}

// 一次性告知制度: the first failure costs the person the quarter's 服务明星;
// the second in the year also costs the window the month's 满意窗口.
func TestOneTimeNoticeFirstVersusSecond(t *testing.T) {
	st, people := scoringCentre(t)
	first := Violation{StaffID: people["张昇"].ID, On: NewDate(2026, 11, 10), Category: "一次性告知", Circumstances: "未一次性告知补正材料", RecordedBy: "督查科"}
	if err := st.SaveViolation(&first); err != nil {
		t.Fatal(err)
	}
	ms, _ := st.ScoreMonth("2026-11")
	a02 := ms.Windows[len(ms.Windows)-1]
	for _, w := range ms.Windows {
		if w.Code == "A02" {
			a02 = w
		}
	}
	if !a02.Eligible() || len(scoreOf(t, ms, "张昇").StarVetoes) == 0 {
		t.Fatalf("1st: window %+v, person vetoes %v", a02, scoreOf(t, ms, "张昇").StarVetoes)
	}
	second := first
	second.ID, second.On = 0, NewDate(2026, 11, 20)
	if err := st.SaveViolation(&second); err != nil {
		t.Fatal(err)
	}
	ms, _ = st.ScoreMonth("2026-11")
	for _, w := range ms.Windows {
		if w.Code == "A02" && (w.Eligible() || !strings.Contains(strings.Join(w.Vetoes, ""), "一次性告知")) {
			t.Fatalf("2nd: the window should lose 满意窗口: %+v", w)
		}
	}
	if p := scoreOf(t, ms, "张昇"); p.Score != 94 || len(p.BonusStopped) == 0 {
		t.Fatalf("2nd: 张昇 %+v", p)
	}
}

// A person moved to another window counts, in a past month, for the window
// they sat at then.
func TestScoreMonthUsesTheWindowOfTheTime(t *testing.T) {
	st, people := scoringCentre(t)
	zs := people["张昇"]
	a01 := people["王堃"].WindowID
	if err := st.MoveStaff(zs.ID, a01, NewDate(2026, 12, 1), "调整"); err != nil {
		t.Fatal(err)
	}
	ms, err := st.ScoreMonth("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	if p := scoreOf(t, ms, "张昇"); p.WindowCode != "A02" {
		t.Fatalf("November should count 张昇 at A02, got %s", p.WindowCode)
	}
	for _, w := range ms.Windows {
		if w.Members != 2 {
			t.Fatalf("window %s has %d members in November", w.Code, w.Members)
		}
	}
}

// caseHistory adds years of cases up to the store's today to st, as a
// centre of 400 works them: 70 承诺件 a working day, each due five working
// days later and completed three working days after receipt, one in twenty
// two days late; those not completed by today are open.
func caseHistory(b *testing.B, st *Store, years int) {
	b.Helper()
	cal, err := st.Calendar()
	if err != nil {
		b.Fatal(err)
	}
	list, err := st.StaffList()
	if err != nil {
		b.Fatal(err)
	}
	sqlDB, _ := st.db.DB()
	tx, err := sqlDB.Begin()
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.Prepare(`INSERT INTO cases (no, matter, kind, applicant, window_id, staff_id, received_at, promised_days, due_on, completed_at, approver, created_at, updated_at)
VALUES (?, '企业设立登记', ?, '某某公司', ?, ?, ?, 5, ?, ?, '', ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	today := st.Today()
	for d := today.AddDays(-365 * years); d.Before(today); d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		due := cal.AddWorkingDays(d, 5)
		for k := 0; k < 70; k++ {
			p := list[n%len(list)]
			done := cal.AddWorkingDays(d, 3)
			if n%20 == 0 {
				done = cal.AddWorkingDays(due, 2)
			}
			at := CivilTime(d, 9, k%60, 0)
			var completed any
			if done.Before(today) {
				completed = civilArg(CivilTime(done, 16, 0, 0))
			}
			if _, err := stmt.Exec(fmt.Sprintf("C%07d", n), CasePromised, p.WindowID, p.ID, civilArg(at), due.String(),
				completed, at, at); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkScoreMonthAfterYears scores November 2026 and the fourth quarter
// for a 400-person centre holding one year of cases and another holding
// three: x-3y-over-1y near 1 shows the scoring reads the month, not the
// history.
func BenchmarkScoreMonthAfterYears(b *testing.B) {
	one, three := fill400(b), fill400(b)
	caseHistory(b, one, 1)
	caseHistory(b, three, 3)
	score := func(st *Store) time.Duration {
		start := time.Now()
		ms, err := st.ScoreMonth("2026-11")
		if err != nil || len(ms.People) != 400 {
			b.Fatal(err)
		}
		if _, err := st.ScoreQuarter("2026Q4"); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	var t1, t3 time.Duration
	for b.Loop() {
		t1 += score(one)
		t3 += score(three)
	}
	b.ReportMetric(float64(t1.Milliseconds())/float64(b.N), "1y-ms/op")
	b.ReportMetric(float64(t3.Milliseconds())/float64(b.N), "3y-ms/op")
	b.ReportMetric(float64(t3)/float64(t1), "x-3y-over-1y")
}
