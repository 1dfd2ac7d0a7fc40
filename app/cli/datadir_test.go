package cli

import "testing"

func TestDataFolderChoice(t *testing.T) {
	win := map[string]string{
		"LOCALAPPDATA": `C:\Users\王堃\AppData\Local`,
		"APPDATA":      `\\fileserver\profiles$\王堃\AppData\Roaming`,
		"USERPROFILE":  `C:\Users\王堃`,
	}
	local, roaming := `C:\Users\王堃\AppData\Local\GovDesk`, `\\fileserver\profiles$\王堃\AppData\Roaming\GovDesk`
	for _, c := range []struct {
		name        string
		goos        string
		env         map[string]string
		withDB      []string
		dir, moveTo string
	}{
		{"new install on Windows: Local", "windows", win, nil, local, ""},
		{"earlier version's Roaming database: used, to be moved", "windows", win, []string{roaming}, roaming, local},
		{"both: Local wins", "windows", win, []string{roaming, local}, local, ""},
		{"Local already moved", "windows", win, []string{local}, local, ""},
		{"no LOCALAPPDATA: from the profile", "windows", map[string]string{"USERPROFILE": `C:\Users\a`}, nil, `C:\Users\a\AppData\Local\GovDesk`, ""},
		{"Linux XDG", "linux", map[string]string{"XDG_DATA_HOME": "/data", "HOME": "/home/a"}, nil, "/data/GovDesk", ""},
		{"Linux home", "linux", map[string]string{"HOME": "/home/a"}, nil, "/home/a/.local/share/GovDesk", ""},
		{"macOS", "darwin", map[string]string{"HOME": "/Users/a"}, nil, "/Users/a/Library/Application Support/GovDesk", ""},
	} {
		has := func(d string) bool {
			for _, x := range c.withDB {
				if x == d {
					return true
				}
			}
			return false
		}
		dir, moveTo := dataDirs(c.goos, func(k string) string { return c.env[k] }, has)
		if dir != c.dir || moveTo != c.moveTo {
			t.Errorf("%s: %q → %q, want %q → %q", c.name, dir, moveTo, c.dir, c.moveTo)
		}
	}
}
