package models

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Clock is a time of day in minutes after midnight, written "08:30". Rule
// sets store their schedules with it, so a schedule reads as the handbook
// prints it.
type Clock int

// ClockOf returns the time of day of t in t's own location, to the minute
// (seconds are dropped: 08:30:59 shows as 08:30 on the clock).
func ClockOf(t time.Time) Clock { return Clock(t.Hour()*60 + t.Minute()) }

// NewClock returns the clock time hh:mm.
func NewClock(hh, mm int) Clock { return Clock(hh*60 + mm) }

// String gives "08:30".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

var clockForm = regexp.MustCompile(`^(\d{1,2})\s*[:：]\s*(\d{2})$`)

// ParseClock reads "8:30", "08:30" or "08：30".
func ParseClock(s string) (Clock, error) {
	p := clockForm.FindStringSubmatch(s)
	if p == nil {
		return 0, fmt.Errorf("无法识别的时刻“%s”，请写成 08:30 的形式", s)
	}
	h, m := atoi(p[1]), atoi(p[2])
	if h > 23 || m > 59 {
		return 0, fmt.Errorf("时刻“%s”不存在，应在 00:00 到 23:59 之间", s)
	}
	return NewClock(h, m), nil
}

// MarshalJSON writes the clock as "08:30".
func (c Clock) MarshalJSON() ([]byte, error) { return json.Marshal(c.String()) }

// UnmarshalJSON reads "08:30" (or a number of minutes).
func (c *Clock) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		n, err2 := strconv.Atoi(string(b))
		if err2 != nil {
			return err
		}
		*c = Clock(n)
		return nil
	}
	v, err := ParseClock(s)
	*c = v
	return err
}

// Halves of a working day.
const (
	HalfAM = "上午"
	HalfPM = "下午"
)

// Halves lists the halves in order; index 0 is the morning.
var Halves = []string{HalfAM, HalfPM}

// Schedule is one set of office hours with the four punch times of the
// handbook (窗口工作纪律 §2): in by AMIn; out from AMOut within the window up
// to AMOutEnd; in within PMInStart…PMIn; out from PMOut. From and To ("05-01",
// "09-30") are the month-days it applies to, inclusive, wrapping over the new
// year when To is before From; a schedule without them is chosen by name as
// the rule set's FixedSchedule.
type Schedule struct {
	Name      string `json:"name"`
	AMIn      Clock  `json:"am_in"`       // 上午上班 deadline
	AMOut     Clock  `json:"am_out"`      // 上午下班 out-time, start of the noon window
	AMOutEnd  Clock  `json:"am_out_end"`  // end of the 上午下班 window
	PMInStart Clock  `json:"pm_in_start"` // start of the 下午上班 window
	PMIn      Clock  `json:"pm_in"`       // 下午上班 deadline
	PMOut     Clock  `json:"pm_out"`      // 下午下班 out-time
	From      string `json:"from,omitempty"`
	To        string `json:"to,omitempty"`
}

// Noon is the boundary between the morning's punches and the afternoon's:
// midway between the end of the 上午下班 window and the start of the 下午上班
// window (夏令时 13:00, 冬令时 12:45).
func (s Schedule) Noon() Clock { return (s.AMOutEnd + s.PMInStart) / 2 }

// InDeadline is the latest on-time 上班 punch of half h (0 morning, 1 afternoon).
func (s Schedule) InDeadline(h int) Clock {
	if h == 0 {
		return s.AMIn
	}
	return s.PMIn
}

// OutTime is the earliest on-time 下班 punch of half h.
func (s Schedule) OutTime(h int) Clock {
	if h == 0 {
		return s.AMOut
	}
	return s.PMOut
}

// Seasonal reports whether the schedule applies by date range.
func (s Schedule) Seasonal() bool { return s.From != "" && s.To != "" }

// Covers reports whether a seasonal schedule applies on day d.
func (s Schedule) Covers(d Date) bool {
	if !s.Seasonal() {
		return false
	}
	m, day := int(d.Month()), d.Day()
	md := string([]byte{byte('0' + m/10), byte('0' + m%10), '-', byte('0' + day/10), byte('0' + day%10)}) // "10-01"
	if s.From <= s.To {
		return s.From <= md && md <= s.To
	}
	return md >= s.From || md <= s.To // 10-01 … 04-30 wraps over the new year
}

// Describe gives the schedule as the handbook writes it:
// "冬令时（10-01至04-30）：08:30前，12:00–12:30，13:00–13:30，17:00后".
func (s Schedule) Describe() string {
	r := ""
	if s.Seasonal() {
		r = fmt.Sprintf("（%s至%s）", s.From, s.To)
	}
	return fmt.Sprintf("%s%s：%s前，%s–%s，%s–%s，%s后", s.Name, r, s.AMIn, s.AMOut, s.AMOutEnd, s.PMInStart, s.PMIn, s.PMOut)
}

var monthDay = regexp.MustCompile(`^(\d{2})-(\d{2})$`)

func (s Schedule) problems() []string {
	var out []string
	name := s.Name
	if name == "" {
		out = append(out, "作息时间须有名称")
		name = "作息时间"
	}
	order := []Clock{s.AMIn, s.AMOut, s.AMOutEnd, s.PMInStart, s.PMIn, s.PMOut}
	for i := 1; i < len(order); i++ {
		if order[i] < order[i-1] || (i == 1 || i == 5) && order[i] == order[i-1] {
			out = append(out, fmt.Sprintf("%s：时刻应依次为 上午上班、上午下班、下班截止、下午上班开始、下午上班截止、下午下班，且上班早于下班", name))
			break
		}
	}
	for _, c := range order {
		if c < 0 || c >= 24*60 {
			out = append(out, fmt.Sprintf("%s：时刻应在 00:00 到 23:59 之间", name))
			break
		}
	}
	if (s.From == "") != (s.To == "") {
		out = append(out, fmt.Sprintf("%s：起止日期须同时填写（如 05-01 至 09-30）或都不填", name))
	}
	for _, md := range []string{s.From, s.To} {
		if md == "" {
			continue
		}
		p := monthDay.FindStringSubmatch(md)
		if p == nil || atoi(p[1]) < 1 || atoi(p[1]) > 12 || atoi(p[2]) < 1 || atoi(p[2]) > 31 {
			out = append(out, fmt.Sprintf("%s：日期“%s”应写成 05-01 的形式", name, md))
		}
	}
	return out
}

// Default schedules of the handbook. The third (9:00–12:00 / 13:30–17:00)
// is the one the first handbook names; its noon windows are not given there
// and follow the 冬令时 ones.
func summerSchedule() Schedule {
	return Schedule{Name: "夏令时", AMIn: NewClock(8, 30), AMOut: NewClock(12, 0), AMOutEnd: NewClock(12, 30),
		PMInStart: NewClock(13, 30), PMIn: NewClock(14, 0), PMOut: NewClock(17, 30), From: "05-01", To: "09-30"}
}

func winterSchedule() Schedule {
	return Schedule{Name: "冬令时", AMIn: NewClock(8, 30), AMOut: NewClock(12, 0), AMOutEnd: NewClock(12, 30),
		PMInStart: NewClock(13, 0), PMIn: NewClock(13, 30), PMOut: NewClock(17, 0), From: "10-01", To: "04-30"}
}

func nineToFiveSchedule() Schedule {
	return Schedule{Name: "九时作息", AMIn: NewClock(9, 0), AMOut: NewClock(12, 0), AMOutEnd: NewClock(12, 30),
		PMInStart: NewClock(13, 0), PMIn: NewClock(13, 30), PMOut: NewClock(17, 0)}
}
