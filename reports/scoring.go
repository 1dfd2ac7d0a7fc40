package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"govdesk/models"
)

// Exports of the scoring, with the exact columns of EXCHANGE.md.

// scoresMonthHeader ends with what the selection decided: 评选决定 (授予 /
// 未授予 once decided), 得票 and the 文号 of the 表彰决定, added after the
// exchange specification and so last.
var scoresMonthHeader = []string{"类型", "编号", "名称", "基础分", "扣分", "加分", "得分", "排名", "评选资格", "取消原因", "满意窗口", "月度考核奖", "同分说明",
	"评选决定", "得票", "文号"}

func yesNoCN(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func haveCN(b bool) string {
	if b {
		return "有"
	}
	return "无"
}

func exportScoresMonth(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	if opt.Month == "" {
		return "", nil, nil, fmt.Errorf("导出月度评分须指定月份，例如 2026-11（命令行：--month 2026-11）")
	}
	ms, err := st.ScoreMonth(opt.Month)
	if err != nil {
		return "", nil, nil, err
	}
	rec, err := st.SelectionOf(models.SelectWindow, ms.Month)
	if err != nil {
		return "", nil, nil, err
	}
	var rows [][]string
	for _, w := range ms.Windows {
		rank := ""
		if w.Eligible() {
			rank = strconv.Itoa(w.Rank)
		}
		rows = append(rows, []string{"窗口", w.Code, w.Name, score(100), score(w.Deductions), score(w.Bonus), score(w.Score),
			rank, haveCN(w.Eligible()), strings.Join(w.Reasons(), "；"), yesNoCN(w.Award), "", w.Tie,
			rec.Result(w.WindowID), rec.VoteText(w.WindowID), awardDocNo(rec, w.WindowID)})
	}
	people, ranks := models.RankPeople(ms.People)
	for i, p := range people {
		rank := ""
		if ranks[i] > 0 {
			rank = strconv.Itoa(ranks[i])
		}
		bonus := "正常"
		if len(p.BonusStopped) > 0 {
			bonus = "扣发"
		}
		rows = append(rows, []string{"人员", p.EmployeeNo, p.Name, score(p.Base), score(p.Deductions), score(p.Bonus), score(p.Score),
			rank, haveCN(ranks[i] > 0), strings.Join(append(append([]string(nil), p.StarVetoes...), p.RecordGaps...), "；"), "", bonus, "", "", "", ""})
	}
	return "月度评分", scoresMonthHeader, rows, nil
}

func exportScoresQuarter(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	if opt.Quarter == "" {
		return "", nil, nil, fmt.Errorf("导出季度评分须指定季度，例如 2026Q4（命令行：--quarter 2026Q4）")
	}
	qs, err := st.ScoreQuarter(opt.Quarter)
	if err != nil {
		return "", nil, nil, err
	}
	rec, err := st.SelectionOf(models.SelectStar, qs.Quarter)
	if err != nil {
		return "", nil, nil, err
	}
	// 服务明星 is the ranking's proposal; the meeting's decision, its votes
	// and the 表彰决定's 文号 come last, added after the exchange specification
	header := []string{"工号", "姓名", "窗口编号", "季度平均分", "排名", "评选资格", "取消原因", "服务明星", "同分说明", "评选决定", "得票", "文号"}
	rows := make([][]string, len(qs.Candidates))
	for i, c := range qs.Candidates {
		rank := ""
		if c.Eligible() {
			rank = strconv.Itoa(c.Rank)
		}
		rows[i] = []string{c.EmployeeNo, c.Name, c.WindowCode, score(c.Mean), rank, haveCN(c.Eligible()), strings.Join(c.Reasons(), "；"),
			yesNoCN(c.Award), c.Tie, rec.Result(c.StaffID), rec.VoteText(c.StaffID), awardDocNo(rec, c.StaffID)}
	}
	return "季度评分", header, rows, nil
}

// awardDocNo is the 文号 of the 表彰决定 that awards a candidate, or "".
func awardDocNo(rec models.SelectionRecord, subject uint) string {
	if rec.Result(subject) != "授予" {
		return ""
	}
	return rec.DocNo()
}

// PrintMonthRanking prints the monthly 满意窗口 ranking bulletin.
func PrintMonthRanking(st *models.Store, month string, opt PrintOptions, w io.Writer) error {
	return retryTaken(func() error { return printMonthRanking(st, month, opt, w) })
}

func printMonthRanking(st *models.Store, month string, opt PrintOptions, w io.Writer) error {
	ms, err := st.ScoreMonth(month)
	if err != nil {
		return err
	}
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	return p.monthRanking(ms, opt, w)
}

// MeetingPaper names a paper of a selection (评选).
type MeetingPaper string

// The papers of a selection, in the order its steps need them.
const (
	NomineePack     MeetingPaper = "候选人材料"
	Ballot          MeetingPaper = "表决票"
	TallySheet      MeetingPaper = "计票单"
	Minutes         MeetingPaper = "会议记录"
	PublicityNotice MeetingPaper = "公示"
	Commendation    MeetingPaper = "表彰决定"
	Certificates    MeetingPaper = "荣誉证书"
)

// SelectionPapers are the papers of a selection kind, in order.
func SelectionPapers(kind string) []MeetingPaper {
	out := []MeetingPaper{NomineePack, Ballot, TallySheet, Minutes, PublicityNotice, Commendation}
	if kind == models.SelectStar {
		out = append(out, Certificates)
	}
	return out
}

// PrintSelectionPaper prints one paper of a selection (kind
// models.SelectStar for a quarter "2026Q4", models.SelectWindow for a month
// "2026-11"). Each paper is printed only once its step is reached: the
// 表决票 and 计票单 after the shortlist, the 会议记录 after the meeting, the
// 公示 once started, the 表彰决定 and 荣誉证书 after the decision.
func PrintSelectionPaper(st *models.Store, kind, period string, paper MeetingPaper, opt PrintOptions, w io.Writer) error {
	return retryTaken(func() error { return printSelectionPaper(st, kind, period, paper, opt, w) })
}

func printSelectionPaper(st *models.Store, kind, period string, paper MeetingPaper, opt PrintOptions, w io.Writer) error {
	rec, err := st.SelectionOf(kind, period)
	if err != nil {
		return err
	}
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	switch paper {
	case NomineePack:
		var qs *models.QuarterScores
		if kind == models.SelectStar {
			q, err := st.ScoreQuarter(rec.Period)
			if err != nil {
				return err
			}
			qs = &q
		}
		return p.nomineePack(rec, qs, opt, w)
	case Ballot:
		return p.ballot(rec, opt, w)
	case TallySheet:
		return p.tallySheet(rec, opt, w)
	case Minutes:
		return p.minutes(rec, opt, w)
	case PublicityNotice:
		return p.publicityNotice(rec, opt, w)
	case Commendation:
		return p.commendation(rec, opt, w)
	case Certificates:
		if kind != models.SelectStar {
			return fmt.Errorf("荣誉证书只为服务明星印制")
		}
		if err := refuseBefore(rec, models.StageDecided, "荣誉证书"); err != nil {
			return err
		}
		if err := refuseChanged(rec, "荣誉证书"); err != nil {
			return err
		}
		var awards []Award
		for _, n := range rec.Awarded() {
			code := n.Window
			if i := strings.IndexByte(code, ' '); i > 0 {
				code = code[:i]
			}
			awards = append(awards, Award{Name: n.Name, EmployeeNo: n.Code, Window: code, HomeUnit: n.Unit})
		}
		if len(awards) == 0 {
			return fmt.Errorf("%s决定不授予，没有荣誉证书可打印", rec.Title())
		}
		return p.certificates(rec.Period, awards, rec.Selection.DecidedOn.Start(), opt, w)
	}
	return fmt.Errorf("没有“%s”这种评选文书", paper)
}
