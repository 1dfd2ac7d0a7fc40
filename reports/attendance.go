package reports

import (
	"fmt"
	"strings"
	"time"

	"govdesk/models"
)

var punchColumns = []Column{{"工号", true}, {"姓名", false}, {"打卡时间", true}, {"设备", false}}

// punchImporter reads attendance-machine exports: no in/out flag, often
// repeated punches (skipped, not errors), sometimes people unknown to the
// roster (errors, naming the row).
type punchImporter struct {
	staff   map[string]models.Staff
	seen    map[string]bool
	repeats int // punches repeated within the file
	rows    []models.PunchRow
}

func (p *punchImporter) columns() []Column { return punchColumns }

func (p *punchImporter) prepare(st *models.Store) error {
	list, err := st.StaffList()
	if err != nil {
		return err
	}
	p.staff = make(map[string]models.Staff, len(list))
	for _, s := range list {
		p.staff[s.EmployeeNo] = s
	}
	p.seen = map[string]bool{}
	return nil
}

func (p *punchImporter) apply(st *models.Store) (models.ImportStats, error) {
	stats, err := st.ImportPunches(p.rows)
	stats.Unchanged += p.repeats
	return stats, err
}

// parse returns no key: a punch repeated within the file is skipped, not
// reported, since machines export the same punch more than once.
func (p *punchImporter) parse(r row) string {
	no, name := r.need("工号"), r.get("姓名")
	at, ok := r.dateTime("打卡时间", true)
	if no != "" {
		if s, known := p.staff[no]; !known {
			r.problem("工号", fmt.Sprintf("工号 %s 不在人员名册中：请先在“人员”中添加或导入此人", no))
			ok = false
		} else if name != "" && name != s.Name {
			r.problem("姓名", fmt.Sprintf("工号 %s 在名册中是“%s”，不是“%s”：请核对工号或姓名", no, s.Name, name))
			ok = false
		}
	}
	if !ok || no == "" {
		return ""
	}
	key := no + "|" + at.Format(time.DateTime)
	if p.seen[key] {
		p.repeats++
		return ""
	}
	p.seen[key] = true
	p.rows = append(p.rows, models.PunchRow{EmployeeNo: no, Name: name, At: at, Device: r.get("设备")})
	return ""
}

func exportPunches(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	f := models.PunchFilter{}
	from, to, err := monthRange(opt.Month)
	if err != nil {
		return "", nil, nil, err
	}
	f.From, f.To = from, to
	list, err := st.Punches(f)
	if err != nil {
		return "", nil, nil, err
	}
	rows := make([][]string, len(list))
	for i, p := range list {
		rows[i] = []string{p.Staff.EmployeeNo, p.Staff.Name, models.FormatDateTime(p.At), p.Device}
	}
	return "打卡记录", columnNames(punchColumns), rows, nil
}

var leaveColumns = []Column{
	{"工号", true}, {"类型", true}, {"开始", true}, {"结束", true}, {"事由", false},
	{"状态", true}, {"审批人", false}, {"顶岗人员工号", false}, {"销假日期", false},
}

type leaveImporter struct {
	staff map[string]models.Staff
	rows  []models.LeaveRow
}

func (l *leaveImporter) columns() []Column { return leaveColumns }

func (l *leaveImporter) prepare(st *models.Store) error {
	list, err := st.StaffList()
	if err != nil {
		return err
	}
	l.staff = make(map[string]models.Staff, len(list))
	for _, s := range list {
		l.staff[s.EmployeeNo] = s
	}
	return nil
}

func (l *leaveImporter) apply(st *models.Store) (models.ImportStats, error) {
	return st.ImportLeaves(l.rows)
}

// halfDay reads "2026-11-09 上午"; an empty half is def.
func (r row) halfDay(col, def string) (models.Date, string) {
	v := r.get(col)
	if v == "" {
		r.problem(col, "不能为空")
		return models.Date{}, ""
	}
	half := def
	for _, h := range models.Halves {
		if s, ok := strings.CutSuffix(v, h); ok {
			v, half = strings.TrimSpace(s), h
			break
		}
	}
	d, err := models.ParseDate(v)
	if err != nil {
		r.problem(col, err.Error()+"；应写成 2026-11-09 上午 的形式")
		return models.Date{}, ""
	}
	return d, half
}

func (l *leaveImporter) parse(r row) string {
	before := len(*r.probs)
	lr := models.LeaveRow{EmployeeNo: r.need("工号"), StandInNo: r.get("顶岗人员工号")}
	q := &lr.LeaveRequest
	q.Type, q.Reason, q.Status, q.Approver = r.need("类型"), r.get("事由"), r.need("状态"), r.get("审批人")
	q.From, q.FromHalf = r.halfDay("开始", models.HalfAM)
	q.To, q.ToHalf = r.halfDay("结束", models.HalfPM)
	q.ReturnedOn = r.date("销假日期", false)
	if lr.EmployeeNo != "" {
		if s, ok := l.staff[lr.EmployeeNo]; ok {
			q.StaffID = s.ID
		} else {
			r.problem("工号", fmt.Sprintf("工号 %s 不在人员名册中：请先在“人员”中添加或导入此人", lr.EmployeeNo))
		}
	}
	if lr.StandInNo != "" {
		if s, ok := l.staff[lr.StandInNo]; ok {
			id := s.ID
			q.StandInID = &id
		} else {
			r.problem("顶岗人员工号", fmt.Sprintf("工号 %s 不在人员名册中", lr.StandInNo))
		}
	}
	reported := map[string]bool{}
	for _, p := range (*r.probs)[before:] {
		reported[p.Column] = true
	}
	for _, e := range q.Validate() {
		if !reported[e.Field] {
			r.problem(e.Field, e.Reason)
		}
	}
	if len(*r.probs) > before {
		return ""
	}
	l.rows = append(l.rows, lr)
	return fmt.Sprintf("工号 %s 开始 %s %s", lr.EmployeeNo, q.From, q.FromHalf)
}

func exportLeaves(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	f := models.LeaveFilter{}
	from, to, err := monthRange(opt.Month)
	if err != nil {
		return "", nil, nil, err
	}
	f.From, f.To = from, to
	list, err := st.Leaves(f)
	if err != nil {
		return "", nil, nil, err
	}
	rows := make([][]string, len(list))
	for i, l := range list {
		standIn := ""
		if l.StandIn != nil {
			standIn = l.StandIn.EmployeeNo
		}
		rows[len(list)-1-i] = []string{l.Staff.EmployeeNo, l.Type, l.From.String() + " " + l.FromHalf,
			l.To.String() + " " + l.ToHalf, l.Reason, l.Status, l.Approver, standIn, l.ReturnedOn.String()}
	}
	return "请假", columnNames(leaveColumns), rows, nil
}

var inspectionColumns = []Column{{"工号", true}, {"离岗时间", true}, {"返岗时间", true}, {"检查人", true}, {"说明", false}}

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
	ir := models.InspectionRow{EmployeeNo: r.need("工号"), Inspector: r.need("检查人"), Note: r.get("说明")}
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
	return fmt.Sprintf("工号 %s 离岗时间 %s", ir.EmployeeNo, models.FormatDateTime(ir.LeftAt))
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
	rows := make([][]string, len(list))
	for i, x := range list {
		rows[i] = []string{x.Staff.EmployeeNo, models.FormatDateTime(x.LeftAt), models.FormatDateTime(x.BackAt), x.Inspector, x.Note}
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
	list, err := st.AttendanceMonth(models.MonthOf(first), models.AttendanceFilter{})
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
