package models

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Months are keyed "2026-11" wherever they are stored or exchanged (a lock,
// a month's scores, the --month flag) and handled as the Date of their first
// day in the rules.

// MonthOf gives the month of d as "2026-11".
func MonthOf(d Date) string { return fmt.Sprintf("%04d-%02d", d.Year(), int(d.Month())) }

var monthForm = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$`)

// ParseMonth reads "2026-11" (also "2026/11", "2026年11月") and returns the
// first day of the month.
func ParseMonth(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, fmt.Errorf("请指定月份，写成 2026-11 的形式")
	}
	p := monthForm.FindStringSubmatch(s)
	if p == nil {
		return Date{}, fmt.Errorf("无法识别的月份“%s”，请写成 2026-11 的形式", s)
	}
	y, m := atoi(p[1]), atoi(p[2])
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("月份“%s”不存在，月应在 1 到 12 之间", s)
	}
	if y < 1900 || y > 2200 {
		return Date{}, fmt.Errorf("月份“%s”的年份不合理", s)
	}
	return NewDate(y, time.Month(m), 1), nil
}

// MonthSpan gives the first and the last day of the month d falls in: the
// bounds of every month's query, sheet and score.
func MonthSpan(d Date) (first, last Date) {
	first = NewDate(d.Year(), d.Month(), 1)
	return first, NewDate(first.Year(), first.Month()+1, 0)
}

// monthLabel gives "2026年11月" for "2026-11".
func monthLabel(m string) string {
	if d, err := ParseMonth(m); err == nil {
		return fmt.Sprintf("%d年%d月", d.Year(), int(d.Month()))
	}
	return m
}

// monthsBetween lists the months from from to to, both included.
func monthsBetween(from, to Date) []string {
	var out []string
	for d := NewDate(from.Year(), from.Month(), 1); !d.After(to); d = NewDate(d.Year(), d.Month()+1, 1) {
		out = append(out, MonthOf(d))
	}
	return out
}

// sortedMonths lists a set of months in order.
func sortedMonths(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for m := range set {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// spanOf is the first and the last of the rows' values at (a day or a
// time), zero values left out: the span whose stored records an import
// reads to match its rows against.
func spanOf[R any, T interface {
	IsZero() bool
	Before(T) bool
}](rows []R, at func(R) T) (from, to T) {
	for _, r := range rows {
		v := at(r)
		if v.IsZero() {
			continue
		}
		if from.IsZero() || v.Before(from) {
			from = v
		}
		if to.IsZero() || to.Before(v) {
			to = v
		}
	}
	return from, to
}

// storedOnDaysOf reads the stored records of T whose 日期 ("on") falls from
// the first to the last day of the rows, in the order they were recorded.
func storedOnDaysOf[T any, R any](tx *gorm.DB, rows []R, day func(R) Date) ([]T, error) {
	from, to := spanOf(rows, day)
	if from.IsZero() {
		return nil, nil
	}
	var list []T
	err := tx.Where(`"on" >= ? AND "on" <= ?`, from, to).Order("id").Find(&list).Error
	return list, err
}

// rowMonths lists the months ("2026-11") the rows of an import fall in.
func rowMonths[T any](rows []T, date func(T) Date) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rows {
		if d := date(r); !d.IsZero() && !seen[MonthOf(d)] {
			seen[MonthOf(d)] = true
			out = append(out, MonthOf(d))
		}
	}
	return out
}
