package models

import (
	"strings"
	"testing"
)

func windowOf(t *testing.T, ms MonthScores, code string) WindowScore {
	t.Helper()
	for _, w := range ms.Windows {
		if w.Code == code {
			return w
		}
	}
	t.Fatalf("window %s not scored", code)
	return WindowScore{}
}

func upheldComplaint(t *testing.T, st *Store, windowID uint, staffID *uint, on Date, problem string) Complaint {
	t.Helper()
	c := Complaint{On: on, WindowID: windowID, StaffID: staffID, Complainant: "张先生", Channel: "12345热线",
		Content: "窗口人员说“有本事不要来我这儿办”", Problem: problem}
	if err := st.SaveComplaint(&c); err != nil {
		t.Fatal(err)
	}
	if err := st.ConcludeComplaint(c.ID, ComplaintUpheld, "调取录音录像", "经核实投诉属实", on); err != nil {
		t.Fatal(err)
	}
	got, err := st.ComplaintByID(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// 服务规范 五.3 and 一次性告知制度 四 cost "所在窗口" its 满意窗口: a
// 临时替岗人员 is not scored for the window's mean, but the window they sat
// at loses the month all the same.
func TestSubstituteVetoesTheirWindow(t *testing.T) {
	cases := []struct {
		name   string
		record func(t *testing.T, st *Store, sub Staff)
		reason string
	}{
		{"服务规范五.3_替岗人员服务用语不当投诉属实取消所在窗口当月满意窗口", func(t *testing.T, st *Store, sub Staff) {
			upheldComplaint(t, st, sub.WindowID, &sub.ID, NewDate(2026, 11, 10), ProblemLanguage)
		}, "服务用语不当"},
		{"一次性告知制度四_替岗人员第二次一次性告知取消所在窗口当月满意窗口", func(t *testing.T, st *Store, sub Staff) {
			for _, day := range []int{5, 12} {
				v := Violation{StaffID: sub.ID, On: NewDate(2026, 11, day), Category: CategoryNotification,
					Circumstances: "未一次性告知补正材料，群众二次跑", RecordedBy: "督查科"}
				if err := st.SaveViolation(&v); err != nil {
					t.Fatal(err)
				}
			}
		}, "一次性告知"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, people := scoringCentre(t)
			sub := people["替岗甲"]
			c.record(t, st, sub)
			ms, err := st.ScoreMonth("2026-11")
			if err != nil {
				t.Fatal(err)
			}
			a01 := windowOf(t, ms, "A01")
			if a01.Eligible() || a01.Award || !strings.Contains(strings.Join(a01.Vetoes, "；"), "替岗甲") ||
				!strings.Contains(strings.Join(a01.Vetoes, "；"), c.reason) {
				t.Fatalf("A01 should lose 满意窗口 for its substitute: %+v", a01)
			}
			if a01.Members != 2 || a01.Score != 100 {
				t.Fatalf("the substitute must still not count in the mean: %+v", a01)
			}
			if p := scoreOf(t, ms, "替岗甲"); len(p.BonusStopped) == 0 {
				t.Fatalf("the substitute's bonus is stopped too: %+v", p)
			}
		})
	}
}

// A veto belongs to the window where the event happened (服务规范 五.3
// "所在窗口", DOMAIN.md clarifications): a person moved on 25 November keeps
// their earlier complaint and violations at the window they sat at then.
func TestVetoGoesToTheWindowOfTheEvent(t *testing.T) {
	cases := []struct {
		name   string
		record func(t *testing.T, st *Store, p Staff, a02 uint)
		reason string
	}{
		{"服务规范五.3_调岗前的用语不当投诉取消原窗口", func(t *testing.T, st *Store, p Staff, a02 uint) {
			upheldComplaint(t, st, a02, &p.ID, NewDate(2026, 11, 20), ProblemLanguage)
		}, "服务用语不当"},
		{"一次性告知制度四_调岗前的第二次一次性告知取消原窗口", func(t *testing.T, st *Store, p Staff, a02 uint) {
			for _, day := range []int{10, 20} {
				v := Violation{StaffID: p.ID, On: NewDate(2026, 11, day), Category: CategoryNotification,
					Circumstances: "未一次性告知补正材料，群众二次跑", RecordedBy: "督查科"}
				if err := st.SaveViolation(&v); err != nil {
					t.Fatal(err)
				}
				if v.WindowID != a02 {
					t.Fatalf("the violation of %s is recorded at window %d, want A02 (%d)", v.On, v.WindowID, a02)
				}
			}
		}, "一次性告知"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, people := scoringCentre(t)
			zs := people["张昇"]
			a01, a02 := people["王堃"].WindowID, zs.WindowID
			if err := st.MoveStaff(zs.ID, a01, NewDate(2026, 11, 25), "工作需要调整"); err != nil {
				t.Fatal(err)
			}
			c.record(t, st, zs, a02)
			ms, err := st.ScoreMonth("2026-11")
			if err != nil {
				t.Fatal(err)
			}
			if w := windowOf(t, ms, "A02"); w.Eligible() || !strings.Contains(strings.Join(w.Vetoes, "；"), c.reason) {
				t.Fatalf("A02, where it happened, should lose 满意窗口: %+v", w)
			}
			if w := windowOf(t, ms, "A01"); strings.Contains(strings.Join(w.Vetoes, "；"), c.reason) {
				t.Fatalf("A01 had nothing to do with it: %+v", w)
			}
		})
	}
}

// 一次性告知制度 四 takes the window's 满意窗口 from the 2nd failure; the
// occurrence is the scoring rule "一次性告知第几次", and it takes effect.
func TestOneTimeNoticeNthCostsTheWindow(t *testing.T) {
	cases := []struct {
		name   string
		nth    int
		record int  // 一次性告知 failures of 张昇 in November
		vetoed bool // A02 loses 满意窗口
	}{
		{"一次性告知制度四_默认第二次_一次不取消", 0, 1, false},
		{"一次性告知制度四_默认第二次_两次取消", 0, 2, true},
		{"一次性告知制度四_改为第三次_两次不取消", 3, 2, false},
		{"一次性告知制度四_改为第三次_三次取消", 3, 3, true},
		{"一次性告知制度四_改为第一次_一次即取消", 1, 1, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, people := scoringCentre(t)
			p := people["张昇"]
			for i := 0; i < c.record; i++ {
				v := Violation{StaffID: p.ID, On: NewDate(2026, 11, 3+i*5), Category: CategoryNotification,
					Circumstances: "未一次性告知补正材料，群众二次跑", RecordedBy: "督查科"}
				if err := st.SaveViolation(&v); err != nil {
					t.Fatal(err)
				}
			}
			if c.nth != 0 {
				// saved after the violations: they are judged again by it
				rs := DefaultRuleSet()
				rs.EffectiveFrom = NewDate(2026, 11, 1)
				sr := DefaultScoringRules()
				sr.WindowOneTimeNoticeNth = c.nth
				rs.ScoringRules = &sr
				if err := st.SaveRuleSet(&rs); err != nil {
					t.Fatal(err)
				}
			}
			ms, _ := st.ScoreMonth("2026-11")
			w := windowOf(t, ms, "A02")
			if got := strings.Contains(strings.Join(w.Vetoes, ""), "一次性告知"); got != c.vetoed {
				t.Fatalf("A02 vetoed = %v, want %v: %v", got, c.vetoed, w.Vetoes)
			}
		})
	}
}
