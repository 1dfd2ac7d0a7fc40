package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// importer imports an exchange file of a kind (reports.Import), the same
// function as govdesk import.
type importer interface {
	Import(kind, path string, progress reports.Progress) (models.ImportStats, error)
}

// cancellableImporter imports like importer and stops when ctx is cancelled.
type cancellableImporter interface {
	ImportContext(ctx context.Context, kind, path string, progress reports.Progress) (models.ImportStats, error)
}

// exporter writes an exchange file of a kind (reports.Export), the same
// function as govdesk export.
type exporter interface {
	Export(kind, path string, opt reports.ExportOptions) (int, error)
}

// importFile lets the user pick an .xlsx or .csv file and imports it with a
// progress bar; a refused file lists every bad row. done runs after a
// successful import.
func importFile(s *shell, d importer, kind, what string, done func()) {
	pickImportFile(s, func(path string) { runImport(s, d, kind, what, path, done) })
}

// pickImportFile asks for an .xlsx or .csv file and hands its path to use.
func pickImportFile(s *shell, use func(path string)) {
	pickFileOf(s, []string{".xlsx", ".csv"}, use)
}

// pickFileOf asks for a file with one of the extensions to import, and
// hands its path to use.
func pickFileOf(s *shell, extensions []string, use func(path string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			showError("无法打开文件", err, s.win)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		use(path)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter(extensions))
	d.SetConfirmText("导入")
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// runImport imports path off the UI goroutine, showing progress.
func runImport(s *shell, d importer, kind, what, path string, done func()) {
	bar := widget.NewProgressBar()
	prog := dialog.NewCustomWithoutButtons("正在导入"+what, container.NewVBox(widget.NewLabel(path), bar), s.win)
	prog.Resize(fyne.NewSize(480, 140))
	prog.Show()
	var stats models.ImportStats
	s.async(func() (err error) {
		stats, err = d.Import(kind, path, func(n, total int) {
			fyne.Do(func() { bar.SetValue(float64(n) / float64(total)) })
		})
		return err
	}, func(err error) {
		prog.Hide()
		if offerUnits(s, err, func() { runImport(s, d, kind, what, path, done) }) {
			return
		}
		importDone(s, what, stats, err, done)
	})
}

// runImportCancellable imports path off the UI goroutine with a progress bar
// and a 取消 button; a cancelled import changes nothing.
func runImportCancellable(s *shell, d cancellableImporter, kind, what, path string, done func()) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	stop := widget.NewButton("取消", cancel)
	prog := dialog.NewCustomWithoutButtons("正在导入"+what, container.NewVBox(widget.NewLabel(path), bar, container.NewCenter(stop)), s.win)
	prog.Resize(fyne.NewSize(480, 170))
	prog.Show()
	var stats models.ImportStats
	s.async(func() (err error) {
		stats, err = d.ImportContext(ctx, kind, path, func(n, total int) {
			fyne.Do(func() { bar.SetValue(float64(n) / float64(total)) })
		})
		return err
	}, func(err error) {
		prog.Hide()
		cancel()
		if errors.Is(err, context.Canceled) || errors.Is(err, reports.ErrImportCancelled) {
			dialog.ShowInformation("已取消", "已取消导入"+what+"，没有导入任何数据。", s.win)
			return
		}
		if offerUnits(s, err, func() { runImportCancellable(s, d, kind, what, path, done) }) {
			return
		}
		importDone(s, what, stats, err, done)
	})
}

// importDone tells the outcome of an import.
func importDone(s *shell, what string, stats models.ImportStats, err error, done func()) {
	var ie *reports.ImportError
	switch {
	case errors.As(err, &ie):
		showProblems("文件未导入", ie, s.win)
	case err != nil:
		showError("导入失败", err, s.win)
	default:
		dialog.ShowInformation("导入完成", what+"导入完成："+stats.String()+"。", s.win)
		s.changed()
		if done != nil {
			done()
		}
	}
}

// offerUnits answers a staff file refused for naming 派驻单位 the centre
// does not have: it names them and offers to create them all and import
// again, in one click. It reports whether err was such a refusal.
func offerUnits(s *shell, err error, again func()) bool {
	var uu *models.UnknownUnitsError
	if !errors.As(err, &uu) {
		return false
	}
	names := uu.Names
	msg := fmt.Sprintf("文件中有 %d 个派驻单位尚不存在，没有导入任何数据：\n\n%s\n\n如果名称写错了，请在 Excel 中改正后重新导入；如果确是新派驻的单位，可以新建这些单位后继续导入。",
		len(names), strings.Join(names, "\n"))
	d := dialog.NewConfirm("派驻单位不存在", msg, func(ok bool) {
		if !ok {
			return
		}
		s.async(func() error {
			for _, n := range names {
				if err := s.data.SaveHomeUnit(&models.HomeUnit{Name: n}); err != nil {
					return err
				}
			}
			return nil
		}, func(err error) {
			if err != nil {
				showError("无法新建派驻单位", err, s.win)
				return
			}
			s.changed()
			again()
		})
	}, s.win)
	d.SetConfirmText(fmt.Sprintf("新建这 %d 个单位并导入", len(names)))
	d.SetDismissText("取消")
	d.Show()
	return true
}

// showProblems lists every problem of a refused file.
func showProblems(title string, ie *reports.ImportError, win fyne.Window) {
	lines := make([]string, len(ie.Problems))
	for i, p := range ie.Problems {
		lines[i] = p.String()
	}
	head := widget.NewLabel(fmt.Sprintf("文件有 %d 处问题，没有导入任何数据。请在 Excel 中改正后重新导入：", len(ie.Problems)))
	head.Wrapping = fyne.TextWrapWord
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	copyBtn := widget.NewButton("复制全部问题", func() {
		fyne.CurrentApp().Clipboard().SetContent(strings.Join(lines, "\n"))
	})
	d := dialog.NewCustom(title, "知道了", container.NewBorder(head, copyBtn, nil, nil, list), win)
	d.Resize(fyne.NewSize(820, 480))
	d.Show()
}

// exportFile asks where to save and exports kind there (.xlsx or .csv).
func exportFile(s *shell, d exporter, kind, what string) {
	if reports.HasPersonal(kind) {
		askPersonal(s, what, func(personal bool) {
			exportFileWith(s, d, kind, what, reports.ExportOptions{Personal: personal})
		})
		return
	}
	exportFileWith(s, d, kind, what, reports.ExportOptions{})
}

// askPersonal asks whether an export of people's records holds their
// identity and phone numbers in clear (masked unless ticked; only a role
// that may see them can tick it, and the export is then recorded).
func askPersonal(s *shell, what string, then func(personal bool)) {
	check := widget.NewCheck("包含完整的身份证号、手机号（将记入操作日志）", nil)
	note := wrapLabel("默认导出的身份证号、手机号中间几位以 * 代替；这样的文件再导入时保留已有号码。")
	if err := s.data.MaySeePersonal(); err != nil {
		check.Disable()
		note.SetText(note.Text + "\n当前账号的角色不能导出完整号码。")
	}
	dialog.ShowCustomConfirm("导出"+what, "继续", "取消", container.NewVBox(note, check), func(ok bool) {
		if ok {
			then(check.Checked)
		}
	}, s.win)
}

// exportFileWith exports with options, such as the audit log's filter.
func exportFileWith(s *shell, d exporter, kind, what string, opt reports.ExportOptions) {
	exportFileAs(s, d, kind, what, opt, []string{".xlsx", ".csv"})
}

// exportFileAs exports with options to a file of one of the extensions
// (the first is the default), such as .pdf for the attendance bulletin.
// reissueBulletin confirms, then exports a bulletin under a new 文号: the
// one exported before keeps its number until re-issued, and is voided then.
func reissueBulletin(s *shell, what string, export func(reports.ExportOptions), opt reports.ExportOptions) {
	confirm("重新出具"+what, "再次导出的通报沿用原文号。重新出具将取新文号，原通报作废（作废原因：重新出具），已印发的原通报应收回。确定重新出具吗？",
		"重新出具", s.win, func() {
			opt.NewIssue = true
			export(opt)
		})
}

func exportFileAs(s *shell, d exporter, kind, what string, opt reports.ExportOptions, exts []string) {
	dlg := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError("无法保存文件", err, s.win)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		known := false
		for _, e := range exts {
			known = known || strings.HasSuffix(strings.ToLower(path), e)
		}
		if !known {
			path += exts[0]
		}
		var n int
		s.async(func() (err error) {
			n, err = d.Export(kind, path, opt)
			return err
		}, func(err error) {
			if err != nil {
				showError("导出失败", err, s.win)
				return
			}
			showFileDone(s, "导出完成", fmt.Sprintf("已导出 %d 行%s。", n, what), path)
		})
	}, s.win)
	dlg.SetFileName(what + "-" + time.Now().Format("20060102") + exts[0])
	dlg.SetFilter(storage.NewExtensionFileFilter(exts))
	dlg.Resize(fyne.NewSize(900, 600))
	dlg.Show()
}
