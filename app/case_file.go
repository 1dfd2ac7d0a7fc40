package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// caseFileData is what a case's file reads and does: the case, its notices
// and the calendar that tells how late it is; printing and voiding notices.
type caseFileData interface {
	clock
	CaseByNo(no string) (models.Case, error)
	IssuedNotices(caseNo string) ([]models.IssuedNotice, error)
	VoidNotice(id uint, reason string) error
	Calendar() (*models.Calendar, error)
	noticePrinter
}

// caseFile is a case's file (办件档案): its details, the materials handed
// in, and every notice the file must hold, each printed (with its 文号) or
// still to print. The register's 档案 and a score item behind a case open
// the same view.
type caseFile struct {
	shell   *shell
	data    caseFileData
	c       models.Case
	notices []models.IssuedNotice
	cal     *models.Calendar
	today   models.Date
	// printed runs after a notice of the case was printed, so that the
	// screen that opened the file shows the change.
	printed func()

	rows      []caseFileRow
	docs      *fyne.Container
	details   *fyne.Container
	materials *fyne.Container
	dlg       *dialog.CustomDialog

	voidReason *widget.Entry  // the reason asked last, for tests
	voidSave   *widget.Button // its 作废 button
}

// caseFileRow is one document of the file.
type caseFileRow struct {
	kind   string
	status string               // 未印制, 已印制 乌政服受〔2026〕1号 2026-11-26 10:05, 作废 …
	valid  *models.IssuedNotice // the newest notice in force, if any
	print  *widget.Button       // 印制: none in force, or another 送达凭证
	// reprint prints the notice in force again under its 文号; reissue
	// issues it again under a new one, voiding it (after asking).
	reprint, reissue *widget.Button
	void             *widget.Button
}

// requiredNotices lists the notices a case's file must hold, in the order
// the case needs them: 收件清单, 受理通知书 (不予受理通知书 when refused),
// 承诺件通知书 for promised cases, the 一次性告知书 when one was issued, the
// decision its result calls for, and 送达凭证. Any other kind printed for the
// case is listed too.
func requiredNotices(c models.Case, issued []models.IssuedNotice) []string {
	need := map[string]bool{"收件清单": true, "送达凭证": true}
	if c.Result == models.ResultRefused {
		need["不予受理通知书"] = true
	} else {
		need["受理通知书"] = true
	}
	if c.Kind == models.CasePromised || c.Kind == models.CaseForwarded {
		need["承诺件通知书"] = true
	}
	switch c.Result {
	case models.ResultApproved:
		need["准予行政许可决定书"] = true
	case models.ResultDenied:
		need["不予行政许可决定书"] = true
	}
	for _, n := range issued {
		need[n.Kind] = true
	}
	var out []string
	for _, k := range models.NoticeKinds {
		if need[k.Name] {
			out = append(out, k.Name)
		}
	}
	return out
}

// noticeStatus says where one kind of notice stands for the case: issued
// lists that kind's notices, newest first.
func noticeStatus(issued []models.IssuedNotice) (string, *models.IssuedNotice) {
	var valid *models.IssuedNotice
	var parts []string
	for i, n := range issued {
		if n.Voided {
			parts = append(parts, fmt.Sprintf("作废 %s（%s）", n.DocNo, n.VoidReason))
			continue
		}
		if valid == nil {
			valid = &issued[i]
		}
		parts = append(parts, fmt.Sprintf("已印制 %s %s", n.DocNo, models.FormatDateTime(n.IssuedAt)))
	}
	if valid == nil {
		parts = append([]string{"未印制"}, parts...)
	}
	return strings.Join(parts, "；"), valid
}

// openCaseFile opens the file of the case numbered no in a dialog. printed
// runs after a notice of the case was printed from the file (nil: nothing).
func openCaseFile(s *shell, d caseFileData, no string, printed func()) *caseFile {
	cf := &caseFile{shell: s, data: d, c: models.Case{No: no}, printed: printed,
		docs: container.NewVBox(), details: container.NewVBox(), materials: container.NewVBox()}
	cf.load(func() {
		body := container.NewVBox(cf.details,
			widget.NewLabelWithStyle("应归档文书", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), cf.docs, cf.materials)
		cf.dlg = dialog.NewCustom("办件档案："+cf.c.No, "关闭", scrollWithGutter(body), s.win)
		cf.dlg.Resize(dialogSize(s, 860, 700))
		cf.dlg.Show()
	})
	return cf
}

// load reads the case, its notices and the calendar off the UI goroutine
// and redraws.
func (cf *caseFile) load(then func()) {
	var c models.Case
	var notices []models.IssuedNotice
	var cal *models.Calendar
	d := cf.data
	no := cf.c.No
	today := d.Today()
	cf.shell.async(func() (err error) {
		if c, err = d.CaseByNo(no); err != nil {
			return err
		}
		if notices, err = d.IssuedNotices(no); err != nil {
			return err
		}
		cal, err = d.Calendar()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取办件档案", err, cf.shell.win)
			return
		}
		cf.c, cf.notices, cf.cal, cf.today = c, notices, cal, today
		cf.draw()
		if then != nil {
			then()
		}
	})
}

func (cf *caseFile) draw() {
	c := cf.c
	idText := c.ApplicantID
	if c.ApplicantType != models.ApplicantOrg {
		idText = models.MaskIDNumber(idText)
	}
	completed := "未办结"
	if c.Completed() {
		completed = models.FormatDateTime(c.CompletedTime()) + "（" + c.Result + "）"
		if c.ForwardedTo != "" {
			completed += " 上报" + c.ForwardedTo
		}
	}
	status := c.Status(cf.today)
	if cf.cal != nil {
		if n := len(c.OverdueDays(cf.cal, cf.today)); n > 0 {
			status += fmt.Sprintf("，超期 %d 个工作日", n)
		}
	}
	applicant := c.Applicant
	if c.ApplicantType != "" {
		applicant += "（" + c.ApplicantType + "）"
	}
	item := func(label, text string) *widget.FormItem {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		return widget.NewFormItem(label, l)
	}
	left := widget.NewForm(
		item("办件编号", c.No),
		item("事项名称", c.Matter),
		item("办件类型", c.Kind),
		item("申请人", applicant),
		item("证件号码", dash(idText)),
		item("联系人 / 电话", dash(strings.TrimSpace(c.Contact+" "+models.MaskPhone(c.Phone)))),
		item("联系地址", dash(c.Address)),
	)
	right := widget.NewForm(
		item("窗口", c.Window.Label()),
		item("受理人", c.Staff.Name+"（"+c.Staff.EmployeeNo+"）"),
		item("受理时间", models.FormatDateTime(c.ReceivedAt)),
		item("时限", fmt.Sprintf("法定 %s，承诺 %s（工作日）", dash(blankIfZero(c.LegalDays)), dash(blankIfZero(c.PromisedDays)))),
		item("办结期限", c.DueOn.Chinese()),
		item("办结", completed),
		item("批准人", dash(c.Approver)),
		item("状态", status),
	)
	info := container.NewGridWithColumns(2, left, right)
	mats := []fyne.CanvasObject{widget.NewLabelWithStyle(fmt.Sprintf("收件材料（%d 项）", len(c.Materials)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, m := range c.Materials {
		mats = append(mats, widget.NewLabel(fmt.Sprintf("%d. %s", m.Seq, m.Describe())))
	}
	if len(c.Materials) == 0 {
		mats = append(mats, widget.NewLabel("（未登记材料）"))
	}
	cf.details.Objects = []fyne.CanvasObject{info}
	cf.details.Refresh()
	cf.materials.Objects = mats
	cf.materials.Refresh()

	byKind := map[string][]models.IssuedNotice{}
	for _, n := range cf.notices {
		byKind[n.Kind] = append(byKind[n.Kind], n)
	}
	cf.rows = nil
	var lines []fyne.CanvasObject
	for _, kind := range requiredNotices(c, cf.notices) {
		row := caseFileRow{kind: kind}
		row.status, row.valid = noticeStatus(byKind[kind])
		tools := container.NewHBox()
		k, _ := models.NoticeKindByName(kind)
		if row.valid == nil || k.Distinct != "" {
			row.print = widget.NewButtonWithIcon("印制", theme.DocumentPrintIcon(), func() { cf.printKind(kind) })
			tools.Add(row.print)
		}
		if v := row.valid; v != nil {
			row.reprint = widget.NewButtonWithIcon("重印", theme.DocumentPrintIcon(), func() { cf.reprint(kind) })
			row.reissue = widget.NewButtonWithIcon("重新出具（新文号）", theme.ViewRefreshIcon(), func() { cf.askReissue(*v) })
			row.void = widget.NewButtonWithIcon("作废", theme.CancelIcon(), func() { cf.askVoid(*v) })
			tools.Add(row.reprint)
			tools.Add(row.reissue)
			tools.Add(row.void)
		}
		text := widget.NewLabel(row.status)
		text.Wrapping = fyne.TextWrapWord
		if row.valid == nil {
			text.Importance = widget.WarningImportance
		}
		name := widget.NewLabelWithStyle(kind, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		lines = append(lines, container.NewBorder(nil, nil, fixedBox(name, 170), tools, text))
		cf.rows = append(cf.rows, row)
	}
	if !c.Completed() {
		hint := widget.NewLabel("办结后按办理结果列出准予或不予行政许可决定书。")
		hint.Importance = widget.LowImportance
		lines = append(lines, hint)
	}
	cf.docs.Objects = lines
	cf.docs.Refresh()
}

// row finds the file's row of a kind of notice.
func (cf *caseFile) row(kind string) (caseFileRow, bool) {
	for _, r := range cf.rows {
		if r.kind == kind {
			return r, true
		}
	}
	return caseFileRow{}, false
}

// printKind prints a notice of the case and shows the file again.
func (cf *caseFile) printKind(kind string) { cf.print(kind, printIssue) }

// reprint prints the notice of a kind in force again, under its 文号 and
// with what it said; the audit log records the reprint.
func (cf *caseFile) reprint(kind string) { cf.print(kind, printReprint) }

// reissue issues a notice again under a new 文号: the one in force is
// voided as 重新出具 when the new one is recorded.
func (cf *caseFile) reissue(kind string) { cf.print(kind, printNewIssue) }

func (cf *caseFile) print(kind string, how printHow) {
	printNotice(cf.shell, cf.data, kind, []string{cf.c.No}, how, func([]models.IssuedNotice) {
		cf.load(nil)
		if cf.printed != nil {
			cf.printed()
		}
	})
}

// askReissue confirms a new issue: the paper already handed out becomes void.
func (cf *caseFile) askReissue(n models.IssuedNotice) {
	confirm("重新出具"+n.Kind, fmt.Sprintf("将以新文号重新出具%s，原文书 %s 作废（作废原因：重新出具），已交出的原件应收回。确定重新出具吗？", n.Kind, n.DocNo),
		"重新出具", cf.shell.win, func() { cf.reissue(n.Kind) })
}

// askVoid voids a printed notice after asking why; its 文号 stays taken.
func (cf *caseFile) askVoid(n models.IssuedNotice) {
	reason := widget.NewEntry()
	reason.SetPlaceHolder("如：申请人姓名有误，已重新印制")
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("文书", widget.NewLabel(n.Kind+" "+n.DocNo)),
		errs.item("作废原因", reason, "作废后文号不再使用，登记簿保留记录"))
	cf.voidReason = reason
	cf.voidSave = newFormDialog(cf.shell, "作废文书", "作废", form, errs, func() error {
		return cf.data.VoidNotice(n.ID, reason.Text)
	}, func() { cf.load(nil) }).save
}
