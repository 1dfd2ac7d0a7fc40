package models

import (
	"fmt"
	"strings"
	"testing"
)

func nov(day int) Date { return NewDate(2026, 11, day) }

// halfDay builds an attendance day with one half's findings.
func attendanceWith(days ...DayResult) *MonthSummary {
	return &MonthSummary{Month: "2026-11", Days: days}
}

func TestScorePersonEachSource(t *testing.T) {
	r := DefaultScoringRules()
	late := DayResult{Date: nov(3), Working: true}
	late.Halves[0].LateMinutes = 11
	early := DayResult{Date: nov(4), Working: true}
	early.Halves[1].EarlyMinutes = 5
	missing := DayResult{Date: nov(5), Working: true}
	missing.Halves[1].Missing = 1
	absent := DayResult{Date: nov(18), Working: true}
	absent.Halves[0].Absent = true
	cases := []struct {
		name string
		in   PersonMonthInput
		want float64
	}{
		{"全月无记录得100分", PersonMonthInput{Resident: true}, 100},
		{"迟到一次扣1分", PersonMonthInput{Attendance: attendanceWith(late)}, 99},
		{"早退一次扣1分", PersonMonthInput{Attendance: attendanceWith(early)}, 99},
		{"缺卡一次扣2分", PersonMonthInput{Attendance: attendanceWith(missing)}, 98},
		{"旷工半天扣5分", PersonMonthInput{Attendance: attendanceWith(absent)}, 95},
		{"迟到早退4次折算旷工半天另扣5分", PersonMonthInput{Attendance: &MonthSummary{Month: "2026-11", LateCount: 4, LateEarlyAbsentDays: 0.5}}, 95},
		{"擅离岗位2小时内扣3分", PersonMonthInput{Attendance: &MonthSummary{Month: "2026-11", AwayCount: 1}}, 97},
		{"擅离超过2小时折算旷工半天扣5分", PersonMonthInput{Attendance: &MonthSummary{Month: "2026-11", AwayAbsentDays: 0.5}}, 95},
		{"服务规范违规扣2分", PersonMonthInput{Conduct: []ConductFact{{Kind: "违规", Category: "服务规范", Deducts: true}}}, 98},
		{"工作纪律违规扣2分", PersonMonthInput{Conduct: []ConductFact{{Kind: "违规", Category: "工作纪律", Deducts: true}}}, 98},
		{"一次性告知违规扣3分", PersonMonthInput{Conduct: []ConductFact{{Kind: "违规", Category: "一次性告知", Deducts: true}}}, 97},
		{"服务承诺违诺扣3分", PersonMonthInput{Conduct: []ConductFact{{Kind: "违规", Category: "服务承诺违诺", Deducts: true}}}, 97},
		{"着装违规扣1分", PersonMonthInput{Conduct: []ConductFact{{Kind: "违规", Category: "着装", Deducts: true}}}, 99},
		{"投诉属实扣5分，由投诉生成的违规不再扣分", PersonMonthInput{Conduct: []ConductFact{
			{Kind: "投诉", Category: "服务态度", Upheld: true}, {Kind: "违规", Category: "服务规范", Deducts: false}}}, 95},
		{"投诉不属实不扣分", PersonMonthInput{Conduct: []ConductFact{{Kind: "投诉", Category: "服务态度", Upheld: false}}}, 100},
		{"不满意扣1分、非常不满意扣2分", PersonMonthInput{Ratings: []RatingFact{{Level: "不满意"}, {Level: "非常不满意"}, {Level: "满意"}}}, 97},
		{"承诺件超期每个工作日扣2分", PersonMonthInput{Overdue: []OverdueFact{{"A", nov(10)}, {"A", nov(11)}, {"A", nov(12)}}}, 94},
		{"表扬加1分", PersonMonthInput{Commendations: []CommendationFact{{Type: "锦旗"}}}, 101},
		{"加分封顶5分", PersonMonthInput{Commendations: make([]CommendationFact, 7)}, 105},
		{"扣分不设下限", PersonMonthInput{Overdue: make([]OverdueFact, 60)}, -20},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ScorePerson(c.in, r)
			if got.Score != c.want {
				t.Fatalf("score %v, want %v; items %+v", got.Score, c.want, got.Items)
			}
			total := got.Base
			for _, it := range got.Items {
				if it.Points < 0 {
					total += it.Points
				}
			}
			if total+got.Bonus != got.Score {
				t.Fatalf("items do not add up to the score: %v + %v ≠ %v", total, got.Bonus, got.Score)
			}
		})
	}
}

func TestWindowScoreIsMeanOfResidentStaffOnly(t *testing.T) {
	r := DefaultScoringRules()
	people := []PersonScore{
		{StaffID: 1, Name: "王堃", WindowID: 1, Resident: true, Score: 98},
		{StaffID: 2, Name: "李喆", WindowID: 1, Resident: true, Score: 94},
		{StaffID: 3, Name: "替岗", WindowID: 1, Resident: false, Score: 50},
	}
	ws := ScoreWindows(people, []WindowInfo{{ID: 1, Code: "A01"}}, r)
	if ws[0].Score != 96 || ws[0].Members != 2 {
		t.Fatalf("window %+v", ws[0])
	}
}

func TestWindowEligibilityAndTieBreaks(t *testing.T) {
	r := DefaultScoringRules()
	people := []PersonScore{
		{StaffID: 1, WindowID: 1, Resident: true, Score: 99, Satisfied: 9, Rated: 10},
		{StaffID: 2, WindowID: 2, Resident: true, Score: 99, Satisfied: 10, Rated: 10},
		{StaffID: 3, WindowID: 3, Resident: true, Score: 99, Satisfied: 10, Rated: 10, OverdueDays: 1},
		{StaffID: 4, WindowID: 4, Resident: true, Score: 100, Name: "刘玥", WindowVetoes: []WindowVeto{{Label: "11月5日 投诉属实：服务用语不当"}}},
		{StaffID: 5, WindowID: 5, Resident: true, Score: 99, Satisfied: 10, Rated: 10},
	}
	windows := []WindowInfo{{ID: 1, Code: "A01"}, {ID: 2, Code: "A02"}, {ID: 3, Code: "A03"}, {ID: 4, Code: "A04"}, {ID: 5, Code: "A05"}}
	ws := ScoreWindows(people, windows, r)
	var order []string
	for _, w := range ws {
		order = append(order, w.Code)
	}
	// A02 and A05 tie on score and 满意率 and overdue days: window number
	// decides; A03 has an overdue day; A01 a lower 满意率; A04 is vetoed.
	if strings.Join(order, " ") != "A02 A05 A03 A01 A04" {
		t.Fatalf("order %v", order)
	}
	if !ws[0].Award || !ws[2].Award || ws[3].Award || ws[4].Rank != 0 || ws[4].Eligible() {
		t.Fatalf("awards %+v", ws)
	}
	if !strings.Contains(strings.Join(ws[4].Vetoes, ""), "服务用语不当") {
		t.Fatalf("veto reason %v", ws[4].Vetoes)
	}
}

func TestStarsQuarterMeanVetoesAndTies(t *testing.T) {
	r := DefaultScoringRules()
	r.StarAwards = 2
	month := func(scores ...PersonScore) []PersonScore { return scores }
	ps := func(id uint, no string, score float64, absent float64, vetoes ...string) PersonScore {
		return PersonScore{StaffID: id, EmployeeNo: no, Name: no, Resident: true, Score: score, AbsentDays: absent, StarVetoes: vetoes, Satisfied: 1, Rated: 1}
	}
	months := [][]PersonScore{
		month(ps(1, "ZW001", 100, 0), ps(2, "ZW002", 100, 0), ps(3, "ZW003", 104, 0.5), ps(4, "ZW004", 105, 0, "10月8日 一次性告知未履行")),
		month(ps(1, "ZW001", 98, 0), ps(2, "ZW002", 98, 0), ps(3, "ZW003", 104, 0.5), ps(4, "ZW004", 105, 0)),
		month(ps(2, "ZW002", 99, 0)), // ZW001 left the centre: the mean is over the months served
	}
	stars := RankStars(months, r)
	got := map[string]StarCandidate{}
	for _, s := range stars {
		got[s.EmployeeNo] = s
	}
	if got["ZW001"].Mean != 99 || got["ZW002"].Mean != 99 {
		t.Fatalf("means %v %v", got["ZW001"].Mean, got["ZW002"].Mean)
	}
	if got["ZW003"].Eligible() || !strings.Contains(strings.Join(got["ZW003"].Vetoes, ""), "旷工1天") {
		t.Fatalf("旷工 ≥ 1 day in the quarter must disqualify: %+v", got["ZW003"])
	}
	if got["ZW004"].Eligible() {
		t.Fatal("a 一次性告知 violation must disqualify")
	}
	if stars[0].EmployeeNo != "ZW001" || !stars[0].Award || !stars[1].Award {
		t.Fatalf("ranking %+v", stars)
	}
}

func TestRankPeopleMonth(t *testing.T) {
	ps := func(no string, score float64, satisfied, rated, done int) PersonScore {
		return PersonScore{EmployeeNo: no, Name: no, Resident: true, Score: score, Satisfied: satisfied, Rated: rated, CasesDone: done}
	}
	substitute := ps("ZW009", 105, 10, 10, 30)
	substitute.Resident = false
	vetoed := ps("ZW008", 104, 10, 10, 30)
	vetoed.StarVetoes = []string{"11月5日 一次性告知未履行"}
	people := []PersonScore{
		ps("ZW005", 99, 9, 10, 20),  // same score, lower 满意率
		ps("ZW004", 99, 10, 10, 12), // same score and rate, fewer cases done
		substitute,                  // 临时替岗: listed, not ranked
		ps("ZW003", 99, 10, 10, 20), // ties ZW002 on everything: 工号 decides
		vetoed,                      // 服务明星资格取消: listed, not ranked
		ps("ZW002", 99, 10, 10, 20),
		ps("ZW001", 101, 5, 10, 3), // the highest score ranks first whatever the rest
	}
	out, ranks := RankPeople(people)
	var order []string
	for i, p := range out {
		order = append(order, fmt.Sprintf("%s:%d", p.EmployeeNo, ranks[i]))
	}
	want := "ZW001:1 ZW002:2 ZW003:3 ZW004:4 ZW005:5 ZW009:0 ZW008:0"
	if got := strings.Join(order, " "); got != want {
		t.Fatalf("ranking %s\nwant    %s", got, want)
	}
	if people[0].EmployeeNo != "ZW005" {
		t.Fatal("RankPeople reordered its argument")
	}
}
