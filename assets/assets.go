// Package assets embeds GovDesk's fonts, icon and licence texts, and is the
// one place that serves them: to the desktop theme and to the PDF notices.
package assets

import (
	"embed"
	"sync"

	"golang.org/x/image/font/sfnt"
)

//go:embed icon.png
var Icon []byte

//go:embed fonts/wqy-microhei-ext.ttf
var uiFont []byte

//go:embed fonts/gbsn00lp.ttf
var songFont []byte

//go:embed fonts/gkai00mp.ttf
var kaiFont []byte

//go:embed fonts/*.txt
var Licences embed.FS

// Face is an embedded TrueType font.
type Face struct {
	Name string // file name, e.g. wqy-microhei.ttf
	Data []byte

	once sync.Once
	font *sfnt.Font
}

// The embedded faces. Hei (WenQuanYi Micro Hei with CJK Ext-A..F glyphs
// added, see fonts/README.md) has Latin glyphs and the broadest CJK coverage,
// including characters outside the BMP such as 𠮷; it is the UI font and the
// fallback for rare characters. Song (AR PL SungtiL GB) and Kai (AR PL KaitiM
// GB) are document faces that hold GB2312 only.
var (
	Hei  = &Face{Name: "wqy-microhei-ext.ttf", Data: uiFont}
	Song = &Face{Name: "gbsn00lp.ttf", Data: songFont}
	Kai  = &Face{Name: "gkai00mp.ttf", Data: kaiFont}
)

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool {
	f.once.Do(func() { f.font, _ = sfnt.Parse(f.Data) })
	if f.font == nil {
		return false
	}
	var buf sfnt.Buffer
	i, err := f.font.GlyphIndex(&buf, r)
	return err == nil && i != 0
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
