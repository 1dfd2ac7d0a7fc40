package app

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"govdesk/models"
)

// fillCases writes n cases straight into the store's database file, as
// years of imports leave them: case i is C%05d, received i minutes after
// 2024-01-02 08:00 by the person given, its applicant named by i backwards
// so that sorting by 申请人 is not sorting by number.
func fillCases(st *models.Store, p models.Staff, n int) error {
	first := models.CivilTime(models.NewDate(2024, 1, 2), 8, 0, 0)
	return fillRows(st, n, `INSERT INTO cases (no, matter, kind, applicant, window_id, staff_id, received_at, promised_days, due_on, completed_at, result, approver, created_at, updated_at)
VALUES (?, '企业设立登记', '承诺件', ?, ?, ?, ?, 5, '2024-01-09', '2024-01-03 16:00:00', '准予', '', '2024-01-02 08:00:00', '2024-01-02 08:00:00')`,
		func(i int) []any {
			at := first.Add(time.Duration(i) * time.Minute)
			return []any{fmt.Sprintf("C%05d", i), fmt.Sprintf("申请人%05d", n-1-i), p.WindowID, p.ID, at.Format("2006-01-02 15:04:05")}
		})
}

// fillRows writes n rows into the store's database file with one prepared
// insert in one transaction, row i's values given by args: years of
// records in a moment.
func fillRows(st *models.Store, n int, insert string, args func(i int) []any) error {
	db, err := sql.Open("sqlite3", filepath.Join(st.Dir(), models.DatabaseFile)+"?_busy_timeout=5000")
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.Prepare(insert)
	if err != nil {
		return err
	}
	defer ins.Close()
	for i := 0; i < n; i++ {
		if _, err := ins.Exec(args(i)...); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// onePerson fills a store with one unit, window A01 and 王堃 (ZW100) at it.
func onePerson(st *models.Store) (models.ServiceWindow, models.Staff, error) {
	u := models.HomeUnit{Name: "市市场监督管理局"}
	if err := st.SaveHomeUnit(&u); err != nil {
		return models.ServiceWindow{}, models.Staff{}, err
	}
	w := models.ServiceWindow{Code: "A01", Name: "企业开办综合窗口", HomeUnitID: u.ID, Active: true}
	if err := st.SaveServiceWindow(&w); err != nil {
		return w, models.Staff{}, err
	}
	p := models.Staff{EmployeeNo: "ZW100", Name: "王堃", HomeUnitID: u.ID, WindowID: w.ID,
		Post: models.PostStaff, JoinedOn: models.NewDate(2023, 1, 5), Status: models.StatusOnDuty}
	return w, p, st.SaveStaff(&p)
}

// A register of 20,000 cases shows its count and its newest cases first,
// and a tap on a header sorts the whole register, not the rows read.
func TestLargeRegisterShowsCountAndSortsByHeader(t *testing.T) {
	const n = 20000
	s, _ := newTestShellAt(t, testNow, func(st *models.Store) error {
		_, p, err := onePerson(st)
		if err != nil {
			return err
		}
		return fillCases(st, p, n)
	})
	sc := openCasesScreen(t, s)
	waitFor(t, "the register's count", func() bool { return sc.list.count.Text == fmt.Sprintf("共 %d 条", n) })
	firstRows := func() []string {
		return []string{sc.list.cell(0, 0), sc.list.cell(1, 0), sc.list.cell(2, 0)}
	}
	if got := fmt.Sprint(firstRows()); got != "[C19999 C19998 C19997]" {
		t.Fatalf("first rows %s, want the newest cases", got)
	}
	if got := sc.list.cell(n-1, 0); got != "C00000" {
		t.Fatalf("last row %q, want the oldest case", got)
	}
	if len(sc.list.pages) > 3 {
		t.Fatalf("%d pages read to show the first and last rows", len(sc.list.pages))
	}

	sc.list.sortBy(0) // 办件编号, ascending
	if got := fmt.Sprint(firstRows()); got != "[C00000 C00001 C00002]" {
		t.Fatalf("sorted by 办件编号: %s", got)
	}
	sc.list.sortBy(3) // 申请人: the oldest case has the last name
	if got := sc.list.cell(0, 3) + " " + sc.list.cell(0, 0); got != "申请人00000 C19999" {
		t.Fatalf("sorted by 申请人: first row %s", got)
	}
	sc.list.sortBy(3) // again: descending
	if got := sc.list.cell(0, 3) + " " + sc.list.cell(0, 0); got != "申请人19999 C00000" {
		t.Fatalf("sorted by 申请人 descending: first row %s", got)
	}
	if sc.list.count.Text != fmt.Sprintf("共 %d 条", n) {
		t.Fatalf("count after sorting %q", sc.list.count.Text)
	}

	// the search narrows in the database too
	sc.list.search.SetText("C1999")
	if sc.list.count.Text != fmt.Sprintf("显示 10 / 共 %d 条", n) || sc.list.length() != 10 {
		t.Fatalf("search C1999: %q, %d rows", sc.list.count.Text, sc.list.length())
	}
}
