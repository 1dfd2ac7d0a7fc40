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
	procMonitorFromRect  = user32.NewProc("MonitorFromRect")
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

// fitNative moves the window to where it was left (at, if known), then
// maximises it, makes it fill the work area of the monitor it is on (the
// screen less the taskbar), or moves and shrinks it into that area, in the
// monitor's own pixels, so it fits at any scaling. Filling sets the size
// rather than maximising, which a window manager might not do (Wine without
// one does not), and leaves the window movable. It reports false while the
// window has no native handle yet.
func fitNative(win fyne.Window, fit fitting, at *windowPos) bool {
	h := hwndOf(win)
	if h == 0 {
		return false
	}
	r, ok := nativeRect(win)
	if !ok {
		return true
	}
	want := r
	if at != nil {
		want = placedRect(r, *at)
	}
	// the monitor the window was left on, or the nearest one left
	wr := windows.Rect{Left: want.left, Top: want.top, Right: want.right, Bottom: want.bottom}
	mon, _, _ := procMonitorFromRect.Call(uintptr(unsafe.Pointer(&wr)), monitorDefaultToNear)
	mi := monitorInfo{size: uint32(unsafe.Sizeof(monitorInfo{}))}
	if ok, _, _ := procGetMonitorInfo.Call(mon, uintptr(unsafe.Pointer(&mi))); ok == 0 {
		return true
	}
	work := rect{mi.work.Left, mi.work.Top, mi.work.Right, mi.work.Bottom}
	if fit == fitFill {
		want = work
	}
	x, y, w, hh := fitRect(want, work)
	if x != r.left || y != r.top || w != r.right-r.left || hh != r.bottom-r.top {
		const swpNoZOrder = 0x0004
		procSetWindowPos.Call(h, 0, uintptr(x), uintptr(y), uintptr(w), uintptr(hh), swpNoZOrder)
	}
	if fit == fitMaximise {
		procShowWindow.Call(h, windows.SW_MAXIMIZE)
	}
	return true
}

// nativeRect is the window's rectangle on the screen now.
func nativeRect(win fyne.Window) (rect, bool) {
	h := hwndOf(win)
	if h == 0 {
		return rect{}, false
	}
	var r windows.Rect
	if ok, _, _ := procGetWindowRect.Call(h, uintptr(unsafe.Pointer(&r))); ok == 0 {
		return rect{}, false
	}
	return rect{r.Left, r.Top, r.Right, r.Bottom}, true
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
