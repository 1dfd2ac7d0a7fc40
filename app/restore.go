package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// Restorer replaces the database with a backup while the window is open:
// it closes the store, restores into the data folder the window holds and
// opens the store again, handing back what the screens are to use from
// then on (the reopened store, also after a refused backup) and where the
// replaced database was kept.
type Restorer func(backup string) (kept string, data Data, err error)

// WindowOption adds to the main window what only main can give it.
type WindowOption func(*shell)

// WithRestore lets 操作日志 restore a backup.
func WithRestore(r Restorer) WindowOption {
	return func(s *shell) { s.restore = r }
}

// onRestore offers the backups GovDesk wrote itself (the automatic ones and
// the copies earlier restores kept), newest first, and any other file;
// after a confirmation it restores the one chosen: every screen is built
// again over the restored data.
func (s *shell) onRestore() {
	if s.restore == nil {
		return
	}
	saved, err := s.data.SavedBackups()
	if err != nil {
		showError("无法列出备份", err, s.win)
	}
	s.showBackupChooser(saved)
}

// backupChooser is the dialog that lists the saved backups.
type backupChooser struct {
	dlg      dialog.Dialog
	list     *widget.List
	saved    []models.SavedBackup
	selected int
	restore  *widget.Button
}

func (s *shell) showBackupChooser(saved []models.SavedBackup) *backupChooser {
	c := &backupChooser{saved: saved, selected: -1}
	c.list = widget.NewList(
		func() int { return len(c.saved) },
		func() fyne.CanvasObject { return widget.NewLabel("2026-11-30 09:00:00　自动备份　12.3 MB") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			b := c.saved[id]
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s", b.At.Format("2006-01-02 15:04:05"), backupKindText(b.Kind), sizeText(b.Size)))
		},
	)
	c.restore = widget.NewButtonWithIcon("恢复所选备份", theme.HistoryIcon(), func() {
		if c.selected >= 0 {
			c.dlg.Hide()
			s.confirmRestore(c.saved[c.selected].Path)
		}
	})
	c.restore.Importance = widget.HighImportance
	c.restore.Disable()
	c.list.OnSelected = func(id widget.ListItemID) { c.selected = id; c.restore.Enable() }
	other := widget.NewButtonWithIcon("选择其他备份文件…", theme.FolderOpenIcon(), func() {
		c.dlg.Hide()
		s.chooseBackupFile()
	})
	head := widget.NewLabel(fmt.Sprintf("自动备份文件夹：%s\n选择要恢复的备份（最新的在上）：", s.data.BackupDir()))
	var body fyne.CanvasObject = c.list
	if len(saved) == 0 {
		body = widget.NewLabel("还没有自动备份。可以选择其他备份文件。")
	}
	content := container.NewBorder(head, container.NewHBox(other, layoutSpacer(), c.restore), nil, nil, body)
	c.dlg = dialog.NewCustom("恢复数据库", "取消", content, s.win)
	c.dlg.Resize(fyne.NewSize(640, 480))
	c.dlg.Show()
	return c
}

func backupKindText(kind string) string {
	if kind == models.BackupRestored {
		return "恢复前的数据库"
	}
	return kind
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

// chooseBackupFile asks for any backup file, then confirms and restores.
func (s *shell) chooseBackupFile() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		s.confirmRestore(path)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// confirmRestore asks before replacing every record with the backup's.
func (s *shell) confirmRestore(path string) {
	msg := fmt.Sprintf("用备份文件\n%s\n替换当前的全部数据？\n\n当前数据库会先另存到数据文件夹的 backups 中，恢复错了还可以再恢复回来；\n备份之后的操作日志会保留在恢复后的日志中。", path)
	dialog.ShowConfirm("恢复数据库", msg, func(ok bool) {
		if ok {
			s.runRestore(path)
		}
	}, s.win)
}

// runRestore restores off the UI goroutine behind a modal notice, then
// rebuilds the window over the data it gets back.
func (s *shell) runRestore(path string) {
	wait := dialog.NewCustomWithoutButtons("恢复数据库", container.NewVBox(widget.NewLabel("正在恢复，请稍候…"), widget.NewProgressBarInfinite()), s.win)
	wait.Show()
	var kept string
	var data Data
	s.async(func() (err error) {
		kept, data, err = s.restore(path)
		return err
	}, func(err error) {
		wait.Hide()
		if data != nil {
			ns := newShell(s.win, data)
			ns.restore, ns.async, ns.gate = s.restore, s.async, s.gate
			if ns.gate != nil {
				ns.gate.data, ns.gate.shell = data, ns
			}
			s.win.SetContent(ns.content())
			s = ns
		}
		if err != nil {
			showError("未能恢复数据库", err, s.win)
			return
		}
		msg := "已从\n" + path + "\n恢复数据库。"
		if kept != "" {
			msg += "\n恢复前的数据库已保存为\n" + kept
		}
		dialog.ShowInformation("恢复完成", msg, s.win)
	})
}

// ShowAutoBackupProblem tells the user, from any goroutine, that the
// automatic backup failed and why.
func ShowAutoBackupProblem(w fyne.Window, err error) {
	fyne.Do(func() {
		showError("自动备份失败", fmt.Errorf("%w\n请在“操作日志”中检查自动备份文件夹，或手动备份数据库", err), w)
	})
}
