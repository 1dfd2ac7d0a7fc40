package reports

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"govdesk/models"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var (
	printDate = time.Date(2026, 11, 26, 10, 5, 0, 0, models.CentreZone)
	fixedPDF  = PrintOptions{Created: time.Date(2026, 11, 26, 10, 5, 0, 0, time.UTC)}
)

// caseStore makes a centre with one window, one person and a 承诺件 case of
// an applicant whose name has a rare character.
func caseStore(t *testing.T) (*models.Store, models.Case) {
	t.Helper()
	return caseIn(t, openStore(t))
}

// caseIn adds caseStore's window, person and case to st.
func caseIn(t *testing.T, st *models.Store) (*models.Store, models.Case) {
	t.Helper()
	u := models.HomeUnit{Name: "市市场监督管理局"}
	must(t, st.SaveHomeUnit(&u))
	w := models.ServiceWindow{Code: "A01", Name: "企业开办综合窗口", HomeUnitID: u.ID, Active: true}
	must(t, st.SaveServiceWindow(&w))
	p := models.Staff{EmployeeNo: "ZW001", Name: "李喆", HomeUnitID: u.ID, WindowID: w.ID, Post: models.PostStaff, JoinedOn: models.NewDate(2024, 1, 2)}
	must(t, st.SaveStaff(&p))
	c := models.Case{No: "SL20260930001", Matter: "食品经营许可", Kind: models.CasePromised, ApplicantType: "个人",
		Applicant: "王堃", ApplicantID: idOf(t, "15090219910904579"), Phone: "13800138000",
		WindowID: w.ID, StaffID: p.ID, ReceivedAt: time.Date(2026, 9, 30, 9, 12, 0, 0, models.CentreZone),
		LegalDays: 20, PromisedDays: 5,
		Materials: []models.CaseMaterial{
			{Name: "食品经营许可申请书", Copies: 1, Form: models.MaterialOriginal, Pages: 3},
			{Name: "营业执照", Copies: 1, Form: models.MaterialCopy, Pages: 1},
			{Name: "法定代表人（负责人）身份证明", Copies: 1, Form: models.MaterialCopy},
		}}
	must(t, st.SaveCase(&c))
	c, err := st.CaseByNo(c.No)
	must(t, err)
	return st, c
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed to read printed PDFs back: install poppler-utils (bash .ci/deps)")
	}
	p := filepath.Join(t.TempDir(), "n.pdf")
	os.WriteFile(p, pdf, 0o644)
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	must(t, err)
	return string(out)
}

// inputsFor gives each kind the facts a clerk would enter when printing.
var inputsFor = map[string]map[string]string{
	"一次性告知书":    {"补正材料": "食品安全管理制度文本（须加盖公章）\n主要设备设施布局图（须标明尺寸）"},
	"不予受理通知书":   {"不予受理理由": "该事项依法不需要取得行政许可", "有权机关": "乌兰察布市卫生健康委员会"},
	"不予行政许可决定书": {"不予许可理由": "经现场核查，经营场所与生活区未有效分隔，不符合《食品经营许可和备案管理办法》第十二条的规定"},
	"送达凭证":      {"送达文书": "准予行政许可决定书（乌政服准许〔2026〕1号）"},
}

// otherCase saves a copy of c under another number, received the same day.
func otherCase(t *testing.T, st *models.Store, c models.Case, no string, change func(*models.Case)) models.Case {
	t.Helper()
	k := c
	k.ID, k.No = 0, no
	k.Materials = append([]models.CaseMaterial(nil), c.Materials...)
	for i := range k.Materials {
		k.Materials[i].ID, k.Materials[i].CaseID = 0, 0
	}
	if change != nil {
		change(&k)
	}
	must(t, st.SaveCase(&k))
	k, err := st.CaseByNo(no)
	must(t, err)
	return k
}

// complete records the case's result, as the clerk does before printing its
// decision.
func complete(t *testing.T, st *models.Store, no, result string) {
	t.Helper()
	c, err := st.CaseByNo(no)
	must(t, err)
	must(t, st.CompleteCaseBy(c.ID, time.Date(2026, 10, 12, 16, 0, 0, 0, models.CentreZone), result, "", "张建华"))
}

// The case was received on 30 September 2026 with 5 promised working days:
// 1–7 October is the National Day holiday and Saturday 10 October a 调休
// working day, so the days are 8, 9, 10, 12 and 13 October.
//
// Every notice prints from a case in the state it is issued for, with every
// field of its record and its full legal wording; the text layer is kept as
// a golden file. The 承诺件通知书 and the 一次性告知书 are printed on 8
// October, within their days; the decisions after the result is recorded.
func TestEveryNoticePrintsItsFields(t *testing.T) {
	early := time.Date(2026, 10, 8, 10, 5, 0, 0, models.CentreZone)
	common := []string{"SL20260930001", "食品经营许可", "乌兰察布市政务服务中心"}
	want := map[string][]string{
		"收件清单":      {"收件清单", "王堃", "13800138000", "2026年9月30日9时12分", "食品经营许可申请书", "营业执照", "复印件", "共3件", "第一联", "第二联", "李喆"},
		"受理通知书":     {"受理通知书", "王堃：", "2026年9月30日", "第三十二条第一款第（五）项", "予以受理", "2026年10月13日", "李喆", "12345"},
		"承诺件通知书":    {"承诺件通知书", "20个工作日", "5个工作日", "2026年10月13日", "专家评审", "不计算在", "窗口自取"},
		"一次性告知书":    {"一次性告知书", "补正材料通知书", "第三十二条第一款第（四）项", "1. 食品安全管理制度文本", "2. 主要设备设施布局图", "10个工作日"},
		"不予受理通知书":   {"不予受理通知书", "依法不需要取得行政许可", "乌兰察布市卫生健康委员会", "六十日内", "乌兰察布市人民政府", "六个月内", "集宁区人民法院"},
		"准予行政许可决定书": {"准予行政许可决定书", "第三十八条第一款", "准予行政许可", "150902********5794", "承办人：李喆", "批准人：张建华"},
		"不予行政许可决定书": {"不予行政许可决定书", "第三十八条第二款", "未有效分隔", "六十日内", "六个月内", "批准人：张建华"},
		"送达凭证":      {"送达凭证", "乌政服准许〔2026〕1号", "王堃", "直接送达", "受送达人签名或盖章", "送达人签名", "见证人"},
	}
	for _, k := range models.NoticeKinds {
		t.Run(k.Name, func(t *testing.T) {
			st, _ := caseStore(t)
			at := printDate
			switch k.Name {
			case "承诺件通知书", "一次性告知书":
				at = early
			case "准予行政许可决定书":
				complete(t, st, "SL20260930001", models.ResultApproved)
			case "不予行政许可决定书":
				complete(t, st, "SL20260930001", models.ResultDenied)
			}
			var buf bytes.Buffer
			n, err := PrintNotice(st, NoticeRequest{Kind: k.Name, CaseNo: "SL20260930001", Inputs: inputsFor[k.Name], At: at}, fixedPDF, &buf)
			must(t, err)
			if dir := os.Getenv("NOTICE_OUT"); dir != "" {
				os.WriteFile(filepath.Join(dir, k.Name+".pdf"), buf.Bytes(), 0o644)
			}
			text := pdfText(t, buf.Bytes())
			flat := strings.Join(strings.Fields(text), "")
			for _, w := range append(append([]string{n.DocNo, chineseDate(at)}, common...), want[k.Name]...) {
				if !strings.Contains(flat, strings.Join(strings.Fields(w), "")) {
					t.Errorf("%q missing from the printed text:\n%s", w, text)
				}
			}
			if strings.ContainsAny(text, "{}") {
				t.Errorf("raw placeholder braces printed:\n%s", text)
			}
			golden := filepath.Join("testdata", "golden", k.Name+".txt")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				os.WriteFile(golden, []byte(text), 0o644)
			}
			g, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("no golden file (run go test ./reports -run TestEveryNotice -update): %v", err)
			}
			if string(g) != text {
				t.Errorf("printed text differs from %s (if the change is intended, rerun with -update)", golden)
			}
		})
	}
}

// A notice the case holds prints again under its own number; a new issue
// voids it as 重新出具 and takes the next number; a voided number is never
// reused; each year starts again at 1.
func TestDocumentNumbersReprintNewIssueNeverReused(t *testing.T) {
	st, _ := caseStore(t)
	print := func(kind string, at time.Time, newIssue bool) models.IssuedNotice {
		t.Helper()
		n, err := PrintNotice(st, NoticeRequest{Kind: kind, CaseNo: "SL20260930001", Inputs: inputsFor[kind], At: at, NewIssue: newIssue}, fixedPDF, &bytes.Buffer{})
		must(t, err)
		return n
	}
	a := print("受理通知书", printDate, false)
	again := print("受理通知书", printDate.Add(time.Hour), false)
	c := print("收件清单", printDate, false)
	if a.DocNo != "乌政服受〔2026〕1号" || again.DocNo != a.DocNo || !again.Reprinted || c.DocNo != "乌政服收〔2026〕1号" {
		t.Fatalf("numbers %s %s %s", a.DocNo, again.DocNo, c.DocNo)
	}
	if !again.IssuedAt.Equal(a.IssuedAt) {
		t.Fatalf("a reprint is dated %v, the notice %v", again.IssuedAt, a.IssuedAt)
	}
	log, _ := st.AuditLog(models.AuditFilter{Entity: "文书"})
	reprints := 0
	for _, e := range log {
		if e.Action == models.ActionReprint && e.Key == a.DocNo {
			reprints++
		}
	}
	if reprints != 1 {
		t.Fatalf("the reprint is not in the audit log once: %+v", log)
	}
	b := print("受理通知书", printDate, true)
	if b.DocNo != "乌政服受〔2026〕2号" || b.Reprinted {
		t.Fatalf("a new issue took %s", b.DocNo)
	}
	list, _ := st.IssuedNotices("SL20260930001")
	for _, n := range list {
		if n.DocNo == a.DocNo && (!n.Voided || n.VoidReason != models.VoidReissued) {
			t.Fatalf("the notice issued again is not voided as 重新出具: %+v", n)
		}
	}
	must(t, st.VoidNotice(b.ID, "申请人姓名打错"))
	if d := print("受理通知书", printDate, false); d.DocNo != "乌政服受〔2026〕3号" {
		t.Fatalf("a voided number was reused: %s", d.DocNo)
	}
	if e := print("受理通知书", time.Date(2027, 1, 4, 9, 0, 0, 0, models.CentreZone), true); e.DocNo != "乌政服受〔2027〕1号" {
		t.Fatalf("a new year should start at 1: %s", e.DocNo)
	}
}

// A reprint says what the notice said: facts that differ are a new issue.
func TestReprintWithOtherFactsIsRefused(t *testing.T) {
	st, _ := caseStore(t)
	req := NoticeRequest{Kind: "不予受理通知书", CaseNo: "SL20260930001", Inputs: inputsFor["不予受理通知书"], At: printDate}
	first, err := PrintNotice(st, req, fixedPDF, &bytes.Buffer{})
	must(t, err)
	var buf bytes.Buffer
	again, err := PrintNotice(st, NoticeRequest{Kind: "不予受理通知书", CaseNo: "SL20260930001"}, fixedPDF, &buf)
	must(t, err)
	if again.DocNo != first.DocNo || !strings.Contains(flat(pdfText(t, buf.Bytes())), "乌兰察布市卫生健康委员会") {
		t.Fatalf("a reprint without facts should print the stored ones under %s, got %s", first.DocNo, again.DocNo)
	}
	req.Inputs = map[string]string{"不予受理理由": "该事项不属于本机关职权范围"}
	if _, err := PrintNotice(st, req, fixedPDF, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "重新出具") {
		t.Fatalf("a reprint with another reason: %v", err)
	}
	req.NewIssue = true
	n, err := PrintNotice(st, req, fixedPDF, &bytes.Buffer{})
	must(t, err)
	if n.DocNo != "乌政服不受〔2026〕2号" {
		t.Fatalf("new issue took %s", n.DocNo)
	}
}

// A print that fails anywhere takes no number and leaves no file.
func TestFailedPrintTakesNoNumberAndLeavesNoFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		fail string // what the error says
		run  func(t *testing.T, st *models.Store, c models.Case, dir string) error
	}{
		{"生僻字𱍐无字形", "𱍐", func(t *testing.T, st *models.Store, c models.Case, dir string) error {
			otherCase(t, st, c, "X1", func(k *models.Case) { k.Applicant = "王𱍐" })
			_, err := PrintNoticesFile(st, []NoticeRequest{{Kind: "受理通知书", CaseNo: "X1"}}, fixedPDF, filepath.Join(dir, "n.pdf"), nil)
			return err
		}},
		{"表情符号😀", "😀", func(t *testing.T, st *models.Store, c models.Case, dir string) error {
			otherCase(t, st, c, "X1", func(k *models.Case) { k.Matter = "食品经营许可😀" })
			_, err := PrintNoticesFile(st, []NoticeRequest{{Kind: "受理通知书", CaseNo: "X1"}}, fixedPDF, filepath.Join(dir, "n.pdf"), nil)
			return err
		}},
		{"私用区字符U+E000", "U+E000", func(t *testing.T, st *models.Store, c models.Case, dir string) error {
			in := map[string]string{"不予受理理由": "该事项\ue000依法不需要取得行政许可"}
			_, err := PrintNoticesFile(st, []NoticeRequest{{Kind: "不予受理通知书", CaseNo: c.No, Inputs: in}}, fixedPDF, filepath.Join(dir, "n.pdf"), nil)
			return err
		}},
		{"批量中一件已退件", "退件", func(t *testing.T, st *models.Store, c models.Case, dir string) error {
			otherCase(t, st, c, "X1", nil)
			otherCase(t, st, c, "X2", func(k *models.Case) {
				at := k.ReceivedAt.Add(time.Hour)
				k.CompletedAt, k.Result = &at, models.ResultReturned
			})
			reqs := []NoticeRequest{{Kind: "受理通知书", CaseNo: c.No}, {Kind: "受理通知书", CaseNo: "X1"}, {Kind: "受理通知书", CaseNo: "X2"}}
			_, err := PrintNoticesFile(st, reqs, fixedPDF, filepath.Join(dir, "n.pdf"), nil)
			return err
		}},
		{"文件夹不存在", "无法写入", func(t *testing.T, st *models.Store, c models.Case, dir string) error {
			_, err := PrintNoticesFile(st, []NoticeRequest{{Kind: "受理通知书", CaseNo: c.No}}, fixedPDF, filepath.Join(dir, "没有这个文件夹", "n.pdf"), nil)
			return err
		}},
		{"写入失败", "磁盘已满", func(t *testing.T, st *models.Store, c models.Case, dir string) error {
			_, err := PrintNotice(st, NoticeRequest{Kind: "受理通知书", CaseNo: c.No}, fixedPDF, failingWriter{})
			return err
		}},
		{"考勤通报写入失败", "磁盘已满", func(t *testing.T, st *models.Store, c models.Case, dir string) error {
			return PrintAttendanceBulletin(st, "2026-11", fixedPDF, failingWriter{})
		}},
		{"考勤通报文件夹不存在", "无法写入", func(t *testing.T, st *models.Store, c models.Case, dir string) error {
			_, err := Export(st, "attendance", filepath.Join(dir, "没有这个文件夹", "通报.pdf"), ExportOptions{Month: "2026-11"})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, c := caseStore(t)
			dir := t.TempDir()
			err := tc.run(t, st, c, dir)
			if err == nil || !strings.Contains(err.Error(), tc.fail) {
				t.Fatalf("want a refusal naming %q, got %v", tc.fail, err)
			}
			if list, _ := st.IssuedNotices(""); len(list) != 0 {
				t.Fatalf("a failed print took numbers: %+v", list)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*"))
			if len(files) != 0 {
				t.Fatalf("a failed print left files: %v", files)
			}
		})
	}
}

func TestRefusedNoticeTakesNoNumber(t *testing.T) {
	st, _ := caseStore(t)
	_, err := PrintNotice(st, NoticeRequest{Kind: "不予受理通知书", CaseNo: "SL20260930001", At: printDate}, fixedPDF, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "不予受理理由") {
		t.Fatalf("want a refusal naming the missing reason, got %v", err)
	}
	if _, err := PrintNotice(st, NoticeRequest{Kind: "受理通知书", CaseNo: "NOPE", At: printDate}, fixedPDF, &bytes.Buffer{}); err == nil {
		t.Fatal("printed for a case that does not exist")
	}
	if _, err := PrintNotice(st, NoticeRequest{Kind: "通行证", CaseNo: "SL20260930001"}, fixedPDF, &bytes.Buffer{}); err == nil {
		t.Fatal("printed an unknown kind")
	}
	if list, _ := st.IssuedNotices(""); len(list) != 0 {
		t.Fatalf("refused notices took numbers: %v", list)
	}
}

// A preview draws the paper with no number and records nothing.
func TestPreviewTakesNoNumber(t *testing.T) {
	st, _ := caseStore(t)
	var buf bytes.Buffer
	n, err := PrintNotice(st, NoticeRequest{Kind: "受理通知书", CaseNo: "SL20260930001"}, PrintOptions{Created: fixedPDF.Created, Preview: true}, &buf)
	must(t, err)
	if n.ID != 0 || !strings.Contains(flat(pdfText(t, buf.Bytes())), PreviewDocNo) {
		t.Fatalf("preview %+v", n)
	}
	if list, _ := st.IssuedNotices(""); len(list) != 0 {
		t.Fatalf("a preview took numbers: %v", list)
	}
	issued, err := PrintNotice(st, NoticeRequest{Kind: "受理通知书", CaseNo: "SL20260930001"}, fixedPDF, &bytes.Buffer{})
	must(t, err)
	buf.Reset()
	_, err = PrintNotice(st, NoticeRequest{Kind: "受理通知书", CaseNo: "SL20260930001"}, PrintOptions{Created: fixedPDF.Created, Preview: true}, &buf)
	must(t, err)
	if !strings.Contains(flat(pdfText(t, buf.Bytes())), issued.DocNo) {
		t.Fatal("the preview of an issued notice should show its number")
	}
	if log, _ := st.AuditLog(models.AuditFilter{Entity: "文书"}); len(log) != 1 {
		t.Fatalf("a preview was logged: %d entries", len(log))
	}
}

func TestTemplateWithUnknownPlaceholderIsRefused(t *testing.T) {
	bad := strings.Replace(DefaultTemplates["受理通知书"], "{申请人}", "{申请人姓名}", 1)
	err := CheckTemplate("受理通知书", bad)
	if err == nil || !strings.Contains(err.Error(), "占位符{申请人姓名}不存在") {
		t.Fatalf("got %v", err)
	}
	for _, tc := range []struct{ name, body string }{
		{"未知指令", "# 标题\n[印章]"},
		{"花括号不成对", "# 标题\n{申请人"},
		{"没有标题", "正文"},
		{"补正材料不属于受理通知书", "# 受理通知书\n{补正材料}"},
	} {
		if CheckTemplate("受理通知书", tc.body) == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
	for kind, body := range DefaultTemplates {
		if err := CheckTemplate(kind, body); err != nil {
			t.Errorf("default %s: %v", kind, err)
		}
	}
}

func TestOfficeWordingIsUsedAndResetRestoresDefault(t *testing.T) {
	st, _ := caseStore(t)
	custom := strings.Replace(DefaultTemplates["受理通知书"], "本机关决定予以受理。", "本中心决定予以受理，特此通知。", 1)
	must(t, CheckTemplate("受理通知书", custom))
	must(t, st.SaveNoticeTemplate("受理通知书", custom))
	var buf bytes.Buffer
	_, err := PrintNotice(st, NoticeRequest{Kind: "受理通知书", CaseNo: "SL20260930001", At: printDate}, fixedPDF, &buf)
	must(t, err)
	if !strings.Contains(strings.Join(strings.Fields(pdfText(t, buf.Bytes())), ""), "特此通知") {
		t.Fatal("the office's wording was not used")
	}
	must(t, st.SaveNoticeTemplate("受理通知书", ""))
	if body, isDefault, _ := TemplateBody(st, "受理通知书"); !isDefault || body != DefaultTemplates["受理通知书"] {
		t.Fatal("reset did not restore the default")
	}
}

func TestBatchCancelledWritesNothingAndTakesNoNumber(t *testing.T) {
	st, c := caseStore(t)
	reqs := make([]NoticeRequest, 5)
	for i := range reqs {
		no := fmt.Sprintf("SL2026093010%d", i)
		otherCase(t, st, c, no, nil)
		reqs[i] = NoticeRequest{Kind: "受理通知书", CaseNo: no, At: printDate}
	}
	ctx, cancel := context.WithCancel(context.Background())
	var buf bytes.Buffer
	_, err := PrintNotices(ctx, st, reqs, fixedPDF, &buf, func(done, total int) {
		if done == 2 {
			cancel()
		}
	})
	if err != ErrCancelled || buf.Len() != 0 {
		t.Fatalf("err=%v, wrote %d bytes", err, buf.Len())
	}
	if list, _ := st.IssuedNotices(""); len(list) != 0 {
		t.Fatalf("a cancelled batch took numbers: %v", list)
	}
}

// A batch names a notice once: printing one twice would be a reprint of
// itself.
func TestBatchWithTheSameNoticeTwiceIsRefused(t *testing.T) {
	st, c := caseStore(t)
	reqs := []NoticeRequest{{Kind: "受理通知书", CaseNo: c.No}, {Kind: "受理通知书", CaseNo: c.No}}
	if _, err := PrintNotices(context.Background(), st, reqs, fixedPDF, &bytes.Buffer{}, nil); err == nil || !strings.Contains(err.Error(), "重复") {
		t.Fatalf("got %v", err)
	}
}

func BenchmarkPrint200Notices(b *testing.B) {
	t := &testing.T{}
	st, c := caseStore(t)
	reqs := make([]NoticeRequest, 200)
	for i := range reqs {
		no := fmt.Sprintf("SL202609301%03d", i)
		otherCase(t, st, c, no, nil)
		reqs[i] = NoticeRequest{Kind: "承诺件通知书", CaseNo: no, At: time.Date(2026, 10, 8, 10, 5, 0, 0, models.CentreZone)}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if _, err := PrintNotices(context.Background(), st, reqs, PrintOptions{Created: fixedPDF.Created, Preview: true}, &buf, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCheckBoxChoiceMustBeAnOption(t *testing.T) {
	st, _ := caseStore(t)
	_, err := PrintNotice(st, NoticeRequest{Kind: "承诺件通知书", CaseNo: "SL20260930001", Inputs: map[string]string{"领取方式": "快递"}, At: time.Date(2026, 10, 8, 10, 5, 0, 0, models.CentreZone)}, fixedPDF, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "“快递”不是可选项") {
		t.Fatalf("got %v", err)
	}
}

// Another window printing at the same moment takes the number this print
// planned: this print draws its paper again with the next number.
func TestNumberTakenMeanwhileIsDrawnAgain(t *testing.T) {
	st, c := caseStore(t)
	otherCase(t, st, c, "X1", nil)
	took := false
	var buf bytes.Buffer
	n, err := PrintNotices(context.Background(), st, []NoticeRequest{{Kind: "受理通知书", CaseNo: c.No}}, fixedPDF, &buf, func(done, total int) {
		if !took {
			took = true
			// progress runs while the paper is drawn, before its number is recorded
			other, err := PrintNotice(st, NoticeRequest{Kind: "受理通知书", CaseNo: "X1"}, fixedPDF, &bytes.Buffer{})
			must(t, err)
			if other.DocNo != "乌政服受〔2026〕1号" {
				t.Errorf("the other print took %s", other.DocNo)
			}
		}
	})
	must(t, err)
	if n[0].DocNo != "乌政服受〔2026〕2号" || !strings.Contains(flat(pdfText(t, buf.Bytes())), "乌政服受〔2026〕2号") {
		t.Fatalf("took %s", n[0].DocNo)
	}
}
