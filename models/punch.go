package models

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Punch is one clock-in at the attendance machine, or a correction (补卡)
// entered with a reason and an approver. Punches are matched on person and
// time, so the same machine export imported twice adds nothing.
type Punch struct {
	ID         uint      `gorm:"primaryKey"`
	StaffID    uint      `gorm:"not null;uniqueIndex:idx_punches_at_staff,priority:2"`
	Staff      Staff     `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	At         time.Time `gorm:"serializer:civil;type:datetime;not null;uniqueIndex:idx_punches_at_staff,priority:1"` // to the second
	Device     string    `gorm:"size:64"`
	Correction bool      `gorm:"not null;default:false"`
	Reason     string    `gorm:"size:256"` // of a correction
	Approver   string    `gorm:"size:64"`
	// Source is where an imported punch came from: the raw file's name
	// and row ("1_attlog.dat 第12行").
	Source string `gorm:"size:160"`
	// DeviceResult is what the machine or app itself made of the punch
	// (DingTalk's 打卡结果 such as 迟到): kept for reference only, GovDesk
	// judges by the centre's rules.
	DeviceResult string `gorm:"size:32"`
	CreatedAt    time.Time
}

func (p Punch) auditEntity() string {
	if p.Correction {
		return "补卡"
	}
	return "打卡"
}
func (p Punch) auditKey() string {
	return fmt.Sprintf("%s %s %s", p.Staff.EmployeeNo, p.Staff.Name, FormatDateTime(p.At))
}
func (p Punch) auditFields() []AuditField {
	return []AuditField{
		{"人员", p.Staff.EmployeeNo + " " + p.Staff.Name}, {"打卡时间", FormatDateTime(p.At)},
		{"设备", p.Device}, {"补卡", yesNo(p.Correction)}, {"事由", p.Reason}, {"审批人", p.Approver},
	}
}

// Kind says 补卡 for a correction and 打卡 otherwise, as lists show it.
func (p Punch) Kind() string { return p.auditEntity() }

// punchImport is the audit record of one punch import: the punches
// themselves are too many to log one by one.
type punchImport struct {
	added, skipped int
	from, to       time.Time
	people         int
}

func (r punchImport) auditEntity() string { return "打卡" }
func (r punchImport) auditKey() string    { return "批量导入" }
func (r punchImport) auditFields() []AuditField {
	span := ""
	if !r.from.IsZero() {
		span = FormatDateTime(r.from) + " 至 " + FormatDateTime(r.to)
	}
	return []AuditField{
		{"新增", fmt.Sprintf("%d条", r.added)}, {"跳过重复", fmt.Sprintf("%d条", r.skipped)},
		{"人数", fmt.Sprintf("%d人", r.people)}, {"时间范围", span},
	}
}

// PunchRow is one punch as an attendance-machine export gives it. Name, when
// given, must agree with the roster.
type PunchRow struct {
	EmployeeNo string
	Name       string
	At         time.Time
	Device     string
	// Source is the file the punch was read from, Line its row there (0
	// when Source says it all): a file's rows share one Source text, so a
	// million punches do not carry a million copies of it.
	Source string
	Line   int
}

// source is the 来源 stored with the punch: the file and its row.
func (r PunchRow) source() string {
	if r.Line == 0 {
		return r.Source
	}
	return r.Source + " 第" + strconv.Itoa(r.Line) + "行"
}

// ImportPunches adds punches in one transaction. Every 工号 must be on the
// roster (with the same 姓名 when one is given); punches already stored and
// repeats within rows are skipped, so importing the same file twice adds
// nothing. Stats count added punches as Created and skipped ones as
// Unchanged. A row adding a punch to a locked month refuses the whole import.
func (s *Store) ImportPunches(rows []PunchRow) (ImportStats, error) {
	sum, err := s.ImportPunchRows(rows, false)
	return sum.Stats, err
}

// PunchRowsSummary is what an import of GovDesk's own punch file did, or
// would do.
type PunchRowsSummary struct {
	Stats        ImportStats
	People, Days int
	PerDevice    map[string]int // punches to add per machine
	From, To     time.Time
}

// ImportPunchRows is ImportPunches that also says how many people, days and
// punches per machine the rows add; with dryRun it writes nothing (the rows
// are added and taken back, so the figures are the import's own).
func (s *Store) ImportPunchRows(rows []PunchRow, dryRun bool) (PunchRowsSummary, error) {
	return s.ImportPunchBatches([][]PunchRow{rows}, dryRun)
}

// ImportPunchBatches is ImportPunchRows of rows kept in batches, in order.
func (s *Store) ImportPunchBatches(batches [][]PunchRow, dryRun bool) (PunchRowsSummary, error) {
	imp := s.StartPunchImport(dryRun)
	for _, b := range batches {
		imp.Add(b)
	}
	return imp.Finish(true)
}

// PunchImport is ImportPunchRows taking its rows while a file is still
// being read: its transaction begins at StartPunchImport and checks and
// inserts each batch as it comes, so SQLite works on one core while the
// file is read on the other, and a batch inserted is let go. Finish(true)
// ends it, keeping the rows only if every one was good (all problems
// named); Finish(false) abandons it, as when the file turns out bad
// further down. One of them must be called, once.
//
// What outlives a row is 8 bytes to count people and days. While SQLite
// adds one batch, another goroutine checks the next and makes it ready
// (person, time and 来源 as the statement takes them); the database skips
// the punches it holds already, repeats in the file included.
type PunchImport struct {
	rows chan []PunchRow
	keep chan bool
	done chan struct{}
	sum  PunchRowsSummary
	err  error
}

// StartPunchImport begins an import of punch rows (see PunchImport).
func (s *Store) StartPunchImport(dryRun bool) *PunchImport {
	imp := &PunchImport{rows: make(chan []PunchRow, 2), keep: make(chan bool, 1), done: make(chan struct{})}
	go func() {
		defer close(imp.done)
		imp.sum, imp.err = s.importPunchStream(imp.rows, imp.keep, dryRun)
	}()
	return imp
}

// Add hands the import a batch of rows, in the file's order; it waits
// while the database is a few batches behind.
func (imp *PunchImport) Add(rows []PunchRow) {
	if len(rows) > 0 {
		imp.rows <- rows
	}
}

// Finish ends the import: with keep, what it added is kept if every row was
// good; without, nothing is.
func (imp *PunchImport) Finish(keep bool) (PunchRowsSummary, error) {
	close(imp.rows)
	imp.keep <- keep
	<-imp.done
	return imp.sum, imp.err
}

// errAbandoned takes back a punch import whose file turned out bad.
var errAbandoned = errors.New("abandoned")

func (s *Store) importPunchStream(in <-chan []PunchRow, keep <-chan bool, dryRun bool) (PunchRowsSummary, error) {
	var sum PunchRowsSummary
	told := false // keep has been read
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		sum = PunchRowsSummary{PerDevice: map[string]int{}}
		roster, err := rosterByNo(tx)
		if err != nil {
			return err
		}
		// the id and name of each person, not a whole record per row
		byNo := make(map[string]punchMember, len(roster))
		var maxID uint
		for no, p := range roster {
			byNo[no] = punchMember{p.ID, p.Name}
			maxID = max(maxID, p.ID)
		}
		locked, err := lockedMonths(tx)
		if err != nil {
			return err
		}
		lockedNos := map[int]bool{} // year*12 + month-1
		for m := range locked {
			if first, err := ParseMonth(m); err == nil {
				lockedNos[first.Year()*12+int(first.Month())-1] = true
			}
		}
		ins, err := newPunchInserter(tx, a.at)
		if err != nil {
			return err
		}
		defer ins.close()
		check := checkPunches(in, byNo, lockedNos)
		defer check.stop()
		var added []uint64 // person<<32 | civil day of the punches added
		// each person's day last listed in added: a file's punches of a
		// person and day come together, and are listed once
		lastDay := make([]uint32, maxID+1)
		rows := 0
		restore := func() {} // the connection's own cache, once widened
		defer func() { restore() }()
		for batch := range check.ready {
			if rows += len(batch.rows); rows > punchCacheRows && rows-len(batch.rows) <= punchCacheRows {
				wide, err := widenCache(tx, punchCacheKB)
				if err != nil {
					return err
				}
				restore = wide
			}
			for i := range batch.rows {
				t := &batch.rows[i]
				ok, err := ins.addReady(t)
				if err != nil {
					return err
				}
				if !ok {
					sum.Stats.Unchanged++
					continue
				}
				sum.Stats.Created++
				sum.PerDevice[t.device]++
				if person, day := t.day>>32, uint32(t.day); lastDay[person] != day {
					lastDay[person] = day
					added = append(added, t.day)
				}
				if sum.From.IsZero() || t.t.Before(sum.From) {
					sum.From = t.t
				}
				if t.t.After(sum.To) {
					sum.To = t.t
				}
			}
			batch.free()
		}
		told = true
		if !<-keep {
			return errAbandoned
		}
		if len(check.problems) > 0 {
			return refused("打卡记录有误，未导入任何数据：" + strings.Join(check.problems, "；"))
		}
		months := make(map[string]bool, len(check.months))
		for m := range check.months {
			months[MonthOf(NewDate(m/12, time.Month(m%12+1), 1))] = true
		}
		// the rows of locked months were held back: they pass only if
		// every one is stored already
		if err := refuseLockedPunches(tx, check.inLocked, months); err != nil {
			return err
		}
		sum.Stats.Unchanged += len(check.inLocked)
		sum.People, sum.Days = peopleAndDays(added)
		if dryRun {
			return errDryRun
		}
		if sum.Stats.Created > 0 {
			a.create(punchImport{added: sum.Stats.Created, skipped: sum.Stats.Unchanged, from: sum.From, to: sum.To, people: sum.People})
		}
		return nil
	})
	if !told {
		// the transaction ended early (or never began): the rows still
		// sent, and the word to end, are taken and let go
		for range in {
		}
		<-keep
	}
	if errors.Is(err, errDryRun) || errors.Is(err, errAbandoned) {
		err = nil
	}
	return sum, err
}

// punchMember is what a punch import needs of a person: the id and name.
type punchMember struct {
	id   uint
	name string
}

// readyPunch is a checked row as the insert statement takes it.
type readyPunch struct {
	staffID        int64
	at             string // civil time, as stored
	device, source string
	t              time.Time
	day            uint64 // person<<32 | civil day
}

// punchBatch is a run of rows made ready together; free hands its memory
// back for the next run.
type punchBatch struct {
	rows []readyPunch
	pool chan []readyPunch
}

func (b punchBatch) free() {
	select {
	case b.pool <- b.rows[:0]:
	default:
	}
}

// punchBatchRows is how many rows are made ready at a time.
const punchBatchRows = 2048

// punchCheck checks the rows of a punch import on another goroutine, a
// batch at a time, and makes the good ones ready for the insert statement
// (ready), a few batches ahead. Rows of locked months are held back
// (inLocked), and once a row is bad no more are made ready: the import
// will be refused, but every bad row is named. problems, months and
// inLocked are whole once ready is closed; stop ends it early.
type punchCheck struct {
	ready    chan punchBatch
	problems []string
	months   map[int]bool // year*12 + month-1 of the good rows
	inLocked []newPunch
	done     chan struct{}
}

func checkPunches(in <-chan []PunchRow, byNo map[string]punchMember, lockedNos map[int]bool) *punchCheck {
	const ahead = 3
	c := &punchCheck{ready: make(chan punchBatch, ahead), months: map[int]bool{}, done: make(chan struct{})}
	pool := make(chan []readyPunch, ahead+2)
	go func() {
		defer close(c.ready)
		lastNo := -1
		for rows := range in {
			for start := 0; start < len(rows); start += punchBatchRows {
				var buf []readyPunch
				select {
				case buf = <-pool:
				default:
					buf = make([]readyPunch, 0, punchBatchRows)
				}
				for _, r := range rows[start:min(start+punchBatchRows, len(rows))] {
					p, ok := byNo[r.EmployeeNo]
					switch {
					case !ok:
						c.problems = append(c.problems, fmt.Sprintf("工号 %s 不在人员名册中", r.EmployeeNo))
						continue
					case r.Name != "" && r.Name != p.name:
						c.problems = append(c.problems, fmt.Sprintf("工号 %s 在名册中是%s，不是%s", r.EmployeeNo, p.name, r.Name))
						continue
					case r.At.IsZero():
						c.problems = append(c.problems, fmt.Sprintf("工号 %s 的打卡时间为空", r.EmployeeNo))
						continue
					}
					at := Civil(r.At)
					y, m, d := at.Date()
					no := y*12 + int(m) - 1
					if no != lastNo { // a file's rows come a month after another
						c.months[no], lastNo = true, no
					}
					if lockedNos[no] {
						c.inLocked = append(c.inLocked, newPunch{StaffID: p.id, At: at})
						continue
					}
					if len(c.problems) == 0 {
						buf = append(buf, readyPunch{staffID: int64(p.id), at: civilArg(at), device: strings.TrimSpace(r.Device),
							source: r.source(), t: at, day: uint64(p.id)<<32 | uint64(y*372+int(m)*31+d)})
					}
				}
				if len(buf) == 0 {
					continue
				}
				select {
				case c.ready <- punchBatch{buf, pool}:
				case <-c.done:
					return
				}
			}
		}
	}()
	return c
}

func (c *punchCheck) stop() {
	select {
	case <-c.done:
	default:
		close(c.done)
	}
}

// peopleAndDays counts the people and the person-days among keys
// (person<<32 | day).
func peopleAndDays(keys []uint64) (people, days int) {
	slices.Sort(keys)
	var lastPerson uint64 = 1<<64 - 1
	for i, k := range keys {
		if i > 0 && k == keys[i-1] {
			continue
		}
		days++
		if k>>32 != lastPerson {
			people, lastPerson = people+1, k>>32
		}
	}
	return people, days
}

// A large punch import writes into two B-trees at once (the table and the
// time-and-person index), at hundreds of places when a file's rows are not
// in time order; with SQLite's default 2 MB page cache it writes the same
// pages out again and again (a million punches took 2.5 times as long when
// a person-and-time index took every row out of order). An import of more
// than punchCacheRows rows gets a cache of punchCacheKB for its
// transaction, and the connection its default back after it.
const (
	punchCacheRows = 20000
	punchCacheKB   = 32 << 10
)

// insertPunchSQL adds one tap at a machine unless the person already has a
// punch at that second.
const insertPunchSQL = `INSERT INTO punches (staff_id, at, device, correction, reason, approver, source, device_result, created_at)
VALUES (?, ?, ?, FALSE, '', '', ?, ?, ?) ON CONFLICT (at, staff_id) DO NOTHING`

// newPunch is a punch at a machine on its way into the database: what the
// punch table stores of it, without the Staff record a Punch carries.
type newPunch struct {
	StaffID                      uint
	At                           time.Time
	Device, Source, DeviceResult string
}

// insertPunches adds taps at machines (corrections are added one by one,
// AddCorrection), recorded at created, in the transaction tx, and says how
// many were new.
func insertPunches(tx *gorm.DB, taps []newPunch, created time.Time) (int64, error) {
	if len(taps) == 0 {
		return 0, nil
	}
	ins, err := newPunchInserter(tx, created)
	if err != nil {
		return 0, err
	}
	defer ins.close()
	var added int64
	for _, t := range taps {
		ok, err := ins.add(t)
		if err != nil {
			return added, err
		}
		if ok {
			added++
		}
	}
	return added, nil
}

// punchInserter adds taps one by one with one prepared statement. An import
// of a machine's year holds hundreds of thousands of rows: building
// entities, one statement text per batch and ids read back would cost more
// than SQLite's own work.
type punchInserter struct {
	tx        *gorm.DB
	stmt      *sql.Stmt
	createdAt string
}

func newPunchInserter(tx *gorm.DB, created time.Time) (*punchInserter, error) {
	stmt, err := tx.Statement.ConnPool.PrepareContext(tx.Statement.Context, rebind(tx, insertPunchSQL))
	if err != nil {
		return nil, err
	}
	return &punchInserter{tx: tx, stmt: stmt, createdAt: sqliteTime(created)}, nil
}

// add inserts t and reports whether it was new.
func (p *punchInserter) add(t newPunch) (bool, error) {
	res, err := p.stmt.ExecContext(p.tx.Statement.Context, t.StaffID, civilArg(t.At), t.Device, t.Source, t.DeviceResult, p.createdAt)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// addReady inserts a row checkPunches made ready and reports whether it
// was new.
func (p *punchInserter) addReady(t *readyPunch) (bool, error) {
	res, err := p.stmt.ExecContext(p.tx.Statement.Context, t.staffID, t.at, t.device, t.source, "", p.createdAt)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

func (p *punchInserter) close() { p.stmt.Close() }

// refuseLockedPunches refuses punches that would be new in a locked month;
// ones already stored change nothing and pass.
func refuseLockedPunches(tx *gorm.DB, punches []newPunch, months map[string]bool) error {
	locked, err := lockedMonths(tx)
	if err != nil || len(locked) == 0 {
		return err
	}
	var hit []string
	for m := range months {
		if locked[m] {
			hit = append(hit, m)
		}
	}
	if len(hit) == 0 {
		return nil
	}
	sort.Strings(hit)
	for _, m := range hit {
		first, _ := ParseMonth(m)
		next := NewDate(first.Year(), first.Month()+1, 1)
		type key struct {
			id uint
			at int64
		}
		stored := map[key]bool{}
		rows, err := tx.Model(&Punch{}).Select("staff_id", "at").
			Where("at >= ? AND at < ?", first.sqlStart(), next.sqlStart()).Rows()
		if err != nil {
			return err
		}
		for rows.Next() {
			var id uint
			var at time.Time
			if err := rows.Scan(&id, civilScan{&at}); err != nil {
				rows.Close()
				return err
			}
			stored[key{id, Civil(at).Unix()}] = true
		}
		rows.Close()
		for _, p := range punches {
			if MonthOf(DateOf(p.At)) == m && !stored[key{p.StaffID, p.At.Unix()}] {
				return refuseLocked(tx, "再导入该月的打卡记录", m)
			}
		}
	}
	return nil
}

// AddCorrection records an approved punch correction (补卡) for a person: it
// counts as a punch at the given time and is shown as a correction.
func (s *Store) AddCorrection(staffID uint, at time.Time, reason, approver string) (Punch, error) {
	p := Punch{StaffID: staffID, At: Civil(at), Correction: true,
		Reason: strings.TrimSpace(reason), Approver: strings.TrimSpace(approver), Device: "补卡"}
	var fe FieldErrors
	if staffID == 0 {
		fe.add("工号", "请选择补卡人员")
	}
	if at.IsZero() {
		fe.add("补卡时间", "请填写补卡时间")
	}
	switch {
	case p.Reason == "":
		fe.add("事由", "请写明补卡事由（例如：考勤机故障未能打卡）")
	case len([]rune(p.Reason)) > 200:
		fe.add("事由", "事由不能超过200个字")
	}
	switch {
	case p.Approver == "":
		fe.add("审批人", "请填写批准补卡的审批人")
	case len([]rune(p.Approver)) > 32:
		fe.add("审批人", "审批人不能超过32个字")
	}
	if len(fe) > 0 {
		return p, fe
	}
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		var who Staff
		if err := tx.Limit(1).Find(&who, staffID).Error; err != nil {
			return err
		}
		if who.ID == 0 {
			return FieldErrors{{"工号", "所选人员不存在，可能已被删除"}}
		}
		if err := refuseLocked(tx, "补卡", MonthOf(DateOf(p.At))); err != nil {
			return err
		}
		var clash Punch
		if err := tx.Where("staff_id = ? AND at = ?", staffID, civilArg(p.At)).Limit(1).Find(&clash).Error; err != nil {
			return err
		}
		if clash.ID != 0 {
			return FieldErrors{{"补卡时间", fmt.Sprintf("%s %s 已有一条%s记录，无需补卡", who.Name, FormatDateTime(p.At), clash.Kind())}}
		}
		if err := tx.Omit(clause.Associations).Create(&p).Error; err != nil {
			return err
		}
		p.Staff = who
		a.create(p)
		return nil
	})
	return p, err
}

// DeleteCorrection deletes a correction entered by mistake. Machine punches
// are records and are never deleted.
func (s *Store) DeleteCorrection(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var p Punch
		if err := tx.Preload("Staff").First(&p, id).Error; err != nil {
			return notFound(err)
		}
		if !p.Correction {
			return refused("考勤机的打卡记录不能删除，只能删除补卡")
		}
		if err := refuseLocked(tx, "删除补卡", MonthOf(DateOf(p.At))); err != nil {
			return err
		}
		if err := tx.Omit(clause.Associations).Delete(&Punch{}, p.ID).Error; err != nil {
			return err
		}
		a.delete(p)
		return nil
	})
}

// PunchFilter narrows the punch list; empty fields match everything.
type PunchFilter struct {
	StaffID         uint
	From, To        Date // inclusive
	Limit           int
	CorrectionsOnly bool // only 补卡
}

// Punches lists punches and corrections with the person, in time order.
func (s *Store) Punches(f PunchFilter) ([]Punch, error) {
	q := s.db.Model(&Punch{}).Preload("Staff").Order("at, staff_id")
	if f.StaffID != 0 {
		q = q.Where("staff_id = ?", f.StaffID)
	}
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From.sqlStart())
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To.AddDays(1).sqlStart())
	}
	if f.CorrectionsOnly {
		q = q.Where("correction = ?", true)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var out []Punch
	return out, q.Find(&out).Error
}

// PunchLines gives the punches the filter lets through, in time order,
// as the punch file writes them: 工号, 姓名, 打卡时间 (to the minute), 设备,
// 来源, 考勤机判定. Three years of a large centre are a million lines: they
// are read as text in one query, where Punches gives each a record with
// its person's whole record.
func (s *Store) PunchLines(f PunchFilter) ([][]string, error) {
	q := `SELECT COALESCE(s.employee_no, ''), COALESCE(s.name, ''), p.at, COALESCE(p.device, ''), COALESCE(p.source, ''),
COALESCE(p.device_result, '')
FROM punches p LEFT JOIN staff s ON s.id = p.staff_id WHERE 1 = 1`
	var args []any
	if f.StaffID != 0 {
		q += " AND p.staff_id = ?"
		args = append(args, f.StaffID)
	}
	if !f.From.IsZero() {
		q += " AND p.at >= ?"
		args = append(args, f.From.sqlStart())
	}
	if !f.To.IsZero() {
		q += " AND p.at < ?"
		args = append(args, f.To.AddDays(1).sqlStart())
	}
	if f.CorrectionsOnly {
		q += " AND p.correction = ?"
		args = append(args, true)
	}
	q += " ORDER BY p.at, p.staff_id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.db.Raw(q, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		var no, name, device, source, result string
		var at time.Time
		if err := rows.Scan(&no, &name, civilScan{&at}, &device, &source, &result); err != nil {
			return nil, err
		}
		out = append(out, []string{no, name, FormatDateTime(at), device, source, result})
	}
	return out, rows.Err()
}

// migratePunchIndex gives punches one index, unique on time and person, in
// place of one on person and time and another on time. Every read of
// punches is of a span of time (a month, a file's span), for everyone or a
// few people, and a file's punches come in time order: they are added at
// the end of this index, where the one on person and time took them all
// over its pages. A large import adds rows about half as fast again.
func migratePunchIndex(tx *gorm.DB) error {
	for _, q := range []string{
		"DROP INDEX IF EXISTS idx_punches_at",
		"DROP INDEX IF EXISTS idx_punches_staff_at",
		"CREATE UNIQUE INDEX IF NOT EXISTS idx_punches_at_staff ON punches (at, staff_id)",
	} {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}
