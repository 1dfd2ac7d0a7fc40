package reports

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"govdesk/models"
)

// The ZKTeco (中控) layouts: the USB stick's attlog.dat and 考勤报表 .xls,
// and the ZKTime 5.0 software's 原始记录 and 考勤记录.

// attlogLine is a line of attlog.dat: the PIN (space-padded by some
// firmware), a TAB, the time, then verify mode, state and work code.
var attlogLine = regexp.MustCompile(`^\s*([^\t]+?)\s*\t\s*(\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2})(\t|\s*$)`)

func isAttlog(f *punchFile) bool {
	if f.Text == "" || (f.Ext != ".dat" && f.Ext != ".txt") {
		return false
	}
	return attlogLine.MatchString(firstLine(f.Text))
}

func readAttlog(f *punchFile) ([]models.MachinePunch, []Problem) {
	var out []models.MachinePunch
	var probs []Problem
	for i, line := range strings.Split(f.Text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		p := attlogLine.FindStringSubmatch(line)
		if p == nil {
			probs = append(probs, Problem{File: f.Base, Row: i + 1, Reason: "不是考勤机的打卡记录行（应为 考勤号码<TAB>2026-11-03 08:52:10…）"})
			continue
		}
		at, _, err := parseStamp(p[2], orderYMD)
		if err != nil {
			probs = append(probs, Problem{File: f.Base, Row: i + 1, Reason: err.Error()})
			continue
		}
		out = append(out, models.MachinePunch{MachineNo: strings.TrimSpace(p[1]), At: at, Source: source(f.Base, i+1)})
	}
	return out, probs
}

var (
	zkNo   = []string{"考勤号码", "No.", "AC-No.", "AC-No", "登记号码", "用户号"}
	zkName = []string{"姓名", "Name"}
)

func isZKTimeRaw(f *punchFile) bool {
	_, _, _, ok := findTable(f, [][]string{zkNo, {"日期时间", "Date/Time", "DateTime"}})
	return ok
}

func readZKTimeRaw(f *punchFile) ([]models.MachinePunch, []Problem) {
	t, hr, cols, _ := findTable(f, [][]string{zkNo, {"日期时间", "Date/Time", "DateTime"}})
	optionalColumns(t, hr, cols, [][]string{zkName})
	return readStampRows(f, t, hr, cols, "日期时间", "")
}

func isZKTimeRecord(f *punchFile) bool {
	_, _, _, ok := findTable(f, [][]string{zkNo, {"出勤时间", "Time"}, {"出勤状态", "State", "Status"}})
	return ok
}

func readZKTimeRecord(f *punchFile) ([]models.MachinePunch, []Problem) {
	t, hr, cols, _ := findTable(f, [][]string{zkNo, {"出勤时间", "Time"}, {"出勤状态", "State", "Status"}})
	optionalColumns(t, hr, cols, [][]string{zkName})
	return readStampRows(f, t, hr, cols, "出勤时间", "出勤状态")
}

// readStampRows reads a table of one tap a row: the number, an optional
// name, a date-time cell in the file's date order, and an optional cell of
// the machine's own opinion.
func readStampRows(f *punchFile, t punchTable, hr int, cols map[string]int, stampCol, opinionCol string) ([]models.MachinePunch, []Problem) {
	var stamps []string
	for r := hr + 1; r < len(t.Rows); r++ {
		stamps = append(stamps, t.cell(r, cols[stampCol]))
	}
	order := guessDateOrder(stamps)
	var out []models.MachinePunch
	var probs []Problem
	for r := hr + 1; r < len(t.Rows); r++ {
		no, stamp := t.cell(r, cols["考勤号码"]), t.cell(r, cols[stampCol])
		if no == "" && stamp == "" {
			continue
		}
		if no == "" {
			probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: "考勤号码", Reason: "不能为空"})
			continue
		}
		at, timed, err := parseStamp(stamp, order)
		if err == nil && !timed {
			err = fmt.Errorf("“%s”没有时刻", stamp)
		}
		if err != nil {
			probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: stampCol, Reason: err.Error()})
			continue
		}
		p := models.MachinePunch{MachineNo: no, At: at, Source: source(f.Base, r+1)}
		if c, ok := cols["姓名"]; ok {
			p.Name = t.cell(r, c)
		}
		if opinionCol != "" {
			p.DeviceResult = t.cell(r, cols[opinionCol])
		}
		out = append(out, p)
	}
	return out, probs
}

// The USB 考勤报表: a title 考 勤 记 录 表, a 考勤时间 row with the span, a row
// of day numbers, then two rows a person: 工 号: / 姓 名: / 部 门: labels,
// and below one cell a day with that day's taps run together.

var zkSpan = regexp.MustCompile(`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*[~～至-]+\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`)

func isZKReport(f *punchFile) bool {
	for _, t := range f.Tables {
		if zkReportLayout(t).dayRow >= 0 {
			return true
		}
	}
	return false
}

type zkLayout struct {
	first, last models.Date
	dayRow      int
	dayCols     map[int]models.Date
}

func zkReportLayout(t punchTable) zkLayout {
	l := zkLayout{dayRow: -1}
	titled := false
	for r := 0; r < len(t.Rows) && r < 8; r++ {
		for c, v := range t.Rows[r] {
			cv := compact(v)
			if strings.Contains(cv, "考勤记录表") {
				titled = true
			}
			if strings.HasPrefix(cv, "考勤时间") {
				span := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(cv, "考勤时间"), ":"), "：")
				if span == "" {
					for c2 := c + 1; c2 < len(t.Rows[r]) && span == ""; c2++ {
						span = compact(t.Rows[r][c2])
					}
				}
				if p := zkSpan.FindStringSubmatch(span); p != nil {
					l.first = models.NewDate(atoiOr(p[1]), monthOf(p[2]), atoiOr(p[3]))
					l.last = models.NewDate(atoiOr(p[4]), monthOf(p[5]), atoiOr(p[6]))
					l.dayRow = -2
				}
			}
		}
		if l.dayRow == -2 && r+1 < len(t.Rows) {
			// the day numbers follow the span
			for r2 := r + 1; r2 < len(t.Rows) && r2 < r+4; r2++ {
				cols := map[int]models.Date{}
				for c, v := range t.Rows[r2] {
					n := atoiOr(strings.TrimSuffix(compact(v), ".0"))
					if n < 1 || n > 31 || !allDigitsText(strings.TrimSuffix(compact(v), ".0")) {
						continue
					}
					d := models.NewDate(l.first.Year(), l.first.Month(), n)
					if n < l.first.Day() {
						d = models.NewDate(l.first.Year(), l.first.Month()+1, n)
					}
					cols[c] = d
				}
				if len(cols) >= 5 {
					l.dayRow, l.dayCols = r2, cols
					break
				}
			}
			if l.dayRow < 0 {
				l.dayRow = -1
			}
			break
		}
	}
	if !titled || l.dayRow < 0 {
		return zkLayout{dayRow: -1}
	}
	return l
}

func allDigitsText(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func monthOf(s string) time.Month { return time.Month(atoiOr(s)) }

func readZKReport(f *punchFile) ([]models.MachinePunch, []Problem) {
	var out []models.MachinePunch
	var probs []Problem
	for _, t := range f.Tables {
		l := zkReportLayout(t)
		if l.dayRow < 0 {
			continue
		}
		for r := l.dayRow + 1; r < len(t.Rows); r++ {
			no, name := "", ""
			for c, v := range t.Rows[r] {
				switch strings.TrimRight(compact(v), ":：") {
				case "工号":
					no = nextValue(t.Rows[r], c)
				case "姓名":
					name = nextValue(t.Rows[r], c)
				}
			}
			if no == "" {
				continue
			}
			r++ // the taps are on the next row
			for c, day := range l.dayCols {
				clocks, err := clocksInCell(t.cell(r, c))
				if err == nil {
					var taps []time.Time
					taps, err = dayTaps(day, clocks)
					for _, at := range taps {
						out = append(out, models.MachinePunch{MachineNo: no, Name: name, At: at,
							Source: fmt.Sprintf("%s 工作表“%s”第%d行第%d列", f.Base, t.Name, r+1, c+1)})
					}
				}
				if err != nil {
					probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: fmt.Sprintf("%d日", day.Day()), Reason: err.Error()})
				}
			}
		}
	}
	sortTaps(out)
	return out, probs
}

// nextValue is the first non-empty cell after a label.
func nextValue(row []string, c int) string {
	for c++; c < len(row); c++ {
		if v := strings.TrimSpace(row[c]); v != "" {
			if strings.HasSuffix(compact(v), ":") || strings.HasSuffix(compact(v), "：") {
				return ""
			}
			return strings.TrimSuffix(v, ".0")
		}
	}
	return ""
}
