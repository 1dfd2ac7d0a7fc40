package models

import (
	"errors"
	"strings"
	"testing"
)

// seedCovered adds a person at window w who can be covered.
func seedCovered(t *testing.T, st *Store, u HomeUnit, w ServiceWindow, no, name string) Staff {
	t.Helper()
	p := Staff{EmployeeNo: no, Name: name, HomeUnitID: u.ID, WindowID: w.ID, Post: PostStaff,
		JoinedOn: NewDate(2025, 3, 1), Status: StatusOnDuty}
	if err := st.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	return p
}

func newSubstitution(u HomeUnit, w ServiceWindow, covered Staff, from, to Date) Substitution {
	return Substitution{Name: "赵志刚", IDNumber: "150902198806123413", Mobile: "13904745521",
		HomeUnitID: u.ID, WindowID: w.ID, CoveredID: covered.ID, From: from, To: to,
		Reason: "参加业务培训", ReportedBy: "人事科 白雪", ReportedOn: from.AddDays(-2)}
}

func TestSubstitutionValidation(t *testing.T) {
	st := openTemp(t)
	u, a01, a02 := seedRoster(t, st)
	kun := seedCovered(t, st, u, a01, "ZW001", "王堃")
	other := seedCovered(t, st, u, a02, "ZW002", "李喆")
	nov := func(d int) Date { return NewDate(2026, 11, d) }

	first := newSubstitution(u, a01, kun, nov(9), nov(13))
	first.IDNumber = validID(t, "15090219880612341")
	if err := st.SaveSubstitution(&first, false); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		change func(*Substitution)
		field  string
		reason string
	}{
		{"结束早于开始", func(x *Substitution) { x.From, x.To, x.ReportedOn = nov(20), nov(18), nov(17) }, "结束日期", "不能早于开始日期"},
		{"报备晚于开始（须提前报备）", func(x *Substitution) { x.ReportedOn = x.From.AddDays(1) }, "报备日期", "提前报备"},
		{"被替岗人员不在该窗口", func(x *Substitution) { x.CoveredID = other.ID }, "被替岗人员", "不属于 A01"},
		{"同一人同时两名替岗人员", func(x *Substitution) { x.From, x.To, x.ReportedOn = nov(12), nov(16), nov(10) }, "开始日期", "已有替岗人员 赵志刚"},
		{"身份证号校验码错误", func(x *Substitution) { x.IDNumber = "150902198806123410" }, "身份证号", "校验码"},
		{"缺报备人", func(x *Substitution) { x.ReportedBy = " " }, "报备人", "请填写"},
		{"缺姓名", func(x *Substitution) { x.Name = "" }, "替岗人员", "请填写"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := newSubstitution(u, a01, kun, nov(20), nov(24))
			x.IDNumber = validID(t, "15090219900101002")
			c.change(&x)
			err := st.SaveSubstitution(&x, false)
			fe, ok := AsFieldErrors(err)
			if !ok || !strings.Contains(fe.For(c.field), c.reason) {
				t.Fatalf("want %s: …%s…, got %v", c.field, c.reason, err)
			}
		})
	}
	// the day after the first ends is free again, and the same day as its start is fine
	next := newSubstitution(u, a01, kun, nov(14), nov(14))
	next.IDNumber = validID(t, "15090219900101002")
	next.ReportedOn = nov(14)
	if err := st.SaveSubstitution(&next, false); err != nil {
		t.Fatal("back-to-back substitution refused:", err)
	}
	if list, _ := st.Substitutions(SubstitutionFilter{}); len(list) != 2 {
		t.Fatalf("want 2 substitutions, got %d", len(list))
	}
}

func TestSubstitutionCoversTheLeaveOfThatPerson(t *testing.T) {
	st := openTemp(t)
	u, a01, _ := seedRoster(t, st)
	kun := seedCovered(t, st, u, a01, "ZW001", "王堃")
	zhe := seedCovered(t, st, u, a01, "ZW002", "李喆")
	l := LeaveRequest{StaffID: zhe.ID, Type: "事假", From: NewDate(2026, 11, 9), To: NewDate(2026, 11, 10), Reason: "家事",
		AppliedAt: CivilTime(NewDate(2026, 11, 6), 16, 0, 0)}
	if err := st.SaveLeave(&l); err != nil {
		t.Fatal(err)
	}
	x := newSubstitution(u, a01, kun, NewDate(2026, 11, 9), NewDate(2026, 11, 10))
	x.IDNumber = validID(t, "15090219880612341")
	x.LeaveID = &l.ID
	err := st.SaveSubstitution(&x, false)
	if fe, _ := AsFieldErrors(err); !strings.Contains(fe.For("所替请假"), "不是被替岗人员的请假") {
		t.Fatalf("someone else's leave accepted: %v", err)
	}
	x.CoveredID = zhe.ID
	if err := st.SaveSubstitution(&x, false); err != nil {
		t.Fatal(err)
	}
	got, _ := st.SubstitutionByID(x.ID)
	if got.Leave == nil || got.Leave.ID != l.ID || got.Covered.Name != "李喆" {
		t.Fatalf("stored %+v", got)
	}
}

func TestRegisteredSubstituteIsOnTheRoster(t *testing.T) {
	st := openTemp(t)
	u, a01, _ := seedRoster(t, st)
	kun := seedCovered(t, st, u, a01, "ZW001", "王堃")
	x := newSubstitution(u, a01, kun, NewDate(2026, 11, 9), NewDate(2026, 11, 13))
	x.IDNumber = validID(t, "15090219880612341")
	if err := st.SaveSubstitution(&x, true); err != nil {
		t.Fatal(err)
	}
	if x.Substitute == nil || x.Substitute.EmployeeNo != "TG001" || x.Substitute.Post != PostSubstitute {
		t.Fatalf("roster entry %+v", x.Substitute)
	}
	p := *x.Substitute
	if p.JoinedOn != NewDate(2026, 11, 9) || p.LeftOn != NewDate(2026, 11, 13) || p.WindowID != a01.ID || p.Gender != "男" {
		t.Fatalf("roster entry %+v", p)
	}
	// the same person again later: the same roster entry, serving longer
	again := newSubstitution(u, a01, kun, NewDate(2026, 12, 7), NewDate(2026, 12, 8))
	again.IDNumber = x.IDNumber
	if err := st.SaveSubstitution(&again, true); err != nil {
		t.Fatal(err)
	}
	if again.SubstituteID == nil || *again.SubstituteID != p.ID {
		t.Fatalf("a second roster entry was made: %+v", again.Substitute)
	}
	if q, _ := st.StaffByID(p.ID); q.LeftOn != NewDate(2026, 12, 8) {
		t.Fatalf("service not extended: %s", q.LeftOn)
	}
	if log, _ := st.AuditLog(AuditFilter{Entity: "替岗报备"}); len(log) != 2 {
		t.Fatalf("want 2 audit entries, got %d", len(log))
	}
}

func seedSubstitution(t *testing.T, st *Store, from, to Date) Substitution {
	t.Helper()
	u, a01, _ := seedRoster(t, st)
	kun := seedCovered(t, st, u, a01, "ZW001", "王堃")
	x := newSubstitution(u, a01, kun, from, to)
	x.IDNumber = validID(t, "15090219880612341")
	if err := st.SaveSubstitution(&x, false); err != nil {
		t.Fatal(err)
	}
	return x
}

func TestBadgeStateMachine(t *testing.T) {
	st := openTemp(t)
	nov := func(d int) Date { return NewDate(2026, 11, d) }
	x := seedSubstitution(t, st, nov(9), nov(13))
	badge := BadgeItem{Kind: BadgeKindBadge, No: "临牌-01"}
	plate := BadgeItem{Kind: BadgeKindPlate, No: "座牌-a03"}
	for _, b := range []*BadgeItem{&badge, &plate} {
		if err := st.SaveBadgeItem(b); err != nil {
			t.Fatal(err)
		}
	}
	if plate.No != "座牌-A03" {
		t.Fatalf("number not normalised: %s", plate.No)
	}
	dup := BadgeItem{Kind: BadgeKindBadge, No: "临牌-01"}
	if fe, _ := AsFieldErrors(st.SaveBadgeItem(&dup)); !strings.Contains(fe.For("编号"), "已有") {
		t.Fatal("a second 临牌-01 was accepted")
	}

	loan, err := st.IssueBadge(badge.ID, x.ID, nov(9), "")
	if err != nil {
		t.Fatal(err)
	}
	var re *RefusedError
	if _, err := st.IssueBadge(badge.ID, x.ID, nov(10), ""); !errors.As(err, &re) || !strings.Contains(re.Reason, "尚未归还") {
		t.Fatalf("double issue: %v", err)
	}
	other := BadgeItem{Kind: BadgeKindBadge, No: "临牌-02"}
	st.SaveBadgeItem(&other)
	if _, err := st.IssueBadge(other.ID, x.ID, nov(10), ""); !errors.As(err, &re) || !strings.Contains(re.Reason, "已领有") {
		t.Fatalf("a second badge to one substitute: %v", err)
	}
	if inv, _ := st.BadgeInventory(); inv[0].Item.No != "临牌-01" || inv[0].State != BadgeOut || inv[2].State != BadgeInStock {
		t.Fatalf("inventory %+v", inv)
	}
	if err := st.ReturnBadge(loan.ID, nov(8)); err == nil {
		t.Fatal("returned before it was issued")
	}
	if err := st.ReturnBadge(loan.ID, nov(13)); err != nil {
		t.Fatal(err)
	}
	if err := st.ReturnBadge(loan.ID, nov(14)); !errors.As(err, &re) {
		t.Fatalf("returned twice: %v", err)
	}
	// back in stock: it can go out again, and then be lost for good
	again, err := st.IssueBadge(badge.ID, x.ID, nov(13), "")
	if err != nil {
		t.Fatal("a returned badge cannot be issued again:", err)
	}
	if err := st.LoseBadge(again.ID, nov(14), "替岗人员称遗失"); err != nil {
		t.Fatal(err)
	}
	if inv, _ := st.BadgeInventory(); inv[0].State != BadgeLost {
		t.Fatalf("lost badge shows %s", inv[0].State)
	}
	if _, err := st.IssueBadge(badge.ID, x.ID, nov(13), ""); !errors.As(err, &re) || !strings.Contains(re.Reason, "遗失") {
		t.Fatalf("a lost badge was issued: %v", err)
	}
	if _, err := st.IssueBadge(plate.ID, x.ID, nov(14), ""); err == nil {
		t.Fatal("issued after the substitution ended")
	}
	if log, _ := st.AuditLog(AuditFilter{Entity: "挂牌座牌领用"}); len(log) != 4 {
		t.Fatalf("want 4 audit entries (2 issues, return, loss), got %d", len(log))
	}
}

func TestBadgeOverdueOnTheDayAfterTheEndNotOnIt(t *testing.T) {
	st := openTemp(t)
	end := NewDate(2026, 11, 20)
	x := seedSubstitution(t, st, NewDate(2026, 11, 16), end)
	b := BadgeItem{Kind: BadgeKindBadge, No: "临牌-03"}
	st.SaveBadgeItem(&b)
	loan, err := st.IssueBadge(b.ID, x.ID, NewDate(2026, 11, 16), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		day  Date
		want int
	}{{end.AddDays(-1), 0}, {end, 0}, {end.AddDays(1), 1}, {end.AddDays(6), 1}} {
		late, err := st.OverdueBadges(c.day)
		if err != nil || len(late) != c.want {
			t.Errorf("on %s: %d overdue (%v), want %d", c.day, len(late), err, c.want)
		}
	}
	// returned on the day after the end: not overdue any more
	if err := st.ReturnBadge(loan.ID, end.AddDays(1)); err != nil {
		t.Fatal(err)
	}
	if late, _ := st.OverdueBadges(end.AddDays(1)); len(late) != 0 {
		t.Fatalf("a returned badge is overdue")
	}
}

func TestDemoHasOneOverdueBadge(t *testing.T) {
	st := openTemp(t)
	if err := st.FillDemo(); err != nil {
		t.Fatal(err)
	}
	today := st.Today()
	late, err := st.OverdueBadges(today)
	if err != nil || len(late) != 1 || late[0].Item.No != "临牌-03" || late[0].Substitution.Name != "任重" {
		t.Fatalf("overdue %+v %v", late, err)
	}
	subs, _ := st.Substitutions(SubstitutionFilter{})
	states := map[string]int{}
	for _, s := range subs {
		states[s.State(today)]++
	}
	if states[SubstitutionCurrent] != 1 || states[SubstitutionEnded] != 2 || states[SubstitutionPlanned] != 1 {
		t.Fatalf("states %v", states)
	}
}

// The audit log, which every role reads on 操作日志, never holds a phone
// or identity number in clear: not of staff, substitutes or applicants,
// neither when they are recorded nor when they change.
func TestAuditLogKeepsNumbersMasked(t *testing.T) {
	st := openTemp(t)
	u, a01, _ := seedRoster(t, st)
	kun := seedCovered(t, st, u, a01, "ZW001", "王堃")
	kun.Mobile, kun.IDNumber = "13800138000", validID(t, "15090219880612341")
	if err := st.SaveStaff(&kun); err != nil {
		t.Fatal(err)
	}
	kun.Mobile = "13900139000"
	if err := st.SaveStaff(&kun); err != nil {
		t.Fatal(err)
	}
	x := newSubstitution(u, a01, kun, NewDate(2026, 11, 9), NewDate(2026, 11, 13))
	x.IDNumber = validID(t, "15090219900101002")
	if err := st.SaveSubstitution(&x, false); err != nil {
		t.Fatal(err)
	}
	c := Case{No: "SQ-1", Matter: "企业设立登记", Kind: CaseInstant, Applicant: "集宁区鑫源商贸有限公司", Phone: "13704745566",
		WindowID: a01.ID, StaffID: kun.ID, ReceivedAt: at(2026, 11, 20, 9, 0)}
	if err := st.SaveCase(&c); err != nil {
		t.Fatal(err)
	}
	log, err := st.AuditLog(AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		for _, n := range []string{"13800138000", "13900139000", "13904745521", "13704745566", kun.IDNumber, x.IDNumber} {
			if strings.Contains(e.Before+e.After, n) {
				t.Errorf("%s %s %s holds %s in clear: %s", e.Action, e.Entity, e.Key, n, strings.Join(e.Changes(), "；"))
			}
		}
	}
	var changed bool
	for _, e := range log {
		if e.Entity == "人员" && e.Action == ActionUpdate && strings.Contains(strings.Join(e.Changes(), "；"), "手机号：138****8000 → 139****9000") {
			changed = true
		}
	}
	if !changed {
		t.Error("the log does not show that the phone number changed")
	}
}
