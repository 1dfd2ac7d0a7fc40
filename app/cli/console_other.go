//go:build !windows

package cli

import (
	"io"
	"os"
)

// AttachConsole does nothing outside Windows: programs there always have
// their standard streams.
func AttachConsole() {}

// Output returns the writers a sub-command prints to: outside Windows the
// standard streams, whose text is UTF-8 as the terminal's.
func Output() (stdout, stderr io.Writer) { return os.Stdout, os.Stderr }
