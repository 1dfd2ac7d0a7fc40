package reports

import (
	"path/filepath"
	"testing"
)

// The template the wizard offers imports as it is: its example rows make
// a window and a person.
func TestImportingTheDownloadedTemplatesAddsTheirExampleRows(t *testing.T) {
	st := openStore(t)
	dir := t.TempDir()
	for _, kind := range []string{"windows", "staff"} {
		path := filepath.Join(dir, kind+".xlsx")
		if err := WriteImportTemplate(kind, path); err != nil {
			t.Fatal(err)
		}
		if _, err := Import(st, kind, path, nil); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
	}
	staff, err := st.StaffList()
	if err != nil {
		t.Fatal(err)
	}
	if len(staff) != 1 || staff[0].Name != "张三" {
		t.Fatalf("staff after importing the templates: %+v", staff)
	}
	if len(ColumnHelp("staff")) != len(staffColumns) || ColumnHelp("staff")[0] != "工号（必填）：每人唯一，如ZW006" {
		t.Fatalf("column help: %q", ColumnHelp("staff"))
	}
}
