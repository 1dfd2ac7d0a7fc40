package reports

import (
	"bytes"
	"strings"
	"testing"

	"govdesk/models"
)

// A new centre that has not filled in 文书设置 prints nobody's name: its
// notice is refused, says where to fill the details in, and takes no 文号.
func TestPrintingANoticeBeforeTheCentreIsFilledInIsRefused(t *testing.T) {
	raw, err := models.Open(t.TempDir(), models.WithClock(models.FixedClock(testNow)))
	must(t, err)
	t.Cleanup(func() { raw.Close() })
	st, c := caseIn(t, raw)
	var buf bytes.Buffer
	_, err = PrintNotice(st, NoticeRequest{Kind: "受理通知书", CaseNo: c.No, At: printDate}, fixedPDF, &buf)
	if err == nil || !strings.Contains(err.Error(), "文书设置") {
		t.Fatalf("a notice printed before the centre's details: %v", err)
	}
	if buf.Len() > 0 {
		t.Fatal("a refused notice wrote a PDF")
	}
	if list, _ := st.IssuedNotices(""); len(list) != 0 {
		t.Fatalf("a refused notice took a number: %+v", list)
	}

	must(t, st.SaveOffice(models.Office{Name: "某某市政务服务中心", Abbrev: "某政服", EnquiryPhone: "0471-1234567", ComplaintTel: "12345"}))
	n, err := PrintNotice(st, NoticeRequest{Kind: "受理通知书", CaseNo: c.No, At: printDate}, fixedPDF, &buf)
	must(t, err)
	if !strings.HasPrefix(n.DocNo, "某政服") || !strings.Contains(pdfText(t, buf.Bytes()), "某某市政务服务中心") {
		t.Fatalf("the centre's own details are not on its notice: %s", n.DocNo)
	}
}
