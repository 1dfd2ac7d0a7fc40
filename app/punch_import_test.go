package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
	"govdesk/reports"
)

func presetPunchFile(name string) string {
	return filepath.Join("..", "reports", "testdata", "punches", name)
}

// seedPunchPeople adds the people of the preset punch files, and a second
// 刘芳 so that the name alone does not tell who number 7 is.
func seedPunchPeople(t *testing.T, st *models.Store) {
	t.Helper()
	w := seedWindow(t, st)
	for _, p := range []struct{ no, name string }{{"T001", "王晓明"}, {"T002", "刘芳"}, {"T003", "赵一凡"}, {"T004", "刘芳"}} {
		s := models.Staff{EmployeeNo: p.no, Name: p.name, WindowID: w.ID, HomeUnitID: w.HomeUnitID, Post: models.PostStaff, JoinedOn: models.NewDate(2024, 1, 2)}
		if err := st.SaveStaff(&s); err != nil {
			t.Fatal(err)
		}
	}
}

func TestClerkConfirmsWhoTheMachinesNumbersAreAndImports(t *testing.T) {
	s, st := newTestShell(t)
	seedPunchPeople(t, st)
	imported := false
	pi := openPunchImport(s, NewData(st), presetPunchFile("原始记录.csv"), func() { imported = true })

	// The preview names the numbers the machine's table does not know, with
	// the person of the same name chosen, and none for the namesakes.
	if !strings.Contains(pi.preview.Text, "ZKTime 原始记录") || !strings.Contains(pi.preview.Text, "未对照的考勤号码：3 个") {
		t.Fatalf("preview:\n%s", pi.preview.Text)
	}
	got := map[string]string{}
	for _, u := range pi.unknown {
		got[u.no] = u.pick.Selected
	}
	if got["12"] != "T001 王晓明" || got["305"] != "T003 赵一凡" || got["7"] != "" {
		t.Fatalf("proposals %v", got)
	}
	if opts := pi.unknown[0].pick.Options; pi.unknown[0].no != "7" || opts[0] != "T002 刘芳" || opts[1] != "T004 刘芳" {
		t.Fatalf("the namesakes do not come first: %s %v", pi.unknown[0].no, opts)
	}
	test.Tap(pi.importBt)
	if ps, _ := st.Punches(models.PunchFilter{}); len(ps) != 0 || imported {
		t.Fatal("imported with a number nobody chose a person for")
	}

	pi.unknown[0].pick.SetSelected("T002 刘芳")
	test.Tap(pi.importBt)
	// Confirmed: the preview now says what will be imported, still nothing written.
	if !strings.Contains(pi.preview.Text, "将导入 3 人、6 个人天的打卡 12 条") || !strings.Contains(pi.preview.Text, "记住本次确认的 3 个考勤号码对照") || imported {
		t.Fatalf("preview:\n%s", pi.preview.Text)
	}
	if maps, _ := st.PunchMaps(""); len(maps) != 0 {
		t.Fatal("the mapping was saved before the import")
	}
	test.Tap(pi.importBt)
	if !imported {
		t.Fatalf("not imported: %v", pi.err)
	}
	ps, _ := st.Punches(models.PunchFilter{})
	if len(ps) != 12 || ps[0].Source != "原始记录.csv 第2行" {
		t.Fatalf("%d punches, first from %q", len(ps), ps[0].Source)
	}
	maps, _ := st.PunchMaps("中控考勤机")
	if len(maps) != 3 {
		t.Fatalf("mapping not remembered: %+v", maps)
	}

	// Next time the same machine's file goes straight to its preview.
	pi = openPunchImport(s, NewData(st), presetPunchFile("1_attlog.dat"), nil)
	if len(pi.unknown) != 0 || !strings.Contains(pi.preview.Text, "60 秒内重复打卡、只算一次：1 条") || !strings.Contains(pi.preview.Text, "已导入过、跳过：12 条") {
		t.Fatalf("preview:\n%s", pi.preview.Text)
	}
}

func TestClerkAddsANumberOnTheMappingScreen(t *testing.T) {
	s, st := newTestShell(t)
	seedPunchPeople(t, st)
	e := openPunchMap(s, NewData(st))
	e.device.SetText("钉钉")
	if !strings.Contains(e.empty.Text, "还没有对照的号码") {
		t.Errorf("an empty table says %q", e.empty.Text)
	}
	test.Type(e.no, "0216")
	e.person.SetSelected("T003 赵一凡")
	test.Tap(e.add)
	if len(e.rows) != 1 || e.rows[0].MachineNo != "0216" || e.rows[0].Staff.Name != "赵一凡" {
		t.Fatalf("rows %+v", e.rows)
	}
	if e.no.Text != "" {
		t.Error("the form is not cleared for the next number")
	}
	if e.empty.Text != "" {
		t.Errorf("a table with a number still says %q", e.empty.Text)
	}
	e.device.SetText("中控考勤机")
	if len(e.rows) != 0 {
		t.Errorf("another machine shows %+v", e.rows)
	}
	// The command line's --map file, read on the screen.
	e.onMapFile(presetPunchFile("考勤号码对照.csv"))
	var got []string
	for _, m := range e.rows {
		got = append(got, m.MachineNo+"→"+m.Staff.EmployeeNo)
	}
	if strings.Join(got, ",") != "7→T002,0012→T001,305→T003" {
		t.Errorf("rows %v", got)
	}
}

func TestClerkMapsTheColumnsOfAFileGovDeskDoesNotKnow(t *testing.T) {
	s, st := newTestShell(t)
	seedPunchPeople(t, st)
	if err := st.SavePunchMaps("考勤机", []models.PunchMapPair{{MachineNo: "12", EmployeeNo: "T001"}, {MachineNo: "7", EmployeeNo: "T002"}, {MachineNo: "305", EmployeeNo: "T003"}}); err != nil {
		t.Fatal(err)
	}
	pi := openPunchImport(s, NewData(st), presetPunchFile("门禁导出.csv"), nil)
	if !strings.Contains(pi.preview.Text, "无法识别这个打卡文件的格式") || !pi.importBt.Disabled() {
		t.Fatalf("preview:\n%s", pi.preview.Text)
	}
	pi.onColumns()
	f := pi.lastColumns
	f.header.SetText("2")
	if strings.Join(f.headers, ",") != "人员编号,人员姓名,刷卡日期,上午,下午" {
		t.Fatalf("headers %v", f.headers)
	}
	f.person.SetSelected("人员编号")
	f.name.SetSelected("人员姓名")
	f.date.SetSelected("刷卡日期")
	f.times.SetSelected([]string{"上午", "下午"})
	f.saveAs.SetText("门禁")
	f.dlg.Confirm()
	if !strings.Contains(pi.preview.Text, "将导入 3 人、3 个人天的打卡 8 条") {
		t.Fatalf("preview:\n%s", pi.preview.Text)
	}
	test.Tap(pi.importBt)
	if ps, _ := st.Punches(models.PunchFilter{}); len(ps) != 8 {
		t.Fatalf("%d punches", len(ps))
	}
	if saved, _ := st.PunchColumnLayouts(); !strings.Contains(saved["门禁"], "人员=人员编号") {
		t.Errorf("saved layouts %v", saved)
	}
}

// The same days exported in each of the seven layouts, imported on the
// 考勤 screen, give the same monthly sheet.
func TestEachMachineLayoutImportedOnTheScreenGivesTheSameSheet(t *testing.T) {
	files := []string{"1_attlog.dat", "原始记录.csv", "Attendance Log.csv", "考勤记录.csv", "钉钉原始记录.xlsx", "钉钉每日统计.xlsx", "得力考勤月报.xlsx", "考勤报表.xls"}
	sheet := func(t *testing.T, st *models.Store) string {
		t.Helper()
		path := filepath.Join(t.TempDir(), "考勤.csv")
		if _, err := NewData(st).Export("attendance", path, reports.ExportOptions{Month: "2026-11"}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	var want string
	for i, file := range files {
		t.Run(file, func(t *testing.T) {
			s, st := newTestShell(t)
			seedPunchPeople(t, st)
			for _, dev := range []string{"中控考勤机", "钉钉", "得力考勤机"} {
				if err := st.SavePunchMaps(dev, []models.PunchMapPair{{MachineNo: "0012", EmployeeNo: "T001"}, {MachineNo: "7", EmployeeNo: "T002"}, {MachineNo: "305", EmployeeNo: "T003"}}); err != nil {
					t.Fatal(err)
				}
			}
			before := sheet(t, st)
			done := false
			pi := openPunchImport(s, NewData(st), presetPunchFile(file), func() { done = true })
			test.Tap(pi.importBt)
			if !done {
				t.Fatalf("not imported: %v\n%s", pi.err, pi.preview.Text)
			}
			got := sheet(t, st)
			if got == before {
				t.Fatal("the import changed nothing in the sheet")
			}
			if i == 0 {
				want = got
				return
			}
			if got != want {
				t.Errorf("sheet\n%s\nwant (from the USB stick's file)\n%s", got, want)
			}
		})
	}
}

func TestClerkPreviewsGovDesksOwnFileAndImportsIt(t *testing.T) {
	s, st := newTestShell(t)
	seedPunchPeople(t, st)
	path := filepath.Join(t.TempDir(), "打卡.csv")
	if err := os.WriteFile(path, []byte("工号,姓名,打卡时间,设备\nT001,王晓明,2026-11-06 08:00,前台\nT002,刘芳,2026-11-06 08:05,前台\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := false
	pi := openPunchImport(s, NewData(st), path, func() { done = true })
	if !strings.Contains(pi.preview.Text, "本程序的打卡文件") || !strings.Contains(pi.preview.Text, "将导入 2 人、2 个人天的打卡 2 条") {
		t.Fatalf("preview:\n%s", pi.preview.Text)
	}
	if ps, _ := st.Punches(models.PunchFilter{}); len(ps) != 0 {
		t.Fatal("the preview wrote punches")
	}
	test.Tap(pi.importBt)
	if ps, _ := st.Punches(models.PunchFilter{}); len(ps) != 2 || !done {
		t.Fatalf("%d punches imported", len(ps))
	}
}
