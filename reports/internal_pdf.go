package reports

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"govdesk/models"
	"govdesk/reports/typeset"
)

// Internal documents of the centre: they follow the same page and go through
// the same typesetting layer as the notices, with the centre's details and
// seal from its settings.

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
	window := windowName(l.Staff.Window)
	if window == "" {
		window = "—"
	}
	doc.Title(p.office.Name + "请假审批单")
	doc.InfoTable([][]string{
		{"姓名", l.Staff.Name + "（工号 " + l.Staff.EmployeeNo + "）"},
		{"派驻单位", l.Staff.HomeUnit.Name},
		{"窗口", window},
		{"请假类型", l.Type},
		{"请假时间", l.Describe(p.cal)},
		{"事由", orDash(l.Reason)},
		{"顶岗人员", standIn},
		{"审批层级", l.ApprovalTier(p.cal, rules.Attendance)},
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
	doc.Signature(p.office.Name, chineseDate(p.printTime(opt)), false)
	return output(doc, w)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
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

// printTime is the moment a paper is printed: the store's clock, unless the
// options fix it.
func (p *printer) printTime(opt PrintOptions) time.Time {
	if !opt.Created.IsZero() {
		return models.Civil(opt.Created)
	}
	return p.st.Now()
}

// number takes the next 文号 of an internal document of the kind and has the
// document set it under its title. finish voids the number again when the
// document could not be written, so a failed print leaves a visible gap in
// the register rather than a number on a paper nobody has; a number that
// cannot be voided is reported with the error.
func (p *printer) number(doc *typeset.Doc, kind, subject string, opt PrintOptions) (finish func(error) error, err error) {
	n := models.IssuedNotice{Kind: kind, Subject: subject, IssuedAt: p.printTime(opt)}
	if err := p.st.IssueNotice(&n); err != nil {
		return nil, err
	}
	doc.SetDocNumber(n.DocNo)
	return func(err error) error {
		if err != nil {
			return voidUnprinted(p.st, []models.IssuedNotice{n}, "印制失败："+err.Error(), err)
		}
		return nil
	}, nil
}

func output(doc *typeset.Doc, w io.Writer) error {
	if warn := doc.Warnings(); len(warn) > 0 {
		return fmt.Errorf("有字符无法印出，未输出：%s", strings.Join(warn, "；"))
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return fmt.Errorf("PDF 生成失败：%w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// PrintAttendanceBulletin prints the monthly 考勤情况通报: a summary, the
// table of everyone with an anomaly (with the figures of the monthly sheet),
// and the list of those with full attendance.
func PrintAttendanceBulletin(st *models.Store, month string, opt PrintOptions, w io.Writer) error {
	sums, err := st.AttendanceMonth(month, models.AttendanceFilter{})
	if err != nil {
		return err
	}
	first, _ := models.ParseMonth(month)
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	title := fmt.Sprintf("%d年%d月窗口工作人员考勤情况通报", first.Year(), int(first.Month()))
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return err
	}
	finish, err := p.number(doc, "考勤通报", month, opt)
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
	doc.Title(p.office.Name + title)
	doc.Addressee("各进驻窗口单位：")
	period := ""
	if today := p.st.Today(); today.Year() == first.Year() && today.Month() == first.Month() {
		period = "（统计至" + strings.TrimPrefix(today.AddDays(-1).Chinese(), strconv.Itoa(today.Year())+"年") + "）"
	}
	doc.Paragraph(fmt.Sprintf("根据中心考勤制度，现将%d年%d月%s窗口工作人员考勤情况通报如下。本月参加考勤%d人，其中全勤%d人，考勤异常%d人（有迟到或早退的%d人，有旷工的%d人）。",
		first.Year(), int(first.Month()), period, len(sums), len(perfect), len(anomalies), late, absent))
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
	doc.Signature(p.office.Name, chineseDate(p.printTime(opt)), true)
	return finish(output(doc, w))
}
