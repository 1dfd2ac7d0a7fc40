package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"govdesk/models"
)

// PunchFormat is one layout of attendance-machine export that GovDesk
// reads: how to recognise it and how its rows become taps.
type PunchFormat struct {
	Name   string // for --format
	Label  string // as a person knows it
	Device string // the machine name used when none is given
	Rule   models.MachineNoRule
	detect func(f *punchFile) bool
	read   func(f *punchFile) ([]models.MachinePunch, []Problem)
}

// punchFormats are tried in this order: the more specific first.
var punchFormats = []PunchFormat{
	{Name: "attlog", Label: "中控考勤机U盘打卡记录（attlog.dat）", Device: "中控考勤机", Rule: models.ZerosKept, detect: isAttlog, read: readAttlog},
	{Name: "zk-report", Label: "中控考勤机U盘考勤报表（.xls）", Device: "中控考勤机", Rule: models.ZerosLost, detect: isZKReport, read: readZKReport},
	{Name: "zktime-record", Label: "ZKTime 考勤记录", Device: "中控考勤机", Rule: models.ZerosLost, detect: isZKTimeRecord, read: readZKTimeRecord},
	{Name: "zktime", Label: "ZKTime 原始记录", Device: "中控考勤机", Rule: models.ZerosLost, detect: isZKTimeRaw, read: readZKTimeRaw},
	{Name: "dingtalk-daily", Label: "钉钉每日统计", Device: "钉钉", Rule: models.ZerosKept, detect: isDingDaily, read: readDingDaily},
	{Name: "dingtalk", Label: "钉钉原始记录（打卡明细）", Device: "钉钉", Rule: models.ZerosKept, detect: isDingRaw, read: readDingRaw},
	{Name: "deli", Label: "得力考勤月报", Device: "得力考勤机", Rule: models.ZerosLost, detect: isDeliMonth, read: readDeliMonth},
}

// PunchFormats lists the machine layouts GovDesk recognises.
func PunchFormats() []PunchFormat { return append([]PunchFormat(nil), punchFormats...) }

func punchFormatNames() string {
	names := make([]string, len(punchFormats))
	for i, f := range punchFormats {
		names[i] = f.Name + "（" + f.Label + "）"
	}
	return strings.Join(names, "、")
}

// FindPunchFormat gives the format of that name.
func FindPunchFormat(name string) (PunchFormat, bool) {
	for _, f := range punchFormats {
		if f.Name == name {
			return f, true
		}
	}
	return PunchFormat{}, false
}

// punchTable is one sheet of a punch file, cells trimmed and normalised,
// rows numbered from 1 as the file has them (index i is row i+1).
type punchTable struct {
	Name string
	Rows [][]string
}

// cell gives a cell, "" outside the table.
func (t punchTable) cell(r, c int) string {
	if r < 0 || r >= len(t.Rows) || c < 0 || c >= len(t.Rows[r]) {
		return ""
	}
	return t.Rows[r][c]
}

// punchFile is a file read whole: its text (for text files) and tables.
type punchFile struct {
	Base   string
	Ext    string
	Text   string
	Tables []punchTable
	// cells and encoding of a CSV file as ReadSheet reads them, so that
	// GovDesk's own file is not read a second time (ownSheet)
	cells    [][]string
	encoding string
}

// loadPunchFile reads a .dat, .txt, .csv, .xlsx or .xls file.
func loadPunchFile(path string) (*punchFile, error) {
	base := filepath.Base(path)
	f := &punchFile{Base: base, Ext: strings.ToLower(filepath.Ext(path))}
	switch f.Ext {
	case ".dat", ".txt", ".csv":
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("无法读取文件 %s：%w", base, err)
		}
		text, enc, err := decodeText(data)
		if err != nil {
			return nil, fmt.Errorf("%s：%w", base, err)
		}
		size := len(data)
		data = nil // it is the text now (decodeText): nothing writes to it
		f.Text = strings.ReplaceAll(text, "\r\n", "\n")
		if f.Ext == ".csv" || (f.Ext == ".txt" && !attlogLine.MatchString(firstLine(f.Text))) {
			raw, err := parseCSV(text)
			if err != nil {
				return nil, fmt.Errorf("%s 不是有效的 CSV 文件：%w", base, err)
			}
			f.Tables = []punchTable{normTable(base, raw)}
			if size <= maxFileBytes {
				f.cells, f.encoding = raw, enc
			}
		}
	case ".xlsx", ".xlsm":
		x, err := openXLSX(path)
		if err != nil {
			return nil, err
		}
		defer x.Close()
		for _, name := range x.GetSheetList() {
			raw, err := readXLSXSheet(x, base, name)
			if err != nil {
				return nil, err
			}
			f.Tables = append(f.Tables, normTable(name, raw))
		}
	case ".xls":
		tables, err := readXLS(path)
		if err != nil {
			return nil, err
		}
		for _, t := range tables {
			f.Tables = append(f.Tables, normTable(t.Name, t.Rows))
		}
	default:
		return nil, fmt.Errorf("不支持的文件类型“%s”：考勤机文件应为 .dat、.txt、.csv、.xlsx 或 .xls", filepath.Ext(path))
	}
	return f, nil
}

// normTable tidies the cells read (NormalizeCell) in place, so that a
// large file's rows are not held twice; tidying again (ReadSheet's own)
// changes nothing.
func normTable(name string, raw [][]string) punchTable {
	tidy := func(rows [][]string) {
		for _, r := range rows {
			for j, c := range r {
				r[j] = NormalizeCell(c)
			}
		}
	}
	// a large file's two halves at once, on two cores
	if half := len(raw) / 2; half >= parallelTidyRows && runtime.GOMAXPROCS(0) > 1 {
		done := make(chan struct{})
		go func() {
			defer close(done)
			tidy(raw[:half])
		}()
		tidy(raw[half:])
		<-done
	} else {
		tidy(raw)
	}
	return punchTable{Name: name, Rows: raw}
}

// parallelTidyRows is half the rows from which normTable tidies a table's
// two halves at once.
const parallelTidyRows = 50000

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}

// compact removes every space and line break: headers such as "工 号:" and
// "考勤\n日期" are matched without them.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000':
			return -1
		}
		return r
	}, s)
}

// headerIndex finds, in the first rows of a table, a row holding every one
// of the wanted headers (each one of its spellings), and gives its index
// and the column of each header by its first spelling.
func headerIndex(t punchTable, want [][]string) (int, map[string]int) {
	for r := 0; r < len(t.Rows) && r < 12; r++ {
		cols := map[string]int{}
		for c, v := range t.Rows[r] {
			v = strings.TrimSuffix(strings.TrimSuffix(compact(v), ":"), "：")
			for _, names := range want {
				for _, n := range names {
					if strings.EqualFold(v, n) {
						if _, dup := cols[names[0]]; !dup {
							cols[names[0]] = c
						}
					}
				}
			}
		}
		all := true
		for _, names := range want {
			if _, ok := cols[names[0]]; !ok {
				all = false
			}
		}
		if all {
			return r, cols
		}
	}
	return -1, nil
}

// optionalColumns adds the columns of optional headers found in row r.
func optionalColumns(t punchTable, r int, cols map[string]int, opt [][]string) {
	if r < 0 || r >= len(t.Rows) {
		return
	}
	for c, v := range t.Rows[r] {
		v = compact(v)
		for _, names := range opt {
			for _, n := range names {
				if _, dup := cols[names[0]]; !dup && strings.EqualFold(v, n) {
					cols[names[0]] = c
				}
			}
		}
	}
}

// findTable gives the first table with the headers, its header row and columns.
func findTable(f *punchFile, want [][]string) (punchTable, int, map[string]int, bool) {
	for _, t := range f.Tables {
		if r, cols := headerIndex(t, want); r >= 0 {
			return t, r, cols, true
		}
	}
	return punchTable{}, -1, nil, false
}

func source(file string, line int) string { return fmt.Sprintf("%s 第%d行", file, line) }

// dateOrder says how a file writes a date whose year comes last.
type dateOrder int

const (
	orderYMD dateOrder = iota // 2026/11/3: the year first, no doubt
	orderDMY                  // 03/11/2026, ZKTime in an English locale
	orderMDY                  // 11/03/2026
)

var (
	stampRe = regexp.MustCompile(`^(\d{1,4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,4})\s*日?(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s+|T)?(?:(\d{1,2})\s*[:：]\s*(\d{1,2})(?:\s*[:：]\s*(\d{1,2}))?)?$`)
	clockRe = regexp.MustCompile(`^(\d{1,2})\s*[:：]\s*(\d{1,2})(?:\s*[:：]\s*(\d{1,2}))?$`)
	serialR = regexp.MustCompile(`^\d+(\.\d+)?$`)
)

// guessDateOrder looks at every date whose year comes last and tells the
// order: a first number over 12 is a day, a second one over 12 too;
// without either, D/M/Y (what ZKTime writes in an English locale).
func guessDateOrder(values []string) dateOrder {
	dmy, mdy := false, false
	for _, v := range values {
		p := stampRe.FindStringSubmatch(strings.TrimSpace(v))
		if p == nil || len(p[1]) > 2 || len(p[3]) != 4 {
			continue
		}
		a, b := atoiOr(p[1]), atoiOr(p[2])
		if a > 12 {
			dmy = true
		}
		if b > 12 {
			mdy = true
		}
	}
	if mdy && !dmy {
		return orderMDY
	}
	return orderDMY
}

func atoiOr(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// parseStamp reads a date and optional time: 2026-11-03 08:52:10,
// 2026/11/3 8:52, 03/11/2026 08:52 (in the file's order), 26-11-03 星期二,
// 2026年11月3日, or an Excel serial number.
func parseStamp(s string, order dateOrder) (time.Time, bool, error) {
	s = strings.TrimSpace(s)
	if serialR.MatchString(s) && len(s) >= 5 {
		t, err := models.ParseDateTime(s)
		return t, strings.Contains(s, "."), err
	}
	p := stampRe.FindStringSubmatch(s)
	if p == nil {
		return time.Time{}, false, fmt.Errorf("无法识别的日期时间“%s”", s)
	}
	a, b, c := atoiOr(p[1]), atoiOr(p[2]), atoiOr(p[3])
	var y, m, d int
	switch {
	case len(p[1]) == 4:
		y, m, d = a, b, c
	case len(p[3]) == 4 && order == orderMDY:
		y, m, d = c, a, b
	case len(p[3]) == 4:
		y, m, d = c, b, a
	default: // 26-11-03: a two-digit year first, as DingTalk writes it
		y, m, d = 2000+a, b, c
	}
	day := models.NewDate(y, time.Month(m), d)
	if m < 1 || m > 12 || d < 1 || day.Month() != time.Month(m) || day.Day() != d || y < 1990 || y > 2200 {
		return time.Time{}, false, fmt.Errorf("日期“%s”不存在", s)
	}
	if p[4] == "" {
		return models.CivilTime(day, 0, 0, 0), false, nil
	}
	h, mi, sec := atoiOr(p[4]), atoiOr(p[5]), atoiOr(p[6])
	if h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false, fmt.Errorf("时刻“%s”不存在", s)
	}
	return models.CivilTime(day, h, mi, sec), true, nil
}

// parseClock reads a time of day: 8:52, 08:52:10, an Excel fraction of a
// day (0.3694…), and 次日 08:10 (the next day, as DingTalk writes a tap
// after midnight). It gives the seconds since midnight, plus a day for 次日.
func parseClockCell(s string) (int, bool, error) {
	s = strings.TrimSpace(s)
	next := false
	for _, p := range []string{"次日", "第二天", "+1"} {
		if strings.HasPrefix(s, p) {
			next, s = true, strings.TrimSpace(strings.TrimPrefix(s, p))
		}
	}
	if p := clockRe.FindStringSubmatch(s); p != nil {
		h, m, sec := atoiOr(p[1]), atoiOr(p[2]), atoiOr(p[3])
		if h > 23 || m > 59 || sec > 59 {
			return 0, false, fmt.Errorf("时刻“%s”不存在", s)
		}
		return h*3600 + m*60 + sec, next, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1 {
		return int(f*86400 + 0.5), next, nil
	}
	return 0, false, fmt.Errorf("无法识别的时刻“%s”", s)
}

// clocksInCell splits a cell holding a day's taps: "08:12 12:05",
// "08:12\n12:05", or run together as ZKTeco's report writes them
// ("08:1212:0513:2817:06"). Blank, "-" and "漏刷" hold none.
func clocksInCell(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "-" || s == "--" || s == "漏刷" || s == "未打卡" || s == "缺卡" {
		return nil, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f < 1 {
		// a time cell of Excel: a fraction of a day
		secs := int(f*86400 + 0.5)
		return []string{fmt.Sprintf("%02d:%02d:%02d", secs/3600, secs/60%60, secs%60)}, nil
	}
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == ',' || r == '，' || r == ';' || r == '、' }) {
		part = strings.ReplaceAll(part, "：", ":")
		if part == "漏刷" || part == "-" {
			continue
		}
		for part != "" {
			m := runClock.FindString(part)
			if m == "" {
				return nil, fmt.Errorf("无法识别的打卡时刻“%s”", s)
			}
			out = append(out, m)
			part = part[len(m):]
		}
	}
	return out, nil
}

var runClock = regexp.MustCompile(`^\d{1,2}:\d{2}(:\d{2})?`)

// dayTaps turns a day's clock texts into instants: a clock earlier than the
// one before it in the same cell is after midnight, on the next day.
func dayTaps(day models.Date, clocks []string) ([]time.Time, error) {
	var out []time.Time
	prev, carry := -1, 0
	for _, c := range clocks {
		secs, next, err := parseClockCell(c)
		if err != nil {
			return nil, err
		}
		if next {
			carry = 1
		} else if secs < prev {
			carry = 1
		}
		prev = secs
		out = append(out, models.CivilTime(day.AddDays(carry), 0, 0, secs))
	}
	return out, nil
}

// sortTaps orders taps read from day columns by number and time, so the
// same file always gives the same list.
func sortTaps(ps []models.MachinePunch) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].MachineNo != ps[j].MachineNo {
			return ps[i].MachineNo < ps[j].MachineNo
		}
		return ps[i].At.Before(ps[j].At)
	})
}
