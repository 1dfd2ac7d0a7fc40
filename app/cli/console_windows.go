package cli

import (
	"os"
	"syscall"
)

// AttachConsole connects a sub-command to the console it was started from.
// The Windows build is a GUI program (no console window of its own), so
// without this `govdesk.exe import ...` typed in cmd.exe would print nothing.
// Handles that were redirected to a file or pipe are left as they are.
func AttachConsole() {
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if proc.Find() != nil {
		return
	}
	if r, _, _ := proc.Call(attachParentProcess); r == 0 {
		return // started from Explorer or already has a console
	}
	reopen := func(std int, f **os.File, name string) {
		if h, err := syscall.GetStdHandle(std); err == nil && h != 0 && h != syscall.InvalidHandle {
			return
		}
		if c, err := os.OpenFile(name, os.O_RDWR, 0); err == nil {
			*f = c
		}
	}
	reopen(syscall.STD_OUTPUT_HANDLE, &os.Stdout, "CONOUT$")
	reopen(syscall.STD_ERROR_HANDLE, &os.Stderr, "CONOUT$")
}
