package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"govdesk/models"
)

// Each way the window can fail to open says, in Chinese, why and what to
// do, with the technical error for IT at the end.
func TestStartupProblemSaysWhatToDo(t *testing.T) {
	dir := `C:\Users\王堃\AppData\Local\GovDesk`
	for _, c := range []struct {
		err   error
		title string
		want  []string
	}{
		{&models.InUseError{Dir: dir, Pid: 42}, "政务窗口管理已经打开", []string{"切换到已打开的窗口", dir}},
		{fmt.Errorf("%w：x", models.ErrDamaged), "数据库文件已损坏", []string{"govdesk-cli.exe --data \"" + dir + "\" restore 备份文件", "备份数据库", "--data 文件夹"}},
		{fmt.Errorf("%w（数据版本 30，本程序支持到 12）", models.ErrNewerDatabase), "需要更新版本的政务窗口管理", []string{"安装最新版本"}},
		{fmt.Errorf("%w：\\\\srv\\p", models.ErrNetworkDrive), "数据文件夹在网络驱动器上", []string{"govdesk.exe --data D:\\GovDesk", "本机磁盘"}},
		{fmt.Errorf("无法创建数据文件夹 X：access denied"), "无法打开数据", []string{"先连接好", "govdesk.exe --data 文件夹"}},
	} {
		title, text := StartupProblem(c.err, dir, "govdesk-cli.exe")
		if title != c.title {
			t.Errorf("%v: title %q", c.err, title)
		}
		for _, w := range append(c.want, "技术信息："+c.err.Error()) {
			if !strings.Contains(text, w) {
				t.Errorf("%s: text lacks %q:\n%s", title, w, text)
			}
		}
	}
}

// The errors the store gives for a damaged file and a held folder are the
// ones StartupProblem recognises.
func TestStoreErrorsAreRecognised(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, models.DatabaseFile), []byte(strings.Repeat("损坏", 3000)), 0o644)
	_, err := models.Open(dir)
	if title, _ := StartupProblem(err, dir, "govdesk"); title != "数据库文件已损坏" {
		t.Fatalf("%q for %v", title, err)
	}
	l, _ := models.LockDir(dir)
	defer l.Unlock()
	_, err = models.LockDir(dir)
	if title, _ := StartupProblem(err, dir, "govdesk"); title != "政务窗口管理已经打开" {
		t.Fatalf("%q for %v", title, err)
	}
}
