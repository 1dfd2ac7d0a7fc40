package app

import (
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/assets"
)

// heapInUse is the heap in use after a full collection, in bytes.
func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
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
// and monospace text, holds under 120 MB of heap, leaving the rest of a
// start room within the 150 MB it may cost. Served as TrueType, the same
// font made it 216 MB.
func TestFirstWindowHoldsUnder120MBOfHeap(t *testing.T) {
	if got := heapOfFirstWindow(t, newTheme()); got > 120e6 {
		t.Fatalf("the first window holds %.0f MB of heap", float64(got)/1e6)
	}
}
