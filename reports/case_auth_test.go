package reports

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"govdesk/models"
)

// 窗口办件管理实施细则 三: the decision names who approved it. A decision
// without a 批准人 is refused, saying who may approve; with one, it prints
// the 批准人, and a reprint keeps the 批准人 it was issued with.
func TestHandbookCaseAuthorisationDecisionNeedsItsApprover(t *testing.T) {
	done := time.Date(2026, 10, 12, 16, 0, 0, 0, models.CentreZone)
	for _, tc := range []struct {
		name       string
		authorised bool
		result     string
		kind       string
		approver   string
		want       string // "" = printed with the 批准人
	}{
		{"准予决定书没有批准人", false, models.ResultApproved, "准予行政许可决定书", "",
			"办件 SL20260930001 尚未登记批准人，准予行政许可决定书须写明批准人；请先在办件中填写批准人"},
		{"不予许可决定书没有批准人", false, models.ResultDenied, "不予行政许可决定书", "", "尚未登记批准人"},
		{"授权事项的决定书没有批准人：说明应由首席代表批准", true, models.ResultApproved, "准予行政许可决定书", "",
			"（事项“食品经营许可”已授权 A01 窗口首席代表审批（2026-10-01 起），批准人应为首席代表 张建华）"},
		{"授权事项由首席代表批准", true, models.ResultApproved, "准予行政许可决定书", "张建华", ""},
		{"未授权事项由部门领导批准", false, models.ResultDenied, "不予行政许可决定书", "赵局长", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, c := caseStore(t)
			if tc.authorised {
				chief := models.Staff{EmployeeNo: "ZW010", Name: "张建华", HomeUnitID: c.Window.HomeUnitID, WindowID: c.WindowID,
					Post: models.PostChief, JoinedOn: models.NewDate(2024, 1, 2)}
				must(t, st.SaveStaff(&chief))
				must(t, st.AddMatterAuthorisation(&models.MatterAuthorisation{WindowID: c.WindowID, Matter: c.Matter, From: models.NewDate(2026, 10, 1)}))
			}
			must(t, st.CompleteCaseBy(c.ID, done, tc.result, "", tc.approver))
			req := NoticeRequest{Kind: tc.kind, CaseNo: c.No, Inputs: inputsFor[tc.kind], At: printDate}
			var buf bytes.Buffer
			n, err := PrintNotice(st, req, fixedPDF, &buf)
			if tc.want != "" {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("want a refusal containing %q, got %v", tc.want, err)
				}
				if list, _ := st.IssuedNotices(c.No); len(list) != 0 {
					t.Fatal("a refused decision took a number")
				}
				return
			}
			must(t, err)
			if text := flat(pdfText(t, buf.Bytes())); !strings.Contains(text, "批准人："+tc.approver) || !strings.Contains(text, n.DocNo) {
				t.Fatalf("the 批准人 is not printed:\n%s", text)
			}
			if tc.authorised {
				return
			}
			// the 批准人 is corrected later: the reprint keeps the one issued
			k, _ := st.CaseByNo(c.No)
			k.Approver = "钱副局长"
			must(t, st.SaveCase(&k))
			buf.Reset()
			again, err := PrintNotice(st, NoticeRequest{Kind: tc.kind, CaseNo: c.No, At: printDate}, fixedPDF, &buf)
			must(t, err)
			text := flat(pdfText(t, buf.Bytes()))
			if !again.Reprinted || !strings.Contains(text, "批准人："+tc.approver) || strings.Contains(text, "钱副局长") {
				t.Fatalf("the reprint does not keep 批准人 %s:\n%s", tc.approver, text)
			}
		})
	}
}

// The cases file carries a 批准人 column: exported, edited and imported
// again it gives the same cases; a 批准人 the authorisation forbids is
// refused with its row, and a 工号 becomes the 首席代表's name.
func TestHandbookCaseAuthorisationImportExportRoundTrip(t *testing.T) {
	st := rosterForCases(t) // 王堃 (ZW001) is A01's 首席代表
	a01 := lookupWindow(t, st, "A01")
	must(t, st.AddMatterAuthorisation(&models.MatterAuthorisation{WindowID: a01.ID, Matter: "企业设立登记", From: models.NewDate(2026, 1, 1)}))
	csv := "办件编号,事项名称,办件类型,申请人,窗口编号,工号,受理时间,办结时间,办理结果,批准人\n" +
		"SQ-1,企业设立登记,即办件,集宁区鑫源商贸有限公司,A01,ZW001,2026-11-03 08:27,2026-11-03 09:10,准予,zw001\n" +
		"SQ-2,食品经营许可,即办件,集宁区玥华餐饮店,A02,ZW002,2026-11-03 10:00,2026-11-03 10:30,准予,赵局长\n" +
		"SQ-3,企业设立登记,即办件,乌兰察布喆润物流有限公司,A01,ZW001,2026-11-04 10:00,,,\n"
	mustImport(t, st, "cases", writeFile(t, "办件.csv", []byte(csv)))
	for no, want := range map[string]string{"SQ-1": "王堃", "SQ-2": "赵局长", "SQ-3": ""} {
		if c, _ := st.CaseByNo(no); c.Approver != want {
			t.Fatalf("%s: 批准人 %q, want %q", no, c.Approver, want)
		}
	}

	bad := "办件编号,事项名称,办件类型,申请人,窗口编号,工号,受理时间,办结时间,办理结果,批准人\n" +
		"SQ-4,企业设立登记,即办件,集宁区鑫源商贸有限公司,A01,ZW001,2026-11-05 08:27,2026-11-05 09:10,准予,周𠮷\n"
	_, err := Import(st, "cases", writeFile(t, "bad.csv", []byte(bad)), nil)
	if err == nil || !strings.Contains(err.Error(), "第2行") || !strings.Contains(err.Error(), "批准人应为首席代表 王堃，周𠮷 不能批准此办件") {
		t.Fatalf("got %v", err)
	}
	if _, err := st.CaseByNo("SQ-4"); err == nil {
		t.Fatal("the refused row was stored")
	}

	for _, ext := range []string{".csv", ".xlsx"} {
		path := filepath.Join(t.TempDir(), "办件"+ext)
		if _, err := Export(st, "cases", path, ExportOptions{}); err != nil {
			t.Fatal(err)
		}
		sh, err := ReadSheet(path)
		must(t, err)
		col := -1
		for i, h := range sh.Header {
			if h == "批准人" {
				col = i
			}
		}
		if col < 0 {
			t.Fatalf("%s: no 批准人 column in %v", ext, sh.Header)
		}
		got := map[string]string{}
		for _, r := range rowsOf(sh) {
			if col < len(r.Cells) {
				got[r.Cells[0]] = r.Cells[col]
			}
		}
		if got["SQ-1"] != "王堃" || got["SQ-2"] != "赵局长" {
			t.Fatalf("%s: exported 批准人 %v", ext, got)
		}
		before, _ := st.AuditLog(models.AuditFilter{})
		stats := mustImport(t, st, "cases", path)
		after, _ := st.AuditLog(models.AuditFilter{})
		if stats.Created+stats.Updated != 0 || len(after) != len(before) {
			t.Fatalf("%s: the exported file changed something on import: %+v", ext, stats)
		}
	}
}

func lookupWindow(t *testing.T, st *models.Store, code string) models.ServiceWindow {
	t.Helper()
	ws, err := st.ServiceWindows()
	must(t, err)
	for _, w := range ws {
		if w.Code == code {
			return w
		}
	}
	t.Fatalf("no window %s", code)
	return models.ServiceWindow{}
}

// 替岗人员管理 2: a badge handed out after the substitution started shows
// as 事后发放 on the 替岗报备单 and on the 领用归还登记表.
func TestHandbookSubstituteLateBadgeIssuePrintsAsSuch(t *testing.T) {
	st, c := caseStore(t) // 李喆 at A01; today 2026-11-26
	x := models.Substitution{Name: "赵志刚", IDNumber: idOf(t, "15090219880612341"), Mobile: "13904745521",
		HomeUnitID: c.Window.HomeUnitID, WindowID: c.WindowID, CoveredID: c.StaffID,
		From: models.NewDate(2026, 11, 23), To: models.NewDate(2026, 11, 27), Reason: "参加业务培训",
		ReportedBy: "人事科 白雪", ReportedOn: models.NewDate(2026, 11, 20)}
	must(t, st.SaveSubstitution(&x, false))
	badge := models.BadgeItem{Kind: models.BadgeKindBadge, No: "临牌-01"}
	plate := models.BadgeItem{Kind: models.BadgeKindPlate, No: "座牌-A01"}
	must(t, st.SaveBadgeItem(&badge))
	must(t, st.SaveBadgeItem(&plate))
	_, err := st.IssueBadge(badge.ID, x.ID, models.NewDate(2026, 11, 23), "")
	must(t, err)
	_, err = st.IssueBadge(plate.ID, x.ID, models.NewDate(2026, 11, 24), "")
	must(t, err)

	var buf bytes.Buffer
	must(t, PrintSubstitutionForm(st, x.ID, fixedPDF, &buf))
	text := flat(pdfText(t, buf.Bytes()))
	// the cell sits beside its label, which pdftotext may run into it
	if !strings.Contains(text, "临牌-01（11月23日领用）") || !strings.Contains(text, "座牌-A01（11月24日") ||
		!strings.Contains(text, "领用，事后发放）") || strings.Count(text, "事后发放") != 1 {
		t.Fatalf("the 替岗报备单 does not mark the late plate:\n%s", text)
	}
	buf.Reset()
	must(t, PrintBadgeRegister(st, BadgeRegisterOptions{From: models.NewDate(2026, 11, 1)}, fixedPDF, &buf))
	keepPDF(t, "挂牌座牌登记表-事后发放.pdf", buf.Bytes())
	text = flat(pdfText(t, buf.Bytes()))
	if strings.Count(text, "事后发放") != 1 {
		t.Fatalf("the register does not mark the late plate once:\n%s", text)
	}
}
