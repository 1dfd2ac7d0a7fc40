package reports

import (
	"os"
	"path/filepath"
	"testing"
)

// Whatever bytes arrive as a "CSV" file, reading it gives rows or an error.
func FuzzReadSheetCSV(f *testing.F) {
	for _, s := range []string{"窗口编号,窗口名称,派驻单位\nA01,综合窗口,市民政局\n", "\xef\xbb\xbfa,b\n1,2\n", "\xff\xfe\x00", "\"unterminated\n", "a\tb\n1\t2\n", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "f.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ReadSheet(p)
	})
}
