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
	"time"
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
}

// Doc is a document being laid out.
type Doc struct {
	pdf      *gofpdf.Fpdf
	faces    map[Face]*assets.Face
	fontName map[Face]string
	y        float64 // top of the next line, from the page top
	curFont  string
	curSize  float64
	images   map[string]bool
	seal     []byte
	warnings []string
	pageBase int    // pages before the current document of a batch
	docNo    string // the 文号 to set under the next title

	fonts map[string]*docFont // the document's fonts by gofpdf name (fonts.go)
}

// New starts a document with its first page.
func New(o Options) (*Doc, error) {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: PageWidth, Ht: PageHeight}, OrientationStr: "P"})
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
	d := &Doc{pdf: pdf, images: map[string]bool{}, seal: o.Seal}
	if err := d.loadFaces(o); err != nil {
		return nil, err
	}
	if pdf.Err() {
		return nil, fmt.Errorf("无法载入字体：%w", pdf.Error())
	}
	pdf.SetFooterFunc(d.pageNumber)
	d.NewPage()
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
// printed as 〓 so that the gap is visible.
func (d *Doc) Warnings() []string { return d.warnings }

// NewPage starts a page; the cursor goes to the top of the type area.
func (d *Doc) NewPage() {
	d.pdf.AddPage()
	d.curFont = ""
	d.y = MarginTop
}

// NextDocument starts another document in the same file (a batch): a new
// page whose page numbers start again at 1.
func (d *Doc) NextDocument() {
	next := d.pdf.PageCount()
	d.NewPage() // closes the previous page, numbered in its own document
	d.pageBase = next
}

// PageCount is the number of pages so far.
func (d *Doc) PageCount() int { return d.pdf.PageCount() }

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

// Output writes the PDF.
func (d *Doc) Output(w io.Writer) error {
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

func (d *Doc) setFont(s Style) {
	name := d.fontName[s.Face]
	if name == "" {
		name = d.fontName[Song]
	}
	if name != d.curFont || s.Size != d.curSize {
		d.useFont(name)
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

// measure gives the width of a run of narrow characters in a style.
func (d *Doc) measure(s Style) measureFunc {
	return func(text string) float64 {
		w := 0.0
		for _, run := range d.runs(s.Face, text) {
			d.setFont(Style{run.face, s.Size})
			w += d.pdf.GetStringWidth(run.text)
		}
		return w
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
	return breakLines(tokenize(text, cell(s), d.measure(s)), lineWidth, indent, d.splitWord(s))
}

// ensure starts a new page when fewer than n lines are left on this one.
func (d *Doc) ensure(n int) {
	if d.y+float64(n)*LinePitch > MarginTop+TypeHeight+0.01 {
		d.NewPage()
	}
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
		x += d.pdf.GetStringWidth(rn.text)
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

// textBlock lays out and draws a paragraph-like block.
func (d *Doc) textBlock(text string, s Style, indentChars float64, align string) {
	c := cell(s)
	lines := d.layout(text, s, TypeWidth, indentChars*c)
	for i, l := range lines {
		d.ensure(1)
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
		d.drawLine(l, x, d.y, s, LinePitch, justify)
		d.y += LinePitch
	}
}

// Title sets the document title: 二号 Song, centred, wrapping as needed,
// followed by one blank line and, when one was given, the 文号.
func (d *Doc) Title(text string) {
	d.ensure(3)
	d.textBlock(text, TitleStyle, 0, "center")
	d.y += LinePitch
	if d.docNo != "" {
		d.Right(d.docNo, BodyStyle, 0)
		d.docNo = ""
	}
}

// SetDocNumber gives the 文号 that the next Title sets under itself.
func (d *Doc) SetDocNumber(no string) { d.docNo = no }

// Centered sets a centred line (such as the 文号) in a style.
func (d *Doc) Centered(text string, s Style) { d.textBlock(text, s, 0, "center") }

// Right sets text flush right, inset by the given number of characters.
func (d *Doc) Right(text string, s Style, insetChars float64) {
	d.textBlock(text, s, insetChars, "right")
}

// Addressee sets the addressee line ("张三：") flush left.
func (d *Doc) Addressee(text string) { d.textBlock(text, BodyStyle, 0, "") }

// Paragraph sets body text with a two-character first-line indent.
func (d *Doc) Paragraph(text string) { d.textBlock(text, BodyStyle, 2, "") }

// Plain sets body text flush left with no indent, in a style.
func (d *Doc) Plain(text string, s Style) { d.textBlock(text, s, 0, "") }

// Heading1 sets a first-level heading ("一、") in Hei.
func (d *Doc) Heading1(text string) { d.textBlock(text, Heading1Style, 2, "") }

// Heading2 sets a second-level heading ("（一）") in Kai.
func (d *Doc) Heading2(text string) { d.textBlock(text, Heading2Style, 2, "") }

// Space leaves n blank lines.
func (d *Doc) Space(n float64) { d.y += n * LinePitch }

// RemainingLines is how many body lines are left on the page.
func (d *Doc) RemainingLines() int {
	return int((MarginTop + TypeHeight - d.y + 0.01) / LinePitch)
}
