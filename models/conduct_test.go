package models

import (
	"fmt"
	"strings"
	"testing"
)

func conductFixture(t *testing.T) (*Store, Staff, Staff, ServiceWindow) {
	t.Helper()
	st := openTemp(t)
	u, a, _ := seedRoster(t, st)
	p := newStaff(t, st, "ZW001", "王堃", a.ID, u.ID)
	q := newStaff(t, st, "ZW002", "李玥", a.ID, u.ID)
	return st, p, q, a
}

func record(t *testing.T, st *Store, p Staff, on Date, cat string) Violation {
	t.Helper()
	v := Violation{StaffID: p.ID, On: on, Category: cat, Circumstances: "未一次性告知所需材料，群众二次跑", RecordedBy: "督查科"}
	if err := st.SaveViolation(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestLadderStepsPerCategory(t *testing.T) {
	cases := []struct {
		cat     string
		actions []string // 1st, 2nd, 3rd, 4th
		notice  []string
	}{
		{CategoryService, []string{"口头批评，立即改正", "中心网络通报批评", "通报主管部门；窗口整改，直至退回原单位待岗", "通报主管部门；窗口整改，直至退回原单位待岗"},
			[]string{NoticeVerbal, NoticeCircular, NoticeToDept, NoticeToDept}},
		{CategoryNotification, []string{"口头批评；取消当季度服务明星评选资格",
			"中心网络通报批评；通报主管部门；取消所在窗口当月满意窗口资格；扣当月月度考核奖",
			"中心网络通报批评；通报主管部门；取消所在窗口当月满意窗口资格；扣当月月度考核奖",
			"中心网络通报批评；通报主管部门；取消所在窗口当月满意窗口资格；扣当月月度考核奖"},
			[]string{NoticeVerbal, NoticeToDept, NoticeToDept, NoticeToDept}},
		{CategoryPromiseBreak, []string{"通报批评；扣当月考核奖", "停职检查", "调离工作岗位", "调离工作岗位"},
			[]string{NoticeCircular, NoticeSuspend, NoticeRemoval, NoticeRemoval}},
		{CategoryPromiseDelay, []string{"责令立即办理并向服务对象道歉",
			"按违反工作纪律论处，直至调离工作岗位", "按违反工作纪律论处，直至调离工作岗位", "按违反工作纪律论处，直至调离工作岗位"},
			[]string{NoticeVerbal, NoticeCircular, NoticeCircular, NoticeCircular}},
		{CategoryDiscipline, []string{"口头批评", "中心网络通报批评", "通报主管部门", "通报主管部门"},
			[]string{NoticeVerbal, NoticeCircular, NoticeToDept, NoticeToDept}},
		{CategoryDress, []string{"口头批评", "中心网络通报批评", "通报主管部门", "通报主管部门"},
			[]string{NoticeVerbal, NoticeCircular, NoticeToDept, NoticeToDept}},
	}
	for _, c := range cases {
		t.Run(c.cat, func(t *testing.T) {
			st, p, q, _ := conductFixture(t)
			// another person's and another category's violations do not count
			record(t, st, q, NewDate(2026, 2, 1), c.cat)
			other := CategoryDiscipline
			if c.cat == other {
				other = CategoryService
			}
			record(t, st, p, NewDate(2026, 2, 2), other)
			for i := 0; i < 4; i++ {
				v := record(t, st, p, NewDate(2026, 3, 1+i*10), c.cat)
				if v.Step != i+1 || v.SuggestedStep != i+1 || v.StepAction != c.actions[i] || v.NoticeLevel != c.notice[i] {
					t.Fatalf("violation %d: step %d suggested %d action %q notice %q", i+1, v.Step, v.SuggestedStep, v.StepAction, v.NoticeLevel)
				}
			}
			// a new year starts the count again
			v := record(t, st, p, NewDate(2027, 1, 4), c.cat)
			if v.Step != 1 || v.StepAction != c.actions[0] {
				t.Fatalf("new year: step %d %q", v.Step, v.StepAction)
			}
		})
	}
}

func TestLadderNotificationConsequences(t *testing.T) {
	st, p, _, a := conductFixture(t)
	first := record(t, st, p, NewDate(2026, 3, 2), CategoryNotification)
	if !first.LosesQuarterStar || first.LosesWindowMonth || first.StopsMonthlyBonus || first.Censured() {
		t.Fatalf("1st 一次性告知 consequences: %+v", first)
	}
	g, err := st.SuggestStep(p.ID, CategoryNotification, NewDate(2026, 11, 12), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := "本年度第2次 → 中心网络通报批评；通报主管部门；取消所在窗口当月满意窗口资格；扣当月月度考核奖（通报批评、函告主管部门、取消当季服务明星、取消窗口当月满意窗口、扣发当月考核奖）"
	if g.Text() != want {
		t.Fatalf("suggestion %q, want %q", g.Text(), want)
	}
	second := record(t, st, p, NewDate(2026, 11, 12), CategoryNotification)
	if !second.LosesQuarterStar || !second.LosesWindowMonth || !second.StopsMonthlyBonus || !second.ReportsToHomeUnit || !second.Censured() || second.WindowID != a.ID {
		t.Fatalf("2nd 一次性告知 consequences: %+v", second)
	}
	// recording an earlier one moves the later ones up the ladder
	record(t, st, p, NewDate(2026, 1, 5), CategoryNotification)
	got, _ := st.ViolationByID(second.ID)
	if got.Step != 3 {
		t.Fatalf("after an earlier violation the 2nd became step %d, want 3", got.Step)
	}
	if err := st.DeleteViolation(first.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.ViolationByID(second.ID); got.Step != 2 {
		t.Fatalf("after deleting one the step is %d, want 2", got.Step)
	}
}

func TestLadderOverrideNeedsReason(t *testing.T) {
	st, p, _, _ := conductFixture(t)
	record(t, st, p, NewDate(2026, 4, 1), CategoryService)
	v := Violation{StaffID: p.ID, On: NewDate(2026, 5, 6), Category: CategoryService, Circumstances: "使用服务忌语", Override: true, Step: 1}
	err := st.SaveViolation(&v)
	if fe, ok := AsFieldErrors(err); !ok || fe.For("调整理由") == "" {
		t.Fatalf("override without reason: %v", err)
	}
	v.OverrideReason = "当事人主动道歉并取得群众谅解"
	if err := st.SaveViolation(&v); err != nil {
		t.Fatal(err)
	}
	if v.Step != 1 || v.SuggestedStep != 2 || !v.Override || v.StepAction != "口头批评，立即改正" || v.Censured() {
		t.Fatalf("override stored %+v", v)
	}
	// the next one still counts both: it is the 3rd
	third := record(t, st, p, NewDate(2026, 6, 1), CategoryService)
	if third.Step != 3 {
		t.Fatalf("3rd step = %d", third.Step)
	}
	// the override survives renumbering
	if got, _ := st.ViolationByID(v.ID); !got.Override || got.Step != 1 {
		t.Fatalf("override lost: %+v", got)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "违规记录"})
	if len(log) != 3 {
		t.Fatalf("violations not audited: %d entries", len(log))
	}
}

func TestRollingPeriodIsConfigurable(t *testing.T) {
	st, p, _, _ := conductFixture(t)
	rs := DefaultRuleSet()
	rs.EffectiveFrom = NewDate(2026, 1, 1)
	rs.Conduct.Period = PeriodRolling12
	if err := st.SaveRuleSet(&rs); err != nil {
		t.Fatal(err)
	}
	record(t, st, p, NewDate(2026, 12, 20), CategoryDiscipline)
	v := record(t, st, p, NewDate(2027, 1, 4), CategoryDiscipline)
	if v.Step != 2 {
		t.Fatalf("rolling 12 months: step %d, want 2", v.Step)
	}
}

func TestOldRuleSetLoadsConductDefaults(t *testing.T) {
	st, _, _, _ := conductFixture(t)
	rs := DefaultRuleSet()
	rs.EffectiveFrom = NewDate(2025, 1, 1)
	if err := st.SaveRuleSet(&rs); err != nil {
		t.Fatal(err)
	}
	// as saved by a GovDesk before the conduct rules existed
	st.db.Exec("UPDATE rule_sets SET conduct = NULL")
	got, err := st.RulesFor(NewDate(2026, 11, 1))
	if err != nil || got.ID != rs.ID {
		t.Fatalf("rules %+v %v", got, err)
	}
	if got.Conduct.Period != PeriodCalendarYear || got.Conduct.ComplaintDays != 10 || got.Conduct.RectifyDays != 5 || len(got.Conduct.Ladders) != len(ViolationCategories) {
		t.Fatalf("defaults not applied: %+v", got.Conduct)
	}
	st.db.Exec("UPDATE rule_sets SET conduct = ''")
	if got, err := st.RulesFor(NewDate(2026, 11, 1)); err != nil || got.Conduct.ComplaintDays != 10 {
		t.Fatalf("empty conduct column: %+v %v", got.Conduct, err)
	}
}

func TestComplaintUpheldCreatesViolationScoredOnce(t *testing.T) {
	st, p, _, a := conductFixture(t)
	c := Complaint{On: NewDate(2026, 11, 5), WindowID: a.ID, StaffID: &p.ID, Complainant: "张先生", Channel: "12345热线",
		Content: "窗口人员态度生硬，说“这事不归我管”", Problem: ProblemLanguage}
	if err := st.SaveComplaint(&c); err != nil {
		t.Fatal(err)
	}
	// 10 working days after Thu 5 Nov 2026: Fri 6 … Thu 19 Nov
	if c.Status != ComplaintOpen || c.DueOn != NewDate(2026, 11, 19) || c.ViolationID != nil {
		t.Fatalf("registered %+v", c)
	}
	if !c.Overdue(NewDate(2026, 11, 20)) || c.Overdue(NewDate(2026, 11, 19)) {
		t.Fatal("overdue wrong")
	}
	if err := st.ConcludeComplaint(c.ID, ComplaintUpheld, "调取录音录像", "经调取录音，该同志使用服务忌语属实", NewDate(2026, 11, 12)); err != nil {
		t.Fatal(err)
	}
	c, _ = st.ComplaintByID(c.ID)
	if c.ViolationID == nil || !c.LosesQuarterStar || !c.LosesWindowMonth || !c.StopsMonthlyBonus {
		t.Fatalf("concluded %+v", c)
	}
	v, err := st.ViolationByID(*c.ViolationID)
	if err != nil {
		t.Fatal(err)
	}
	// by default an upheld complaint climbs 服务承诺制度 二.3's ladder
	if v.ComplaintID == nil || *v.ComplaintID != c.ID || v.Category != CategoryPromiseBreak || v.Source != SourceComplaint ||
		!v.ScoredAsComplaint || v.Step != 1 || !v.LosesQuarterStar || !v.LosesWindowMonth || !v.StopsMonthlyBonus {
		t.Fatalf("violation %+v", v)
	}
	// concluding again does not create a second one
	if err := st.ConcludeComplaint(c.ID, ComplaintUpheld, "复核", "经复核属实", NewDate(2026, 11, 13)); err != nil {
		t.Fatal(err)
	}
	if vs, _ := st.Violations(ViolationFilter{StaffID: p.ID}); len(vs) != 1 {
		t.Fatalf("want 1 violation, got %d", len(vs))
	}
	// it counts on the ladder: the next 服务承诺违诺 is the 2nd
	if next := record(t, st, p, NewDate(2026, 11, 20), CategoryPromiseBreak); next.Step != 2 || next.ScoredAsComplaint {
		t.Fatalf("next %+v", next)
	}
	if err := st.DeleteViolation(v.ID); err == nil {
		t.Fatal("a complaint's violation must not be deleted on its own")
	}
	// 不属实 on review removes it
	if err := st.ConcludeComplaint(c.ID, ComplaintRejected, "复核", "经复核不属实", NewDate(2026, 11, 16)); err != nil {
		t.Fatal(err)
	}
	c, _ = st.ComplaintByID(c.ID)
	vs, _ := st.Violations(ViolationFilter{StaffID: p.ID})
	if c.ViolationID != nil || len(vs) != 1 || vs[0].Step != 1 || c.LosesQuarterStar {
		t.Fatalf("after 不属实: %+v %+v", c, vs)
	}
}

func TestSatisfactionRates(t *testing.T) {
	st, p, q, a := conductFixture(t)
	rows := []RatingRow{
		{On: NewDate(2026, 11, 2), WindowCode: "A01", EmployeeNo: "ZW001", Level: RatingVeryGood},
		{On: NewDate(2026, 11, 2), WindowCode: "A01", EmployeeNo: "ZW001", Level: RatingVeryGood},
		{On: NewDate(2026, 11, 3), WindowCode: "A01", EmployeeNo: "ZW001", Level: RatingFair},
		{On: NewDate(2026, 11, 4), WindowCode: "A01", EmployeeNo: "ZW001", Level: RatingPoor},
		{On: NewDate(2026, 11, 4), WindowCode: "A01", EmployeeNo: "ZW002", Level: RatingGood},
		{On: NewDate(2026, 11, 5), WindowCode: "A01", Level: RatingVeryPoor},
		{On: NewDate(2026, 10, 30), WindowCode: "A01", EmployeeNo: "ZW002", Level: RatingVeryPoor}, // October
	}
	stats, err := st.ImportRatings(rows)
	if err != nil || stats.Created != 7 {
		t.Fatalf("%v %v", stats, err)
	}
	if again, err := st.ImportRatings(rows); err != nil || again.Created != 0 || again.Unchanged != 7 {
		t.Fatalf("second import: %v %v", again, err)
	}
	people, _ := st.SatisfactionByMonth("2026-11", true)
	if len(people) != 2 || people[0].Key != p.EmployeeNo || people[0].Rated != 4 || people[0].Satisfied() != 3 || people[0].RateText() != "75%" {
		t.Fatalf("people %+v", people)
	}
	if people[1].Key != q.EmployeeNo || people[1].Rated != 1 || people[1].RateText() != "100%" {
		t.Fatalf("people %+v", people)
	}
	wins, _ := st.SatisfactionByMonth("2026-11", false)
	if len(wins) != 1 || wins[0].Key != a.Code || wins[0].Rated != 6 || wins[0].Satisfied() != 4 || wins[0].Bad() != 2 || wins[0].RateText() != "66.7%" {
		t.Fatalf("windows %+v", wins)
	}
	bad, _ := st.Ratings(RatingFilter{Bad: true})
	for _, r := range bad {
		if r.RectifyStatus != RectifyPending || r.RectifyDue.IsZero() {
			t.Fatalf("差评 without rectification item: %+v", r)
		}
	}
	if len(bad) != 3 {
		t.Fatalf("want 3 差评, got %d", len(bad))
	}
}

func TestRectificationDeadlineAcrossHoliday(t *testing.T) {
	st, _, _, _ := conductFixture(t)
	// Fri 6 Nov 2026; the office closes Mon 9 and Tue 10 Nov
	for _, d := range []Date{NewDate(2026, 11, 9), NewDate(2026, 11, 10)} {
		if err := st.SetCalendarDay(d, false, "临时闭厅"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.ImportRatings([]RatingRow{{On: NewDate(2026, 11, 6), WindowCode: "A01", EmployeeNo: "ZW001", Level: RatingPoor}}); err != nil {
		t.Fatal(err)
	}
	items, _ := st.Ratings(RatingFilter{Bad: true})
	if len(items) != 1 || items[0].RectifyDue != NewDate(2026, 11, 17) {
		t.Fatalf("due %v, want 2026-11-17 (Wed 11 … Tue 17)", items[0].RectifyDue)
	}
	r := items[0]
	if !r.RectifyOverdue(NewDate(2026, 11, 18)) || r.RectifyOverdue(NewDate(2026, 11, 17)) {
		t.Fatal("overdue wrong")
	}
	if over, _ := st.Ratings(RatingFilter{Overdue: NewDate(2026, 11, 18)}); len(over) != 1 {
		t.Fatalf("overdue list %d", len(over))
	}
	if err := st.SetRectification(r.ID, RectifyWorking, "", Date{}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetRectification(r.ID, RectifyDone, "", NewDate(2026, 11, 16)); err == nil {
		t.Fatal("完成 without measures accepted")
	}
	if err := st.SetRectification(r.ID, RectifyDone, "已电话回访，重新办结", NewDate(2026, 11, 16)); err != nil {
		t.Fatal(err)
	}
	if over, _ := st.Ratings(RatingFilter{Overdue: NewDate(2026, 11, 18)}); len(over) != 0 {
		t.Fatal("completed item still overdue")
	}
	// a complaint's handling deadline counts the same working days
	c := Complaint{On: NewDate(2026, 11, 6), WindowID: 1, Content: "窗口无人", Problem: ProblemOther}
	if err := st.SaveComplaint(&c); err != nil {
		t.Fatal(err)
	}
	if c.DueOn != NewDate(2026, 11, 24) {
		t.Fatalf("complaint due %v, want 2026-11-24", c.DueOn)
	}
}

func TestViolationValidation(t *testing.T) {
	st, p, _, _ := conductFixture(t)
	v := Violation{StaffID: p.ID, Category: "迟到", Circumstances: ""}
	err := st.SaveViolation(&v)
	fe, _ := AsFieldErrors(err)
	if fe.For("日期") == "" || !strings.Contains(fe.For("类别"), "不存在") || fe.For("情形") == "" {
		t.Fatalf("%v", err)
	}
}

// 评价明细 reads a page at a time: newest first, sorted by a column and
// narrowed by search words in the database, the words taken literally.
func TestRatingsPageSortsAndSearchesInTheDatabase(t *testing.T) {
	st, p, q, _ := conductFixture(t)
	var rows []RatingRow
	for i := 0; i < 30; i++ {
		r := RatingRow{On: NewDate(2026, 11, 1+i%28), WindowCode: "A01", EmployeeNo: p.EmployeeNo, Level: RatingVeryGood,
			CaseNo: fmt.Sprintf("SZ2026%04d", i), Comment: "办事快"}
		if i%3 == 0 {
			r.EmployeeNo, r.Level, r.Comment = q.EmployeeNo, RatingFair, "等候时间长，50%的时间在排队"
		}
		rows = append(rows, r)
	}
	if _, err := st.ImportRatings(rows); err != nil {
		t.Fatal(err)
	}
	page, err := st.RatingsPage(RatingFilter{}, PageOrder{}, 0, 5)
	if err != nil || len(page) != 5 {
		t.Fatalf("first page: %d, %v", len(page), err)
	}
	for i := 1; i < len(page); i++ {
		if page[i].On.After(page[i-1].On) {
			t.Fatalf("first page not newest first: %s after %s", page[i].On, page[i-1].On)
		}
	}
	if page[0].On != NewDate(2026, 11, 28) || page[0].Window.Code != "A01" || page[0].Staff == nil {
		t.Fatalf("newest rating %+v", page[0])
	}
	if n, _ := st.CountRatings(RatingFilter{}); n != 30 {
		t.Fatalf("count %d, want 30", n)
	}

	// 李玥 sorts before 王堃 by name only when the database sorts the whole list
	byStaff, err := st.RatingsPage(RatingFilter{}, PageOrder{By: SortRatingStaff}, 0, 10)
	if err != nil || len(byStaff) != 10 || byStaff[0].Staff.Name != q.Name || byStaff[9].Staff.Name != q.Name {
		t.Fatalf("sorted by person: %d rows, %v", len(byStaff), err)
	}
	second, _ := st.RatingsPage(RatingFilter{}, PageOrder{By: SortRatingStaff}, 10, 10)
	if second[0].Staff.Name != p.Name {
		t.Fatalf("second page sorted by person starts with %s", second[0].Staff.Name)
	}
	byCase, _ := st.RatingsPage(RatingFilter{}, PageOrder{By: SortRatingCaseNo, Desc: true}, 0, 1)
	if byCase[0].CaseNo != "SZ20260029" {
		t.Fatalf("sorted by 办件编号 descending: %s", byCase[0].CaseNo)
	}
	if _, err := st.RatingsPage(RatingFilter{}, PageOrder{By: "id; DROP TABLE ratings"}, 0, 1); err == nil {
		t.Fatal("an unknown sort column was accepted")
	}

	for _, c := range []struct {
		words []string
		f     RatingFilter
		want  int
	}{
		{[]string{q.Name}, RatingFilter{}, 10},
		{[]string{p.EmployeeNo}, RatingFilter{}, 20},
		{[]string{"SZ20260007"}, RatingFilter{}, 1},
		{[]string{"50%"}, RatingFilter{}, 10},
		{[]string{"5_%"}, RatingFilter{}, 0}, // "_" is not a wildcard
		{[]string{"A01", "排队"}, RatingFilter{}, 10},
		{[]string{"企业开办"}, RatingFilter{Level: RatingVeryGood}, 20},
		{nil, RatingFilter{From: NewDate(2026, 11, 1), To: NewDate(2026, 11, 2)}, 4},
	} {
		f := c.f
		f.Words = c.words
		n, err := st.CountRatings(f)
		got, _ := st.RatingsPage(f, PageOrder{}, 0, 100)
		if err != nil || n != c.want || len(got) != c.want {
			t.Errorf("%q %+v: count %d, page %d, want %d (%v)", c.words, c.f, n, len(got), c.want, err)
		}
	}
}

// A commendations file adds each commendation once: a repeat in the file
// and a second import change nothing, and each one added is in the log.
func TestImportCommendationsAddsEachOnce(t *testing.T) {
	st, p, q, _ := conductFixture(t)
	rows := []CommendationRow{
		{EmployeeNo: p.EmployeeNo, On: NewDate(2026, 11, 5), Kind: CommendBanner, Note: "群众赠送锦旗"},
		{EmployeeNo: p.EmployeeNo, On: NewDate(2026, 11, 5), Kind: CommendBanner, Note: "群众赠送锦旗"},
		{EmployeeNo: q.EmployeeNo, On: NewDate(2026, 11, 6), Kind: CommendLetter, Note: "来信表扬"},
	}
	if stats, err := st.ImportCommendations(rows); err != nil || stats.Created != 2 || stats.Unchanged != 1 {
		t.Fatalf("first import: %+v, %v", stats, err)
	}
	if stats, err := st.ImportCommendations(rows); err != nil || stats.Created != 0 || stats.Unchanged != 3 {
		t.Fatalf("second import: %+v, %v", stats, err)
	}
	got, _ := st.Commendations(CommendationFilter{})
	if len(got) != 2 || got[0].Staff.Name == "" {
		t.Fatalf("stored %+v", got)
	}
	entries, _ := st.AuditPage(AuditFilter{Entity: Commendation{}.auditEntity()}, PageOrder{}, 0, 10)
	if len(entries) != 2 || !strings.Contains(entries[0].Key+entries[1].Key, q.Name) {
		t.Fatalf("audit entries %+v", entries)
	}
}

// An import of violations leaves every violation as saving the rows one by
// one through the form does: the ladder steps of the new ones, the file's
// own earlier rows counted (same-day ones in file order), the renumbered
// later ones (a complaint's and an overridden one among them), the window
// each happened at, and a repeated row added once.
func TestImportedViolationsTakeTheStepsSavingThemOneByOneGives(t *testing.T) {
	rows := []ViolationRow{
		{EmployeeNo: "ZW001", On: NewDate(2026, 4, 1), Category: CategoryPromiseBreak, Circumstances: "超期未办结", RecordedBy: "督查科"},
		{EmployeeNo: "ZW001", On: NewDate(2026, 2, 1), Category: CategoryPromiseBreak, Circumstances: "承诺时限内未办结", RecordedBy: "督查科"},
		{EmployeeNo: "ZW002", On: NewDate(2026, 3, 3), Category: CategoryDiscipline, Circumstances: "上班时间玩手机"},
		{EmployeeNo: "ZW001", On: NewDate(2026, 4, 1), Category: CategoryPromiseBreak, Circumstances: "未按承诺回复"},
		{EmployeeNo: "ZW001", On: NewDate(2026, 9, 9), Category: CategoryService, Circumstances: "未起身迎候"},
		{EmployeeNo: "ZW001", On: NewDate(2026, 4, 20), Category: CategoryPromiseDelay, Circumstances: "无正当理由超期三日"},
		{EmployeeNo: "ZW001", On: NewDate(2026, 4, 1), Category: CategoryPromiseBreak, Circumstances: "超期未办结", RecordedBy: "督查科"},
	}
	centre := func(t *testing.T) *Store {
		st, p, q, a := conductFixture(t)
		var b ServiceWindow = ServiceWindow{Code: "B09", Name: "社保窗口", HomeUnitID: p.HomeUnitID}
		if err := st.SaveServiceWindow(&b); err != nil {
			t.Fatal(err)
		}
		if err := st.MoveStaff(p.ID, b.ID, NewDate(2026, 8, 1), "轮岗"); err != nil {
			t.Fatal(err)
		}
		record(t, st, p, NewDate(2025, 12, 20), CategoryPromiseBreak)
		record(t, st, p, NewDate(2026, 3, 10), CategoryPromiseBreak)
		c := Complaint{On: NewDate(2026, 5, 5), WindowID: a.ID, StaffID: &p.ID, Complainant: "张先生", Content: "承诺五日办结，逾期未办", Problem: ProblemOverdue,
			Status: ComplaintUpheld, Finding: "属实", ConcludedOn: NewDate(2026, 5, 8)}
		if err := st.SaveComplaint(&c); err != nil {
			t.Fatal(err)
		}
		kept := Violation{StaffID: p.ID, On: NewDate(2026, 7, 1), Category: CategoryPromiseBreak, Circumstances: "逾期", RecordedBy: "督查科",
			Override: true, Step: 1, OverrideReason: "情节轻微，经领导研究从轻"}
		if err := st.SaveViolation(&kept); err != nil {
			t.Fatal(err)
		}
		record(t, st, p, NewDate(2026, 10, 10), CategoryPromiseBreak)
		record(t, st, q, NewDate(2026, 6, 6), CategoryDiscipline)
		return st
	}
	imported, saved := centre(t), centre(t)
	stats, err := imported.ImportViolations(rows)
	if err != nil || stats.Created != 6 || stats.Unchanged != 1 {
		t.Fatal(stats, err)
	}
	roster, _ := saved.StaffList()
	ids := map[string]uint{}
	for _, p := range roster {
		ids[p.EmployeeNo] = p.ID
	}
	for _, r := range rows[:6] {
		v := Violation{StaffID: ids[r.EmployeeNo], On: r.On, Category: r.Category, Circumstances: r.Circumstances, RecordedBy: r.RecordedBy}
		if err := saved.SaveViolation(&v); err != nil {
			t.Fatal(err)
		}
	}
	show := func(st *Store) []string {
		vs, err := st.Violations(ViolationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, v := range vs {
			out = append(out, fmt.Sprintf("#%d %s %s %s %s 窗口%d 第%d次(建议%d) 调整%v %s｜%s｜%s｜来源%s 投诉%v 记录人%s",
				v.ID, v.Staff.EmployeeNo, v.On, v.Category, v.Circumstances, v.WindowID, v.Step, v.SuggestedStep, v.Override,
				v.StepAction, v.NoticeLevel, v.ConsequenceList, v.Source, v.ScoredAsComplaint, v.RecordedBy))
		}
		return out
	}
	got, want := show(imported), show(saved)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("imported:\n%s\nsaved one by one:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// the stored ones the file moved are recorded as changed
	log, err := imported.AuditLog(AuditFilter{Entity: "违规记录"})
	if err != nil {
		t.Fatal(err)
	}
	var created, updated int
	for _, e := range log {
		switch e.Action {
		case ActionCreate:
			created++
		case ActionUpdate:
			updated++
		}
	}
	if created != 6+6 || updated == 0 {
		t.Fatalf("%d created, %d updated in the log", created, updated)
	}
}

// An import of complaints leaves complaints and violations as registering
// them one by one through the form does: 办理时限, the consequences of an
// upheld one, the violation it creates on the person's ladder and the
// stored ones it renumbers. Importing the file again changes nothing; a
// changed 核查结论 updates the complaint and its violation.
func TestImportedComplaintsMatchRegisteringThemOneByOne(t *testing.T) {
	rows := []ComplaintRow{
		{On: NewDate(2026, 4, 7), WindowCode: "A01", EmployeeNo: "ZW001", Complainant: "张先生", Content: "承诺五日办结，逾期未办", Problem: ProblemOverdue,
			Status: ComplaintUpheld, Finding: "经查属实", ConcludedOn: NewDate(2026, 4, 10)},
		{On: NewDate(2026, 3, 2), WindowCode: "A01", EmployeeNo: "ZW001", Complainant: "李女士", Content: "说“这事不归我管”", Problem: ProblemLanguage,
			Status: ComplaintUpheld, Finding: "调取录音属实", ConcludedOn: NewDate(2026, 3, 5)},
		{On: NewDate(2026, 3, 2), WindowCode: "A01", EmployeeNo: "ZW002", Content: "态度生硬", Problem: ProblemAttitude, Status: ComplaintRejected,
			Finding: "经查不属实", ConcludedOn: NewDate(2026, 3, 6)},
		{On: NewDate(2026, 5, 5), WindowCode: "A01", Content: "窗口无人", Problem: ProblemOther, Status: ComplaintOpen},
		{On: NewDate(2026, 5, 6), WindowCode: "A01", Content: "材料没一次说清", Problem: ProblemNotification, Status: ComplaintUpheld, Finding: "属实"},
	}
	centre := func(t *testing.T) (*Store, Staff) {
		st, p, q, _ := conductFixture(t)
		record(t, st, p, NewDate(2026, 2, 1), CategoryPromiseBreak)
		record(t, st, p, NewDate(2026, 6, 1), CategoryPromiseBreak)
		record(t, st, p, NewDate(2026, 9, 1), CategoryPromiseDelay)
		record(t, st, q, NewDate(2026, 3, 3), CategoryService)
		return st, p
	}
	imported, _ := centre(t)
	if stats, err := imported.ImportComplaints(rows); err != nil || stats.Created != 5 {
		t.Fatal(stats, err)
	}
	saved, _ := centre(t)
	windows, _ := saved.ServiceWindows()
	roster, _ := saved.StaffList()
	for _, r := range rows {
		c := Complaint{On: r.On, Complainant: r.Complainant, Content: r.Content, Problem: r.Problem, Status: r.Status, Finding: r.Finding, ConcludedOn: r.ConcludedOn}
		for _, w := range windows {
			if w.Code == r.WindowCode {
				c.WindowID = w.ID
			}
		}
		for _, p := range roster {
			if p.EmployeeNo == r.EmployeeNo {
				c.StaffID = &p.ID
			}
		}
		if err := saved.SaveComplaint(&c); err != nil {
			t.Fatal(err)
		}
	}
	show := func(st *Store) string {
		cs, err := st.Complaints(ComplaintFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range cs {
			vid := uint(0)
			if c.ViolationID != nil {
				vid = *c.ViolationID
			}
			out = append(out, fmt.Sprintf("投诉#%d %s %s %s %s 时限%s %s 办结%s 违规#%d 星%v 窗%v 奖%v", c.ID, c.On, c.Window.Code, c.StaffLabel(), c.Content,
				c.DueOn, c.Status, c.ConcludedOn, vid, c.LosesQuarterStar, c.LosesWindowMonth, c.StopsMonthlyBonus))
		}
		vs, err := st.Violations(ViolationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			cid := uint(0)
			if v.ComplaintID != nil {
				cid = *v.ComplaintID
			}
			out = append(out, fmt.Sprintf("违规#%d %s %s %s %s｜%s 窗口%d 第%d次(建议%d) %s｜%s 来源%s 投诉#%d 计为投诉%v", v.ID, v.Staff.EmployeeNo, v.On, v.Category,
				v.Circumstances, v.Evidence, v.WindowID, v.Step, v.SuggestedStep, v.StepAction, v.ConsequenceList, v.Source, cid, v.ScoredAsComplaint))
		}
		return strings.Join(out, "\n")
	}
	if got, want := show(imported), show(saved); got != want {
		t.Fatalf("imported:\n%s\nregistered one by one:\n%s", got, want)
	}
	if stats, err := imported.ImportComplaints(rows); err != nil || stats.Unchanged != 5 {
		t.Fatal("again:", stats, err)
	}
	again := append([]ComplaintRow(nil), rows...)
	again[1].Finding = "调取录音录像，属实"
	if stats, err := imported.ImportComplaints(again); err != nil || stats.Updated != 1 || stats.Unchanged != 4 {
		t.Fatal("changed:", stats, err)
	}
	if vs, _ := imported.Violations(ViolationFilter{Text: "不归我管"}); len(vs) != 1 || vs[0].Evidence != "投诉核查：调取录音录像，属实" {
		t.Fatalf("%+v", vs)
	}
}
