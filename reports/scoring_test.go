package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govdesk/models"
)

// TestScoresMonthFromImportedFiles scores November 2026 for a small centre
// built only from imported files, and compares the export with figures
// worked out by hand from DOMAIN.md §8:
//
//	王堃  100 − 1 (迟到 11月3日) + 1 (锦旗)                  = 100
//	李喆  100 − 3 (一次性告知, 1st this year)                = 97, loses the quarter's star
//	张昇  100 − 5 (complaint 属实, 服务用语不当)              = 95, loses the star and the bonus;
//	      the violation the complaint creates deducts nothing more
//	刘玥  100 − 1 (不满意)                                    = 99
//	替岗甲 100 − 2 (缺卡 11月6日)                             = 98, a substitute: for information only
//	A01 = mean(王堃 100, 李喆 97) = 98.5 (deductions 2, bonus 0.5): 满意窗口
//	A02 = mean(张昇 95, 刘玥 99)  = 97, not eligible: its staff's complaint for 服务用语不当
//	people ranked among the eligible: 王堃 1, 刘玥 2.
func TestScoresMonthFromImportedFiles(t *testing.T) {
	st := openStore(t)
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, gb18030(t, body), 0o644))
		return p
	}
	mustImport(t, st, "windows", file("windows.csv", "窗口编号,窗口名称,派驻单位\nA01,企业开办窗口,市市场监督管理局\nA02,社会保险窗口,市人力资源和社会保障局\n"))
	mustImport(t, st, "staff", file("staff.csv", "工号,姓名,派驻单位,窗口编号,岗位,入驻日期\n"+
		"ZW001,王堃,市市场监督管理局,A01,首席代表,2026-11-01\n"+
		"ZW002,李喆,市市场监督管理局,A01,窗口工作人员,2026-11-01\n"+
		"ZW003,张昇,市人力资源和社会保障局,A02,首席代表,2026-11-01\n"+
		"ZW004,刘玥,市人力资源和社会保障局,A02,窗口工作人员,2026-11-01\n"+
		"ZW009,替岗甲,市市场监督管理局,A01,临时替岗人员,2026-11-01\n"))
	cal, _ := st.Calendar()
	var punches strings.Builder
	punches.WriteString("工号,姓名,打卡时间,设备\n")
	names := map[string]string{"ZW001": "王堃", "ZW002": "李喆", "ZW003": "张昇", "ZW004": "刘玥", "ZW009": "替岗甲"}
	for d := models.NewDate(2026, 11, 1); d.Month() == 11; d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		for _, no := range []string{"ZW001", "ZW002", "ZW003", "ZW004", "ZW009"} {
			for _, hm := range []string{"08:20", "12:05", "13:20", "17:10"} {
				if no == "ZW001" && d.Day() == 3 && hm == "08:20" {
					hm = "08:41" // 迟到11分钟
				}
				if no == "ZW009" && d.Day() == 6 && hm == "17:10" {
					continue // 缺卡
				}
				fmt.Fprintf(&punches, "%s,%s,%s %s,大厅1号机\n", no, names[no], d, hm)
			}
		}
	}
	mustImport(t, st, "punches", file("punches.csv", punches.String()))
	mustImport(t, st, "violations", file("violations.csv", "工号,日期,类别,情形,记录人\nZW002,2026-11-12,一次性告知,未一次性告知补正材料致群众二次跑腿,督查科\n"))
	mustImport(t, st, "complaints", file("complaints.csv", "日期,窗口编号,工号,投诉人,内容,核查结果,问题类别\n2026-11-05,A02,ZW003,刘先生,窗口人员态度生硬、使用禁语,属实,服务用语不当\n"))
	mustImport(t, st, "ratings", file("ratings.csv", "日期,窗口编号,工号,评价\n2026-11-10,A02,ZW004,不满意\n2026-11-11,A02,ZW004,非常满意\n2026-11-12,A01,ZW001,满意\n"))
	mustImport(t, st, "commendations", file("commendations.csv", "工号,日期,类型,说明\nZW001,2026-11-09,锦旗,群众赠送锦旗\n"))

	out := filepath.Join(dir, "scores.csv")
	if _, err := Export(st, "scores-month", out, ExportOptions{Month: "2026-11"}); err != nil {
		t.Fatal(err)
	}
	sh, err := ReadSheet(out)
	must(t, err)
	if strings.Join(sh.Header, ",") != "类型,编号,名称,基础分,扣分,加分,得分,排名,评选资格,取消原因,满意窗口,月度考核奖,同分说明,评选决定,得票,文号" {
		t.Fatalf("header %v", sh.Header)
	}
	got := map[string][]string{}
	var order []string
	for _, r := range rowsOf(sh) {
		cells := append(r.Cells, make([]string, 12)...)[:12]
		got[cells[1]] = cells
		order = append(order, cells[1])
	}
	want := map[string]string{ // 基础分,扣分,加分,得分,排名,评选资格 | 满意窗口,月度考核奖
		"A01":   "100,2,0.5,98.5,1,有|是,",
		"A02":   "100,3,0,97,,无|否,",
		"ZW001": "100,1,1,100,1,有|,正常",
		"ZW004": "100,1,0,99,2,有|,正常",
		"ZW009": "100,2,0,98,,无|,正常",
		"ZW002": "100,3,0,97,,无|,正常",
		"ZW003": "100,5,0,95,,无|,扣发",
	}
	for key, w := range want {
		c, ok := got[key]
		if !ok {
			t.Errorf("%s missing from the export", key)
			continue
		}
		if have := strings.Join(c[3:9], ",") + "|" + strings.Join(c[10:12], ","); have != w {
			t.Errorf("%s: got %s, want %s (reasons %q)", key, have, w, c[9])
		}
	}
	for key, reason := range map[string]string{"A02": "服务用语不当", "ZW002": "一次性告知", "ZW003": "服务用语不当", "ZW009": "临时替岗"} {
		if !strings.Contains(got[key][9], reason) {
			t.Errorf("%s: reason %q should mention %s", key, got[key][9], reason)
		}
	}
	if strings.Join(order, " ") != "A01 A02 ZW001 ZW004 ZW009 ZW002 ZW003" {
		t.Errorf("order %v", order)
	}
}
