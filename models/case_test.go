package models

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, CentreZone)
}

func atPtr(y int, m time.Month, d, hh, mm int) *time.Time {
	t := at(y, m, d, hh, mm)
	return &t
}

func TestCheckCreditCode(t *testing.T) {
	cases := []struct {
		name, code string
		want       string // "" = valid
	}{
		{"小米科技有限责任公司", "91110108551385082Q", ""},
		{"华为技术有限公司（校验码为数字）", "914403001922038216", ""},
		{"腾讯科技（深圳）有限公司", "9144030071526726XG", ""},
		{"小写字母视同大写", "91110108551385082q", ""},
		{"校验码错误", "91110108551385082R", "统一社会信用代码校验码不正确，请核对代码（按前17位，最后一位应为Q）"},
		{"只有17位", "91110108551385082", "统一社会信用代码应为18位，现为17位"},
		{"含字母O（易与数字0混淆，不用）", "91110108551385O82Q", "统一社会信用代码只能由数字和大写字母组成（不含 I、O、Z、S、V），第15位“O”不对"},
		{"误把身份证号填作信用代码", "11010519491231002X", "统一社会信用代码校验码不正确，请核对代码（按前17位，最后一位应为B）"},
		{"含汉字", "9111010855138508号Q", "统一社会信用代码只能由数字和大写字母组成（不含 I、O、Z、S、V），第17位“号”不对"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckCreditCode(c.code)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Fatalf("CheckCreditCode(%q) = %q, want %q", c.code, got, c.want)
			}
		})
	}
}

func TestCaseDueDate(t *testing.T) {
	cal := NewCalendar(nil)
	cases := []struct {
		name     string
		kind     string
		received time.Time
		promised int
		want     Date
	}{
		{"即办件当日为期限", CaseInstant, at(2026, 11, 3, 8, 27), 0, NewDate(2026, 11, 3)},
		{"即办件在国庆调休周六受理", CaseInstant, at(2026, 10, 10, 9, 0), 0, NewDate(2026, 10, 10)},
		{"承诺3日：周二受理周五到期", CasePromised, at(2026, 11, 3, 16, 50), 3, NewDate(2026, 11, 6)},
		{"承诺5日跨周末", CasePromised, at(2026, 11, 20, 10, 0), 5, NewDate(2026, 11, 27)},
		{"国庆节前一天受理，承诺3日：10月8日第1日，10月10日周六调休为第3日", CasePromised, at(2026, 9, 30, 15, 0), 3, NewDate(2026, 10, 10)},
		{"国庆节前一天受理，承诺4日：10月11日周日不计，10月12日到期", CasePromised, at(2026, 9, 30, 15, 0), 4, NewDate(2026, 10, 12)},
		{"国庆假期中受理（网上申请），承诺1日", CasePromised, at(2026, 10, 3, 10, 0), 1, NewDate(2026, 10, 8)},
		{"春节前周五受理，承诺1日：2月14日周六调休上班", CasePromised, at(2026, 2, 13, 9, 30), 1, NewDate(2026, 2, 14)},
		{"春节前周五受理，承诺2日：跳过2月15日至23日假期", CasePromised, at(2026, 2, 13, 9, 30), 2, NewDate(2026, 2, 24)},
		{"春节后承诺6日：2月28日周六调休为第6日", CasePromised, at(2026, 2, 13, 9, 30), 6, NewDate(2026, 2, 28)},
		{"上报件按承诺时限计初审期限", CaseForwarded, at(2026, 9, 30, 11, 0), 10, NewDate(2026, 10, 20)},
		{"深夜受理仍按受理当日起算", CasePromised, at(2026, 11, 3, 23, 59), 1, NewDate(2026, 11, 4)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := Case{Kind: c.kind, ReceivedAt: c.received, PromisedDays: c.promised}
			if got := k.DueDate(cal); got != c.want {
				t.Fatalf("due %s, want %s", got, c.want)
			}
		})
	}
}

func TestCaseOverdueDaysAndStatus(t *testing.T) {
	cal := NewCalendar(nil)
	today := NewDate(2026, 11, 26)
	cases := []struct {
		name      string
		kind      string
		due       Date
		completed *time.Time
		overdue   []string
		perMonth  map[time.Month]int
		status    string
	}{
		{"即办件当日办结", CaseInstant, NewDate(2026, 11, 3), atPtr(2026, 11, 3, 9, 10), nil, nil, CaseDone},
		{"即办件次日才办结，超期1个工作日", CaseInstant, NewDate(2026, 11, 3), atPtr(2026, 11, 4, 9, 10), []string{"2026-11-04"}, map[time.Month]int{11: 1}, CaseDoneLate},
		{"承诺件到期当天办结不算超期", CasePromised, NewDate(2026, 11, 6), atPtr(2026, 11, 6, 17, 20), nil, nil, CaseDone},
		{"承诺件提前办结", CasePromised, NewDate(2026, 11, 6), atPtr(2026, 11, 4, 10, 0), nil, nil, CaseDone},
		{"国庆节前到期、节后办结：假期不计，超期按月分摊", CasePromised, NewDate(2026, 9, 29), atPtr(2026, 10, 9, 11, 0), []string{"2026-09-30", "2026-10-08", "2026-10-09"}, map[time.Month]int{9: 1, 10: 2}, CaseDoneLate},
		{"国庆调休周六办结，当日计为超期", CasePromised, NewDate(2026, 10, 8), atPtr(2026, 10, 10, 15, 0), []string{"2026-10-09", "2026-10-10"}, map[time.Month]int{10: 2}, CaseDoneLate},
		{"春节前到期、节后办结：2月14日调休计入", CasePromised, NewDate(2026, 2, 13), atPtr(2026, 2, 24, 9, 0), []string{"2026-02-14", "2026-02-24"}, map[time.Month]int{2: 2}, CaseDoneLate},
		{"未办结且已过期限：计到今天", CasePromised, NewDate(2026, 11, 19), nil, []string{"2026-11-20", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"}, map[time.Month]int{11: 5}, CaseOverdue},
		{"未办结、今天到期：不算超期", CasePromised, NewDate(2026, 11, 26), nil, nil, nil, CaseOpen},
		{"未办结、期限未到", CaseForwarded, NewDate(2026, 12, 3), nil, nil, nil, CaseOpen},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := Case{Kind: c.kind, DueOn: c.due, CompletedAt: c.completed}
			days := k.OverdueDays(cal, today)
			var got []string
			months := map[time.Month]int{}
			for _, d := range days {
				got = append(got, d.String())
				months[d.Month()]++
			}
			if strings.Join(got, ",") != strings.Join(c.overdue, ",") {
				t.Fatalf("overdue days %v, want %v", got, c.overdue)
			}
			for m, n := range c.perMonth {
				if months[m] != n {
					t.Errorf("month %d charged %d days, want %d", m, months[m], n)
				}
			}
			if s := k.Status(today); s != c.status {
				t.Fatalf("status %s, want %s", s, c.status)
			}
		})
	}
}

func TestCaseValidation(t *testing.T) {
	good := func() Case {
		return Case{No: "20261103-A01-001", Matter: "企业设立登记", Kind: CasePromised,
			Applicant: "乌兰察布市集宁区鑫源商贸有限公司", WindowID: 1, StaffID: 1,
			ReceivedAt: at(2026, 11, 3, 8, 27), LegalDays: 15, PromisedDays: 3}
	}
	cases := []struct {
		name   string
		change func(c *Case)
		field  string
		reason string
	}{
		{"编号为空", func(c *Case) { c.No = "  " }, "办件编号", "请填写办件编号"},
		{"事项为空", func(c *Case) { c.Matter = "" }, "事项名称", "请填写事项名称"},
		{"类型写成“普通件”", func(c *Case) { c.Kind = "普通件" }, "办件类型", "办件类型只能是 即办件 / 承诺件 / 上报件"},
		{"申请人为空", func(c *Case) { c.Applicant = "" }, "申请人", "请填写申请人（个人姓名或单位名称）"},
		{"未选窗口", func(c *Case) { c.WindowID = 0 }, "窗口编号", "请选择受理窗口"},
		{"未选受理人员", func(c *Case) { c.StaffID = 0 }, "工号", "请选择受理人员"},
		{"未填受理时间", func(c *Case) { c.ReceivedAt = time.Time{} }, "受理时间", "请填写受理时间"},
		{"承诺件未填承诺时限", func(c *Case) { c.PromisedDays = 0 }, "承诺时限", "承诺件须填写承诺时限（工作日数，如 5）"},
		{"上报件未填承诺时限", func(c *Case) { c.Kind, c.PromisedDays = CaseForwarded, 0 }, "承诺时限", "上报件须填写承诺时限（工作日数，如 5）"},
		{"承诺时限超过法定时限", func(c *Case) { c.PromisedDays = 20 }, "承诺时限", "承诺时限（20个工作日）不能超过法定时限（15个工作日）"},
		{"即办件填了承诺时限", func(c *Case) { c.Kind = CaseInstant }, "承诺时限", "即办件当场办结，不填承诺时限；如需几个工作日办理，请改为承诺件"},
		{"法定时限为负", func(c *Case) { c.LegalDays = -1 }, "法定时限", "法定时限不能为负数"},
		{"办结早于受理", func(c *Case) { c.CompletedAt, c.Result = atPtr(2026, 11, 2, 16, 0), ResultApproved }, "办结时间", "办结时间不能早于受理时间 2026-11-03 08:27"},
		{"已办结未填结果", func(c *Case) { c.CompletedAt = atPtr(2026, 11, 4, 16, 0) }, "办理结果", "已办结的办件请填写办理结果：准予 / 不予许可 / 不予受理 / 退件 / 上报"},
		{"结果写成“同意”", func(c *Case) { c.CompletedAt, c.Result = atPtr(2026, 11, 4, 16, 0), "同意" }, "办理结果", "办理结果只能是 准予 / 不予许可 / 不予受理 / 退件 / 上报"},
		{"承诺件不能“上报”", func(c *Case) { c.CompletedAt, c.Result = atPtr(2026, 11, 4, 16, 0), ResultForwarded }, "办理结果", "只有上报件的办理结果可以是“上报”；如需上报，请把办件类型改为上报件"},
		{"有结果无办结时间", func(c *Case) { c.Result = ResultApproved }, "办结时间", "填写了办理结果“准予”，请同时填写办结时间"},
		{"单位的统一社会信用代码校验码错", func(c *Case) { c.ApplicantType, c.ApplicantID = ApplicantOrg, "91110108551385082R" }, "证件号码", "统一社会信用代码校验码不正确，请核对代码（按前17位，最后一位应为Q）"},
		{"个人18位身份证号校验码错", func(c *Case) { c.ApplicantType, c.ApplicantID = ApplicantPerson, "110105194912310021" }, "证件号码", "身份证号校验码不正确，请核对号码（按前17位，最后一位应为X）"},
		{"未注明类型的18位号码两种校验都不通过", func(c *Case) { c.ApplicantID = "110105194912310021" }, "证件号码", "证件号码既不是有效的身份证号，也不是有效的统一社会信用代码，请核对号码"},
		{"申请人类型写成“企业”", func(c *Case) { c.ApplicantType = "企业" }, "申请人类型", "申请人类型只能是 个人 / 单位"},
		{"材料缺名称", func(c *Case) {
			c.Materials = []CaseMaterial{{Name: "身份证", Form: MaterialOriginal}, {Form: MaterialCopy}}
		}, "材料", "第2项材料：请填写材料名称"},
		{"材料形式写成“扫描件”", func(c *Case) { c.Materials = []CaseMaterial{{Name: "营业执照", Form: "扫描件"}} }, "材料", "第1项材料“营业执照”：只能是 原件 / 复印件"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := good()
			c.change(&k)
			fe := k.Validate()
			if got := fe.For(c.field); got != c.reason {
				t.Fatalf("%s: %q, want %q (all: %v)", c.field, got, c.reason, fe)
			}
		})
	}
	t.Run("合格的办件", func(t *testing.T) {
		k := good()
		if fe := k.Validate(); len(fe) > 0 {
			t.Fatal(fe)
		}
	})
	t.Run("护照号码不按身份证号校验", func(t *testing.T) {
		k := good()
		k.ApplicantType, k.ApplicantID = ApplicantPerson, "E12345678"
		if fe := k.Validate(); len(fe) > 0 {
			t.Fatal(fe)
		}
	})
	t.Run("由证件号码判断申请人类型", func(t *testing.T) {
		k := good()
		k.ApplicantID = "91110108551385082q"
		k.Validate()
		if k.ApplicantType != ApplicantOrg || k.ApplicantID != "91110108551385082Q" {
			t.Fatalf("got %s %s", k.ApplicantType, k.ApplicantID)
		}
		k.ApplicantType, k.ApplicantID = "", "11010519491231002X"
		k.Validate()
		if k.ApplicantType != ApplicantPerson {
			t.Fatalf("got %s", k.ApplicantType)
		}
	})
}

// seedCaseRoster adds the two windows of seedRoster with one person each.
func seedCaseRoster(t *testing.T, st *Store) (ServiceWindow, ServiceWindow, Staff, Staff) {
	t.Helper()
	u, a, b := seedRoster(t, st)
	p := newStaff(t, st, "ZW001", "王堃", a.ID, u.ID)
	q := Staff{EmployeeNo: "ZW002", Name: "李喆", HomeUnitID: u.ID, WindowID: b.ID, Post: PostStaff, JoinedOn: NewDate(2024, 3, 1)}
	if err := st.SaveStaff(&q); err != nil {
		t.Fatal(err)
	}
	return a, b, p, q
}

func newCase(t *testing.T, st *Store, c Case) Case {
	t.Helper()
	if err := st.SaveCase(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSaveCaseComputesDueDateKeepsMaterialsAndAudits(t *testing.T) {
	st := openTemp(t)
	st.SetOperator("综合受理 周𠮷")
	a, _, p, _ := seedCaseRoster(t, st)
	c := newCase(t, st, Case{No: "20260930-A01-001", Matter: "企业设立登记", Kind: CasePromised,
		Applicant: "乌兰察布喆润物流有限公司", ApplicantID: "91110108551385082Q",
		WindowID: a.ID, StaffID: p.ID, ReceivedAt: at(2026, 9, 30, 15, 0), LegalDays: 15, PromisedDays: 3,
		Materials: []CaseMaterial{
			{Name: "身份证", Copies: 1, Form: MaterialOriginal},
			{Name: "营业执照", Copies: 1, Form: MaterialCopy},
		}})
	got, err := st.CaseByNo("20260930-A01-001")
	if err != nil {
		t.Fatal(err)
	}
	if got.DueOn != NewDate(2026, 10, 10) || got.ApplicantType != ApplicantOrg || got.Window.Code != "A01" || got.Staff.Name != "王堃" {
		t.Fatalf("stored %+v", got)
	}
	if len(got.Materials) != 2 || got.Materials[0].Seq != 1 || got.Materials[1].Name != "营业执照" {
		t.Fatalf("materials %+v", got.Materials)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "办件"})
	if len(log) != 1 || log[0].Action != ActionCreate || log[0].Key != "20260930-A01-001" || log[0].Operator != "综合受理 周𠮷" {
		t.Fatalf("audit %+v", log)
	}
	if ch := strings.Join(log[0].Changes(), "|"); !strings.Contains(ch, "材料：身份证 1份原件；营业执照 1份复印件") || !strings.Contains(ch, "办结期限：2026-10-10") {
		t.Fatalf("audit changes %s", ch)
	}

	// replace the materials; the log shows the old and new list in one field
	c.Materials = []CaseMaterial{{Name: "营业执照", Copies: 2, Form: MaterialCopy, Pages: 3}}
	if err := st.SaveCase(&c); err != nil {
		t.Fatal(err)
	}
	got, _ = st.CaseByID(c.ID)
	if len(got.Materials) != 1 || got.Materials[0].Copies != 2 {
		t.Fatalf("materials not replaced: %+v", got.Materials)
	}
	log, _ = st.AuditLog(AuditFilter{Entity: "办件"})
	if len(log) != 2 || strings.Join(log[0].Changes(), "|") != "材料：身份证 1份原件；营业执照 1份复印件 → 营业执照 2份复印件（3页）" {
		t.Fatalf("update audit %v", log[0].Changes())
	}
	// saving again without a change writes no entry
	if err := st.SaveCase(&got); err != nil {
		t.Fatal(err)
	}
	if log, _ = st.AuditLog(AuditFilter{Entity: "办件"}); len(log) != 2 {
		t.Fatalf("an unchanged save was audited: %d entries", len(log))
	}

	// the same number again is refused in the words of the form
	dup := Case{No: "20260930-A01-001", Matter: "企业变更登记", Kind: CaseInstant, Applicant: "王堃",
		WindowID: a.ID, StaffID: p.ID, ReceivedAt: at(2026, 10, 8, 9, 0)}
	fe, _ := AsFieldErrors(st.SaveCase(&dup))
	if fe.For("办件编号") != "办件编号 20260930-A01-001 已存在" {
		t.Fatalf("duplicate: %v", fe)
	}
}

func TestSaveCaseUsesTheOfficeCalendar(t *testing.T) {
	st := openTemp(t)
	a, _, p, _ := seedCaseRoster(t, st)
	// the centre closes on Friday 6 November 2026: a 3-day promise from
	// Tuesday 3 November runs to Monday 9 November
	if err := st.SetCalendarDay(NewDate(2026, 11, 6), false, "系统升级停办"); err != nil {
		t.Fatal(err)
	}
	c := newCase(t, st, Case{No: "BJ-1", Matter: "食品经营许可", Kind: CasePromised, Applicant: "集宁区玥华餐饮店",
		WindowID: a.ID, StaffID: p.ID, ReceivedAt: at(2026, 11, 3, 10, 0), PromisedDays: 3})
	if c.DueOn != NewDate(2026, 11, 9) {
		t.Fatalf("due %s, want 2026-11-09", c.DueOn)
	}
}

func TestCompleteCase(t *testing.T) {
	st := openTemp(t)
	a, _, p, _ := seedCaseRoster(t, st)
	c := newCase(t, st, Case{No: "SB-1", Matter: "省际道路旅客运输经营许可", Kind: CaseForwarded,
		Applicant: "乌兰察布市运通客运有限责任公司", WindowID: a.ID, StaffID: p.ID,
		ReceivedAt: at(2026, 10, 8, 9, 30), LegalDays: 20, PromisedDays: 10,
		Materials: []CaseMaterial{{Name: "道路旅客运输经营申请表", Form: MaterialOriginal}}})
	cases := []struct {
		name  string
		at    time.Time
		res   string
		field string
	}{
		{"办结时间早于受理时间", at(2026, 10, 8, 9, 0), ResultForwarded, "办结时间"},
		{"未填办理结果", at(2026, 10, 14, 9, 0), "", "办理结果"},
		{"未填办结时间", time.Time{}, ResultForwarded, "办结时间"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fe, ok := AsFieldErrors(st.CompleteCase(c.ID, tc.at, tc.res, ""))
			if !ok || fe.For(tc.field) == "" {
				t.Fatalf("want an error on %s, got %v", tc.field, fe)
			}
		})
	}
	if err := st.CompleteCase(c.ID, at(2026, 10, 14, 9, 7), ResultForwarded, "内蒙古自治区交通运输厅"); err != nil {
		t.Fatal(err)
	}
	got, _ := st.CaseByID(c.ID)
	if got.Status(NewDate(2026, 11, 26)) != CaseDone || got.ForwardedTo != "内蒙古自治区交通运输厅" || len(got.Materials) != 1 {
		t.Fatalf("completed %+v", got)
	}
	var re *RefusedError
	if err := st.CompleteCase(c.ID, at(2026, 10, 15, 9, 0), ResultApproved, ""); !errors.As(err, &re) || !strings.Contains(re.Reason, "已于 2026-10-14 09:07 办结") {
		t.Fatalf("completing twice: %v", err)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "办件"})
	if len(log) != 2 || log[0].Action != ActionUpdate || !strings.Contains(strings.Join(log[0].Changes(), "|"), "办理结果：（空） → 上报") {
		t.Fatalf("audit %+v", log)
	}
}

func TestDeleteCaseOnlyWhileOpen(t *testing.T) {
	st := openTemp(t)
	a, _, p, _ := seedCaseRoster(t, st)
	mistake := newCase(t, st, Case{No: "WL-1", Matter: "结婚登记", Kind: CaseInstant, Applicant: "赵昇",
		WindowID: a.ID, StaffID: p.ID, ReceivedAt: at(2026, 11, 3, 9, 0),
		Materials: []CaseMaterial{{Name: "居民户口簿", Form: MaterialOriginal}}})
	done := newCase(t, st, Case{No: "WL-2", Matter: "结婚登记", Kind: CaseInstant, Applicant: "孙玥",
		WindowID: a.ID, StaffID: p.ID, ReceivedAt: at(2026, 11, 3, 9, 0), CompletedAt: atPtr(2026, 11, 3, 9, 40), Result: ResultApproved})
	if err := st.DeleteCase(mistake.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CaseByNo("WL-1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted case still found: %v", err)
	}
	var n int64
	st.db.Model(&CaseMaterial{}).Count(&n)
	if n != 0 {
		t.Fatalf("%d materials left behind", n)
	}
	var re *RefusedError
	if err := st.DeleteCase(done.ID); !errors.As(err, &re) || !strings.Contains(re.Reason, "办结的办件是档案记录，不能删除") {
		t.Fatalf("deleting a completed case: %v", err)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "办件", Text: "WL-1"})
	if len(log) != 2 || log[0].Action != ActionDelete || !strings.Contains(log[0].Before, "居民户口簿") {
		t.Fatalf("delete audit %+v", log)
	}
	// the person and window who handled a case cannot be deleted
	if err := st.DeleteStaff(p.ID); err == nil || !strings.Contains(err.Error(), "受理过 1 件办件") {
		t.Fatalf("deleting the person: %v", err)
	}
}

func TestCasesFilter(t *testing.T) {
	st := openTemp(t)
	a, b, p, q := seedCaseRoster(t, st)
	for _, c := range []Case{
		{No: "A-1", Matter: "企业设立登记", Kind: CasePromised, Applicant: "乌兰察布市集宁区鑫源商贸有限公司", WindowID: a.ID, StaffID: p.ID,
			ReceivedAt: at(2026, 9, 7, 9, 0), PromisedDays: 3, CompletedAt: atPtr(2026, 9, 9, 10, 0), Result: ResultApproved},
		{No: "A-2", Matter: "企业变更登记", Kind: CasePromised, Applicant: "内蒙古堃鹏农牧业发展有限公司", WindowID: a.ID, StaffID: p.ID,
			ReceivedAt: at(2026, 9, 7, 9, 0), PromisedDays: 3, CompletedAt: atPtr(2026, 9, 15, 10, 0), Result: ResultApproved},
		{No: "B-1", Matter: "食品经营许可", Kind: CasePromised, Applicant: "集宁区康宁快餐店", WindowID: b.ID, StaffID: q.ID,
			ReceivedAt: at(2026, 11, 2, 14, 0), PromisedDays: 10},
		{No: "B-2", Matter: "食品经营许可", Kind: CasePromised, Applicant: "集宁区味道坊餐饮有限公司", WindowID: b.ID, StaffID: q.ID,
			ReceivedAt: at(2026, 11, 23, 9, 0), PromisedDays: 10},
		{No: "B-3", Matter: "个体工商户设立登记", Kind: CaseInstant, Applicant: "白玉梅", WindowID: b.ID, StaffID: q.ID,
			ReceivedAt: at(2026, 11, 24, 9, 0), CompletedAt: atPtr(2026, 11, 24, 9, 30), Result: ResultApproved},
	} {
		newCase(t, st, c)
	}
	today := NewDate(2026, 11, 26)
	cases := []struct {
		name string
		f    CaseFilter
		want string
	}{
		{"全部，新受理的在前", CaseFilter{}, "B-3 B-2 B-1 A-2 A-1"},
		{"即办件", CaseFilter{Kind: CaseInstant}, "B-3"},
		{"A01窗口", CaseFilter{WindowID: a.ID}, "A-2 A-1"},
		{"李喆受理的", CaseFilter{StaffID: q.ID}, "B-3 B-2 B-1"},
		{"办理中", CaseFilter{Status: CaseOpen, Today: today}, "B-2"},
		{"已超期（未办结）", CaseFilter{Status: CaseOverdue, Today: today}, "B-1"},
		{"已办结（按期）", CaseFilter{Status: CaseDone, Today: today}, "B-3 A-1"},
		{"超期办结", CaseFilter{Status: CaseDoneLate, Today: today}, "A-2"},
		{"按申请人查“堃”", CaseFilter{Text: "堃"}, "A-2"},
		{"按事项查", CaseFilter{Text: "食品经营"}, "B-2 B-1"},
		{"按编号查", CaseFilter{Text: "A-1"}, "A-1"},
		{"11月受理的", CaseFilter{From: NewDate(2026, 11, 1), To: NewDate(2026, 11, 23)}, "B-2 B-1"},
		{"最近两件", CaseFilter{Limit: 2}, "B-3 B-2"},
		{"搜索：受理人与申请人", CaseFilter{Words: []string{"李喆", "康宁"}}, "B-1"},
		{"搜索：窗口编号不分大小写", CaseFilter{Words: []string{"a01"}}, "A-2 A-1"},
		{"搜索：窗口名称与工号", CaseFilter{Words: []string{"食品经营许可窗口", "ZW002"}}, "B-3 B-2 B-1"},
		{"搜索的 _ 与 % 是字符本身", CaseFilter{Words: []string{"A_1"}}, ""},
		{"搜索的 - 照常", CaseFilter{Words: []string{"A-1"}}, "A-1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			list, err := st.Cases(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range list {
				got = append(got, c.No)
				if c.Window.Code == "" || c.Staff.EmployeeNo == "" {
					t.Fatalf("%s: window or person not loaded", c.No)
				}
				if tc.f.Status != "" && c.Status(today) != tc.f.Status {
					t.Fatalf("%s shows %s under filter %s", c.No, c.Status(today), tc.f.Status)
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Fatalf("got %v, want %s", got, tc.want)
			}
		})
	}
}

// The register's pages: counted, sorted by an allowed column and cut by
// offset and limit in the database; a column not on the list is refused.
func TestCasesPageSortsCountsAndCuts(t *testing.T) {
	st := openTemp(t)
	a, b, p, q := seedCaseRoster(t, st)
	for i, no := range []string{"C-3", "C-1", "C-4", "C-2"} {
		w, who := a, p
		if i%2 == 1 {
			w, who = b, q
		}
		newCase(t, st, Case{No: no, Matter: "企业设立登记", Kind: CaseInstant, Applicant: "申请人" + no, WindowID: w.ID, StaffID: who.ID,
			ReceivedAt: at(2026, 11, 2+i, 9, 0), CompletedAt: atPtr(2026, 11, 2+i, 9, 30), Result: ResultApproved})
	}
	cases := []struct {
		name          string
		f             CaseFilter
		o             PageOrder
		offset, limit int
		want          string
	}{
		{"新受理的在前", CaseFilter{}, PageOrder{}, 0, 10, "C-2 C-4 C-1 C-3"},
		{"先受理的在前", CaseFilter{}, PageOrder{Desc: true}, 0, 10, "C-3 C-1 C-4 C-2"},
		{"按编号，第二页", CaseFilter{}, PageOrder{By: SortCaseNo}, 2, 2, "C-3 C-4"},
		{"按编号倒序", CaseFilter{}, PageOrder{By: SortCaseNo, Desc: true}, 0, 3, "C-4 C-3 C-2"},
		{"按窗口，同窗口按录入", CaseFilter{}, PageOrder{By: SortCaseWindow}, 0, 10, "C-3 C-4 C-1 C-2"},
		{"按受理人倒序（王在李后）", CaseFilter{}, PageOrder{By: SortCaseStaff, Desc: true}, 0, 10, "C-4 C-3 C-2 C-1"},
		{"A02窗口按编号", CaseFilter{WindowID: b.ID}, PageOrder{By: SortCaseNo}, 0, 10, "C-1 C-2"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			list, err := st.CasesPage(tc.f, tc.o, tc.offset, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range list {
				got = append(got, c.No)
			}
			if strings.Join(got, " ") != tc.want {
				t.Fatalf("got %v, want %s", got, tc.want)
			}
		})
	}
	if n, err := st.CountCases(CaseFilter{WindowID: a.ID}); err != nil || n != 2 {
		t.Fatalf("count of A01: %d %v", n, err)
	}
	if nos, err := st.CaseNos(CaseFilter{Words: []string{"李喆"}}, PageOrder{By: SortCaseNo}); err != nil || strings.Join(nos, " ") != "C-1 C-2" {
		t.Fatalf("numbers of 李喆's cases: %v %v", nos, err)
	}
	if _, err := st.CasesPage(CaseFilter{}, PageOrder{By: "applicant; DROP TABLE cases"}, 0, 10); err == nil {
		t.Fatal("an order not on the list was accepted")
	}
}

func TestFillDemoHasCasesWithOverdueOnes(t *testing.T) {
	st := openTemp(t)
	if err := st.FillDemo(); err != nil {
		t.Fatal(err)
	}
	today := st.Today()
	all, err := st.Cases(CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 40 {
		t.Fatalf("demo has %d cases, want 40", len(all))
	}
	count := map[string]int{}
	for _, c := range all {
		count[c.Status(today)]++
		count[c.Kind]++
		full, _ := st.CaseByID(c.ID)
		if n := len(full.Materials); n < 2 || n > 5 {
			t.Errorf("%s has %d materials", c.No, n)
		}
		if !full.Staff.InService(DateOf(c.ReceivedAt)) || full.Staff.WindowID != c.WindowID {
			t.Errorf("%s received by %s, not at the window then", c.No, full.Staff.Name)
		}
	}
	if count[CaseOverdue] != 2 || count[CaseDoneLate] < 3 || count[CaseDoneLate] > 4 || count[CaseForwarded] < 2 || count[CaseInstant] == 0 {
		t.Fatalf("demo mix: %v", count)
	}
	overdue, _ := st.Cases(CaseFilter{Status: CaseOverdue, Today: today})
	if len(overdue) != 2 {
		t.Fatalf("open overdue cases as of %s: %d, want 2", today, len(overdue))
	}
	cal, _ := st.Calendar()
	for _, c := range overdue {
		if len(c.OverdueDays(cal, today)) == 0 {
			t.Errorf("%s is overdue with no overdue working days", c.No)
		}
	}
}

// 办件授权 offers a window the matters its cases were handled under, each
// once, whatever the number of cases.
func TestWindowMattersListsEachWindowsMattersOnce(t *testing.T) {
	st := openTemp(t)
	a, b, p, q := seedCaseRoster(t, st)
	for i, c := range []struct {
		window, staff uint
		matter        string
	}{{a.ID, p.ID, "企业设立登记"}, {a.ID, p.ID, "食品经营许可"}, {a.ID, p.ID, "企业设立登记"}, {b.ID, q.ID, "不动产登记"}} {
		newCase(t, st, Case{No: fmt.Sprintf("20261102-%03d", i), Matter: c.matter, Kind: CaseInstant, Applicant: "乌兰察布喆润物流有限公司",
			WindowID: c.window, StaffID: c.staff, ReceivedAt: at(2026, 11, 2, 9, i)})
	}
	got, err := st.WindowMatters()
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint][]string{a.ID: {"企业设立登记", "食品经营许可"}, b.ID: {"不动产登记"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("matters by window: %v, want %v", got, want)
	}
}
