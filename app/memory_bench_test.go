package app

import (
	"runtime"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/assets"
	"govdesk/models"
)

// heapInUse is the heap in use after a full collection, in bytes.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// totalAlloc is how many bytes the heap has allocated so far: what a screen
// allocates and lets go while it loads never shows in the heap in use, but
// the process holds it until the collector runs.
func totalAlloc() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// heapOfFirstWindow is the heap a first window with regular, bold and
// monospace text (rare names among it) holds in a fresh app with theme th,
// fonts loaded: the app clears Fyne's font cache, so what an earlier window
// loaded does not count.
func heapOfFirstWindow(t testing.TB, th fyne.Theme) uint64 {
	a := test.NewTempApp(t)
	before := heapInUse()
	a.Settings().SetTheme(th)
	w := a.NewWindow("政务窗口管理")
	mono := widget.NewLabel("ZW006 2026-11-30 08:59")
	mono.TextStyle = fyne.TextStyle{Monospace: true}
	bold := widget.NewLabel("总览 王堃")
	bold.TextStyle = fyne.TextStyle{Bold: true}
	w.SetContent(container.NewVBox(widget.NewLabel("政务窗口管理 李喆 𠮷"), bold, mono, widget.NewButton("导入打卡", nil), widget.NewEntry()))
	w.Resize(fyne.NewSize(800, 600))
	w.Canvas().Capture()
	grown := heapInUse() - before
	w.Close()
	return grown
}

// heiTrueType is the theme serving Hei in its TrueType form, as GovDesk did
// before serving it as CFF.
type heiTrueType struct{ fyne.Theme }

func (t heiTrueType) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return t.Theme.Font(s)
	}
	return fyne.NewStaticResource(assets.Hei.Name, assets.Hei.Data)
}

// BenchmarkGUIHeapAtStart reports the heap a first window holds with
// GovDesk's theme beside the same window with Fyne's default theme (Latin
// fonts only) and with Hei served as TrueType.
func BenchmarkGUIHeapAtStart(b *testing.B) {
	var base, ttf, ours uint64
	for b.Loop() {
		base = heapOfFirstWindow(b, theme.DefaultTheme())
		ttf = heapOfFirstWindow(b, heiTrueType{theme.DefaultTheme()})
		ours = heapOfFirstWindow(b, newTheme())
	}
	b.ReportMetric(float64(base)/1e6, "MB-fyne-default")
	b.ReportMetric(float64(ttf)/1e6, "MB-hei-truetype")
	b.ReportMetric(float64(ours)/1e6, "MB-govdesk")
	b.ReportMetric(float64(heapInUse())/1e6, "MB-process-heap")
}

// A first window in GovDesk's theme, its fonts loaded for regular, bold
// and monospace text, holds under 100 MB of heap (75 MB here, 83 MB under
// the race detector). Served as TrueType, the same font made it 216 MB; as
// CFF without subroutines, 95 MB.
func TestFirstWindowHoldsUnder100MBOfHeap(t *testing.T) {
	if got := heapOfFirstWindow(t, newTheme()); got > 100e6 {
		t.Fatalf("the first window holds %.0f MB of heap", float64(got)/1e6)
	}
}

// BenchmarkGUIHeapEveryScreen3Years opens the main window over the large
// demo centre (400 staff, three years of punches, cases and ratings) and
// visits every screen in the navigation's order, each drawn once; screens
// stay built, as they do in the window. It reports the heap in use at the
// start (总览 drawn) and after the last screen, the largest step, and the
// screen that made it. Making the centre takes about ten seconds and is
// not timed.
func BenchmarkGUIHeapEveryScreen3Years(b *testing.B) {
	dir := b.TempDir()
	st, err := models.Open(dir, models.WithClock(models.FixedClock(testNow)))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.FillLargeDemo(); err != nil {
		b.Fatal(err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	var start, end, step, most uint64
	var stepAt, mostAt string
	for b.Loop() {
		b.StopTimer()
		heap := heapInUse()
		b.StartTimer()
		s, _ := openTestShell(b, dir, models.FixedClock(testNow), nil)
		s.win.Canvas().Capture()
		start = heapInUse() - heap
		last := start
		for _, name := range s.names {
			allocated := totalAlloc()
			s.show(name)
			s.win.Canvas().Capture()
			allocated = totalAlloc() - allocated
			now := heapInUse() - heap
			b.Logf("%s: %.0f MB (%+.0f), %.0f MB allocated on the way", name, float64(now)/1e6, (float64(now)-float64(last))/1e6, float64(allocated)/1e6)
			if allocated > most {
				most, mostAt = allocated, name
			}
			if now > last && now-last > step {
				step, stepAt = now-last, name
			}
			last = now
		}
		end = last
	}
	b.ReportMetric(float64(start)/1e6, "MB-at-start")
	b.ReportMetric(float64(end)/1e6, "MB-after-every-screen")
	b.ReportMetric(float64(step)/1e6, "MB-largest-step")
	b.ReportMetric(float64(most)/1e6, "MB-most-allocated")
	b.Logf("largest step: %s; most allocated: %s", stepAt, mostAt)
}

// stylesTheme is GovDesk's theme noting every text style it serves a font for.
type stylesTheme struct {
	fyne.Theme
	mu     sync.Mutex
	styles map[fyne.TextStyle]bool
}

func (t *stylesTheme) Font(s fyne.TextStyle) fyne.Resource {
	t.mu.Lock()
	t.styles[s] = true
	t.mu.Unlock()
	return t.Theme.Font(s)
}

// Every screen draws its text regular or bold. Fyne loads the UI font once
// for every text style it draws, about 20 MB of heap a time, so an italic
// note or a monospace box anywhere costs the whole window that much more.
func TestEveryScreenDrawsOnlyRegularAndBoldText(t *testing.T) {
	s, _ := newDemoShell(t)
	th := &stylesTheme{Theme: newTheme(), styles: map[fyne.TextStyle]bool{}}
	fyne.CurrentApp().Settings().SetTheme(th)
	for _, name := range s.names {
		s.show(name)
		s.win.Canvas().Capture()
	}
	th.mu.Lock()
	defer th.mu.Unlock()
	if !th.styles[fyne.TextStyle{}] || !th.styles[fyne.TextStyle{Bold: true}] {
		t.Fatalf("the screens were not drawn: styles asked for %v", th.styles)
	}
	for st := range th.styles {
		if st != (fyne.TextStyle{}) && st != (fyne.TextStyle{Bold: true}) && !st.Symbol {
			t.Errorf("a screen draws text in style %+v", st)
		}
	}
}
