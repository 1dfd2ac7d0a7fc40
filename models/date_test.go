package models

import "testing"

func TestParseDate(t *testing.T) {
	want := NewDate(2026, 11, 3)
	for _, in := range []string{"2026-11-03", "2026/11/3", "2026年11月3日", "2026.11.3", "20261103", "2026-11-3", " 2026 年 11 月 3 日 ", "46329"} {
		got, err := ParseDate(in)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2026-02-30", "2026-13-01", "明天", "11/03/2026"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
}

func TestDateChineseIsNotPadded(t *testing.T) {
	if s := NewDate(2026, 1, 5).Chinese(); s != "2026年1月5日" {
		t.Fatalf("got %s", s)
	}
}
