package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"govdesk/models"
	"govdesk/reports"
)

// readPassword asks for the password on the console; tests replace it.
// ioWriter is where the prompt goes.
type ioWriter = io.Writer

var readPassword = func(prompt ioWriter) (string, error) {
	fmt.Fprint(prompt, "密码：")
	pw, err := readHidden()
	fmt.Fprintln(prompt)
	return pw, err
}

// readLine reads one line of standard input, without its line end.
func readLine() (string, error) {
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// signIn signs user in to the store and checks that the account's role may
// run the command (kind: what it imports). It returns the account (nil in
// single-user mode) and -1 to go on, or the exit status. A database
// without accounts works as before: no --user needed, everything allowed.
func signIn(st *models.Store, user, cmd, kind string, stderr io.Writer) (*models.Account, int) {
	has, err := st.HasAccounts()
	if err != nil {
		return nil, fail(stderr, err)
	}
	if !has {
		if user != "" {
			fmt.Fprintf(stderr, "本数据库还没有操作员账号，不需要 --user（账号在桌面程序中创建）\n")
			return nil, ExitUsage
		}
		return nil, -1
	}
	if user == "" {
		if cmd == "check" {
			return nil, -1 // reads nothing a person could misuse
		}
		fmt.Fprintf(stderr, "本数据库已设操作员账号，请用 --user 账号名 登录（密码取自环境变量 %s，没有时提示输入）\n", envPassword)
		return nil, ExitUsage
	}
	pw, ok := os.LookupEnv(envPassword)
	if !ok {
		if pw, err = readPassword(stderr); err != nil {
			fmt.Fprintf(stderr, "无法读取密码：%v\n", err)
			return nil, ExitUsage
		}
	}
	acc, err := st.SignIn(user, pw)
	if err != nil {
		fmt.Fprintf(stderr, "无法登录：%v\n", err)
		return nil, ExitUsage
	}
	if what, ok := mayRun(acc.Role, cmd, kind); !ok {
		fmt.Fprintln(stderr, models.Forbidden(acc.Role, what).Error())
		return nil, ExitUsage
	}
	return &acc, -1
}

// mayRun says whether role may run cmd, and what it is called when not.
func mayRun(role models.Role, cmd, kind string) (what string, ok bool) {
	switch cmd {
	case "demo":
		return "填入演示数据", role == models.RoleAdmin
	case "backup":
		return "备份数据库（备份含全部个人信息）", role == models.RoleAdmin
	case "restore":
		return "恢复数据库", role == models.RoleAdmin
	case "import":
		entity := reports.ImportEntity(kind)
		if entity == "" {
			return "", true // the import says what it accepts
		}
		return "导入“" + entity + "”", role.MayChange(entity)
	}
	return "", true // check, export, notice: the store refuses what the role may not change
}

// signInToRestore signs user in to the database a restore is to replace,
// when there is one that opens; see signIn.
func signInToRestore(dataDir, user string, stderr io.Writer, opts []models.Option) (*models.Account, int) {
	if _, err := os.Stat(filepath.Join(dataDir, models.DatabaseFile)); err != nil {
		return nil, -1
	}
	st, err := models.Open(dataDir, opts...)
	if err != nil {
		return nil, -1
	}
	defer st.Close()
	return signIn(st, user, "restore", "", stderr)
}
