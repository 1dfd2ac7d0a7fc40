package models

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// Several PCs on one database: two stores on one data folder (on the
// PostgreSQL run, two connections to one server database) stand for two
// PCs working at the same moment.
func twoPCs(t *testing.T) (*Store, *Store) {
	t.Helper()
	dir := t.TempDir()
	var pcs [2]*Store
	for i := range pcs {
		st, err := Open(dir, WithClock(FixedClock(testNow)), WithPCName(fmt.Sprintf("窗口电脑%d", i+1)),
			WithWaiting(time.Minute, func(string, time.Duration) {}))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		pcs[i] = st
	}
	fillTestOffice(t, pcs[0])
	return pcs[0], pcs[1]
}

// Eight prints at once, four on each PC, each planning its 文号 and
// recording it (planning again when another print took the number, as a
// print does): every notice gets its own 文号, and the serials run 1…40
// without a gap.
func TestNoticesPrintedAtOnceOnTwoPCsNeverShareANumber(t *testing.T) {
	a, b := twoPCs(t)
	const printers, each = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, printers)
	for i := range printers {
		st := a
		if i%2 == 1 {
			st = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range each {
				n := &IssuedNotice{Kind: "考勤通报", Ref: fmt.Sprintf("打印者%d-%d", i, j)}
				for {
					if err := st.PlanNotices([]*IssuedNotice{n}); err != nil {
						errs <- err
						return
					}
					// the paper is written while the numbers are held
					err := st.RecordNotices(NoticePrint{New: []*IssuedNotice{n}}, func() error {
						time.Sleep(2 * time.Millisecond)
						return nil
					})
					if errors.Is(err, ErrSerialTaken) {
						continue
					}
					if err != nil {
						errs <- err
						return
					}
					break
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	list, err := b.IssuedNotices("")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != printers*each {
		t.Fatalf("%d notices recorded, want %d", len(list), printers*each)
	}
	seen := map[string]bool{}
	serials := map[int]bool{}
	for _, n := range list {
		if seen[n.DocNo] {
			t.Errorf("文号 %s given twice", n.DocNo)
		}
		seen[n.DocNo], serials[n.Serial] = true, true
	}
	for s := 1; s <= printers*each; s++ {
		if !serials[s] {
			t.Errorf("serial %d missing", s)
		}
	}
	if problems, err := a.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check after the prints: %v %v", problems, err)
	}
}

// Two PCs import punch files at once, partly the same punches: every punch
// is there once, none lost, and the audit log's chain holds.
func TestPunchImportsAtOnceOnTwoPCsLoseNothing(t *testing.T) {
	a, b := twoPCs(t)
	u, w, _ := seedRoster(t, a)
	const people = 6
	for i := range people {
		p := Staff{EmployeeNo: fmt.Sprintf("ZW%02d", i), Name: fmt.Sprintf("人员%d", i), HomeUnitID: u.ID, WindowID: w.ID,
			Post: PostStaff, JoinedOn: NewDate(2025, 1, 2), Status: StatusOnDuty}
		must(t, a.SaveStaff(&p))
	}
	// file k holds days 2k+1 … 2k+4 of November: each overlaps the next
	file := func(k int) []PunchRow {
		var rows []PunchRow
		for d := 2*k + 1; d <= 2*k+4; d++ {
			for i := range people {
				day := NewDate(2026, 11, d)
				rows = append(rows, PunchRow{EmployeeNo: fmt.Sprintf("ZW%02d", i), At: CivilTime(day, 8, 30, i), Device: "一楼"},
					PunchRow{EmployeeNo: fmt.Sprintf("ZW%02d", i), At: CivilTime(day, 17, 35, i), Device: "一楼"})
			}
		}
		return rows
	}
	const files = 12
	var wg sync.WaitGroup
	errs := make(chan error, files)
	for k := range files {
		st := a
		if k%2 == 1 {
			st = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := st.ImportPunches(file(k)); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	list, err := b.Punches(PunchFilter{})
	if err != nil {
		t.Fatal(err)
	}
	days := 2*(files-1) + 4
	if want := days * people * 2; len(list) != want {
		t.Errorf("%d punches after the imports, want %d", len(list), want)
	}
	if problems, err := b.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check after the imports: %v %v", problems, err)
	}
}

// A month locked on one PC refuses the other PC's import into it, though
// that PC had the month open before the lock.
func TestMonthLockedOnOnePCHoldsOnTheOther(t *testing.T) {
	a, b := twoPCs(t)
	u, w, _ := seedRoster(t, a)
	p := Staff{EmployeeNo: "ZW01", Name: "王堃", HomeUnitID: u.ID, WindowID: w.ID, Post: PostStaff,
		JoinedOn: NewDate(2025, 1, 2), Status: StatusOnDuty}
	must(t, a.SaveStaff(&p))
	if locked, err := b.MonthLocked("2026-10"); err != nil || locked {
		t.Fatalf("locked before the lock: %v %v", locked, err)
	}
	confirmGaps(t, a, "2026-10")
	must(t, a.LockMonth("2026-10"))
	_, err := b.ImportPunches([]PunchRow{{EmployeeNo: "ZW01", At: CivilTime(NewDate(2026, 10, 12), 8, 30, 0), Device: "一楼"}})
	if err == nil || !strings.Contains(err.Error(), "封帐") {
		t.Fatalf("import into the month locked on the other PC: %v", err)
	}
	if list, _ := a.Punches(PunchFilter{}); len(list) != 0 {
		t.Errorf("%d punches got into the locked month", len(list))
	}
}

// The audit log says at which PC each change was made, and the name is
// covered by the log's chain like the rest of the entry.
func TestTheAuditLogNamesThePCOfEachChange(t *testing.T) {
	a, b := twoPCs(t)
	must(t, a.SaveHomeUnit(&HomeUnit{Name: "市民政局"}))
	must(t, b.SaveHomeUnit(&HomeUnit{Name: "市公安局"}))
	var log []AuditEntry
	must(t, a.db.Order("id").Find(&log).Error)
	var pcs []string
	for _, e := range log {
		pcs = append(pcs, e.PC)
	}
	if got := strings.Join(pcs, " "); got != "窗口电脑1 窗口电脑2" {
		t.Fatalf("PCs in the log: %q", got)
	}
	must(t, a.db.Model(&AuditEntry{}).Where("id = ?", log[1].ID).UpdateColumn("pc", "窗口电脑1").Error)
	if problems, err := a.Check(); err != nil || len(problems) != 1 || !strings.Contains(problems[0], "市公安局") {
		t.Errorf("check after the PC of an entry was changed: %v %v", problems, err)
	}
}
