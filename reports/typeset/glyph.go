package typeset

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sync"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"govdesk/assets"
)

// Characters above U+FFFF (such as 𠮷 in a name) make gofpdf panic when it
// writes the font, so they are drawn as images rendered from the Hei face at
// print resolution: they print recognisably and never vanish.

const glyphPixels = 128 // pixels per em of the rendered image (≈ 580 dpi at 三号)

var (
	heiOnce sync.Once
	heiFont *opentype.Font
	heiErr  error

	glyphMu    sync.Mutex
	glyphCache = map[rune][]byte{}
)

// glyphPNG renders r from the Hei face as a black-on-transparent PNG of one
// em square, with the baseline at 86% of its height (as baseline() assumes).
func glyphPNG(r rune) ([]byte, error) {
	glyphMu.Lock()
	defer glyphMu.Unlock()
	if b, ok := glyphCache[r]; ok {
		return b, nil
	}
	heiOnce.Do(func() { heiFont, heiErr = opentype.Parse(assets.Hei.Data) })
	if heiErr != nil {
		return nil, heiErr
	}
	face, err := opentype.NewFace(heiFont, &opentype.FaceOptions{Size: glyphPixels, DPI: 72, Hinting: font.HintingNone})
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
	glyphCache[r] = buf.Bytes()
	return buf.Bytes(), nil
}

func (d *Doc) drawGlyphImage(r rune, x, base float64, s Style) {
	size := s.Size * ptToMM
	name := fmt.Sprintf("glyph-%X", r)
	if !d.images[name] {
		b, err := glyphPNG(r)
		if err != nil {
			d.warnings = append(d.warnings, fmt.Sprintf("字符“%c”无法绘制：%v", r, err))
			return
		}
		d.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(b))
		d.images[name] = true
	}
	d.pdf.ImageOptions(name, x, base-size*0.86, size, size, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
}
