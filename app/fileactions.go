package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/app/desktop"
)

// openers hands a file to the PC: the desktop package in the program, a
// recorder in tests (which must not start a PDF reader).
var openers = struct{ open, print, reveal func(string) error }{desktop.Open, desktop.Print, desktop.Reveal}

// fileActions are the buttons offered for a file the program just wrote:
// 打开, 打印 (PDF only: a spreadsheet is printed from Excel), 打开所在文件夹
// and 另存为….
func fileActions(s *shell, path string) *fyne.Container {
	open := widget.NewButtonWithIcon("打开", theme.FileIcon(), func() { openFile(s, path) })
	open.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{open}
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		buttons = append(buttons, widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() { printFile(s, path) }))
	}
	buttons = append(buttons,
		widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() { revealFile(s, path) }),
		widget.NewButtonWithIcon("另存为…", theme.DocumentSaveIcon(), func() { saveCopy(s, path) }))
	return container.NewHBox(buttons...)
}

// showFileDone tells what was written and where, and offers fileActions.
func showFileDone(s *shell, title, summary, path string) {
	body := container.NewVBox(wrapLabel(summary), wrapLabel("文件保存在："+path), fileActions(s, path))
	d := dialog.NewCustom(title, "关闭", body, s.win)
	d.Resize(fyne.NewSize(620, 230))
	d.Show()
}

// openFile opens a file with the PC's program for its kind.
func openFile(s *shell, path string) { hand(s, "无法打开文件", openers.open, path) }

// printFile prints a file through the PC's program for its kind.
func printFile(s *shell, path string) { hand(s, "无法打印", openers.print, path) }

// revealFile shows the file selected in its folder.
func revealFile(s *shell, path string) { hand(s, "无法打开所在文件夹", openers.reveal, path) }

// openFolder opens a folder.
func openFolder(s *shell, dir string) { hand(s, "无法打开文件夹", openers.open, dir) }

// hand runs one of the openers off the UI goroutine (the shell may take a
// while to start a reader) and shows its Chinese error, if any.
func hand(s *shell, title string, f func(string) error, path string) {
	s.async(func() error { return f(path) }, func(err error) {
		if err != nil {
			showError(title, err, s.win)
		}
	})
}
