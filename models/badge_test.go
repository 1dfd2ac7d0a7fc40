package models

import (
	"strings"
	"testing"
)

// 替岗人员管理 2: "临时替岗人员上岗前需领取临时工作挂牌及座牌". An item issued
// after the substitution started is recorded, but as 事后发放, in the
// register and the 操作日志.
func TestHandbookSubstituteBadgeBeforeStartLateIssueIsMarked(t *testing.T) {
	nov := func(d int) Date { return NewDate(2026, 11, d) }
	sub := Substitution{ID: 1, From: nov(23), To: nov(27)}
	for _, tc := range []struct {
		name string
		on   Date
		late bool
	}{
		{"报备后、上岗前发放", nov(20), false},
		{"上岗当天发放", nov(23), false},
		{"上岗次日补发：事后发放", nov(24), true},
		{"替岗最后一天补发：事后发放", nov(27), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := IssuedLate(sub, tc.on); got != tc.late {
				t.Fatalf("IssuedLate(%s) = %v, want %v", tc.on, got, tc.late)
			}
			l := BadgeLoan{Substitution: sub, IssuedOn: tc.on}
			if l.LateIssue() != tc.late {
				t.Fatalf("LateIssue = %v", l.LateIssue())
			}
		})
	}

	st := openTemp(t)
	x := seedSubstitution(t, st, nov(23), nov(27))
	badge := BadgeItem{Kind: BadgeKindBadge, No: "临牌-01"}
	if err := st.SaveBadgeItem(&badge); err != nil {
		t.Fatal(err)
	}
	loan, err := st.IssueBadge(badge.ID, x.ID, nov(24), "")
	if err != nil || !loan.LateIssue() {
		t.Fatalf("late issue %+v (%v)", loan, err)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "挂牌座牌领用"})
	if len(log) != 1 {
		t.Fatalf("audit %+v", log)
	}
	marked := false
	for _, f := range decodeFields(log[0].After) {
		marked = marked || f.Label == "事后发放" && f.Value == "是"
	}
	if !marked {
		t.Fatalf("the 操作日志 does not say 事后发放: %s", log[0].After)
	}
}

// 替岗人员管理 2: a running substitution whose substitute holds no badge or
// no seat plate is flagged, with what is missing.
func TestHandbookSubstituteWithoutBadgeIsFlagged(t *testing.T) {
	nov := func(d int) Date { return NewDate(2026, 11, d) }
	sub := Substitution{ID: 7, From: nov(23), To: nov(27)}
	badge := BadgeItem{Kind: BadgeKindBadge, No: "临牌-01"}
	plate := BadgeItem{Kind: BadgeKindPlate, No: "座牌-A01"}
	loan := func(item BadgeItem, on Date) BadgeLoan {
		return BadgeLoan{SubstitutionID: 7, Substitution: sub, Item: item, IssuedOn: on}
	}
	returned := loan(plate, nov(23))
	returned.ReturnedOn = nov(24)
	lost := loan(badge, nov(23))
	lost.LostOn = nov(25)
	for _, tc := range []struct {
		name  string
		today Date
		loans []BadgeLoan
		want  string
	}{
		{"替岗未开始：不提醒", nov(20), nil, ""},
		{"替岗中、挂牌座牌都未领", nov(24), nil, "临时工作挂牌、座牌"},
		{"替岗中、只领了挂牌", nov(24), []BadgeLoan{loan(badge, nov(23))}, "座牌"},
		{"替岗中、挂牌座牌都已领", nov(24), []BadgeLoan{loan(badge, nov(23)), loan(plate, nov(23))}, ""},
		{"座牌提前归还：替岗中又缺座牌", nov(26), []BadgeLoan{loan(badge, nov(23)), returned}, "座牌"},
		{"挂牌遗失未补发", nov(26), []BadgeLoan{lost, loan(plate, nov(23))}, "临时工作挂牌"},
		{"别的替岗领的不算", nov(24), []BadgeLoan{{SubstitutionID: 8, Item: badge, IssuedOn: nov(23)}, loan(plate, nov(23))}, "临时工作挂牌"},
		{"替岗已结束：不再提醒（逾期未还另有提醒）", nov(30), nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(MissingBadges(sub, tc.loans, tc.today), "、"); got != tc.want {
				t.Fatalf("missing %q, want %q", got, tc.want)
			}
		})
	}

	st := openTemp(t) // today is 2026-11-26
	x := seedSubstitution(t, st, nov(25), nov(27))
	gaps, err := st.SubstitutionsWithoutBadges(st.Today())
	if err != nil || len(gaps) != 1 || gaps[0].Describe() != "赵志刚（替 王堃，A01）未领临时工作挂牌、座牌" {
		t.Fatalf("gaps %+v (%v)", gaps, err)
	}
	for _, it := range []BadgeItem{{Kind: BadgeKindBadge, No: "临牌-01"}, {Kind: BadgeKindPlate, No: "座牌-A01"}} {
		if err := st.SaveBadgeItem(&it); err != nil {
			t.Fatal(err)
		}
		if _, err := st.IssueBadge(it.ID, x.ID, nov(25), ""); err != nil {
			t.Fatal(err)
		}
	}
	if gaps, _ := st.SubstitutionsWithoutBadges(st.Today()); len(gaps) != 0 {
		t.Fatalf("still flagged: %+v", gaps)
	}
}
