package app

import (
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

// importFile lets the user pick an .xlsx or .csv file and imports it with a
// progress bar; a refused file lists every bad row. done runs after a
// successful import.
func importFile(s *shell, kind, what string, done func()) {
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
		runImport(s, kind, what, path, done)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv"}))
	d.SetConfirmText("导入")
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// runImport imports path off the UI goroutine, showing progress.
func runImport(s *shell, kind, what, path string, done func()) {
	bar := widget.NewProgressBar()
	prog := dialog.NewCustomWithoutButtons("正在导入"+what, container.NewVBox(widget.NewLabel(path), bar), s.win)
	prog.Resize(fyne.NewSize(480, 140))
	prog.Show()
	var stats models.ImportStats
	s.async(func() (err error) {
		stats, err = s.data.Import(kind, path, func(n, total int) {
			fyne.Do(func() { bar.SetValue(float64(n) / float64(total)) })
		})
		return err
	}, func(err error) {
		prog.Hide()
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
	})
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
func exportFile(s *shell, kind, what string) { exportFileWith(s, kind, what, reports.ExportOptions{}) }

// exportFileWith exports with options, such as the audit log's filter.
func exportFileWith(s *shell, kind, what string, opt reports.ExportOptions) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError("无法保存文件", err, s.win)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if !strings.HasSuffix(strings.ToLower(path), ".csv") && !strings.HasSuffix(strings.ToLower(path), ".xlsx") {
			path += ".xlsx"
		}
		var n int
		s.async(func() (err error) {
			n, err = s.data.Export(kind, path, opt)
			return err
		}, func(err error) {
			if err != nil {
				showError("导出失败", err, s.win)
				return
			}
			dialog.ShowInformation("导出完成", fmt.Sprintf("已导出 %d 行%s到\n%s", n, what, path), s.win)
		})
	}, s.win)
	d.SetFileName(what + "-" + time.Now().Format("20060102") + ".xlsx")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
