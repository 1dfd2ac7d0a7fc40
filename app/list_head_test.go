package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Every list screen has its buttons in the same places: 新增…, 修改, 删除
// from the left on the first line, 导入 and 导出 at its right end.
func TestListScreensShareOneToolbarLayout(t *testing.T) {
	s, _ := newDemoShell(t)
	for _, c := range []struct {
		screen, add, edit string // 服装 has no 修改: an issue is deleted and issued again
		files             bool   // the screen imports or exports
	}{
		{"人员", "新增人员", "修改", true},
		{"窗口", "新增窗口", "修改", true},
		{"派驻单位", "新增单位", "修改", false},
		{"请假", "新增请假", "修改", true},
		{"服装", "登记发放", "", true},
		{"违规投诉", "登记违规", "修改", true},
		{"替岗", "新增报备", "修改", false},
	} {
		s.show(c.screen)
		_, buttons := widgetsOf(t, s.win)
		d := fyne.CurrentApp().Driver()
		at := func(text string) fyne.Position {
			b, ok := buttons[text]
			if !ok {
				t.Fatalf("%s has no %s", c.screen, text)
			}
			return d.AbsolutePositionForObject(b)
		}
		add, del := at(c.add), at("删除")
		edit := add
		if c.edit != "" {
			edit = at(c.edit)
		}
		if !(add.X <= edit.X && edit.X < del.X) || add.Y != edit.Y || edit.Y != del.Y {
			t.Errorf("%s: %s at %v, 修改 at %v, 删除 at %v", c.screen, c.add, add, edit, del)
		}
		for text, b := range buttons {
			if p := d.AbsolutePositionForObject(b); b.Visible() && p.Y == add.Y && p.X < add.X {
				t.Errorf("%s: %s is left of %s", c.screen, text, c.add)
			}
		}
		if !c.files {
			continue
		}
		file := "导入"
		if _, ok := buttons[file]; !ok {
			file = "导出"
		}
		if p := at(file); p.Y != add.Y || p.X < del.X+400 {
			t.Errorf("%s: %s at %v is not at the right end of the line of %s", c.screen, file, p, c.add)
		}
	}
}

// A list's filter choices are wide enough to read: 全部状态, not 全部….
func TestListFiltersShowTheirChoiceWhole(t *testing.T) {
	s, _ := newDemoShell(t)
	s.show("请假")
	sc := s.screens["请假"].(*leaveScreen)
	for _, sel := range []*widget.Select{sc.status, sc.month} {
		need := fyne.MeasureText(sel.Selected, theme.TextSize(), fyne.TextStyle{}).Width + theme.IconInlineSize() + 4*theme.Padding()
		if sel.Size().Width < need {
			t.Errorf("%q shows in %.0f pixels, needs %.0f", sel.Selected, sel.Size().Width, need)
		}
	}
}
