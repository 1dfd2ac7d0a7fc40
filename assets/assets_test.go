package assets

import (
	"bytes"
	"testing"

	"github.com/go-text/typesetting/font"
)

func TestUIFontDrawsRareNames(t *testing.T) {
	for _, name := range []string{"王堃", "李喆", "周𠮷", "张昇", "刘玥", "〔2026〕12号", "ＡＢＣ１２３：，。"} {
		if miss := Hei.Missing(name); len(miss) > 0 {
			t.Errorf("UI font lacks %q in %s", string(miss), name)
		}
	}
}

func TestDocumentFacesKnowTheirGaps(t *testing.T) {
	for _, f := range []*Face{FandolFang, FandolSongBold, FandolSong, FandolHei, FandolKai} {
		if miss := f.Missing("王国政务服务中心〔2026〕12号—√〓IlO0：，。（）"); len(miss) > 0 {
			t.Errorf("%s lacks %q", f.Name, string(miss))
		}
		// GB2312 faces have no 堃: the documents must fall back for it.
		if f.Has('堃') {
			t.Errorf("expected %s to lack 堃 (GB2312 only); the serif fallback relies on this check", f.Name)
		}
	}
}

// TestSerifFillsTheGaps checks that the rare-character serif holds what the
// Fandol faces lack: rare BMP ideographs, Ext-A, compatibility ideographs,
// and characters above U+FFFF met in names.
func TestSerifFillsTheGaps(t *testing.T) {
	if miss := SerifRare.Missing("堃喆玥龘㐀䶵昇鎔\uF92C𠮷𪚥"); len(miss) > 0 {
		t.Errorf("serif fallback lacks %q", string(miss))
	}
	// characters every Fandol face has are left out, to save space
	if SerifRare.Has('王') {
		t.Error("serif fallback holds 王, which every document face has")
	}
}

func TestFontsAreTrueType(t *testing.T) {
	for _, f := range []*Face{Hei, FandolFang, FandolSongBold, FandolSong, FandolHei, FandolKai, SerifRare} {
		if len(f.Data) < 4 || string(f.Data[:4]) != "\x00\x01\x00\x00" {
			t.Errorf("%s is not a TrueType (glyf) font", f.Name)
		}
	}
}

// The face the theme serves is Hei in CFF form: it maps every character Hei
// maps, to the same glyph with the same advance, and draws an outline for
// each rare name (no box for 堃, 喆 or 𠮷).
func TestUIFontIsHeiGlyphForGlyph(t *testing.T) {
	hei, err := font.ParseTTF(bytes.NewReader(Hei.Data))
	if err != nil {
		t.Fatal(err)
	}
	ui, err := font.ParseTTF(bytes.NewReader(UIFont))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for it := hei.Cmap.Iter(); it.Next(); {
		r, g := it.Char()
		n++
		got, ok := ui.NominalGlyph(r)
		if !ok || got != g || ui.HorizontalAdvance(got) != hei.HorizontalAdvance(g) {
			t.Fatalf("U+%04X: Hei glyph %d, UI font glyph %d (%v)", r, g, got, ok)
		}
	}
	if n < 50000 {
		t.Fatalf("Hei maps only %d characters", n)
	}
	for _, r := range "王堃李喆周𠮷张昇刘玥〔〕ＡＢＣ１２３：，。AZaz09" {
		g, _ := ui.NominalGlyph(r)
		out, ok := ui.GlyphData(g).(font.GlyphOutline)
		if !ok || len(out.Segments) == 0 {
			t.Errorf("UI font draws no outline for %q", r)
		}
	}
}
