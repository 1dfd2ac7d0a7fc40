package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// The forms of the monthly sheet that record against the month: a
// correction (补卡), an inspection finding (查岗记录) and an outing (外出登记).
// The store refuses them for a locked month; the message shows in the form.

// correctionForm is the 补卡 form last opened, for tests.
type correctionForm struct {
	date           *dateField
	clock          *widget.Entry
	reason, signer *widget.Entry
	save           *widget.Button
}

// onCorrection adds an approved punch for the selected person.
func (sc *attendanceScreen) onCorrection(id uint) {
	m, ok := sc.sums[id]
	if !ok {
		return
	}
	f := &correctionForm{date: newDateField(sc.shell.win), clock: newTimeEntry(), reason: widget.NewEntry(), signer: widget.NewEntry()}
	f.date.SetDate(firstGap(m, sc.defaultDay()))
	f.reason.SetPlaceHolder("如：指纹识别失败未能打卡，首席代表证明按时到岗")
	f.signer.SetPlaceHolder("批准补卡的负责人")
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("人员", widget.NewLabel(sc.personLabel(id))),
		errs.item("补卡时间", container.NewGridWithColumns(2, f.date, f.clock), "补记的打卡日期和时刻，如 2026-11-09 与 08:25"),
		errs.item("事由", f.reason, ""),
		errs.item("审批人", f.signer, ""),
	)
	f.save = newFormDialog(sc.shell, "补卡："+m.Name, "保存", form, errs, func() error {
		at, fe := readDateTime("补卡时间", f.date, f.clock)
		if len(fe) > 0 {
			return fe
		}
		_, err := sc.data.AddCorrection(id, at, f.reason.Text, f.signer.Text)
		return relabelPerson(err)
	}, sc.reload).save
	sc.lastCorrection = f
}

// firstGap is the first day of the person's month with a missing punch or
// a half-day of 旷工, where a correction is most likely wanted; else def.
func firstGap(m models.MonthSummary, def models.Date) models.Date {
	for _, d := range m.Days {
		for _, h := range d.Halves {
			if h.Missing > 0 || (h.Absent && h.Leave.Status == "") {
				return d.Date
			}
		}
	}
	return def
}

// spanForm is the 查岗记录 or 外出登记 form last opened, for tests.
type spanForm struct {
	person      *picker
	date        *dateField
	from, to    *widget.Entry
	who, note   *widget.Entry
	save        *widget.Button
	personIDs   map[string]uint
	fromF, toF  string // the labels of the two times
	whoF, noteF string
	regOn       *dateField // 登记时间 of an outing
	regAt       *widget.Entry
}

// newSpanForm builds the common part: person, day, from and to.
func (sc *attendanceScreen) newSpanForm(id uint, fromLabel, toLabel, whoLabel, noteLabel string) *spanForm {
	labels, ids := sc.people()
	f := &spanForm{person: newPicker(labels, nil), date: newDateField(sc.shell.win),
		from: newTimeEntry(), to: newTimeEntry(), who: widget.NewEntry(), note: widget.NewEntry(),
		personIDs: ids, fromF: fromLabel, toF: toLabel, whoF: whoLabel, noteF: noteLabel}
	f.person.PlaceHolder = "请选择"
	if l := sc.personLabel(id); l != "" {
		f.person.SetSelected(l)
	}
	f.date.SetDate(sc.defaultDay())
	f.who.SetText(sc.data.Operator())
	return f
}

// read gives the person and the two instants of the form's day.
func (f *spanForm) read() (uint, time.Time, time.Time, models.FieldErrors) {
	var fe models.FieldErrors
	id := f.personIDs[f.person.Selected]
	if id == 0 {
		fe = append(fe, models.FieldError{Field: "人员", Reason: "请选择人员"})
	}
	d, err := f.date.DateValue()
	switch {
	case err != nil:
		fe = append(fe, models.FieldError{Field: "日期", Reason: err.Error()})
	case d.IsZero():
		fe = append(fe, models.FieldError{Field: "日期", Reason: "请填写日期"})
	}
	clock := func(label string, e *widget.Entry) time.Time {
		if e.Text == "" {
			fe = append(fe, models.FieldError{Field: label, Reason: "请填写" + label + "，如 10:00"})
			return time.Time{}
		}
		h, m, sec, err := parseClockSeconds(e.Text)
		if err != nil {
			fe = append(fe, models.FieldError{Field: label, Reason: err.Error()})
			return time.Time{}
		}
		return models.CivilTime(d, h, m, sec)
	}
	from, to := clock(f.fromF, f.from), clock(f.toF, f.to)
	return id, from, to, fe
}

func (f *spanForm) form(errs *formErrors, fromHint string) *widget.Form {
	return widget.NewForm(
		errs.item("人员", f.person, ""),
		errs.item("日期", f.date, ""),
		errs.item(f.fromF, f.from, fromHint),
		errs.item(f.toF, f.to, "须与开始在同一天"),
		errs.item(f.whoF, f.who, ""),
		errs.item(f.noteF, f.note, ""),
	)
}

// onInspection records an inspection finding: the person was away from
// the post (查岗记录). Over the rule set's limit it is half a day of 旷工.
func (sc *attendanceScreen) onInspection(id uint) {
	f := sc.newSpanForm(id, "离岗时间", "返岗时间", "检查人", "说明")
	f.note.SetPlaceHolder("如：巡查时不在岗，未说明去向")
	errs := newFormErrors()
	form := f.form(errs, "巡查发现不在岗的时刻；可精确到秒，如 10:00:30")
	f.save = newFormDialog(sc.shell, "登记查岗记录", "保存", form, errs, func() error {
		who, from, to, fe := f.read()
		if len(fe) > 0 {
			return fe
		}
		x := models.Inspection{StaffID: who, LeftAt: from, BackAt: to, Inspector: f.who.Text, Note: f.note.Text}
		return relabelPerson(sc.data.SaveInspection(&x))
	}, sc.reload).save
	sc.lastSpan = f
}

// onOuting registers an outing (外出登记). One reported in advance excuses
// the punches and inspection findings it covers; one registered after it
// began is 事后补登 and excuses only when the rules in force allow it. The
// 登记时间 is now, or the time written in the paper register when it is
// typed in later.
func (sc *attendanceScreen) onOuting(id uint) {
	f := sc.newSpanForm(id, "外出时间", "返回时间", "登记人", "事由")
	f.note.SetPlaceHolder("如：回原单位交换文件")
	f.regOn, f.regAt = newDateField(sc.shell.win), newTimeEntry()
	errs := newFormErrors()
	form := f.form(errs, "")
	form.AppendItem(errs.item("登记时间", container.NewGridWithColumns(2, f.regOn, f.regAt),
		"向综合业务科报备的时间；补录登记簿时填写，不填按现在。外出开始后才登记的为事后补登"))
	f.save = newFormDialog(sc.shell, "外出登记", "保存", form, errs, func() error {
		who, from, to, fe := f.read()
		var registered time.Time
		if d, err := f.regOn.DateValue(); err != nil {
			fe = append(fe, models.FieldError{Field: "登记时间", Reason: err.Error()})
		} else if !d.IsZero() {
			h, m, sec, err := parseClockSeconds(f.regAt.Text)
			if err != nil {
				fe = append(fe, models.FieldError{Field: "登记时间", Reason: err.Error()})
			}
			registered = models.CivilTime(d, h, m, sec)
		}
		if len(fe) > 0 {
			return fe
		}
		o := models.Outing{StaffID: who, From: from, To: to, Reason: f.note.Text, RegisteredBy: f.who.Text, RegisteredAt: registered}
		return relabelPerson(sc.data.SaveOuting(&o))
	}, sc.reload).save
	sc.lastSpan = f
}

// parseClockSeconds reads a time of day with optional seconds, as an
// inspection round notes it: "10:00", "10:00:30", "10：00：30".
func parseClockSeconds(s string) (h, m, sec int, err error) {
	parts := strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "：", ":"), ":")
	if len(parts) == 3 {
		n, err := strconv.Atoi(strings.TrimSpace(parts[2]))
		if err != nil || n < 0 || n > 59 {
			return 0, 0, 0, fmt.Errorf("无法识别的时刻“%s”，请写成 10:00 或 10:00:30 的形式", s)
		}
		sec, s = n, parts[0]+":"+parts[1]
	}
	h, m, err = parseClock(s)
	return h, m, sec, err
}
