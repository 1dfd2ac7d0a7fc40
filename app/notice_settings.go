package app

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
	"govdesk/reports/typeset"
)

// noticeSettingsData is what the notice settings (文书设置) need: the
// centre's details, the wording of each notice, and the data folder where
// the seal and font are kept.
type noticeSettingsData interface {
	wizardData
	// NoticeTemplate gives the wording in force for a kind of notice.
	NoticeTemplate(kind string) (body string, isDefault bool, err error)
	// SaveNoticeTemplate checks and stores the office's wording; "" resets it.
	SaveNoticeTemplate(kind, body string) error
	archive
}

// noticeSettingsScreen edits what notices print: the centre's details (name,
// 文号 prefix, phones, review body and court, seal, 仿宋 font) and the
// wording of each kind of notice.
type noticeSettingsScreen struct {
	shell *shell
	data  noticeSettingsData

	entries map[string]*widget.Entry // centre details by label
	office  models.Office
	stored  models.Office // as last read or saved, to tell unsaved edits
	seal    *sealPicker   // 行政审批专用章, on citizen notices
	centre  *sealPicker   // 中心公章, on the centre's own papers
	fontLbl *widget.Label
	faces   *widget.Label // which font prints each part of a notice
	errs    *formErrors
	form    *widget.Form

	kind     *widget.Select
	body     *widget.Entry
	loaded   string // the wording as last read or saved
	state    *widget.Label
	tmplErrs *widget.Label
	help     *widget.Label

	box fyne.CanvasObject
	// wizard is the setup wizard last opened from here
	wizard *setupWizard
}

var officeLabels = []string{"中心名称", "文号前缀", "中心地址", "咨询电话", "投诉电话", "行政复议机关", "人民法院", "印发机关"}

func newNoticeSettingsScreen(s *shell, d noticeSettingsData) *noticeSettingsScreen {
	n := &noticeSettingsScreen{shell: s, data: d, entries: map[string]*widget.Entry{}, errs: newFormErrors()}
	var items []*widget.FormItem
	for _, l := range officeLabels {
		e := widget.NewEntry()
		n.entries[l] = e
		hint := ""
		switch l {
		case "文号前缀":
			hint = "如“乌政服”，文号印为 乌政服受〔2026〕12号"
		case "印发机关":
			hint = "印在中心公文末页的版记上，如“乌兰察布市政务服务中心综合业务科”"
		}
		items = append(items, n.errs.item(l, e, hint))
	}
	n.seal = newSealPicker(s.win, d.Dir(), "印章.png", "未设置：告知书、决定书等对外文书落款处不加盖印章",
		func(p string) { n.office.SealPath = p })
	n.centre = newSealPicker(s.win, d.Dir(), "中心公章.png", "未设置：通报、决定、函、证书等中心文件落款处不加盖印章",
		func(p string) { n.office.CentreSealPath = p })
	n.fontLbl = widget.NewLabel("")
	n.faces = widget.NewLabel("")
	fontRow := container.NewVBox(n.fontLbl, container.NewHBox(
		widget.NewButton("选择仿宋字体…", n.onChooseFont), widget.NewButton("不用自选字体", func() { n.setFont("") })))
	items = append(items, n.errs.item("印章图片", n.seal.row, "行政审批专用章：透明背景的 PNG，印在对外文书（受理通知书、决定书等）的落款处"),
		n.errs.item("中心公章", n.centre.row, "透明背景的 PNG，印在中心自己的通报、决定、函和荣誉证书上；行政审批专用章不用于这些文件"),
		n.errs.item("仿宋字体", fontRow, "如 Windows 的 simfang.ttf；不选时用本机或内置的仿宋"),
		n.errs.item("文书字体", n.faces, "本机装有的仿宋、方正小标宋、黑体、楷体、宋体优先，否则用内置字体"))
	n.form = widget.NewForm(items...)
	saveOffice := widget.NewButtonWithIcon("保存中心信息", theme.DocumentSaveIcon(), n.onSaveOffice)
	saveOffice.Importance = widget.HighImportance
	wizard := widget.NewButtonWithIcon("初始设置向导", theme.SettingsIcon(), n.onWizard)

	names := make([]string, len(models.NoticeKinds))
	for i, k := range models.NoticeKinds {
		names[i] = k.Name
	}
	n.body = widget.NewMultiLineEntry()
	n.body.Wrapping = fyne.TextWrapWord
	n.state = widget.NewLabel("")
	n.tmplErrs = widget.NewLabel("")
	n.tmplErrs.Importance = widget.DangerImportance
	n.tmplErrs.Wrapping = fyne.TextWrapWord
	n.help = widget.NewLabel("")
	n.help.Wrapping = fyne.TextWrapWord
	n.kind = newSelect(names, func(string) { n.loadTemplate() })
	saveTmpl := widget.NewButtonWithIcon("保存措辞", theme.DocumentSaveIcon(), n.onSaveTemplate)
	saveTmpl.Importance = widget.HighImportance
	reset := widget.NewButtonWithIcon("恢复默认", theme.HistoryIcon(), n.onResetTemplate)

	left := container.NewBorder(widget.NewLabelWithStyle("中心信息（印在每份文书上）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewVBox(n.errs.summary, container.NewHBox(saveOffice, layoutSpacer(), wizard)), nil, nil, container.NewVScroll(n.form))
	top := container.NewBorder(nil, nil, widget.NewLabelWithStyle("文书措辞", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(n.state, saveTmpl, reset), n.kind)
	helpBox := container.NewVScroll(n.help)
	helpBox.SetMinSize(fyne.NewSize(0, 110))
	right := container.NewBorder(top, container.NewVBox(n.tmplErrs, helpBox), nil, nil, n.body)
	split := container.NewHSplit(left, right)
	split.Offset = 0.42
	n.box = split
	n.kind.SetSelected(names[0])
	n.reload()
	return n
}

func (n *noticeSettingsScreen) content() fyne.CanvasObject { return n.box }

func (n *noticeSettingsScreen) reload() {
	var o models.Office
	n.shell.async(func() (err error) {
		o, err = n.data.Office()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取中心信息", err, n.shell.win)
			return
		}
		n.office, n.stored = o, o
		vals := officeValues(&o)
		for _, l := range officeLabels {
			n.entries[l].SetText(*vals[l])
		}
		n.seal.set(o.SealPath)
		n.centre.set(o.CentreSealPath)
		n.setFont(o.BodyFontPath)
	})
}

// unsaved tells whether the centre's details or the wording shown differ
// from what is stored: leaving the screen would lose them.
func (n *noticeSettingsScreen) unsaved() bool {
	o := n.office
	vals := officeValues(&o)
	for _, l := range officeLabels {
		*vals[l] = n.entries[l].Text
	}
	return o != n.stored || n.body.Text != n.loaded
}

func officeValues(o *models.Office) map[string]*string {
	return map[string]*string{"中心名称": &o.Name, "文号前缀": &o.Abbrev, "中心地址": &o.Address,
		"咨询电话": &o.EnquiryPhone, "投诉电话": &o.ComplaintTel, "行政复议机关": &o.ReviewBody, "人民法院": &o.Court,
		"印发机关": &o.Printer}
}

// sealPicker shows a seal image of the office and lets it be chosen or
// cleared.
type sealPicker struct {
	img   *canvas.Image
	label *widget.Label
	row   fyne.CanvasObject
	none  string
	store func(path string)
}

func newSealPicker(win fyne.Window, dir string, keepAs, none string, store func(string)) *sealPicker {
	p := &sealPicker{img: canvas.NewImageFromResource(nil), label: widget.NewLabel(""), none: none, store: store}
	p.img.FillMode = canvas.ImageFillContain
	p.img.SetMinSize(fyne.NewSize(72, 72))
	p.label.Wrapping = fyne.TextWrapWord
	choose := widget.NewButton("选择印章图片…", func() {
		chooseFile(win, ".png", func(r fyne.URIReadCloser) {
			path, err := keepFile(dir, r, keepAs, checkSeal)
			if err != nil {
				showError("不能使用这个印章图片", err, win)
				return
			}
			p.set(path)
		})
	})
	p.row = container.NewBorder(nil, nil, p.img, nil,
		container.NewVBox(p.label, container.NewHBox(choose, widget.NewButton("不用印章", func() { p.set("") }))))
	return p
}

func (p *sealPicker) set(path string) {
	p.store(path)
	if path == "" {
		p.img.File, p.img.Resource = "", nil
		p.img.Refresh()
		p.label.SetText(p.none)
		return
	}
	p.img.File = path
	p.img.Refresh()
	p.label.SetText(filepath.Base(path))
}

func (n *noticeSettingsScreen) setFont(path string) {
	n.office.BodyFontPath = path
	n.showFaces(path)
	if path == "" {
		n.fontLbl.SetText("未设置：正文使用本机或内置仿宋")
		return
	}
	n.fontLbl.SetText(filepath.Base(path))
}

// showFaces lists which font prints each part of a notice with the 仿宋
// font at path. Finding the PC's own fonts reads them the first time, so
// it runs off the UI goroutine.
func (n *noticeSettingsScreen) showFaces(path string) {
	o := typeset.Options{}
	if path != "" {
		o.BodyFontName = filepath.Base(path)
	}
	var lines []string
	n.shell.async(func() error {
		for _, c := range typeset.FontChoices(o) {
			lines = append(lines, c.String())
		}
		return nil
	}, func(error) {
		if n.office.BodyFontPath == path { // not overtaken by another choice
			n.faces.SetText(strings.Join(lines, "\n"))
		}
	})
}

func (n *noticeSettingsScreen) onSaveOffice() {
	o := n.office
	vals := officeValues(&o)
	for _, l := range officeLabels {
		*vals[l] = n.entries[l].Text
	}
	err := n.data.SaveOffice(o)
	if fe, ok := models.AsFieldErrors(err); ok {
		n.errs.show(n.form, fe)
		return
	}
	n.errs.show(n.form, nil)
	if err != nil {
		showError("无法保存中心信息", err, n.shell.win)
		return
	}
	n.stored = o
	n.office = o
	n.shell.changed()
	dialog.ShowInformation("已保存", "中心信息已保存，此后印制的文书将使用新的信息。", n.shell.win)
}

// onWizard opens the setup wizard; edits not saved here would be
// overwritten by it, so it asks first.
func (n *noticeSettingsScreen) onWizard() {
	open := func() { n.wizard = openSetupWizard(n.shell, n.data, n.reload) }
	if n.unsaved() {
		confirm("放弃修改？", "中心信息有未保存的修改，打开向导将放弃这些修改。", "放弃修改", n.shell.win, open)
		return
	}
	open()
}

// keepFile copies a chosen file into the data folder, so the setting does
// not break when the original is moved or deleted.
func keepFile(dir string, r fyne.URIReadCloser, name string, check func([]byte) error) (string, error) {
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	if err := check(data); err != nil {
		return "", err
	}
	dst := filepath.Join(dir, "文书设置", name)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	return dst, os.WriteFile(dst, data, 0o644)
}

func chooseFile(win fyne.Window, ext string, pick func(fyne.URIReadCloser)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError("无法打开文件", err, win)
			return
		}
		if r != nil {
			pick(r)
		}
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func checkSeal(b []byte) error {
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("不是有效的 PNG 图片：请用透明背景的 PNG 格式印章图片")
	}
	if r := img.Bounds(); r.Dx() < 100 || r.Dy() < 100 {
		return fmt.Errorf("图片太小（%d×%d 像素），打印会模糊：请用至少 400×400 像素的图片", r.Dx(), r.Dy())
	}
	return nil
}

func (n *noticeSettingsScreen) onChooseFont() {
	chooseFile(n.shell.win, ".ttf", func(r fyne.URIReadCloser) {
		path, err := keepFile(n.data.Dir(), r, "仿宋.ttf", typeset.CheckTrueType)
		if err != nil {
			showError("不能使用这个字体", err, n.shell.win)
			return
		}
		n.setFont(path)
	})
}

func (n *noticeSettingsScreen) loadTemplate() {
	kind := n.kind.Selected
	body, isDefault, err := n.data.NoticeTemplate(kind)
	if err != nil {
		showError("无法读取模板", err, n.shell.win)
		return
	}
	n.body.SetText(body)
	n.loaded = body
	n.showState(isDefault)
	n.tmplErrs.SetText("")
	k, _ := models.NoticeKindByName(kind)
	n.help.SetText("可用的占位符：" + wrapBraces(reports.NoticeFields(k)) +
		"\n写法：“# 标题”“文号”“@称谓：”“## 一级标题”“> 不缩进的行”；[材料清单] [信息表] [填写] 标签：8 | 标签：{值} [勾选] 标签：甲/乙 = {值} [落款] [落款无章] [联次] 第一联 存根 / 第二联 交申请人；空行分段。")
}

func wrapBraces(fields []string) string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = "{" + f + "}"
	}
	return strings.Join(out, " ")
}

func (n *noticeSettingsScreen) showState(isDefault bool) {
	if isDefault {
		n.state.SetText("使用默认措辞")
	} else {
		n.state.SetText("中心已修改")
	}
}

func (n *noticeSettingsScreen) onSaveTemplate() {
	err := n.data.SaveNoticeTemplate(n.kind.Selected, n.body.Text)
	if err != nil {
		n.tmplErrs.SetText(err.Error())
		return
	}
	n.tmplErrs.SetText("")
	n.loaded = n.body.Text
	n.showState(false)
	dialog.ShowInformation("已保存", n.kind.Selected+"的措辞已保存。", n.shell.win)
}

func (n *noticeSettingsScreen) onResetTemplate() {
	confirm("恢复默认措辞", "放弃中心对“"+n.kind.Selected+"”措辞的修改，恢复为默认措辞吗？", "恢复默认", n.shell.win, func() {
		if err := n.data.SaveNoticeTemplate(n.kind.Selected, ""); err != nil {
			showError("无法恢复", err, n.shell.win)
			return
		}
		n.loadTemplate()
	})
}
