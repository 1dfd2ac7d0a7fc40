package models

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// onRemoteDrive reports whether path is on a drive letter mapped to a
// network share (GetDriveTypeW says DRIVE_REMOTE).
func onRemoteDrive(path string) bool {
	vol := filepath.VolumeName(path)
	if len(vol) != 2 || vol[1] != ':' {
		return false
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false
	}
	return windows.GetDriveType(root) == windows.DRIVE_REMOTE
}
