package models

import (
	"strings"
	"testing"
	"time"
)

// selectionCentre is a centre through the fourth quarter of 2026, seen on
// Monday 4 January 2027: A01 王堃 李喆, A02 张昇 刘玥, everyone on time every
// working day and rated 满意 once a month; 王堃 has a 锦旗 in October
// (100.33), 刘玥 a 不满意 in October (99.67), 李喆 and 张昇 are equal on
// everything (100, 并列). The rule set gives two 服务明星 places, so the
// shortlist of two takes both tied at the cut.
func selectionCentre(t *testing.T) (*Store, map[string]Staff) {
	t.Helper()
	st := openTempAt(t, time.Date(2027, 1, 4, 9, 0, 0, 0, CentreZone))
	u := HomeUnit{Name: "市政务服务管理局"}
	if err := st.SaveHomeUnit(&u); err != nil {
		t.Fatal(err)
	}
	people := map[string]Staff{}
	for i, code := range []string{"A01", "A02"} {
		w := ServiceWindow{Code: code, Name: "综合窗口" + code, HomeUnitID: u.ID, Active: true}
		if err := st.SaveServiceWindow(&w); err != nil {
			t.Fatal(err)
		}
		for j, name := range [][]string{{"王堃", "李喆"}, {"张昇", "刘玥"}}[i] {
			p := Staff{EmployeeNo: "ZW" + code + string(rune('1'+j)), Name: name, HomeUnitID: u.ID, WindowID: w.ID, Post: PostStaff, JoinedOn: NewDate(2025, 3, 3)}
			if err := st.SaveStaff(&p); err != nil {
				t.Fatal(err)
			}
			people[name] = p
		}
	}
	names := []string{"王堃", "李喆", "张昇", "刘玥"}
	punch(t, st, people, names, NewDate(2026, 10, 1), NewDate(2026, 12, 31))
	for _, m := range []time.Month{10, 11, 12} {
		for _, name := range names {
			p := people[name]
			if err := st.SaveRating(&Rating{On: NewDate(2026, m, 9), WindowID: p.WindowID, StaffID: &p.ID, Level: RatingGood}); err != nil {
				t.Fatal(err)
			}
		}
	}
	kun, yue := people["王堃"], people["刘玥"]
	if err := st.SaveCommendation(&Commendation{StaffID: kun.ID, On: NewDate(2026, 10, 15), Kind: "锦旗"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveRating(&Rating{On: NewDate(2026, 10, 20), WindowID: yue.WindowID, StaffID: &yue.ID, Level: RatingPoor}); err != nil {
		t.Fatal(err)
	}
	rs := DefaultRuleSet()
	rs.EffectiveFrom = NewDate(2026, 1, 1)
	r := DefaultScoringRules()
	r.StarAwards = 2
	rs.ScoringRules = &r
	if err := st.SaveRuleSet(&rs); err != nil {
		t.Fatal(err)
	}
	return st, people
}

func closeMonths(t *testing.T, st *Store, months ...string) {
	t.Helper()
	for _, m := range months {
		if err := st.CloseScoreMonth(m); err != nil {
			t.Fatal(err)
		}
	}
}

// nineMembers is a meeting of nine with two away: 7 of 9 present.
func nineMembers() Meeting {
	return Meeting{Place: "三楼会议室", Chair: "赵主任", Recorder: "钱文书",
		Members:    []string{"赵主任", "钱文书", "孙监", "李计", "周一", "吴二", "郑三", "王四", "冯五"},
		Absent:     []string{"王四", "冯五"},
		Scrutineer: "孙监", Teller: "李计"}
}

// votesFor gives the first round's votes of 7 present, in the shortlist's order.
func votesFor(people map[string]Staff, counts map[string]int) []RoundVotes {
	var out []RoundVotes
	for _, name := range []string{"王堃", "李喆", "张昇", "刘玥"} {
		if n, ok := counts[name]; ok {
			out = append(out, RoundVotes{SubjectID: people[name].ID, Name: name, For: n, Against: 7 - n})
		}
	}
	return out
}

func TestSelectionStepsInOrder(t *testing.T) {
	st, _ := selectionCentre(t)
	const q = "2026Q4"

	// nothing before the period ends
	st.clock = FixedClock(time.Date(2026, 12, 31, 16, 0, 0, 0, CentreZone))
	if err := st.Nominate(SelectStar, q, 2, ""); err == nil || !strings.Contains(err.Error(), "期间结束后才能提名") {
		t.Fatalf("nominated before the quarter ended: %v", err)
	}
	st.clock = FixedClock(time.Date(2027, 1, 4, 9, 0, 0, 0, CentreZone))
	// nor before its months are closed
	closeMonths(t, st, "2026-10", "2026-11")
	if err := st.Nominate(SelectStar, q, 2, ""); err == nil || !strings.Contains(err.Error(), "2026年12月尚未封帐") {
		t.Fatalf("nominated with December open: %v", err)
	}
	closeMonths(t, st, "2026-12")
	if rec, _ := st.SelectionOf(SelectStar, q); rec.Stage != StageLocked {
		t.Fatalf("stage %s, want 封帐", rec.Stage)
	}
	// no meeting before the shortlist
	if err := st.RecordMeeting(SelectStar, q, nineMembers(), ""); err == nil || !strings.Contains(err.Error(), "还没有提名") {
		t.Fatalf("a meeting without a shortlist: %v", err)
	}
	if err := st.Nominate(SelectStar, q, 1, ""); err == nil || !strings.Contains(err.Error(), "不能少于名额2名") {
		t.Fatalf("a shortlist short of the places: %v", err)
	}
	if err := st.Nominate(SelectStar, q, 2, ""); err != nil {
		t.Fatal(err)
	}
	rec, err := st.SelectionOf(SelectStar, q)
	if err != nil {
		t.Fatal(err)
	}
	var short []string
	for _, n := range rec.Nominees {
		short = append(short, n.Name)
		if (n.Name == "李喆" || n.Name == "张昇") != n.Tied {
			t.Errorf("%s tied %v", n.Name, n.Tied)
		}
		if n.Tied && !strings.Contains(n.TieNote, "并列") {
			t.Errorf("%s's tie note %q does not say the rule", n.Name, n.TieNote)
		}
	}
	if strings.Join(short, " ") != "王堃 李喆 张昇" || rec.Stage != StageNominated || rec.Selection.DataAsOf.IsZero() {
		t.Fatalf("shortlist %v at stage %s", short, rec.Stage)
	}
	// no 公示 and no decision before the meeting
	if err := st.StartPublicity(SelectStar, q, NewDate(2027, 1, 4), "综合业务科 0474-8326000", ""); err == nil {
		t.Fatal("a 公示 before the meeting")
	}
	if err := st.DecideSelection(SelectStar, q, NewDate(2027, 1, 4)); err == nil {
		t.Fatal("a decision before the meeting")
	}
}

func nominated(t *testing.T) (*Store, map[string]Staff) {
	t.Helper()
	st, people := selectionCentre(t)
	closeMonths(t, st, "2026-10", "2026-11", "2026-12")
	if err := st.Nominate(SelectStar, "2026Q4", 2, ""); err != nil {
		t.Fatal(err)
	}
	return st, people
}

func TestMeetingRules(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*Meeting, map[string]Staff)
		field string // the field refused, "" when recorded
		word  string
	}{
		{"quorum 7 of 9 is recorded", func(*Meeting, map[string]Staff) {}, "", ""},
		{"quorum 6 of 9 is refused", func(m *Meeting, _ map[string]Staff) { m.Absent = append(m.Absent, "郑三") }, "缺席成员", "实到6人"},
		{"12 votes with 实到7 refused", func(m *Meeting, p map[string]Staff) {
			for i := range m.Votes {
				if m.Votes[i].SubjectID == p["王堃"].ID {
					m.Votes[i] = RoundVotes{SubjectID: p["王堃"].ID, Name: "王堃", For: 12}
				}
			}
		}, "候选人", "多于有效票7张"},
		{"监票人 must be present", func(m *Meeting, _ map[string]Staff) { m.Scrutineer = "王四" }, "监票人", "不在到会成员中"},
		{"监票人 and 计票人 differ", func(m *Meeting, _ map[string]Staff) { m.Teller = "孙监" }, "计票人", "不同的人"},
		{"the absent are members", func(m *Meeting, _ map[string]Staff) { m.Absent = []string{"路人"} }, "缺席成员", "不在参会成员名单中"},
		{"no meeting inside the quarter", func(m *Meeting, _ map[string]Staff) { m.On = NewDate(2026, 12, 30) }, "评选会日期", "之后召开"},
		{"no meeting in the future", func(m *Meeting, _ map[string]Staff) { m.On = NewDate(2027, 1, 5) }, "评选会日期", "不能晚于今天"},
		{"more ballots than present refused", func(m *Meeting, _ map[string]Staff) { m.Issued = 8 }, "票数", "多于实到7人"},
		{"a write-in must be eligible", func(m *Meeting, p map[string]Staff) {
			m.Votes = append(m.Votes, RoundVotes{SubjectID: p["刘玥"].ID, Name: "刘玥", For: 1})
		}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, people := nominated(t)
			m := nineMembers()
			m.On = NewDate(2027, 1, 4)
			m.Votes = votesFor(people, map[string]int{"王堃": 6, "李喆": 4, "张昇": 3})
			tc.edit(&m, people)
			err := st.RecordMeeting(SelectStar, "2026Q4", m, "")
			if tc.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				rec, _ := st.SelectionOf(SelectStar, "2026Q4")
				if rec.Selection.Expected != 9 || rec.Selection.Present != 7 || rec.Stage != StageMeeting {
					t.Fatalf("recorded %d/%d at %s", rec.Selection.Expected, rec.Selection.Present, rec.Stage)
				}
				return
			}
			fe, ok := AsFieldErrors(err)
			if !ok || !strings.Contains(fe.For(tc.field), tc.word) {
				t.Fatalf("want %s: …%s…, got %v", tc.field, tc.word, err)
			}
		})
	}
}

// A candidate with 3 of 7 votes is not elected, whatever the ranking; one
// with 4 is.
func TestThreeOfSevenVotesIsNoMajority(t *testing.T) {
	st, people := nominated(t)
	m := nineMembers()
	m.On = NewDate(2027, 1, 4)
	m.Votes = votesFor(people, map[string]int{"王堃": 3, "李喆": 4, "张昇": 2})
	if err := st.RecordMeeting(SelectStar, "2026Q4", m, ""); err != nil {
		t.Fatal(err)
	}
	rec, _ := st.SelectionOf(SelectStar, "2026Q4")
	if got := rec.Proposed(); len(got) != 1 || got[0].Name != "李喆" {
		t.Fatalf("proposed %v", got)
	}
	if !strings.Contains(rec.Tally.Notes[people["王堃"].ID], "未达当选所需的4票") {
		t.Fatalf("note %q", rec.Tally.Notes[people["王堃"].ID])
	}
}

// meetingHeld records the meeting of 4 January: 王堃 6, 李喆 4, 张昇 4 of
// 7 present — a tie at the cut for the second place, decided in a run-off
// 4 to 3.
func meetingHeld(t *testing.T) (*Store, map[string]Staff) {
	t.Helper()
	st, people := nominated(t)
	m := nineMembers()
	m.On = NewDate(2027, 1, 4)
	m.Votes = votesFor(people, map[string]int{"王堃": 6, "李喆": 4, "张昇": 4})
	if err := st.RecordMeeting(SelectStar, "2026Q4", m, ""); err != nil {
		t.Fatal(err)
	}
	rec, _ := st.SelectionOf(SelectStar, "2026Q4")
	if rec.Tally.Complete() || rec.Tally.RunoffRound != 2 {
		t.Fatalf("tally %+v", rec.Tally)
	}
	if err := st.StartPublicity(SelectStar, "2026Q4", NewDate(2027, 1, 5), "综合业务科 0474-8326000", ""); err == nil ||
		!strings.Contains(err.Error(), "第二轮投票") {
		t.Fatalf("a 公示 with a run-off pending: %v", err)
	}
	if err := st.RecordRunoff(SelectStar, "2026Q4", []RoundVotes{{SubjectID: people["李喆"].ID, For: 8}, {SubjectID: people["张昇"].ID, For: 0}}); err == nil {
		t.Fatal("a run-off with 8 votes of 7 present")
	}
	if err := st.RecordRunoff(SelectStar, "2026Q4", []RoundVotes{{SubjectID: people["李喆"].ID, For: 3}, {SubjectID: people["张昇"].ID, For: 4}}); err != nil {
		t.Fatal(err)
	}
	return st, people
}

func TestNoDecisionBeforePublicityEnds(t *testing.T) {
	st, people := meetingHeld(t)
	const q = "2026Q4"
	if err := st.StartPublicity(SelectStar, q, NewDate(2027, 1, 5), "综合业务科 0474-8326000", ""); err != nil {
		t.Fatal(err)
	}
	rec, _ := st.SelectionOf(SelectStar, q)
	// 5 working days from Tuesday 5 January: to Monday 11 January
	if rec.Selection.PublicityTo != NewDate(2027, 1, 11) || rec.Stage != StagePublicity {
		t.Fatalf("公示 to %s at %s", rec.Selection.PublicityTo, rec.Stage)
	}
	if names := nomineeNames(rec.Proposed()); names != "王堃 张昇" {
		t.Fatalf("proposed %s", names)
	}
	st.clock = FixedClock(time.Date(2027, 1, 11, 17, 0, 0, 0, CentreZone))
	if err := st.DecideSelection(SelectStar, q, NewDate(2027, 1, 11)); err == nil || !strings.Contains(err.Error(), "期满后才能作出决定") {
		t.Fatalf("decided on the last day of the 公示: %v", err)
	}
	st.clock = FixedClock(time.Date(2027, 1, 12, 9, 0, 0, 0, CentreZone))
	if err := st.DecideSelection(SelectStar, q, NewDate(2027, 1, 11)); err == nil {
		t.Fatal("a decision dated inside the 公示")
	}
	if err := st.DecideSelection(SelectStar, q, NewDate(2027, 1, 12)); err != nil {
		t.Fatal(err)
	}
	rec, _ = st.SelectionOf(SelectStar, q)
	if names := nomineeNames(rec.Awarded()); names != "王堃 张昇" || rec.Result(people["李喆"].ID) != "未授予" || rec.Stage != StageDecided {
		t.Fatalf("awarded %s, 李喆 %s, stage %s", names, rec.Result(people["李喆"].ID), rec.Stage)
	}
}

func nomineeNames(ns []SelectionNominee) string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Name)
	}
	return strings.Join(out, " ")
}

func TestObjectionMustBeResolvedFirst(t *testing.T) {
	st, people := meetingHeld(t)
	const q = "2026Q4"
	if err := st.StartPublicity(SelectStar, q, NewDate(2027, 1, 5), "综合业务科 0474-8326000", ""); err != nil {
		t.Fatal(err)
	}
	st.clock = FixedClock(time.Date(2027, 1, 7, 9, 0, 0, 0, CentreZone))
	o := SelectionObjection{ReceivedOn: NewDate(2027, 1, 13), Objector: "市民李某 138xxxx", SubjectID: people["张昇"].ID, Content: "反映其11月态度生硬"}
	if err := st.AddObjection(SelectStar, q, &o); err == nil {
		t.Fatal("an objection dated after the 公示 was taken")
	}
	o.ReceivedOn = NewDate(2027, 1, 6)
	if err := st.AddObjection(SelectStar, q, &o); err != nil {
		t.Fatal(err)
	}
	st.clock = FixedClock(time.Date(2027, 1, 12, 9, 0, 0, 0, CentreZone))
	if err := st.DecideSelection(SelectStar, q, NewDate(2027, 1, 12)); err == nil || !strings.Contains(err.Error(), "1件异议尚未处理") {
		t.Fatalf("decided with an objection open: %v", err)
	}
	if err := st.ResolveObjection(o.ID, "", false, NewDate(2027, 1, 8)); err == nil {
		t.Fatal("resolved without an outcome")
	}
	if err := st.ResolveObjection(o.ID, "经调取录音录像核查，反映情况不属实", false, NewDate(2027, 1, 8)); err != nil {
		t.Fatal(err)
	}
	if err := st.DecideSelection(SelectStar, q, NewDate(2027, 1, 12)); err != nil {
		t.Fatal(err)
	}
	rec, _ := st.SelectionOf(SelectStar, q)
	if names := nomineeNames(rec.Awarded()); names != "王堃 张昇" {
		t.Fatalf("awarded %s", names)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "评选异议"})
	if len(log) != 2 {
		t.Fatalf("%d objection entries in the log", len(log))
	}
}

// An objection upheld removes the candidate it concerns from the award.
func TestUpheldObjectionRemovesTheCandidate(t *testing.T) {
	st, people := meetingHeld(t)
	const q = "2026Q4"
	if err := st.StartPublicity(SelectStar, q, NewDate(2027, 1, 4), "综合业务科 0474-8326000", ""); err != nil {
		t.Fatal(err)
	}
	o := SelectionObjection{ReceivedOn: NewDate(2027, 1, 4), Objector: "窗口工作人员刘某", SubjectID: people["张昇"].ID, Content: "反映其代他人打卡"}
	if err := st.AddObjection(SelectStar, q, &o); err != nil {
		t.Fatal(err)
	}
	if err := st.ResolveObjection(o.ID, "经核查属实，取消其拟授予资格", true, NewDate(2027, 1, 4)); err != nil {
		t.Fatal(err)
	}
	st.clock = FixedClock(time.Date(2027, 1, 12, 9, 0, 0, 0, CentreZone))
	if err := st.DecideSelection(SelectStar, q, NewDate(2027, 1, 12)); err != nil {
		t.Fatal(err)
	}
	rec, _ := st.SelectionOf(SelectStar, q)
	if names := nomineeNames(rec.Awarded()); names != "王堃" {
		t.Fatalf("awarded %s", names)
	}
}

func decided(t *testing.T) (*Store, map[string]Staff) {
	t.Helper()
	st, people := meetingHeld(t)
	if err := st.StartPublicity(SelectStar, "2026Q4", NewDate(2027, 1, 4), "综合业务科 0474-8326000", ""); err != nil {
		t.Fatal(err)
	}
	st.clock = FixedClock(time.Date(2027, 1, 12, 9, 0, 0, 0, CentreZone))
	if err := st.DecideSelection(SelectStar, "2026Q4", NewDate(2027, 1, 12)); err != nil {
		t.Fatal(err)
	}
	return st, people
}

func TestLateViolationAfterTheDecisionFlagsIt(t *testing.T) {
	st, people := decided(t)
	const q = "2026Q4"
	// the month is locked: the violation needs an audited unlock first
	v := Violation{StaffID: people["王堃"].ID, On: NewDate(2026, 11, 20), Category: CategoryNotification, Circumstances: "未一次性告知补正材料", RecordedBy: "督查科"}
	if err := st.SaveViolation(&v); err == nil || !strings.Contains(err.Error(), "已封帐") {
		t.Fatalf("a violation in a closed month: %v", err)
	}
	if err := st.ReopenScoreMonth("2026-11", "补录督查发现的一次性告知违规"); err != nil {
		t.Fatal(err)
	}
	flagged, err := st.FlaggedSelections()
	if err != nil || len(flagged) != 1 || !strings.Contains(flagged[0].Flag, "补录督查发现的一次性告知违规") {
		t.Fatalf("flagged %+v (%v)", flagged, err)
	}
	if err := st.SaveViolation(&v); err != nil {
		t.Fatal(err)
	}
	rec, _ := st.SelectionOf(SelectStar, q)
	if !rec.BasisChanged() || !strings.Contains(strings.Join(rec.Changes, "；"), "王堃：现已不具备评选资格") {
		t.Fatalf("changes %v", rec.Changes)
	}
	if err := st.ReviewSelection(SelectStar, q, "维持"); err == nil || !strings.Contains(err.Error(), "重新封帐") {
		t.Fatalf("reviewed with the month open: %v", err)
	}
	closeMonths(t, st, "2026-11")
	if err := st.ReviewSelection(SelectStar, q, "维持"); err == nil || !strings.Contains(err.Error(), "王堃已不具备评选资格") {
		t.Fatalf("kept an award whose person lost eligibility: %v", err)
	}
	// drawing the shortlist again clears the decision and says why
	if err := st.Nominate(SelectStar, q, 2, ""); err == nil {
		t.Fatal("re-nominated without a reason")
	}
	if err := st.Nominate(SelectStar, q, 2, "王堃11月一次性告知违规，取消资格"); err != nil {
		t.Fatal(err)
	}
	rec, _ = st.SelectionOf(SelectStar, q)
	if rec.Stage != StageNominated || rec.Selection.Flag != "" || len(rec.Awarded()) != 0 || !strings.Contains(rec.Selection.Redo, "取消资格") {
		t.Fatalf("after re-nominating: %s flag %q awarded %v", rec.Stage, rec.Selection.Flag, rec.Awarded())
	}
	if _, ok := rec.Nominee(people["王堃"].ID); ok {
		t.Fatal("王堃 is still on the shortlist")
	}
}

// A month unlocked and closed again without a change that matters is
// reviewed and the decision stands.
func TestReviewKeepsADecisionWhoseBasisHolds(t *testing.T) {
	st, _ := decided(t)
	if err := st.UnlockMonth("2026-10", "核对打卡"); err != nil {
		t.Fatal(err)
	}
	if err := st.DecideSelection(SelectStar, "2026Q4", NewDate(2027, 1, 12)); err == nil || !strings.Contains(err.Error(), "评选依据已变化") {
		t.Fatalf("%v", err)
	}
	if err := st.LockMonth("2026-10"); err != nil {
		t.Fatal(err)
	}
	if err := st.ReviewSelection(SelectStar, "2026Q4", "核对后得分无变化，维持原决定"); err != nil {
		t.Fatal(err)
	}
	rec, _ := st.SelectionOf(SelectStar, "2026Q4")
	if rec.BasisChanged() || rec.Stage != StageDecided || len(rec.Awarded()) != 2 {
		t.Fatalf("after review: %v %s %v", rec.Changes, rec.Stage, rec.Awarded())
	}
}

// Recording the meeting again asks why and clears what came after it.
func TestRerecordingTheMeetingNeedsAReason(t *testing.T) {
	st, people := meetingHeld(t)
	m := nineMembers()
	m.On = NewDate(2027, 1, 4)
	m.Votes = votesFor(people, map[string]int{"王堃": 6, "李喆": 5, "张昇": 3})
	if err := st.RecordMeeting(SelectStar, "2026Q4", m, ""); err == nil || !strings.Contains(err.Error(), "请写明原因") {
		t.Fatalf("re-recorded silently: %v", err)
	}
	if err := st.RecordMeeting(SelectStar, "2026Q4", m, "计票有误，经监票人核对更正"); err != nil {
		t.Fatal(err)
	}
	rec, _ := st.SelectionOf(SelectStar, "2026Q4")
	if names := nomineeNames(rec.Proposed()); names != "王堃 李喆" || len(rec.Rounds()) != 1 || !strings.Contains(rec.Selection.Redo, "计票有误") {
		t.Fatalf("after re-recording: %s, %d rounds, %q", names, len(rec.Rounds()), rec.Selection.Redo)
	}
}

// The 满意窗口 of a month goes through the same steps over its windows.
func TestMonthlyWindowSelection(t *testing.T) {
	st, _ := selectionCentre(t)
	if err := st.Nominate(SelectWindow, "2026-12", 3, ""); err == nil || !strings.Contains(err.Error(), "尚未封帐") {
		t.Fatalf("%v", err)
	}
	closeMonths(t, st, "2026-12")
	if err := st.Nominate(SelectWindow, "2026-12", 3, ""); err == nil || !strings.Contains(err.Error(), "只有2名") {
		t.Fatalf("%v", err)
	}
	if err := st.Nominate(SelectWindow, "2026-12", 2, ""); err != nil {
		t.Fatal(err)
	}
	rec, _ := st.SelectionOf(SelectWindow, "2026-12")
	if len(rec.Nominees) != 2 || rec.Nominees[0].Code != "A01" || rec.Nominees[0].Unit != "市政务服务管理局" {
		t.Fatalf("nominees %+v", rec.Nominees)
	}
	// a month without punches cannot be selected at all
	if err := st.Nominate(SelectWindow, "2026-08", 1, ""); err == nil {
		t.Fatal("nominated for a month with no records")
	}
}

// A database of the version before the selection process carries its
// recorded meeting decisions over as decided selections.
func TestOpenCarriesOldAwardDecisionsOver(t *testing.T) {
	dir := t.TempDir()
	old := mustOpen(t, dir)
	_, a, _ := seedRoster(t, old)
	p := Staff{EmployeeNo: "ZW01", Name: "王堃", HomeUnitID: a.HomeUnitID, WindowID: a.ID, Post: PostStaff, JoinedOn: NewDate(2025, 1, 1)}
	if err := old.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	db := old.db
	for _, tbl := range []any{&Selection{}, &SelectionNominee{}, &SelectionVote{}, &SelectionObjection{}} {
		if err := db.Migrator().DropTable(tbl); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Exec(`INSERT INTO award_decisions (quarter, staff_id, awarded, votes, remarks, decided_on, recorded_by, created_at, updated_at)
		VALUES ('2026Q3', ?, TRUE, 7, '应到9人，实到9人', '2026-10-12', '综合业务科', '2026-10-12', '2026-10-12')`, p.ID).Error; err != nil {
		t.Fatal(err)
	}
	db.Exec("DELETE FROM schema_migrations WHERE version >= ?", migrationVersion(t, "评选程序：提名、评选会、公示与决定"))
	old.Close()

	st := mustOpen(t, dir)
	defer st.Close()
	rec, err := st.SelectionOf(SelectStar, "2026Q3")
	if err != nil || !rec.Selection.Legacy || !rec.Decided() || nomineeNames(rec.Awarded()) != "王堃" || rec.VoteText(p.ID) != "同意7 不同意0 弃权0" {
		t.Fatalf("carried over %+v %v (%v)", rec.Selection, rec.Awarded(), err)
	}
}
