package typeset

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// A CJK font holds thousands of glyphs, and gofpdf reads the whole font
// (every cmap entry, every width) each time a document adds it: 15–80 ms a
// font, several fonts a notice, and far more under a race detector. A
// document only ever sets a few hundred characters, so the font handed to
// gofpdf is cut down first to the glyphs those characters need. Glyph
// numbers are kept (the glyphs not needed are left empty), so composite
// glyphs and the metrics stay valid without renumbering.

// subsetFont returns a TrueType font with the glyphs of runes (all in the
// Basic Multilingual Plane, which is all gofpdf sets as text), their
// components and .notdef; gid gives each rune's glyph in the font.
func subsetFont(font []byte, runes []rune, gid func(rune) (uint16, bool)) ([]byte, error) {
	tables, err := sfntTables(font)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || loca == nil || glyf == nil || tables["cmap"] == nil || tables["hmtx"] == nil {
		return nil, fmt.Errorf("字体缺少必要的表")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(g int) (int, bool) {
		if long {
			if 4*g+4 > len(loca) {
				return 0, false
			}
			return int(binary.BigEndian.Uint32(loca[4*g:])), true
		}
		if 2*g+2 > len(loca) {
			return 0, false
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*g:])), true
	}
	glyph := func(g int) []byte {
		a, ok1 := offset(g)
		b, ok2 := offset(g + 1)
		if !ok1 || !ok2 || a > b || b > len(glyf) {
			return nil
		}
		return glyf[a:b]
	}

	keep := map[int]bool{0: true}
	var mapped []struct {
		r rune
		g uint16
	}
	for _, r := range runes {
		if r > 0xFFFF {
			continue
		}
		if g, ok := gid(r); ok && int(g) < numGlyphs {
			mapped = append(mapped, struct {
				r rune
				g uint16
			}{r, g})
			keep[int(g)] = true
		}
	}
	// composite glyphs pull in their components
	queue := make([]int, 0, len(keep))
	for g := range keep {
		queue = append(queue, g)
	}
	for len(queue) > 0 {
		g := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, c := range components(glyph(g)) {
			if c < numGlyphs && !keep[c] {
				keep[c] = true
				queue = append(queue, c)
			}
		}
	}

	newGlyf := make([]byte, 0, 64*len(keep))
	newLoca := make([]byte, 4*(numGlyphs+1))
	for g := 0; g < numGlyphs; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if keep[g] {
			newGlyf = append(newGlyf, glyph(g)...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(len(newGlyf)))

	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(newHead[8:], 0) // checkSumAdjustment
	binary.BigEndian.PutUint16(newHead[50:], 1)

	sort.Slice(mapped, func(i, j int) bool { return mapped[i].r < mapped[j].r })
	codes := make([]uint16, len(mapped))
	gids := make([]uint16, len(mapped))
	for i, m := range mapped {
		codes[i], gids[i] = uint16(m.r), m.g
	}

	out := map[string][]byte{
		"head": newHead, "loca": newLoca, "glyf": newGlyf, "cmap": cmapFormat4(codes, gids),
	}
	// what gofpdf needs and the hinting; not the layout, bitmap or vertical
	// tables, which would speak of glyphs no longer there
	for _, tag := range []string{"hhea", "hmtx", "maxp", "name", "OS/2", "post", "cvt ", "fpgm", "prep", "gasp"} {
		if t, ok := tables[tag]; ok {
			out[tag] = t
		}
	}
	return writeSfnt(out), nil
}

// sfntTables reads a TrueType font's table directory.
func sfntTables(b []byte) (map[string][]byte, error) {
	if len(b) < 12 {
		return nil, fmt.Errorf("字体文件已损坏")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if 12+16*n > len(b) {
		return nil, fmt.Errorf("字体文件已损坏")
	}
	out := make(map[string][]byte, n)
	for t := 0; t < n; t++ {
		rec := b[12+16*t:]
		start, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if start < 0 || length < 0 || start+length > len(b) {
			return nil, fmt.Errorf("字体文件已损坏")
		}
		out[string(rec[:4])] = b[start : start+length]
	}
	return out, nil
}

// components lists the glyphs a composite glyph is made of.
func components(g []byte) []int {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []int
	p := 10
	for p+4 <= len(g) {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, int(binary.BigEndian.Uint16(g[p+2:])))
		p += 4
		if flags&0x0001 != 0 { // arguments are words
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // a scale
			p += 2
		case flags&0x0040 != 0: // x and y scales
			p += 4
		case flags&0x0080 != 0: // a two by two
			p += 8
		}
		if flags&0x0020 == 0 { // no more components
			break
		}
	}
	return out
}

// cmapFormat4 builds a cmap with one (3,1) format 4 subtable mapping the
// sorted codes to their glyphs, as gofpdf reads it: runs of consecutive
// codes with consecutive glyphs share a segment.
func cmapFormat4(codes, gids []uint16) []byte {
	type segment struct{ start, end, delta uint16 }
	var segs []segment
	for i, c := range codes {
		delta := gids[i] - c // modulo 65536, as the format reads it
		if n := len(segs); n > 0 && segs[n-1].end+1 == c && segs[n-1].delta == delta && c != 0xFFFF {
			segs[n-1].end = c
			continue
		}
		segs = append(segs, segment{c, c, delta})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	seg := len(segs)
	sub := make([]byte, 16+8*seg)
	binary.BigEndian.PutUint16(sub[0:], 4)
	binary.BigEndian.PutUint16(sub[2:], uint16(len(sub)))
	binary.BigEndian.PutUint16(sub[6:], uint16(2*seg))
	search := 1
	for search*2 <= seg {
		search *= 2
	}
	binary.BigEndian.PutUint16(sub[8:], uint16(2*search))
	entry := 0
	for 1<<(entry+1) <= search {
		entry++
	}
	binary.BigEndian.PutUint16(sub[10:], uint16(entry))
	binary.BigEndian.PutUint16(sub[12:], uint16(2*seg-2*search))
	ends, starts, deltas, ranges := 14, 16+2*seg, 16+4*seg, 16+6*seg
	for i, sg := range segs {
		binary.BigEndian.PutUint16(sub[ends+2*i:], sg.end)
		binary.BigEndian.PutUint16(sub[starts+2*i:], sg.start)
		binary.BigEndian.PutUint16(sub[deltas+2*i:], sg.delta)
		binary.BigEndian.PutUint16(sub[ranges+2*i:], 0)
	}
	head := make([]byte, 12)
	binary.BigEndian.PutUint16(head[2:], 1) // one subtable
	binary.BigEndian.PutUint16(head[4:], 3) // Microsoft
	binary.BigEndian.PutUint16(head[6:], 1) // Unicode BMP
	binary.BigEndian.PutUint32(head[8:], 12)
	return append(head, sub...)
}

// writeSfnt assembles tables into a TrueType font file.
func writeSfnt(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 0
	for t, data := range tables {
		tags = append(tags, t)
		size += (len(data) + 3) &^ 3
	}
	sort.Strings(tags)
	n := len(tags)
	out := make([]byte, 12+16*n, 12+16*n+size)
	binary.BigEndian.PutUint32(out[0:], 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	search := 1
	for search*2 <= n {
		search *= 2
	}
	entry := 0
	for 1<<(entry+1) <= search {
		entry++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16*search))
	binary.BigEndian.PutUint16(out[8:], uint16(entry))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*search))
	for i, tag := range tags {
		data := tables[tag]
		rec := 12 + 16*i
		copy(out[rec:], tag)
		binary.BigEndian.PutUint32(out[rec+4:], checksum(data))
		binary.BigEndian.PutUint32(out[rec+8:], uint32(len(out)))
		binary.BigEndian.PutUint32(out[rec+12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
