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

// From the demo centre: the coming change's list names window B01 (the
// demo issues a coming change early to the A area only); issuing that
// season's uniform to B01 in one go takes its people off the list,
// prefilled with the sizes they last took, and the signed-for sheet prints.
func TestIssueSeasonToWindowAndPrintReceipt(t *testing.T) {
	s, st := newDemoShell(t)
	changes, _ := st.SeasonChanges()
	coming, ok := models.UpcomingSeasonChange(changes, st.Today())
	if !ok || coming.On.Before(st.Today()) {
		t.Fatalf("the demo has no coming change: %v", changes)
	}
	sc := openUniformsScreen(t, s)
	if sc.pendingFor != coming.ID || !strings.Contains(sc.pendLabel.Text, coming.Label()) {
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

	sc.onBatch(coming.Kind, sc.pendingFor)
	b := sc.batch
	b.window.SetSelected("B01 社会保险窗口")
	if got, want := strings.Join(b.items.Selected, " "), strings.Join(defaultItems[coming.Kind], " "); got != want {
		t.Fatalf("items %q, want %q", got, want)
	}
	if len(b.rows) != atB01 {
		t.Fatalf("%d rows for %d people", len(b.rows), atB01)
	}
	if b.rows[0].sizes[b.items.Selected[0]].Text == "" {
		t.Fatal("the size last taken was not prefilled")
	}
	// issued the week before the change, as the office does (an issue
	// counts for the change of its kind nearest to it)
	on := coming.On.AddDays(-7)
	if on.Before(st.Today()) {
		on = st.Today()
	}
	b.on.SetText("")
	test.Type(b.on, on.String())
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
	// the summary counts them under the coming season
	found := false
	for _, h := range sc.summaryRows[0] {
		found = found || h == coming.Label()
	}
	if !found {
		t.Fatalf("summary header %q", sc.summaryRows[0])
	}
}
