package reports

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"govdesk/models"
)

// demoStore opens a store on the demo centre as filled on testNow: a copy
// of one filled once for all the tests, the same centre FillDemo makes on
// that day.
func demoStore(t *testing.T) *models.Store {
	t.Helper()
	demoOnce.Do(func() {
		if demoDir, demoErr = os.MkdirTemp("", "govdesk-demo-"); demoErr != nil {
			return
		}
		st, err := models.Open(demoDir, models.WithClock(models.FixedClock(testNow)))
		if err != nil {
			demoErr = err
			return
		}
		demoErr = st.FillDemo()
		if err := st.Close(); demoErr == nil {
			demoErr = err
		}
	})
	must(t, demoErr)
	b, err := os.ReadFile(filepath.Join(demoDir, models.DatabaseFile))
	must(t, err)
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, models.DatabaseFile), b, 0o644))
	st, err := models.Open(dir, models.WithClock(models.FixedClock(testNow)))
	must(t, err)
	t.Cleanup(func() { st.Close() })
	return st
}

var (
	demoOnce sync.Once
	demoDir  string
	demoErr  error
)

// TestMain removes the demo centre the tests copied from.
func TestMain(m *testing.M) {
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

func flat(s string) string { return strings.Join(strings.Fields(s), "") }

func TestLeaveFormPrintsTheRequest(t *testing.T) {
	st := demoStore(t)
	leaves, err := st.Leaves(models.LeaveFilter{})
	must(t, err)
	var sick models.LeaveRequest
	for _, l := range leaves {
		if l.Type == "病假" && l.StandInID != nil {
			sick = l
		}
	}
	if sick.ID == 0 {
		t.Fatal("the demo has no sick leave with a stand-in")
	}
	var buf bytes.Buffer
	must(t, PrintLeaveForm(st, sick.ID, fixedPDF, &buf))
	text := flat(pdfText(t, buf.Bytes()))
	cal, _ := st.Calendar()
	for _, want := range []string{"请假审批单", sick.Staff.Name, sick.Staff.EmployeeNo, "病假", flat(sick.Describe(cal)),
		sick.StandIn.Name, "申请人签名", "首席代表意见", "中心领导意见", "乌兰察布市政务服务中心"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the leave form:\n%s", want, text)
		}
	}
}

// The 请假审批单 names the person's home unit and the window they sat at
// when the leave began, not the one they moved to afterwards.
func TestLeaveFormNamesUnitAndWindowOfTheLeave(t *testing.T) {
	st, c := caseStore(t)
	w2 := models.ServiceWindow{Code: "A02", Name: "食品经营许可", HomeUnitID: c.Staff.HomeUnitID, Active: true}
	must(t, st.SaveServiceWindow(&w2))
	l := models.LeaveRequest{StaffID: c.StaffID, Type: "事假", From: models.NewDate(2026, 11, 9), FromHalf: models.HalfAM,
		To: models.NewDate(2026, 11, 9), ToHalf: models.HalfPM, Reason: "家中有事", Status: models.LeavePending,
		AppliedAt: time.Date(2026, 11, 6, 16, 0, 0, 0, models.CentreZone)} // the paper form, handed in beforehand
	must(t, st.SaveLeave(&l))
	must(t, st.MoveStaff(c.StaffID, w2.ID, models.NewDate(2026, 11, 16), "轮岗"))
	for _, tc := range []struct {
		name   string
		from   models.Date
		window string
	}{
		{"调岗前的请假", models.NewDate(2026, 11, 9), "派驻单位市市场监督管理局窗口A01企业开办综合窗口"},
		{"调岗后的请假", models.NewDate(2026, 11, 23), "派驻单位市市场监督管理局窗口A02食品经营许可窗口"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			leave := l
			if tc.from != l.From {
				leave = models.LeaveRequest{StaffID: c.StaffID, Type: "事假", From: tc.from, FromHalf: models.HalfAM,
					To: tc.from, ToHalf: models.HalfPM, Status: models.LeavePending, AppliedAt: models.CivilTime(tc.from.AddDays(-3), 9, 0, 0)}
				must(t, st.SaveLeave(&leave))
			}
			var buf bytes.Buffer
			must(t, PrintLeaveForm(st, leave.ID, fixedPDF, &buf))
			if text := flat(pdfText(t, buf.Bytes())); !strings.Contains(text, tc.window) {
				t.Fatalf("want %s in:\n%s", tc.window, text)
			}
		})
	}
}

func TestAttendanceBulletinNamesAnomaliesWithTheirFigures(t *testing.T) {
	st := demoStore(t)
	// the month of yesterday: the demo's showcase month with the tests' clock
	last := st.Today().AddDays(-1)
	month := models.MonthOf(last)
	path := filepath.Join(t.TempDir(), "考勤通报.pdf")
	if _, err := Export(st, "attendance", path, ExportOptions{Month: month}); err != nil {
		t.Fatal(err)
	}
	pdf, _ := os.ReadFile(path)
	text := flat(pdfText(t, pdf))
	sums, _ := st.AttendanceMonth(month, models.AttendanceFilter{})
	for _, s := range sums {
		if s.Result() != "正常" && !strings.Contains(text, s.Name) {
			t.Errorf("%s has an anomaly but is not in the bulletin", s.Name)
		}
	}
	title := fmt.Sprintf("%d年%d月窗口工作人员考勤情况通报", last.Year(), int(last.Month()))
	for _, want := range []string{title, "各进驻窗口单位：", "一、考勤异常人员", "二、全勤人员", "刘玥"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from the bulletin", want)
		}
	}
	if _, err := Export(st, "attendance", path, ExportOptions{}); err == nil || !strings.Contains(err.Error(), "指定月份") {
		t.Fatalf("no month: %v", err)
	}
	if _, err := Export(st, "staff", filepath.Join(t.TempDir(), "x.pdf"), ExportOptions{}); err == nil {
		t.Fatal("staff exported as PDF")
	}
}

func TestImportCancelledChangesNothing(t *testing.T) {
	st := openStore(t)
	var b strings.Builder
	b.WriteString("窗口编号,窗口名称,派驻单位\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "W%03d,综合窗口,市民政局\n", i)
	}
	path := writeFile(t, "w.csv", []byte(b.String()))
	ctx, cancel := context.WithCancel(context.Background())
	_, err := ImportContext(ctx, st, "windows", path, func(done, total int) {
		if done >= 100 {
			cancel()
		}
	})
	if !errors.Is(err, ErrImportCancelled) {
		t.Fatalf("got %v", err)
	}
	if ws, _ := st.ServiceWindows(); len(ws) != 0 {
		t.Fatalf("a cancelled import wrote %d windows", len(ws))
	}
}

// The centre's own circulars take 文号s from the same register as the case
// notices, one series per kind and year; the bulletin of a month keeps its
// number when exported again, until it is re-issued.
func TestInternalDocumentsAreNumbered(t *testing.T) {
	st := demoStore(t)
	var a, b, c bytes.Buffer
	must(t, PrintAttendanceBulletin(st, "2026-11", fixedPDF, &a))
	must(t, PrintAttendanceBulletin(st, "2026-11", fixedPDF, &b))
	if !strings.Contains(flat(pdfText(t, a.Bytes())), "乌政服勤〔2026〕1号") || !strings.Contains(flat(pdfText(t, b.Bytes())), "乌政服勤〔2026〕1号") {
		t.Fatal("the bulletin exported again should keep 1")
	}
	must(t, PrintAttendanceBulletin(st, "2026-10", fixedPDF, &c))
	if !strings.Contains(flat(pdfText(t, c.Bytes())), "乌政服勤〔2026〕2号") {
		t.Fatal("another month's bulletin should take 2")
	}
	c.Reset()
	must(t, PrintAttendanceBulletin(st, "2026-11", PrintOptions{Created: fixedPDF.Created, NewIssue: true}, &c))
	if !strings.Contains(flat(pdfText(t, c.Bytes())), "乌政服勤〔2026〕3号") {
		t.Fatal("the bulletin re-issued should take 3")
	}
	issued, _ := st.IssuedNotices("")
	state := map[string]string{}
	for _, n := range issued {
		state[n.DocNo] = n.VoidReason
	}
	if len(issued) != 3 || state["乌政服勤〔2026〕1号"] != models.VoidReissued || state["乌政服勤〔2026〕3号"] != "" {
		t.Fatalf("register %v", state)
	}
	// a print that fails takes no number
	if err := PrintAttendanceBulletin(st, "2026-09", fixedPDF, failingWriter{}); err == nil {
		t.Fatal("a failed write reported success")
	}
	// and a preview neither
	var p bytes.Buffer
	must(t, PrintAttendanceBulletin(st, "2026-09", PrintOptions{Created: fixedPDF.Created, Preview: true}, &p))
	if !strings.Contains(flat(pdfText(t, p.Bytes())), PreviewDocNo) {
		t.Fatal("the preview shows no mark where its number goes")
	}
	if after, _ := st.IssuedNotices(""); len(after) != 3 {
		t.Fatalf("a failed print or a preview took a number: %d", len(after))
	}
}

// Exporting a closed month's bulletin again, as the scoring screen does,
// keeps its number; --new-issue gives a new one.
func TestBulletinExportedAgainKeepsItsNumber(t *testing.T) {
	st := demoStore(t)
	dir := t.TempDir()
	must(t, st.CloseScoreMonth("2026-10")) // only a closed month's bulletin is issued
	for i, opt := range []ExportOptions{{Month: "2026-10"}, {Month: "2026-10"}, {Month: "2026-10", NewIssue: true}} {
		path := filepath.Join(dir, fmt.Sprintf("%d.pdf", i))
		if _, err := Export(st, "scores-month", path, opt); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"乌政服评〔2026〕1号", "乌政服评〔2026〕1号", "乌政服评〔2026〕2号"}
	for i, w := range want {
		pdf, _ := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%d.pdf", i)))
		if !strings.Contains(flat(pdfText(t, pdf)), w) {
			t.Errorf("export %d should carry %s", i+1, w)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("磁盘已满") }

// GovDesk's own punch file goes into the database while it is read; a bad
// row below tens of thousands of good ones, or a cancel part way, takes
// back what was added, and the centre takes the next import as before.
func TestAPunchFileRefusedOrCancelledPartWayAddsNothing(t *testing.T) {
	st := rosterForCases(t)
	punches := func(bad string) string {
		var b strings.Builder
		b.WriteString("工号,姓名,打卡时间,设备\n")
		day := time.Date(2025, 1, 1, 8, 0, 0, 0, models.CentreZone)
		for i := 0; i < 40000; i++ {
			fmt.Fprintf(&b, "ZW00%d,,%s,前台\n", i%3+1, models.FormatDateTime(day.Add(time.Duration(i)*7*time.Minute)))
		}
		b.WriteString(bad)
		return writeFile(t, "p.csv", []byte(b.String()))
	}
	count := func() int {
		list, err := st.Punches(models.PunchFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	_, err := Import(st, "punches", punches("ZW999,,2025-12-31 08:00,前台\n"), nil)
	var ie *ImportError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "第40002行") || !strings.Contains(err.Error(), "ZW999") {
		t.Fatalf("a bad last row: %v", err)
	}
	if n := count(); n != 0 {
		t.Fatalf("a refused file left %d punches", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err = ImportContext(ctx, st, "punches", punches(""), func(done, total int) {
		if done >= 30000 {
			cancel()
		}
	})
	if !errors.Is(err, ErrImportCancelled) {
		t.Fatalf("cancelled: %v", err)
	}
	if n := count(); n != 0 {
		t.Fatalf("a cancelled import left %d punches", n)
	}
	if stats := mustImport(t, st, "punches", punches("")); stats.Created != 40000 || count() != 40000 {
		t.Fatalf("then: %v, %d stored", stats, count())
	}
}
