package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

func openUniformsScreen(t *testing.T, s *shell) *uniformsScreen {
	t.Helper()
	s.show("服装")
	sc := s.screens["服装"].(*uniformsScreen)
	waitFor(t, "the uniform screen to load", func() bool { return sc.loaded })
	return sc
}

// From the demo centre: the coming winter's list names the B and C areas;
// issuing the winter uniform to window B01 in one go takes its people off
// the list, prefilled with last winter's sizes, and the signed-for sheet
// prints.
func TestIssueSeasonToWindowAndPrintReceipt(t *testing.T) {
	s, st := newTestShell(t)
	if err := st.FillDemo(); err != nil {
		t.Fatal(err)
	}
	sc := openUniformsScreen(t, s)
	if sc.pendingFor == 0 || !strings.Contains(sc.pendLabel.Text, "2026年冬装") {
		t.Fatalf("the coming change is not shown: %q", sc.pendLabel.Text)
	}
	before := len(sc.pending.rows())
	atB01 := 0
	for _, r := range sc.pending.rows() {
		if strings.HasPrefix(r[2], "B01 ") {
			atB01++
		}
	}
	if atB01 == 0 {
		t.Fatal("nobody at B01 is waiting for the winter uniform")
	}

	sc.onBatch(models.UniformWinter, sc.pendingFor)
	b := sc.batch
	b.window.SetSelected("B01 社会保险窗口")
	if got := strings.Join(b.items.Selected, " "); got != "棉服 裤" {
		t.Fatalf("items %q", got)
	}
	if len(b.rows) != atB01 {
		t.Fatalf("%d rows for %d people", len(b.rows), atB01)
	}
	if b.rows[0].sizes["棉服"].Selected == noSize {
		t.Fatal("last winter's size was not prefilled")
	}
	b.on.SetText("")
	test.Type(b.on, "2026-11-26")
	test.Tap(b.save)
	if len(b.issued) != 2*atB01 {
		t.Fatalf("issued %d lines", len(b.issued))
	}
	waitFor(t, "the pending list to shrink", func() bool { return len(sc.pending.rows()) == before-atB01 })

	ids := make([]uint, len(b.issued))
	for i, u := range b.issued {
		ids[i] = u.ID
	}
	b.print(ids)
	if data, err := os.ReadFile(sc.lastPrint); err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Fatalf("no receipt printed: %v", err)
	}
	// the summary counts them under 2026年冬装
	found := false
	for _, h := range sc.summaryRows[0] {
		found = found || h == "2026年冬装"
	}
	if !found {
		t.Fatalf("summary header %q", sc.summaryRows[0])
	}
}
