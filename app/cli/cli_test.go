package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"govdesk/models"
)

// testNow is the moment the tests take as now.
var testNow = time.Date(2026, 11, 26, 9, 0, 0, 0, models.CentreZone)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	dir, rest, c := ParseGlobal(args, &errb)
	if c >= 0 {
		return c, out.String(), errb.String()
	}
	code = Run(dir, rest, &out, &errb, models.WithClock(models.FixedClock(testNow)))
	return code, out.String(), errb.String()
}

func TestImportRefusedFileExitsOneListingEveryRow(t *testing.T) {
	data := t.TempDir()
	bad, _ := simplifiedchinese.GB18030.NewEncoder().String("窗口编号,窗口名称,派驻单位\nA01,企业开办综合窗口,市市场监督管理局\n,缺编号,市民政局\nA 3,编号有空格,市民政局\nA04,,市民政局\n")
	file := filepath.Join(t.TempDir(), "窗口.csv")
	os.WriteFile(file, []byte(bad), 0o644)

	code, _, stderr := run(t, "--data", data, "import", "windows", file)
	if code != ExitRefused {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"窗口.csv 第3行 “窗口编号”列：请填写窗口编号", "窗口.csv 第4行 “窗口编号”列", "窗口.csv 第5行 “窗口名称”列：请填写窗口名称"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	out := filepath.Join(t.TempDir(), "w.csv")
	if code, _, _ := run(t, "--data", data, "export", "windows", "--out", out); code != ExitOK {
		t.Fatal("export failed")
	}
	if b, _ := os.ReadFile(out); strings.Count(string(b), "\n") != 1 {
		t.Fatalf("the refused import changed the database:\n%s", b)
	}
}

func TestDemoExportImportRoundTrip(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	t.Setenv("GOVDESK_DATA", a)
	if code, out, errs := run(t, "demo"); code != 0 || !strings.Contains(out, "20 个窗口，60 名人员") {
		t.Fatalf("demo: %d %s %s", code, out, errs)
	}
	dir := t.TempDir()
	for _, kind := range []string{"windows", "staff"} {
		if code, _, errs := run(t, "export", kind, "--out", filepath.Join(dir, kind+".xlsx"), "--personal"); code != 0 {
			t.Fatalf("export %s: %s", kind, errs)
		}
		if code, out, errs := run(t, "--data", b, "import", kind, filepath.Join(dir, kind+".xlsx")); code != 0 || !strings.Contains(out, "新增") {
			t.Fatalf("import %s: %s %s", kind, out, errs)
		}
	}
	run(t, "export", "staff", "--out", filepath.Join(dir, "a.csv"))
	run(t, "--data", b, "export", "staff", "--out", filepath.Join(dir, "b.csv"))
	x, _ := os.ReadFile(filepath.Join(dir, "a.csv"))
	y, _ := os.ReadFile(filepath.Join(dir, "b.csv"))
	if len(x) < 1000 || !bytes.Equal(x, y) {
		t.Fatal("export → import → export does not give the same rows")
	}
	if code, out, _ := run(t, "--data", b, "check"); code != 0 || !strings.Contains(out, "数据库完好") {
		t.Fatalf("check: %d %s", code, out)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{
		{"--data", data, "frobnicate"},
		{"--data", data, "import", "staff"},
		{"--data", data, "export", "staff"},
		{"--data", data, "backup"},
		{"--nosuchflag"},
	} {
		if code, _, _ := run(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, errs := run(t, "--data", data, "import", "nonsense", "x.csv"); code != ExitRefused || !strings.Contains(errs, "不支持导入") {
		t.Errorf("unknown kind: %d %s", code, errs)
	}
}

func TestBackupAndRestore(t *testing.T) {
	data := t.TempDir()
	run(t, "--data", data, "demo")
	bak := filepath.Join(t.TempDir(), "备份.db")
	if code, _, errs := run(t, "--data", data, "backup", "--out", bak); code != 0 {
		t.Fatal(errs)
	}
	other := t.TempDir()
	if code, out, errs := run(t, "--data", other, "restore", bak); code != 0 || !strings.Contains(out, "已从") {
		t.Fatalf("restore: %s %s", out, errs)
	}
	if code, out, _ := run(t, "--data", other, "check"); code != 0 {
		t.Fatalf("check after restore: %s", out)
	}
}

func TestExportAttendanceNeedsMonth(t *testing.T) {
	data := t.TempDir()
	if code, _, stderr := run(t, "--data", data, "demo"); code != ExitOK {
		t.Fatal(stderr)
	}
	out := filepath.Join(t.TempDir(), "考勤.csv")
	code, _, stderr := run(t, "--data", data, "export", "attendance", "--out", out)
	if code != ExitRefused || !strings.Contains(stderr, "须指定月份") {
		t.Fatalf("no --month: exit %d, %s", code, stderr)
	}
	code, _, stderr = run(t, "--data", data, "export", "attendance", "--month", "2026-13", "--out", out)
	if code != ExitRefused || !strings.Contains(stderr, "月份“2026-13”不存在") {
		t.Fatalf("bad --month: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := run(t, "--data", data, "export", "attendance", "--month", "2026-11", "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "已导出 60 行") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
}

// A notice printed again from the command line keeps its 文号; --new-issue
// gives a new one and voids the old; --preview numbers nothing; a late
// 一次性告知书 needs --override.
func TestNoticeReprintNewIssuePreviewOverride(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	importCentre(t, data, files, "C2,食品经营许可,承诺件,王堃,A01,ZW001,2026-11-02 09:00,5,营业执照(原件)\n")
	fillOffice(t, data)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"首次印制", []string{"notice", "shouli", "--case", "C1", "--out", filepath.Join(files, "1.pdf")}, ExitOK, "已印制 受理通知书 乌政服受〔2026〕1号"},
		{"再次印制为重印", []string{"notice", "shouli", "--case", "C1", "--out", filepath.Join(files, "2.pdf")}, ExitOK, "已重印 受理通知书 乌政服受〔2026〕1号"},
		{"重新出具", []string{"notice", "--new-issue", "shouli", "--case", "C1", "--out", filepath.Join(files, "3.pdf")}, ExitOK, "已印制 受理通知书 乌政服受〔2026〕2号"},
		{"预览", []string{"notice", "shoujian", "--case", "C1", "--preview", "--out", filepath.Join(files, "4.pdf")}, ExitOK, "已预览 收件清单"},
		{"预览后印制", []string{"notice", "shoujian", "--case", "C1", "--out", filepath.Join(files, "5.pdf")}, ExitOK, "乌政服收〔2026〕1号"},
		{"逾期告知", []string{"notice", "gaozhi", "--case", "C2", "--field", "补正材料=场所平面图", "--out", filepath.Join(files, "6.pdf")}, ExitRefused, "请填写逾期出具的理由"},
		{"逾期告知写明理由", []string{"notice", "gaozhi", "--case", "C2", "--field", "补正材料=场所平面图", "--override", "补交后发现新缺项", "--out", filepath.Join(files, "7.pdf")}, ExitOK, "乌政服告〔2026〕1号"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, append([]string{"--data", data}, tc.args...)...)
			if code != tc.code || !strings.Contains(out+errs, tc.want) {
				t.Fatalf("exit %d, want %d and %q:\n%s%s", code, tc.code, tc.want, out, errs)
			}
			if _, err := os.Stat(tc.args[len(tc.args)-1]); (err == nil) != (code == ExitOK) {
				t.Fatalf("file written: %v, exit %d", err == nil, code)
			}
		})
	}
}

// importCentre imports into the data folder, from files written in
// files, window A01, 李喆 (ZW001) at it and case C1 (a 承诺件 received
// 2026-11-20), then the further case rows given.
func importCentre(t *testing.T, data, files, moreCases string) {
	t.Helper()
	write := func(name, s string) string {
		p := filepath.Join(files, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, imp := range [][2]string{
		{"windows", write("w.csv", "窗口编号,窗口名称,派驻单位\nA01,企业开办综合窗口,市市场监督管理局\n")},
		{"staff", write("s.csv", "工号,姓名,派驻单位,窗口编号,岗位,入驻日期\nZW001,李喆,市市场监督管理局,A01,窗口工作人员,2024-01-02\n")},
		{"cases", write("c.csv", "办件编号,事项名称,办件类型,申请人,窗口编号,工号,受理时间,承诺时限,材料\n"+
			"C1,食品经营许可,承诺件,王堃,A01,ZW001,2026-11-20 09:00,5,营业执照(原件)\n"+moreCases)},
	} {
		if code, _, errs := run(t, "--data", data, "import", imp[0], imp[1]); code != ExitOK {
			t.Fatalf("import %s: %s", imp[0], errs)
		}
	}
}

// fillOffice gives the centre in the data folder the demo centre's details,
// as 文书设置 would, so its notices print.
func fillOffice(t *testing.T, data string) {
	t.Helper()
	st, err := models.Open(data, models.WithClock(models.FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveOffice(models.DemoOffice); err != nil {
		t.Fatal(err)
	}
}

// A centre that works from the command line fills in its details there:
// papers are refused until it does, then carry its own name and 文号.
func TestCentreFillsInItsDetailsOnTheCommandLineThenPrints(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	importCentre(t, data, files, "")
	notice := []string{"notice", "shouli", "--case", "C1", "--out", filepath.Join(files, "受理.pdf")}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"未填中心信息不能印制", notice, ExitRefused, "还没有填写中心信息"},
		{"文号前缀不合规", []string{"office", "--field", "中心名称=某某市政务服务中心", "--field", "文号前缀=abc"}, ExitRefused, "文号前缀应为1至8个汉字"},
		{"没有这一项", []string{"office", "--field", "邮编=010000"}, ExitUsage, "没有名为“邮编”的中心信息"},
		{"只填名称与文号", []string{"office", "--field", "中心名称=某某市政务服务中心", "--field", "文号前缀=某政服"}, ExitOK, "中心名称：某某市政务服务中心"},
		{"缺电话时说是中心信息缺", notice, ExitRefused, "中心信息缺少咨询电话、投诉电话，请先在“文书设置”中填写（命令行：govdesk office --field 咨询电话=…）"},
		{"填写电话", []string{"office", "--field", "咨询电话=0471-1234567", "--field", "投诉电话=12345"}, ExitOK, "投诉电话：12345"},
		{"再看一次", []string{"office"}, ExitOK, "文号前缀：某政服"},
		{"印制用本中心的文号", notice, ExitOK, "已印制 受理通知书 某政服受〔2026〕1号"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, append([]string{"--data", data}, tc.args...)...)
			if code != tc.code || !strings.Contains(out+errs, tc.want) {
				t.Fatalf("exit %d, want %d and %q:\n%s%s", code, tc.code, tc.want, out, errs)
			}
		})
	}
}

// The large demo is asked for by name; another size, or the flag on another
// command, is a usage error that touches nothing.
func TestDemoScaleIsLargeOnly(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{{"demo", "--scale", "huge"}, {"check", "--scale", "large"}} {
		code, _, errs := run(t, append([]string{"--data", data}, args...)...)
		if code != ExitUsage || !strings.Contains(errs, "--scale 只用于 demo，且只能是 large") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
}
