package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestImportingStaffOfAnUnknownUnitOffersToCreateIt(t *testing.T) {
	s, st := newTestShell(t)
	seedWindow(t, st) // 市市场监督管理局 runs A01
	path := filepath.Join(t.TempDir(), "人员.csv")
	csv := "工号,姓名,性别,身份证号,手机号,派驻单位,窗口编号,岗位,入驻日期,离岗日期,状态\n" +
		"ZW101,王堃,男,,,市市场监督管理局,A01,窗口工作人员,2026-01-05,,\n" +
		"ZW102,李喆,男,,,不存在局,A01,窗口工作人员,2026-01-05,,\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	runImport(s, s.data, "staff", "人员", path, nil)

	// refused, naming the unit; nothing imported yet
	if people, _ := st.StaffList(); len(people) != 0 {
		t.Fatalf("%d people imported before the unit was confirmed", len(people))
	}
	create := dialogButton(t, s, "新建这 1 个单位并导入")
	if msg := dialogText(s); !strings.Contains(msg, "不存在局") || strings.Contains(msg, "市市场监督管理局") {
		t.Fatalf("the dialog says %q", msg)
	}

	test.Tap(create)
	units, _ := st.HomeUnits()
	var names []string
	for _, u := range units {
		names = append(names, u.Name)
	}
	if strings.Join(names, "、") != "市市场监督管理局、不存在局" && strings.Join(names, "、") != "不存在局、市市场监督管理局" {
		t.Fatalf("units now %v", names)
	}
	if people, _ := st.StaffList(); len(people) != 2 {
		t.Fatalf("%d people imported after creating the unit", len(people))
	}
}
