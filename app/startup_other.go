//go:build !windows

package app

import (
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ShowStartupProblem shows why the window could not open in a small window
// of its own (the reason is also on standard error, which the caller
// printed). newApp makes the Fyne app; without a display there is nothing
// to show.
func ShowStartupProblem(err error, dataDir string, newApp func() fyne.App) {
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return
	}
	title, text := StartupProblem(err, dataDir, "govdesk")
	a := newApp()
	Setup(a)
	w := a.NewWindow(title)
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ok := widget.NewButton("关闭", w.Close)
	ok.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(heading, container.NewHBox(layoutSpacer(), ok), nil, nil, container.NewVScroll(msg)))
	w.Resize(fyne.NewSize(640, 360))
	w.CenterOnScreen()
	w.ShowAndRun()
}
