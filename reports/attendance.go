package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"govdesk/models"
	"govdesk/reports/typeset"
)

var punchColumns = []Column{{"工号", true}, {"姓名", false}, {"打卡时间", true}, {"设备", false}}

// punchImporter reads attendance-machine exports: no in/out flag, often
// repeated punches (skipped, not errors), sometimes people unknown to the
// roster (errors, naming the row).
type punchImporter struct {
	names map[string]string // 姓名 by 工号
	// the rows read since the last batch was handed to the import, which
	// begins with the file's first batch and adds each batch as it is
	// read (the database's one connection is the import's from then on:
	// whatever else the import reads is read before)
	batch []models.PunchRow
	st    *models.Store
	imp   *models.PunchImport
	dry   bool
	run   *ownPunchRun // a preview, and what the import did (ImportPunchFile)
	// shared holds one copy of each 工号, 姓名 and machine name read: the
	// rows keep those, not views into the file's text, so the text is let
	// go once read even while rows wait to be inserted
	shared map[string]string
}

// punchRowBatch is how many rows of a punch file are handed to the import at a time.
const punchRowBatch = 16384

// maxShared is the most distinct texts a punch file's rows share; past it
// (a file naming a new machine on every row) rows keep their own.
const maxShared = 10000

func (p *punchImporter) share(s string) string {
	if v, ok := p.shared[s]; ok {
		return v
	}
	v := strings.Clone(s)
	if len(p.shared) < maxShared {
		if p.shared == nil {
			p.shared = map[string]string{}
		}
		p.shared[v] = v
	}
	return v
}

func (p *punchImporter) columns() []Column { return punchColumns }

// prepare readies the import itself: the rows go into the database while
// the rest of the file is read, and are taken back (abandon) if a later
// row turns out bad.
func (p *punchImporter) prepare(st *models.Store) error {
	list, err := st.StaffList()
	if err != nil {
		return err
	}
	p.names = make(map[string]string, len(list))
	for _, s := range list {
		p.names[s.EmployeeNo] = s.Name
	}
	// a damaged database refuses writes, as every import does: asked now,
	// before the import has the connection
	if err := st.CheckBeforeImport(); err != nil {
		return err
	}
	p.st, p.dry = st, p.run != nil && p.run.dryRun
	return nil
}

// add hands the rows read to the import, begun with the first of them.
func (p *punchImporter) add() {
	if p.imp == nil {
		p.imp = p.st.StartPunchImport(p.dry)
	}
	p.imp.Add(p.batch)
	p.batch = nil
}

func (p *punchImporter) apply(st *models.Store) (models.ImportStats, error) {
	run := p.run
	if run == nil {
		run = &ownPunchRun{}
	}
	p.add()
	sum, err := p.imp.Finish(true)
	p.imp = nil
	run.summary = sum
	return sum.Stats, err
}

// abandon takes back what the import added: the file was refused further
// down, or the import was cancelled.
func (p *punchImporter) abandon() {
	if p.imp != nil {
		p.imp.Finish(false)
		p.imp = nil
	}
}

// parse returns no key: a punch repeated within the file is skipped (the
// store counts it unchanged), not reported, since machines export the same
// punch more than once.
func (p *punchImporter) parse(r row) string {
	no, name := r.need("工号"), r.get("姓名")
	at, ok := r.dateTime("打卡时间", true)
	if no != "" {
		if known, onRoll := p.names[no]; !onRoll {
			r.problem("工号", fmt.Sprintf("工号 %s 不在人员名册中：请先在“人员”中添加或导入此人", no))
			ok = false
		} else if name != "" && name != known {
			r.problem("姓名", fmt.Sprintf("工号 %s 在名册中是“%s”，不是“%s”：请核对工号或姓名", no, known, name))
			ok = false
		}
	}
	if !ok || no == "" {
		return ""
	}
	if p.batch == nil {
		p.batch = make([]models.PunchRow, 0, punchRowBatch)
	}
	p.batch = append(p.batch, models.PunchRow{EmployeeNo: p.share(no), Name: p.share(name), At: at, Device: p.share(r.get("设备")),
		Source: r.sheet.File, Line: r.line})
	if len(p.batch) == punchRowBatch {
		p.add()
	}
	return ""
}

func exportPunches(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	f := models.PunchFilter{}
	from, to, err := monthRange(opt.Month)
	if err != nil {
		return "", nil, nil, err
	}
	f.From, f.To = from, to
	rows, err := st.PunchLines(f)
	if err != nil {
		return "", nil, nil, err
	}
	// 来源 (the machine file and row) and 考勤机判定 (what the machine made of
	// the tap) come last, after the columns the import reads.
	return "打卡记录", append(columnNames(punchColumns), "来源", "考勤机判定"), rows, nil
}

var inspectionColumns = []Column{keyColumn, {"工号", true}, {"离岗时间", true}, {"返岗时间", true}, {"检查人", true}, {"说明", false}}

type inspectionImporter struct {
	staff map[string]models.Staff
	rows  []models.InspectionRow
}

func (x *inspectionImporter) columns() []Column { return inspectionColumns }

func (x *inspectionImporter) prepare(st *models.Store) error {
	list, err := st.StaffList()
	if err != nil {
		return err
	}
	x.staff = make(map[string]models.Staff, len(list))
	for _, s := range list {
		x.staff[s.EmployeeNo] = s
	}
	return nil
}

func (x *inspectionImporter) apply(st *models.Store) (models.ImportStats, error) {
	return st.ImportInspections(x.rows)
}

func (x *inspectionImporter) parse(r row) string {
	before := len(*r.probs)
	ir := models.InspectionRow{ID: r.recordID(models.KeyInspection), EmployeeNo: r.need("工号"), Inspector: r.need("检查人"), Note: r.get("说明")}
	ir.LeftAt, _ = r.dateTime("离岗时间", true)
	ir.BackAt, _ = r.dateTime("返岗时间", true)
	rec := models.Inspection{StaffID: 1, LeftAt: ir.LeftAt, BackAt: ir.BackAt, Inspector: ir.Inspector, Note: ir.Note}
	if ir.EmployeeNo != "" {
		if _, ok := x.staff[ir.EmployeeNo]; !ok {
			r.problem("工号", fmt.Sprintf("工号 %s 不在人员名册中：请先在“人员”中添加或导入此人", ir.EmployeeNo))
		}
	}
	reported := map[string]bool{}
	for _, p := range (*r.probs)[before:] {
		reported[p.Column] = true
	}
	for _, e := range rec.Validate() {
		if !reported[e.Field] {
			r.problem(e.Field, e.Reason)
		}
	}
	if len(*r.probs) > before {
		return ""
	}
	x.rows = append(x.rows, ir)
	return keyed(ir.ID, fmt.Sprintf("工号 %s 离岗时间 %s", ir.EmployeeNo, models.FormatDateTime(ir.LeftAt)))
}

func exportInspections(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	f := models.AttendanceRecordFilter{}
	from, to, err := monthRange(opt.Month)
	if err != nil {
		return "", nil, nil, err
	}
	f.From, f.To = from, to
	list, err := st.Inspections(f)
	if err != nil {
		return "", nil, nil, err
	}
	keys, err := st.RecordKeys()
	if err != nil {
		return "", nil, nil, err
	}
	rows := make([][]string, len(list))
	for i, x := range list {
		rows[i] = []string{keys.Key(models.KeyInspection, x.ID), x.Staff.EmployeeNo, models.FormatDateTime(x.LeftAt), models.FormatDateTime(x.BackAt), x.Inspector, x.Note}
	}
	return "查岗记录", columnNames(inspectionColumns), rows, nil
}

// attendanceHeader is the monthly sheet's header, exactly as EXCHANGE.md names it.
var attendanceHeader = []string{
	"工号", "姓名", "窗口编号", "应出勤天数", "出勤天数", "迟到次数", "迟到分钟", "早退次数", "早退分钟",
	"缺卡次数", "擅离岗位次数", "请假天数", "迟到早退折算旷工天数", "擅离折算旷工天数", "旷工天数",
}

// exportAttendance writes the monthly sheet: one row per person in service
// during opt.Month.
func exportAttendance(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	if strings.TrimSpace(opt.Month) == "" {
		return "", nil, nil, fmt.Errorf("导出考勤月报须指定月份，例如 2026-11（命令行：--month 2026-11）")
	}
	first, err := models.ParseMonth(opt.Month)
	if err != nil {
		return "", nil, nil, fmt.Errorf("考勤月份有误：%v", err)
	}
	list, err := st.AttendanceMonth(models.MonthOf(first), models.AttendanceFilter{TotalsOnly: true})
	if err != nil {
		return "", nil, nil, err
	}
	days := models.FormatDays
	n := func(v int) string { return fmt.Sprint(v) }
	rows := make([][]string, len(list))
	for i, m := range list {
		rows[i] = []string{m.EmployeeNo, m.Name, m.WindowCode, days(m.DueDays), days(m.AttendedDays),
			n(m.LateCount), n(m.LateMinutes), n(m.EarlyCount), n(m.EarlyMinutes), n(m.MissingCount),
			n(m.AwayCount), days(m.LeaveDays), days(m.LateEarlyAbsentDays), days(m.AwayAbsentDays), days(m.AbsentDays)}
	}
	return fmt.Sprintf("%d年%d月考勤", first.Year(), int(first.Month())), attendanceHeader, rows, nil
}

// PrintAttendanceBulletin prints the monthly 考勤情况通报: a summary, the
// table of everyone with an anomaly (with the figures of the monthly sheet),
// and the list of those with full attendance.
func PrintAttendanceBulletin(st *models.Store, month string, opt PrintOptions, w io.Writer) error {
	return retryTaken(func() error { return printAttendanceBulletin(st, month, opt, w) })
}

func printAttendanceBulletin(st *models.Store, month string, opt PrintOptions, w io.Writer) error {
	sheet, err := st.AttendanceSheet(month, models.AttendanceFilter{TotalsOnly: true})
	if err != nil {
		return err
	}
	sums := sheet.Summaries
	first, _ := models.ParseMonth(month)
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	title := fmt.Sprintf("%d年%d月窗口工作人员考勤情况通报", first.Year(), int(first.Month()))
	doc, err := p.newCentreDoc(title, opt.Created)
	if err != nil {
		return err
	}
	issue, err := p.number(doc, "考勤通报", month, month, opt)
	if err != nil {
		return err
	}
	var anomalies [][]string
	var perfect []string
	late, absent := 0, 0
	for _, s := range sums {
		if s.Result() != "正常" {
			anomalies = append(anomalies, []string{s.Name, s.WindowCode,
				strconv.Itoa(s.LateCount + s.EarlyCount), strconv.Itoa(s.MissingCount), strconv.Itoa(s.AwayCount),
				models.FormatDays(s.LeaveDays), models.FormatDays(s.AbsentDays)})
			if s.LateCount+s.EarlyCount > 0 {
				late++
			}
			if s.AbsentDays > 0 {
				absent++
			}
		} else if s.LeaveDays == 0 && s.DueDays > 0 {
			perfect = append(perfect, s.Name)
		}
	}
	p.headed(doc, p.office.Name+title)
	doc.Addressee("各进驻窗口单位：")
	period := ""
	if today := p.st.Today(); today.Year() == first.Year() && today.Month() == first.Month() {
		period = "（统计至" + strings.TrimPrefix(today.AddDays(-1).Chinese(), strconv.Itoa(today.Year())+"年") + "）"
	}
	doc.Paragraph(fmt.Sprintf("根据中心考勤制度，现将%d年%d月%s窗口工作人员考勤情况通报如下。本月参加考勤%d人，其中全勤%d人，考勤异常%d人（有迟到或早退的%d人，有旷工的%d人）。",
		first.Year(), int(first.Month()), period, len(sums), len(perfect), len(anomalies), late, absent))
	if open := sheet.Unresolved(); len(open) > 0 {
		doc.Paragraph(models.GapsText(open) + "，该日考勤待核实，未计入本通报。")
	}
	doc.Heading1("一、考勤异常人员")
	if len(anomalies) == 0 {
		doc.Paragraph("本月无考勤异常人员。")
	} else {
		doc.Table([]typeset.Column{{Title: "姓名", Width: 3.2}, {Title: "窗口", Width: 2.2, Center: true},
			{Title: "迟到早退（次）", Width: 3, Center: true}, {Title: "缺卡（次）", Width: 2.4, Center: true},
			{Title: "擅离（次）", Width: 2.4, Center: true}, {Title: "请假（天）", Width: 2.4, Center: true},
			{Title: "旷工（天）", Width: 2.4, Center: true}}, anomalies)
	}
	doc.Heading1("二、全勤人员")
	if len(perfect) == 0 {
		doc.Paragraph("本月无全勤人员。")
	} else {
		doc.Paragraph(strings.Join(perfect, "、") + "。")
	}
	doc.Paragraph("请各进驻窗口单位督促本单位人员严格遵守考勤制度，按时打卡，因事离岗须按规定履行请假和外出登记手续。对考勤结果有异议的，请于通报发布之日起3个工作日内向综合业务科提出。")
	p.signed(doc, chineseDate(p.printTime(opt)))
	return issue(w)
}
