package models

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
	"gorm.io/gorm"
)

// CalendarDay is the office's own decision about one date, overriding the
// statutory calendar (for example a local holiday or an extra working day).
type CalendarDay struct {
	Day       string `gorm:"primaryKey;size:10"` // 2006-01-02
	Working   bool
	Note      string `gorm:"size:128"`
	UpdatedAt time.Time
}

func (c CalendarDay) auditEntity() string { return "工作日历" }
func (c CalendarDay) auditKey() string    { return c.Day }
func (c CalendarDay) auditFields() []AuditField {
	kind := "休息日"
	if c.Working {
		kind = "工作日"
	}
	return []AuditField{{"日期", c.Day}, {"设为", kind}, {"说明", c.Note}}
}

// DayInfo says whether a date is a working day and why.
type DayInfo struct {
	Date    Date
	Working bool
	// Reason: 工作日, 周末, the holiday's name ("春节"), "春节调休上班", or the
	// office's note for an override.
	Reason   string
	Override bool // the office changed this day
}

// Calendar answers working-day questions: Monday to Friday, minus statutory
// holidays, plus make-up working days (调休), as published by the State
// Council (carried by lunar-go's HolidayUtil), then the office's overrides.
type Calendar struct {
	overrides map[string]CalendarDay
	// working remembers IsWorkingDay by year*10000+month*100+day: the
	// holiday tables are searched as text, and an import of years of cases
	// counts the working days of each one.
	mu      sync.Mutex
	working map[int]bool
}

// NewCalendar builds a calendar with the given office overrides.
func NewCalendar(overrides []CalendarDay) *Calendar {
	c := &Calendar{overrides: make(map[string]CalendarDay, len(overrides))}
	for _, o := range overrides {
		c.overrides[o.Day] = o
	}
	return c
}

// Info classifies one date.
func (c *Calendar) Info(d Date) DayInfo {
	if o, ok := c.overrides[d.String()]; ok {
		reason := o.Note
		if reason == "" {
			reason = "中心调整"
		}
		return DayInfo{Date: d, Working: o.Working, Reason: reason, Override: true}
	}
	if h := HolidayUtil.GetHolidayByYmd(d.Year(), int(d.Month()), d.Day()); h != nil {
		if h.IsWork() {
			return DayInfo{Date: d, Working: true, Reason: h.GetName() + "调休上班"}
		}
		return DayInfo{Date: d, Working: false, Reason: h.GetName()}
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return DayInfo{Date: d, Working: false, Reason: "周末"}
	}
	return DayInfo{Date: d, Working: true, Reason: "工作日"}
}

// IsWorkingDay reports whether staff are due at their windows on d.
func (c *Calendar) IsWorkingDay(d Date) bool {
	key := d.Year()*10000 + int(d.Month())*100 + d.Day()
	c.mu.Lock()
	defer c.mu.Unlock()
	w, ok := c.working[key]
	if !ok {
		w = c.Info(d).Working
		if c.working == nil {
			c.working = map[int]bool{}
		}
		c.working[key] = w
	}
	return w
}

// AddWorkingDays returns the n-th working day after d (before d when n < 0):
// the first working day after d is day 1, as promised-time limits count.
// With n = 0 it returns d itself.
func (c *Calendar) AddWorkingDays(d Date, n int) Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDays(step)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts working days in [from, to], both included.
func (c *Calendar) WorkingDaysBetween(from, to Date) int {
	n := 0
	for d := from; !d.After(to); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

// Month classifies every day of a month.
func (c *Calendar) Month(year int, month time.Month) []DayInfo {
	var out []DayInfo
	for d := NewDate(year, month, 1); d.Month() == month; d = d.AddDays(1) {
		out = append(out, c.Info(d))
	}
	return out
}

// Calendar loads the working-day calendar with the office's overrides.
func (s *Store) Calendar() (*Calendar, error) {
	var days []CalendarDay
	if err := s.db.Find(&days).Error; err != nil {
		return nil, err
	}
	return NewCalendar(days), nil
}

// SetCalendarDay makes the office's decision for one date.
func (s *Store) SetCalendarDay(d Date, working bool, note string) error {
	if d.IsZero() {
		return FieldErrors{{"日期", "请选择日期"}}
	}
	note = strings.TrimSpace(note)
	if len([]rune(note)) > 64 {
		return FieldErrors{{"说明", "说明不能超过64个字"}}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var before CalendarDay
		err := tx.Where("day = ?", d.String()).Limit(1).Find(&before).Error
		if err != nil {
			return err
		}
		after := CalendarDay{Day: d.String(), Working: working, Note: note}
		if err := tx.Save(&after).Error; err != nil {
			return err
		}
		if before.Day == "" {
			a.create(after)
		} else {
			a.update(before, after)
		}
		return nil
	})
}

// ClearCalendarDay removes the office's override so the statutory calendar applies.
func (s *Store) ClearCalendarDay(d Date) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var before CalendarDay
		if err := tx.Where("day = ?", d.String()).Limit(1).Find(&before).Error; err != nil {
			return err
		}
		if before.Day == "" {
			return refused(fmt.Sprintf("%s 没有中心调整，无需恢复", d.Chinese()))
		}
		if err := tx.Delete(&before).Error; err != nil {
			return err
		}
		a.delete(before)
		return nil
	})
}

// calendarTx reads the calendar inside a transaction, for rules that count
// working days while they write.
func calendarTx(tx *gorm.DB) (*Calendar, error) {
	var days []CalendarDay
	if err := tx.Find(&days).Error; err != nil {
		return nil, err
	}
	return NewCalendar(days), nil
}
