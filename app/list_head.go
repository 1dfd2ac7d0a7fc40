package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
	filters := make([]fyne.CanvasObject, len(h.filters))
	for i, f := range h.filters {
		filters[i] = f
		if sel, ok := f.(*widget.Select); ok {
			filters[i] = fixedBox(sel, selectWidth(sel))
		}
	}
	return container.NewVBox(bar, container.NewHBox(filters...))
}

// selectWidth is wide enough for a filter's longest choice (a choice of
// windows or months read later may be longer: up to a limit), so that
// 全部状态 is not shown as 全部….
func selectWidth(s *widget.Select) float32 {
	text := float32(64)
	for _, o := range append([]string{s.Selected, s.PlaceHolder}, s.Options...) {
		text = max(text, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return min(text, 220) + theme.IconInlineSize() + 5*theme.Padding()
}

// over puts the head over the list.
func (h listHead) over(list fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(h.layout(), nil, nil, nil, list)
}

// objs lists a head's objects.
func objs(o ...fyne.CanvasObject) []fyne.CanvasObject { return o }
