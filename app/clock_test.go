package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"govdesk/models"
)

// clockDays are the days a new user might first open GovDesk on: New Year's
// Day (a holiday), a month's first and last day, the day after the National
// Day holiday, a date two years ahead, and the tests' usual Thursday.
var clockDays = []struct {
	name string
	now  time.Time
}{
	{"元旦", time.Date(2027, 1, 1, 9, 0, 0, 0, models.CentreZone)},
	{"月初", time.Date(2026, 12, 1, 8, 40, 0, 0, models.CentreZone)},
	{"月末", time.Date(2026, 11, 30, 17, 10, 0, 0, models.CentreZone)},
	{"国庆节后", time.Date(2026, 10, 8, 9, 0, 0, 0, models.CentreZone)},
	{"两年后", time.Date(2028, 11, 30, 10, 0, 0, 0, models.CentreZone)},
	{"平日", testNow},
}

// Every date-sensitive thing a person sees, on the demo centre, at each of
// the clockDays: the sheet's month and its figures, the forms' default date,
// the overdue counts, the 文号 year and the quarter's candidates all follow
// the store's clock, never the PC's.
func TestDateSensitiveScreensFollowTheClock(t *testing.T) {
	for _, c := range clockDays {
		t.Run(c.name, func(t *testing.T) {
			s, st := newTestShellAt(t, c.now, func(st *models.Store) error { return st.FillDemo() })
			today := st.Today()
			cal, err := st.Calendar()
			if err != nil {
				t.Fatal(err)
			}

			// The sheet opens on a month with judged days, most staff 正常.
			s.show("考勤")
			att := s.screens["考勤"].(*attendanceScreen)
			waitFor(t, "the sheet", func() bool { return att.loaded })
			if att.month.After(today) || !att.month.After(today.AddDays(-62)) {
				t.Fatalf("the sheet opens on %s", att.month)
			}
			rows := att.list.rows()
			normal := 0
			for _, r := range rows {
				if r[attResult] == "正常" {
					normal++
				}
			}
			if len(rows) < 50 || normal*10 < len(rows)*8 {
				t.Fatalf("%s: %d of %d 正常", monthTitle(att.month), normal, len(rows))
			}
			if att.gaps.box.Visible() {
				t.Fatalf("the demo has days without punches: %s", att.gaps.text.Text)
			}

			// A new violation is dated today.
			cs := openConductScreen(t, s)
			cs.onViolation(0)
			waitFor(t, "the violation form", func() bool { return cs.vForm != nil })
			if d, err := cs.vForm.date.DateValue(); err != nil || d != today {
				t.Fatalf("the violation form starts at %s (%v), today is %s", d, err, today)
			}
			cs.vForm.dlg.dlg.Hide()

			// The overview counts the cases overdue today.
			overdue, err := st.Cases(models.CaseFilter{Status: models.CaseOverdue})
			if err != nil {
				t.Fatal(err)
			}
			late := 0
			for _, x := range overdue {
				if len(x.OverdueDays(cal, today)) > 0 {
					late++
				}
			}
			if late == 0 {
				t.Fatal("the demo has no case overdue today")
			}
			s.show("总览")
			h := s.screens["总览"].(*homeScreen)
			h.reload()
			waitFor(t, "the overdue alert", func() bool {
				return strings.HasPrefix(h.overdue.Text, fmt.Sprintf("%d 件办件已超期未办结", len(overdue)))
			})

			// A notice printed today carries this year's 文号 and today's date.
			var open models.Case
			all, _ := st.Cases(models.CaseFilter{})
			for _, x := range all {
				if x.CompletedAt == nil && x.Kind == models.CasePromised {
					open = x
				}
			}
			if open.ID == 0 {
				t.Fatal("the demo has no open 承诺件")
			}
			sc := openCasesScreen(t, s)
			waitFor(t, "the cases", func() bool { return len(sc.list.rows()) > 0 })
			sc.onPrint(open.ID, "受理通知书")
			issued, _ := st.IssuedNotices(open.No)
			if len(issued) != 1 || !strings.Contains(issued[0].DocNo, fmt.Sprintf("〔%d〕", today.Year())) ||
				models.DateOf(issued[0].IssuedAt) != today {
				t.Fatalf("issued %+v on %s", issued, today)
			}

			// The 服务明星 view opens on a quarter with eligible candidates.
			scoring := openScoring(t, s)
			scoring.tabs.SelectIndex(1)
			qv := scoring.quarter
			waitFor(t, "the quarter", func() bool { return qv.loaded })
			eligible := 0
			for _, c := range qv.byID {
				if c.Eligible() {
					eligible++
				}
			}
			if eligible == 0 {
				t.Fatalf("%s has no eligible 服务明星 candidate", qv.key())
			}
		})
	}
}

func TestOpeningPeriods(t *testing.T) {
	cases := []struct {
		name          string
		today         models.Date
		month         string
		year, quarter int
	}{
		{"元旦假期：上月", models.NewDate(2027, 1, 1), "2026-12", 2026, 4},
		{"月初第一天：上月", models.NewDate(2026, 12, 1), "2026-11", 2026, 4},
		{"月初第二天：本月", models.NewDate(2026, 12, 2), "2026-12", 2026, 4},
		{"国庆假期后第一天：上月", models.NewDate(2026, 10, 8), "2026-09", 2026, 3},
		{"国庆节后第二天：本月", models.NewDate(2026, 10, 9), "2026-10", 2026, 3},
		{"季度第二个月：本季度", models.NewDate(2026, 11, 30), "2026-11", 2026, 4},
		{"季度末月：本季度", models.NewDate(2027, 3, 15), "2027-03", 2027, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, err := models.Open(t.TempDir(), models.WithClock(models.FixedClock(models.CivilTime(c.today, 9, 0, 0))))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if got := models.MonthOf(openingMonth(NewData(st))); got != c.month {
				t.Errorf("month %s, want %s", got, c.month)
			}
			if y, q := openingQuarter(c.today); y != c.year || q != c.quarter {
				t.Errorf("quarter %dQ%d, want %dQ%d", y, q, c.year, c.quarter)
			}
		})
	}
}
