package models

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// ImportStats counts what an import did.
type ImportStats struct {
	Created, Updated, Unchanged int
}

func (s ImportStats) String() string {
	return fmt.Sprintf("新增 %d 条，更新 %d 条，未变化 %d 条", s.Created, s.Updated, s.Unchanged)
}

// WindowRow is one window as an exchange file gives it.
type WindowRow struct {
	Code, Name, HomeUnit, Area string
}

// StaffRow is one person as an exchange file gives it; the window and home
// unit are named by 窗口编号 and 单位名称.
type StaffRow struct {
	Staff
	HomeUnitName string
	WindowCode   string
}

// RosterIndex maps the names used in files to records, for checking rows
// before anything is written.
type RosterIndex struct {
	Units   map[string]HomeUnit
	Windows map[string]ServiceWindow
}

// RosterIndex loads the current home units and windows by name and code.
func (s *Store) RosterIndex() (RosterIndex, error) {
	ix := RosterIndex{Units: map[string]HomeUnit{}, Windows: map[string]ServiceWindow{}}
	units, err := s.HomeUnits()
	if err != nil {
		return ix, err
	}
	for _, u := range units {
		ix.Units[u.Name] = u
	}
	windows, err := s.ServiceWindows()
	if err != nil {
		return ix, err
	}
	for _, w := range windows {
		ix.Windows[w.Code] = w
	}
	return ix, nil
}

// ImportWindows creates or updates windows by 窗口编号 in one transaction,
// creating home units named for the first time. Rows equal to what is stored
// change nothing, so importing the same file twice is harmless. Any error
// rolls everything back.
func (s *Store) ImportWindows(rows []WindowRow) (ImportStats, error) {
	var st ImportStats
	now := s.Now()
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		// the units and windows once, and new windows through one
		// prepared statement
		byCode, err := windowsByCode(tx)
		if err != nil {
			return err
		}
		var list []HomeUnit
		if err := tx.Find(&list).Error; err != nil {
			return err
		}
		units := make(map[string]uint, len(list))
		unitByID := make(map[uint]HomeUnit, len(list))
		for _, u := range list {
			units[u.Name], unitByID[u.ID] = u.ID, u
		}
		insert, err := prepareInsert(tx, insertWindowSQL)
		if err != nil {
			return err
		}
		defer insert.Close()
		for _, r := range rows {
			unitID, err := ensureUnit(tx, a, units, r.HomeUnit)
			if err != nil {
				return err
			}
			w := byCode[r.Code]
			next := w
			next.Code, next.Name, next.HomeUnitID = r.Code, r.Name, unitID
			keepIfEmpty(&next.Area, r.Area)
			if w.ID == 0 {
				next.Active = true
			} else if next == w {
				st.Unchanged++
				continue
			}
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("窗口 %s：%w", r.Code, fe)
			}
			if w.ID != 0 {
				if err := saveAudited(tx, a, &next, w.ID); err != nil {
					return err
				}
				next.HomeUnit = HomeUnit{}
				byCode[next.Code] = next
				st.Updated++
				continue
			}
			u, ok := unitByID[unitID]
			if !ok { // added by this file
				if err := tx.First(&u, unitID).Error; err != nil {
					return err
				}
				unitByID[unitID] = u
			}
			next.CreatedAt, next.UpdatedAt = now, now
			if next.ID, err = insert.insertID(tx.Statement.Context, next.Code, next.Name, next.HomeUnitID, next.Area, next.Active, now, now); err != nil {
				return err
			}
			byCode[next.Code] = next
			next.HomeUnit = u
			a.create(&next)
			st.Created++
		}
		return nil
	})
	return st, err
}

// insertWindowSQL adds a new window.
const insertWindowSQL = `INSERT INTO service_windows (code, name, home_unit_id, area, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`

func ensureUnit(tx *gorm.DB, a *auditor, cache map[string]uint, name string) (uint, error) {
	if id, ok := cache[name]; ok {
		return id, nil
	}
	var u HomeUnit
	if err := tx.Where("name = ?", name).Limit(1).Find(&u).Error; err != nil {
		return 0, err
	}
	if u.ID == 0 {
		u.Name = name
		if fe := u.Validate(); len(fe) > 0 {
			return 0, fe
		}
		if err := saveAudited(tx, a, &u, 0); err != nil {
			return 0, err
		}
	}
	cache[name] = u.ID
	return u.ID, nil
}

// UnknownUnitsError refuses a staff file that names 派驻单位 the centre does
// not have: a typing slip ("不存在局") would otherwise become a new unit.
// Names lists them in the order the file first names them.
type UnknownUnitsError struct {
	Names []string
}

func (e *UnknownUnitsError) Error() string {
	return fmt.Sprintf("文件中的派驻单位“%s”尚不存在，导入将新建这些单位：请核对单位名称，或先在“派驻单位”中新增后再导入",
		strings.Join(e.Names, "”“"))
}

// UnknownUnits lists the 派驻单位 the rows name that the centre does not
// have, each once, in the order first named.
func (s *Store) UnknownUnits(rows []StaffRow) ([]string, error) {
	units, err := s.HomeUnits()
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, u := range units {
		known[u.Name] = true
	}
	var out []string
	for _, r := range rows {
		// an empty cell is the row's own error, reported with its row
		if r.HomeUnitName != "" && !known[r.HomeUnitName] {
			known[r.HomeUnitName] = true
			out = append(out, r.HomeUnitName)
		}
	}
	return out, nil
}

// ImportStaff creates or updates people by 工号 in one transaction. Empty
// optional cells (性别, 身份证号, 手机号, 离岗日期, 状态) keep the stored value. Windows
// and 派驻单位 must already exist: a file naming a unit the centre does not
// have is refused with an *UnknownUnitsError naming them all. A changed
// window or status is recorded in the person's history as of the import day
// (or the 离岗日期 for someone who left). Any error rolls everything back.
func (s *Store) ImportStaff(rows []StaffRow) (ImportStats, error) {
	var st ImportStats
	today := s.Today()
	unknown, err := s.UnknownUnits(rows)
	if err != nil {
		return st, err
	}
	if len(unknown) > 0 {
		return st, &UnknownUnitsError{Names: unknown}
	}
	err = s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		// the windows and the people once: a roster file names everyone
		byCode, err := windowsByCode(tx)
		if err != nil {
			return err
		}
		var people []Staff
		if err := tx.Find(&people).Error; err != nil {
			return err
		}
		stored := make(map[string]Staff, len(people))
		for _, p := range people {
			stored[p.EmployeeNo] = p
		}
		units := map[string]uint{}
		unitByID := map[uint]HomeUnit{}
		joiner, err := newStaffJoiner(tx)
		if err != nil {
			return err
		}
		defer joiner.close()
		for _, r := range rows {
			unitID, err := ensureUnit(tx, a, units, r.HomeUnitName)
			if err != nil {
				return err
			}
			w, ok := byCode[r.WindowCode]
			if !ok {
				return FieldErrors{{"窗口编号", fmt.Sprintf("窗口 %s 不存在，请先导入窗口", r.WindowCode)}}
			}
			old := stored[r.EmployeeNo]
			next := old
			in := r.Staff
			next.EmployeeNo, next.Name, next.Post, next.JoinedOn = in.EmployeeNo, in.Name, in.Post, in.JoinedOn
			next.HomeUnitID, next.WindowID = unitID, w.ID
			// An empty optional cell keeps what is stored: a file without
			// phone numbers or statuses must not wipe them out.
			keepIfEmpty(&next.Gender, in.Gender)
			keepIfEmpty(&next.IDNumber, in.IDNumber)
			keepIfEmpty(&next.Mobile, in.Mobile)
			keepIfEmpty(&next.Status, in.Status)
			if !in.LeftOn.IsZero() {
				next.LeftOn = in.LeftOn
			}
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("工号 %s：%w", r.EmployeeNo, fe)
			}
			if old.ID != 0 && sameStaff(old, next) {
				st.Unchanged++
				continue
			}
			on := today
			if !next.LeftOn.IsZero() && next.Status != old.Status {
				on = next.LeftOn
			}
			if old.ID == 0 {
				u, ok := unitByID[unitID]
				if !ok {
					if err := tx.First(&u, unitID).Error; err != nil {
						return err
					}
					unitByID[unitID] = u
				}
				if err := joiner.join(tx, a, &next, u, w, "批量导入"); err != nil {
					return err
				}
				st.Created++
			} else {
				if err := saveStaffTx(tx, a, &next, on, "批量导入"); err != nil {
					return err
				}
				st.Updated++
			}
			stored[next.EmployeeNo] = next
		}
		return nil
	})
	return st, err
}

func keepIfEmpty(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func sameStaff(a, b Staff) bool {
	return a.EmployeeNo == b.EmployeeNo && a.Name == b.Name && a.Gender == b.Gender &&
		a.IDNumber == b.IDNumber && a.Mobile == b.Mobile && a.HomeUnitID == b.HomeUnitID &&
		a.WindowID == b.WindowID && a.Post == b.Post && a.JoinedOn == b.JoinedOn &&
		a.LeftOn == b.LeftOn && a.Status == b.Status
}

// rosterByNo loads every person by 工号.
func rosterByNo(tx *gorm.DB) (map[string]Staff, error) {
	var list []Staff
	if err := tx.Select("id", "employee_no", "name", "joined_on", "left_on", "window_id").Find(&list).Error; err != nil {
		return nil, err
	}
	out := make(map[string]Staff, len(list))
	for _, p := range list {
		out[p.EmployeeNo] = p
	}
	return out, nil
}

// windowsByCode reads every window by 窗口编号.
func windowsByCode(tx *gorm.DB) (map[string]ServiceWindow, error) {
	var list []ServiceWindow
	if err := tx.Find(&list).Error; err != nil {
		return nil, err
	}
	out := make(map[string]ServiceWindow, len(list))
	for _, w := range list {
		out[w.Code] = w
	}
	return out, nil
}

// staffByID reads the people of ids, with what rosterByNo reads, by id.
func staffByID(tx *gorm.DB, ids []uint) (map[uint]Staff, error) {
	var list []Staff
	if err := tx.Select("id", "employee_no", "name", "joined_on", "left_on", "window_id").Where("id IN ?", ids).Find(&list).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]Staff, len(list))
	for _, p := range list {
		out[p.ID] = p
	}
	return out, nil
}
