package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"govdesk/models"
	"govdesk/reports/typeset"
)

// The papers of the scoring: the monthly 满意窗口 ranking bulletin, and for the
// quarterly selection meeting the nominee pack, the ballot, the 表彰决定 and
// the 荣誉证书. Each names the rule set it was scored with.

func score(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func rate(satisfied, rated int) string {
	r := models.SatisfactionRate(satisfied, rated)
	if r < 0 {
		return "—"
	}
	return strconv.FormatFloat(float64(int(r*10+0.5))/10, 'f', -1, 64) + "%"
}

func monthTitle(month string) string {
	m, err := models.ParseMonth(month)
	if err != nil {
		return month
	}
	return fmt.Sprintf("%d年%d月", m.Year(), int(m.Month()))
}

// QuarterTitle gives "2026年第四季度" for "2026Q4".
func QuarterTitle(q string) string {
	if len(q) != 6 || (q[4] != 'Q' && q[4] != 'q') {
		return q
	}
	names := map[byte]string{'1': "一", '2': "二", '3': "三", '4': "四"}
	return q[:4] + "年第" + names[q[5]] + "季度"
}

func (p *printer) monthRanking(ms models.MonthScores, opt PrintOptions, w io.Writer) error {
	title := monthTitle(ms.Month) + "“满意窗口”评选结果通报"
	doc, err := p.newCentreDoc(title, opt.Created)
	if err != nil {
		return err
	}
	issue, err := p.number(doc, "满意窗口通报", ms.Month, ms.Month, opt)
	if err != nil {
		return err
	}
	p.headed(doc, p.office.Name+title)
	doc.Addressee("各进驻窗口单位：")
	var awarded []string
	for _, w := range ms.Windows {
		if w.Award {
			awarded = append(awarded, w.Code+" "+w.Name)
		}
	}
	doc.Paragraph(fmt.Sprintf("根据中心窗口考核办法（%s），经对%s各窗口工作人员的考勤、服务规范、投诉、好差评、办件时效和表扬情况综合计分，%s被评为本月“满意窗口”。现将各窗口得分和排名通报如下。",
		ms.RuleSet.Name(), monthTitle(ms.Month), joinOr(awarded, "本月无窗口")))
	if len(ms.Unrecorded) > 0 {
		doc.Paragraph(models.GapsText(ms.Unrecorded) + "，该日考勤待核实，未计分。")
	}
	doc.Heading1("一、窗口得分与排名")
	rows := make([][]string, len(ms.Windows))
	for i, w := range ms.Windows {
		rank, note := "—", "无资格："+strings.Join(w.Reasons(), "；")
		if w.Eligible() {
			rank, note = strconv.Itoa(w.Rank), ""
			if w.Award {
				note = "满意窗口"
			}
			if w.Tie != "" {
				note = strings.TrimPrefix(note+"；"+w.Tie, "；")
			}
		}
		rows[i] = []string{rank, w.Code + " " + w.Name, score(w.Score), rate(w.Satisfied, w.Rated), strconv.Itoa(w.OverdueDays), note}
	}
	doc.Table([]typeset.Column{{Title: "名次", Width: 1.6, Center: true}, {Title: "窗口", Width: 5.2}, {Title: "得分", Width: 2.6, Center: true},
		{Title: "满意率", Width: 2.2, Center: true}, {Title: "超期（天）", Width: 2.2, Center: true}, {Title: "备注", Width: 6.4}}, rows)
	doc.Plain("排名规则："+ms.RuleSet.Scoring().WindowTieRule()+"；评选须"+ms.RuleSet.Scoring().AwardRecordRule()+"。", typeset.SmallStyle)
	doc.Heading1("二、月度考核奖扣发名单")
	var stopped [][]string
	for _, ps := range ms.People {
		if len(ps.BonusStopped) > 0 {
			stopped = append(stopped, []string{ps.Name, ps.WindowCode, strings.Join(ps.BonusStopped, "；")})
		}
	}
	if len(stopped) == 0 {
		doc.Paragraph("本月无扣发月度考核奖人员。")
	} else {
		doc.Table([]typeset.Column{{Title: "姓名", Width: 3}, {Title: "窗口", Width: 2, Center: true}, {Title: "原因", Width: 12}}, stopped)
	}
	doc.Paragraph("各窗口得分明细可在政务窗口管理系统中逐项查阅。对评选结果有异议的，请于通报发布之日起3个工作日内向综合业务科提出。")
	p.signed(doc, chineseDate(p.printTime(opt)))
	return issue(w)
}

func joinOr(list []string, none string) string {
	if len(list) == 0 {
		return none
	}
	return strings.Join(list, "、")
}

func (p *printer) nomineePack(qs models.QuarterScores, opt PrintOptions, w io.Writer) error {
	title := QuarterTitle(qs.Quarter) + "“服务明星”候选人材料"
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return err
	}
	doc.Title(title)
	r := qs.RuleSet.Scoring()
	doc.Plain(fmt.Sprintf("计分规则：%s；统计月份：%s。季度平均分为本季度在岗各月得分的平均值，%s；评选须%s。",
		qs.RuleSet.Name(), strings.Join(monthNames(qs.Months), "、"), r.StarTieRule(), r.AwardRecordRule()), typeset.SmallStyle)
	doc.Heading1("一、候选人排名")
	var ranked, vetoed [][]string
	for _, c := range qs.Candidates {
		months := make([]string, len(c.Months))
		for i, m := range c.Months {
			months[i] = score(m.Score)
		}
		if c.Eligible() {
			ranked = append(ranked, []string{strconv.Itoa(c.Rank), c.Name, c.WindowCode, score(c.Mean), strings.Join(months, " / "), rate(c.Satisfied, c.Rated), strconv.Itoa(c.CasesDone)})
		} else {
			vetoed = append(vetoed, []string{c.Name, c.WindowCode, strings.Join(c.Reasons(), "；")})
		}
	}
	doc.Table([]typeset.Column{{Title: "名次", Width: 1.6, Center: true}, {Title: "姓名", Width: 3}, {Title: "窗口", Width: 1.8, Center: true},
		{Title: "平均分", Width: 2.2, Center: true}, {Title: "各月得分", Width: 4.4, Center: true}, {Title: "满意率", Width: 2.2, Center: true},
		{Title: "办结", Width: 1.8, Center: true}}, ranked)
	doc.Heading1("二、不具备评选资格的人员")
	if len(vetoed) == 0 {
		doc.Paragraph("无。")
	} else {
		doc.Table([]typeset.Column{{Title: "姓名", Width: 3}, {Title: "窗口", Width: 2, Center: true}, {Title: "原因（一票否决）", Width: 12}}, vetoed)
	}
	doc.Heading1("三、前列候选人得分明细")
	shown := 0
	for _, c := range qs.Candidates {
		if !c.Eligible() || shown >= 2*max(qs.RuleSet.Scoring().StarAwards, 1) {
			continue
		}
		shown++
		doc.Heading2(fmt.Sprintf("（%s）%s（%s，%s）平均%s分", chineseNumber(shown), c.Name, c.EmployeeNo, c.WindowCode, score(c.Mean)))
		for _, m := range c.Months {
			var items []string
			for _, it := range m.Items {
				items = append(items, fmt.Sprintf("%s（%+g）", it.Label, it.Points))
			}
			line := fmt.Sprintf("%s：%s分", monthTitle(m.Month), score(m.Score))
			if len(items) > 0 {
				line += "，其中" + strings.Join(items, "；")
			} else {
				line += "，无扣分加分事项"
			}
			doc.Paragraph(line + "。")
		}
	}
	doc.Signature(p.office.Name+"综合业务科", chineseDate(p.printTime(opt)), false)
	return output(doc, w)
}

func monthNames(months []string) []string {
	out := make([]string, len(months))
	for i, m := range months {
		out[i] = monthTitle(m)
	}
	return out
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

func chineseNumber(n int) string {
	switch {
	case n <= 10:
		return cnDigits[n]
	case n < 20:
		return "十" + cnDigits[n-10]
	default:
		return strconv.Itoa(n)
	}
}

func (p *printer) ballot(qs models.QuarterScores, opt PrintOptions, w io.Writer) error {
	title := QuarterTitle(qs.Quarter) + "“服务明星”评选表决票"
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return err
	}
	n := qs.RuleSet.Scoring().StarAwards
	doc.Title(title)
	doc.Paragraph(fmt.Sprintf("请在同意的候选人“表决”栏内划“√”，最多选%d人；多选的，本票无效。", n))
	var rows [][]string
	for _, c := range qs.Candidates {
		if c.Eligible() {
			rows = append(rows, []string{strconv.Itoa(c.Rank), c.Name, c.WindowCode, score(c.Mean), ""})
		}
	}
	doc.Table([]typeset.Column{{Title: "序号", Width: 1.6, Center: true}, {Title: "候选人", Width: 4}, {Title: "窗口", Width: 2, Center: true},
		{Title: "季度平均分", Width: 3, Center: true}, {Title: "表决", Width: 2.4, Center: true}}, rows)
	doc.Fields(typeset.Field{Label: "投票人（签名）：", Chars: 8}, typeset.Field{Label: "日期：", Chars: 8})
	return output(doc, w)
}

// Award is one person the selection meeting decided to commend.
type Award struct {
	Name, EmployeeNo, Window, HomeUnit string
}

func (p *printer) commendation(quarter string, awards []Award, decided time.Time, opt PrintOptions, w io.Writer) error {
	title := "关于表彰" + QuarterTitle(quarter) + "“服务明星”的决定"
	doc, err := p.newCentreDoc(title, opt.Created)
	if err != nil {
		return err
	}
	issue, err := p.number(doc, "表彰决定", quarter, strings.ToUpper(quarter), opt)
	if err != nil {
		return err
	}
	names := make([]string, len(awards))
	for i, a := range awards {
		names[i] = a.Name + "（" + a.Window + "）"
	}
	p.headed(doc, title)
	doc.Addressee("各进驻窗口单位：")
	doc.Paragraph(QuarterTitle(quarter) + "，全体窗口工作人员认真践行“一次告知、一窗受理、一次办结”的服务承诺，涌现出一批业务精、作风实、群众满意的先进典型。经综合考核计分和" +
		chineseDate(decided) + "季度评选会研究，决定授予" + strings.Join(names, "、") + "等" + strconv.Itoa(len(awards)) + "名同志“服务明星”荣誉称号，予以通报表彰。")
	doc.Paragraph("希望受表彰的同志珍惜荣誉、再接再厉，充分发挥示范带头作用。各窗口工作人员要以先进为榜样，立足岗位、热情服务，不断提升政务服务水平。")
	p.signed(doc, chineseDate(decided))
	return issue(w)
}

func (p *printer) certificates(quarter string, awards []Award, decided time.Time, opt PrintOptions, w io.Writer) error {
	created := opt.Created
	if created.IsZero() {
		created = p.st.Now()
	}
	doc, err := typeset.New(typeset.Options{Created: created, Title: "荣誉证书", Author: p.office.Name,
		Seal: p.centre, BodyFont: p.body, Landscape: true, NoPageNumbers: true})
	if err != nil {
		return err
	}
	cs := make([]typeset.Certificate, len(awards))
	for i, a := range awards {
		cs[i] = typeset.Certificate{Name: a.Name, Before: "在" + QuarterTitle(quarter) + "窗口服务工作中表现突出，被评为",
			Honour: "“服务明星”", After: "。特发此证，以资鼓励。", Issuer: p.office.Name, Date: chineseDate(decided),
			Number: fmt.Sprintf("%s-%02d", strings.ToUpper(quarter), i+1)}
	}
	doc.Certificates(cs)
	return output(doc, w)
}
