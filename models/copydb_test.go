package models

import (
	"path/filepath"
	"strings"
	"testing"
)

// A centre moved from its SQLite file to a server and back comes back the
// same: every table with the same rows (same checksums both ways), the
// audit log's chain intact, and the server goes on numbering after the ids
// it received.
func TestCentreMovesToTheServerAndBack(t *testing.T) {
	if !onServer() {
		t.Skip("需要 " + testPostgresVar + " 给出的 PostgreSQL 服务器")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "中心.db")
	centre := openTempAt(t, testNow)
	if err := centre.FillDemo(); err != nil {
		t.Fatal(err)
	}
	// the centre as a SQLite file: on the server run, a backup is one
	if err := centre.Backup(file); err != nil {
		t.Fatal(err)
	}
	server := serverForDir(filepath.Join(dir, "server"))
	var said []string
	there, err := CopyDatabase(file, server, func(m string) { said = append(said, m) }, WithClock(FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(said, "\n"), "操作日志防篡改链校验通过") {
		t.Errorf("progress said %q", said)
	}
	back := filepath.Join(dir, "回来.db")
	again, err := CopyDatabase(server, back, nil, WithClock(FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	if len(there) != len(again) || len(there) < 20 {
		t.Fatalf("%d tables there, %d back", len(there), len(again))
	}
	rows := 0
	for i := range there {
		if there[i] != again[i] {
			t.Errorf("table %s: there %+v, back %+v", there[i].Table, there[i], again[i])
		}
		rows += there[i].Rows
	}
	if rows < 1000 {
		t.Errorf("only %d rows copied", rows)
	}

	// the server goes on from the ids it got, and its log chains on
	st, err := Open(t.TempDir(), WithDatabase(server), WithClock(FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u := HomeUnit{Name: "市新设局"}
	if err := st.SaveHomeUnit(&u); err != nil {
		t.Fatal(err)
	}
	if problems, err := st.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check after the move: %v %v", problems, err)
	}

	// a target that holds records is refused, and keeps them
	if _, err := CopyDatabase(file, server, nil); err == nil || !strings.Contains(err.Error(), "已有数据") {
		t.Fatalf("copy into a server with records: %v", err)
	}
	if _, err := CopyDatabase(file, back, nil); err == nil || !strings.Contains(err.Error(), "PostgreSQL") {
		t.Fatalf("file to file: %v", err)
	}
	if _, err := CopyDatabase(server, back, nil); err == nil || !strings.Contains(err.Error(), "已存在") {
		t.Fatalf("onto an existing file: %v", err)
	}
}
