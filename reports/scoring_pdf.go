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

// The papers of the scoring: the monthly ranking bulletin and the 荣誉证书
// (the other papers of a selection are in selection_pdf.go). Each names
// the rule set it was scored with.

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

// monthRanking prints the month's scores and ranking (满意窗口考核得分通报).
// It names the windows within the places as candidates: the 满意窗口 are
// named by the centre's decision after the meeting and the 公示. A month
// still a draft prints as a preview that takes no 文号.
func (p *printer) monthRanking(ms models.MonthScores, opt PrintOptions, w io.Writer) error {
	title := monthTitle(ms.Month) + "“满意窗口”考核得分通报"
	doc, err := p.newCentreDoc(title, opt.Created)
	if err != nil {
		return err
	}
	draft := ms.State != models.ScoreClosed && ms.State != models.ScorePublished
	if draft {
		opt.Preview, opt.NewIssue = true, false
	}
	issue, err := p.number(doc, "满意窗口通报", ms.Month, ms.Month, opt)
	if err != nil {
		return err
	}
	p.headed(doc, p.office.Name+title)
	if draft {
		doc.Centered("（草稿：本月评分尚未封帐，仅供核对，不作为评选依据）", typeset.SmallStyle)
	}
	doc.Addressee("各进驻窗口单位：")
	var candidates, tied []string
	var last *models.WindowScore
	for i, w := range ms.Windows {
		if w.Award {
			candidates = append(candidates, w.Code+" "+w.Name)
			last = &ms.Windows[i]
		}
	}
	for _, w := range ms.Windows {
		if last != nil && !w.Award && w.Eligible() && w.Score == last.Score {
			tied = append(tied, w.Code+" "+w.Name)
		}
	}
	next := "按得分排名，" + joinOr(candidates, "本月无窗口") + "为本月“满意窗口”候选窗口"
	if len(tied) > 0 {
		next += fmt.Sprintf("，与%s同分的%s一并提名", last.Code, strings.Join(tied, "、"))
	}
	next += "，经评选会评议并公示后，由中心决定命名。"
	if len(candidates) == 0 {
		next = "本月没有具备评选资格的窗口，不评“满意窗口”。"
	}
	doc.Paragraph(fmt.Sprintf("根据中心窗口考核办法（%s），经对%s各窗口工作人员的考勤、服务规范、投诉、好差评、办件时效和表扬情况综合计分，现将各窗口得分和排名通报如下。%s",
		ms.RuleSet.Name(), monthTitle(ms.Month), next))
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
				note = "候选"
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
	doc.Paragraph("各窗口得分明细可在政务窗口管理系统中逐项查阅；对得分有疑问的，请向综合业务科核对。")
	p.signed(doc, chineseDate(p.printTime(opt)))
	return issue(w)
}

func joinOr(list []string, none string) string {
	if len(list) == 0 {
		return none
	}
	return strings.Join(list, "、")
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

// Award is one person the selection meeting decided to commend.
type Award struct {
	Name, EmployeeNo, Window, HomeUnit string
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
