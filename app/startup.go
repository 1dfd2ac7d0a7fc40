package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"govdesk/models"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// StartupProblem is what the user reads when the window cannot open on the
// data folder: a title, and in the text the reason and what to do. cliName
// is the command-line program as it is typed on this system
// (govdesk-cli.exe on Windows). The technical error is kept on the last
// line for IT.
func StartupProblem(err error, dataDir, cliName string) (title, text string) {
	db := filepath.Join(dataDir, models.DatabaseFile)
	otherFolder := fmt.Sprintf("也可以指定另一个数据文件夹启动：%s --data 文件夹（或设置环境变量 GOVDESK_DATA）。", guiName(cliName))
	var b strings.Builder
	switch {
	case errors.Is(err, models.ErrInUse):
		title = "政务窗口管理已经打开"
		fmt.Fprintf(&b, "政务窗口管理已经在使用数据文件夹：\n%s\n\n请在任务栏上切换到已打开的窗口。同一个数据文件夹同时只能由一个窗口使用，以免两边的修改互相覆盖。", dataDir)
	case errors.Is(err, models.ErrNetworkDrive):
		title = "数据文件夹在网络驱动器上"
		fmt.Fprintf(&b, "数据文件夹 %s 在网络驱动器或共享文件夹上。数据库放在网络上会损坏，因此没有打开。\n\n请把数据放在本机磁盘上：用 --data 指定本机的文件夹，例如\n  %s --data D:\\GovDesk\n如果这是单位统一设置的漫游配置文件，请联系信息科。", dataDir, guiName(cliName))
	case errors.Is(err, models.ErrDamaged):
		title = "数据库文件已损坏"
		fmt.Fprintf(&b, "数据库文件已损坏，无法打开：\n%s\n\n请用最近的备份恢复。在%s中运行：\n  %s --data \"%s\" restore 备份文件\n备份文件是在“操作日志 › 备份数据库”中保存的 .db 文件；恢复前的数据库也在 %s 中。恢复时损坏的文件会另存一份，不会丢失。\n%s", db, terminal(cliName), cliName, dataDir, filepath.Join(dataDir, "backups"), otherFolder)
	case errors.Is(err, models.ErrNewerDatabase):
		title = "需要更新版本的政务窗口管理"
		fmt.Fprintf(&b, "数据库 %s 已由更新版本的政务窗口管理使用过，本程序（较旧的版本）不能打开它，以免损坏数据。\n\n请安装最新版本的政务窗口管理（向信息科索取 GovDesk-Setup 安装程序），然后再打开。", db)
	default:
		title = "无法打开数据"
		fmt.Fprintf(&b, "无法打开数据文件夹 %s。\n\n如果数据文件夹在移动硬盘、U 盘或网络位置上，请先连接好再启动；如果是权限问题，请联系信息科。\n%s", dataDir, otherFolder)
	}
	fmt.Fprintf(&b, "\n\n技术信息：%v", err)
	return title, b.String()
}

// terminal names where commands are typed on the system cliName is for.
func terminal(cliName string) string {
	if strings.HasSuffix(cliName, ".exe") {
		return "命令提示符（cmd）"
	}
	return "终端"
}

// guiName is the windowed program beside the command-line one.
func guiName(cliName string) string {
	return strings.Replace(cliName, "-cli", "", 1)
}

// ShowMoved tells that the data was moved from the folder earlier versions
// used to the one this version uses, and that the old one was kept.
func ShowMoved(win fyne.Window, from, to string) {
	dialog.ShowInformation("数据文件夹已迁移",
		fmt.Sprintf("政务窗口管理的数据已从\n%s\n复制到本机的\n%s\n今后使用新位置。原文件夹保留未删除，其中的“%s”说明了去向；确认无误后可以删除。", from, to, models.MovedNote), win)
}
