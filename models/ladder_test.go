package models

import (
	"strings"
	"testing"
)

// Escalation ladders are rule-set data: each step's measure and
// consequences, the worse case of 服务承诺 二.2, the counting period, each
// with an effective date.
func TestLaddersAreRuleData(t *testing.T) {
	delay := func(t *testing.T, st *Store, p Staff, on Date, aggravated bool) Violation {
		t.Helper()
		v := Violation{StaffID: p.ID, On: on, Category: CategoryPromiseDelay, Circumstances: "承诺件超期三个工作日未办结，无正当理由",
			RecordedBy: "督查科", Aggravated: aggravated}
		if err := st.SaveViolation(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	cases := []struct {
		name  string
		rules func(rs *RuleSet) // a rule set from 2026-01-01; nil: the built-in
		check func(t *testing.T, st *Store, p Staff)
	}{
		{"服务承诺二.2_督查后仍未完成的书面检查并扣发当月考核奖", nil, func(t *testing.T, st *Store, p Staff) {
			v := delay(t, st, p, NewDate(2026, 11, 10), true)
			if !v.Aggravated || !v.StopsMonthlyBonus || !strings.Contains(v.ConsequenceList, ConsequenceWritten) ||
				!strings.Contains(v.StepAction, "督查后仍未能按要求完成：书面检查") {
				t.Fatalf("aggravated 拖拉: %+v", v)
			}
			ms, _ := st.ScoreMonth("2026-11")
			if got := scoreOf(t, ms, p.Name); len(got.BonusStopped) != 1 {
				t.Fatalf("the bonus list should name the 拖拉: %v", got.BonusStopped)
			}
		}},
		{"服务承诺二.2_第一次责令办理并道歉不扣奖", nil, func(t *testing.T, st *Store, p Staff) {
			v := delay(t, st, p, NewDate(2026, 11, 10), false)
			if v.Aggravated || v.StopsMonthlyBonus || v.StepAction != "责令立即办理并向服务对象道歉" {
				t.Fatalf("plain 拖拉: %+v", v)
			}
		}},
		{"服务承诺二.2_两次人为拖拉以违反工作纪律论处", nil, func(t *testing.T, st *Store, p Staff) {
			delay(t, st, p, NewDate(2026, 11, 10), false)
			v := delay(t, st, p, NewDate(2026, 11, 20), false)
			if v.Step != 2 || v.StepAction != "按违反工作纪律论处，直至调离工作岗位" || !v.LosesQuarterStar || !v.Censured() {
				t.Fatalf("2nd 拖拉: %+v", v)
			}
		}},
		{"服务规范五.2_改为第一次即通报批评", func(rs *RuleSet) {
			for i, l := range rs.Conduct.Ladders {
				if l.Category == CategoryService {
					rs.Conduct.Ladders[i].Steps[0] = LadderStep{Action: "中心网络通报批评", Consequences: []string{ConsequenceCircular, ConsequenceStar}}
				}
			}
		}, func(t *testing.T, st *Store, p Staff) {
			v := record(t, st, p, NewDate(2026, 11, 10), CategoryService)
			if v.StepAction != "中心网络通报批评" || v.NoticeLevel != NoticeCircular || !v.LosesQuarterStar {
				t.Fatalf("edited ladder not applied: %+v", v)
			}
		}},
		{"窗口工作纪律_计数周期按类别设为滚动12个月", func(rs *RuleSet) {
			for i, l := range rs.Conduct.Ladders {
				if l.Category == CategoryDiscipline {
					rs.Conduct.Ladders[i].Period = PeriodRolling12
				}
			}
		}, func(t *testing.T, st *Store, p Staff) {
			record(t, st, p, NewDate(2026, 12, 20), CategoryDiscipline)
			record(t, st, p, NewDate(2026, 12, 21), CategoryService)
			if v := record(t, st, p, NewDate(2027, 1, 4), CategoryDiscipline); v.Step != 2 {
				t.Fatalf("rolling 工作纪律: step %d, want 2", v.Step)
			}
			if v := record(t, st, p, NewDate(2027, 1, 5), CategoryService); v.Step != 1 {
				t.Fatalf("服务规范 keeps the calendar year: step %d, want 1", v.Step)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, people := scoringCentre(t)
			if c.rules != nil {
				rs := DefaultRuleSet()
				rs.EffectiveFrom = NewDate(2026, 1, 1)
				c.rules(&rs)
				if err := st.SaveRuleSet(&rs); err != nil {
					t.Fatal(err)
				}
			}
			c.check(t, st, people["张昇"])
		})
	}
}

// A rule set saved for days already recorded re-judges their records: a
// past month is always computed with the rules in force then, and a later
// rule set leaves it alone.
func TestLadderChangeReappliesToTheDaysItGoverns(t *testing.T) {
	st, people := scoringCentre(t)
	p := people["张昇"]
	nov := record(t, st, p, NewDate(2026, 11, 10), CategoryService)
	if nov.NoticeLevel != NoticeVerbal {
		t.Fatalf("built-in 1st 服务规范: %+v", nov)
	}
	strict := DefaultRuleSet()
	strict.EffectiveFrom = NewDate(2026, 12, 1)
	strict.Conduct.Ladders[0].Steps[0] = LadderStep{Action: "中心网络通报批评", Consequences: []string{ConsequenceCircular, ConsequenceStar}}
	if err := st.SaveRuleSet(&strict); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.ViolationByID(nov.ID); got.NoticeLevel != NoticeVerbal {
		t.Fatalf("December's rules changed November: %+v", got)
	}
	strict.EffectiveFrom = NewDate(2026, 11, 1)
	if err := st.SaveRuleSet(&strict); err != nil {
		t.Fatal(err)
	}
	got, _ := st.ViolationByID(nov.ID)
	if got.NoticeLevel != NoticeCircular || !got.LosesQuarterStar || got.StepAction != "中心网络通报批评" {
		t.Fatalf("the rules now in force for November were not applied: %+v", got)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "违规记录"})
	if len(log) != 2 {
		t.Fatalf("the re-judged violation should be in the audit log: %d entries", len(log))
	}
}

func TestManualBonusStopIsListedAndAudited(t *testing.T) {
	st, people := scoringCentre(t)
	p := people["刘玥"]
	if err := st.SaveBonusStop(&BonusStop{StaffID: p.ID, Month: "2026-11"}); err == nil {
		t.Fatal("a 扣发 without a reason was saved")
	}
	b := BonusStop{StaffID: p.ID, Month: "2026-11", Reason: "擅自将办件材料带出大厅，中心主任办公会决定", Basis: "窗口工作纪律"}
	if err := st.SaveBonusStop(&b); err != nil {
		t.Fatal(err)
	}
	ms, _ := st.ScoreMonth("2026-11")
	if got := scoreOf(t, ms, "刘玥"); len(got.BonusStopped) != 1 || got.BonusStopped[0] != "人工登记：擅自将办件材料带出大厅，中心主任办公会决定（窗口工作纪律）" {
		t.Fatalf("扣发 list: %v", got.BonusStopped)
	}
	if got := scoreOf(t, ms, "刘玥"); got.Score != 100 {
		t.Fatalf("a 扣发 costs the bonus, not points: %v", got.Score)
	}
	if err := st.CloseScoreMonth("2026-11"); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteBonusStop(b.ID); err == nil || !strings.Contains(err.Error(), "已封帐") {
		t.Fatalf("withdrawn in a closed month: %v", err)
	}
	if err := st.ReopenScoreMonth("2026-11", "核实扣发依据"); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteBonusStop(b.ID); err != nil {
		t.Fatal(err)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "考核奖扣发"})
	if len(log) != 2 {
		t.Fatalf("want the record and its withdrawal in the audit log, got %d", len(log))
	}
}

// The handbook contradicts itself on an upheld complaint (服务承诺制度 二.3:
// 第一次通报批评，扣发当月考核奖; 服务规范 五.2: 第一次口头批评). The office
// chooses in the rule set; the default is 二.3, and the choice decides the
// star veto and the bonus.
func TestUpheldComplaintFollowsTheOfficesChoice(t *testing.T) {
	cases := []struct {
		name       string
		choice     string // "" keeps the built-in rules
		category   string
		action     string
		vetoed     bool
		bonusStops bool
	}{
		{"服务承诺制度二.3_默认_投诉属实第一次通报批评并扣发当月考核奖", "", CategoryPromiseBreak, "通报批评；扣当月考核奖", true, true},
		{"服务承诺制度二.3_明确选择", UpheldByPromise, CategoryPromiseBreak, "通报批评；扣当月考核奖", true, true},
		{"服务规范五.2_选择后第一次口头批评", UpheldByService, CategoryService, "口头批评，立即改正", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, people := scoringCentre(t)
			if c.choice != "" {
				rs := DefaultRuleSet()
				rs.EffectiveFrom = NewDate(2026, 1, 1)
				rs.Conduct.UpheldComplaint = c.choice
				if err := st.SaveRuleSet(&rs); err != nil {
					t.Fatal(err)
				}
			}
			p := people["李喆"]
			cp := upheldComplaint(t, st, p.WindowID, &p.ID, NewDate(2026, 11, 9), ProblemAttitude)
			v, err := st.ViolationByID(*cp.ViolationID)
			if err != nil {
				t.Fatal(err)
			}
			if v.Category != c.category || v.StepAction != c.action {
				t.Fatalf("violation %s %q, want %s %q", v.Category, v.StepAction, c.category, c.action)
			}
			ms, _ := st.ScoreMonth("2026-11")
			got := scoreOf(t, ms, "李喆")
			if (len(got.StarVetoes) > 0) != c.vetoed || (len(got.BonusStopped) > 0) != c.bonusStops {
				t.Fatalf("vetoes %v, bonus stopped %v", got.StarVetoes, got.BonusStopped)
			}
			if got.Score != 95 {
				t.Fatalf("an upheld complaint costs 5 points whichever clause applies: %v", got.Score)
			}
		})
	}
}
