package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// caseForm registers a case or corrects it. The due date it shows is
// computed as the store will compute it on save, with the office calendar.
// Completion has its own action (办结).
type caseForm struct {
	sc *casesScreen
	c  models.Case

	no, matter, applicant, applicantID *widget.Entry
	contact, phone, address            *widget.Entry
	legal, promised, clock             *widget.Entry
	kind                               *widget.Select
	window, staff                      *picker
	applicantType                      *widget.RadioGroup
	received                           *dateField
	due                                *widget.Label
	approver                           *widget.SelectEntry
	materials                          *materialsEditor
	errs                               *formErrors
	form                               *widget.Form
	save                               *widget.Button

	windowIDs map[string]uint
	staffIDs  map[string]uint
}

// Form labels that differ from the field names the store reports.
var caseFieldLabels = map[string]string{"窗口编号": "窗口", "工号": "受理人"}

func newCaseForm(sc *casesScreen, c models.Case) *caseForm {
	f := &caseForm{sc: sc, c: c, errs: newFormErrors(), windowIDs: map[string]uint{}, staffIDs: map[string]uint{}}
	win := sc.shell.win
	f.materials = newMaterialsEditor(c.Materials)
	entry := func(text, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(placeholder)
		return e
	}
	f.no = entry(c.No, "如 20261126-A01-001")
	f.matter = entry(c.Matter, "如 企业设立登记")
	f.applicant = entry(c.Applicant, "个人姓名或单位全称")
	f.applicantID = entry(c.ApplicantID, "")
	f.contact = entry(c.Contact, "单位申请时的经办人")
	f.phone = entry(c.Phone, "")
	f.address = entry(c.Address, "")
	f.applicantType = widget.NewRadioGroup(models.ApplicantTypes, func(t string) {
		if t == models.ApplicantOrg {
			f.applicantID.SetPlaceHolder("统一社会信用代码（18位）")
		} else {
			f.applicantID.SetPlaceHolder("身份证号，或护照等证件号码")
		}
	})
	if c.ID != 0 && c.ApplicantType != models.ApplicantOrg && sc.shell.data.MaySeePersonal() != nil {
		// a role that may not see them (只读) sees the numbers masked
		f.applicantID.SetText(models.MaskIDNumber(c.ApplicantID))
		f.phone.SetText(models.MaskPhone(c.Phone))
		f.applicantID.Disable()
		f.phone.Disable()
	}
	f.applicantType.Horizontal = true
	f.applicantType.SetSelected(c.ApplicantType)
	if c.ApplicantType == "" {
		f.applicantID.SetPlaceHolder("身份证号或统一社会信用代码")
	}

	// 受理人 offers the chosen window's people; choosing a person first
	// fills in their window.
	var labels []string
	for _, w := range sc.windows {
		if w.Active || w.ID == c.WindowID {
			labels = append(labels, w.Label())
			f.windowIDs[w.Label()] = w.ID
		}
	}
	f.approver = newApproverEntry(sc.staff, c)
	f.window = newPicker(labels, func(string) {
		f.setStaffOptions()
		f.approver.SetOptions(chiefChoices(sc.staff, f.windowIDs[f.window.Selected]))
		f.updateApprover()
	})
	f.window.PlaceHolder = "请选择"
	f.staff = newPicker(nil, func(label string) {
		if f.window.Selected != "" {
			return
		}
		for _, p := range sc.staff {
			if p.ID == f.staffIDs[label] {
				f.window.SetSelected(p.Window.Label())
			}
		}
	})
	f.staff.PlaceHolder = "请选择"
	f.window.SetSelected(c.Window.Label())
	f.setStaffOptions()
	if c.StaffID != 0 {
		f.staff.SetSelected(staffLabel(c.Staff))
	}

	received := c.ReceivedAt
	if received.IsZero() {
		received = sc.data.Now()
	}
	f.received = newDateField(win)
	f.received.SetDate(models.DateOf(received))
	f.clock = newTimeEntry()
	f.clock.SetText(received.Format("15:04"))

	f.legal = entry(blankIfZero(c.LegalDays), "如 20")
	f.promised = entry(blankIfZero(c.PromisedDays), "如 5")
	f.kind = newSelect(models.CaseKinds, func(k string) {
		if k == models.CaseInstant {
			f.promised.SetText("")
			f.promised.Disable()
		} else {
			f.promised.Enable()
		}
		f.updateDue()
	})
	f.kind.PlaceHolder = "请选择"
	f.kind.SetSelected(c.Kind)
	f.due = widget.NewLabel("")
	f.due.Importance = widget.HighImportance
	f.received.OnChanged = func(string) { f.updateDue(); f.updateApprover() }
	f.matter.OnChanged = func(string) { f.updateApprover() }
	f.clock.OnChanged = func(string) { f.updateDue() }
	f.promised.OnChanged = func(string) { f.updateDue() }
	f.updateDue()

	f.form = widget.NewForm(
		f.errs.item("办件编号", f.no, ""),
		f.errs.item("事项名称", f.matter, ""),
		f.errs.item("办件类型", f.kind, "即办件当场办结；承诺件在承诺时限内办结；上报件初审后上报"),
		f.errs.item("申请人类型", f.applicantType, ""),
		f.errs.item("申请人", f.applicant, ""),
		f.errs.item("证件号码", f.applicantID, ""),
		f.errs.item("联系人", f.contact, ""),
		f.errs.item("联系电话", f.phone, ""),
		f.errs.item("联系地址", f.address, ""),
		f.errs.item("窗口", f.window, ""),
		f.errs.item("受理人", f.staff, ""),
		f.errs.item("受理时间", container.NewGridWithColumns(2, f.received, f.clock), ""),
		f.errs.item("法定时限", f.legal, "工作日数，不填表示未规定"),
		f.errs.item("承诺时限", f.promised, "工作日数，受理次日起算"),
		widget.NewFormItem("", f.due),
		f.errs.item("材料", f.materials.content(), ""),
		f.errs.item("批准人", f.approver, ""),
	)
	f.updateApprover()
	return f
}

// updateApprover says under 批准人 who may approve the case as it stands in
// the form (a matter authorised to the window's 首席代表 needs them).
func (f *caseForm) updateApprover() {
	if f.form == nil {
		return
	}
	it := f.errs.items["批准人"]
	if strings.HasPrefix(it.HintText, "✖") {
		return
	}
	c, _ := f.read()
	it.HintText = approverHint(f.sc.book, c)
	f.form.Refresh()
}

// setStaffOptions offers the people on duty at the chosen window (everyone
// on duty when none is chosen), keeping the case's own person.
func (f *caseForm) setStaffOptions() {
	windowID := f.windowIDs[f.window.Selected]
	f.staffIDs = map[string]uint{}
	var opts []string
	for _, p := range f.sc.staff {
		own := p.ID == f.c.StaffID
		if (windowID != 0 && p.WindowID != windowID && !own) || (p.Status != models.StatusOnDuty && !own) {
			continue
		}
		opts = append(opts, staffLabel(p))
		f.staffIDs[staffLabel(p)] = p.ID
	}
	f.staff.Options = opts
	if _, ok := f.staffIDs[f.staff.Selected]; !ok && f.staff.Selected != "" {
		f.staff.ClearSelected()
	}
	if len(opts) == 1 && f.staff.Selected == "" {
		f.staff.SetSelected(opts[0])
	}
	f.staff.Refresh()
}

// updateDue shows the due date the case would have.
func (f *caseForm) updateDue() {
	if f.due == nil {
		return
	}
	c, fe := f.read()
	due := models.Date{}
	if fe.For("受理时间") == "" && fe.For("承诺时限") == "" && f.sc.cal != nil {
		due = c.DueDate(f.sc.cal)
	}
	switch {
	case due.IsZero():
		f.due.SetText("办结期限：填写办件类型、受理时间和承诺时限后自动计算")
	case c.Kind == models.CaseInstant:
		f.due.SetText("办结期限：" + due.Chinese() + "（即办件当日办结）")
	case c.Kind == "" || c.PromisedDays <= 0:
		f.due.SetText("办结期限：填写办件类型、受理时间和承诺时限后自动计算")
	default:
		f.due.SetText("办结期限：" + due.Chinese() + "（按工作日历计算）")
	}
}

// read builds the case from the form; fe holds what cannot be read.
func (f *caseForm) read() (models.Case, models.FieldErrors) {
	c := f.c
	c.No, c.Matter, c.Kind = f.no.Text, f.matter.Text, f.kind.Selected
	c.ApplicantType, c.Applicant, c.ApplicantID = f.applicantType.Selected, f.applicant.Text, f.applicantID.Text
	c.Contact, c.Phone, c.Address = f.contact.Text, f.phone.Text, f.address.Text
	if f.applicantID.Disabled() { // shown masked: the stored numbers stay
		c.ApplicantID, c.Phone = f.c.ApplicantID, f.c.Phone
	}
	c.WindowID = f.windowIDs[f.window.Selected]
	c.StaffID = f.staffIDs[f.staff.Selected]
	c.Approver = f.approver.Text
	var fe models.FieldErrors
	var errs models.FieldErrors
	c.ReceivedAt, errs = readDateTime("受理时间", f.received, f.clock)
	fe = append(fe, errs...)
	var e *models.FieldError
	if c.LegalDays, e = parseCount("法定时限", f.legal.Text); e != nil {
		fe = append(fe, *e)
	}
	if c.PromisedDays, e = parseCount("承诺时限", f.promised.Text); e != nil {
		fe = append(fe, *e)
	}
	mats, errs := f.materials.read()
	c.Materials = mats
	fe = append(fe, errs...)
	return c, fe
}

func (f *caseForm) show() {
	title := "新增办件"
	if f.c.ID != 0 {
		title = "修改办件 " + f.c.No
	}
	f.save = newFormDialog(f.sc.shell, title, "保存", f.form, f.errs, f.submit, f.sc.reload).save
}

// submit reads the form and saves the case; any problem comes back as field
// errors under the form's labels and nothing is saved.
func (f *caseForm) submit() error {
	c, fe := f.read()
	if len(fe) > 0 {
		return relabel(dedupe(append(fe, c.Validate()...)))
	}
	err := f.sc.data.SaveCase(&c)
	if fe, ok := models.AsFieldErrors(err); ok {
		return relabel(fe)
	}
	if err == nil {
		f.c = c
	}
	return err
}

// relabel names the fields as the form labels them.
func relabel(fe models.FieldErrors) models.FieldErrors {
	out := make(models.FieldErrors, len(fe))
	for i, e := range fe {
		if l, ok := caseFieldLabels[e.Field]; ok {
			e.Field = l
		}
		out[i] = e
	}
	return out
}

// materialsEditor edits the list of materials handed in (收件清单): one row
// per material with its name, copies, original or copy, and pages.
type materialsEditor struct {
	rows []*materialRow
	box  *fyne.Container
	add  *widget.Button
}

type materialRow struct {
	name, copies, pages *widget.Entry
	form                *widget.Select
	remove              *widget.Button
	line                fyne.CanvasObject
}

func newMaterialsEditor(ms []models.CaseMaterial) *materialsEditor {
	me := &materialsEditor{box: container.NewVBox()}
	me.add = widget.NewButtonWithIcon("添加材料", theme.ContentAddIcon(), func() { me.addRow(models.CaseMaterial{Copies: 1, Form: models.MaterialOriginal}) })
	for _, m := range ms {
		me.addRow(m)
	}
	return me
}

func (me *materialsEditor) content() fyne.CanvasObject {
	head := container.NewBorder(nil, nil, nil,
		container.NewHBox(fixedBox(widget.NewLabel("份数"), 58), fixedBox(widget.NewLabel("原件/复印件"), 108),
			fixedBox(widget.NewLabel("页数"), 58), fixedBox(widget.NewLabel(""), 36)),
		widget.NewLabel("名称"))
	scroll := container.NewVScroll(me.box)
	scroll.SetMinSize(fyne.NewSize(0, 130))
	return container.NewBorder(head, container.NewHBox(me.add), nil, nil, scroll)
}

func (me *materialsEditor) addRow(m models.CaseMaterial) {
	r := &materialRow{name: widget.NewEntry(), copies: widget.NewEntry(), pages: widget.NewEntry()}
	r.name.SetText(m.Name)
	r.name.SetPlaceHolder("材料名称")
	r.copies.SetText(blankIfZero(m.Copies))
	r.pages.SetText(blankIfZero(m.Pages))
	r.form = newSelect(models.MaterialForms, nil)
	r.form.SetSelected(m.Form)
	r.remove = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { me.removeRow(r) })
	r.line = container.NewBorder(nil, nil, nil,
		container.NewHBox(fixedBox(r.copies, 58), fixedBox(r.form, 108), fixedBox(r.pages, 58), r.remove), r.name)
	me.rows = append(me.rows, r)
	me.box.Add(r.line)
}

func (me *materialsEditor) removeRow(r *materialRow) {
	for i, x := range me.rows {
		if x == r {
			me.rows = append(me.rows[:i], me.rows[i+1:]...)
			break
		}
	}
	me.box.Remove(r.line)
}

// read gives the materials entered; rows left blank are skipped.
func (me *materialsEditor) read() ([]models.CaseMaterial, models.FieldErrors) {
	var out []models.CaseMaterial
	var fe models.FieldErrors
	for _, r := range me.rows {
		if r.name.Text == "" && r.pages.Text == "" && (r.copies.Text == "" || r.copies.Text == "1") {
			continue
		}
		n := len(out) + 1
		m := models.CaseMaterial{Name: r.name.Text, Form: r.form.Selected}
		var e *models.FieldError
		if m.Copies, e = parseCount("材料", r.copies.Text); e != nil {
			fe = append(fe, models.FieldError{Field: "材料", Reason: fmt.Sprintf("第%d项材料：份数请填写整数", n)})
		}
		if m.Pages, e = parseCount("材料", r.pages.Text); e != nil {
			fe = append(fe, models.FieldError{Field: "材料", Reason: fmt.Sprintf("第%d项材料：页数请填写整数", n)})
		}
		out = append(out, m)
	}
	return out, fe
}
