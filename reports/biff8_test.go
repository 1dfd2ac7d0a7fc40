package reports

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"unicode/utf16"
)

// xlsSheet is one worksheet for writeXLS: cells by row and column, a
// string or a float64.
type xlsSheet struct {
	Name  string
	Cells map[[2]int]any
}

func (s *xlsSheet) set(r, c int, v any) {
	if s.Cells == nil {
		s.Cells = map[[2]int]any{}
	}
	s.Cells[[2]int{r, c}] = v
}

// writeXLS writes an Excel 97–2003 workbook: the BIFF8 record stream of
// the sheets in an OLE2 compound file, as attendance machines write their
// 考勤报表. Short texts go to the shared string table (LABELSST), longer
// ones in LABEL records, numbers in NUMBER records.
func writeXLS(path string, sheets []xlsSheet) error {
	return os.WriteFile(path, compoundFile(biff8Workbook(sheets)), 0o644)
}

// xlsAllShared makes biff8Workbook put every text in the shared string
// table, as Excel does: a big table then runs over CONTINUE records, its
// strings split across them.
var xlsAllShared = false

type biffWriter struct{ bytes.Buffer }

func (w *biffWriter) record(kind uint16, data []byte) {
	binary.Write(&w.Buffer, binary.LittleEndian, kind)
	binary.Write(&w.Buffer, binary.LittleEndian, uint16(len(data)))
	w.Write(data)
}

func le(vals ...any) []byte {
	var b bytes.Buffer
	for _, v := range vals {
		binary.Write(&b, binary.LittleEndian, v)
	}
	return b.Bytes()
}

// xlString is an XLUnicodeString: character count, flags (1: UTF-16), text.
func xlString(s string, countBytes int) []byte {
	u := utf16.Encode([]rune(s))
	var b bytes.Buffer
	if countBytes == 1 {
		b.WriteByte(byte(len(u)))
	} else {
		binary.Write(&b, binary.LittleEndian, uint16(len(u)))
	}
	b.WriteByte(1)
	binary.Write(&b, binary.LittleEndian, u)
	return b.Bytes()
}

func biffBOF(kind uint16) []byte {
	return le(uint16(0x0600), kind, uint16(0x0DBB), uint16(0x07CC), uint32(0), uint32(6))
}

func biff8Workbook(sheets []xlsSheet) []byte {
	// The shared strings: short ones, while the table fits in one record.
	sst := map[string]int{}
	var sstList []string
	size := 8
	for _, sh := range sheets {
		for _, r := range sortedCells(sh) {
			if s, ok := sh.Cells[r].(string); ok {
				if _, have := sst[s]; !have && (xlsAllShared || len([]rune(s)) <= 12 && size+3+2*len(utf16.Encode([]rune(s))) < 8000) {
					sst[s] = len(sstList)
					sstList = append(sstList, s)
					size += 3 + 2*len(utf16.Encode([]rune(s)))
				}
			}
		}
	}
	sheetStreams := make([][]byte, len(sheets))
	for i, sh := range sheets {
		var w biffWriter
		w.record(0x0809, biffBOF(0x0010))
		rows, cols := 0, 0
		for k := range sh.Cells {
			rows, cols = max(rows, k[0]+1), max(cols, k[1]+1)
		}
		w.record(0x0200, le(uint32(0), uint32(rows), uint16(0), uint16(cols), uint16(0)))
		for _, k := range sortedCells(sh) {
			switch v := sh.Cells[k].(type) {
			case string:
				if n, ok := sst[v]; ok {
					w.record(0x00FD, le(uint16(k[0]), uint16(k[1]), uint16(15), uint32(n)))
				} else {
					w.record(0x0204, append(le(uint16(k[0]), uint16(k[1]), uint16(15)), xlString(v, 2)...))
				}
			case float64:
				w.record(0x0203, le(uint16(k[0]), uint16(k[1]), uint16(15), math.Float64bits(v)))
			}
		}
		w.record(0x000A, nil)
		sheetStreams[i] = w.Bytes()
	}
	globals := func(offsets []uint32) []byte {
		var w biffWriter
		w.record(0x0809, biffBOF(0x0005))
		w.record(0x0042, le(uint16(1200))) // CODEPAGE: UTF-16
		// Fonts (index 4 is never used) and the 15 style XFs every
		// workbook has, then the one cell XF (15) every cell uses.
		for i := 0; i < 5; i++ {
			w.record(0x0031, append(le(uint16(220), uint16(0), uint16(0x7FFF), uint16(400), uint16(0), uint8(0), uint8(0), uint8(134), uint8(0)), xlString("宋体", 1)...))
		}
		for i := 0; i < 16; i++ {
			flags, used := uint16(0xFFF5), uint8(0xF4)
			if i == 15 {
				flags, used = 0x0001, 0
			}
			w.record(0x00E0, le(uint16(0), uint16(0), flags, uint8(0x20), uint8(0), uint8(0), used, uint32(0), uint32(0), uint16(0x20C0)))
		}
		w.record(0x0293, le(uint16(0x8000), uint8(0), uint8(0xFF))) // the Normal style
		for i, sh := range sheets {
			w.record(0x0085, append(le(offsets[i], uint16(0)), xlString(sh.Name, 1)...))
		}
		for i, rec := range sstRecords(sstList) {
			kind := uint16(0x00FC)
			if i > 0 {
				kind = 0x003C // CONTINUE
			}
			w.record(kind, rec)
		}
		w.record(0x000A, nil)
		return w.Bytes()
	}
	offsets := make([]uint32, len(sheets))
	glen := len(globals(offsets))
	pos := uint32(glen)
	for i, s := range sheetStreams {
		offsets[i] = pos
		pos += uint32(len(s))
	}
	out := globals(offsets)
	for _, s := range sheetStreams {
		out = append(out, s...)
	}
	return out
}

func sortedCells(sh xlsSheet) [][2]int {
	keys := make([][2]int, 0, len(sh.Cells))
	for k := range sh.Cells {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && (keys[j][0] < keys[j-1][0] || keys[j][0] == keys[j-1][0] && keys[j][1] < keys[j-1][1]); j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// compoundFile puts a Workbook stream into an OLE2 compound file (version
// 3, 512-byte sectors): the stream's sectors, one directory sector, then
// the FAT. Streams under 4096 bytes would go to the mini stream, so the
// workbook is padded to at least that.
func compoundFile(stream []byte) []byte {
	const (
		sector   = 512
		endChain = 0xFFFFFFFE
		fatSect  = 0xFFFFFFFD
		free     = 0xFFFFFFFF
		noStream = 0xFFFFFFFF
	)
	size := len(stream)
	if size < 4096 {
		stream = append(stream, make([]byte, 4096-size)...)
		size = 4096
	}
	data := (size + sector - 1) / sector
	dirSect := data
	nFAT := 1
	for (data+1+nFAT+127)/128 > nFAT {
		nFAT++
	}
	total := data + 1 + nFAT
	fat := make([]uint32, nFAT*128)
	for i := range fat {
		fat[i] = free
	}
	for i := 0; i < data-1; i++ {
		fat[i] = uint32(i + 1)
	}
	fat[data-1] = endChain
	fat[dirSect] = endChain
	for i := 0; i < nFAT; i++ {
		fat[dirSect+1+i] = fatSect
	}
	var b bytes.Buffer
	// header
	b.Write([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	b.Write(make([]byte, 16))
	b.Write(le(uint16(0x003E), uint16(0x0003), uint16(0xFFFE), uint16(9), uint16(6)))
	b.Write(make([]byte, 6))
	b.Write(le(uint32(0), uint32(nFAT), uint32(dirSect), uint32(0), uint32(4096), uint32(endChain), uint32(0), uint32(endChain), uint32(0)))
	for i := 0; i < 109; i++ {
		if i < nFAT {
			b.Write(le(uint32(dirSect + 1 + i)))
		} else {
			b.Write(le(uint32(free)))
		}
	}
	// the stream
	b.Write(stream)
	b.Write(make([]byte, data*sector-size))
	// the directory
	entry := func(name string, kind byte, child uint32, start uint32, length uint32) []byte {
		e := make([]byte, 128)
		if name != "" {
			u := utf16.Encode([]rune(name))
			for i, c := range u {
				binary.LittleEndian.PutUint16(e[2*i:], c)
			}
			binary.LittleEndian.PutUint16(e[64:], uint16(2*len(u)+2))
		}
		e[66], e[67] = kind, 1
		binary.LittleEndian.PutUint32(e[68:], noStream)
		binary.LittleEndian.PutUint32(e[72:], noStream)
		binary.LittleEndian.PutUint32(e[76:], child)
		binary.LittleEndian.PutUint32(e[116:], start)
		binary.LittleEndian.PutUint32(e[120:], length)
		return e
	}
	b.Write(entry("Root Entry", 5, 1, endChain, 0))
	b.Write(entry("Workbook", 2, noStream, 0, uint32(size)))
	b.Write(entry("", 0, noStream, 0, 0))
	b.Write(entry("", 0, noStream, 0, 0))
	for _, v := range fat {
		b.Write(le(v))
	}
	_ = total
	return b.Bytes()
}

// sstRecords lays out the shared strings in records of at most 8224 bytes:
// a string that does not fit is split, its rest in the next CONTINUE
// record after a byte of flags (1: UTF-16), as Excel writes them.
func sstRecords(list []string) [][]byte {
	const maxData = 8224
	var recs [][]byte
	cur := le(uint32(len(list)), uint32(len(list)))
	for _, str := range list {
		u := utf16.Encode([]rune(str))
		if len(cur)+3+2 > maxData {
			recs, cur = append(recs, cur), nil
		}
		cur = append(cur, le(uint16(len(u)), uint8(1))...)
		for len(u) > 0 {
			room := (maxData - len(cur)) / 2
			if room == 0 {
				recs, cur = append(recs, cur), []byte{1}
				room = (maxData - 1) / 2
			}
			n := min(room, len(u))
			cur = append(cur, le(u[:n])...)
			u = u[n:]
		}
	}
	return append(recs, cur)
}
