package reports

import (
	"fmt"
	"io"
	"strings"

	"govdesk/models"
	"govdesk/reports/typeset"
)

// Leave requests (请假): their exchange file and the 请假审批单.

var leaveColumns = []Column{
	keyColumn, {"工号", true}, {"类型", true}, {"开始", true}, {"结束", true}, {"事由", false},
	{"状态", true}, {"审批人", false}, {"顶岗人员工号", false}, {"销假日期", false},
	// added later, at the end so older files still read
	{"申请时间", false}, {"补假说明", false}, {"审批层级", false},
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
	q.ID = r.recordID(models.KeyLeave)
	q.Type, q.Reason, q.Status, q.Approver = r.need("类型"), r.get("事由"), r.need("状态"), r.get("审批人")
	q.From, q.FromHalf = r.halfDay("开始", models.HalfAM)
	q.To, q.ToHalf = r.halfDay("结束", models.HalfPM)
	q.ReturnedOn = r.date("销假日期", false)
	q.AppliedAt, _ = r.dateTime("申请时间", false)
	q.LateReason, q.ApproverTier = r.get("补假说明"), r.get("审批层级")
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
	return keyed(q.ID, fmt.Sprintf("工号 %s 开始 %s %s", lr.EmployeeNo, q.From, q.FromHalf))
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
	keys, err := st.RecordKeys()
	if err != nil {
		return "", nil, nil, err
	}
	rows := make([][]string, len(list))
	for i, l := range list {
		standIn := ""
		if l.StandIn != nil {
			standIn = l.StandIn.EmployeeNo
		}
		rows[len(list)-1-i] = []string{keys.Key(models.KeyLeave, l.ID), l.Staff.EmployeeNo, l.Type, l.From.String() + " " + l.FromHalf,
			l.To.String() + " " + l.ToHalf, l.Reason, l.Status, l.Approver, standIn, l.ReturnedOn.String(),
			models.FormatDateTime(l.AppliedAt), l.LateReason, l.ApproverTier}
	}
	return "请假", columnNames(leaveColumns), rows, nil
}

// PrintLeaveForm prints the 请假审批单 of a leave request: the request, its
// length in working days, the approval tier its length requires, and the
// lines to sign for the applicant, the stand-in and each approver.
func PrintLeaveForm(st *models.Store, leaveID uint, opt PrintOptions, w io.Writer) error {
	l, err := st.LeaveByID(leaveID)
	if err != nil {
		return err
	}
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	rules, err := st.RulesFor(l.From)
	if err != nil {
		return err
	}
	doc, err := p.newDoc("请假审批单", opt.Created)
	if err != nil {
		return err
	}
	standIn := "无"
	if l.StandIn != nil {
		standIn = l.StandIn.Name + "（" + l.StandIn.EmployeeNo + "）"
	}
	// the window the person sat at when the leave began: they may have moved since
	sat, err := st.StaffWindowOn(l.StaffID, l.From)
	if err != nil {
		return err
	}
	window := orDash(windowName(sat))
	doc.Title(p.office.Name + "请假审批单")
	doc.InfoTable([][]string{
		{"姓名", l.Staff.Name + "（工号 " + l.Staff.EmployeeNo + "）"},
		{"派驻单位", orDash(l.Staff.HomeUnit.Name)},
		{"窗口", window},
		{"请假类型", l.Type},
		{"请假时间", l.Describe(p.cal)},
		{"事由", orDash(l.Reason) + lateNote(l, rules.Attendance)},
		{"顶岗人员", standIn},
		{"审批层级", approvalLine(l, p.cal, rules.Attendance)},
		{"状态", leaveState(l)},
		{"申请人签名", ""},
		{"顶岗人员签名", ""},
		{"首席代表意见", ""},
		{"综合业务科意见", ""},
		{"中心领导意见", ""},
		{"销假情况", returnNote(l)},
	})
	doc.Plain("注：请假1天以内由首席代表审批，3天以内由综合业务科审批，3天以上报中心领导审批（以中心现行规则为准）；"+
		"未经批准不得擅自休假，无正当理由超假不归的按旷工处理。", typeset.SmallStyle)
	doc.Right(p.office.Name+"制　"+chineseDate(p.printTime(opt)), typeset.SmallStyle, 0) // a form, not a letter: no 落款
	return output(doc, w)
}

// approvalLine is the tier the leave needs, and who of which tier approved it.
func approvalLine(l models.LeaveRequest, cal *models.Calendar, rules models.AttendanceRules) string {
	need := l.ApprovalTier(cal, rules)
	if l.ApproverTier == "" {
		return need
	}
	return need + "（由" + l.ApproverTier + " " + l.Approver + " 批准）"
}

// lateNote marks a request handed in after its leave began (事后补假), with
// when and its 补假说明; it rides on the 事由 line so the form keeps to one
// page.
func lateNote(l models.LeaveRequest, rules models.AttendanceRules) string {
	if !l.AppliedLate(rules) {
		return ""
	}
	s := "（" + models.LeaveLateLabel + "，" + models.FormatDateTime(l.AppliedAt) + "申请"
	if l.LateReason != "" {
		s += "：" + l.LateReason
	}
	return s + "）"
}

func leaveState(l models.LeaveRequest) string {
	switch {
	case l.Status == models.LeaveRejected && l.RejectReason != "":
		return l.Status + "（" + l.RejectReason + "）"
	case l.Approver != "" && l.Status != models.LeavePending:
		return l.Status + "（" + l.Approver + "）"
	}
	return l.Status
}

func returnNote(l models.LeaveRequest) string {
	if l.ReturnedOn.IsZero() {
		return ""
	}
	note := l.ReturnedOn.Chinese() + "销假"
	if l.Overstayed() {
		note += "（超假）"
	}
	return note
}
