package typeset

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Chinese line-breaking rules (禁则): punctuation that may not start a line,
// and punctuation that may not end one (a full-width colon too, so that a
// label such as 联系电话： stays on the line of its value).
const (
	noLineStart = "，。、；：？！）》」』〕】〉’”…—·％‰,.;:?!)]}>/"
	noLineEnd   = "（《「『〔【〈‘“([{<："
)

func closing(r rune) bool { return strings.ContainsRune(noLineStart, r) }
func isColon(r rune) bool { return r == '：' || r == ':' }
func opening(r rune) bool { return strings.ContainsRune(noLineEnd, r) }

// token is the smallest piece a line may break around: one wide (CJK)
// character, a run of narrow characters that belong together (a Latin word,
// a number, an ID number), or a space.
type token struct {
	text  string
	width float64
	wide  bool
	space bool
}

func (t token) first() rune { r, _ := utf8.DecodeRuneInString(t.text); return r }
func (t token) last() rune  { r, _ := utf8.DecodeLastRuneInString(t.text); return r }

// isWide tells whether r takes a full character cell: CJK ideographs, kana,
// full-width forms and the punctuation Chinese text uses.
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	case width.EastAsianAmbiguous:
		// “ ” ‘ ’ — … · are full-width in Chinese text.
		return r >= 0x2000
	}
	return r > 0xFFFF // supplementary ideographs (𠮷) are wide
}

// measureFunc gives the printed width of a run of narrow characters.
type measureFunc func(s string) float64

// tokenize splits text into tokens. Wide characters are one cell each
// (cell wide); runs of narrow non-space characters are measured whole.
func tokenize(text string, cell float64, measure measureFunc) []token {
	var out []token
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			s := word.String()
			out = append(out, token{text: s, width: measure(s)})
			word.Reset()
		}
	}
	for _, r := range text {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			r = ' '
			fallthrough
		case unicode.IsSpace(r) && !isWide(r):
			flush()
			out = append(out, token{text: " ", width: measure(" "), space: true})
		case isWide(r):
			flush()
			if r == '\u3000' {
				out = append(out, token{text: string(r), width: cell, wide: true, space: true})
				continue
			}
			out = append(out, token{text: string(r), width: cell, wide: true})
		default:
			word.WriteRune(r)
		}
	}
	flush()
	return out
}

// line is one laid-out line: its tokens and the width they take.
type line struct {
	tokens []token
	width  float64
	last   bool // last line of its paragraph (not justified)
}

func (l line) text() string {
	var b strings.Builder
	for _, t := range l.tokens {
		b.WriteString(t.text)
	}
	return b.String()
}

// breakLines fills lines of the given width (the first one narrower by
// indent) greedily and then repairs each break so that no line starts with
// closing punctuation nor ends with opening punctuation, by carrying
// characters over to the next line; a word longer than a line is split.
func breakLines(tokens []token, lineWidth, indent float64, splitWord func(token, float64) (token, token)) []line {
	var lines []line
	i := 0
	for i < len(tokens) {
		avail := lineWidth
		if len(lines) == 0 {
			avail -= indent
		}
		// Spaces do not start a line.
		for i < len(tokens) && tokens[i].space && !tokens[i].wide && len(lines) > 0 {
			i++
		}
		if i >= len(tokens) {
			break
		}
		start, used := i, 0.0
		for i < len(tokens) && used+tokens[i].width <= avail+1e-6 {
			used += tokens[i].width
			i++
		}
		if i < len(tokens) && i == start {
			// A single token wider than the line: split a word, or let a
			// wide character stand alone.
			t := tokens[i]
			if !t.wide && utf8.RuneCountInString(t.text) > 1 {
				head, tail := splitWord(t, avail)
				tokens = append(tokens[:i], append([]token{head, tail}, tokens[i+1:]...)...)
				continue
			}
			i++
		}
		if i < len(tokens) {
			i = repairBreak(tokens, start, i)
		}
		end := i
		for end > start && tokens[end-1].space && !tokens[end-1].wide {
			end-- // trailing spaces are dropped
		}
		lines = append(lines, line{tokens: tokens[start:end], width: widthOf(tokens[start:end])})
	}
	if len(lines) > 0 {
		lines[len(lines)-1].last = true
	}
	return lines
}

// repairBreak moves the break at i (tokens[start:i] on this line) earlier
// while the next line would start with closing punctuation or this one would
// end with opening punctuation. If no break can satisfy the rules, the
// closing punctuation stays at the end of this line (hanging).
func repairBreak(tokens []token, start, i int) int {
	j := i
	for j > start+1 && (closing(tokens[j].first()) || opening(tokens[j-1].last())) {
		j--
	}
	if j > start && !closing(tokens[j].first()) && !opening(tokens[j-1].last()) {
		if labelSplit(tokens, j) {
			// a label (联系电话：) goes down whole, from the space or mark
			// before it, when one is near
			for k := j; k > start && j-k < 8; k-- {
				if boundary(tokens[k-1]) {
					return k
				}
			}
		}
		return j
	}
	// Hang the closing punctuation on this line instead.
	k := i
	for k < len(tokens) && closing(tokens[k].first()) {
		k++
	}
	return k
}

func widthOf(ts []token) float64 {
	w := 0.0
	for _, t := range ts {
		w += t.width
	}
	return w
}

// boundary reports whether a line may break after t without splitting a
// term: after a space or a punctuation mark other than a colon.
func boundary(t token) bool {
	return t.space || (unicode.IsPunct(t.last()) && !isColon(t.last()))
}

// labelSplit reports whether a break before tokens[j] splits a label from
// its colon or the colon from its value: the break falls after a colon, or
// a colon follows within a few characters with no boundary before it.
func labelSplit(tokens []token, j int) bool {
	if j > 0 && isColon(tokens[j-1].last()) {
		return true
	}
	for k := j; k < len(tokens) && k-j < 7; k++ {
		if isColon(tokens[k].first()) || isColon(tokens[k].last()) {
			return k > j || !tokens[k].wide
		}
		if boundary(tokens[k]) {
			return false
		}
	}
	return false
}
