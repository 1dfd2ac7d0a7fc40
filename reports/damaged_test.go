package reports

import (
	"context"
	"database/sql"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "gorm.io/driver/sqlite" // the "sqlite3" driver the test finds the table's page with

	"github.com/xuri/excelize/v2"

	"govdesk/models"
)

// damageTable overwrites the header of the first page of a table in the
// database of dir, as a failing disk would.
func damageTable(t *testing.T, dir, table string) {
	t.Helper()
	path := filepath.Join(dir, models.DatabaseFile)
	db, err := sql.Open("sqlite3", path)
	must(t, err)
	var root, pageSize int64
	must(t, db.QueryRow("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", table).Scan(&root))
	must(t, db.QueryRow("PRAGMA page_size").Scan(&pageSize))
	db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	must(t, err)
	defer f.Close()
	var cells [2]byte
	binary.BigEndian.PutUint16(cells[:], 0xFFF0) // more cells than the page holds
	_, err = f.WriteAt(cells[:], (root-1)*pageSize+3)
	must(t, err)
}

func TestImportIntoADamagedDatabaseIsRefusedInChinese(t *testing.T) {
	dir := t.TempDir()
	st, err := models.Open(dir, models.WithClock(models.FixedClock(testNow)))
	must(t, err)
	mustImport(t, st, "windows", writeFile(t, "窗口.csv", []byte(windowsCSV)))
	st.Close()
	damageTable(t, dir, "service_windows")

	st, err = models.Open(dir, models.WithClock(models.FixedClock(testNow)))
	if err != nil {
		t.Fatalf("the damaged database does not open at all, so the trial tries nothing: %v", err)
	}
	defer st.Close()
	_, err = Import(st, "windows", writeFile(t, "窗口.csv", []byte(windowsCSV+"C01,婚姻登记窗口,市民政局,三楼C区\r\n")), nil)
	if err == nil {
		t.Fatal("an import into a damaged database was accepted")
	}
	checkDamagedMessage(t, err.Error())
	// a machine's file is refused the same way
	_, err = ImportPunchFile(context.Background(), st, filepath.Join("testdata", "punches", "1_attlog.dat"), PunchFileOptions{}, nil)
	if err == nil {
		t.Fatal("a machine's punch file was imported into a damaged database")
	}
	checkDamagedMessage(t, err.Error())
}

func checkDamagedMessage(t *testing.T, msg string) {
	t.Helper()
	if !strings.Contains(msg, "数据库文件已损坏") || !strings.Contains(msg, "暂不能写入") || strings.Contains(msg, "文件有") {
		t.Errorf("message %q does not say the database is damaged (or blames the file)", msg)
	}
	for _, english := range []string{"malformed", "database disk image", "corrupt", "btree", "page"} {
		if strings.Contains(strings.ToLower(msg), english) {
			t.Errorf("message %q carries SQLite's English", msg)
		}
	}
}

// A machine's .xlsx cut short, or one with a cell far out in column XFD,
// is refused in Chinese by the punch import as by every other.
func TestMachinePunchWorkbookCutShortOrTooWideIsRefusedInChinese(t *testing.T) {
	whole, err := os.ReadFile(filepath.Join("testdata", "punches", "钉钉原始记录.xlsx"))
	must(t, err)
	wide := excelize.NewFile()
	must(t, wide.SetCellValue("Sheet1", "A1", "考勤号码"))
	must(t, wide.SetCellValue("Sheet1", "XFD2", "x"))
	widePath := filepath.Join(t.TempDir(), "列炸弹.xlsx")
	must(t, wide.SaveAs(widePath))
	for _, tc := range []struct {
		name, path, want string
	}{
		{"cut short", writeFile(t, "钉钉原始记录.xlsx", whole[:len(whole)/2]), "文件已损坏"},
		{"column XFD", widePath, "最多 256 列"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadPunchFile(tc.path, "", "", nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "zip") {
				t.Fatalf("got %v, want a refusal saying %q", err, tc.want)
			}
		})
	}
}
