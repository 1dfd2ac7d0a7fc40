package app

import (
	_ "embed"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

//go:embed translations/zh.json
var zhTranslations []byte

// useChineseDialogs makes Fyne's own words (file dialogs, OK / Cancel, week
// days) Chinese whatever the language of Windows: the office works in Chinese.
func useChineseDialogs() {
	for _, l := range []fyne.Locale{"en", "zh-Hans"} {
		if err := lang.AddTranslationsForLocale(zhTranslations, l); err != nil {
			log.Printf("translations: %v", err)
		}
	}
}

// showError shows err as a Chinese sentence a person can act on; the log
// keeps the technical text.
func showError(title string, err error, win fyne.Window) {
	log.Printf("%s: %v", title, err)
	msg := models.Explain(err).Error()
	var re *models.RefusedError
	if _, ok := models.AsFieldErrors(err); !ok && !errors.As(err, &re) && !containsHan(msg) {
		msg = "操作未完成，数据没有改变。\n技术信息：" + msg
	}
	d := dialog.NewCustom(title, "知道了", wrapLabel(msg), win)
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
}

func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// confirm asks before a destructive action.
func confirm(title, message, action string, win fyne.Window, yes func()) {
	d := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			yes()
		}
	}, win)
	d.SetConfirmText(action)
	d.SetDismissText("取消")
	d.Show()
}

// runAsync runs work off the UI goroutine and hands its error to done on it.
// Screens call it through shell.async, which tests replace with a synchronous
// runner so that what they assert does not race with the UI.
func runAsync(work func() error, done func(error)) {
	go func() {
		err := work()
		fyne.Do(func() { done(err) })
	}()
}

// dateField is a date entry that accepts what office people type
// (2026-11-03, 2026/11/3, 2026年11月3日) and has a calendar to pick from.
type dateField struct {
	widget.Entry
	win      fyne.Window
	onEscape func()
}

func (f *dateField) setOnEscape(fn func()) { f.onEscape = fn }

// TypedKey hands Esc to the dialog the field is in.
func (f *dateField) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && f.onEscape != nil {
		f.onEscape()
		return
	}
	f.Entry.TypedKey(ev)
}

func newDateField(win fyne.Window) *dateField {
	f := &dateField{win: win}
	f.ExtendBaseWidget(f)
	f.PlaceHolder = "年-月-日" // a hint, not a date that reads as filled in
	f.ActionItem = widget.NewButtonWithIcon("", theme.CalendarIcon(), f.pick)
	return f
}

func (f *dateField) pick() {
	start := time.Now()
	if d, err := models.ParseDate(f.Text); err == nil {
		start = d.Time()
	}
	var pop *widget.PopUp
	cal := newMonthPicker(models.DateOf(start), func(d models.Date) {
		f.SetDate(d)
		pop.Hide()
	})
	pop = widget.NewModalPopUp(container.NewVBox(cal.box, widget.NewButton("取消", func() { pop.Hide() })), f.win.Canvas())
	pop.Show()
}

// monthPicker is a month of days to pick from, titled in Chinese
// ("2026年11月", which Fyne's own calendar writes in English), weeks
// starting on Monday.
type monthPicker struct {
	month  models.Date // first day of the month shown
	chosen models.Date
	title  *widget.Label
	days   *fyne.Container
	box    fyne.CanvasObject
	pick   func(models.Date)
}

func newMonthPicker(chosen models.Date, pick func(models.Date)) *monthPicker {
	m := &monthPicker{chosen: chosen, pick: pick, month: models.NewDate(chosen.Year(), chosen.Month(), 1)}
	m.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { m.step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { m.step(1) })
	m.days = container.NewGridWithColumns(7)
	m.box = container.NewVBox(container.NewBorder(nil, nil, prev, next, m.title), m.days)
	m.show()
	return m
}

func (m *monthPicker) step(n int) {
	m.month = models.NewDate(m.month.Year(), m.month.Month()+time.Month(n), 1)
	m.show()
}

func (m *monthPicker) show() {
	m.title.SetText(fmt.Sprintf("%d年%d月", m.month.Year(), int(m.month.Month())))
	m.days.Objects = nil
	for _, w := range []string{"一", "二", "三", "四", "五", "六", "日"} {
		m.days.Add(widget.NewLabelWithStyle(w, fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	lead := (int(m.month.Weekday()) + 6) % 7 // Monday first
	for i := 0; i < lead; i++ {
		m.days.Add(widget.NewLabel(""))
	}
	for d := m.month; d.Month() == m.month.Month(); d = d.AddDays(1) {
		day := d
		b := widget.NewButton(fmt.Sprint(d.Day()), func() { m.pick(day) })
		b.Importance = widget.LowImportance
		if day == m.chosen {
			b.Importance = widget.HighImportance
		}
		m.days.Add(b)
	}
	m.days.Refresh()
}

// SetDate shows d (empty for the zero date).
func (f *dateField) SetDate(d models.Date) { f.SetText(d.String()) }

// DateValue parses the entry; empty gives the zero date.
func (f *dateField) DateValue() (models.Date, error) {
	if strings.TrimSpace(f.Text) == "" {
		return models.Date{}, nil
	}
	return models.ParseDate(f.Text)
}

// formErrors shows per-field errors under a form and sums them up in a label.
type formErrors struct {
	summary *widget.Label
	items   map[string]*widget.FormItem
}

func newFormErrors() *formErrors {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return &formErrors{summary: l, items: map[string]*widget.FormItem{}}
}

func (fe *formErrors) item(label string, w fyne.CanvasObject, hint string) *widget.FormItem {
	it := widget.NewFormItem(label, w)
	it.HintText = hint
	fe.items[label] = it
	return it
}

// show puts each error under its field and lists them all at the top; it
// returns whether there were any.
func (fe *formErrors) show(form *widget.Form, errs models.FieldErrors) bool {
	for label, it := range fe.items {
		if reason := errs.For(label); reason != "" {
			it.HintText = "✖ " + reason
		} else if strings.HasPrefix(it.HintText, "✖ ") {
			it.HintText = ""
		}
	}
	if form != nil {
		form.Refresh()
	}
	if len(errs) == 0 {
		fe.summary.Hide()
		return false
	}
	lines := make([]string, len(errs))
	for i, e := range errs {
		lines[i] = fmt.Sprintf("%s：%s", e.Field, e.Reason)
	}
	fe.summary.SetText("请修正以下问题后再保存：\n" + strings.Join(lines, "\n"))
	fe.summary.Show()
	return true
}

// formDialog is a form in a dialog with its error summary and 取消 / save
// buttons. Pressing save runs save: field errors show under their fields
// (and the form scrolls back to the top to show the summary) and keep the
// dialog open; another error shows in a message; success closes the dialog,
// tells the other screens, and runs done. A form taller than the window
// scrolls.
type formDialog struct {
	dlg  *dialog.CustomDialog
	save *widget.Button
	body fyne.CanvasObject // the error list over the form, scrolled as one
	win  fyne.Window
}

func newFormDialog(s *shell, title, saveText string, form *widget.Form, errs *formErrors, save func() error, done func()) *formDialog {
	fd := &formDialog{win: s.win}
	primeHints(form)
	body := container.NewVBox(errs.summary, form)
	fd.body = body
	scroll := container.NewVScroll(body)
	fd.save = widget.NewButtonWithIcon(saveText, theme.DocumentSaveIcon(), func() {
		err := save()
		if errors.Is(err, errAwaitingConfirm) {
			return
		}
		fe, isFields := models.AsFieldErrors(err)
		if errs.show(form, fe) {
			fd.fit() // the dialog grows with the errors, as far as the window allows
			scroll.ScrollToTop()
			return
		}
		if err != nil && !isFields {
			showError(title, err, s.win)
			return
		}
		fd.dlg.Hide()
		noteFormSaved()
		s.changed()
		done()
	})
	fd.save.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { fd.dlg.Hide() })
	fd.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewHBox(layoutSpacer(), cancel, fd.save), nil, nil, scroll), s.win)
	fd.fit()
	fd.dlg.Show()
	fd.bindKeys(s.win.Canvas(), form)
	return fd
}

// fit sizes the dialog to its form and error list, no taller than the
// window: beyond that the two scroll together.
func (fd *formDialog) fit() {
	height := fd.body.MinSize().Height + 140
	if limit := fd.win.Canvas().Size().Height - 40; limit > 300 && height > limit {
		height = limit
	}
	fd.dlg.Resize(fyne.NewSize(max(580, fd.body.MinSize().Width+60), height))
}

// bindKeys gives the dialog the keyboard habits of every office program:
// Enter saves (from a one-line text box, or with nothing focused), Esc
// cancels (from the app's own fields, or with nothing focused). Keys reach
// the canvas only when no widget has the focus, so the canvas handler is
// there for that case and is given back when the dialog closes; it acts only
// while this dialog is the topmost, so Esc in a confirmation over the form
// does not close the form too.
func (fd *formDialog) bindKeys(c fyne.Canvas, form *widget.Form) {
	top := c.Overlays().Top()
	submit := func() {
		if c.Overlays().Top() == top && !fd.save.Disabled() {
			fd.save.OnTapped()
		}
	}
	cancel := func() {
		if c.Overlays().Top() == top {
			fd.dlg.Hide()
		}
	}
	for _, it := range form.Items {
		bindFieldKeys(it.Widget, submit, cancel)
	}
	before := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			cancel()
		case fyne.KeyReturn, fyne.KeyEnter:
			submit()
		default:
			if before != nil {
				before(ev)
			}
		}
	})
	fd.dlg.SetOnClosed(func() { c.SetOnTypedKey(before) })
}

// keyedField is a field of the app's own that passes Esc to its dialog.
type keyedField interface {
	setOnEscape(func())
}

// bindFieldKeys makes Enter in the one-line text boxes of o submit, unless a
// box already does something of its own with Enter, and Esc in the app's
// own fields cancel.
func bindFieldKeys(o fyne.CanvasObject, submit, cancel func()) {
	if k, ok := o.(keyedField); ok {
		k.setOnEscape(cancel)
	}
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			bindFieldKeys(c, submit, cancel)
		}
	case *widget.Entry:
		submitFrom(w, submit)
	case *dateField:
		submitFrom(&w.Entry, submit)
	case *container.Scroll:
		bindFieldKeys(w.Content, submit, cancel)
	}
}

func submitFrom(e *widget.Entry, submit func()) {
	if !e.MultiLine && e.OnSubmitted == nil {
		e.OnSubmitted = func(string) { submit() }
	}
}

// errAwaitingConfirm is what a form's save returns while it asks the user
// to confirm something first: the form stays open and shows nothing; the
// confirmation saves again.
var errAwaitingConfirm = errors.New("awaiting confirmation")

// primeHints lets every item of a form show an error under it later. Fyne
// draws the hint line only for items that had a hint (or a validator) when
// the form was first drawn, so each item gets one for a first draw and then
// its own back (an empty hint takes no room).
func primeHints(form *widget.Form) {
	saved := make([]string, len(form.Items))
	for i, it := range form.Items {
		saved[i] = it.HintText
		if it.HintText == "" {
			it.HintText = " "
		}
	}
	form.Refresh()
	for i, it := range form.Items {
		it.HintText = saved[i]
	}
	form.Refresh()
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// newSelect is widget.NewSelect with a Chinese placeholder: Fyne's own,
// "(Select one)", is not translatable.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = "请选择"
	fitSelect(s)
	return s
}

// maxSelectWidth is the widest a choice box grows to show its options.
const maxSelectWidth = 260

// fitSelect makes a choice box wide enough to show its longest option
// whole (up to maxSelectWidth): Fyne sizes a Select by its placeholder, so
// "2026年11月" showed as "2026…" in a toolbar. The placeholder keeps its
// words and gains trailing spaces, which draw nothing.
func fitSelect(s *widget.Select) {
	size := theme.TextSize()
	widest := float32(0)
	for _, o := range s.Options {
		widest = max(widest, fyne.MeasureText(o, size, fyne.TextStyle{}).Width)
	}
	widest = min(widest, maxSelectWidth)
	ph := strings.TrimRight(s.PlaceHolder, " ")
	for fyne.MeasureText(ph, size, fyne.TextStyle{}).Width < widest {
		ph += "  "
	}
	s.PlaceHolder = ph
}

// confirmDelete asks before deleting, deletes off the UI goroutine, and then
// either shows why the store refused (a record still referred to, a locked
// month) or tells the other screens and runs done.
func confirmDelete(s *shell, title, message string, del func() error, done func()) {
	confirm(title, message, "删除", s.win, func() {
		s.async(del, func(err error) {
			if err != nil {
				showError("不能删除", err, s.win)
				return
			}
			s.changed()
			done()
		})
	})
}

// dedupe keeps the first error of each field, so a field shows one reason.
func dedupe(fe models.FieldErrors) models.FieldErrors {
	seen := map[string]bool{}
	var out models.FieldErrors
	for _, e := range fe {
		if !seen[e.Field] {
			seen[e.Field] = true
			out = append(out, e)
		}
	}
	return out
}
