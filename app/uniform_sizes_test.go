package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

// The office's size list only suggests: a men's size of GB/T 1335.1 typed
// in the batch issue is taken; a malformed one is refused, naming the
// person and saying how to write it.
func TestBatchIssueTakesAnyWellFormedSize(t *testing.T) {
	s, st := newTestShell(t)
	w := seedWindow(t, st)
	seedStaff(t, st, w) // 王堃
	sc := openUniformsScreen(t, s)
	sc.onBatch(models.UniformWinter, 0)
	b := sc.batch
	b.window.SetSelected(w.Label())
	if len(b.rows) != 1 {
		t.Fatalf("%d rows", len(b.rows))
	}
	b.rows[0].sizes["棉服"].SetText("175-92A")
	b.rows[0].sizes["裤"].SetText("170/74A")
	test.Tap(b.save)
	if !strings.Contains(b.errs.summary.Text, "王堃的棉服：尺码“175-92A”写法不对") || !strings.Contains(b.errs.summary.Text, "如 175/92A") {
		t.Fatalf("summary %q", b.errs.summary.Text)
	}
	if list, _ := st.UniformIssues(models.UniformFilter{}); len(list) != 0 {
		t.Fatal("a malformed size was issued")
	}
	b.rows[0].sizes["棉服"].SetText("175/92a")
	test.Tap(b.save)
	list, _ := st.UniformIssues(models.UniformFilter{})
	got := map[string]string{}
	for _, u := range list {
		got[u.Item] = u.Size
	}
	if got["棉服"] != "175/92A" || got["裤"] != "170/74A" {
		t.Fatalf("issued %v", got)
	}
}
