package app

import (
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// staffForm adds a person or edits their details. A new person's window is
// chosen here; later moves and status changes have their own actions, which
// record the date they take effect.
type staffForm struct {
	sc     *staffScreen
	person models.Staff

	no, name, idNumber, mobile *widget.Entry
	gender, post               *widget.Select
	unit, window               *picker
	joined, left               *dateField
	errs                       *formErrors
	form                       *widget.Form
	save                       *widget.Button

	windowIDs map[string]uint
	unitIDs   map[string]uint
}

func newStaffForm(sc *staffScreen, p models.Staff) *staffForm {
	f := &staffForm{sc: sc, person: p, errs: newFormErrors()}
	win := sc.shell.win
	f.no = widget.NewEntry()
	f.no.SetText(p.EmployeeNo)
	f.name = widget.NewEntry()
	f.name.SetText(p.Name)
	f.gender = newSelect(models.Genders, nil)
	f.gender.PlaceHolder = "按身份证号自动填写"
	f.gender.SetSelected(p.Gender)
	f.idNumber = widget.NewEntry()
	f.idNumber.SetText(p.IDNumber)
	f.idNumber.SetPlaceHolder("18位，末位可为X")
	f.idNumber.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		return models.CheckIDNumber(s)
	}
	f.mobile = widget.NewEntry()
	f.mobile.SetText(p.Mobile)
	f.mobile.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		return models.CheckMobile(s)
	}

	var unitNamesList []string
	unitNamesList, f.unitIDs = unitNames(sc.units)
	f.unit = newPicker(unitNamesList, nil)
	f.unit.PlaceHolder = "请选择"
	f.unit.SetSelected(p.HomeUnit.Name)

	f.windowIDs = map[string]uint{}
	labels := make([]string, len(sc.windows))
	for i, w := range sc.windows {
		labels[i] = w.Label()
		f.windowIDs[labels[i]] = w.ID
	}
	f.window = newPicker(labels, func(label string) {
		// a new person usually belongs to the unit that runs the window
		for _, w := range sc.windows {
			if w.Label() == label && f.unit.Selected == "" {
				f.unit.SetSelected(w.HomeUnit.Name)
			}
		}
	})
	f.window.PlaceHolder = "请选择"
	f.unit.OnChanged = func(name string) {
		f.window.SetOptions(windowsOfUnit(sc.windows, labels, f.unitIDs[name]))
	}
	f.unit.OnChanged(f.unit.Selected)
	f.window.SetSelected(p.Window.Label())
	f.post = newSelect(models.Posts, nil)
	f.post.SetSelected(p.Post)
	f.joined = newDateField(win)
	f.joined.SetDate(p.JoinedOn)
	f.left = newDateField(win)
	f.left.SetDate(p.LeftOn)

	items := []*widget.FormItem{
		f.errs.item("工号", f.no, ""), f.errs.item("姓名", f.name, ""),
		f.errs.item("身份证号", f.idNumber, ""), f.errs.item("性别", f.gender, ""),
		f.errs.item("手机号", f.mobile, ""), f.errs.item("派驻单位", f.unit, ""),
	}
	if p.ID == 0 {
		items = append(items, f.errs.item("窗口编号", f.window, ""))
	} else {
		items = append(items, widget.NewFormItem("窗口", widget.NewLabel(p.Window.Label()+"（用“调整窗口”变更）")))
	}
	items = append(items, f.errs.item("岗位", f.post, ""), f.errs.item("入驻日期", f.joined, ""))
	if p.ID != 0 {
		items = append(items, f.errs.item("离岗日期", f.left, ""),
			widget.NewFormItem("状态", widget.NewLabel(p.Status+"（用“变更状态”变更）")))
	}
	f.form = widget.NewForm(items...)
	return f
}

func (f *staffForm) show() {
	title := "新增人员"
	if f.person.ID != 0 {
		title = "修改人员 " + f.person.Name
	}
	f.save = newFormDialog(f.sc.shell, title, "保存", f.form, f.errs, f.submit, f.sc.reload).save
}

// submit reads the form and saves the person; any problem comes back as
// field errors and nothing is saved.
func (f *staffForm) submit() error {
	p := f.person
	p.EmployeeNo, p.Name, p.Gender = f.no.Text, f.name.Text, f.gender.Selected
	p.IDNumber, p.Mobile, p.Post = f.idNumber.Text, f.mobile.Text, f.post.Selected
	p.HomeUnitID = f.unitIDs[f.unit.Selected]
	if p.ID == 0 {
		p.WindowID = f.windowIDs[f.window.Selected]
	}
	var errs models.FieldErrors
	var err error
	if p.JoinedOn, err = f.joined.DateValue(); err != nil {
		errs = append(errs, models.FieldError{Field: "入驻日期", Reason: err.Error()})
	}
	if p.LeftOn, err = f.left.DateValue(); err != nil {
		errs = append(errs, models.FieldError{Field: "离岗日期", Reason: err.Error()})
	}
	if len(errs) > 0 {
		return dedupe(append(errs, p.Validate()...))
	}
	return f.sc.data.SaveStaff(&p)
}
