package cli

import (
	"fmt"
	"regexp"

	"fyne.io/fyne/v2"
	"github.com/BurntSushi/toml"
)

// Metadata is the program's name, ID, version and build number as
// FyneApp.toml states them. main sets it from the copy of that file built
// into the program, so that `govdesk version`, the window's 关于, the
// Windows file properties and the installer all show one version.
var Metadata = fyne.AppMetadata{ID: "cn.gov.govdesk", Name: "政务窗口管理", Version: "0.0.0"}

// versionPattern is the form the Windows build needs: three numbers, which
// with the build number make the four of a file version.
var versionPattern = regexp.MustCompile(`^\d+\.\d+\.\d+$`)

// ParseMetadata reads FyneApp.toml. A version that is not three numbers is
// refused, since the Windows resources and the installer could not carry it.
func ParseMetadata(b []byte) (fyne.AppMetadata, error) {
	var f struct {
		Details struct {
			Icon, Name, ID, Version string
			Build                   int
		}
		Migrations map[string]bool
	}
	if err := toml.Unmarshal(b, &f); err != nil {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml：%w", err)
	}
	d := f.Details
	if !versionPattern.MatchString(d.Version) {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml：版本“%s”应为三段数字，如 1.2.3", d.Version)
	}
	return fyne.AppMetadata{ID: d.ID, Name: d.Name, Version: d.Version, Build: d.Build, Release: true, Migrations: f.Migrations}, nil
}

// VersionText is the one line that names this build, for `govdesk
// version` and the 关于 dialog: 政务窗口管理 GovDesk 0.1.0（构建 1）.
func VersionText(m fyne.AppMetadata) string {
	return fmt.Sprintf("%s GovDesk %s（构建 %d）", m.Name, m.Version, m.Build)
}
