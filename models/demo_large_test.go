package models

import "testing"

// A centre filled as the large demo is, at a size a test can afford: every
// kind of record arrives through its import, with its audit entries, and a
// second fill is refused.
func TestSizedDemoFillsThroughTheImports(t *testing.T) {
	st := openTemp(t)
	got, err := st.fillSizedDemo(demoSize{windows: 4, staff: 12, days: 30})
	if err != nil {
		t.Fatal(err)
	}
	if got.Windows != 4 || got.Staff != 12 || got.From != st.Today().AddDays(-30) || got.To != st.Today().AddDays(-1) {
		t.Fatalf("filled %+v", got)
	}
	for entity, want := range map[string]int{"办件": got.Cases, "好差评": got.Ratings, "请假": got.Leaves} {
		n, err := st.AuditCount(AuditFilter{Entity: entity})
		if err != nil {
			t.Fatal(err)
		}
		if want == 0 || int(n) != want {
			t.Errorf("%s: %d audit entries for %d records", entity, n, want)
		}
	}
	cases, _ := st.CountCases(CaseFilter{})
	if cases != got.Cases {
		t.Errorf("%d cases stored, %d reported", cases, got.Cases)
	}
	// about 20 working days: four punches a day for everyone not on leave
	if got.Punches < 12*4*15 || got.Punches > 12*4*23 {
		t.Errorf("%d punches", got.Punches)
	}
	if _, err := st.fillSizedDemo(demoSize{windows: 4, staff: 12, days: 30}); err == nil {
		t.Fatal("a second fill was accepted")
	}
}

// BenchmarkFillLargeDemo makes the large demo centre, through the imports:
// about 40 s on the 2-core build machine.
func BenchmarkFillLargeDemo(b *testing.B) {
	for b.Loop() {
		st := openTemp(b)
		got, err := st.FillLargeDemo()
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%+v", got)
	}
}
