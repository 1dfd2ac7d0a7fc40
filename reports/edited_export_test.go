package reports

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"govdesk/models"
)

// readExport reads a CSV export back as its header and rows.
func readExport(t *testing.T, path string) ([]string, [][]string) {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
	must(t, err)
	return recs[0], recs[1:]
}

func writeExport(t *testing.T, path string, header []string, rows [][]string) {
	t.Helper()
	f, err := os.Create(path)
	must(t, err)
	defer f.Close()
	f.WriteString("\uFEFF")
	w := csv.NewWriter(f)
	w.Write(header)
	w.WriteAll(rows)
	w.Flush()
	must(t, w.Error())
}

// edit is a change a person makes in Excel to one column of an exported row.
type edit struct {
	column string
	to     func(row map[string]string) string
}

func set(v string) func(map[string]string) string { return func(map[string]string) string { return v } }

func appendText(col, s string) func(map[string]string) string {
	return func(r map[string]string) string { return r[col] + s }
}

func TestEditingEveryColumnOfAnExportInExcelUpdatesTheSameRecords(t *testing.T) {
	kinds := []struct {
		kind  string
		pick  func(row map[string]string) bool // the row the person edits
		edits []edit
	}{
		{"commendations", func(r map[string]string) bool { return r["类型"] == "表扬信" }, []edit{
			{"工号", set("ZW002")}, {"日期", set("2026-11-20")}, {"类型", set("锦旗")}, {"说明", appendText("说明", "。")},
		}},
		{"violations", func(r map[string]string) bool { return true }, []edit{
			{"工号", set("ZW003")}, {"日期", set("2026-11-19")}, {"类别", set("工作纪律")},
			{"情形", appendText("情形", "。")}, {"记录人", set("李四")},
		}},
		{"complaints", func(r map[string]string) bool { return r["核查结果"] == "核查中" }, []edit{
			{"日期", set("2026-11-18")}, {"窗口编号", set("B02")}, {"工号", set("")}, {"投诉人", set("王先生")},
			{"内容", appendText("内容", "。")}, {"核查结果", set("不属实")}, {"问题类别", set("其他")},
			{"联系方式", set("13800000000")}, {"渠道", set("12345热线")}, {"核查情况", set("调取录像核实")},
			{"核查结论", set("窗口人员按规定办理")}, {"办结日期", set("2026-11-25")},
		}},
		{"ratings", func(r map[string]string) bool { return r["整改状态"] == "待整改" }, []edit{
			{"日期", set("2026-11-17")}, {"窗口编号", set("B03")}, {"工号", set("")}, {"评价", func(r map[string]string) string {
				if r["评价"] == "非常不满意" {
					return "不满意"
				}
				return "非常不满意"
			}},
			{"办件编号", set("BJ-TEST-1")}, {"评价内容", appendText("评价内容", "。")}, {"整改状态", set("整改完成")},
			{"整改措施", set("已当面致歉并完善告知单")}, {"整改完成日期", set("2026-11-24")},
		}},
		{"leaves", func(r map[string]string) bool { return r["状态"] == "待审批" }, []edit{
			{"工号", set("ZW026")}, {"类型", set("事假")}, {"开始", set("2026-11-30 上午")}, {"结束", set("2026-11-30 下午")},
			{"事由", appendText("事由", "。")}, {"状态", set("已批准")}, {"审批人", set("综合业务科 郝建华")},
			{"顶岗人员工号", set("ZW046")}, {"申请时间", set("2026-11-26 08:50")},
		}},
		{"leaves", func(r map[string]string) bool { return r["状态"] == "已销假" }, []edit{
			{"销假日期", set("2026-11-19")}, {"申请时间", set("2026-11-18 09:30")},
			{"补假说明", set("当天清晨突发急事，电话请假")}, {"审批层级", set("中心领导")},
		}},
		{"uniforms", func(r map[string]string) bool { return r["品名"] == "棉服" }, []edit{
			{"工号", set("ZW002")}, {"尺码", set("L")}, {"数量", set("2")}, {"发放日期", set("2026-10-29")}, {"原因", set("破损更换")},
		}},
		{"inspections", func(r map[string]string) bool { return true }, []edit{
			{"工号", set("ZW004")}, {"离岗时间", set("2026-11-16 10:05")}, {"返岗时间", set("2026-11-16 10:40")},
			{"检查人", set("赵六")}, {"说明", appendText("说明", "。")},
		}},
	}
	for _, k := range kinds {
		t.Run(k.kind, func(t *testing.T) {
			st := demoStore(t)
			dir := t.TempDir()
			first := filepath.Join(dir, "导出.csv")
			month := "2026-11"
			if k.kind == "uniforms" {
				month = "" // the demo's ledger holds the season changes before November: the whole of it
			}
			_, err := Export(st, k.kind, first, ExportOptions{Month: month})
			must(t, err)
			header, rows := readExport(t, first)
			if header[0] != "编号" {
				t.Fatalf("the export's first column is %q, want 编号", header[0])
			}
			at := -1
			for i, r := range rows {
				m := map[string]string{}
				for j, h := range header {
					m[h] = r[j]
				}
				if k.pick(m) {
					at = i
					break
				}
			}
			if at < 0 {
				t.Fatalf("no row to edit among %d", len(rows))
			}
			edited := slices.Clone(rows[at])
			m := map[string]string{}
			for j, h := range header {
				m[h] = edited[j]
			}
			for _, e := range k.edits {
				j := slices.Index(header, e.column)
				if j < 0 {
					t.Fatalf("no column %s in %v", e.column, header)
				}
				edited[j] = e.to(m)
				if edited[j] == rows[at][j] && e.column != "工号" {
					t.Fatalf("the edit of %s changes nothing (%q)", e.column, edited[j])
				}
			}
			rows[at] = edited
			changed := filepath.Join(dir, "已修改.csv")
			writeExport(t, changed, header, rows)

			stats, err := Import(st, k.kind, changed, nil)
			if err != nil {
				t.Fatalf("importing the edited export: %v", err)
			}
			if stats.Created != 0 || stats.Updated != 1 {
				t.Errorf("importing the edited export gave %v, want 1 updated and none added", stats)
			}

			again := filepath.Join(dir, "再次导出.csv")
			_, err = Export(st, k.kind, again, ExportOptions{Month: month})
			must(t, err)
			_, after := readExport(t, again)
			if len(after) != len(rows) {
				t.Errorf("%d rows after the import, %d before", len(after), len(rows))
			}
			var back []string
			for _, r := range after {
				if r[0] == edited[0] {
					back = r
				}
			}
			if back == nil {
				t.Fatalf("the record %s is gone after the import", edited[0])
			}
			for _, e := range k.edits {
				j := slices.Index(header, e.column)
				if back[j] != edited[j] {
					t.Errorf("%s: exported again as %q, edited to %q", e.column, back[j], edited[j])
				}
			}
			if stats, err := Import(st, k.kind, again, nil); err != nil || stats.Updated+stats.Created != 0 {
				t.Errorf("importing the new export again gave %v %v, want nothing changed", stats, err)
			}
		})
	}
}

func TestRecordKeyOfAnotherDatabaseMatchesOnContent(t *testing.T) {
	st := demoStore(t)
	out := filepath.Join(t.TempDir(), "表扬.csv")
	_, err := Export(st, "commendations", out, ExportOptions{})
	must(t, err)
	header, rows := readExport(t, out)
	for _, r := range rows {
		r[0] = "BY-ZZZZ-" + strings.TrimPrefix(r[0][strings.LastIndex(r[0], "-"):], "-")
	}
	path := filepath.Join(t.TempDir(), "表扬.csv")
	writeExport(t, path, header, rows)
	stats, err := Import(st, "commendations", path, nil)
	if err != nil || stats != (models.ImportStats{Unchanged: len(rows)}) {
		t.Errorf("importing rows with another database's 编号 gave %v %v, want every row matched", stats, err)
	}
}

func TestRecordKeysOfAnotherKindOrUnknownAreRefused(t *testing.T) {
	st := demoStore(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "表扬.csv")
	_, err := Export(st, "commendations", out, ExportOptions{})
	must(t, err)
	header, rows := readExport(t, out)
	keys, err := st.RecordKeys()
	must(t, err)
	for _, c := range []struct{ name, key, want string }{
		{"另一种记录", strings.Replace(rows[0][0], "BY-", "WG-", 1), "是违规记录的编号"},
		{"已删除的记录", keys.Key(models.KeyCommendation, 99999), "已不存在"},
		{"格式不对", "abc", "格式不对"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := slices.Clone(rows[0])
			r[0] = c.key
			path := filepath.Join(t.TempDir(), "表扬.csv")
			writeExport(t, path, header, [][]string{r})
			_, err := Import(st, "commendations", path, nil)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Import = %v, want a refusal saying %q", err, c.want)
			}
		})
	}
}

func TestRectificationStateEditedInAFileWithout编号IsNotDropped(t *testing.T) {
	st := demoStore(t)
	path := filepath.Join(t.TempDir(), "好差评.csv")
	_, err := Export(st, "ratings", path, ExportOptions{})
	must(t, err)
	header, rows := readExport(t, path)
	status := slices.Index(header, "整改状态")
	at := slices.IndexFunc(rows, func(r []string) bool { return r[status] == "待整改" })
	if at < 0 {
		t.Fatal("no rating to rectify")
	}
	key := rows[at][0]
	rows[at][status] = "整改中"
	for i := range rows { // as an older file, without 编号
		rows[i] = rows[i][1:]
	}
	writeExport(t, path, header[1:], rows)
	stats, err := Import(st, "ratings", path, nil)
	if err != nil || stats.Updated != 1 || stats.Created != 0 {
		t.Fatalf("import gave %v %v, want the one rating updated", stats, err)
	}
	again := filepath.Join(t.TempDir(), "再次导出.csv")
	_, err = Export(st, "ratings", again, ExportOptions{})
	must(t, err)
	_, after := readExport(t, again)
	for _, r := range after {
		if r[0] == key && r[status] != "整改中" {
			t.Errorf("the rating's 整改状态 is %q, want 整改中", r[status])
		}
	}
}
