package models

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestSQLiteErrorsReachPeopleInChinese(t *testing.T) {
	for _, c := range []struct {
		name, raw, want string
		database        bool
	}{
		{"另一个程序在写", "database is locked", "另一个程序使用", true},
		{"磁盘满", "database or disk is full", "磁盘空间已满", true},
		{"只读", "attempt to write a readonly database", "只读", true},
		{"损坏", "database disk image is malformed", "已损坏", true},
		{"不是数据库", "file is not a database", "已损坏", true},
		{"读写出错", "disk I/O error", "读写数据库文件时出错", true},
		{"重复", "UNIQUE constraint failed: staff.employee_no", "重复", false},
		{"引用", "FOREIGN KEY constraint failed", "引用的记录不存在", false},
		{"保留中文前缀", "无法打开数据库 x.db：unable to open database file", "无法打开数据库 x.db：无法打开数据库文件", true},
		{"服务器没有运行", "无法连接数据库服务器 postgres://govdesk@db/govdesk：failed to connect to `user=govdesk database=govdesk`: 10.0.0.5:5432 (db): dial error: dial tcp 10.0.0.5:5432: connect: connection refused",
			"无法连接数据库服务器 postgres://govdesk@db/govdesk：连接被拒绝：服务器没有运行", true},
		{"没有这个数据库", `failed to connect to ` + "`user=govdesk database=x`" + `: server error: FATAL: database "x" does not exist (SQLSTATE 3D000)`, "没有这个数据库", true},
		{"密码不对", `FATAL: password authentication failed for user "govdesk" (SQLSTATE 28P01)`, "用户名或密码", true},
		{"服务器上重复", `ERROR: duplicate key value violates unique constraint "idx_staff_employee_no" (SQLSTATE 23505)`, "重复", false},
		{"服务器上等待超时", "ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)", "另一个程序使用", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := Explain(fmt.Errorf("%s", c.raw))
			if !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), c.raw) {
				t.Errorf("Explain(%q) = %q, want Chinese saying %q", c.raw, err, c.want)
			}
			if IsDatabaseFailure(err) != c.database {
				t.Errorf("IsDatabaseFailure = %v, want %v", !c.database, c.database)
			}
			if !strings.Contains(fmt.Sprint(errors.Unwrap(err)), c.raw) {
				t.Errorf("the original error is lost for the log: %v", errors.Unwrap(err))
			}
		})
	}
	if fe := (FieldErrors{{"工号", "请填写工号"}}); Explain(fe).Error() != fe.Error() {
		t.Error("a Chinese field error was changed")
	}
}
