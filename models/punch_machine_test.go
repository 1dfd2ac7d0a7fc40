package models

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// seedMachinePeople adds 王堃 (ZW001), two 张伟 (ZW002, ZW003) and 李喆 (A1001).
func seedMachinePeople(t *testing.T, st *Store) map[string]Staff {
	t.Helper()
	_, a, _ := seedRoster(t, st)
	out := map[string]Staff{}
	for _, p := range []struct{ no, name string }{{"ZW001", "王堃"}, {"ZW002", "张伟"}, {"ZW003", "张伟"}, {"A1001", "李喆"}} {
		s := Staff{EmployeeNo: p.no, Name: p.name, WindowID: a.ID, HomeUnitID: a.HomeUnitID, Post: PostStaff, JoinedOn: NewDate(2024, 1, 2)}
		if err := st.SaveStaff(&s); err != nil {
			t.Fatal(err)
		}
		out[p.no] = s
	}
	return out
}

func tapAt(day, clock string) time.Time {
	t, err := ParseDateTime("2026-11-" + day + " " + clock)
	if err != nil {
		panic(err)
	}
	return t
}

func TestClerkMapsMachineNumbersWithEachFormatsLeadingZeros(t *testing.T) {
	maps := map[string]uint{"0012": 1, "7": 2, "007": 3, "88": 4}
	for _, c := range []struct {
		name string
		no   string
		rule MachineNoRule
		want uint
		ok   bool
	}{
		{"the number as mapped", "0012", ZerosKept, 1, true},
		{"a padded PIN", "  0012 ", ZerosKept, 1, true},
		{"a CSV that lost the zeros finds 0012", "12", ZerosLost, 1, true},
		{"a file that keeps zeros does not take 12 for 0012", "12", ZerosKept, 0, false},
		{"7 and 007 both mapped: exact wins", "7", ZerosLost, 2, true},
		{"07 is ambiguous between 7 and 007", "07", ZerosLost, 0, false},
		{"a spreadsheet's 88.0", "88.0", ZerosKept, 4, true},
		{"a PIN with zeros finds a number learnt from a file that lost them", "0088", ZerosKept, 4, true},
		{"a UserId 012 is not the 0012 mapped", "012", ZerosKept, 0, false},
		{"an unmapped number", "99", ZerosLost, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := MatchMachineNo(c.no, c.rule, maps)
			if got != c.want || ok != c.ok {
				t.Errorf("MatchMachineNo(%q) = %d, %v; want %d, %v", c.no, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestImportProposesWhoAnUnknownNumberIs(t *testing.T) {
	roster := []Staff{{EmployeeNo: "ZW001", Name: "王堃"}, {EmployeeNo: "ZW002", Name: "张伟"}, {EmployeeNo: "ZW003", Name: "张伟"},
		{EmployeeNo: "A1001", Name: "李喆"}, {EmployeeNo: "B2002", Name: "周𠮷"}, {EmployeeNo: "C2002", Name: "赵敏"}}
	for _, c := range []struct {
		name, no, machineName string
		want                  []string
	}{
		{"same name on the machine", "5", "王堃", []string{"ZW001"}},
		{"namesakes are all proposed, for the clerk to choose", "6", "张伟", []string{"ZW002", "ZW003"}},
		{"the number is a 工号's digits", "1001", "", []string{"A1001"}},
		{"the digits of two 工号: no proposal", "2002", "", nil},
		{"the number is a 工号", "ZW001", "", []string{"ZW001"}},
		{"a name nobody has and no number match", "77", "Tom", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, p := range ProposeStaff(c.no, c.machineName, roster) {
				got = append(got, p.EmployeeNo)
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("proposals %v, want %v", got, c.want)
			}
		})
	}
}

func TestImportRefusesUnknownMachineNumbersListingThemAll(t *testing.T) {
	st := openTemp(t)
	seedMachinePeople(t, st)
	_, err := st.ImportMachinePunches(MachineImport{Device: "一楼考勤机", Punches: []MachinePunch{
		{MachineNo: "1001", At: tapAt("03", "08:20"), Source: "a.dat 第1行"},
		{MachineNo: "9", Name: "张伟", At: tapAt("03", "08:21"), Source: "a.dat 第2行"},
		{MachineNo: "1001", At: tapAt("03", "17:40"), Source: "a.dat 第3行"},
	}})
	var ue *UnknownMachineNosError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v, want the unknown numbers", err)
	}
	if len(ue.Unknown) != 2 || ue.Unknown[0].MachineNo != "9" || ue.Unknown[1].MachineNo != "1001" || ue.Unknown[1].Punches != 2 {
		t.Fatalf("unknown = %+v", ue.Unknown)
	}
	msg := err.Error()
	for _, want := range []string{"9（张伟", "ZW002 张伟 或 ZW003 张伟", "1001（2条打卡", "A1001 李喆"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if ps, _ := st.Punches(PunchFilter{}); len(ps) != 0 {
		t.Errorf("%d punches written", len(ps))
	}
	// A number equal to a 工号's digits is not used until someone says so.
	if maps, _ := st.PunchMaps(""); len(maps) != 0 {
		t.Errorf("mapping learnt without confirmation: %+v", maps)
	}
}

func TestImportCountsDoubleTapsOnceAndKeepsTheSource(t *testing.T) {
	st := openTemp(t)
	seedMachinePeople(t, st)
	in := MachineImport{Device: "一楼考勤机", Rule: ZerosLost, Pairs: []PunchMapPair{{"0012", "ZW001"}}, Punches: []MachinePunch{
		{MachineNo: "12", At: tapAt("03", "08:20:05"), Source: "kq.csv 第2行"},
		{MachineNo: "12", At: tapAt("03", "08:20:50"), Source: "kq.csv 第3行"}, // 45 s later: the same tap
		{MachineNo: "12", At: tapAt("03", "08:21:10"), Source: "kq.csv 第4行"}, // 65 s after the first
		{MachineNo: "12", At: tapAt("03", "08:20:05"), Source: "kq.csv 第5行"}, // repeated row
		{MachineNo: "12", At: tapAt("04", "00:30:00"), Source: "kq.csv 第6行", DeviceResult: "正常"},
	}}
	res, err := st.ImportMachinePunches(in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Created != 3 || res.DoubleTaps != 1 || res.Repeats != 1 || res.People != 1 || res.Days != 2 {
		t.Fatalf("result %+v", res)
	}
	ps, _ := st.Punches(PunchFilter{})
	var got []string
	for _, p := range ps {
		got = append(got, FormatDateTime(p.At)+"|"+p.Source+"|"+p.Device+"|"+p.DeviceResult)
	}
	want := []string{"2026-11-03 08:20:05|kq.csv 第2行|一楼考勤机|", "2026-11-03 08:21:10|kq.csv 第4行|一楼考勤机|", "2026-11-04 00:30|kq.csv 第6行|一楼考勤机|正常"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("punches\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The pair given with the import is remembered; the same file again adds
	// nothing, and a tap 30 s after a stored one is a double tap.
	in.Pairs = nil
	in.Punches = append(in.Punches, MachinePunch{MachineNo: "0012", At: tapAt("03", "08:21:40"), Source: "kq.csv 第7行"})
	res, err = st.ImportMachinePunches(in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Created != 0 || res.Repeats != 4 || res.DoubleTaps != 2 {
		t.Errorf("second import %+v", res)
	}
}

func TestDryRunSaysWhatAnImportWouldDoAndWritesNothing(t *testing.T) {
	st := openTemp(t)
	seedMachinePeople(t, st)
	res, err := st.ImportMachinePunches(MachineImport{Device: "钉钉", DryRun: true, Pairs: []PunchMapPair{{"u1", "ZW001"}, {"u2", "ZW002"}},
		Punches: []MachinePunch{
			{MachineNo: "u1", At: tapAt("03", "08:20")}, {MachineNo: "u1", At: tapAt("03", "17:40")},
			{MachineNo: "u2", At: tapAt("04", "08:10")},
		}})
	if err != nil {
		t.Fatal(err)
	}
	if res.People != 2 || res.Days != 2 || res.PerDevice["钉钉"] != 3 {
		t.Errorf("preview %+v", res)
	}
	if ps, _ := st.Punches(PunchFilter{}); len(ps) != 0 {
		t.Errorf("dry run wrote %d punches", len(ps))
	}
	if maps, _ := st.PunchMaps(""); len(maps) != 0 {
		t.Errorf("dry run saved the mapping")
	}
}

func TestImportLeavesLockedMonthsAloneAndSaysWhichRows(t *testing.T) {
	st := openTemp(t)
	seedMachinePeople(t, st)
	confirmGaps(t, st, "2026-10")
	if err := st.LockMonth("2026-10"); err != nil {
		t.Fatal(err)
	}
	res, err := st.ImportMachinePunches(MachineImport{Device: "一楼考勤机", Pairs: []PunchMapPair{{"1", "ZW001"}}, Punches: []MachinePunch{
		{MachineNo: "1", At: time.Date(2026, 10, 30, 8, 20, 0, 0, CentreZone), Source: "1_attlog.dat 第1行"},
		{MachineNo: "1", At: tapAt("02", "08:20"), Source: "1_attlog.dat 第2行"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Created != 1 || len(res.Skipped) != 1 || res.Skipped[0].Source != "1_attlog.dat 第1行" || !strings.Contains(res.Skipped[0].Reason, "2026-10 已封帐") {
		t.Errorf("result %+v", res)
	}
}

func TestClerkEditsAMachinesMapping(t *testing.T) {
	st := openTemp(t)
	seedMachinePeople(t, st)
	if err := st.SavePunchMaps("一楼考勤机", []PunchMapPair{{"1", "ZW001"}, {"2", "ZW002"}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		pairs []PunchMapPair
		want  string
	}{
		{"a 工号 not on the roster", []PunchMapPair{{"3", "ZW999"}}, "ZW999 不在人员名册中"},
		{"one number for two people", []PunchMapPair{{"4", "ZW001"}, {"4", "ZW002"}}, "同时对应"},
		{"an empty number", []PunchMapPair{{" ", "ZW001"}}, "考勤号码为空"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := st.SavePunchMaps("一楼考勤机", c.pairs)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
	if err := st.SavePunchMaps("一楼考勤机", []PunchMapPair{{"2", "ZW003"}}); err != nil {
		t.Fatal(err)
	}
	maps, _ := st.PunchMaps("一楼考勤机")
	if len(maps) != 2 || maps[1].Staff.EmployeeNo != "ZW003" {
		t.Fatalf("maps %+v", maps)
	}
	if err := st.DeletePunchMap(maps[0].ID); err != nil {
		t.Fatal(err)
	}
	if maps, _ = st.PunchMaps(""); len(maps) != 1 {
		t.Errorf("after delete: %+v", maps)
	}
}

func TestImportWarnsWhenTheMachinesNameIsNotTheMappedPersons(t *testing.T) {
	st := openTemp(t)
	seedMachinePeople(t, st)
	res, err := st.ImportMachinePunches(MachineImport{Device: "一楼考勤机", DryRun: true,
		Pairs: []PunchMapPair{{"1", "ZW001"}, {"2", "ZW002"}, {"3", "A1001"}},
		Punches: []MachinePunch{
			{MachineNo: "1", Name: "王堃", At: tapAt("03", "08:20")},
			{MachineNo: "2", Name: "李喆", At: tapAt("03", "08:21")}, // mapped to 张伟
			{MachineNo: "2", Name: "李喆", At: tapAt("03", "17:40")},
			{MachineNo: "3", Name: "LiZhe", At: tapAt("03", "08:22")}, // pinyin: not compared
		}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Mismatches) != 1 || res.Mismatches[0] != "考勤号码 2 在考勤机上是“李喆”，对照的却是 ZW002 张伟" {
		t.Errorf("mismatches %v", res.Mismatches)
	}
}

// A database of the version before machine files opens with its punches
// intact, no source on them, and each machine's table of numbers ready.
func TestOpenAddsPunchSourcesToAnOlderDatabase(t *testing.T) {
	dir := t.TempDir()
	old := mustOpen(t, dir)
	seedMachinePeople(t, old)
	if _, err := old.ImportPunches([]PunchRow{{EmployeeNo: "ZW001", At: tapAt("03", "08:20"), Device: "一楼考勤机"}}); err != nil {
		t.Fatal(err)
	}
	db := old.db
	if err := db.Migrator().DropTable(&PunchDeviceMap{}); err != nil {
		t.Fatal(err)
	}
	for _, col := range []string{"source", "device_result"} {
		if err := db.Exec("ALTER TABLE punches DROP COLUMN " + col).Error; err != nil {
			t.Fatal(err)
		}
	}
	db.Exec("DELETE FROM schema_migrations WHERE version >= ?", migrationVersion(t, "考勤机号码对照与打卡来源"))
	old.Close()

	st := mustOpen(t, dir)
	defer st.Close()
	if v, _ := schemaVersion(st.db); v != SchemaVersion() {
		t.Fatalf("version %d, want %d", v, SchemaVersion())
	}
	ps, err := st.Punches(PunchFilter{})
	if err != nil || len(ps) != 1 || ps[0].Source != "" {
		t.Fatalf("punches after upgrade %+v (%v)", ps, err)
	}
	res, err := st.ImportMachinePunches(MachineImport{Device: "一楼考勤机", Pairs: []PunchMapPair{{"1", "ZW001"}},
		Punches: []MachinePunch{{MachineNo: "1", At: tapAt("03", "17:40"), Source: "1_attlog.dat 第1行", DeviceResult: "下班"}}})
	if err != nil || res.Stats.Created != 1 {
		t.Fatalf("import after upgrade %+v (%v)", res.Stats, err)
	}
}
