package models

import "testing"

// 临时替岗人员…在替岗结束后及时归还: a substitute whose substitution has
// ended is no longer 在岗, though the record still says so.
func TestSubstituteIsNotOnDutyAfterTheSubstitution(t *testing.T) {
	sub := Staff{Post: PostSubstitute, Status: StatusOnDuty, JoinedOn: NewDate(2026, 11, 9), LeftOn: NewDate(2026, 11, 13)}
	staff := Staff{Post: PostStaff, Status: StatusOnDuty, JoinedOn: NewDate(2024, 1, 2)}
	left := Staff{Post: PostStaff, Status: StatusReturned, JoinedOn: NewDate(2024, 1, 2), LeftOn: NewDate(2026, 10, 31)}
	cases := []struct {
		name string
		p    Staff
		on   Date
		want string
	}{
		{"替岗开始前：未到岗", sub, NewDate(2026, 11, 8), StatusNotStarted},
		{"替岗第一天：在岗", sub, NewDate(2026, 11, 9), StatusOnDuty},
		{"替岗最后一天：在岗", sub, NewDate(2026, 11, 13), StatusOnDuty},
		{"替岗结束次日：替岗结束，不再在岗", sub, NewDate(2026, 11, 14), StatusSubstituteEnded},
		{"窗口工作人员无离岗日期：在岗", staff, NewDate(2026, 11, 14), StatusOnDuty},
		{"已退回原单位：保持记录的状态", left, NewDate(2026, 11, 14), StatusReturned},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.StatusOn(c.on); got != c.want || c.p.OnDuty(c.on) != (c.want == StatusOnDuty) {
				t.Fatalf("%s, want %s", got, c.want)
			}
		})
	}
}
