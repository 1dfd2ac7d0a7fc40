package reports

import (
	"fmt"
	"io"
	"strings"

	"govdesk/models"
	"govdesk/reports/typeset"
)

// PrintSubstitutionForm prints the 替岗报备单 of a substitution: the
// substitute, the window and the person covered (and the leave covered),
// the period, the badge and seat plate lent, and the lines for the home
// unit's seal and the chief's and office's opinions.
func PrintSubstitutionForm(st *models.Store, id uint, opt PrintOptions, w io.Writer) error {
	x, err := st.SubstitutionByID(id)
	if err != nil {
		return err
	}
	loans, err := st.BadgeLoans(models.BadgeLoanFilter{SubstitutionID: id})
	if err != nil {
		return err
	}
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	doc, err := p.newDoc("临时替岗人员报备单", opt.Created)
	if err != nil {
		return err
	}
	leave := "无"
	if x.Leave != nil {
		leave = x.Leave.Type + "，" + x.Leave.Describe(p.cal)
	}
	var lent []string
	for _, l := range loans {
		text := l.Item.No + "（" + shortDate(l.IssuedOn, x.From) + "领用"
		if l.LateIssue() {
			text += "，" + models.LateIssueLabel
		}
		if !l.ReturnedOn.IsZero() {
			text += "，" + shortDate(l.ReturnedOn, x.From) + "归还"
		} else if !l.LostOn.IsZero() {
			text += "，" + shortDate(l.LostOn, x.From) + "遗失"
		}
		lent = append(lent, text+"）")
	}
	name := x.Name
	if x.Substitute != nil {
		name += "（已登记人员名册，工号 " + x.Substitute.EmployeeNo + "）"
	}
	days := int(x.To.Time().Sub(x.From.Time()).Hours()/24) + 1
	doc.Title(p.office.Name + "临时替岗人员报备单")
	doc.InfoTable([][]string{
		{"替岗人员", name},
		{"身份证号", models.MaskIDNumber(x.IDNumber)},
		{"联系电话", orDash(x.Mobile)},
		{"派驻单位", x.HomeUnit.Name},
		{"替岗窗口", windowName(x.Window)},
		{"被替岗人员", x.Covered.Name + "（工号 " + x.Covered.EmployeeNo + "，" + x.Covered.Post + "）"},
		{"所替请假", leave},
		{"替岗期间", fmt.Sprintf("%s至%s，共%d天", x.From.Chinese(), x.To.Chinese(), days)},
		{"替岗事由", orDash(x.Reason)},
		{"报备", x.ReportedBy + "，" + x.ReportedOn.Chinese()},
		{"挂牌及座牌", strings.Join(lent, "；")},
		{"派驻单位（盖章）", ""},
		{"首席代表签字", ""},
		{"综合业务科意见", ""},
	})
	doc.Plain("注：替岗人员须遵守中心各项制度，佩戴临时工作挂牌、摆放座牌上岗，替岗结束时归还；"+
		"不参加“服务明星”评选，不计入窗口考核。", typeset.SmallStyle)
	doc.Right(p.office.Name+"制　"+chineseDate(p.printTime(opt)), typeset.SmallStyle, 0)
	return output(doc, w)
}

// BadgeRegisterOptions choose the loans of the 领用归还登记表: those issued
// in the period (inclusive; zero = unbounded).
type BadgeRegisterOptions struct {
	From, To models.Date
}

// PrintBadgeRegister prints the 临时工作挂牌及座牌领用归还登记表: one line a
// loan with the substitute's signature for taking it, the return date and
// the officer's signature for taking it back; items out past the day after
// the end are marked overdue.
func PrintBadgeRegister(st *models.Store, ro BadgeRegisterOptions, opt PrintOptions, w io.Writer) error {
	loans, err := st.BadgeLoans(models.BadgeLoanFilter{From: ro.From, To: ro.To})
	if err != nil {
		return err
	}
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	title := "临时工作挂牌及座牌领用归还登记表"
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return err
	}
	doc.Title(p.office.Name + title)
	if !ro.From.IsZero() || !ro.To.IsZero() {
		doc.Centered("（"+periodText(ro.From, ro.To)+"领用）", typeset.TableStyle)
	}
	today := models.DateOf(p.printTime(opt))
	rows := make([][]string, len(loans))
	for i, l := range loans {
		back := ""
		switch {
		case !l.ReturnedOn.IsZero():
			back = shortDate(l.ReturnedOn, today)
		case !l.LostOn.IsZero():
			back = "遗失 " + shortDate(l.LostOn, today)
		case l.Overdue(today):
			back = "逾期未还"
		}
		issued := shortDate(l.IssuedOn, today)
		if l.LateIssue() {
			issued += models.LateIssueLabel
		}
		rows[i] = []string{l.Item.No, l.Substitution.Name + " " + l.Substitution.Window.Code,
			shortDate(l.Substitution.From, today) + "至" + shortDate(l.Substitution.To, today),
			issued, "", back, ""}
	}
	if len(rows) == 0 {
		doc.Paragraph("本期间没有领用记录。")
	} else {
		// widths in millimetres of the 156 mm type area: a date of 四号
		// ("11月19日") needs 23
		doc.Table([]typeset.Column{{Title: "编号", Width: 21, Center: true},
			{Title: "领用人", Width: 21, Center: true}, {Title: "替岗期间", Width: 31, Center: true},
			{Title: "领用日期", Width: 23, Center: true}, {Title: "领用人签名", Width: 18, Center: true},
			{Title: "归还日期", Width: 23, Center: true}, {Title: "经办人签名", Width: 18, Center: true}}, rows)
	}
	doc.Plain("注：挂牌、座牌按编号逐一登记，领用时由替岗人员签名，归还时由经办人核对签名；替岗结束次日仍未归还的列为逾期，遗失的须登记并报综合业务科。", typeset.SmallStyle)
	doc.Right(p.office.Name+"制　"+chineseDate(p.printTime(opt)), typeset.SmallStyle, 0)
	return output(doc, w)
}

// shortDate gives "11月19日" within the year of ref, else the full date.
func shortDate(d, ref models.Date) string {
	if d.IsZero() {
		return ""
	}
	if d.Year() == ref.Year() {
		return fmt.Sprintf("%d月%d日", int(d.Month()), d.Day())
	}
	return d.Chinese()
}

func periodText(from, to models.Date) string {
	switch {
	case from.IsZero():
		return to.Chinese() + "以前"
	case to.IsZero():
		return from.Chinese() + "以来"
	}
	return from.Chinese() + "至" + to.Chinese()
}
