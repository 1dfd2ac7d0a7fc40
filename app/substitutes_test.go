package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

func openSubstitutesScreen(t *testing.T, s *shell) *substitutesScreen {
	t.Helper()
	s.show("替岗")
	sc := s.screens["替岗"].(*substitutesScreen)
	waitFor(t, "the substitute screen to load", func() bool { return sc.loaded })
	return sc
}

// An administrator registers a substitute for a colleague, putting them on
// the roster, and hands out a numbered badge; the register and the
// inventory show it, the badge cannot go out twice, and the 替岗报备单
// prints.
func TestRegisterSubstituteAndIssueBadge(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	seedStaff(t, st, w) // 王堃 at A01
	badge := models.BadgeItem{Kind: models.BadgeKindBadge, No: "临牌-01"}
	if err := st.SaveBadgeItem(&badge); err != nil {
		t.Fatal(err)
	}
	sc := openSubstitutesScreen(t, s)

	sc.onAdd()
	f := sc.form
	test.Type(f.name, "赵志刚")
	test.Type(f.idNumber, validID("15090219880612341"))
	test.Type(f.mobile, "13904745521")
	f.window.SetSelected(w.Label()) // fills 派驻单位 and offers the window's people
	f.covered.SetSelected("王堃（ZW100）")
	f.from.SetText("")
	test.Type(f.from, "2026-11-12")
	test.Type(f.to, "2026-11-10") // before the start: refused
	f.reportedOn.SetText("")
	test.Type(f.reportedOn, "2026-11-10")
	test.Type(f.reason, "王堃参加业务培训")
	test.Type(f.reportedBy, "人事科 白雪")
	test.Tap(f.register)
	test.Tap(f.save)
	if !f.errs.summary.Visible() || !strings.Contains(f.errs.summary.Text, "结束日期：结束日期（2026-11-10）不能早于开始日期（2026-11-12）") {
		t.Fatalf("summary: %q", f.errs.summary.Text)
	}
	if list, _ := st.Substitutions(models.SubstitutionFilter{}); len(list) != 0 {
		t.Fatal("a bad report was saved")
	}
	f.to.SetText("")
	test.Type(f.to, "2026-11-14")
	test.Tap(f.save)

	waitFor(t, "赵志刚 in the register", func() bool { return len(sc.list.rows()) == 1 })
	row := strings.Join(sc.list.rows()[0], " ")
	if !strings.HasPrefix(row, "赵志刚 市市场监督管理局 A01 王堃 — 2026-11-12 2026-11-14 已结束 — 人事科 白雪 2026-11-10") {
		t.Fatalf("row %q", row)
	}
	list, _ := st.StaffList()
	if len(list) != 2 || list[0].Name != "赵志刚" || list[0].EmployeeNo != "TG001" || list[0].Post != models.PostSubstitute {
		t.Fatalf("the substitute is not on the roster: %+v", list)
	}

	// issue the badge to the selected report
	sc.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	sc.onIssueBadge(sc.list.selected)
	sc.issue.item.SetSelected("临牌-01（临时工作挂牌）")
	sc.issue.on.SetText("")
	test.Type(sc.issue.on, "2026-11-12")
	test.Tap(sc.issue.save)

	waitFor(t, "the badge in the register", func() bool {
		return len(sc.list.rows()) == 1 && sc.list.rows()[0][8] == "临牌-01"
	})
	inv := sc.badges.rows()
	if len(inv) != 1 || inv[0][0] != "临牌-01" || inv[0][3] != "赵志刚" {
		t.Fatalf("inventory %q", inv)
	}
	// the substitution ended on 11-14: today the badge is overdue and red
	if inv[0][2] != "逾期未还" || sc.badges.importanceOf(0, 2) != widget.DangerImportance {
		t.Fatalf("overdue badge shows %q", inv[0][2])
	}
	if m := markup(s); !strings.Contains(m, "赵志刚") {
		t.Fatal("the register is not drawn")
	}
	if _, err := st.IssueBadge(badge.ID, sc.list.selected+0, models.NewDate(2026, 11, 13), ""); err == nil {
		t.Fatal("the badge went out twice")
	}

	// the overview lists it
	s.show("总览")
	h := s.screens["总览"].(*homeScreen)
	h.reload()
	if !h.badges.button.Visible() || !strings.Contains(h.badges.button.Text, "临牌-01（赵志刚）") {
		t.Fatalf("overview: %q visible %v", h.badges.button.Text, h.badges.button.Visible())
	}

	// return it from the inventory tab
	sc = openSubstitutesScreen(t, s)
	sc.badges.table.Select(widget.TableCellID{Row: 0, Col: 0})
	sc.onReturn(sc.badges.selected)
	sc.closing.on.SetText("")
	test.Type(sc.closing.on, "2026-11-15")
	test.Tap(sc.closing.save)
	waitFor(t, "the badge back in stock", func() bool { return sc.badges.rows()[0][2] == models.BadgeInStock })
	h.reload()
	if h.badges.button.Visible() {
		t.Fatal("a returned badge is still on the overview")
	}
}

func TestPrintSubstitutionFormFromTheRegister(t *testing.T) {
	s, _ := newDemoShell(t)
	sc := openSubstitutesScreen(t, s)
	sc.list.search.SetText("任重")
	if len(sc.list.rows()) != 1 {
		t.Fatalf("search: %q", sc.list.rows())
	}
	sc.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	sc.onPrintForm(sc.list.selected)
	if sc.lastPrint == "" {
		t.Fatal("nothing printed")
	}
	if b, err := os.ReadFile(sc.lastPrint); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("printed file: %v", err)
	}
}
