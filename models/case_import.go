package models

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// CaseRow is one case as an exchange file gives it, naming the window by
// 窗口编号 and the person by 工号. Optional values left empty (nil or "")
// keep what is stored, so a file with fewer columns never wipes data out.
type CaseRow struct {
	No, Matter, Kind, Applicant string
	WindowCode, EmployeeNo      string
	ReceivedAt                  time.Time
	ApplicantType, ApplicantID  string
	Phone, ForwardedTo, Result  string
	LegalDays, PromisedDays     *int
	CompletedAt                 *time.Time
}

// Merge returns the case this row makes of old, the stored case with the
// same 办件编号 (or the zero Case for a new one). The window and person are
// left for the caller to resolve.
func (r CaseRow) Merge(old Case) Case {
	next := old
	next.No, next.Matter, next.Kind, next.Applicant = r.No, r.Matter, r.Kind, r.Applicant
	next.ReceivedAt = r.ReceivedAt
	keepIfEmpty(&next.ApplicantType, r.ApplicantType)
	keepIfEmpty(&next.ApplicantID, r.ApplicantID)
	keepIfEmpty(&next.Phone, r.Phone)
	keepIfEmpty(&next.ForwardedTo, r.ForwardedTo)
	keepIfEmpty(&next.Result, r.Result)
	if r.LegalDays != nil {
		next.LegalDays = *r.LegalDays
	}
	switch {
	case r.PromisedDays != nil:
		next.PromisedDays = *r.PromisedDays
	case r.Kind == CaseInstant:
		next.PromisedDays = 0 // an empty cell is what a 即办件 has
	}
	if r.CompletedAt != nil {
		at := *r.CompletedAt
		next.CompletedAt = &at
	}
	return next
}

// ImportCases creates or updates cases by 办件编号 in one transaction.
// Windows and people must already exist. Rows equal to what is stored change
// nothing, so importing the same file twice is harmless; materials are kept.
// Any error rolls everything back.
func (s *Store) ImportCases(rows []CaseRow) (ImportStats, error) {
	var st ImportStats
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		windows := map[string]uint{}
		staff := map[string]uint{}
		for _, r := range rows {
			wid, ok := windows[r.WindowCode]
			if !ok {
				var w ServiceWindow
				if err := tx.Where("code = ?", r.WindowCode).Limit(1).Find(&w).Error; err != nil {
					return err
				}
				if w.ID == 0 {
					return fmt.Errorf("办件 %s：%w", r.No, FieldErrors{{"窗口编号", fmt.Sprintf("窗口 %s 不存在，请先导入窗口", r.WindowCode)}})
				}
				wid, windows[r.WindowCode] = w.ID, w.ID
			}
			pid, ok := staff[r.EmployeeNo]
			if !ok {
				var p Staff
				if err := tx.Where("employee_no = ?", r.EmployeeNo).Limit(1).Find(&p).Error; err != nil {
					return err
				}
				if p.ID == 0 {
					return fmt.Errorf("办件 %s：%w", r.No, FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}})
				}
				pid, staff[r.EmployeeNo] = p.ID, p.ID
			}
			var old Case
			if err := preloadCase(tx).Where("no = ?", r.No).Limit(1).Find(&old).Error; err != nil {
				return err
			}
			next := r.Merge(old)
			next.WindowID, next.StaffID = wid, pid
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("办件 %s：%w", r.No, fe)
			}
			next.DueOn = next.DueDate(cal)
			if old.ID != 0 && sameCase(old, next) {
				st.Unchanged++
				continue
			}
			if err := saveCaseTx(tx, a, cal, &next); err != nil {
				return err
			}
			if old.ID == 0 {
				st.Created++
			} else {
				st.Updated++
			}
		}
		return nil
	})
	return st, err
}

func sameCase(a, b Case) bool {
	sameTime := func(x, y *time.Time) bool {
		if x == nil || y == nil {
			return x == nil && y == nil
		}
		return x.Equal(*y)
	}
	return a.No == b.No && a.Matter == b.Matter && a.Kind == b.Kind &&
		a.ApplicantType == b.ApplicantType && a.Applicant == b.Applicant && a.ApplicantID == b.ApplicantID &&
		a.Contact == b.Contact && a.Phone == b.Phone && a.Address == b.Address &&
		a.WindowID == b.WindowID && a.StaffID == b.StaffID && a.ReceivedAt.Equal(b.ReceivedAt) &&
		a.LegalDays == b.LegalDays && a.PromisedDays == b.PromisedDays && a.DueOn == b.DueOn &&
		sameTime(a.CompletedAt, b.CompletedAt) && a.Result == b.Result &&
		a.ForwardedTo == b.ForwardedTo && a.Note == b.Note
}
