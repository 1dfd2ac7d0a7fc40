package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"govdesk/models"
	"govdesk/reports/typeset"
)

// The papers of a selection (评选), each printed only at its step: the
// candidates' papers (候选人材料) from the ranking or the shortlist, the
// 表决票 and 计票单 once the shortlist is drawn, the 会议记录 after the
// meeting, the 公示 once it starts, the 表彰决定 and the 荣誉证书 after the
// decision.

// selectionTitle quotes the honour: "2026年第四季度“服务明星”".
func selectionTitle(rec models.SelectionRecord) string {
	return models.PeriodTitle(rec.Period) + "“" + rec.Kind + "”"
}

// subjectWord is what the candidates are: 候选人 or 候选窗口.
func subjectWord(kind string) string {
	if kind == models.SelectWindow {
		return "候选窗口"
	}
	return "候选人"
}

// nomineeLabel names a candidate on the papers: "王堃（A01）", "A01 企业开办综合窗口".
func nomineeLabel(kind string, n models.SelectionNominee) string {
	if kind == models.SelectWindow {
		return n.Code + " " + n.Name
	}
	code := n.Window
	if i := strings.IndexByte(code, ' '); i > 0 {
		code = code[:i]
	}
	if code == "" {
		return n.Name
	}
	return n.Name + "（" + code + "）"
}

func refuseBefore(rec models.SelectionRecord, stage, paper string) error {
	if models.StageIndex(rec.Stage) >= models.StageIndex(stage) {
		return nil
	}
	what := map[string]string{
		models.StageNominated: "提名候选人之后",
		models.StageMeeting:   "记录评选会之后",
		models.StagePublicity: "开始公示之后",
		models.StageDecided:   "公示期满、作出决定之后",
	}[stage]
	return fmt.Errorf("%s须在%s才能打印%s（目前：%s）", rec.Title(), what, paper, rec.Stage)
}

// refuseChanged refuses a paper that names those awarded while the
// selection's basis has changed: it waits for the review.
func refuseChanged(rec models.SelectionRecord, paper string) error {
	if !rec.BasisChanged() {
		return nil
	}
	return fmt.Errorf("%s的评选依据已变化，复核后才能打印%s：请在“评分”中复核，或重新提名", rec.Title(), paper)
}

// nomineePack prints the candidates' papers: the shortlist (or, before it
// is drawn, the ranking's proposal) with 工号, unit and window of the
// period, the eligible ranked, the disqualified with the record behind it,
// and the breakdown of the shortlisted, stating when the data was taken.
func (p *printer) nomineePack(rec models.SelectionRecord, qs *models.QuarterScores, opt PrintOptions, w io.Writer) error {
	title := selectionTitle(rec) + subjectWord(rec.Kind) + "材料"
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return err
	}
	doc.Title(title)
	r := rec.Rules
	asOf := p.printTime(opt)
	note := "各月已封帐"
	if rec.Selection.ID != 0 && !rec.Selection.DataAsOf.IsZero() {
		asOf = rec.Selection.DataAsOf
		note = "提名时的数据"
	} else if !rec.Closed() {
		note = "尚有月份未封帐，得分可能变化，不能作为评选依据"
	}
	doc.Right(fmt.Sprintf("数据截至：%s（%s）", models.FormatDateTime(asOf), note), typeset.SmallStyle, 0)
	places := r.StarAwards
	order := "季度平均分为本季度在岗各月得分的平均值，" + r.StarTieRule()
	if rec.Kind == models.SelectWindow {
		places, order = r.WindowAwards, r.WindowTieRule()
	}
	doc.Plain(fmt.Sprintf("计分规则：%s；统计月份：%s。%s；评选须%s。名额%d名。",
		rec.RuleSet.Name(), strings.Join(monthNames(rec.Months), "、"), order, r.AwardRecordRule(), places), typeset.SmallStyle)

	doc.Heading1("一、" + subjectWord(rec.Kind) + "名单")
	var shortlist []models.SelectionNominee
	if rec.Selection.ID != 0 {
		for _, n := range rec.Nominees {
			if !n.WriteIn {
				shortlist = append(shortlist, n)
			}
		}
		diff := ""
		if len(shortlist) > rec.Selection.Places {
			diff = "，差额评选"
		}
		doc.Paragraph(fmt.Sprintf("%s提名%s%d名（名额%d名%s）。得分相同的并列提名，由评选会投票决定，排名规则只作参考。",
			rec.Selection.NominatedOn.Chinese(), subjectWord(rec.Kind), len(shortlist), rec.Selection.Places, diff))
	} else {
		for _, c := range rec.Candidates {
			if c.Proposed {
				shortlist = append(shortlist, models.SelectionNominee{SubjectID: c.SubjectID, Code: c.Code, Name: c.Name, Unit: c.Unit,
					Window: c.Window, Rank: c.Rank, Score: c.Score, TieNote: c.Tie})
			}
		}
		doc.Paragraph("尚未提名。以下为按得分排名在名额内的人选，供提名参考。")
	}
	var rows [][]string
	var ties []string
	for _, n := range shortlist {
		if rec.Kind == models.SelectWindow {
			rows = append(rows, []string{strconv.Itoa(n.Rank), n.Code, n.Name, n.Unit, score(n.Score)})
		} else {
			rows = append(rows, []string{strconv.Itoa(n.Rank), n.Name, n.Code, n.Unit, n.Window, score(n.Score)})
		}
		if n.Tied {
			ties = appendTie(ties, shortlist, n)
		}
	}
	if rec.Kind == models.SelectWindow {
		doc.Table([]typeset.Column{{Title: "名次", Width: 1.6, Center: true}, {Title: "编号", Width: 1.8, Center: true},
			{Title: "窗口名称", Width: 5.6}, {Title: "派驻单位", Width: 5.6}, {Title: "得分", Width: 2.2, Center: true}}, rows)
	} else {
		doc.Table([]typeset.Column{{Title: "名次", Width: 1.2, Center: true}, {Title: "姓名", Width: 2}, {Title: "工号", Width: 1.8, Center: true},
			{Title: "派驻单位", Width: 4.8}, {Title: "窗口", Width: 5.6}, {Title: "平均分", Width: 2, Center: true}}, rows)
	}
	if len(ties) > 0 {
		doc.Plain("并列情况："+strings.Join(ties, "；")+"。按排名规则的次序仅供参考，由评选会投票决定。", typeset.SmallStyle)
	}

	doc.Heading1("二、具备评选资格的排名")
	var ranked, vetoed [][]string
	for _, c := range rec.Candidates {
		if c.Eligible {
			months := make([]string, len(c.MonthScores))
			for i, m := range c.MonthScores {
				months[i] = score(m)
			}
			row := []string{strconv.Itoa(c.Rank), c.Name, score(c.Score), strings.Join(months, "/"), rateText(c.Rate), strconv.Itoa(c.Cases)}
			if rec.Kind == models.SelectWindow {
				row = []string{strconv.Itoa(c.Rank), c.Code + " " + c.Name, score(c.Score), rateText(c.Rate), c.Tie}
			}
			ranked = append(ranked, row)
		} else {
			vetoed = append(vetoed, []string{c.Name, orDash(strings.Join(c.Reasons, "；"))})
		}
	}
	if rec.Kind == models.SelectWindow {
		doc.Table([]typeset.Column{{Title: "名次", Width: 1.4, Center: true}, {Title: "窗口", Width: 5}, {Title: "得分", Width: 1.8, Center: true},
			{Title: "满意率", Width: 2, Center: true}, {Title: "同分说明", Width: 7}}, ranked)
	} else {
		doc.Table([]typeset.Column{{Title: "名次", Width: 1.6, Center: true}, {Title: "姓名", Width: 3}, {Title: "平均分", Width: 2.2, Center: true},
			{Title: "各月得分", Width: 4.4, Center: true}, {Title: "满意率", Width: 2.2, Center: true}, {Title: "办结", Width: 1.8, Center: true}}, ranked)
	}
	doc.Heading1("三、不具备评选资格的" + map[bool]string{true: "窗口", false: "人员"}[rec.Kind == models.SelectWindow])
	if len(vetoed) == 0 {
		doc.Paragraph("无。")
	} else {
		doc.Table([]typeset.Column{{Title: "名称", Width: 3}, {Title: "原因（一票否决或记录不足）", Width: 14}}, vetoed)
	}
	if qs != nil {
		doc.Heading1("四、" + subjectWord(rec.Kind) + "得分明细")
		for i, n := range shortlist {
			for _, c := range qs.Candidates {
				if c.StaffID != n.SubjectID {
					continue
				}
				doc.Heading2(fmt.Sprintf("（%s）%s（%s，%s）平均%s分", chineseNumber(i+1), c.Name, c.EmployeeNo, c.WindowCode, score(c.Mean)))
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
		}
	}
	doc.Signature(p.office.Name+"综合业务科", chineseDate(p.printTime(opt)), false)
	return output(doc, w)
}

// appendTie adds the tie of n's group once: "周𠮷、陈玥同分100；满意率、办结件数也相同，并列第2名".
func appendTie(ties []string, list []models.SelectionNominee, n models.SelectionNominee) []string {
	var names []string
	for _, o := range list {
		if o.Tied && o.Score == n.Score {
			names = append(names, o.Name)
		}
	}
	if names[0] != n.Name {
		return ties // said with the first of the group
	}
	how := n.TieNote
	if i := strings.Index(how, "；"); i >= 0 {
		how = how[i+len("；"):]
	}
	return append(ties, fmt.Sprintf("%s同分%s，%s", strings.Join(names, "、"), score(n.Score), how))
}

func rateText(r float64) string {
	if r < 0 {
		return "—"
	}
	return strconv.FormatFloat(float64(int(r*10+0.5))/10, 'f', -1, 64) + "%"
}

// ballot prints the 表决票: one page, the shortlist only, 无记名 unless the
// options ask for a 记名 vote, a box each for 同意 ○, 不同意 × and 弃权, and
// lines to write in another candidate (另选他人).
func (p *printer) ballot(rec models.SelectionRecord, opt PrintOptions, w io.Writer) error {
	if err := refuseBefore(rec, models.StageNominated, "表决票"); err != nil {
		return err
	}
	title := selectionTitle(rec) + "评选表决票"
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return err
	}
	doc.Title(title)
	mode := "（无记名投票）"
	if opt.NamedBallot {
		mode = "（记名投票）"
	}
	doc.Centered(mode, typeset.BodyStyle)
	places := rec.Selection.Places
	var short []models.SelectionNominee
	for _, n := range rec.Nominees {
		if !n.WriteIn {
			short = append(short, n)
		}
	}
	kind := "差额"
	if len(short) <= places {
		kind = "等额"
	}
	doc.Plain(fmt.Sprintf("说明：1.本次评选名额%d名，%s%d名，%s评选，%s按得分排名为序。2.同意的在“同意”栏内划“○”，不同意的在“不同意”栏内划“×”，弃权的在“弃权”栏内划“○”；每名%s只能划一栏，不划或多划的视为弃权。3.另选他人的，在“另选他人”栏内写明姓名（须具备评选资格），并在其“同意”栏内划“○”。4.同意（含另选）超过%d名的，本票无效。",
		places, subjectWord(rec.Kind), len(short), kind, subjectWord(rec.Kind), subjectWord(rec.Kind), places), typeset.SmallStyle)
	var rows [][]string
	for i, n := range short {
		rows = append(rows, []string{strconv.Itoa(i + 1), nomineeLabel(rec.Kind, n), "", "", ""})
	}
	for i := 0; i < min(places, 3); i++ {
		rows = append(rows, []string{"", "另选他人：", "", "", ""})
	}
	doc.Table([]typeset.Column{{Title: "序号", Width: 1.4, Center: true}, {Title: subjectWord(rec.Kind), Width: 5.6},
		{Title: "同意（○）", Width: 3, Center: true}, {Title: "不同意（×）", Width: 3.4, Center: true}, {Title: "弃权", Width: 2, Center: true}}, rows)
	if opt.NamedBallot {
		doc.Fields(typeset.Field{Label: "投票人（签名）：", Chars: 8})
	}
	doc.Right(p.office.Name+"　"+models.PeriodTitle(rec.Period)+"评选会", typeset.SmallStyle, 0)
	return output(doc, w)
}

// tallySheet prints the 计票单: the ballots and each candidate's votes by
// round with the result, signed by the 监票人 and the 计票人. Before the
// meeting is recorded it is a blank sheet to count on.
func (p *printer) tallySheet(rec models.SelectionRecord, opt PrintOptions, w io.Writer) error {
	if err := refuseBefore(rec, models.StageNominated, "计票单"); err != nil {
		return err
	}
	title := selectionTitle(rec) + "评选计票单"
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return err
	}
	doc.Title(title)
	sel := rec.Selection
	held := models.StageIndex(rec.Stage) >= models.StageIndex(models.StageMeeting)
	num := func(n int) string {
		if !held {
			return ""
		}
		return strconv.Itoa(n)
	}
	day := ""
	if held {
		day = sel.MeetingOn.Chinese()
	}
	doc.Fields(typeset.Field{Label: "评选会日期：", Value: day, Chars: 8}, typeset.Field{Label: "名额：", Value: strconv.Itoa(sel.Places), Chars: 3})
	doc.Fields(typeset.Field{Label: "应到", Value: num(sel.Expected), Chars: 2}, typeset.Field{Label: "人，实到", Value: num(sel.Present), Chars: 2},
		typeset.Field{Label: "人", Chars: 0})
	doc.Fields(typeset.Field{Label: "发出表决票", Value: num(sel.BallotsIssued), Chars: 2}, typeset.Field{Label: "张，收回", Value: num(sel.BallotsReturned), Chars: 2},
		typeset.Field{Label: "张，其中无效", Value: num(sel.BallotsInvalid), Chars: 2}, typeset.Field{Label: "张", Chars: 0})
	r := rec.Rules
	cols := []typeset.Column{{Title: "序号", Width: 1.6, Center: true}, {Title: subjectWord(rec.Kind), Width: 5.2},
		{Title: "同意", Width: 1.8, Center: true}, {Title: "不同意", Width: 2.4, Center: true}, {Title: "弃权", Width: 1.8, Center: true}, {Title: "结果", Width: 4.8}}
	rounds := rec.Rounds()
	var rows [][]string
	i := 0
	for _, n := range rec.Nominees {
		label := nomineeLabel(rec.Kind, n)
		if n.WriteIn {
			label = "另选：" + label
		}
		i++
		row := []string{strconv.Itoa(i), label, "", "", "", ""}
		if v, ok := rec.VotesOf(n.SubjectID, 1); ok {
			row[2], row[3], row[4] = strconv.Itoa(v.Agree), strconv.Itoa(v.Disagree), strconv.Itoa(v.Abstain)
			row[5] = firstRoundResult(rec, n.SubjectID)
		}
		rows = append(rows, row)
	}
	if !held {
		for k := 0; k < 2; k++ {
			rows = append(rows, []string{"", "另选：", "", "", "", ""})
		}
	}
	doc.Heading1("一、第一轮投票")
	doc.Table(cols, rows)
	for k := 1; k < len(rounds); k++ {
		doc.Heading1(fmt.Sprintf("%s、第%s轮投票（并列者再次投票）", chineseNumber(k+1), chineseNumber(k+1)))
		var rr [][]string
		for j, v := range rounds[k] {
			n, _ := rec.Nominee(v.SubjectID)
			result := "未当选"
			if rec.Tally.IsElected(v.SubjectID) {
				result = "当选"
			} else if contains(rec.Tally.Runoff, v.SubjectID) {
				result = "仍并列，须再次投票"
			}
			rr = append(rr, []string{strconv.Itoa(j + 1), nomineeLabel(rec.Kind, n), strconv.Itoa(v.For), strconv.Itoa(v.Against), strconv.Itoa(v.Abstain), result})
		}
		doc.Table(cols, rr)
	}
	need := "至少" + strconv.Itoa(r.MajorityNeed(sel.Present)) + "票"
	if !held {
		need = "以实到人数计"
	}
	doc.Plain(fmt.Sprintf("当选规则：%s（%s）；%s；过半数者多于名额的，按同意票多少取足名额，得票相同而超出名额的，对并列者再次投票。",
		r.MajorityRule(), need, r.QuorumRule()), typeset.SmallStyle)
	scrutineer, teller := "", ""
	if held {
		scrutineer, teller = sel.Scrutineer, sel.Teller
	}
	doc.Fields(typeset.Field{Label: "监票人：", Value: scrutineer, Chars: 5}, typeset.Field{Label: "签名：", Chars: 8})
	doc.Fields(typeset.Field{Label: "计票人：", Value: teller, Chars: 5}, typeset.Field{Label: "签名：", Chars: 8})
	return output(doc, w)
}

func contains(ids []uint, id uint) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// firstRoundResult says what the first round gave a candidate.
func firstRoundResult(rec models.SelectionRecord, id uint) string {
	v, _ := rec.VotesOf(id, 1)
	switch {
	case !rec.Rules.HasMajority(v.Agree, rec.Selection.Present):
		return "未过半数"
	case contains(rec.Tally.Runoff, id):
		return "过半数，并列，须再次投票"
	case rec.Tally.IsElected(id) && len(rec.Rounds()) > 1 && voted(rec, id, 2):
		return "过半数，并列，再次投票当选"
	case rec.Tally.IsElected(id):
		return "过半数，当选"
	case len(rec.Rounds()) > 1 && voted(rec, id, 2):
		return "过半数，并列，再次投票未当选"
	}
	return "过半数，名额已满未当选"
}

func voted(rec models.SelectionRecord, id uint, round int) bool {
	_, ok := rec.VotesOf(id, round)
	return ok
}

// minutes prints the 会议记录 of the selection meeting, with lines for the
// chair, the recorder, the 监票人 and the 计票人 to sign.
func (p *printer) minutes(rec models.SelectionRecord, opt PrintOptions, w io.Writer) error {
	if err := refuseBefore(rec, models.StageMeeting, "会议记录"); err != nil {
		return err
	}
	sel := rec.Selection
	title := selectionTitle(rec) + "评选会会议记录"
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return err
	}
	doc.Title(title)
	r := rec.Rules
	doc.Fields(typeset.Field{Label: "时间：", Value: sel.MeetingOn.Chinese(), Chars: 8}, typeset.Field{Label: "地点：", Value: orDash(sel.Place), Chars: 8})
	doc.Fields(typeset.Field{Label: "主持人：", Value: orDash(sel.Chair), Chars: 5}, typeset.Field{Label: "记录人：", Value: orDash(sel.Recorder), Chars: 5})
	members := strings.Split(sel.Members, "\n")
	absent := strings.Split(sel.Absent, "\n")
	if sel.Absent == "" {
		absent = nil
	}
	away := map[string]bool{}
	for _, a := range absent {
		away[a] = true
	}
	var here []string
	for _, m := range members {
		if !away[m] {
			here = append(here, m)
		}
	}
	attendance := fmt.Sprintf("应到%d人，实到%d人", sel.Expected, sel.Present)
	if len(absent) > 0 {
		attendance += "，缺席" + strings.Join(absent, "、")
	}
	doc.Paragraph(fmt.Sprintf("出席人员：%s。%s，%s，符合规定，会议有效。", strings.Join(here, "、"), attendance, r.QuorumRule()))
	mode := "无记名投票"
	if sel.Named {
		mode = "记名投票"
	}
	var short []string
	for _, n := range rec.Nominees {
		if !n.WriteIn {
			short = append(short, nomineeLabel(rec.Kind, n))
		}
	}
	diff := "等额"
	if len(short) > sel.Places {
		diff = "差额"
	}
	doc.Paragraph(fmt.Sprintf("会议议程：一是通报%s综合考核计分和%s提名情况；二是审议%s材料；三是以%s方式表决；四是宣布表决结果。监票人%s，计票人%s。",
		models.PeriodTitle(rec.Period), subjectWord(rec.Kind), subjectWord(rec.Kind), mode, sel.Scrutineer, sel.Teller))
	doc.Paragraph(fmt.Sprintf("本次评选名额%d名，%s%d名（%s），%s。", sel.Places, subjectWord(rec.Kind), len(short), diff, strings.Join(short, "、")))
	if sel.Minutes != "" {
		doc.Paragraph("会议情况：" + sel.Minutes)
	}
	doc.Paragraph(fmt.Sprintf("表决情况：发出表决票%d张，收回%d张，其中有效票%d张、无效票%d张。%s。",
		sel.BallotsIssued, sel.BallotsReturned, sel.BallotsReturned-sel.BallotsInvalid, sel.BallotsInvalid, r.MajorityRule()))
	var lines []string
	for _, n := range rec.Nominees {
		lines = append(lines, nomineeLabel(rec.Kind, n)+voteSentence(rec, n.SubjectID))
	}
	doc.Paragraph(strings.Join(lines, "；") + "。")
	var elected []string
	for _, n := range rec.Nominees {
		if rec.Tally.IsElected(n.SubjectID) {
			elected = append(elected, nomineeLabel(rec.Kind, n))
		}
	}
	switch {
	case !rec.Tally.Complete():
		doc.Paragraph("表决结果：尚有并列者须再次投票。")
	case len(elected) == 0:
		doc.Paragraph("表决结果：无" + subjectWord(rec.Kind) + "获得超过半数的同意票，本期不产生拟表彰对象。")
	default:
		doc.Paragraph(fmt.Sprintf("表决结果：%s当选为%s拟表彰对象，按规定进行公示。", strings.Join(elected, "、"), selectionTitle(rec)))
	}
	// the issuer and date keep the last lines with them, and the lines to
	// sign stay with the block
	doc.Signature(p.office.Name+"评选会", sel.MeetingOn.Chinese(), false)
	doc.Fields(typeset.Field{Label: "主持人（签名）：", Chars: 5}, typeset.Field{Label: "记录人（签名）：", Chars: 5},
		typeset.Field{Label: "监票人（签名）：", Chars: 5}, typeset.Field{Label: "计票人（签名）：", Chars: 5})
	return output(doc, w)
}

// voteSentence says a candidate's votes round by round and the outcome:
// "：同意6票、不同意1票、弃权0票，过半数，当选".
func voteSentence(rec models.SelectionRecord, id uint) string {
	v, _ := rec.VotesOf(id, 1)
	out := fmt.Sprintf("：同意%d票、不同意%d票、弃权%d票", v.Agree, v.Disagree, v.Abstain)
	majority := rec.Rules.HasMajority(v.Agree, rec.Selection.Present)
	if majority {
		out += "，过半数"
	} else {
		out += "，未过半数"
	}
	for round := 2; voted(rec, id, round); round++ {
		w, _ := rec.VotesOf(id, round)
		out += fmt.Sprintf("；第%s轮同意%d票", chineseNumber(round), w.Agree)
	}
	switch {
	case rec.Tally.IsElected(id):
		out += "，当选"
	case contains(rec.Tally.Runoff, id):
		out += "，仍并列"
	case majority:
		out += "，未当选"
	}
	return out
}

// publicityNotice prints the 公示: who is to be awarded, the period of the
// 公示 in working days, how to object and whom to contact.
func (p *printer) publicityNotice(rec models.SelectionRecord, opt PrintOptions, w io.Writer) error {
	if err := refuseBefore(rec, models.StagePublicity, "公示"); err != nil {
		return err
	}
	sel := rec.Selection
	title := "关于" + selectionTitle(rec) + "拟表彰对象的公示"
	doc, err := p.newCentreDoc(title, opt.Created)
	if err != nil {
		return err
	}
	p.headed(doc, title)
	proposed := rec.Proposed()
	if rec.Stage == models.StagePublicity || rec.Decided() {
		// the 公示 shows what was published: the meeting's result
		proposed = nil
		for _, n := range rec.Nominees {
			if rec.Tally.IsElected(n.SubjectID) {
				proposed = append(proposed, n)
			}
		}
	}
	mode := "无记名投票"
	if sel.Named {
		mode = "记名投票"
	}
	who := fmt.Sprintf("以下%d名同志", len(proposed))
	if rec.Kind == models.SelectWindow {
		who = fmt.Sprintf("以下%d个窗口", len(proposed))
	}
	doc.Paragraph(fmt.Sprintf("根据中心窗口考核办法，经综合考核计分、提名和%s评选会%s表决，拟授予%s%s荣誉称号。为广泛听取意见，现予公示。",
		sel.MeetingOn.Chinese(), mode, who, selectionTitle(rec)))
	var rows [][]string
	for i, n := range proposed {
		if rec.Kind == models.SelectWindow {
			rows = append(rows, []string{strconv.Itoa(i + 1), n.Code, n.Name, n.Unit})
		} else {
			rows = append(rows, []string{strconv.Itoa(i + 1), n.Name, n.Code, n.Unit, n.Window})
		}
	}
	if rec.Kind == models.SelectWindow {
		doc.Table([]typeset.Column{{Title: "序号", Width: 1.4, Center: true}, {Title: "窗口编号", Width: 2.2, Center: true}, {Title: "窗口名称", Width: 6}, {Title: "派驻单位", Width: 6}}, rows)
	} else {
		doc.Table([]typeset.Column{{Title: "序号", Width: 1.4, Center: true}, {Title: "姓名", Width: 2.6}, {Title: "工号", Width: 2.2},
			{Title: "派驻单位", Width: 5}, {Title: "窗口", Width: 5}}, rows)
	}
	doc.Paragraph(fmt.Sprintf("公示期：%s至%s（%d个工作日）。", sel.PublicityFrom.Chinese(), sel.PublicityTo.Chinese(), sel.PublicityDays))
	doc.Paragraph("公示期间，对拟表彰对象有异议的，可以书面、电话或当面向" + sel.Contact + "反映。反映情况应实事求是，请写明反映人的真实姓名（单位）和联系方式，以便核实和反馈；期满后收到的意见不再作为公示异议受理。")
	p.signed(doc, sel.PublicityFrom.Chinese())
	return output(doc, w)
}

// objectionsText says how the 公示 went: "经公示无异议", or the objections
// and how they were resolved (without naming who raised them).
func objectionsText(rec models.SelectionRecord) string {
	sel := rec.Selection
	span := fmt.Sprintf("于%s至%s公示", sel.PublicityFrom.Chinese(), sel.PublicityTo.Chinese())
	if len(rec.Objections) == 0 {
		return span + "，经公示无异议"
	}
	var parts []string
	for _, o := range rec.Objections {
		about := "评选工作"
		if n, ok := rec.Nominee(o.SubjectID); ok {
			about = n.Name
		}
		verdict := "不成立"
		if o.Upheld {
			verdict = "成立，不予表彰"
		}
		parts = append(parts, fmt.Sprintf("反映%s的异议，经核查%s（%s）", about, verdict, strings.TrimRight(o.Outcome, "。")))
	}
	return fmt.Sprintf("%s，公示期间收到异议%d件，均已核查处理：%s", span, len(rec.Objections), strings.Join(parts, "；"))
}

// commendation prints the 表彰决定 of a decided selection, under a 文号
// kept per period: the honourees in ranking order, dated the decision.
func (p *printer) commendation(rec models.SelectionRecord, opt PrintOptions, w io.Writer) error {
	if err := refuseBefore(rec, models.StageDecided, "表彰决定"); err != nil {
		return err
	}
	if err := refuseChanged(rec, "表彰决定"); err != nil {
		return err
	}
	awarded := rec.Awarded()
	if len(awarded) == 0 {
		return fmt.Errorf("%s决定不授予，没有表彰决定可打印", rec.Title())
	}
	sel := rec.Selection
	title := "关于表彰" + selectionTitle(rec) + "的决定"
	if rec.Kind == models.SelectWindow {
		title = "关于命名" + selectionTitle(rec) + "的决定"
	}
	doc, err := p.newCentreDoc(title, opt.Created)
	if err != nil {
		return err
	}
	p.issuedAt = sel.DecidedOn.Start()
	issue, err := p.number(doc, models.CommendationKind, rec.Title(), rec.Period, opt)
	if err != nil {
		return err
	}
	names := make([]string, len(awarded))
	for i, n := range awarded {
		names[i] = nomineeLabel(rec.Kind, n)
	}
	p.headed(doc, title)
	doc.Addressee("各进驻窗口单位：")
	basis := fmt.Sprintf("经综合考核计分、提名，%s评选会表决，%s", sel.MeetingOn.Chinese(), objectionsText(rec))
	if sel.Legacy {
		basis = "经综合考核计分和" + sel.DecidedOn.Chinese() + "评选会研究"
	}
	if rec.Kind == models.SelectWindow {
		doc.Paragraph(fmt.Sprintf("%s，各进驻窗口认真落实服务规范和服务承诺，涌现出一批群众满意的窗口。%s，决定命名%s等%d个窗口为%s。",
			models.PeriodTitle(rec.Period), basis, strings.Join(names, "、"), len(awarded), selectionTitle(rec)))
		doc.Paragraph("希望受命名的窗口珍惜荣誉、保持水平。各窗口要以先进为榜样，不断提升政务服务水平。")
	} else {
		doc.Paragraph(models.PeriodTitle(rec.Period) + "，全体窗口工作人员认真践行“一次告知、一窗受理、一次办结”的服务承诺，涌现出一批业务精、作风实、群众满意的先进典型。" +
			basis + "，决定授予" + strings.Join(names, "、") + "等" + strconv.Itoa(len(awarded)) + "名同志“服务明星”荣誉称号，予以通报表彰。")
		doc.Paragraph("希望受表彰的同志珍惜荣誉、再接再厉，充分发挥示范带头作用。各窗口工作人员要以先进为榜样，立足岗位、热情服务，不断提升政务服务水平。")
	}
	p.signed(doc, chineseDate(p.printTime(opt)))
	return issue(w)
}
