package models

import (
	"fmt"
	"math/rand"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// demoOfficer is the 综合业务科 officer who approves, inspects and registers.
const demoOfficer = "综合业务科 郝建华"

// Punch slots of a day: 上午上班, 上午下班, 下午上班, 下午下班.
const (
	slotAMIn = iota
	slotAMOut
	slotPMIn
	slotPMOut
)

// demoNoPunch marks a slot the person did not punch.
const demoNoPunch = -1 << 20

// demoPunchChange is a punch of the showcase month that differs from a
// normal day: person is an index into demoNames, day the n-th working day of
// the showcase month (see demoTime.day), off the minutes after the slot's
// time in that day's schedule (its 上班 deadline or 下班 time: a positive
// off on an in-slot is late, a negative one on an out-slot early), or
// demoNoPunch. Each one is traceable on the monthly sheet.
type demoPunchChange struct{ person, day, slot, off int }

var demoPunchChanges = []demoPunchChange{
	// 刘玥: exactly four lates and earlies → half a day of 旷工
	{4, 2, slotAMIn, 11}, {4, 7, slotPMOut, -8}, {4, 12, slotAMIn, 5}, {4, 15, slotAMIn, 16},
	// 赵敏: three, one short of the threshold
	{7, 4, slotAMIn, 8}, {7, 9, slotPMIn, 10}, {7, 14, slotPMOut, -15},
	// 徐明: late once
	{10, 5, slotAMIn, 3},
	// forgotten punches (缺卡): 马超, 唐亮
	{12, 3, slotPMOut, demoNoPunch}, {25, 15, slotAMIn, demoNoPunch},
	// 程琳 could not punch in (corrected by a 补卡, below)
	{30, 6, slotAMIn, demoNoPunch},
	// 林峰: no punch and no leave one morning → 旷工 half a day
	{18, 13, slotAMIn, demoNoPunch}, {18, 13, slotAMOut, demoNoPunch},
	// 张昇 went to the home unit one afternoon (外出登记) and did not punch out
	{3, 8, slotPMOut, demoNoPunch},
}

// demoLeaves: approved, pending and overstayed requests. from, to and
// returned are working days of the showcase month; a negative from or to
// counts working days after today instead (a request still to be decided).
var demoLeaves = []struct {
	person     int
	kind       string
	from, to   int
	fromH, toH string
	reason     string
	status     string
	approver   string
	standIn    int // -1 none
	returned   int // 销假 day, 0 none
}{
	{9, "病假", 6, 7, HalfAM, HalfPM, "急性肠胃炎，附医院诊断证明", LeaveApproved, demoOfficer, 29, 0},
	{22, "事假", 11, 11, HalfPM, HalfPM, "孩子家长会", LeaveApproved, "周𠮷", -1, 0},
	{14, "公务", 15, 15, HalfPM, HalfPM, "参加市局业务培训", LeaveApproved, demoOfficer, 34, 0},
	{40, "事假", 13, 14, HalfAM, HalfAM, "回老家处理房屋过户", LeaveReturned, demoOfficer, 0, 15},
	{24, "年休假", -1, -1, HalfAM, HalfPM, "带薪年休假", LeavePending, "", 44, 0},
}

// demoPastLeave is what an earlier month's ordinary leave can be.
var demoPastLeave = []struct{ kind, reason string }{
	{"年休假", "带薪年休假"}, {"病假", "感冒发热，附门诊病历"}, {"事假", "陪同家中老人就医"}, {"事假", "办理子女入学手续"},
}

// demoResidents is how many of demoNames are resident staff (the rest are
// substitutes).
const demoResidents = 57

type demoSlot struct {
	person int
	day    Date
	slot   int
}

type demoHalf struct {
	person int
	day    Date
	half   int
}

// fillDemoAttendance adds four punches a working day for everyone in service
// from t.first up to yesterday, with a few realistic repeats; the showcase
// month's anomalies above, two or three small ones in each other month; the
// leave (with one approved leave in each earlier month), two 查岗 findings
// (95 and 150 minutes), one 外出登记 and one 补卡. Deterministic for a day.
func fillDemoAttendance(tx *gorm.DB, a *auditor, t *demoTime, people []Staff) error {
	rng := rand.New(rand.NewSource(demoSeed(t.today, 1)))
	book, err := loadRuleBook(tx)
	if err != nil {
		return err
	}
	schedule := func(d Date) Schedule { return book.at(d).Attendance.ScheduleFor(d) }
	leaveDay := func(n int) Date {
		if n < 0 {
			return t.rel(-n)
		}
		return t.day(n)
	}

	var leaves []LeaveRequest
	for _, dl := range demoLeaves {
		l := LeaveRequest{StaffID: people[dl.person].ID, Type: dl.kind,
			From: leaveDay(dl.from), FromHalf: dl.fromH, To: leaveDay(dl.to), ToHalf: dl.toH,
			Reason: dl.reason, Status: dl.status, Approver: dl.approver}
		// applied the afternoon before, or this morning for a request
		// still to be decided
		l.AppliedAt = minTime(CivilTime(l.From.AddDays(-1), 16, 30, 0), CivilTime(t.today, 8, 40, 0))
		if dl.standIn >= 0 {
			id := people[dl.standIn].ID
			l.StandInID = &id
		}
		if dl.returned > 0 {
			l.ReturnedOn = t.day(dl.returned)
		}
		leaves = append(leaves, l)
	}
	showMonth := t.showMonth()
	for _, m := range t.months() {
		if !m.Before(showMonth) {
			break
		}
		days := t.workingDays(m, monthEnd(m))
		if len(days) < 3 {
			continue
		}
		i := rng.Intn(len(days) - 2)
		kind := demoPastLeave[rng.Intn(len(demoPastLeave))]
		l := LeaveRequest{StaffID: people[rng.Intn(demoResidents)].ID, Type: kind.kind,
			From: days[i], FromHalf: HalfAM, To: days[i+rng.Intn(2)], ToHalf: HalfPM,
			Reason: kind.reason, Status: LeaveApproved, Approver: demoOfficer,
			AppliedAt: CivilTime(days[i].AddDays(-1), 16, 30, 0)}
		leaves = append(leaves, l)
	}
	index := map[uint]int{}
	for i, p := range people {
		index[p.ID] = i
	}
	onLeave := map[demoHalf]bool{}
	for _, l := range leaves {
		if l.Status != LeaveApproved && l.Status != LeaveReturned {
			continue
		}
		last := l.To
		if !l.ReturnedOn.IsZero() {
			last = l.ReturnedOn.AddDays(-1) // overstayed: no punches until back
		}
		for d := l.From; !d.After(last); d = d.AddDays(1) {
			for h := range Halves {
				if (d == l.From && h < halfIndex(l.FromHalf)) || (d == l.To && l.ReturnedOn.IsZero() && h > halfIndex(l.ToHalf)) {
					continue
				}
				onLeave[demoHalf{index[l.StaffID], d, h}] = true
			}
		}
	}

	changed := map[demoSlot]int{}
	for _, c := range demoPunchChanges {
		changed[demoSlot{c.person, t.day(c.day), c.slot}] = c.off
	}
	// the other months: a late, an early or a forgotten punch or two
	for _, m := range t.months() {
		if m == showMonth {
			continue
		}
		to := monthEnd(m)
		if to.After(t.last) {
			to = t.last
		}
		days := t.workingDays(m, to)
		if len(days) == 0 {
			continue
		}
		n := 1 + rng.Intn(3)
		if len(days) < 5 {
			n = rng.Intn(2)
		}
		for k := 0; k < n; k++ {
			person, d := rng.Intn(demoResidents), days[rng.Intn(len(days))]
			slot, off := slotAMIn, 2+rng.Intn(12)
			switch rng.Intn(3) {
			case 1:
				slot, off = slotPMOut, -(3 + rng.Intn(10))
			case 2:
				slot, off = slotAMOut, demoNoPunch
			}
			if !onLeave[demoHalf{person, d, slot / 2}] {
				changed[demoSlot{person, d, slot}] = off
			}
		}
	}

	devices := []string{"一楼大厅考勤机", "二楼大厅考勤机", "三楼大厅考勤机"}
	var punches []newPunch
	for _, d := range t.workingDays(t.first, t.last) {
		sched := schedule(d)
		ref := [4]Clock{sched.AMIn, sched.AMOut, sched.PMIn, sched.PMOut}
		for i, p := range people {
			if !p.InService(d) {
				continue
			}
			device := devices[(i%len(demoWindows))/7]
			pmIn := sched.PMIn - 28 + Clock(rng.Intn(25))
			if pmIn <= sched.Noon() {
				pmIn = sched.Noon() + 1
			}
			normal := [4]Clock{sched.AMIn - 30 + Clock(rng.Intn(28)), sched.AMOut + Clock(rng.Intn(20)),
				pmIn, sched.PMOut + Clock(rng.Intn(20))}
			for slot, c := range normal {
				sec := rng.Intn(60)
				if onLeave[demoHalf{i, d, slot / 2}] {
					continue
				}
				if off, ok := changed[demoSlot{i, d, slot}]; ok {
					if off == demoNoPunch {
						continue
					}
					c = ref[slot] + Clock(off)
				}
				at := CivilTime(d, int(c)/60, int(c)%60, sec)
				punches = append(punches, newPunch{StaffID: p.ID, At: at, Device: device})
				if rng.Intn(60) == 0 { // the machine read the finger twice
					punches = append(punches, newPunch{StaffID: p.ID, At: at.Add(time.Duration(5+rng.Intn(40)) * time.Second), Device: device})
				}
			}
		}
	}
	if len(punches) > 0 {
		if _, err := insertPunches(tx, punches, a.at); err != nil {
			return err
		}
		a.create(punchImport{added: len(punches), from: punches[0].At, to: punches[len(punches)-1].At, people: len(people)})
	}

	at := func(d Date, c Clock) time.Time { return CivilTime(d, int(c)/60, int(c)%60, 0) }
	fixDay := t.day(6)
	fix := Punch{StaffID: people[30].ID, At: at(fixDay, schedule(fixDay).AMIn-5), Device: "补卡", Correction: true,
		Reason: "指纹识别失败未能打卡，首席代表证明按时到岗", Approver: "徐明"}
	if err := tx.Omit(clause.Associations).Create(&fix).Error; err != nil {
		return err
	}
	fix.Staff = people[30]
	a.create(fix)

	for i := range leaves {
		l := &leaves[i]
		who := people[index[l.StaffID]].Name
		if fe := l.Validate(); len(fe) > 0 {
			return fmt.Errorf("demo leave of %s: %w", who, fe)
		}
		if err := saveLeaveTx(tx, a, t.cal, l); err != nil {
			return fmt.Errorf("demo leave of %s: %w", who, err)
		}
	}
	for _, x := range []Inspection{
		{StaffID: people[16].ID, LeftAt: at(t.day(4), NewClock(10, 0)), BackAt: at(t.day(4), NewClock(11, 35)),
			Inspector: demoOfficer, Note: "巡查时不在岗，称去档案室调阅资料，未登记"},
		{StaffID: people[27].ID, LeftAt: at(t.day(9), NewClock(9, 40)), BackAt: at(t.day(9), NewClock(12, 0)),
			Inspector: demoOfficer, Note: "巡查时不在岗，未说明去向，窗口无人值守"},
	} {
		if fe := x.Validate(); len(fe) > 0 {
			return fe
		}
		if err := saveDatedTx(tx, a, &x, 0, x.StaffID, inspectionDay, "登记查岗记录"); err != nil {
			return err
		}
	}
	// back at the home unit from an hour and a half before the end of the day
	outDay := t.day(8)
	out := schedule(outDay).PMOut
	o := Outing{StaffID: people[3].ID, From: at(outDay, out-90), To: at(outDay, out+20),
		Reason: "回原单位交换文件", RegisteredBy: demoOfficer, RegisteredAt: at(outDay, out-120)}
	if fe := o.Validate(); len(fe) > 0 {
		return fe
	}
	return saveDatedTx(tx, a, &o, 0, o.StaffID, outingDay, "登记外出")
}
