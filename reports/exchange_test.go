package reports

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"govdesk/models"
)

// testNow is the moment the tests take as now: the morning of Thursday
// 26 November 2026.
var testNow = time.Date(2026, 11, 26, 9, 0, 0, 0, models.CentreZone)

func openStore(t *testing.T) *models.Store {
	t.Helper()
	st, err := models.Open(t.TempDir(), models.WithClock(models.FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	must(t, st.SaveOffice(models.DemoOffice))
	return st
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gb18030(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const windowsCSV = "窗口编号,窗口名称,派驻单位,区域\r\n" +
	"A01,企业开办综合窗口,市市场监督管理局,一楼A区\r\n" +
	"a02,食品经营许可窗口,市市场监督管理局,一楼A区\r\n" +
	"Ｂ０１,社会保险窗口,市人力资源和社会保障局,二楼B区\r\n"

// idOf builds a valid identity number for a test person.
func idOf(t *testing.T, first17 string) string {
	c, err := models.IDCheckDigit(first17)
	if err != nil {
		t.Fatal(err)
	}
	return first17 + string(c)
}

func staffCSV(t *testing.T) string {
	return "姓名,工号,派驻单位,窗口编号,岗位,入驻日期,身份证号,手机号,备注\n" +
		"王堃,ZW001,市市场监督管理局,A01,首席代表,2021/7/8," + idOf(t, "15090219910904579") + ",13800138000,多余的列被忽略\n" +
		"周𠮷,ZW002,市市场监督管理局,A02,窗口工作人员,2022年3月1日,,,\n" +
		"李喆,ZW003,市人力资源和社会保障局,B01,窗口工作人员,2023-09-01,,,\n"
}

func mustImport(t *testing.T, st *models.Store, kind, path string) models.ImportStats {
	t.Helper()
	stats, err := Import(st, kind, path, nil)
	if err != nil {
		t.Fatalf("import %s: %v", kind, err)
	}
	return stats
}

func TestImportGB18030CSV(t *testing.T) {
	st := openStore(t)
	path := writeFile(t, "窗口.csv", gb18030(t, windowsCSV))
	stats := mustImport(t, st, "windows", path)
	if stats.Created != 3 {
		t.Fatalf("created %d, want 3", stats.Created)
	}
	ws, _ := st.ServiceWindows()
	got := []string{}
	for _, w := range ws {
		got = append(got, w.Code+" "+w.Name+" "+w.HomeUnit.Name)
	}
	want := "A01 企业开办综合窗口 市市场监督管理局|A02 食品经营许可窗口 市市场监督管理局|B01 社会保险窗口 市人力资源和社会保障局"
	if strings.Join(got, "|") != want {
		t.Fatalf("got %v", got)
	}
}

func TestImportUTF8BOMStaffWithRareCharacters(t *testing.T) {
	st := openStore(t)
	mustImport(t, st, "windows", writeFile(t, "w.csv", []byte(windowsCSV)))
	path := writeFile(t, "人员.csv", append([]byte{0xEF, 0xBB, 0xBF}, staffCSV(t)...))
	if stats := mustImport(t, st, "staff", path); stats.Created != 3 {
		t.Fatalf("created %d", stats.Created)
	}
	list, _ := st.StaffList()
	if list[1].Name != "周𠮷" || list[0].Gender != "男" || list[0].JoinedOn != models.NewDate(2021, 7, 8) {
		t.Fatalf("got %+v", list)
	}
	// the same file again changes nothing and writes no audit entry
	before, _ := st.AuditLog(models.AuditFilter{})
	stats := mustImport(t, st, "staff", path)
	after, _ := st.AuditLog(models.AuditFilter{})
	if stats.Unchanged != 3 || stats.Created+stats.Updated != 0 || len(after) != len(before) {
		t.Fatalf("re-import changed something: %+v, audit %d → %d", stats, len(before), len(after))
	}
}

func TestImportXLSXWithExcelDateCells(t *testing.T) {
	st := openStore(t)
	mustImport(t, st, "windows", writeFile(t, "w.csv", []byte(windowsCSV)))
	f := excelize.NewFile()
	rows := [][]any{
		{"工号", "姓名", "派驻单位", "窗口编号", "岗位", "入驻日期", "手机号"},
		{"ZW010", "王堃", "市市场监督管理局", "A01", "首席代表", nil, 13912345678},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	// a real date cell, as Excel stores it: a serial number with a date format
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellValue("Sheet1", "F2", 46329) // 2026-11-03
	f.SetCellStyle("Sheet1", "F2", "F2", style)
	path := filepath.Join(t.TempDir(), "人员.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	mustImport(t, st, "staff", path)
	list, _ := st.StaffList()
	if len(list) != 1 || list[0].JoinedOn != models.NewDate(2026, 11, 3) || list[0].Mobile != "13912345678" {
		t.Fatalf("got %+v", list)
	}
}

func TestImportWithBadRowsChangesNothingAndNamesEveryRow(t *testing.T) {
	st := openStore(t)
	mustImport(t, st, "windows", writeFile(t, "w.csv", []byte(windowsCSV)))
	bad := "工号,姓名,派驻单位,窗口编号,岗位,入驻日期,身份证号,手机号\n" +
		"ZW001,王堃,市市场监督管理局,A01,首席代表,2021-07-08,,\n" + // good
		"ZW002,李喆,市市场监督管理局,A01,窗口工作人员,2021-07-08,110105194912310021,\n" + // check digit
		"ZW003,,市市场监督管理局,A01,窗口工作人员,2021-07-08,,\n" + // no name
		"ZW004,张昇,市市场监督管理局,Z99,窗口工作人员,2021-07-08,,\n" + // unknown window
		"ZW005,刘玥,市市场监督管理局,A01,科长,2021-02-30,,1380013800\n" + // post, date, mobile
		"ZW001,王堃,市市场监督管理局,A01,首席代表,2021-07-08,,\n" // duplicate
	path := writeFile(t, "人员.csv", gb18030(t, bad))
	_, err := Import(st, "staff", path, nil)
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("want ImportError, got %v", err)
	}
	var got []string
	for _, p := range ie.Problems {
		got = append(got, p.String())
	}
	want := []string{
		"人员.csv 第3行 “身份证号”列：身份证号校验码不正确，请核对号码（按前17位，最后一位应为X）",
		"人员.csv 第4行 “姓名”列：不能为空",
		"人员.csv 第5行 “窗口编号”列：窗口 Z99 不存在：请先在“窗口”中添加或导入该窗口",
		"人员.csv 第6行 “入驻日期”列：日期“2021-02-30”不存在",
		"人员.csv 第6行 “手机号”列：手机号应为以1开头的11位数字",
		"人员.csv 第6行 “岗位”列：岗位只能是 首席代表 / 窗口工作人员 / 临时替岗人员",
		"人员.csv 第7行：与第2行重复（工号 ZW001）",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if list, _ := st.StaffList(); len(list) != 0 {
		t.Fatalf("a refused file imported %d people", len(list))
	}
}

func TestImportMissingColumnIsNamed(t *testing.T) {
	st := openStore(t)
	_, err := Import(st, "windows", writeFile(t, "w.csv", []byte("窗口编号,区域\nA01,一楼\n")), nil)
	if err == nil || !strings.Contains(err.Error(), "缺少必需的列“窗口名称”") || !strings.Contains(err.Error(), "缺少必需的列“派驻单位”") {
		t.Fatalf("got %v", err)
	}
}

func TestImportUnreadableFilesAreRefusedNotCrashed(t *testing.T) {
	st := openStore(t)
	for name, data := range map[string][]byte{
		"空.csv":    {},
		"乱码.csv":   {0xff, 0xfe, 0x00},
		"假的.xlsx":  []byte("PK not really"),
		"旧格式.xls":  []byte{0xd0, 0xcf},
		"图片.png":   []byte{0x89, 'P', 'N', 'G'},
		"只有表头.csv": []byte("窗口编号,窗口名称,派驻单位\n"),
		"二进制.csv":  {0x81, 0x30, 0xff, 0xff, 0x00, 0x80},
	} {
		if _, err := Import(st, "windows", writeFile(t, name, data), nil); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
	if ws, _ := st.ServiceWindows(); len(ws) != 0 {
		t.Fatal("a refused file changed data")
	}
}

func TestExportGivesBackTheSameRows(t *testing.T) {
	st := demoStore(t)
	for _, kind := range []string{"windows", "staff"} {
		for _, ext := range []string{".csv", ".xlsx"} {
			path := filepath.Join(t.TempDir(), kind+ext)
			if _, err := Export(st, kind, path, ExportOptions{}); err != nil {
				t.Fatal(err)
			}
			sh, err := ReadSheet(path)
			if err != nil {
				t.Fatal(err)
			}
			_, header, rows, _ := exporters[kind](st, ExportOptions{})
			if strings.Join(sh.Header, ",") != strings.Join(header, ",") || len(rowsOf(sh)) != len(rows) {
				t.Fatalf("%s%s: header %v, %d rows", kind, ext, sh.Header, len(rowsOf(sh)))
			}
			for i, r := range rowsOf(sh) {
				for j := range header {
					cell := ""
					if j < len(r.Cells) {
						cell = r.Cells[j]
					}
					if cell != rows[i][j] {
						t.Fatalf("%s%s row %d col %s: %q, want %q", kind, ext, i+2, header[j], cell, rows[i][j])
					}
				}
			}
			// and importing the export into the same database changes nothing
			stats, err := Import(st, kind, path, nil)
			if err != nil || stats.Created+stats.Updated != 0 {
				t.Fatalf("%s%s re-import: %+v %v", kind, ext, stats, err)
			}
		}
	}
}

func writeText(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }

// The sample files shipped in testdata/ work as the README says.
func TestSampleFiles(t *testing.T) {
	st := openStore(t)
	if stats := mustImport(t, st, "windows", "testdata/windows-gb18030.csv"); stats.Created != 20 {
		t.Fatalf("windows: %+v", stats)
	}
	_, err := Import(st, "staff", "testdata/staff-bad-gb18030.csv", nil)
	var ie *ImportError
	if !errors.As(err, &ie) || len(ie.Problems) != 6 {
		t.Fatalf("bad sample: %v", err)
	}
	if stats := mustImport(t, st, "staff", "testdata/staff.xlsx"); stats.Created != 60 {
		t.Fatalf("staff: %+v", stats)
	}
}

// A file that leaves optional columns out (or blank) must not wipe what is
// stored: no status flips back to 在岗, no phone number disappears.
func TestImportKeepsStoredValuesForEmptyOptionalCells(t *testing.T) {
	st := openStore(t)
	mustImport(t, st, "windows", writeFile(t, "w.csv", []byte(windowsCSV)))
	full := "工号,姓名,派驻单位,窗口编号,岗位,入驻日期,手机号,状态,离岗日期\n" +
		"ZW001,王堃,市市场监督管理局,A01,首席代表,2021-07-08,13800138000,调离,2026-10-31\n"
	mustImport(t, st, "staff", writeFile(t, "full.csv", []byte(full)))
	short := "工号,姓名,派驻单位,窗口编号,岗位,入驻日期\n" +
		"ZW001,王堃,市市场监督管理局,A01,首席代表,2021-07-08\n"
	if stats := mustImport(t, st, "staff", writeFile(t, "short.csv", []byte(short))); stats.Unchanged != 1 {
		t.Fatalf("the short file changed the person: %+v", stats)
	}
	p, _ := st.StaffList()
	if p[0].Status != models.StatusTransfered || p[0].Mobile != "13800138000" || p[0].LeftOn != models.NewDate(2026, 10, 31) {
		t.Fatalf("stored values lost: %+v", p[0])
	}
}

// rowsOf lists a sheet's data rows.
func rowsOf(sh *Sheet) []SheetRow {
	out := make([]SheetRow, sh.Len())
	for i := range out {
		out[i] = sh.Row(i)
	}
	return out
}

// A sheet's rows keep their row numbers in the file, blank rows left out
// before and after the header, and their cells tidied; the rows are kept in
// the list the file was read into, moved up over the header and the blanks.
func TestASheetsRowsKeepTheirRowNumbers(t *testing.T) {
	raw := [][]string{
		{"", " "},
		{"工号", "姓名"},
		{"ＺＷ001", " 王堃 "},
		{"", ""},
		{"ZW002", "周𠮷"},
		{" ", ""},
		{"ZW003", "李喆"},
	}
	sh, err := sheetOf("staff.csv", "UTF-8", raw)
	if err != nil {
		t.Fatal(err)
	}
	want := []SheetRow{{3, []string{"ZW001", "王堃"}}, {5, []string{"ZW002", "周𠮷"}}, {7, []string{"ZW003", "李喆"}}}
	if got := rowsOf(sh); !reflect.DeepEqual(got, want) || strings.Join(sh.Header, ",") != "工号,姓名" {
		t.Fatalf("header %q, rows %v, want %v", sh.Header, got, want)
	}
	if !reflect.DeepEqual(raw[:3], [][]string{want[0].Cells, want[1].Cells, want[2].Cells}) || raw[3] != nil || raw[6] != nil {
		t.Fatalf("the list read into holds %q", raw)
	}
}
