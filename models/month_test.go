package models

import "testing"

func TestMonthSpan(t *testing.T) {
	cases := []struct {
		name        string
		in          Date
		first, last Date
	}{
		{"三十天的月", NewDate(2026, 11, 1), NewDate(2026, 11, 1), NewDate(2026, 11, 30)},
		{"月中任一天", NewDate(2026, 11, 17), NewDate(2026, 11, 1), NewDate(2026, 11, 30)},
		{"三十一天的月", NewDate(2026, 10, 31), NewDate(2026, 10, 1), NewDate(2026, 10, 31)},
		{"平年二月", NewDate(2026, 2, 1), NewDate(2026, 2, 1), NewDate(2026, 2, 28)},
		{"闰年二月", NewDate(2028, 2, 29), NewDate(2028, 2, 1), NewDate(2028, 2, 29)},
		{"年末跨年", NewDate(2026, 12, 5), NewDate(2026, 12, 1), NewDate(2026, 12, 31)},
	}
	for _, c := range cases {
		first, last := MonthSpan(c.in)
		if first != c.first || last != c.last {
			t.Errorf("%s: MonthSpan(%s) = %s, %s; want %s, %s", c.name, c.in, first, last, c.first, c.last)
		}
	}
}

func TestParseMonthForms(t *testing.T) {
	want := NewDate(2026, 11, 1)
	for _, in := range []string{"2026-11", "2026/11", "2026年11月", " 2026 年 11 月 "} {
		if got, err := ParseMonth(in); err != nil || got != want {
			t.Errorf("ParseMonth(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2026-13", "11月", "1800-01"} {
		if _, err := ParseMonth(in); err == nil {
			t.Errorf("ParseMonth(%q) accepted", in)
		}
	}
	if m := MonthOf(NewDate(2026, 3, 9)); m != "2026-03" {
		t.Errorf("MonthOf gives %q", m)
	}
}
