package reports

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govdesk/models"
)

func presetFile(name string) string { return filepath.Join("testdata", "punches", name) }

// tapLines writes taps as "number name time" lines, sorted by number then
// time, as the tests compare them.
func tapLines(ps []models.MachinePunch) string {
	lines := make([]string, len(ps))
	sortTaps(ps)
	for i, p := range ps {
		lines[i] = strings.Join(strings.Fields(p.MachineNo+" "+p.Name+" "+models.FormatDateTime(p.At)+" "+p.DeviceResult), " ")
	}
	return strings.Join(lines, "\n")
}

// The taps each preset file gives: the same invented days in each layout;
// files without seconds have no double tap (it fell in the same minute).
const (
	withSeconds = `0012 2026-11-03 08:12
0012 2026-11-03 12:05
0012 2026-11-03 13:28
0012 2026-11-03 17:06
0012 2026-11-04 08:20
0012 2026-11-04 08:20:40
0012 2026-11-04 17:35
305 2026-11-04 08:01
305 2026-11-04 17:45
7 2026-11-03 08:25
7 2026-11-03 17:31
7 2026-11-04 08:29
7 2026-11-05 00:30`
	lostZeros = `12 王晓明 2026-11-03 08:12
12 王晓明 2026-11-03 12:05
12 王晓明 2026-11-03 13:28
12 王晓明 2026-11-03 17:06
12 王晓明 2026-11-04 08:20
12 王晓明 2026-11-04 17:35
305 赵一凡 2026-11-04 08:01
305 赵一凡 2026-11-04 17:45
7 刘芳 2026-11-03 08:25
7 刘芳 2026-11-03 17:31
7 刘芳 2026-11-04 08:29
7 刘芳 2026-11-05 00:30`
)

func TestClerkImportsEachMachinesFileAsItIs(t *testing.T) {
	for _, c := range []struct {
		file, format, want string
	}{
		{"1_attlog.dat", "attlog", withSeconds},
		{"原始记录.csv", "zktime", lostZeros},
		{"Attendance Log.csv", "zktime", strings.Replace(lostZeros, "12 王晓明 2026-11-04 08:20\n", "12 王晓明 2026-11-04 08:20\n12 王晓明 2026-11-04 08:20:40\n", 1)},
		{"考勤记录.csv", "zktime-record", `12 王晓明 2026-11-03 08:12 上班签到
12 王晓明 2026-11-03 12:05 下班签退
12 王晓明 2026-11-03 13:28 上班签到
12 王晓明 2026-11-03 17:06 下班签退
12 王晓明 2026-11-04 08:20 上班签到
12 王晓明 2026-11-04 17:35 下班签退
305 赵一凡 2026-11-04 08:01 上班签到
305 赵一凡 2026-11-04 17:45 下班签退
7 刘芳 2026-11-03 08:25 上班签到
7 刘芳 2026-11-03 17:31 下班签退
7 刘芳 2026-11-04 08:29 上班签到
7 刘芳 2026-11-05 00:30 下班签退`},
		{"钉钉原始记录.xlsx", "dingtalk", `0012 王晓明 2026-11-03 08:12 正常
0012 王晓明 2026-11-03 12:05 正常
0012 王晓明 2026-11-03 13:28 正常
0012 王晓明 2026-11-03 17:06 正常
0012 王晓明 2026-11-04 08:20 正常
0012 王晓明 2026-11-04 17:35 正常
305 赵一凡 2026-11-04 08:01 正常
305 赵一凡 2026-11-04 17:45 正常
7 刘芳 2026-11-03 08:25 正常
7 刘芳 2026-11-03 17:31 正常
7 刘芳 2026-11-04 08:29 正常
7 刘芳 2026-11-05 00:30 正常`},
		{"钉钉每日统计.xlsx", "dingtalk-daily", `0012 王晓明 2026-11-03 08:12 正常
0012 王晓明 2026-11-03 12:05 正常
0012 王晓明 2026-11-03 13:28 正常
0012 王晓明 2026-11-03 17:06 正常
0012 王晓明 2026-11-04 08:20 正常
0012 王晓明 2026-11-04 17:35 正常
305 赵一凡 2026-11-04 08:01 正常
305 赵一凡 2026-11-04 17:45 正常
7 刘芳 2026-11-03 08:25 正常
7 刘芳 2026-11-03 17:31 正常
7 刘芳 2026-11-04 08:29 正常
7 刘芳 2026-11-05 00:30 正常`},
		{"得力考勤月报.xlsx", "deli", lostZeros},
		{"考勤报表.xls", "zk-report", lostZeros},
	} {
		t.Run(c.file, func(t *testing.T) {
			for _, forced := range []string{"", c.format} {
				rd, err := ReadPunchFile(presetFile(c.file), forced, "", nil)
				if err != nil {
					t.Fatalf("--format %q: %v", forced, err)
				}
				if rd.Format.Name != c.format {
					t.Errorf("recognised as %s, want %s", rd.Format.Name, c.format)
				}
				if got := tapLines(rd.Punches); got != c.want {
					t.Errorf("--format %q gives\n%s\nwant\n%s", forced, got, c.want)
				}
				for _, p := range rd.Punches {
					if !strings.HasPrefix(p.Source, c.file+" ") || !strings.Contains(p.Source, "第") {
						t.Fatalf("source %q does not name the file and row", p.Source)
					}
				}
			}
		})
	}
}

func TestForcingTheWrongFormatIsRefused(t *testing.T) {
	_, err := ReadPunchFile(presetFile("1_attlog.dat"), "deli", "", nil)
	if err == nil || !strings.Contains(err.Error(), "不是得力考勤月报的格式") {
		t.Errorf("err = %v", err)
	}
	_, err = ReadPunchFile(presetFile("1_attlog.dat"), "hikvision", "", nil)
	if err == nil || !strings.Contains(err.Error(), "不认识的考勤文件格式") {
		t.Errorf("err = %v", err)
	}
}

// seedPresetPeople adds the three people of the preset files to a store
// with a window: 工号 T001, T002, T003.
func seedPresetPeople(t *testing.T) *models.Store {
	t.Helper()
	st := openStore(t)
	u := models.HomeUnit{Name: "市行政审批局"}
	must(t, st.SaveHomeUnit(&u))
	w := models.ServiceWindow{Code: "A01", Name: "综合窗口", HomeUnitID: u.ID, Active: true}
	must(t, st.SaveServiceWindow(&w))
	for _, p := range []struct{ no, name string }{{"T001", "王晓明"}, {"T002", "刘芳"}, {"T003", "赵一凡"}} {
		s := models.Staff{EmployeeNo: p.no, Name: p.name, WindowID: w.ID, HomeUnitID: u.ID, Post: models.PostStaff, JoinedOn: models.NewDate(2024, 1, 2)}
		must(t, st.SaveStaff(&s))
	}
	return st
}

func TestEachPresetImportsThroughTheMapIntoTheSamePunches(t *testing.T) {
	for _, w := range layoutWriters {
		t.Run(w.file, func(t *testing.T) {
			st := seedPresetPeople(t)
			res, err := ImportPunchFile(context.Background(), st, presetFile(w.file), PunchFileOptions{MapFile: presetFile("考勤号码对照.csv")}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Stats.Created != 12 || res.People != 3 || res.Days != 6 {
				t.Errorf("result %+v", res.MachineImportResult)
			}
			ps, _ := st.Punches(models.PunchFilter{})
			var got []string
			for _, p := range ps {
				got = append(got, p.Staff.EmployeeNo+" "+models.FormatDateTime(p.At))
				if !strings.HasPrefix(p.Source, w.file) {
					t.Errorf("source %q", p.Source)
				}
			}
			want := "T002 2026-11-03 08:25,T001 2026-11-03 08:12"
			if len(got) != 12 || !strings.Contains(strings.Join(got, ","), "T002 2026-11-05 00:30") || !strings.Contains(strings.Join(got, ","), "T001 2026-11-03 08:12") {
				t.Errorf("punches %v, want among them %s and T002 2026-11-05 00:30", got, want)
			}
			// The map was saved: the same file again needs no --map and adds nothing.
			res, err = ImportPunchFile(context.Background(), st, presetFile(w.file), PunchFileOptions{}, nil)
			if err != nil || res.Stats.Created != 0 {
				t.Errorf("again: %+v, %v", res.Stats, err)
			}
		})
	}
}

func TestAnUnknownMachineNumberIsRefusedWithTheList(t *testing.T) {
	st := seedPresetPeople(t)
	_, err := ImportPunchFile(context.Background(), st, presetFile("原始记录.csv"), PunchFileOptions{}, nil)
	var ue *models.UnknownMachineNosError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v", err)
	}
	var nos []string
	for _, u := range ue.Unknown {
		nos = append(nos, u.MachineNo+" "+u.Name)
		if len(u.Proposals) != 1 || u.Proposals[0].Name != u.Name {
			t.Errorf("%s: proposals %+v", u.MachineNo, u.Proposals)
		}
	}
	if strings.Join(nos, ",") != "7 刘芳,12 王晓明,305 赵一凡" {
		t.Errorf("unknown %v", nos)
	}
	if ps, _ := st.Punches(models.PunchFilter{}); len(ps) != 0 {
		t.Errorf("%d punches written", len(ps))
	}
}

func TestDateOrderOfAFileIsTakenFromItsDates(t *testing.T) {
	for _, c := range []struct {
		name   string
		values []string
		stamp  string
		want   string
	}{
		{"Y/M/D needs no guess", []string{"2026/11/3 8:52"}, "2026/11/3 8:52", "2026-11-03 08:52"},
		{"a day over 12 first: D/M/Y", []string{"03/11/2026 08:52:10", "14/11/2026 09:00:00"}, "03/11/2026 08:52:10", "2026-11-03 08:52:10"},
		{"a second number over 12: M/D/Y", []string{"11/03/2026 08:52", "11/14/2026 09:00"}, "11/03/2026 08:52", "2026-11-03 08:52"},
		{"no day over 12: D/M/Y as ZKTime's English locale writes", []string{"03/11/2026 08:52"}, "03/11/2026 08:52", "2026-11-03 08:52"},
		{"DingTalk's two-digit year with the weekday", nil, "26-11-03 星期二", "2026-11-03"},
	} {
		t.Run(c.name, func(t *testing.T) {
			at, _, err := parseStamp(c.stamp, guessDateOrder(c.values))
			if err != nil {
				t.Fatal(err)
			}
			if got := models.FormatDateTime(at); !strings.HasPrefix(got, c.want) {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

func TestTapsRunTogetherInADayCellAreSplit(t *testing.T) {
	for _, c := range []struct{ cell, want string }{
		{"08:1212:0513:2817:06", "08:12,12:05,13:28,17:06"},
		{"08:12\n12:05", "08:12,12:05"},
		{"-", ""},
		{"漏刷", ""},
		{"8:05 17:30", "8:05,17:30"},
		{"0.3506944444444444", "08:25:00"}, // an Excel time cell
	} {
		got, err := clocksInCell(c.cell)
		if err != nil || strings.Join(got, ",") != c.want {
			t.Errorf("%q: %v %v, want %s", c.cell, got, err, c.want)
		}
	}
	if _, err := clocksInCell("八点"); err == nil {
		t.Error("a cell that is no time is accepted")
	}
}

func TestAnXLSWhoseFirstSheetsAreEmptyIsRead(t *testing.T) {
	tables, err := readXLS(presetFile("考勤报表.xls"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 3 || len(tables[0].Rows) > 1 || tables[2].Name != "考勤记录" || tables[2].cell(0, 0) != "考 勤 记 录 表" {
		t.Fatalf("tables %d, names %v", len(tables), tables)
	}
	// A file that is not a workbook is an error in Chinese, not a crash.
	bad := filepath.Join(t.TempDir(), "坏文件.xls")
	must(t, os.WriteFile(bad, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), 0o644))
	if _, err := readXLS(bad); err == nil || !strings.Contains(err.Error(), "坏文件.xls") {
		t.Errorf("err = %v", err)
	}
}

func TestClerkMapsTheColumnsOfAnUnknownLayoutAndReusesThem(t *testing.T) {
	st := seedPresetPeople(t)
	spec := "表头行=2;人员=人员编号;姓名=人员姓名;日期=刷卡日期;时间=上午,下午;名称=门禁"
	res, err := ImportPunchFile(context.Background(), st, presetFile("门禁导出.csv"), PunchFileOptions{Columns: spec, MapFile: presetFile("考勤号码对照.csv"), DryRun: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Created != 8 || res.People != 3 {
		t.Errorf("preview %+v", res.MachineImportResult)
	}
	// Next month the saved name is enough.
	res, err = ImportPunchFile(context.Background(), st, presetFile("门禁导出.csv"), PunchFileOptions{Columns: "门禁", MapFile: presetFile("考勤号码对照.csv")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := st.Punches(models.PunchFilter{})
	var got []string
	for _, p := range ps {
		got = append(got, p.Staff.EmployeeNo+" "+models.FormatDateTime(p.At))
	}
	want := "T001 2026-11-03 08:12,T002 2026-11-03 08:25,T001 2026-11-03 12:05,T001 2026-11-03 13:28,T001 2026-11-03 17:06,T002 2026-11-03 17:31,T003 2026-11-14 08:01,T003 2026-11-14 17:45"
	if strings.Join(got, ",") != want {
		t.Errorf("punches\n%s\nwant\n%s", strings.Join(got, ","), want)
	}
	for _, bad := range []struct{ spec, want string }{
		{"表头行=2;日期时间=刷卡日期", "缺少“人员”"},
		{"表头行=2;人员=人员编号", "缺少打卡时间"},
		{"表头行=2;人员=工牌;日期时间=刷卡日期", "没有“工牌”列"},
		{"不存在的对照", "没有名为“不存在的对照”的列对照"},
	} {
		_, err := ImportPunchFile(context.Background(), st, presetFile("门禁导出.csv"), PunchFileOptions{Columns: bad.spec}, nil)
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: err = %v, want %q", bad.spec, err, bad.want)
		}
	}
}

func TestClerkPreviewsGovDesksOwnPunchFileBeforeImporting(t *testing.T) {
	st := rosterForCases(t)
	path := writeFile(t, "考勤机导出.csv", gb18030(t, punchesCSV))
	res, err := ImportPunchFile(context.Background(), st, path, PunchFileOptions{DryRun: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OwnLayout || res.Stats.Created != 4 || res.People != 3 || res.Days != 3 ||
		res.PerDevice["一楼大厅考勤机"] != 2 || res.PerDevice["二楼大厅考勤机"] != 2 {
		t.Fatalf("preview %+v", res.MachineImportResult)
	}
	if ps, _ := st.Punches(models.PunchFilter{}); len(ps) != 0 {
		t.Fatalf("the preview wrote %d punches", len(ps))
	}
	lines := strings.Join(res.Lines(true), "\n")
	if !strings.Contains(lines, "本程序的打卡文件") || !strings.Contains(lines, "将导入 3 人、3 个人天的打卡 4 条") {
		t.Errorf("lines:\n%s", lines)
	}
	res, err = ImportPunchFile(context.Background(), st, path, PunchFileOptions{}, nil)
	if err != nil || res.Stats.Created != 4 {
		t.Fatalf("import: %+v %v", res.Stats, err)
	}
	ps, _ := st.Punches(models.PunchFilter{})
	if len(ps) != 4 || ps[0].Source != "考勤机导出.csv 第2行" {
		t.Errorf("punches %d, source %q", len(ps), ps[0].Source)
	}
	// Again: the preview says it is all there already.
	res, _ = ImportPunchFile(context.Background(), st, path, PunchFileOptions{DryRun: true}, nil)
	if res.Stats.Created != 0 || res.Stats.Unchanged != 5 {
		t.Errorf("second preview %+v", res.Stats)
	}
}

// A workbook the .xls reader cannot follow (here a sheet said to start past
// the end of the file, which makes it panic) is an error naming the file.
func TestABrokenXLSIsAnErrorNotACrash(t *testing.T) {
	sheet := xlsSheet{Name: "考勤记录"}
	sheet.set(0, 0, "考 勤 记 录 表")
	book := biff8Workbook([]xlsSheet{sheet})
	i := bytes.Index(book, []byte{0x85, 0x00})
	if i < 0 {
		t.Fatal("no BOUNDSHEET record")
	}
	binary.LittleEndian.PutUint32(book[i+4:], 0x00FFFFFF)
	path := filepath.Join(t.TempDir(), "考勤报表.xls")
	must(t, os.WriteFile(path, compoundFile(book), 0o644))
	_, err := ReadPunchFile(path, "", "", nil)
	var ie *ImportError
	if !errors.As(err, &ie) || !strings.Contains(ie.Problems[0].Reason, "无法读取旧版 Excel 文件 考勤报表.xls") {
		t.Fatalf("err = %v", err)
	}
}

// A month's report of a big centre has thousands of different day cells:
// written as Excel does, all in the shared string table over many CONTINUE
// records, it reads the same as with each text in its cell.
func TestABigXLSReportReadsWholly(t *testing.T) {
	var taps []machineTap
	for p := 1; p <= 80; p++ {
		for d := 1; d <= 30; d++ {
			for _, hm := range []string{"08:%02d", "12:%02d", "13:%02d", "17:%02d"} {
				at := civil(fmt.Sprintf("2026-11-%02d "+hm, d, (p*7+d)%60))
				taps = append(taps, machineTap{No: fmt.Sprintf("%d", p), Name: fmt.Sprintf("测试人员%02d", p), Dept: "综合窗口", At: at})
			}
		}
	}
	month := models.NewDate(2026, 11, 1)
	read := func(shared bool) string {
		xlsAllShared = shared
		defer func() { xlsAllShared = false }()
		path := filepath.Join(t.TempDir(), "考勤报表.xls")
		must(t, writeZKReportFile(path, taps, month))
		rd, err := ReadPunchFile(path, "zk-report", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Punches) != len(taps) {
			t.Errorf("shared strings %v: %d taps of %d", shared, len(rd.Punches), len(taps))
		}
		return tapLines(rd.Punches)
	}
	if a, b := read(false), read(true); a != b {
		t.Errorf("the shared strings read differently")
	}
}
