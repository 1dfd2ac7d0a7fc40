package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// 替岗人员管理 2: a substitute collects the temporary badge and the seat plate
// before starting. 赵志刚 has been covering 王堃 since 24 November without
// either: the register and the overview say so. The badge handed out on the
// 25th is 事后发放 and is recorded only after the clerk confirms; the plate
// handed out with the start date needs no confirmation and clears the flag.
func TestRunningSubstituteWithoutBadgeIsFlaggedAndLateIssueIsConfirmed(t *testing.T) {
	s, st := newTestShell(t) // today 2026-11-26
	w := seedWindow(t, st)
	kun := seedStaff(t, st, w)
	x := models.Substitution{Name: "赵志刚", IDNumber: validID("15090219880612341"), Mobile: "13904745521",
		HomeUnitID: w.HomeUnitID, WindowID: w.ID, CoveredID: kun.ID, From: models.NewDate(2026, 11, 24), To: models.NewDate(2026, 11, 27),
		Reason: "王堃参加业务培训", ReportedBy: "人事科 白雪", ReportedOn: models.NewDate(2026, 11, 20)}
	if err := st.SaveSubstitution(&x, false); err != nil {
		t.Fatal(err)
	}
	for _, it := range []models.BadgeItem{{Kind: models.BadgeKindBadge, No: "临牌-01"}, {Kind: models.BadgeKindPlate, No: "座牌-A01"}} {
		if err := st.SaveBadgeItem(&it); err != nil {
			t.Fatal(err)
		}
	}

	// the overview
	h := s.screens["总览"].(*homeScreen)
	h.reload()
	if !h.badges.missing.Visible() || !strings.Contains(h.badges.missing.Text, "1 名替岗人员正在替岗但未领挂牌/座牌：赵志刚（替 王堃，A01）未领临时工作挂牌、座牌") {
		t.Fatalf("overview: %q", h.badges.missing.Text)
	}
	test.Tap(h.badges.missing)
	sc := s.screens["替岗"].(*substitutesScreen)
	waitFor(t, "the register", func() bool { return sc.loaded && len(sc.list.rows()) == 1 })
	if sc.state.Selected != models.SubstitutionCurrent {
		t.Fatalf("the register opened on %q", sc.state.Selected)
	}
	if row := sc.list.rows()[0]; row[7] != "替岗中" || row[8] != "未领临时工作挂牌、座牌" || sc.list.importanceOf(0, 8) != widget.DangerImportance {
		t.Fatalf("register row %q", row)
	}
	if !sc.gapNote.Visible() || !strings.Contains(sc.gapNote.Text, "赵志刚（替 王堃，A01）未领临时工作挂牌、座牌") {
		t.Fatalf("note %q", sc.gapNote.Text)
	}

	// the badge, a day after the start: asks first
	sc.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	sc.onIssueBadge(sc.list.selected)
	f := sc.issue
	f.item.SetSelected("临牌-01（临时工作挂牌）")
	f.on.SetText("")
	test.Type(f.on, "2026-11-25")
	test.Tap(f.save)
	if f.confirmLate == nil {
		t.Fatal("a late issue was not questioned")
	}
	if loans, _ := st.BadgeLoans(models.BadgeLoanFilter{}); len(loans) != 0 {
		t.Fatal("recorded before the clerk confirmed")
	}
	if m := markup(s); !strings.Contains(m, "将登记为“事后发放”") {
		t.Fatal("the confirmation does not say why")
	}
	f.confirmLate.Confirm()
	waitFor(t, "the badge in the register", func() bool {
		return strings.HasPrefix(sc.list.rows()[0][8], "临牌-01（事后发放）")
	})
	if row := sc.list.rows()[0]; row[8] != "临牌-01（事后发放）；未领座牌" {
		t.Fatalf("register row %q", row)
	}
	inv := sc.badges.rows()
	for i, r := range inv {
		if r[0] == "临牌-01" && (r[5] != "2026-11-25（事后发放）" || sc.badges.importanceOf(i, 5) != widget.WarningImportance) {
			t.Fatalf("inventory row %q", r)
		}
	}

	// the plate, with the start date: no question, and the flag is gone
	sc.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	sc.onIssueBadge(sc.list.selected)
	f = sc.issue
	f.item.SetSelected("座牌-A01（座牌）")
	f.on.SetText("")
	test.Type(f.on, "2026-11-24")
	test.Tap(f.save)
	if f.confirmLate != nil {
		t.Fatal("an issue on the start day was questioned")
	}
	waitFor(t, "the plate in the register", func() bool { return sc.missing[x.ID] == "" })
	if row := sc.list.rows()[0]; row[8] != "座牌-A01、临牌-01（事后发放）" && row[8] != "临牌-01（事后发放）、座牌-A01" {
		t.Fatalf("register row %q", row)
	}
	if sc.gapNote.Visible() || sc.list.importanceOf(0, 8) == widget.DangerImportance {
		t.Fatal("still flagged")
	}
	h.reload()
	if h.badges.missing.Visible() {
		t.Fatalf("overview still flags: %q", h.badges.missing.Text)
	}
}
