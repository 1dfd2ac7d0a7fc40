package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"govdesk/models"
)

// Exports of the scoring, with the exact columns of EXCHANGE.md.

var scoresMonthHeader = []string{"类型", "编号", "名称", "基础分", "扣分", "加分", "得分", "排名", "评选资格", "取消原因", "满意窗口", "月度考核奖", "同分说明"}

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
	var rows [][]string
	for _, w := range ms.Windows {
		rank := ""
		if w.Eligible() {
			rank = strconv.Itoa(w.Rank)
		}
		rows = append(rows, []string{"窗口", w.Code, w.Name, score(100), score(w.Deductions), score(w.Bonus), score(w.Score),
			rank, haveCN(w.Eligible()), strings.Join(w.Reasons(), "；"), yesNoCN(w.Award), "", w.Tie})
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
			rank, haveCN(ranks[i] > 0), strings.Join(append(append([]string(nil), p.StarVetoes...), p.RecordGaps...), "；"), "", bonus, ""})
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
	header := []string{"工号", "姓名", "窗口编号", "季度平均分", "排名", "评选资格", "取消原因", "服务明星", "同分说明"}
	rows := make([][]string, len(qs.Candidates))
	for i, c := range qs.Candidates {
		rank := ""
		if c.Eligible() {
			rank = strconv.Itoa(c.Rank)
		}
		rows[i] = []string{c.EmployeeNo, c.Name, c.WindowCode, score(c.Mean), rank, haveCN(c.Eligible()), strings.Join(c.Reasons(), "；"),
			yesNoCN(c.Award), c.Tie}
	}
	return "季度评分", header, rows, nil
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

// MeetingPaper names a paper of the quarterly selection meeting.
type MeetingPaper string

// The papers of the selection meeting.
const (
	NomineePack  MeetingPaper = "候选人材料"
	Ballot       MeetingPaper = "表决票"
	Commendation MeetingPaper = "表彰决定"
	Certificates MeetingPaper = "荣誉证书"
)

// PrintMeetingPaper prints one paper of a quarter's selection meeting. The
// 表彰决定 and 荣誉证书 need the meeting's decision recorded first.
func PrintMeetingPaper(st *models.Store, quarter string, paper MeetingPaper, opt PrintOptions, w io.Writer) error {
	return retryTaken(func() error { return printMeetingPaper(st, quarter, paper, opt, w) })
}

func printMeetingPaper(st *models.Store, quarter string, paper MeetingPaper, opt PrintOptions, w io.Writer) error {
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	switch paper {
	case NomineePack, Ballot:
		qs, err := st.ScoreQuarter(quarter)
		if err != nil {
			return err
		}
		if paper == NomineePack {
			return p.nomineePack(qs, opt, w)
		}
		return p.ballot(qs, opt, w)
	case Commendation, Certificates:
		ds, err := st.AwardDecisions(strings.ToUpper(quarter))
		if err != nil {
			return err
		}
		var awards []Award
		var decided models.Date
		for _, d := range ds {
			if d.Awarded {
				awards = append(awards, Award{Name: d.Staff.Name, EmployeeNo: d.Staff.EmployeeNo, Window: d.Staff.Window.Code, HomeUnit: d.Staff.HomeUnit.Name})
				decided = d.DecidedOn
			}
		}
		if len(awards) == 0 {
			return fmt.Errorf("%s还没有记录评选会决定：请先在评选会中记录授予服务明星的人员", QuarterTitle(strings.ToUpper(quarter)))
		}
		if paper == Commendation {
			return p.commendation(strings.ToUpper(quarter), awards, decided.Start(), opt, w)
		}
		return p.certificates(strings.ToUpper(quarter), awards, decided.Start(), opt, w)
	}
	return fmt.Errorf("没有“%s”这种评选文书", paper)
}
