package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

// 请假应提前填写请假单: a request typed in after its leave began is shown as
// 事后补假 in the form and the list, and needs a 补假说明.
func TestLeaveAppliedAfterItBeganIsMarkedAndNeedsAReason(t *testing.T) {
	s, st := newTestShell(t) // 2026-11-26 09:00
	seedOneDayPerson(t, st, models.NewDate(2026, 11, 2))
	sc := openLeave(t, s, models.NewDate(2026, 11, 1))
	test.Tap(sc.add)
	f := sc.form
	f.person.SetSelected("李喆（ZW200）")
	f.kind.SetSelected("病假")
	test.Type(f.from, "2026-11-25")
	if !strings.Contains(f.late.Text, "事后补假：假期已于 2026-11-25 08:30 开始") {
		t.Fatalf("the form shows %q", f.late.Text)
	}
	test.Tap(f.save)
	if hint := f.errs.items["补假说明"].HintText; !strings.Contains(hint, "事后补假") {
		t.Fatalf("under 补假说明: %q", hint)
	}
	if list, _ := st.Leaves(models.LeaveFilter{}); len(list) != 0 {
		t.Fatal("saved without 补假说明")
	}
	test.Type(f.lateReason, "凌晨突发急病，当日电话报告首席代表")
	test.Tap(f.save)
	waitFor(t, "the request listed", func() bool { return len(sc.list.rows()) == 1 })
	if note := sc.list.rows()[0][leaveColNote]; !strings.Contains(note, "事后补假（凌晨突发急病") {
		t.Fatalf("备注 shows %q", note)
	}

	// a paper form dated before the leave: not 事后补假
	test.Tap(sc.add)
	f = sc.form
	f.person.SetSelected("李喆（ZW200）")
	f.kind.SetSelected("事假")
	test.Type(f.from, "2026-11-27")
	f.appliedOn.SetDate(models.NewDate(2026, 11, 20))
	f.appliedAt.SetText("16:00")
	if f.late.Text != "" {
		t.Fatalf("an advance request shows %q", f.late.Text)
	}
	test.Tap(f.save)
	waitFor(t, "both requests listed", func() bool { return len(sc.list.rows()) == 2 })
	list, _ := st.Leaves(models.LeaveFilter{})
	if !list[0].AppliedAt.Equal(models.CivilTime(models.NewDate(2026, 11, 20), 16, 0, 0)) {
		t.Fatalf("applied at %v", list[0].AppliedAt)
	}
}

// 请假审批权限: the approver's tier is chosen when approving, and one below
// what the leave's length requires cannot approve.
func TestApproverBelowTheRequiredTierIsRefused(t *testing.T) {
	s, st := newTestShell(t)
	p := seedOneDayPerson(t, st, models.NewDate(2026, 11, 2))
	l := models.LeaveRequest{StaffID: p.ID, Type: "事假", From: models.NewDate(2026, 11, 30), To: models.NewDate(2026, 12, 1), Reason: "回老家办事"}
	if err := st.SaveLeave(&l); err != nil {
		t.Fatal(err)
	}
	sc := openLeave(t, s, models.NewDate(2026, 11, 1))
	sc.list.selectID(l.ID)
	test.Tap(sc.approve)
	if sc.approverTier.Selected != models.TierOffice {
		t.Fatalf("the tier defaults to %q", sc.approverTier.Selected)
	}
	sc.approverTier.SetSelected(models.TierChief)
	test.Tap(sc.decisionSave)
	if !strings.Contains(markup(s), "首席代表无权批准") {
		t.Fatal("a 首席代表 approved a two-day leave")
	}
	if got, _ := st.LeaveByID(l.ID); got.Status != models.LeavePending {
		t.Fatalf("stored %s", got.Status)
	}
	sc.approverTier.SetSelected(models.TierOffice)
	test.Tap(sc.decisionSave)
	waitFor(t, "the approval", func() bool {
		got, _ := st.LeaveByID(l.ID)
		return got.Status == models.LeaveApproved && got.ApproverTier == models.TierOffice
	})
}
