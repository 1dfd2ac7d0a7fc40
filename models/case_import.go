package models

import (
	"database/sql"
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
// back. It reads only the stored cases the rows name, so a month's file
// costs the same however many years the register holds.
func (s *Store) ImportCases(rows []CaseRow) (ImportStats, error) {
	var st ImportStats
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		nos := make([]string, len(rows))
		for i, r := range rows {
			nos[i] = r.No
		}
		stored, err := casesByNo(tx, nos)
		if err != nil {
			return err
		}
		roster, err := newCaseRoster(tx)
		if err != nil {
			return err
		}
		w, err := newCaseWriter(tx, s.Now())
		if err != nil {
			return err
		}
		defer w.close()
		var book *ApprovalBook
		for _, r := range rows {
			win, ok := roster.windows[r.WindowCode]
			if !ok {
				return fmt.Errorf("办件 %s：%w", r.No, FieldErrors{{"窗口编号", fmt.Sprintf("窗口 %s 不存在，请先导入窗口", r.WindowCode)}})
			}
			p, ok := roster.staff[r.EmployeeNo]
			if !ok {
				return fmt.Errorf("办件 %s：%w", r.No, FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}})
			}
			old, found := stored[r.No]
			next := r.Merge(old)
			next.WindowID, next.StaffID = win.ID, p.ID
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("办件 %s：%w", r.No, fe)
			}
			next.DueOn = next.DueDate(cal)
			if found && sameCase(old, next) {
				st.Unchanged++
				continue
			}
			next.Window, next.Staff = win, p
			if next.Approver != "" {
				if book == nil {
					b, err := approvalBookTx(tx)
					if err != nil {
						return err
					}
					book = &b
				}
				if fe := book.CheckApprover(&next); len(fe) > 0 {
					return fe
				}
			}
			if err := w.save(&next, found); err != nil {
				return err
			}
			if found {
				old.Window, old.Staff = roster.windowByID[old.WindowID], roster.staffByID[old.StaffID]
				a.update(&old, &next)
				st.Updated++
			} else {
				a.create(&next)
				st.Created++
			}
			stored[next.No] = next // a later row of the same case updates this one
		}
		return nil
	})
	return st, err
}

// casesByNo reads the stored cases with these 办件编号, with their
// materials, a few hundred numbers a query.
func casesByNo(tx *gorm.DB, nos []string) (map[string]Case, error) {
	out := make(map[string]Case, len(nos))
	for start := 0; start < len(nos); start += 500 {
		chunk := nos[start:min(start+500, len(nos))]
		var list []Case
		if err := tx.Preload("Materials", func(db *gorm.DB) *gorm.DB { return db.Order("seq") }).
			Where("no IN ?", chunk).Find(&list).Error; err != nil {
			return nil, err
		}
		for _, c := range list {
			out[c.No] = c
		}
	}
	return out, nil
}

// CasesByNo returns the stored cases with these 办件编号, by number, with
// their materials; numbers not stored are missing from the map.
func (s *Store) CasesByNo(nos []string) (map[string]Case, error) {
	return casesByNo(s.db, nos)
}

// caseRoster is every window and person, by code and id: a case names its
// window and person, and its audit entry shows them.
type caseRoster struct {
	windows    map[string]ServiceWindow
	windowByID map[uint]ServiceWindow
	staff      map[string]Staff
	staffByID  map[uint]Staff
}

func newCaseRoster(tx *gorm.DB) (caseRoster, error) {
	var ws []ServiceWindow
	if err := tx.Find(&ws).Error; err != nil {
		return caseRoster{}, err
	}
	var people []Staff
	if err := tx.Find(&people).Error; err != nil {
		return caseRoster{}, err
	}
	r := caseRoster{windows: map[string]ServiceWindow{}, windowByID: map[uint]ServiceWindow{},
		staff: map[string]Staff{}, staffByID: map[uint]Staff{}}
	for _, w := range ws {
		r.windows[w.Code], r.windowByID[w.ID] = w, w
	}
	for _, p := range people {
		r.staff[p.EmployeeNo], r.staffByID[p.ID] = p, p
	}
	return r, nil
}

// caseWriter writes cases and their materials with statements prepared
// once in the import's transaction: an import of years of cases writes tens
// of thousands.
type caseWriter struct {
	tx                      *gorm.DB
	now                     time.Time
	insert                  *insertStmt
	update, material, clear *sql.Stmt
}

const caseColumns = `matter, kind, applicant_type, applicant, applicant_id, contact, phone, address, window_id, staff_id,
received_at, legal_days, promised_days, due_on, completed_at, result, forwarded_to, approver, note, updated_at`

func newCaseWriter(tx *gorm.DB, now time.Time) (*caseWriter, error) {
	w := &caseWriter{tx: tx, now: now}
	var err error
	prepare := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.Statement.ConnPool.PrepareContext(tx.Statement.Context, rebind(tx, q))
		return st
	}
	w.insert, err = prepareInsert(tx, `INSERT INTO cases (`+caseColumns+`, no, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.update = prepare(`UPDATE cases SET (` + caseColumns + `) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?`)
	w.clear = prepare(`DELETE FROM case_materials WHERE case_id = ?`)
	w.material = prepare(`INSERT INTO case_materials (case_id, seq, name, copies, form, pages) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (w *caseWriter) close() {
	if w.insert != nil {
		w.insert.Close()
	}
	for _, st := range []*sql.Stmt{w.update, w.clear, w.material} {
		if st != nil {
			st.Close()
		}
	}
}

// save writes a validated case, as new or over the stored one with its ID,
// and replaces its materials.
func (w *caseWriter) save(c *Case, stored bool) error {
	ctx := w.tx.Statement.Context
	completed := civilOrNull(c.CompletedTime())
	c.UpdatedAt = w.now
	args := []any{c.Matter, c.Kind, c.ApplicantType, c.Applicant, c.ApplicantID, c.Contact, c.Phone, c.Address, c.WindowID, c.StaffID,
		civilOrNull(c.ReceivedAt), c.LegalDays, c.PromisedDays, c.DueOn, completed, c.Result, c.ForwardedTo, c.Approver, c.Note, c.UpdatedAt}
	if stored {
		if _, err := w.update.ExecContext(ctx, append(args, c.ID)...); err != nil {
			return err
		}
		if _, err := w.clear.ExecContext(ctx, c.ID); err != nil {
			return err
		}
	} else {
		c.CreatedAt = w.now
		id, err := w.insert.insertID(ctx, append(args, c.No, c.CreatedAt)...)
		if err != nil {
			if isUniqueViolation(err) {
				return FieldErrors{{"办件编号", fmt.Sprintf("办件编号 %s 已存在", c.No)}}
			}
			return err
		}
		c.ID = id
	}
	for i := range c.Materials {
		m := &c.Materials[i]
		m.ID, m.CaseID, m.Seq = 0, c.ID, i+1
		if _, err := w.material.ExecContext(ctx, c.ID, m.Seq, m.Name, m.Copies, m.Form, m.Pages); err != nil {
			return err
		}
	}
	return nil
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
