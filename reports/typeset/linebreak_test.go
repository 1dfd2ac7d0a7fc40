package typeset

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// gridMeasure measures narrow text at half a cell per character, like a grid.
func gridMeasure(cell float64) measureFunc {
	return func(s string) float64 { return float64(utf8.RuneCountInString(s)) * cell / 2 }
}

func splitHalf(cell float64) func(token, float64) (token, token) {
	return func(t token, avail float64) (token, token) {
		n := int(avail / (cell / 2))
		if n < 1 {
			n = 1
		}
		r := []rune(t.text)
		return token{text: string(r[:n]), width: float64(n) * cell / 2}, token{text: string(r[n:]), width: float64(len(r)-n) * cell / 2}
	}
}

func lay(text string, chars int) []string {
	const cell = 1.0
	ls := breakLines(tokenize(text, cell, gridMeasure(cell)), float64(chars)*cell, 0, splitHalf(cell))
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text()
	}
	return out
}

func TestBreakLinesChineseRules(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		chars int
		want  []string
	}{
		{"逐字断行", "一二三四五六七八九十", 4, []string{"一二三四", "五六七八", "九十"}},
		{"句号不落行首（推前一字下行）", "一二三四。五六", 4, []string{"一二三", "四。五六"}},
		{"连续点号不落行首", "一二三四》。五六", 4, []string{"一二三", "四》。五", "六"}},
		{"开引号不留行尾", "一二三《四五》", 4, []string{"一二三", "《四五》"}},
		{"身份证号放得下时整体换行", "号码110105194912310021", 10, []string{"号码", "110105194912310021"}},
		{"比一行还长的号码才拆开", "号码110105194912310021", 4, []string{"号码", "11010519", "49123100", "21"}},
		{"数字不拆开", "共计12345份", 4, []string{"共计", "12345份"}},
		{"英文单词整体换行，行尾空格不占位", "使用 Excel 文件", 5, []string{"使用 Excel", "文件"}},
		{"行首不留空格", "使用 Excel 文件", 4, []string{"使用", "Excel 文", "件"}},
		{"全是点号时悬挂", "。。。。。", 3, []string{"。。。。。"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := lay(c.text, c.chars)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestBreakLinesNeverLosesACharacter(t *testing.T) {
	text := strings.Repeat("根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，申请人王堃（身份证号11010519491231002X）于2026年11月3日提交的申请材料齐全、符合法定形式，本机关决定予以受理。", 5)
	for chars := 3; chars <= 30; chars++ {
		lines := lay(text, chars)
		joined := strings.Join(lines, "")
		if joined != text {
			t.Fatalf("%d per line: text changed", chars)
		}
		for i, l := range lines {
			r, _ := utf8.DecodeRuneInString(l)
			if i > 0 && closing(r) {
				t.Fatalf("%d per line: line %d starts with %q: %q", chars, i+1, r, l)
			}
			last, _ := utf8.DecodeLastRuneInString(l)
			if i < len(lines)-1 && opening(last) {
				t.Fatalf("%d per line: line %d ends with %q", chars, i+1, last)
			}
		}
	}
}
