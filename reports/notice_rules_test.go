package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"govdesk/models"
)

// Each notice is checked against its case before it is drawn: refused with a
// sentence saying what to change, accepted once the case is in the state the
// notice is issued for. The case was received on 30 September 2026 and is
// due on 13 October.
func TestNoticeMustFitItsCase(t *testing.T) {
	within := time.Date(2026, 10, 8, 10, 0, 0, 0, models.CentreZone)
	late := time.Date(2026, 12, 13, 10, 0, 0, 0, models.CentreZone) // 74 days after receipt
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, st *models.Store)
		req   NoticeRequest
		want  string // "" = printed
	}{
		{"准予决定书用于办理结果为不予许可的办件", func(t *testing.T, st *models.Store) {
			complete(t, st, "SL20260930001", models.ResultDenied)
		}, NoticeRequest{Kind: "准予行政许可决定书"}, "办理结果为“不予许可”"},
		{"准予决定书用于未办结的办件", nil, NoticeRequest{Kind: "准予行政许可决定书"}, "尚未登记办理结果"},
		{"准予决定书用于办理结果为准予的办件", func(t *testing.T, st *models.Store) {
			complete(t, st, "SL20260930001", models.ResultApproved)
		}, NoticeRequest{Kind: "准予行政许可决定书"}, ""},
		{"不予许可决定书用于办理结果为准予的办件", func(t *testing.T, st *models.Store) {
			complete(t, st, "SL20260930001", models.ResultApproved)
		}, NoticeRequest{Kind: "不予行政许可决定书", Inputs: inputsFor["不予行政许可决定书"]}, "办理结果为“准予”"},
		{"已有准予决定书的办件改为不予许可后印不予许可决定书", func(t *testing.T, st *models.Store) {
			complete(t, st, "SL20260930001", models.ResultApproved)
			print(t, st, NoticeRequest{Kind: "准予行政许可决定书"})
			c, _ := st.CaseByNo("SL20260930001")
			c.Result = models.ResultDenied
			must(t, st.SaveCase(&c))
		}, NoticeRequest{Kind: "不予行政许可决定书", Inputs: inputsFor["不予行政许可决定书"]}, "已出具准予行政许可决定书 乌政服准许〔2026〕1号"},
		{"退件的办件印受理通知书", func(t *testing.T, st *models.Store) {
			complete(t, st, "SL20260930001", models.ResultReturned)
		}, NoticeRequest{Kind: "受理通知书"}, "办理结果为“退件”"},
		{"不予受理的办件印承诺件通知书", func(t *testing.T, st *models.Store) {
			complete(t, st, "SL20260930001", models.ResultRefused)
		}, NoticeRequest{Kind: "承诺件通知书", At: within}, "办理结果为“不予受理”"},
		{"已出具不予受理通知书的办件印受理通知书", func(t *testing.T, st *models.Store) {
			print(t, st, NoticeRequest{Kind: "不予受理通知书", Inputs: inputsFor["不予受理通知书"]})
		}, NoticeRequest{Kind: "受理通知书"}, "已出具不予受理通知书 乌政服不受〔2026〕1号"},
		{"不予受理通知书作废后印受理通知书", func(t *testing.T, st *models.Store) {
			n := print(t, st, NoticeRequest{Kind: "不予受理通知书", Inputs: inputsFor["不予受理通知书"]})
			must(t, st.VoidNotice(n.ID, "误印"))
		}, NoticeRequest{Kind: "受理通知书"}, ""},
		{"已作出准予决定的办件印不予受理通知书", func(t *testing.T, st *models.Store) {
			complete(t, st, "SL20260930001", models.ResultApproved)
		}, NoticeRequest{Kind: "不予受理通知书", Inputs: inputsFor["不予受理通知书"]}, "办理结果为“准予”"},
		{"一次性告知书在收件74天后", nil, NoticeRequest{Kind: "一次性告知书", Inputs: inputsFor["一次性告知书"], At: late},
			"应在收件后5个工作日内（2026年10月13日前）出具"},
		{"一次性告知书在5个工作日内", nil, NoticeRequest{Kind: "一次性告知书", Inputs: inputsFor["一次性告知书"], At: within}, ""},
		{"一次性告知书逾期但写明理由", nil, NoticeRequest{Kind: "一次性告知书", Inputs: inputsFor["一次性告知书"], At: late,
			Override: "申请人补交材料后发现新的缺项"}, ""},
		{"承诺件通知书在承诺办结日期之后", nil, NoticeRequest{Kind: "承诺件通知书", At: printDate}, "承诺办结日期为2026年10月13日，已早于印制日期2026年11月26日"},
		{"承诺件通知书在承诺办结日期之前", nil, NoticeRequest{Kind: "承诺件通知书", At: within}, ""},
		{"即办件印承诺件通知书", func(t *testing.T, st *models.Store) {
			c, _ := st.CaseByNo("SL20260930001")
			c.Kind, c.PromisedDays = models.CaseInstant, 0
			must(t, st.SaveCase(&c))
		}, NoticeRequest{Kind: "承诺件通知书", At: within}, "是即办件"},
		{"没有登记材料的收件清单", func(t *testing.T, st *models.Store) {
			c, _ := st.CaseByNo("SL20260930001")
			c.Materials = nil
			must(t, st.SaveCase(&c))
		}, NoticeRequest{Kind: "收件清单"}, "没有登记收件材料；请先在办件中登记收到的材料"},
		{"邮寄送达而办件没有联系地址", nil, NoticeRequest{Kind: "承诺件通知书", At: within, Inputs: map[string]string{"领取方式": "邮寄送达"}},
			"请先在办件中填写联系地址"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, _ := caseStore(t)
			if tc.setup != nil {
				tc.setup(t, st)
			}
			before, _ := st.IssuedNotices("")
			req := tc.req
			req.CaseNo = "SL20260930001"
			n, err := PrintNotice(st, req, fixedPDF, &bytes.Buffer{})
			after, _ := st.IssuedNotices("")
			if tc.want == "" {
				must(t, err)
				if len(after) != len(before)+1 || n.DocNo == "" {
					t.Fatalf("printed without a number: %+v", n)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "请") {
				t.Fatalf("want a refusal saying %q and what to do, got %v", tc.want, err)
			}
			if len(after) != len(before) {
				t.Fatal("a refused notice took a number")
			}
		})
	}
}

// print issues a notice of the test case.
func print(t *testing.T, st *models.Store, req NoticeRequest) models.IssuedNotice {
	t.Helper()
	req.CaseNo = "SL20260930001"
	if req.At.IsZero() {
		req.At = time.Date(2026, 10, 8, 10, 0, 0, 0, models.CentreZone)
	}
	n, err := PrintNotice(st, req, fixedPDF, &bytes.Buffer{})
	must(t, err)
	return n
}

// The reason for a late 一次性告知书 is kept with the notice and in the
// audit log, and printed nowhere.
func TestLateNoticeReasonIsKeptNotPrinted(t *testing.T) {
	st, _ := caseStore(t)
	reason := "申请人补交材料后发现新的缺项"
	var buf bytes.Buffer
	n, err := PrintNotice(st, NoticeRequest{Kind: "一次性告知书", CaseNo: "SL20260930001", Inputs: inputsFor["一次性告知书"],
		At: printDate, Override: reason}, fixedPDF, &buf)
	must(t, err)
	if strings.Contains(flat(pdfText(t, buf.Bytes())), reason) {
		t.Fatal("the reason is printed on the notice")
	}
	list, _ := st.IssuedNotices("SL20260930001")
	if len(list) != 1 || list[0].Override != reason || list[0].DocNo != n.DocNo {
		t.Fatalf("register %+v", list)
	}
	log, _ := st.AuditLog(models.AuditFilter{Entity: "文书"})
	if len(log) != 1 || !strings.Contains(log[0].After, reason) {
		t.Fatalf("the reason is not in the audit log: %+v", log)
	}
}

// The office edits the working days of the 一次性告知 in its rule set.
func TestNoticeDaysComeFromTheRuleSet(t *testing.T) {
	st, _ := caseStore(t)
	rs := models.DefaultRuleSet()
	rs.EffectiveFrom = models.NewDate(2026, 1, 1)
	rs.Conduct.NoticeDays = 2
	must(t, st.SaveRuleSet(&rs))
	// day 2 is 9 October, day 3 is 10 October (a 调休 Saturday)
	_, err := PrintNotice(st, NoticeRequest{Kind: "一次性告知书", CaseNo: "SL20260930001", Inputs: inputsFor["一次性告知书"],
		At: time.Date(2026, 10, 10, 9, 0, 0, 0, models.CentreZone)}, fixedPDF, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "2个工作日内（2026年10月9日前）") {
		t.Fatalf("got %v", err)
	}
}

// The 送达凭证 leaves the time of service and both signatures to be written
// by hand and fills in the document served and how and where.
func TestServiceReceiptLeavesTimeAndSignaturesBlank(t *testing.T) {
	st, _ := caseStore(t)
	acc := print(t, st, NoticeRequest{Kind: "受理通知书"})
	var buf bytes.Buffer
	_, err := PrintNotice(st, NoticeRequest{Kind: "送达凭证", CaseNo: "SL20260930001", At: printDate,
		Inputs: map[string]string{"送达方式": "邮寄送达"}}, fixedPDF, &buf)
	must(t, err)
	text := pdfText(t, buf.Bytes())
	lines := map[string]string{}
	for _, l := range strings.Split(text, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			lines[f[0]] = strings.Join(f[1:], "")
		}
	}
	for label, want := range map[string]string{
		"送达时间": "年月日时分", "送达人签名": "", "送达方式": "邮寄送达", "受送达人": "王堃",
	} {
		if got, ok := lines[label]; !ok || got != want {
			t.Errorf("%s: got %q (present %v), want %q\n%s", label, got, ok, want, text)
		}
	}
	f := flat(text)
	if !strings.Contains(f, "受理通知书（"+acc.DocNo+"）") {
		t.Errorf("the document served is not named:\n%s", text)
	}
	if strings.Contains(f, "10时05分") || strings.Contains(f, "10时00分") {
		t.Errorf("the time of printing is printed as the time of service:\n%s", text)
	}
	if _, err := PrintNotice(st, NoticeRequest{Kind: "送达凭证", CaseNo: "SL20260930001", Inputs: map[string]string{"送达时间": "2026年11月26日"}}, fixedPDF, &bytes.Buffer{}); err == nil {
		t.Error("a service time given when printing was accepted")
	}
}

// Each 送达凭证 is its own notice per document served: the receipt of the
// decision is not a reprint of the receipt of the acceptance.
func TestServiceReceiptPerDocument(t *testing.T) {
	st, _ := caseStore(t)
	a := print(t, st, NoticeRequest{Kind: "送达凭证", Inputs: map[string]string{"送达文书": "受理通知书（乌政服受〔2026〕1号）"}})
	b := print(t, st, NoticeRequest{Kind: "送达凭证", Inputs: map[string]string{"送达文书": "准予行政许可决定书（乌政服准许〔2026〕1号）"}})
	c := print(t, st, NoticeRequest{Kind: "送达凭证", Inputs: map[string]string{"送达文书": "受理通知书（乌政服受〔2026〕1号）"}})
	if a.DocNo == b.DocNo || c.DocNo != a.DocNo || !c.Reprinted {
		t.Fatalf("%s %s %s", a.DocNo, b.DocNo, c.DocNo)
	}
}

// Posted results print the address they go to.
func TestPostedResultPrintsTheAddress(t *testing.T) {
	st, c := caseStore(t)
	c.Address = "内蒙古自治区乌兰察布市集宁区恩和路12号"
	c.Contact = "王堃"
	must(t, st.SaveCase(&c))
	var buf bytes.Buffer
	_, err := PrintNotice(st, NoticeRequest{Kind: "承诺件通知书", CaseNo: c.No, At: time.Date(2026, 10, 8, 10, 0, 0, 0, models.CentreZone),
		Inputs: map[string]string{"领取方式": "邮寄送达"}}, fixedPDF, &buf)
	must(t, err)
	if f := flat(pdfText(t, buf.Bytes())); !strings.Contains(f, "邮寄至：内蒙古自治区乌兰察布市集宁区恩和路12号") {
		t.Fatalf("no address:\n%s", f)
	}
	buf.Reset()
	_, err = PrintNotice(st, NoticeRequest{Kind: "承诺件通知书", CaseNo: c.No, At: time.Date(2026, 10, 8, 10, 0, 0, 0, models.CentreZone), NewIssue: true}, fixedPDF, &buf)
	must(t, err)
	if f := flat(pdfText(t, buf.Bytes())); strings.Contains(f, "邮寄至") {
		t.Fatal("an address printed for a result collected at the window")
	}
}

// Numbers the clerk typed before each item of the list are not printed
// twice.
func TestCorrectionListNumbersItself(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"阿拉伯数字加点", "1.营业执照副本", "营业执照副本"},
		{"全角点", "2．法定代表人身份证", "法定代表人身份证"},
		{"顿号", "3、场所平面图", "场所平面图"},
		{"括号", "（4）卫生许可证", "卫生许可证"},
		{"半角括号", "(5) 承诺书", "承诺书"},
		{"圈码", "⑥租赁合同", "租赁合同"},
		{"中文序号", "七、健康证明", "健康证明"},
		{"点后空格", "8. 3.5米宽通道的照片", "3.5米宽通道的照片"},
		{"小数不是序号", "3.5米宽通道的照片", "3.5米宽通道的照片"},
		{"没有序号", "营业执照", "营业执照"},
		{"只有序号", "1.", "1."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stripListNumber(tc.in); got != tc.want {
				t.Fatalf("%q → %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	st, _ := caseStore(t)
	var buf bytes.Buffer
	_, err := PrintNotice(st, NoticeRequest{Kind: "一次性告知书", CaseNo: "SL20260930001", At: time.Date(2026, 10, 8, 10, 0, 0, 0, models.CentreZone),
		Inputs: map[string]string{"补正材料": "1. 食品安全管理制度文本\n2、主要设备设施布局图"}}, fixedPDF, &buf)
	must(t, err)
	f := flat(pdfText(t, buf.Bytes()))
	if !strings.Contains(f, "1.食品安全管理制度文本") || !strings.Contains(f, "2.主要设备设施布局图") || strings.Contains(f, "1.1.") || strings.Contains(f, "2.2、") {
		t.Fatalf("list numbered twice:\n%s", f)
	}
}

// The inputs stored with a notice are the facts it printed.
func TestNoticeStoresItsFacts(t *testing.T) {
	st, _ := caseStore(t)
	n := print(t, st, NoticeRequest{Kind: "不予受理通知书", Inputs: inputsFor["不予受理通知书"]})
	var in map[string]string
	must(t, json.Unmarshal([]byte(n.Inputs), &in))
	if in["不予受理理由"] != inputsFor["不予受理通知书"]["不予受理理由"] {
		t.Fatalf("inputs %v", in)
	}
}
