package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"govdesk/models"
)

// machineTap is a tap as a machine holds it, for writing test files in
// each machine's layout.
type machineTap struct {
	No, Name, Dept string
	At             time.Time
}

// layoutWriters write taps in each of the seven layouts, as the machines
// and apps do; the month is the one the monthly layouts cover.
var layoutWriters = []struct {
	format string
	file   string
	write  func(path string, taps []machineTap, month models.Date) error
}{
	{"attlog", "1_attlog.dat", writeAttlogFile},
	{"zktime", "原始记录.csv", func(p string, t []machineTap, _ models.Date) error { return writeZKTimeRawFile(p, t, false) }},
	{"zktime", "Attendance Log.csv", func(p string, t []machineTap, _ models.Date) error { return writeZKTimeRawFile(p, t, true) }},
	{"zktime-record", "考勤记录.csv", writeZKTimeRecordFile},
	{"dingtalk", "钉钉原始记录.xlsx", writeDingRawFile},
	{"dingtalk-daily", "钉钉每日统计.xlsx", writeDingDailyFile},
	{"deli", "得力考勤月报.xlsx", writeDeliFile},
	{"zk-report", "考勤报表.xls", writeZKReportFile},
}

func byPersonDay(taps []machineTap) (people []machineTap, days map[string]map[models.Date][]time.Time) {
	days = map[string]map[models.Date][]time.Time{}
	for _, t := range taps {
		if days[t.No] == nil {
			days[t.No] = map[models.Date][]time.Time{}
			people = append(people, t)
		}
		d := models.DateOf(t.At)
		if t.At.Hour() < 4 { // a tap after midnight closes the day before
			d = d.AddDays(-1)
		}
		days[t.No][d] = append(days[t.No][d], t.At)
	}
	sort.SliceStable(people, func(i, j int) bool { return people[i].No < people[j].No })
	return people, days
}

func gbk(s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func writeAttlogFile(path string, taps []machineTap, _ models.Date) error {
	var b strings.Builder
	for _, t := range taps {
		fmt.Fprintf(&b, "%9s\t%s\t1\t0\t1\t0\r\n", t.No, t.At.Format("2006-01-02 15:04:05"))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func writeZKTimeRawFile(path string, taps []machineTap, english bool) error {
	var b strings.Builder
	if english {
		b.WriteString("Department,Name,No.,Date/Time,Location ID,ID Number,VerifyCode,CardNo\r\n")
	} else {
		b.WriteString("部门,姓名,考勤号码,日期时间,机器号,编号,比对方式,卡号\r\n")
	}
	for i, t := range taps {
		stamp := zkStamp(t.At)
		if english {
			stamp = t.At.Format("02/01/2006 15:04:05")
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,1,%d,FP,\r\n", t.Dept, t.Name, strings.TrimLeft(t.No, "0"), stamp, i+1)
	}
	return os.WriteFile(path, gbk(b.String()), 0o644)
}

func writeZKTimeRecordFile(path string, taps []machineTap, _ models.Date) error {
	var b strings.Builder
	b.WriteString("部门,姓名,考勤号码,出勤时间,出勤状态,更正状态,异常情况,操作\r\n")
	_, days := byPersonDay(taps)
	for _, t := range taps {
		d := models.DateOf(t.At)
		if t.At.Hour() < 4 {
			d = d.AddDays(-1)
		}
		state := "上班签到"
		for i, at := range days[t.No][d] {
			if at.Equal(t.At) && i%2 == 1 {
				state = "下班签退"
			}
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,,,\r\n", t.Dept, t.Name, strings.TrimLeft(t.No, "0"), zkStamp(t.At), state)
	}
	return os.WriteFile(path, gbk(b.String()), 0o644)
}

// zkStamp writes a time as ZKTime does in a Chinese locale: 2026/11/3 8:52.
func zkStamp(t time.Time) string {
	return fmt.Sprintf("%d/%d/%d %d:%02d", t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute())
}

var weekdays = []string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

func writeDingRawFile(path string, taps []machineTap, month models.Date) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "原始记录"
	f.SetSheetName("Sheet1", sh)
	first, last := models.MonthSpan(month)
	f.SetSheetRow(sh, "A1", &[]any{fmt.Sprintf("原始记录  统计日期：%s 至 %s", first, last)})
	f.SetSheetRow(sh, "A2", &[]any{"姓名", "考勤组", "部门", "工号", "职位", "UserId", "考勤日期", "考勤时间", "打卡时间", "打卡结果", "打卡地址", "打卡备注", "打卡设备"})
	_, days := byPersonDay(taps)
	r := 3
	for _, t := range taps {
		d := models.DateOf(t.At)
		clock := t.At.Format("15:04")
		if t.At.Hour() < 4 {
			d = d.AddDays(-1)
			clock = "次日 " + clock
		}
		sched, result := "08:30", "正常"
		for i, at := range days[t.No][d] {
			if at.Equal(t.At) && i%2 == 1 {
				sched = "17:30"
			}
		}
		if sched == "08:30" && t.At.Format("15:04") > "08:30" && t.At.Hour() < 12 {
			result = "迟到"
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		f.SetSheetRow(sh, cell, &[]any{t.Name, "政务大厅", t.Dept, "", "", t.No,
			fmt.Sprintf("%s %s", d.Time().Format("2006/01/02"), weekdays[d.Time().Weekday()]), sched, clock, result,
			"乌兰察布市政务服务中心", "", "M1 考勤机"})
		r++
	}
	if err := f.SaveAs(path); err != nil {
		return err
	}
	return os.Chmod(path, 0o644)
}

func writeDingDailyFile(path string, taps []machineTap, month models.Date) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "每日统计"
	f.SetSheetName("Sheet1", sh)
	first, last := models.MonthSpan(month)
	f.SetSheetRow(sh, "A1", &[]any{fmt.Sprintf("每日统计  统计日期：%s 至 %s", first, last)})
	f.SetSheetRow(sh, "A2", &[]any{"姓名", "考勤组", "部门", "工号", "职位", "UserId", "日期", "班次", "打卡时间与结果"})
	f.SetSheetRow(sh, "I3", &[]any{"上班1打卡时间", "上班1打卡结果", "下班1打卡时间", "下班1打卡结果", "上班2打卡时间", "上班2打卡结果", "下班2打卡时间", "下班2打卡结果"})
	for c := 1; c <= 8; c++ {
		a, _ := excelize.CoordinatesToCellName(c, 2)
		b, _ := excelize.CoordinatesToCellName(c, 3)
		f.MergeCell(sh, a, b)
	}
	f.MergeCell(sh, "I2", "P2")
	people, days := byPersonDay(taps)
	r := 4
	for _, p := range people {
		var ds []models.Date
		for d := range days[p.No] {
			ds = append(ds, d)
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
		for _, d := range ds {
			row := []any{p.Name, "政务大厅", p.Dept, "", "", p.No, fmt.Sprintf("%s %s", d.Time().Format("06-01-02"), weekdays[d.Time().Weekday()]), "正常班"}
			for i, at := range days[p.No][d] {
				clock := at.Format("15:04")
				if models.DateOf(at) != d {
					clock = "次日 " + clock
				}
				if i < 4 {
					row = append(row, clock, "正常")
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			f.SetSheetRow(sh, cell, &row)
			r++
		}
	}
	if err := f.SaveAs(path); err != nil {
		return err
	}
	return os.Chmod(path, 0o644)
}

func writeDeliFile(path string, taps []machineTap, month models.Date) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "考勤月报"
	f.SetSheetName("Sheet1", sh)
	first, last := models.MonthSpan(month)
	f.SetSheetRow(sh, "A1", &[]any{first.Time().Format("2006年1月")})
	head := []any{"姓名", "工号", "部门", ""}
	for d := first; !d.After(last); d = d.AddDays(1) {
		head = append(head, fmt.Sprintf("%d\n%s", d.Day(), strings.TrimPrefix(weekdays[d.Time().Weekday()], "星期")))
	}
	f.SetSheetRow(sh, "A2", &head)
	people, days := byPersonDay(taps)
	r := 3
	for _, p := range people {
		in := []any{p.Name, atoiOr(p.No), p.Dept, "IN"}
		out := []any{"", "", "", "OUT"}
		for d := first; !d.After(last); d = d.AddDays(1) {
			var ins, outs []string
			for i, at := range days[p.No][d] {
				if i%2 == 0 {
					ins = append(ins, at.Format("15:04"))
				} else {
					outs = append(outs, at.Format("15:04"))
				}
			}
			switch {
			case len(ins) == 0 && len(outs) == 0:
				in, out = append(in, "-"), append(out, "-")
			default:
				cellIn, cellOut := strings.Join(ins, "\n"), strings.Join(outs, "\n")
				if cellIn == "" {
					cellIn = "漏刷"
				}
				if cellOut == "" {
					cellOut = "漏刷"
				}
				in, out = append(in, cellIn), append(out, cellOut)
			}
		}
		a, _ := excelize.CoordinatesToCellName(1, r)
		b, _ := excelize.CoordinatesToCellName(1, r+1)
		f.SetSheetRow(sh, a, &in)
		f.SetSheetRow(sh, b, &out)
		r += 2
	}
	if err := f.SaveAs(path); err != nil {
		return err
	}
	return os.Chmod(path, 0o644)
}

func writeZKReportFile(path string, taps []machineTap, month models.Date) error {
	first, last := models.MonthSpan(month)
	rep := xlsSheet{Name: "考勤记录"}
	rep.set(0, 0, "考 勤 记 录 表")
	rep.set(2, 0, "考勤时间")
	rep.set(2, 2, fmt.Sprintf("%s ~ %s", first, last))
	rep.set(2, 18, "制表时间")
	rep.set(2, 20, last.AddDays(1).String())
	for d := first; !d.After(last); d = d.AddDays(1) {
		rep.set(3, d.Day()-1, float64(d.Day()))
	}
	people, days := byPersonDay(taps)
	r := 4
	for _, p := range people {
		rep.set(r, 0, "工 号:")
		rep.set(r, 2, float64(atoiOr(p.No))) // a number cell: the zeros are lost
		rep.set(r, 10, "姓 名:")
		rep.set(r, 12, p.Name)
		rep.set(r, 20, "部 门:")
		rep.set(r, 22, p.Dept)
		for d, ats := range days[p.No] {
			var b strings.Builder
			for _, at := range ats {
				b.WriteString(at.Format("15:04"))
			}
			rep.set(r+1, d.Day()-1, b.String())
		}
		r += 2
	}
	return writeXLS(path, []xlsSheet{{Name: "排班表"}, {Name: "统计表"}, rep})
}

// presetTaps are the invented taps every preset test file holds: 王晓明
// (PIN 0012) with a double tap, 刘芳 (PIN 7) leaving after midnight, 赵一凡
// (PIN 305) on one day.
var presetTaps = []machineTap{
	{"0012", "王晓明", "综合窗口", civil("2026-11-03 08:12:00")},
	{"0012", "王晓明", "综合窗口", civil("2026-11-03 12:05:00")},
	{"0012", "王晓明", "综合窗口", civil("2026-11-03 13:28:00")},
	{"0012", "王晓明", "综合窗口", civil("2026-11-03 17:06:00")},
	{"0012", "王晓明", "综合窗口", civil("2026-11-04 08:20:00")},
	{"0012", "王晓明", "综合窗口", civil("2026-11-04 08:20:40")}, // a double tap
	{"0012", "王晓明", "综合窗口", civil("2026-11-04 17:35:00")},
	{"7", "刘芳", "税务窗口", civil("2026-11-03 08:25:00")},
	{"7", "刘芳", "税务窗口", civil("2026-11-03 17:31:00")},
	{"7", "刘芳", "税务窗口", civil("2026-11-04 08:29:00")},
	{"7", "刘芳", "税务窗口", civil("2026-11-05 00:30:00")}, // after midnight
	{"305", "赵一凡", "不动产窗口", civil("2026-11-04 08:01:00")},
	{"305", "赵一凡", "不动产窗口", civil("2026-11-04 17:45:00")},
}

func civil(s string) time.Time {
	t, err := models.ParseDateTime(s)
	if err != nil {
		panic(err)
	}
	return t
}

// minuteTaps are the taps as layouts without seconds give them: to the
// minute, the double tap gone (it fell on the same minute).
func minuteTaps(taps []machineTap) []machineTap {
	var out []machineTap
	seen := map[string]bool{}
	for _, t := range taps {
		t.At = t.At.Truncate(time.Minute)
		k := t.No + t.At.String()
		if !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

// TestWritePunchTestdata writes the preset files under testdata/punches
// when run with GOVDESK_WRITE_TESTDATA=1; the committed files are what the
// preset tests read.
func TestWritePunchTestdata(t *testing.T) {
	if os.Getenv("GOVDESK_WRITE_TESTDATA") == "" {
		t.Skip("set GOVDESK_WRITE_TESTDATA=1 to write testdata/punches")
	}
	dir := filepath.Join("testdata", "punches")
	must(t, os.MkdirAll(dir, 0o755))
	month := models.NewDate(2026, 11, 1)
	for _, w := range layoutWriters {
		taps := presetTaps
		if w.format != "attlog" && w.file != "Attendance Log.csv" {
			taps = minuteTaps(taps)
		}
		must(t, w.write(filepath.Join(dir, w.file), taps, month))
	}
	must(t, os.WriteFile(filepath.Join(dir, "考勤号码对照.csv"), gbk("考勤号码,工号\r\n0012,T001\r\n7,T002\r\n305,T003\r\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "门禁导出.csv"), gbk("导出时间：2026-12-01\r\n人员编号,人员姓名,刷卡日期,上午,下午\r\n12,王晓明,03/11/2026,08:12 12:05,13:28 17:06\r\n7,刘芳,03/11/2026,08:25,17:31\r\n305,赵一凡,14/11/2026,08:01,17:45\r\n"), 0o644))
}
