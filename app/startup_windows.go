package app

import (
	"errors"
	"syscall"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	"golang.org/x/sys/windows"

	"govdesk/models"
)

var (
	procSetForegroundWindow = user32.NewProc("SetForegroundWindow")
	procIsIconic            = user32.NewProc("IsIconic")
)

// ShowStartupProblem shows why the window could not open, in a Windows
// message box: it needs no OpenGL and no Fyne, so it shows whatever went
// wrong. When the data folder is held by a GovDesk window of this user,
// that window is brought to the front instead.
func ShowStartupProblem(err error, dataDir string, _ func() fyne.App) {
	var inUse *models.InUseError
	if errors.As(err, &inUse) && inUse.Pid > 0 && waitToBringForward(uint32(inUse.Pid), 20*time.Second) {
		return
	}
	title, text := StartupProblem(err, dataDir, "govdesk-cli.exe")
	t, _ := windows.UTF16PtrFromString(title)
	m, _ := windows.UTF16PtrFromString(text)
	windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND)
}

// waitToBringForward brings the holder's window forward, waiting up to
// patience for it to appear: a second double-click while the first window
// is still starting should end with that window in front, not a message.
func waitToBringForward(pid uint32, patience time.Duration) bool {
	for end := time.Now().Add(patience); ; time.Sleep(250 * time.Millisecond) {
		if bringForward(pid) {
			return true
		}
		if time.Now().After(end) || !alive(pid) {
			return false
		}
	}
}

// alive reports whether process pid is still running.
func alive(pid uint32) bool {
	h, err := windows.OpenProcess(windows.SYNCHRONIZE, false, pid)
	if err != nil {
		return false
	}
	defer windows.CloseHandle(h)
	ev, err := windows.WaitForSingleObject(h, 0)
	return err == nil && ev == uint32(windows.WAIT_TIMEOUT)
}

// bringForward restores and raises the visible top-level window of process
// pid; false when it has none.
func bringForward(pid uint32) bool {
	var found windows.HWND
	cb := syscall.NewCallback(func(h windows.HWND, _ uintptr) uintptr {
		var p uint32
		windows.GetWindowThreadProcessId(h, &p)
		if p == pid && windows.IsWindowVisible(h) {
			found = h
			return 0 // stop
		}
		return 1
	})
	windows.EnumWindows(cb, unsafe.Pointer(nil))
	if found == 0 {
		return false
	}
	if r, _, _ := procIsIconic.Call(uintptr(found)); r != 0 {
		procShowWindow.Call(uintptr(found), windows.SW_RESTORE)
	}
	procSetForegroundWindow.Call(uintptr(found))
	return true
}
