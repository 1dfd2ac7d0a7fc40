package reports

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"govdesk/models"
)

func rosterForUniforms(t *testing.T) *models.Store {
	t.Helper()
	st := openStore(t)
	mustImport(t, st, "windows", writeFile(t, "窗口.csv", []byte(windowsCSV)))
	mustImport(t, st, "staff", writeFile(t, "人员.csv", []byte(staffCSV(t))))
	return st
}

const uniformsCSV = "工号,种类,品名,尺码,数量,发放日期,原因\n" +
	"ZW001,冬装,棉服,L,1,2025-10-27,换季\n" +
	"ZW001,冬装,裤,175/96A,1,2025-10-27,\n" +
	"ZW002,夏装,衬衫,m,2,2026/5/25,换季\n" +
	"ZW003,工作牌,工作牌,,1,2026-03-09,遗失补发\n"

func TestImportUniformsAndImportAgainChangesNothing(t *testing.T) {
	st := rosterForUniforms(t)
	path := writeFile(t, "服装.csv", gb18030(t, uniformsCSV))
	if stats := mustImport(t, st, "uniforms", path); stats.Created != 4 {
		t.Fatalf("first import: %v", stats)
	}
	if stats := mustImport(t, st, "uniforms", path); stats.Created != 0 || stats.Unchanged != 4 {
		t.Fatalf("second import: %v", stats)
	}
	list, _ := st.UniformIssues(models.UniformFilter{})
	var shirt models.UniformIssue
	for _, u := range list {
		if u.Item == "衬衫" {
			shirt = u
		}
	}
	if shirt.Size != "M" || shirt.Quantity != 2 || shirt.Staff.EmployeeNo != "ZW002" || !shirt.Signed || shirt.Reason != "换季" {
		t.Fatalf("stored %+v", shirt)
	}
	// export gives the same columns back
	out := filepath.Join(t.TempDir(), "服装.csv")
	if n, err := Export(st, "uniforms", out, ExportOptions{}); err != nil || n != 4 {
		t.Fatalf("export: %d %v", n, err)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "工号,种类,品名,尺码,数量,发放日期,原因") || !strings.Contains(string(b), "ZW002,夏装,衬衫,M,2,2026-05-25,换季") {
		t.Fatalf("export:\n%s", b)
	}
}

// A bad size or an unknown 工号 refuses the whole file, naming every row.
func TestImportUniformsBadSizeUnknownStaffChangesNothing(t *testing.T) {
	st := rosterForUniforms(t)
	bad := "工号,种类,品名,尺码,数量,发放日期,原因\n" +
		"ZW001,冬装,棉服,L,1,2025-10-27,换季\n" + // good
		"ZW001,冬装,棉服,175-92A,1,2025-10-27,换季\n" + // bad size
		"ZW999,夏装,衬衫,M,2,2026-05-25,\n" + // unknown person
		"ZW002,秋装,围巾,M,两,2026-05-25,领导批准\n" + // kind, item, quantity, reason
		"ZW001,冬装,棉服,L,1,2025-10-27,换季\n" // duplicate
	_, err := Import(st, "uniforms", writeFile(t, "服装.csv", []byte(bad)), nil)
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("want ImportError, got %v", err)
	}
	var got []string
	for _, p := range ie.Problems {
		got = append(got, p.String())
	}
	text := strings.Join(got, "\n")
	for _, want := range []string{
		"服装.csv 第3行 “尺码”列：尺码“175-92A”写法不对",
		"服装.csv 第4行 “工号”列：工号 ZW999 不在人员名册中",
		"服装.csv 第5行 “数量”列：“两”不是整数",
		"服装.csv 第5行 “种类”列：种类只能是 夏装 / 春秋装 / 冬装 / 工作牌",
		"服装.csv 第5行 “品名”列：品名“围巾”不在品名列表中",
		"服装.csv 第5行 “原因”列：原因只能是 新入驻 / 换季 / 破损更换 / 遗失补发",
		"服装.csv 第6行：与第2行重复",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
	if len(got) != 7 {
		t.Errorf("want 7 problems, got %d:\n%s", len(got), text)
	}
	if list, _ := st.UniformIssues(models.UniformFilter{}); len(list) != 0 {
		t.Fatalf("a refused file imported %d lines", len(list))
	}
}

func TestSubstitutionFormAndBadgeRegisterPrint(t *testing.T) {
	st := demoStore(t)
	subs, err := st.Substitutions(models.SubstitutionFilter{})
	must(t, err)
	var late models.Substitution
	for _, s := range subs {
		if s.Name == "任重" {
			late = s
		}
	}
	var buf bytes.Buffer
	must(t, PrintSubstitutionForm(st, late.ID, fixedPDF, &buf))
	keepPDF(t, "替岗报备单.pdf", buf.Bytes())
	text := flat(pdfText(t, buf.Bytes()))
	days := int(late.To.Time().Sub(late.From.Time()).Hours()/24) + 1
	span := fmt.Sprintf("%s至%s，共%d天", late.From.Chinese(), late.To.Chinese(), days)
	for _, want := range []string{"临时替岗人员报备单", "任重", "彭博", span,
		"临牌-03", "座牌-A03", "派驻单位（盖章）", "首席代表签字", "乌兰察布市政务服务中心"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the 替岗报备单:\n%s", want, text)
		}
	}
	buf.Reset()
	// the last two months hold every demo loan
	must(t, PrintBadgeRegister(st, BadgeRegisterOptions{From: st.Today().AddDays(-62), To: st.Today()}, fixedPDF, &buf))
	keepPDF(t, "挂牌座牌登记表.pdf", buf.Bytes())
	text = flat(pdfText(t, buf.Bytes()))
	for _, want := range []string{"临时工作挂牌及座牌领用归还登记表", "编号", "领用日期", "归还日期", "签名签名", "临牌-01", "临牌-02", "赵志刚", "逾期未还"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the badge register:\n%s", want, text)
		}
	}
}

func TestUniformReceiptOneAndBatchAndSeasonNotice(t *testing.T) {
	st := demoStore(t)
	// the demo's last change of season, issued to everyone just before it,
	// and the coming one
	changes, _ := st.SeasonChanges()
	if len(changes) < 2 || !changes[len(changes)-2].On.Before(st.Today()) {
		t.Fatalf("the demo has no past and coming change: %v", changes)
	}
	last, next := changes[len(changes)-2], changes[len(changes)-1]
	issues, err := st.UniformIssues(models.UniformFilter{Kind: last.Kind, From: last.On.AddDays(-30), To: last.On})
	must(t, err)
	if len(issues) < 10 {
		t.Fatalf("the demo issued %d lines of %s", len(issues), last.Label())
	}
	var ids []uint
	for _, u := range issues {
		ids = append(ids, u.ID)
	}
	var buf bytes.Buffer
	must(t, PrintUniformReceipt(st, ids, fixedPDF, &buf))
	keepPDF(t, "服装签收单-批量.pdf", buf.Bytes())
	text := flat(pdfText(t, buf.Bytes()))
	for _, want := range []string{last.Label() + "领用签收单", "签名", issues[0].Staff.Name, issues[0].Item, "经办人签名"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the batch receipt:\n%s", want, text)
		}
	}
	one := issues[0].StaffID
	ids = ids[:0]
	for _, u := range issues {
		if u.StaffID == one {
			ids = append(ids, u.ID)
		}
	}
	buf.Reset()
	must(t, PrintUniformReceipt(st, ids, fixedPDF, &buf))
	keepPDF(t, "服装签收单-个人.pdf", buf.Bytes())
	text = flat(pdfText(t, buf.Bytes()))
	for _, want := range []string{"领用人签名", issues[0].Staff.EmployeeNo, "以上服装已如数领取"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the one-person receipt:\n%s", want, text)
		}
	}

	pending, _ := st.UniformPending(next.ID)
	buf.Reset()
	must(t, PrintSeasonNotice(st, next.ID, fixedPDF, &buf))
	keepPDF(t, "换装通知.pdf", buf.Bytes())
	text = flat(pdfText(t, buf.Bytes()))
	for _, want := range []string{fmt.Sprintf("关于%d年", next.On.Year()), "统一换装的通知", "各进驻窗口单位",
		"自" + next.On.Chinese() + "起", next.On.AddDays(-1).Chinese() + "前",
		"尚有" + strconv.Itoa(len(pending)) + "人未领取", "行业制式服装", "特此通知"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the 换装通知:\n%s", want, text)
		}
	}
}

// keepPDF writes a printout to $GOVDESK_PDF_OUT, when set, to look at it.
func keepPDF(t *testing.T, name string, b []byte) {
	if dir := os.Getenv("GOVDESK_PDF_OUT"); dir != "" {
		must(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
	}
}

// The men's sizes of GB/T 1335.1, not on the office's list, import: the
// list only suggests. Exported again, the file imports to the same lines.
func TestHandbookUniformMensSizesImport(t *testing.T) {
	st := rosterForUniforms(t)
	must(t, st.SaveUniformLists(models.UniformLists{Items: models.DefaultUniformItems, Sizes: []string{"S", "M", "160/84A"}}))
	file := "工号,种类,品名,尺码,数量,发放日期,原因\n" +
		"ZW001,冬装,上衣,165/84A,1,2025-10-27,换季\n" +
		"ZW001,冬装,裤,170/88a,1,2025-10-27,换季\n" +
		"ZW002,冬装,上衣,175/92A,1,2025-10-27,换季\n" +
		"ZW002,冬装,裤,180／96A,1,2025-10-27,换季\n" +
		"ZW002,夏装,衬衫,2xl,1,2026-05-25,换季\n"
	if stats := mustImport(t, st, "uniforms", writeFile(t, "服装.csv", []byte(file))); stats.Created != 5 {
		t.Fatalf("imported %+v", stats)
	}
	got := map[string]bool{}
	list, _ := st.UniformIssues(models.UniformFilter{})
	for _, u := range list {
		got[u.Size] = true
	}
	for _, s := range []string{"165/84A", "170/88A", "175/92A", "180/96A", "XXL"} {
		if !got[s] {
			t.Errorf("size %s not stored as such: %v", s, got)
		}
	}
	path := filepath.Join(t.TempDir(), "服装.xlsx")
	if _, err := Export(st, "uniforms", path, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if stats := mustImport(t, st, "uniforms", path); stats.Created+stats.Updated != 0 {
		t.Fatalf("the exported file changed something: %+v", stats)
	}
}

// A batch receipt signs for each season's issue on its own row, with the
// date it was issued, never one undated row for several seasons.
func TestBatchReceiptHasARowPerSeasonWithItsDate(t *testing.T) {
	st := demoStore(t)
	all, err := st.UniformIssues(models.UniformFilter{})
	must(t, err)
	changes, _ := st.SeasonChanges()
	seasons := map[uint]map[string]models.Date{}
	for _, u := range all {
		label, _ := models.SeasonOf(u.Kind, u.IssuedOn, changes)
		if seasons[u.StaffID] == nil {
			seasons[u.StaffID] = map[string]models.Date{}
		}
		seasons[u.StaffID][label] = u.IssuedOn
	}
	var a, b uint
	for id, ss := range seasons {
		if len(ss) >= 2 {
			if a == 0 {
				a = id
			} else if b == 0 {
				b = id
			}
		}
	}
	if b == 0 {
		t.Fatal("the demo has no two people with issues of two seasons")
	}
	var ids []uint
	for _, u := range all {
		if u.StaffID == a || u.StaffID == b {
			ids = append(ids, u.ID)
		}
	}
	var buf bytes.Buffer
	must(t, PrintUniformReceipt(st, ids, fixedPDF, &buf))
	text := flat(pdfText(t, buf.Bytes()))
	if !strings.HasPrefix(text, "服装领用签收单") {
		t.Errorf("a receipt for several seasons is titled %q", text[:min(len(text), 30)])
	}
	// each season's row names it and the month it was issued (a cell may
	// wrap the date, so the day is not looked for)
	for label, on := range seasons[a] {
		season := strings.Split(strings.TrimPrefix(label, fmt.Sprintf("%d年", on.Year())), "（")[0]
		for _, want := range []string{season, fmt.Sprintf("%d月", int(on.Month()))} {
			if !strings.Contains(text, want) {
				t.Errorf("%q missing from the receipt:\n%s", want, text)
			}
		}
	}
	if rows := strings.Count(text, "经办人签名"); rows != 1 {
		t.Errorf("%d sign-off lines for the office", rows)
	}
}

func TestCollectByIsNeverBeforeTheNotice(t *testing.T) {
	cal := models.NewCalendar(nil)
	for _, c := range []struct {
		name                  string
		change, printed, want models.Date
	}{
		{"提前印发：换装前最后一个工作日", models.NewDate(2026, 12, 1), models.NewDate(2026, 11, 20), models.NewDate(2026, 11, 30)},
		{"换装日前一天印发：印发后第三个工作日", models.NewDate(2026, 12, 1), models.NewDate(2026, 11, 30), models.NewDate(2026, 12, 3)},
		{"换装前逢周末：周五", models.NewDate(2026, 11, 2), models.NewDate(2026, 10, 20), models.NewDate(2026, 10, 30)},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := collectBy(cal, c.change, c.printed); got != c.want {
				t.Fatalf("got %s, want %s", got, c.want)
			}
		})
	}
}
