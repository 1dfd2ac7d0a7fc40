package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// readHidden reads the password line with the console's echo off, so the
// characters typed do not show.
func readHidden() (string, error) {
	h := windows.Handle(os.Stdin.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err == nil {
		windows.SetConsoleMode(h, mode&^windows.ENABLE_ECHO_INPUT)
		defer windows.SetConsoleMode(h, mode)
	}
	return readLine()
}
