package models

import (
	"math/rand"
	"time"
)

// demoShowDays is how many working days the demo's showcase month needs: its
// anomalies, leave, inspections and conduct records are placed on its first
// demoShowDays working days (the n-th working day of the month, n ≤ 15), so
// every one of them keeps its own day. Every month has at least 15 working
// days, even a February with the Spring Festival in it.
const demoShowDays = 15

// demoTime places the demo centre's records relative to the day it is filled
// in (the store's today), so that a new user meets a centre in mid-stride on
// whatever date they try it: punches up to yesterday, cases and complaints
// still open, a substitution running, a leave request waiting.
type demoTime struct {
	cal   *Calendar
	today Date
	// last is yesterday, the last day with punches: today is not over.
	last Date
	// first is the first day with punches: the first day of the previous
	// quarter, so that both the current and the previous quarter can be
	// scored in full.
	first Date
	// show lists the working days of the showcase month up to last: the
	// month of yesterday once it has demoShowDays working days, otherwise
	// the month before, which is complete.
	show []Date
}

func newDemoTime(cal *Calendar, today Date) *demoTime {
	t := &demoTime{cal: cal, today: today, last: today.AddDays(-1)}
	q := (int(today.Month()) - 1) / 3 * 3 // months before this quarter's first
	t.first = NewDate(today.Year(), time.Month(q-2), 1)
	month := monthStart(t.last)
	t.show = t.workingDays(month, t.last)
	if len(t.show) < demoShowDays {
		prev := NewDate(month.Year(), month.Month()-1, 1)
		t.show = t.workingDays(prev, month.AddDays(-1))
	}
	return t
}

// monthStart is the first day of d's month.
func monthStart(d Date) Date { return NewDate(d.Year(), d.Month(), 1) }

// monthEnd is the last day of d's month.
func monthEnd(d Date) Date { return NewDate(d.Year(), d.Month()+1, 1).AddDays(-1) }

// workingDays lists the working days in [from, to].
func (t *demoTime) workingDays(from, to Date) []Date {
	var out []Date
	for d := from; !d.After(to); d = d.AddDays(1) {
		if t.cal.IsWorkingDay(d) {
			out = append(out, d)
		}
	}
	return out
}

// ago is the n-th working day before today (1: the last working day before
// it).
func (t *demoTime) ago(n int) Date { return t.cal.AddWorkingDays(t.today, -n) }

// ahead is the n-th working day after today.
func (t *demoTime) ahead(n int) Date { return t.cal.AddWorkingDays(t.today, n) }

// rel is the n-th working day after today, or the -n-th before it when n < 0.
func (t *demoTime) rel(n int) Date {
	if n < 0 {
		return t.ago(-n)
	}
	return t.ahead(n)
}

// day is the n-th working day (1-based) of the showcase month.
func (t *demoTime) day(n int) Date {
	if n > len(t.show) {
		n = len(t.show)
	}
	return t.show[n-1]
}

// showMonth is the first day of the showcase month.
func (t *demoTime) showMonth() Date { return monthStart(t.show[0]) }

// months lists the first day of every month with punches, earliest first.
func (t *demoTime) months() []Date {
	var out []Date
	for m := t.first; !m.After(t.last); m = NewDate(m.Year(), m.Month()+1, 1) {
		out = append(out, m)
	}
	return out
}

// earlierThisYear is the working day about back calendar days before d, but
// not before the first working day of d's year: the first step of an
// escalation ladder that counts by calendar year has to fall in the same
// year as the second.
func (t *demoTime) earlierThisYear(d Date, back int) Date {
	e := d.AddDays(-back)
	if y := NewDate(d.Year(), 1, 1); e.Before(y) {
		e = y
	}
	for !t.cal.IsWorkingDay(e) {
		e = e.AddDays(1)
	}
	if !e.Before(d) {
		return Date{}
	}
	return e
}

// pick chooses a working day in [from, to] (to included), or the zero Date
// when there is none.
func (t *demoTime) pick(rng *rand.Rand, from, to Date) Date {
	days := t.workingDays(from, to)
	if len(days) == 0 {
		return Date{}
	}
	return days[rng.Intn(len(days))]
}

// demoSeed makes the demo's random choices the same every time it is filled
// in on the same day.
func demoSeed(today Date, salt int64) int64 {
	return int64(today.Year())*10000 + int64(today.Month())*100 + int64(today.Day()) + salt*100000000
}
