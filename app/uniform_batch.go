package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// uniformBatch issues a season's uniform to a window's staff (or to everyone
// still waiting for a season change) in one go: one row a person, with a
// size for each item, prefilled with the size they last received.
type uniformBatch struct {
	sc      *uniformsScreen
	window  *picker
	kind    *widget.Select
	reason  *widget.Select
	on      *dateField
	items   *widget.CheckGroup
	rowsBox *fyne.Container
	rows    []*batchRow
	save    *widget.Button
	issued  []models.UniformIssue // what the last save recorded
	errs    *formErrors

	people    []models.Staff // everyone the batch may cover
	sizes     map[uint]map[string]string
	windowIDs map[string]uint
}

// batchRow is one person of the batch.
type batchRow struct {
	person models.Staff
	take   *widget.Check
	sizes  map[string]*widget.SelectEntry
}

// defaultItems are what a season's uniform usually consists of.
var defaultItems = map[string][]string{
	models.UniformWinter: {"棉服", "裤"}, models.UniformSummer: {"衬衫", "裤"},
	models.UniformMid: {"上衣", "裤"}, models.UniformBadge: {"工作牌"},
}

// onBatch opens the batch issue; for a season change (changeID) it covers
// the people who have not yet received that season's uniform.
func (sc *uniformsScreen) onBatch(kind string, changeID uint) {
	var all []models.UniformIssue
	var pending []models.Staff
	sc.shell.async(func() (err error) {
		if all, err = sc.data.UniformIssues(models.UniformFilter{}); err != nil {
			return err
		}
		if changeID != 0 {
			pending, err = sc.data.UniformPending(changeID)
		}
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取发放记录", err, sc.shell.win)
			return
		}
		byID := map[uint]models.UniformIssue{}
		for _, u := range all {
			byID[u.ID] = u
		}
		b := &uniformBatch{sc: sc, sizes: lastSizes(byID), windowIDs: map[string]uint{}}
		if changeID != 0 {
			b.people = pending
		} else {
			for _, p := range sc.staff {
				if p.Status == models.StatusOnDuty && p.Post != models.PostSubstitute {
					b.people = append(b.people, p)
				}
			}
		}
		if kind == "" {
			kind = models.UniformWinter
		}
		sc.batch = b
		b.show(kind, changeID != 0)
	})
}

func (b *uniformBatch) show(kind string, forChange bool) {
	sc := b.sc
	var labels []string
	seen := map[string]bool{}
	for _, p := range b.people {
		if l := p.Window.Label(); !seen[l] {
			seen[l] = true
			labels = append(labels, l)
			b.windowIDs[l] = p.WindowID
		}
	}
	sortChinese(labels)
	if forChange {
		labels = append([]string{allWindows}, labels...)
	}
	b.window = newPicker(labels, func(string) { b.buildRows() })
	b.window.PlaceHolder = "请选择窗口"
	b.items = widget.NewCheckGroup(sc.lists.Items, func([]string) { b.buildRows() })
	b.items.Horizontal = true
	b.kind = newSelect(models.UniformKinds, func(k string) { b.items.SetSelected(defaultItems[k]) })
	b.reason = newSelect(models.UniformReasons, nil)
	b.reason.SetSelected("换季")
	b.on = newDateField(sc.shell.win)
	b.on.SetDate(b.sc.data.Today())
	b.rowsBox = container.NewVBox()
	errs := newFormErrors()
	b.errs = errs
	form := widget.NewForm(
		errs.item("窗口", b.window, ""),
		errs.item("种类", b.kind, ""),
		errs.item("品名", b.items, "勾选本次发放的品名，每人每项1件"),
		errs.item("发放日期", b.on, ""),
		errs.item("原因", b.reason, ""),
		errs.item("人员与尺码", b.rowsBox, "尺码按本人上次领取的预填，可从列表选或直接填写（如 175/92A、170/88B、XL）；不发的人取消勾选"),
	)
	b.kind.SetSelected(kind)
	if forChange {
		b.window.SetSelected(allWindows)
	}
	b.save = newFormDialog(sc.shell, "按窗口发放服装", "发放", form, errs, b.submit, func() {
		sc.reload()
		b.offerPrint()
	}).save
}

// buildRows lists the people of the chosen window with a size per item.
func (b *uniformBatch) buildRows() {
	if b.rowsBox == nil || b.items == nil {
		return
	}
	b.rows = nil
	b.rowsBox.Objects = nil
	windowID := b.windowIDs[b.window.Selected]
	if b.window.Selected == "" {
		b.rowsBox.Add(widget.NewLabel("请先选择窗口"))
		b.rowsBox.Refresh()
		return
	}
	for _, p := range b.people {
		if windowID != 0 && p.WindowID != windowID {
			continue
		}
		r := &batchRow{person: p, take: widget.NewCheck(p.Name+"（"+p.EmployeeNo+"）"+p.Window.Code, nil), sizes: map[string]*widget.SelectEntry{}}
		r.take.SetChecked(true)
		line := container.NewHBox(r.take)
		_, own := b.sc.exemptions[p.ID]
		if (own || p.HomeUnit.SectorUniform) && b.kind.Selected != models.UniformBadge {
			r.take.SetChecked(false)
			r.take.Disable()
			line.Add(widget.NewLabel("着行业制式服装"))
		} else {
			for _, it := range b.items.Selected {
				s := newSizeEntry(b.sc.lists.Sizes)
				s.SetText(b.sizes[p.ID][it])
				r.sizes[it] = s
				line.Add(widget.NewLabel(it))
				line.Add(fixedBox(s, 130))
			}
		}
		b.rows = append(b.rows, r)
		b.rowsBox.Add(line)
	}
	if len(b.rows) == 0 {
		b.rowsBox.Add(widget.NewLabel("该窗口没有需要发放的人员"))
	}
	b.rowsBox.Refresh()
}

func (b *uniformBatch) submit() error {
	var fe models.FieldErrors
	on, err := b.on.DateValue()
	if err != nil {
		fe = append(fe, models.FieldError{Field: "发放日期", Reason: err.Error()})
	} else if on.IsZero() {
		fe = append(fe, models.FieldError{Field: "发放日期", Reason: "请填写发放日期"})
	}
	if b.window.Selected == "" {
		fe = append(fe, models.FieldError{Field: "窗口", Reason: "请选择窗口"})
	}
	if len(b.items.Selected) == 0 {
		fe = append(fe, models.FieldError{Field: "品名", Reason: "请至少勾选一个品名"})
	}
	var issues []models.UniformIssue
	for _, r := range b.rows {
		if !r.take.Checked {
			continue
		}
		for _, it := range b.items.Selected {
			size := r.sizes[it].Text
			if strings.TrimSpace(size) != "" {
				if _, err := models.CheckUniformSize(size); err != nil {
					fe = append(fe, models.FieldError{Field: "人员与尺码", Reason: r.person.Name + "的" + it + "：" + err.Error()})
				}
			}
			issues = append(issues, models.UniformIssue{StaffID: r.person.ID, Kind: b.kind.Selected, Item: it, Size: size,
				Quantity: 1, IssuedOn: on, Reason: b.reason.Selected})
		}
	}
	if len(fe) == 0 && len(issues) == 0 {
		fe = append(fe, models.FieldError{Field: "人员与尺码", Reason: "没有勾选任何人员"})
	}
	if len(fe) > 0 {
		return fe
	}
	if err := b.sc.data.IssueUniforms(issues); err != nil {
		return err
	}
	b.issued = issues
	return nil
}

// offerPrint offers the signed-for sheet of what was just issued.
func (b *uniformBatch) offerPrint() {
	n := map[uint]bool{}
	ids := make([]uint, len(b.issued))
	for i, u := range b.issued {
		ids[i] = u.ID
		n[u.StaffID] = true
	}
	dialog.ShowConfirm("发放完成", fmt.Sprintf("已为 %d 人登记发放 %d 项服装。现在印制服装领用签收单供签名吗？", len(n), len(ids)), func(ok bool) {
		if ok {
			b.print(ids)
		}
	}, b.sc.shell.win)
}

func (b *uniformBatch) print(ids []uint) {
	printInternal(b.sc.shell, b.sc.data, "服装领用签收单", b.window.Selected, func(path string) error {
		return b.sc.data.PrintUniformReceipt(ids, path)
	}, func(path string) { b.sc.lastPrint = path })
}

// newSizeEntry is a 尺码 field: the office's sizes are offered, any
// well-formed size may be typed (175/92A, 170/88B, XL); empty is no size.
func newSizeEntry(sizes []string) *widget.SelectEntry {
	e := widget.NewSelectEntry(sizes)
	e.SetPlaceHolder("如 175/92A")
	return e
}
