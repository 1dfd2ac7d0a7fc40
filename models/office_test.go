package models

import "testing"

// A new installation holds no centre's details; the demo centre gets the
// demo's, keeping a name the office typed before choosing the demo.
func TestNewDatabaseHoldsNoCentreAndTheDemoBringsItsOwn(t *testing.T) {
	st, err := Open(t.TempDir(), WithClock(FixedClock(testNow)))
	noErr(t, err)
	t.Cleanup(func() { st.Close() })
	o, err := st.Office()
	noErr(t, err)
	if o != (Office{}) || o.Filled() {
		t.Fatalf("a new database holds a centre: %+v", o)
	}
	if err := st.PlanNotices([]*IssuedNotice{{Kind: "考勤通报", Ref: "2026-11"}}); err != ErrOfficeMissing {
		t.Fatalf("a 文号 planned without the centre's prefix: %v", err)
	}

	noErr(t, st.SaveOffice(Office{Name: "某某市政务服务中心", Abbrev: "某政服"}))
	noErr(t, st.FillDemo())
	o, err = st.Office()
	noErr(t, err)
	want := DemoOffice
	want.Name, want.Abbrev = "某某市政务服务中心", "某政服"
	if o != want {
		t.Fatalf("after the demo: %+v", o)
	}
}
