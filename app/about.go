package app

import (
	"fmt"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// aboutText names the build and where its data is, which is what IT asks
// for first when a user calls: the version as FyneApp.toml states it
// (main hands it to Fyne as the app's metadata) and the data folder.
func aboutText(m fyne.AppMetadata, dataDir string) string {
	return fmt.Sprintf("%s GovDesk\n版本 %s（构建 %d）\n数据文件夹：%s\n运行环境：%s/%s",
		m.Name, m.Version, m.Build, dataDir, runtime.GOOS, runtime.GOARCH)
}

// showAbout opens the 关于 dialog.
func showAbout(s *shell) {
	m := fyne.CurrentApp().Metadata()
	text := wrapLabel(aboutText(m, s.data.Dir()))
	folder := widget.NewButton("打开数据文件夹", func() { openFolder(s, s.data.Dir()) })
	d := dialog.NewCustom("关于", "关闭", container.NewVBox(text, container.NewHBox(folder)), s.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}
