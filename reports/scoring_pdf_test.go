package reports

import (
	"bytes"
	"strings"
	"testing"

	"govdesk/models"
)

func TestMonthRankingBulletin(t *testing.T) {
	r := models.DefaultScoringRules()
	people := []models.PersonScore{
		{Name: "王堃", WindowID: 1, WindowCode: "A01", Resident: true, Score: 100, Satisfied: 10, Rated: 10},
		{Name: "刘玥", WindowID: 2, WindowCode: "A02", Resident: true, Score: 90, BonusStopped: []string{"11月5日 投诉属实：服务用语不当"},
			WindowVetoes: []models.WindowVeto{{Label: "11月5日 投诉属实：服务用语不当"}}},
	}
	ms := models.MonthScores{Month: "2026-11", People: people, State: models.ScoreClosed,
		Windows: models.ScoreWindows(people, []models.WindowInfo{{ID: 1, Code: "A01", Name: "企业开办综合窗口"}, {ID: 2, Code: "A02", Name: "食品经营许可窗口"}}, r)}
	for _, tc := range []struct {
		name    string
		state   string
		want    []string
		notWant []string
	}{
		{"a closed month is issued under a 文号", models.ScoreClosed,
			[]string{"2026年11月“满意窗口”考核得分通报", "A01企业开办综合窗口为本月“满意窗口”候选窗口", "经评选会评议并公示后", "100%", "无资格", "服务用语不当", "月度考核奖扣发名单", "刘玥", "乌政服评〔2026〕1号"},
			[]string{"3个工作日内", "被评为", "草稿"}},
		{"a draft month prints as a preview only", models.ScoreDraft,
			[]string{"草稿：本月评分尚未封帐", PreviewDocNo}, []string{"乌政服评"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := openStore(t)
			p, err := newPrinter(st)
			must(t, err)
			ms.State = tc.state
			var b bytes.Buffer
			must(t, p.monthRanking(ms, fixedPDF, &b))
			text := flat(pdfText(t, b.Bytes()))
			for _, w := range tc.want {
				if !strings.Contains(text, flat(w)) {
					t.Errorf("%q missing:\n%s", w, text)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(text, flat(w)) {
					t.Errorf("%q printed:\n%s", w, text)
				}
			}
		})
	}
}
