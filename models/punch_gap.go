package models

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// PunchGap is a working day on which the whole centre, or one attendance
// machine, recorded no punch at all. Nearly always that day's file has not
// been imported yet: counting it would make everybody 旷工. Until the
// punches are imported or someone confirms that the day's records are
// complete, the people it concerns are not judged for that day, the sheet,
// the scores and the bulletin say so, and the month cannot be locked.
type PunchGap struct {
	Day         Date
	Device      string // the machine; "" for the whole centre
	People      int    // how many people have no punch that day because of it
	Confirmed   bool   // the records of the day were confirmed complete
	ConfirmedBy string
	Note        string
}

// Text says what is missing: "11月26日无打卡记录（未导入?）".
func (g PunchGap) Text() string {
	where := ""
	if g.Device != "" {
		where = "考勤机“" + g.Device + "”"
	}
	return fmt.Sprintf("%d月%d日%s无打卡记录（未导入?）", int(g.Day.Month()), g.Day.Day(), where)
}

// PunchGapConfirmation records that a working day without punches (for the
// whole centre, or for one machine) really had none, so its absences count:
// for example the machine was broken and the people concerned must apply
// for corrections (补卡).
type PunchGapConfirmation struct {
	ID     uint      `gorm:"primaryKey"`
	Day    Date      `gorm:"not null;uniqueIndex:idx_punch_gap,priority:1"`
	Device string    `gorm:"size:64;not null;default:'';uniqueIndex:idx_punch_gap,priority:2"`
	Note   string    `gorm:"size:256"`
	By     string    `gorm:"size:64"`
	At     time.Time `gorm:"serializer:civil;type:datetime"`
}

func (c PunchGapConfirmation) auditEntity() string { return "无打卡日确认" }
func (c PunchGapConfirmation) auditKey() string {
	return strings.TrimSpace(c.Day.String() + " " + c.Device)
}
func (c PunchGapConfirmation) auditFields() []AuditField {
	return []AuditField{{"日期", c.Day.String()}, {"考勤机", orText(c.Device, "全中心")}, {"说明", c.Note}}
}

func migratePunchGaps(tx *gorm.DB) error { return tx.AutoMigrate(&PunchGapConfirmation{}) }

// findPunchGaps finds, among the working days given, those on which nobody
// punched at all, and those on which a machine that recorded punches on
// other days of the list recorded none. Corrections are not machine
// punches and do not fill a gap. home gives each person's machine: the one
// that recorded most of their punches (ties go to the name that sorts
// first, so the answer never depends on the order of the rows). The punches
// come in groups (a month's are read by person), never copied into one list.
func findPunchGaps(days []Date, groups ...[]DayPunch) (gaps []PunchGap, home map[uint]string) {
	centre := map[Date]bool{}
	byDevice := map[string]map[Date]bool{}
	counts := map[uint]map[string]int{}
	// a person's punches of one day on one machine come in a run: the maps
	// are written once a run, not once a punch
	var last DayPunch
	var lastDay Date
	run := 0
	endRun := func() {
		if run == 0 {
			return
		}
		centre[lastDay] = true
		if byDevice[last.Device] == nil {
			byDevice[last.Device] = map[Date]bool{}
		}
		byDevice[last.Device][lastDay] = true
		if counts[last.StaffID] == nil {
			counts[last.StaffID] = map[string]int{}
		}
		counts[last.StaffID][last.Device] += run
		run = 0
	}
	for _, punches := range groups {
		for _, p := range punches {
			if p.Correction {
				continue
			}
			d := DateOf(p.At) // the day its clock showed, in whatever zone it is given
			if run > 0 && (d != lastDay || p.Device != last.Device || p.StaffID != last.StaffID) {
				endRun()
			}
			last, lastDay = p, d
			run++
		}
	}
	endRun()
	home = make(map[uint]string, len(counts))
	for id, c := range counts {
		best, n := "", -1
		for dev, k := range c {
			if k > n || (k == n && dev < best) {
				best, n = dev, k
			}
		}
		home[id] = best
	}
	devices := make([]string, 0, len(byDevice))
	for dev := range byDevice {
		if dev != "" {
			devices = append(devices, dev)
		}
	}
	sort.Strings(devices)
	for _, d := range days {
		if !centre[d] {
			gaps = append(gaps, PunchGap{Day: d})
			continue
		}
		for _, dev := range devices {
			if !byDevice[dev][d] {
				gaps = append(gaps, PunchGap{Day: d, Device: dev})
			}
		}
	}
	return gaps, home
}

// unrecordedDays gives the days a person is not judged on: days of an
// unconfirmed gap of the whole centre or of the person's machine on which
// the person has no punch at all.
func unrecordedDays(gaps []PunchGap, device string, own []DayPunch) map[Date]bool {
	var out map[Date]bool
	if len(gaps) == 0 {
		return out
	}
	punched := map[Date]bool{}
	for _, p := range own {
		punched[DateOf(p.At)] = true
	}
	for _, g := range gaps {
		if g.Confirmed || punched[g.Day] || (g.Device != "" && g.Device != device) {
			continue
		}
		if out == nil {
			out = map[Date]bool{}
		}
		out[g.Day] = true
	}
	return out
}

// punchGapsOf finds the month's gaps up to through from the punches read
// for the month, marks those confirmed, and counts the people each leaves
// without punches.
func punchGapsOf(db *gorm.DB, cal *Calendar, first, through Date, punches map[uint][]DayPunch, staff []Staff) ([]PunchGap, map[uint]string, error) {
	var days []Date
	for d := first; !d.After(through); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			days = append(days, d)
		}
	}
	if len(days) == 0 {
		return nil, nil, nil
	}
	groups := make([][]DayPunch, 0, len(punches))
	for _, ps := range punches {
		groups = append(groups, ps)
	}
	gaps, home := findPunchGaps(days, groups...)
	if len(gaps) == 0 {
		return nil, home, nil
	}
	var confirmed []PunchGapConfirmation
	if err := db.Where("day >= ? AND day <= ?", first, through).Find(&confirmed).Error; err != nil {
		return nil, nil, err
	}
	done := map[string]PunchGapConfirmation{}
	for _, c := range confirmed {
		done[c.Day.String()+"|"+c.Device] = c
	}
	kept := gaps[:0]
	for _, g := range gaps {
		if c, ok := done[g.Day.String()+"|"+g.Device]; ok {
			g.Confirmed, g.ConfirmedBy, g.Note = true, c.By, c.Note
		}
		for _, p := range staff {
			if !p.InService(g.Day) || (g.Device != "" && home[p.ID] != g.Device) {
				continue
			}
			if !punchedOn(punches[p.ID], g.Day) {
				g.People++
			}
		}
		if g.People > 0 { // a gap that leaves nobody unjudged changes nothing
			kept = append(kept, g)
		}
	}
	return kept, home, nil
}

func punchedOn(ps []DayPunch, d Date) bool {
	for _, p := range ps {
		if DateOf(p.At) == d {
			return true
		}
	}
	return false
}

// ConfirmPunchGap records that the working day had no punches for the whole
// centre (device "") or for one machine, so its absences count as such.
// The note says why (考勤机故障，已通知补卡…); it is required.
func (s *Store) ConfirmPunchGap(day Date, device, note string) error {
	device, note = strings.TrimSpace(device), strings.TrimSpace(note)
	var fe FieldErrors
	if day.IsZero() {
		fe.add("日期", "请选择日期")
	}
	switch {
	case note == "":
		fe.add("说明", "请写明为何该日没有打卡记录（例如：考勤机故障，已通知相关人员补卡）")
	case len([]rune(note)) > 200:
		fe.add("说明", "说明不能超过200个字")
	}
	if len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if err := refuseLocked(tx, "确认无打卡日", MonthOf(day)); err != nil {
			return err
		}
		var old PunchGapConfirmation
		if err := tx.Where("day = ? AND device = ?", day, device).Limit(1).Find(&old).Error; err != nil {
			return err
		}
		if old.ID != 0 {
			return refused(fmt.Sprintf("%s已由 %s 确认过", PunchGap{Day: day, Device: device}.Text(), old.By))
		}
		c := PunchGapConfirmation{Day: day, Device: device, Note: note, By: a.operator, At: a.at}
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
		a.create(c)
		return nil
	})
}

// UnconfirmPunchGap withdraws a confirmation made by mistake: the day is
// again left unjudged until its punches are imported.
func (s *Store) UnconfirmPunchGap(day Date, device string) error {
	device = strings.TrimSpace(device)
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if err := refuseLocked(tx, "撤销无打卡日确认", MonthOf(day)); err != nil {
			return err
		}
		var c PunchGapConfirmation
		if err := tx.Where("day = ? AND device = ?", day, device).Limit(1).Find(&c).Error; err != nil {
			return err
		}
		if c.ID == 0 {
			return ErrNotFound
		}
		if err := tx.Delete(&PunchGapConfirmation{}, c.ID).Error; err != nil {
			return err
		}
		a.delete(c)
		return nil
	})
}

// unresolvedGapsText lists the gaps not yet resolved, for refusals and
// notes, compactly: "11月2日、3日无打卡记录（未导入?）", or for a long run
// "11月2日至11月25日共18个工作日无打卡记录（未导入?）".
func unresolvedGapsText(gaps []PunchGap) string {
	var open []PunchGap
	for _, g := range gaps {
		if !g.Confirmed {
			open = append(open, g)
		}
	}
	return GapsText(open)
}

// GapsText writes a list of gaps compactly, one phrase per machine.
func GapsText(gaps []PunchGap) string {
	var order []string
	days := map[string][]Date{}
	for _, g := range gaps {
		if _, ok := days[g.Device]; !ok {
			order = append(order, g.Device)
		}
		days[g.Device] = append(days[g.Device], g.Day)
	}
	var parts []string
	for _, dev := range order {
		ds := days[dev]
		where := ""
		if dev != "" {
			where = "考勤机“" + dev + "”"
		}
		var span string
		if len(ds) > 4 {
			span = fmt.Sprintf("%s至%s共%d个工作日", dayLabel(ds[0]), dayLabel(ds[len(ds)-1]), len(ds))
		} else {
			labels := make([]string, len(ds))
			for i, d := range ds {
				labels[i] = dayLabel(d)
				if i > 0 && d.Month() == ds[i-1].Month() {
					labels[i] = fmt.Sprintf("%d日", d.Day())
				}
			}
			span = strings.Join(labels, "、")
		}
		parts = append(parts, span+where+"无打卡记录（未导入?）")
	}
	return strings.Join(parts, "；")
}
