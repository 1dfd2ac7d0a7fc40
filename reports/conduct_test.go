package reports

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"govdesk/models"
)

const violationsCSV = "工号,日期,类别,情形,记录人\n" +
	"ZW001,2026-03-02,一次性告知,未一次性告知营业执照变更所需材料，群众二次跑,督查科\n" +
	"ZW001,2026/11/12,一次性告知,未告知需补充股东会决议，群众第二次来窗口,督查科\n" +
	"ZW002,2026年11月3日,着装,未佩戴工作牌,综合业务科\n"

func TestImportViolationsSuggestsStepsAndImportAgainChangesNothing(t *testing.T) {
	st := rosterForCases(t)
	path := writeFile(t, "v.csv", []byte(violationsCSV))
	if s := mustImport(t, st, "violations", path); s.Created != 3 {
		t.Fatalf("%v", s)
	}
	if s := mustImport(t, st, "violations", path); s.Created != 0 || s.Unchanged != 3 {
		t.Fatalf("second import %v", s)
	}
	vs, _ := st.Violations(models.ViolationFilter{Category: models.CategoryNotification})
	if len(vs) != 2 || vs[1].Step != 2 || !vs[1].LosesWindowMonth || !strings.Contains(vs[1].StepAction, "通报主管部门") {
		t.Fatalf("%+v", vs)
	}
}

func TestImportConductBadRowsChangeNothingAndNameEveryRow(t *testing.T) {
	cases := []struct {
		kind, csv string
		want      []string // problems, each must appear
	}{
		{"violations", "工号,日期,类别,情形\n" +
			"ZW001,2026-11-03,服务规范,使用服务忌语\n" +
			"ZW999,2026-11-03,服务规范,未起身迎候\n" +
			"ZW001,2026-11-04,迟到,迟到十分钟\n" +
			"ZW002,2026-13-40,工作纪律,玩手机\n",
			[]string{"第3行 “工号”列", "ZW999", "第4行 “类别”列", "迟到", "第5行 “日期”列"}},
		{"complaints", "日期,窗口编号,工号,投诉人,内容,核查结果,问题类别\n" +
			"2026-11-05,A01,ZW001,张先生,态度生硬,核查中,服务态度\n" +
			"2026-11-05,Z09,,李女士,窗口无人,核查中,其他\n" +
			"2026-11-06,A01,ZW404,王先生,说话难听,属实,服务用语不当\n" +
			"2026-11-06,A01,,,材料没一次说清,待定,不知道\n" +
			"昨天,A01,,,等了很久,核查中,\n",
			[]string{"第3行 “窗口编号”列", "第4行 “工号”列", "第5行 “核查结果”列", "第5行 “问题类别”列", "第6行 “日期”列"}},
		{"ratings", "日期,窗口编号,工号,评价\n" +
			"2026-11-05,A01,ZW001,满意\n" +
			"2026-11-05,A01,ZW777,满意\n" +
			"2026-11-05,A02,,还行\n" +
			"11/31/2026,A02,,满意\n",
			[]string{"第3行 “工号”列", "第4行 “评价”列", "第5行 “日期”列"}},
		{"commendations", "工号,日期,类型,说明\n" +
			"ZW001,2026-11-05,锦旗,群众赠送锦旗\n" +
			"ZW000,2026-11-05,锦旗,\n" +
			"ZW002,2026-11-05,口头表扬,\n" +
			"ZW003,,表扬信,\n",
			[]string{"第3行 “工号”列", "第4行 “类型”列", "第5行 “日期”列"}},
	}
	for _, c := range cases {
		t.Run(c.kind, func(t *testing.T) {
			st := rosterForCases(t)
			_, err := Import(st, c.kind, writeFile(t, c.kind+".csv", []byte(c.csv)), nil)
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("want ImportError, got %v", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not name %q:\n%v", w, err)
				}
			}
			vs, _ := st.Violations(models.ViolationFilter{})
			cs, _ := st.Complaints(models.ComplaintFilter{})
			rs, _ := st.Ratings(models.RatingFilter{})
			ms, _ := st.Commendations(models.CommendationFilter{})
			if len(vs)+len(cs)+len(rs)+len(ms) != 0 {
				t.Fatalf("a refused file changed data: %d %d %d %d", len(vs), len(cs), len(rs), len(ms))
			}
		})
	}
}

func TestImportComplaintUpheldCreatesViolation(t *testing.T) {
	st := rosterForCases(t)
	mustImport(t, st, "complaints", writeFile(t, "c.csv", []byte("日期,窗口编号,工号,投诉人,内容,核查结果,问题类别\n"+
		"2026-11-05,A01,ZW001,张先生,窗口人员说“不归我管”,属实,服务用语不当\n"+
		"2026-11-06,A02,,李女士,等候时间长,不属实,办理超期\n")))
	cs, _ := st.Complaints(models.ComplaintFilter{})
	if len(cs) != 2 || cs[0].ViolationID == nil || cs[1].ViolationID != nil || !cs[0].LosesWindowMonth {
		t.Fatalf("%+v", cs)
	}
	vs, _ := st.Violations(models.ViolationFilter{})
	// an upheld complaint climbs 服务承诺制度 二.3's ladder by default
	if len(vs) != 1 || !vs[0].ScoredAsComplaint || vs[0].Category != models.CategoryPromiseBreak {
		t.Fatalf("%+v", vs)
	}
}

func TestConductExportsRoundTrip(t *testing.T) {
	st := demoStore(t)
	counts := func() []int {
		vs, _ := st.Violations(models.ViolationFilter{})
		cs, _ := st.Complaints(models.ComplaintFilter{})
		rs, _ := st.Ratings(models.RatingFilter{})
		ms, _ := st.Commendations(models.CommendationFilter{})
		return []int{len(vs), len(cs), len(rs), len(ms)}
	}
	before := counts()
	for i, n := range before {
		if n == 0 {
			t.Fatalf("demo has no records of kind %d", i)
		}
	}
	for _, kind := range []string{"violations", "complaints", "ratings", "commendations"} {
		for _, ext := range []string{".csv", ".xlsx"} {
			path := filepath.Join(t.TempDir(), kind+ext)
			if _, err := Export(st, kind, path, ExportOptions{}); err != nil {
				t.Fatalf("%s%s: %v", kind, ext, err)
			}
			s, err := Import(st, kind, path, nil)
			if err != nil {
				t.Fatalf("%s%s re-import: %v", kind, ext, err)
			}
			if s.Created != 0 || s.Updated != 0 {
				t.Fatalf("%s%s round trip changed data: %v", kind, ext, s)
			}
			// and into an empty centre with the same roster, the same rows
			fresh := openStore(t)
			for _, k := range []string{"windows", "staff"} {
				p := filepath.Join(t.TempDir(), k+".csv")
				if _, err := Export(st, k, p, ExportOptions{}); err != nil {
					t.Fatal(err)
				}
				mustImport(t, fresh, k, p)
			}
			mustImport(t, fresh, kind, path)
			_, h1, r1, _ := exporters[kind](st, ExportOptions{})
			_, h2, r2, _ := exporters[kind](fresh, ExportOptions{})
			if kind == "violations" {
				// the complaint-made ones come back with their complaints
				continue
			}
			// 编号 are each database's own
			for _, r := range append(r1, r2...) {
				r[0] = ""
			}
			if !reflect.DeepEqual(h1, h2) || !reflect.DeepEqual(r1, r2) {
				t.Fatalf("%s%s: rows differ after round trip\n%v\n%v", kind, ext, r1, r2)
			}
		}
	}
	if after := counts(); !reflect.DeepEqual(before, after) {
		t.Fatalf("counts %v → %v", before, after)
	}
}

func TestCensureAndLetterPrint(t *testing.T) {
	st := rosterForCases(t)
	mustImport(t, st, "violations", writeFile(t, "v.csv", []byte(violationsCSV)))
	vs, _ := st.Violations(models.ViolationFilter{Category: models.CategoryNotification})
	second := vs[1]
	var buf bytes.Buffer
	if err := PrintCensure(st, second.ID, PrintOptions{}, &buf); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	for _, w := range []string{"通报批评", "王堃", "一次性告知", "本年度第2次", "取消所在窗口当月满意窗口资格"} {
		if !strings.Contains(strings.Join(strings.Fields(text), ""), w) {
			t.Errorf("通报批评 lacks %q:\n%s", w, text)
		}
	}
	buf.Reset()
	if err := PrintHomeUnitLetter(st, second.ID, PrintOptions{}, &buf); err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(pdfText(t, buf.Bytes())), "")
	for _, w := range []string{"市市场监督管理局：", "特此函告", "第2次"} {
		if !strings.Contains(text, w) {
			t.Errorf("函 lacks %q:\n%s", w, text)
		}
	}
	mustImport(t, st, "ratings", writeFile(t, "r.csv", []byte("日期,窗口编号,工号,评价,评价内容\n2026-11-05,A01,ZW001,不满意,解释不清楚\n")))
	ws, _ := st.ServiceWindows()
	buf.Reset()
	if err := PrintRectifyNotice(st, ws[0].ID, 0, PrintOptions{}, &buf); err != nil {
		t.Fatal(err)
	}
	if text = strings.Join(strings.Fields(pdfText(t, buf.Bytes())), ""); !strings.Contains(text, "解释不清楚") || !strings.Contains(text, "整改") {
		t.Errorf("整改通知:\n%s", text)
	}
}

// 服务规范 五.2 and 一次性告知制度 四: a 通报批评 is printed only for a step
// that is one, and a letter to the home unit only for a step that reports
// to it; neither takes a 文号 when refused.
func TestCensureAndLetterOnlyForTheirSteps(t *testing.T) {
	st := demoStore(t)
	vs, err := st.Violations(models.ViolationFilter{})
	must(t, err)
	var verbal, censured *models.Violation
	for i, v := range vs {
		switch {
		case !v.Censured() && verbal == nil:
			verbal = &vs[i]
		case v.Censured() && !v.ReportsToHomeUnit && censured == nil:
			censured = &vs[i]
		}
	}
	if verbal == nil || censured == nil {
		t.Fatal("the demo lacks a 口头批评 and a 通报批评 without 函告")
	}
	if err := PrintCensure(st, verbal.ID, fixedPDF, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "不是通报批评") {
		t.Fatalf("通报批评 for %q: %v", verbal.StepAction, err)
	}
	if err := PrintHomeUnitLetter(st, censured.ID, fixedPDF, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "不通报主管部门") {
		t.Fatalf("函告 for %q: %v", censured.StepAction, err)
	}
	if err := PrintCensure(st, censured.ID, fixedPDF, &bytes.Buffer{}); err != nil {
		t.Fatalf("a 通报批评 step refused: %v", err)
	}
	issued, _ := st.IssuedNotices("")
	if len(issued) != 1 {
		t.Fatalf("%d numbers taken, want only the one printed", len(issued))
	}
}
