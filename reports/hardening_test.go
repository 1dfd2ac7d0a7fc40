package reports

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// windowsFile is a good windows file of n rows, as GovDesk exports it.
func windowsFile(n int) string {
	var b strings.Builder
	b.WriteString("\uFEFF窗口编号,窗口名称,派驻单位,区域\r\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "W%02d,\"第%d综合窗口，含逗号\",市政务服务中心,一楼A区\r\n", i, i)
	}
	return b.String()
}

func xlsxFile(t *testing.T, fill func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDamagedOrHostileFilesAreRefusedAndChangeNothing(t *testing.T) {
	good := windowsFile(6)
	bom := "\uFEFF"
	xfd := xlsxFile(t, func(f *excelize.File) {
		f.SetSheetRow("Sheet1", "A1", &[]any{"窗口编号", "窗口名称", "派驻单位"})
		for r := 2; r <= 200; r++ {
			f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", r), &[]any{fmt.Sprintf("W%d", r), "综合窗口", "市政务服务中心"})
			f.SetCellValue("Sheet1", fmt.Sprintf("XFD%d", r), "x")
		}
	})
	whole := xlsxFile(t, func(f *excelize.File) {
		f.SetSheetRow("Sheet1", "A1", &[]any{"窗口编号", "窗口名称", "派驻单位"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"W1", "综合窗口", "市政务服务中心"})
	})
	cases := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"最后一行被截断", "窗口.csv", []byte(good[:strings.LastIndex(good, "市政务")]), "最后一行"},
		{"最后一个单元格中被截断", "窗口.csv", []byte(strings.TrimSuffix(good, "A区\r\n")), "没有以换行结束"},
		{"引号中被截断", "窗口.csv", []byte(good[:strings.LastIndex(good, "含逗号")]), "引号没有成对"},
		{"多字节字中被截断", "窗口.csv", []byte(good[:strings.LastIndex(good, "含逗号")+1]), "最后一个字不完整"},
		{"BOM 后有无效字节", "窗口.csv", []byte(bom + "窗口编号,窗口名称,派驻单位\r\nW1,王\xff\xfe窗口,市政务服务中心\r\n"), "无效的 UTF-8 字节"},
		{"无 BOM 的 UTF-8 中有无效字节", "窗口.csv", []byte("窗口编号,窗口名称,派驻单位\r\nW1,王堃的窗口\xff,市政务服务中心\r\nW2,综合窗口,市政务服务中心\r\n"), "无效的 UTF-8 字节"},
		{"名称中有 NUL", "窗口.csv", []byte("窗口编号,窗口名称,派驻单位\r\nW1,王\x00窗口,市政务服务中心\r\n"), "控制字符（U+0000）"},
		{"编号中有响铃字符", "窗口.csv", []byte("窗口编号,窗口名称,派驻单位\r\nW\x071,综合窗口,市政务服务中心\r\n"), "控制字符（U+0007）"},
		{"名称中有替换字符", "窗口.csv", []byte("窗口编号,窗口名称,派驻单位\r\nW1,王\uFFFD窗口,市政务服务中心\r\n"), "乱码"},
		{"名称超长", "窗口.csv", []byte("窗口编号,窗口名称,派驻单位\r\nW1," + strings.Repeat("窗", 100000) + ",市政务服务中心\r\n"), "最多 64 个字，这里有 100000 个字"},
		{"未导入的列超长", "窗口.csv", []byte("窗口编号,窗口名称,派驻单位,备注\r\nW1,综合窗口,市政务服务中心," + strings.Repeat("x", 40000) + "\r\n"), "最多 32767 个字"},
		{"xlsx 的列到 XFD", "窗口.xlsx", xfd, "XFD 列有内容"},
		{"xlsx 被截断", "窗口.xlsx", whole[:len(whole)/2], "文件已损坏、不完整"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			_, err := Import(st, "windows", writeFile(t, c.file, c.data), nil)
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("Import = %v, want the file refused", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("message does not say %q:\n%v", c.want, err)
			}
			if ws, _ := st.ServiceWindows(); len(ws) != 0 {
				t.Errorf("the refused file added %d windows", len(ws))
			}
		})
	}
}

func TestEveryBadRowIsNamed(t *testing.T) {
	st := openStore(t)
	data := "窗口编号,窗口名称,派驻单位\r\nW1,王\x00窗口,市政务服务中心\r\nW2,综合窗口,市政务服务中心\r\nW3," + strings.Repeat("窗", 65) + ",市政务服务中心\r\n"
	_, err := Import(st, "windows", writeFile(t, "窗口.csv", []byte(data)), nil)
	for _, want := range []string{"第2行 “窗口名称”列：含有不可见的控制字符", "第4行 “窗口名称”列：内容太长：最多 64 个字，这里有 65 个字"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal does not say %q:\n%v", want, err)
		}
	}
}

func TestCompleteFilesStillImport(t *testing.T) {
	for _, c := range []struct {
		name string
		data string
	}{
		{"以换行结束", windowsFile(3)},
		{"可选列留空且省略", "窗口编号,窗口名称,派驻单位,区域\nW01,综合窗口,市政务服务中心\nW02,综合窗口二,市政务服务中心,一楼\n"},
		{"多行说明", "窗口编号,窗口名称,派驻单位,区域\nW01,综合窗口,市政务服务中心,\"一楼\nA区\"\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			if _, err := Import(st, "windows", writeFile(t, "窗口.csv", []byte(c.data)), nil); err != nil {
				t.Fatalf("a complete file was refused: %v", err)
			}
		})
	}
}

func TestBigXLSXIsReadRowByRow(t *testing.T) {
	data := xlsxFile(t, func(f *excelize.File) {
		sw, _ := f.NewStreamWriter("Sheet1")
		sw.SetRow("A1", []any{"窗口编号", "窗口名称", "派驻单位"})
		for r := 2; r <= 3000; r++ {
			sw.SetRow(fmt.Sprintf("A%d", r), []any{fmt.Sprintf("W%d", r), "综合窗口", "市政务服务中心"})
		}
		sw.Flush()
	})
	path := filepath.Join(t.TempDir(), "窗口.xlsx")
	os.WriteFile(path, data, 0o644)
	sh, err := ReadSheet(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(rowsOf(sh)) != 2999 || rowsOf(sh)[2998].Cells[0] != "W3000" {
		t.Errorf("read %d rows", len(rowsOf(sh)))
	}
}
