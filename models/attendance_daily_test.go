package models

import "testing"

func TestDailyRatesCountHalfDaysAttendedOfThoseDue(t *testing.T) {
	d1, d2, sat := NewDate(2026, 11, 2), NewDate(2026, 11, 3), NewDate(2026, 11, 7)
	present := HalfResult{}
	absent := HalfResult{Absent: true}
	leave := HalfResult{OnLeave: true}
	sheet := AttendanceSheet{Summaries: []MonthSummary{
		{Days: []DayResult{
			{Date: d2, Working: true, Halves: [2]HalfResult{present, absent}},
			{Date: d1, Working: true, Halves: [2]HalfResult{present, present}},
			{Date: sat, Working: false, Halves: [2]HalfResult{absent, absent}},
		}},
		{Days: []DayResult{
			{Date: d1, Working: true, Halves: [2]HalfResult{leave, leave}},
			{Date: d2, Working: true, Unrecorded: true, Halves: [2]HalfResult{absent, absent}},
		}},
	}}
	got := sheet.DailyRates()
	if len(got) != 2 {
		t.Fatalf("got %d days, want 11月2日 and 11月3日: %+v", len(got), got)
	}
	if got[0].Date != d1 || got[0].Due != 2 || got[0].Attended != 2 || got[0].OnLeave != 2 || got[0].Rate() != 1 {
		t.Errorf("11月2日 (one present all day, one on leave): %+v", got[0])
	}
	if got[1].Date != d2 || got[1].Due != 2 || got[1].Attended != 1 || got[1].Off != 1 || got[1].Rate() != 0.5 {
		t.Errorf("11月3日 (one absent in the afternoon, one unrecorded): %+v", got[1])
	}
	if (AttendanceSheet{}).DailyRates() == nil || len((AttendanceSheet{}).DailyRates()) != 0 {
		t.Error("an empty sheet should give no days")
	}
}
