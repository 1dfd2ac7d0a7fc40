package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govdesk/models"
)

// The staff and case exports mask identity and phone numbers unless asked
// for in clear; an export in clear is in the audit log, a role that may not
// see them is refused, and importing a masked file keeps the stored numbers.
func TestExportsMaskPersonalDataUnlessChosen(t *testing.T) {
	st := demoStore(t)
	staff, _ := st.StaffList()
	p := staff[0]
	for _, tc := range []struct {
		name     string
		personal bool
		see      []string // in the file
		hide     []string // not in the file
	}{
		{"默认打码", false, []string{models.MaskIDNumber(p.IDNumber), models.MaskPhone(p.Mobile)}, []string{p.IDNumber, p.Mobile}},
		{"选择包含个人信息", true, []string{p.IDNumber, p.Mobile}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "人员.csv")
			if _, err := Export(st, "staff", path, ExportOptions{Personal: tc.personal}); err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(path)
			for _, s := range tc.see {
				if !strings.Contains(string(b), s) {
					t.Errorf("the file lacks %q", s)
				}
			}
			for _, s := range tc.hide {
				if strings.Contains(string(b), s) {
					t.Errorf("the file shows %q", s)
				}
			}
			log, _ := st.AuditLog(models.AuditFilter{Text: path})
			if recorded := len(log) == 1 && log[0].Action == models.ActionExport; recorded != tc.personal {
				t.Errorf("export recorded in the log: %v, want %v", recorded, tc.personal)
			}
			// the file imported again changes nothing: masked numbers keep the stored ones
			stats, err := Import(st, "staff", path, nil)
			if err != nil || stats.Updated != 0 || stats.Created != 0 {
				t.Fatalf("re-import: %+v %v", stats, err)
			}
		})
	}
	again, _ := st.StaffList()
	if again[0].IDNumber != p.IDNumber || again[0].Mobile != p.Mobile {
		t.Fatalf("numbers after importing the masked file: %s %s", again[0].IDNumber, again[0].Mobile)
	}
}

// 只读 exports without personal data, and is refused with them.
func TestReadOnlyNeverExportsPersonalData(t *testing.T) {
	st := demoStore(t)
	if _, err := st.CreateAdministrator("李主任", "密码12345678"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveAccount(&models.Account{Name: "孙只读", Role: models.RoleReadOnly}, "密码12345678"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SignIn("孙只读", "密码12345678"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := Export(st, "cases", filepath.Join(dir, "办件.csv"), ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	_, err := Export(st, "cases", filepath.Join(dir, "办件全.csv"), ExportOptions{Personal: true})
	if !models.IsForbidden(err) {
		t.Fatalf("只读 exported personal data: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "办件全.csv")); err == nil {
		t.Error("the refused export left a file")
	}
}
