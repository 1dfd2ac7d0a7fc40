package app

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/app/pinyin"
)

// picker is a choice among many — people, windows, 派驻单位 — that is
// searched rather than scrolled: it shows the choice like a drop-down, and
// opens a list under a search box that narrows as one types part of the
// label (王, ZW006, A05) or the pinyin of its characters, whole or by
// initials (wk or wangkun for 王堃). Up and Down move in the list, Enter
// takes the highlighted line, Esc closes it. Its fields and methods are
// those of widget.Select that the forms use.
type picker struct {
	widget.BaseWidget
	Options     []string
	Selected    string
	PlaceHolder string
	OnChanged   func(string)

	button *widget.Button
	arrow  *fyne.Container
	keys   map[string][][]string
	pop    *widget.PopUp
	search *pickerSearch
	list   *widget.List
	shown  []string
	cursor int
}

func newPicker(options []string, changed func(string)) *picker {
	p := &picker{Options: options, OnChanged: changed, PlaceHolder: "请选择"}
	p.button = widget.NewButton("", p.open)
	p.button.Alignment = widget.ButtonAlignLeading
	// the arrow at the right end, as on a drop-down; taps reach the button
	p.arrow = container.NewBorder(nil, nil, nil, container.NewPadded(widget.NewIcon(theme.MenuDropDownIcon())))
	p.ExtendBaseWidget(p)
	p.showChoice()
	return p
}

func (p *picker) CreateRenderer() fyne.WidgetRenderer {
	p.showChoice()
	return widget.NewSimpleRenderer(container.NewStack(p.button, p.arrow))
}

// SetSelected chooses label, as a person picking it would (OnChanged runs
// when the choice changes); a label that is not an option clears nothing.
func (p *picker) SetSelected(label string) {
	for _, o := range p.Options {
		if o == label {
			p.choose(label)
			return
		}
	}
}

// ClearSelected leaves nothing chosen.
func (p *picker) ClearSelected() {
	p.choose("")
}

// SetOptions replaces the choices; a chosen value no longer among them is
// cleared.
func (p *picker) SetOptions(options []string) {
	p.Options = options
	p.keys = nil
	if p.Selected != "" {
		for _, o := range options {
			if o == p.Selected {
				return
			}
		}
		p.ClearSelected()
	}
}

func (p *picker) Disable()       { p.button.Disable() }
func (p *picker) Enable()        { p.button.Enable() }
func (p *picker) Disabled() bool { return p.button.Disabled() }

func (p *picker) choose(label string) {
	p.close()
	changed := label != p.Selected
	p.Selected = label
	p.showChoice()
	if changed && p.OnChanged != nil {
		p.OnChanged(label)
	}
}

// close hides the list and takes the cursor out of its search box, so that
// the next Enter or Esc goes to the dialog the picker is in.
func (p *picker) close() {
	if p.pop == nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(p.search); c != nil && c.Focused() == p.search {
		c.Unfocus()
	}
	p.pop.Hide()
	p.pop = nil
}

func (p *picker) showChoice() {
	if p.Selected == "" {
		p.button.SetText(p.PlaceHolder)
		return
	}
	p.button.SetText(p.Selected)
}

// Refresh shows a placeholder set after the picker was made.
func (p *picker) Refresh() {
	p.showChoice()
	p.BaseWidget.Refresh()
}

// open shows the search box and the list under the picker (above it when
// there is no room below), with the cursor in the box.
func (p *picker) open() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	p.search = &pickerSearch{p: p}
	p.search.ExtendBaseWidget(p.search)
	p.search.SetPlaceHolder("输入文字、编号或拼音首字母查找")
	p.search.OnChanged = p.filter
	p.list = widget.NewList(func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id == p.cursor
			l.Importance = widget.MediumImportance
			if id == p.cursor {
				l.Importance = widget.HighImportance
			}
			l.SetText(p.shown[id])
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(p.shown) {
			p.choose(p.shown[id])
		}
	}
	p.filter("")
	p.pop = widget.NewPopUp(container.NewBorder(p.search, nil, nil, nil, p.list), c)
	size := fyne.NewSize(max(p.Size().Width, 360), 320)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(p)
	below := at.Add(fyne.NewPos(0, p.Size().Height))
	if below.Y+size.Height > c.Size().Height && at.Y-size.Height >= 0 {
		below = at.Subtract(fyne.NewPos(0, size.Height))
	}
	if over := below.X + size.Width - c.Size().Width; over > 0 {
		below.X = max(0, below.X-over)
	}
	p.pop.ShowAtPosition(below)
	p.pop.Resize(size)
	c.Focus(p.search)
}

// filter keeps the options matching what was typed, the chosen one
// highlighted when it is among them.
func (p *picker) filter(q string) {
	if p.keys == nil {
		p.keys = make(map[string][][]string, len(p.Options))
		for _, o := range p.Options {
			p.keys[o] = pinyinKey(o)
		}
	}
	p.shown = p.shown[:0]
	p.cursor = 0
	for _, o := range p.Options {
		if matchesSearch(o, p.keys[o], q) {
			if o == p.Selected {
				p.cursor = len(p.shown)
			}
			p.shown = append(p.shown, o)
		}
	}
	if p.list != nil {
		p.list.Refresh()
		p.list.ScrollTo(p.cursor)
	}
}

func (p *picker) move(by int) {
	if len(p.shown) == 0 {
		return
	}
	p.cursor = min(max(p.cursor+by, 0), len(p.shown)-1)
	p.list.Refresh()
	p.list.ScrollTo(p.cursor)
}

// pickerSearch is the picker's search box: the arrow keys, Enter and Esc
// work the list under it.
type pickerSearch struct {
	widget.Entry
	p *picker
}

func (s *pickerSearch) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		s.p.move(1)
	case fyne.KeyUp:
		s.p.move(-1)
	case fyne.KeyPageDown:
		s.p.move(8)
	case fyne.KeyPageUp:
		s.p.move(-8)
	case fyne.KeyReturn, fyne.KeyEnter:
		if s.p.cursor < len(s.p.shown) {
			s.p.choose(s.p.shown[s.p.cursor])
		}
	case fyne.KeyEscape:
		s.p.close()
	default:
		s.Entry.TypedKey(ev)
	}
}

// pinyinKey is how each character of label can be typed: a Chinese
// character by any of its readings (王 as wang or yu), anything else — and
// a character the pinyin table lacks, such as 𠮷 — as itself, in lower case.
// Spaces are left out.
func pinyinKey(label string) [][]string {
	var key [][]string
	for _, r := range label {
		if unicode.IsSpace(r) {
			continue
		}
		if unicode.Is(unicode.Han, r) {
			if readings := pinyin.Readings(r); len(readings) > 0 {
				key = append(key, readings)
				continue
			}
		}
		key = append(key, []string{strings.ToLower(string(r))})
	}
	return key
}

// matchesSearch tells whether what a person typed finds label: as part of
// the label itself, or as pinyin — each character by its initial or by its
// whole syllable, the last one typed perhaps only begun — starting at any
// character (wk, wangk, wangkun and kun all find 王堃).
func matchesSearch(label string, key [][]string, typed string) bool {
	q := strings.ToLower(strings.Join(strings.Fields(typed), ""))
	if q == "" {
		return true
	}
	if strings.Contains(strings.ToLower(strings.Join(strings.Fields(label), "")), q) {
		return true
	}
	for i := range key {
		if typedFrom(key, i, q) {
			return true
		}
	}
	return false
}

func typedFrom(key [][]string, i int, q string) bool {
	if q == "" {
		return true
	}
	if i == len(key) {
		return false
	}
	for _, s := range key[i] {
		if strings.HasPrefix(q, s) && typedFrom(key, i+1, q[len(s):]) {
			return true
		}
		if len(s) > 1 && q[0] == s[0] && typedFrom(key, i+1, q[1:]) {
			return true
		}
		if len(s) > 1 && strings.HasPrefix(s, q) {
			return true
		}
	}
	return false
}
