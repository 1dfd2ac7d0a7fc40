package reports

import (
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
)

// A file without quotes is cut into rows and cells without encoding/csv,
// and must be cut exactly as encoding/csv cuts it.
func TestPlainCSVIsCutAsEncodingCSVCutsIt(t *testing.T) {
	var long strings.Builder
	long.WriteString("工号,姓名,打卡时间\r\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&long, "ZW%04d,王堃,2026-11-02 08:%02d:00\r\n", i, i%60)
		if i%7 == 0 {
			long.WriteString("\n\r\n")
		}
	}
	defer func(was int) { parallelCutBytes = was }(parallelCutBytes)
	// each text cut on one core, then in two halves at once
	for _, cutAt := range []int{parallelCutBytes, 1} {
		parallelCutBytes = cutAt
		cutAsEncodingCSV(t, long.String())
	}
}

func cutAsEncodingCSV(t *testing.T, long string) {
	// a file cut short is refused naming its last line
	if _, err := parseCSV("a,b\n1,2\n\n3,4\n5"); err == nil || !strings.Contains(err.Error(), "第5行") {
		t.Errorf("a file cut short: %v", err)
	}
	for _, text := range []string{
		long,
		"工号,打卡时间,考勤机\nZW001,2026-11-02 08:27:41,前台\n",
		"工号,打卡时间\r\nZW001,2026-11-02 08:27:41\r\n\r\n\nZW002,2026-11-02 08:30:00\r\n",
		"a,b\n,\n ,x \n",
		"a,b,c\nonly\n1,2,3,4\n",
		"a\tb\n王堃\t𠮷\n",
		"a,b\nx\ry,z\n",
		"a,b\nx,y\r",
		"\n\na,b\n\x1a",
	} {
		got, err := parseCSV(text)
		if err != nil && !strings.Contains(err.Error(), "没有以换行结束") {
			t.Fatalf("%q: %v", text, err)
		}
		r := csv.NewReader(strings.NewReader(text))
		if first, _, _ := strings.Cut(text, "\n"); strings.Count(first, "\t") > strings.Count(first, ",") {
			r.Comma = '\t'
		}
		r.FieldsPerRecord = -1
		want, werr := r.ReadAll()
		if werr != nil {
			t.Fatal(werr)
		}
		if err == nil && fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
		if err != nil && !strings.HasSuffix(text, "\r") && !strings.HasSuffix(text, "\x1a") {
			t.Errorf("%q refused: %v", text, err)
		}
	}
}
