package app

import (
	"fmt"
	"testing"

	"govdesk/models"
)

// fillRatings writes n ratings of window w straight into the store's
// database file, as years of imports leave them: rating i is dated i/40
// days after 2024-01-01, carries case HC%05d, and every fifth is a 不满意
// with no person named.
func fillRatings(st *models.Store, w models.ServiceWindow, p models.Staff, n int) error {
	first := models.NewDate(2024, 1, 1)
	return fillRows(st, n, `INSERT INTO ratings ("on", window_id, staff_id, level, case_no, comment, rectify_status, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, '', '2024-01-01 08:00:00', '2024-01-01 08:00:00')`,
		func(i int) []any {
			var staff any = p.ID
			level, comment := models.RatingVeryGood, "热情周到"
			if i%5 == 0 {
				staff, level, comment = nil, models.RatingPoor, "等候太久"
			}
			return []any{first.AddDays(i / 40).String(), w.ID, staff, level, fmt.Sprintf("HC%05d", i), comment}
		})
}

// 评价明细 over 20,000 ratings shows the month's count and its newest
// ratings first, all months when asked, and sorts, searches and filters by
// level in the database.
func TestAllRatingsTabPagesTwentyThousandRatings(t *testing.T) {
	const n = 20000
	s, _ := newTestShellAt(t, testNow, func(st *models.Store) error {
		w, p, err := onePerson(st)
		if err != nil {
			return err
		}
		return fillRatings(st, w, p, n)
	})
	s.show("评价表扬")
	sc := s.screens["评价表扬"].(*ratingsScreen)
	sc.tabs.Select(sc.aTabItem)
	list := sc.all
	// the ratings end on 2025-05-14 (day 499): the month chosen first has none
	waitFor(t, "the month's empty list", func() bool { return list.pager != nil && list.count.Text == "共 0 条" })

	sc.aMonth.SetSelected(allMonths)
	waitFor(t, "every rating counted", func() bool { return list.count.Text == fmt.Sprintf("共 %d 条", n) })
	if got := list.cell(0, 4) + " " + list.cell(0, 0); got != "HC19999 2025-05-14" {
		t.Fatalf("first row %s, want the newest rating", got)
	}
	if got := list.cell(n-1, 4); got != "HC00000" {
		t.Fatalf("last row %s, want the oldest rating", got)
	}
	if len(list.pages) > 3 {
		t.Fatalf("%d pages read to show the first and last rows", len(list.pages))
	}
	if got := list.cell(1, 2); got != "ZW100 王堃" {
		t.Fatalf("被评价人 %q", got)
	}

	list.sortBy(4) // 办件编号, ascending
	if got := list.cell(0, 4); got != "HC00000" {
		t.Fatalf("sorted by 办件编号: first row %s", got)
	}
	list.sortBy(3) // 评价: 不满意 sorts before 非常满意 in the database's order
	if got := list.cell(0, 3); got != models.RatingPoor {
		t.Fatalf("sorted by 评价: first row %s", got)
	}

	list.search.SetText("HC1999")
	if list.count.Text != fmt.Sprintf("显示 10 / 共 %d 条", n) || list.length() != 10 {
		t.Fatalf("search HC1999: %q, %d rows", list.count.Text, list.length())
	}
	list.search.SetText("")

	sc.aLevel.SetSelected(models.RatingPoor)
	waitFor(t, "the 不满意 ratings counted", func() bool { return list.count.Text == fmt.Sprintf("共 %d 条", n/5) })
	sc.aMonth.SetSelected(sc.aMonth.Options[1])
	waitFor(t, "the first month's 不满意 counted", func() bool { return list.count.Text == "共 0 条" })
}

// The overview's 超期未完成整改 tile opens the 差评 ledger at its overdue
// items, past the new 评价明细 tab.
func TestOverdueRectificationTileOpensTheLedger(t *testing.T) {
	s, _ := newTestShell(t)
	s.open(overdueRectifications{})
	sc := s.screens["评价表扬"].(*ratingsScreen)
	if sc.tabs.Selected() != sc.ledgerTab || sc.rState.Selected != overdueItems {
		t.Fatalf("tab %q, state %q", sc.tabs.Selected().Text, sc.rState.Selected)
	}
}
