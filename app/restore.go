package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
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

// onRestore asks for a backup file, confirms, and restores it: every screen
// is built again over the restored data.
func (s *shell) onRestore() {
	if s.restore == nil {
		return
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		msg := fmt.Sprintf("用备份文件\n%s\n替换当前的全部数据？\n\n当前数据库会先另存到数据文件夹的 backups 中，恢复错了还可以再恢复回来。", path)
		dialog.ShowConfirm("恢复数据库", msg, func(ok bool) {
			if ok {
				s.runRestore(path)
			}
		}, s.win)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
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
			ns.restore, ns.async = s.restore, s.async
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
