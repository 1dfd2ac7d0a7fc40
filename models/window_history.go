package models

import "gorm.io/gorm"

// windowHistory tells which window each person sat at on a given day, from
// their history of moves (StaffChange). Vetoes and window-level deductions
// belong to the window where the event happened (服务规范 五.3 "所在窗口"),
// which for a person moved since is not their window today.
type windowHistory struct {
	changes map[uint][]StaffChange // by person, in date order
	current map[uint]uint          // each person's window now
}

// loadWindowHistory reads every window move and every person's window now.
func loadWindowHistory(tx *gorm.DB) (windowHistory, error) {
	h := windowHistory{changes: map[uint][]StaffChange{}, current: map[uint]uint{}}
	var changes []StaffChange
	if err := tx.Where("to_window_id IS NOT NULL OR from_window_id IS NOT NULL").Order("\"on\", id").Find(&changes).Error; err != nil {
		return h, err
	}
	for _, c := range changes {
		h.changes[c.StaffID] = append(h.changes[c.StaffID], c)
	}
	var staff []Staff
	if err := tx.Select("id", "window_id").Find(&staff).Error; err != nil {
		return h, err
	}
	for _, p := range staff {
		h.current[p.ID] = p.WindowID
	}
	return h, nil
}

// at gives the window the person sat at on day d: the destination of their
// last move on or before d; before their first recorded move, the window
// that move left; without any history, their window now.
func (h windowHistory) at(staffID uint, d Date) uint {
	var last, next *StaffChange
	for i := range h.changes[staffID] {
		c := &h.changes[staffID][i]
		if !c.On.After(d) {
			if c.ToWindowID != nil {
				last = c
			}
		} else if next == nil && c.FromWindowID != nil {
			next = c
		}
	}
	switch {
	case last != nil:
		return *last.ToWindowID
	case next != nil:
		return *next.FromWindowID
	}
	return h.current[staffID]
}

// windowOnTx gives the window a person sat at on day d (see windowHistory.at).
func windowOnTx(tx *gorm.DB, staffID uint, d Date) (uint, error) {
	var changes []StaffChange
	if err := tx.Where("staff_id = ?", staffID).Order("\"on\", id").Find(&changes).Error; err != nil {
		return 0, err
	}
	var p Staff
	if err := tx.Select("id", "window_id").Limit(1).Find(&p, staffID).Error; err != nil {
		return 0, err
	}
	h := windowHistory{changes: map[uint][]StaffChange{staffID: changes}, current: map[uint]uint{staffID: p.WindowID}}
	return h.at(staffID, d), nil
}
