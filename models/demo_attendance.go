package models

import (
	"fmt"
	"math/rand"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// demoAttendanceEnd is the last day the demo has punches for: the day
// before the demo's "today", 2026-11-26.
var demoAttendanceEnd = NewDate(2026, 11, 25)

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
const demoNoPunch Clock = -1

// demoPunchChanges are the November punches that differ from a normal day,
// by person (index into demoNames) and day of the month. Each line is
// traceable on the monthly sheet.
var demoPunchChanges = []struct {
	person, day, slot int
	at                Clock
}{
	// 刘玥: exactly four lates and earlies → half a day of 旷工
	{4, 3, slotAMIn, NewClock(8, 41)}, {4, 10, slotPMOut, NewClock(16, 52)},
	{4, 17, slotAMIn, NewClock(8, 35)}, {4, 24, slotAMIn, NewClock(8, 46)},
	// 赵敏: three, one short of the threshold
	{7, 5, slotAMIn, NewClock(8, 38)}, {7, 12, slotPMIn, NewClock(13, 40)}, {7, 19, slotPMOut, NewClock(16, 45)},
	// single lates and earlies
	{10, 6, slotAMIn, NewClock(8, 33)}, {15, 20, slotPMOut, NewClock(16, 58)},
	// forgotten punches (缺卡)
	{12, 4, slotPMOut, demoNoPunch}, {20, 13, slotAMOut, demoNoPunch}, {25, 23, slotAMIn, demoNoPunch},
	// 程琳 could not punch in on 11-9 (corrected by a 补卡, below)
	{30, 9, slotAMIn, demoNoPunch},
	// 林峰: no punch and no leave on the morning of 11-18 → 旷工 half a day
	{18, 18, slotAMIn, demoNoPunch}, {18, 18, slotAMOut, demoNoPunch},
	// 张昇 went to the home unit on 11-11 afternoon (外出登记) and did not punch out
	{3, 11, slotPMOut, demoNoPunch},
	// 于洋 came back at 12:30 on 11-12 (查岗, below) and punched out then
	{27, 12, slotAMOut, NewClock(12, 31)},
}

// demoLeaves: approved, pending and overstayed requests.
var demoLeaves = []struct {
	person        int
	kind          string
	from, to      int // days of November
	fromH, toH    string
	reason        string
	status        string
	approver      string
	standIn       int // -1 none
	returnedOnDay int // 0 none
}{
	{9, "病假", 9, 10, HalfAM, HalfPM, "急性肠胃炎，附医院诊断证明", LeaveApproved, demoOfficer, 29, 0},
	{22, "事假", 16, 16, HalfPM, HalfPM, "孩子家长会", LeaveApproved, "周𠮷", -1, 0},
	{14, "公务", 24, 24, HalfPM, HalfPM, "参加市局业务培训", LeaveApproved, demoOfficer, 34, 0},
	{40, "事假", 19, 20, HalfAM, HalfAM, "回老家处理房屋过户", LeaveReturned, demoOfficer, 0, 23},
	{24, "年休假", 27, 27, HalfAM, HalfPM, "带薪年休假", LeavePending, "", 44, 0},
}

// fillDemoAttendance adds November 2026 up to demoAttendanceEnd: four
// punches a working day for everyone in service, with a few realistic
// repeats, and the anomalies above; the leave, two 查岗 findings (95 and 150
// minutes), one 外出登记 and one 补卡. Deterministic.
func fillDemoAttendance(tx *gorm.DB, a *auditor, people []Staff) error {
	rng := rand.New(rand.NewSource(20261125))
	cal, err := calendarTx(tx)
	if err != nil {
		return err
	}
	if err := fillDemoOctober(tx, a, cal, people); err != nil {
		return err
	}
	nov := func(day int, c Clock, sec int) time.Time {
		return CivilTime(NewDate(2026, 11, day), int(c)/60, int(c)%60, sec)
	}
	type key struct{ person, day, slot int }
	changed := map[key]Clock{}
	for _, c := range demoPunchChanges {
		changed[key{c.person, c.day, c.slot}] = c.at
	}
	onLeave := map[key]bool{} // slot 0 = morning, 1 = afternoon
	for _, l := range demoLeaves {
		last := l.to
		if l.returnedOnDay > 0 {
			last = l.returnedOnDay - 1 // overstayed: no punches until back
		}
		for d := l.from; d <= last; d++ {
			for h := range Halves {
				if (d == l.from && h < halfIndex(l.fromH)) || (d == l.to && l.returnedOnDay == 0 && h > halfIndex(l.toH)) {
					continue
				}
				onLeave[key{l.person, d, h}] = true
			}
		}
	}
	devices := []string{"一楼大厅考勤机", "二楼大厅考勤机", "三楼大厅考勤机"}
	var punches []Punch
	for d := NewDate(2026, 11, 1); !d.After(demoAttendanceEnd); d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		for i, p := range people {
			if !p.InService(d) {
				continue
			}
			device := devices[(i%len(demoWindows))/7]
			normal := [4]Clock{
				NewClock(8, 0) + Clock(rng.Intn(28)), NewClock(12, 0) + Clock(rng.Intn(20)),
				NewClock(13, 0) + Clock(rng.Intn(25)), NewClock(17, 0) + Clock(rng.Intn(20)),
			}
			for slot, c := range normal {
				sec := rng.Intn(60)
				if onLeave[key{i, d.Day(), slot / 2}] {
					continue
				}
				if v, ok := changed[key{i, d.Day(), slot}]; ok {
					if v == demoNoPunch {
						continue
					}
					c = v
				}
				at := nov(d.Day(), c, sec)
				punches = append(punches, Punch{StaffID: p.ID, At: at, Device: device, CreatedAt: a.at})
				if rng.Intn(60) == 0 { // the machine read the finger twice
					punches = append(punches, Punch{StaffID: p.ID, At: at.Add(time.Duration(5+rng.Intn(40)) * time.Second), Device: device, CreatedAt: a.at})
				}
			}
		}
	}
	if err := tx.Omit(clause.Associations).CreateInBatches(punches, punchBatch).Error; err != nil {
		return err
	}
	a.create(punchImport{added: len(punches), from: punches[0].At, to: punches[len(punches)-1].At, people: len(people)})

	fix := Punch{StaffID: people[30].ID, At: nov(9, NewClock(8, 25), 0), Device: "补卡", Correction: true,
		Reason: "指纹识别失败未能打卡，首席代表证明按时到岗", Approver: "徐明"}
	if err := tx.Omit(clause.Associations).Create(&fix).Error; err != nil {
		return err
	}
	fix.Staff = people[30]
	a.create(fix)

	for _, dl := range demoLeaves {
		l := LeaveRequest{StaffID: people[dl.person].ID, Type: dl.kind,
			From: NewDate(2026, 11, dl.from), FromHalf: dl.fromH, To: NewDate(2026, 11, dl.to), ToHalf: dl.toH,
			Reason: dl.reason, Status: dl.status, Approver: dl.approver}
		if dl.standIn >= 0 {
			id := people[dl.standIn].ID
			l.StandInID = &id
		}
		if dl.returnedOnDay > 0 {
			l.ReturnedOn = NewDate(2026, 11, dl.returnedOnDay)
		}
		if fe := l.Validate(); len(fe) > 0 {
			return fmt.Errorf("demo leave of %s: %w", demoNames[dl.person], fe)
		}
		if err := saveLeaveTx(tx, a, cal, &l); err != nil {
			return fmt.Errorf("demo leave of %s: %w", demoNames[dl.person], err)
		}
	}
	for _, x := range []Inspection{
		{StaffID: people[16].ID, LeftAt: nov(5, NewClock(10, 0), 0), BackAt: nov(5, NewClock(11, 35), 0),
			Inspector: demoOfficer, Note: "巡查时不在岗，称去档案室调阅资料，未登记"},
		{StaffID: people[27].ID, LeftAt: nov(12, NewClock(10, 0), 0), BackAt: nov(12, NewClock(12, 30), 0),
			Inspector: demoOfficer, Note: "巡查时不在岗，未说明去向，窗口无人值守"},
	} {
		if fe := x.Validate(); len(fe) > 0 {
			return fe
		}
		if err := saveDatedTx(tx, a, &x, 0, x.StaffID, inspectionDay, "登记查岗记录"); err != nil {
			return err
		}
	}
	o := Outing{StaffID: people[3].ID, From: nov(11, NewClock(15, 30), 0), To: nov(11, NewClock(17, 20), 0),
		Reason: "回原单位交换文件", RegisteredBy: demoOfficer}
	if fe := o.Validate(); len(fe) > 0 {
		return fe
	}
	return saveDatedTx(tx, a, &o, 0, o.StaffID, outingDay, "登记外出")
}

// fillDemoOctober gives October 2026 four punctual punches a working day for
// everyone in service (the National Day holiday off, the 调休 Saturday on),
// so that the fourth quarter's 服务明星 ranking has a month before November.
func fillDemoOctober(tx *gorm.DB, a *auditor, cal *Calendar, people []Staff) error {
	rng := rand.New(rand.NewSource(20261031))
	var punches []Punch
	for d := NewDate(2026, 10, 1); d.Month() == time.October; d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		for _, p := range people {
			if !p.InService(d) {
				continue
			}
			for _, c := range [4]Clock{NewClock(8, 0) + Clock(rng.Intn(28)), NewClock(12, 0) + Clock(rng.Intn(20)),
				NewClock(13, 0) + Clock(rng.Intn(25)), NewClock(17, 0) + Clock(rng.Intn(20))} {
				at := CivilTime(d, int(c)/60, int(c)%60, rng.Intn(60))
				punches = append(punches, Punch{StaffID: p.ID, At: at, Device: "一楼大厅考勤机", CreatedAt: a.at})
			}
		}
	}
	if len(punches) == 0 {
		return nil
	}
	if err := tx.Omit(clause.Associations).CreateInBatches(punches, punchBatch).Error; err != nil {
		return err
	}
	a.create(punchImport{added: len(punches), from: punches[0].At, to: punches[len(punches)-1].At, people: len(people)})
	return nil
}
