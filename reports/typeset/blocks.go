package typeset

import (
	"bytes"
	"math"
	"unicode"

	"github.com/jung-kurt/gofpdf"
)

// Column of a ruled table; Width is relative (columns share the type width
// in proportion).
type Column struct {
	Title  string
	Width  float64
	Center bool
}

const (
	tablePad   = 1.5 // mm inside each cell
	tablePitch = 7.2 // mm per line of 四号 text
)

// Table draws a ruled table whose cells wrap; a row never splits across
// pages, the header repeats at the top of every page the table runs onto,
// and it never stands alone at the foot of a page.
func (d *Doc) Table(cols []Column, rows [][]string) {
	widths := columnWidths(cols)
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.Title
	}
	head := d.rowItem(cols, widths, header, Style{Hei, Size4}, 0)
	head.keep = true
	d.add(head)
	for _, r := range rows {
		row := d.rowItem(cols, widths, r, TableStyle, 0)
		h := head
		h.keep = false
		row.header = &h
		d.add(row)
	}
	d.add(item{snap: true}) // back onto the body grid
}

func columnWidths(cols []Column) []float64 {
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = TypeWidth * c.Width / total
	}
	return widths
}

// cellLines lays out a cell's text; a wrapped cell never leaves a single
// character on its last line when narrower lines can share the text out.
func (d *Doc) cellLines(text string, w float64, s Style) []line {
	return d.evenLines(text, s, w-2*tablePad)
}

// evenLines lays text out in lines of the width, narrowing them while the
// last line would hold a lone character and the number of lines stays.
func (d *Doc) evenLines(text string, s Style, width float64) []line {
	lines := d.layout(text, s, width, 0)
	if len(lines) < 2 || len(lines[len(lines)-1].tokens) > 1 {
		return lines
	}
	// among the narrower layouts that share the text out, prefer one whose
	// lines end at a punctuation mark (原件/ | 复印件), else the widest
	var first []line
	for w := width - cell(s)/2; w > width/2; w -= cell(s) / 2 {
		try := d.layout(text, s, w, 0)
		if len(try) != len(lines) {
			break
		}
		if len(try[len(try)-1].tokens) < 2 {
			continue
		}
		if first == nil {
			first = try
		}
		if endsAtMark(try) {
			return try
		}
	}
	if first != nil {
		return first
	}
	return lines
}

// endsAtMark reports whether every line but the last ends with punctuation.
func endsAtMark(lines []line) bool {
	for _, l := range lines[:len(lines)-1] {
		if len(l.tokens) == 0 || !unicode.IsPunct(l.tokens[len(l.tokens)-1].last()) {
			return false
		}
	}
	return true
}

// rowItem is a table row: every cell ruled, the text of each centred
// vertically; minHeight is the least height of the row.
func (d *Doc) rowItem(cols []Column, widths []float64, cells []string, s Style, minHeight float64) item {
	laid := make([][]line, len(widths))
	n := 1
	for i, w := range widths {
		if i < len(cells) {
			laid[i] = d.cellLines(cells[i], w, s)
			n = max(n, len(laid[i]))
		}
	}
	h := max(float64(n)*tablePitch+2, minHeight)
	return item{h: h, body: true, draw: func(y float64) {
		x := MarginLeft
		d.pdf.SetLineWidth(0.3)
		for i, w := range widths {
			d.pdf.Rect(x, y, w, h, "D")
			top := y + (h-float64(len(laid[i]))*tablePitch)/2
			for j, l := range laid[i] {
				lx := x + tablePad
				if cols[i].Center {
					lx = x + (w-l.width)/2
				}
				d.drawLine(l, lx, top+float64(j)*tablePitch, s, tablePitch, 0)
			}
			x += w
		}
	}}
}

// Field is a label followed by a line to write on; Value, if any, is
// printed on the line (for instance a date already known).
type Field struct {
	Label string
	Value string
	Chars float64 // length of the line in characters
}

// Fields sets fill-in lines such as "申请人签名：________" one after another,
// going on to the next line when one does not fit. A value longer than the
// rest of the line wraps, underlined, within the type area, each of its
// lines under the first; a label never ends a line without its value. Sign-
// off lines that follow a sealed signature go beside the seal when they fit
// there (GB/T 9704 lets the block tighten), never under it.
func (d *Doc) Fields(fields ...Field) {
	if b := d.beside; b != nil && b.item < len(d.items) {
		rows := d.fieldRows(fields, b.right)
		if len(rows) <= b.lines {
			sig := &d.items[b.item]
			draw, first := sig.draw, b.first
			sig.draw = func(top float64) {
				draw(top)
				for k, r := range rows {
					d.drawFieldRow(r, top+float64(first+k)*LinePitch)
				}
			}
			b.lines -= len(rows)
			b.first += len(rows)
			return
		}
	}
	d.beside = nil
	rows := d.fieldRows(fields, MarginLeft+TypeWidth)
	for k, r := range rows {
		r := r
		d.add(item{h: LinePitch, body: true, keep: k < len(rows)-1, draw: func(y float64) { d.drawFieldRow(r, y) }})
	}
}

// fieldPiece is a label, a value on its line, or a blank line to write on.
type fieldPiece struct {
	l     line
	x     float64
	under float64 // length of the line to write on, 0 for none
}

// fieldRows lays fill-in fields out in rows that end at right.
func (d *Doc) fieldRows(fields []Field, right float64) [][]fieldPiece {
	s := BodyStyle
	var row []fieldPiece
	var rows [][]fieldPiece
	x := MarginLeft
	newRow := func() {
		if len(row) > 0 {
			rows = append(rows, row)
		}
		row, x = nil, MarginLeft
	}
	for _, f := range fields {
		label := d.oneLine(f.Label, s)
		value := d.oneLine(f.Value, s)
		blank := f.Chars * CharPitch
		need := label.width + max(blank, value.width+CharPitch)
		if x > MarginLeft && x+need > right+0.01 {
			newRow()
		}
		row = append(row, fieldPiece{l: label, x: x})
		x += label.width
		avail := right - x
		if f.Value == "" {
			under := min(blank, avail)
			row = append(row, fieldPiece{x: x, under: under})
			x += under + CharPitch
			continue
		}
		if value.width+CharPitch <= avail {
			under := min(max(blank, value.width+CharPitch), avail)
			row = append(row, fieldPiece{l: value, x: x + (under-value.width)/2, under: under})
			x += under + CharPitch
			continue
		}
		// wrap the value under itself, each line underlined
		indent := x
		for i, l := range d.layout(f.Value, s, right-indent, 0) {
			if i > 0 {
				newRow()
				x = indent
			}
			row = append(row, fieldPiece{l: l, x: x, under: right - x})
			x = right
		}
		x += CharPitch
	}
	newRow()
	return rows
}

// drawFieldRow draws a row of fill-in fields on the line whose top is y.
func (d *Doc) drawFieldRow(r []fieldPiece, y float64) {
	s := BodyStyle
	base := baseline(y, s, LinePitch)
	for _, p := range r {
		if p.under > 0 {
			d.pdf.SetLineWidth(0.25)
			d.pdf.Line(p.x, base+1.2, p.x+p.under, base+1.2)
		}
		if len(p.l.tokens) > 0 {
			d.drawLine(p.l, p.x, y, s, LinePitch, 0)
		}
	}
}

// Checks sets a label and a row of check boxes; the chosen option's box is
// ticked (its text layer reads "√").
func (d *Doc) Checks(label string, options []string, chosen string) {
	s := BodyStyle
	l := d.oneLine(label, s)
	opts := make([]line, len(options))
	for i, o := range options {
		opts[i] = d.oneLine(o, s)
	}
	d.add(item{h: LinePitch, body: true, draw: func(y float64) {
		x := MarginLeft + 2*CharPitch
		d.drawLine(l, x, y, s, LinePitch, 0)
		x += l.width
		box := s.Size * ptToMM * 0.8
		base := baseline(y, s, LinePitch)
		for i, o := range options {
			d.pdf.SetLineWidth(0.3)
			d.pdf.Rect(x+0.4, base-box, box, box, "D")
			if o == chosen {
				d.setFont(Style{Song, s.Size * 0.8})
				d.pdf.Text(x+0.6, base-0.6, "√")
			}
			x += CharPitch + 0.5
			d.drawLine(opts[i], x, y, s, LinePitch, 0)
			x += opts[i].width + CharPitch
		}
	}})
}

// CutLine draws a dashed line across the type area with a note, to separate
// two parts printed on one sheet.
func (d *Doc) CutLine(note string) {
	s := Style{Song, Size5}
	l := d.oneLine(note, s)
	d.add(item{h: LinePitch, draw: func(y float64) {
		y += LinePitch / 2
		d.pdf.SetDashPattern([]float64{2, 1.5}, 0)
		d.pdf.SetLineWidth(0.2)
		d.pdf.Line(MarginLeft, y, MarginLeft+TypeWidth, y)
		d.pdf.SetDashPattern(nil, 0)
		if note != "" {
			x := MarginLeft + (TypeWidth-l.width)/2
			d.pdf.SetFillColor(255, 255, 255)
			d.pdf.Rect(x-2, y-2.5, l.width+4, 5, "F")
			d.drawLine(l, x, y-2.5, s, 5, 0)
		}
	}})
}

// besideSeal is the room beside a seal, left of it, in the lines of the
// signature block under the date, where sign-off lines may go.
type besideSeal struct {
	item  int     // the signature's item
	first int     // its first free line
	lines int     // free lines
	right float64 // where the room ends, short of the seal
}

// sealDiameter is the usual size of an office seal.
const sealDiameter = 42.0

// Signature sets the issuing body and date. With a seal (and one configured)
// the date sits four characters in from the right, the body centred above
// it, and the seal pressed over both with its top within a line of the text
// above; without, the body sits two characters in from the right and the
// date on the next line, two characters further right (GB/T 9704 §7.3.5).
// The block takes at least the last two lines of the text with it onto its
// page, so it never stands alone; with a seal it also keeps the seal's whole
// height, so nothing that follows (an applicant's sign-off line) lies under
// the seal. Blank issuer or date print as lines to fill in by hand.
func (d *Doc) Signature(issuer, date string, withSeal bool) {
	s := BodyStyle
	seal := withSeal && len(d.seal) > 0
	li, ld := d.oneLine(issuer, s), d.oneLine(date, s)
	wi, wd := li.width, ld.width
	right := MarginLeft + TypeWidth
	var xi, xd float64
	if seal {
		xd = right - 4*CharPitch - wd
		xi = xd + (wd-wi)/2
	} else if wd+2*CharPitch <= wi {
		xi = right - 2*CharPitch - wi
		xd = xi + 2*CharPitch
	} else {
		xd = right - 2*CharPitch - wd
		xi = xd - 2*CharPitch
	}
	h := 3 * LinePitch // a blank line, the issuer, the date
	d.beside = nil
	if seal {
		lines := math.Ceil(sealDiameter / LinePitch)
		h = lines * LinePitch
		sealLeft := xd + wd/2 - sealDiameter/2
		d.beside = &besideSeal{item: len(d.items), first: 3, lines: int(lines) - 3, right: sealLeft - CharPitch}
	}
	d.keepLast(2)
	if d.beside != nil {
		d.beside.item = len(d.items)
	}
	// keep: the sign-off lines that follow stay with the signature
	d.add(item{h: h, body: true, keep: true, draw: func(top float64) {
		d.drawLine(li, xi, top+LinePitch, s, LinePitch, 0)
		d.drawLine(ld, xd, top+2*LinePitch, s, LinePitch, 0)
		if seal {
			// centred on the date, top at the foot of the text above, so
			// the issuer and date sit at the middle of the seal
			cx := xd + wd/2
			d.pdf.SetAlpha(1, "Multiply")
			d.pdf.RegisterImageOptionsReader("seal", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(d.seal))
			d.pdf.ImageOptions("seal", cx-sealDiameter/2, top, sealDiameter, sealDiameter, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
			d.pdf.SetAlpha(1, "Normal")
			d.seals = append(d.seals, Rect{Page: d.pdf.PageNo(), X: cx - sealDiameter/2, Y: top, W: sealDiameter, H: sealDiameter})
		}
	}})
}

// oneLine lays text out as a single line however long (for labels, dates
// and names that must not wrap); it is the caller's job that it fits.
func (d *Doc) oneLine(text string, s Style) line {
	ls := d.layout(text, s, 1e6, 0)
	if len(ls) == 0 {
		return line{last: true}
	}
	return ls[0]
}

// InfoTable draws a two-column table of names and contents (a 送达凭证);
// an empty content is a cell to fill in by hand, high enough to sign in.
func (d *Doc) InfoTable(rows [][]string) {
	cols := []Column{{Title: "", Width: 2}, {Title: "", Width: 5}}
	widths := columnWidths(cols)
	for _, r := range rows {
		min := 0.0
		if len(r) > 1 && r[1] == "" {
			min = 1.6*tablePitch + 2 // room for a signature
		}
		d.add(d.rowItem(cols, widths, r, TableStyle, min))
	}
	d.add(item{snap: true})
}
