package reports

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govdesk/models"
)

// A machine export as Excel on Chinese Windows saves it: GB18030, full-width
// digits typed by hand, the same punch twice, no in/out flag.
const punchesCSV = "工号,姓名,打卡时间,设备\r\n" +
	"ZW001,王堃,2026-11-03 08:21:07,一楼大厅考勤机\r\n" +
	"ZW001,王堃,2026-11-03 08:21:07,一楼大厅考勤机\r\n" + // repeated in the file
	"ZW001,,2026/11/3 12:04,一楼大厅考勤机\r\n" +
	"ZW002,周𠮷,2026年11月3日 13:12:40,二楼大厅考勤机\r\n" +
	"ＺＷ００３,李喆,2026-11-03 17:05,二楼大厅考勤机\r\n"

func TestImportPunchesGB18030SkipsDuplicates(t *testing.T) {
	st := rosterForCases(t)
	path := writeFile(t, "考勤机导出.csv", gb18030(t, punchesCSV))
	stats := mustImport(t, st, "punches", path)
	if stats.Created != 4 || stats.Unchanged != 1 {
		t.Fatalf("first import: %+v", stats)
	}
	before, _ := st.AuditLog(models.AuditFilter{})
	stats = mustImport(t, st, "punches", path)
	after, _ := st.AuditLog(models.AuditFilter{})
	if stats.Created != 0 || stats.Unchanged != 5 || len(after) != len(before) {
		t.Fatalf("second import: %+v, audit %d → %d", stats, len(before), len(after))
	}
	list, _ := st.Punches(models.PunchFilter{})
	var got []string
	for _, p := range list {
		got = append(got, p.Staff.Name+" "+models.FormatDateTime(p.At))
	}
	want := "王堃 2026-11-03 08:21:07|王堃 2026-11-03 12:04|周𠮷 2026-11-03 13:12:40|李喆 2026-11-03 17:05"
	if strings.Join(got, "|") != want {
		t.Fatalf("stored %v", got)
	}
}

func TestImportPunchesWithBadRowsChangesNothingAndNamesEveryRow(t *testing.T) {
	st := rosterForCases(t)
	bad := "工号,姓名,打卡时间,设备\n" +
		"ZW001,王堃,2026-11-03 08:21,一楼大厅考勤机\n" + // good
		"ZW999,张三,2026-11-03 08:22,一楼大厅考勤机\n" + // unknown 工号
		"ZW002,李喆,2026-11-03 08:23,一楼大厅考勤机\n" + // 姓名 disagrees with the roster
		"ZW003,李喆,2026-11-03 25:00,一楼大厅考勤机\n" + // no such time
		",,2026-11-03 08:24,一楼大厅考勤机\n" // no 工号
	_, err := Import(st, "punches", writeFile(t, "打卡.csv", gb18030(t, bad)), nil)
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("want ImportError, got %v", err)
	}
	var got []string
	for _, p := range ie.Problems {
		got = append(got, p.String())
	}
	want := []string{
		"打卡.csv 第3行 “工号”列：工号 ZW999 不在人员名册中：请先在“人员”中添加或导入此人",
		"打卡.csv 第4行 “姓名”列：工号 ZW002 在名册中是“周𠮷”，不是“李喆”：请核对工号或姓名",
		"打卡.csv 第5行 “打卡时间”列：时间“2026-11-03 25:00”不存在，时刻应在 00:00 到 23:59 之间",
		"打卡.csv 第6行 “工号”列：不能为空",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if list, _ := st.Punches(models.PunchFilter{}); len(list) != 0 {
		t.Fatalf("a refused file imported %d punches", len(list))
	}
}

func TestImportLeavesAndInspections(t *testing.T) {
	st := rosterForCases(t)
	leaves := "工号,类型,开始,结束,事由,状态,审批人,顶岗人员工号\n" +
		"ZW001,病假,2026-11-09 上午,2026-11-10 下午,急性肠胃炎,已批准,综合业务科 郝建华,ZW002\n" +
		"ZW002,公休假,2026/11/16 下午,2026/11/16 下午,,待审批,,\n"
	if stats := mustImport(t, st, "leaves", writeFile(t, "请假.csv", gb18030(t, leaves))); stats.Created != 2 {
		t.Fatalf("leaves: %+v", stats)
	}
	if stats := mustImport(t, st, "leaves", writeFile(t, "请假.csv", []byte(leaves))); stats.Unchanged != 2 {
		t.Fatalf("leaves again: %+v", stats)
	}
	list, _ := st.Leaves(models.LeaveFilter{})
	if len(list) != 2 || list[1].Type != "病假" || list[1].StandIn == nil || list[1].StandIn.Name != "周𠮷" || list[0].Type != "年休假" {
		t.Fatalf("leaves stored as %+v", list)
	}
	bad := "工号,类型,开始,结束,状态\n" +
		"ZW001,事假,2026-11-10 上午,2026-11-10 上午,已批准\n" + // overlaps the 病假; no 审批人
		"ZW003,休假,2026-11-12,2026-11-11,已批准\n" // type, order, no 审批人
	_, err := Import(st, "leaves", writeFile(t, "请假2.csv", []byte(bad)), nil)
	var ie *ImportError
	if !errors.As(err, &ie) || len(ie.Problems) != 4 {
		t.Fatalf("bad leaves: %v", err)
	}
	insp := "工号,离岗时间,返岗时间,检查人,说明\n" +
		"ZW001,2026-11-12 10:02,2026-11-12 12:30,综合业务科 郝建华,巡查时不在岗\n"
	if stats := mustImport(t, st, "inspections", writeFile(t, "查岗.csv", gb18030(t, insp))); stats.Created != 1 {
		t.Fatalf("inspections: %+v", stats)
	}
	if stats := mustImport(t, st, "inspections", writeFile(t, "查岗.csv", []byte(insp))); stats.Unchanged != 1 {
		t.Fatalf("inspections again: %+v", stats)
	}
	_, err = Import(st, "inspections", writeFile(t, "查岗2.csv", []byte("工号,离岗时间,返岗时间,检查人\nZW001,2026-11-12 10:02,2026-11-12 09:30,\n")), nil)
	if err == nil || !strings.Contains(err.Error(), "返岗时间应晚于离岗时间") || !strings.Contains(err.Error(), "“检查人”列：不能为空") {
		t.Fatalf("bad inspection: %v", err)
	}
}

// A small October 2026 (冬令时: in by 08:30, out from 12:00, in by 13:30, out
// from 17:00), computed by hand.
func TestExportAttendanceSmallMonth(t *testing.T) {
	st := openStore(t)
	mustImport(t, st, "windows", writeFile(t, "w.csv", []byte(windowsCSV)))
	staff := "工号,姓名,派驻单位,窗口编号,岗位,入驻日期,离岗日期,状态\n" +
		"ZW001,王堃,市市场监督管理局,A01,首席代表,2026-10-26,,在岗\n" +
		"ZW002,周𠮷,市市场监督管理局,A02,窗口工作人员,2026-10-29,,在岗\n" +
		"ZW003,李喆,市人力资源和社会保障局,B01,窗口工作人员,2023-09-01,2026-10-09,调离\n"
	mustImport(t, st, "staff", writeFile(t, "s.csv", []byte(staff)))

	var b strings.Builder
	b.WriteString("工号,姓名,打卡时间\n")
	day := func(no, date string, times ...string) {
		for _, tm := range times {
			if tm != "" {
				fmt.Fprintf(&b, "%s,,%s %s\n", no, date, tm)
			}
		}
	}
	day("ZW001", "2026-10-26", "08:41", "12:03", "13:10", "17:05") // late 11
	day("ZW001", "2026-10-27", "08:20", "12:03", "13:10", "16:50") // early 10
	day("ZW001", "2026-10-28", "08:35", "12:03", "13:10", "17:05") // late 5
	day("ZW001", "2026-10-29", "08:20", "12:03", "13:32", "17:05") // late 2
	day("ZW001", "2026-10-30", "08:20", "12:03", "13:10", "")      // 缺卡 1
	day("ZW002", "2026-10-29", "08:20", "12:03")                   // afternoon on leave
	day("ZW002", "2026-10-30", "", "", "13:10", "17:05")           // no morning: 旷工
	day("ZW003", "2026-10-08", "08:20", "12:03", "13:10", "17:05")
	day("ZW003", "2026-10-09", "08:20", "08:20:30", "12:03", "13:10", "17:05") // a repeat within a minute
	day("ZW003", "2026-10-10", "08:20", "12:03", "13:10", "17:05")             // after leaving: not counted
	mustImport(t, st, "punches", writeFile(t, "p.csv", []byte(b.String())))
	mustImport(t, st, "leaves", writeFile(t, "l.csv", []byte("工号,类型,开始,结束,状态,审批人\nZW002,事假,2026-10-29 下午,2026-10-29 下午,已批准,王堃\n")))
	mustImport(t, st, "inspections", writeFile(t, "i.csv", []byte("工号,离岗时间,返岗时间,检查人\n"+
		"ZW002,2026-10-30 14:00,2026-10-30 16:01,郝建华\n"+ // 121 minutes
		"ZW003,2026-10-09 10:00,2026-10-09 11:35,郝建华\n"))) // 95 minutes

	// ZW001 王堃, in service 10-26…10-30: 5 working days, none on leave or
	// 旷工 → 出勤 5. 迟到 3 (11+5+2 = 18 minutes), 早退 1 (10 minutes), 缺卡 1.
	// 3 + 1 = 4 lates and earlies → 折算旷工 0.5; 旷工 total 0.5.
	// ZW002 周𠮷, in service 10-29…10-30: 2 days = 4 half-days; 10-29 下午
	// 事假 (请假 0.5), 10-30 上午 no punch (旷工 0.5) → 出勤 2 halves = 1.
	// 查岗 121 minutes > 120 → 擅离折算 0.5; 旷工 total 0.5 + 0.5 = 1.
	// ZW003 李喆, left 10-09: 10-08 and 10-09 (2 days; 10-10 is the 国庆 make-
	// up Saturday but after leaving), all on time; the 08:20:30 repeat counts
	// once; 查岗 95 minutes ≤ 120 → 擅离岗位 1.
	want := "\ufeff工号,姓名,窗口编号,应出勤天数,出勤天数,迟到次数,迟到分钟,早退次数,早退分钟,缺卡次数,擅离岗位次数,请假天数,迟到早退折算旷工天数,擅离折算旷工天数,旷工天数\r\n" +
		"ZW001,王堃,A01,5,5,3,18,1,10,1,0,0,0.5,0,0.5\r\n" +
		"ZW002,周𠮷,A02,2,1,0,0,0,0,0,0,0.5,0,0.5,1\r\n" +
		"ZW003,李喆,B01,2,2,0,0,0,0,0,1,0,0,0,0\r\n"
	path := filepath.Join(t.TempDir(), "考勤.csv")
	n, err := Export(st, "attendance", path, ExportOptions{Month: "2026-10"})
	if err != nil || n != 3 {
		t.Fatalf("export: %d rows, %v", n, err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	for month, msg := range map[string]string{"": "须指定月份", "2026-13": "月份“2026-13”不存在", "十一月": "无法识别的月份"} {
		if _, err := Export(st, "attendance", path, ExportOptions{Month: month}); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("month %q: %v", month, err)
		}
	}
}

// The leave file carries 申请时间, 补假说明 and 审批层级 after the older
// columns: a 事后补假 without its 补假说明 is refused, and an exported file
// reads back unchanged.
func TestLeaveFileCarriesApplicationTimeAtTheEnd(t *testing.T) {
	st := rosterForCases(t)
	late := "工号,类型,开始,结束,状态,审批人,申请时间,补假说明,审批层级\n" +
		"ZW001,病假,2026-11-09 上午,2026-11-09 下午,已批准,郝建华,2026-11-09 10:00,,首席代表\n"
	if _, err := Import(st, "leaves", writeFile(t, "请假.csv", []byte(late)), nil); err == nil || !strings.Contains(err.Error(), "补假说明") {
		t.Fatalf("a 事后补假 without 补假说明 was imported: %v", err)
	}
	late = strings.Replace(late, "10:00,,", "10:00,凌晨发烧，上午电话请假,", 1)
	if stats := mustImport(t, st, "leaves", writeFile(t, "请假.csv", []byte(late))); stats.Created != 1 {
		t.Fatalf("leaves: %+v", stats)
	}
	path := filepath.Join(t.TempDir(), "请假导出.csv")
	if _, err := Export(st, "leaves", path, ExportOptions{Month: "2026-11"}); err != nil {
		t.Fatal(err)
	}
	out, _ := os.ReadFile(path)
	text := strings.TrimPrefix(string(out), "\ufeff")
	if !strings.HasPrefix(text, "编号,工号,类型,开始,结束,事由,状态,审批人,顶岗人员工号,销假日期,申请时间,补假说明,审批层级") ||
		!strings.Contains(text, "2026-11-09 10:00,凌晨发烧，上午电话请假,首席代表") {
		t.Fatalf("exported:\n%s", text)
	}
	if stats := mustImport(t, st, "leaves", path); stats.Unchanged != 1 {
		t.Fatalf("the exported file read back as %+v", stats)
	}
}
