package reports

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Sheet is a table read from an exchange file: a header row and data rows,
// each remembering its row number in the file (the header is row 1).
type Sheet struct {
	File     string // base name, for messages
	Encoding string // what a CSV file was decoded from
	Header   []string
	// the data rows' cells, and each one's row number: two lists, kept in
	// the list of cells the file was read into, not copied into a third
	// list of rows (a million-row file's rows are all held at once)
	cells [][]string
	lines []int32
}

// SheetRow is one data row.
type SheetRow struct {
	Line  int
	Cells []string
}

// Len is the number of data rows.
func (s *Sheet) Len() int { return len(s.cells) }

// Row is data row i (from 0).
func (s *Sheet) Row(i int) SheetRow { return SheetRow{Line: int(s.lines[i]), Cells: s.cells[i]} }

// letGo drops the cells of row i, once what it gave has been taken.
func (s *Sheet) letGo(i int) { s.cells[i] = nil }

// ReadSheet reads a .csv (UTF-8 with or without BOM, UTF-16 with BOM, or
// GB18030/GBK) or the first sheet of an .xlsx file. Cells are trimmed and
// full-width digits, letters and spaces made half-width; blank rows are skipped.
func ReadSheet(path string) (*Sheet, error) {
	raw, enc, err := readCells(path)
	if err != nil {
		return nil, err
	}
	return sheetOf(filepath.Base(path), enc, raw)
}

// readCells reads the cells of a CSV file or an .xlsx's first sheet as
// they are, and says what the file was decoded from.
func readCells(path string) ([][]string, string, error) {
	base := filepath.Base(path)
	var raw [][]string
	var err error
	enc := ""
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		if fi, err := os.Stat(path); err == nil && fi.Size() > maxFileBytes {
			return nil, "", fmt.Errorf("文件 %s 有 %d MB，超过导入文件的上限 %d MB：请分成几个文件导入", base, fi.Size()>>20, maxFileBytes>>20)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, "", fmt.Errorf("无法读取文件 %s：%w", base, err)
		}
		text, e, err := decodeText(data)
		if err != nil {
			return nil, "", fmt.Errorf("%s：%w", base, err)
		}
		data = nil // it is the text now (decodeText): nothing writes to it
		enc = e
		raw, err = parseCSV(text)
		if err != nil {
			return nil, "", fmt.Errorf("%s 不是完整有效的 CSV 文件：%w", base, err)
		}
	case ".xlsx", ".xlsm":
		raw, err = readXLSX(path)
		if err != nil {
			return nil, "", err
		}
		enc = "xlsx"
	case ".xls":
		return nil, "", fmt.Errorf("不支持旧版 Excel 格式（.xls）：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入")
	default:
		return nil, "", fmt.Errorf("不支持的文件类型“%s”：请使用 .xlsx 或 .csv 文件", filepath.Ext(path))
	}
	return raw, enc, nil
}

// sheetOf tidies the cells read from the file base (NormalizeCell) into a
// header and data rows, leaving out blank rows. It tidies raw in place.
func sheetOf(base, enc string, raw [][]string) (*Sheet, error) {
	return sheetFrom(base, enc, raw, false)
}

// sheetFrom is sheetOf of cells that, if tidied, NormalizeCell has tidied
// already (normTable): tidying them again changes nothing.
//
// The data rows are kept in raw itself, moved up over the header and the
// blank rows: raw is the sheet's from then on.
func sheetFrom(base, enc string, raw [][]string, tidied bool) (*Sheet, error) {
	sh := &Sheet{File: base, Encoding: enc, cells: raw[:0], lines: make([]int32, 0, max(len(raw)-1, 0))}
	for i, r := range raw {
		cells := r
		blank := true
		for j, c := range r {
			if len(c) > 4*anyCellLimit {
				// far over any limit and refused by its length: not copied
				// again to be tidied
				cells[j] = c
				blank = false
				continue
			}
			if !tidied {
				c = NormalizeCell(c)
			}
			cells[j] = unneutralise(c)
			if cells[j] != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		if sh.Header == nil {
			// copied: a view into a large file's text would hold all of
			// it for as long as the import runs
			sh.Header = make([]string, len(cells))
			for j, c := range cells {
				sh.Header[j] = strings.Clone(c)
			}
			continue
		}
		// (row i is read before it is written over: at most row i is written)
		sh.cells = append(sh.cells, cells)
		sh.lines = append(sh.lines, int32(min(i+1, math.MaxInt32)))
	}
	clear(raw[len(sh.cells):]) // rows moved up are not held twice
	if sh.Header == nil {
		return nil, fmt.Errorf("文件 %s 是空的：第一行应为列名", base)
	}
	return sh, nil
}

// Limits on what an import reads, so that a damaged or hostile file is
// refused instead of filling the memory: a sheet whose cells reach column
// XFD takes 16384 cells a row however small the file.
const (
	maxFileBytes    = 256 << 20 // a CSV file
	maxUnzipBytes   = 1 << 30   // everything inside an .xlsx
	maxColumns      = 256       // the last column with content
	maxCells        = 20000000  // rows × columns of a sheet
	maxRows         = 1100000   // Excel has 1048576
	xlsxMemoryBytes = 16 << 20  // a sheet's XML beyond this is read from a temporary file
)

// readXLSX reads the first sheet of an .xlsx row by row, with the limits
// above. Values are raw: a date cell gives its serial number (which
// ParseDate reads) and a long number its digits, not a display format's
// rounding such as 1.38E+10.
func readXLSX(path string) ([][]string, error) {
	base := filepath.Base(path)
	f, err := openXLSX(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("文件 %s 中没有 Excel 工作表", base)
	}
	return readXLSXSheet(f, base, sheets[0])
}

// openXLSX opens an .xlsx with limits on what it may unpack; a file that
// is not one, or is cut short, is named as such in Chinese.
func openXLSX(path string) (*excelize.File, error) {
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: maxUnzipBytes, UnzipXMLSizeLimit: xlsxMemoryBytes})
	if err != nil {
		return nil, fmt.Errorf("无法打开 Excel 文件 %s：文件已损坏、不完整或不是 .xlsx 文件", filepath.Base(path))
	}
	return f, nil
}

// readXLSXSheet reads one sheet row by row, with the limits above.
func readXLSXSheet(f *excelize.File, base, sheet string) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("无法读取 Excel 文件 %s：文件已损坏或不完整", base)
	}
	defer rows.Close()
	var out [][]string
	cells := 0
	for n := 1; rows.Next(); n++ {
		if n > maxRows {
			return nil, fmt.Errorf("文件 %s 超过 %d 行：请分成几个文件导入", base, maxRows)
		}
		r, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("无法读取 Excel 文件 %s 第%d行：文件已损坏或不完整", base, n)
		}
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		if len(r) > maxColumns {
			col, _ := excelize.ColumnNumberToName(len(r))
			return nil, fmt.Errorf("文件 %s 第%d行的 %s 列有内容：导入文件最多 %d 列，请删去多余的列后再导入", base, n, col, maxColumns)
		}
		if cells += len(r); cells > maxCells {
			return nil, fmt.Errorf("文件 %s 超过 %d 个单元格：请分成几个文件导入", base, maxCells)
		}
		out = append(out, slices.Clip(r))
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("无法读取 Excel 文件 %s：文件已损坏或不完整", base)
	}
	return out, nil
}

// bytesText is b as a string without copying it; b must not change after.
func bytesText(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// decodeText turns file bytes into text, telling which encoding it found.
// UTF-8 with invalid bytes is refused, not guessed as GB18030: a file with a
// UTF-8 BOM, or whose Chinese is mostly valid UTF-8, was written as UTF-8
// and has been damaged or cut short.
//
// UTF-8 text is data itself, not a copy (a machine's year is tens of MB,
// and a copy held the file twice while it was read): the caller gives data
// up and never writes to it again.
func decodeText(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		body := data[3:]
		if err := utf8Damage(body); err != nil {
			return "", "", err
		}
		return bytesText(body), "UTF-8 (BOM)", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		if len(data)%2 != 0 {
			return "", "", errors.New("UTF-16 文件的字节数不完整，文件可能被截断或已损坏")
		}
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, _, err := transform.Bytes(dec, data)
		if err != nil || strings.ContainsRune(string(out), utf8.RuneError) {
			return "", "", errors.New("UTF-16 文件中有无效的字符，文件可能已损坏")
		}
		return string(out), "UTF-16", err
	case utf8.Valid(data):
		return bytesText(data), "UTF-8", nil
	}
	good, bad := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			good++
		}
		i += n
	}
	if good > bad {
		return "", "", utf8Damage(data)
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
	if err != nil || !utf8.Valid(out) || strings.ContainsRune(string(out), utf8.RuneError) {
		return "", "", errors.New("无法识别文件编码，或文件不完整：请另存为 UTF-8 或 GB18030（GBK）编码的 CSV")
	}
	return string(out), "GB18030", nil
}

// utf8Damage says where UTF-8 text has its first invalid byte: cut off at
// the end (a file not completely written or copied) or damaged inside.
func utf8Damage(data []byte) error {
	for i, line := 0, 1; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			if !utf8.FullRune(data[i:]) {
				return fmt.Errorf("文件在第%d行中途结束，最后一个字不完整：文件可能被截断，请重新导出或复制完整的文件", line)
			}
			return fmt.Errorf("第%d行有无效的 UTF-8 字节（文件已损坏，或编码标记与内容不符）：请用 Excel 重新另存为 CSV UTF-8 后再导入", line)
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	return nil
}

// splitPlainCSV cuts text without quotes into rows and cells as
// encoding/csv does: "\r\n" ends a line as "\n" does, a "\r" at the very
// end is dropped, empty lines are skipped. It also gives the widest row and
// the line the last row is on. out has room for every line. A large text
// is cut in two halves at once, on two cores: a machine's year is a
// million lines.
func splitPlainCSV(text string, comma rune, out [][]string) ([][]string, int, int) {
	half := strings.IndexByte(text[len(text)/2:], '\n')
	if len(text) < parallelCutBytes || half < 0 || runtime.GOMAXPROCS(0) < 2 {
		return cutLines(text, comma, out, 0)
	}
	first, second := text[:len(text)/2+half+1], text[len(text)/2+half+1:]
	linesBefore := strings.Count(first, "\n")
	start := len(out)
	if cap(out) < start+linesBefore+strings.Count(second, "\n")+1 {
		return cutLines(text, comma, out, 0)
	}
	// each half into its own part of out's room
	var a [][]string
	var width, lastLine int
	done := make(chan struct{})
	go func() {
		defer close(done)
		a, width, lastLine = cutLines(first, comma, out[start:start:start+linesBefore], 0)
	}()
	b, width2, lastLine2 := cutLines(second, comma, out[start+linesBefore:start+linesBefore], linesBefore)
	<-done
	out = out[:start+len(a)]
	out = append(out, b...) // moves the second half's rows down over the first's empty lines
	if len(b) > 0 {
		lastLine = lastLine2
	}
	return out, max(width, width2), lastLine
}

// parallelCutBytes is the size from which splitPlainCSV cuts a text in two
// halves at once.
var parallelCutBytes = 4 << 20

// cutLines is splitPlainCSV on one core, the text's first line being
// numbered linesBefore+1.
func cutLines(text string, comma rune, out [][]string, linesBefore int) ([][]string, int, int) {
	sep := string(comma)
	width, lastLine := 0, 0
	for line := linesBefore + 1; text != ""; line++ {
		row, rest, found := strings.Cut(text, "\n")
		text = rest
		if found {
			row = strings.TrimSuffix(row, "\r")
		} else if strings.HasSuffix(row, "\r") {
			row = row[:len(row)-1]
		}
		if row == "" {
			continue
		}
		// views into the text, not copies: a copy of every line beside
		// the text was the largest part of a wide file's import
		cells := strings.Split(row, sep)
		width, lastLine = max(width, len(cells)), line
		out = append(out, cells)
	}
	return out, width, lastLine
}

// parseCSV reads CSV text strictly: a quote left open (a file cut short
// inside a quoted cell) is refused, and so is a file that does not end
// with a line break: Excel, WPS and GovDesk end every row with one, so its
// last row has most likely been cut short, between cells or inside one.
func parseCSV(text string) ([][]string, error) {
	first, _, _ := strings.Cut(text, "\n")
	r := csv.NewReader(strings.NewReader(text))
	if strings.Count(first, "\t") > strings.Count(first, ",") {
		r.Comma = '\t' // Excel's "Unicode text" export
	}
	r.FieldsPerRecord = -1
	// room for every line at once: growing by doubling would hold two
	// copies of a large file's list of rows
	out := make([][]string, 0, strings.Count(text, "\n")+1)
	width, lastLine := 0, 0
	if !strings.Contains(text, `"`) {
		// no quotes: a line is a row and its cells are cut at the
		// separator, as encoding/csv would cut them, at a fraction of the
		// work (a machine's year is a million lines)
		out, width, lastLine = splitPlainCSV(text, r.Comma, out)
	} else {
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				switch {
				case errors.Is(pe.Err, csv.ErrQuote):
					return nil, fmt.Errorf("第%d行的引号没有成对（从第%d行开始的单元格没有结束）：文件可能被截断或已损坏", pe.Line, pe.StartLine)
				case errors.Is(pe.Err, csv.ErrBareQuote):
					return nil, fmt.Errorf("第%d行第%d列的引号位置不对：单元格中的英文引号须写成两个（\"\"），或用 Excel 另存为 CSV", pe.Line, pe.Column)
				}
				return nil, fmt.Errorf("第%d行格式有误", pe.Line)
			}
			if err != nil {
				return nil, err
			}
			width = max(width, len(rec))
			lastLine, _ = r.FieldPos(0)
			out = append(out, rec)
		}
	}
	end := strings.TrimRight(text, " \t\x1a") // (Ctrl-Z: an old DOS end of file)
	if n := len(out); n > 0 && !strings.HasSuffix(end, "\n") && !strings.HasSuffix(end, "\r") {
		if len(out[n-1]) < width {
			return nil, fmt.Errorf("最后一行（第%d行）只有 %d 列，少于前面的 %d 列，且文件没有以换行结束：文件可能被截断，请重新导出或复制完整的文件", lastLine, len(out[n-1]), width)
		}
		return nil, fmt.Errorf("文件没有以换行结束，最后一行（第%d行）可能不完整（文件被截断）：请重新导出或复制完整的文件；如确认完整，在文件末尾加一个回车后再导入", lastLine)
	}
	return out, nil
}

// NormalizeCell trims a cell and makes full-width digits, Latin letters and
// spaces half-width (Chinese input methods type them full-width), leaving
// Chinese punctuation as it is.
func NormalizeCell(s string) string {
	if isASCII(s) || !strings.ContainsFunc(s, needsNormalizing) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\u3000' || r == '\u00A0':
			r = ' '
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			r = r - 0xFEE0
		case r == '\uFEFF':
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// needsNormalizing tells the characters NormalizeCell changes or drops.
func needsNormalizing(r rune) bool {
	return r == '\u3000' || r == '\u00A0' || r == '\uFEFF' || r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// WriteSheet writes a header and rows to path as .xlsx or .csv, chosen by the
// extension. CSV is UTF-8 with a BOM and CRLF line ends, which Excel on
// Chinese Windows opens without mojibake. The file is written to a temporary
// name first, so a failed export never leaves half a file.
func WriteSheet(path, sheetName string, header []string, rows [][]string) error {
	var write func(io.Writer) error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		write = func(w io.Writer) error { return writeCSV(w, header, rows) }
	case ".xlsx":
		write = func(w io.Writer) error { return writeXLSX(w, sheetName, header, rows) }
	default:
		return fmt.Errorf("不支持的导出格式“%s”：请用 .xlsx 或 .csv 结尾的文件名", filepath.Ext(path))
	}
	return WriteFileAtomic(path, func(w io.Writer) error {
		if err := write(w); err != nil {
			return fmt.Errorf("无法写入 %s：%w", filepath.Base(path), err)
		}
		return nil
	})
}

func writeCSV(out io.Writer, header []string, rows [][]string) error {
	out.Write([]byte{0xEF, 0xBB, 0xBF})
	w := csv.NewWriter(out)
	w.UseCRLF = true
	w.Write(header)
	cells := make([]string, 0, len(header))
	for _, r := range rows {
		cells = cells[:0]
		for _, c := range r {
			cells = append(cells, Neutralise(c))
		}
		w.Write(cells)
	}
	w.Flush()
	return w.Error()
}

// formulaStarts are the first characters that make a spreadsheet read a
// CSV cell as a formula (OWASP, "CSV Injection").
const formulaStarts = "=+-@\t\r"

// plainNumber matches a number written plainly, such as -0.5 or +3: a
// spreadsheet reads it as the number it is, so it is left as it is.
var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// Neutralise makes a CSV cell that a spreadsheet would run as a formula
// ("=HYPERLINK(…)", "+cmd|…", "@SUM(…)") plain text by putting an
// apostrophe before it, as OWASP recommends; plain numbers such as -0.5 stay
// as they are. A cell that already starts with apostrophes before such a
// character gets one more, so that reading it back (see ReadSheet) takes
// exactly one off and gives the original text.
func Neutralise(s string) string {
	rest := strings.TrimLeft(s, "'")
	if rest == "" || !strings.ContainsRune(formulaStarts, rune(rest[0])) || plainNumber.MatchString(s) || s == "-" {
		return s
	}
	return "'" + s
}

// keepApostrophe is a cell for an .xlsx, whose text cells no spreadsheet
// runs: only text that reading would take an apostrophe off (such as '=1)
// gets one more, so that it reads back as it was.
func keepApostrophe(s string) string {
	if unneutralise(s) != s {
		return "'" + s
	}
	return s
}

// unneutralise undoes Neutralise on a cell read from a file.
func unneutralise(s string) string {
	if !strings.HasPrefix(s, "'") {
		return s
	}
	rest := strings.TrimLeft(s, "'")
	if rest == "" || !strings.ContainsRune(formulaStarts, rune(rest[0])) {
		return s
	}
	return s[1:]
}

func writeXLSX(out io.Writer, sheetName string, header []string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if sheetName == "" {
		sheetName = "Sheet1"
	}
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		return err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	// Every cell is text: 工号 "0012", identity numbers and phone numbers must
	// not turn into numbers that Excel rounds or strips.
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = displayWidth(h)
	}
	for _, r := range rows {
		for i, c := range r {
			if i < len(widths) && displayWidth(c) > widths[i] {
				widths[i] = displayWidth(c)
			}
		}
	}
	for i, w := range widths {
		if w > 60 {
			w = 60
		}
		if err := sw.SetColWidth(i+1, i+1, float64(w)+2); err != nil {
			return err
		}
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", hdr); err != nil {
		return err
	}
	for n, r := range rows {
		vals := make([]any, len(r))
		for i, c := range r {
			vals[i] = excelize.Cell{StyleID: text, Value: keepApostrophe(c)}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(out)
}

// displayWidth counts CJK characters as two columns, as Excel shows them.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
