package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// lastWorkingDayOfLastMonth is a day the sheet judges whatever today is.
func lastWorkingDayOfLastMonth(t *testing.T, st *models.Store) models.Date {
	t.Helper()
	cal, err := st.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	today := st.Today()
	d := models.NewDate(today.Year(), today.Month(), 1).AddDays(-1)
	for !cal.IsWorkingDay(d) {
		d = d.AddDays(-1)
	}
	return d
}

// demoMonth is the month of yesterday: with the tests' clock, the demo
// centre's showcase month (its anomalies, leave and inspections).
func demoMonth(st *models.Store) models.Date {
	d := st.Today().AddDays(-1)
	return models.NewDate(d.Year(), d.Month(), 1)
}

// seedOneDayPerson puts a person in service from day d on, so that d is
// the only working day of d's month the sheet judges for them.
func seedOneDayPerson(t *testing.T, st *models.Store, d models.Date) models.Staff {
	t.Helper()
	w := seedWindow(t, st)
	p := models.Staff{EmployeeNo: "ZW200", Name: "李喆", HomeUnitID: w.HomeUnitID, WindowID: w.ID,
		Post: models.PostStaff, JoinedOn: d, Status: models.StatusOnDuty}
	if err := st.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	return p
}

func openAttendance(t *testing.T, s *shell, month models.Date) *attendanceScreen {
	t.Helper()
	s.show("考勤")
	sc := s.screens["考勤"].(*attendanceScreen)
	sc.month = models.NewDate(month.Year(), month.Month(), 1)
	sc.reload()
	waitFor(t, "the monthly sheet", func() bool { return sc.loaded && sc.title.Text == monthTitle(sc.month) })
	return sc
}

func openLeave(t *testing.T, s *shell, month models.Date) *leaveScreen {
	t.Helper()
	s.show("请假")
	sc := s.screens["请假"].(*leaveScreen)
	sc.month.SetSelected(monthTitle(models.NewDate(month.Year(), month.Month(), 1)))
	waitFor(t, "the leave register", func() bool { return sc.cal != nil })
	return sc
}

// paperForm is the 申请时间 of a paper leave form for day, typed in later:
// the afternoon before.
func paperForm(day models.Date) time.Time { return models.CivilTime(day.AddDays(-1), 16, 0, 0) }

// sheetRow gives the sheet's row of a person by name.
func sheetRow(t *testing.T, sc *attendanceScreen, name string) (int, []string) {
	t.Helper()
	for i, r := range sc.list.rows() {
		if r[1] == name {
			return i, r
		}
	}
	t.Fatalf("%s is not on the sheet: %v", name, sc.list.rows())
	return -1, nil
}

func TestApprovingLeaveTurnsAbsenceIntoLeaveOnTheSheet(t *testing.T) {
	s, st := newTestShell(t)
	day := lastWorkingDayOfLastMonth(t, st)
	p := seedOneDayPerson(t, st, day)
	// the afternoon is punched; the morning has no punch and a pending 事假
	for _, c := range []models.Clock{models.NewClock(13, 25), models.NewClock(17, 35)} {
		at := time.Date(day.Year(), day.Month(), day.Day(), int(c)/60, int(c)%60, 0, 0, models.CentreZone)
		if _, err := st.ImportPunches([]models.PunchRow{{EmployeeNo: p.EmployeeNo, At: at}}); err != nil {
			t.Fatal(err)
		}
	}
	l := models.LeaveRequest{StaffID: p.ID, Type: "事假", From: day, FromHalf: models.HalfAM, To: day, ToHalf: models.HalfAM, Reason: "办理房产手续",
		AppliedAt: paperForm(day)}
	if err := st.SaveLeave(&l); err != nil {
		t.Fatal(err)
	}

	sheet := openAttendance(t, s, day)
	_, row := sheetRow(t, sheet, "李喆")
	if row[attLeave] != "0" || row[attAbsent] != "0.5" || row[attResult] != "异常" {
		t.Fatalf("before approval the sheet shows %v", row)
	}

	ls := openLeave(t, s, day)
	if rows := ls.list.rows(); len(rows) != 1 || rows[0][leaveColStatus] != models.LeavePending || rows[0][5] != "0.5" || rows[0][6] != models.TierChief {
		t.Fatalf("leave register shows %v", rows)
	}
	ls.list.selectID(l.ID)
	if ls.approve.Disabled() {
		t.Fatal("批准 is disabled for a pending request")
	}
	test.Tap(ls.approve)
	if ls.approverEntry.Text != s.data.Operator() {
		t.Fatalf("approver defaults to %q", ls.approverEntry.Text)
	}
	ls.approverEntry.SetText("")
	test.Type(ls.approverEntry, "徐明")
	test.Tap(ls.decisionSave)
	waitFor(t, "the approved request", func() bool {
		rows := ls.list.rows()
		return len(rows) == 1 && rows[0][leaveColStatus] == models.LeaveApproved && rows[0][8] == "徐明"
	})

	s.show("考勤")
	waitFor(t, "the sheet to change", func() bool {
		_, row := sheetRow(t, sheet, "李喆")
		return row[attLeave] == "0.5"
	})
	_, row = sheetRow(t, sheet, "李喆")
	if row[attAbsent] != "0" || row[4] != "0.5" || row[attResult] != "正常" {
		t.Fatalf("after approval the sheet shows %v", row)
	}
	sheet.list.selectID(p.ID)
	test.Tap(sheet.detail)
	pm := sheet.person
	if pm == nil || len(pm.rows) == 0 {
		t.Fatal("no month view")
	}
	r := pm.rows[day.Day()-1]
	if r.cells[5] != "请假（事假）" || r.cells[6] != "正常" {
		t.Fatalf("the day shows 上午 %q 下午 %q", r.cells[5], r.cells[6])
	}
	if !strings.Contains(strings.Join(pm.explanations, "\n"), "已批准，审批人：徐明") {
		t.Fatalf("explanations %v", pm.explanations)
	}
}

func TestDemoSheetShowsLiuYueConvertedAbsenceAndWhy(t *testing.T) {
	s, st := newDemoShell(t)
	month := demoMonth(st)
	sc := openAttendance(t, s, month)
	i, row := sheetRow(t, sc, "刘玥")
	if row[attLateEarlyAbsent] != "0.5" || row[attLate]+"+"+row[attEarly] != "3+1" {
		t.Fatalf("刘玥's row %v", row)
	}
	if imp := sc.list.importanceOf(i, attLateEarlyAbsent); imp != widget.DangerImportance {
		t.Fatalf("the converted absence is drawn with importance %v", imp)
	}
	if imp := sc.list.importanceOf(i, attLate); imp != widget.WarningImportance {
		t.Fatalf("the lates are drawn with importance %v", imp)
	}
	sc.list.selectID(sc.list.shownIDs()[i])
	test.Tap(sc.detail)
	pm := sc.person
	if pm == nil {
		t.Fatal("no month view")
	}
	// her first late morning, as the store computes it
	sums, _ := st.AttendanceMonth(models.MonthOf(month), models.AttendanceFilter{StaffID: pm.staffID})
	var late models.DayResult
	for _, d := range sums[0].Days {
		if d.Halves[0].LateMinutes > 0 {
			late = d
			break
		}
	}
	am := late.Halves[0]
	want := fmt.Sprintf("%d月%d日 上午 %s 迟到%d分钟", int(late.Date.Month()), late.Date.Day(), models.ClockOf(am.In.At), am.LateMinutes)
	all := strings.Join(pm.explanations, "\n")
	if am.LateMinutes == 0 || !strings.Contains(all, "迟到早退共4次") || !strings.Contains(all, want) {
		t.Fatalf("explanations (want %q):\n%s", want, all)
	}
	if got := pm.rows[late.Date.Day()-1].cells[5]; got != fmt.Sprintf("迟到%d分钟", am.LateMinutes) {
		t.Fatalf("%s morning shows %q", late.Date, got)
	}
	if !strings.Contains(markup(s), "迟到早退共4次") {
		t.Fatal("the explanation is not drawn")
	}

	// filters: 刘玥's window only
	for _, w := range sc.windows {
		if w.Code == row[2] {
			sc.window.SetSelected(w.Label())
		}
	}
	for _, r := range sc.list.rows() {
		if r[2] != row[2] {
			t.Fatalf("window filter shows %v", r)
		}
	}
}

func TestLockedMonthDisablesEditingAndUnlockNeedsReason(t *testing.T) {
	s, st := newTestShell(t)
	day := lastWorkingDayOfLastMonth(t, st)
	p := seedOneDayPerson(t, st, day)
	for _, c := range []models.Clock{models.NewClock(8, 25), models.NewClock(12, 5), models.NewClock(13, 25), models.NewClock(17, 35)} {
		at := models.CivilTime(day, int(c)/60, int(c)%60, 0)
		if _, err := st.ImportPunches([]models.PunchRow{{EmployeeNo: p.EmployeeNo, At: at}}); err != nil {
			t.Fatal(err)
		}
	}
	sc := openAttendance(t, s, day)
	sc.list.selectID(p.ID)
	if sc.editingDisabled() || sc.correct.Disabled() {
		t.Fatal("editing is off in an open month")
	}

	sc.lockMonth()
	waitFor(t, "the lock", func() bool { return sc.locked })
	if !strings.HasPrefix(sc.lockState.Text, "已封帐") || sc.lockState.Importance != widget.DangerImportance {
		t.Fatalf("lock state shows %q", sc.lockState.Text)
	}
	sc.list.selectID(p.ID)
	if !sc.editingDisabled() || !sc.lock.Disabled() || sc.unlock.Disabled() {
		t.Fatal("editing buttons stay on in a locked month")
	}
	at := time.Date(day.Year(), day.Month(), day.Day(), 8, 20, 0, 0, models.CentreZone)
	if _, err := s.data.AddCorrection(p.ID, at, "考勤机故障", "徐明"); err == nil || !strings.Contains(err.Error(), "已封帐") {
		t.Fatalf("the store took a correction for a locked month: %v", err)
	}

	test.Tap(sc.unlock)
	test.Tap(sc.unlockSave)
	if locked, _ := st.MonthLocked(models.MonthOf(day)); !locked {
		t.Fatal("unlocked without a reason")
	}
	if !strings.Contains(markup(s), "请写明解锁原因") {
		t.Fatal("the missing reason is not shown")
	}
	test.Type(sc.unlockReason, "补录查岗记录")
	test.Tap(sc.unlockSave)
	waitFor(t, "the unlock", func() bool { return !sc.locked })
	if sc.editingDisabled() || !strings.Contains(sc.lockState.Text, "补录查岗记录") {
		t.Fatalf("after unlock: state %q, editing off %v", sc.lockState.Text, sc.editingDisabled())
	}
}

func TestOverlappingLeaveShowsStoreMessageAndSavesNothing(t *testing.T) {
	s, st := newTestShell(t)
	day := lastWorkingDayOfLastMonth(t, st)
	p := seedOneDayPerson(t, st, day)
	first := models.LeaveRequest{StaffID: p.ID, Type: "病假", From: day, FromHalf: models.HalfAM, To: day, ToHalf: models.HalfPM,
		Status: models.LeaveApproved, Approver: "徐明", AppliedAt: paperForm(day)}
	if err := st.SaveLeave(&first); err != nil {
		t.Fatal(err)
	}
	sc := openLeave(t, s, day)
	test.Tap(sc.add)
	f := sc.form
	f.person.SetSelected("李喆（ZW200）")
	f.kind.SetSelected("事假")
	test.Type(f.from, day.String())
	if f.to.Text != day.String() {
		t.Fatalf("结束 not filled from 开始: %q", f.to.Text)
	}
	f.fromHalf.SetSelected(models.HalfPM)
	if !strings.Contains(f.length.Text, "共 0.5 天") || !strings.Contains(f.length.Text, "审批层级：首席代表") {
		t.Fatalf("length shows %q", f.length.Text)
	}
	test.Tap(f.save)
	if hint := f.errs.items["开始"].HintText; !strings.Contains(hint, "与已有的请假重叠") {
		t.Fatalf("under 开始: %q", hint)
	}
	if !f.errs.summary.Visible() || !strings.Contains(markup(s), "与已有的请假重叠") {
		t.Fatal("the overlap is not shown")
	}
	if list, _ := st.Leaves(models.LeaveFilter{}); len(list) != 1 {
		t.Fatalf("%d requests stored", len(list))
	}
}

func TestEditPendingLeaveButNotADecidedOne(t *testing.T) {
	s, st := newTestShell(t)
	day := lastWorkingDayOfLastMonth(t, st)
	p := seedOneDayPerson(t, st, day)
	pending := models.LeaveRequest{StaffID: p.ID, Type: "事假", From: day, FromHalf: models.HalfAM, To: day, ToHalf: models.HalfPM, Reason: "家长会",
		AppliedAt: paperForm(day)}
	if err := st.SaveLeave(&pending); err != nil {
		t.Fatal(err)
	}
	sc := openLeave(t, s, day)
	sc.list.selectID(pending.ID)
	if sc.edit.Disabled() {
		t.Fatal("修改 is off for a pending request")
	}
	test.Tap(sc.edit)
	f := sc.form
	if f.reason.Text != "家长会" || f.kind.Selected != "事假" {
		t.Fatalf("form not filled: %q %q", f.reason.Text, f.kind.Selected)
	}
	f.fromHalf.SetSelected(models.HalfPM)
	f.reason.SetText("孩子家长会（下午）")
	test.Tap(f.save)
	got, _ := st.LeaveByID(pending.ID)
	if got.FromHalf != models.HalfPM || got.Reason != "孩子家长会（下午）" || got.Status != models.LeavePending {
		t.Fatalf("stored %+v", got)
	}
	if list, _ := st.Leaves(models.LeaveFilter{}); len(list) != 1 {
		t.Fatalf("editing created a new request: %d", len(list))
	}
	if err := st.ApproveLeave(pending.ID, "徐明", models.TierChief); err != nil {
		t.Fatal(err)
	}
	sc.reload()
	sc.list.selectID(pending.ID)
	if !sc.edit.Disabled() {
		t.Fatal("修改 is on for an approved request")
	}
	got.Reason = "改过"
	if err := st.SaveLeave(&got); err == nil || !strings.Contains(err.Error(), "不能再修改") {
		t.Fatalf("an approved request was changed: %v", err)
	}
}

func TestMonthRecordsListCorrectionsInspectionsOutings(t *testing.T) {
	s, st := newDemoShell(t)
	month := demoMonth(st)
	sc := openAttendance(t, s, month)
	sc.onRecords()
	rows := sc.records.rows()
	kinds := map[string]int{}
	for _, r := range rows {
		kinds[r[0]]++
	}
	if kinds["补卡"] != 1 || kinds["查岗"] != 2 || kinds["外出"] != 1 {
		t.Fatalf("records %v", kinds)
	}
	// deleting the 150-minute inspection takes away 于洋's converted absence
	before := ""
	for _, r := range sc.list.rows() {
		if r[1] == "于洋" {
			before = r[13]
		}
	}
	if before != "0.5" {
		t.Fatalf("于洋 should start with 擅离折算旷工 0.5, has %q", before)
	}
	insp, _ := st.Inspections(models.AttendanceRecordFilter{From: month, To: month.AddDays(31)})
	for _, x := range insp {
		if x.Minutes() > 120 {
			if err := s.data.DeleteInspection(x.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	sc.reload()
	for _, r := range sc.list.rows() {
		if r[1] == "于洋" && r[13] != "0" {
			t.Fatalf("于洋 still has 擅离折算旷工 %s", r[13])
		}
	}
}

// A day whose punches were not imported is named above the sheet and counts
// as nobody's absence until the office confirms it had no punches.
func TestDayWithoutPunchesIsNamedAndConfirmedFromTheSheet(t *testing.T) {
	s, st := newTestShell(t)
	day := lastWorkingDayOfLastMonth(t, st)
	p := seedOneDayPerson(t, st, day)
	sc := openAttendance(t, s, day)
	_, row := sheetRow(t, sc, p.Name)
	if row[attAbsent] != "0" || !sc.gaps.box.Visible() {
		t.Fatalf("a day without any punch counted 旷工 %s; banner shown: %v", row[attAbsent], sc.gaps.box.Visible())
	}
	want := fmt.Sprintf("%d月%d日无打卡记录（未导入?）", int(day.Month()), day.Day())
	if !strings.Contains(sc.gaps.text.Text, want) {
		t.Fatalf("banner %q does not name %s", sc.gaps.text.Text, want)
	}
	if err := st.LockMonth(models.MonthOf(day)); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("the month locked with the day unresolved: %v", err)
	}

	test.Tap(sc.gaps.handle)
	if sc.gaps.dlg == nil {
		t.Fatal("no dialog lists the day")
	}
	sc.gaps.onConfirm(sc.gaps.gaps[0])
	test.Tap(sc.gaps.submit.save) // without a reason
	if !strings.Contains(markup(s), "请写明为何该日没有打卡记录") {
		t.Fatal("confirmed without a reason")
	}
	test.Type(sc.gaps.note, "考勤机故障，已通知补卡")
	test.Tap(sc.gaps.submit.save)
	waitFor(t, "the confirmed day judged", func() bool {
		_, row := sheetRow(t, sc, p.Name)
		return row[attAbsent] == "1" && !sc.gaps.box.Visible()
	})
}

// The overview names the days without punch records and opens their month.
func TestOverviewLeadsToDaysWithoutPunches(t *testing.T) {
	s, st := newTestShell(t)
	day := lastWorkingDayOfLastMonth(t, st)
	seedOneDayPerson(t, st, day)
	s.show("总览")
	h := s.screens["总览"].(*homeScreen)
	h.reload()
	want := fmt.Sprintf("%d月%d日无打卡记录（未导入?）", int(day.Month()), day.Day())
	waitFor(t, "the alert", func() bool { return h.gaps.button.Visible() && strings.Contains(h.gaps.button.Text, want) })
	test.Tap(h.gaps.button)
	sc := s.screens["考勤"].(*attendanceScreen)
	waitFor(t, "the month of the gap", func() bool {
		return sc.loaded && sc.title.Text == monthTitle(models.NewDate(day.Year(), day.Month(), 1)) && sc.gaps.box.Visible()
	})
}
