package models

import (
	"database/sql"
	"fmt"
	"testing"
	"time"
)

// The record imports of a large centre, each beside a bare baseline that
// writes the same records as plainly as SQLite allows: one transaction,
// prepared INSERTs, ids already resolved, and one audit row a record with
// its fields and chain hash, as every import writes them. x-bare is how many
// times the bare time the import takes.

// workingDaysBetween lists the working days in [from, to).
func workingDaysBetween(b *testing.B, st *Store, from, to Date) []Date {
	b.Helper()
	cal, err := st.Calendar()
	if err != nil {
		b.Fatal(err)
	}
	var out []Date
	for d := from; d.Before(to); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			out = append(out, d)
		}
	}
	return out
}

// caseRowsBetween gives 70 cases each working day in [from, to) to the 400
// people of fill400, numbered prefix + a counter, each with two materials
// and completed three working days later when that day has passed.
func caseRowsBetween(b *testing.B, st *Store, from, to Date, prefix string) []CaseRow {
	b.Helper()
	list, err := st.StaffList()
	if err != nil {
		b.Fatal(err)
	}
	cal, _ := st.Calendar()
	today := st.Today()
	legal, promised := 20, 5
	var rows []CaseRow
	for _, d := range workingDaysBetween(b, st, from, to) {
		for k := 0; k < 70; k++ {
			p := list[len(rows)%len(list)]
			r := CaseRow{No: fmt.Sprintf("%s%07d", prefix, len(rows)), Matter: "企业设立登记", Kind: CasePromised,
				Applicant: "某某商贸有限公司", ApplicantType: ApplicantOrg, Phone: "13800138000",
				WindowCode: p.Window.Code, EmployeeNo: p.EmployeeNo, ReceivedAt: CivilTime(d, 9, k%60, 0),
				LegalDays: &legal, PromisedDays: &promised,
				Materials: []CaseMaterial{{Name: "营业执照", Copies: 1, Form: MaterialCopy}, {Name: "申请书", Copies: 1, Form: MaterialOriginal, Pages: 3}}}
			if done := cal.AddWorkingDays(d, 3); done.Before(today) {
				at := CivilTime(done, 16, 0, 0)
				r.CompletedAt, r.Result = &at, ResultApproved
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// bareAudit writes one audit row a record, chained as the store chains them.
type bareAudit struct {
	stmt *sql.Stmt
	at   time.Time
	prev string
}

func (a *bareAudit) add(r audited) error {
	e := AuditEntry{At: a.at, Operator: "bench", Action: ActionCreate, Entity: r.auditEntity(), Key: r.auditKey(), After: encodeFields(r)}
	e.Hash = auditHash(a.prev, &e)
	a.prev = e.Hash
	_, err := a.stmt.Exec(civilArg(e.At), e.Operator, e.Entity, e.Key, e.Action, e.Before, e.After, e.Origin, e.Hash)
	return err
}

// bareWrite times fn in one transaction of st's database, given a prepared
// statement maker and the audit writer.
func bareWrite(b *testing.B, st *Store, fn func(tx *sql.Tx, audit *bareAudit) error) time.Duration {
	b.Helper()
	sqlDB, _ := st.db.DB()
	start := time.Now()
	tx, err := sqlDB.Begin()
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.Prepare(`INSERT INTO audit_entries (at, operator, entity, key, action, before, after, origin, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	if err := fn(tx, &bareAudit{stmt: stmt, at: st.Now()}); err != nil {
		b.Fatal(err)
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// rosterMaps gives fill400's windows by code and people by 工号.
func rosterMaps(b *testing.B, st *Store) (map[string]ServiceWindow, map[string]Staff) {
	b.Helper()
	ws, err := st.ServiceWindows()
	if err != nil {
		b.Fatal(err)
	}
	list, err := st.StaffList()
	if err != nil {
		b.Fatal(err)
	}
	windows, staff := map[string]ServiceWindow{}, map[string]Staff{}
	for _, w := range ws {
		windows[w.Code] = w
	}
	for _, p := range list {
		staff[p.EmployeeNo] = p
	}
	return windows, staff
}

// bareInsertCases writes the cases, their materials and an audit row each.
func bareInsertCases(b *testing.B, st *Store, rows []CaseRow) time.Duration {
	b.Helper()
	windows, staff := rosterMaps(b, st)
	cal, _ := st.Calendar()
	cases := make([]Case, len(rows))
	for i, r := range rows {
		c := r.Merge(Case{})
		c.Window, c.Staff = windows[r.WindowCode], staff[r.EmployeeNo]
		c.WindowID, c.StaffID = c.Window.ID, c.Staff.ID
		c.DueOn = c.DueDate(cal)
		cases[i] = c
	}
	now := st.Now()
	return bareWrite(b, st, func(tx *sql.Tx, audit *bareAudit) error {
		ins, err := tx.Prepare(`INSERT INTO cases (no, matter, kind, applicant_type, applicant, applicant_id, contact, phone, address,
window_id, staff_id, received_at, legal_days, promised_days, due_on, completed_at, result, forwarded_to, approver, note, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, '', ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		mat, err := tx.Prepare(`INSERT INTO case_materials (case_id, seq, name, copies, form, pages) VALUES (?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer mat.Close()
		for _, c := range cases {
			var done any
			if c.CompletedAt != nil {
				done = civilArg(*c.CompletedAt)
			}
			res, err := ins.Exec(c.No, c.Matter, c.Kind, c.ApplicantType, c.Applicant, c.ApplicantID, c.Phone, c.WindowID, c.StaffID,
				civilArg(c.ReceivedAt), c.LegalDays, c.PromisedDays, c.DueOn, done, c.Result, c.ForwardedTo, c.Approver, now, now)
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			for j, m := range c.Materials {
				if _, err := mat.Exec(id, j+1, m.Name, m.Copies, m.Form, m.Pages); err != nil {
					return err
				}
			}
			if err := audit.add(c); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkImportCases3Years imports three years of a 400-person centre's
// cases (about 52,000, two materials each) into an empty register, beside
// the bare insert of the same cases into another.
func BenchmarkImportCases3Years(b *testing.B) {
	benchImportBeside(b, func(st *Store) []CaseRow {
		return caseRowsBetween(b, st, st.Today().AddDays(-3*365), st.Today(), "C")
	}, (*Store).ImportCases, bareInsertCases)
}

// BenchmarkImportCasesMonthAfterYears imports October 2026's cases (about
// 1,500) into a centre holding one year of cases and into one holding three:
// x-3y-over-1y near 1 shows the import reads what the file names, not the
// history. Beside it, bare-x-3y-over-1y is the same for the bare insert of
// another 1,500 cases: what the larger tables and indexes cost SQLite itself.
func BenchmarkImportCasesMonthAfterYears(b *testing.B) {
	one, three := fill400(b), fill400(b)
	caseHistory(b, one, 1)
	caseHistory(b, three, 3)
	monthRows := func(st *Store, prefix string) []CaseRow {
		b.StopTimer()
		defer b.StartTimer()
		return caseRowsBetween(b, st, NewDate(2026, 10, 1), NewDate(2026, 11, 1), prefix)
	}
	importMonth := func(st *Store, prefix string) time.Duration {
		rows := monthRows(st, prefix)
		start := time.Now()
		stats, err := st.ImportCases(rows)
		if err != nil || stats.Created != len(rows) {
			b.Fatal(err, stats)
		}
		return time.Since(start)
	}
	var t1, t3, bare1, bare3 time.Duration
	for i := 0; i < b.N; i++ {
		prefix := fmt.Sprintf("M%d-", i) // new cases each time
		t1 += importMonth(one, prefix)
		t3 += importMonth(three, prefix)
		prefix = fmt.Sprintf("B%d-", i)
		bare1 += bareInsertCases(b, one, monthRows(one, prefix))
		bare3 += bareInsertCases(b, three, monthRows(three, prefix))
	}
	b.ReportMetric(float64(t1.Milliseconds())/float64(b.N), "1y-ms/op")
	b.ReportMetric(float64(t3.Milliseconds())/float64(b.N), "3y-ms/op")
	b.ReportMetric(float64(t3)/float64(t1), "x-3y-over-1y")
	b.ReportMetric(float64(bare3)/float64(bare1), "bare-x-3y-over-1y")
}

// ratingRowsBetween gives 50 ratings each working day in [from, to), one in
// forty a 差评, most naming the person rated.
func ratingRowsBetween(b *testing.B, st *Store, from, to Date) []RatingRow {
	b.Helper()
	list, err := st.StaffList()
	if err != nil {
		b.Fatal(err)
	}
	var rows []RatingRow
	for _, d := range workingDaysBetween(b, st, from, to) {
		for k := 0; k < 50; k++ {
			p := list[(len(rows)*7)%len(list)]
			r := RatingRow{On: d, WindowCode: p.Window.Code, EmployeeNo: p.EmployeeNo, Level: RatingLevels[k%2],
				CaseNo: fmt.Sprintf("C%07d", len(rows))}
			if k%5 == 0 {
				r.EmployeeNo = ""
			}
			if len(rows)%40 == 0 {
				r.Level, r.Comment = RatingPoor, "等候时间过长"
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// bareInsertRatings writes the ratings and an audit row each.
func bareInsertRatings(b *testing.B, st *Store, rows []RatingRow) time.Duration {
	b.Helper()
	windows, staff := rosterMaps(b, st)
	cal, _ := st.Calendar()
	ratings := make([]Rating, len(rows))
	for i, r := range rows {
		x := Rating{On: r.On, Window: windows[r.WindowCode], Level: r.Level, CaseNo: r.CaseNo, Comment: r.Comment}
		x.WindowID = x.Window.ID
		if p, ok := staff[r.EmployeeNo]; ok {
			x.Staff, x.StaffID = &p, &p.ID
		}
		if IsBadRating(x.Level) {
			x.RectifyStatus, x.RectifyDue = RectifyPending, cal.AddWorkingDays(x.On, 5)
		}
		ratings[i] = x
	}
	now := st.Now()
	return bareWrite(b, st, func(tx *sql.Tx, audit *bareAudit) error {
		ins, err := tx.Prepare(`INSERT INTO ratings ("on", window_id, staff_id, level, case_no, comment, rectify_status, rectify_due, rectify_measures, rectified_on, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', NULL, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, x := range ratings {
			if _, err := ins.Exec(x.On, x.WindowID, x.StaffID, x.Level, x.CaseNo, x.Comment, x.RectifyStatus, x.RectifyDue, now, now); err != nil {
				return err
			}
			if err := audit.add(x); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkImportRatings3Years imports three years of ratings (about
// 37,000) into an empty store, beside the bare insert of the same ratings.
func BenchmarkImportRatings3Years(b *testing.B) {
	benchImportBeside(b, func(st *Store) []RatingRow {
		return ratingRowsBetween(b, st, st.Today().AddDays(-3*365), st.Today())
	}, (*Store).ImportRatings, bareInsertRatings)
}

// BenchmarkImportRatingsMonthAfterYears imports October 2026's ratings into
// a store holding one year of ratings and into one holding three.
func BenchmarkImportRatingsMonthAfterYears(b *testing.B) {
	one, three := fill400(b), fill400(b)
	for _, h := range []struct {
		st    *Store
		years int
	}{{one, 1}, {three, 3}} {
		rows := ratingRowsBetween(b, h.st, h.st.Today().AddDays(-365*h.years), NewDate(2026, 10, 1))
		if _, err := h.st.ImportRatings(rows); err != nil {
			b.Fatal(err)
		}
	}
	importMonth := func(st *Store, i int) time.Duration {
		b.StopTimer()
		rows := ratingRowsBetween(b, st, NewDate(2026, 10, 1), NewDate(2026, 11, 1))
		for j := range rows {
			rows[j].CaseNo = fmt.Sprintf("M%d-%d", i, j) // new ratings each time
		}
		b.StartTimer()
		start := time.Now()
		stats, err := st.ImportRatings(rows)
		if err != nil || stats.Created != len(rows) {
			b.Fatal(err, stats)
		}
		return time.Since(start)
	}
	var t1, t3 time.Duration
	for i := 0; i < b.N; i++ {
		t1 += importMonth(one, i)
		t3 += importMonth(three, i)
	}
	b.ReportMetric(float64(t1.Milliseconds())/float64(b.N), "1y-ms/op")
	b.ReportMetric(float64(t3.Milliseconds())/float64(b.N), "3y-ms/op")
	b.ReportMetric(float64(t3)/float64(t1), "x-3y-over-1y")
}

// leaveRowsBetween gives each of the 400 people of fill400 a day of 事假
// every twenty working days in [from, to), approved, applied for the day
// before.
func leaveRowsBetween(b *testing.B, st *Store, from, to Date) []LeaveRow {
	b.Helper()
	list, err := st.StaffList()
	if err != nil {
		b.Fatal(err)
	}
	days := workingDaysBetween(b, st, from, to)
	var rows []LeaveRow
	for i, p := range list {
		for k := i % 20; k < len(days); k += 20 {
			d := days[k]
			rows = append(rows, LeaveRow{EmployeeNo: p.EmployeeNo, LeaveRequest: LeaveRequest{Type: "事假", From: d, FromHalf: HalfAM,
				To: d, ToHalf: HalfPM, Reason: "家中有事", Status: LeaveApproved, Approver: "张主任", AppliedAt: CivilTime(d.AddDays(-1), 10, 0, 0)}})
		}
	}
	return rows
}

// bareInsertLeaves writes the leave requests and an audit row each.
func bareInsertLeaves(b *testing.B, st *Store, rows []LeaveRow) time.Duration {
	b.Helper()
	_, staff := rosterMaps(b, st)
	leaves := make([]LeaveRequest, len(rows))
	for i, r := range rows {
		l := r.LeaveRequest
		l.Staff = staff[r.EmployeeNo]
		l.StaffID = l.Staff.ID
		leaves[i] = l
	}
	now := st.Now()
	return bareWrite(b, st, func(tx *sql.Tx, audit *bareAudit) error {
		ins, err := tx.Prepare(`INSERT INTO leave_requests (staff_id, type, from_date, from_half, to_date, to_half, reason, status, approver, reject_reason,
applied_at, late_reason, approver_tier, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, '', '', ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, l := range leaves {
			if _, err := ins.Exec(l.StaffID, l.Type, l.From, l.FromHalf, l.To, l.ToHalf, l.Reason, l.Status, l.Approver, civilArg(l.AppliedAt), now, now); err != nil {
				return err
			}
			if err := audit.add(l); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkImportLeaves3Years imports three years of a 400-person centre's
// leave (a day each every four weeks: about 15,000 requests) into an empty
// store, beside the bare insert of the same requests.
func BenchmarkImportLeaves3Years(b *testing.B) {
	benchImportBeside(b, func(st *Store) []LeaveRow {
		return leaveRowsBetween(b, st, st.Today().AddDays(-3*365), st.Today())
	}, (*Store).ImportLeaves, bareInsertLeaves)
}

// BenchmarkCasesFirstPage3Years reads what the 办件 register shows first
// over three years of cases (about 52,000): the count and the first page,
// newest first, with windows and people; bare-ms is the same count and page
// read with one plain join.
func BenchmarkCasesFirstPage3Years(b *testing.B) {
	st := fill400(b)
	caseHistory(b, st, 3)
	benchCasePage(b, st, PageOrder{}, "c.received_at DESC, c.id DESC")
}

// BenchmarkCasesSortPage3Years is a tap, twice, on the 窗口 header
// over the same register: the count and the first page in each order.
func BenchmarkCasesSortPage3Years(b *testing.B) {
	st := fill400(b)
	caseHistory(b, st, 3)
	benchCasePage(b, st, PageOrder{By: SortCaseWindow, Desc: true}, "w.code DESC, c.id DESC")
}

func benchCasePage(b *testing.B, st *Store, o PageOrder, bareOrder string) {
	sqlDB, _ := st.db.DB()
	bareQuery := `SELECT c.id, c.no, c.matter, c.kind, c.applicant, c.received_at, c.due_on, c.completed_at, w.code, w.name, s.name, s.employee_no
FROM cases c JOIN service_windows w ON w.id = c.window_id JOIN staff s ON s.id = c.staff_id ORDER BY ` + bareOrder + ` LIMIT 100`
	var ours, bare time.Duration
	for b.Loop() {
		start := time.Now()
		n, err := st.CountCases(CaseFilter{})
		if err != nil || n < 50000 {
			b.Fatal(err, n)
		}
		page, err := st.CasesPage(CaseFilter{}, o, 0, 100)
		if err != nil || len(page) != 100 {
			b.Fatal(err, len(page))
		}
		ours += time.Since(start)
		start = time.Now()
		var count int
		if err := sqlDB.QueryRow("SELECT COUNT(*) FROM cases").Scan(&count); err != nil {
			b.Fatal(err)
		}
		rows, err := sqlDB.Query(bareQuery)
		if err != nil {
			b.Fatal(err)
		}
		k := 0
		for rows.Next() {
			var id uint
			var a, c, d, e, f, g, h, i, j, l, m any
			rows.Scan(&id, &a, &c, &d, &e, &f, &g, &h, &i, &j, &l, &m)
			k++
		}
		rows.Close()
		bare += time.Since(start)
		if k != 100 {
			b.Fatal(k)
		}
	}
	b.ReportMetric(float64(ours.Microseconds())/1000/float64(b.N), "ms/page")
	b.ReportMetric(float64(bare.Microseconds())/1000/float64(b.N), "bare-ms/page")
	b.ReportMetric(float64(ours)/float64(bare), "x-bare")
}

// BenchmarkAuditPageAfterYears reads the first page of the 操作日志 as its
// screen does, for every entry and for the 办件 entries alone, after three
// years of cases were imported (an entry each: about 52,000).
func BenchmarkAuditPageAfterYears(b *testing.B) {
	st := fill400(b)
	if _, err := st.ImportCases(caseRowsBetween(b, st, st.Today().AddDays(-3*365), st.Today(), "C")); err != nil {
		b.Fatal(err)
	}
	var all, cases time.Duration
	for b.Loop() {
		for _, run := range []struct {
			f AuditFilter
			d *time.Duration
		}{{AuditFilter{}, &all}, {AuditFilter{Entity: "办件"}, &cases}} {
			start := time.Now()
			if _, err := st.AuditCount(run.f); err != nil {
				b.Fatal(err)
			}
			page, err := st.AuditPage(run.f, PageOrder{}, 0, 100)
			if err != nil || len(page) != 100 {
				b.Fatal(err, len(page))
			}
			*run.d += time.Since(start)
		}
	}
	b.ReportMetric(float64(all.Microseconds())/1000/float64(b.N), "all-ms/page")
	b.ReportMetric(float64(cases.Microseconds())/1000/float64(b.N), "cases-ms/page")
}

// BenchmarkRatingsPage3Years reads 评价明细 as its screen does over three
// years of ratings (about 37,000): the count and the first page, newest
// first; the same sorted by window (a tap on 窗口); and narrowed by a
// person's name. bare-ms is the count and first page read with one plain
// join.
func BenchmarkRatingsPage3Years(b *testing.B) {
	st := fill400(b)
	if _, err := st.ImportRatings(ratingRowsBetween(b, st, st.Today().AddDays(-3*365), st.Today())); err != nil {
		b.Fatal(err)
	}
	list, _ := st.StaffList()
	sqlDB, _ := st.db.DB()
	runs := []struct {
		unit string
		f    RatingFilter
		o    PageOrder
		d    time.Duration
	}{
		{unit: "first-ms"},
		{unit: "sorted-ms", o: PageOrder{By: SortRatingWindow, Desc: true}},
		{unit: "search-ms", f: RatingFilter{Words: []string{list[7].Name}}},
	}
	var bare time.Duration
	for b.Loop() {
		for i := range runs {
			start := time.Now()
			n, err := st.CountRatings(runs[i].f)
			if err != nil || n == 0 {
				b.Fatal(err, n)
			}
			page, err := st.RatingsPage(runs[i].f, runs[i].o, 0, 100)
			if err != nil || len(page) == 0 {
				b.Fatal(err, len(page))
			}
			runs[i].d += time.Since(start)
		}
		start := time.Now()
		var count int
		if err := sqlDB.QueryRow("SELECT COUNT(*) FROM ratings").Scan(&count); err != nil {
			b.Fatal(err)
		}
		rows, err := sqlDB.Query(`SELECT r.id, r."on", r.level, r.case_no, r.comment, w.code, s.name FROM ratings r
JOIN service_windows w ON w.id = r.window_id LEFT JOIN staff s ON s.id = r.staff_id ORDER BY r."on" DESC, r.id DESC LIMIT 100`)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			var id uint
			var a, c, d, e, f, g any
			rows.Scan(&id, &a, &c, &d, &e, &f, &g)
		}
		rows.Close()
		bare += time.Since(start)
	}
	for _, r := range runs {
		b.ReportMetric(float64(r.d.Microseconds())/1000/float64(b.N), r.unit)
	}
	b.ReportMetric(float64(bare.Microseconds())/1000/float64(b.N), "bare-ms")
}

// benchImportBeside imports, b.N times, the rows rowsFor makes into a fresh
// 400-person store and times them beside bare, the bare insert of the same
// rows into another: bare-ms/op and x-bare, how many times the bare
// insert's time the import takes.
func benchImportBeside[R any](b *testing.B, rowsFor func(*Store) []R, imp func(*Store, []R) (ImportStats, error),
	bare func(b *testing.B, other *Store, rows []R) time.Duration) {
	var ours, bareTime time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, other := fill400(b), fill400(b)
		rows := rowsFor(st)
		b.StartTimer()
		start := time.Now()
		stats, err := imp(st, rows)
		ours += time.Since(start)
		if err != nil || stats.Created != len(rows) {
			b.Fatal(err, stats)
		}
		b.StopTimer()
		bareTime += bare(b, other, rows)
		b.StartTimer()
	}
	b.ReportMetric(float64(bareTime.Milliseconds())/float64(b.N), "bare-ms/op")
	b.ReportMetric(float64(ours)/float64(bareTime), "x-bare")
}

// BenchmarkImportInspections3Years imports three years of 查岗 findings, one
// for every fourth working day of each of the 400 (about 75,000), into an
// empty store, beside the bare insert of the same findings with their
// audit entries.
func BenchmarkImportInspections3Years(b *testing.B) {
	benchImportBeside(b, func(st *Store) []InspectionRow {
		list, err := st.StaffList()
		if err != nil {
			b.Fatal(err)
		}
		var rows []InspectionRow
		for k, d := range workingDaysBetween(b, st, st.Today().AddDays(-3*365), st.Today()) {
			for j := k % 4; j < len(list); j += 4 {
				left := CivilTime(d, 10, j%60, 0)
				rows = append(rows, InspectionRow{EmployeeNo: list[j].EmployeeNo, LeftAt: left, BackAt: left.Add(20 * time.Minute), Inspector: "督查科"})
			}
		}
		return rows
	}, (*Store).ImportInspections, func(b *testing.B, other *Store, rows []InspectionRow) time.Duration {
		_, staff := rosterMaps(b, other)
		now := other.Now()
		return bareWrite(b, other, func(tx *sql.Tx, audit *bareAudit) error {
			ins, err := tx.Prepare(insertInspectionSQL)
			if err != nil {
				return err
			}
			defer ins.Close()
			for _, r := range rows {
				p := staff[r.EmployeeNo]
				x := Inspection{StaffID: p.ID, Staff: p, LeftAt: r.LeftAt, BackAt: r.BackAt, Inspector: r.Inspector, Note: r.Note}
				if _, err := ins.Exec(x.StaffID, civilArg(x.LeftAt), civilArg(x.BackAt), x.Inspector, x.Note, now, now); err != nil {
					return err
				}
				if err := audit.add(x); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// BenchmarkImportUniforms3Years imports three years of the uniform ledger
// of the 400 (a summer and a winter issue a year, three pieces each: 7,200
// lines) into an empty store, beside the bare insert of the same lines with
// their audit entries.
func BenchmarkImportUniforms3Years(b *testing.B) {
	benchImportBeside(b, func(st *Store) []UniformRow {
		list, err := st.StaffList()
		if err != nil {
			b.Fatal(err)
		}
		var rows []UniformRow
		for y := 2024; y <= 2026; y++ {
			for _, season := range []struct {
				kind  string
				on    Date
				items []string
			}{{UniformSummer, NewDate(y, 5, 6), []string{"衬衫", "裤", "领带"}}, {UniformWinter, NewDate(y, 10, 20), []string{"外套", "马甲", "棉服"}}} {
				for k, p := range list {
					for _, item := range season.items {
						rows = append(rows, UniformRow{EmployeeNo: p.EmployeeNo, Issue: UniformIssue{Kind: season.kind, Item: item,
							Size: DefaultUniformSizes[k%5+1], Quantity: 1, IssuedOn: season.on, Reason: "换季"}})
					}
				}
			}
		}
		return rows
	}, (*Store).ImportUniforms, func(b *testing.B, other *Store, rows []UniformRow) time.Duration {
		_, staff := rosterMaps(b, other)
		now := other.Now()
		return bareWrite(b, other, func(tx *sql.Tx, audit *bareAudit) error {
			ins, err := tx.Prepare(insertUniformSQL)
			if err != nil {
				return err
			}
			defer ins.Close()
			for _, r := range rows {
				u := r.Issue
				u.Staff = staff[r.EmployeeNo]
				u.StaffID, u.Signed = u.Staff.ID, true
				if _, err := ins.Exec(u.StaffID, u.Kind, u.Item, u.Size, u.Quantity, u.IssuedOn, u.Reason, u.Signed, now, now); err != nil {
					return err
				}
				if err := audit.add(u); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// violationRowsFor gives three years of violations to the 400: four on each
// working day, to different people, across the categories a person records
// (about 3,000).
func violationRowsFor(b *testing.B, st *Store) []ViolationRow {
	list, err := st.StaffList()
	if err != nil {
		b.Fatal(err)
	}
	cats := []string{CategoryService, CategoryDiscipline, CategoryDress, CategoryNotification, CategoryPromiseDelay}
	var rows []ViolationRow
	for k, d := range workingDaysBetween(b, st, st.Today().AddDays(-3*365), st.Today()) {
		for i := 0; i < 4; i++ {
			p := list[(k*37+i*101)%len(list)]
			rows = append(rows, ViolationRow{EmployeeNo: p.EmployeeNo, On: d, Category: cats[(k+i)%len(cats)],
				Circumstances: fmt.Sprintf("第%d项检查发现的问题", i+1), RecordedBy: "督查科"})
		}
	}
	return rows
}

// BenchmarkImportViolations3Years imports three years of violations (about
// 3,000) into an empty store, each taking the ladder step its history gives,
// beside the bare insert of the same violations with their audit entries.
func BenchmarkImportViolations3Years(b *testing.B) {
	benchImportBeside(b, func(st *Store) []ViolationRow { return violationRowsFor(b, st) }, (*Store).ImportViolations,
		func(b *testing.B, other *Store, rows []ViolationRow) time.Duration {
			_, staff := rosterMaps(b, other)
			now := other.Now()
			return bareWrite(b, other, func(tx *sql.Tx, audit *bareAudit) error {
				ins, err := tx.Prepare(insertViolationSQL)
				if err != nil {
					return err
				}
				defer ins.Close()
				for _, r := range rows {
					p := staff[r.EmployeeNo]
					v := Violation{StaffID: p.ID, Staff: p, WindowID: p.WindowID, On: r.On, Category: r.Category, Circumstances: r.Circumstances,
						RecordedBy: r.RecordedBy, Step: 1, SuggestedStep: 1, StepAction: "口头提醒", NoticeLevel: NoticeVerbal, CreatedAt: now, UpdatedAt: now}
					if _, err := ins.Exec(violationArgs(&v)...); err != nil {
						return err
					}
					if err := audit.add(v); err != nil {
						return err
					}
				}
				return nil
			})
		})
}

// BenchmarkImportComplaints3Years imports three years of complaints, one
// each working day (about 750), half of them upheld against a person, into
// an empty store, beside the bare insert of the same complaints with their
// audit entries.
func BenchmarkImportComplaints3Years(b *testing.B) {
	benchImportBeside(b, func(st *Store) []ComplaintRow {
		list, err := st.StaffList()
		if err != nil {
			b.Fatal(err)
		}
		var rows []ComplaintRow
		for k, d := range workingDaysBetween(b, st, st.Today().AddDays(-3*365), st.Today()) {
			p := list[(k*37)%len(list)]
			r := ComplaintRow{On: d, WindowCode: p.Window.Code, EmployeeNo: p.EmployeeNo, Complainant: "张女士", Channel: "12345热线",
				Content: fmt.Sprintf("第%d号来电：办理时态度生硬", k+1), Problem: ProblemAttitude, Status: ComplaintRejected, ConcludedOn: d.AddDays(3), Finding: "经查不属实"}
			if k%2 == 0 {
				r.Status, r.Finding = ComplaintUpheld, "经查属实"
			}
			rows = append(rows, r)
		}
		return rows
	}, (*Store).ImportComplaints, func(b *testing.B, other *Store, rows []ComplaintRow) time.Duration {
		windows, staff := rosterMaps(b, other)
		now := other.Now()
		return bareWrite(b, other, func(tx *sql.Tx, audit *bareAudit) error {
			ins, err := tx.Prepare(insertComplaintSQL)
			if err != nil {
				return err
			}
			defer ins.Close()
			vio, err := tx.Prepare(insertViolationSQL)
			if err != nil {
				return err
			}
			defer vio.Close()
			for _, r := range rows {
				p := staff[r.EmployeeNo]
				c := Complaint{WindowID: windows[r.WindowCode].ID, Window: windows[r.WindowCode], StaffID: &p.ID, Staff: &p, On: r.On, Complainant: r.Complainant,
					Channel: r.Channel, Content: r.Content, Problem: r.Problem, Status: r.Status, Finding: r.Finding, ConcludedOn: r.ConcludedOn, DueOn: r.On.AddDays(7)}
				c.CreatedAt, c.UpdatedAt = now, now
				if _, err := ins.Exec(complaintArgs(&c)...); err != nil {
					return err
				}
				if err := audit.add(c); err != nil {
					return err
				}
				if c.Status != ComplaintUpheld {
					continue
				}
				v := Violation{StaffID: p.ID, Staff: p, WindowID: c.WindowID, On: r.On, Category: CategoryService, Circumstances: complaintCircumstances(&c),
					Source: SourceComplaint, Step: 1, SuggestedStep: 1, StepAction: "口头提醒", NoticeLevel: NoticeVerbal, CreatedAt: now, UpdatedAt: now}
				if _, err := vio.Exec(violationArgs(&v)...); err != nil {
					return err
				}
				if err := audit.add(v); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// BenchmarkImportCommendations3Years imports three years of 表扬 (one each
// working day to one of the 400, about 750) into an empty store, beside the
// bare insert of the same commendations with their audit entries.
func BenchmarkImportCommendations3Years(b *testing.B) {
	benchImportBeside(b, func(st *Store) []CommendationRow {
		list, err := st.StaffList()
		if err != nil {
			b.Fatal(err)
		}
		var rows []CommendationRow
		for k, d := range workingDaysBetween(b, st, st.Today().AddDays(-3*365), st.Today()) {
			rows = append(rows, CommendationRow{EmployeeNo: list[(k*37)%len(list)].EmployeeNo, On: d, Kind: CommendationKinds[k%len(CommendationKinds)],
				Note: fmt.Sprintf("群众来信表扬第%d封", k+1)})
		}
		return rows
	}, (*Store).ImportCommendations, func(b *testing.B, other *Store, rows []CommendationRow) time.Duration {
		_, staff := rosterMaps(b, other)
		now := other.Now()
		return bareWrite(b, other, func(tx *sql.Tx, audit *bareAudit) error {
			ins, err := tx.Prepare(insertCommendationSQL)
			if err != nil {
				return err
			}
			defer ins.Close()
			for _, r := range rows {
				p := staff[r.EmployeeNo]
				c := Commendation{StaffID: p.ID, Staff: p, On: r.On, Kind: r.Kind, Note: r.Note}
				if _, err := ins.Exec(c.StaffID, c.On, c.Kind, c.Note, now, now); err != nil {
					return err
				}
				if err := audit.add(c); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// BenchmarkImportStaff400 imports a roster of 400 into a store with its 40
// windows, beside the bare insert of the same people, each with the 入驻
// entry of their history and the audit entries of both.
func BenchmarkImportStaff400(b *testing.B) {
	var ours, bare time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, other := windows40(b), windows40(b)
		rows := staffRows400()
		b.StartTimer()
		start := time.Now()
		stats, err := st.ImportStaff(rows)
		ours += time.Since(start)
		if err != nil || stats.Created != len(rows) {
			b.Fatal(err, stats)
		}
		b.StopTimer()
		windows, _ := rosterMaps(b, other)
		units, err := other.HomeUnits()
		if err != nil {
			b.Fatal(err)
		}
		unitByName := map[string]HomeUnit{}
		for _, u := range units {
			unitByName[u.Name] = u
		}
		now := other.Now()
		bare += bareWrite(b, other, func(tx *sql.Tx, audit *bareAudit) error {
			ins, err := tx.Prepare(insertStaffSQL)
			if err != nil {
				return err
			}
			defer ins.Close()
			change, err := tx.Prepare(insertStaffChangeSQL)
			if err != nil {
				return err
			}
			defer change.Close()
			for _, r := range rows {
				p := r.Staff
				p.HomeUnit, p.Window, p.Status = unitByName[r.HomeUnitName], windows[r.WindowCode], StatusOnDuty
				p.HomeUnitID, p.WindowID = p.HomeUnit.ID, p.Window.ID
				res, err := ins.Exec(p.EmployeeNo, p.Name, p.Gender, p.IDNumber, p.Mobile, p.HomeUnitID, p.WindowID, p.Post, p.JoinedOn, p.LeftOn, p.Status, now, now)
				if err != nil {
					return err
				}
				id, _ := res.LastInsertId()
				if err := audit.add(p); err != nil {
					return err
				}
				c := StaffChange{StaffID: uint(id), Staff: p, On: p.JoinedOn, Kind: ChangeJoined, ToWindowID: &p.WindowID, ToWindow: &p.Window, ToStatus: p.Status, Note: "批量导入"}
				if _, err := change.Exec(c.StaffID, c.On, c.Kind, c.FromWindowID, c.ToWindowID, c.FromStatus, c.ToStatus, c.Note, "bench", now); err != nil {
					return err
				}
				if err := audit.add(c); err != nil {
					return err
				}
			}
			return nil
		})
		b.StartTimer()
	}
	b.ReportMetric(float64(bare.Milliseconds())/float64(b.N), "bare-ms/op")
	b.ReportMetric(float64(ours)/float64(bare), "x-bare")
}

// BenchmarkImportWindows100 imports 100 windows of 12 home units into an
// empty store, beside the bare insert of the same units and windows with
// their audit entries.
func BenchmarkImportWindows100(b *testing.B) {
	rows := make([]WindowRow, 100)
	for i := range rows {
		rows[i] = WindowRow{Code: fmt.Sprintf("W%03d", i), Name: "综合窗口", HomeUnit: fmt.Sprintf("单位%d", i%12), Area: fmt.Sprintf("%d楼", i%3+1)}
	}
	var ours, bare time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, other := openTemp(b), openTemp(b)
		b.StartTimer()
		start := time.Now()
		stats, err := st.ImportWindows(rows)
		ours += time.Since(start)
		if err != nil || stats.Created != len(rows) {
			b.Fatal(err, stats)
		}
		b.StopTimer()
		now := other.Now()
		bare += bareWrite(b, other, func(tx *sql.Tx, audit *bareAudit) error {
			unit, err := tx.Prepare(`INSERT INTO home_units (name, created_at, updated_at) VALUES (?, ?, ?)`)
			if err != nil {
				return err
			}
			defer unit.Close()
			win, err := tx.Prepare(insertWindowSQL)
			if err != nil {
				return err
			}
			defer win.Close()
			units := map[string]HomeUnit{}
			for _, r := range rows {
				u, ok := units[r.HomeUnit]
				if !ok {
					res, err := unit.Exec(r.HomeUnit, now, now)
					if err != nil {
						return err
					}
					id, _ := res.LastInsertId()
					u = HomeUnit{ID: uint(id), Name: r.HomeUnit}
					units[r.HomeUnit] = u
					if err := audit.add(u); err != nil {
						return err
					}
				}
				w := ServiceWindow{Code: r.Code, Name: r.Name, HomeUnitID: u.ID, HomeUnit: u, Area: r.Area, Active: true}
				if _, err := win.Exec(w.Code, w.Name, w.HomeUnitID, w.Area, w.Active, now, now); err != nil {
					return err
				}
				if err := audit.add(w); err != nil {
					return err
				}
			}
			return nil
		})
		b.StartTimer()
	}
	b.ReportMetric(float64(bare.Microseconds())/1000/float64(b.N), "bare-ms/op")
	b.ReportMetric(float64(ours)/float64(bare), "x-bare")
}
