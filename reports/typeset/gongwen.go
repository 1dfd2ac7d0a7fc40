package typeset

import (
	"bytes"
	"math"
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// The parts of a 公文 (GB/T 9704-2012) beyond the body: the 版头 at the top
// of the first page and the 版记 at the foot of the last, and the landscape
// 荣誉证书.

// red is the red of the 版头 (GB/T 9704 §7.2.1: 发文机关标志…颜色为红色).
var red = [3]int{200, 16, 16}

// Letterhead sets the 版头 of a 公文 (GB/T 9704 §7.2): the issuing body's
// mark (发文机关标志, such as "乌兰察布市政务服务中心文件") in red 小标宋,
// centred, its top 35 mm below the top of the type area; two lines below
// it the 发文字号 given by SetDocNumber, centred; 4 mm below that a red line
// as wide as the type area; and two blank lines before the title. The 发文
// 字号 then does not repeat under the title.
func (d *Doc) Letterhead(mark string) {
	no := d.docNo
	d.docNo = ""
	n := float64(len([]rune(mark)))
	// at most 15 mm a character (§7.2.1), and within the type width
	size := math.Min(15/ptToMM, TypeWidth/math.Max(n, 1)/ptToMM*0.96)
	s := Style{Title, size}
	l := d.oneLine(mark, s)
	markH := size * ptToMM * 1.2
	d.add(item{h: 35}) // kept at the top of the page: it is part of the 版头
	d.add(item{h: markH, body: true, keep: true, draw: func(y float64) {
		d.pdf.SetTextColor(red[0], red[1], red[2])
		d.drawLine(l, MarginLeft+(TypeWidth-l.width)/2, y, s, markH, 0)
		d.pdf.SetTextColor(0, 0, 0)
	}})
	d.add(item{h: 2 * LinePitch, keep: true}) // 空二行
	if no != "" {
		d.textBlock(no, BodyStyle, 0, "center", withNext)
	}
	d.add(item{h: 4 + 0.5, keep: true, draw: func(y float64) {
		d.pdf.SetDrawColor(red[0], red[1], red[2])
		d.pdf.SetLineWidth(0.5)
		d.pdf.Line(MarginLeft, y+4, MarginLeft+TypeWidth, y+4)
		d.pdf.SetDrawColor(0, 0, 0)
	}})
	d.add(item{h: 2 * LinePitch, keep: true}) // 空二行 before the title
}

// Colophon sets the 版记 at the foot of the last page (GB/T 9704 §7.4): a
// thick line, 抄送 (when given), a thin line, the 印发机关 one character
// from the left and the 印发日期 with "印发" one character from the right,
// and a thick line, in 四号 仿宋, its last line on the last line of the type
// area.
func (d *Doc) Colophon(cc []string, printer, date string) {
	s := Style{Body, Size4}
	var ccLines []line
	if len(cc) > 0 {
		ccLines = d.layout("抄送："+strings.Join(cc, "，")+"。", s, TypeWidth-2*cell(s), 0)
	}
	pl, dl := d.oneLine(printer, s), d.oneLine(date+"印发", s)
	const pitch = 8.0
	h := float64(len(ccLines)+1)*pitch + 1
	d.add(item{h: h, body: true, foot: true, draw: func(y float64) {
		rule := func(y, w float64) {
			d.pdf.SetLineWidth(w)
			d.pdf.Line(MarginLeft, y, MarginLeft+TypeWidth, y)
		}
		rule(y, 0.35)
		for i, l := range ccLines {
			d.drawLine(l, MarginLeft+cell(s), y+float64(i)*pitch, s, pitch, 0)
		}
		yy := y + float64(len(ccLines))*pitch
		if len(ccLines) > 0 {
			rule(yy, 0.25)
		}
		d.drawLine(pl, MarginLeft+cell(s), yy, s, pitch, 0)
		d.drawLine(dl, MarginLeft+TypeWidth-cell(s)-dl.width, yy, s, pitch, 0)
		rule(yy+pitch, 0.35)
	}})
}

// Certificate is the wording of one 荣誉证书.
type Certificate struct {
	Name   string // 王堃
	Before string // 在2026年第三季度窗口服务工作中表现突出，被评为
	Honour string // “服务明星”, never broken over two lines
	After  string // 。特发此证，以资鼓励。
	Issuer string
	Date   string
	Number string // 证书编号
}

// Certificates sets 荣誉证书 on landscape A4 pages, one a page, centred in a
// red frame, without page numbers; the honour's name is never broken, and
// the seal, if any, is pressed over the issuer and the date. Use it on a
// document made with Options.Landscape.
func (d *Doc) Certificates(cs []Certificate) {
	for i, c := range cs {
		if i > 0 {
			d.NewPage()
		}
		c := c
		d.add(item{h: 1, body: true, draw: func(float64) { d.drawCertificate(c) }})
	}
}

func (d *Doc) drawCertificate(c Certificate) {
	w, h := PageHeight, PageWidth // landscape
	d.pdf.SetDrawColor(red[0], red[1], red[2])
	d.pdf.SetLineWidth(1.2)
	d.pdf.Rect(12, 12, w-24, h-24, "D")
	d.pdf.SetLineWidth(0.4)
	d.pdf.Rect(15, 15, w-30, h-30, "D")
	d.pdf.SetDrawColor(0, 0, 0)

	title := Style{Title, 40}
	tl := d.oneLine("荣　誉　证　书", title)
	d.pdf.SetTextColor(red[0], red[1], red[2])
	d.drawLine(tl, (w-tl.width)/2, 32, title, 22, 0)
	d.pdf.SetTextColor(0, 0, 0)

	s := Style{Body, 20}
	left, width := 45.0, w-90
	pitch := 14.0
	y := 70.0
	d.drawLine(d.oneLine(c.Name+"同志：", s), left, y, s, pitch, 0)
	y += pitch
	// the honour goes whole onto the last line, or onto a line of its own
	lines := d.layout(c.Before, s, width, 2*cell(s))
	last := lines[len(lines)-1]
	indent := 0.0
	if len(lines) == 1 {
		indent = 2 * cell(s)
	}
	fits := indent+last.width+d.oneLine(c.Honour, s).width <= width
	for i, l := range lines {
		x := left
		if i == 0 {
			x += 2 * cell(s)
		}
		d.drawLine(l, x, y, s, pitch, 0)
		if i == len(lines)-1 && fits {
			d.drawHonour(c, x+l.width, left, y, s, pitch, width-(x-left)-l.width)
		}
		y += pitch
	}
	if !fits {
		d.drawHonour(c, left, left, y, s, pitch, width)
	}

	// issuer and date at the lower right, the seal over them
	ss := Style{Body, 18}
	li, ld := d.oneLine(c.Issuer, ss), d.oneLine(c.Date, ss)
	right := w - 45
	xd := right - ld.width
	xi := xd + (ld.width-li.width)/2
	yi := h - 62.0
	d.drawLine(li, xi, yi, ss, 12, 0)
	d.drawLine(ld, xd, yi+12, ss, 12, 0)
	if len(d.seal) > 0 {
		cx, cy := xd+ld.width/2, yi+12
		d.pdf.SetAlpha(1, "Multiply")
		d.pdf.RegisterImageOptionsReader("seal", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(d.seal))
		d.pdf.ImageOptions("seal", cx-sealDiameter/2, cy-sealDiameter/2, sealDiameter, sealDiameter, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		d.pdf.SetAlpha(1, "Normal")
		d.seals = append(d.seals, Rect{Page: d.pdf.PageNo(), X: cx - sealDiameter/2, Y: cy - sealDiameter/2, W: sealDiameter, H: sealDiameter})
	}
	if c.Number != "" {
		small := Style{Body, SizeSmall4}
		d.drawLine(d.oneLine("证书编号："+c.Number, small), 45, h-32, small, 6, 0)
	}
}

// drawHonour sets the honour and what follows it from x, breaking only
// after the honour (the rest going to the next line, from left) when the
// rest does not fit.
func (d *Doc) drawHonour(c Certificate, x, left, y float64, s Style, pitch, room float64) {
	l := d.oneLine(c.Honour+c.After, s)
	if l.width <= room {
		d.drawLine(l, x, y, s, pitch, 0)
		return
	}
	d.drawLine(d.oneLine(c.Honour, s), x, y, s, pitch, 0)
	d.drawLine(d.oneLine(c.After, s), left, y+pitch, s, pitch, 0)
}
