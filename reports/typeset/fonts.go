package typeset

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode"

	"github.com/jung-kurt/gofpdf"

	"govdesk/assets"
)

// Fonts. Each face of a document is set in the PC's own font of its style
// when the PC has one (a Windows PC with Chinese fonts has 仿宋, 黑体, 楷体
// and 宋体; offices often install 方正小标宋), else in the embedded Fandol
// font of that style; the office's own 仿宋 (文书设置) wins over both for
// the body. A character the face lacks comes from the embedded serif for
// rare characters, so that a name with 堃 or 𠮷 keeps the style of its
// neighbours, and only failing that from the UI's Hei, the broadest face.

// Title is the face of document titles: 小标宋 (GB/T 9704 §7.2), for which
// the embedded FandolSong Bold stands in.
const Title Face = "title"

// The faces after a style's own, in the order they are tried.
const (
	rareFace Face = "rare" // Song-style serif for what GB2312 faces lack
	lastFace Face = "last" // the UI's Hei: the last resort
)

// faceRole is one face of the documents: where it is used, its style, the
// embedded font, and the file names Windows installs the style under.
type faceRole struct {
	face     Face
	use      string // what it sets, as 文书设置 shows it
	style    string // the style GB/T 9704 names
	builtin  *assets.Face
	files    []string // lower-case file names in a fonts folder, best first
	contains []string // else any .ttf whose lower-case name contains one of these
}

var faceRoles = []faceRole{
	{face: Body, use: "正文", style: "仿宋", builtin: assets.FandolFang,
		files: []string{"simfang.ttf", "仿宋_gb2312.ttf", "fs_gb2312.ttf"}},
	{face: Title, use: "标题", style: "小标宋", builtin: assets.FandolSongBold,
		files:    []string{"fzxbsjw.ttf", "方正小标宋简体.ttf", "fzxbsk.ttf", "方正小标宋_gbk.ttf"},
		contains: []string{"小标宋", "fzxbs"}},
	{face: Hei, use: "一级标题", style: "黑体", builtin: assets.FandolHei,
		files: []string{"simhei.ttf"}},
	{face: Kai, use: "二级标题", style: "楷体", builtin: assets.FandolKai,
		files: []string{"simkai.ttf", "楷体_gb2312.ttf", "kt_gb2312.ttf"}},
	{face: Song, use: "页码", style: "宋体", builtin: assets.FandolSong,
		files: []string{"simsun.ttc", "simsun.ttf"}},
}

// docFont is a font of a document under its gofpdf name. It is handed to
// gofpdf only when first drawn with, cut down to the characters the document
// sets in it (subset.go): gofpdf reads a whole CJK font in 15–80 ms.
type docFont struct {
	face    *assets.Face
	used    map[rune]bool // the characters set in it so far
	added   int           // how many of them the font given to gofpdf holds; -1 before
	version int           // fonts given to gofpdf so far
	current string        // the gofpdf name of the last one
}

// loadFaces chooses the font of every face of the document.
func (d *Doc) loadFaces(o Options) error {
	d.faces, d.fontName, d.fonts = map[Face]*assets.Face{}, map[Face]string{}, map[string]*docFont{}
	sys := systemFonts(o.fontDirs())
	for _, r := range faceRoles {
		if s := sys[r.face]; s != nil {
			d.setFace(r.face, s.face, s.key)
		} else {
			d.setFace(r.face, r.builtin, fontKey(r.builtin.Family))
		}
	}
	d.setFace(rareFace, assets.SerifRare, fontKey(assets.SerifRare.Family))
	d.setFace(lastFace, assets.Hei, fontKey(assets.Hei.Family))
	if len(o.BodyFont) > 0 {
		if err := CheckTrueType(o.BodyFont); err != nil {
			return err
		}
		// a damaged font would only fail (or panic) inside gofpdf later
		if err := tryFont(o.BodyFont); err != nil {
			return fmt.Errorf("文书设置中的仿宋字体无法使用：%w", err)
		}
		d.setFace(Body, &assets.Face{Name: "body.ttf", Data: o.BodyFont}, "officebody")
	}
	return nil
}

func (d *Doc) setFace(f Face, font *assets.Face, key string) {
	d.faces[f], d.fontName[f] = font, key
	if d.fonts[key] == nil {
		d.fonts[key] = &docFont{face: font, used: map[rune]bool{}, added: -1}
	}
}

// note records that r is set in face f, so that the font given to gofpdf
// holds it.
func (d *Doc) note(f Face, r rune) {
	if r > 0xFFFF { // drawn as an image (glyph.go)
		return
	}
	if font := d.fonts[d.fontName[f]]; font != nil {
		font.used[r] = true
	}
}

// useFont gives gofpdf the font of a face, cut down to the characters noted
// for it, and returns the gofpdf name to set text in. A document that sets
// more characters in a font after it was given (a document laid out in two
// goes) gets a fuller copy under a new name.
func (d *Doc) useFont(name string) string {
	f := d.fonts[name]
	if f == nil {
		return name
	}
	if f.added == len(f.used) {
		return f.current
	}
	runes := make([]rune, 0, len(f.used))
	for r := range f.used {
		runes = append(runes, r)
	}
	data, err := subsetFont(f.face.Data, runes, f.face.Glyph)
	if err != nil {
		data = f.face.Data // set in the whole font rather than not at all
	}
	f.version++
	f.current = name
	if f.version > 1 {
		f.current = fmt.Sprintf("%sv%d", name, f.version)
	}
	d.pdf.AddUTF8FontFromBytes(f.current, "", data)
	f.added = len(f.used)
	return f.current
}

// fontKey makes a gofpdf font name, which the PDF shows as the font's name
// ("utf8fandolfang"): ASCII letters and digits only.
func fontKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fontDirs are the folders searched for the PC's own fonts.
func (o Options) fontDirs() []string {
	if o.FontDirs != nil {
		return o.FontDirs
	}
	return windowsFontDirs()
}

// windowsFontDirs are the folders Windows installs fonts into: the
// system's, and (since Windows 10 1809) the user's own, where a font a
// clerk installs without administrator rights goes.
func windowsFontDirs() []string {
	if runtime.GOOS != "windows" {
		return nil
	}
	var dirs []string
	if w := os.Getenv("WINDIR"); w != "" {
		dirs = append(dirs, filepath.Join(w, "Fonts"))
	}
	if l := os.Getenv("LOCALAPPDATA"); l != "" {
		dirs = append(dirs, filepath.Join(l, "Microsoft", "Windows", "Fonts"))
	}
	return dirs
}

// systemFont is a PC's own font found for a face.
type systemFont struct {
	path string
	key  string // gofpdf name
	face *assets.Face
}

var (
	sysMu    sync.Mutex
	sysCache = map[string]map[Face]*systemFont{}
)

// systemFonts finds the PC's own font of each style in the folders, once
// per process: the fonts are read and checked only the first time.
func systemFonts(dirs []string) map[Face]*systemFont {
	if len(dirs) == 0 {
		return nil
	}
	k := strings.Join(dirs, "\x00")
	sysMu.Lock()
	defer sysMu.Unlock()
	if found, ok := sysCache[k]; ok {
		return found
	}
	found := findSystemFonts(dirs)
	sysCache[k] = found
	return found
}

func findSystemFonts(dirs []string) map[Face]*systemFont {
	byName := map[string]string{} // lower-case file name → path; the first folder wins
	var names []string
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			n := strings.ToLower(e.Name())
			if _, ok := byName[n]; !ok && !e.IsDir() {
				byName[n] = filepath.Join(dir, e.Name())
				names = append(names, n)
			}
		}
	}
	found := map[Face]*systemFont{}
	for _, r := range faceRoles {
		cands := append([]string(nil), r.files...)
		for _, n := range names {
			for _, c := range r.contains {
				if strings.Contains(n, c) && (strings.HasSuffix(n, ".ttf") || strings.HasSuffix(n, ".ttc")) {
					cands = append(cands, n)
					break
				}
			}
		}
		for _, n := range cands {
			path, ok := byName[n]
			if !ok {
				continue
			}
			face, err := loadSystemFont(path)
			if err != nil {
				continue // a font gofpdf cannot use: the next, or the embedded one
			}
			// named after the file (simfang), unless that is Chinese or
			// could clash with an embedded font's name
			base := strings.TrimSuffix(n, filepath.Ext(n))
			key := fontKey(base)
			if key != base || strings.HasPrefix(key, "fandol") || strings.HasPrefix(key, "govdesk") {
				key = "sys" + string(r.face)
			}
			found[r.face] = &systemFont{path: path, key: key, face: face}
			break
		}
	}
	return found
}

// loadSystemFont reads a font file, taking the first face of a collection
// (.ttc, such as simsun.ttc), and checks that gofpdf can set Chinese in it.
func loadSystemFont(path string) (*assets.Face, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) >= 4 && string(b[:4]) == "ttcf" {
		if b, err = collectionFace(b, 0); err != nil {
			return nil, err
		}
	}
	if err := CheckTrueType(b); err != nil {
		return nil, err
	}
	if !embeddable(b) {
		return nil, fmt.Errorf("%s 的许可不允许嵌入文档", filepath.Base(path))
	}
	f := &assets.Face{Name: filepath.Base(path), Data: b}
	if miss := f.Missing("中国政务服务"); len(miss) > 0 {
		return nil, fmt.Errorf("%s 缺少汉字", f.Name)
	}
	return f, tryFont(b)
}

// embeddable reports whether a font's licence lets a PDF carry it: its
// OS/2 fsType is not "restricted licence" (0x0002) alone and does not ask
// for bitmaps only (0x0200). A font without the table is taken to allow it.
func embeddable(b []byte) bool {
	os2 := sfntTable(b, "OS/2")
	if len(os2) < 10 {
		return true
	}
	fsType := binary.BigEndian.Uint16(os2[8:])
	return fsType&0x000F != 0x0002 && fsType&0x0200 == 0
}

// sfntTable returns a table of a TrueType font, or nil.
func sfntTable(b []byte, tag string) []byte {
	if len(b) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for t := 0; t < n && 12+16*t+16 <= len(b); t++ {
		rec := b[12+16*t:]
		if string(rec[:4]) == tag {
			start, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
			if start+length <= len(b) {
				return b[start : start+length]
			}
		}
	}
	return nil
}

// tryFont sets a line in the font with gofpdf, which otherwise only prints
// its complaints about a font it cannot read and fails at Output.
func tryFont(b []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("gofpdf: %v", r)
		}
	}()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("try", "", b)
	pdf.AddPage()
	pdf.SetFont("try", "", 16)
	pdf.Text(10, 20, "中国政务服务 Il1 O0")
	return pdf.Output(io.Discard)
}

// collectionFace extracts face i of a TrueType collection (.ttc) as a
// font file of its own: gofpdf reads single fonts only. The face's tables
// are copied after a new table directory.
func collectionFace(b []byte, i int) ([]byte, error) {
	bad := fmt.Errorf("字体集合（.ttc）已损坏")
	if len(b) < 12 || string(b[:4]) != "ttcf" {
		return nil, bad
	}
	n := int(binary.BigEndian.Uint32(b[8:]))
	if i >= n || 12+4*(i+1) > len(b) {
		return nil, bad
	}
	off := int(binary.BigEndian.Uint32(b[12+4*i:]))
	if off+12 > len(b) {
		return nil, bad
	}
	numTables := int(binary.BigEndian.Uint16(b[off+4:]))
	dir := off + 12
	if dir+16*numTables > len(b) {
		return nil, bad
	}
	out := make([]byte, 12+16*numTables)
	copy(out, b[off:off+12])
	for t := 0; t < numTables; t++ {
		rec := b[dir+16*t : dir+16*t+16]
		start, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if start+length > len(b) || start < 0 || length < 0 {
			return nil, bad
		}
		o := out[12+16*t:]
		copy(o, rec[:8]) // tag and checksum
		binary.BigEndian.PutUint32(o[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(o[12:], uint32(length))
		out = append(out, b[start:start+length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

// FontChoice tells which font sets one part of the documents.
type FontChoice struct {
	Use    string // 正文, 标题, 一级标题, 二级标题, 页码, 生僻字
	Style  string // 仿宋, 小标宋, 黑体, 楷体, 宋体
	Font   string // the font's file name, or the embedded font's own name
	Origin string // 本机 (the PC's own), 文书设置 (the office's), 内置 (embedded)
}

func (c FontChoice) String() string {
	return fmt.Sprintf("%s：%s %s（%s）", c.Use, c.Style, c.Font, c.Origin)
}

// FontChoices tells, for 文书设置, which font sets each part of documents
// made with o: the office's 仿宋 (BodyFont or BodyFontName set), the PC's
// own fonts, or the embedded ones; last, the fallback for rare characters.
func FontChoices(o Options) []FontChoice {
	sys := systemFonts(o.fontDirs())
	var out []FontChoice
	for _, r := range faceRoles {
		c := FontChoice{Use: r.use, Style: r.style, Font: r.builtin.Family, Origin: "内置"}
		if r.face == Title {
			c.Origin = "内置，以粗宋体代替"
		}
		if s := sys[r.face]; s != nil {
			c.Font, c.Origin = filepath.Base(s.path), "本机"
		}
		if r.face == Body && (len(o.BodyFont) > 0 || o.BodyFontName != "") {
			c.Font, c.Origin = o.BodyFontName, "文书设置"
			if c.Font == "" {
				c.Font = "自选字体"
			}
		}
		out = append(out, c)
	}
	return append(out, FontChoice{Use: "生僻字", Style: "宋体", Font: assets.SerifRare.Family + "，其次 " + assets.Hei.Family, Origin: "内置"})
}
