package models

import (
	"bytes"
	"database/sql"
	"fmt"
)

// AttendanceFilter narrows the monthly sheet; empty fields match everything.
type AttendanceFilter struct {
	StaffID  uint
	WindowID uint
	// Through is the last day judged. Zero means: the whole month for a past
	// month, up to yesterday for the current one (today is not over), and
	// nothing for a future one.
	Through Date
}

// AttendanceSheet is a month's attendance: one summary per person, and the
// working days judged so far that have no punch records (see PunchGap).
type AttendanceSheet struct {
	Summaries []MonthSummary
	Gaps      []PunchGap
}

// Unresolved lists the gaps nobody has resolved yet.
func (a AttendanceSheet) Unresolved() []PunchGap {
	var out []PunchGap
	for _, g := range a.Gaps {
		if !g.Confirmed {
			out = append(out, g)
		}
	}
	return out
}

// AttendanceMonth computes the monthly sheet (考勤月报) for everyone in service
// during the month ("2026-11"), by 工号 (see AttendanceSheet).
func (s *Store) AttendanceMonth(month string, f AttendanceFilter) ([]MonthSummary, error) {
	sheet, err := s.AttendanceSheet(month, f)
	return sheet.Summaries, err
}

// AttendanceSheet computes the month's sheet for everyone in service during
// the month ("2026-11"), by 工号, with the days that have no punch records.
// It reads the month's punches, leave, inspections and outings in one query
// each and classifies in memory; each day uses the rule set in force on it.
func (s *Store) AttendanceSheet(month string, f AttendanceFilter) (AttendanceSheet, error) {
	first, err := ParseMonth(month)
	if err != nil {
		return AttendanceSheet{}, FieldErrors{{"月份", err.Error()}}
	}
	_, last := MonthSpan(first)
	through := f.Through
	if through.IsZero() {
		today := s.Today()
		switch {
		case today.After(last):
			through = last
		case today.Before(first):
			through = first.AddDays(-1)
		default:
			through = today.AddDays(-1)
		}
	}
	var staff []Staff
	q := s.db.Preload("Window").Order("employee_no").
		Where("joined_on <= ? AND (left_on IS NULL OR left_on >= ?)", last, first)
	if f.StaffID != 0 {
		q = q.Where("id = ?", f.StaffID)
	}
	if err := q.Find(&staff).Error; err != nil {
		return AttendanceSheet{}, err
	}
	// Each person belongs to the window they sat at on the month's last day
	// (or today, for the current month), from their history of moves.
	asOf := last
	if today := s.Today(); today.Before(last) {
		asOf = today
	}
	at, err := s.windowsOn(asOf)
	if err != nil {
		return AttendanceSheet{}, err
	}
	var windows []ServiceWindow
	if err := s.db.Find(&windows).Error; err != nil {
		return AttendanceSheet{}, err
	}
	codes := make(map[uint]string, len(windows))
	for _, w := range windows {
		codes[w.ID] = w.Code
	}
	windowOf := func(p Staff) uint {
		if w, ok := at[p.ID]; ok {
			return w
		}
		return p.WindowID
	}
	if f.WindowID != 0 {
		kept := staff[:0]
		for _, p := range staff {
			if windowOf(p) == f.WindowID {
				kept = append(kept, p)
			}
		}
		staff = kept
	}
	if len(staff) == 0 {
		return AttendanceSheet{}, nil
	}
	cal, err := s.monthCalendar(first, last)
	if err != nil {
		return AttendanceSheet{}, err
	}
	book, err := loadRuleBook(s.db)
	if err != nil {
		return AttendanceSheet{}, err
	}
	from, to := first.sqlStart(), last.AddDays(1).sqlStart()
	punches, err := s.monthPunches(first, last)
	if err != nil {
		return AttendanceSheet{}, err
	}
	var leaves []LeaveRequest
	if err := s.db.Where("from_date <= ? AND (to_date >= ? OR returned_on >= ?)", last, first, first).
		Find(&leaves).Error; err != nil {
		return AttendanceSheet{}, err
	}
	var insp []Inspection
	if err := s.db.Where("left_at >= ? AND left_at < ?", from, to).Find(&insp).Error; err != nil {
		return AttendanceSheet{}, err
	}
	var outings []Outing
	if err := s.db.Where("from_time < ? AND to_time >= ?", to, from).Find(&outings).Error; err != nil {
		return AttendanceSheet{}, err
	}
	leaveBy := map[uint][]LeaveRequest{}
	for _, l := range leaves {
		leaveBy[l.StaffID] = append(leaveBy[l.StaffID], l)
	}
	inspBy := map[uint][]Inspection{}
	for _, x := range insp {
		inspBy[x.StaffID] = append(inspBy[x.StaffID], x)
	}
	outBy := map[uint][]Outing{}
	for _, o := range outings {
		outBy[o.StaffID] = append(outBy[o.StaffID], o)
	}
	gaps, home, err := punchGapsOf(s.db, cal, first, through, punches, staff)
	if err != nil {
		return AttendanceSheet{}, err
	}
	out := make([]MonthSummary, 0, len(staff))
	for _, p := range staff {
		out = append(out, SummarizeMonth(MonthInput{
			Staff: p, WindowCode: codes[windowOf(p)], Month: first, Through: through,
			Calendar: cal, RuleSets: book, Punches: punches[p.ID], Leaves: leaveBy[p.ID],
			Inspections: inspBy[p.ID], Outings: outBy[p.ID],
			Unrecorded: unrecordedDays(gaps, home[p.ID], punches[p.ID]),
		}))
	}
	return AttendanceSheet{Summaries: out, Gaps: gaps}, nil
}

// monthCalendar decides the working days of first…last once: the statutory
// calendar is slow to ask (lunar-go searches its tables on every call).
func (s *Store) monthCalendar(first, last Date) (*Calendar, error) {
	full, err := s.Calendar()
	if err != nil {
		return nil, err
	}
	var days []CalendarDay
	for d := first; !d.After(last); d = d.AddDays(1) {
		days = append(days, CalendarDay{Day: d.String(), Working: full.IsWorkingDay(d)})
	}
	return NewCalendar(days), nil
}

// monthPunches reads every punch and correction of first…last, by person.
// A month of a large centre is tens of thousands of machine punches. Each is
// read as one text ("<staff id>|<time>|<machine>"), which the driver hands
// over in a few calls where six columns took a few each, and the machine's
// name is shared, not a new string a row; times are parsed digit by digit
// (civilValue), not by the driver trying layout after layout. The few
// corrections, with their reason and approver, are read as columns.
func (s *Store) monthPunches(first, last Date) (map[uint][]DayPunch, error) {
	from, to := first.sqlStart(), last.AddDays(1).sqlStart()
	punches := map[uint][]DayPunch{}
	rows, err := s.db.Raw("SELECT CAST(staff_id AS TEXT) || '|' || CAST(at AS TEXT) || '|' || COALESCE(device, '') FROM punches WHERE at >= ? AND at < ? AND NOT correction",
		from, to).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	devices := map[string]string{}
	var line sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		p, err := parsePunchLine(line, devices)
		if err != nil {
			return nil, err
		}
		punches[p.StaffID] = append(punches[p.StaffID], p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	corr, err := s.db.Raw("SELECT staff_id, CAST(at AS TEXT), reason, approver, device FROM punches WHERE at >= ? AND at < ? AND correction",
		from, to).Rows()
	if err != nil {
		return nil, err
	}
	defer corr.Close()
	for corr.Next() {
		p := DayPunch{Correction: true}
		var reason, approver, device sql.NullString
		if err := corr.Scan(&p.StaffID, civilScan{&p.At}, &reason, &approver, &device); err != nil {
			return nil, err
		}
		p.Reason, p.Approver, p.Device = reason.String, approver.String, device.String
		punches[p.StaffID] = append(punches[p.StaffID], p)
	}
	return punches, corr.Err()
}

// parsePunchLine reads "<staff id>|<time>|<machine>" (monthPunches); the
// machine's name, the rest of the line, comes from devices when seen before.
func parsePunchLine(line []byte, devices map[string]string) (DayPunch, error) {
	var p DayPunch
	bad := func() (DayPunch, error) { return DayPunch{}, fmt.Errorf("无法读取打卡记录“%s”", line) }
	i := bytes.IndexByte(line, '|')
	if i <= 0 {
		return bad()
	}
	for _, c := range line[:i] {
		if c < '0' || c > '9' {
			return bad()
		}
		p.StaffID = p.StaffID*10 + uint(c-'0')
	}
	rest := line[i+1:]
	j := bytes.IndexByte(rest, '|')
	if j < 0 {
		return bad()
	}
	at, err := civilValue(string(rest[:j]))
	if err != nil {
		return DayPunch{}, err
	}
	p.At = at
	device := rest[j+1:]
	d, ok := devices[string(device)]
	if !ok {
		d = string(device)
		devices[d] = d
	}
	p.Device = d
	return p, nil
}

// PunchGaps lists the working days of the month ("2026-11") judged so far
// that have no punch records, without computing the sheet (see PunchGap).
func (s *Store) PunchGaps(month string) ([]PunchGap, error) {
	first, err := ParseMonth(month)
	if err != nil {
		return nil, FieldErrors{{"月份", err.Error()}}
	}
	first, last := MonthSpan(first)
	through := last
	if today := s.Today(); !today.After(last) {
		through = today.AddDays(-1)
	}
	if through.Before(first) {
		return nil, nil
	}
	var staff []Staff
	if err := s.db.Where("joined_on <= ? AND (left_on IS NULL OR left_on >= ?)", last, first).Find(&staff).Error; err != nil {
		return nil, err
	}
	cal, err := s.monthCalendar(first, last)
	if err != nil {
		return nil, err
	}
	punches, err := s.monthPunches(first, last)
	if err != nil {
		return nil, err
	}
	gaps, _, err := punchGapsOf(s.db, cal, first, through, punches, staff)
	return gaps, err
}
