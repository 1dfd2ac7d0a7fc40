package app

import (
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var (
	user32               = windows.NewLazySystemDLL("user32.dll")
	procShowWindow       = user32.NewProc("ShowWindow")
	procIsZoomed         = user32.NewProc("IsZoomed")
	procGetWindowRect    = user32.NewProc("GetWindowRect")
	procSetWindowPos     = user32.NewProc("SetWindowPos")
	procMonitorFromWin   = user32.NewProc("MonitorFromWindow")
	procGetMonitorInfo   = user32.NewProc("GetMonitorInfoW")
	monitorDefaultToNear = uintptr(2)
)

type monitorInfo struct {
	size    uint32
	monitor windows.Rect
	work    windows.Rect
	flags   uint32
}

// hwndOf is the native handle of a shown window, or 0.
func hwndOf(win fyne.Window) uintptr {
	var h uintptr
	if nw, ok := win.(driver.NativeWindow); ok {
		nw.RunNative(func(c any) {
			if wc, ok := c.(driver.WindowsWindowContext); ok {
				h = wc.HWND
			}
		})
	}
	return h
}

// fitNative maximises the window, makes it fill the work area of the
// monitor it is on (the screen less the taskbar), or moves and shrinks it
// into that area, in the monitor's own pixels, so it fits at any scaling.
// Filling sets the size rather than maximising, which a window manager
// might not do (Wine without one does not), and leaves the window movable.
// It reports false while the window has no native handle yet.
func fitNative(win fyne.Window, fit fitting) bool {
	h := hwndOf(win)
	if h == 0 {
		return false
	}
	if fit == fitMaximise {
		procShowWindow.Call(h, windows.SW_MAXIMIZE)
		return true
	}
	mon, _, _ := procMonitorFromWin.Call(h, monitorDefaultToNear)
	mi := monitorInfo{size: uint32(unsafe.Sizeof(monitorInfo{}))}
	if r, _, _ := procGetMonitorInfo.Call(mon, uintptr(unsafe.Pointer(&mi))); r == 0 {
		return true
	}
	var r windows.Rect
	if ok, _, _ := procGetWindowRect.Call(h, uintptr(unsafe.Pointer(&r))); ok == 0 {
		return true
	}
	work := rect{mi.work.Left, mi.work.Top, mi.work.Right, mi.work.Bottom}
	want := rect{r.Left, r.Top, r.Right, r.Bottom}
	if fit == fitFill {
		want = work
	}
	x, y, w, hh := fitRect(want, work)
	if x != r.Left || y != r.Top || w != r.Right-r.Left || hh != r.Bottom-r.Top {
		const swpNoZOrder = 0x0004
		procSetWindowPos.Call(h, 0, uintptr(x), uintptr(y), uintptr(w), uintptr(hh), swpNoZOrder)
	}
	return true
}

// nativeMaximised tells whether the window is maximised now.
func nativeMaximised(win fyne.Window) (bool, bool) {
	h := hwndOf(win)
	if h == 0 {
		return false, false
	}
	r, _, _ := procIsZoomed.Call(h)
	return r != 0, true
}
