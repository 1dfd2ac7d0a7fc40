package cli

import (
	"os"
	"path/filepath"
	"runtime"

	"govdesk/models"
)

// DefaultDataDir is the per-user data folder: on Windows
// %LOCALAPPDATA%\GovDesk, or the Roaming folder (%APPDATA%\GovDesk) earlier
// versions used while it still holds the database; ~/Library/Application
// Support/GovDesk on macOS; $XDG_DATA_HOME/GovDesk (~/.local/share/GovDesk)
// elsewhere.
func DefaultDataDir() string {
	d, _ := dataDirs(runtime.GOOS, os.Getenv, hasDatabase)
	return d
}

// MoveTarget says where the data should move: when dataDir is the Roaming
// folder earlier Windows versions used, the Local folder that new installs
// use (Roaming is copied to a server at every logon on domain PCs, and may
// itself be a network folder, where SQLite is unsafe). ok is false when
// there is nothing to move.
func MoveTarget(dataDir string) (to string, ok bool) {
	d, legacy := dataDirs(runtime.GOOS, os.Getenv, hasDatabase)
	if legacy == "" || filepath.Clean(dataDir) != filepath.Clean(d) {
		return "", false
	}
	return legacy, true
}

// dataDirs chooses the data folder on the system goos from the environment
// and from which folders hold a database. moveTo is set when the folder
// chosen is the Roaming one kept for its database: the Local folder it
// should move to.
func dataDirs(goos string, getenv func(string) string, has func(dir string) bool) (dir, moveTo string) {
	join := filepath.Join
	if goos == "windows" {
		join = winJoin
	}
	switch goos {
	case "windows":
		local := getenv("LOCALAPPDATA")
		if local == "" && getenv("USERPROFILE") != "" {
			local = join(getenv("USERPROFILE"), "AppData", "Local")
		}
		var roaming string
		if a := getenv("APPDATA"); a != "" {
			roaming = join(a, "GovDesk")
		}
		if local == "" {
			if roaming != "" {
				return roaming, ""
			}
			return "GovDesk", ""
		}
		local = join(local, "GovDesk")
		if !has(local) && roaming != "" && has(roaming) {
			return roaming, local
		}
		return local, ""
	case "darwin":
		if h := getenv("HOME"); h != "" {
			return join(h, "Library", "Application Support", "GovDesk"), ""
		}
	default:
		if d := getenv("XDG_DATA_HOME"); d != "" {
			return join(d, "GovDesk"), ""
		}
		if h := getenv("HOME"); h != "" {
			return join(h, ".local", "share", "GovDesk"), ""
		}
	}
	return "GovDesk", ""
}

// winJoin joins a Windows path on any system, so the choice can be tested
// where the tests run.
func winJoin(parts ...string) string {
	p := parts[0]
	for _, s := range parts[1:] {
		if len(p) > 0 && p[len(p)-1] != '\\' {
			p += `\`
		}
		p += s
	}
	return p
}

func hasDatabase(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, models.DatabaseFile))
	return err == nil
}
