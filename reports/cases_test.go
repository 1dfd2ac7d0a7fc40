package reports

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"govdesk/models"
)

// rosterForCases imports three windows and three people: 王堃 at A01, 周𠮷
// at A02, 李喆 at B01.
func rosterForCases(t *testing.T) *models.Store {
	t.Helper()
	st := openStore(t)
	mustImport(t, st, "windows", writeFile(t, "w.csv", []byte(windowsCSV)))
	mustImport(t, st, "staff", writeFile(t, "s.csv", []byte(staffCSV(t))))
	return st
}

const casesCSV = "办件编号,事项名称,办件类型,申请人,窗口编号,工号,受理时间,法定时限,承诺时限,办结时间,办理结果,证件号码,备注\n" +
	"20261103-A01-001,企业设立登记,承诺件,乌兰察布市集宁区鑫源商贸有限公司,A01,ZW001,2026-11-03 08:27,15,3,2026-11-05 16:10,准予,91110108551385082Q,多余的列被忽略\n" +
	"20260930-A02-002,食品经营许可,承诺件,集宁区玥华餐饮店,a02,ZW002,2026/9/30 15:02:41,20个工作日,10,,,,\n" +
	"20261026-B01-003,城乡居民养老保险参保登记,即办件,李桂兰,B01,ZW003,2026年10月26日 9:05,,,2026年10月26日 9:20,准予,,\n" +
	"20260213-B01-004,企业职工基本养老保险关系转移接续,承诺件,马淑珍,B01,ZW003,2026-02-13,45,2,2026-02-25 10:00,准予,,\n"

func TestImportCasesAndImportAgainChangesNothing(t *testing.T) {
	st := rosterForCases(t)
	path := writeFile(t, "办件.csv", gb18030(t, casesCSV))
	if stats := mustImport(t, st, "cases", path); stats.Created != 4 {
		t.Fatalf("created %+v", stats)
	}
	today := models.NewDate(2026, 11, 26)
	cases := []struct {
		no       string
		received time.Time
		due      models.Date
		status   string
	}{
		{"20261103-A01-001", time.Date(2026, 11, 3, 8, 27, 0, 0, models.CentreZone), models.NewDate(2026, 11, 6), models.CaseDone},
		{"20260930-A02-002", time.Date(2026, 9, 30, 15, 2, 41, 0, models.CentreZone), models.NewDate(2026, 10, 20), models.CaseOverdue},
		{"20261026-B01-003", time.Date(2026, 10, 26, 9, 5, 0, 0, models.CentreZone), models.NewDate(2026, 10, 26), models.CaseDone},
		{"20260213-B01-004", time.Date(2026, 2, 13, 0, 0, 0, 0, models.CentreZone), models.NewDate(2026, 2, 24), models.CaseDoneLate},
	}
	for _, c := range cases {
		got, err := st.CaseByNo(c.no)
		if err != nil {
			t.Fatal(c.no, err)
		}
		if !got.ReceivedAt.Equal(c.received) || got.DueOn != c.due || got.Status(today) != c.status {
			t.Errorf("%s: received %v due %s status %s; want %v %s %s", c.no, got.ReceivedAt, got.DueOn, got.Status(today), c.received, c.due, c.status)
		}
	}
	first, _ := st.CaseByNo("20261103-A01-001")
	if first.ApplicantType != models.ApplicantOrg || first.Window.Code != "A01" || first.Staff.Name != "王堃" {
		t.Fatalf("first row stored as %+v", first)
	}

	before, _ := st.AuditLog(models.AuditFilter{})
	stats := mustImport(t, st, "cases", path)
	after, _ := st.AuditLog(models.AuditFilter{})
	if stats.Unchanged != 4 || stats.Created+stats.Updated != 0 || len(after) != len(before) {
		t.Fatalf("re-import changed something: %+v, audit %d → %d", stats, len(before), len(after))
	}
}

func TestImportCasesWithBadRowsChangesNothingAndNamesEveryRow(t *testing.T) {
	st := rosterForCases(t)
	bad := "办件编号,事项名称,办件类型,申请人,窗口编号,工号,受理时间,法定时限,承诺时限,办结时间,办理结果,申请人类型,证件号码\n" +
		"BJ-001,企业设立登记,承诺件,乌兰察布市集宁区鑫源商贸有限公司,A01,ZW001,2026-11-03 08:27,15,3,,,单位,91110108551385082Q\n" + // good
		"BJ-002,企业变更登记,普通件,内蒙古堃鹏农牧业发展有限公司,A01,ZW001,2026-11-03 09:00,15,3,,,单位,91110108551385082R\n" + // kind, credit code
		"BJ-003,户口迁移,承诺件,张秀英,Z99,ZW999,2026-11-03 25:00,,,,,,\n" + // window, person, time, promised days
		"BJ-004,食品经营许可,承诺件,集宁区玥华餐饮店,A02,ZW002,2026-11-03 10:00,10,20,2026-11-02 10:00,同意,,\n" + // promised > legal, completed before, result
		"BJ-005,结婚登记,即办件,赵昇,B01,ZW003,2026-11-03 10:00,,五,,上报,,\n" + // days not a number, result without completion
		"BJ-006,创业担保贷款申请,承诺件,,B01,ZW003,2026-11-03 11:00,,5,2026-11-04 11:00,上报,,\n" + // no applicant, 上报 for a 承诺件
		"BJ-001,企业设立登记,承诺件,乌兰察布市集宁区鑫源商贸有限公司,A01,ZW001,2026-11-03 08:27,15,3,,,,\n" // duplicate
	_, err := Import(st, "cases", writeFile(t, "办件.csv", gb18030(t, bad)), nil)
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("want ImportError, got %v", err)
	}
	var got []string
	for _, p := range ie.Problems {
		got = append(got, p.String())
	}
	want := []string{
		"办件.csv 第3行 “办件类型”列：办件类型只能是 即办件 / 承诺件 / 上报件",
		"办件.csv 第3行 “证件号码”列：统一社会信用代码校验码不正确，请核对代码（按前17位，最后一位应为Q）",
		"办件.csv 第4行 “受理时间”列：时间“2026-11-03 25:00”不存在，时刻应在 00:00 到 23:59 之间",
		"办件.csv 第4行 “窗口编号”列：窗口 Z99 不存在：请先在“窗口”中添加或导入该窗口",
		"办件.csv 第4行 “工号”列：工号 ZW999 不存在：请先在“人员”中添加或导入此人",
		"办件.csv 第4行 “承诺时限”列：承诺件须填写承诺时限（工作日数，如 5）",
		"办件.csv 第5行 “承诺时限”列：承诺时限（20个工作日）不能超过法定时限（10个工作日）",
		"办件.csv 第5行 “办结时间”列：办结时间不能早于受理时间 2026-11-03 10:00",
		"办件.csv 第5行 “办理结果”列：办理结果只能是 准予 / 不予许可 / 不予受理 / 退件 / 上报",
		"办件.csv 第6行 “承诺时限”列：“五”不是工作日天数，请填整数，如 20",
		"办件.csv 第6行 “办结时间”列：填写了办理结果“上报”，请同时填写办结时间",
		"办件.csv 第7行 “申请人”列：不能为空",
		"办件.csv 第7行 “办理结果”列：只有上报件的办理结果可以是“上报”；如需上报，请把办件类型改为上报件",
		"办件.csv 第8行：与第2行重复（办件编号 BJ-001）",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if list, _ := st.Cases(models.CaseFilter{}); len(list) != 0 {
		t.Fatalf("a refused file imported %d cases", len(list))
	}
}

// A later file that only has the required columns must not wipe the time
// limits, the completion or the applicant's number; a file that adds the
// completion updates the case.
func TestImportCasesKeepsStoredValuesForEmptyOptionalCells(t *testing.T) {
	st := rosterForCases(t)
	full := "办件编号,事项名称,办件类型,申请人,窗口编号,工号,受理时间,法定时限,承诺时限,证件号码,联系电话\n" +
		"BJ-001,不动产转移登记,承诺件,刘喆,A01,ZW001,2026-09-07 09:17,30,5," + idOf(t, "15090219890917736") + ",13800138000\n"
	mustImport(t, st, "cases", writeFile(t, "full.csv", []byte(full)))
	short := "办件编号,事项名称,办件类型,申请人,窗口编号,工号,受理时间\n" +
		"BJ-001,不动产转移登记,承诺件,刘喆,A01,ZW001,2026-09-07 09:17\n"
	if stats := mustImport(t, st, "cases", writeFile(t, "short.csv", []byte(short))); stats.Unchanged != 1 {
		t.Fatalf("the short file changed the case: %+v", stats)
	}
	done := "办件编号,事项名称,办件类型,申请人,窗口编号,工号,受理时间,办结时间,办理结果\n" +
		"BJ-001,不动产转移登记,承诺件,刘喆,A01,ZW001,2026-09-07 09:17,2026-09-17 10:20,准予\n"
	if stats := mustImport(t, st, "cases", writeFile(t, "done.csv", []byte(done))); stats.Updated != 1 {
		t.Fatalf("the completion was not recorded: %+v", stats)
	}
	c, _ := st.CaseByNo("BJ-001")
	if c.PromisedDays != 5 || c.LegalDays != 30 || c.Phone != "13800138000" || c.ApplicantType != models.ApplicantPerson ||
		c.Status(models.NewDate(2026, 11, 26)) != models.CaseDoneLate {
		t.Fatalf("stored values lost: %+v", c)
	}
	cal, _ := st.Calendar()
	// due Monday 14 September; 15, 16 and 17 September are charged
	if n := len(c.OverdueDays(cal, models.NewDate(2026, 11, 26))); n != 3 {
		t.Fatalf("overdue days %d, want 3", n)
	}
}

func TestImportCasesXLSXWithExcelDateTimeCells(t *testing.T) {
	st := rosterForCases(t)
	f := excelize.NewFile()
	rows := [][]any{
		{"办件编号", "事项名称", "办件类型", "申请人", "窗口编号", "工号", "受理时间", "承诺时限"},
		{"BJ-001", "企业设立登记", "承诺件", "王𠮷祥", "A01", "ZW001", nil, 3},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	// a real date-time cell, as Excel stores it: a serial number with a fraction
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 22}) // m/d/yy h:mm
	f.SetCellValue("Sheet1", "G2", 46329.3520833333)    // 2026-11-03 08:27
	f.SetCellStyle("Sheet1", "G2", "G2", style)
	path := filepath.Join(t.TempDir(), "办件.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	mustImport(t, st, "cases", path)
	c, err := st.CaseByNo("BJ-001")
	if err != nil || !c.ReceivedAt.Equal(time.Date(2026, 11, 3, 8, 27, 0, 0, models.CentreZone)) || c.Applicant != "王𠮷祥" {
		t.Fatalf("got %+v %v", c, err)
	}
}

func TestCasesExportRoundTrip(t *testing.T) {
	st := demoStore(t)
	stored, _ := st.Cases(models.CaseFilter{})
	for _, ext := range []string{".csv", ".xlsx"} {
		path := filepath.Join(t.TempDir(), "办件"+ext)
		// in clear: the register moves to another centre whole
		n, err := Export(st, "cases", path, ExportOptions{Personal: true})
		if err != nil || n != len(stored) {
			t.Fatalf("%s: exported %d of %d: %v", ext, n, len(stored), err)
		}
		sh, err := ReadSheet(path)
		if err != nil {
			t.Fatal(err)
		}
		_, header, rows, _ := exportCases(st, ExportOptions{Personal: true})
		if !reflect.DeepEqual(sh.Header, header) || len(rowsOf(sh)) != len(rows) {
			t.Fatalf("%s: header %v, %d rows", ext, sh.Header, len(rowsOf(sh)))
		}
		if first, err := st.CaseByNo(rows[0][0]); err != nil || header[6] != "受理时间" ||
			rows[0][6] != first.ReceivedAt.Format("2006-01-02 15:04") {
			t.Fatalf("%s: 受理时间 written as %q", ext, rows[0][6])
		}
		for i, r := range rowsOf(sh) {
			for j := range header {
				cell := ""
				if j < len(r.Cells) {
					cell = r.Cells[j]
				}
				if cell != rows[i][j] {
					t.Fatalf("%s row %d col %s: %q, want %q", ext, i+2, header[j], cell, rows[i][j])
				}
			}
		}
		stats, err := Import(st, "cases", path, nil)
		if err != nil || stats.Created+stats.Updated != 0 || stats.Unchanged != len(stored) {
			t.Fatalf("%s re-import: %+v %v", ext, stats, err)
		}
		// into an empty centre with the same roster, the export rebuilds the same register
		fresh := openStore(t)
		for _, kind := range []string{"windows", "staff"} {
			p := filepath.Join(t.TempDir(), kind+ext)
			if _, err := Export(st, kind, p, ExportOptions{Personal: true}); err != nil {
				t.Fatal(err)
			}
			mustImport(t, fresh, kind, p)
		}
		mustImport(t, fresh, "cases", path)
		again, _ := fresh.Cases(models.CaseFilter{})
		if len(again) != len(stored) {
			t.Fatalf("%s: rebuilt %d cases of %d", ext, len(again), len(stored))
		}
		for i := range stored {
			a, b := stored[i], again[i]
			if a.No != b.No || !a.ReceivedAt.Equal(b.ReceivedAt) || a.DueOn != b.DueOn || a.Status(st.Today()) != b.Status(st.Today()) ||
				a.ApplicantID != b.ApplicantID || a.Staff.EmployeeNo != b.Staff.EmployeeNo || a.ForwardedTo != b.ForwardedTo {
				t.Fatalf("%s: %s rebuilt as %+v", ext, a.No, b)
			}
		}
	}
}

// `export cases --month` writes the cases received in that month, as the
// other records' exports do (the uniform ledger by 发放日期, the log by its
// time); without it, all of them.
func TestRecordExportsOfAMonth(t *testing.T) {
	st := demoStore(t)
	for _, tc := range []struct {
		kind string
		col  int // the date that places a row in a month
		exp  exporter
	}{{"cases", 6, exportCases}, {"uniforms", 6, exportUniforms}, {"audit", 0, exportAudit}} {
		_, _, all, err := tc.exp(st, ExportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{"2001-01": 0}
		for _, r := range all {
			want[r[tc.col][:7]]++
		}
		if len(all) == 0 {
			t.Fatalf("%s: the demo centre has none", tc.kind)
		}
		for month, n := range want {
			_, _, rows, err := tc.exp(st, ExportOptions{Month: month})
			if err != nil || len(rows) != n {
				t.Fatalf("%s %s: %d rows, want %d (%v)", tc.kind, month, len(rows), n, err)
			}
			for _, r := range rows {
				if !strings.HasPrefix(r[tc.col], month) {
					t.Fatalf("%s %s: a row of %s", tc.kind, month, r[tc.col])
				}
			}
		}
		if _, _, _, err := tc.exp(st, ExportOptions{Month: "2026-13"}); err == nil {
			t.Errorf("%s: month 2026-13 accepted", tc.kind)
		}
	}
}
