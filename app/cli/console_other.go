//go:build !windows

package cli

// AttachConsole does nothing outside Windows: programs there always have
// their standard streams.
func AttachConsole() {}
