package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"govdesk/models"
)

// seedNovember puts two people in service from 2026-11-16 with four punches
// on every working day up to 11-25 except the days skip names for the first.
func seedNovember(t *testing.T, st *models.Store, skip ...int) (models.Staff, models.Staff) {
	t.Helper()
	w := seedWindow(t, st)
	a := models.Staff{EmployeeNo: "ZW201", Name: "王堃", HomeUnitID: w.HomeUnitID, WindowID: w.ID, Post: models.PostStaff, JoinedOn: models.NewDate(2026, 11, 16)}
	b := models.Staff{EmployeeNo: "ZW202", Name: "李喆", HomeUnitID: w.HomeUnitID, WindowID: w.ID, Post: models.PostStaff, JoinedOn: models.NewDate(2026, 11, 16)}
	for _, p := range []*models.Staff{&a, &b} {
		if err := st.SaveStaff(p); err != nil {
			t.Fatal(err)
		}
	}
	skipped := map[int]bool{}
	for _, d := range skip {
		skipped[d] = true
	}
	var rows []models.PunchRow
	for _, day := range []int{16, 17, 18, 19, 20, 23, 24, 25} {
		d := models.NewDate(2026, 11, day)
		for _, c := range [][2]int{{8, 20}, {12, 5}, {13, 10}, {17, 5}} {
			at := models.CivilTime(d, c[0], c[1], 0)
			if !skipped[day] {
				rows = append(rows, models.PunchRow{EmployeeNo: a.EmployeeNo, At: at})
			}
			rows = append(rows, models.PunchRow{EmployeeNo: b.EmployeeNo, At: at})
		}
	}
	if _, err := st.ImportPunches(rows); err != nil {
		t.Fatal(err)
	}
	return a, b
}

// An outing registered after it began shows 事后补登 and does not excuse; one
// typed in from the register with its earlier 登记时间 does. An inspection
// typed with seconds is compared with the limit to the second.
func TestOutingRegistrationAndInspectionSecondsFromTheSheet(t *testing.T) {
	s, st := newTestShell(t) // 2026-11-26 09:00
	a, _ := seedNovember(t, st)
	sc := openAttendance(t, s, models.NewDate(2026, 11, 1))

	outing := func(day, from, to, regDay, regAt string) {
		t.Helper()
		sc.onOuting(a.ID)
		f := sc.lastSpan
		f.date.SetText(day)
		test.Type(f.from, from)
		test.Type(f.to, to)
		test.Type(f.note, "回原单位交换文件")
		if regDay != "" {
			f.regOn.SetText(regDay)
			test.Type(f.regAt, regAt)
		}
		test.Tap(f.save)
	}
	outing("2026-11-24", "10:00", "11:00", "", "")                // registered now, two days later
	outing("2026-11-25", "10:00", "11:00", "2026-11-25", "09:40") // from the paper register

	// 查岗 on both days, 09:00–11:00:30: 120 min 30 s of working time
	for _, day := range []string{"2026-11-24", "2026-11-25"} {
		sc.onInspection(a.ID)
		f := sc.lastSpan
		f.date.SetText(day)
		test.Type(f.from, "09:00")
		test.Type(f.to, "11:00:30")
		test.Type(f.who, "郝建华")
		test.Tap(f.save)
	}
	waitFor(t, "the sheet", func() bool {
		_, row := sheetRow(t, sc, "王堃")
		return row[attAway] == "1"
	})
	_, row := sheetRow(t, sc, "王堃")
	// 11-24: the late outing does not count, 120 min 30 s > 120 → 旷工 0.5;
	// 11-25: the outing registered before subtracts 60 minutes → 擅离 1
	if row[attAwayAbsent] != "0.5" || row[attAway] != "1" {
		t.Fatalf("sheet shows %v", row)
	}
	sc.onRecords()
	var late, advance string
	for _, r := range sc.records.rows() {
		if r[0] == "外出" && strings.HasPrefix(r[1], "2026-11-24") {
			late = r[3]
		}
		if r[0] == "外出" && strings.HasPrefix(r[1], "2026-11-25") {
			advance = r[3]
		}
		if r[0] == "查岗" && !strings.Contains(r[3], "共120分30秒") {
			t.Fatalf("inspection listed as %q", r[3])
		}
	}
	if !strings.Contains(late, "2026-11-26 09:00 登记（事后补登）") || strings.Contains(advance, "事后补登") || !strings.Contains(advance, "2026-11-25 09:40 登记") {
		t.Fatalf("outings listed as %q / %q", late, advance)
	}
	sc.list.selectID(a.ID)
	test.Tap(sc.detail)
	found := false
	for _, r := range sc.person.rows {
		found = found || strings.Contains(r.cells[7], "事后补登")
	}
	if !found {
		t.Fatal("the person's month does not show the late outing")
	}
}

// 无正当理由超假不归的按旷工处理: punches after the leave ended contradict a later
// 销假 date; the sheet and the person's month say so, and correcting the
// 销假 date in 请假 clears it.
func TestPunchesAgainstALate销假DateAreFlaggedAndCorrected(t *testing.T) {
	s, st := newTestShell(t)
	a, _ := seedNovember(t, st, 16, 17)
	l := models.LeaveRequest{StaffID: a.ID, Type: "病假", From: models.NewDate(2026, 11, 16), To: models.NewDate(2026, 11, 17),
		AppliedAt: models.CivilTime(models.NewDate(2026, 11, 13), 16, 0, 0)}
	if err := st.SaveLeave(&l); err != nil {
		t.Fatal(err)
	}
	if err := st.ApproveLeave(l.ID, "徐明", models.TierOffice); err != nil {
		t.Fatal(err)
	}
	if err := st.ReturnLeave(l.ID, models.NewDate(2026, 11, 20)); err != nil {
		t.Fatal(err)
	}
	sheet := openAttendance(t, s, models.NewDate(2026, 11, 1))
	_, row := sheetRow(t, sheet, "王堃")
	if row[attAbsent] != "0" || !sheet.warnings.Visible() || !strings.Contains(sheet.warnings.Text, "王堃：病假 自 11月16日上午 至 11月17日下午 登记11月20日销假，但11月18日上午已有打卡") {
		t.Fatalf("sheet %v, warning %q", row, sheet.warnings.Text)
	}
	sheet.list.selectID(a.ID)
	test.Tap(sheet.detail)
	if len(sheet.person.warnings) != 1 {
		t.Fatal("the person's month does not warn")
	}

	ls := openLeave(t, s, models.NewDate(2026, 11, 1))
	ls.list.selectID(l.ID)
	if ls.back.Disabled() {
		t.Fatal("the 销假 date of a returned request cannot be corrected")
	}
	test.Tap(ls.back)
	ls.returnDate.SetDate(models.NewDate(2026, 11, 18))
	test.Tap(ls.decisionSave)
	waitFor(t, "the corrected date", func() bool {
		got, _ := st.LeaveByID(l.ID)
		return got.ReturnedOn == models.NewDate(2026, 11, 18)
	})
	s.show("考勤")
	sheet.reload()
	waitFor(t, "the warning gone", func() bool { return !sheet.warnings.Visible() })
}

// 临时替岗人员: the demo's substitute whose period ended shows 替岗结束 on the
// roster and is not among the 在岗.
func TestEndedSubstituteIsNotOnDutyOnTheRoster(t *testing.T) {
	s, _ := newDemoShell(t)
	sc := openStaffScreen(t, s)
	waitFor(t, "the 在岗 staff", func() bool { return len(sc.list.rows()) == 58 })
	for _, r := range sc.list.rows() {
		if r[1] == "任重" || r[1] == "姜楠" {
			t.Fatalf("%s listed as 在岗", r[1])
		}
	}
	sc.status.SetSelected(models.StatusSubstituteEnded)
	waitFor(t, "the ended substitute", func() bool {
		rows := sc.list.rows()
		return len(rows) == 1 && rows[0][1] == "任重" && rows[0][9] == models.StatusSubstituteEnded
	})
}
