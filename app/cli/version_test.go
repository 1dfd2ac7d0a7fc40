package cli

import (
	"strings"
	"testing"
)

func TestParseMetadataReadsFyneAppToml(t *testing.T) {
	m, err := ParseMetadata([]byte("[Details]\nIcon = \"assets/icon.png\"\nName = \"政务窗口管理\"\nID = \"cn.gov.govdesk\"\nVersion = \"1.4.2\"\nBuild = 7\n\n[Migrations]\nfyneDo = true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Version != "1.4.2" || m.Build != 7 || m.ID != "cn.gov.govdesk" || !m.Migrations["fyneDo"] {
		t.Fatalf("%+v", m)
	}
	if got := VersionText(m); got != "政务窗口管理 GovDesk 1.4.2（构建 7）" {
		t.Fatalf("VersionText = %q", got)
	}
}

// A version the Windows file properties cannot hold is refused when the
// program starts, not discovered by the installer build.
func TestParseMetadataRefusesVersionNotThreeNumbers(t *testing.T) {
	for _, v := range []string{"1.0", "1.0.0-beta", "v1.0.0", ""} {
		if _, err := ParseMetadata([]byte("[Details]\nVersion = \"" + v + "\"\n")); err == nil || !strings.Contains(err.Error(), "三段数字") {
			t.Errorf("version %q: %v", v, err)
		}
	}
}

func TestVersionCommandPrintsVersion(t *testing.T) {
	old := Metadata
	defer func() { Metadata = old }()
	Metadata.Version, Metadata.Build = "2.3.4", 9
	code, out, _ := run(t, "--data", t.TempDir(), "version")
	if code != ExitOK || !strings.Contains(out, "GovDesk 2.3.4（构建 9）") {
		t.Fatalf("%d %q", code, out)
	}
}
