package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// listHead is the head of a list screen, laid out the same on every one:
// the record actions (新增, 修改, 删除, then the screen's own) from the
// left, the file actions (印制, 导入, 导出) at the right end, and the
// screen's filters on the line below, above the search box.
type listHead struct {
	actions, files, filters []fyne.CanvasObject
}

func (h listHead) layout() fyne.CanvasObject {
	bar := container.NewBorder(nil, nil, container.NewHBox(h.actions...), container.NewHBox(h.files...))
	if len(h.filters) == 0 {
		return bar
	}
	return container.NewVBox(bar, container.NewHBox(h.filters...))
}

// over puts the head over the list.
func (h listHead) over(list fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(h.layout(), nil, nil, nil, list)
}

// objs lists a head's objects.
func objs(o ...fyne.CanvasObject) []fyne.CanvasObject { return o }
