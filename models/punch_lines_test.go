package models

import (
	"reflect"
	"testing"
)

// The punch file's lines are the punches as Punches gives them, in the same
// order and filtered the same way, a punch with no 设备 or 来源 stored (an
// older version's) included.
func TestPunchLinesAreThePunchesAsTheFileWritesThem(t *testing.T) {
	st := fill400(t)
	if _, err := st.ImportPunches(punchRows400(2)); err != nil {
		t.Fatal(err)
	}
	list, err := st.StaffList()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.db.Exec("INSERT INTO punches (staff_id, at, correction) VALUES (?, ?, ?)",
		list[3].ID, "2026-11-02 08:01:00", false).Error; err != nil {
		t.Fatal(err)
	}
	nov2 := NewDate(2026, 11, 2)
	for _, f := range []PunchFilter{{}, {From: nov2, To: nov2}, {StaffID: list[3].ID}, {Limit: 10},
		{From: nov2, To: nov2, StaffID: list[3].ID}, {CorrectionsOnly: true}} {
		punches, err := st.Punches(f)
		if err != nil {
			t.Fatal(err)
		}
		var want [][]string
		for _, p := range punches {
			want = append(want, []string{p.Staff.EmployeeNo, p.Staff.Name, FormatDateTime(p.At), p.Device, p.Source, p.DeviceResult})
		}
		got, err := st.PunchLines(f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: %d lines, want %d; first %v, want %v", f, len(got), len(want), first(got), first(want))
		}
	}
}

func first(lines [][]string) []string {
	if len(lines) == 0 {
		return nil
	}
	return lines[0]
}
