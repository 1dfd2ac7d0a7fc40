package models

import (
	"strings"
	"testing"
)

// withAccounts creates the administrator 李主任 and one account of each
// other role (password "密码12345678"), and returns the recovery code.
func withAccounts(t *testing.T, st *Store) string {
	t.Helper()
	code, err := st.CreateAdministrator("李主任", "密码12345678")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []Account{{Name: "王考勤", Role: RoleAttendance}, {Name: "赵督查", Role: RoleInspector},
		{Name: "钱办件", Role: RoleCases}, {Name: "孙只读", Role: RoleReadOnly}} {
		if err := st.SaveAccount(&a, "密码12345678"); err != nil {
			t.Fatal(err)
		}
	}
	return code
}

// Each role changes the records of its work and nothing else; the log
// names whoever is signed in.
func TestEachRoleChangesOnlyTheRecordsOfItsWork(t *testing.T) {
	for _, tc := range []struct {
		account          string
		unit, correction bool // may add a unit (管理员), a 补卡 (考勤员)
	}{
		{"李主任", true, true},
		{"王考勤", false, true},
		{"赵督查", false, false},
		{"钱办件", false, false},
		{"孙只读", false, false},
	} {
		t.Run(tc.account, func(t *testing.T) {
			st := openTemp(t)
			u, w, _ := seedRoster(t, st)
			p := newStaff(t, st, "1001", "张三", w.ID, u.ID)
			withAccounts(t, st)
			if _, err := st.SignIn(tc.account, "密码12345678"); err != nil {
				t.Fatal(err)
			}
			err := st.SaveHomeUnit(&HomeUnit{Name: "新单位"})
			if (err == nil) != tc.unit || (err != nil && !IsForbidden(err)) {
				t.Errorf("adding a unit: %v", err)
			}
			_, err = st.AddCorrection(p.ID, testNow, "考勤机故障", "李主任")
			if (err == nil) != tc.correction || (err != nil && !strings.Contains(err.Error(), "不能修改“补卡”")) {
				t.Errorf("adding a 补卡: %v", err)
			}
			err = st.SavePunchMaps("大厅考勤机", []PunchMapPair{{MachineNo: "12", EmployeeNo: "1001"}})
			if (err == nil) != tc.correction || (err != nil && !IsForbidden(err)) {
				t.Errorf("mapping a machine number: %v", err)
			}
			if tc.correction {
				log, _ := st.AuditLog(AuditFilter{Entity: "补卡"})
				if len(log) == 0 || log[0].Operator != tc.account {
					t.Errorf("the 补卡 is recorded under %+v", log)
				}
			}
		})
	}
}

// A database without accounts works as before (single-user mode); once
// the administrator exists, a change needs someone signed in, and the free
// 操作员 name can no longer be set.
func TestAccountsStartWithTheAdministrator(t *testing.T) {
	st := openTemp(t)
	if err := st.SaveHomeUnit(&HomeUnit{Name: "单用户时加的"}); err != nil {
		t.Fatal("single-user mode refused a change:", err)
	}
	code := withAccounts(t, st)
	if len(normaliseCode(code)) != 20 {
		t.Fatalf("recovery code %q", code)
	}
	if _, err := st.CreateAdministrator("另一个", "密码12345678"); err == nil {
		t.Error("a second first administrator was created")
	}
	st.SignOut()
	if err := st.SaveHomeUnit(&HomeUnit{Name: "未登录时加的"}); !IsForbidden(err) || !strings.Contains(err.Error(), "请先登录") {
		t.Fatalf("a change without sign-in: %v", err)
	}
	for _, tc := range []struct{ name, password string }{
		{"李主任", "错误的密码123"}, {"没有这个人", "密码12345678"}, {"", ""},
	} {
		if _, err := st.SignIn(tc.name, tc.password); err == nil || err.Error() != "账号或密码不正确" {
			t.Errorf("sign in %q/%q: %v", tc.name, tc.password, err)
		}
	}
	if _, err := st.SignIn("李主任", "密码12345678"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetOperator("director-wang"); err == nil {
		t.Error("the free operator name was set with accounts in use")
	}
	if st.Operator() != "李主任" {
		t.Errorf("operator %q", st.Operator())
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "账号"})
	for _, e := range log {
		if strings.Contains(e.Before+e.After, "$2") {
			t.Fatalf("a password hash is in the log: %+v", e)
		}
	}
}

// The last administrator cannot be disabled or demoted; an administrator
// locked out gets back in only with the recovery code, which is then used up.
func TestLockedOutAdministratorRecoversWithTheCode(t *testing.T) {
	st := openTemp(t)
	code := withAccounts(t, st)
	admin := Account{}
	accs, _ := st.Accounts()
	for _, a := range accs {
		if a.Name == "李主任" {
			admin = a
		}
	}
	admin.Role = RoleReadOnly
	if err := st.SaveAccount(&admin, ""); err == nil || !strings.Contains(err.Error(), "至少要保留一个") {
		t.Fatalf("demoting the last administrator: %v", err)
	}
	st.SignOut()
	if _, err := st.RecoverAdministrator("AAAA-BBBB-CCCC-DDDD-EEEE", "李主任", "新密码87654321"); err == nil {
		t.Fatal("a wrong code recovered")
	}
	if _, err := st.RecoverAdministrator(code, "王考勤", "新密码87654321"); err == nil {
		t.Fatal("the code recovered an account that is not an administrator")
	}
	next, err := st.RecoverAdministrator(strings.ToLower(code), "李主任", "新密码87654321")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SignIn("李主任", "新密码87654321"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecoverAdministrator(code, "李主任", "再一个密码1234"); err == nil {
		t.Fatal("a used recovery code worked again")
	}
	if next == code || next == "" {
		t.Fatalf("new code %q", next)
	}
}

// A refused sign-in is logged under the name tried, on the command line as
// at the window; the window's sessions are logged from start to end, and
// none of it needs a right to change records (孙只读 signs in and out too).
func TestSignInsAreLogged(t *testing.T) {
	st := openTemp(t)
	withAccounts(t, st)
	st.SignOut()
	if _, err := st.SignIn("孙只读", "猜的密码"); err == nil {
		t.Fatal("a wrong password signed in")
	}
	if _, err := st.SignIn("无此人", "猜的密码"); err == nil {
		t.Fatal("an unknown account signed in")
	}
	if _, err := st.StartSession("孙只读", "密码12345678"); err != nil {
		t.Fatal(err)
	}
	st.EndSession("点击“退出登录”")
	if _, ok := st.Account(); ok {
		t.Error("still signed in after EndSession")
	}
	log, err := st.AuditLog(AuditFilter{Entity: "账号"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range log[:4] {
		got = append([]string{e.Operator + " " + e.Action + " " + e.Key + " " + strings.Join(e.Changes(), "；")}, got...)
	}
	want := []string{
		"（未登录） 登录失败 孙只读 说明：账号或密码不正确",
		"（未登录） 登录失败 无此人 说明：账号或密码不正确",
		"孙只读 登录 孙只读 说明：在窗口登录",
		"孙只读 退出登录 孙只读 说明：点击“退出登录”",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if broken, err := st.VerifyAuditChain(); err != nil || broken != nil {
		t.Errorf("chain after sign-ins: %v %v", broken, err)
	}
}
