package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govdesk/models"
)

// accountsIn gives the data folder an administrator 李主任 and the
// accounts 王考勤 (考勤员) and 孙只读 (只读), all with password 密码12345678.
func accountsIn(t *testing.T, data string) {
	t.Helper()
	st, err := models.Open(data, models.WithClock(models.FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.CreateAdministrator("李主任", "密码12345678"); err != nil {
		t.Fatal(err)
	}
	for _, a := range []models.Account{{Name: "王考勤", Role: models.RoleAttendance}, {Name: "孙只读", Role: models.RoleReadOnly}} {
		if err := st.SaveAccount(&a, "密码12345678"); err != nil {
			t.Fatal(err)
		}
	}
}

// Once a database has accounts, each command needs a signed-in account
// whose role allows it: a refusal exits 2 with the reason, and changes
// nothing; what is allowed is recorded under the account.
func TestCommandsRunOnlyAsAnAccountWhoseRoleAllowsThem(t *testing.T) {
	data := t.TempDir()
	run(t, "--data", data, "demo") // single-user mode: no account needed
	accountsIn(t, data)
	windows := filepath.Join(t.TempDir(), "窗口.csv")
	os.WriteFile(windows, []byte("窗口编号,窗口名称,派驻单位\nZ99,新窗口,市民政局\n"), 0o644)
	t.Setenv(envPassword, "密码12345678")
	for _, tc := range []struct {
		name string
		args []string
		code int
		errs string
	}{
		{"只读账号导入窗口", []string{"--user", "孙只读", "import", "windows", windows}, ExitUsage, "账号角色“只读”不能导入“窗口”"},
		{"只读账号导入打卡（账号写在命令后）", []string{"import", "punches", windows, "--user", "孙只读"}, ExitUsage, "不能导入“打卡”"},
		{"考勤员导入窗口", []string{"--user", "王考勤", "import", "windows", windows}, ExitUsage, "账号角色“考勤员”不能导入“窗口”"},
		{"考勤员备份", []string{"--user", "王考勤", "backup", "--auto"}, ExitUsage, "不能备份数据库"},
		{"不登录就导出", []string{"export", "staff", "--out", filepath.Join(t.TempDir(), "a.csv")}, ExitUsage, "请用 --user 账号名 登录"},
		{"没有这个账号", []string{"--user", "张三", "check"}, ExitUsage, "账号或密码不正确"},
		{"不登录也能检查", []string{"check"}, ExitOK, ""},
		{"管理员导入窗口", []string{"--user", "李主任", "import", "windows", windows}, ExitOK, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(t, append([]string{"--data", data}, tc.args...)...)
			if code != tc.code || !strings.Contains(errs, tc.errs) {
				t.Fatalf("exit %d (want %d), stderr:\n%s", code, tc.code, errs)
			}
		})
	}
	out := filepath.Join(t.TempDir(), "log.csv")
	if code, _, errs := run(t, "--data", data, "--user", "孙只读", "export", "audit", "--out", out); code != ExitOK {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "李主任,窗口,Z99") {
		t.Errorf("the administrator's import is not recorded under the account:\n%.400s", b)
	}
	if strings.Count(string(b), ",Z99,") != 1 {
		t.Errorf("refused imports left a trace or a change:\n%.400s", b)
	}
	t.Setenv(envPassword, "错误的密码")
	if code, _, errs := run(t, "--data", data, "--user", "李主任", "check"); code != ExitUsage || !strings.Contains(errs, "账号或密码不正确") {
		t.Fatalf("a wrong password: %d %s", code, errs)
	}
}

// Without GOVDESK_PASSWORD the password is asked for.
func TestPasswordIsAskedForWithoutTheEnvironmentVariable(t *testing.T) {
	data := t.TempDir()
	accountsIn(t, data)
	os.Unsetenv(envPassword)
	asked := false
	old := readPassword
	readPassword = func(w ioWriter) (string, error) { asked = true; return "密码12345678", nil }
	defer func() { readPassword = old }()
	if code, _, errs := run(t, "--data", data, "--user", "李主任", "backup", "--auto"); code != ExitOK || !asked {
		t.Fatalf("exit %d, asked %v: %s", code, asked, errs)
	}
}

// --personal writes the numbers in clear and is in the log; for 只读 it is
// refused with exit 2.
func TestPersonalExportNeedsTheRightRole(t *testing.T) {
	data := t.TempDir()
	run(t, "--data", data, "demo")
	accountsIn(t, data)
	t.Setenv(envPassword, "密码12345678")
	dir := t.TempDir()
	for _, tc := range []struct {
		user string
		code int
	}{
		{"孙只读", ExitUsage},
		{"王考勤", ExitOK},
	} {
		out := filepath.Join(dir, tc.user+".csv")
		code, _, errs := run(t, "--data", data, "--user", tc.user, "export", "staff", "--out", out, "--personal")
		if code != tc.code {
			t.Fatalf("%s: exit %d, want %d: %s", tc.user, code, tc.code, errs)
		}
	}
	log := filepath.Join(dir, "log.csv")
	run(t, "--data", data, "--user", "李主任", "export", "audit", "--out", log)
	b, _ := os.ReadFile(log)
	if !strings.Contains(string(b), "王考勤,人员,") || strings.Contains(string(b), "孙只读,人员,") {
		t.Fatalf("the log of personal exports:\n%.600s", b)
	}
}

// Only an administrator restores a database that has accounts; the restore
// is recorded under the administrator.
func TestRestoreNeedsTheAdministrator(t *testing.T) {
	data := t.TempDir()
	accountsIn(t, data)
	t.Setenv(envPassword, "密码12345678")
	bak := filepath.Join(t.TempDir(), "备份.db")
	if code, _, errs := run(t, "--data", data, "--user", "李主任", "backup", "--out", bak); code != ExitOK {
		t.Fatal(errs)
	}
	if code, _, errs := run(t, "--data", data, "--user", "王考勤", "restore", bak); code != ExitUsage || !strings.Contains(errs, "不能恢复数据库") {
		t.Fatalf("考勤员 restoring: %d %s", code, errs)
	}
	if code, _, errs := run(t, "--data", data, "restore", bak); code != ExitUsage {
		t.Fatalf("restoring without an account: %d %s", code, errs)
	}
	if code, _, errs := run(t, "--data", data, "restore", bak, "--user", "李主任"); code != ExitOK {
		t.Fatalf("administrator restoring: %d %s", code, errs)
	}
	log := filepath.Join(t.TempDir(), "log.csv")
	run(t, "--data", data, "--user", "李主任", "export", "audit", "--out", log)
	if b, _ := os.ReadFile(log); !strings.Contains(string(b), "李主任,数据库,备份.db,恢复") {
		t.Fatalf("the restore in the log:\n%.500s", b)
	}
}
