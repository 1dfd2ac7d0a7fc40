package assets

import "testing"

func TestUIFontDrawsRareNames(t *testing.T) {
	for _, name := range []string{"王堃", "李喆", "周𠮷", "张昇", "刘玥", "〔2026〕12号", "ＡＢＣ１２３：，。"} {
		if miss := Hei.Missing(name); len(miss) > 0 {
			t.Errorf("UI font lacks %q in %s", string(miss), name)
		}
	}
}

func TestDocumentFacesKnowTheirGaps(t *testing.T) {
	if !Song.Has('王') || !Kai.Has('王') {
		t.Fatal("document faces lack a common character")
	}
	// GB2312 faces have no 堃: the documents must fall back for it.
	if Song.Has('堃') {
		t.Fatal("expected AR PL SungtiL GB to lack 堃 (GB2312 only); fallback logic relies on this check")
	}
}

func TestFontsAreTrueType(t *testing.T) {
	for _, f := range []*Face{Hei, Song, Kai} {
		if len(f.Data) < 4 || string(f.Data[:4]) != "\x00\x01\x00\x00" {
			t.Errorf("%s is not a TrueType (glyf) font", f.Name)
		}
	}
}
