package typeset

import (
	"bytes"

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
// pages, and the header repeats on a new page.
func (d *Doc) Table(cols []Column, rows [][]string) {
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = TypeWidth * c.Width / total
	}
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.Title
	}
	d.tableRow(cols, widths, header, Style{Hei, Size4})
	for _, r := range rows {
		if d.rowHeight(widths, r, TableStyle)+d.y > MarginTop+TypeHeight {
			d.NewPage()
			d.tableRow(cols, widths, header, Style{Hei, Size4})
		}
		d.tableRow(cols, widths, r, TableStyle)
	}
	// back onto the body grid
	used := d.y - MarginTop
	lines := int(used/LinePitch) + 1
	d.y = MarginTop + float64(lines)*LinePitch
}

func (d *Doc) cellLines(text string, w float64, s Style) []line {
	return d.layout(text, s, w-2*tablePad, 0)
}

func (d *Doc) rowHeight(widths []float64, cells []string, s Style) float64 {
	n := 1
	for i, w := range widths {
		if i < len(cells) {
			if k := len(d.cellLines(cells[i], w, s)); k > n {
				n = k
			}
		}
	}
	return float64(n)*tablePitch + 2
}

func (d *Doc) tableRow(cols []Column, widths []float64, cells []string, s Style) {
	h := d.rowHeight(widths, cells, s)
	if d.y+h > MarginTop+TypeHeight {
		d.NewPage()
	}
	d.tableRowHeight(cols, widths, cells, s, h)
}

func (d *Doc) tableRowHeight(cols []Column, widths []float64, cells []string, s Style, h float64) {
	x := MarginLeft
	d.pdf.SetLineWidth(0.3)
	for i, w := range widths {
		d.pdf.Rect(x, d.y, w, h, "D")
		if i < len(cells) {
			lines := d.cellLines(cells[i], w, s)
			top := d.y + (h-float64(len(lines))*tablePitch)/2
			for j, l := range lines {
				lx := x + tablePad
				if cols[i].Center {
					lx = x + (w-l.width)/2
				}
				d.drawLine(l, lx, top+float64(j)*tablePitch, s, tablePitch, 0)
			}
		}
		x += w
	}
	d.y += h
}

// Field is a label followed by a line to write on; Value, if any, is
// printed on the line (for instance a date already known).
type Field struct {
	Label string
	Value string
	Chars float64 // length of the line in characters
}

// Fields sets fill-in lines such as "申请人签名：________" one after another,
// wrapping to the next line when one does not fit.
func (d *Doc) Fields(fields ...Field) {
	s := BodyStyle
	d.ensure(1)
	x := MarginLeft
	for i, f := range fields {
		label := d.oneLine(f.Label, s)
		value := d.oneLine(f.Value, s)
		// the line is never shorter than what is printed on it
		line := max(f.Chars*CharPitch, value.width+CharPitch)
		if i > 0 && x+label.width+line > MarginLeft+TypeWidth+0.01 {
			d.y += LinePitch
			d.ensure(1)
			x = MarginLeft
		}
		d.drawLine(label, x, d.y, s, LinePitch, 0)
		x += label.width
		base := baseline(d.y, s, LinePitch)
		d.pdf.SetLineWidth(0.25)
		d.pdf.Line(x, base+1.2, x+line, base+1.2)
		d.drawLine(value, x+(line-value.width)/2, d.y, s, LinePitch, 0)
		x += line + CharPitch
	}
	d.y += LinePitch
}

// Checks sets a label and a row of check boxes; the chosen option's box is
// ticked (its text layer reads "√").
func (d *Doc) Checks(label string, options []string, chosen string) {
	s := BodyStyle
	d.ensure(1)
	x := MarginLeft + 2*CharPitch
	l := d.oneLine(label, s)
	d.drawLine(l, x, d.y, s, LinePitch, 0)
	x += l.width
	box := s.Size * ptToMM * 0.8
	base := baseline(d.y, s, LinePitch)
	for _, o := range options {
		d.pdf.SetLineWidth(0.3)
		d.pdf.Rect(x+0.4, base-box, box, box, "D")
		if o == chosen {
			d.setFont(Style{Song, s.Size * 0.8})
			d.pdf.Text(x+0.6, base-0.6, "√")
		}
		x += CharPitch + 0.5
		l := d.oneLine(o, s)
		d.drawLine(l, x, d.y, s, LinePitch, 0)
		x += l.width + CharPitch
	}
	d.y += LinePitch
}

// PartLabel marks a part of a multi-part form (第一联 存根) above the type
// area, at the right.
func (d *Doc) PartLabel(text string) {
	s := Style{Song, SizeSmall4}
	l := d.oneLine(text, s)
	d.drawLine(l, MarginLeft+TypeWidth-l.width, MarginTop-2*tablePitch, s, tablePitch, 0)
}

// CutLine draws a dashed line across the page with a note, to separate two
// parts printed on one sheet.
func (d *Doc) CutLine(note string) {
	d.ensure(2)
	y := d.y + LinePitch/2
	d.pdf.SetDashPattern([]float64{2, 1.5}, 0)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(MarginLeft-10, y, MarginLeft+TypeWidth+10, y)
	d.pdf.SetDashPattern(nil, 0)
	if note != "" {
		s := Style{Song, Size5}
		l := d.oneLine(note, s)
		x := MarginLeft + (TypeWidth-l.width)/2
		d.pdf.SetFillColor(255, 255, 255)
		d.pdf.Rect(x-2, y-2.5, l.width+4, 5, "F")
		d.drawLine(l, x, y-2.5, s, 5, 0)
	}
	d.y += LinePitch
}

// sealDiameter is the usual size of an office seal.
const sealDiameter = 42.0

// Signature sets the issuing body and date. With a seal (and one configured)
// the date sits four characters in from the right, the body centred above
// it, and the seal pressed over both with its top within a line of the text
// above; without, the body sits two characters in from the right and the
// date on the next line, two characters further right (GB/T 9704 §7.3.5).
// Blank issuer or date print as lines to fill in by hand.
func (d *Doc) Signature(issuer, date string, withSeal bool) {
	s := BodyStyle
	seal := withSeal && len(d.seal) > 0
	need := 3
	if seal {
		need = 4
	}
	d.ensure(need)
	textTop := d.y
	d.y += LinePitch // one blank line under the text
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
	d.drawLine(li, xi, d.y, s, LinePitch, 0)
	d.drawLine(ld, xd, d.y+LinePitch, s, LinePitch, 0)
	if seal {
		// centred on the date, top at the foot of the text above, so the
		// issuer and date sit at the middle of the seal
		cx := xd + wd/2
		top := textTop
		d.pdf.SetAlpha(1, "Multiply")
		d.pdf.RegisterImageOptionsReader("seal", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(d.seal))
		d.pdf.ImageOptions("seal", cx-sealDiameter/2, top, sealDiameter, sealDiameter, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		d.pdf.SetAlpha(1, "Normal")
	}
	d.y += 2 * LinePitch
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
// an empty content is a cell to fill in by hand, a line and a half high.
func (d *Doc) InfoTable(rows [][]string) {
	cols := []Column{{Title: "", Width: 2}, {Title: "", Width: 5}}
	total := cols[0].Width + cols[1].Width
	widths := []float64{TypeWidth * cols[0].Width / total, TypeWidth * cols[1].Width / total}
	for _, r := range rows {
		h := d.rowHeight(widths, r, TableStyle)
		if len(r) > 1 && r[1] == "" {
			h = 2*tablePitch + 2
		}
		if d.y+h > MarginTop+TypeHeight {
			d.NewPage()
		}
		d.tableRowHeight(cols, widths, r, TableStyle, h)
	}
	used := d.y - MarginTop
	d.y = MarginTop + float64(int(used/LinePitch)+1)*LinePitch
}
