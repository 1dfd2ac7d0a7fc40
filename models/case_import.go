package models

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
	Approver                    string // 批准人
	LegalDays, PromisedDays     *int
	CompletedAt                 *time.Time
	// Materials replace the stored materials; nil keeps them.
	Materials []CaseMaterial
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
	keepIfEmpty(&next.Approver, r.Approver)
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
	if r.Materials != nil {
		next.Materials = append([]CaseMaterial(nil), r.Materials...)
	}
	return next
}

// ImportCases creates or updates cases by 办件编号 in one transaction.
// Windows and people must already exist. Rows equal to what is stored change
// nothing, so importing the same file twice is harmless.
// Rows without materials keep the stored ones. Any error rolls everything
// back.
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
		a.ForwardedTo == b.ForwardedTo && a.Approver == b.Approver && a.Note == b.Note && FormatMaterials(a.Materials) == FormatMaterials(b.Materials)
}

// The 材料 cell of the case file lists the materials handed in, separated by
// ";" or "；" (a line break also separates). Each is a name, optionally
// followed by its form, copies and pages in brackets, parts separated by ","
// "，" "、" or a space:
//
//	营业执照(原件);法定代表人身份证(复印件×2);申请书(原件，3页)
//
// The form is 原件 or 复印件 (原件 when not given); copies are "×2" "x2" "*2"
// or "2份" (1 when not given); pages are "3页". Brackets whose contents are
// not such a description are part of the name: 身份证明（负责人）.

// ParseMaterials reads a 材料 cell; each problem names the item it is in.
func ParseMaterials(cell string) ([]CaseMaterial, []string) {
	var out []CaseMaterial
	var probs []string
	items := strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == '；' || r == '\n' || r == '\r' })
	for _, item := range items {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		m := CaseMaterial{Name: item, Copies: 1, Form: MaterialOriginal}
		if name, spec, ok := cutBracketed(item); ok {
			if parsed, ok := parseMaterialSpec(spec, m); ok {
				m = parsed
				m.Name = strings.TrimSpace(name)
			}
		}
		if m.Name == "" {
			probs = append(probs, fmt.Sprintf("“%s”缺少材料名称", item))
			continue
		}
		out = append(out, m)
	}
	return out, probs
}

// cutBracketed splits "name(spec)" or "name（spec）" at its last bracket.
func cutBracketed(s string) (name, spec string, ok bool) {
	var open string
	switch {
	case strings.HasSuffix(s, ")"):
		open = "("
	case strings.HasSuffix(s, "）"):
		open = "（"
	default:
		return "", "", false
	}
	i := strings.LastIndex(s, open)
	if i < 0 {
		return "", "", false
	}
	_, size := utf8.DecodeLastRuneInString(s)
	return s[:i], s[i+len(open) : len(s)-size], true
}

// parseMaterialSpec reads "复印件×2，3页" into m; ok is false when any part is
// not a form, a number of copies or of pages.
func parseMaterialSpec(spec string, m CaseMaterial) (CaseMaterial, bool) {
	parts := strings.FieldsFunc(spec, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ' ' || r == '　'
	})
	if len(parts) == 0 {
		return m, false
	}
	number := func(s string) (int, bool) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		return n, err == nil && n > 0
	}
	for _, p := range parts {
		for _, form := range MaterialForms {
			if rest, ok := strings.CutPrefix(p, form); ok {
				m.Form, p = form, rest
				break
			}
		}
		if p == "" {
			continue
		}
		var ok bool
		switch {
		case strings.HasSuffix(p, "页"):
			m.Pages, ok = number(strings.TrimSuffix(p, "页"))
		case strings.HasSuffix(p, "份"):
			m.Copies, ok = number(strings.TrimSuffix(p, "份"))
		default:
			for _, times := range []string{"×", "x", "X", "*", "＊"} {
				if rest, found := strings.CutPrefix(p, times); found {
					rest = strings.TrimSuffix(rest, "份")
					m.Copies, ok = number(rest)
					break
				}
			}
		}
		if !ok {
			return m, false
		}
	}
	return m, true
}

// FormatMaterials writes materials as the 材料 cell reads them, so that an
// exported file imports to the same list.
func FormatMaterials(ms []CaseMaterial) string {
	items := make([]string, len(ms))
	for i, m := range ms {
		spec := []string{m.Form}
		if m.Copies > 1 {
			spec[0] += "×" + strconv.Itoa(m.Copies)
		}
		if m.Pages > 0 {
			spec = append(spec, strconv.Itoa(m.Pages)+"页")
		}
		items[i] = m.Name + "(" + strings.Join(spec, "，") + ")"
	}
	return strings.Join(items, ";")
}
