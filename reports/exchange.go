package reports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"govdesk/models"
)

// Problem is one thing wrong with an import file, located by row and column.
type Problem struct {
	File   string
	Row    int // 1-based row in the file; the header is row 1; 0 = the whole file
	Column string
	Reason string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Row > 0 {
		fmt.Fprintf(&b, " 第%d行", p.Row)
	}
	if p.Column != "" {
		fmt.Fprintf(&b, " “%s”列", p.Column)
	}
	b.WriteString("：")
	b.WriteString(p.Reason)
	return b.String()
}

// ImportError refuses a whole file and lists every problem in it.
type ImportError struct {
	Problems []Problem
	// Cause is the store's refusal when the file was read without problems
	// but could not be applied, for a front end that can offer a way out
	// (models.UnknownUnitsError: create the units).
	Cause error
}

// Unwrap gives the store's refusal behind the problems, if any.
func (e *ImportError) Unwrap() error { return e.Cause }

func (e *ImportError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return fmt.Sprintf("文件有 %d 处问题，未导入任何数据：\n%s", len(e.Problems), strings.Join(lines, "\n"))
}

// Progress reports how far a long job is, as done out of total steps.
type Progress func(done, total int)

// Column is one column of an exchange file.
type Column struct {
	Name     string
	Required bool
}

// row reads the cells of one data row by column name and collects problems.
type row struct {
	keys  models.RecordKeys
	sheet *Sheet
	line  int
	cells []string
	index map[string]int
	probs *[]Problem
}

func (r row) get(col string) string {
	i, ok := r.index[col]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

func (r row) problem(col, reason string) {
	*r.probs = append(*r.probs, Problem{File: r.sheet.File, Row: r.line, Column: col, Reason: reason})
}

// need returns a required cell, reporting it when empty.
func (r row) need(col string) string {
	v := r.get(col)
	if v == "" {
		r.problem(col, "不能为空")
	}
	return v
}

// recordID reads the row's 编号 of a record of kind: 0 when empty (a new
// record), else the record it names; a 编号 that is not one of this
// database's records of kind is reported.
func (r row) recordID(kind string) uint {
	id, err := r.keys.Parse(kind, r.get(keyColumn.Name))
	if err != nil {
		r.problem(keyColumn.Name, err.Error())
	}
	return id
}

// hasAll reports whether the file has every one of cols.
func (r row) hasAll(cols []Column) bool {
	for _, c := range cols {
		if _, ok := r.index[c.Name]; !ok {
			return false
		}
	}
	return true
}

// keyColumn is the 编号 of records without a natural key (see
// models.RecordKeys); it comes first in their files.
var keyColumn = Column{"编号", false}

// keyed is the key a row's 编号 gives for finding the same record twice in
// one file, or other when it has none.
func keyed(id uint, other string) string {
	if id != 0 {
		return fmt.Sprintf("编号 %d", id)
	}
	return other
}

// date reads a date cell; empty is allowed unless required.
func (r row) date(col string, required bool) models.Date {
	v := r.get(col)
	if v == "" {
		if required {
			r.problem(col, "不能为空")
		}
		return models.Date{}
	}
	d, err := models.ParseDate(v)
	if err != nil {
		r.problem(col, err.Error())
	}
	return d
}

// importer is one kind of import: its columns, how a row becomes a record,
// and how the records are written. Each import gets a fresh importer.
type importer interface {
	columns() []Column
	prepare(st *models.Store) error
	parse(r row) (key string)
	apply(st *models.Store) (models.ImportStats, error)
}

// A storedLookup importer checks its rows against the stored records they
// name. Before any row is parsed it is given the file's cells of a column
// (column("办件编号")), so that it reads only the records the file names,
// not the whole table.
type storedLookup interface {
	lookup(st *models.Store, column func(name string) []string) error
}

// An abandoner importer writes while the file is read (prepare begins
// it); abandon takes the writing back when the import ends before apply.
type abandoner interface {
	abandon()
}

var importers = map[string]func() importer{
	"windows":       func() importer { return &windowImporter{} },
	"staff":         func() importer { return &staffImporter{} },
	"cases":         func() importer { return &caseImporter{} },
	"punches":       func() importer { return &punchImporter{} },
	"leaves":        func() importer { return &leaveImporter{} },
	"inspections":   func() importer { return &inspectionImporter{} },
	"uniforms":      func() importer { return &uniformImporter{} },
	"violations":    func() importer { return &violationImporter{} },
	"complaints":    func() importer { return &complaintImporter{} },
	"ratings":       func() importer { return &ratingImporter{} },
	"commendations": func() importer { return &commendationImporter{} },
}

// importEntities names the records each kind of import changes, as the
// audit log and the operator roles name them.
var importEntities = map[string]string{
	"windows": "窗口", "staff": "人员", "cases": "办件", "punches": "打卡", "leaves": "请假",
	"inspections": "查岗记录", "uniforms": "服装发放", "violations": "违规记录", "complaints": "投诉",
	"ratings": "好差评", "commendations": "表扬",
}

// ImportEntity is the kind of record an import of kind changes ("" for a
// kind Import does not accept).
func ImportEntity(kind string) string { return importEntities[kind] }

// ImportKinds lists the kinds Import accepts.
func ImportKinds() []string { return sortedKeys(importers) }

// Import reads an exchange file of the given kind and writes its rows to the
// store, all or nothing: a file with any bad row changes nothing and the
// returned *ImportError names every bad row.
func Import(st *models.Store, kind, path string, progress Progress) (models.ImportStats, error) {
	return ImportContext(context.Background(), st, kind, path, progress)
}

// ErrImportCancelled is returned when an import was cancelled; nothing was
// written.
var ErrImportCancelled = errors.New("已取消导入，没有写入任何数据")

// ImportContext is Import that can be cancelled while the file is read and
// checked; the final write is one transaction and runs to its end.
func ImportContext(ctx context.Context, st *models.Store, kind, path string, progress Progress) (models.ImportStats, error) {
	newImp, ok := importers[kind]
	if !ok {
		return models.ImportStats{}, fmt.Errorf("不支持导入“%s”，可导入：%s", kind, strings.Join(ImportKinds(), " "))
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	if kind == "punches" && ctx.Value(ownPunchesKey{}) == nil {
		res, err := ImportPunchFile(ctx, st, path, PunchFileOptions{}, progress)
		return res.Stats, err
	}
	imp := newImp()
	var sh *Sheet
	if p, ok := imp.(*punchImporter); ok {
		p.run, _ = ctx.Value(ownPunchesKey{}).(*ownPunchRun)
		if p.run != nil {
			sh = p.run.sheet
		}
	}
	var err error
	if sh == nil {
		sh, err = ReadSheet(path)
	}
	if err != nil {
		return models.ImportStats{}, &ImportError{Problems: []Problem{{File: filepath.Base(path), Reason: err.Error()}}}
	}
	var probs []Problem
	index := map[string]int{}
	for i, h := range sh.Header {
		if _, dup := index[h]; !dup && h != "" {
			index[h] = i
		}
	}
	for _, c := range imp.columns() {
		if _, ok := index[c.Name]; !ok && c.Required {
			probs = append(probs, Problem{File: sh.File, Row: 1, Column: c.Name, Reason: "缺少必需的列“" + c.Name + "”"})
		}
	}
	if len(probs) > 0 {
		return models.ImportStats{}, &ImportError{Problems: probs}
	}
	if err := imp.prepare(st); err != nil {
		return models.ImportStats{}, err
	}
	applied := false
	if ab, ok := imp.(abandoner); ok {
		defer func() {
			if !applied {
				ab.abandon()
			}
		}()
	}
	if l, ok := imp.(storedLookup); ok {
		column := func(name string) []string {
			var out []string
			if i, ok := index[name]; ok {
				for k := range sh.Len() {
					if cells := sh.Row(k).Cells; i < len(cells) && cells[i] != "" {
						out = append(out, cells[i])
					}
				}
			}
			return out
		}
		if err := l.lookup(st, column); err != nil {
			return models.ImportStats{}, err
		}
	}
	keys, err := st.RecordKeys()
	if err != nil {
		return models.ImportStats{}, err
	}
	probs = append(probs, badCells(sh.File, 1, sh.Header, nil)...)
	limits := make([]int, len(sh.Header))
	for _, c := range imp.columns() {
		if i, ok := index[c.Name]; ok {
			limits[i] = columnLimit(c.Name)
		}
	}
	total := sh.Len() + 1
	seen := map[string]int{}
	for i := range sh.Len() {
		sr := sh.Row(i)
		if bad := badCells(sh.File, sr.Line, sr.Cells, func(j int) (string, int) {
			if j < len(sh.Header) {
				return sh.Header[j], limits[j]
			}
			return "", 0
		}); len(bad) > 0 {
			probs = append(probs, bad...)
			continue
		}
		r := row{keys: keys, sheet: sh, line: sr.Line, cells: sr.Cells, index: index, probs: &probs}
		if key := imp.parse(r); key != "" {
			if first, dup := seen[key]; dup {
				r.problem("", fmt.Sprintf("与第%d行重复（%s）", first, key))
			} else {
				seen[key] = sr.Line
			}
		}
		// what the importer needs it has taken: a large file's cells are
		// let go as they are read, not held until the import ends
		sh.letGo(i)
		if i%100 == 0 {
			if ctx.Err() != nil {
				return models.ImportStats{}, ErrImportCancelled
			}
			progress(i, total)
		}
	}
	if sh.Len() == 0 {
		probs = append(probs, Problem{File: sh.File, Reason: "文件中没有数据行"})
	}
	sh.cells, sh.lines = nil, nil // read: what each row gave is with the importer
	if len(probs) > 0 {
		return models.ImportStats{}, &ImportError{Problems: probs}
	}
	if ctx.Err() != nil {
		return models.ImportStats{}, ErrImportCancelled
	}
	// a damaged database refuses writes: an import would add to the damage
	// (one writing while the file is read asked before it began)
	if _, writing := imp.(abandoner); !writing {
		if err := st.CheckBeforeImport(); err != nil {
			return models.ImportStats{}, err
		}
	}
	applied = true
	stats, err := imp.apply(st)
	if err != nil {
		if models.IsDatabaseFailure(err) {
			// the database, not the file, is at fault (another writer, a
			// full disk): the file is not blamed
			return models.ImportStats{}, models.Explain(err)
		}
		return models.ImportStats{}, &ImportError{Problems: []Problem{{File: sh.File, Reason: models.Explain(err).Error()}}, Cause: err}
	}
	progress(total, total)
	return stats, nil
}

// ImportMemoryLimit is the heap the program, window or command, aims to
// stay within (the Go runtime's soft limit; the environment's GOMEMLIMIT
// overrides it). Its memory at its largest is one file being imported, in
// the window as on the command line: near the limit the
// collector works harder instead of letting the heap grow to twice what
// the file holds. A file needing more still imports, only more slowly.
// BenchmarkImportPunchesFile1M shows a million punches within 300 MB.
const ImportMemoryLimit = 200 << 20

// Lengths of text a cell of an import may have, in characters; the record's
// own rules may allow less (a 姓名 has at most 32).
const (
	shortTextLimit = 64
	nameTextLimit  = 128
	longTextLimit  = 1000
	anyCellLimit   = 32767 // what an Excel cell holds, for columns not imported
)

// columnLimit is the longest text a column takes.
func columnLimit(name string) int {
	switch name {
	case "情形", "内容", "核查情况", "核查结论", "说明", "评价内容", "整改措施", "事由", "原因", "补假说明", "证据", "处理意见":
		return longTextLimit
	case "材料":
		return 2 * longTextLimit
	case "事项名称", "申请人", "上报单位", "地址", "通讯地址":
		return nameTextLimit
	}
	return shortTextLimit
}

// badCells finds the cells of one row that no record may hold: control
// characters such as NUL (a damaged file; tab and line breaks are text),
// the replacement character U+FFFD (text already garbled when it was
// saved), and text longer than its column takes. column gives a cell's
// column name and length limit; nil checks the header row.
func badCells(file string, line int, cells []string, column func(int) (string, int)) []Problem {
	var probs []Problem
	for j, c := range cells {
		name, limit := "", anyCellLimit
		if column != nil {
			if n, l := column(j); l > 0 {
				name, limit = n, l
			} else {
				name = n
			}
		}
		if name == "" {
			name = columnLetter(j)
		}
		if r, ok := controlRune(c); ok {
			reason := fmt.Sprintf("含有不可见的控制字符（U+%04X），文件可能已损坏", r)
			if r == utf8.RuneError {
				reason = "含有乱码（U+FFFD 替换字符），文件保存时已出错：请找到原始文件重新导出"
			}
			probs = append(probs, Problem{File: file, Row: line, Column: name, Reason: reason})
			continue
		}
		if n := utf8.RuneCountInString(c); n > limit {
			probs = append(probs, Problem{File: file, Row: line, Column: name,
				Reason: fmt.Sprintf("内容太长：最多 %d 个字，这里有 %d 个字", limit, n)})
		}
	}
	return probs
}

// controlRune returns the first character of s that is a control
// character other than tab and line breaks, or U+FFFD.
func controlRune(s string) (rune, bool) {
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7F && r <= 0x9F) || r == utf8.RuneError {
			return r, true
		}
	}
	return 0, false
}

// columnLetter names a column the way Excel does (A, B, … AA).
func columnLetter(j int) string {
	name := ""
	for j++; j > 0; j = (j - 1) / 26 {
		name = string(rune('A'+(j-1)%26)) + name
	}
	return name
}

// exporter gives the header and rows of one kind of export.
type exporter func(st *models.Store, opt ExportOptions) (sheetName string, header []string, rows [][]string, err error)

// ExportOptions narrows an export.
type ExportOptions struct {
	Audit   models.AuditFilter
	Month   string // "2026-11", for attendance (required) and the attendance records
	Quarter string // "2026Q4", for scores-quarter
	// NewIssue re-issues a PDF bulletin under a new 文号 (the old one is
	// voided); without it exporting the same bulletin again keeps its number.
	NewIssue bool
	// Personal writes identity and phone numbers in clear (staff, cases);
	// without it they are masked. It needs a role that may see them, and
	// the export is recorded in the audit log.
	Personal bool
}

// personalKinds are the exports that hold identity or phone numbers, with
// the records they are of as the audit log names them.
var personalKinds = map[string]string{"staff": "人员", "cases": "办件"}

// HasPersonal reports whether an export of kind holds identity or phone
// numbers (masked unless ExportOptions.Personal).
func HasPersonal(kind string) bool { return personalKinds[kind] != "" }

// unmaskedID and unmaskedPhone are the numbers as an export writes them.
func unmaskedID(opt ExportOptions, v string) string {
	if opt.Personal {
		return v
	}
	return models.MaskIDNumber(v)
}

func unmaskedPhone(opt ExportOptions, v string) string {
	if opt.Personal {
		return v
	}
	return models.MaskPhone(v)
}

// unlessMasked is a number read from a file, or "" (keep the stored one)
// when the file has it masked.
func unlessMasked(v string) string {
	if models.IsMasked(v) {
		return ""
	}
	return v
}

var exporters = map[string]exporter{
	"windows":        exportWindows,
	"staff":          exportStaff,
	"audit":          exportAudit,
	"cases":          exportCases,
	"punches":        exportPunches,
	"leaves":         exportLeaves,
	"inspections":    exportInspections,
	"uniforms":       exportUniforms,
	"violations":     exportViolations,
	"complaints":     exportComplaints,
	"ratings":        exportRatings,
	"commendations":  exportCommendations,
	"attendance":     exportAttendance,
	"scores-month":   exportScoresMonth,
	"scores-quarter": exportScoresQuarter,
}

// ExportKinds lists the kinds Export accepts.
func ExportKinds() []string { return sortedKeys(exporters) }

// Export writes the records of a kind to path (.xlsx or .csv). The columns
// of an importable kind are the same as its import columns, so an export can
// be edited in Excel and imported again.
func Export(st *models.Store, kind, path string, opt ExportOptions) (int, error) {
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		return exportPDF(st, kind, path, opt)
	}
	exp, ok := exporters[kind]
	if !ok {
		return 0, fmt.Errorf("不支持导出“%s”，可导出：%s", kind, strings.Join(ExportKinds(), " "))
	}
	entity := personalKinds[kind]
	opt.Personal = opt.Personal && entity != ""
	if opt.Personal {
		if err := st.MaySeePersonal(); err != nil {
			return 0, err
		}
	}
	name, header, rows, err := exp(st, opt)
	if err != nil {
		return 0, err
	}
	if err := WriteSheet(path, name, header, rows); err != nil {
		return 0, err
	}
	if opt.Personal {
		if err := st.RecordPersonalExport(entity, path, len(rows)); err != nil {
			os.Remove(path) // what is not recorded is not handed out
			return 0, err
		}
	}
	return len(rows), nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func columnNames(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// exportPDF writes the printed form of an export (the attendance bulletin,
// the 满意窗口 ranking). The bulletin of a month keeps its 文号 when exported
// again, unless opt.NewIssue re-issues it; its number is recorded only when
// the file is written.
func exportPDF(st *models.Store, kind, path string, opt ExportOptions) (int, error) {
	var print func(io.Writer) error
	popt := PrintOptions{NewIssue: opt.NewIssue}
	switch kind {
	case "attendance":
		if opt.Month == "" {
			return 0, fmt.Errorf("导出考勤月报须指定月份，例如 2026-11（命令行：--month 2026-11）")
		}
		print = func(w io.Writer) error { return PrintAttendanceBulletin(st, opt.Month, popt, w) }
	case "scores-month":
		if opt.Month == "" {
			return 0, fmt.Errorf("导出月度评分须指定月份，例如 2026-11（命令行：--month 2026-11）")
		}
		print = func(w io.Writer) error { return PrintMonthRanking(st, opt.Month, popt, w) }
	default:
		return 0, fmt.Errorf("“%s”不能导出为 PDF；可导出为 PDF 的有：attendance（考勤通报）、scores-month（满意窗口评选结果通报）", kind)
	}
	return 1, WriteFileAtomic(path, print)
}

// monthRange gives the first and last day of an export's --month; no month
// gives zero dates, which filter nothing.
func monthRange(month string) (models.Date, models.Date, error) {
	if month == "" {
		return models.Date{}, models.Date{}, nil
	}
	first, err := models.ParseMonth(month)
	if err != nil {
		return models.Date{}, models.Date{}, err
	}
	first, last := models.MonthSpan(first)
	return first, last, nil
}
