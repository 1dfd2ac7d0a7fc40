package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The 材料 column of the case file: imported, exported, imported again to
// the same list; an empty cell keeps the list.
func TestCaseMaterialsColumnRoundTrip(t *testing.T) {
	st := rosterForCases(t)
	head := "办件编号,事项名称,办件类型,申请人,窗口编号,工号,受理时间,承诺时限,材料\n"
	path := writeFile(t, "cases.csv", []byte(head+
		"M1,食品经营许可,承诺件,王堃,A01,ZW001,2026-11-20 09:00,5,\"营业执照(原件);法定代表人身份证（复印件×2）；申请书(原件,3页);法定代表人（负责人）身份证明\"\n"))
	mustImport(t, st, "cases", path)
	c, err := st.CaseByNo("M1")
	must(t, err)
	got := make([]string, len(c.Materials))
	for i, m := range c.Materials {
		got[i] = m.Describe()
	}
	want := "营业执照 1份原件|法定代表人身份证 2份复印件|申请书 1份原件（3页）|法定代表人（负责人）身份证明 1份原件"
	if strings.Join(got, "|") != want {
		t.Fatalf("materials %q", strings.Join(got, "|"))
	}
	out := filepath.Join(t.TempDir(), "cases.csv")
	if _, err := Export(st, "cases", out, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	exported, _ := os.ReadFile(out)
	if !strings.Contains(string(exported), "营业执照(原件);法定代表人身份证(复印件×2);申请书(原件，3页);法定代表人（负责人）身份证明(原件)") {
		t.Fatalf("export:\n%s", exported)
	}
	if stats := mustImport(t, st, "cases", out); stats.Unchanged != 1 {
		t.Fatalf("importing the export again changed the case: %s", stats)
	}
	// a file without materials keeps them
	path = writeFile(t, "cases2.csv", []byte(head+"M1,食品经营许可,承诺件,王堃,A01,ZW001,2026-11-20 09:00,5,\n"))
	mustImport(t, st, "cases", path)
	if c, _ := st.CaseByNo("M1"); len(c.Materials) != 4 {
		t.Fatalf("an empty cell dropped the materials: %d", len(c.Materials))
	}
	// a bad item is refused with its row
	path = writeFile(t, "cases3.csv", []byte(head+"M1,食品经营许可,承诺件,王堃,A01,ZW001,2026-11-20 09:00,5,(复印件)\n"))
	if _, err := Import(st, "cases", path, nil); err == nil || !strings.Contains(err.Error(), "第2行 “材料”列") {
		t.Fatalf("got %v", err)
	}
}

// A 收件清单 prints the materials of an imported case.
func TestReceiptListOfImportedCase(t *testing.T) {
	st := rosterForCases(t)
	path := writeFile(t, "cases.csv", []byte("办件编号,事项名称,办件类型,申请人,窗口编号,工号,受理时间,承诺时限,材料\n"+
		"M1,食品经营许可,承诺件,王堃,A01,ZW001,2026-11-20 09:00,5,营业执照(原件);身份证(复印件×2)\n"+
		"M2,食品经营许可,承诺件,王堃,A01,ZW001,2026-11-20 09:30,5,\n"))
	mustImport(t, st, "cases", path)
	var buf bytes.Buffer
	_, err := PrintNotice(st, NoticeRequest{Kind: "收件清单", CaseNo: "M1"}, fixedPDF, &buf)
	must(t, err)
	if f := flat(pdfText(t, buf.Bytes())); !strings.Contains(f, "共2件") || !strings.Contains(f, "身份证") {
		t.Fatalf("receipt:\n%s", f)
	}
	if _, err := PrintNotice(st, NoticeRequest{Kind: "收件清单", CaseNo: "M2"}, fixedPDF, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "登记收到的材料") {
		t.Fatalf("a receipt of nothing: %v", err)
	}
}
