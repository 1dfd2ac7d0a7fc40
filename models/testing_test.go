package models

import (
	"testing"
	"time"
)

// testNow is the moment the tests' stores take as now, unless a test moves
// the clock: the morning of Thursday 26 November 2026.
var testNow = time.Date(2026, 11, 26, 9, 0, 0, 0, CentreZone)

// openTemp opens a store on a fresh SQLite file in a temporary folder, with
// its clock fixed at testNow.
func openTemp(t testing.TB) *Store {
	return openTempAt(t, testNow)
}

// openTempAt opens a fresh store whose clock says now.
func openTempAt(t testing.TB, now time.Time) *Store {
	t.Helper()
	st, err := Open(t.TempDir(), WithClock(FixedClock(now)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	fillTestOffice(t, st)
	return st
}

// fillTestOffice gives a test's centre the demo centre's details, as an
// office that filled in 文书设置 has, so its papers print.
func fillTestOffice(t testing.TB, st *Store) {
	t.Helper()
	for _, k := range officeKeys {
		if err := st.db.Save(&Setting{Key: k.key, Value: *k.field(&DemoOffice)}).Error; err != nil {
			t.Fatal(err)
		}
	}
}

// seedRoster adds one unit, two windows and returns them.
func seedRoster(t testing.TB, st *Store) (HomeUnit, ServiceWindow, ServiceWindow) {
	t.Helper()
	u := HomeUnit{Name: "市市场监督管理局"}
	if err := st.SaveHomeUnit(&u); err != nil {
		t.Fatal(err)
	}
	a := ServiceWindow{Code: "A01", Name: "企业开办综合窗口", HomeUnitID: u.ID, Active: true}
	b := ServiceWindow{Code: "A02", Name: "食品经营许可窗口", HomeUnitID: u.ID, Active: true}
	for _, w := range []*ServiceWindow{&a, &b} {
		if err := st.SaveServiceWindow(w); err != nil {
			t.Fatal(err)
		}
	}
	return u, a, b
}

func validID(t testing.TB, first17 string) string {
	t.Helper()
	c, err := IDCheckDigit(first17)
	if err != nil {
		t.Fatal(err)
	}
	return first17 + string(c)
}

// confirmGaps confirms every working day of the month that has no punch
// records, as an office that recorded only a few days on purpose would.
func confirmGaps(t testing.TB, st *Store, month string) {
	t.Helper()
	sheet, err := st.AttendanceSheet(month, AttendanceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range sheet.Unresolved() {
		if err := st.ConfirmPunchGap(g.Day, g.Device, "测试：该日确无打卡"); err != nil {
			t.Fatal(err)
		}
	}
}

// migrationVersion is the schema version a named migration brings.
func migrationVersion(t testing.TB, name string) int {
	t.Helper()
	for i, m := range migrations {
		if m.name == name {
			return i + 1
		}
	}
	t.Fatalf("no migration %q", name)
	return 0
}
