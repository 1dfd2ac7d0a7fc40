package typeset

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"govdesk/assets"
)

// noSystemFonts keeps the PC's own fonts out of a test, so that it checks
// the embedded faces on every PC.
var noSystemFonts = []string{}

// pdfFonts lists the fonts a PDF embeds by name (gofpdf writes "utf8" and
// its name of the font), as poppler's pdffonts reads them.
func pdfFonts(t *testing.T, pdf []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Fatal("pdffonts is needed to read printed PDFs back: install poppler-utils (bash .ci/deps)")
	}
	p := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(p, pdf, 0o644)
	out, err := exec.Command("pdffonts", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range strings.Split(string(out), "\n")[2:] {
		if f := strings.Fields(l); len(f) > 0 {
			names = append(names, strings.TrimPrefix(f[0], "utf8"))
		}
	}
	slices.Sort(names)
	return names
}

func TestDocumentFacesFollowGBT9704(t *testing.T) {
	const para = "王堃 李喆 刘玥 龘 㐀 周𠮷 𪚥 Il1 O0"
	pdf := render(t, Options{FontDirs: noSystemFonts}, func(d *Doc) {
		d.Title("受理通知书")
		d.Heading1("一、受理材料")
		d.Heading2("（一）领取方式")
		d.Paragraph(para)
		if len(d.Warnings()) != 0 {
			t.Fatalf("warnings: %v", d.Warnings())
		}
	})
	// body 仿宋, title bold Song for 小标宋, headings 黑体 and 楷体, page
	// number 宋体, rare characters the serif: never the UI's Hei
	want := []string{"fandolfang", "fandolhei", "fandolkai", "fandolsong", "fandolsongbold", "govdeskserifrare"}
	if got := pdfFonts(t, pdf); !slices.Equal(got, want) {
		t.Errorf("fonts %v, want %v", got, want)
	}
	text := pdfText(t, pdf, false)
	for _, w := range strings.Fields(para) {
		if !strings.Contains(text, w) {
			t.Errorf("%q missing from the text layer %q", w, text)
		}
	}
	if !strings.Contains(text, "Il1 O0") {
		t.Errorf("Latin run broken up: %q", text)
	}
}

// TestRareCharactersComeFromTheSerif prints each rare character in a
// document of its own, so that the fonts the PDF embeds tell where its
// glyph came from: the serif, not the heavy UI Hei.
func TestRareCharactersComeFromTheSerif(t *testing.T) {
	for _, c := range []string{"堃", "喆", "玥", "龘", "㐀"} {
		pdf := render(t, Options{FontDirs: noSystemFonts}, func(d *Doc) { d.Paragraph("王" + c) })
		want := []string{"fandolfang", "fandolsong", "govdeskserifrare"}
		if got := pdfFonts(t, pdf); !slices.Equal(got, want) {
			t.Errorf("%s: fonts %v, want %v", c, got, want)
		}
	}
	pdf := render(t, Options{FontDirs: noSystemFonts}, func(d *Doc) { d.Paragraph("Il1 O0") })
	if got := pdfFonts(t, pdf); !slices.Equal(got, []string{"fandolfang", "fandolsong"}) {
		t.Errorf("Latin letters and digits not in the body face: %v", got)
	}
}

func TestSupplementaryCharactersAreInTheTextLayer(t *testing.T) {
	pdf := render(t, Options{FontDirs: noSystemFonts}, func(d *Doc) {
		d.Paragraph("申请人：周𠮷")
		d.Paragraph("𪚥")
		d.Paragraph("𰻞𰻞面")
		d.Table([]Column{{"姓名", 1, false}}, [][]string{{"陈𠮷"}})
	})
	text := pdfText(t, pdf, false)
	for _, w := range []string{"申请人：周𠮷", "𪚥", "𰻞𰻞面", "陈𠮷"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q missing from the text layer %q", w, text)
		}
	}
	if strings.Contains(text, "〓") {
		t.Errorf("the placeholder under a drawn character is extracted: %q", text)
	}
	if !bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("the supplementary characters were not drawn as images")
	}
}

func TestUTF16BEHex(t *testing.T) {
	if got := utf16BEHex('𠮷'); got != "FEFFD842DFB7" {
		t.Fatalf("got %s", got)
	}
	if got := utf16BEHex('王'); got != "FEFF738B" {
		t.Fatalf("got %s", got)
	}
}

// fakeWindowsFonts makes a fonts folder as a Windows PC has it, with the
// embedded faces under Windows' file names, 宋体 as a collection (.ttc),
// and files that are not usable fonts.
func fakeWindowsFonts(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestWindowsFontsAreFoundAndUsed(t *testing.T) {
	dir := fakeWindowsFonts(t, map[string][]byte{
		"SIMFANG.TTF":    assets.FandolFang.Data, // Windows writes names in capitals too
		"simhei.ttf":     assets.FandolHei.Data,
		"simkai.ttf":     assets.FandolKai.Data,
		"方正小标宋简体.ttf":    assets.FandolSongBold.Data,
		"simsun.ttc":     makeCollection(assets.FandolSong.Data, assets.FandolKai.Data),
		"arial.ttf":      assets.FandolHei.Data, // not a style the documents use
		"desktop.ini":    []byte("[.ShellClassInfo]"),
		"FZXBSK_OLD.TTF": []byte("OTTO and not a TrueType font"),
	})
	pdf := render(t, Options{FontDirs: []string{dir}}, func(d *Doc) {
		d.Title("受理通知书")
		d.Heading1("一、受理材料")
		d.Heading2("（一）领取方式")
		d.Paragraph("王堃")
	})
	want := []string{"govdeskserifrare", "simfang", "simhei", "simkai", "simsun", "systitle"}
	if got := pdfFonts(t, pdf); !slices.Equal(got, want) {
		t.Errorf("fonts %v, want %v", got, want)
	}
	var shown []string
	for _, c := range FontChoices(Options{FontDirs: []string{dir}}) {
		shown = append(shown, c.String())
	}
	for _, w := range []string{"正文：仿宋 SIMFANG.TTF（本机）", "标题：小标宋 方正小标宋简体.ttf（本机）",
		"一级标题：黑体 simhei.ttf（本机）", "二级标题：楷体 simkai.ttf（本机）", "页码：宋体 simsun.ttc（本机）"} {
		if !slices.Contains(shown, w) {
			t.Errorf("%q not in %q", w, shown)
		}
	}

	// the office's own 仿宋 (文书设置) wins over the PC's
	pdf = render(t, Options{FontDirs: []string{dir}, BodyFont: assets.FandolKai.Data, BodyFontName: "仿宋.ttf"}, func(d *Doc) {
		d.Paragraph("正文")
	})
	if got := pdfFonts(t, pdf); !slices.Contains(got, "officebody") || slices.Contains(got, "simfang") {
		t.Errorf("the office's font did not set the body: %v", got)
	}
	if c := FontChoices(Options{FontDirs: []string{dir}, BodyFontName: "仿宋.ttf"})[0]; c.String() != "正文：仿宋 仿宋.ttf（文书设置）" {
		t.Errorf("body shown as %q", c)
	}
}

func TestUnusableWindowsFontsAreSkipped(t *testing.T) {
	restricted := bytes.Clone(assets.FandolKai.Data)
	binary.BigEndian.PutUint16(sfntTable(restricted, "OS/2")[8:], 0x0002)
	dir := fakeWindowsFonts(t, map[string][]byte{
		"楷体_GB2312.ttf":   restricted, // its licence forbids embedding it
		"simfang.ttf":     []byte("OTTO and not a TrueType font"),
		"仿宋_GB2312.ttf":   assets.FandolFang.Data, // the next name on the list
		"simhei.ttf":      assets.Hei.Data[:4096], // cut short
		"simkai.ttf":      assets.SerifRare.Data,  // a font without the common characters
		"simsun.ttc":      []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x05"),
		"方正小标宋简体.ttf.bak": assets.FandolSongBold.Data,
	})
	found := systemFonts([]string{dir})
	if f := found[Body]; f == nil || filepath.Base(f.path) != "仿宋_GB2312.ttf" {
		t.Errorf("body: %+v", f)
	}
	for _, f := range []Face{Hei, Kai, Song, Title} {
		if found[f] != nil {
			t.Errorf("%s: used %s", f, found[f].path)
		}
	}
	pdf := render(t, Options{FontDirs: []string{dir}}, func(d *Doc) {
		d.Title("受理通知书")
		d.Heading1("一、受理材料")
		d.Paragraph("王")
	})
	want := []string{"fandolhei", "fandolsong", "fandolsongbold", "sysbody"}
	if got := pdfFonts(t, pdf); !slices.Equal(got, want) {
		t.Errorf("fonts %v, want %v", got, want)
	}
}

func TestNoFontsFolderMeansEmbeddedFaces(t *testing.T) {
	for _, c := range FontChoices(Options{FontDirs: []string{filepath.Join(t.TempDir(), "none")}}) {
		if !strings.HasPrefix(c.Origin, "内置") {
			t.Errorf("%s", c)
		}
	}
}

func TestCollectionFaceIsAFontOfItsOwn(t *testing.T) {
	ttc := makeCollection(assets.FandolSong.Data, assets.FandolKai.Data)
	for i, want := range []*assets.Face{assets.FandolSong, assets.FandolKai} {
		b, err := collectionFace(ttc, i)
		if err != nil {
			t.Fatal(err)
		}
		f := &assets.Face{Data: b}
		if !f.Has('王') || f.Has('堃') || len(b) < len(want.Data)-64 || len(b) > len(want.Data)+64 {
			t.Errorf("face %d: %d bytes, want about %d", i, len(b), len(want.Data))
		}
		if err := tryFont(b); err != nil {
			t.Errorf("face %d: %v", i, err)
		}
	}
	if _, err := collectionFace(ttc, 2); err == nil {
		t.Error("a third face of two")
	}
}

// makeCollection joins TrueType fonts into a collection (.ttc) the way
// Windows ships simsun.ttc.
func makeCollection(fonts ...[]byte) []byte {
	head := 12 + 4*len(fonts)
	out := make([]byte, head)
	copy(out, "ttcf\x00\x01\x00\x00")
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	for i, f := range fonts {
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(len(out)))
		n := int(binary.BigEndian.Uint16(f[4:]))
		dir := len(out)
		out = append(out, f[:12+16*n]...)
		for t := 0; t < n; t++ {
			rec := f[12+16*t:]
			start, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			binary.BigEndian.PutUint32(out[dir+12+16*t+8:], uint32(len(out)))
			out = append(out, f[start:start+length]...)
			for len(out)%4 != 0 {
				out = append(out, 0)
			}
		}
	}
	return out
}

func TestDamagedOfficeFontIsRefused(t *testing.T) {
	damaged := bytes.Clone(assets.FandolFang.Data[:len(assets.FandolFang.Data)/3])
	if _, err := New(Options{BodyFont: damaged, FontDirs: noSystemFonts}); err == nil || !strings.Contains(err.Error(), "仿宋字体无法使用") {
		t.Fatalf("got %v", err)
	}
}

// The fonts handed to gofpdf are cut down to the characters the document
// sets (subset.go): every character still prints, in every face, including
// text set after the document was first laid out.
func TestFontsAreCutDownToWhatIsSet(t *testing.T) {
	pdf := render(t, Options{FontDirs: noSystemFonts}, func(d *Doc) {
		d.Title("受理通知书")
		d.Paragraph("王堃、李喆、刘玥于2026年11月26日到窗口办理。")
		d.PageCount() // lays out what was set so far
		d.Heading1("一、另行补充")
		d.Paragraph("补正材料：营业执照副本（加盖公章）。")
	})
	text := strings.Join(strings.Fields(pdfText(t, pdf, false)), "")
	for _, w := range []string{"受理通知书", "王堃、李喆、刘玥于2026年11月26日到窗口办理。", "一、另行补充", "补正材料：营业执照副本（加盖公章）。", "—1—"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q missing from %q", w, text)
		}
	}
}
