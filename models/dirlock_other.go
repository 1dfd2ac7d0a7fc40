//go:build !unix && !windows

package models

import "os"

// lockFile cannot lock on this system: every start gets the folder.
func lockFile(*os.File) (bool, error) { return true, nil }
