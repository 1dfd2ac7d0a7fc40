package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Score month states.
const (
	ScoreDraft     = "草稿"
	ScoreClosed    = "已封帐"
	ScorePublished = "已发布"
)

// ScoreMonthState is where a month's scoring stands: a draft while records
// may still change, closed after review (which locks the month's records),
// published once announced. Re-opening needs a reason, kept by the audit log.
type ScoreMonthState struct {
	Month     string    `gorm:"primaryKey;size:7"`
	State     string    `gorm:"size:8;not null"`
	Reason    string    `gorm:"size:256"`
	By        string    `gorm:"size:64"`
	At        time.Time `gorm:"serializer:civil;type:datetime"`
	UpdatedAt time.Time
}

func (m ScoreMonthState) auditEntity() string { return "月度评分" }
func (m ScoreMonthState) auditKey() string    { return m.Month }
func (m ScoreMonthState) auditFields() []AuditField {
	return []AuditField{{"月份", m.Month}, {"状态", m.State}, {"原因", m.Reason}}
}

// AwardDecision is how an earlier version recorded the selection meeting's
// decision on one candidate; migrateSelection carries these over as
// selections (selection.go), which record the whole process.
type AwardDecision struct {
	ID         uint   `gorm:"primaryKey"`
	Quarter    string `gorm:"size:6;not null;uniqueIndex:idx_award,priority:1"` // 2026Q4
	StaffID    uint   `gorm:"not null;uniqueIndex:idx_award,priority:2"`
	Staff      Staff  `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Awarded    bool
	Votes      int
	Remarks    string `gorm:"size:512"`
	DecidedOn  Date   `gorm:"not null"`
	RecordedBy string `gorm:"size:64"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func (d AwardDecision) auditEntity() string { return "评选决定" }
func (d AwardDecision) auditKey() string    { return d.Quarter + " " + d.Staff.Name }
func (d AwardDecision) auditFields() []AuditField {
	return []AuditField{{"季度", d.Quarter}, {"人员", d.Staff.EmployeeNo + " " + d.Staff.Name},
		{"授予服务明星", yesNo(d.Awarded)}, {"票数", fmt.Sprint(d.Votes)}, {"说明", d.Remarks}, {"评选日期", d.DecidedOn.String()}}
}

func migrateScoring(tx *gorm.DB) error {
	return tx.AutoMigrate(&RuleSet{}, &ScoreMonthState{}, &AwardDecision{})
}

// ParseQuarter reads "2026Q4" and gives its three months.
func ParseQuarter(q string) ([]string, error) {
	q = strings.ToUpper(strings.TrimSpace(q))
	var y, n int
	if _, err := fmt.Sscanf(q, "%dQ%d", &y, &n); err != nil || n < 1 || n > 4 || y < 2000 || y > 2200 || len(q) != 6 {
		return nil, fmt.Errorf("季度“%s”无法识别，请写成 2026Q4 的形式", q)
	}
	out := make([]string, 3)
	for i := range out {
		out[i] = fmt.Sprintf("%04d-%02d", y, (n-1)*3+i+1)
	}
	return out, nil
}

// ScoreMonth scores a month from the records: attendance, violations,
// complaints, ratings, commendations and overdue case days, with the rule
// set in force on the month's first day.
func (s *Store) ScoreMonth(month string) (MonthScores, error) {
	first, err := ParseMonth(month)
	if err != nil {
		return MonthScores{}, FieldErrors{{"月份", err.Error()}}
	}
	month = MonthOf(first)
	_, last := MonthSpan(first)
	rs, err := s.RulesFor(first)
	if err != nil {
		return MonthScores{}, err
	}
	r := rs.Scoring()
	out := MonthScores{Month: month, RuleSet: rs, State: ScoreDraft}
	var st ScoreMonthState
	if err := s.db.Where("month = ?", month).Limit(1).Find(&st).Error; err != nil {
		return out, err
	}
	if st.State != "" {
		out.State = st.State
	}

	var punches int64
	if err := s.db.Model(&Punch{}).Where("at >= ? AND at < ?", first.sqlStart(), last.AddDays(1).sqlStart()).Limit(1).Count(&punches).Error; err != nil {
		return out, err
	}
	out.HasRecords = punches > 0
	sheet, err := s.AttendanceSheet(month, AttendanceFilter{})
	if err != nil {
		return out, err
	}
	sums := sheet.Summaries
	if out.HasRecords {
		out.Unrecorded = sheet.Unresolved()
	}
	att := make(map[uint]*MonthSummary, len(sums))
	for i := range sums {
		att[sums[i].StaffID] = &sums[i]
	}
	staff, err := s.StaffList()
	if err != nil {
		return out, err
	}
	windows, err := s.ServiceWindows()
	if err != nil {
		return out, err
	}
	codes := make(map[uint]string, len(windows))
	for _, w := range windows {
		codes[w.ID] = w.Code
	}
	// A person counts for the window they sat at on the month's last day
	// (or today, for the current month), from their history of moves.
	asOf := last
	if today := s.Today(); today.Before(last) {
		asOf = today
	}
	at, err := s.windowsOn(asOf)
	if err != nil {
		return out, err
	}
	working, err := s.workingDaysSoFar(first, last)
	if err != nil {
		return out, err
	}
	out.WorkingDays = working
	inputs := map[uint]*PersonMonthInput{}
	var order []uint
	for _, p := range staff {
		if !servedIn(p, first, last) {
			continue
		}
		w := p.WindowID
		if h, ok := at[p.ID]; ok {
			w = h
		}
		inputs[p.ID] = &PersonMonthInput{Month: month, StaffID: p.ID, EmployeeNo: p.EmployeeNo, Name: p.Name,
			WindowID: w, WindowCode: codes[w], Resident: p.Post != PostSubstitute, Attendance: att[p.ID], WorkingDays: working}
		order = append(order, p.ID)
	}
	between := func(col string) (string, string, string) {
		return fmt.Sprintf("%q >= ? AND %q <= ?", col, col), first.String(), last.String()
	}

	cond, a1, a2 := between("on")
	// Vetoes go to the window where each event happened: a complaint's own
	// window, or the window the person sat at on the day.
	hist, err := loadWindowHistory(s.db)
	if err != nil {
		return out, err
	}
	var complaints []Complaint
	if err := s.db.Where(cond, a1, a2).Where("status = ?", ComplaintUpheld).Order("\"on\", id").Find(&complaints).Error; err != nil {
		return out, err
	}
	complaintWindow := make(map[uint]uint, len(complaints))
	for _, c := range complaints {
		complaintWindow[c.ID] = c.WindowID
	}
	var violations []Violation
	if err := s.db.Where(cond, a1, a2).Order("\"on\", id").Find(&violations).Error; err != nil {
		return out, err
	}
	for _, v := range violations {
		if in := inputs[v.StaffID]; in != nil {
			w := hist.at(v.StaffID, v.On)
			if v.ComplaintID != nil && complaintWindow[*v.ComplaintID] != 0 {
				w = complaintWindow[*v.ComplaintID]
			}
			in.Conduct = append(in.Conduct, ConductFact{ID: v.ID, On: v.On, Kind: "违规", Category: v.Category,
				Label: dayLabel(v.On) + " " + v.Category + "：" + v.Circumstances, Deducts: !v.ScoredAsComplaint,
				LosesStar: v.LosesQuarterStar, LosesWindowMonth: v.LosesWindowMonth, StopsBonus: v.StopsMonthlyBonus,
				WindowID: w, WindowCode: codes[w]})
		}
	}
	windowConduct := map[uint][]ConductFact{}
	for _, c := range complaints {
		f := ConductFact{ID: c.ID, On: c.On, Kind: "投诉", Category: c.Problem, Upheld: true,
			Label: dayLabel(c.On) + " 投诉属实：" + orText(c.Problem, "其他"), LosesStar: c.LosesQuarterStar,
			LosesWindowMonth: c.LosesWindowMonth, StopsBonus: c.StopsMonthlyBonus, WindowID: c.WindowID, WindowCode: codes[c.WindowID]}
		if c.StaffID != nil && inputs[*c.StaffID] != nil {
			inputs[*c.StaffID].Conduct = append(inputs[*c.StaffID].Conduct, f)
		} else if c.StaffID == nil {
			windowConduct[c.WindowID] = append(windowConduct[c.WindowID], f)
		}
	}
	var ratings []Rating
	if err := s.db.Where(cond, a1, a2).Find(&ratings).Error; err != nil {
		return out, err
	}
	windowRatings := map[uint][]RatingFact{}
	for _, rt := range ratings {
		f := RatingFact{ID: rt.ID, On: rt.On, Level: rt.Level, WindowID: rt.WindowID}
		if rt.StaffID != nil && inputs[*rt.StaffID] != nil {
			f.StaffID = *rt.StaffID
			inputs[*rt.StaffID].Ratings = append(inputs[*rt.StaffID].Ratings, f)
		} else {
			windowRatings[rt.WindowID] = append(windowRatings[rt.WindowID], f)
		}
	}
	var commendations []Commendation
	if err := s.db.Where(cond, a1, a2).Find(&commendations).Error; err != nil {
		return out, err
	}
	for _, c := range commendations {
		if in := inputs[c.StaffID]; in != nil {
			in.Commendations = append(in.Commendations, CommendationFact{ID: c.ID, On: c.On, Type: c.Kind,
				Label: dayLabel(c.On) + " " + c.Kind + orSuffix(c.Note)})
		}
	}
	var stops []BonusStop
	if err := s.db.Where("month = ?", month).Order("id").Find(&stops).Error; err != nil {
		return out, err
	}
	for _, b := range stops {
		if in := inputs[b.StaffID]; in != nil {
			in.ManualStops = append(in.ManualStops, b.Label())
		}
	}
	if err := s.caseFacts(first, last, inputs); err != nil {
		return out, err
	}

	for _, id := range order {
		out.People = append(out.People, ScorePerson(*inputs[id], r))
	}
	infos := make([]WindowInfo, 0, len(windows))
	for _, w := range windows {
		infos = append(infos, WindowInfo{ID: w.ID, Code: w.Code, Name: w.Name, Ratings: windowRatings[w.ID], Complaints: windowConduct[w.ID]})
	}
	out.Windows = ScoreWindows(out.People, infos, r)
	return out, nil
}

// workingDaysSoFar counts the working days of [first, last] judged so far:
// all of them for a past month, up to yesterday for the current one (as the
// attendance sheet judges them), none for a future one.
func (s *Store) workingDaysSoFar(first, last Date) (int, error) {
	cal, err := s.Calendar()
	if err != nil {
		return 0, err
	}
	through := last
	if today := s.Today(); !today.After(last) {
		through = today.AddDays(-1)
	}
	n := 0
	for d := first; !d.After(through); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			n++
		}
	}
	return n, nil
}

// windowsOn gives, for each person with a history of window changes, the
// window they sat at on day d: the destination of their last change on or
// before d. People without a change before d are not in the map (their
// current window applies).
func (s *Store) windowsOn(d Date) (map[uint]uint, error) {
	rows, err := s.db.Model(&StaffChange{}).Select("staff_id", "to_window_id").
		Where("\"on\" <= ? AND to_window_id IS NOT NULL", d.String()).Order("\"on\", id").Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[uint]uint{}
	for rows.Next() {
		var staff, window uint
		if err := rows.Scan(&staff, &window); err != nil {
			return nil, err
		}
		out[staff] = window
	}
	return out, rows.Err()
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func orSuffix(note string) string {
	if note == "" {
		return ""
	}
	return "（" + note + "）"
}

// servedIn reports whether a person was in service on any day of [first, last].
func servedIn(p Staff, first, last Date) bool {
	if p.JoinedOn.IsZero() || p.JoinedOn.After(last) {
		return false
	}
	return p.LeftOn.IsZero() || !p.LeftOn.Before(first)
}

// caseFacts charges each overdue working day of a case to the month it
// falls in, and counts cases completed in the month.
func (s *Store) caseFacts(first, last Date, inputs map[uint]*PersonMonthInput) error {
	cal, err := s.Calendar()
	if err != nil {
		return err
	}
	today := s.Today()
	// A case can only have overdue days in the month if it fell due before
	// the month ended and was open at some point in it: still open, or
	// completed on or after the month's first day. Both are read through the
	// index on completed_at (the two-sided range makes SQLite choose it over
	// due_on's, which would visit every case of the years before), and only
	// the columns the overdue days need.
	cols := []string{"no", "kind", "staff_id", "due_on", "completed_at"}
	var cases, later []Case
	if err := s.db.Select(cols).Where("completed_at IS NULL AND due_on <= ?", last.String()).Find(&cases).Error; err != nil {
		return err
	}
	if err := s.db.Select(cols).Where("completed_at >= ? AND completed_at < ? AND due_on <= ?", first.sqlStart(), "9999-12-31", last.String()).
		Find(&later).Error; err != nil {
		return err
	}
	cases = append(cases, later...)
	for _, c := range cases {
		in := inputs[c.StaffID]
		if in == nil || c.Kind == CaseInstant {
			continue
		}
		for _, d := range c.OverdueDays(cal, today) {
			if !d.Before(first) && !d.After(last) {
				in.Overdue = append(in.Overdue, OverdueFact{CaseNo: c.No, Day: d})
			}
		}
	}
	var done []Case
	if err := s.db.Select("staff_id").Where("completed_at >= ? AND completed_at < ?", first.sqlStart(), last.AddDays(1).sqlStart()).Find(&done).Error; err != nil {
		return err
	}
	for _, c := range done {
		if in := inputs[c.StaffID]; in != nil {
			in.CasesDone++
		}
	}
	return nil
}

// ScoreQuarter scores each month of a quarter that has begun and ranks the
// 服务明星 candidates, with the rule set in force at the quarter's last month.
func (s *Store) ScoreQuarter(quarter string) (QuarterScores, error) {
	months, err := ParseQuarter(quarter)
	if err != nil {
		return QuarterScores{}, FieldErrors{{"季度", err.Error()}}
	}
	qs := QuarterScores{Quarter: strings.ToUpper(strings.TrimSpace(quarter)), Months: months}
	var scored [][]PersonScore
	today := s.Today()
	for _, m := range months {
		first, _ := ParseMonth(m)
		if first.After(today) {
			break
		}
		ms, err := s.ScoreMonth(m)
		if err != nil {
			return qs, err
		}
		scored = append(scored, ms.People)
		qs.RuleSet = ms.RuleSet
		if !ms.HasRecords {
			qs.Unscored = append(qs.Unscored, m)
		}
	}
	qs.Candidates = RankStars(scored, qs.RuleSet.Scoring())
	return qs, nil
}

// QuarterEnd is the last day of a quarter given by its months.
func QuarterEnd(months []string) Date {
	if len(months) == 0 {
		return Date{}
	}
	first, _ := ParseMonth(months[len(months)-1])
	_, last := MonthSpan(first)
	return last
}

// ScoreMonthStateOf gives where a month's scoring stands.
func (s *Store) ScoreMonthStateOf(month string) (ScoreMonthState, error) {
	st := ScoreMonthState{Month: month, State: ScoreDraft}
	var got ScoreMonthState
	err := s.db.Where("month = ?", month).Limit(1).Find(&got).Error
	if got.Month != "" {
		st = got
	}
	return st, err
}

// CloseScoreMonth closes a reviewed month: its scores are final and its
// attendance is locked so no record that changes them can be saved.
func (s *Store) CloseScoreMonth(month string) error {
	if locked, err := s.MonthLocked(month); err != nil {
		return err
	} else if !locked {
		if err := s.LockMonth(month); err != nil {
			return err
		}
	}
	return s.setScoreState(month, ScoreClosed, "", ScoreDraft)
}

// PublishScoreMonth marks a closed month as announced.
func (s *Store) PublishScoreMonth(month string) error {
	return s.setScoreState(month, ScorePublished, "", ScoreClosed)
}

// ReopenScoreMonth re-opens a closed or published month; the reason is
// required and kept. The month's attendance is unlocked with it.
func (s *Store) ReopenScoreMonth(month, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return FieldErrors{{"重新打开原因", "请写明重新打开的原因"}}
	}
	locked, err := s.MonthLocked(month)
	if err != nil {
		return err
	}
	if locked {
		// unlocking flags the selections drawn from the month
		if err := s.UnlockMonth(month, "重新打开月度评分："+reason); err != nil {
			return err
		}
	}
	return s.setScoreState(month, ScoreDraft, reason, ScoreClosed, ScorePublished)
}

func (s *Store) setScoreState(month, state, reason string, from ...string) error {
	if _, err := ParseMonth(month); err != nil {
		return FieldErrors{{"月份", err.Error()}}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		before := ScoreMonthState{Month: month, State: ScoreDraft}
		var got ScoreMonthState
		if err := tx.Where("month = ?", month).Limit(1).Find(&got).Error; err != nil {
			return err
		}
		if got.Month != "" {
			before = got
		}
		if !oneOf(before.State, from) {
			return refused(fmt.Sprintf("%s的评分当前为“%s”，不能改为“%s”", monthLabel(month), before.State, state))
		}
		after := ScoreMonthState{Month: month, State: state, Reason: reason, By: a.operator, At: a.at}
		if err := tx.Save(&after).Error; err != nil {
			return err
		}
		a.update(before, after)
		var lock MonthLock
		if err := tx.Where("month = ?", month).Limit(1).Find(&lock).Error; err != nil {
			return err
		}
		if state == ScoreDraft && lock.Locked {
			// the attendance stays locked (UnlockMonth flags otherwise), yet
			// the selections drawn from the month's figures are reviewed
			return flagSelections(tx, a, month, "重新打开"+monthLabel(month)+"评分："+reason)
		}
		return nil
	})
}
