package models

import (
	"strings"
	"testing"
)

// 无正当理由超假不归的按旷工处理: a half-day on which the person punched after
// the leave ended is not 超假, whatever the 销假 date says, and the month
// warns that the punches contradict the 销假 date.
func TestOverstayEndsWhenThePersonPunched(t *testing.T) {
	p := Staff{ID: 1, EmployeeNo: "ZW001", Name: "王堃", JoinedOn: NewDate(2026, 9, 14)}
	// 病假 9月14日 (Mon) … 9月17日 (Thu), 销假 recorded 9月21日 (Mon); 9月20日
	// is a Sunday worked for 国庆节 (调休)
	sick := LeaveRequest{ID: 7, StaffID: 1, Type: "病假", From: NewDate(2026, 9, 14), FromHalf: HalfAM,
		To: NewDate(2026, 9, 17), ToHalf: HalfPM, Status: LeaveReturned, ReturnedOn: NewDate(2026, 9, 21)}
	four := func(d Date) []DayPunch {
		return []DayPunch{hm(d, 8, 20, 0), hm(d, 12, 5, 0), hm(d, 13, 50, 0), hm(d, 17, 40, 0)}
	}
	sep18, sep20, sep21 := NewDate(2026, 9, 18), NewDate(2026, 9, 20), NewDate(2026, 9, 21)
	back := append(four(sep20), four(sep21)...)
	cases := []struct {
		name    string
		punches []DayPunch
		absent  float64
		warning string
	}{
		{"销假前无打卡：9月18日、20日超假计旷工2天", four(sep21), 2, ""},
		{"9月18日起打卡：已回岗，不计超假，提示核对销假日期", append(four(sep18), back...), 0,
			"病假 自 9月14日上午 至 9月17日下午 登记9月21日销假，但9月18日上午已有打卡：超假只计到打卡之前；如销假日期有误，请在“请假”中更正销假日期"},
		{"9月18日下午才打卡：上午仍计超假半天", append(four(sep18)[2:], back...), 0.5,
			"但9月18日下午已有打卡"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := SummarizeMonth(MonthInput{Staff: p, Month: sep18, Through: sep21, Punches: c.punches, Leaves: []LeaveRequest{sick}})
			if m.AbsentDays != c.absent || m.LeaveByType["病假"] != 4 {
				t.Fatalf("旷工 %v 病假 %v, want %v 4; %q", m.AbsentDays, m.LeaveByType["病假"], c.absent, m.Explanations)
			}
			got := strings.Join(m.Warnings, "\n")
			if (c.warning == "") != (got == "") || !strings.Contains(got, c.warning) {
				t.Fatalf("warnings %q, want %q", m.Warnings, c.warning)
			}
		})
	}
}

// 请假应提前填写请假单: a request applied after its leave began is 事后补假
// and, when the rules ask for it, needs a written 补假说明.
func TestLeaveShouldBeAppliedForInAdvance(t *testing.T) {
	at := func(d Date, hh, mm int) LeaveRequest {
		return LeaveRequest{Type: "事假", From: NewDate(2026, 11, 23), FromHalf: HalfAM, To: NewDate(2026, 11, 23), ToHalf: HalfPM,
			Reason: "家中有事", AppliedAt: CivilTime(d, hh, mm, 0)}
	}
	noReason := DefaultRuleSet()
	noReason.EffectiveFrom, noReason.Attendance.LateLeaveNeedsReason = NewDate(2026, 11, 1), false
	cases := []struct {
		name       string
		leave      LeaveRequest
		lateReason string
		sets       []RuleSet
		late       bool
		refused    string // the 补假说明 error, if refused
	}{
		{"前一天申请：不是事后补假", at(NewDate(2026, 11, 20), 16, 0), "", nil, false, ""},
		{"当天8:30前申请上午的假：不是事后补假", at(NewDate(2026, 11, 23), 8, 25), "", nil, false, ""},
		{"当天8:31申请：事后补假，须写补假说明", at(NewDate(2026, 11, 23), 8, 31), "", nil, true, "属于事后补假，请写明补假说明"},
		{"事后补假写明补假说明：可以保存", at(NewDate(2026, 11, 24), 9, 0), "突发急事，当天电话向首席代表报告", nil, true, ""},
		{"规则不要求补假说明：事后补假可以保存", at(NewDate(2026, 11, 24), 9, 0), "", []RuleSet{noReason}, true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, p, _ := attendanceRoster(t)
			for _, rs := range c.sets {
				if err := st.SaveRuleSet(&rs); err != nil {
					t.Fatal(err)
				}
			}
			l := c.leave
			l.StaffID, l.LateReason = p.ID, c.lateReason
			err := st.SaveLeave(&l)
			if c.refused != "" {
				if fe, _ := AsFieldErrors(err); !strings.Contains(fe.For("补假说明"), c.refused) {
					t.Fatalf("saved without 补假说明: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			rules, _ := st.RulesFor(l.From)
			if l.AppliedLate(rules.Attendance) != c.late || !l.AppliedAt.Equal(c.leave.AppliedAt) {
				t.Fatalf("late %v applied %v", l.AppliedLate(rules.Attendance), l.AppliedAt)
			}
		})
	}

	t.Run("不填申请时间：按保存时的时钟记录", func(t *testing.T) {
		st, p, _ := attendanceRoster(t) // the clock says 2026-11-26 09:00
		l := LeaveRequest{StaffID: p.ID, Type: "事假", From: NewDate(2026, 11, 30), To: NewDate(2026, 11, 30)}
		if err := st.SaveLeave(&l); err != nil {
			t.Fatal(err)
		}
		if !l.AppliedAt.Equal(st.Now()) {
			t.Fatalf("applied at %v, want %v", l.AppliedAt, st.Now())
		}
		future := LeaveRequest{StaffID: p.ID, Type: "事假", From: NewDate(2026, 12, 3), To: NewDate(2026, 12, 3), AppliedAt: CivilTime(NewDate(2026, 11, 27), 9, 0, 0)}
		if fe, _ := AsFieldErrors(st.SaveLeave(&future)); !strings.Contains(fe.For("申请时间"), "不能晚于现在") {
			t.Fatal("an application time in the future was accepted")
		}
	})
}

// 请假审批权限: ≤1天首席代表，≤3天综合业务科，更长中心领导; an approver of a lower
// tier than the length requires is refused.
func TestLeaveApprovalTierIsEnforced(t *testing.T) {
	cases := []struct {
		name     string
		from, to Date
		tier     string
		refused  bool
	}{
		{"半天事假首席代表可批", NewDate(2026, 11, 30), NewDate(2026, 11, 30), TierChief, false},
		{"两天病假首席代表无权批准", NewDate(2026, 11, 30), NewDate(2026, 12, 1), TierChief, true},
		{"两天病假综合业务科可批", NewDate(2026, 11, 30), NewDate(2026, 12, 1), TierOffice, false},
		{"两天病假中心领导亦可批", NewDate(2026, 11, 30), NewDate(2026, 12, 1), TierLeader, false},
		{"五天年休假综合业务科无权批准", NewDate(2026, 11, 30), NewDate(2026, 12, 4), TierOffice, true},
		{"五天年休假报中心领导批准", NewDate(2026, 11, 30), NewDate(2026, 12, 4), TierLeader, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, p, _ := attendanceRoster(t)
			l := LeaveRequest{StaffID: p.ID, Type: "事假", From: c.from, To: c.to}
			if err := st.SaveLeave(&l); err != nil {
				t.Fatal(err)
			}
			err := st.ApproveLeave(l.ID, "徐明", c.tier)
			if c.refused {
				if fe, _ := AsFieldErrors(err); !strings.Contains(fe.For("审批层级"), "无权批准") {
					t.Fatalf("approved by %s: %v", c.tier, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, _ := st.LeaveByID(l.ID)
			if got.Status != LeaveApproved || got.ApproverTier != c.tier {
				t.Fatalf("stored %s %s", got.Status, got.ApproverTier)
			}
		})
	}
	st, p, _ := attendanceRoster(t)
	l := LeaveRequest{StaffID: p.ID, Type: "事假", From: NewDate(2026, 11, 30), To: NewDate(2026, 11, 30)}
	if err := st.SaveLeave(&l); err != nil {
		t.Fatal(err)
	}
	if fe, _ := AsFieldErrors(st.ApproveLeave(l.ID, "徐明", "")); fe.For("审批层级") == "" {
		t.Fatal("approved without the approver's tier")
	}
}

// The 销假 date of a returned request can be corrected when punches show
// the person was back earlier.
func TestReturnDateCanBeCorrected(t *testing.T) {
	st, p, _ := attendanceRoster(t)
	l := LeaveRequest{StaffID: p.ID, Type: "病假", From: NewDate(2026, 11, 16), To: NewDate(2026, 11, 16),
		AppliedAt: CivilTime(NewDate(2026, 11, 13), 16, 0, 0)}
	if err := st.SaveLeave(&l); err != nil {
		t.Fatal(err)
	}
	if err := st.ApproveLeave(l.ID, "徐明", TierChief); err != nil {
		t.Fatal(err)
	}
	if err := st.ReturnLeave(l.ID, NewDate(2026, 11, 19)); err != nil {
		t.Fatal(err)
	}
	if err := st.ReturnLeave(l.ID, NewDate(2026, 11, 17)); err != nil {
		t.Fatal(err)
	}
	got, _ := st.LeaveByID(l.ID)
	if got.ReturnedOn != NewDate(2026, 11, 17) || got.Overstayed() {
		t.Fatalf("销假 %s overstayed %v", got.ReturnedOn, got.Overstayed())
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "请假"})
	if !strings.Contains(strings.Join(log[0].Changes(), "；"), "销假日期：2026-11-19 → 2026-11-17") {
		t.Fatalf("correction not in the audit log: %v", log[0].Changes())
	}
}
