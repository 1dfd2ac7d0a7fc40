package app

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"govdesk/reports"
)

func openNoticeSettings(t *testing.T, s *shell) *noticeSettingsScreen {
	t.Helper()
	s.show("文书设置")
	return s.screens["文书设置"].(*noticeSettingsScreen)
}

func TestTemplateWithUnknownPlaceholderIsRefusedOnScreen(t *testing.T) {
	s, st := newTestShell(t)
	n := openNoticeSettings(t, s)
	n.kind.SetSelected("受理通知书")
	if n.state.Text != "使用默认措辞" || n.body.Text != reports.DefaultTemplates["受理通知书"] {
		t.Fatalf("state %q", n.state.Text)
	}
	n.body.SetText("")
	test.Type(n.body, "# 受理通知书\n@{申请人姓名}：\n正文")
	n.onSaveTemplate()
	if !strings.Contains(n.tmplErrs.Text, "占位符{申请人姓名}不存在") {
		t.Fatalf("error shows %q", n.tmplErrs.Text)
	}
	if body, _ := st.NoticeTemplateBody("受理通知书"); body != "" {
		t.Fatal("a refused template was saved")
	}

	n.body.SetText(strings.Replace(reports.DefaultTemplates["受理通知书"], "予以受理。", "予以受理，特此通知。", 1))
	n.onSaveTemplate()
	if n.tmplErrs.Text != "" || n.state.Text != "中心已修改" {
		t.Fatalf("save: %q %q", n.tmplErrs.Text, n.state.Text)
	}
	if body, _ := st.NoticeTemplateBody("受理通知书"); !strings.Contains(body, "特此通知") {
		t.Fatal("the wording was not stored")
	}
}

func TestOfficeDetailsValidatedAndSaved(t *testing.T) {
	s, st := newTestShell(t)
	n := openNoticeSettings(t, s)
	n.entries["文号前缀"].SetText("")
	test.Type(n.entries["文号前缀"], "WZF")
	n.onSaveOffice()
	if !n.errs.summary.Visible() || !strings.Contains(n.errs.summary.Text, "文号前缀") {
		t.Fatalf("summary %q", n.errs.summary.Text)
	}
	n.entries["文号前缀"].SetText("集政服")
	n.entries["中心名称"].SetText("集宁区政务服务中心")
	n.onSaveOffice()
	o, _ := st.Office()
	if o.Abbrev != "集政服" || o.Name != "集宁区政务服务中心" {
		t.Fatalf("stored %+v", o)
	}
}

func TestNoticeSettingsShowTheFontOfEachPart(t *testing.T) {
	s, _ := newTestShell(t)
	n := openNoticeSettings(t, s)
	for _, w := range []string{"正文：仿宋 ", "标题：小标宋 ", "一级标题：黑体 ", "二级标题：楷体 ", "页码：宋体 ", "生僻字："} {
		if !strings.Contains(n.faces.Text, w) {
			t.Errorf("%q not shown in %q", w, n.faces.Text)
		}
	}
	n.setFont(filepath.Join(t.TempDir(), "仿宋.ttf"))
	if !strings.Contains(n.faces.Text, "正文：仿宋 仿宋.ttf（文书设置）") {
		t.Errorf("the office's font not shown: %q", n.faces.Text)
	}
	n.setFont("")
	if strings.Contains(n.faces.Text, "文书设置") || n.fontLbl.Text != "未设置：正文使用本机或内置仿宋" {
		t.Errorf("after resetting: %q %q", n.fontLbl.Text, n.faces.Text)
	}
}

// The centre's own papers carry the 中心公章 and name the 印发机关 in their
// 版记; both are set in 文书设置 beside the 行政审批专用章.
func TestCentreSealAndPrinterAreSetApart(t *testing.T) {
	s, st := newTestShell(t)
	n := openNoticeSettings(t, s)
	if !strings.Contains(n.centre.label.Text, "未设置") || !strings.Contains(n.seal.label.Text, "未设置") {
		t.Fatalf("seals shown as %q / %q", n.seal.label.Text, n.centre.label.Text)
	}
	seal := filepath.Join(t.TempDir(), "中心公章.png")
	var b bytes.Buffer
	png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, 10, 10)))
	if err := os.WriteFile(seal, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	n.centre.set(seal)
	n.entries["印发机关"].SetText("")
	test.Type(n.entries["印发机关"], "集宁区政务服务中心办公室")
	n.onSaveOffice()
	o, _ := st.Office()
	if o.CentreSealPath != seal || o.SealPath != "" || o.Printer != "集宁区政务服务中心办公室" {
		t.Fatalf("stored %+v", o)
	}
	if n.centre.label.Text != "中心公章.png" {
		t.Fatalf("centre seal shown as %q", n.centre.label.Text)
	}
}

// navTo picks a screen in the navigation list, as a person clicking it.
func navTo(s *shell, name string) {
	for i, n := range s.names {
		if n == name {
			s.nav.Select(i)
		}
	}
}

// dialogButton finds the button labelled text in the dialog on top.
func dialogButton(t *testing.T, s *shell, text string) *widget.Button {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to press %q in", text)
	}
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				walk(x)
			}
		}
	}
	walk(top)
	if found == nil {
		t.Fatalf("the dialog has no %q button", text)
	}
	return found
}

func TestLeavingNoticeSettingsWithUnsavedEditsAsks(t *testing.T) {
	s, st := newTestShell(t)
	navTo(s, "文书设置")
	n := s.screens["文书设置"].(*noticeSettingsScreen)

	// nothing changed: leaving asks nothing
	navTo(s, "总览")
	if s.current != "总览" || s.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("leaving an unchanged screen: on %q", s.current)
	}

	navTo(s, "文书设置")
	n.entries["中心名称"].SetText("")
	test.Type(n.entries["中心名称"], "集宁区政务服务中心")
	navTo(s, "总览")
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("leaving with an unsaved 中心名称 asked nothing")
	}
	if s.current != "文书设置" {
		t.Fatalf("left for %q before the answer", s.current)
	}

	// 取消 keeps the edit
	test.Tap(dialogButton(t, s, "取消"))
	if s.current != "文书设置" || n.entries["中心名称"].Text != "集宁区政务服务中心" {
		t.Fatalf("after 取消: on %q, 中心名称 %q", s.current, n.entries["中心名称"].Text)
	}

	// 放弃修改 leaves, and coming back shows what is stored
	navTo(s, "总览")
	test.Tap(dialogButton(t, s, "放弃修改"))
	if s.current != "总览" {
		t.Fatalf("放弃修改 stayed on %q", s.current)
	}
	navTo(s, "文书设置")
	o, _ := st.Office()
	if n.entries["中心名称"].Text != o.Name {
		t.Fatalf("came back to %q, the store has %q", n.entries["中心名称"].Text, o.Name)
	}

	// a changed wording asks too; saved, it does not
	n.body.SetText(n.body.Text + "\n特此通知。")
	navTo(s, "总览")
	if s.win.Canvas().Overlays().Top() == nil {
		t.Fatal("leaving with unsaved wording asked nothing")
	}
	test.Tap(dialogButton(t, s, "取消"))
	n.onSaveTemplate()
	test.Tap(dialogButton(t, s, "OK"))
	navTo(s, "总览")
	if s.current != "总览" {
		t.Fatalf("leaving after saving stayed on %q", s.current)
	}
}

// dialogText gathers the text of the labels in the dialog on top.
func dialogText(s *shell) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		walk(top)
	}
	return b.String()
}
