package models

import "testing"

// No text typed into a date or time cell may crash the program.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-03", "2026/11/3", "2026年11月3日", "46329", "46329.5", "20261103", "", "９９９９", "2026-02-30 08:27"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ParseDate(s); err == nil && d.IsZero() {
			t.Fatalf("ParseDate(%q) accepted a zero date", s)
		}
		ParseDateTime(s)
		ParseClock(s)
	})
}

// Identity numbers and mobiles of any shape give an answer, never a panic.
func FuzzCheckIDNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "", "x", "1101051949123100２X", "𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		CheckIDNumber(s)
		_ = IDGender(s)
		_ = MaskIDNumber(s)
		CheckMobile(s)
		CheckCreditCode(s)
	})
}
