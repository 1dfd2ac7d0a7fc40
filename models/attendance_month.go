package models

import (
	"database/sql"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
)

// AttendanceFilter narrows the monthly sheet; empty fields match everything.
type AttendanceFilter struct {
	StaffID  uint
	WindowID uint
	// Through is the last day judged. Zero means: the whole month for a past
	// month, up to yesterday for the current one (today is not over), and
	// nothing for a future one.
	Through Date
	// TotalsOnly leaves out each person's days (MonthSummary.Days): an
	// export, a bulletin or a lock needs only the figures, and a large
	// centre's days are most of the sheet's memory.
	TotalsOnly bool
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
	// only what the sheet reads of a person: a column read is a call into
	// SQLite, and a large centre's month reads hundreds of people
	q := s.db.Select("id", "employee_no", "name", "window_id", "joined_on", "left_on").Order("employee_no").
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
	if err := s.db.Select("id", "code").Find(&windows).Error; err != nil {
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
	punches, err := monthPunches(s.db, first, last)
	if err != nil {
		return AttendanceSheet{}, err
	}
	leaves, err := monthLeaves(s.db, first, last)
	if err != nil {
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
	out := make([]MonthSummary, len(staff))
	eachOnEveryCore(len(staff), func(i int) {
		p := staff[i]
		out[i] = SummarizeMonth(MonthInput{
			Staff: p, WindowCode: codes[windowOf(p)], Month: first, Through: through,
			Calendar: cal, RuleSets: book, Punches: punches[p.ID], Leaves: leaveBy[p.ID],
			Inspections: inspBy[p.ID], Outings: outBy[p.ID],
			Unrecorded: unrecordedDays(gaps, home[p.ID], punches[p.ID]),
			TotalsOnly: f.TotalsOnly,
		})
	})
	return AttendanceSheet{Summaries: out, Gaps: gaps}, nil
}

// eachOnEveryCore calls do(i) for every i in [0, n), shared out over the
// processor's cores; do must only read what the calls share.
func eachOnEveryCore(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n/32+1) // a few dozen calls a core, or it is not worth a goroutine
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				do(i)
			}
		}()
	}
	wg.Wait()
}

// monthLeaves reads the leave requests that touch first…last: those begun
// by its end that end in it or later, or were reported back (销假) in it or
// later. They are found by the indexes of 结束日期 and 销假日期; those begun
// before the month's end are every request ever made.
// Only what SummarizeMonth reads of a request is read: each column is a
// call into SQLite.
func monthLeaves(db *gorm.DB, first, last Date) ([]LeaveRequest, error) {
	var leaves []LeaveRequest
	err := db.Select("id", "staff_id", "type", "from_date", "from_half", "to_date", "to_half", "status", "approver", "returned_on").
		Where(monthLeavesWhere(db), last, first, first).Find(&leaves).Error
	return leaves, err
}

func monthLeavesWhere(db *gorm.DB) string {
	return notIndexed(db, "from_date") + " <= ? AND (to_date >= ? OR returned_on >= ?)"
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

// monthPunches reads every punch and correction of first…last, by person,
// each person's in time order. A month of a large centre is tens of
// thousands of machine punches: the database hands them over as three texts
// (every punch's person, time and machine, in the same order), one call
// where a row each took a few calls and allocations apiece, and building
// three plain lists costs it less than one line a punch. Times are parsed
// digit by digit (civilValue). Should a machine's name hold a line break,
// the month is read again a row at a time. The few corrections, with their
// reason and approver, are read as columns.
func monthPunches(db *gorm.DB, first, last Date) (map[uint][]DayPunch, error) {
	from, to := first.sqlStart(), last.AddDays(1).sqlStart()
	var n int
	var ids, times, devices sql.NullString
	if err := db.Raw("SELECT count(*), string_agg(CAST(staff_id AS TEXT), ','), string_agg(CAST(at AS TEXT), ','), "+
		"string_agg(COALESCE(device, ''), ?) FROM punches WHERE at >= ? AND at < ? AND NOT correction", "\n", from, to).
		Row().Scan(&n, &ids, &times, &devices); err != nil {
		return nil, err
	}
	punches, err := machinePunches(n, ids.String, times.String, devices.String)
	if errors.Is(err, errDeviceLineBreak) {
		punches, err = machinePunchRows(db, from, to)
	}
	if err != nil {
		return nil, err
	}
	corr, err := db.Raw("SELECT staff_id, CAST(at AS TEXT), reason, approver, device FROM punches WHERE at >= ? AND at < ? AND correction",
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
		// a person's slice is exactly full (machinePunches), so this copies
		// it rather than writing over the next person's punches
		punches[p.StaffID] = append(punches[p.StaffID], p)
	}
	if err := corr.Err(); err != nil {
		return nil, err
	}
	for _, ps := range punches {
		if !slices.IsSortedFunc(ps, punchTimeOrder) {
			slices.SortStableFunc(ps, punchTimeOrder)
		}
	}
	return punches, nil
}

func punchTimeOrder(a, b DayPunch) int { return a.At.Compare(b.At) }

// errDeviceLineBreak says a machine's name holds the line break that
// separates the names in monthPunches' text.
var errDeviceLineBreak = errors.New("考勤机名称含换行")

// machinePunches reads n machine punches from monthPunches' three texts: the
// people's ids and the times, separated by commas, and the machines' names,
// by line breaks. The punches are grouped by person in one array, each
// person's slice full to its capacity; a machine's name is a slice of the
// text, not a copy.
func machinePunches(n int, ids, times, devices string) (map[uint][]DayPunch, error) {
	out := map[uint][]DayPunch{}
	if n == 0 {
		return out, nil
	}
	if strings.Count(devices, "\n") != n-1 {
		return nil, errDeviceLineBreak
	}
	bad := func(what string) error { return fmt.Errorf("无法读取打卡记录的%s", what) }
	who := make([]uint, n)
	var maxID uint
	for i := range who {
		var id uint
		j := 0
		for ; j < len(ids) && ids[j] != ','; j++ {
			c := ids[j]
			if c < '0' || c > '9' || id > math.MaxUint32 {
				return nil, bad("人员")
			}
			id = id*10 + uint(c-'0')
		}
		if j == 0 || (j == len(ids)) != (i == n-1) {
			return nil, bad("人员")
		}
		ids = ids[min(j+1, len(ids)):]
		who[i], maxID = id, max(maxID, id)
	}
	// where each person's next punch goes in buf: by id in a slice, ids
	// being the small numbers the database hands out, or in a map should
	// they not be. It first counts each person's punches.
	var next []int
	var nextOf map[uint]int
	if maxID <= uint(16*n+4096) {
		next = make([]int, maxID+1)
	} else {
		nextOf = map[uint]int{}
	}
	for _, id := range who {
		if next != nil {
			next[id]++
		} else {
			nextOf[id]++
		}
	}
	buf := make([]DayPunch, n)
	at := 0
	place := func(id uint, k int) int {
		out[id] = buf[at : at+k : at+k]
		at += k
		return at - k
	}
	if next != nil {
		for id, k := range next {
			if k > 0 {
				next[id] = place(uint(id), k)
			}
		}
	} else {
		for id, k := range nextOf {
			nextOf[id] = place(id, k)
		}
	}
	var day string         // the date of the last time read, "2026-11-02"
	var dayStart time.Time // its midnight
	for i, id := range who {
		t, rest, _ := strings.Cut(times, ",")
		d, more, _ := strings.Cut(devices, "\n")
		times, devices = rest, more
		if (times == "") != (i == n-1) {
			return nil, bad("时间")
		}
		// most of a month's times share their date with the one before:
		// only the time of day is read again
		var civil time.Time
		if len(t) == 19 && t[:10] == day {
			if secs, ok := clockSeconds(t[11:]); ok {
				civil = dayStart.Add(time.Duration(secs) * time.Second)
			}
		}
		if civil.IsZero() {
			v, err := civilValue(t)
			if err != nil || v.IsZero() {
				return nil, bad("时间")
			}
			civil = v
			if len(t) == 19 {
				day, dayStart = t[:10], CivilTime(DateOf(v), 0, 0, 0)
			}
		}
		k := 0
		if next != nil {
			k = next[id]
			next[id]++
		} else {
			k = nextOf[id]
			nextOf[id]++
		}
		buf[k] = DayPunch{StaffID: id, At: civil, Device: d}
	}
	return out, nil
}

// clockSeconds reads "08:20:07" as seconds since midnight.
func clockSeconds(s string) (int, bool) {
	if len(s) != 8 || s[2] != ':' || s[5] != ':' {
		return 0, false
	}
	two := func(i int) int {
		a, b := s[i], s[i+1]
		if a < '0' || a > '9' || b < '0' || b > '9' {
			return -1
		}
		return int(a-'0')*10 + int(b-'0')
	}
	h, m, sec := two(0), two(3), two(6)
	if h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59 {
		return 0, false
	}
	return h*3600 + m*60 + sec, true
}

// machinePunchRows reads the machine punches of [from, to) a row at a time.
func machinePunchRows(db *gorm.DB, from, to string) (map[uint][]DayPunch, error) {
	rows, err := db.Raw("SELECT staff_id, CAST(at AS TEXT), device FROM punches WHERE at >= ? AND at < ? AND NOT correction", from, to).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[uint][]DayPunch{}
	for rows.Next() {
		var p DayPunch
		var device sql.NullString
		if err := rows.Scan(&p.StaffID, civilScan{&p.At}, &device); err != nil {
			return nil, err
		}
		p.Device = device.String
		out[p.StaffID] = append(out[p.StaffID], p)
	}
	for id, ps := range out {
		out[id] = slices.Clip(ps)
	}
	return out, rows.Err()
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
	punches, err := monthPunches(s.db, first, last)
	if err != nil {
		return nil, err
	}
	gaps, _, err := punchGapsOf(s.db, cal, first, through, punches, staff)
	return gaps, err
}
