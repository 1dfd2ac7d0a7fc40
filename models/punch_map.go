package models

import (
	"fmt"
	"sort"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// PunchDeviceMap says who a number on one attendance machine is: the
// machine's 考勤号码 (PIN, UserId) is not the 工号, and each machine or cloud
// account numbers people its own way.
type PunchDeviceMap struct {
	ID        uint   `gorm:"primaryKey"`
	Device    string `gorm:"size:64;not null;uniqueIndex:idx_punch_map,priority:1"`
	MachineNo string `gorm:"size:32;not null;uniqueIndex:idx_punch_map,priority:2"`
	StaffID   uint   `gorm:"not null;index"`
	Staff     Staff  `gorm:"constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
}

func (m PunchDeviceMap) auditEntity() string { return "考勤号码对照" }
func (m PunchDeviceMap) auditKey() string    { return m.Device + " " + m.MachineNo }
func (m PunchDeviceMap) auditFields() []AuditField {
	return []AuditField{{"考勤机", m.Device}, {"考勤号码", m.MachineNo}, {"工号", m.Staff.EmployeeNo}, {"姓名", m.Staff.Name}}
}

// PunchMapPair is one line of a mapping as a person gives it: a machine
// number and the 工号 it stands for.
type PunchMapPair struct {
	MachineNo  string
	EmployeeNo string
}

// migratePunchSources adds where each punch came from (the raw file and its
// row) and what the machine itself made of it (DingTalk's 打卡结果), and the
// per-machine table of numbers. Columns are added by name so the step reads
// the same whatever the structs become.
func migratePunchSources(tx *gorm.DB) error {
	for _, c := range []struct{ column, kind string }{
		{"source", "varchar(160)"},
		{"device_result", "varchar(32)"},
	} {
		if tx.Migrator().HasColumn("punches", c.column) {
			continue
		}
		if err := tx.Exec(fmt.Sprintf("ALTER TABLE punches ADD COLUMN %s %s", c.column, c.kind)).Error; err != nil {
			return err
		}
	}
	return tx.AutoMigrate(&PunchDeviceMap{})
}

// NormalizeMachineNo trims a machine number as files give it: spaces of a
// padded PIN, and the ".0" a spreadsheet adds to a number.
func NormalizeMachineNo(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".0") && allDigits(strings.TrimSuffix(s, ".0")) {
		s = strings.TrimSuffix(s, ".0")
	}
	return s
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// stripZeros gives a number without its leading zeros ("0012" → "12"),
// keeping a single "0"; other text is returned as it is.
func stripZeros(s string) string {
	if !allDigits(s) {
		return s
	}
	t := strings.TrimLeft(s, "0")
	if t == "" {
		return "0"
	}
	return t
}

// MachineNoRule says how a file writes machine numbers.
type MachineNoRule int

const (
	// ZerosKept: the number is text as the machine holds it ("0012").
	ZerosKept MachineNoRule = iota
	// ZerosLost: the file lost leading zeros ("0012" became "12"), as
	// ZKTime's CSV and spreadsheets holding numbers do; numbers are
	// compared without them.
	ZerosLost
)

// MatchMachineNo finds the staff ID a machine number maps to. Exact matches
// win; under ZerosLost a number also matches a mapped number that differs
// only in leading zeros, when exactly one does; under ZerosKept only a
// mapped number without leading zeros, learnt from a file that lost them.
func MatchMachineNo(no string, rule MachineNoRule, maps map[string]uint) (uint, bool) {
	no = NormalizeMachineNo(no)
	if id, ok := maps[no]; ok {
		return id, true
	}
	if !allDigits(no) {
		return 0, false
	}
	want := stripZeros(no)
	var found uint
	n := 0
	for k, id := range maps {
		// A file that lost the zeros matches a number mapped with them; a
		// file that keeps them matches only a number mapped without any,
		// as one learnt from a file that lost them.
		if stripZeros(k) == want && (rule == ZerosLost || k == stripZeros(k)) {
			if n == 0 || id != found {
				n++
			}
			found = id
		}
	}
	if n != 1 {
		return 0, false
	}
	return found, true
}

// ProposeStaff proposes who an unknown machine number is: the people with
// the name the machine shows, else the one whose 工号 is the number or
// whose 工号's digits are it (1001 → A1001) when only one is. The caller
// must have the person confirm a proposal before it is used.
func ProposeStaff(no, name string, roster []Staff) []Staff {
	name = strings.TrimSpace(name)
	var out []Staff
	if name != "" {
		for _, p := range roster {
			if p.Name == name {
				out = append(out, p)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	no = NormalizeMachineNo(no)
	for _, p := range roster {
		if p.EmployeeNo == no {
			return []Staff{p}
		}
	}
	if !allDigits(no) {
		return nil
	}
	for _, p := range roster {
		if d := digitsOf(p.EmployeeNo); d != "" && stripZeros(d) == stripZeros(no) {
			out = append(out, p)
		}
	}
	if len(out) != 1 {
		return nil
	}
	return out
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// PunchMaps lists the mapping of one machine ("" for every machine), by
// machine and number.
func (s *Store) PunchMaps(device string) ([]PunchDeviceMap, error) {
	q := s.db.Preload("Staff").Order("device, machine_no")
	if device != "" {
		q = q.Where("device = ?", device)
	}
	var out []PunchDeviceMap
	if err := q.Find(&out).Error; err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Device != out[j].Device {
			return out[i].Device < out[j].Device
		}
		return lessMachineNo(out[i].MachineNo, out[j].MachineNo)
	})
	return out, nil
}

// lessMachineNo orders numbers as numbers (2 before 10), other text after.
func lessMachineNo(a, b string) bool {
	da, db := allDigits(a), allDigits(b)
	if da && db {
		sa, sb := stripZeros(a), stripZeros(b)
		if len(sa) != len(sb) {
			return len(sa) < len(sb)
		}
		if sa != sb {
			return sa < sb
		}
	}
	if da != db {
		return da
	}
	return a < b
}

// PunchDevices lists the machines that have a mapping.
func (s *Store) PunchDevices() ([]string, error) {
	var out []string
	err := s.db.Model(&PunchDeviceMap{}).Distinct("device").Order("device").Pluck("device", &out).Error
	return out, err
}

// SavePunchMaps records pairs for a machine: a number already mapped is
// mapped anew. Every 工号 must be on the roster and a number may appear
// once; a bad pair refuses them all.
func (s *Store) SavePunchMaps(device string, pairs []PunchMapPair) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		return savePunchMaps(tx, a, device, pairs)
	})
}

func savePunchMaps(tx *gorm.DB, a *auditor, device string, pairs []PunchMapPair) error {
	device = strings.TrimSpace(device)
	if device == "" {
		return FieldErrors{{"考勤机", "请填写考勤机名称"}}
	}
	if len(pairs) == 0 {
		return nil
	}
	roster, err := rosterByNo(tx)
	if err != nil {
		return err
	}
	var problems []string
	seen := map[string]string{}
	for _, p := range pairs {
		no, emp := NormalizeMachineNo(p.MachineNo), strings.TrimSpace(p.EmployeeNo)
		switch {
		case no == "":
			problems = append(problems, "考勤号码为空（工号 "+emp+"）")
		case len(no) > 32:
			problems = append(problems, "考勤号码“"+no+"”超过32个字符")
		case emp == "":
			problems = append(problems, "考勤号码 "+no+" 没有填写工号")
		case seen[no] != "" && seen[no] != emp:
			problems = append(problems, fmt.Sprintf("考勤号码 %s 同时对应工号 %s 和 %s", no, seen[no], emp))
		default:
			if _, ok := roster[emp]; !ok {
				problems = append(problems, fmt.Sprintf("考勤号码 %s 对应的工号 %s 不在人员名册中", no, emp))
			}
		}
		seen[no] = emp
	}
	if len(problems) > 0 {
		return refused("考勤号码对照有误：" + strings.Join(problems, "；"))
	}
	var have []PunchDeviceMap
	if err := tx.Preload("Staff").Where("device = ?", device).Find(&have).Error; err != nil {
		return err
	}
	old := map[string]PunchDeviceMap{}
	for _, m := range have {
		old[m.MachineNo] = m
	}
	nos := make([]string, 0, len(seen))
	for no := range seen {
		nos = append(nos, no)
	}
	sort.Slice(nos, func(i, j int) bool { return lessMachineNo(nos[i], nos[j]) })
	for _, no := range nos {
		who := roster[seen[no]]
		m := PunchDeviceMap{Device: device, MachineNo: no, StaffID: who.ID}
		before, had := old[no]
		if had && before.StaffID == who.ID {
			continue
		}
		if err := tx.Omit(clause.Associations).Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "device"}, {Name: "machine_no"}},
			DoUpdates: clause.AssignmentColumns([]string{"staff_id"}),
		}).Create(&m).Error; err != nil {
			return err
		}
		m.Staff = who
		if had {
			a.update(before, m)
		} else {
			a.create(m)
		}
	}
	return nil
}

// DeletePunchMap removes one number of a machine's mapping.
func (s *Store) DeletePunchMap(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var m PunchDeviceMap
		if err := tx.Preload("Staff").First(&m, id).Error; err != nil {
			return notFound(err)
		}
		if err := tx.Delete(&PunchDeviceMap{}, m.ID).Error; err != nil {
			return err
		}
		a.delete(m)
		return nil
	})
}

// machineMaps loads one machine's numbers as number → staff ID.
func machineMaps(tx *gorm.DB, device string) (map[string]uint, error) {
	var list []PunchDeviceMap
	if err := tx.Where("device = ?", device).Find(&list).Error; err != nil {
		return nil, err
	}
	out := make(map[string]uint, len(list))
	for _, m := range list {
		out[m.MachineNo] = m.StaffID
	}
	return out, nil
}

// punchLayoutKey prefixes the settings that hold saved column layouts of
// punch files in layouts GovDesk does not know.
const punchLayoutKey = "打卡列对照:"

// PunchColumnLayouts gives the saved column layouts by name (their spec text).
func (s *Store) PunchColumnLayouts() (map[string]string, error) {
	var list []Setting
	if err := s.db.Where("key LIKE ?", punchLayoutKey+"%").Find(&list).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(list))
	for _, x := range list {
		out[strings.TrimPrefix(x.Key, punchLayoutKey)] = x.Value
	}
	return out, nil
}

// SavePunchColumnLayout saves a column layout under a name, for next month.
func (s *Store) SavePunchColumnLayout(name, spec string) error {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return FieldErrors{{"名称", "请给列对照起个名字，下次导入时选用"}}
	case len([]rune(name)) > 16:
		return FieldErrors{{"名称", "名称不能超过16个字"}}
	case len(spec) > 1000:
		return FieldErrors{{"列对照", "列对照太长"}}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var before Setting
		if err := tx.Where("key = ?", punchLayoutKey+name).Limit(1).Find(&before).Error; err != nil {
			return err
		}
		if before.Value == spec {
			return nil
		}
		if err := tx.Save(&Setting{Key: punchLayoutKey + name, Value: spec}).Error; err != nil {
			return err
		}
		after := punchLayoutSetting{name, spec}
		if before.Key != "" {
			a.update(punchLayoutSetting{name, before.Value}, after)
		} else {
			a.create(after)
		}
		return nil
	})
}

type punchLayoutSetting struct{ name, spec string }

func (l punchLayoutSetting) auditEntity() string       { return "打卡文件列对照" }
func (l punchLayoutSetting) auditKey() string          { return l.name }
func (l punchLayoutSetting) auditFields() []AuditField { return []AuditField{{"列对照", l.spec}} }
