//go:build !windows

package models

// onRemoteDrive is Windows' drive-letter question; elsewhere data folders
// are where the user put them.
func onRemoteDrive(string) bool { return false }
