package app

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// dashboardData is what the overview's dashboard reads: the month's sheet,
// its lock and scores, and what is waiting or overdue.
type dashboardData interface {
	clock
	AttendanceSheet(month string, f models.AttendanceFilter) (models.AttendanceSheet, error)
	MonthLocked(month string) (bool, error)
	ScoreMonth(month string) (models.MonthScores, error)
	Leaves(models.LeaveFilter) ([]models.LeaveRequest, error)
	BadgeLoans(models.BadgeLoanFilter) ([]models.BadgeLoan, error)
	OverdueBadges(today models.Date) ([]models.BadgeLoan, error)
	Cases(models.CaseFilter) ([]models.Case, error)
	Complaints(models.ComplaintFilter) ([]models.Complaint, error)
	Ratings(models.RatingFilter) ([]models.Rating, error)
}

// dashboard is the overview's month at a glance: a chart of the month's
// attendance by day, the 满意窗口 standing, and tiles for what waits or is
// overdue. Every tile is a button that opens the screen where it is dealt
// with. All dates come from the store's clock.
type dashboard struct {
	shell *shell
	data  dashboardData
	month models.Date // first day of the month shown

	chart                               *rateChart
	attendance, standing                *dashTile
	pending, cases, complaints, rectify *dashTile
	badges, lock                        *dashTile
	lockMonth                           models.Date // the month the lock tile opens
	box                                 *fyne.Container
	// shown runs after new figures are shown: the screen lays itself out
	// again, as a tile's lines may have grown
	shown func()
}

func newDashboard(s *shell, d dashboardData) *dashboard {
	db := &dashboard{shell: s, data: d}
	db.chart = newRateChart()
	db.attendance = newDashTile("本月每日出勤率", db.chart, func() { s.open(attendanceMonth{db.month}) })
	db.standing = newDashTile("满意窗口 当前排名", nil, func() {
		s.open(selectionRequest{kind: models.SelectWindow, period: models.MonthOf(db.month)})
	})
	// five lines of windows in the text size of a list; the line under
	// them is cut short rather than spill over the tile
	db.standing.value.SizeName = theme.SizeNameText
	db.standing.detail.Truncation = fyne.TextTruncateEllipsis
	db.standing.detail.Wrapping = fyne.TextWrapOff
	db.pending = newDashTile("待审批请假", nil, func() { s.open(pendingLeaves{}) })
	db.cases = newDashTile("超期未办结办件", nil, func() { s.open(overdueCases{}) })
	db.complaints = newDashTile("超期未办结投诉", nil, func() { s.open(overdueComplaintList{}) })
	db.rectify = newDashTile("超期未完成整改", nil, func() { s.open(overdueRectifications{}) })
	db.badges = newDashTile("临时挂牌、座牌在外", nil, func() { s.open(badgeInventory{}) })
	db.lock = newDashTile("考勤封帐", nil, func() { s.open(attendanceMonth{db.lockMonth}) })
	db.box = container.NewVBox(
		container.NewBorder(nil, nil, nil, fixedBox(db.standing.box, 340), db.attendance.box),
		container.NewGridWithColumns(3, db.pending.box, db.cases.box, db.complaints.box,
			db.rectify.box, db.badges.box, db.lock.box),
	)
	db.shown = db.box.Refresh
	return db
}

// dashFacts is what reload reads, off the UI goroutine.
type dashFacts struct {
	month, lastMonth           models.Date
	rates                      []models.DayRate
	scores                     models.MonthScores
	scoreErr                   error
	pending, pendingPast       int
	cases, complaints, rectify int
	badgesOut, badgesLate      int
	locked, lastLocked         bool
	nobody                     bool // nobody is in service this month
}

func (db *dashboard) reload() {
	var f dashFacts
	db.shell.async(func() error {
		today := db.data.Today()
		f.month = models.NewDate(today.Year(), today.Month(), 1)
		f.lastMonth = models.NewDate(today.Year(), today.Month()-1, 1)
		month := models.MonthOf(f.month)
		sheet, err := db.data.AttendanceSheet(month, models.AttendanceFilter{})
		if err != nil {
			return err
		}
		f.rates = sheet.DailyRates()
		f.nobody = len(sheet.Summaries) == 0
		// a month without records cannot be scored yet: the tile says so
		f.scores, f.scoreErr = db.data.ScoreMonth(month)
		leaves, err := db.data.Leaves(models.LeaveFilter{Status: models.LeavePending})
		if err != nil {
			return err
		}
		f.pending = len(leaves)
		for _, l := range leaves {
			if l.From.Before(today) {
				f.pendingPast++
			}
		}
		cs, err := db.data.Cases(models.CaseFilter{Status: models.CaseOverdue, Today: today})
		if err != nil {
			return err
		}
		f.cases = len(cs)
		cps, err := db.data.Complaints(models.ComplaintFilter{Overdue: today})
		if err != nil {
			return err
		}
		f.complaints = len(cps)
		rs, err := db.data.Ratings(models.RatingFilter{Overdue: today})
		if err != nil {
			return err
		}
		f.rectify = len(rs)
		out, err := db.data.BadgeLoans(models.BadgeLoanFilter{OutOnly: true})
		if err != nil {
			return err
		}
		f.badgesOut = len(out)
		late, err := db.data.OverdueBadges(today)
		if err != nil {
			return err
		}
		f.badgesLate = len(late)
		if f.locked, err = db.data.MonthLocked(month); err != nil {
			return err
		}
		f.lastLocked, err = db.data.MonthLocked(models.MonthOf(f.lastMonth))
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取总览", err, db.shell.win)
			return
		}
		db.show(f)
	})
}

func (db *dashboard) show(f dashFacts) {
	db.month = f.month
	db.attendance.title.SetText(fmt.Sprintf("%d月每日出勤率", int(f.month.Month())))
	db.chart.setDays(f.rates)
	if len(f.rates) == 0 {
		db.attendance.setDetail("本月还没有已结束且有打卡记录的工作日", false)
	} else {
		var due, att int
		for _, r := range f.rates {
			due += r.Due
			att += r.Attended
		}
		last := f.rates[len(f.rates)-1].Date
		db.attendance.setDetail(fmt.Sprintf("统计至%d月%d日，%d个工作日合计 %.1f%%（请假不计入应出勤）；点击打开考勤",
			int(last.Month()), last.Day(), len(f.rates), 100*float64(att)/float64(due)), false)
	}

	db.standing.title.SetText(fmt.Sprintf("满意窗口 %d月当前排名", int(f.month.Month())))
	db.standing.setValue(standingText(f.scores, f.scoreErr))
	db.standing.setDetail("按截至目前的记录计算，点击打开评选", false)

	db.pending.setValue(fmt.Sprintf("%d 件", f.pending))
	switch {
	case f.pendingPast > 0:
		db.pending.setDetail(fmt.Sprintf("其中 %d 件假期已开始仍未审批", f.pendingPast), true)
	case f.pending > 0:
		db.pending.setDetail("点击打开请假审批", false)
	default:
		db.pending.setDetail("没有等待审批的请假", false)
	}
	overdue := func(t *dashTile, n int, unit, what string) {
		t.setValue(fmt.Sprintf("%d %s", n, unit))
		if n > 0 {
			t.setDetail(what, true)
		} else {
			t.setDetail("没有超期事项", false)
		}
	}
	overdue(db.cases, f.cases, "件", "已超过承诺时限，点击查看")
	overdue(db.complaints, f.complaints, "件", "超过办理时限仍在核查中")
	overdue(db.rectify, f.rectify, "条", "差评整改已超期未完成")

	db.badges.setValue(fmt.Sprintf("%d 个", f.badgesOut))
	switch {
	case f.badgesLate > 0:
		db.badges.setDetail(fmt.Sprintf("其中 %d 个替岗已结束仍未归还", f.badgesLate), true)
	case f.badgesOut > 0:
		db.badges.setDetail("都在替岗期内", false)
	default:
		db.badges.setDetail("全部在库", false)
	}

	lockWord := func(locked bool) string {
		if locked {
			return "已封帐"
		}
		return "未封帐"
	}
	db.lock.setValue(fmt.Sprintf("%d月 %s", int(f.month.Month()), lockWord(f.locked)))
	db.lockMonth = f.month
	if !f.lastLocked {
		db.lockMonth = f.lastMonth
		// a centre with nobody in service yet has nothing to lock
		db.lock.setDetail(fmt.Sprintf("上月（%d月）尚未封帐，点击去封帐", int(f.lastMonth.Month())), !f.nobody)
	} else {
		db.lock.setDetail(fmt.Sprintf("上月（%d月）已封帐", int(f.lastMonth.Month())), false)
	}
	db.shown()
}

// standingText lists the first five windows of the month's ranking with
// their scores.
func standingText(ms models.MonthScores, err error) string {
	if err != nil || !ms.HasRecords {
		return "本月还没有可评分的记录"
	}
	ranked := make([]models.WindowScore, 0, len(ms.Windows))
	for _, w := range ms.Windows {
		if w.Rank > 0 {
			ranked = append(ranked, w)
		}
	}
	if len(ranked) == 0 {
		return "暂无符合满意窗口条件的窗口"
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].Rank < ranked[j].Rank })
	var lines []string
	for i, w := range ranked {
		if i == 5 {
			break
		}
		line := fmt.Sprintf("%d. %s %s  %.2f分", w.Rank, w.Code, w.Name, w.Score)
		if w.Award {
			line += " ★"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// dashTile is one tile of the dashboard: a title, a value and a line that
// says what to do, over a button that opens the screen that deals with it.
type dashTile struct {
	btn                  *widget.Button
	title, value, detail *widget.Label
	box                  fyne.CanvasObject
}

func newDashTile(title string, body fyne.CanvasObject, tap func()) *dashTile {
	t := &dashTile{btn: widget.NewButton("", tap)}
	t.title = widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.value = widget.NewLabelWithStyle("…", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.detail = widget.NewLabel("")
	t.detail.Wrapping = fyne.TextWrapWord
	t.detail.Importance = widget.LowImportance
	parts := []fyne.CanvasObject{t.title}
	if body != nil {
		t.value.Hide()
		parts = append(parts, body)
	} else {
		t.value.SizeName = theme.SizeNameSubHeadingText
		parts = append(parts, t.value)
	}
	parts = append(parts, t.detail)
	t.box = container.NewStack(t.btn, container.NewVBox(parts...))
	return t
}

func (t *dashTile) setValue(s string) { t.value.SetText(s) }

// setDetail says what the tile's number means; urgent ones are red.
func (t *dashTile) setDetail(s string, urgent bool) {
	t.detail.Importance = widget.LowImportance
	if urgent {
		t.detail.Importance = widget.DangerImportance
	}
	t.detail.SetText(s)
}

// rateChart draws a month's daily attendance rates as bars, with the day
// under each bar and the rate above it, in the app's font.
type rateChart struct {
	widget.BaseWidget
	days []models.DayRate
}

func newRateChart() *rateChart {
	c := &rateChart{}
	c.ExtendBaseWidget(c)
	return c
}

func (c *rateChart) setDays(days []models.DayRate) {
	c.days = days
	c.Refresh()
}

func (c *rateChart) CreateRenderer() fyne.WidgetRenderer {
	r := &rateChartRenderer{c: c}
	r.build()
	return r
}

// chartFloor is the rate the bars start from: 0, or the tens below the
// lowest day when every day is above half, so days of 93 % and 98 % do not
// look alike; the axis says where the bars start.
func chartFloor(days []models.DayRate) float64 {
	if len(days) == 0 {
		return 0
	}
	low := 1.0
	for _, d := range days {
		low = math.Min(low, d.Rate())
	}
	if low < 0.5 {
		return 0
	}
	return math.Max(0, math.Floor(low*10-0.5)/10)
}

type rateChartRenderer struct {
	c        *rateChart
	axis     *canvas.Line
	top, mid *canvas.Line
	topText  *canvas.Text
	lowText  *canvas.Text
	empty    *canvas.Text
	bars     []*canvas.Rectangle
	values   []*canvas.Text
	dayNames []*canvas.Text
	floor    float64
}

const (
	chartLeft   = 40 // room for the axis labels
	chartBottom = 18 // room for the days
	chartTop    = 16 // room for the rates above the bars
)

func (r *rateChartRenderer) build() {
	fg := theme.Color(theme.ColorNameForeground)
	low := theme.Color(theme.ColorNameDisabled)
	small := theme.CaptionTextSize()
	r.axis = canvas.NewLine(fg)
	r.top = canvas.NewLine(theme.Color(theme.ColorNameSeparator))
	r.mid = canvas.NewLine(theme.Color(theme.ColorNameSeparator))
	r.floor = chartFloor(r.c.days)
	r.topText = canvas.NewText("100%", low)
	r.topText.TextSize = small
	r.lowText = canvas.NewText(fmt.Sprintf("%.0f%%", 100*r.floor), low)
	r.lowText.TextSize = small
	r.empty = canvas.NewText("本月还没有可统计的工作日", low)
	r.empty.Hidden = len(r.c.days) > 0
	r.bars, r.values, r.dayNames = nil, nil, nil
	for _, d := range r.c.days {
		col := theme.Color(theme.ColorNamePrimary)
		if d.Rate() < 0.9 {
			col = theme.Color(theme.ColorNameWarning)
		}
		r.bars = append(r.bars, canvas.NewRectangle(col))
		v := canvas.NewText(fmt.Sprintf("%.0f", 100*d.Rate()), fg)
		v.TextSize = small
		v.Alignment = fyne.TextAlignCenter
		r.values = append(r.values, v)
		n := canvas.NewText(fmt.Sprint(d.Date.Day()), low)
		n.TextSize = small
		n.Alignment = fyne.TextAlignCenter
		r.dayNames = append(r.dayNames, n)
	}
}

func (r *rateChartRenderer) Layout(size fyne.Size) {
	plotH := size.Height - chartBottom - chartTop
	plotW := size.Width - chartLeft
	base := chartTop + plotH
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(chartLeft, base), fyne.NewPos(size.Width, base)
	r.top.Position1, r.top.Position2 = fyne.NewPos(chartLeft, chartTop), fyne.NewPos(size.Width, chartTop)
	r.mid.Position1, r.mid.Position2 = fyne.NewPos(chartLeft, chartTop+plotH/2), fyne.NewPos(size.Width, chartTop+plotH/2)
	r.topText.Move(fyne.NewPos(0, chartTop-r.topText.MinSize().Height/2))
	r.lowText.Move(fyne.NewPos(0, base-r.lowText.MinSize().Height/2))
	r.empty.Move(fyne.NewPos(chartLeft+8, chartTop+plotH/2-r.empty.MinSize().Height))
	n := len(r.bars)
	if n == 0 {
		return
	}
	slot := plotW / float32(n)
	barW := slot * 0.6
	for i, b := range r.bars {
		rate := r.c.days[i].Rate()
		h := plotH * float32((rate-r.floor)/(1-r.floor))
		h = max(h, 1)
		x := chartLeft + slot*float32(i) + (slot-barW)/2
		b.Move(fyne.NewPos(x, base-h))
		b.Resize(fyne.NewSize(barW, h))
		v := r.values[i]
		v.Move(fyne.NewPos(chartLeft+slot*float32(i), base-h-v.MinSize().Height))
		v.Resize(fyne.NewSize(slot, v.MinSize().Height))
		d := r.dayNames[i]
		d.Move(fyne.NewPos(chartLeft+slot*float32(i), base+1))
		d.Resize(fyne.NewSize(slot, d.MinSize().Height))
	}
}

func (r *rateChartRenderer) MinSize() fyne.Size { return fyne.NewSize(420, 150) }

func (r *rateChartRenderer) Refresh() {
	r.build()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *rateChartRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.top, r.mid, r.axis, r.topText, r.lowText, r.empty}
	for i := range r.bars {
		objs = append(objs, r.bars[i], r.values[i], r.dayNames[i])
	}
	return objs
}

func (r *rateChartRenderer) Destroy() {}

// pendingLeaves opens 请假 at the requests waiting for approval, of any month.
type pendingLeaves struct{}

func (pendingLeaves) target() string { return "请假" }

// overdueComplaintList opens 违规投诉 at the complaints past their deadline.
type overdueComplaintList struct{}

func (overdueComplaintList) target() string { return "违规投诉" }

// overdueRectifications opens 评价表扬 at the overdue rectification items.
type overdueRectifications struct{}

func (overdueRectifications) target() string { return "评价表扬" }
