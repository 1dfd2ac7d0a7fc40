package models

import (
	"fmt"
	"sort"
	"strconv"
	"time"
)

// datedNote is one explanation of a month, with the day it belongs to so
// the month's explanations read in date order.
type datedNote struct {
	day  Date
	text string
}

// awayResult is what a month's inspection findings (查岗) add to it.
type awayResult struct {
	count  int // 擅离岗位次数
	halves int // half-days of 旷工
	notes  []datedNote
}

// awayFinding is one inspection finding measured against its day's rules.
type awayFinding struct {
	day        Date
	left, back time.Time
	total      time.Duration    // by the clock
	working    time.Duration    // within the working sessions
	parts      [2]time.Duration // working time of each half not covered by an outing
	limit      int              // AwayLimitMinutes of the day
	mode       string
}

func (a awayFinding) counted() time.Duration { return a.parts[0] + a.parts[1] }

// WorkSessions gives the working time of day d under the schedule: the
// morning from the 上班 deadline to the 下班 time, the afternoon likewise.
// The noon break between them is not working time, so an absence over
// lunch counts only its minutes within the sessions.
func (s Schedule) WorkSessions(d Date) [2][2]time.Time {
	return [2][2]time.Time{
		{clockAt(d, s.AMIn), clockAt(d, s.AMOut)},
		{clockAt(d, s.PMIn), clockAt(d, s.PMOut)},
	}
}

// workingTime is how much of [from, to) falls within the session [s0, s1)
// and outside every outing, to the second.
func workingTime(from, to, s0, s1 time.Time, outings []Outing) time.Duration {
	a, b := maxTime(from, s0), minTime(to, s1)
	if !b.After(a) {
		return 0
	}
	type span struct{ a, b time.Time }
	var cover []span
	for _, o := range outings {
		if x, y := maxTime(a, o.From), minTime(b, o.To); y.After(x) {
			cover = append(cover, span{x, y})
		}
	}
	sort.Slice(cover, func(i, j int) bool { return cover[i].a.Before(cover[j].a) })
	left := b.Sub(a)
	var reach time.Time // covered time is counted once where outings overlap
	for _, c := range cover {
		if c.a.Before(reach) {
			c.a = reach
		}
		if c.b.After(c.a) {
			left -= c.b.Sub(c.a)
			reach = c.b
		}
	}
	return left
}

// awayFindings applies the 擅离 rule to a month's inspection findings, each
// with the rules in force on its day: only working time counts (the noon
// break does not, and neither does time covered by an outing that excuses),
// compared with the limit to the second. With AwayPerAbsence each absence
// over the limit is half a day of 旷工; with AwayPerHalfDay or AwayPerDay
// the absences of a half-day or a day are added up and a total over the
// limit is half a day of 旷工, once. An absence not over the limit, alone
// or with the others it is added to, counts as 擅离岗位 once.
func awayFindings(insp []Inspection, book ruleBook, outByDay map[Date][]Outing) awayResult {
	insp = append([]Inspection(nil), insp...)
	sort.SliceStable(insp, func(i, j int) bool { return insp[i].LeftAt.Before(insp[j].LeftAt) })
	fs := make([]awayFinding, len(insp))
	for i, x := range insp {
		left, back := Civil(x.LeftAt), Civil(x.BackAt)
		d := DateOf(left)
		rules := book.at(d).Attendance
		var outs []Outing
		for _, o := range outByDay[d] {
			if rules.OutingExcuses(o) {
				outs = append(outs, o)
			}
		}
		f := awayFinding{day: d, left: left, back: back, total: back.Sub(left), limit: rules.AwayLimitMinutes, mode: rules.awayMode()}
		for h, s := range rules.ScheduleFor(d).WorkSessions(d) {
			f.working += workingTime(left, back, s[0], s[1], nil)
			f.parts[h] = workingTime(left, back, s[0], s[1], outs)
		}
		fs[i] = f
	}

	// findings whose working time is added up form a group: one finding
	// alone (每次单计), a half-day's or a day's
	type group struct {
		day   Date
		half  int // -1: the whole day
		sum   time.Duration
		limit int
		n     int
		mode  string
	}
	groups := map[string]*group{}
	var order []string
	keys := make([][]string, len(fs))
	for i, f := range fs {
		add := func(key string, half int, d time.Duration) {
			g := groups[key]
			if g == nil {
				g = &group{day: f.day, half: half, limit: f.limit, mode: f.mode}
				groups[key] = g
				order = append(order, key)
			}
			g.sum += d
			g.n++
			keys[i] = append(keys[i], key)
		}
		switch {
		case f.counted() <= 0:
		case f.mode == AwayPerHalfDay:
			for h, d := range f.parts {
				if d > 0 {
					add(f.day.String()+Halves[h], h, d)
				}
			}
		case f.mode == AwayPerDay:
			add(f.day.String(), -1, f.counted())
		default:
			add("#"+strconv.Itoa(i), -1, f.counted())
		}
	}
	over := func(g *group) bool { return g.sum > time.Duration(g.limit)*time.Minute }

	var r awayResult
	for i, f := range fs {
		head := fmt.Sprintf("%s 查岗：离岗 %s–%s 共%s", dayLabel(f.day), ClockText(f.left), ClockText(f.back), DurationText(f.total))
		if f.working < f.total {
			head += "，其中工作时间" + DurationText(f.working)
		}
		if f.counted() < f.working {
			head += "，扣除外出登记后" + DurationText(f.counted())
		}
		merged := false
		for _, k := range keys[i] {
			merged = merged || over(groups[k])
		}
		var text string
		switch {
		case f.counted() <= 0 && f.working <= 0:
			text = head + "，不在工作时间内，不计擅离"
		case f.counted() <= 0:
			text = head + "，已外出登记，不计擅离"
		case f.mode == AwayPerAbsence && merged:
			r.halves++
			text = fmt.Sprintf("%s，超过%d分钟，计旷工半天", head, f.limit)
		case f.mode == AwayPerAbsence:
			r.count++
			text = fmt.Sprintf("%s，未超过%d分钟，计擅离岗位1次", head, f.limit)
		case merged:
			text = head + "，计入合计（" + f.mode + "）"
		default:
			r.count++
			text = fmt.Sprintf("%s，%s未超过%d分钟，计擅离岗位1次", head, f.mode, f.limit)
		}
		r.notes = append(r.notes, datedNote{f.day, text})
	}
	for _, k := range order {
		g := groups[k]
		if g.mode == AwayPerAbsence || !over(g) {
			continue
		}
		r.halves++
		when := dayLabel(g.day)
		if g.half >= 0 {
			when += Halves[g.half]
		}
		r.notes = append(r.notes, datedNote{g.day, fmt.Sprintf("%s 查岗离岗%d次%s共%s，超过%d分钟，计旷工半天", when, g.n, g.mode, DurationText(g.sum), g.limit)})
	}
	return r
}

// ClockText writes a time of day, with the seconds when there are any:
// "11:00", "11:00:30".
func ClockText(t time.Time) string {
	if t.Second() != 0 {
		return t.Format("15:04:05")
	}
	return t.Format("15:04")
}

// DurationText writes a length to the second: "120分钟", "120分30秒".
func DurationText(d time.Duration) string {
	m, s := int(d/time.Minute), int(d%time.Minute/time.Second)
	if s == 0 {
		return fmt.Sprintf("%d分钟", m)
	}
	return fmt.Sprintf("%d分%d秒", m, s)
}
