package pinyin

import (
	"slices"
	"testing"

	gopinyin "github.com/mozillazg/go-pinyin"
)

// Every character reads as go-pinyin reads it (in its Normal style, every
// reading); a new go-pinyin with other readings fails here until gen.go is
// run again.
func TestTheTableReadsAsGoPinyin(t *testing.T) {
	a := gopinyin.NewArgs()
	a.Heteronym = true
	n := 0
	for code := range gopinyin.PinyinDict {
		r := rune(code)
		want := gopinyin.SinglePinyin(r, a)
		if len(want) == 0 {
			continue
		}
		n++
		if got := Readings(r); !slices.Equal(got, want) {
			t.Fatalf("%c: %q, want %q", r, got, want)
		}
	}
	if n != len(readings) {
		t.Fatalf("the table has %d characters, go-pinyin %d", len(readings), n)
	}
}

func TestReadingsOfTheCentresNames(t *testing.T) {
	for _, c := range []struct {
		char rune
		want []string
	}{
		{'王', []string{"wang", "yu"}},
		{'堃', []string{"kun"}},
		{'喆', []string{"zhe"}},
		{'长', []string{"zhang", "chang"}},
		{'𠮷', nil}, // not in the table: typed as itself
		{'A', nil},
	} {
		if got := Readings(c.char); !slices.Equal(got, c.want) {
			t.Errorf("%c: %q, want %q", c.char, got, c.want)
		}
	}
}
