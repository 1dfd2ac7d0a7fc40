//go:build !windows

package app

import "time"

// inputIdle would tell how long ago the person at the PC last used the
// mouse or keyboard; only Windows is asked. Elsewhere the window counts
// what it sees itself.
func inputIdle() (time.Duration, bool) { return 0, false }
