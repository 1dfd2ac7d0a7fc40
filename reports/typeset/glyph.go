package typeset

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"govdesk/assets"
)

// Characters above U+FFFF (such as 𠮷 in a name) make gofpdf panic when it
// writes the font, so they are drawn as images rendered, at print
// resolution, from the face that has them (the rare-character serif, else
// the UI's Hei): they print recognisably and never vanish. So that readers
// still find and copy them, each image sits in a marked-content span whose
// /ActualText is the character, over an invisible placeholder glyph: text
// extraction (poppler, Acrobat) takes a span's ActualText in place of the
// text drawn inside it, and emits it only when the span holds some text.

const glyphPixels = 128 // pixels per em of the rendered image (≈ 580 dpi at 三号)

// glyphPlaceholder is the invisible text under a drawn character: 〓, the
// mark for a missing character, is what a reader that ignores ActualText
// shows instead.
const glyphPlaceholder = '〓'

var (
	glyphMu    sync.Mutex
	glyphFonts = map[*assets.Face]*opentype.Font{}
	glyphCache = map[glyphKey][]byte{}
)

type glyphKey struct {
	face *assets.Face
	r    rune
}

// glyphPNG renders r from a face as a black-on-transparent PNG of one em
// square, with the baseline at 86% of its height (as baseline() assumes).
func glyphPNG(f *assets.Face, r rune) ([]byte, error) {
	glyphMu.Lock()
	defer glyphMu.Unlock()
	if b, ok := glyphCache[glyphKey{f, r}]; ok {
		return b, nil
	}
	otf := glyphFonts[f]
	if otf == nil {
		var err error
		if otf, err = opentype.Parse(f.Data); err != nil {
			return nil, err
		}
		glyphFonts[f] = otf
	}
	face, err := opentype.NewFace(otf, &opentype.FaceOptions{Size: glyphPixels, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	defer face.Close()
	img := image.NewNRGBA(image.Rect(0, 0, glyphPixels, glyphPixels))
	dr := &font.Drawer{Dst: img, Src: image.NewUniform(color.Black), Face: face,
		Dot: fixed.P(0, glyphPixels*86/100)}
	adv := dr.MeasureString(string(r))
	dr.Dot.X = (fixed.I(glyphPixels) - adv) / 2
	dr.DrawString(string(r))
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	glyphCache[glyphKey{f, r}] = buf.Bytes()
	return buf.Bytes(), nil
}

func (d *Doc) drawGlyphImage(r rune, x, base float64, s Style) {
	size := s.Size * ptToMM
	from, _ := d.faceFor(s.Face, r)
	name := fmt.Sprintf("glyph-%s-%X", d.fontName[from], r)
	if !d.images[name] {
		b, err := glyphPNG(d.faces[from], r)
		if err != nil {
			d.warnings = append(d.warnings, fmt.Sprintf("字符“%c”无法绘制：%v", r, err))
			return
		}
		d.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(b))
		d.images[name] = true
	}
	d.pdf.RawWriteStr("/Span <</ActualText <" + utf16BEHex(r) + ">>> BDC")
	d.pdf.ImageOptions(name, x, base-size*0.86, size, size, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	// the placeholder is one em wide, like the character, so a selection
	// covers it; render mode 3 neither fills nor strokes it, as in the text
	// layer of a scanned page
	ph, _ := d.faceFor(s.Face, glyphPlaceholder)
	d.setFont(Style{ph, s.Size})
	d.pdf.RawWriteStr("3 Tr")
	d.pdf.Text(x, base, string(glyphPlaceholder))
	d.pdf.RawWriteStr("0 Tr")
	d.pdf.RawWriteStr("EMC")
}

// utf16BEHex is the PDF text string of r: a byte-order mark and r in
// UTF-16BE, as hexadecimal.
func utf16BEHex(r rune) string {
	var b strings.Builder
	b.WriteString("FEFF")
	for _, u := range utf16.Encode([]rune{r}) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}
