package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func presetPunches(name string) string {
	return filepath.Join("..", "..", "reports", "testdata", "punches", name)
}

// seedPresetRoster imports the three people of the preset punch files.
func seedPresetRoster(t *testing.T, data string) {
	t.Helper()
	dir := t.TempDir()
	windows := filepath.Join(dir, "窗口.csv")
	staff := filepath.Join(dir, "人员.csv")
	os.WriteFile(windows, []byte("窗口编号,窗口名称,派驻单位\nA01,综合窗口,市行政审批局\n"), 0o644)
	os.WriteFile(staff, []byte("工号,姓名,派驻单位,窗口编号,岗位,入驻日期\nT001,王晓明,市行政审批局,A01,窗口工作人员,2024-01-02\nT002,刘芳,市行政审批局,A01,窗口工作人员,2024-01-02\nT003,赵一凡,市行政审批局,A01,窗口工作人员,2024-01-02\n"), 0o644)
	for _, f := range []struct{ kind, path string }{{"windows", windows}, {"staff", staff}} {
		if code, _, errs := run(t, "--data", data, "import", f.kind, f.path); code != ExitOK {
			t.Fatalf("import %s: %s", f.kind, errs)
		}
	}
}

func TestClerkImportsAMachineFileFromTheCommandLine(t *testing.T) {
	data := t.TempDir()
	seedPresetRoster(t, data)
	csv, mapFile := presetPunches("原始记录.csv"), presetPunches("考勤号码对照.csv")
	ownFile := filepath.Join(t.TempDir(), "打卡.csv")
	os.WriteFile(ownFile, []byte("工号,姓名,打卡时间,设备\nT003,赵一凡,2026-11-06 08:00,前台\n"), 0o644)
	for _, step := range []struct {
		name   string
		args   []string
		code   int
		out    []string
		errOut []string
	}{
		{"unknown numbers are listed with who they may be", []string{"import", "punches", csv}, ExitRefused, nil,
			[]string{"3 个考勤号码还没有对照到工号", "  7（刘芳，4条打卡，首见于原始记录.csv 第8行，可能是 T002 刘芳）", "  12（王晓明", "  305（赵一凡", "--map"}},
		{"a dry run shows what would be imported", []string{"import", "punches", csv, "--map", mapFile, "--dry-run"}, ExitOK,
			[]string{"预览（未写入任何数据）", "ZKTime 原始记录（zktime）", "将导入 3 人、6 个人天的打卡 12 条", "考勤机“中控考勤机”：12 条"}, nil},
		{"the import with the map", []string{"import", "punches", "--map", mapFile, csv}, ExitOK,
			[]string{"导入完成", "导入 3 人、6 个人天的打卡 12 条"}, nil},
		{"the USB stick's file next: the map is remembered, only the double tap and repeats", []string{"import", "punches", presetPunches("1_attlog.dat")}, ExitOK,
			[]string{"导入 0 人、0 个人天的打卡 0 条", "已导入过、跳过：12 条", "60 秒内重复打卡、只算一次：1 条"}, nil},
		{"a forced format that does not fit", []string{"import", "punches", presetPunches("1_attlog.dat"), "--format", "deli"}, ExitRefused, nil,
			[]string{"文件不是得力考勤月报的格式（--format deli）"}},
		{"GovDesk's own file can be previewed too", []string{"import", "punches", ownFile, "--dry-run"}, ExitOK,
			[]string{"本程序的打卡文件", "将导入 1 人、1 个人天的打卡 1 条", "考勤机“前台”：1 条"}, nil},
		{"and imported: the summary counts what it added", []string{"import", "punches", ownFile}, ExitOK,
			[]string{"导入完成", "导入 1 人、1 个人天的打卡 1 条", "考勤机“前台”：1 条"}, nil},
		{"--map on another kind", []string{"import", "staff", csv, "--map", mapFile}, ExitUsage, nil,
			[]string{"只用于 import punches"}},
	} {
		t.Run(step.name, func(t *testing.T) {
			code, out, errs := run(t, append([]string{"--data", data}, step.args...)...)
			if code != step.code {
				t.Fatalf("exit %d, want %d\n%s\n%s", code, step.code, out, errs)
			}
			for _, w := range step.out {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range step.errOut {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
		})
	}
	out := filepath.Join(t.TempDir(), "p.csv")
	if code, _, _ := run(t, "--data", data, "export", "punches", "--out", out); code != ExitOK {
		t.Fatal("export failed")
	}
	b, _ := os.ReadFile(out)
	if strings.Count(string(b), "\n") != 14 || !strings.Contains(string(b), "工号,姓名,打卡时间,设备,来源,考勤机判定") ||
		!strings.Contains(string(b), "T001,王晓明,2026-11-03 08:12,中控考勤机,原始记录.csv 第2行,") ||
		!strings.Contains(string(b), "T003,赵一凡,2026-11-06 08:00,前台,打卡.csv 第2行,") {
		t.Errorf("punches stored:\n%s", b)
	}
}
