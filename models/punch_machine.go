package models

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// MachinePunch is one tap as an attendance machine's file gives it: the
// machine's own number for the person, not yet the 工号.
type MachinePunch struct {
	MachineNo    string
	Name         string // the name the machine shows, or ""
	At           time.Time
	Source       string // the raw file and row: "1_attlog.dat 第12行"
	DeviceResult string // the machine's own opinion (DingTalk 打卡结果), kept only
}

// MachineImport is one machine file to import.
type MachineImport struct {
	Device  string // the machine, whose mapping of numbers is used
	Rule    MachineNoRule
	Punches []MachinePunch
	// Pairs are numbers the person mapped for this import (--map, or
	// confirmed on screen); they are saved with it for the next one.
	Pairs []PunchMapPair
	// DryRun computes what the import would do and writes nothing.
	DryRun bool
}

// DoubleTapWindow is how close two taps of one person are to count once:
// a finger put twice on the reader.
const DoubleTapWindow = 60 * time.Second

// UnknownMachineNo is a number the machine's mapping does not know.
type UnknownMachineNo struct {
	MachineNo string
	Name      string // as the machine shows it
	Punches   int
	Source    string // where it first appears
	// Proposals are who it may be (same name, or a 工号 equal to the
	// number); several when namesakes: a person chooses.
	Proposals []Staff
}

func (u UnknownMachineNo) String() string {
	var b strings.Builder
	b.WriteString(u.MachineNo)
	var info []string
	if u.Name != "" {
		info = append(info, u.Name)
	}
	info = append(info, fmt.Sprintf("%d条打卡", u.Punches))
	if u.Source != "" {
		info = append(info, "首见于"+u.Source)
	}
	if len(u.Proposals) > 0 {
		var who []string
		for _, p := range u.Proposals {
			who = append(who, p.EmployeeNo+" "+p.Name)
		}
		info = append(info, "可能是 "+strings.Join(who, " 或 "))
	}
	fmt.Fprintf(&b, "（%s）", strings.Join(info, "，"))
	return b.String()
}

// SkippedPunch is a punch an import left out, and why.
type SkippedPunch struct {
	Source string
	Reason string
}

// MachineImportResult is what a machine import did, or would do.
type MachineImportResult struct {
	Device     string
	People     int            // people with punches to add
	Days       int            // person-days with punches to add
	PerDevice  map[string]int // punches to add per machine
	Repeats    int            // already stored, or repeated in the file
	DoubleTaps int            // within DoubleTapWindow of another tap
	Skipped    []SkippedPunch // in locked months
	Unknown    []UnknownMachineNo
	// Mismatches are numbers whose name on the machine is not the name of
	// the person they are mapped to: a mapping to check, not a refusal
	// (machines often hold no name, or a short one).
	Mismatches []string
	From, To   time.Time
	Stats      ImportStats
}

// UnknownMachineNosError refuses an import that has numbers the machine's
// mapping does not know; it lists every one.
type UnknownMachineNosError struct {
	Device  string
	Unknown []UnknownMachineNo
}

func (e *UnknownMachineNosError) Error() string {
	lines := make([]string, len(e.Unknown))
	for i, u := range e.Unknown {
		lines[i] = u.String()
	}
	return fmt.Sprintf("考勤机“%s”有 %d 个考勤号码还没有对照到工号，未导入任何数据。请先对照（命令行用 --map 对照表.csv，列为 考勤号码、工号）：%s",
		e.Device, len(e.Unknown), strings.Join(lines, "；"))
}

var errDryRun = errors.New("dry run")

// ImportMachinePunches imports one machine file's taps, all or nothing.
// Each number goes through the machine's mapping (with Pairs added first);
// unknown numbers refuse the import and are listed with who they may be.
// Taps of one person within DoubleTapWindow count once, punches already
// stored are skipped, and taps in locked months are left out and listed.
// With DryRun nothing is written and the result says what would be.
func (s *Store) ImportMachinePunches(in MachineImport) (MachineImportResult, error) {
	var res MachineImportResult
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		res = MachineImportResult{Device: strings.TrimSpace(in.Device), PerDevice: map[string]int{}}
		if res.Device == "" {
			return refused("没有指定考勤机")
		}
		if err := savePunchMaps(tx, a, res.Device, in.Pairs); err != nil {
			return err
		}
		maps, err := machineMaps(tx, res.Device)
		if err != nil {
			return err
		}
		var roster []Staff
		if err := tx.Select("id", "employee_no", "name").Order("employee_no").Find(&roster).Error; err != nil {
			return err
		}
		byID := make(map[uint]Staff, len(roster))
		for _, p := range roster {
			byID[p.ID] = p
		}
		mismatch := map[string]bool{}
		unknown := map[string]*UnknownMachineNo{}
		var order []string
		type tap struct {
			at  time.Time
			in  MachinePunch
			new bool
		}
		byStaff := map[uint][]tap{}
		for _, p := range in.Punches {
			no := NormalizeMachineNo(p.MachineNo)
			id, ok := MatchMachineNo(no, in.Rule, maps)
			if !ok {
				u := unknown[no]
				if u == nil {
					u = &UnknownMachineNo{MachineNo: no, Name: p.Name, Source: p.Source}
					unknown[no] = u
					order = append(order, no)
				}
				if u.Name == "" {
					u.Name = p.Name
				}
				u.Punches++
				continue
			}
			if who := byID[id]; hasHan(p.Name) && p.Name != who.Name && !mismatch[no] {
				mismatch[no] = true
				res.Mismatches = append(res.Mismatches, fmt.Sprintf("考勤号码 %s 在考勤机上是“%s”，对照的却是 %s %s", no, p.Name, who.EmployeeNo, who.Name))
			}
			byStaff[id] = append(byStaff[id], tap{at: Civil(p.At), in: p, new: true})
		}
		if len(unknown) > 0 {
			sort.Slice(order, func(i, j int) bool { return lessMachineNo(order[i], order[j]) })
			for _, no := range order {
				u := unknown[no]
				u.Proposals = ProposeStaff(u.MachineNo, u.Name, roster)
				res.Unknown = append(res.Unknown, *u)
			}
			return &UnknownMachineNosError{Device: res.Device, Unknown: res.Unknown}
		}
		locked, err := lockedMonths(tx)
		if err != nil {
			return err
		}
		ids := make([]uint, 0, len(byStaff))
		var from, to time.Time
		for id, taps := range byStaff {
			ids = append(ids, id)
			for _, t := range taps {
				if from.IsZero() || t.at.Before(from) {
					from = t.at
				}
				if t.at.After(to) {
					to = t.at
				}
			}
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		if len(ids) > 0 {
			var stored []Punch
			if err := tx.Select("staff_id", "at").Where("staff_id IN ? AND at >= ? AND at <= ?", ids,
				civilArg(from.Add(-DoubleTapWindow)), civilArg(to.Add(DoubleTapWindow))).Find(&stored).Error; err != nil {
				return err
			}
			for _, p := range stored {
				byStaff[p.StaffID] = append(byStaff[p.StaffID], tap{at: Civil(p.At)})
			}
		}
		var punches []newPunch
		days := map[string]bool{}
		people := map[uint]bool{}
		res.From, res.To = time.Time{}, time.Time{}
		for _, id := range ids {
			taps := byStaff[id]
			sort.SliceStable(taps, func(i, j int) bool {
				if !taps[i].at.Equal(taps[j].at) {
					return taps[i].at.Before(taps[j].at)
				}
				return !taps[i].new && taps[j].new // stored first
			})
			var kept []time.Time // stored taps and the new ones kept, in order
			for _, t := range taps {
				if !t.new {
					kept = append(kept, t.at)
				}
			}
			near := func(at time.Time) (same, close bool) {
				i := sort.Search(len(kept), func(i int) bool { return !kept[i].Before(at.Add(-DoubleTapWindow + time.Nanosecond)) })
				for ; i < len(kept) && kept[i].Before(at.Add(DoubleTapWindow)); i++ {
					if kept[i].Equal(at) {
						return true, true
					}
					close = true
				}
				return false, close
			}
			for _, t := range taps {
				if !t.new {
					continue
				}
				same, close := near(t.at)
				switch {
				case same:
					res.Repeats++
					continue
				case close:
					res.DoubleTaps++
					continue
				}
				if m := MonthOf(DateOf(t.at)); locked[m] {
					res.Skipped = append(res.Skipped, SkippedPunch{Source: t.in.Source,
						Reason: fmt.Sprintf("%s 的打卡：%s 已封帐，不再导入该月的打卡", FormatDateTime(t.at), m)})
					continue
				}
				i := sort.Search(len(kept), func(i int) bool { return kept[i].After(t.at) })
				kept = append(kept, time.Time{})
				copy(kept[i+1:], kept[i:])
				kept[i] = t.at
				punches = append(punches, newPunch{StaffID: id, At: t.at, Device: res.Device,
					Source: truncRunes(t.in.Source, 160), DeviceResult: truncRunes(strings.TrimSpace(t.in.DeviceResult), 32)})
				days[fmt.Sprintf("%d|%s", id, DateOf(t.at))] = true
				people[id] = true
				if res.From.IsZero() || t.at.Before(res.From) {
					res.From = t.at
				}
				if t.at.After(res.To) {
					res.To = t.at
				}
			}
		}
		res.People, res.Days = len(people), len(days)
		if len(punches) > 0 {
			res.PerDevice[res.Device] = len(punches)
		}
		res.Stats = ImportStats{Created: len(punches), Unchanged: res.Repeats + res.DoubleTaps + len(res.Skipped)}
		if in.DryRun {
			return errDryRun
		}
		if _, err := insertPunches(tx, punches, a.at); err != nil {
			return err
		}
		if len(punches) > 0 {
			a.create(punchImport{added: len(punches), skipped: res.Stats.Unchanged, from: res.From, to: res.To, people: res.People})
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return res, err
}

func truncRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// hasHan tells a name in Chinese characters from an empty one or one in
// pinyin, which many machines hold instead.
func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9FFF || r >= 0x20000 && r <= 0x3FFFF {
			return true
		}
	}
	return false
}
