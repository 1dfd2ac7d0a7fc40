package models

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// SelectionCandidate is a window or a person as a selection sees them:
// the ranking's figures, eligibility and tie note, and the window and unit
// of the period.
type SelectionCandidate struct {
	SubjectID  uint
	Code, Name string
	Unit       string // 派驻单位
	Window     string // the window of the period ("A01 企业开办综合窗口"); people only
	Rank       int    // 0 when not eligible
	Score      float64
	Eligible   bool
	Reasons    []string
	Tie        string
	Proposed   bool // within the places by the ranking
	// Rate, Cases: 满意率 in percent (-1 without ratings) and cases
	// completed, for the candidates' papers.
	Rate  float64
	Cases int
	// MonthScores are a person's monthly scores, a window's one month.
	MonthScores []float64
}

// SelectionRecord is a selection as the screens and papers show it: where
// it stands, what the ranking says now, and what the meeting decided.
type SelectionRecord struct {
	Kind, Period string
	Months       []string
	End          Date   // the period's last day
	Stage        string // one of SelectionStages
	Selection    Selection
	Nominees     []SelectionNominee // the shortlist and any written-in candidate, in ranking order
	Votes        []SelectionVote
	Objections   []SelectionObjection
	RuleSet      RuleSet
	Rules        ScoringRules
	Candidates   []SelectionCandidate // the ranking now
	// MonthStates are the scoring states of the period's months; Unscored
	// the months without any punch record (their scores mean nothing).
	MonthStates map[string]string
	Unscored    []string
	Tally       Tally
	// Changes say how the ranking now differs from the shortlist's basis:
	// a candidate no longer eligible, a score changed, someone new within
	// the places.
	Changes []string
	// Commendation is the 表彰决定 in force, if printed.
	Commendation *IssuedNotice
	Today        Date
}

// Title names the selection: "2026年第四季度服务明星".
func (r SelectionRecord) Title() string { return PeriodTitle(r.Period) + r.Kind }

// Ended tells whether the period is over.
func (r SelectionRecord) Ended() bool { return r.Today.After(r.End) }

// Closed tells whether every month of the period is closed (封帐).
func (r SelectionRecord) Closed() bool {
	for _, m := range r.Months {
		if st := r.MonthStates[m]; st != ScoreClosed && st != ScorePublished {
			return false
		}
	}
	return true
}

// OpenMonths lists the months of the period not closed yet.
func (r SelectionRecord) OpenMonths() []string {
	var out []string
	for _, m := range r.Months {
		if st := r.MonthStates[m]; st != ScoreClosed && st != ScorePublished {
			out = append(out, m)
		}
	}
	return out
}

// PublicityOver tells whether the 公示 has run its course.
func (r SelectionRecord) PublicityOver() bool {
	return !r.Selection.PublicityTo.IsZero() && r.Today.After(r.Selection.PublicityTo)
}

// OpenObjections counts the objections still without an outcome.
func (r SelectionRecord) OpenObjections() int {
	n := 0
	for _, o := range r.Objections {
		if !o.Resolved() {
			n++
		}
	}
	return n
}

// Nominee finds a candidate of the selection.
func (r SelectionRecord) Nominee(subject uint) (SelectionNominee, bool) {
	for _, n := range r.Nominees {
		if n.SubjectID == subject {
			return n, true
		}
	}
	return SelectionNominee{}, false
}

// Candidate finds a window or person in the ranking now.
func (r SelectionRecord) Candidate(subject uint) (SelectionCandidate, bool) {
	for _, c := range r.Candidates {
		if c.SubjectID == subject {
			return c, true
		}
	}
	return SelectionCandidate{}, false
}

// Rounds gives the meeting's rounds as votes per candidate, the first first.
func (r SelectionRecord) Rounds() [][]RoundVotes {
	var rounds [][]RoundVotes
	for _, v := range r.Votes {
		for len(rounds) < v.Round {
			rounds = append(rounds, nil)
		}
		n, _ := r.Nominee(v.SubjectID)
		rounds[v.Round-1] = append(rounds[v.Round-1], RoundVotes{SubjectID: v.SubjectID, Name: n.Name, For: v.Agree, Against: v.Disagree, Abstain: v.Abstain})
	}
	return rounds
}

// VotesOf gives a candidate's votes in a round.
func (r SelectionRecord) VotesOf(subject uint, round int) (SelectionVote, bool) {
	for _, v := range r.Votes {
		if v.SubjectID == subject && v.Round == round {
			return v, true
		}
	}
	return SelectionVote{}, false
}

// VoteText sums up a candidate's votes: "同意7 不同意1 弃权1；第二轮同意5".
func (r SelectionRecord) VoteText(subject uint) string {
	var parts []string
	for _, v := range r.Votes {
		if v.SubjectID != subject {
			continue
		}
		if v.Round == 1 {
			parts = append(parts, fmt.Sprintf("同意%d 不同意%d 弃权%d", v.Agree, v.Disagree, v.Abstain))
		} else {
			parts = append(parts, fmt.Sprintf("第%s轮同意%d", chineseDigits(v.Round), v.Agree))
		}
	}
	return strings.Join(parts, "；")
}

// Upheld tells whether an upheld objection concerns the candidate.
func (r SelectionRecord) Upheld(subject uint) bool {
	for _, o := range r.Objections {
		if o.Upheld && o.SubjectID == subject {
			return true
		}
	}
	return false
}

// Proposed lists the candidates the meeting elected and no upheld
// objection concerns, in ranking order: those to be awarded.
func (r SelectionRecord) Proposed() []SelectionNominee {
	var out []SelectionNominee
	for _, n := range r.Nominees {
		if r.Tally.IsElected(n.SubjectID) && !r.Upheld(n.SubjectID) {
			out = append(out, n)
		}
	}
	return out
}

// Awarded lists those the decision awards, in ranking order.
func (r SelectionRecord) Awarded() []SelectionNominee {
	var out []SelectionNominee
	for _, n := range r.Nominees {
		if n.Awarded {
			out = append(out, n)
		}
	}
	return out
}

// Decided tells whether the selection is decided.
func (r SelectionRecord) Decided() bool { return StageIndex(r.Stage) >= StageIndex(StageDecided) }

// Result says the decision on a candidate: 授予 / 未授予, "" before it.
func (r SelectionRecord) Result(subject uint) string {
	if !r.Decided() {
		return ""
	}
	if n, ok := r.Nominee(subject); ok && n.Awarded {
		return "授予"
	}
	return "未授予"
}

// DocNo is the 文号 of the 表彰决定 in force, or "".
func (r SelectionRecord) DocNo() string {
	if r.Commendation == nil {
		return ""
	}
	return r.Commendation.DocNo
}

// BasisChanged tells whether the selection's basis needs a review: a
// month was unlocked (Flag), or the ranking now differs from the shortlist.
func (r SelectionRecord) BasisChanged() bool {
	return r.Selection.Flag != "" || len(r.Changes) > 0
}

// SelectionOf reads a selection with the ranking of its period now.
func (s *Store) SelectionOf(kind, period string) (SelectionRecord, error) {
	period, months, end, err := selectionMonths(kind, period)
	if err != nil {
		return SelectionRecord{}, err
	}
	rec := SelectionRecord{Kind: kind, Period: period, Months: months, End: end, Today: s.Today(), MonthStates: map[string]string{}}
	if err := s.loadCandidates(&rec); err != nil {
		return rec, err
	}
	for _, m := range months {
		st, err := s.ScoreMonthStateOf(m)
		if err != nil {
			return rec, err
		}
		rec.MonthStates[m] = st.State
	}
	if err := s.db.Where("kind = ? AND period = ?", kind, period).Limit(1).Find(&rec.Selection).Error; err != nil {
		return rec, err
	}
	rec.Stage = StageScoring
	if rec.Closed() {
		rec.Stage = StageLocked
	}
	if rec.Selection.ID == 0 {
		return rec, nil
	}
	rec.Stage = rec.Selection.Stage
	id := rec.Selection.ID
	if err := s.db.Where("selection_id = ?", id).Order("CASE WHEN rank = 0 THEN 1 ELSE 0 END, rank, code").Find(&rec.Nominees).Error; err != nil {
		return rec, err
	}
	if err := s.db.Where("selection_id = ?", id).Order("round, id").Find(&rec.Votes).Error; err != nil {
		return rec, err
	}
	if err := s.db.Where("selection_id = ?", id).Order("received_on, id").Find(&rec.Objections).Error; err != nil {
		return rec, err
	}
	rec.Tally = CountVotes(rec.Rounds(), rec.Selection.Present, rec.Selection.Places, rec.Rules)
	if rec.Selection.Legacy {
		rec.Tally = Tally{Notes: map[uint]string{}}
		for _, n := range rec.Nominees {
			if n.Awarded {
				rec.Tally.Elected = append(rec.Tally.Elected, n.SubjectID)
			}
		}
	} else {
		rec.Changes = basisChanges(rec)
	}
	held, err := s.ValidNotices(CommendationKind, "", period)
	if err != nil {
		return rec, err
	}
	if len(held) > 0 {
		rec.Commendation = &held[0]
		if rec.Stage == StageDecided {
			rec.Stage = StageCommended
		}
	}
	return rec, nil
}

// loadCandidates scores the period and lists its windows or people.
func (s *Store) loadCandidates(rec *SelectionRecord) error {
	windows, err := s.ServiceWindows()
	if err != nil {
		return err
	}
	winName := map[string]string{}
	unitOfWindow := map[uint]string{}
	units, err := s.HomeUnits()
	if err != nil {
		return err
	}
	unitName := map[uint]string{}
	for _, u := range units {
		unitName[u.ID] = u.Name
	}
	for _, w := range windows {
		winName[w.Code] = w.Name
		unitOfWindow[w.ID] = unitName[w.HomeUnitID]
	}
	if rec.Kind == SelectWindow {
		ms, err := s.ScoreMonth(rec.Period)
		if err != nil {
			return err
		}
		rec.RuleSet, rec.Rules = ms.RuleSet, ms.RuleSet.Scoring()
		if !ms.HasRecords {
			rec.Unscored = []string{rec.Period}
		}
		for _, w := range ms.Windows {
			rec.Candidates = append(rec.Candidates, SelectionCandidate{SubjectID: w.WindowID, Code: w.Code, Name: w.Name,
				Unit: unitOfWindow[w.WindowID], Rank: w.Rank, Score: w.Score, Eligible: w.Eligible(), Reasons: w.Reasons(),
				Tie: w.Tie, Proposed: w.Award, Rate: SatisfactionRate(w.Satisfied, w.Rated), MonthScores: []float64{w.Score}})
		}
		return nil
	}
	qs, err := s.ScoreQuarter(rec.Period)
	if err != nil {
		return err
	}
	rec.RuleSet, rec.Rules = qs.RuleSet, qs.RuleSet.Scoring()
	rec.Unscored = qs.Unscored
	staff, err := s.StaffList()
	if err != nil {
		return err
	}
	unitOf := map[uint]string{}
	for _, p := range staff {
		unitOf[p.ID] = unitName[p.HomeUnitID]
	}
	for _, c := range qs.Candidates {
		window := c.WindowCode
		if n := winName[c.WindowCode]; n != "" {
			window += " " + n
		}
		sc := SelectionCandidate{SubjectID: c.StaffID, Code: c.EmployeeNo, Name: c.Name, Unit: unitOf[c.StaffID], Window: window,
			Rank: c.Rank, Score: c.Mean, Eligible: c.Eligible(), Reasons: c.Reasons(), Tie: c.Tie, Proposed: c.Award,
			Rate: SatisfactionRate(c.Satisfied, c.Rated), Cases: c.CasesDone}
		for _, m := range c.Months {
			sc.MonthScores = append(sc.MonthScores, m.Score)
		}
		rec.Candidates = append(rec.Candidates, sc)
	}
	return nil
}

// basisChanges compares the ranking now with the shortlist's figures.
func basisChanges(rec SelectionRecord) []string {
	var out []string
	listed := map[uint]bool{}
	for _, n := range rec.Nominees {
		listed[n.SubjectID] = true
		c, ok := rec.Candidate(n.SubjectID)
		switch {
		case !ok:
			out = append(out, n.Name+"：已不在本期评分中")
		case !c.Eligible:
			out = append(out, n.Name+"：现已不具备评选资格（"+strings.Join(c.Reasons, "；")+"）")
		case !n.WriteIn && c.Score != n.Score:
			out = append(out, fmt.Sprintf("%s：得分由%s变为%s", n.Name, fmtPoints(n.Score), fmtPoints(c.Score)))
		}
	}
	for _, c := range rec.Candidates {
		if c.Eligible && !listed[c.SubjectID] && c.Rank > 0 && c.Rank <= rec.Selection.Places {
			out = append(out, fmt.Sprintf("%s：现排名第%d，不在候选名单中", c.Name, c.Rank))
		}
	}
	return out
}

// selectionStep loads a selection for a step and checks it may be taken:
// the selection exists and its basis has not changed since.
func (s *Store) selectionStep(kind, period, what string) (SelectionRecord, error) {
	rec, err := s.SelectionOf(kind, period)
	if err != nil {
		return rec, err
	}
	if rec.Selection.ID == 0 {
		return rec, refused(fmt.Sprintf("%s还没有提名，不能%s：请先提名候选人", rec.Title(), what))
	}
	if rec.Selection.Legacy {
		return rec, refused(fmt.Sprintf("%s是旧版本记录的评选结果，不能%s；如需补走程序，请重新提名", rec.Title(), what))
	}
	if rec.Selection.Flag != "" {
		return rec, refused(fmt.Sprintf("%s的评选依据已变化（%s），不能%s：请先复核，或重新提名", rec.Title(), firstLine(rec.Selection.Flag), what))
	}
	if len(rec.Changes) > 0 {
		return rec, refused(fmt.Sprintf("%s的评选依据已变化（%s），不能%s：请先复核，或重新提名", rec.Title(), rec.Changes[0], what))
	}
	return rec, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// Nominate draws the shortlist (提名) of a period from its ranking: the
// first count eligible candidates (at least the places; more for a 差额
// selection), and everyone equal on score with the last of them, marked
// 并列 with the rule that would place them — the meeting chooses. The
// period must be over, its months closed and scored from records. Drawing
// it again (a shortlist exists) needs a reason: the meeting, the 公示 and
// any decision recorded after it are cleared, and a 表彰决定 in force is
// voided.
func (s *Store) Nominate(kind, period string, count int, reason string) error {
	rec, err := s.SelectionOf(kind, period)
	if err != nil {
		return err
	}
	if !rec.Ended() {
		return refused(fmt.Sprintf("%s到%s才结束，期间结束后才能提名", PeriodTitle(rec.Period), rec.End.Chinese()))
	}
	if open := rec.OpenMonths(); len(open) > 0 {
		return refused(fmt.Sprintf("%s尚未封帐，不能提名：请先在“月度评分”中核对并封帐", monthList(open)))
	}
	if len(rec.Unscored) > 0 {
		return refused(fmt.Sprintf("%s没有任何打卡记录，得分不能作为评选依据，不能提名", monthList(rec.Unscored)))
	}
	reason = strings.TrimSpace(reason)
	if rec.Selection.ID != 0 && reason == "" {
		return FieldErrors{{"重新提名原因", fmt.Sprintf("%s已于%s提名，重新提名会清除其后的评选会、公示和决定，请写明原因",
			rec.Title(), rec.Selection.NominatedOn.Chinese())}}
	}
	places := rec.Rules.StarAwards
	if kind == SelectWindow {
		places = rec.Rules.WindowAwards
	}
	var eligible []SelectionCandidate
	for _, c := range rec.Candidates {
		if c.Eligible {
			eligible = append(eligible, c)
		}
	}
	if len(eligible) == 0 {
		return refused(fmt.Sprintf("%s没有具备评选资格的候选人，本期不评选", PeriodTitle(rec.Period)))
	}
	if count < min(places, len(eligible)) {
		return FieldErrors{{"候选人数", fmt.Sprintf("候选人数不能少于名额%d名", min(places, len(eligible)))}}
	}
	if count > len(eligible) {
		return FieldErrors{{"候选人数", fmt.Sprintf("具备评选资格的只有%d名，候选人数不能超过%d", len(eligible), len(eligible))}}
	}
	n := count
	for n < len(eligible) && eligible[n].Score == eligible[n-1].Score {
		n++ // a tie at the cut: all of them, the meeting chooses
	}
	short := eligible[:n]
	now := s.Now()
	return s.write(func(tx *gorm.DB, a *auditor) error {
		sel := rec.Selection
		before := sel
		if sel.ID != 0 {
			if err := s.resetSelection(tx, a, &sel, StageLocked, "重新提名："+reason); err != nil {
				return err
			}
			if err := tx.Where("selection_id = ?", sel.ID).Delete(&SelectionNominee{}).Error; err != nil {
				return err
			}
			sel.Flag = ""
		}
		sel.Kind, sel.Period, sel.Stage, sel.Places = kind, rec.Period, StageNominated, places
		sel.NominatedOn, sel.DataAsOf = s.Today(), now
		if err := tx.Save(&sel).Error; err != nil {
			return err
		}
		var names []string
		for _, c := range short {
			nm := SelectionNominee{SelectionID: sel.ID, SubjectID: c.SubjectID, Code: c.Code, Name: c.Name, Unit: c.Unit,
				Window: c.Window, Rank: c.Rank, Score: c.Score, TieNote: c.Tie}
			for _, o := range short {
				if o.SubjectID != c.SubjectID && o.Score == c.Score {
					nm.Tied = true
				}
			}
			if err := tx.Create(&nm).Error; err != nil {
				return err
			}
			label := fmt.Sprintf("%d. %s（%s）", c.Rank, c.Name, fmtPoints(c.Score))
			if nm.Tied {
				label += "并列"
			}
			names = append(names, label)
		}
		if before.ID == 0 {
			a.create(sel)
		} else {
			a.update(before, sel)
		}
		a.add(ActionCreate, nil, selectionLog{key: PeriodTitle(rec.Period) + kind + " 提名",
			fields: []AuditField{{"候选人", strings.Join(names, "、")}, {"名额", fmt.Sprint(places)}, {"数据截至", formatMinute(now)}}})
		return nil
	})
}

func monthList(months []string) string {
	out := make([]string, len(months))
	for i, m := range months {
		out[i] = PeriodTitle(m)
	}
	return strings.Join(out, "、")
}

// resetSelection takes a selection back to a stage, clearing what was
// recorded after it (votes, 公示, objections, decision) and voiding a
// 表彰决定 in force; why is kept as the selection's Redo and in the log.
func (s *Store) resetSelection(tx *gorm.DB, a *auditor, sel *Selection, to, why string) error {
	at := StageIndex(to)
	if at < StageIndex(StageMeeting) {
		var votes []SelectionVote
		if err := tx.Where("selection_id = ?", sel.ID).Find(&votes).Error; err != nil {
			return err
		}
		if len(votes) > 0 {
			if err := tx.Where("selection_id = ?", sel.ID).Delete(&SelectionVote{}).Error; err != nil {
				return err
			}
			a.add(ActionDelete, selectionLog{key: PeriodTitle(sel.Period) + sel.Kind + " 表决结果", fields: []AuditField{{"轮数", fmt.Sprint(votes[len(votes)-1].Round)}}}, nil)
		}
		if err := tx.Where("selection_id = ? AND write_in", sel.ID).Delete(&SelectionNominee{}).Error; err != nil {
			return err
		}
		sel.MeetingOn, sel.Place, sel.Chair, sel.Recorder = Date{}, "", "", ""
		sel.Members, sel.Absent, sel.Expected, sel.Present = "", "", 0, 0
		sel.Scrutineer, sel.Teller, sel.Named, sel.Minutes = "", "", false, ""
		sel.BallotsIssued, sel.BallotsReturned, sel.BallotsInvalid = 0, 0, 0
	}
	if at < StageIndex(StagePublicity) {
		var objs []SelectionObjection
		if err := tx.Where("selection_id = ?", sel.ID).Find(&objs).Error; err != nil {
			return err
		}
		for _, o := range objs {
			o.key = PeriodTitle(sel.Period) + sel.Kind
			if err := tx.Delete(&SelectionObjection{}, o.ID).Error; err != nil {
				return err
			}
			a.delete(o)
		}
		sel.PublicityFrom, sel.PublicityTo, sel.PublicityDays, sel.Contact = Date{}, Date{}, 0, ""
	}
	if at < StageIndex(StageDecided) {
		if err := tx.Model(&SelectionNominee{}).Where("selection_id = ?", sel.ID).Update("awarded", false).Error; err != nil {
			return err
		}
		sel.DecidedOn = Date{}
		var held []IssuedNotice
		if err := tx.Where("kind = ? AND case_no = ? AND ref = ? AND NOT voided", CommendationKind, "", sel.Period).Find(&held).Error; err != nil {
			return err
		}
		for _, n := range held {
			before := n
			n.Voided, n.VoidReason = true, why
			if err := tx.Save(&n).Error; err != nil {
				return err
			}
			a.update(before, n)
		}
	}
	sel.Stage, sel.Redo, sel.Legacy = to, why, false
	return nil
}

// Meeting is what the selection meeting (评选会) records: when and where,
// who was to come and who did not, who counted the votes, how the vote
// was taken and the first round's votes (另选他人 included).
type Meeting struct {
	On                      Date
	Place, Chair, Recorder  string
	Members                 []string // 应到
	Absent                  []string // of Members
	Scrutineer, Teller      string   // 监票人, 计票人
	Named                   bool     // 记名投票
	Issued, Returned, Spoil int      // ballots 发出, 收回, 无效 (0: as many as present / issued)
	Minutes                 string
	Votes                   []RoundVotes // the shortlist's and any written-in candidate's
}

// RecordMeeting records the meeting and its first round. The meeting sits
// after the period has ended and the shortlist is drawn, not in the future;
// more than the quorum of its members are present; 监票人 and 计票人 are two
// of those present and not candidates; no candidate has more votes than
// valid ballots, and no ballot approves more than the places. A candidate
// written in must be eligible. Recording it again needs a reason and
// clears the 公示 and decision recorded after it.
func (s *Store) RecordMeeting(kind, period string, m Meeting, reason string) error {
	rec, err := s.selectionStep(kind, period, "记录评选会")
	if err != nil {
		return err
	}
	sel := rec.Selection
	reason = strings.TrimSpace(reason)
	if StageIndex(rec.Stage) > StageIndex(StageNominated) && reason == "" {
		return FieldErrors{{"重新记录原因", fmt.Sprintf("%s的评选会已于%s记录，重新记录会清除其后的公示和决定，请写明原因",
			rec.Title(), sel.MeetingOn.Chinese())}}
	}
	r := rec.Rules
	var fe FieldErrors
	today := s.Today()
	switch {
	case m.On.IsZero():
		fe.add("评选会日期", "请填写评选会召开的日期")
	case !m.On.After(rec.End):
		fe.add("评选会日期", fmt.Sprintf("评选会应在%s结束（%s）之后召开", PeriodTitle(rec.Period), rec.End.Chinese()))
	case m.On.Before(sel.NominatedOn):
		fe.add("评选会日期", fmt.Sprintf("评选会不能早于提名日期%s", sel.NominatedOn.Chinese()))
	case m.On.After(today):
		fe.add("评选会日期", "评选会开过之后才能记录，日期不能晚于今天")
	}
	members := cleanNames(m.Members)
	absent := cleanNames(m.Absent)
	isMember := map[string]bool{}
	for _, n := range members {
		if isMember[n] {
			fe.add("参会成员", n+"重复列出")
		}
		isMember[n] = true
	}
	if len(members) == 0 {
		fe.add("参会成员", "请列出评选会全体成员（应到人员），每行一人")
	}
	away := map[string]bool{}
	for _, n := range absent {
		if !isMember[n] {
			fe.add("缺席成员", n+"不在参会成员名单中")
		}
		away[n] = true
	}
	expected, present := len(members), len(members)-len(away)
	if len(members) > 0 && !r.QuorumMet(expected, present) {
		fe.add("缺席成员", fmt.Sprintf("应到%d人，实到%d人，%s，不能表决", expected, present, r.QuorumRule()))
	}
	candidate := map[string]bool{}
	for _, n := range rec.Nominees {
		candidate[n.Name] = true
	}
	m.Scrutineer, m.Teller = strings.TrimSpace(m.Scrutineer), strings.TrimSpace(m.Teller)
	for _, p := range []struct{ field, name string }{{"监票人", m.Scrutineer}, {"计票人", m.Teller}} {
		switch {
		case p.name == "":
			fe.add(p.field, "请填写"+p.field)
		case !isMember[p.name] || away[p.name]:
			fe.add(p.field, p.field+"应由到会成员担任，"+p.name+"不在到会成员中")
		case candidate[p.name]:
			fe.add(p.field, p.name+"是候选人，不能担任"+p.field)
		}
	}
	if m.Scrutineer != "" && m.Scrutineer == m.Teller {
		fe.add("计票人", "监票人和计票人应由不同的人担任")
	}
	issued, returned := m.Issued, m.Returned
	if issued == 0 {
		issued = present
	}
	if returned == 0 {
		returned = issued
	}
	switch {
	case issued > present:
		fe.add("票数", fmt.Sprintf("发出表决票%d张，多于实到%d人", issued, present))
	case returned > issued:
		fe.add("票数", fmt.Sprintf("收回表决票%d张，多于发出的%d张", returned, issued))
	case m.Spoil < 0 || m.Spoil > returned:
		fe.add("票数", fmt.Sprintf("无效票应在0到收回的%d张之间", returned))
	}
	valid := returned - m.Spoil
	nominee := map[uint]bool{}
	for _, n := range rec.Nominees {
		if !n.WriteIn {
			nominee[n.SubjectID] = true
		}
	}
	given := map[uint]bool{}
	var writeIns []SelectionCandidate
	for i, v := range m.Votes {
		if given[v.SubjectID] {
			fe.add("候选人", v.Name+"的票数重复")
		}
		given[v.SubjectID] = true
		if nominee[v.SubjectID] {
			continue
		}
		c, ok := rec.Candidate(v.SubjectID)
		switch {
		case !ok || !c.Eligible:
			fe.add("另选他人", v.Name+"不具备评选资格，另选的票不能计入")
		case v.Against != 0 || v.Abstain != 0:
			fe.add("另选他人", v.Name+"是另选的人，只计同意票")
		default:
			m.Votes[i].Name = c.Name
			writeIns = append(writeIns, c)
		}
	}
	votes := m.Votes
	for _, n := range rec.Nominees {
		if !n.WriteIn && !given[n.SubjectID] {
			votes = append(votes, RoundVotes{SubjectID: n.SubjectID, Name: n.Name})
		}
	}
	for _, p := range CheckRound(votes, valid, sel.Places, present) {
		fe.add("候选人", p)
	}
	if len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		before := sel
		if StageIndex(rec.Stage) > StageIndex(StageNominated) {
			if err := s.resetSelection(tx, a, &sel, StageNominated, "重新记录评选会："+reason); err != nil {
				return err
			}
		}
		sel.Stage, sel.MeetingOn = StageMeeting, m.On
		sel.Place, sel.Chair, sel.Recorder = strings.TrimSpace(m.Place), strings.TrimSpace(m.Chair), strings.TrimSpace(m.Recorder)
		sel.Members, sel.Absent = strings.Join(members, "\n"), strings.Join(absent, "\n")
		sel.Expected, sel.Present = expected, present
		sel.Scrutineer, sel.Teller, sel.Named = m.Scrutineer, m.Teller, m.Named
		sel.BallotsIssued, sel.BallotsReturned, sel.BallotsInvalid = issued, returned, m.Spoil
		sel.Minutes = strings.TrimSpace(m.Minutes)
		if err := tx.Save(&sel).Error; err != nil {
			return err
		}
		for _, c := range writeIns {
			if err := tx.Create(&SelectionNominee{SelectionID: sel.ID, SubjectID: c.SubjectID, Code: c.Code, Name: c.Name,
				Unit: c.Unit, Window: c.Window, Rank: c.Rank, Score: c.Score, WriteIn: true}).Error; err != nil {
				return err
			}
		}
		if err := saveRound(tx, a, sel, 1, votes); err != nil {
			return err
		}
		a.update(before, sel)
		return nil
	})
}

func saveRound(tx *gorm.DB, a *auditor, sel Selection, round int, votes []RoundVotes) error {
	var lines []string
	for _, v := range votes {
		if err := tx.Create(&SelectionVote{SelectionID: sel.ID, Round: round, SubjectID: v.SubjectID,
			Agree: v.For, Disagree: v.Against, Abstain: v.Abstain}).Error; err != nil {
			return err
		}
		lines = append(lines, fmt.Sprintf("%s 同意%d 不同意%d 弃权%d", v.Name, v.For, v.Against, v.Abstain))
	}
	a.add(ActionCreate, nil, selectionLog{key: fmt.Sprintf("%s%s 第%s轮表决", PeriodTitle(sel.Period), sel.Kind, chineseDigits(round)),
		fields: []AuditField{{"票数", strings.Join(lines, "；")}, {"实到", fmt.Sprint(sel.Present)}}})
	return nil
}

func cleanNames(names []string) []string {
	var out []string
	for _, n := range names {
		for _, part := range strings.FieldsFunc(n, func(r rune) bool { return r == '\n' || r == '、' || r == '，' || r == ',' || r == ';' || r == '；' }) {
			if p := strings.TrimSpace(part); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// RecordRunoff records a run-off round among the candidates tied at the
// cut: every one of them has votes, none more than those present, and no
// ballot approves more than the seats left.
func (s *Store) RecordRunoff(kind, period string, votes []RoundVotes) error {
	rec, err := s.selectionStep(kind, period, "记录加试投票")
	if err != nil {
		return err
	}
	if rec.Stage != StageMeeting || rec.Tally.Complete() {
		return refused(fmt.Sprintf("%s没有需要再次投票的并列候选人", rec.Title()))
	}
	sel := rec.Selection
	tied := map[uint]bool{}
	for _, id := range rec.Tally.Runoff {
		tied[id] = true
	}
	var fe FieldErrors
	got := map[uint]bool{}
	for i, v := range votes {
		if !tied[v.SubjectID] {
			fe.add("候选人", v.Name+"不在本轮投票的并列候选人中")
		}
		n, _ := rec.Nominee(v.SubjectID)
		votes[i].Name = n.Name
		got[v.SubjectID] = true
	}
	for _, id := range rec.Tally.Runoff {
		if !got[id] {
			n, _ := rec.Nominee(id)
			fe.add("候选人", "请填写"+n.Name+"的票数")
		}
	}
	for _, p := range CheckRound(votes, sel.Present, rec.Tally.RunoffSeats, sel.Present) {
		fe.add("候选人", p)
	}
	if len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		return saveRound(tx, a, sel, rec.Tally.RunoffRound, votes)
	})
}

// StartPublicity starts the 公示 of the meeting's result: from a day on or
// after the meeting, for the rule set's working days. The meeting must have
// decided (no run-off pending) and elected someone. Starting it again
// needs a reason and clears the objections recorded.
func (s *Store) StartPublicity(kind, period string, from Date, contact, reason string) error {
	rec, err := s.selectionStep(kind, period, "开始公示")
	if err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	switch {
	case StageIndex(rec.Stage) < StageIndex(StageMeeting):
		return refused(fmt.Sprintf("%s还没有记录评选会，不能公示", rec.Title()))
	case StageIndex(rec.Stage) > StageIndex(StagePublicity):
		return refused(fmt.Sprintf("%s已作出决定，不能再公示；如需改变，请重新记录评选会", rec.Title()))
	case rec.Stage == StagePublicity && reason == "":
		return FieldErrors{{"重新公示原因", fmt.Sprintf("%s已于%s开始公示，重新公示会清除已登记的异议，请写明原因", rec.Title(), rec.Selection.PublicityFrom.Chinese())}}
	case !rec.Tally.Complete():
		return refused(fmt.Sprintf("%s有并列候选人尚待第%s轮投票，投票后才能公示", rec.Title(), chineseDigits(rec.Tally.RunoffRound)))
	case len(rec.Proposed()) == 0:
		return refused(fmt.Sprintf("%s的评选会没有选出当选者，无需公示：可直接作出本期不授予的决定", rec.Title()))
	}
	if from.IsZero() {
		return FieldErrors{{"公示开始日期", "请填写公示开始日期"}}
	}
	if from.Before(rec.Selection.MeetingOn) {
		return FieldErrors{{"公示开始日期", fmt.Sprintf("公示不能早于评选会（%s）", rec.Selection.MeetingOn.Chinese())}}
	}
	contact = strings.TrimSpace(contact)
	if contact == "" {
		return FieldErrors{{"联系方式", "请填写受理异议的部门和电话，如：综合业务科 0474-8326000"}}
	}
	cal, err := s.Calendar()
	if err != nil {
		return err
	}
	days := rec.Rules.PublicityDays
	return s.write(func(tx *gorm.DB, a *auditor) error {
		sel := rec.Selection
		before := sel
		if rec.Stage == StagePublicity {
			if err := s.resetSelection(tx, a, &sel, StageMeeting, "重新公示："+reason); err != nil {
				return err
			}
		}
		sel.Stage, sel.PublicityFrom, sel.PublicityDays, sel.Contact = StagePublicity, from, days, contact
		sel.PublicityTo = PublicityEnd(cal, from, days)
		if err := tx.Save(&sel).Error; err != nil {
			return err
		}
		a.update(before, sel)
		return nil
	})
}

// AddObjection records an objection received during the 公示.
func (s *Store) AddObjection(kind, period string, o *SelectionObjection) error {
	rec, err := s.SelectionOf(kind, period)
	if err != nil {
		return err
	}
	if rec.Stage != StagePublicity {
		return refused(fmt.Sprintf("%s不在公示期，不能登记异议", rec.Title()))
	}
	sel := rec.Selection
	o.Objector, o.Content = strings.TrimSpace(o.Objector), strings.TrimSpace(o.Content)
	var fe FieldErrors
	switch {
	case o.ReceivedOn.IsZero():
		fe.add("收到日期", "请填写收到异议的日期")
	case o.ReceivedOn.Before(sel.PublicityFrom) || o.ReceivedOn.After(sel.PublicityTo):
		fe.add("收到日期", fmt.Sprintf("公示期为%s至%s，期外收到的异议不在公示中受理", sel.PublicityFrom.Chinese(), sel.PublicityTo.Chinese()))
	case o.ReceivedOn.After(s.Today()):
		fe.add("收到日期", "收到日期不能晚于今天")
	}
	if o.Objector == "" {
		fe.add("反映人", "请填写反映人姓名（单位）和联系方式")
	}
	if o.Content == "" {
		fe.add("异议内容", "请写明异议的内容")
	}
	if o.SubjectID != 0 {
		if _, ok := rec.Nominee(o.SubjectID); !ok {
			fe.add("涉及对象", "所选对象不是本期候选人")
		}
	}
	if len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		o.ID, o.SelectionID, o.RecordedBy = 0, sel.ID, a.operator
		o.Outcome, o.Upheld, o.ResolvedOn, o.ResolvedBy = "", false, Date{}, ""
		if err := tx.Create(o).Error; err != nil {
			return err
		}
		o.key = rec.Title()
		a.create(*o)
		return nil
	})
}

// ResolveObjection records how an objection was resolved. An objection
// upheld must name the candidate it concerns: that candidate is not awarded.
func (s *Store) ResolveObjection(id uint, outcome string, upheld bool, on Date) error {
	var o SelectionObjection
	if err := s.db.First(&o, id).Error; err != nil {
		return notFound(err)
	}
	var sel Selection
	if err := s.db.First(&sel, o.SelectionID).Error; err != nil {
		return notFound(err)
	}
	if sel.Stage != StagePublicity {
		return refused(fmt.Sprintf("%s%s已不在公示阶段，异议不能再处理", PeriodTitle(sel.Period), sel.Kind))
	}
	outcome = strings.TrimSpace(outcome)
	var fe FieldErrors
	if outcome == "" {
		fe.add("处理结果", "请写明核查情况和处理结果")
	}
	switch {
	case on.IsZero():
		fe.add("办结日期", "请填写办结日期")
	case on.Before(o.ReceivedOn):
		fe.add("办结日期", "办结日期不能早于收到异议的日期")
	case on.After(s.Today()):
		fe.add("办结日期", "办结日期不能晚于今天")
	}
	if upheld && o.SubjectID == 0 {
		fe.add("异议成立", "异议成立的，须是针对某一候选人的异议；请先登记涉及的候选人")
	}
	if len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		before := o
		before.key = PeriodTitle(sel.Period) + sel.Kind
		o.key = before.key
		o.Outcome, o.Upheld, o.ResolvedOn, o.ResolvedBy = outcome, upheld, on, a.operator
		if err := tx.Save(&o).Error; err != nil {
			return err
		}
		a.update(before, o)
		return nil
	})
}

// DecideSelection records the decision (决定): only after the 公示 has run
// its course with every objection resolved, dated after its last day and
// not in the future; those elected and not removed by an upheld objection
// are awarded. A meeting that elected nobody is decided without a 公示:
// nobody is awarded.
func (s *Store) DecideSelection(kind, period string, on Date) error {
	rec, err := s.selectionStep(kind, period, "作出决定")
	if err != nil {
		return err
	}
	sel := rec.Selection
	today := s.Today()
	var earliest Date
	switch {
	case rec.Stage == StageMeeting && rec.Tally.Complete() && len(rec.Proposed()) == 0:
		earliest = sel.MeetingOn
	case StageIndex(rec.Stage) < StageIndex(StagePublicity):
		return refused(fmt.Sprintf("%s还没有公示，公示期满后才能作出决定", rec.Title()))
	case StageIndex(rec.Stage) > StageIndex(StagePublicity):
		return refused(fmt.Sprintf("%s已于%s作出决定", rec.Title(), sel.DecidedOn.Chinese()))
	case !today.After(sel.PublicityTo):
		return refused(fmt.Sprintf("%s的公示期到%s才结束，期满后才能作出决定", rec.Title(), sel.PublicityTo.Chinese()))
	case rec.OpenObjections() > 0:
		return refused(fmt.Sprintf("%s有%d件异议尚未处理，处理完毕后才能作出决定", rec.Title(), rec.OpenObjections()))
	default:
		earliest = sel.PublicityTo.AddDays(1)
	}
	switch {
	case on.IsZero():
		return FieldErrors{{"决定日期", "请填写决定日期"}}
	case on.Before(earliest):
		return FieldErrors{{"决定日期", fmt.Sprintf("决定日期不能早于%s", earliest.Chinese())}}
	case on.After(today):
		return FieldErrors{{"决定日期", "决定日期不能晚于今天"}}
	}
	awarded := rec.Proposed()
	return s.write(func(tx *gorm.DB, a *auditor) error {
		before := sel
		var names []string
		for _, n := range awarded {
			if err := tx.Model(&SelectionNominee{}).Where("id = ?", n.ID).Update("awarded", true).Error; err != nil {
				return err
			}
			names = append(names, n.Name)
		}
		sel.Stage, sel.DecidedOn = StageDecided, on
		if err := tx.Save(&sel).Error; err != nil {
			return err
		}
		a.update(before, sel)
		a.add(ActionCreate, nil, selectionLog{key: rec.Title() + " 决定", fields: []AuditField{{"授予", orText(strings.Join(names, "、"), "本期不授予")},
			{"决定日期", on.String()}}})
		return nil
	})
}

// ReviewSelection clears a selection's flag after someone has looked at
// what changed and found the result stands: the months are closed again
// and no candidate elected or awarded has lost eligibility (otherwise the
// shortlist has to be drawn again). The reason is kept.
func (s *Store) ReviewSelection(kind, period, reason string) error {
	rec, err := s.SelectionOf(kind, period)
	if err != nil {
		return err
	}
	if rec.Selection.ID == 0 || !rec.BasisChanged() {
		return refused(fmt.Sprintf("%s没有需要复核的变化", rec.Title()))
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return FieldErrors{{"复核意见", "请写明复核的情况和结论"}}
	}
	if open := rec.OpenMonths(); len(open) > 0 {
		return refused(fmt.Sprintf("%s已重新打开，记录仍可能变化：请更正后重新封帐，再复核", monthList(open)))
	}
	for _, n := range rec.Nominees {
		c, ok := rec.Candidate(n.SubjectID)
		if (n.Awarded || rec.Tally.IsElected(n.SubjectID)) && (!ok || !c.Eligible) {
			return refused(fmt.Sprintf("%s已不具备评选资格（%s），不能维持原结果：请重新提名，原表彰决定随之作废", n.Name, strings.Join(c.Reasons, "；")))
		}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		sel := rec.Selection
		before := sel
		// the basis reviewed becomes the shortlist's figures
		for _, n := range rec.Nominees {
			if c, ok := rec.Candidate(n.SubjectID); ok && !n.WriteIn && c.Score != n.Score {
				if err := tx.Model(&SelectionNominee{}).Where("id = ?", n.ID).Updates(map[string]any{"score": c.Score, "rank": c.Rank}).Error; err != nil {
					return err
				}
			}
		}
		sel.Flag, sel.Redo = "", "复核："+reason
		if err := tx.Save(&sel).Error; err != nil {
			return err
		}
		a.update(before, sel)
		a.add(ActionCreate, nil, selectionLog{key: rec.Title() + " 复核", fields: []AuditField{{"变化", strings.Join(append(strings.Split(rec.Selection.Flag, "\n"), rec.Changes...), "；")},
			{"复核意见", reason}}})
		return nil
	})
}

// flagSelections marks the selections a change to month touches once
// their shortlist is drawn: the month's 满意窗口 and its quarter's 服务明星.
func flagSelections(tx *gorm.DB, a *auditor, month, why string) error {
	var sels []Selection
	if err := tx.Where("(kind = ? AND period = ?) OR (kind = ? AND period = ?)", SelectWindow, month, SelectStar, QuarterOfMonth(month)).
		Find(&sels).Error; err != nil {
		return err
	}
	for _, sel := range sels {
		before := sel
		line := fmt.Sprintf("%s %s：%s", formatMinute(a.at), a.operator, why)
		if sel.Flag != "" {
			line = sel.Flag + "\n" + line
		}
		sel.Flag = line
		if err := tx.Save(&sel).Error; err != nil {
			return err
		}
		a.update(before, sel)
	}
	return nil
}

// FlaggedSelections lists the selections whose basis has to be reviewed
// (a month unlocked after the shortlist was drawn), for the overview.
func (s *Store) FlaggedSelections() ([]Selection, error) {
	var out []Selection
	return out, s.db.Where("flag <> ''").Order("period DESC, kind").Find(&out).Error
}

// InternalNotices lists the centre's own numbered documents (bulletins,
// 通报批评, 表彰决定 …), newest first: the register of internal 文号.
func (s *Store) InternalNotices() ([]IssuedNotice, error) {
	var out []IssuedNotice
	return out, s.db.Where("case_no = ''").Order("issued_at DESC, id DESC").Find(&out).Error
}
