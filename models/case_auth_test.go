package models

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// authRoster is window A01 with its 首席代表 张建华 (ZW010) and the clerk 王堃
// (ZW001), window A02 with the clerk 李喆 (ZW002), and 企业设立登记
// authorised to A01's 首席代表 from 2026-11-01.
type authRoster struct {
	a, b        ServiceWindow
	chief, p, q Staff
	auth        MatterAuthorisation
}

func seedAuthRoster(t *testing.T, st *Store) authRoster {
	t.Helper()
	a, b, p, q := seedCaseRoster(t, st)
	chief := Staff{EmployeeNo: "ZW010", Name: "张建华", HomeUnitID: a.HomeUnitID, WindowID: a.ID, Post: PostChief, JoinedOn: NewDate(2024, 3, 1)}
	if err := st.SaveStaff(&chief); err != nil {
		t.Fatal(err)
	}
	auth := MatterAuthorisation{WindowID: a.ID, Matter: "企业设立登记", From: NewDate(2026, 11, 1), Basis: "市市场监管局授权书〔2026〕3号"}
	if err := st.AddMatterAuthorisation(&auth); err != nil {
		t.Fatal(err)
	}
	return authRoster{a: a, b: b, chief: chief, p: p, q: q, auth: auth}
}

// 窗口办件管理实施细则 三、办件授权要求: "部门已经将事项的审批权限授予窗口首席代表的，
// 此事项的审批案卷中的批准人必须是首席代表签字。"
func TestHandbookCaseAuthorisationApproverMustBeTheChief(t *testing.T) {
	st := openTemp(t)
	r := seedAuthRoster(t, st)
	// 张建华 moves to A02 on 2026-11-16: from then on A01 has no 首席代表.
	if err := st.MoveStaff(r.chief.ID, r.b.ID, NewDate(2026, 11, 16), "轮岗"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name      string
		matter    string
		window    ServiceWindow
		completed time.Time
		approver  string
		want      string // "" = accepted; else part of the refusal
		stored    string
	}{
		{"授权事项由首席代表批准", "企业设立登记", r.a, at(2026, 11, 5, 10, 0), "张建华", "", "张建华"},
		{"批准人写工号视同首席代表本人", "企业设立登记", r.a, at(2026, 11, 5, 10, 0), "zw010", "", "张建华"},
		{"授权事项由窗口工作人员批准：拒绝并说明谁可批准", "企业设立登记", r.a, at(2026, 11, 5, 10, 0), "王堃",
			"事项“企业设立登记”已授权 A01 窗口首席代表审批（2026-11-01 起），批准人应为首席代表 张建华，王堃 不能批准此办件。", ""},
		{"授权事项由部门领导批准：拒绝", "企业设立登记", r.a, at(2026, 11, 5, 10, 0), "赵局长", "批准人应为首席代表 张建华", ""},
		{"授权前办结的办件不受授权约束", "企业设立登记", r.a, at(2026, 10, 30, 10, 0), "赵局长", "", "赵局长"},
		{"未授权的事项任何人可批准", "食品经营许可", r.a, at(2026, 11, 5, 10, 0), "赵局长", "", "赵局长"},
		{"授权只及于被授权的窗口", "企业设立登记", r.b, at(2026, 11, 5, 10, 0), "赵局长", "", "赵局长"},
		{"尚未批准的办件可不填批准人", "企业设立登记", r.a, at(2026, 11, 5, 10, 0), "", "", ""},
		{"首席代表调离后窗口无人可批", "企业设立登记", r.a, at(2026, 11, 20, 10, 0), "张建华",
			"2026-11-20 该窗口没有在岗的首席代表", ""},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			staff := r.p.ID
			if tc.window.ID == r.b.ID {
				staff = r.q.ID
			}
			done := tc.completed
			c := Case{No: "SQ-" + string(rune('A'+i)), Matter: tc.matter, Kind: CaseInstant, Applicant: "乌兰察布喆润物流有限公司",
				WindowID: tc.window.ID, StaffID: staff, ReceivedAt: done.Add(-time.Hour), CompletedAt: &done,
				Result: ResultApproved, Approver: tc.approver}
			err := st.SaveCase(&c)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				got, _ := st.CaseByNo(c.No)
				if got.Approver != tc.stored {
					t.Fatalf("批准人 stored as %q, want %q", got.Approver, tc.stored)
				}
				return
			}
			fe, ok := AsFieldErrors(err)
			if !ok || !strings.Contains(fe.For("批准人"), tc.want) {
				t.Fatalf("got %v, want a 批准人 error containing %q", err, tc.want)
			}
			if _, err := st.CaseByNo(c.No); !errors.Is(err, ErrNotFound) {
				t.Fatal("a refused case was stored")
			}
		})
	}
}

// Completing a case records its 批准人, judged on the day of completion.
func TestHandbookCaseAuthorisationCheckedWhenCompleted(t *testing.T) {
	st := openTemp(t)
	r := seedAuthRoster(t, st)
	c := newCase(t, st, Case{No: "SQ-1", Matter: "企业设立登记", Kind: CasePromised, Applicant: "集宁区鑫源商贸有限公司",
		WindowID: r.a.ID, StaffID: r.p.ID, ReceivedAt: at(2026, 10, 29, 9, 0), PromisedDays: 5})
	err := st.CompleteCaseBy(c.ID, at(2026, 11, 3, 15, 0), ResultApproved, "", "王堃")
	if fe, ok := AsFieldErrors(err); !ok || !strings.Contains(fe.For("批准人"), "批准人应为首席代表 张建华") {
		t.Fatalf("got %v", err)
	}
	if got, _ := st.CaseByID(c.ID); got.Completed() {
		t.Fatal("the refused completion was stored")
	}
	if err := st.CompleteCaseBy(c.ID, at(2026, 11, 3, 15, 0), ResultApproved, "", "张建华"); err != nil {
		t.Fatal(err)
	}
	log, _ := st.AuditLog(AuditFilter{})
	found := false
	for _, e := range log {
		found = found || e.Entity == "办件" && strings.Contains(e.After, "批准人") && strings.Contains(e.After, "张建华")
	}
	if !found {
		t.Fatal("the 批准人 is not in the audit log")
	}
}

// The register: an authorisation is added and ended, never overlapping
// another of the same matter and window, and never turning an approval
// already recorded into a wrong one; every change is in the 操作日志.
func TestHandbookCaseAuthorisationRegister(t *testing.T) {
	st := openTemp(t)
	r := seedAuthRoster(t, st)
	again := MatterAuthorisation{WindowID: r.a.ID, Matter: "企业设立登记", From: NewDate(2026, 12, 1)}
	if fe, ok := AsFieldErrors(st.AddMatterAuthorisation(&again)); !ok || !strings.Contains(fe.For("起始日期"), "已有授权（2026-11-01 起）") {
		t.Fatalf("overlap: %v", fe)
	}
	// 食品经营许可 at A01 was approved by 赵局长 on 11-05: authorising it from
	// 11-01 would make that approval wrong.
	done := at(2026, 11, 5, 10, 0)
	newCase(t, st, Case{No: "SQ-F", Matter: "食品经营许可", Kind: CaseInstant, Applicant: "集宁区玥华餐饮店",
		WindowID: r.a.ID, StaffID: r.p.ID, ReceivedAt: done, CompletedAt: &done, Result: ResultApproved, Approver: "赵局长"})
	food := MatterAuthorisation{WindowID: r.a.ID, Matter: "食品经营许可", From: NewDate(2026, 11, 1)}
	var re *RefusedError
	if err := st.AddMatterAuthorisation(&food); !errors.As(err, &re) || !strings.Contains(re.Reason, "SQ-F（批准人 赵局长）") {
		t.Fatalf("got %v", err)
	}
	food.From = NewDate(2026, 11, 6)
	if err := st.AddMatterAuthorisation(&food); err != nil {
		t.Fatal(err)
	}

	if fe, ok := AsFieldErrors(st.EndMatterAuthorisation(r.auth.ID, NewDate(2026, 11, 30), "")); !ok || fe.For("终止原因") == "" {
		t.Fatalf("an end without a reason: %v", fe)
	}
	if err := st.EndMatterAuthorisation(r.auth.ID, NewDate(2026, 11, 30), "市市场监管局收回审批权限"); err != nil {
		t.Fatal(err)
	}
	if err := st.EndMatterAuthorisation(r.auth.ID, NewDate(2026, 12, 31), "再次终止"); !errors.As(err, &re) || !strings.Contains(re.Reason, "已于 2026-11-30 终止") {
		t.Fatalf("ended twice: %v", err)
	}
	// after its end, the matter may be authorised again
	again.From = NewDate(2026, 12, 1)
	if err := st.AddMatterAuthorisation(&again); err != nil {
		t.Fatal(err)
	}
	list, err := st.MatterAuthorisations(0)
	if err != nil || len(list) != 3 {
		t.Fatalf("%d authorisations (%v)", len(list), err)
	}
	if list[0].Span() != "2026-11-01 至 2026-11-30" || list[0].EndNote != "市市场监管局收回审批权限" || list[0].Window.Code != "A01" {
		t.Fatalf("first %+v", list[0])
	}
	log, _ := st.AuditLog(AuditFilter{})
	n := 0
	for _, e := range log {
		if e.Entity == "办件授权" {
			n++
		}
	}
	if n != 4 { // three added, one ended
		t.Fatalf("%d audit entries of 办件授权, want 4", n)
	}
}

// 窗口办件管理实施细则 三: "实行一审一核的审批事项要达到80%". The rate is
// computed per window and month from plain records.
func TestHandbookOneReviewRateWithThe80PercentLine(t *testing.T) {
	a := ServiceWindow{ID: 1, Code: "A01"}
	b := ServiceWindow{ID: 2, Code: "A02"}
	c := ServiceWindow{ID: 3, Code: "B01"} // authorised, nothing decided
	d := ServiceWindow{ID: 4, Code: "B02"} // nothing authorised
	chiefA := Staff{ID: 10, Name: "张建华", Post: PostChief, WindowID: 1, JoinedOn: NewDate(2024, 1, 1)}
	chiefB := Staff{ID: 11, Name: "乌兰", Post: PostChief, WindowID: 2, JoinedOn: NewDate(2024, 1, 1)}
	book := NewApprovalBook([]MatterAuthorisation{
		{WindowID: 1, Window: a, Matter: "企业设立登记", From: NewDate(2026, 1, 1)},
		{WindowID: 2, Window: b, Matter: "道路运输证", From: NewDate(2026, 1, 1)},
		{WindowID: 3, Window: c, Matter: "户口迁移", From: NewDate(2026, 11, 20)},
	}, []Staff{chiefA, chiefB}, nil)
	n := 0
	kase := func(w ServiceWindow, matter string, day int, result, approver string) Case {
		n++
		done := at(2026, 11, day, 10, 0)
		return Case{ID: uint(n), WindowID: w.ID, Window: w, Matter: matter, ReceivedAt: done, CompletedAt: &done, Result: result, Approver: approver}
	}
	cases := []Case{
		// A01: 4 of 5 by the 首席代表 → 80%, on the line
		kase(a, "企业设立登记", 2, ResultApproved, "张建华"),
		kase(a, "企业设立登记", 3, ResultApproved, "张建华"),
		kase(a, "企业设立登记", 4, ResultDenied, "张建华"),
		kase(a, "企业设立登记", 5, ResultApproved, "张建华"),
		kase(a, "企业设立登记", 6, ResultApproved, ""), // sent back to the department
		kase(a, "企业设立登记", 9, ResultRefused, ""),  // 不予受理: no permit decided
		kase(a, "企业设立登记", 9, ResultReturned, ""), // 退件
		kase(a, "食品经营许可", 9, ResultApproved, ""), // not authorised
		// A02: 3 of 4 → 75%, below
		kase(b, "道路运输证", 2, ResultApproved, "乌兰"),
		kase(b, "道路运输证", 3, ResultApproved, "乌兰"),
		kase(b, "道路运输证", 4, ResultApproved, "乌兰"),
		kase(b, "道路运输证", 5, ResultApproved, ""),
	}
	open := kase(b, "道路运输证", 6, "", "")
	open.CompletedAt = nil
	october := kase(b, "道路运输证", 1, ResultApproved, "")
	october.CompletedAt = func() *time.Time { t := at(2026, 10, 30, 10, 0); return &t }()
	cases = append(cases, open, october)

	rates := book.OneReviewRates(NewDate(2026, 11, 1), []ServiceWindow{a, b, c, d}, cases, DefaultCaseRules())
	got := map[string]OneReviewRate{}
	for _, r := range rates {
		got[r.Window.Code] = r
	}
	if len(rates) != 3 || rates[0].Window.Code != "A01" {
		t.Fatalf("rates of %d windows: %+v", len(rates), rates)
	}
	for _, tc := range []struct {
		name, window, describe string
		below                  bool
	}{
		{"A01 五件授权办件四件由首席代表批准：80%恰好达标", "A01", "4/5 80%", false},
		{"A02 四件中三件：75%低于80%", "A02", "3/4 75%", true},
		{"B01 本月授权但无办结：无比率，不算未达标", "B01", "本月无授权事项办结", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := got[tc.window]
			if r.Describe() != tc.describe || r.Below() != tc.below {
				t.Fatalf("%s: %q below %v; want %q below %v", tc.window, r.Describe(), r.Below(), tc.describe, tc.below)
			}
		})
	}
	if nb := got["A01"].NotByChief; len(nb) != 1 || nb[0].CompletedAt.Day() != 6 {
		t.Fatalf("A01's case to follow up: %+v", nb)
	}
	t.Run("规则集把达标线改为70%：75%达标", func(t *testing.T) {
		rates := book.OneReviewRates(NewDate(2026, 11, 1), []ServiceWindow{a, b, c, d}, cases, CaseRules{OneReviewMinPercent: 70})
		for _, r := range rates {
			if r.Below() {
				t.Fatalf("%s below 70%%: %s", r.Window.Code, r.Describe())
			}
		}
	})
}

// The store computes the month's rates with the line of the rule set in
// force on the month's first day.
func TestOneReviewRatesFollowTheRuleSet(t *testing.T) {
	st := openTemp(t)
	r := seedAuthRoster(t, st)
	for i, approver := range []string{"张建华", "张建华", "", ""} {
		done := at(2026, 11, 3+i, 10, 0)
		newCase(t, st, Case{No: "SQ-" + string(rune('1'+i)), Matter: "企业设立登记", Kind: CaseInstant, Applicant: "集宁区鑫源商贸有限公司",
			WindowID: r.a.ID, StaffID: r.p.ID, ReceivedAt: done, CompletedAt: &done, Result: ResultApproved, Approver: approver})
	}
	rates, err := st.OneReviewRates(NewDate(2026, 11, 26))
	if err != nil || len(rates) != 1 || rates[0].Describe() != "2/4 50%" || !rates[0].Below() || rates[0].MinPercent != 80 {
		t.Fatalf("rates %+v (%v)", rates, err)
	}
	rs := DefaultRuleSet()
	rs.EffectiveFrom = NewDate(2026, 11, 1)
	rs.CaseRules = &CaseRules{OneReviewMinPercent: 50}
	if err := st.SaveRuleSet(&rs); err != nil {
		t.Fatal(err)
	}
	rates, _ = st.OneReviewRates(NewDate(2026, 11, 26))
	if rates[0].Below() || rates[0].MinPercent != 50 {
		t.Fatalf("with a 50%% line: %+v", rates[0])
	}
	rs.CaseRules = &CaseRules{OneReviewMinPercent: 120}
	if fe, ok := AsFieldErrors(st.SaveRuleSet(&rs)); !ok || fe.For("一审一核达标线") == "" {
		t.Fatalf("a line over 100%%: %v", fe)
	}
}

// A database of the version before 办件授权 opens with its cases intact, an
// empty 批准人 on each, and the register ready.
func TestOpenAddsAuthorisationToAnOlderDatabase(t *testing.T) {
	dir := t.TempDir()
	old := mustOpen(t, dir)
	a, _, p, _ := seedCaseRoster(t, old)
	c := newCase(t, old, Case{No: "OLD-1", Matter: "企业设立登记", Kind: CaseInstant, Applicant: "集宁区鑫源商贸有限公司",
		WindowID: a.ID, StaffID: p.ID, ReceivedAt: at(2026, 11, 3, 9, 0)})
	db := old.db
	if err := db.Migrator().DropTable(&MatterAuthorisation{}); err != nil {
		t.Fatal(err)
	}
	for _, col := range []struct {
		model any
		name  string
	}{{&Case{}, "approver"}, {&RuleSet{}, "case_rules"}} {
		if err := db.Migrator().DropColumn(col.model, col.name); err != nil {
			t.Fatal(err)
		}
	}
	db.Exec("DELETE FROM schema_migrations WHERE version >= ?", migrationVersion(t, "办件授权与批准人"))
	old.Close()

	st := mustOpen(t, dir)
	defer st.Close()
	if v, _ := schemaVersion(st.db); v != SchemaVersion() {
		t.Fatalf("version %d, want %d", v, SchemaVersion())
	}
	got, err := st.CaseByNo("OLD-1")
	if err != nil || got.ID != c.ID || got.Approver != "" {
		t.Fatalf("case after upgrade %+v (%v)", got, err)
	}
	auth := MatterAuthorisation{WindowID: a.ID, Matter: "企业设立登记", From: NewDate(2026, 11, 1)}
	if err := st.AddMatterAuthorisation(&auth); err != nil {
		t.Fatal(err)
	}
}
