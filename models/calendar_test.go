package models

import "testing"

func TestCalendar2026SpringFestival(t *testing.T) {
	c := NewCalendar(nil)
	cases := []struct {
		name    string
		date    Date
		working bool
		reason  string
	}{
		{"腊月廿七周六调休上班", NewDate(2026, 2, 14), true, "春节调休上班"},
		{"春节假期首日（周日）", NewDate(2026, 2, 15), false, "春节"},
		{"除夕后正月初一（周二）", NewDate(2026, 2, 17), false, "春节"},
		{"假期最后一天（周一）", NewDate(2026, 2, 23), false, "春节"},
		{"节后首个工作日", NewDate(2026, 2, 24), true, "工作日"},
		{"节后周六调休上班", NewDate(2026, 2, 28), true, "春节调休上班"},
		{"普通周六", NewDate(2026, 3, 7), false, "周末"},
		{"国庆节后周六调休上班", NewDate(2026, 10, 10), true, "国庆节调休上班"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			info := c.Info(tc.date)
			if info.Working != tc.working || info.Reason != tc.reason {
				t.Fatalf("%s: got working=%v %q, want %v %q", tc.date, info.Working, info.Reason, tc.working, tc.reason)
			}
		})
	}
}

func TestAddWorkingDaysAcrossSpringFestival(t *testing.T) {
	c := NewCalendar(nil)
	// Accepted Friday 13 Feb 2026: day 1 is Saturday 14 Feb (调休), the
	// holiday runs to 23 Feb, so day 2 is 24 Feb and day 6 is Saturday 28 Feb (调休).
	start := NewDate(2026, 2, 13)
	for n, want := range map[int]Date{0: start, 1: NewDate(2026, 2, 14), 2: NewDate(2026, 2, 24), 5: NewDate(2026, 2, 27), 6: NewDate(2026, 2, 28), 7: NewDate(2026, 3, 2)} {
		if got := c.AddWorkingDays(start, n); got != want {
			t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", start, n, got, want)
		}
	}
	if got := c.AddWorkingDays(NewDate(2026, 2, 24), -1); got != NewDate(2026, 2, 14) {
		t.Errorf("one working day before 24 Feb = %s, want 2026-02-14", got)
	}
	if n := c.WorkingDaysBetween(NewDate(2026, 2, 1), NewDate(2026, 2, 28)); n != 16 {
		// 2–6, 9–13, the 14th (调休), 24–27 and the 28th (调休)
		t.Errorf("working days in February 2026 = %d, want 16", n)
	}
}

func TestCalendarOfficeOverride(t *testing.T) {
	st := openTemp(t)
	day := NewDate(2026, 11, 27) // a Friday
	if err := st.SetCalendarDay(day, false, "防汛应急"); err != nil {
		t.Fatal(err)
	}
	cal, err := st.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	if info := cal.Info(day); info.Working || !info.Override || info.Reason != "防汛应急" {
		t.Fatalf("override not applied: %+v", info)
	}
	if err := st.ClearCalendarDay(day); err != nil {
		t.Fatal(err)
	}
	cal, _ = st.Calendar()
	if !cal.IsWorkingDay(day) {
		t.Fatal("clearing the override should restore the working day")
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "工作日历"})
	if len(log) != 2 {
		t.Fatalf("want 2 audit entries for the calendar, got %d", len(log))
	}
}
