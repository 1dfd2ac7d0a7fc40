// Package assets embeds GovDesk's fonts, icon and licence texts, and is the
// one place that serves them: to the desktop theme and to the PDF notices.
package assets

import (
	"embed"
	"math"
	"sync"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

//go:embed icon.png
var Icon []byte

//go:embed fonts/wqy-microhei-ext.ttf
var uiFont []byte

// UIFont is Hei with the same glyphs, metrics and character map, its
// outlines in CFF rather than TrueType form (fonts/build_uifont.py): the
// face the desktop theme serves. Fyne's text engine loads a font once per
// text style (regular, bold, monospace…), reading every TrueType outline
// into memory, 63 MB a time for Hei's 65,535 glyphs; CFF outlines it reads
// only as glyphs are drawn, 24 MB a time. The documents keep Hei: gofpdf
// embeds TrueType only.
//
//go:embed fonts/wqy-microhei-ui.otf
var UIFont []byte

// UIFontName is UIFont's file name.
const UIFontName = "wqy-microhei-ui.otf"

//go:embed fonts/fandol-fang.ttf
var fangFont []byte

//go:embed fonts/fandol-song-bold.ttf
var songBoldFont []byte

//go:embed fonts/fandol-song.ttf
var songFont []byte

//go:embed fonts/fandol-hei.ttf
var heiFont []byte

//go:embed fonts/fandol-kai.ttf
var kaiFont []byte

//go:embed fonts/govdesk-serif-rare.ttf
var serifRareFont []byte

//go:embed fonts/*.txt
var Licences embed.FS

// Face is a TrueType font: one of the embedded faces, or a font file the
// documents use instead of one.
type Face struct {
	Name   string // file name, e.g. wqy-microhei.ttf
	Family string // the font's own name, e.g. FandolFang
	Data   []byte

	once sync.Once
	font *sfnt.Font

	mu       sync.Mutex
	advances map[rune]int
}

// The embedded faces.
//
// Hei (WenQuanYi Micro Hei with CJK Ext-A..F glyphs added, see
// fonts/README.md) has Latin glyphs and the broadest CJK coverage, including
// characters outside the BMP such as 𠮷; it is the UI font and the documents'
// last resort for rare characters.
//
// The document faces are the Fandol fonts converted to TrueType outlines:
// FandolFang (仿宋, body), FandolSongBold (bold Song, standing in for 小标宋 in
// titles), FandolSong (宋体, page numbers and small labels), FandolHei (黑体)
// and FandolKai (楷体) for headings. They hold GB2312 and Latin only;
// SerifRare, a Song-style serif holding what they lack (the rest of the BMP
// ideographs, Ext-A, and the important characters above U+FFFF), prints rare
// characters in a style close to their neighbours.
var (
	Hei            = &Face{Name: "wqy-microhei-ext.ttf", Family: "WQY MicroHei UIExt", Data: uiFont}
	FandolFang     = &Face{Name: "fandol-fang.ttf", Family: "FandolFang", Data: fangFont}
	FandolSongBold = &Face{Name: "fandol-song-bold.ttf", Family: "FandolSong Bold", Data: songBoldFont}
	FandolSong     = &Face{Name: "fandol-song.ttf", Family: "FandolSong", Data: songFont}
	FandolHei      = &Face{Name: "fandol-hei.ttf", Family: "FandolHei", Data: heiFont}
	FandolKai      = &Face{Name: "fandol-kai.ttf", Family: "FandolKai", Data: kaiFont}
	SerifRare      = &Face{Name: "govdesk-serif-rare.ttf", Family: "GovDesk Serif Rare", Data: serifRareFont}
)

func (f *Face) parsed() *sfnt.Font {
	f.once.Do(func() { f.font, _ = sfnt.Parse(f.Data) })
	return f.font
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool {
	_, ok := f.Glyph(r)
	return ok
}

// Glyph gives the face's glyph for r, and whether it has one.
func (f *Face) Glyph(r rune) (uint16, bool) {
	font := f.parsed()
	if font == nil {
		return 0, false
	}
	var buf sfnt.Buffer
	i, err := font.GlyphIndex(&buf, r)
	return uint16(i), err == nil && i != 0
}

// Advance gives how far r moves the pen, in thousandths of an em, rounded
// as a PDF's width table (and gofpdf) rounds it; 0 for a rune the face
// lacks.
func (f *Face) Advance(r rune) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if w, ok := f.advances[r]; ok {
		return w
	}
	w := 0
	if font := f.parsed(); font != nil {
		var buf sfnt.Buffer
		if i, err := font.GlyphIndex(&buf, r); err == nil && i != 0 {
			upem := int(font.UnitsPerEm())
			if adv, err := font.GlyphAdvance(&buf, i, fixed.I(upem), xfont.HintingNone); err == nil {
				w = int(math.Round(1000 * float64(adv) / 64 / float64(upem)))
			}
		}
	}
	if f.advances == nil {
		f.advances = map[rune]int{}
	}
	f.advances[r] = w
	return w
}

// Missing returns the characters of s the face cannot draw, each once.
func (f *Face) Missing(s string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if r < ' ' || seen[r] || f.Has(r) {
			continue
		}
		seen[r] = true
		out = append(out, r)
	}
	return out
}
