package models

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestOpenCreatesDatabaseAtCurrentVersion(t *testing.T) {
	skipOnServer(t, "数据文件夹中的数据库文件")
	dir := t.TempDir()
	st, err := Open(filepath.Join(dir, "新建文件夹"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := os.Stat(filepath.Join(dir, "新建文件夹", DatabaseFile)); err != nil {
		t.Fatal("database file not created:", err)
	}
	v, err := schemaVersion(st.db)
	if err != nil || v != SchemaVersion() {
		t.Fatalf("schema version %d (%v), want %d", v, err, SchemaVersion())
	}
	var mode string
	st.db.Raw("PRAGMA journal_mode").Scan(&mode)
	var fk int
	st.db.Raw("PRAGMA foreign_keys").Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Fatalf("journal_mode=%s foreign_keys=%d, want wal and 1", mode, fk)
	}
}

// A database written by the first release (schema version 1: the roster
// only) opens in this version with its data intact and the newer tables added.
func TestOpenMigratesOlderSchema(t *testing.T) {
	dir := t.TempDir()
	old, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Make it look like version 1: drop what later migrations added.
	db := old.db
	for _, tbl := range []string{"commendations", "ratings", "complaints", "violations", "badge_loans", "badge_items", "substitutions", "uniform_issues", "uniform_exemptions", "season_changes", "month_locks", "outings", "inspections", "leave_requests", "punches", "rule_sets", "issued_notices", "notice_templates", "case_materials", "cases", "audit_entries", "calendar_days", "settings"} {
		if err := db.Migrator().DropTable(tbl); err != nil {
			t.Fatal(err)
		}
	}
	db.Exec("DELETE FROM schema_migrations WHERE version > 1")
	db.Exec("INSERT INTO home_units (name, created_at, updated_at) VALUES ('市民政局', '2024-01-01', '2024-01-01')")
	old.Close()

	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := schemaVersion(st.db); v != SchemaVersion() {
		t.Fatalf("version after upgrade = %d, want %d", v, SchemaVersion())
	}
	units, err := st.HomeUnits()
	if err != nil || len(units) != 1 || units[0].Name != "市民政局" {
		t.Fatalf("data lost in migration: %v %v", units, err)
	}
	u := units[0]
	u.Contact = "王堃"
	if err := st.SaveHomeUnit(&u); err != nil {
		t.Fatal("the new audit table is not usable:", err)
	}
	if log, _ := st.AuditLog(AuditFilter{}); len(log) != 1 {
		t.Fatalf("want 1 audit entry after upgrade, got %d", len(log))
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	st := mustOpen(t, dir)
	st.db.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2030-01-01')", SchemaVersion()+1)
	st.Close()
	_, err := Open(dir)
	if !errors.Is(err, ErrNewerDatabase) || !strings.Contains(err.Error(), "更新版本") {
		t.Fatalf("want a refusal naming a newer version, got %v", err)
	}
}

func mustOpen(t *testing.T, dir string) *Store {
	t.Helper()
	st, err := Open(dir, WithClock(FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestAuditRecordsCreateUpdateDelete(t *testing.T) {
	st := openTemp(t)
	if err := st.SetOperator("综合业务科 李喆"); err != nil {
		t.Fatal(err)
	}
	_, a, _ := seedRoster(t, st)
	a.Name = "企业开办一窗通办"
	if err := st.SaveServiceWindow(&a); err != nil {
		t.Fatal(err)
	}
	log, err := st.AuditLog(AuditFilter{Entity: "窗口", Text: "A01"})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Action != ActionUpdate || log[1].Action != ActionCreate {
		t.Fatalf("want update then create for A01, got %+v", log)
	}
	upd := log[0]
	if upd.Operator != "综合业务科 李喆" || upd.Key != "A01" {
		t.Fatalf("operator/key: %+v", upd)
	}
	if got := strings.Join(upd.Changes(), "；"); got != "窗口名称：企业开办综合窗口 → 企业开办一窗通办" {
		t.Fatalf("changes = %q", got)
	}
	// saving without a change writes no entry
	if err := st.SaveServiceWindow(&a); err != nil {
		t.Fatal(err)
	}
	if log, _ := st.AuditLog(AuditFilter{Entity: "窗口", Text: "A01"}); len(log) != 2 {
		t.Fatalf("an unchanged save was audited: %d entries", len(log))
	}
	extra := HomeUnit{Name: "临时单位"}
	st.SaveHomeUnit(&extra)
	if err := st.DeleteHomeUnit(extra.ID); err != nil {
		t.Fatal(err)
	}
	del, _ := st.AuditLog(AuditFilter{Entity: "派驻单位", Text: "临时单位"})
	if len(del) != 2 || del[0].Action != ActionDelete || del[0].After != "" || !strings.Contains(del[0].Before, "临时单位") {
		t.Fatalf("delete not audited with the record before: %+v", del)
	}
}

func TestDeleteReferencedIsRefusedWithReason(t *testing.T) {
	st := openTemp(t)
	u, a, _ := seedRoster(t, st)
	err := st.DeleteHomeUnit(u.ID)
	var re *RefusedError
	if !errors.As(err, &re) || !strings.Contains(re.Reason, "2 个窗口") {
		t.Fatalf("want refusal naming the 2 windows, got %v", err)
	}
	newStaff(t, st, "ZW001", "王堃", a.ID, u.ID)
	if err := st.DeleteServiceWindow(a.ID); err == nil || !strings.Contains(err.Error(), "1 名人员") {
		t.Fatalf("want refusal naming the person, got %v", err)
	}
}

func newStaff(t *testing.T, st *Store, no, name string, windowID, unitID uint) Staff {
	t.Helper()
	p := Staff{EmployeeNo: no, Name: name, IDNumber: validID(t, "15090219900101001"), Mobile: "13800138000",
		HomeUnitID: unitID, WindowID: windowID, Post: PostStaff, JoinedOn: NewDate(2024, 3, 1)}
	if err := st.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStaffKeepsRareCharactersAndHistory(t *testing.T) {
	st := openTemp(t)
	u, a, b := seedRoster(t, st)
	p := newStaff(t, st, "ZW003", "周𠮷", a.ID, u.ID)
	if got, _ := st.StaffByID(p.ID); got.Name != "周𠮷" || got.Gender != "男" || got.Status != StatusOnDuty {
		t.Fatalf("stored %+v", got)
	}
	if err := st.MoveStaff(p.ID, b.ID, NewDate(2026, 6, 1), "中心统一调整"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetStaffStatus(p.ID, StatusReturned, NewDate(2026, 9, 30), "派驻期满"); err != nil {
		t.Fatal(err)
	}
	got, _ := st.StaffByID(p.ID)
	if got.WindowID != b.ID || got.Status != StatusReturned || got.LeftOn != NewDate(2026, 9, 30) {
		t.Fatalf("after move and return: %+v", got)
	}
	hist, err := st.StaffHistory(p.ID)
	if err != nil || len(hist) != 3 {
		t.Fatalf("history %v %v", hist, err)
	}
	want := []string{"入驻 A01 企业开办综合窗口", "A01 企业开办综合窗口 → A02 食品经营许可窗口；（中心统一调整）", "在岗 → 退回原单位；（派驻期满）"}
	for i, c := range hist {
		if c.Describe() != want[i] {
			t.Errorf("history %d = %q, want %q", i, c.Describe(), want[i])
		}
	}
	if err := st.DeleteStaff(p.ID); err == nil {
		t.Fatal("a person with history must not be deletable")
	}
	if err := st.MoveStaff(p.ID, b.ID, NewDate(2026, 10, 1), ""); err == nil {
		t.Fatal("moving to the same window should be refused")
	}
}

func TestSaveStaffValidation(t *testing.T) {
	st := openTemp(t)
	u, a, _ := seedRoster(t, st)
	newStaff(t, st, "ZW001", "王堃", a.ID, u.ID)
	p := Staff{EmployeeNo: "ZW001", Name: "李喆", IDNumber: "110105194912310021", Mobile: "1380013800",
		HomeUnitID: u.ID, WindowID: a.ID, Post: "科长"}
	err := st.SaveStaff(&p)
	fe, ok := AsFieldErrors(err)
	if !ok {
		t.Fatalf("want field errors, got %v", err)
	}
	for _, f := range []string{"身份证号", "手机号", "岗位", "入驻日期"} {
		if fe.For(f) == "" {
			t.Errorf("no error for %s in %v", f, fe)
		}
	}
	p.IDNumber, p.Mobile, p.Post, p.JoinedOn = "", "", PostStaff, NewDate(2026, 1, 1)
	err = st.SaveStaff(&p)
	if fe, _ := AsFieldErrors(err); fe.For("工号") != "工号 ZW001 已被 王堃 使用" {
		t.Fatalf("duplicate 工号: %v", err)
	}
	list, _ := st.StaffList()
	if len(list) != 1 {
		t.Fatalf("a refused save changed the roster: %d people", len(list))
	}
}

func TestBackupRestoreAndCheck(t *testing.T) {
	skipOnServer(t, "用备份文件替换数据库")
	dir := t.TempDir()
	st := mustOpen(t, dir)
	if err := st.FillDemo(); err != nil {
		t.Fatal(err)
	}
	if problems, err := st.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	backup := filepath.Join(t.TempDir(), "备份.db")
	if err := st.Backup(backup); err != nil {
		t.Fatal(err)
	}
	if err := st.Backup(backup); err == nil {
		t.Fatal("backup overwrote an existing file")
	}
	// a change after the backup, then restore: the change is gone, and the
	// replaced database is kept
	u := HomeUnit{Name: "备份后新增"}
	st.SaveHomeUnit(&u)
	st.Close()
	kept, err := Restore(dir, backup)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Fatal("replaced database not kept:", err)
	}
	st = mustOpen(t, dir)
	defer st.Close()
	units, _ := st.HomeUnits()
	for _, x := range units {
		if x.Name == "备份后新增" {
			t.Fatal("restore did not bring back the backup")
		}
	}
	staff, _ := st.StaffList()
	if len(staff) != 60 {
		t.Fatalf("restored %d staff, want 60", len(staff))
	}
	notDB := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(notDB, []byte("not a database"), 0o644)
	if _, err := Restore(dir, notDB); err == nil || !strings.Contains(err.Error(), "不是 GovDesk 的备份文件") {
		t.Fatalf("restoring a non-database: %v", err)
	}
}

func TestFillDemoHasRareNamesAndRefusesNonEmpty(t *testing.T) {
	st := openTemp(t)
	if err := st.FillDemo(); err != nil {
		t.Fatal(err)
	}
	staff, _ := st.StaffList()
	names := map[string]bool{}
	for _, p := range staff {
		names[p.Name] = true
		if err := CheckIDNumber(p.IDNumber); err != nil {
			t.Errorf("%s: demo identity number invalid: %v", p.Name, err)
		}
	}
	for _, n := range []string{"王堃", "李喆", "周𠮷"} {
		if !names[n] {
			t.Errorf("demo lacks %s", n)
		}
	}
	if err := st.FillDemo(); err == nil {
		t.Fatal("demo filled a database that has data")
	}
}

// A database written by the first release (schema version 3, people in the
// table "staffs") opens with every record and works.
func TestOpenUpgradesFirstReleaseDatabase(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("testdata/govdesk-v3.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, DatabaseFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	st := mustOpen(t, dir)
	defer st.Close()
	if v, _ := schemaVersion(st.db); v != SchemaVersion() {
		t.Fatalf("version %d, want %d", v, SchemaVersion())
	}
	staff, err := st.StaffList()
	if err != nil || len(staff) != 60 {
		t.Fatalf("staff after upgrade: %d, %v", len(staff), err)
	}
	names := map[string]bool{}
	for _, p := range staff {
		names[p.Name] = true
		if p.Window.Code == "" || p.HomeUnit.Name == "" {
			t.Fatalf("%s lost their window or unit", p.Name)
		}
	}
	if !names["王堃"] || !names["周𠮷"] {
		t.Fatal("rare names lost in the upgrade")
	}
	if hist, _ := st.StaffHistory(staff[0].ID); len(hist) == 0 {
		t.Fatal("history lost in the upgrade")
	}
	if problems, err := st.Check(); err != nil || len(problems) != 0 {
		t.Fatalf("integrity after upgrade: %v %v", problems, err)
	}
	// and the upgraded database takes new records that refer to people
	c := Case{No: "UP-1", Matter: "户口迁移", Kind: CaseInstant, Applicant: "王堃", WindowID: staff[0].WindowID,
		StaffID: staff[0].ID, ReceivedAt: time.Date(2026, 11, 20, 9, 0, 0, 0, CentreZone)}
	if err := st.SaveCase(&c); err != nil {
		t.Fatal(err)
	}
	if log, _ := st.AuditLog(AuditFilter{Entity: "人员"}); len(log) < 60 {
		t.Fatalf("audit log lost: %d 人员 entries", len(log))
	}
}

func TestAStaffFileNamingUnitsTheCentreLacksIsRefusedNamingThem(t *testing.T) {
	st := mustOpen(t, t.TempDir())
	if _, err := st.ImportWindows([]WindowRow{{Code: "A01", Name: "综合窗口", HomeUnit: "市人社局"}}); err != nil {
		t.Fatal(err)
	}
	row := func(no, unit string) StaffRow {
		return StaffRow{Staff: Staff{EmployeeNo: no, Name: "王堃", Post: PostStaff, JoinedOn: NewDate(2026, 1, 5)},
			HomeUnitName: unit, WindowCode: "A01"}
	}
	rows := []StaffRow{row("ZW001", "市人社局"), row("ZW002", "不存在局"), row("ZW003", "另一局"), row("ZW004", "不存在局")}
	_, err := st.ImportStaff(rows)
	var uu *UnknownUnitsError
	if !errors.As(err, &uu) {
		t.Fatalf("imported, or refused for another reason: %v", err)
	}
	if strings.Join(uu.Names, "、") != "不存在局、另一局" {
		t.Fatalf("names %v", uu.Names)
	}
	if !strings.Contains(err.Error(), "不存在局") || !strings.Contains(err.Error(), "另一局") {
		t.Fatalf("the message does not name the units: %s", err)
	}
	units, _ := st.HomeUnits()
	staff, _ := st.StaffList()
	if len(units) != 1 || len(staff) != 0 {
		t.Fatalf("a refused file left %d units and %d people", len(units), len(staff))
	}

	for _, n := range uu.Names {
		if err := st.SaveHomeUnit(&HomeUnit{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	if stats, err := st.ImportStaff(rows); err != nil || stats.Created != 4 {
		t.Fatalf("with the units created: %v %v", stats, err)
	}
}

// A person a roster file adds joins as one entered through the form does:
// the same 入驻 entry in their history and the same entries in the log,
// with their unit's and window's names. A later row of the file for the
// same 工号 updates the person it added.
func TestAnImportedPersonJoinsAsOneEnteredByHand(t *testing.T) {
	centre := func(t *testing.T) *Store {
		st := mustOpen(t, t.TempDir())
		if _, err := st.ImportWindows([]WindowRow{{Code: "A01", Name: "综合窗口", HomeUnit: "市人社局"}, {Code: "B02", Name: "不动产窗口", HomeUnit: "市自然资源局"}}); err != nil {
			t.Fatal(err)
		}
		return st
	}
	person := Staff{EmployeeNo: "ZW001", Name: "𠮷野家", Gender: "女", Post: PostStaff, JoinedOn: NewDate(2026, 1, 5), Mobile: "13800138000"}
	imported := centre(t)
	changed := person
	changed.Mobile = "13900139000"
	stats, err := imported.ImportStaff([]StaffRow{{Staff: person, HomeUnitName: "市自然资源局", WindowCode: "B02"},
		{Staff: changed, HomeUnitName: "市自然资源局", WindowCode: "B02"}})
	if err != nil || stats.Created != 1 || stats.Updated != 1 {
		t.Fatal(stats, err)
	}
	byHand := centre(t)
	units, _ := byHand.HomeUnits()
	windows, _ := byHand.ServiceWindows()
	p := person
	for _, u := range units {
		if u.Name == "市自然资源局" {
			p.HomeUnitID = u.ID
		}
	}
	for _, w := range windows {
		if w.Code == "B02" {
			p.WindowID = w.ID
		}
	}
	if err := byHand.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	if p.Window.Code != "B02" || p.HomeUnit.Name != "市自然资源局" {
		t.Fatalf("the saved person carries %+v and %+v", p.Window, p.HomeUnit)
	}
	record := func(st *Store) string {
		list, _ := st.StaffList()
		if len(list) != 1 {
			t.Fatalf("%d people", len(list))
		}
		hist, err := st.StaffHistory(list[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range hist {
			out = append(out, fmt.Sprintf("%s %s → %s %s %s", c.On, c.Kind, c.ToWindow.Label(), c.ToStatus, c.Operator))
		}
		for _, entity := range []string{"人员", "人员变动"} {
			log, err := st.AuditLog(AuditFilter{Entity: entity})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range log {
				if e.Action != ActionCreate {
					continue
				}
				var fields []string
				for _, f := range decodeFields(e.After) {
					if f.Label != "说明" {
						fields = append(fields, f.Label+"="+f.Value)
					}
				}
				out = append(out, e.Entity+" "+e.Key+" "+strings.Join(fields, " "))
			}
		}
		return strings.Join(out, "\n")
	}
	if got, want := record(imported), record(byHand); got != want {
		t.Fatalf("imported:\n%s\nentered by hand:\n%s", got, want)
	}
	if list, _ := imported.StaffList(); list[0].Mobile != "13900139000" {
		t.Fatalf("the file's second row did not update: %+v", list[0])
	}
}

// A windows file adds its windows with the units it names, each recorded
// with its unit's name; a later row for the same 窗口编号 updates the window
// the file added, and the same file again changes nothing.
func TestAWindowsFileAddsAndUpdatesItsWindows(t *testing.T) {
	st := mustOpen(t, t.TempDir())
	rows := []WindowRow{{Code: "A01", Name: "综合窗口", HomeUnit: "市人社局"}, {Code: "B02", Name: "不动产窗口", HomeUnit: "市自然资源局", Area: "二楼"},
		{Code: "A01", Name: "综合受理窗口", HomeUnit: "市人社局"}}
	if stats, err := st.ImportWindows(rows); err != nil || stats.Created != 2 || stats.Updated != 1 {
		t.Fatal(stats, err)
	}
	if stats, err := st.ImportWindows(rows[1:]); err != nil || stats.Unchanged != 2 {
		t.Fatal("again:", stats, err)
	}
	ws, _ := st.ServiceWindows()
	if len(ws) != 2 || ws[0].Name != "综合受理窗口" || ws[1].HomeUnit.Name != "市自然资源局" || ws[1].Area != "二楼" || !ws[1].Active {
		t.Fatalf("%+v", ws)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "窗口"})
	var created []string
	for _, e := range log {
		if e.Action == ActionCreate {
			for _, f := range decodeFields(e.After) {
				if f.Label == "派驻单位" {
					created = append(created, e.Key+" "+f.Value)
				}
			}
		}
	}
	sort.Strings(created)
	if strings.Join(created, "；") != "A01 市人社局；B02 市自然资源局" {
		t.Fatalf("created entries name %v", created)
	}
}

// A database whose punches had one index on person and time and another on
// time comes out of the upgrade with the one index unique on time and
// person: its punches kept, a punch it holds still skipped when imported
// again, a new one added.
func TestUpgradeGivesPunchesOneIndexOnTimeAndPerson(t *testing.T) {
	dir := t.TempDir()
	st := mustOpen(t, dir)
	_, a, _ := seedRoster(t, st)
	u, _ := st.HomeUnits()
	p := newStaff(t, st, "ZW001", "王堃", a.ID, u[0].ID)
	at := time.Date(2026, 11, 2, 8, 27, 41, 0, CentreZone)
	if _, err := st.ImportPunches([]PunchRow{{EmployeeNo: p.EmployeeNo, At: at, Device: "前台"}}); err != nil {
		t.Fatal(err)
	}
	// as an earlier version left it
	for _, q := range []string{"DROP INDEX idx_punches_at_staff", "CREATE INDEX idx_punches_at ON punches (at)",
		"CREATE UNIQUE INDEX idx_punches_staff_at ON punches (staff_id, at)"} {
		if err := st.db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := st.db.Exec("DELETE FROM schema_migrations WHERE version >= ?", migrationVersion(t, "打卡按时间排列的唯一索引")).Error; err != nil {
		t.Fatal(err)
	}
	st.Close()

	st = mustOpen(t, dir)
	defer st.Close()
	m := st.db.Migrator()
	if m.HasIndex(&Punch{}, "idx_punches_at") || m.HasIndex(&Punch{}, "idx_punches_staff_at") || !m.HasIndex(&Punch{}, "idx_punches_at_staff") {
		t.Fatal("the punches' indexes were not replaced")
	}
	stats, err := st.ImportPunches([]PunchRow{{EmployeeNo: p.EmployeeNo, At: at, Device: "前台"}, {EmployeeNo: p.EmployeeNo, At: at.Add(9 * time.Hour), Device: "前台"}})
	if err != nil || stats.Created != 1 || stats.Unchanged != 1 {
		t.Fatal(stats, err)
	}
	if list, _ := st.Punches(PunchFilter{StaffID: p.ID}); len(list) != 2 {
		t.Fatalf("%d punches", len(list))
	}
}

// Cases are indexed by window and by person together with 受理时间 only: an
// earlier version's indexes on the window alone and the person alone go at
// the upgrade, and a new database never has them; a window's and a
// person's cases are still read through an index.
func TestUpgradeDropsTheCasesIndexesTheirPagesMadeRedundant(t *testing.T) {
	dir := t.TempDir()
	st := mustOpen(t, dir)
	m := st.db.Migrator()
	has := func(name string) bool { return m.HasIndex(&Case{}, name) }
	if has("idx_cases_window_id") || has("idx_cases_staff_id") || !has("idx_cases_window_received") || !has("idx_cases_staff_received") {
		t.Fatal("a new database's cases are not indexed by window and person with 受理时间 alone")
	}
	// as an earlier version left it
	for _, q := range []string{"CREATE INDEX idx_cases_window_id ON cases (window_id)", "CREATE INDEX idx_cases_staff_id ON cases (staff_id)"} {
		if err := st.db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := st.db.Exec("DELETE FROM schema_migrations WHERE version >= ?", migrationVersion(t, "办件去掉重复的窗口与人员索引")).Error; err != nil {
		t.Fatal(err)
	}
	st.Close()

	st = mustOpen(t, dir)
	defer st.Close()
	m = st.db.Migrator()
	if has("idx_cases_window_id") || has("idx_cases_staff_id") {
		t.Fatal("the upgrade kept the indexes on window and person alone")
	}
	if st.OnServer() {
		return // a server chooses its plans by its statistics
	}
	for _, col := range []string{"window_id", "staff_id"} {
		var plan []struct{ Detail string }
		if err := st.db.Raw("EXPLAIN QUERY PLAN SELECT id FROM cases WHERE " + col + " = 1").Scan(&plan).Error; err != nil {
			t.Fatal(err)
		}
		if len(plan) == 0 || !strings.Contains(plan[0].Detail, "USING") {
			t.Errorf("cases by %s: %v", col, plan)
		}
	}
}
