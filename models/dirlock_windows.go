package models

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockFile locks one byte far past the end of f without waiting; false
// means another program holds it. Windows locks are mandatory, so the byte
// locked is not one of the text, which a second start reads for its message.
func lockFile(f *os.File) (bool, error) {
	ol := &windows.Overlapped{Offset: 0xFFFFFFF0, OffsetHigh: 0x7FFFFFFF}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		return false, nil
	}
	return err == nil, err
}
