package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"govdesk/models"
)

func sampleQuarter() models.QuarterScores {
	r := models.DefaultScoringRules()
	mk := func(month, no, name, win string, s float64, items ...models.ScoreItem) models.PersonScore {
		id, _ := strconv.Atoi(no[2:])
		return models.PersonScore{Month: month, StaffID: uint(id), EmployeeNo: no, Name: name, WindowCode: win, Resident: true, Score: s, Items: items, Satisfied: 9, Rated: 10}
	}
	months := [][]models.PersonScore{
		{mk("2026-10", "ZW001", "王堃", "A01", 101, models.ScoreItem{On: models.NewDate(2026, 10, 9), Source: "表扬", Label: "10月9日 锦旗", Points: 1}),
			mk("2026-10", "ZW003", "周𠮷", "A03", 99, models.ScoreItem{On: models.NewDate(2026, 10, 12), Source: "考勤", Label: "10月12日 上午 迟到3分钟", Points: -1})},
		{mk("2026-11", "ZW001", "王堃", "A01", 100), mk("2026-11", "ZW003", "周𠮷", "A03", 100)},
	}
	months[1][1].StarVetoes = []string{"11月5日 投诉属实：服务用语不当"}
	return models.QuarterScores{Quarter: "2026Q4", Months: []string{"2026-10", "2026-11", "2026-12"}, Candidates: models.RankStars(months, r)}
}

func TestSelectionMeetingPapers(t *testing.T) {
	st := openStore(t)
	p, err := newPrinter(st)
	must(t, err)
	qs := sampleQuarter()
	decided := time.Date(2027, 1, 8, 10, 0, 0, 0, models.CentreZone)
	awards := []Award{{Name: "王堃", EmployeeNo: "ZW001", Window: "A01"}, {Name: "周𠮷", EmployeeNo: "ZW003", Window: "A03"}}
	papers := map[string]func(*bytes.Buffer) error{
		"候选人材料": func(b *bytes.Buffer) error { return p.nomineePack(qs, fixedPDF, b) },
		"表决票":   func(b *bytes.Buffer) error { return p.ballot(qs, fixedPDF, b) },
		"表彰决定":  func(b *bytes.Buffer) error { return p.commendation(qs.Quarter, awards, decided, fixedPDF, b) },
		"荣誉证书":  func(b *bytes.Buffer) error { return p.certificates(qs.Quarter, awards, decided, fixedPDF, b) },
	}
	want := map[string][]string{
		"候选人材料": {"2026年第四季度“服务明星”候选人材料", "默认规则", "王堃", "100.5", "101/100", "周", "投诉属实：服务用语不当", "10月9日锦旗（+1）"},
		"表决票":   {"表决票", "最多选5人", "王堃", "100.5", "投票人（签名）"},
		"表彰决定":  {"关于表彰2026年第四季度“服务明星”的决定", "王堃（A01）", "2027年1月8日", "各进驻窗口单位："},
		"荣誉证书":  {"荣誉证书", "王堃同志：", "服务明星", "特发此证"},
	}
	for name, print := range papers {
		var b bytes.Buffer
		if err := print(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if dir := os.Getenv("NOTICE_OUT"); dir != "" {
			os.WriteFile(filepath.Join(dir, name+".pdf"), b.Bytes(), 0o644)
		}
		text := flat(pdfText(t, b.Bytes()))
		for _, w := range want[name] {
			if !strings.Contains(text, flat(w)) {
				t.Errorf("%s: %q missing:\n%s", name, w, text)
			}
		}
	}
}

func TestMonthRankingBulletin(t *testing.T) {
	st := openStore(t)
	p, err := newPrinter(st)
	must(t, err)
	r := models.DefaultScoringRules()
	people := []models.PersonScore{
		{Name: "王堃", WindowID: 1, WindowCode: "A01", Resident: true, Score: 100, Satisfied: 10, Rated: 10},
		{Name: "刘玥", WindowID: 2, WindowCode: "A02", Resident: true, Score: 90, BonusStopped: []string{"11月5日 投诉属实：服务用语不当"},
			WindowVetoes: []models.WindowVeto{{Label: "11月5日 投诉属实：服务用语不当"}}},
	}
	ms := models.MonthScores{Month: "2026-11", People: people,
		Windows: models.ScoreWindows(people, []models.WindowInfo{{ID: 1, Code: "A01", Name: "企业开办综合窗口"}, {ID: 2, Code: "A02", Name: "食品经营许可窗口"}}, r)}
	var b bytes.Buffer
	must(t, p.monthRanking(ms, fixedPDF, &b))
	text := flat(pdfText(t, b.Bytes()))
	for _, w := range []string{"2026年11月“满意窗口”评选结果通报", "A01企业开办综合窗口被评为本月“满意窗口”", "100%", "无资格", "服务用语不当", "月度考核奖扣发名单", "刘玥"} {
		if !strings.Contains(text, flat(w)) {
			t.Errorf("%q missing:\n%s", w, text)
		}
	}
}
