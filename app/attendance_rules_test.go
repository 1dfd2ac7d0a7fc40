package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

// The 考勤规则 editor shows the handbook's words beside the 擅离, 外出 and
// 补假 options, saves them, and puts the handbook's defaults back.
func TestRulesEditorOptionsWithHandbookWordsAndReset(t *testing.T) {
	s, st := newTestShell(t)
	s.show("考勤规则")
	rsc := s.screens["考勤规则"].(*rulesScreen)
	rsc.onAdd()
	f := rsc.form
	for _, words := range []string{"擅离工作岗位时间超过2小时的计旷工半天", "应提前向综合业务科备案", "请假应提前填写请假单"} {
		if !strings.Contains(markup(s), words) {
			t.Fatalf("the handbook's words %q are not beside the options", words)
		}
	}
	if f.awayMode.Selected != models.AwayPerAbsence || f.lateOuting.Checked || !f.lateLeave.Checked {
		t.Fatalf("defaults %q %v %v", f.awayMode.Selected, f.lateOuting.Checked, f.lateLeave.Checked)
	}
	f.awayMode.SetSelected(models.AwayPerHalfDay)
	f.lateOuting.SetChecked(true)
	f.lateLeave.SetChecked(false)
	f.away.SetText("90")
	test.Tap(f.save)
	sets, err := st.RuleSets()
	if err != nil || len(sets) != 1 {
		t.Fatalf("rule sets %v, %v", sets, err)
	}
	a := sets[0].Attendance
	if a.AwayMode != models.AwayPerHalfDay || !a.LateOutingExcuses || a.LateLeaveNeedsReason || a.AwayLimitMinutes != 90 {
		t.Fatalf("saved %+v", a)
	}
	waitFor(t, "the new set listed", func() bool { return len(rsc.list.rows()) == 2 })
	if row := rsc.list.rows()[1]; !strings.Contains(row[4], "按半天合计") || !strings.Contains(row[8], "事后补登外出仍免考勤") {
		t.Fatalf("list shows %v", row)
	}

	rsc.onEdit(sets[0].ID)
	f = rsc.form
	test.Tap(f.reset)
	if f.away.Text != "120" || f.awayMode.Selected != models.AwayPerAbsence || f.lateOuting.Checked || !f.lateLeave.Checked {
		t.Fatalf("after reset: %q %q %v %v", f.away.Text, f.awayMode.Selected, f.lateOuting.Checked, f.lateLeave.Checked)
	}
	test.Tap(f.save)
	sets, _ = st.RuleSets()
	def := models.DefaultAttendanceRules()
	if a := sets[0].Attendance; a.AwayMode != def.AwayMode || a.LateOutingExcuses || !a.LateLeaveNeedsReason || a.AwayLimitMinutes != 120 || len(a.Schedules) != len(def.Schedules) {
		t.Fatalf("saved after reset %+v", a)
	}
}
