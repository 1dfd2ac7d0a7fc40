package reports

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"govdesk/models"
)

// BenchmarkImportStaffFile400 reads and checks a 400-row staff file and
// imports it into a centre that already holds those people (so each
// iteration does the same work: every row compared, none written).
func BenchmarkImportStaffFile400(b *testing.B) {
	for _, ext := range []string{".csv", ".xlsx"} {
		b.Run(ext, func(b *testing.B) {
			st, err := models.Open(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			var w strings.Builder
			w.WriteString("窗口编号,窗口名称,派驻单位\n")
			for i := 0; i < 40; i++ {
				fmt.Fprintf(&w, "W%02d,综合窗口,单位%d\n", i, i%12)
			}
			var s [][]string
			for i := 0; i < 400; i++ {
				s = append(s, []string{fmt.Sprintf("ZW%04d", i), "王堃", "", "", "13800138000", fmt.Sprintf("单位%d", i%12),
					fmt.Sprintf("W%02d", i%40), "窗口工作人员", "2024-01-02", "", "在岗"})
			}
			dir := b.TempDir()
			wf := filepath.Join(dir, "w.csv")
			if err := writeText(wf, w.String()); err != nil {
				b.Fatal(err)
			}
			if _, err := Import(st, "windows", wf, nil); err != nil {
				b.Fatal(err)
			}
			path := filepath.Join(dir, "staff"+ext)
			if err := WriteSheet(path, "人员", columnNames(staffColumns), s); err != nil {
				b.Fatal(err)
			}
			if _, err := Import(st, "staff", path, nil); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				stats, err := Import(st, "staff", path, nil)
				if err != nil || stats.Unchanged != 400 {
					b.Fatal(err, stats)
				}
			}
		})
	}
}
