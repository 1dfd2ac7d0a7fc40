package reports

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"govdesk/models"
)

// ColumnLayout says how to read a punch file of a layout GovDesk does not
// know: which row holds the headers, which column is the person, and
// either one date-time column or a date column and one or more time
// columns, with the order of the date's parts.
type ColumnLayout struct {
	Name      string   // saved under this name, when given
	HeaderRow int      // 1-based
	Person    string   // the column of the machine's number for the person
	PersonNm  string   // the column of the person's name, optional
	DateTime  string   // one column holding date and time
	Date      string   // or a date column …
	Times     []string // … and time columns
	Order     string   // YMD, DMY or MDY
	Device    string   // the machine, optional
}

// Spec writes the layout as the --columns text:
// 表头行=1;人员=考勤号码;日期时间=打卡时间;日期顺序=DMY.
func (l ColumnLayout) Spec() string {
	parts := []string{"表头行=" + strconv.Itoa(l.HeaderRow), "人员=" + l.Person}
	if l.PersonNm != "" {
		parts = append(parts, "姓名="+l.PersonNm)
	}
	if l.DateTime != "" {
		parts = append(parts, "日期时间="+l.DateTime)
	} else {
		parts = append(parts, "日期="+l.Date, "时间="+strings.Join(l.Times, ","))
	}
	if l.Order != "" {
		parts = append(parts, "日期顺序="+l.Order)
	}
	if l.Device != "" {
		parts = append(parts, "考勤机="+l.Device)
	}
	if l.Name != "" {
		parts = append(parts, "名称="+l.Name)
	}
	return strings.Join(parts, ";")
}

// ParseColumnLayout reads a --columns text (see Spec).
func ParseColumnLayout(spec string) (ColumnLayout, error) {
	l := ColumnLayout{HeaderRow: 1}
	for _, part := range strings.FieldsFunc(spec, func(r rune) bool { return r == ';' || r == '；' }) {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			k, v, ok = strings.Cut(part, "＝")
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || v == "" {
			return l, fmt.Errorf("列对照“%s”应写成 名称=内容", part)
		}
		switch k {
		case "表头行":
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 50 {
				return l, fmt.Errorf("表头行“%s”应为 1 到 50 的行号", v)
			}
			l.HeaderRow = n
		case "人员", "考勤号码":
			l.Person = v
		case "姓名":
			l.PersonNm = v
		case "日期时间":
			l.DateTime = v
		case "日期":
			l.Date = v
		case "时间":
			for _, t := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
				l.Times = append(l.Times, strings.TrimSpace(t))
			}
		case "日期顺序":
			l.Order = strings.ToUpper(v)
			if l.Order != "YMD" && l.Order != "DMY" && l.Order != "MDY" {
				return l, fmt.Errorf("日期顺序“%s”应为 YMD（年月日）、DMY（日月年）或 MDY（月日年）", v)
			}
		case "考勤机":
			l.Device = v
		case "名称":
			l.Name = v
		default:
			return l, fmt.Errorf("列对照中不认识“%s”：可写 表头行、人员、姓名、日期时间、日期、时间、日期顺序、考勤机、名称", k)
		}
	}
	switch {
	case l.Person == "":
		return l, fmt.Errorf("列对照缺少“人员”：哪一列是考勤号码或工号")
	case l.DateTime == "" && (l.Date == "" || len(l.Times) == 0):
		return l, fmt.Errorf("列对照缺少打卡时间：写“日期时间=列名”，或“日期=列名;时间=列名,列名”")
	}
	return l, nil
}

// resolveColumnLayout takes a --columns value: a spec (saved when it has a
// 名称), or the name of one saved before.
func resolveColumnLayout(st *models.Store, v string) (ColumnLayout, error) {
	if !strings.ContainsAny(v, "=＝") {
		saved, err := st.PunchColumnLayouts()
		if err != nil {
			return ColumnLayout{}, err
		}
		spec, ok := saved[strings.TrimSpace(v)]
		if !ok {
			names := make([]string, 0, len(saved))
			for n := range saved {
				names = append(names, n)
			}
			return ColumnLayout{}, fmt.Errorf("没有名为“%s”的列对照；已保存的有：%s", v, orNone(strings.Join(sortedStrings(names), "、")))
		}
		v = spec
	}
	l, err := ParseColumnLayout(v)
	if err != nil {
		return l, err
	}
	if l.Name != "" {
		if err := st.SavePunchColumnLayout(l.Name, l.Spec()); err != nil {
			return l, err
		}
	}
	return l, nil
}

func orNone(s string) string {
	if s == "" {
		return "（无）"
	}
	return s
}

func sortedStrings(s []string) []string {
	m := make(map[string]bool, len(s))
	for _, x := range s {
		m[x] = true
	}
	return sortedKeys(m)
}

// format makes the layout a PunchFormat.
func (l ColumnLayout) format() PunchFormat {
	device := l.Device
	if device == "" {
		device = "考勤机"
	}
	return PunchFormat{Name: "columns", Label: "列对照“" + orText(l.Name, "临时") + "”", Device: device, Rule: models.ZerosLost,
		detect: func(*punchFile) bool { return true }, read: l.read}
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func (l ColumnLayout) read(f *punchFile) ([]models.MachinePunch, []Problem) {
	if len(f.Tables) == 0 {
		return nil, []Problem{{File: f.Base, Reason: "列对照只能用于表格文件（.csv、.xlsx、.xls）"}}
	}
	t := f.Tables[0]
	for _, x := range f.Tables {
		if len(x.Rows) >= l.HeaderRow {
			t = x
			break
		}
	}
	hr := l.HeaderRow - 1
	col := map[string]int{}
	for c, v := range t.Rows[min(hr, len(t.Rows)-1)] {
		if _, dup := col[compact(v)]; !dup && v != "" {
			col[compact(v)] = c
		}
	}
	var probs []Problem
	find := func(name string) int {
		c, ok := col[compact(name)]
		if !ok {
			probs = append(probs, Problem{File: f.Base, Row: l.HeaderRow, Column: name, Reason: fmt.Sprintf("第%d行没有“%s”列", l.HeaderRow, name)})
			return -1
		}
		return c
	}
	person, name := find(l.Person), -1
	if l.PersonNm != "" {
		name = find(l.PersonNm)
	}
	var stampCols []int
	dateCol := -1
	if l.DateTime != "" {
		stampCols = []int{find(l.DateTime)}
	} else {
		dateCol = find(l.Date)
		for _, tc := range l.Times {
			stampCols = append(stampCols, find(tc))
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	order := orderYMD
	switch l.Order {
	case "DMY":
		order = orderDMY
	case "MDY":
		order = orderMDY
	case "":
		var vals []string
		for r := hr + 1; r < len(t.Rows); r++ {
			if dateCol >= 0 {
				vals = append(vals, t.cell(r, dateCol))
			} else {
				vals = append(vals, t.cell(r, stampCols[0]))
			}
		}
		order = guessDateOrder(vals)
	}
	var out []models.MachinePunch
	for r := hr + 1; r < len(t.Rows); r++ {
		no := strings.TrimSuffix(t.cell(r, person), ".0")
		if no == "" {
			continue
		}
		nm := ""
		if name >= 0 {
			nm = t.cell(r, name)
		}
		add := func(at time.Time, c int) {
			out = append(out, models.MachinePunch{MachineNo: no, Name: nm, At: at, Source: fmt.Sprintf("%s 第%d行第%d列", f.Base, r+1, c+1)})
		}
		if dateCol < 0 {
			at, timed, err := parseStamp(t.cell(r, stampCols[0]), order)
			if err == nil && !timed {
				err = fmt.Errorf("“%s”没有时刻", t.cell(r, stampCols[0]))
			}
			if err != nil {
				probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: l.DateTime, Reason: err.Error()})
				continue
			}
			add(at, stampCols[0])
			continue
		}
		d, _, err := parseStamp(t.cell(r, dateCol), order)
		if err != nil {
			probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: l.Date, Reason: err.Error()})
			continue
		}
		var clocks []string
		for _, c := range stampCols {
			cs, err := clocksInCell(t.cell(r, c))
			if err != nil {
				probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: compact(t.cell(hr, c)), Reason: err.Error()})
			}
			clocks = append(clocks, cs...)
		}
		taps, err := dayTaps(models.DateOf(d), clocks)
		if err != nil {
			probs = append(probs, Problem{File: f.Base, Row: r + 1, Column: l.Date, Reason: err.Error()})
			continue
		}
		for _, at := range taps {
			add(at, dateCol)
		}
	}
	return out, probs
}
