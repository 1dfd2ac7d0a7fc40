package app

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

func TestSavingAFormOpenedBeforeAnImportChangedThePersonIsRefused(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	p := models.Staff{EmployeeNo: "ZW100", Name: "王堃", Mobile: "13800138000", HomeUnitID: w.HomeUnitID, WindowID: w.ID,
		Post: models.PostStaff, JoinedOn: models.NewDate(2026, 11, 2), Status: models.StatusOnDuty}
	if err := st.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	sc := openStaffScreen(t, s)
	waitFor(t, "王堃 in the table", func() bool { return len(sc.list.rows()) == 1 })

	// the person opens the form ...
	sc.onEdit(p.ID)
	f := sc.form
	// ... while an import, run by 张三 from the command line, changes the phone number
	other, err := models.Open(st.Dir(), models.WithClock(models.FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	other.SetOperator("张三")
	changed, _ := other.StaffByID(p.ID)
	changed.Mobile = "13900139000"
	if err := other.SaveStaff(&changed); err != nil {
		t.Fatal(err)
	}
	other.Close()

	// ... and presses 保存 without touching anything
	test.Tap(f.save)
	m := strings.ReplaceAll(drawnText(s), " ", "") // wrapping drops the spaces it breaks at
	if !strings.Contains(m, "此记录已被张三于2026-11-2609:00修改") || !strings.Contains(m, "139****9000") {
		t.Fatalf("no message naming who changed the person and the new number:\n%s", m)
	}
	if now, _ := st.StaffByID(p.ID); now.Mobile != "13900139000" {
		t.Errorf("the stale form put back %s", now.Mobile)
	}
}

var textRun = regexp.MustCompile(`>([^<]*)</text>`)

// drawnText is every text drawn in the window, run together, so that a
// message wrapped over several lines reads as one.
func drawnText(s *shell) string {
	var b strings.Builder
	for _, m := range textRun.FindAllStringSubmatch(markup(s), -1) {
		b.WriteString(m[1])
	}
	return b.String()
}
