package models

import (
	"strings"
	"testing"
)

// An upheld complaint that names only the window costs the window points
// (DOMAIN.md §8: complaint 属实 −5), by the rule in force for the month.
func TestWindowOnlyComplaintDeductsFromTheWindow(t *testing.T) {
	cases := []struct {
		name    string
		points  float64 // -1 keeps the built-in rules
		problem string
		score   float64 // A02's score; its members score 100
		vetoed  bool
	}{
		{"服务承诺制度二.3_窗口投诉属实默认扣窗口5分", -1, ProblemAttitude, 95, false},
		{"服务规范五.3_窗口用语不当投诉扣分并取消满意窗口", -1, ProblemLanguage, 95, true},
		{"规则改为每件扣3分", 3, ProblemOverdue, 97, false},
		{"规则改为不扣分", 0, ProblemOther, 100, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, people := scoringCentre(t)
			if c.points >= 0 {
				rs := DefaultRuleSet()
				rs.EffectiveFrom = NewDate(2026, 11, 1)
				sr := DefaultScoringRules()
				sr.WindowComplaintPoints = c.points
				rs.ScoringRules = &sr
				if err := st.SaveRuleSet(&rs); err != nil {
					t.Fatal(err)
				}
			}
			upheldComplaint(t, st, people["张昇"].WindowID, nil, NewDate(2026, 11, 16), c.problem)
			ms, _ := st.ScoreMonth("2026-11")
			w := windowOf(t, ms, "A02")
			if w.Score != c.score || w.MemberMean != 100 || w.Eligible() == c.vetoed {
				t.Fatalf("A02: %+v", w)
			}
			if c.score < 100 && (len(w.Items) != 1 || w.Items[0].Points != c.score-100 || !strings.HasPrefix(w.Items[0].Ref, "complaint:")) {
				t.Fatalf("the deduction should be an item with its record: %+v", w.Items)
			}
			if p := scoreOf(t, ms, "张昇"); p.Score != 100 {
				t.Fatalf("nobody was named: 张昇 scores %v", p.Score)
			}
		})
	}
}

// Award eligibility needs a record (DOMAIN.md clarifications): people who
// joined today score 100 with nothing to judge, and are not ranked.
func TestAwardsNeedARecord(t *testing.T) {
	st, people := scoringCentre(t)
	a01 := people["王堃"].WindowID
	for _, name := range []string{"新人甲", "新人乙", "新人丙"} {
		p := Staff{EmployeeNo: "ZW9" + name, Name: name, HomeUnitID: people["王堃"].HomeUnitID, WindowID: a01,
			Post: PostStaff, JoinedOn: st.Today()}
		if err := st.SaveStaff(&p); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := st.ScoreMonth("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	out, ranks := RankPeople(ms.People)
	for i, p := range out {
		isNew := strings.HasPrefix(p.Name, "新人")
		if isNew && (ranks[i] != 0 || p.Score != 100 || len(p.RecordGaps) != 2) {
			t.Fatalf("%s joined today: rank %d, gaps %v", p.Name, ranks[i], p.RecordGaps)
		}
		if !isNew && p.Resident && ranks[i] == 0 {
			t.Fatalf("%s has a record and should be ranked: %v", p.Name, p.RecordGaps)
		}
	}
	qs, err := st.ScoreQuarter("2026Q4")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range qs.Candidates {
		isNew := strings.HasPrefix(c.Name, "新人")
		if isNew && (c.Eligible() || c.Award || c.Rank != 0 || !strings.Contains(strings.Join(c.Gaps, ""), "实际出勤0天")) {
			t.Fatalf("%s should not be a candidate: %+v", c.Name, c)
		}
		if c.Name == "王堃" && !c.Eligible() {
			t.Fatalf("王堃 worked the quarter's days so far: %+v", c)
		}
	}
}

func TestRecordGapsByRule(t *testing.T) {
	r := DefaultScoringRules()
	cases := []struct {
		name           string
		share          float64
		activity       bool
		worked         float64
		working        int
		cases, ratings int
		gaps           int
	}{
		{"默认_出勤过半且有评价", 0.5, true, 11, 22, 0, 1, 0},
		{"默认_出勤刚好一半", 0.5, true, 10.5, 21, 1, 0, 0},
		{"默认_出勤不足一半", 0.5, true, 10, 21, 3, 3, 1},
		{"默认_无办件无评价", 0.5, true, 22, 22, 0, 0, 1},
		{"今天入职_都不满足", 0.5, true, 0, 18, 0, 0, 2},
		{"规则不要求办件评价", 0.5, false, 22, 22, 0, 0, 0},
		{"规则要求八成出勤", 0.8, true, 15, 20, 1, 1, 1},
		{"期间尚无工作日不计出勤", 0.5, true, 0, 0, 1, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r.AwardMinWorkedShare, r.AwardNeedsActivity = c.share, c.activity
			if got := r.recordGaps("本月", c.worked, c.working, c.cases, c.ratings); len(got) != c.gaps {
				t.Fatalf("gaps %v, want %d", got, c.gaps)
			}
		})
	}
}

// Ties are shown as ties and the rule that decides them is named.
func TestTiesAreShownWithTheirRule(t *testing.T) {
	r := DefaultScoringRules()
	people := []PersonScore{
		{StaffID: 1, WindowID: 1, Resident: true, Score: 99, Satisfied: 10, Rated: 10},
		{StaffID: 2, WindowID: 2, Resident: true, Score: 99, Satisfied: 10, Rated: 10},
		{StaffID: 3, WindowID: 3, Resident: true, Score: 99, Satisfied: 9, Rated: 10},
		{StaffID: 4, WindowID: 4, Resident: true, Score: 98, Satisfied: 10, Rated: 10},
	}
	windows := []WindowInfo{{ID: 1, Code: "A01"}, {ID: 2, Code: "A02"}, {ID: 3, Code: "A03"}, {ID: 4, Code: "A04"}}
	cases := []struct {
		name   string
		byCode bool
		ranks  string
		a02Tie string
	}{
		{"满意窗口_同分按窗口编号并写明", true, "A01:1 A02:2 A03:3 A04:4", "与A01、A03同分99；满意率、超期天数也相同，按窗口编号排序"},
		{"满意窗口_规则改为并列", false, "A01:1 A02:1 A03:3 A04:4", "与A01、A03同分99；满意率、超期天数也相同，并列"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r.WindowTieByCode = c.byCode
			ws := ScoreWindows(people, windows, r)
			var got []string
			for _, w := range ws {
				got = append(got, w.Code+":"+fmtPoints(float64(w.Rank)))
				if w.Code == "A02" && w.Tie != c.a02Tie {
					t.Fatalf("A02's tie says %q, want %q", w.Tie, c.a02Tie)
				}
				if w.Code == "A04" && w.Tie != "" {
					t.Fatalf("A04 is not tied: %q", w.Tie)
				}
			}
			if strings.Join(got, " ") != c.ranks {
				t.Fatalf("ranks %v, want %s", got, c.ranks)
			}
			if !strings.Contains(r.WindowTieRule(), "满意率高者在前") {
				t.Fatalf("rule %q", r.WindowTieRule())
			}
		})
	}
	t.Run("服务明星_完全同分并列同一名次", func(t *testing.T) {
		ps := func(id uint, no string, satisfied, done int) PersonScore {
			return PersonScore{StaffID: id, EmployeeNo: no, Name: no, Resident: true, Score: 99, Satisfied: satisfied, Rated: 10, CasesDone: done}
		}
		r.StarAwards = 1
		stars := RankStars([][]PersonScore{{ps(1, "ZW001", 10, 5), ps(2, "ZW002", 10, 5), ps(3, "ZW003", 10, 4)}}, r)
		if stars[0].Rank != 1 || stars[1].Rank != 1 || stars[2].Rank != 3 || !stars[0].Award || !stars[1].Award || stars[2].Award {
			t.Fatalf("ranks %d %d %d", stars[0].Rank, stars[1].Rank, stars[2].Rank)
		}
		if !strings.Contains(stars[1].Tie, "并列第1名") || !strings.Contains(stars[2].Tie, "比办结件数（4件对5件）") {
			t.Fatalf("ties %q / %q", stars[1].Tie, stars[2].Tie)
		}
	})
}
