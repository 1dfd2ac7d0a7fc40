package reports

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"govdesk/models"
)

// The cloud and desktop exports: DingTalk (钉钉) 原始记录 / 打卡明细 and
// 每日统计, and Deli (得力) 考勤月报.

var (
	dingID  = []string{"UserId", "userid", "用户ID", "UserID"}
	dingRaw = [][]string{{"考勤日期"}, {"打卡时间"}, {"打卡结果"}}
)

func isDingRaw(f *punchFile) bool {
	_, _, _, ok := findTable(f, dingRaw)
	return ok
}

// dingNumber picks the person's number column: UserId, else 工号.
func dingNumber(t punchTable, hr int, cols map[string]int) (string, bool) {
	optionalColumns(t, hr, cols, [][]string{dingID, {"工号"}, {"姓名"}, {"考勤时间"}})
	if _, ok := cols["UserId"]; ok {
		return "UserId", true
	}
	_, ok := cols["工号"]
	return "工号", ok
}

func readDingRaw(f *punchFile) ([]models.MachinePunch, []Problem) {
	t, hr, cols, _ := findTable(f, dingRaw)
	noCol, ok := dingNumber(t, hr, cols)
	if !ok {
		return nil, []Problem{{File: f.Base, Row: hr + 1, Column: "UserId", Reason: "缺少人员的 UserId 或 工号 列"}}
	}
	var out []models.MachinePunch
	var probs []Problem
	for r := hr + 1; r < len(t.Rows); r++ {
		no, day, clock := t.cell(r, cols[noCol]), t.cell(r, cols["考勤日期"]), t.cell(r, cols["打卡时间"])
		if clock == "" || clock == "-" || clock == "--" {
			continue // 未打卡: the row says the tap is missing
		}
		if no == "" {
			probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: noCol, Reason: "不能为空"})
			continue
		}
		at, timed, err := parseStamp(clock, orderYMD)
		if err != nil || !timed {
			var d time.Time
			d, _, err = parseStamp(day, orderYMD)
			if err == nil {
				var secs int
				var next bool
				secs, next, err = parseClockCell(clock)
				if sched, _, e := parseClockCell(t.cell(r, cols["考勤时间"])); e == nil && err == nil && secs+12*3600 < sched {
					next = true // a 下班 tap after midnight
				}
				if next {
					d = d.AddDate(0, 0, 1)
				}
				at = models.CivilTime(models.DateOf(d), 0, 0, secs)
			}
		}
		if err != nil {
			probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: "打卡时间", Reason: err.Error()})
			continue
		}
		p := models.MachinePunch{MachineNo: no, At: at, Source: source(f.Base, r+1), DeviceResult: t.cell(r, cols["打卡结果"])}
		if c, ok := cols["姓名"]; ok {
			p.Name = t.cell(r, c)
		}
		out = append(out, p)
	}
	return out, probs
}

// dailyHeader finds the 每日统计 header: the row with 上班1打卡时间, whose
// single columns (姓名, 日期 …) may sit in the row above, merged down.
func dailyHeader(t punchTable) (int, map[string]int) {
	for r := 0; r < len(t.Rows) && r < 12; r++ {
		found := false
		for _, v := range t.Rows[r] {
			if compact(v) == "上班1打卡时间" {
				found = true
			}
		}
		if !found {
			continue
		}
		cols := map[string]int{}
		width := len(t.Rows[r])
		if r > 0 && len(t.Rows[r-1]) > width {
			width = len(t.Rows[r-1])
		}
		for c := 0; c < width; c++ {
			v := compact(t.cell(r, c))
			if v == "" && r > 0 {
				v = compact(t.cell(r-1, c))
			}
			if v == "" {
				continue
			}
			for _, id := range dingID {
				if strings.EqualFold(v, id) {
					v = "UserId"
				}
			}
			if _, dup := cols[v]; !dup {
				cols[v] = c
			}
		}
		if _, ok := cols["日期"]; ok {
			return r, cols
		}
	}
	return -1, nil
}

func isDingDaily(f *punchFile) bool {
	for _, t := range f.Tables {
		if r, _ := dailyHeader(t); r >= 0 {
			return true
		}
	}
	return false
}

func readDingDaily(f *punchFile) ([]models.MachinePunch, []Problem) {
	var out []models.MachinePunch
	var probs []Problem
	for _, t := range f.Tables {
		hr, cols := dailyHeader(t)
		if hr < 0 {
			continue
		}
		noCol := "UserId"
		if _, ok := cols[noCol]; !ok {
			noCol = "工号"
		}
		if _, ok := cols[noCol]; !ok {
			probs = append(probs, Problem{File: f.Base, Row: hr + 1, Column: "UserId", Reason: "缺少人员的 UserId 或 工号 列"})
			continue
		}
		type slot struct{ at, result int }
		var slots []slot
		for k := 1; k <= 5; k++ {
			for _, kind := range []string{"上班", "下班"} {
				if c, ok := cols[fmt.Sprintf("%s%d打卡时间", kind, k)]; ok {
					s := slot{at: c, result: -1}
					if rc, ok := cols[fmt.Sprintf("%s%d打卡结果", kind, k)]; ok {
						s.result = rc
					}
					slots = append(slots, s)
				}
			}
		}
		for r := hr + 1; r < len(t.Rows); r++ {
			no, dayText := t.cell(r, cols[noCol]), t.cell(r, cols["日期"])
			if no == "" && dayText == "" {
				continue
			}
			d, _, err := parseStamp(dayText, orderYMD)
			if err != nil {
				probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: "日期", Reason: err.Error()})
				continue
			}
			prev, carry := -1, 0
			for _, s := range slots {
				clock := t.cell(r, s.at)
				if clock == "" || clock == "-" || clock == "--" || strings.Contains(clock, "未打卡") {
					continue
				}
				secs, next, err := parseClockCell(clock)
				if err != nil {
					probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: compact(t.cell(hr, s.at)), Reason: err.Error()})
					continue
				}
				if next || secs < prev {
					carry = 1
				}
				prev = secs
				p := models.MachinePunch{MachineNo: no, At: models.CivilTime(models.DateOf(d).AddDays(carry), 0, 0, secs),
					Source: fmt.Sprintf("%s 第%d行“%s”", f.Base, r+1, compact(t.cell(hr, s.at)))}
				if c, ok := cols["姓名"]; ok {
					p.Name = t.cell(r, c)
				}
				if s.result >= 0 {
					p.DeviceResult = t.cell(r, s.result)
				}
				out = append(out, p)
			}
		}
	}
	return out, probs
}

// Deli 考勤月报: a title 2026年11月, a header with 姓名, 工号 or 帐号 and a
// column a day ("1", "1/日", "1\n一"), then an IN row and an OUT row a person.

var (
	deliMonth = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月`)
	deliDay   = regexp.MustCompile(`^(\d{1,2})(?:$|[^\d:])`)
)

type deliLayout struct {
	header   int
	month    models.Date
	noCol    int
	nameCol  int
	kindCol  int
	dayCols  map[int]int
	noHeader string
}

func deliTable(t punchTable) (deliLayout, bool) {
	l := deliLayout{header: -1, nameCol: -1, noCol: -1, kindCol: -1}
	for r := 0; r < len(t.Rows) && r < 8 && l.month.IsZero(); r++ {
		for _, v := range t.Rows[r] {
			if p := deliMonth.FindStringSubmatch(v); p != nil {
				l.month = models.NewDate(atoiOr(p[1]), time.Month(atoiOr(p[2])), 1)
				break
			}
		}
	}
	if l.month.IsZero() {
		if p := deliMonth.FindStringSubmatch(t.Name); p != nil {
			l.month = models.NewDate(atoiOr(p[1]), time.Month(atoiOr(p[2])), 1)
		}
	}
	if l.month.IsZero() {
		return l, false
	}
	for r := 0; r < len(t.Rows) && r < 10; r++ {
		days := map[int]int{}
		name, no, noHeader := -1, -1, ""
		for c, v := range t.Rows[r] {
			cv := compact(v)
			switch {
			case cv == "姓名":
				name = c
			case cv == "工号" && noHeader != "工号":
				no, noHeader = c, "工号"
			case (cv == "帐号" || cv == "账号") && no < 0:
				no, noHeader = c, cv
			default:
				if p := deliDay.FindStringSubmatch(strings.TrimSpace(v)); p != nil && !strings.Contains(v, "年") {
					if n := atoiOr(p[1]); n >= 1 && n <= 31 {
						days[c] = n
					}
				}
			}
		}
		if name >= 0 && no >= 0 && len(days) >= 5 {
			l.header, l.nameCol, l.noCol, l.dayCols, l.noHeader = r, name, no, days, noHeader
			break
		}
	}
	if l.header < 0 {
		return l, false
	}
	for r := l.header + 1; r < len(t.Rows) && l.kindCol < 0; r++ {
		for c, v := range t.Rows[r] {
			if k := strings.ToUpper(compact(v)); k == "IN" || k == "OUT" {
				l.kindCol = c
				break
			}
		}
	}
	return l, l.kindCol >= 0
}

func isDeliMonth(f *punchFile) bool {
	for _, t := range f.Tables {
		if _, ok := deliTable(t); ok {
			return true
		}
	}
	return false
}

func readDeliMonth(f *punchFile) ([]models.MachinePunch, []Problem) {
	var out []models.MachinePunch
	var probs []Problem
	for _, t := range f.Tables {
		l, ok := deliTable(t)
		if !ok {
			continue
		}
		no, name := "", ""
		firstIn := map[int]int{} // day → seconds of the first IN tap of the person
		for r := l.header + 1; r < len(t.Rows); r++ {
			kind := strings.ToUpper(compact(t.cell(r, l.kindCol)))
			if kind != "IN" && kind != "OUT" {
				continue
			}
			if v := strings.TrimSuffix(t.cell(r, l.noCol), ".0"); v != "" {
				if v != no {
					firstIn = map[int]int{}
				}
				no, name = v, t.cell(r, l.nameCol)
			} else if kind == "IN" {
				no = "" // an IN row without a number
			}
			if no == "" {
				probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: l.noHeader, Reason: "不能为空"})
				continue
			}
			for c, n := range l.dayCols {
				day := models.NewDate(l.month.Year(), l.month.Month(), n)
				if day.Month() != l.month.Month() {
					continue
				}
				clocks, err := clocksInCell(t.cell(r, c))
				if err != nil {
					probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: fmt.Sprintf("%d日", n), Reason: err.Error()})
					continue
				}
				prev := -1
				if kind == "OUT" {
					if s, ok := firstIn[n]; ok {
						prev = s
					}
				}
				carry := 0
				for i, ck := range clocks {
					secs, next, err := parseClockCell(ck)
					if err != nil {
						probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: fmt.Sprintf("%d日", n), Reason: err.Error()})
						break
					}
					if kind == "IN" && i == 0 {
						firstIn[n] = secs
					}
					if next || secs < prev {
						carry = 1 // an OUT tap after midnight
					}
					prev = secs
					out = append(out, models.MachinePunch{MachineNo: no, Name: name, At: models.CivilTime(day.AddDays(carry), 0, 0, secs),
						Source: fmt.Sprintf("%s 第%d行第%d列（%d日 %s）", f.Base, r+1, c+1, n, kind)})
				}
			}
		}
	}
	sortTaps(out)
	return out, probs
}
