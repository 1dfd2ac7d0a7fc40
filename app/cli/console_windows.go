package cli

import (
	"io"
	"os"
	"syscall"

	"golang.org/x/sys/windows"
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

// Output returns the writers a sub-command prints to. A console gets the
// text as it is (Go writes to it in UTF-16); output redirected to a file or
// a pipe from a console whose code page is not UTF-8 is converted to that
// code page, which is what cmd.exe, findstr and Notepad expect of it.
// Exported files (.csv, .xlsx, .pdf) are not touched: they stay UTF-8.
func Output() (stdout, stderr io.Writer) {
	return forConsole(os.Stdout), forConsole(os.Stderr)
}

func forConsole(f *os.File) io.Writer {
	h := windows.Handle(f.Fd())
	var mode uint32
	if windows.GetConsoleMode(h, &mode) == nil {
		return f // a console
	}
	cp, err := windows.GetConsoleOutputCP()
	if err != nil || cp == 0 {
		return f // no console at all (started from Explorer or a service)
	}
	return inCodePage(f, cp)
}
