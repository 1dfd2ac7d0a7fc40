package models

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestHeldOutQuarterByHand builds the third quarter of 2026 through the
// store, as an office would record it, and compares the months, the
// vetoes and the 服务明星 ranking with figures worked out by hand under the
// built-in rules (服务承诺制度 二.3 for upheld complaints).
//
// The centre: A01 王堃 李喆; A02 张昇 刘玥; A03 周𠮷 陈玥; everyone on time
// every working day and rated 满意 once a month. Then:
//   - 07-08 王堃 receives a 锦旗 (+1);
//   - 07-14 刘玥 breaks 服务规范 (−2, 1st: 口头批评, no veto);
//   - 07-20 a complaint against A02 naming 张昇, upheld for 服务用语不当
//     (−5; 服务规范 五.3: star, window, bonus); on 07-25 张昇 moves to A01;
//   - 08-01 the substitute 替岗甲 starts at A03; 08-12 an upheld 服务用语不当
//     complaint against him (−5 on his own score only; A03 loses August);
//   - 09-14 李喆 rated 不满意 (−1);
//   - 09-15 an upheld complaint against A02 naming nobody (办理超期: −5 on
//     A02's score, no veto);
//   - 09-28 two people join A02 (新人甲, 新人乙): three days, no rating.
func TestHeldOutQuarterByHand(t *testing.T) {
	st := openTempAt(t, time.Date(2026, 10, 12, 9, 0, 0, 0, CentreZone))
	u := HomeUnit{Name: "市政务服务管理局"}
	if err := st.SaveHomeUnit(&u); err != nil {
		t.Fatal(err)
	}
	win := map[string]ServiceWindow{}
	for _, code := range []string{"A01", "A02", "A03"} {
		w := ServiceWindow{Code: code, Name: "综合窗口" + code, HomeUnitID: u.ID, Active: true}
		if err := st.SaveServiceWindow(&w); err != nil {
			t.Fatal(err)
		}
		win[code] = w
	}
	people := map[string]Staff{}
	add := func(no, name, window, post string, joined Date) Staff {
		p := Staff{EmployeeNo: no, Name: name, HomeUnitID: u.ID, WindowID: win[window].ID, Post: post, JoinedOn: joined}
		if err := st.SaveStaff(&p); err != nil {
			t.Fatal(err)
		}
		people[name] = p
		return p
	}
	longAgo := NewDate(2025, 3, 3)
	add("ZW01", "王堃", "A01", PostStaff, longAgo)
	add("ZW02", "李喆", "A01", PostStaff, longAgo)
	add("ZW03", "张昇", "A02", PostStaff, longAgo)
	add("ZW04", "刘玥", "A02", PostStaff, longAgo)
	add("ZW05", "周𠮷", "A03", PostStaff, longAgo)
	add("ZW06", "陈玥", "A03", PostStaff, longAgo)
	sub := add("ZW07", "替岗甲", "A03", PostSubstitute, NewDate(2026, 8, 1))
	add("ZW08", "新人甲", "A02", PostStaff, NewDate(2026, 9, 28))
	add("ZW09", "新人乙", "A02", PostStaff, NewDate(2026, 9, 28))

	residents := []string{"王堃", "李喆", "张昇", "刘玥", "周𠮷", "陈玥"}
	punch(t, st, people, residents, NewDate(2026, 7, 1), NewDate(2026, 9, 30))
	punch(t, st, people, []string{"替岗甲"}, NewDate(2026, 8, 1), NewDate(2026, 9, 30))
	punch(t, st, people, []string{"新人甲", "新人乙"}, NewDate(2026, 9, 28), NewDate(2026, 9, 30))
	for _, m := range []time.Month{7, 8, 9} {
		for _, name := range residents {
			p := people[name]
			if err := st.SaveRating(&Rating{On: NewDate(2026, m, 3), WindowID: p.WindowID, StaffID: &p.ID, Level: RatingGood}); err != nil {
				t.Fatal(err)
			}
		}
	}

	kun, yue, sheng, zhe := people["王堃"], people["刘玥"], people["张昇"], people["李喆"]
	if err := st.SaveCommendation(&Commendation{StaffID: kun.ID, On: NewDate(2026, 7, 8), Kind: "锦旗", Note: "群众赠送"}); err != nil {
		t.Fatal(err)
	}
	v := Violation{StaffID: yue.ID, On: NewDate(2026, 7, 14), Category: CategoryService, Circumstances: "接待群众时接打私人电话", RecordedBy: "督查科"}
	if err := st.SaveViolation(&v); err != nil {
		t.Fatal(err)
	}
	if err := st.MoveStaff(sheng.ID, win["A01"].ID, NewDate(2026, 7, 25), "工作需要调整"); err != nil {
		t.Fatal(err)
	}
	upheldComplaint(t, st, win["A02"].ID, &sheng.ID, NewDate(2026, 7, 20), ProblemLanguage)
	upheldComplaint(t, st, win["A03"].ID, &sub.ID, NewDate(2026, 8, 12), ProblemLanguage)
	if err := st.SaveRating(&Rating{On: NewDate(2026, 9, 14), WindowID: zhe.WindowID, StaffID: &zhe.ID, Level: RatingPoor}); err != nil {
		t.Fatal(err)
	}
	upheldComplaint(t, st, win["A02"].ID, nil, NewDate(2026, 9, 15), ProblemOverdue)

	// Months, by hand.
	type windowWant struct {
		score  float64
		rank   int // 0: not eligible
		award  bool
		veto   string // a word every veto list must hold ("" for none)
		tie    string // a word the tie note must hold ("" for none)
		member int
	}
	months := []struct {
		month   string
		people  map[string]float64
		windows map[string]windowWant
		stopped []string // whose bonus is stopped
	}{
		{"2026-07",
			// 张昇 counts at A01 (his window on 07-31); his complaint was at A02
			map[string]float64{"王堃": 101, "李喆": 100, "张昇": 95, "刘玥": 98, "周𠮷": 100, "陈玥": 100},
			map[string]windowWant{
				"A01": {98.67, 2, true, "", "", 3}, // (101 + 100 + 95) ÷ 3
				"A02": {98, 0, false, "张昇", "", 1},
				"A03": {100, 1, true, "", "", 2},
			}, []string{"张昇"}},
		{"2026-08",
			map[string]float64{"王堃": 100, "李喆": 100, "张昇": 100, "刘玥": 100, "周𠮷": 100, "陈玥": 100, "替岗甲": 95},
			map[string]windowWant{
				"A01": {100, 1, true, "", "按窗口编号", 3},
				"A02": {100, 2, true, "", "按窗口编号", 1},
				"A03": {100, 0, false, "替岗甲（临时替岗）", "", 2}, // the substitute is not in the mean
			}, []string{"替岗甲"}},
		{"2026-09",
			map[string]float64{"王堃": 100, "李喆": 99, "张昇": 100, "刘玥": 100, "周𠮷": 100, "陈玥": 100, "替岗甲": 100, "新人甲": 100, "新人乙": 100},
			map[string]windowWant{
				"A01": {99.67, 2, true, "", "", 3}, // (100 + 99 + 100) ÷ 3
				"A02": {95, 3, true, "", "", 3},    // (100 + 100 + 100) ÷ 3 − 5
				"A03": {100, 1, true, "", "", 2},
			}, nil},
	}
	for _, m := range months {
		ms, err := st.ScoreMonth(m.month)
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range m.people {
			if got := scoreOf(t, ms, name); got.Score != want {
				t.Errorf("%s %s: %v, want %v (%v)", m.month, name, got.Score, want, got.Items)
			}
		}
		var stopped []string
		for _, p := range ms.People {
			if len(p.BonusStopped) > 0 {
				stopped = append(stopped, p.Name)
			}
		}
		if strings.Join(stopped, " ") != strings.Join(m.stopped, " ") {
			t.Errorf("%s: bonus stopped for %v, want %v", m.month, stopped, m.stopped)
		}
		for code, want := range m.windows {
			w := windowOf(t, ms, code)
			vetoes := strings.Join(w.Reasons(), "；")
			if w.Score != want.score || w.Rank != want.rank || w.Award != want.award || w.Members != want.member ||
				(want.veto == "") != (vetoes == "") || !strings.Contains(vetoes, want.veto) ||
				(want.tie == "") != (w.Tie == "") || !strings.Contains(w.Tie, want.tie) {
				t.Errorf("%s %s: score %v rank %d award %v members %d vetoes %q tie %q, want %+v",
					m.month, code, w.Score, w.Rank, w.Award, w.Members, vetoes, w.Tie, want)
			}
		}
		if m.month == "2026-09" {
			out, ranks := RankPeople(ms.People)
			for i, p := range out {
				if strings.HasPrefix(p.Name, "新人") && (ranks[i] != 0 || len(p.RecordGaps) != 2) {
					t.Errorf("%s joined on 09-28: rank %d, gaps %v", p.Name, ranks[i], p.RecordGaps)
				}
			}
		}
	}

	// The quarter, by hand: means over the months served.
	qs, err := st.ScoreQuarter("2026Q3")
	if err != nil {
		t.Fatal(err)
	}
	type starWant struct {
		mean  float64
		rank  int
		award bool
		why   string // a word of the reasons for the ineligible
	}
	wantStars := map[string]starWant{
		"王堃":  {100.33, 1, true, ""}, // (101 + 100 + 100) ÷ 3
		"周𠮷":  {100, 2, true, ""},    // tied with 陈玥 on everything: 并列第2名
		"陈玥":  {100, 2, true, ""},
		"李喆":  {99.67, 4, true, ""}, // (100 + 100 + 99) ÷ 3
		"刘玥":  {99.33, 5, true, ""}, // (98 + 100 + 100) ÷ 3
		"张昇":  {98.33, 0, false, "服务用语不当"},
		"替岗甲": {97.5, 0, false, "临时替岗人员"},
		"新人甲": {100, 0, false, "实际出勤"},
		"新人乙": {100, 0, false, "实际出勤"},
	}
	var order []string
	for _, c := range qs.Candidates {
		order = append(order, fmt.Sprintf("%s:%d", c.Name, c.Rank))
		want, ok := wantStars[c.Name]
		if !ok {
			t.Errorf("unexpected candidate %s", c.Name)
			continue
		}
		why := strings.Join(c.Reasons(), "；")
		if c.Mean != want.mean || c.Rank != want.rank || c.Award != want.award || !strings.Contains(why, want.why) || (want.why == "") != c.Eligible() {
			t.Errorf("%s: mean %v rank %d award %v reasons %q, want %+v", c.Name, c.Mean, c.Rank, c.Award, why, want)
		}
	}
	if got := strings.Join(order[:5], " "); got != "王堃:1 周𠮷:2 陈玥:2 李喆:4 刘玥:5" {
		t.Errorf("服务明星 ranking %s", got)
	}
	for _, c := range qs.Candidates {
		if c.Name == "陈玥" && !strings.Contains(c.Tie, "并列第2名") {
			t.Errorf("the tie is not said: %q", c.Tie)
		}
	}
	// the shortlist may be drawn now the quarter is over and its months closed:
	// the first five and nobody else (the tie is at the second place)
	for _, m := range []string{"2026-07", "2026-08", "2026-09"} {
		if err := st.CloseScoreMonth(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Nominate(SelectStar, "2026Q3", 5, ""); err != nil {
		t.Fatal(err)
	}
	rec, err := st.SelectionOf(SelectStar, "2026Q3")
	if err != nil || nomineeNames(rec.Nominees) != "王堃 周𠮷 陈玥 李喆 刘玥" || rec.Nominees[0].SubjectID != kun.ID {
		t.Fatalf("shortlist %s (%v)", nomineeNames(rec.Nominees), err)
	}
}

// punch gives the named people four punches on time on each working day of
// [from, to], by the season's office hours.
func punch(t *testing.T, st *Store, people map[string]Staff, names []string, from, to Date) {
	t.Helper()
	cal, err := st.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	var rows []PunchRow
	for d := from; !d.After(to); d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		times := [][2]int{{8, 20}, {12, 5}, {13, 20}, {17, 10}} // 冬令时
		if m := d.Month(); m >= 5 && m <= 9 {
			times = [][2]int{{8, 20}, {12, 5}, {13, 40}, {17, 40}} // 夏令时
		}
		for _, name := range names {
			p := people[name]
			for _, hm := range times {
				rows = append(rows, PunchRow{EmployeeNo: p.EmployeeNo, Name: p.Name, At: time.Date(d.Year(), d.Month(), d.Day(), hm[0], hm[1], 0, 0, CentreZone)})
			}
		}
	}
	if _, err := st.ImportPunches(rows); err != nil {
		t.Fatal(err)
	}
}
