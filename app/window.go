package app

import (
	"time"

	"fyne.io/fyne/v2"
)

// Preference keys of the main window's place, kept in Fyne's preferences
// (per user, beside no data folder: a size belongs to a screen, not to the
// centre's records).
const (
	prefWidth     = "window.width"
	prefHeight    = "window.height"
	prefMaximised = "window.maximised"
	prefPlaced    = "window.placed" // left and top below are set
	prefLeft      = "window.left"
	prefTop       = "window.top"
)

// defaultWindowSize is the first window's size where the system cannot
// tell the screen's work area: small enough for a 1366×768 laptop with its
// taskbar, large enough for the roster's columns.
var defaultWindowSize = fyne.NewSize(1240, 680)

// placeWindow gives the main window the size and place the user left it at
// (or maximised, if it was, on the screen it was on), or on a first start
// the whole work area of the screen on Windows, and remembers them when the
// window closes. A remembered window larger than the screen it opens on
// (another monitor, a higher scaling) or off it (a monitor since unplugged)
// is moved and cut down into the work area of the nearest screen, so the
// title bar is never out of reach.
func placeWindow(a fyne.App, win fyne.Window) {
	p := a.Preferences()
	w, h := p.Float(prefWidth), p.Float(prefHeight)
	first := w <= 0 || h <= 0
	size := defaultWindowSize
	if !first {
		size = fyne.NewSize(float32(w), float32(h))
	}
	win.Resize(size)
	win.CenterOnScreen()
	fit := fitClamp
	switch {
	case first:
		fit = fitFill
	case p.Bool(prefMaximised):
		fit = fitMaximise
	}
	var at *windowPos
	if !first && p.Bool(prefPlaced) {
		at = &windowPos{int32(p.Int(prefLeft)), int32(p.Int(prefTop))}
	}
	fitAfterShow(win, fit, at)
	win.SetCloseIntercept(func() {
		if m, ok := nativeMaximised(win); ok {
			p.SetBool(prefMaximised, m)
			if r, ok := nativeRect(win); ok && !m {
				p.SetBool(prefPlaced, true)
				p.SetInt(prefLeft, int(r.left))
				p.SetInt(prefTop, int(r.top))
			}
			if !m {
				rememberSize(p, win.Canvas().Size())
			}
		} else {
			rememberSize(p, win.Canvas().Size())
		}
		win.Close()
	})
}

func rememberSize(p fyne.Preferences, s fyne.Size) {
	if s.Width >= 400 && s.Height >= 300 {
		p.SetFloat(prefWidth, float64(s.Width))
		p.SetFloat(prefHeight, float64(s.Height))
	}
}

// fitting is how the native window is fitted to its screen.
type fitting int

const (
	fitClamp    fitting = iota // keep its size, cut down to the work area
	fitFill                    // fill the work area
	fitMaximise                // maximise it
)

// windowPos is a window's top-left corner in screen pixels.
type windowPos struct{ left, top int32 }

// placedRect is the window rectangle r moved to the remembered corner at,
// its size kept.
func placedRect(r rect, at windowPos) rect {
	return rect{at.left, at.top, at.left + r.right - r.left, at.top + r.bottom - r.top}
}

// fitAfterShow runs fitNative once the native window exists: it is made
// when the window is first shown, after this is called. at is where the
// window was left, nil when not known.
func fitAfterShow(win fyne.Window, fit fitting, at *windowPos) {
	go func() {
		for i := 0; i < 50; i++ {
			time.Sleep(100 * time.Millisecond)
			done := make(chan bool, 1)
			fyne.Do(func() { done <- fitNative(win, fit, at) })
			if <-done {
				return
			}
		}
	}()
}
