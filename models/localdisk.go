package models

import (
	"fmt"
	"path/filepath"
	"strings"
)

// checkLocalDisk refuses a data folder on a network share or drive: SQLite
// in WAL mode needs shared memory that a network file system does not give,
// and its locks there are unreliable, so the database would be damaged.
// Domain PCs whose roaming profile sits on a server are where this happens.
func checkLocalDisk(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	if isUNC(abs) || onRemoteDrive(abs) {
		return fmt.Errorf("%w：%s", ErrNetworkDrive, abs)
	}
	return nil
}

// isUNC reports whether a Windows path names a share (\\server\share\…),
// which is always remote to the program.
func isUNC(path string) bool {
	p := strings.ReplaceAll(path, "/", `\`)
	if strings.HasPrefix(p, `\\?\UNC\`) {
		return true
	}
	if strings.HasPrefix(p, `\\?\`) || strings.HasPrefix(p, `\\.\`) {
		return false // a local path in long form, or a device
	}
	return strings.HasPrefix(p, `\\`)
}
