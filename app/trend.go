package app

import (
	"fmt"
	"image/color"
	"math"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// What a trend follows.
const (
	trendWindow = "窗口"
	trendPerson = "人员"
)

// trendPoint is one scored month of the year.
type trendPoint struct {
	month int // 1…12
	score float64
	award bool // 满意窗口 that month
}

// trendSeries computes a window's or a person's monthly scores over a year
// from the months scored (months not begun are skipped; a person's months
// out of service and a window's months without resident staff have no point).
func trendSeries(months []models.MonthScores, kind string, id uint) []trendPoint {
	var out []trendPoint
	for _, ms := range months {
		first, err := models.ParseMonth(ms.Month)
		if err != nil {
			continue
		}
		if kind == trendWindow {
			for _, w := range ms.Windows {
				if w.WindowID == id && w.Members > 0 {
					out = append(out, trendPoint{month: int(first.Month()), score: w.Score, award: w.Award})
				}
			}
			continue
		}
		for _, p := range ms.People {
			if p.StaffID == id {
				out = append(out, trendPoint{month: int(first.Month()), score: p.Score})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].month < out[j].month })
	return out
}

// trendChart draws monthly scores over a year with canvas lines, circles and
// text: a month axis 1月…12月, a score axis with grid lines, the base score
// as a dashed reference, one dot per scored month with its score above it.
type trendChart struct {
	widget.BaseWidget
	title  string
	base   float64
	points []trendPoint
}

func newTrendChart() *trendChart {
	c := &trendChart{base: 100}
	c.ExtendBaseWidget(c)
	return c
}

// set shows a series.
func (c *trendChart) set(title string, base float64, points []trendPoint) {
	c.title, c.base, c.points = title, base, points
	c.Refresh()
}

func (c *trendChart) CreateRenderer() fyne.WidgetRenderer {
	r := &trendRenderer{chart: c}
	r.build(fyne.NewSize(640, 320))
	return r
}

type trendRenderer struct {
	chart   *trendChart
	size    fyne.Size
	objects []fyne.CanvasObject
	dots    []*canvas.Circle // one per scored month, for tests
}

func (r *trendRenderer) Layout(size fyne.Size) {
	r.size = size
	r.build(size)
}

func (r *trendRenderer) MinSize() fyne.Size { return fyne.NewSize(480, 260) }

func (r *trendRenderer) Refresh() {
	size := r.size
	if size.IsZero() {
		size = r.chart.Size()
	}
	r.build(size)
	canvas.Refresh(r.chart)
}

func (r *trendRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *trendRenderer) Destroy() {}

// scoreRange gives the score axis: from below the lowest to above the
// highest of the points and the base, on round steps.
func scoreRange(points []trendPoint, base float64) (lo, hi, step float64) {
	lo, hi = base, base
	for _, p := range points {
		lo, hi = math.Min(lo, p.score), math.Max(hi, p.score)
	}
	span := hi - lo
	switch {
	case span <= 4:
		step = 1
	case span <= 10:
		step = 2
	case span <= 25:
		step = 5
	case span <= 50:
		step = 10
	case span <= 125:
		step = 25
	default:
		step = math.Pow(10, math.Floor(math.Log10(span/2)))
		if span/step > 8 {
			step *= 5
		}
	}
	lo = math.Floor((lo-step/2)/step) * step
	hi = math.Ceil((hi+step/2)/step) * step
	return lo, hi, step
}

// build lays the chart out at size: everything is recomputed, the chart is
// small (at most 12 points).
func (r *trendRenderer) build(size fyne.Size) {
	c := r.chart
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	grid := theme.Color(theme.ColorNameSeparator)
	line := theme.Color(theme.ColorNamePrimary)
	textSize := theme.TextSize() - 1
	var objs []fyne.CanvasObject
	r.dots = r.dots[:0]

	text := func(s string, col color.Color, x, y float32, align fyne.TextAlign, bold bool) *canvas.Text {
		t := canvas.NewText(s, col)
		t.TextSize = textSize
		t.TextStyle.Bold = bold
		t.Alignment = align
		ms := fyne.MeasureText(s, textSize, t.TextStyle)
		switch align {
		case fyne.TextAlignCenter:
			x -= ms.Width / 2
		case fyne.TextAlignTrailing:
			x -= ms.Width
		}
		t.Move(fyne.NewPos(x, y-ms.Height/2))
		t.Resize(ms)
		objs = append(objs, t)
		return t
	}
	seg := func(x1, y1, x2, y2 float32, col color.Color, width float32) *canvas.Line {
		l := canvas.NewLine(col)
		l.StrokeWidth = width
		l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
		objs = append(objs, l)
		return l
	}

	left, right, top, bottom := float32(64), float32(24), float32(40), float32(44)
	w, h := size.Width-left-right, size.Height-top-bottom
	if w < 100 || h < 60 {
		r.objects = objs
		return
	}
	text(c.title, fg, left, 16, fyne.TextAlignLeading, true)
	lo, hi, step := scoreRange(c.points, c.base)
	yOf := func(v float64) float32 { return top + h - float32((v-lo)/(hi-lo))*h }
	xOf := func(month int) float32 { return left + (float32(month)-0.5)*w/12 }

	// score axis: grid lines with their values, and its title
	for v := lo; v <= hi+step/1000; v += step {
		y := yOf(v)
		seg(left, y, left+w, y, grid, 1)
		text(fmtScore(math.Round(v*100)/100), muted, left-8, y, fyne.TextAlignTrailing, false)
	}
	text("得分", muted, left-8, top-26, fyne.TextAlignTrailing, false)
	// the base score, dashed
	if yb := yOf(c.base); c.base > lo && c.base < hi {
		for x := left; x < left+w; x += 12 {
			seg(x, yb, min(x+6, left+w), yb, muted, 1)
		}
		text(fmt.Sprintf("基础分%s", fmtScore(c.base)), muted, left+w, yb-10, fyne.TextAlignTrailing, false)
	}
	// month axis
	seg(left, top+h, left+w, top+h, fg, 1)
	seg(left, top, left, top+h, fg, 1)
	for m := 1; m <= 12; m++ {
		x := xOf(m)
		seg(x, top+h, x, top+h+4, fg, 1)
		text(fmt.Sprintf("%d月", m), muted, x, top+h+16, fyne.TextAlignCenter, false)
	}
	text("月份", muted, left+w, top+h+34, fyne.TextAlignTrailing, false)

	if len(c.points) == 0 {
		text("这一年没有可显示的得分", muted, left+w/2, top+h/2, fyne.TextAlignCenter, false)
		r.objects = objs
		return
	}
	// the line joins consecutive scored months only
	for i := 1; i < len(c.points); i++ {
		a, b := c.points[i-1], c.points[i]
		if b.month == a.month+1 {
			seg(xOf(a.month), yOf(a.score), xOf(b.month), yOf(b.score), line, 2)
		}
	}
	for _, p := range c.points {
		x, y := xOf(p.month), yOf(p.score)
		col := line
		if p.award {
			col = theme.Color(theme.ColorNameSuccess)
		}
		dot := canvas.NewCircle(col)
		dot.StrokeColor = theme.Color(theme.ColorNameBackground)
		dot.StrokeWidth = 1.5
		dot.Move(fyne.NewPos(x-5, y-5))
		dot.Resize(fyne.NewSize(10, 10))
		objs = append(objs, dot)
		r.dots = append(r.dots, dot)
		label := fmtScore(p.score)
		if p.award {
			label += " ★"
		}
		text(label, fg, x, y-14, fyne.TextAlignCenter, false)
	}
	r.objects = objs
}

// trendView is the 得分趋势 tab: a window or a person, a year, the chart.
type trendView struct {
	sc    *scoringScreen
	year  int
	stale bool

	yearLabel, status *widget.Label
	kind, subject     *widget.Select
	chart             *trendChart
	box               fyne.CanvasObject

	windows  map[string]uint // label → id
	people   map[string]uint
	wOptions []string
	pOptions []string
	months   []models.MonthScores
}

func newTrendView(sc *scoringScreen) *trendView {
	tv := &trendView{sc: sc, year: sc.data.Today().Year(), stale: true, windows: map[string]uint{}, people: map[string]uint{}}
	tv.yearLabel = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	tv.status = widget.NewLabel("")
	tv.status.Importance = widget.LowImportance
	prev := widget.NewButtonWithIcon("上一年", theme.NavigateBackIcon(), func() { tv.year--; tv.reload() })
	next := widget.NewButtonWithIcon("下一年", theme.NavigateNextIcon(), func() { tv.year++; tv.reload() })
	next.IconPlacement = widget.ButtonIconTrailingText
	tv.kind = newSelect([]string{trendWindow, trendPerson}, nil)
	tv.kind.SetSelected(trendWindow)
	tv.kind.OnChanged = func(string) { tv.setSubjects(); tv.draw() }
	tv.subject = newSelect(nil, func(string) { tv.draw() })
	tv.subject.PlaceHolder = "选择窗口或人员"
	tv.chart = newTrendChart()
	bar := container.NewHBox(prev, fixedBox(tv.yearLabel, 90), next, widget.NewSeparator(),
		widget.NewLabel("对象"), fixedBox(tv.kind, 90), fixedBox(tv.subject, 280))
	tv.box = container.NewBorder(container.NewVBox(bar, tv.status), nil, nil, nil, tv.chart)
	return tv
}

// reload reads the windows and people to choose from and scores the year.
func (tv *trendView) reload() {
	tv.stale = false
	tv.yearLabel.SetText(fmt.Sprintf("%d年", tv.year))
	var (
		ws    []models.ServiceWindow
		staff []models.Staff
	)
	d := tv.sc.data
	year := tv.year
	tv.status.SetText("正在计算……")
	tv.sc.loadYear(year, func() (err error) {
		if ws, err = d.ServiceWindows(); err != nil {
			return err
		}
		staff, err = d.StaffList()
		return err
	}, func(months []models.MonthScores, err error) {
		if err != nil {
			tv.status.SetText("")
			showError("无法计算得分趋势", err, tv.sc.shell.win)
			return
		}
		if tv.year != year {
			return
		}
		tv.windows, tv.people = map[string]uint{}, map[string]uint{}
		tv.wOptions, tv.pOptions = nil, nil
		for _, w := range ws {
			tv.windows[w.Label()] = w.ID
			tv.wOptions = append(tv.wOptions, w.Label())
		}
		for _, p := range staff {
			label := p.Name + "（" + p.EmployeeNo + "）"
			tv.people[label] = p.ID
			tv.pOptions = append(tv.pOptions, label)
		}
		tv.months = months
		tv.setSubjects()
		tv.draw()
	})
}

// setSubjects offers the windows or the people, keeping the choice if offered.
func (tv *trendView) setSubjects() {
	opts := tv.wOptions
	if tv.kind.Selected == trendPerson {
		opts = tv.pOptions
	}
	keep := tv.subject.Selected
	found := false
	for _, o := range opts {
		found = found || o == keep
	}
	if !found {
		keep = ""
		if len(opts) > 0 {
			keep = opts[0]
		}
	}
	tv.subject.Options = opts
	on := tv.subject.OnChanged
	tv.subject.OnChanged = nil
	tv.subject.SetSelected(keep)
	tv.subject.OnChanged = on
	tv.subject.Refresh()
}

// draw shows the chosen window's or person's year.
func (tv *trendView) draw() {
	kind, label := tv.kind.Selected, tv.subject.Selected
	id := tv.windows[label]
	if kind == trendPerson {
		id = tv.people[label]
	}
	points := trendSeries(tv.months, kind, id)
	base := 100.0
	if len(tv.months) > 0 {
		base = tv.months[len(tv.months)-1].RuleSet.Scoring().Base
	}
	tv.chart.set(fmt.Sprintf("%s %s %d年各月得分", kind, label, tv.year), base, points)
	tv.status.SetText(trendStatus(len(tv.months), len(points), kind))
}

func trendStatus(months, points int, kind string) string {
	if months == 0 {
		return "这一年尚未开始。"
	}
	what, dots := "在岗", ""
	if kind == trendWindow {
		what, dots = "有在岗人员计分", "绿色圆点为当月满意窗口。"
	}
	return fmt.Sprintf("有考勤记录的%d个月中有%d个月%s；未开始或没有记录的月份不画。%s", months, points, what, dots)
}

// loadYear scores the year's months that have begun (from the cache where
// it can) and runs extra, off the UI goroutine; done gets the months.
func (sc *scoringScreen) loadYear(year int, extra func() error, done func([]models.MonthScores, error)) {
	d, cache := sc.data, sc.cache
	var out []models.MonthScores
	sc.shell.async(func() error {
		for _, m := range monthsBegun(year, sc.data.Today()) {
			ms, err := cache.get(d, m)
			if err != nil {
				return err
			}
			if ms.HasRecords { // a month before any punch was recorded has no real score
				out = append(out, ms)
			}
		}
		if extra != nil {
			return extra()
		}
		return nil
	}, func(err error) { done(out, err) })
}

// showTrendDialog opens the chart of one window's or person's year (from a
// breakdown).
func showTrendDialog(sc *scoringScreen, kind string, id uint, name string, year int) *trendChart {
	chart := newTrendChart()
	sc.loadYear(year, nil, func(months []models.MonthScores, err error) {
		if err != nil {
			showError("无法计算得分趋势", err, sc.shell.win)
			return
		}
		points := trendSeries(months, kind, id)
		base := 100.0
		if len(months) > 0 {
			base = months[len(months)-1].RuleSet.Scoring().Base
		}
		chart.set(fmt.Sprintf("%s %s %d年各月得分", kind, name, year), base, points)
		note := widget.NewLabel(trendStatus(len(months), len(points), kind))
		note.Importance = widget.LowImportance
		dlg := dialog.NewCustom("得分趋势："+name, "关闭", container.NewBorder(nil, note, nil, nil, chart), sc.shell.win)
		dlg.Resize(dialogSize(sc.shell, 860, 480))
		dlg.Show()
		sc.lastTrend = chart
	})
	return chart
}
