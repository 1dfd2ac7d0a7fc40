package reports

import "fmt"

// columnNotes explain the columns of the windows and staff files, for the
// template and for the setup wizard beside its file choosers.
var columnNotes = map[string]string{
	"窗口编号": "如A05，每个窗口唯一",
	"窗口名称": "如不动产登记窗口",
	"派驻单位": "进驻的部门全称，如市自然资源局",
	"区域":   "如一楼A区，可空",
	"工号":   "每人唯一，如ZW006",
	"姓名":   "",
	"性别":   "男或女，可空",
	"身份证号": "18位，可空",
	"手机号":  "11位，可空",
	"岗位":   "首席代表、窗口工作人员或临时替岗人员",
	"入驻日期": "如2026-03-01",
	"离岗日期": "仍在岗的留空",
	"状态":   "在岗、待岗、退回原单位或调离，可空",
}

// templateSamples is one example row of each template, so the file shows
// how a cell is written; the office replaces it with its own rows.
var templateSamples = map[string]map[string]string{
	"windows": {"窗口编号": "A01", "窗口名称": "企业开办窗口", "派驻单位": "市市场监督管理局", "区域": "一楼A区"},
	"staff": {"工号": "ZW001", "姓名": "张三", "性别": "男", "派驻单位": "市市场监督管理局", "窗口编号": "A01",
		"岗位": "窗口工作人员", "入驻日期": "2026-03-01"},
}

// ImportColumns gives the columns of an import file of kind, as Import reads
// them, or nil for a kind it does not accept.
func ImportColumns(kind string) []Column {
	mk, ok := importers[kind]
	if !ok {
		return nil
	}
	return mk().columns()
}

// ColumnHelp describes the columns of an import file of kind, one line
// each: its name, whether it must be filled, and how.
func ColumnHelp(kind string) []string {
	var out []string
	for _, c := range ImportColumns(kind) {
		line := c.Name
		if c.Required {
			line += "（必填）"
		}
		if n := columnNotes[c.Name]; n != "" {
			line += "：" + n
		}
		out = append(out, line)
	}
	return out
}

// WriteImportTemplate writes an .xlsx (or .csv) to path with the header
// Import of kind reads and one example row.
func WriteImportTemplate(kind, path string) error {
	cols := ImportColumns(kind)
	if cols == nil {
		return fmt.Errorf("没有“%s”的导入模板", kind)
	}
	header := make([]string, len(cols))
	sample := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.Name
		sample[i] = templateSamples[kind][c.Name]
	}
	return WriteSheet(path, "导入模板", header, [][]string{sample})
}
