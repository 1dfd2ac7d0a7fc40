package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// column of a record table.
type column struct {
	title string
	width float32
}

// record is one pre-formatted row: the cells shown, and the words a search
// matches (for staff: 姓名, 工号, 窗口, 派驻单位).
type record struct {
	id     uint
	cells  []string
	search string
}

// recordTable is a searchable table sorted by tapping a column header, in
// Chinese (pinyin) order. Rows are formatted once, so scrolling only assigns text.
type recordTable struct {
	cols     []column
	all      []record
	view     []int
	query    string
	sortCol  int
	sortDesc bool
	selected uint

	table    *widget.Table
	search   *searchEntry
	count    *widget.Label
	onSelect func(id uint)
	coll     *collate.Collator

	// what shows over an empty table: why it is empty, and a button that
	// clears the search and the screen's own filters (setFilters)
	empty        *fyne.Container
	emptyText    *widget.Label
	clear        *widget.Button
	clearBar     *widget.Button // the same beside the count, while the list is narrowed
	filtered     func() bool
	clearFilters func()

	// onOpen opens a record's form, on a double tap on its row; nil on a
	// list without one.
	onOpen func(id uint)
	// saved briefly says 已保存 after a form's save, beside the count;
	// savesSeen is the count of form saves the rows were last read after,
	// savedShown which showing of it is current
	saved      *widget.Label
	savesSeen  int
	loaded     bool
	savedShown int
	rowFocus   // the selected row drawn whole, its cell in full (table_row.go)

	// pager, when set, reads the rows a page at a time (setPager): the
	// table holds only the pages drawn, and the search and the sort are
	// the store's. shown and total are its counts.
	pager        *pager
	shown, total int
	pages        map[int][]record
}

// pager reads a paged table's rows from the store: page gives at most limit
// rows from the offset-th of those the search words select, sorted by
// column sortCol (-1: the store's own order); count gives how many the
// words select and how many there are in all.
type pager struct {
	page  func(words []string, sortCol int, desc bool, offset, limit int) ([]record, error)
	count func(words []string) (shown, total int, err error)
	// failed tells of a page or count the store could not give.
	failed func(err error)
}

// pageSize is the rows a paged table reads at a time: a few screens.
const pageSize = 100

// setPager makes the table read its rows through p, and reads them.
func (t *recordTable) setPager(p *pager) {
	t.pager = p
	t.reload()
}

// reload reads a paged table's counts again and forgets its pages, after a
// change or a change of the screen's filters.
func (t *recordTable) reload() {
	prev, sel := t.pages[0], t.selected
	t.refilter()
	t.reselect(sel)
	t.afterSave(prev, t.pageRows(0))
}

// length is how many rows the table shows.
func (t *recordTable) length() int {
	if t.pager != nil {
		return t.shown
	}
	return len(t.view)
}

// recordAt is the record shown on a row, reading its page when needed.
func (t *recordTable) recordAt(row int) (record, bool) {
	if row < 0 || row >= t.length() {
		return record{}, false
	}
	if t.pager == nil {
		return t.all[t.view[row]], true
	}
	page := t.pageRows(row / pageSize)
	if i := row % pageSize; i < len(page) {
		return page[i], true
	}
	return record{}, false
}

// pageRows is a page of a paged table, read once.
func (t *recordTable) pageRows(n int) []record {
	if page, ok := t.pages[n]; ok {
		return page
	}
	page, err := t.pager.page(strings.Fields(t.query), t.sortCol, t.sortDesc, n*pageSize, pageSize)
	if err != nil {
		if t.pager.failed != nil {
			t.pager.failed(err)
		}
		return nil
	}
	t.pages[n] = page
	return page
}

func newRecordTable(cols []column, placeholder string, onSelect func(id uint)) *recordTable {
	t := &recordTable{cols: cols, sortCol: -1, onSelect: onSelect,
		coll: collate.New(language.SimplifiedChinese, collate.Numeric), rowFocus: newRowFocus()}
	t.search = newSearchEntry()
	t.search.SetPlaceHolder(placeholder)
	t.search.OnChanged = func(q string) { t.setQuery(q) }
	t.count = widget.NewLabel("")
	t.saved = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	t.saved.Importance = widget.SuccessImportance
	t.saved.Hide()
	t.emptyText = widget.NewLabel("")
	t.clear = widget.NewButton("清除筛选", t.onClear)
	t.clearBar = t.newClearBar()
	t.empty = container.NewCenter(container.NewVBox(t.emptyText, container.NewCenter(t.clear)))
	t.empty.Hide()
	t.table = widget.NewTable(
		func() (int, int) { return t.length(), len(t.cols) },
		func() fyne.CanvasObject { return newRecordCell(t) },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			c := o.(*recordCell)
			c.at = id
			c.SetText(t.cell(id.Row, id.Col))
		},
	)
	t.table.ShowHeaderRow = true
	t.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		return b
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		b.SetText(t.headerText(id.Col))
		col := id.Col
		b.OnTapped = func() { t.sortBy(col) }
	}
	for i, c := range cols {
		t.table.SetColumnWidth(i, c.width)
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		r, ok := t.recordAt(id.Row)
		if !ok {
			return
		}
		t.selected = r.id
		t.focus(id)
		if t.onSelect != nil {
			t.onSelect(t.selected)
		}
	}
	return t
}

func (t *recordTable) headerText(col int) string {
	s := t.cols[col].title
	if col == t.sortCol {
		if t.sortDesc {
			return s + " ▼"
		}
		return s + " ▲"
	}
	return s
}

// setRecords replaces the rows, keeping the search and sort.
func (t *recordTable) setRecords(rs []record) {
	for i := range rs {
		rs[i].search = strings.ToLower(rs[i].search)
	}
	prev, sel := t.all, t.selected
	t.all = rs
	t.refilter()
	t.reselect(sel)
	t.afterSave(prev, t.all)
}

func (t *recordTable) setQuery(q string) {
	t.query = strings.ToLower(strings.TrimSpace(q))
	t.refilter()
}

// sortBy sorts by a column; a second tap on it reverses the order.
func (t *recordTable) sortBy(col int) {
	if t.sortCol == col {
		t.sortDesc = !t.sortDesc
	} else {
		t.sortCol, t.sortDesc = col, false
	}
	t.refilter()
}

func (t *recordTable) refilter() {
	if t.pager != nil {
		t.pages = map[int][]record{}
		shown, total, err := t.pager.count(strings.Fields(t.query))
		if err != nil && t.pager.failed != nil {
			t.pager.failed(err)
		}
		t.shown, t.total = shown, total
		t.count.SetText(countText(shown, total))
		t.table.UnselectAll()
		t.unfocus()
		t.table.Refresh()
		t.showEmpty()
		return
	}
	t.view = t.view[:0]
	words := strings.Fields(t.query)
	for i, r := range t.all {
		if matchesAll(r.search, words) {
			t.view = append(t.view, i)
		}
	}
	if t.sortCol >= 0 {
		c := t.sortCol
		sort.SliceStable(t.view, func(a, b int) bool {
			x, y := t.all[t.view[a]].cells[c], t.all[t.view[b]].cells[c]
			if t.sortDesc {
				x, y = y, x
			}
			return t.coll.CompareString(x, y) < 0
		})
	}
	t.count.SetText(countText(len(t.view), len(t.all)))
	t.table.UnselectAll()
	t.unfocus()
	t.table.Refresh()
	t.showEmpty()
}

// setFilters tells the table about the screen's own filters (month,
// status…): whether any narrows the list, and how to set them all back, so
// an empty list can say it is empty because of them and offer 清除筛选.
func (t *recordTable) setFilters(active func() bool, clear func()) {
	t.filtered, t.clearFilters = active, clear
	t.showEmpty()
}

// showEmpty says why no row shows: nothing matches the filters (with a
// button to clear them), or there are no records yet.
func (t *recordTable) showEmpty() {
	t.showClearBar()
	if t.length() > 0 {
		t.empty.Hide()
		return
	}
	if t.query != "" || (t.filtered != nil && t.filtered()) {
		t.emptyText.SetText("没有符合筛选条件的记录")
		t.clear.Show()
	} else {
		t.emptyText.SetText("还没有记录")
		t.clear.Hide()
	}
	t.empty.Show()
}

// onClear empties the search box and sets the screen's filters back.
func (t *recordTable) onClear() {
	t.search.SetText("")
	if t.clearFilters != nil {
		t.clearFilters()
	}
	t.showEmpty()
}

func matchesAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

func countText(shown, total int) string {
	if shown == total {
		return fmt.Sprintf("共 %d 条", total)
	}
	return fmt.Sprintf("显示 %d / 共 %d 条", shown, total)
}

// rows returns the rows shown, in order (what a person sees in the table).
func (t *recordTable) rows() [][]string {
	out := make([][]string, t.length())
	for i := range out {
		r, _ := t.recordAt(i)
		out[i] = r.cells
	}
	return out
}

func (t *recordTable) cell(row, col int) string {
	r, ok := t.recordAt(row)
	if !ok || col >= len(t.cols) || col >= len(r.cells) {
		return ""
	}
	return r.cells[col]
}

// rowOf is the row a record shows on, among the rows read; -1 when none.
func (t *recordTable) rowOf(id uint) int {
	if t.pager == nil {
		for row, v := range t.view {
			if t.all[v].id == id {
				return row
			}
		}
		return -1
	}
	for n, page := range t.pages {
		for i, r := range page {
			if r.id == id {
				return n*pageSize + i
			}
		}
	}
	return -1
}

// selectID selects the row of a record, if shown.
func (t *recordTable) selectID(id uint) {
	if row := t.rowOf(id); row >= 0 {
		t.table.Select(widget.TableCellID{Row: row, Col: 0})
	}
}

// layout gives the table with the search box and tools above it.
func (t *recordTable) layout(tools ...fyne.CanvasObject) fyne.CanvasObject {
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(append([]fyne.CanvasObject{t.saved, t.count, t.clearBar}, tools...)...), t.search)
	return container.NewBorder(bar, t.full, nil, nil, container.NewStack(t.table, t.empty))
}

// styleCells lets a screen colour single cells: importance gives the
// importance of a record's column (MediumImportance for plain text). The
// cell update still only assigns text and importance.
func (t *recordTable) styleCells(importance func(id uint, col int) widget.Importance) {
	t.table.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*recordCell)
		l.at = id
		imp := widget.MediumImportance
		if r, ok := t.recordAt(id.Row); ok {
			imp = importance(r.id, id.Col)
		}
		l.Importance = imp
		l.SetText(t.cell(id.Row, id.Col)) // refreshes the importance too
	}
}

// onQuery runs changed after the search box changed the rows shown (the
// table drops its selection then).
func (t *recordTable) onQuery(changed func()) {
	search := t.search.OnChanged
	t.search.OnChanged = func(q string) {
		search(q)
		t.selected = 0
		changed()
	}
}

// shownIDs gives the records shown, in their order.
func (t *recordTable) shownIDs() []uint {
	out := make([]uint, t.length())
	for i := range out {
		r, _ := t.recordAt(i)
		out[i] = r.id
	}
	return out
}

// importanceOf gives the importance a shown row's cell is drawn with.
func (t *recordTable) importanceOf(row, col int) widget.Importance {
	l := newRecordCell(t)
	t.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, l)
	return l.Importance
}
