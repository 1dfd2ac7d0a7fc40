package app

import (
	"fmt"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// noticeRegisterData is what the register of the centre's own 文号 needs:
// the documents and voiding one.
type noticeRegisterData interface {
	InternalNotices() ([]models.IssuedNotice, error)
	VoidNotice(id uint, reason string) error
}

// noticeRegister lists the centre's own numbered documents (bulletins,
// 通报批评, 表彰决定 …) with their state, and voids one with a reason: its
// 文号 stays taken, and printing the paper again gives it a new one (the
// replacement). A 表彰决定 whose selection is redone is voided by the
// selection itself.
type noticeRegister struct {
	s       *shell
	data    noticeRegisterData
	list    *recordTable
	byID    map[uint]models.IssuedNotice
	void    *widget.Button
	dlg     dialog.Dialog
	reason  *widget.Entry // the void form last opened, for tests
	confirm *widget.Button
}

func showNoticeRegister(s *shell, d noticeRegisterData) *noticeRegister {
	r := &noticeRegister{s: s, data: d, byID: map[uint]models.IssuedNotice{}}
	r.list = newRecordTable([]column{{"文号", 180}, {"文书", 110}, {"对象", 200}, {"印发时间", 140}, {"操作员", 80}, {"状态", 220}},
		"搜索文号、文书、对象", func(uint) { r.setButtons() })
	r.void = widget.NewButtonWithIcon("作废…", theme.DeleteIcon(), r.onVoid)
	r.void.Importance = widget.DangerImportance
	hint := wrapLabel("中心自行印发的文书（通报、通报批评、函告、表彰决定等）及其文号。作废须写明原因，文号不再使用；作废后再次打印该文书即以新文号重新出具。评选结果重新记录时，原表彰决定自动作废。")
	r.dlg = dialog.NewCustom("内部文书文号登记", "关闭", container.NewBorder(hint, container.NewHBox(r.void), nil, nil, r.list.layout()), s.win)
	r.dlg.Resize(dialogSize(s, 980, 560))
	r.load()
	r.dlg.Show()
	return r
}

func (r *noticeRegister) load() {
	var ns []models.IssuedNotice
	r.s.async(func() (err error) {
		ns, err = r.data.InternalNotices()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取文书登记", err, r.s.win)
			return
		}
		r.byID = map[uint]models.IssuedNotice{}
		rs := make([]record, 0, len(ns))
		for _, n := range ns {
			r.byID[n.ID] = n
			state := "有效"
			if n.Voided {
				state = "作废：" + n.VoidReason
			}
			rs = append(rs, record{id: n.ID, cells: []string{n.DocNo, n.Kind, n.Subject, models.FormatDateTime(n.IssuedAt), n.Operator, state},
				search: n.DocNo + " " + n.Kind + " " + n.Subject + " " + state})
		}
		r.list.setRecords(rs)
		r.setButtons()
	})
}

func (r *noticeRegister) setButtons() {
	if n, ok := r.byID[r.list.selected]; ok && !n.Voided {
		r.void.Enable()
	} else {
		r.void.Disable()
	}
}

// onVoid asks why and voids the selected document.
func (r *noticeRegister) onVoid() {
	n, ok := r.byID[r.list.selected]
	if !ok {
		return
	}
	errs := newFormErrors()
	r.reason = multiEntry("如：表彰对象经复核不具备资格，撤销后重新出具")
	form := widget.NewForm(
		widget.NewFormItem("文书", widget.NewLabel(fmt.Sprintf("%s %s（%s）", n.DocNo, n.Kind, n.Subject))),
		errs.item("作废原因", r.reason, "必填，记入操作日志；文号作废后不再使用"),
	)
	r.confirm = newFormDialog(r.s, "作废文书", "作废", form, errs, func() error {
		return r.data.VoidNotice(n.ID, r.reason.Text)
	}, r.load).save
}

// registerButton opens the register; the 操作日志 screen holds it.
func registerButton(s *shell, d noticeRegisterData, opened func(*noticeRegister)) *widget.Button {
	return widget.NewButtonWithIcon("内部文书文号", theme.ListIcon(), func() {
		r := showNoticeRegister(s, d)
		if opened != nil {
			opened(r)
		}
	})
}
