package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// wizardData is what the first-run setup needs: the centre's details (the
// same as 文书设置 keeps), the data folder for the seal, whether the
// database is still empty, the demo, and imports of windows and staff.
type wizardData interface {
	Office() (models.Office, error)
	SaveOffice(models.Office) error
	Dir() string
	IsEmpty() (bool, error)
	FillDemo() error
	importer
}

// What the last step of the wizard does about windows and staff.
const (
	setupImport = "从模板导入"
	setupDemo   = "填入演示中心（熟悉软件用）"
	setupSkip   = "暂时跳过"
)

// wizardStep is one page of the wizard: its title, what it shows, and the
// centre's details it asks for (checked before 下一步).
type wizardStep struct {
	title  string
	form   *widget.Form
	errs   *formErrors
	fields []string
	body   fyne.CanvasObject
}

// setupWizard leads a new centre through its details, step by step: name
// and 文号 prefix, phones and address, review body and court, seal, then
// its windows and staff (imported from the templates, the demo, or later).
// The details are stored as 文书设置 stores them, on 完成.
type setupWizard struct {
	shell   *shell
	data    wizardData
	office  models.Office
	entries map[string]*widget.Entry
	steps   []*wizardStep
	step    int

	heading *widget.Label
	stack   *fyne.Container
	back    *widget.Button
	next    *widget.Button
	choice  *widget.RadioGroup
	files   map[string]string // chosen import file by kind
	chosen  map[string]*widget.Label
	dlg     *dialog.CustomDialog
	// done runs after 完成 stored everything
	done func()
}

// openSetupWizard shows the wizard over the window, filled with the
// centre's details as stored.
func openSetupWizard(s *shell, d wizardData, done func()) *setupWizard {
	w := &setupWizard{shell: s, data: d, entries: map[string]*widget.Entry{}, files: map[string]string{},
		chosen: map[string]*widget.Label{}, done: done}
	o, err := d.Office()
	if err != nil {
		showError("无法读取中心信息", err, s.win)
	}
	w.office = o
	vals := officeValues(&w.office)
	hints := map[string]string{
		"中心名称":   "印在每份文书的落款处，如“某某市政务服务中心”",
		"文号前缀":   "1至8个汉字，如“乌政服”：文号印为 乌政服受〔2026〕12号",
		"中心地址":   "文书措辞中可用 {中心地址} 引用，可暂不填",
		"咨询电话":   "如 0471-1234567",
		"投诉电话":   "如 12345",
		"行政复议机关": "不服决定时可申请行政复议的机关，如“某某市人民政府”",
		"人民法院":   "可提起行政诉讼的法院，如“某某区人民法院”",
	}
	page := func(title, intro string, labels ...string) {
		st := &wizardStep{title: title, errs: newFormErrors(), fields: labels}
		var items []*widget.FormItem
		for _, l := range labels {
			e := widget.NewEntry()
			e.SetText(*vals[l])
			e.OnSubmitted = func(string) { w.onNext() } // Enter goes on, as in every form
			w.entries[l] = e
			items = append(items, st.errs.item(l, e, hints[l]))
		}
		st.form = widget.NewForm(items...)
		st.body = container.NewVBox(wrapLabel(intro), st.errs.summary, st.form)
		w.steps = append(w.steps, st)
	}
	page("中心名称与文号", "欢迎使用政务窗口管理。先填写本中心的基本信息，它们印在每份通知书、决定书上；以后可在“文书设置”中修改。",
		"中心名称", "文号前缀")
	page("地址与电话", "咨询电话、投诉电话印在受理通知书等对外文书上，印制这些文书前须填写；现在可以暂时不填。", "中心地址", "咨询电话", "投诉电话")
	page("复议机关与诉讼法院", "不予受理、不予许可等文书告知申请人的救济途径：向哪个机关申请行政复议、向哪个法院提起行政诉讼。",
		"行政复议机关", "人民法院")

	seal := newSealPicker(s.win, d.Dir(), "印章.png", "未设置：对外文书落款处不加盖印章（可以以后再设）",
		func(p string) { w.office.SealPath = p })
	seal.set(o.SealPath)
	sealStep := &wizardStep{title: "印章（可选）", errs: newFormErrors(), fields: []string{"印章图片"}}
	sealStep.form = widget.NewForm(sealStep.errs.item("印章图片", seal.row, "行政审批专用章：透明背景的 PNG，至少 400×400 像素"))
	sealStep.body = container.NewVBox(wrapLabel("选择印章图片后，受理通知书、决定书等对外文书的落款处加盖印章；不选则不盖章。"),
		sealStep.errs.summary, sealStep.form)
	w.steps = append(w.steps, sealStep)
	w.steps = append(w.steps, w.peopleStep())

	w.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.stack = container.NewStack()
	w.back = widget.NewButtonWithIcon("上一步", theme.NavigateBackIcon(), w.onBack)
	w.next = widget.NewButtonWithIcon("下一步", theme.NavigateNextIcon(), w.onNext)
	w.next.Importance = widget.HighImportance
	w.next.IconPlacement = widget.ButtonIconTrailingText
	cancel := widget.NewButton("以后再说", func() { w.dlg.Hide() })
	buttons := container.NewHBox(cancel, layoutSpacer(), w.back, w.next)
	content := container.NewBorder(container.NewVBox(w.heading, widget.NewSeparator()), buttons, nil, nil,
		container.NewVScroll(w.stack))
	w.dlg = dialog.NewCustomWithoutButtons("初始设置向导", content, s.win)
	w.dlg.Resize(dialogSize(s, 820, 600))
	w.show(0)
	w.dlg.Show()
	return w
}

// peopleStep offers the templates of the windows and staff files with
// their columns explained, a file chooser for each, the demo, or neither.
func (w *setupWizard) peopleStep() *wizardStep {
	rows := container.NewVBox()
	for _, k := range []struct{ kind, what string }{{"windows", "窗口"}, {"staff", "人员"}} {
		kind, what := k.kind, k.what
		chosen := widget.NewLabel("未选择文件")
		chosen.Truncation = fyne.TextTruncateEllipsis
		w.chosen[kind] = chosen
		download := widget.NewButtonWithIcon("下载"+what+"模板…", theme.DownloadIcon(), func() { w.onTemplate(kind, what) })
		pick := widget.NewButtonWithIcon("选择"+what+"文件…", theme.FolderOpenIcon(), func() {
			pickImportFile(w.shell, func(path string) {
				w.files[kind] = path
				chosen.SetText(filepath.Base(path))
				w.choice.SetSelected(setupImport)
			})
		})
		// one wrapped paragraph, so both files' columns fit in sight
		cols := widget.NewLabel(strings.Join(reports.ColumnHelp(kind), "；"))
		cols.Wrapping = fyne.TextWrapWord
		rows.Add(widget.NewCard("", what+"表的各列", container.NewBorder(nil, nil,
			container.NewVBox(download, pick, chosen), nil, cols)))
	}
	w.choice = widget.NewRadioGroup([]string{setupImport, setupDemo, setupSkip}, nil)
	w.choice.Required = true
	w.choice.Horizontal = true
	w.choice.SetSelected(setupSkip)
	errs := newFormErrors()
	return &wizardStep{title: "窗口和人员", errs: errs, body: container.NewVBox(
		wrapLabel("下载模板，在Excel中按示例行填写后保存，再选择文件；人员表的派驻单位、窗口编号须与窗口表一致。"+
			"也可以填入演示中心（20 个窗口、60 名人员）先熟悉软件，或暂时跳过，以后在“窗口”“人员”中添加或导入。"),
		errs.summary, w.choice, rows)}
}

// show turns to step i.
func (w *setupWizard) show(i int) {
	w.step = i
	st := w.steps[i]
	w.heading.SetText(stepTitle(i, len(w.steps), st.title))
	w.stack.Objects = []fyne.CanvasObject{st.body}
	w.stack.Refresh()
	if i == 0 {
		w.back.Disable()
	} else {
		w.back.Enable()
	}
	if i == len(w.steps)-1 {
		w.next.SetText("完成")
		w.next.SetIcon(theme.ConfirmIcon())
	} else {
		w.next.SetText("下一步")
		w.next.SetIcon(theme.NavigateNextIcon())
	}
}

func stepTitle(i, n int, title string) string {
	return fmt.Sprintf("第 %d 步，共 %d 步：%s", i+1, n, title)
}

func (w *setupWizard) onBack() {
	if w.step > 0 {
		w.show(w.step - 1)
	}
}

// read takes the details typed so far into the office.
func (w *setupWizard) read() models.Office {
	o := w.office
	vals := officeValues(&o)
	for l, e := range w.entries {
		*vals[l] = e.Text
	}
	return o
}

// checkStep shows the problems with the details of the step shown; it
// reports whether there are none.
func (w *setupWizard) checkStep() bool {
	st := w.steps[w.step]
	o := w.read()
	var mine models.FieldErrors
	for _, e := range o.Validate() {
		if slices.Contains(st.fields, e.Field) {
			mine = append(mine, e)
		}
	}
	if st.errs.show(st.form, mine) {
		st.errs.summary.SetText(strings.Replace(st.errs.summary.Text, "后再保存", "后再继续", 1))
		return false
	}
	return true
}

func (w *setupWizard) onNext() {
	if !w.checkStep() {
		return
	}
	if w.step < len(w.steps)-1 {
		w.show(w.step + 1)
		return
	}
	w.finish()
}

// finish stores the centre's details, then imports the files chosen or
// fills the demo, and closes the wizard when all went well.
func (w *setupWizard) finish() {
	st := w.steps[w.step]
	if w.choice.Selected == setupImport && (w.files["windows"] == "" || w.files["staff"] == "") {
		var missing []string
		if w.files["windows"] == "" {
			missing = append(missing, "窗口文件")
		}
		if w.files["staff"] == "" {
			missing = append(missing, "人员文件")
		}
		st.errs.summary.SetText("请选择" + strings.Join(missing, "和") + "，或选择“填入演示中心”“暂时跳过”")
		st.errs.summary.Show()
		return
	}
	st.errs.summary.Hide()
	o := w.read()
	if err := w.data.SaveOffice(o); err != nil {
		if fe, ok := models.AsFieldErrors(err); ok {
			// a detail of an earlier step: turn back to it
			for i, s := range w.steps {
				if s.fields != nil && slices.Contains(s.fields, fe[0].Field) {
					w.show(i)
					w.checkStep()
					return
				}
			}
		}
		showError("无法保存中心信息", err, w.shell.win)
		return
	}
	w.office = o
	closeWith := func() {
		w.dlg.Hide()
		w.shell.changed()
		if w.done != nil {
			w.done()
		}
	}
	switch w.choice.Selected {
	case setupImport:
		runImport(w.shell, w.data, "windows", "窗口", w.files["windows"], func() {
			runImport(w.shell, w.data, "staff", "人员", w.files["staff"], closeWith)
		})
	case setupDemo:
		w.next.Disable()
		w.shell.async(w.data.FillDemo, func(err error) {
			w.next.Enable()
			if err != nil {
				showError("无法填入演示数据", err, w.shell.win)
				return
			}
			closeWith()
		})
	default:
		closeWith()
	}
}

// onTemplate saves the template of an import file where the user says.
func (w *setupWizard) onTemplate(kind, what string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError("无法保存模板", err, w.shell.win)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if err := reports.WriteImportTemplate(kind, path); err != nil {
			showError("无法保存模板", err, w.shell.win)
			return
		}
		showFileDone(w.shell, "模板已保存", what+"导入模板已保存，请在 Excel 中按示例行填写。", path)
	}, w.shell.win)
	d.SetFileName(what + "导入模板.xlsx")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
