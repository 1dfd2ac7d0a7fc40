package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// conductData is what the 违规投诉 screen needs: violations with the
// handbook's ladder, complaints and their conclusion, the roster for the
// forms, the conduct notices, a person's conduct page, imports and exports.
type conductData interface {
	clock
	Violations(models.ViolationFilter) ([]models.Violation, error)
	SaveViolation(*models.Violation) error
	DeleteViolation(id uint) error
	SuggestStep(staffID uint, category string, on models.Date, excludeID uint) (models.LadderSuggestion, error)
	Complaints(models.ComplaintFilter) ([]models.Complaint, error)
	SaveComplaint(*models.Complaint) error
	ConcludeComplaint(id uint, status, notes, finding string, on models.Date) error
	DeleteComplaint(id uint) error
	StaffList() ([]models.Staff, error)
	ServiceWindows() ([]models.ServiceWindow, error)
	Operator() string
	conductPrinter
	conductPageData
	importer
	exporter
}

// conductPrinter prints the conduct notices into the archive.
type conductPrinter interface {
	archive
	// PrintConduct prints 通报批评 or 函告派驻单位 (id: a violation) or
	// 整改通知 (id: a 差评 rating) into the PDF at path.
	PrintConduct(kind string, id uint, path string) error
}

// Conduct notices.
const (
	printCensure = "通报批评"
	printLetter  = "函告派驻单位"
	printRectify = "整改通知"
)

func (d storeData) PrintConduct(kind string, id uint, path string) error {
	return writePDF(path, func(f io.Writer) error {
		switch kind {
		case printCensure:
			return reports.PrintCensure(d.Store, id, reports.PrintOptions{}, f)
		case printLetter:
			return reports.PrintHomeUnitLetter(d.Store, id, reports.PrintOptions{}, f)
		case printRectify:
			var r models.Rating
			rs, err := d.Store.Ratings(models.RatingFilter{Bad: true})
			if err != nil {
				return err
			}
			for _, x := range rs {
				if x.ID == id {
					r = x
				}
			}
			return reports.PrintRectifyNotice(d.Store, r.WindowID, id, reports.PrintOptions{}, f)
		}
		return fmt.Errorf("没有名为“%s”的文书", kind)
	})
}

// printConduct prints a conduct notice into the archive folder and offers to open it.
func printConduct(s *shell, d conductPrinter, kind string, id uint, who string) {
	dir := noticeDir(d)
	path := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.pdf", kind, who, time.Now().Format("20060102-150405")))
	s.async(func() error {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("无法创建文件夹 %s：%w", dir, err)
		}
		return d.PrintConduct(kind, id, path)
	}, func(err error) {
		if err != nil {
			showError("无法印制"+kind, err, s.win)
			return
		}
		showFileDone(s, "印制完成", fmt.Sprintf("已印制%s（%s）", kind, who), path)
	})
}

const allCategories = "全部类别"

// conductScreen is 违规投诉: the violation register and the complaint
// workflow, each filtered by month and category or status.
type conductScreen struct {
	shell *shell
	data  conductData
	tabs  *container.AppTabs

	violations *recordTable
	vByID      map[uint]models.Violation
	vMonth     *widget.Select
	vCategory  *widget.Select
	vMarks     map[uint]widget.Importance

	complaints *recordTable
	cByID      map[uint]models.Complaint
	cMonth     *widget.Select
	cStatus    *widget.Select
	cMarks     map[uint]widget.Importance

	months map[string]models.Date

	vAdd, vEdit, vDel, vCensure, vLetter, vPerson *widget.Button
	cAdd, cEdit, cConclude, cDel, cPerson         *widget.Button
	box                                           fyne.CanvasObject

	// dialogs last opened, for tests
	vForm *violationForm
	cForm *concludeForm
}

var violationColumns = []column{
	{"日期", 92}, {"工号", 72}, {"姓名", 64}, {"窗口", 48}, {"类别", 96}, {"情形", 250},
	{"第几次", 56}, {"处理", 260}, {"调整理由", 110}, {"来源", 66}, {"记录人", 90},
}

var complaintColumns = []column{
	{"日期", 92}, {"窗口", 48}, {"被投诉人", 64}, {"投诉人", 64}, {"渠道", 96}, {"问题类别", 96},
	{"内容", 240}, {"办理时限", 92}, {"核查结果", 66}, {"核查结论", 220},
}

const vColStep, vColAction = 6, 7
const cColDue, cColStatus = 7, 8

func newConductScreen(s *shell, d conductData) *conductScreen {
	sc := &conductScreen{shell: s, data: d, vByID: map[uint]models.Violation{}, cByID: map[uint]models.Complaint{},
		vMarks: map[uint]widget.Importance{}, cMarks: map[uint]widget.Importance{}}
	var opts []string
	opts, sc.months = monthChoices(d.Today(), 0)

	sc.violations = newRecordTable(violationColumns, "搜索姓名、工号、窗口、情形", func(uint) { sc.setButtons() })
	sc.violations.styleCells(func(id uint, col int) widget.Importance {
		if col == vColStep || col == vColAction {
			return sc.vMarks[id]
		}
		return widget.MediumImportance
	})
	sc.violations.onQuery(sc.setButtons)
	sc.vMonth = newSelect(opts, func(string) { sc.reload() })
	sc.vMonth.SetSelected(allMonths)
	sc.vCategory = newSelect(append([]string{allCategories}, models.ViolationCategories...), func(string) { sc.reload() })
	sc.vCategory.SetSelected(allCategories)
	sc.violations.filterBySelects(selectFilter{sc.vMonth, allMonths}, selectFilter{sc.vCategory, allCategories})
	sc.vAdd = widget.NewButtonWithIcon("登记违规", theme.ContentAddIcon(), func() { sc.onViolation(0) })
	sc.vEdit = widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { sc.onViolation(sc.violations.selected) })
	sc.violations.openWith(sc.vEdit)
	sc.vDel = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), sc.onDeleteViolation)
	sc.vCensure = widget.NewButtonWithIcon("印制通报批评", theme.DocumentPrintIcon(), func() { sc.onPrint(printCensure) })
	sc.vLetter = widget.NewButtonWithIcon("印制函告派驻单位", theme.MailSendIcon(), func() { sc.onPrint(printLetter) })
	sc.vPerson = widget.NewButtonWithIcon("个人记录", theme.AccountIcon(), func() {
		if v, ok := sc.vByID[sc.violations.selected]; ok {
			showConductPage(s, d, v.StaffID)
		}
	})
	vTab := listHead{actions: objs(sc.vAdd, sc.vEdit, sc.vDel, sc.vPerson),
		files: objs(sc.vCensure, sc.vLetter,
			widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { importFile(s, d, "violations", "违规记录", sc.reload) }),
			widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() { exportFile(s, d, "violations", "违规记录") })),
		filters: objs(widget.NewLabel("月份"), sc.vMonth, widget.NewLabel("类别"), sc.vCategory)}.over(sc.violations.layout())

	sc.complaints = newRecordTable(complaintColumns, "搜索窗口、人员、投诉人、内容", func(uint) { sc.setButtons() })
	sc.complaints.styleCells(func(id uint, col int) widget.Importance {
		if col == cColDue || col == cColStatus {
			return sc.cMarks[id]
		}
		return widget.MediumImportance
	})
	sc.complaints.onQuery(sc.setButtons)
	sc.cMonth = newSelect(opts, func(string) { sc.reload() })
	sc.cMonth.SetSelected(allMonths)
	sc.cStatus = newSelect(append([]string{allStatuses, overdueComplaints}, models.ComplaintStatuses...), func(string) { sc.reload() })
	sc.cStatus.SetSelected(allStatuses)
	sc.complaints.filterBySelects(selectFilter{sc.cMonth, allMonths}, selectFilter{sc.cStatus, allStatuses})
	sc.cAdd = widget.NewButtonWithIcon("登记投诉", theme.ContentAddIcon(), func() { sc.onComplaint(0) })
	sc.cEdit = widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { sc.onComplaint(sc.complaints.selected) })
	sc.complaints.openWith(sc.cEdit)
	sc.cConclude = widget.NewButtonWithIcon("核查结论", theme.ConfirmIcon(), func() { sc.onConclude(sc.complaints.selected) })
	sc.cConclude.Importance = widget.HighImportance
	sc.cDel = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), sc.onDeleteComplaint)
	sc.cPerson = widget.NewButtonWithIcon("个人记录", theme.AccountIcon(), func() {
		if c, ok := sc.cByID[sc.complaints.selected]; ok && c.StaffID != nil {
			showConductPage(s, d, *c.StaffID)
		}
	})
	cTab := listHead{actions: objs(sc.cAdd, sc.cEdit, sc.cDel, sc.cConclude, sc.cPerson),
		files: objs(widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { importFile(s, d, "complaints", "投诉", sc.reload) }),
			widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() { exportFile(s, d, "complaints", "投诉") })),
		filters: objs(widget.NewLabel("月份"), sc.cMonth, widget.NewLabel("核查结果"), sc.cStatus)}.over(sc.complaints.layout())

	sc.tabs = container.NewAppTabs(container.NewTabItem("违规记录", vTab), container.NewTabItem("投诉", cTab))
	sc.box = container.NewBorder(widget.NewLabelWithStyle("违规投诉", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, sc.tabs)
	sc.setButtons()
	sc.reload()
	return sc
}

const overdueComplaints = "已超期"

func (sc *conductScreen) content() fyne.CanvasObject { return sc.box }

func (sc *conductScreen) setButtons() {
	_, v := sc.vByID[sc.violations.selected]
	for _, b := range []*widget.Button{sc.vEdit, sc.vDel, sc.vCensure, sc.vLetter, sc.vPerson} {
		if v {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	c, ok := sc.cByID[sc.complaints.selected]
	for _, b := range []*widget.Button{sc.cEdit, sc.cDel, sc.cConclude} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if ok && c.StaffID != nil {
		sc.cPerson.Enable()
	} else {
		sc.cPerson.Disable()
	}
}

func (sc *conductScreen) reload() {
	if sc.box == nil {
		return // still being built
	}
	vf := models.ViolationFilter{}
	vf.From, vf.To = monthSpan(sc.months, sc.vMonth.Selected)
	if c := sc.vCategory.Selected; c != allCategories {
		vf.Category = c
	}
	cf := models.ComplaintFilter{}
	cf.From, cf.To = monthSpan(sc.months, sc.cMonth.Selected)
	today := sc.data.Today()
	switch st := sc.cStatus.Selected; st {
	case allStatuses, "":
	case overdueComplaints:
		cf.Overdue = today
	default:
		cf.Status = st
	}
	var vs []models.Violation
	var cs []models.Complaint
	sc.shell.async(func() (err error) {
		if vs, err = sc.data.Violations(vf); err != nil {
			return err
		}
		cs, err = sc.data.Complaints(cf)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取违规投诉记录", err, sc.shell.win)
			return
		}
		sc.vByID, sc.vMarks = map[uint]models.Violation{}, map[uint]widget.Importance{}
		recs := make([]record, len(vs))
		for i, v := range vs {
			sc.vByID[v.ID] = v
			step := fmt.Sprintf("第%d次", v.Step)
			action := v.StepAction
			if v.ScoredAsComplaint {
				action += "（按投诉计分）"
			}
			switch {
			case v.Override:
				step += "（调整）"
				sc.vMarks[v.ID] = widget.WarningImportance
			case v.Censured():
				sc.vMarks[v.ID] = widget.DangerImportance
			}
			recs[len(vs)-1-i] = record{id: v.ID, cells: []string{v.On.String(), v.Staff.EmployeeNo, v.Staff.Name, v.Window.Code,
				v.Category, v.Circumstances, step, action, v.OverrideReason, v.Source, v.RecordedBy},
				search: strings.Join([]string{v.Staff.EmployeeNo, v.Staff.Name, v.Window.Code, v.Window.Name, v.Category, v.Circumstances, v.StepAction}, " ")}
		}
		sc.violations.setRecords(recs)
		sc.cByID, sc.cMarks = map[uint]models.Complaint{}, map[uint]widget.Importance{}
		crecs := make([]record, len(cs))
		for i, c := range cs {
			sc.cByID[c.ID] = c
			who := ""
			if c.Staff != nil {
				who = c.Staff.Name
			}
			switch {
			case c.Overdue(today):
				sc.cMarks[c.ID] = widget.DangerImportance
			case c.Status == models.ComplaintUpheld:
				sc.cMarks[c.ID] = widget.WarningImportance
			case c.Status == models.ComplaintRejected:
				sc.cMarks[c.ID] = widget.SuccessImportance
			}
			status := c.Status
			if c.Overdue(today) {
				status += "（超期）"
			}
			crecs[len(cs)-1-i] = record{id: c.ID, cells: []string{c.On.String(), c.Window.Code, who, c.Complainant, c.Channel, c.Problem,
				c.Content, c.DueOn.String(), status, c.Finding},
				search: strings.Join([]string{c.Window.Code, c.Window.Name, c.StaffLabel(), c.Complainant, c.Content, c.Finding}, " ")}
		}
		sc.complaints.setRecords(crecs)
		sc.setButtons()
	})
}

func (sc *conductScreen) onPrint(kind string) {
	v, ok := sc.vByID[sc.violations.selected]
	if !ok {
		return
	}
	printConduct(sc.shell, sc.data, kind, v.ID, v.Staff.Name)
}

func (sc *conductScreen) onDeleteViolation() {
	v, ok := sc.vByID[sc.violations.selected]
	if !ok {
		return
	}
	confirmDelete(sc.shell, "删除违规记录", fmt.Sprintf("删除 %s %s 的这条%s违规记录？此人以后的同类违规将重新计次。", v.On, v.Staff.Name, v.Category),
		func() error { return sc.data.DeleteViolation(v.ID) }, sc.reload)
}

func (sc *conductScreen) onDeleteComplaint() {
	c, ok := sc.cByID[sc.complaints.selected]
	if !ok {
		return
	}
	msg := fmt.Sprintf("删除 %s 对 %s 窗口的投诉？", c.On, c.Window.Code)
	if c.ViolationID != nil {
		msg += "由它产生的违规记录也将一并删除。"
	}
	confirmDelete(sc.shell, "删除投诉", msg,
		func() error { return sc.data.DeleteComplaint(c.ID) }, sc.reload)
}

// handle shows what another screen asked for: the overview's overdue
// complaints.
func (sc *conductScreen) handle(r request) {
	if _, ok := r.(overdueComplaintList); ok {
		sc.tabs.SelectIndex(1)
		sc.cStatus.SetSelected(overdueComplaints)
	}
}
