//go:build !windows

package app

import "fyne.io/fyne/v2"

// fitNative has nothing to do outside Windows: the window managers there
// keep a new window on the screen themselves. It reports true: done.
func fitNative(fyne.Window, fitting, *windowPos) bool { return true }

// nativeMaximised cannot be told outside Windows.
func nativeMaximised(fyne.Window) (bool, bool) { return false, false }

// nativeRect cannot be told outside Windows.
func nativeRect(fyne.Window) (rect, bool) { return rect{}, false }
