package models

import (
	"strings"
	"testing"
)

func TestMeetingQuorumIsMoreThanTwoThirds(t *testing.T) {
	r := DefaultScoringRules()
	for _, tc := range []struct {
		name              string
		expected, present int
		ok                bool
	}{
		{"7 of 9 may vote", 9, 7, true},
		{"6 of 9 is exactly two thirds, refused", 9, 6, false},
		{"9 of 9", 9, 9, true},
		{"5 of 7 may vote", 7, 5, true},
		{"4 of 6 is two thirds, refused", 6, 4, false},
		{"nobody to come", 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := r.QuorumMet(tc.expected, tc.present); got != tc.ok {
				t.Fatalf("QuorumMet(%d, %d) = %v", tc.expected, tc.present, got)
			}
		})
	}
	half := r
	half.QuorumNum, half.QuorumDen = 1, 2
	if !half.QuorumMet(9, 5) || half.QuorumMet(8, 4) {
		t.Fatal("a rule set's quorum of more than half is not applied")
	}
	if r.QuorumRule() != "实到人数须超过应到人数的三分之二" || half.QuorumRule() != "实到人数须超过应到人数的半数" {
		t.Fatalf("rules say %q / %q", r.QuorumRule(), half.QuorumRule())
	}
}

func TestMajorityIsMoreThanHalfOfThosePresent(t *testing.T) {
	r := DefaultScoringRules()
	for _, tc := range []struct {
		name           string
		votes, present int
		ok             bool
		need           int
	}{
		{"4 of 7 present elect", 4, 7, true, 4},
		{"3 of 7 votes refused as a majority", 3, 7, false, 4},
		{"4 of 8 is half, not more", 4, 8, false, 5},
		{"5 of 9", 5, 9, true, 5},
		{"0 of 0", 0, 0, false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := r.HasMajority(tc.votes, tc.present); got != tc.ok {
				t.Fatalf("HasMajority(%d, %d) = %v", tc.votes, tc.present, got)
			}
			if got := r.MajorityNeed(tc.present); got != tc.need {
				t.Fatalf("MajorityNeed(%d) = %d, want %d", tc.present, got, tc.need)
			}
		})
	}
}

func TestRoundTallyAgainstThosePresent(t *testing.T) {
	for _, tc := range []struct {
		name   string
		votes  []RoundVotes
		valid  int
		places int
		want   string // a word of the problem, "" for none
	}{
		{"12 votes with 实到7 refused", []RoundVotes{{Name: "王堃", For: 12}}, 7, 5, "多于有效票7张"},
		{"7 votes with 实到7", []RoundVotes{{Name: "王堃", For: 7}}, 7, 5, ""},
		{"同意 不同意 弃权 add up past those present", []RoundVotes{{Name: "王堃", For: 4, Against: 2, Abstain: 2}}, 7, 5, "共8票"},
		{"no ballot approves more than the places",
			[]RoundVotes{{Name: "甲", For: 7}, {Name: "乙", For: 7}, {Name: "丙", For: 1}}, 7, 2, "每张最多同意2人"},
		{"negative votes refused", []RoundVotes{{Name: "王堃", For: -1}}, 7, 5, "不能为负数"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(CheckRound(tc.votes, tc.valid, tc.places, tc.valid), "；")
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Fatalf("problems %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCountVotes(t *testing.T) {
	r := DefaultScoringRules()
	v := func(id uint, name string, n int) RoundVotes { return RoundVotes{SubjectID: id, Name: name, For: n} }
	for _, tc := range []struct {
		name    string
		rounds  [][]RoundVotes
		present int
		places  int
		elected []uint
		runoff  []uint
		note    string
	}{
		{"3 of 7 is not elected while 4 of 7 is",
			[][]RoundVotes{{v(1, "甲", 3), v(2, "乙", 4)}}, 7, 5, []uint{2}, nil, "未达当选所需的4票"},
		{"more with a majority than places: the most votes take them",
			[][]RoundVotes{{v(1, "甲", 5), v(2, "乙", 7), v(3, "丙", 6)}}, 7, 2, []uint{2, 3}, nil, "名额已满"},
		{"a tie at the cut goes to a run-off, never to the ranking",
			[][]RoundVotes{{v(1, "甲", 7), v(2, "乙", 5), v(3, "丙", 5)}}, 7, 2, []uint{1}, []uint{2, 3}, "须第二轮投票"},
		{"the run-off decides the tie",
			[][]RoundVotes{{v(1, "甲", 7), v(2, "乙", 5), v(3, "丙", 5)}, {v(2, "乙", 3), v(3, "丙", 4)}}, 7, 2, []uint{1, 3}, nil, "第二轮同意4票"},
		{"a run-off tied again needs a third round",
			[][]RoundVotes{{v(2, "乙", 5), v(3, "丙", 5)}, {v(2, "乙", 3), v(3, "丙", 3)}}, 7, 1, nil, []uint{2, 3}, "须第三轮投票"},
		{"a tie within the places elects both",
			[][]RoundVotes{{v(1, "甲", 5), v(2, "乙", 5)}}, 7, 2, []uint{1, 2}, nil, ""},
		{"nobody with a majority elects nobody",
			[][]RoundVotes{{v(1, "甲", 3), v(2, "乙", 2)}}, 7, 2, nil, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := CountVotes(tc.rounds, tc.present, tc.places, r)
			if !sameIDs(got.Elected, tc.elected) || !sameIDs(got.Runoff, tc.runoff) {
				t.Fatalf("elected %v runoff %v, want %v / %v (%v)", got.Elected, got.Runoff, tc.elected, tc.runoff, got.Notes)
			}
			if got.Complete() != (len(tc.runoff) == 0) {
				t.Fatal("Complete disagrees with the run-off")
			}
			var notes []string
			for _, n := range got.Notes {
				notes = append(notes, n)
			}
			if !strings.Contains(strings.Join(notes, "|"), tc.note) {
				t.Fatalf("notes %v lack %q", notes, tc.note)
			}
		})
	}
}

func sameIDs(a, b []uint) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[uint]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestPublicityLastsWorkingDays(t *testing.T) {
	st := openTemp(t)
	cal, err := st.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		from     Date
		days     int
		wantLast Date
	}{
		{"5 working days from a Monday end on Friday", NewDate(2027, 1, 11), 5, NewDate(2027, 1, 15)},
		{"from a Friday they end on Thursday", NewDate(2027, 1, 8), 5, NewDate(2027, 1, 14)},
		{"from a Saturday the first is Monday", NewDate(2027, 1, 9), 5, NewDate(2027, 1, 15)},
		{"National Day does not count", NewDate(2026, 9, 28), 5, NewDate(2026, 10, 9)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := PublicityEnd(cal, tc.from, tc.days); got != tc.wantLast {
				t.Fatalf("ends %s, want %s", got, tc.wantLast)
			}
		})
	}
}
