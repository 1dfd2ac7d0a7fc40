// Package typeset lays out Chinese official documents as PDF pages per
// GB/T 9704-2012: the A4 page and its 22-line × 28-character grid, titles,
// addressee lines, indented paragraphs, headings, ruled tables, fill-in lines,
// check boxes, the signature and date block with an optional seal, and page
// numbers. It does its own line breaking (gofpdf's MultiCell drops a character
// at every break), chooses a font per character by glyph coverage, and draws
// characters outside the BMP as images, since gofpdf cannot embed them.
// Every notice GovDesk prints goes through this one API.
package typeset

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"

	"govdesk/assets"
)

// Page geometry in millimetres (GB/T 9704-2012 §5.2).
const (
	PageWidth    = 210.0
	PageHeight   = 297.0
	MarginTop    = 37.0
	MarginLeft   = 28.0
	MarginRight  = 26.0
	MarginBottom = 35.0
	TypeWidth    = PageWidth - MarginLeft - MarginRight  // 156
	TypeHeight   = PageHeight - MarginTop - MarginBottom // 225
	GridLines    = 22
	GridChars    = 28
	LinePitch    = TypeHeight / GridLines // ≈ 10.23 mm
	CharPitch    = TypeWidth / GridChars  // ≈ 5.57 mm
)

// Type sizes in points (字号).
const (
	Size2      = 22.0 // 二号: titles
	SizeSmall2 = 18.0 // 小二
	Size3      = 16.0 // 三号: body
	SizeSmall3 = 15.0 // 小三
	Size4      = 14.0 // 四号: page numbers, tables
	SizeSmall4 = 12.0 // 小四
	Size5      = 10.5 // 五号
)

const ptToMM = 25.4 / 72

// Face names a typeface of the document.
type Face string

// The faces: Body (仿宋) for paragraphs and tables, Hei (黑体) for
// first-level headings, Kai (楷体) for second-level headings, Song (宋体) for
// page numbers and small labels; Title (小标宋) is in fonts.go, which
// chooses the fonts and the fallback for characters a face lacks.
const (
	Song Face = "song"
	Body Face = "body"
	Hei  Face = "hei"
	Kai  Face = "kai"
)

// Style is a face at a size.
type Style struct {
	Face Face
	Size float64 // points
}

// Styles of the standard's text levels.
var (
	TitleStyle    = Style{Title, Size2}
	BodyStyle     = Style{Body, Size3}
	Heading1Style = Style{Hei, Size3}
	Heading2Style = Style{Kai, Size3}
	TableStyle    = Style{Body, Size4}
	SmallStyle    = Style{Body, SizeSmall4}
)

// Options configure a document.
type Options struct {
	// Created is the creation date written into the PDF; a fixed value makes
	// output byte-stable. Zero means now.
	Created time.Time
	// Title and Author go into the PDF's properties.
	Title, Author string
	// BodyFont is an optional TrueType 仿宋 face (such as Windows' simfang.ttf)
	// for the body; without it the body is set in the PC's or the embedded
	// 仿宋. BodyFontName is its file name, for FontChoices.
	BodyFont     []byte
	BodyFontName string
	// FontDirs are folders of the PC's own fonts, searched for each style's
	// font (fonts.go); nil means Windows' font folders on Windows, none
	// elsewhere.
	FontDirs []string
	// Seal is an optional PNG (with transparency) of the office's seal.
	Seal []byte
	// Landscape turns the pages (荣誉证书); NoPageNumbers leaves them
	// unnumbered.
	Landscape, NoPageNumbers bool
}

// Doc is a document being laid out. What is set goes into a flow of items
// (lines, table rows, fill-in lines, the signature block) that is broken
// into pages only when the document, or a document of a batch, is complete:
// so a heading never ends a page, a paragraph leaves no single line behind,
// a table row never splits, and the signature and seal never stand alone.
type Doc struct {
	pdf      *gofpdf.Fpdf
	faces    map[Face]*assets.Face
	fontName map[Face]string
	curFont  string
	curSize  float64
	images   map[string]bool
	seal     []byte
	warnings []string
	docNo    string // the 文号 to set under the next title

	fonts map[string]*docFont // the document's fonts by gofpdf name (fonts.go)

	items    []item      // the flow not yet laid out
	titleEnd int         // where a subtitle goes: after the title's lines
	beside   *besideSeal // room beside the last seal for sign-off lines

	// layout state
	y         float64 // top of the next item, from the page top
	started   bool    // a page exists
	pageEmpty bool    // nothing but decoration on the page yet
	pageBase  int     // pages before the current document of a batch
	part      string  // the 联 printed at the top of every page of a part
	seals     []Rect
	bodyPages map[int]bool
}

// Rect is an area of a page, in millimetres from its top-left corner.
type Rect struct {
	Page       int
	X, Y, W, H float64
}

// item is one vertical piece of the flow.
type item struct {
	h    float64         // height, mm
	draw func(y float64) // draws the item with its top at y
	keep bool            // stays on the page of the item after it
	soft bool            // blank space: dropped at the top of a page
	snap bool            // moves down to the next line of the grid
	body bool            // content of the document, not decoration
	foot bool            // set at the foot of its page (the 版记)

	brk   int    // brkPage or brkDocument: what follows starts a new page
	label string // with brkDocument: the 联 of the pages that follow

	header *item // drawn first when this item starts a page (a table's header)
}

const (
	brkPage = iota + 1
	brkDocument
)

// New starts a document with its first page.
func New(o Options) (*Doc, error) {
	orientation := "P"
	if o.Landscape {
		orientation = "L"
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: PageWidth, Ht: PageHeight}, OrientationStr: orientation})
	pdf.SetMargins(MarginLeft, MarginTop, MarginRight)
	pdf.SetAutoPageBreak(false, MarginBottom)
	created := o.Created
	if created.IsZero() {
		created = time.Now()
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetCatalogSort(true)
	pdf.SetProducer("GovDesk", true)
	pdf.SetCreator("GovDesk 政务窗口管理", true)
	if o.Title != "" {
		pdf.SetTitle(o.Title, true)
	}
	if o.Author != "" {
		pdf.SetAuthor(o.Author, true)
	}
	d := &Doc{pdf: pdf, images: map[string]bool{}, seal: o.Seal, bodyPages: map[int]bool{}}
	if err := d.loadFaces(o); err != nil {
		return nil, err
	}
	if pdf.Err() {
		return nil, fmt.Errorf("无法载入字体：%w", pdf.Error())
	}
	// what is drawn without being laid out: page numbers, ticks, the mark
	// for a missing character and the placeholder under an image of one
	for _, r := range "— 0123456789√〓" {
		d.note(Song, r)
	}
	for _, f := range []Face{Body, Title, Hei, Kai, Song} {
		ph, _ := d.faceFor(f, glyphPlaceholder)
		d.note(ph, glyphPlaceholder)
	}
	if !o.NoPageNumbers {
		pdf.SetFooterFunc(d.pageNumber)
	}
	return d, nil
}

// CheckTrueType refuses fonts gofpdf cannot embed: only TrueType outlines
// (.ttf) work; collections (.ttc) and CFF (.otf) fonts fail silently there.
func CheckTrueType(b []byte) error {
	if len(b) < 4 {
		return fmt.Errorf("字体文件为空或已损坏")
	}
	switch string(b[:4]) {
	case "\x00\x01\x00\x00", "true":
		return nil
	case "ttcf":
		return fmt.Errorf("这是字体集合（.ttc），请选择单个 TrueType 字体文件（.ttf）")
	case "OTTO":
		return fmt.Errorf("这是 OpenType/CFF 字体（.otf），请选择 TrueType 字体文件（.ttf）")
	}
	return fmt.Errorf("不是 TrueType 字体文件（.ttf）")
}

// Warnings lists characters that no embedded face could draw; each was
// printed as 〓 so that the gap is visible. It lays out what was set so far.
func (d *Doc) Warnings() []string {
	d.flush()
	return d.warnings
}

// NewPage makes what follows start on a new page.
func (d *Doc) NewPage() { d.items = append(d.items, item{brk: brkPage}) }

// NextDocument starts another document in the same file (a batch): a new
// page whose page numbers start again at 1.
func (d *Doc) NextDocument() { d.NextPart("") }

// NextPart starts another part of a multi-part form (第二联 交申请人) as its
// own document: a new page, page numbers from 1, and the part's label at the
// top of each of its pages.
func (d *Doc) NextPart(label string) {
	d.items = append(d.items, item{brk: brkDocument, label: label})
}

// PartLabel labels the pages of the current part, from the current page on
// (for a form's first part; NextPart starts the others).
func (d *Doc) PartLabel(label string) {
	switch n := len(d.items); {
	case n == 0 && !d.started:
		d.part = label
	case n > 0 && d.items[n-1].brk == brkDocument:
		d.items[n-1].label = label // the document just begun is this part
	default:
		d.NextPart(label)
	}
}

// PageCount is the number of pages of what was set so far.
func (d *Doc) PageCount() int {
	d.flush()
	return d.pdf.PageCount()
}

// SealAreas are where seals were pressed, for checking that nothing but the
// issuer and the date lies under one.
func (d *Doc) SealAreas() []Rect {
	d.flush()
	return append([]Rect(nil), d.seals...)
}

// BlankPages lists the pages that hold no content of the document (only a
// page number or a part label): a defect, kept for tests to assert against.
func (d *Doc) BlankPages() []int {
	d.flush()
	var out []int
	for p := 1; p <= d.pdf.PageCount(); p++ {
		if !d.bodyPages[p] {
			out = append(out, p)
		}
	}
	return out
}

// pageNumber draws "— n —" in 四号 under the type area: right on odd pages,
// left on even ones, one character in from the edge (GB/T 9704 §7.5).
func (d *Doc) pageNumber() {
	n := d.pdf.PageNo() - d.pageBase
	text := fmt.Sprintf("— %d —", n)
	d.setFont(Style{Song, Size4})
	w := d.pdf.GetStringWidth(text)
	x := MarginLeft + TypeWidth - Size4*ptToMM - w
	if n%2 == 0 {
		x = MarginLeft + Size4*ptToMM
	}
	d.pdf.Text(x, PageHeight-MarginBottom+7+Size4*ptToMM*0.8, text)
	d.curFont = ""
}

// Output lays out what is left and writes the PDF.
func (d *Doc) Output(w io.Writer) error {
	d.flush()
	if d.pdf.Err() {
		return d.pdf.Error()
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// add appends items to the flow.
func (d *Doc) add(its ...item) {
	d.items = append(d.items, its...)
	if len(its) > 0 && d.beside != nil && d.beside.item < len(d.items)-len(its) {
		d.beside = nil // something else came after the signature
	}
}

// keepLast makes the last n items with ink stay with what comes next.
func (d *Doc) keepLast(n int) {
	for i := len(d.items) - 1; i >= 0 && n > 0; i-- {
		if d.items[i].brk != 0 {
			return
		}
		if d.items[i].soft || d.items[i].h == 0 {
			d.items[i].keep = true // the run passes through it
			continue
		}
		d.items[i].keep = true
		n--
	}
}

const bottom = MarginTop + TypeHeight + 0.01

// startPage opens a page and sets the part label at its top.
func (d *Doc) startPage() {
	d.pdf.AddPage()
	d.curFont = ""
	d.started, d.pageEmpty = true, true
	d.y = MarginTop
	if d.part != "" {
		s := Style{Song, SizeSmall4}
		l := d.oneLine(d.part, s)
		d.drawLine(l, MarginLeft+TypeWidth-l.width, d.y, s, LinePitch, 0)
		d.y += LinePitch
	}
}

// flush breaks the flow into pages and draws it. A run of items that keep
// together moves to a new page whole when it does not fit; one longer than
// a page is broken where it must.
func (d *Doc) flush() {
	items := d.items
	d.items, d.titleEnd, d.beside = nil, 0, nil
	for i := 0; i < len(items); {
		it := items[i]
		switch {
		case it.brk != 0:
			if it.brk == brkDocument {
				if d.started {
					next := d.pdf.PageCount()
					d.part = it.label
					d.startPage() // closes the previous page, numbered in its own document
					d.pageBase = next
				} else {
					d.part = it.label
				}
			} else if d.started && !d.pageEmpty {
				d.startPage()
			}
			i++
			continue
		case !d.started:
			d.startPage()
		}
		if it.snap {
			lines := int((d.y-MarginTop)/LinePitch-0.01) + 1
			d.y = MarginTop + float64(lines)*LinePitch
			i++
			continue
		}
		if it.soft && d.pageEmpty {
			i++
			continue
		}
		j, h := i, it.h
		for j+1 < len(items) && items[j].keep && items[j+1].brk == 0 {
			j++
			h += items[j].h
		}
		if d.y+h > bottom && !d.pageEmpty {
			d.startPage()
			continue
		}
		if d.y+h <= bottom {
			for k := i; k <= j; k++ {
				d.place(items[k])
			}
			i = j + 1
			continue
		}
		// longer than a page: place item by item
		if d.y+it.h > bottom && !d.pageEmpty {
			d.startPage()
		}
		d.place(it)
		i++
	}
}

// place draws an item at the current position, with its header first when
// it opens a page.
func (d *Doc) place(it item) {
	if it.soft && d.pageEmpty {
		return
	}
	if it.header != nil && d.pageEmpty {
		d.place(*it.header)
	}
	if it.foot {
		d.y = bottom - 0.01 - it.h
	}
	if it.draw != nil {
		it.draw(d.y)
	}
	if it.body {
		d.bodyPages[d.pdf.PageNo()] = true
	}
	if !it.soft {
		d.pageEmpty = false
	}
	d.y += it.h
}

func (d *Doc) setFont(s Style) {
	name := d.fontName[s.Face]
	if name == "" {
		name = d.fontName[Song]
	}
	name = d.useFont(name)
	if name != d.curFont || s.Size != d.curSize {
		d.pdf.SetFont(name, "", s.Size)
		d.curFont, d.curSize = name, s.Size
	}
}

// faceFor picks the face that draws r: the style's own face when it has the
// glyph, else the rare-character serif, else the UI's Hei; the last is
// returned for runes no face has.
func (d *Doc) faceFor(f Face, r rune) (Face, bool) {
	for _, c := range []Face{f, rareFace, lastFace} {
		if d.faces[c] != nil && d.faces[c].Has(r) {
			return c, true
		}
	}
	return lastFace, false
}

// measure gives the width of a run of narrow characters in a style, from
// the fonts' own advance widths (as gofpdf would measure them).
func (d *Doc) measure(s Style) measureFunc {
	return func(text string) float64 {
		w := 0
		for _, r := range text {
			f, _ := d.faceFor(s.Face, r)
			if a := d.faces[f].Advance(r); a > 0 {
				w += a
			} else {
				w += 500 // what gofpdf counts for a character without a width
			}
		}
		return float64(w) * s.Size / 1000 * ptToMM
	}
}

type run struct {
	face Face
	text string
}

// runs splits narrow text into runs of one face each.
func (d *Doc) runs(f Face, text string) []run {
	var out []run
	for _, r := range text {
		face, _ := d.faceFor(f, r)
		if n := len(out); n > 0 && out[n-1].face == face {
			out[n-1].text += string(r)
			continue
		}
		out = append(out, run{face, string(r)})
	}
	return out
}

func (d *Doc) splitWord(s Style) func(token, float64) (token, token) {
	m := d.measure(s)
	return func(t token, avail float64) (token, token) {
		rs := []rune(t.text)
		n := 1
		for n < len(rs) && m(string(rs[:n+1])) <= avail {
			n++
		}
		head, tail := string(rs[:n]), string(rs[n:])
		return token{text: head, width: m(head)}, token{text: tail, width: m(tail)}
	}
}

// cell is the advance of one wide character: the grid pitch for body-sized
// text, the character's own size otherwise.
func cell(s Style) float64 {
	if s.Size == Size3 {
		return CharPitch
	}
	return s.Size * ptToMM
}

// layout breaks text into lines of the given width.
func (d *Doc) layout(text string, s Style, lineWidth, indent float64) []line {
	for _, r := range text {
		f, _ := d.faceFor(s.Face, r)
		d.note(f, r)
	}
	return breakLines(tokenize(text, cell(s), d.measure(s)), lineWidth, indent, d.splitWord(s))
}

// baseline of a line whose top is y, for text of size s.
func baseline(y float64, s Style, pitch float64) float64 {
	size := s.Size * ptToMM
	return y + (pitch-size)/2 + size*0.86
}

// drawLine draws one line starting at x. Lines that are not the last of
// their paragraph are justified to width when the slack is small.
func (d *Doc) drawLine(l line, x, y float64, s Style, pitch, justifyTo float64) {
	extra := 0.0
	if justifyTo > 0 && !l.last && len(l.tokens) > 1 {
		slack := justifyTo - l.width
		if slack > 0 && slack < 2.5*cell(s) {
			extra = slack / float64(len(l.tokens)-1)
		}
	}
	base := baseline(y, s, pitch)
	for _, t := range l.tokens {
		if !(t.space && !t.wide) {
			d.drawToken(t, x, base, s)
		}
		x += t.width + extra
	}
}

func (d *Doc) drawToken(t token, x, base float64, s Style) {
	if t.wide {
		r, _ := utf8.DecodeRuneInString(t.text)
		d.drawRune(r, x, base, s)
		return
	}
	for _, rn := range d.runs(s.Face, t.text) {
		st := Style{rn.face, s.Size}
		d.setFont(st)
		d.pdf.Text(x, base, rn.text)
		x += d.measure(st)(rn.text)
	}
}

// drawRune draws one wide character in its cell.
func (d *Doc) drawRune(r rune, x, base float64, s Style) {
	face, ok := d.faceFor(s.Face, r)
	if !ok {
		d.warnings = append(d.warnings, fmt.Sprintf("字符“%c”（U+%04X）没有可用字形，已印为〓", r, r))
		d.setFont(Style{Song, s.Size})
		d.pdf.Text(x, base, "〓")
		return
	}
	if r > 0xFFFF {
		d.drawGlyphImage(r, x, base, s)
		return
	}
	d.setFont(Style{face, s.Size})
	d.pdf.Text(x, base, string(r))
}

// block is how a run of lines keeps together.
type block int

const (
	flowing  block = iota // no single line left at the foot or the top of a page
	withNext              // every line stays with what follows (titles, headings)
	whole                 // never split
)

// textBlock lays out a paragraph-like block and adds its lines to the flow.
func (d *Doc) textBlock(text string, s Style, indentChars float64, align string, how block) {
	c := cell(s)
	lines := d.layout(text, s, TypeWidth, indentChars*c)
	d.addLines(lines, s, indentChars, align, how)
}

// pitch is the line height of text in a style: the grid's for 三号 and
// larger, a table's for the small print of notes and forms.
func pitch(s Style) float64 {
	if s.Size >= Size3 {
		return LinePitch
	}
	return tablePitch
}

// addLines adds laid-out lines to the flow.
func (d *Doc) addLines(lines []line, s Style, indentChars float64, align string, how block) {
	c := cell(s)
	n := len(lines)
	lp := pitch(s)
	if lp != LinePitch {
		defer d.add(item{snap: true}) // back onto the grid
	}
	for i, l := range lines {
		x := MarginLeft
		switch align {
		case "center":
			x += (TypeWidth - l.width) / 2
		case "right":
			x += TypeWidth - l.width - indentChars*c
		default:
			if i == 0 {
				x += indentChars * c
			}
		}
		justify := 0.0
		if align == "" {
			justify = TypeWidth
			if i == 0 {
				justify -= indentChars * c
			}
		}
		keep := false
		switch how {
		case withNext:
			keep = true
		case whole:
			keep = i < n-1
		default:
			keep = n > 1 && (i == 0 || i == n-2)
		}
		l, x, justify := l, x, justify
		d.add(item{h: lp, body: true, keep: keep, draw: func(y float64) {
			d.drawLine(l, x, y, s, lp, justify)
		}})
	}
}

// Title sets the document title: 二号, centred, broken between terms with
// the upper line never longer than the lower, followed by one blank line
// and, when one was given, the 文号.
func (d *Doc) Title(text string) {
	d.addLines(d.titleLines(text), TitleStyle, 0, "center", withNext)
	d.titleEnd = len(d.items)
	d.add(item{h: LinePitch, soft: true, keep: true})
	if d.docNo != "" {
		d.textBlock(d.docNo, BodyStyle, 0, "right", withNext)
		d.docNo = ""
	}
}

// Subtitle sets a line under the title ("（补正材料通知书）"), in 楷体,
// before the blank line that ends the title.
func (d *Doc) Subtitle(text string) {
	at := d.titleEnd
	if at == 0 || at > len(d.items) {
		d.Centered(text, Style{Kai, Size3})
		return
	}
	rest := append([]item(nil), d.items[at:]...)
	d.items = d.items[:at]
	d.textBlock(text, Style{Kai, Size3}, 0, "center", withNext)
	d.titleEnd = len(d.items)
	d.items = append(d.items, rest...)
}

// titleLines breaks a title: on one line when it fits, else over as few
// lines as needed, choosing for two lines the break between terms that makes
// the lines most even with the upper one not the longer (GB/T 9704 §7.3.1:
// 回行时要做到词意完整，排列对称，长短适宜).
func (d *Doc) titleLines(text string) []line {
	s := TitleStyle
	lines := d.layout(text, s, TypeWidth, 0)
	if len(lines) != 2 {
		return lines
	}
	rs := []rune(text)
	best, bestScore := -1, 0.0
	m := d.measure(s)
	width := func(t string) float64 {
		w := 0.0
		for _, tk := range tokenize(t, cell(s), m) {
			w += tk.width
		}
		return w
	}
	for i := 1; i < len(rs); i++ {
		up, low := string(rs[:i]), string(rs[i:])
		wu, wl := width(up), width(low)
		if wu > wl+0.01 || wl > TypeWidth || !titleBreakAllowed(rs, i) {
			continue
		}
		score := wl - wu
		if titleBreakPreferred(rs, i) {
			score -= 2 * cell(s)
		}
		if best < 0 || score < bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return lines
	}
	up := d.layout(string(rs[:best]), s, TypeWidth, 0)
	low := d.layout(string(rs[best:]), s, TypeWidth, 0)
	if len(up) != 1 || len(low) != 1 {
		return lines
	}
	return []line{up[0], low[0]}
}

// titleBreakAllowed refuses breaks inside a quoted term, a book title, a
// bracketed number, a run of digits or Latin letters, a date such as
// 2026年11月, and before closing or after opening punctuation.
func titleBreakAllowed(rs []rune, i int) bool {
	a, b := rs[i-1], rs[i]
	if closing(b) || opening(a) {
		return false
	}
	depth := 0
	for _, r := range rs[:i] {
		switch {
		case strings.ContainsRune("“《（〔「『【(", r):
			depth++
		case strings.ContainsRune("”》）〕」』】)", r):
			depth--
		}
	}
	if depth > 0 {
		return false
	}
	alnum := func(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	if alnum(a) && alnum(b) {
		return false
	}
	// 2026年11月第三季度: keep a number with its unit
	if unicode.IsDigit(a) && strings.ContainsRune("年月日号季度届次期", b) {
		return false
	}
	if strings.ContainsRune("年月", a) && unicode.IsDigit(b) {
		return false
	}
	return true
}

// titleBreakPreferred favours breaks at the seams of a title: after the
// issuing body (…中心, …局) or 关于…的, and before 关于.
func titleBreakPreferred(rs []rune, i int) bool {
	before, after := string(rs[:i]), string(rs[i:])
	for _, suffix := range []string{"中心", "局", "委员会", "政府", "办公室", "的"} {
		if strings.HasSuffix(before, suffix) {
			return true
		}
	}
	return strings.HasPrefix(after, "关于")
}

// DocNumber sets the 文号 flush right under the title; it stays with what
// follows.
func (d *Doc) DocNumber(no string) { d.textBlock(no, BodyStyle, 0, "right", withNext) }

// SetDocNumber gives the 文号 that the next Title sets under itself.
func (d *Doc) SetDocNumber(no string) { d.docNo = no }

// Centered sets a centred line (such as the 文号) in a style.
func (d *Doc) Centered(text string, s Style) { d.textBlock(text, s, 0, "center", whole) }

// Right sets text flush right, inset by the given number of characters. It
// closes what precedes it (a form's "…制 2026年11月26日"), so it never
// stands alone at the top of a page.
func (d *Doc) Right(text string, s Style, insetChars float64) {
	d.keepLast(1)
	d.textBlock(text, s, insetChars, "right", whole)
}

// Addressee sets the addressee line ("张三：") flush left; it stays with the
// text it addresses.
func (d *Doc) Addressee(text string) { d.textBlock(text, BodyStyle, 0, "", withNext) }

// Paragraph sets body text with a two-character first-line indent.
func (d *Doc) Paragraph(text string) { d.textBlock(text, BodyStyle, 2, "", flowing) }

// Plain sets body text flush left with no indent, in a style.
func (d *Doc) Plain(text string, s Style) { d.textBlock(text, s, 0, "", flowing) }

// Heading1 sets a first-level heading ("一、") in Hei; it never ends a page.
func (d *Doc) Heading1(text string) { d.textBlock(text, Heading1Style, 2, "", withNext) }

// Heading2 sets a second-level heading ("（一）") in Kai; it never ends a page.
func (d *Doc) Heading2(text string) { d.textBlock(text, Heading2Style, 2, "", withNext) }

// Space leaves n blank lines (it is kept at the top of a page).
func (d *Doc) Space(n float64) { d.add(item{h: n * LinePitch}) }
