package app

import (
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	procGetLastInputInfo = user32.NewProc("GetLastInputInfo")
	procGetTickCount     = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetTickCount")
)

// lastInputInfo is Windows' LASTINPUTINFO.
type lastInputInfo struct {
	size uint32
	time uint32 // tick count of the last keyboard or mouse input
}

// inputIdle is how long ago the person at the PC last moved the mouse or
// pressed a key, anywhere: what Windows' own screen lock measures. The
// window's idle sign-out counts it, so someone reading a list or moving
// the mouse over it is not signed out.
func inputIdle() (time.Duration, bool) {
	li := lastInputInfo{size: uint32(unsafe.Sizeof(lastInputInfo{}))}
	if r, _, _ := procGetLastInputInfo.Call(uintptr(unsafe.Pointer(&li))); r == 0 {
		return 0, false
	}
	now, _, _ := procGetTickCount.Call()
	// both are milliseconds since Windows started, wrapping after 49.7 days
	return time.Duration(uint32(now)-li.time) * time.Millisecond, true
}
