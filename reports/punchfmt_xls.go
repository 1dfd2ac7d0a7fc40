package reports

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/shakinm/xlsReader/xls"
)

// readXLS reads every sheet of an Excel 97–2003 (.xls, BIFF8) workbook, as
// the USB 考勤报表 of ZKTeco machines is written. The reader is guarded: a
// workbook it cannot follow (some panic on an empty sheet) gives an error
// in Chinese, never a crash.
func readXLS(path string) (tables []punchTable, err error) {
	base := filepath.Base(path)
	defer func() {
		if r := recover(); r != nil {
			tables, err = nil, fmt.Errorf("无法读取旧版 Excel 文件 %s（%v）：请在 Excel 中“另存为” .xlsx 后再导入", base, r)
		}
	}()
	wb, err := xls.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开旧版 Excel 文件 %s：%w", base, err)
	}
	if wb.GetNumberSheets() == 0 {
		return nil, fmt.Errorf("%s 不是有效的旧版 Excel 文件（没有工作表）", base)
	}
	for i := 0; i < wb.GetNumberSheets(); i++ {
		sh, err := wb.GetSheet(i)
		if err != nil {
			return nil, fmt.Errorf("无法读取 %s 的第%d个工作表：%w", base, i+1, err)
		}
		t := punchTable{Name: sh.GetName()}
		for _, row := range sh.GetRows() {
			var cells []string
			for _, c := range row.GetCols() {
				text := ""
				if !strings.Contains(c.GetType(), "Blank") {
					text = c.GetString()
				}
				cells = append(cells, text)
			}
			t.Rows = append(t.Rows, cells)
		}
		tables = append(tables, t)
	}
	return tables, nil
}
