package models

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func hm(d Date, hh, mm, ss int) DayPunch {
	return DayPunch{At: time.Date(d.Year(), d.Month(), d.Day(), hh, mm, ss, 0, CentreZone)}
}

// halfSummary writes a half's result compactly: "迟到11 缺卡1 旷工 请假".
func halfSummary(h HalfResult) string {
	var parts []string
	if h.LateMinutes > 0 {
		parts = append(parts, "迟到"+itoa(h.LateMinutes))
	}
	if h.EarlyMinutes > 0 {
		parts = append(parts, "早退"+itoa(h.EarlyMinutes))
	}
	if h.Missing > 0 {
		parts = append(parts, "缺卡"+itoa(h.Missing))
	}
	if h.Absent {
		parts = append(parts, "旷工")
	}
	if h.OnLeave {
		parts = append(parts, "请假")
	}
	if len(parts) == 0 {
		return "正常"
	}
	return strings.Join(parts, " ")
}

func itoa(n int) string { return FormatDays(float64(n)) }

func TestClassifyDay(t *testing.T) {
	rules := DefaultAttendanceRules()
	nov3 := NewDate(2026, 11, 3) // a Tuesday, 冬令时: 08:30 / 12:00 / 13:30 / 17:00, noon 12:45
	sep30, oct1 := NewDate(2026, 9, 30), NewDate(2026, 10, 1)
	cal := NewCalendar(nil)
	sick := HalfLeave{RequestID: 1, Type: "病假", Status: LeaveApproved, Summary: "病假 自 11月3日上午 至 11月3日上午"}
	over := HalfLeave{RequestID: 2, Type: "事假", Status: LeaveOverstayed, Summary: "事假 自 11月2日上午 至 11月2日下午，11月4日销假"}
	pending := HalfLeave{RequestID: 3, Type: "事假", Status: LeavePending, Summary: "事假 自 11月3日下午 至 11月3日下午"}
	fix := hm(nov3, 8, 25, 0)
	fix.Correction, fix.Reason, fix.Approver = true, "考勤机故障", "王堃"
	day := func(d Date, ps ...DayPunch) []DayPunch { return ps }
	normal := func(d Date) []DayPunch {
		return day(d, hm(d, 8, 20, 0), hm(d, 12, 5, 0), hm(d, 13, 10, 0), hm(d, 17, 5, 0))
	}
	cases := []struct {
		name    string
		day     Date
		working bool
		punches []DayPunch
		leave   [2]HalfLeave
		outings []Outing
		am, pm  string
		note    string // one of the day's notes, if any
	}{
		{"按时打卡四次", nov3, true, normal(nov3), [2]HalfLeave{}, nil, "正常", "正常", ""},
		{"迟到1分钟", nov3, true, day(nov3, hm(nov3, 8, 31, 0), hm(nov3, 12, 5, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "迟到1", "正常", "11月3日 上午 08:31 迟到1分钟"},
		{"08:30:59仍按08:30计，不算迟到", nov3, true, day(nov3, hm(nov3, 8, 30, 59), hm(nov3, 12, 5, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "正常", "正常", ""},
		{"下午早退", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 5, 0), hm(nov3, 13, 10, 0), hm(nov3, 16, 50, 0)), [2]HalfLeave{}, nil, "正常", "早退10", "11月3日 下午 16:50 早退10分钟"},
		{"上午只打一次卡且靠近上班时间：算上班卡", nov3, true, day(nov3, hm(nov3, 9, 10, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "迟到40 缺卡1", "正常", "11月3日 上午 下班缺卡"},
		{"上午只打一次卡且靠近下班时间：算下班卡", nov3, true, day(nov3, hm(nov3, 11, 0, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "早退60 缺卡1", "正常", "11月3日 上午 上班缺卡"},
		{"下午只打一次卡且靠近下班时间", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 5, 0), hm(nov3, 17, 2, 0)), [2]HalfLeave{}, nil, "正常", "缺卡1", "11月3日 下午 上班缺卡"},
		{"半天两次都未打卡计旷工半天，不再计缺卡", nov3, true, day(nov3, hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "旷工", "正常", "11月3日 上午 无打卡且未请假，计旷工半天"},
		{"一分钟内重复打卡只算一次", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 8, 20, 40), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "缺卡1", "正常", ""},
		{"相隔一分钟的两次打卡各算一次", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 8, 21, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "早退219", "正常", ""},
		{"上午请假（已批准）整半天免考勤", nov3, true, day(nov3, hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{sick, {}}, nil, "请假", "正常", ""},
		{"请假期间打了卡也不计迟到", nov3, true, day(nov3, hm(nov3, 10, 0, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{sick, {}}, nil, "请假", "正常", ""},
		{"超假不归计旷工", nov3, true, day(nov3, hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{over, {}}, nil, "旷工", "正常", "11月3日 上午 超假未归（事假 自 11月2日上午 至 11月2日下午，11月4日销假），计旷工半天"},
		{"请假未获批准且无打卡计旷工", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 5, 0)), [2]HalfLeave{{}, pending}, nil, "正常", "旷工", "11月3日 下午 请假未获批准（事假 自 11月3日下午 至 11月3日下午，待审批）且无打卡，计旷工半天"},
		{"补卡算作打卡", nov3, true, day(nov3, fix, hm(nov3, 12, 5, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "正常", "正常", "11月3日 上午 08:25 补卡（事由：考勤机故障；审批人：王堃）"},
		{"外出登记覆盖下班时间：免下班卡", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 5, 0), hm(nov3, 13, 10, 0)), [2]HalfLeave{},
			[]Outing{{From: clockAt(nov3, NewClock(15, 30)), To: clockAt(nov3, NewClock(17, 20)), Reason: "回原单位交换文件"}}, "正常", "正常", "11月3日 下午 外出登记 15:30–17:20（回原单位交换文件），下班免打卡"},
		// 09-30 is the last day of 夏令时 (noon 13:00, in by 14:00, out from
		// 17:30) and 10-01 the first of 冬令时 (noon 12:45, in by 13:30, out
		// from 17:00). 10-01 is 国庆节; it is classified as a working day here
		// to compare the schedules.
		{"夏令时最后一天9月30日：13:40上班不迟到，17:10下班早退", sep30, true, day(sep30, hm(sep30, 8, 20, 0), hm(sep30, 12, 5, 0), hm(sep30, 13, 40, 0), hm(sep30, 17, 10, 0)), [2]HalfLeave{}, nil, "正常", "早退20", ""},
		{"冬令时第一天10月1日：13:40上班迟到，17:10下班正常", oct1, true, day(oct1, hm(oct1, 8, 20, 0), hm(oct1, 12, 5, 0), hm(oct1, 13, 40, 0), hm(oct1, 17, 10, 0)), [2]HalfLeave{}, nil, "正常", "迟到10", ""},
		{"夏令时12:50属上午（午间分界13:00），但晚于下班时段12:30，计上午下班缺卡", sep30, true, day(sep30, hm(sep30, 8, 20, 0), hm(sep30, 12, 50, 0), hm(sep30, 13, 50, 0), hm(sep30, 17, 40, 0)), [2]HalfLeave{}, nil, "缺卡1", "正常", "9月30日 上午 12:50 打卡晚于午间下班时段（12:00–12:30），不算上午下班卡"},
		{"冬令时12:50属下午（午间分界12:45）", oct1, true, day(oct1, hm(oct1, 8, 20, 0), hm(oct1, 12, 50, 0), hm(oct1, 13, 20, 0), hm(oct1, 17, 40, 0)), [2]HalfLeave{}, nil, "缺卡1", "正常", "10月1日 上午 下班缺卡"},
		// 中午12:00-12:30: the morning's 下班 punch must fall in the noon
		// window, judged as the clock shows it (like 08:30:59 above)
		{"中午12:00-12:30：12:30:00打下班卡正常", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 30, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "正常", "正常", ""},
		{"中午12:00-12:30：12:30:59仍按12:30计，正常", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 30, 59), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "正常", "正常", ""},
		{"中午12:00-12:30：12:31打卡不算上午下班卡，计缺卡", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 31, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "缺卡1", "正常", "11月3日 上午 12:31 打卡晚于午间下班时段（12:00–12:30），不算上午下班卡"},
		{"中午12:00-12:30：12:10与12:40两次打卡，取时段内的12:10", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 10, 0), hm(nov3, 12, 40, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "正常", "正常", "11月3日 上午 12:40 打卡晚于午间下班时段（12:00–12:30），不算上午下班卡"},
		{"中午12:00-12:30：只打一次12:40卡，上午两卡皆缺计旷工", nov3, true, day(nov3, hm(nov3, 12, 40, 0), hm(nov3, 13, 10, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "旷工", "正常", "11月3日 上午 无打卡且未请假，计旷工半天"},
		{"冬令时12:45属下午（午间分界）：作下午上班卡，上午下班缺卡", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 45, 0), hm(nov3, 17, 5, 0)), [2]HalfLeave{}, nil, "缺卡1", "正常", "11月3日 上午 下班缺卡"},
		{"夏令时12:45属上午但晚于下班时段：上午下班缺卡", sep30, true, day(sep30, hm(sep30, 8, 20, 0), hm(sep30, 12, 45, 0), hm(sep30, 13, 50, 0), hm(sep30, 17, 40, 0)), [2]HalfLeave{}, nil, "缺卡1", "正常", "9月30日 上午 12:45 打卡晚于午间下班时段（12:00–12:30），不算上午下班卡"},
		// 确因工作需要提前回单位交换文件超过半小时以上的，应提前向综合业务科备案
		{"事后补登的外出不免打卡：下班缺卡", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 5, 0), hm(nov3, 13, 10, 0)), [2]HalfLeave{},
			[]Outing{{From: clockAt(nov3, NewClock(15, 30)), To: clockAt(nov3, NewClock(17, 20)), Reason: "回原单位交换文件", RegisteredAt: clockAt(nov3, NewClock(17, 40))}},
			"正常", "缺卡1", "11月3日 外出登记 15:30–17:20（回原单位交换文件）为事后补登（2026-11-03 17:40登记），按考勤规则不免打卡"},
		{"提前备案的外出免下班卡", nov3, true, day(nov3, hm(nov3, 8, 20, 0), hm(nov3, 12, 5, 0), hm(nov3, 13, 10, 0)), [2]HalfLeave{},
			[]Outing{{From: clockAt(nov3, NewClock(15, 30)), To: clockAt(nov3, NewClock(17, 20)), Reason: "回原单位交换文件", RegisteredAt: clockAt(nov3, NewClock(15, 0))}},
			"正常", "正常", "11月3日 下午 外出登记 15:30–17:20（回原单位交换文件），下班免打卡"},
		{"国庆节放假不计考勤", oct1, cal.IsWorkingDay(oct1), nil, [2]HalfLeave{}, nil, "", "", ""},
		{"国庆调休上班的周六10月10日无打卡计旷工", NewDate(2026, 10, 10), cal.IsWorkingDay(NewDate(2026, 10, 10)), nil, [2]HalfLeave{}, nil, "旷工", "旷工", "10月10日 下午 无打卡且未请假，计旷工半天"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ClassifyDay(c.day, c.working, rules.ScheduleFor(c.day), rules, c.punches, c.leave, c.outings)
			am, pm := halfSummary(r.Halves[0]), halfSummary(r.Halves[1])
			if !r.Working {
				am, pm = "", ""
			}
			if am != c.am || pm != c.pm {
				t.Fatalf("上午 %q 下午 %q, want %q %q; notes %v", am, pm, c.am, c.pm, r.Notes)
			}
			if c.note != "" && !strings.Contains(strings.Join(r.Notes, "\n"), c.note) {
				t.Fatalf("notes %q lack %q", r.Notes, c.note)
			}
			if c.note == "" && c.am == "正常" && c.pm == "正常" && len(r.Notes) > 0 {
				t.Fatalf("a normal day has notes %q", r.Notes)
			}
		})
	}
}

// monthOf builds a person's punches for 2026-11-02 … 11-06 (five working
// days), on time except where late gives a 上班 time for a day's morning.
func monthOf(p Staff, late map[int]Clock) []DayPunch {
	var out []DayPunch
	for day := 2; day <= 6; day++ {
		d := NewDate(2026, 11, day)
		in := NewClock(8, 20)
		if c, ok := late[day]; ok {
			in = c
		}
		for _, c := range []Clock{in, NewClock(12, 5), NewClock(13, 10), NewClock(17, 5)} {
			out = append(out, DayPunch{StaffID: p.ID, At: clockAt(d, c)})
		}
	}
	return out
}

func TestSummarizeMonth(t *testing.T) {
	p := Staff{ID: 1, EmployeeNo: "ZW001", Name: "王堃", JoinedOn: NewDate(2020, 1, 1)}
	perEach := DefaultRuleSet()
	perEach.Attendance.LateEarlyMode = LateEarlyPerEachN
	perEach.Attendance.LateEarlyLimit = 2
	insp := func(minutes int) []Inspection {
		left := clockAt(NewDate(2026, 11, 4), NewClock(9, 0))
		return []Inspection{{StaffID: 1, LeftAt: left, BackAt: left.Add(time.Duration(minutes) * time.Minute)}}
	}
	lates := func(n int) map[int]Clock {
		m := map[int]Clock{}
		for i := 0; i < n; i++ {
			m[2+i] = NewClock(8, 31+i)
		}
		return m
	}
	cases := []struct {
		name             string
		late             map[int]Clock
		inspections      []Inspection
		sets             []RuleSet
		lateEarlyAbsent  float64
		away             int
		awayAbsent       float64
		absent, attended float64
		explanation      string
	}{
		{"迟到早退恰好3次：不折算旷工", lates(3), nil, nil, 0, 0, 0, 0, 5, "迟到早退共3次，未满4次，不折算旷工"},
		{"迟到早退恰好4次：计旷工半天", lates(4), nil, nil, 0.5, 0, 0, 0.5, 5, "迟到早退共4次，计旷工半天"},
		{"每满N次折算：5次、每满2次计1天", lates(5), nil, []RuleSet{perEach}, 1, 0, 0, 1, 5, "迟到早退共5次，每满2次计旷工半天，计旷工1天"},
		{"查岗离岗120分钟：计擅离岗位1次", nil, insp(120), nil, 0, 1, 0, 0, 5, "11月4日 查岗：离岗 09:00–11:00 共120分钟，未超过120分钟，计擅离岗位1次"},
		{"查岗离岗121分钟：计旷工半天", nil, insp(121), nil, 0, 0, 0.5, 0.5, 5, "11月4日 查岗：离岗 09:00–11:01 共121分钟，超过120分钟，计旷工半天"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := SummarizeMonth(MonthInput{Staff: p, WindowCode: "A01", Month: NewDate(2026, 11, 1), Through: NewDate(2026, 11, 6),
				RuleSets: c.sets, Punches: monthOf(p, c.late), Inspections: c.inspections})
			if m.DueDays != 5 || m.AttendedDays != c.attended || m.LateEarlyAbsentDays != c.lateEarlyAbsent ||
				m.AwayCount != c.away || m.AwayAbsentDays != c.awayAbsent || m.AbsentDays != c.absent {
				t.Fatalf("got 应出勤%v 出勤%v 折算%v 擅离%d 擅离折算%v 旷工%v; %q", m.DueDays, m.AttendedDays,
					m.LateEarlyAbsentDays, m.AwayCount, m.AwayAbsentDays, m.AbsentDays, m.Explanations)
			}
			if !strings.Contains(strings.Join(m.Explanations, "\n"), c.explanation) {
				t.Fatalf("explanations %q lack %q", m.Explanations, c.explanation)
			}
		})
	}
}

func TestLeaveLengthTierAndWording(t *testing.T) {
	cal := NewCalendar(nil)
	rules := DefaultAttendanceRules()
	cases := []struct {
		name       string
		from, to   Date
		fromH, toH string
		want, tier string
	}{
		{"半天事假", NewDate(2026, 11, 16), NewDate(2026, 11, 16), HalfPM, HalfPM, "自 11月16日下午 至 11月16日下午，共 0.5 天", TierChief},
		{"两天病假", NewDate(2026, 11, 9), NewDate(2026, 11, 10), HalfAM, HalfPM, "自 11月9日上午 至 11月10日下午，共 2 天", TierOffice},
		{"跨周末只计工作日", NewDate(2026, 11, 13), NewDate(2026, 11, 16), HalfPM, HalfAM, "自 11月13日下午 至 11月16日上午，共 1 天", TierChief},
		{"国庆假期不计天数", NewDate(2026, 9, 30), NewDate(2026, 10, 9), HalfAM, HalfPM, "自 9月30日上午 至 10月9日下午，共 3 天", TierOffice},
		{"超过三天报中心领导", NewDate(2026, 11, 2), NewDate(2026, 11, 6), HalfAM, HalfAM, "自 11月2日上午 至 11月6日上午，共 4.5 天", TierLeader},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := LeaveRequest{From: c.from, FromHalf: c.fromH, To: c.to, ToHalf: c.toH}
			if got := l.Describe(cal); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			if got := l.ApprovalTier(cal, rules); got != c.tier {
				t.Fatalf("tier %s, want %s", got, c.tier)
			}
		})
	}
}

// attendanceRoster adds one window and two people to a fresh store.
func attendanceRoster(t testing.TB) (*Store, Staff, Staff) {
	t.Helper()
	st := openTemp(t)
	st.clock = FixedClock(time.Date(2026, 11, 26, 9, 0, 0, 0, CentreZone))
	_, a, _ := seedRoster(t, st)
	p := Staff{EmployeeNo: "ZW001", Name: "王堃", WindowID: a.ID, HomeUnitID: a.HomeUnitID, Post: PostChief, JoinedOn: NewDate(2024, 1, 2)}
	q := Staff{EmployeeNo: "ZW002", Name: "周𠮷", WindowID: a.ID, HomeUnitID: a.HomeUnitID, Post: PostStaff, JoinedOn: NewDate(2024, 1, 2)}
	for _, x := range []*Staff{&p, &q} {
		if err := st.SaveStaff(x); err != nil {
			t.Fatal(err)
		}
	}
	return st, p, q
}

func TestLeaveFlowAndOverlap(t *testing.T) {
	st, p, q := attendanceRoster(t)
	sid := q.ID
	// entered from the paper forms, dated before each leave began
	paper := CivilTime(NewDate(2026, 11, 6), 16, 0, 0)
	sick := LeaveRequest{StaffID: p.ID, Type: "病假", From: NewDate(2026, 11, 9), To: NewDate(2026, 11, 10), Reason: "急性肠胃炎", StandInID: &sid, AppliedAt: paper}
	if err := st.SaveLeave(&sick); err != nil {
		t.Fatal(err)
	}
	if sick.Status != LeavePending || sick.FromHalf != HalfAM || sick.ToHalf != HalfPM || sick.StandIn == nil || sick.StandIn.Name != "周𠮷" {
		t.Fatalf("saved as %+v", sick)
	}
	clash := LeaveRequest{StaffID: p.ID, Type: "公休假", From: NewDate(2026, 11, 10), FromHalf: HalfPM, To: NewDate(2026, 11, 11), AppliedAt: paper}
	err := st.SaveLeave(&clash)
	fe, ok := AsFieldErrors(err)
	if !ok || !strings.Contains(fe.For("开始"), "病假 自 11月9日上午 至 11月10日下午，共 2 天（待审批，编号 1）") {
		t.Fatalf("overlap: %v", err)
	}
	if err := st.RejectLeave(sick.ID, "综合业务科 郝建华", ""); err == nil {
		t.Fatal("rejected without a reason")
	}
	if err := st.ApproveLeave(sick.ID, "综合业务科 郝建华", TierOffice); err != nil {
		t.Fatal(err)
	}
	if err := st.ApproveLeave(sick.ID, "综合业务科 郝建华", TierOffice); err == nil {
		t.Fatal("approved twice")
	}
	clash.From, clash.FromHalf = NewDate(2026, 11, 11), HalfAM
	if err := st.SaveLeave(&clash); err != nil {
		t.Fatal(err)
	}
	if clash.Type != "年休假" {
		t.Fatalf("公休假 stored as %s", clash.Type)
	}
	if err := st.ReturnLeave(sick.ID, NewDate(2026, 11, 12)); err != nil {
		t.Fatal(err)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "请假"})
	if len(log) != 4 {
		t.Fatalf("want 4 audit entries (2 new, approve, return), got %d", len(log))
	}
	if got := strings.Join(log[0].Changes(), "；"); !strings.Contains(got, "状态：已批准 → 已销假") || !strings.Contains(got, "销假日期：（空） → 2026-11-12") {
		t.Fatalf("return audit: %s", got)
	}
}

func TestImportPunchesTwiceAddsNothing(t *testing.T) {
	st, p, q := attendanceRoster(t)
	d := NewDate(2026, 11, 3)
	rows := []PunchRow{
		{EmployeeNo: p.EmployeeNo, Name: p.Name, At: clockAt(d, NewClock(8, 20))},
		{EmployeeNo: p.EmployeeNo, At: clockAt(d, NewClock(8, 20))}, // repeated within the rows
		{EmployeeNo: q.EmployeeNo, At: clockAt(d, NewClock(8, 25))},
	}
	stats, err := st.ImportPunches(rows)
	if err != nil || stats.Created != 2 || stats.Unchanged != 1 {
		t.Fatalf("first import %+v %v", stats, err)
	}
	stats, err = st.ImportPunches(rows)
	if err != nil || stats.Created != 0 || stats.Unchanged != 3 {
		t.Fatalf("second import %+v %v", stats, err)
	}
	_, err = st.ImportPunches([]PunchRow{{EmployeeNo: "ZW999", At: clockAt(d, NewClock(9, 0))}, {EmployeeNo: "ZW001", Name: "李喆", At: clockAt(d, NewClock(9, 0))}})
	if err == nil || !strings.Contains(err.Error(), "工号 ZW999 不在人员名册中") || !strings.Contains(err.Error(), "工号 ZW001 在名册中是王堃，不是李喆") {
		t.Fatalf("bad rows: %v", err)
	}
	if list, _ := st.Punches(PunchFilter{}); len(list) != 2 {
		t.Fatalf("%d punches stored, want 2", len(list))
	}
	fix, err := st.AddCorrection(p.ID, clockAt(d, NewClock(17, 5)), "考勤机故障", "综合业务科 郝建华")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddCorrection(p.ID, clockAt(d, NewClock(12, 5)), "", ""); err == nil {
		t.Fatal("a correction without reason and approver was accepted")
	}
	list, _ := st.Punches(PunchFilter{StaffID: p.ID})
	if len(list) != 2 || !list[1].Correction || list[1].Kind() != "补卡" || list[1].ID != fix.ID {
		t.Fatalf("punches %+v", list)
	}
}

func TestMonthLockRefusesChangesUntilUnlockedWithReason(t *testing.T) {
	st, p, _ := attendanceRoster(t)
	d := NewDate(2026, 11, 12)
	confirmGaps(t, st, "2026-11")
	if err := st.LockMonth("2026-11"); err != nil {
		t.Fatal(err)
	}
	refusedWith := func(what string, err error) {
		t.Helper()
		var re *RefusedError
		if !errors.As(err, &re) || !strings.Contains(re.Reason, "2026年11月已封帐") {
			t.Fatalf("%s in a locked month: %v", what, err)
		}
	}
	_, err := st.ImportPunches([]PunchRow{{EmployeeNo: p.EmployeeNo, At: clockAt(d, NewClock(8, 20))}})
	refusedWith("punch", err)
	_, err = st.AddCorrection(p.ID, clockAt(d, NewClock(8, 20)), "考勤机故障", "王堃")
	refusedWith("correction", err)
	refusedWith("leave", st.SaveLeave(&LeaveRequest{StaffID: p.ID, Type: "事假", From: NewDate(2026, 10, 30), To: NewDate(2026, 11, 2)}))
	refusedWith("inspection", st.SaveInspection(&Inspection{StaffID: p.ID, LeftAt: clockAt(d, NewClock(10, 2)), BackAt: clockAt(d, NewClock(12, 30)), Inspector: "郝建华"}))
	refusedWith("outing", st.SaveOuting(&Outing{StaffID: p.ID, From: clockAt(d, NewClock(15, 0)), To: clockAt(d, NewClock(16, 0)), Reason: "回原单位交换文件"}))
	// December is open
	if err := st.SaveLeave(&LeaveRequest{StaffID: p.ID, Type: "事假", From: NewDate(2026, 12, 1), To: NewDate(2026, 12, 1)}); err != nil {
		t.Fatal(err)
	}
	if fe, ok := AsFieldErrors(st.UnlockMonth("2026-11", "  ")); !ok || fe.For("解锁原因") == "" {
		t.Fatal("unlocked without a reason")
	}
	if err := st.UnlockMonth("2026-11", "补录11月12日查岗记录"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveInspection(&Inspection{StaffID: p.ID, LeftAt: clockAt(d, NewClock(10, 2)), BackAt: clockAt(d, NewClock(12, 30)), Inspector: "郝建华"}); err != nil {
		t.Fatal(err)
	}
	log, _ := st.AuditLog(AuditFilter{Entity: "考勤封帐"})
	if len(log) != 2 || log[1].Action != ActionCreate || log[0].Action != ActionUpdate ||
		!strings.Contains(strings.Join(log[0].Changes(), "；"), "解锁原因：（空） → 补录11月12日查岗记录") {
		t.Fatalf("lock audit: %+v", log)
	}
}

func TestRuleChangeFromDecemberKeepsNovember(t *testing.T) {
	st, p, _ := attendanceRoster(t)
	d := NewDate(2026, 11, 3)
	var rows []PunchRow
	for _, c := range []Clock{NewClock(8, 45), NewClock(12, 5), NewClock(13, 10), NewClock(17, 5)} {
		rows = append(rows, PunchRow{EmployeeNo: p.EmployeeNo, At: clockAt(d, c)})
	}
	if _, err := st.ImportPunches(rows); err != nil {
		t.Fatal(err)
	}
	filter := AttendanceFilter{StaffID: p.ID, Through: NewDate(2026, 11, 3)}
	before, err := st.AttendanceMonth("2026-11", filter)
	if err != nil || len(before) != 1 || before[0].LateMinutes != 15 {
		t.Fatalf("before: %+v %v", before, err)
	}
	confirmGaps(t, st, "2026-11")
	if err := st.LockMonth("2026-11"); err != nil {
		t.Fatal(err)
	}
	late := DefaultRuleSet()
	late.EffectiveFrom, late.Note = NewDate(2026, 12, 1), "上班时间改为九点"
	late.Attendance.FixedSchedule = "九时作息"
	late.Attendance.LateEarlyLimit = 1
	if err := st.SaveRuleSet(&late); err != nil {
		t.Fatal(err)
	}
	after, _ := st.AttendanceMonth("2026-11", filter)
	if after[0].LateMinutes != 15 || after[0].LateEarlyAbsentDays != 0 {
		t.Fatalf("a December rule changed November: %+v", after[0])
	}
	if rs, _ := st.RulesFor(NewDate(2026, 12, 1)); rs.Attendance.ScheduleFor(NewDate(2026, 12, 1)).AMIn != NewClock(9, 0) {
		t.Fatalf("RulesFor December: %+v", rs)
	}
	if rs, _ := st.RulesFor(NewDate(2026, 11, 30)); rs.ID != 0 || rs.EffectiveFrom != NewDate(2000, 1, 1) {
		t.Fatalf("RulesFor November should be the default: %+v", rs)
	}
	// a rule from 2026-11-15 would change the locked November
	mid := late
	mid.ID, mid.EffectiveFrom = 0, NewDate(2026, 11, 15)
	var re *RefusedError
	if err := st.SaveRuleSet(&mid); !errors.As(err, &re) {
		t.Fatalf("a rule set inside a locked month: %v", err)
	}
	if log, _ := st.AuditLog(AuditFilter{Entity: "考勤规则"}); len(log) != 1 {
		t.Fatalf("rule audit: %d entries", len(log))
	}
}

// The demo's showcase month (with the clock at testNow, the month of
// yesterday) tells its stories on the monthly sheet.
func TestFillDemoAttendanceIsTraceable(t *testing.T) {
	st := openTemp(t)
	if err := st.FillDemo(); err != nil {
		t.Fatal(err)
	}
	yesterday := st.Today().AddDays(-1)
	first := NewDate(yesterday.Year(), yesterday.Month(), 1)
	list, err := st.AttendanceMonth(MonthOf(yesterday), AttendanceFilter{})
	if err != nil || len(list) != 60 {
		t.Fatalf("%d summaries, %v", len(list), err)
	}
	cal, _ := st.Calendar()
	by := map[string]MonthSummary{}
	for _, m := range list {
		by[m.Name] = m
	}
	cases := []struct {
		name string
		got  func(MonthSummary) float64
		want float64
	}{
		{"刘玥", func(m MonthSummary) float64 { return float64(m.LateCount + m.EarlyCount) }, 4},
		{"刘玥", func(m MonthSummary) float64 { return m.LateEarlyAbsentDays }, 0.5},
		{"赵敏", func(m MonthSummary) float64 { return float64(m.LateCount + m.EarlyCount) }, 3},
		{"赵敏", func(m MonthSummary) float64 { return m.AbsentDays }, 0},
		{"吴婷", func(m MonthSummary) float64 { return m.LeaveByType["病假"] }, 2},
		{"郑浩", func(m MonthSummary) float64 { return m.LeaveByType["事假"] }, 0.5},
		{"林峰", func(m MonthSummary) float64 { return m.AbsentDays }, 0.5},
		{"苏畅", func(m MonthSummary) float64 { return m.AbsentDays }, 0.5},
		{"何伟", func(m MonthSummary) float64 { return float64(m.AwayCount) }, 1},
		{"于洋", func(m MonthSummary) float64 { return m.AwayAbsentDays }, 0.5},
		{"张昇", func(m MonthSummary) float64 { return float64(m.MissingCount) }, 0},
		{"程琳", func(m MonthSummary) float64 { return float64(m.MissingCount) }, 0},
		{"王堃", func(m MonthSummary) float64 { return m.DueDays }, float64(cal.WorkingDaysBetween(first, yesterday))},
	}
	for _, c := range cases {
		if got := c.got(by[c.name]); got != c.want {
			t.Errorf("%s: got %v, want %v; %q", c.name, got, c.want, by[c.name].Explanations)
		}
	}
	missing := 0
	for _, m := range list {
		missing += m.MissingCount
	}
	if missing != 2 {
		t.Errorf("demo has %d 缺卡, want 2 (马超 and 唐亮; 程琳's was corrected)", missing)
	}
	pending, _ := st.Leaves(LeaveFilter{Status: LeavePending})
	if len(pending) != 1 {
		t.Errorf("%d pending requests, want 1", len(pending))
	}
}

// An imported punch reads back as it was given, stamped with the store's
// clock, and the import leaves one audit row however many punches it adds.
func TestImportedPunchReadsBackWithTheStoreClock(t *testing.T) {
	st, p, q := attendanceRoster(t)
	d := NewDate(2026, 11, 3)
	var audits0 int64
	st.db.Model(&AuditEntry{}).Count(&audits0)
	rows := []PunchRow{
		{EmployeeNo: p.EmployeeNo, At: clockAt(d, NewClock(8, 20)).Add(7 * time.Second), Device: " 一楼大厅考勤机 ", Source: "打卡.csv 第2行"},
		{EmployeeNo: q.EmployeeNo, At: clockAt(d, NewClock(8, 25)), Device: "二楼", Source: "打卡.csv 第3行"},
	}
	if _, err := st.ImportPunches(rows); err != nil {
		t.Fatal(err)
	}
	list, err := st.Punches(PunchFilter{StaffID: p.ID})
	if err != nil || len(list) != 1 {
		t.Fatalf("%v %v", list, err)
	}
	got := list[0]
	if FormatDateTime(got.At) != "2026-11-03 08:20:07" || got.Device != "一楼大厅考勤机" || got.Source != "打卡.csv 第2行" ||
		got.Correction || got.Reason != "" || got.Approver != "" || got.DeviceResult != "" || !got.CreatedAt.Equal(st.Now()) {
		t.Fatalf("read back %+v, clock %v", got, st.Now())
	}
	var audits int64
	st.db.Model(&AuditEntry{}).Count(&audits)
	if audits != audits0+1 {
		t.Fatalf("%d audit rows for one import", audits-audits0)
	}
}

// A punch import is all or nothing whatever batch its bad row comes in:
// rows already inserted are taken back. Rows of a locked month pass when
// every one is stored already (counted unchanged) and refuse the import
// when one is new.
func TestAPunchImportInBatchesIsAllOrNothing(t *testing.T) {
	st := fill400(t)
	nov := punchRows400(5) // 8,000
	oct := make([]PunchRow, len(nov))
	for i, r := range nov {
		r.At = r.At.AddDate(0, -1, 0)
		oct[i] = r
	}
	count := func() int {
		list, err := st.Punches(PunchFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	bad := PunchRow{EmployeeNo: "ZW9999", At: nov[0].At, Device: "前台"}
	_, err := st.ImportPunchBatches([][]PunchRow{oct[:4000], oct[4000:], {bad}}, false)
	if err == nil || !strings.Contains(err.Error(), "ZW9999") || count() != 0 {
		t.Fatalf("a bad row in the last batch: %v, %d stored", err, count())
	}
	if stats, err := st.ImportPunchBatches([][]PunchRow{oct[:4000], oct[4000:]}, false); err != nil || stats.Stats.Created != 8000 {
		t.Fatal(stats, err)
	}
	confirmGaps(t, st, "2026-10")
	if err := st.LockMonth("2026-10"); err != nil {
		t.Fatal(err)
	}
	stats, err := st.ImportPunchBatches([][]PunchRow{oct, nov}, false)
	if err != nil || stats.Stats.Created != 8000 || stats.Stats.Unchanged != 8000 || count() != 16000 {
		t.Fatalf("a locked month's stored punches again: %v %v, %d stored", stats, err, count())
	}
	late := oct[0]
	late.At = late.At.Add(30 * time.Second)
	more := nov[0]
	more.At = more.At.AddDate(0, 0, 20)
	_, err = st.ImportPunchBatches([][]PunchRow{{more}, {late}}, false)
	var re *RefusedError
	if !errors.As(err, &re) || count() != 16000 {
		t.Fatalf("a new punch in a locked month: %v, %d stored", err, count())
	}
}
