package models

import (
	"fmt"
	"sort"
	"strings"
)

// The rules of the selection meeting as plain functions over plain values:
// the quorum, the majority, the check of a round's tally against those
// present, and who a meeting's rounds elect.

// FractionText writes a share as the rules say it: 2/3 → 三分之二, 1/2 → 半数.
func FractionText(num, den int) string {
	if num*2 == den {
		return "半数"
	}
	if den <= 10 && num <= 10 && num > 0 {
		return chineseDigits(den) + "分之" + chineseDigits(num)
	}
	return fmt.Sprintf("%d/%d", num, den)
}

func chineseDigits(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 0 && n <= 10 {
		return digits[n]
	}
	return fmt.Sprint(n)
}

// QuorumMet tells whether present of expected members may vote: more than
// QuorumNum/QuorumDen of them (7 of 9 may, 6 of 9 may not).
func (r ScoringRules) QuorumMet(expected, present int) bool {
	return expected > 0 && present*r.QuorumDen > expected*r.QuorumNum
}

// QuorumRule says the quorum: "实到人数须超过应到人数的三分之二".
func (r ScoringRules) QuorumRule() string {
	return "实到人数须超过应到人数的" + FractionText(r.QuorumNum, r.QuorumDen)
}

// HasMajority tells whether votes for a candidate are more than
// MajorityNum/MajorityDen of those present (4 of 7 are, 3 of 7 are not),
// and at least the rule set's least number of votes.
func (r ScoringRules) HasMajority(votes, present int) bool {
	return present > 0 && votes*r.MajorityDen > present*r.MajorityNum && votes >= r.StarMinVotes
}

// MajorityRule says the majority: "同意票须超过实到人数的半数".
func (r ScoringRules) MajorityRule() string {
	return "同意票须超过实到人数的" + FractionText(r.MajorityNum, r.MajorityDen)
}

// MajorityNeed is the least number of votes a candidate needs with present
// members at the meeting.
func (r ScoringRules) MajorityNeed(present int) int {
	need := present*r.MajorityNum/r.MajorityDen + 1
	return max(need, r.StarMinVotes)
}

// RoundVotes is one candidate's votes in one round of the meeting.
type RoundVotes struct {
	SubjectID uint
	Name      string
	For       int // 同意
	Against   int // 不同意
	Abstain   int // 弃权
}

// CheckRound checks one round's tally against the ballots that counted:
// no candidate has more marks than valid ballots, and no more approvals
// were given than each ballot allows (places per ballot). Each problem is
// one sentence naming the candidate.
func CheckRound(votes []RoundVotes, valid, places, present int) []string {
	var out []string
	total := 0
	for _, v := range votes {
		if v.For < 0 || v.Against < 0 || v.Abstain < 0 {
			out = append(out, v.Name+"的票数不能为负数")
			continue
		}
		if n := v.For + v.Against + v.Abstain; n > valid {
			out = append(out, fmt.Sprintf("%s的同意、不同意、弃权共%d票，多于有效票%d张（实到%d人）", v.Name, n, valid, present))
		}
		total += v.For
	}
	if places > 0 && total > valid*places {
		out = append(out, fmt.Sprintf("同意票合计%d票，多于有效票%d张每张最多同意%d人的%d票", total, valid, places, valid*places))
	}
	return out
}

// Tally is what a meeting's rounds decide: who is elected, who has to go
// to another round, and a sentence for each candidate.
type Tally struct {
	Elected []uint // in the order the votes placed them (use the ranking to print)
	// Runoff are the candidates tied at the cut who need another round
	// (RunoffRound) for RunoffSeats seats; empty when the rounds decide.
	Runoff      []uint
	RunoffRound int
	RunoffSeats int
	Notes       map[uint]string
}

// Complete tells whether the rounds so far decide the selection.
func (t Tally) Complete() bool { return len(t.Runoff) == 0 }

// IsElected tells whether a candidate is elected.
func (t Tally) IsElected(id uint) bool {
	for _, e := range t.Elected {
		if e == id {
			return true
		}
	}
	return false
}

// CountVotes decides a meeting: in the first round a candidate needs the
// majority of those present; of those who have it, the most votes take the
// places. Candidates tied at the cut (more of them than seats left) go to
// a run-off among themselves, round after round, where the most votes
// take the seats left; the ranking never breaks a tie of votes, the meeting
// does. rounds[0] is the first round, rounds[k] the run-off k+1.
func CountVotes(rounds [][]RoundVotes, present, places int, r ScoringRules) Tally {
	t := Tally{Notes: map[uint]string{}}
	if len(rounds) == 0 || places < 1 {
		return t
	}
	need := r.MajorityNeed(present)
	var passed []RoundVotes
	for _, v := range rounds[0] {
		if r.HasMajority(v.For, present) {
			passed = append(passed, v)
			t.Notes[v.SubjectID] = fmt.Sprintf("第一轮同意%d票，超过半数", v.For)
		} else {
			t.Notes[v.SubjectID] = fmt.Sprintf("第一轮同意%d票，未达当选所需的%d票", v.For, need)
		}
	}
	seats := places
	pool := passed
	for round := 0; ; round++ {
		sort.SliceStable(pool, func(i, j int) bool { return pool[i].For > pool[j].For })
		if len(pool) <= seats {
			for _, v := range pool {
				t.Elected = append(t.Elected, v.SubjectID)
				t.Notes[v.SubjectID] += "，当选"
			}
			return t
		}
		cut := pool[seats-1].For
		var tied []RoundVotes
		for _, v := range pool {
			switch {
			case v.For > cut:
				t.Elected = append(t.Elected, v.SubjectID)
				t.Notes[v.SubjectID] += "，当选"
				seats--
			case v.For == cut:
				tied = append(tied, v)
			default:
				t.Notes[v.SubjectID] += "，名额已满未当选"
			}
		}
		if len(tied) <= seats {
			for _, v := range tied {
				t.Elected = append(t.Elected, v.SubjectID)
				t.Notes[v.SubjectID] += "，当选"
			}
			return t
		}
		// a tie at the cut: the next round decides among the tied
		next := round + 1
		if next >= len(rounds) {
			for _, v := range tied {
				t.Runoff = append(t.Runoff, v.SubjectID)
				t.Notes[v.SubjectID] += fmt.Sprintf("，与%s同票，须第%s轮投票", otherNames(tied, v.SubjectID), chineseDigits(next+1))
			}
			t.RunoffRound, t.RunoffSeats = next+1, seats
			return t
		}
		got := map[uint]RoundVotes{}
		for _, v := range rounds[next] {
			got[v.SubjectID] = v
		}
		pool = pool[:0:0]
		for _, v := range tied {
			w := got[v.SubjectID]
			w.SubjectID, w.Name = v.SubjectID, v.Name
			t.Notes[v.SubjectID] += fmt.Sprintf("；第%s轮同意%d票", chineseDigits(next+1), w.For)
			pool = append(pool, w)
		}
	}
}

func otherNames(vs []RoundVotes, self uint) string {
	var out []string
	for _, v := range vs {
		if v.SubjectID != self {
			out = append(out, v.Name)
		}
	}
	return strings.Join(out, "、")
}

// PublicityEnd is the last day of a 公示 of days working days starting on
// from (from counts when it is a working day).
func PublicityEnd(cal *Calendar, from Date, days int) Date {
	return cal.AddWorkingDays(from.AddDays(-1), days)
}
