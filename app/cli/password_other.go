//go:build !windows

package cli

// readHidden reads the password line. On a terminal the typed characters
// show; scripts give the password in GOVDESK_PASSWORD.
func readHidden() (string, error) { return readLine() }
