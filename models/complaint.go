package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Complaint problem categories (问题类别).
const (
	ProblemLanguage     = "服务用语不当"
	ProblemAttitude     = "服务态度"
	ProblemNotification = "一次性告知"
	ProblemOverdue      = "办理超期"
	ProblemOther        = "其他"
)

// ComplaintProblems lists the problem categories in the order forms offer them.
var ComplaintProblems = []string{ProblemLanguage, ProblemAttitude, ProblemNotification, ProblemOverdue, ProblemOther}

// Complaint statuses (核查结果).
const (
	ComplaintOpen     = "核查中"
	ComplaintUpheld   = "属实"
	ComplaintRejected = "不属实"
)

// ComplaintStatuses lists the statuses in the order forms offer them.
var ComplaintStatuses = []string{ComplaintOpen, ComplaintUpheld, ComplaintRejected}

// ComplaintChannels are the usual channels (渠道); others may be typed.
var ComplaintChannels = []string{"督查科投诉电话", "12345热线", "现场投诉", "意见箱", "网上投诉", "其他"}

// Complaint is a complaint registered against a window and, when known, a
// person (投诉). It is investigated within the handling deadline (DueOn,
// working days from the rule set) and concluded 属实 or 不属实. An upheld
// complaint against a person creates the matching violation (ViolationID;
// the violation's ComplaintID points back), which counts on the person's
// ladder but is scored once, as this complaint (DOMAIN.md §6).
type Complaint struct {
	ID          uint          `gorm:"primaryKey"`
	On          Date          `gorm:"not null;index"` // 日期 received
	WindowID    uint          `gorm:"not null;index"`
	Window      ServiceWindow `gorm:"foreignKey:WindowID;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	StaffID     *uint         `gorm:"index"`
	Staff       *Staff        `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Complainant string        `gorm:"size:64"` // 投诉人
	Contact     string        `gorm:"size:64"` // 联系方式
	Channel     string        `gorm:"size:32"` // 渠道
	Content     string        `gorm:"size:1024;not null"`
	Problem     string        `gorm:"size:16"` // 问题类别
	DueOn       Date          `gorm:"index"`   // 办理时限
	Status      string        `gorm:"size:8;not null;index"`
	Notes       string        `gorm:"size:1024"` // 核查情况
	Finding     string        `gorm:"size:512"`  // 核查结论 (the finding)
	ConcludedOn Date
	ViolationID *uint `gorm:"index"`
	// Consequences of the upheld complaint in itself, by its problem's rule
	// (服务规范 五.3 for 服务用语不当), even when it names no person.
	LosesQuarterStar  bool
	LosesWindowMonth  bool
	StopsMonthlyBonus bool
	CreatedAt         time.Time
	UpdatedAt         time.Time
	// Version rises with every change (see versionedTables)
	Version int `gorm:"not null;default:0"`
}

func (c Complaint) auditEntity() string { return "投诉" }
func (c Complaint) auditKey() string {
	return fmt.Sprintf("%s %s %s", c.On, c.Window.Code, firstRunes(c.Content, 12))
}
func (c Complaint) auditFields() []AuditField {
	return []AuditField{
		{"日期", c.On.String()}, {"窗口", c.Window.Label()}, {"人员", c.StaffLabel()},
		{"投诉人", c.Complainant}, {"联系方式", c.Contact}, {"渠道", c.Channel},
		{"内容", c.Content}, {"问题类别", c.Problem}, {"办理时限", c.DueOn.String()},
		{"核查结果", c.Status}, {"核查情况", c.Notes}, {"核查结论", c.Finding},
		{"办结日期", c.ConcludedOn.String()},
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// StaffLabel is "工号 姓名" of the person complained about, or "".
func (c Complaint) StaffLabel() string {
	if c.Staff == nil {
		return ""
	}
	return c.Staff.EmployeeNo + " " + c.Staff.Name
}

// Overdue reports whether the complaint is still under investigation after
// its handling deadline.
func (c Complaint) Overdue(today Date) bool {
	return c.Status == ComplaintOpen && !c.DueOn.IsZero() && today.After(c.DueOn)
}

// Validate checks and normalises the fields a person enters.
func (c *Complaint) Validate() FieldErrors {
	var fe FieldErrors
	for _, p := range []*string{&c.Complainant, &c.Contact, &c.Channel, &c.Content, &c.Problem, &c.Status, &c.Notes, &c.Finding} {
		*p = strings.TrimSpace(*p)
	}
	if c.Status == "" {
		c.Status = ComplaintOpen
	}
	if c.On.IsZero() {
		fe.add("日期", "请填写投诉日期")
	}
	if c.WindowID == 0 {
		fe.add("窗口编号", "请选择窗口")
	}
	switch {
	case c.Content == "":
		fe.add("内容", "请填写投诉内容")
	case len([]rune(c.Content)) > 500:
		fe.add("内容", "内容不能超过500个字")
	}
	if c.Problem != "" && !oneOf(c.Problem, ComplaintProblems) {
		fe.add("问题类别", fmt.Sprintf("问题类别“%s”不存在，只能是 %s", c.Problem, strings.Join(ComplaintProblems, " / ")))
	}
	if !oneOf(c.Status, ComplaintStatuses) {
		fe.add("核查结果", "核查结果只能是 "+strings.Join(ComplaintStatuses, " / "))
	}
	for _, x := range []struct {
		label, v string
		max      int
	}{{"投诉人", c.Complainant, 32}, {"联系方式", c.Contact, 32}, {"渠道", c.Channel, 16}, {"核查情况", c.Notes, 500}, {"核查结论", c.Finding, 250}} {
		if len([]rune(x.v)) > x.max {
			fe.add(x.label, fmt.Sprintf("%s不能超过%d个字", x.label, x.max))
		}
	}
	if c.Status != ComplaintOpen {
		if c.ConcludedOn.IsZero() {
			c.ConcludedOn = c.On
		}
		if c.ConcludedOn.Before(c.On) {
			fe.add("办结日期", "办结日期不能早于投诉日期")
		}
	} else {
		c.ConcludedOn = Date{}
	}
	return fe
}

// SaveComplaint registers (ID 0) or updates a complaint, including its
// conclusion: the handling deadline is set from the rule set when empty; a
// complaint concluded 属实 against a person creates (or updates) its
// violation, one concluded otherwise removes the violation it had created.
func (s *Store) SaveComplaint(c *Complaint) error {
	if fe := c.Validate(); len(fe) > 0 {
		return fe
	}
	op := s.Operator()
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if c.ID != 0 {
			if err := checkFreshTx[Complaint](tx, c.ID, c.Version); err != nil {
				return err
			}
		}
		if err := saveComplaintTx(tx, a, c, op); err != nil {
			return err
		}
		return readVersionTx(tx, "complaints", c.ID, &c.Version)
	})
}

func saveComplaintTx(tx *gorm.DB, a *auditor, c *Complaint, operator string) error {
	if err := refuseLocked(tx, "登记或更改投诉", MonthOf(c.On)); err != nil {
		return err
	}
	var w ServiceWindow
	if err := tx.Limit(1).Find(&w, c.WindowID).Error; err != nil {
		return err
	}
	if w.ID == 0 {
		return FieldErrors{{"窗口编号", "所选窗口不存在，可能已被删除"}}
	}
	if c.StaffID != nil && *c.StaffID == 0 {
		c.StaffID = nil
	}
	if c.StaffID != nil {
		var p Staff
		if err := tx.Limit(1).Find(&p, *c.StaffID).Error; err != nil {
			return err
		}
		if p.ID == 0 {
			return FieldErrors{{"工号", "所选人员不存在，可能已被删除"}}
		}
	}
	book, err := loadRuleBook(tx)
	if err != nil {
		return err
	}
	if c.DueOn.IsZero() {
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		c.DueOn = cal.AddWorkingDays(c.On, book.at(c.On).Conduct.resolved().ComplaintDays)
	}
	rules := book.at(c.On).Conduct.resolved()
	c.setConsequences(rules)

	var before *Complaint
	if c.ID != 0 {
		before = new(Complaint)
		if err := tx.Preload("Window").Preload("Staff").First(before, c.ID).Error; err != nil {
			return notFound(err)
		}
		c.CreatedAt, c.ViolationID = before.CreatedAt, before.ViolationID
	}
	if before == nil {
		if err := tx.Omit(clause.Associations).Create(c).Error; err != nil {
			return err
		}
	} else if err := tx.Omit("created_at", clause.Associations).Save(c).Error; err != nil {
		return err
	}

	// the violation it creates, linked both ways
	var v *Violation
	if c.ViolationID != nil {
		v = new(Violation)
		if err := tx.Preload("Staff").Limit(1).Find(v, *c.ViolationID).Error; err != nil {
			return err
		}
		if v.ID == 0 {
			v = nil
		}
	}
	switch {
	case c.Status == ComplaintUpheld && c.StaffID != nil:
		next, _ := c.violation(rules, operator)
		if v != nil {
			next.ID, next.RecordedBy, next.Override, next.OverrideReason, next.Step = v.ID, v.RecordedBy, v.Override, v.OverrideReason, v.Step
			if v.StaffID != next.StaffID || v.Category != next.Category {
				next.Override, next.OverrideReason, next.Step = false, "", 0
			}
			if next.Override {
				next.StepAction = v.StepAction
			}
		}
		if fe := next.Validate(); len(fe) > 0 {
			return fe
		}
		if err := saveViolationTx(tx, a, &next); err != nil {
			return err
		}
		c.ViolationID = &next.ID
	case v != nil:
		if err := tx.Delete(&Violation{}, v.ID).Error; err != nil {
			return err
		}
		a.delete(v)
		if err := renumberTx(tx, a, book, v.StaffID, v.Category, 0); err != nil {
			return err
		}
		c.ViolationID = nil
	}
	if err := tx.Model(&Complaint{}).Where("id = ?", c.ID).Update("violation_id", c.ViolationID).Error; err != nil {
		return err
	}
	if err := tx.Preload("Window").Preload("Staff").First(c, c.ID).Error; err != nil {
		return err
	}
	if before == nil {
		a.create(c)
	} else {
		a.update(before, c)
	}
	return nil
}

// setConsequences sets the consequences the complaint carries in itself:
// an upheld one's problem rule's (服务规范 五.3), none otherwise.
func (c *Complaint) setConsequences(rules ConductRules) {
	var extra []string
	if c.Status == ComplaintUpheld {
		extra = rules.ComplaintRule(c.Problem).Extra
	}
	c.LosesQuarterStar, c.LosesWindowMonth = oneOf(ConsequenceStar, extra), oneOf(ConsequenceWindow, extra)
	c.StopsMonthlyBonus = oneOf(ConsequenceBonus, extra)
}

// violation is the violation a complaint upheld against a person creates,
// recorded by operator; ok is false for any other complaint. It happened
// at the complaint's window.
func (c *Complaint) violation(rules ConductRules, operator string) (v Violation, ok bool) {
	if c.Status != ComplaintUpheld || c.StaffID == nil {
		return Violation{}, false
	}
	return Violation{StaffID: *c.StaffID, WindowID: c.WindowID, On: c.On, Category: rules.LadderFor(c.Problem), RecordedBy: operator,
		Circumstances: complaintCircumstances(c), Evidence: "投诉核查：" + firstRunes(c.Finding, 200),
		Source: SourceComplaint, ComplaintID: &c.ID}, true
}

func complaintCircumstances(c *Complaint) string {
	s := "投诉核查属实"
	if c.Problem != "" {
		s += "（" + c.Problem + "）"
	}
	return firstRunes(s+"："+c.Content, 480)
}

// ConcludeComplaint records the investigation's conclusion (属实 / 不属实)
// and its finding on day on.
func (s *Store) ConcludeComplaint(id uint, status, notes, finding string, on Date) error {
	c, err := s.ComplaintByID(id)
	if err != nil {
		return err
	}
	if status != ComplaintUpheld && status != ComplaintRejected {
		return FieldErrors{{"核查结果", "请选择 属实 或 不属实"}}
	}
	if strings.TrimSpace(finding) == "" {
		return FieldErrors{{"核查结论", "请写明核查结论"}}
	}
	c.Status, c.Notes, c.Finding, c.ConcludedOn = status, notes, finding, on
	return s.SaveComplaint(&c)
}

// DeleteComplaint deletes a complaint and the violation it created.
func (s *Store) DeleteComplaint(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var c Complaint
		if err := tx.Preload("Window").Preload("Staff").First(&c, id).Error; err != nil {
			return notFound(err)
		}
		if err := refuseLocked(tx, "删除该月的投诉", MonthOf(c.On)); err != nil {
			return err
		}
		var vs []Violation
		if err := tx.Preload("Staff").Where("complaint_id = ?", id).Find(&vs).Error; err != nil {
			return err
		}
		book, err := loadRuleBook(tx)
		if err != nil {
			return err
		}
		for i := range vs {
			if err := tx.Delete(&Violation{}, vs[i].ID).Error; err != nil {
				return err
			}
			a.delete(&vs[i])
			if err := renumberTx(tx, a, book, vs[i].StaffID, vs[i].Category, 0); err != nil {
				return err
			}
		}
		if err := tx.Delete(&Complaint{}, id).Error; err != nil {
			return err
		}
		a.delete(&c)
		return nil
	})
}

// ComplaintByID returns one complaint with its window and person.
func (s *Store) ComplaintByID(id uint) (Complaint, error) {
	var c Complaint
	err := s.db.Preload("Window").Preload("Staff").First(&c, id).Error
	return c, notFound(err)
}

// ComplaintFilter narrows complaints; empty fields match everything.
type ComplaintFilter struct {
	StaffID  uint
	WindowID uint
	Status   string
	Problem  string
	From, To Date // inclusive, on the complaint date
	Overdue  Date // when set: only those still 核查中 after their deadline on this day
	Text     string
}

// Complaints lists complaints with window and person, in date order.
func (s *Store) Complaints(f ComplaintFilter) ([]Complaint, error) {
	q := s.db.Preload("Window").Preload("Staff").Order("\"on\", id")
	if f.StaffID != 0 {
		q = q.Where("staff_id = ?", f.StaffID)
	}
	if f.WindowID != 0 {
		q = q.Where("window_id = ?", f.WindowID)
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if f.Problem != "" {
		q = q.Where("problem = ?", f.Problem)
	}
	if !f.From.IsZero() {
		q = q.Where("\"on\" >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("\"on\" <= ?", f.To)
	}
	if !f.Overdue.IsZero() {
		q = q.Where("status = ? AND due_on < ?", ComplaintOpen, f.Overdue)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + t + "%"
		q = q.Where(caseless(s.db, "content LIKE ? OR complainant LIKE ? OR finding LIKE ? OR notes LIKE ?"), like, like, like, like)
	}
	var out []Complaint
	return out, q.Find(&out).Error
}

// ComplaintRow is one complaint as the complaints file gives it.
type ComplaintRow struct {
	ID uint // the record its 编号 names; 0 for a new one
	// Whole is a row of a file with every column, and a 编号: an empty cell
	// there was emptied on purpose and clears what is stored
	Whole       bool
	On          Date
	WindowCode  string
	EmployeeNo  string
	Complainant string
	Content     string
	Status      string
	Problem     string
	Channel     string
	Contact     string
	Notes       string
	Finding     string
	ConcludedOn Date
}

// ImportComplaints creates or updates complaints in one transaction: a row
// with a 编号 updates the complaint it names, one without is matched on
// 日期 + 窗口编号 + 内容; an upheld one against a person creates
// its violation as SaveComplaint does. Empty optional cells keep what is stored.
//
// The windows, roster, rules, calendar and the complaints stored in the
// rows' span are read once; a new complaint is added through one prepared
// statement and the violations upheld ones create are added together (see
// freshViolations). A change to a stored complaint saves as the form does.
func (s *Store) ImportComplaints(rows []ComplaintRow) (ImportStats, error) {
	var st ImportStats
	op := s.Operator()
	now := s.Now()
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		roster, err := rosterByNo(tx)
		if err != nil {
			return err
		}
		byCode, err := windowsByCode(tx)
		if err != nil {
			return err
		}
		locked, err := lockedMonths(tx)
		if err != nil {
			return err
		}
		book, err := loadRuleBook(tx)
		if err != nil {
			return err
		}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		known, err := storedComplaintsAround(tx, rows)
		if err != nil {
			return err
		}
		insert, err := prepareInsert(tx, insertComplaintSQL)
		if err != nil {
			return err
		}
		defer insert.Close()
		// the violations upheld new complaints create, saved together
		var fresh freshViolations
		var upheld []*Complaint
		flush := func() error {
			if err := fresh.saveTx(tx, a, now); err != nil {
				return err
			}
			for i, c := range upheld {
				c.ViolationID = &fresh.list[i].v.ID
				if err := tx.Model(&Complaint{}).Where("id = ?", c.ID).Update("violation_id", c.ViolationID).Error; err != nil {
					return err
				}
			}
			fresh, upheld = freshViolations{}, nil
			return nil
		}
		for _, r := range rows {
			w, ok := byCode[r.WindowCode]
			if !ok {
				return FieldErrors{{"窗口编号", fmt.Sprintf("窗口 %s 不存在，请先导入窗口", r.WindowCode)}}
			}
			var old Complaint
			if r.ID != 0 {
				if err := findByKey(tx, KeyComplaint, r.ID, &old); err != nil {
					return err
				}
			} else {
				old = known[complaintKey{r.On, w.ID, r.Content}]
			}
			next := old
			next.On, next.WindowID, next.Content, next.Status = r.On, w.ID, r.Content, r.Status
			if r.Whole && old.ID != 0 {
				next.StaffID, next.Complainant, next.Problem, next.Channel, next.Contact, next.Notes, next.Finding = nil, "", "", "", "", "", ""
			}
			keepIfEmpty(&next.Complainant, r.Complainant)
			keepIfEmpty(&next.Problem, r.Problem)
			keepIfEmpty(&next.Channel, r.Channel)
			keepIfEmpty(&next.Contact, r.Contact)
			keepIfEmpty(&next.Notes, r.Notes)
			keepIfEmpty(&next.Finding, r.Finding)
			var who *Staff
			if r.EmployeeNo != "" {
				p, ok := roster[r.EmployeeNo]
				if !ok {
					return FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}}
				}
				id := p.ID
				next.StaffID, who = &id, &p
			}
			if old.ID != 0 && sameComplaint(old, next) && old.On == next.On && old.WindowID == next.WindowID && old.Content == next.Content {
				st.Unchanged++
				continue
			}
			next.Window, next.Staff = ServiceWindow{}, nil
			switch {
			case !r.ConcludedOn.IsZero():
				next.ConcludedOn = r.ConcludedOn
			case next.Status != ComplaintOpen && old.Status != next.Status:
				next.ConcludedOn = Date{}
			}
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("%s %s：%w", r.On, r.WindowCode, fe)
			}
			if old.ID != 0 {
				// a change: as the form saves one, with every new
				// violation before it in the database
				if err := flush(); err != nil {
					return err
				}
				if err := saveComplaintTx(tx, a, &next, op); err != nil {
					return err
				}
				known[complaintKey{next.On, next.WindowID, next.Content}] = next
				st.Updated++
				continue
			}
			if m := MonthOf(next.On); locked[m] {
				return refuseLocked(tx, "登记或更改投诉", m)
			}
			c := &next
			rules := book.at(c.On).Conduct.resolved()
			if c.DueOn.IsZero() {
				c.DueOn = cal.AddWorkingDays(c.On, rules.ComplaintDays)
			}
			c.setConsequences(rules)
			c.CreatedAt, c.UpdatedAt = now, now
			if c.ID, err = insert.insertID(tx.Statement.Context, complaintArgs(c)...); err != nil {
				return err
			}
			c.Window, c.Staff = w, who
			a.create(c)
			known[complaintKey{c.On, c.WindowID, c.Content}] = *c
			if v, ok := c.violation(rules, op); ok {
				if fe := v.Validate(); len(fe) > 0 {
					return fmt.Errorf("%s %s：%w", r.On, r.WindowCode, fe)
				}
				fresh.add(v, c)
				upheld = append(upheld, c)
			}
			st.Created++
		}
		return flush()
	})
	return st, err
}

// insertComplaintSQL adds a new complaint; complaintArgs gives its values.
const insertComplaintSQL = `INSERT INTO complaints ("on", window_id, staff_id, complainant, contact, channel, content, problem,
due_on, status, notes, finding, concluded_on, loses_quarter_star, loses_window_month, stops_monthly_bonus, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func complaintArgs(c *Complaint) []any {
	return []any{c.On, c.WindowID, c.StaffID, c.Complainant, c.Contact, c.Channel, c.Content, c.Problem,
		c.DueOn, c.Status, c.Notes, c.Finding, c.ConcludedOn, c.LosesQuarterStar, c.LosesWindowMonth, c.StopsMonthlyBonus, c.CreatedAt, c.UpdatedAt}
}

// complaintKey is what an import matches a complaint without 编号 on.
type complaintKey struct {
	on       Date
	windowID uint
	content  string
}

// storedComplaintsAround reads the stored complaints from the first to the
// last 日期 of the rows, by what an import matches them on.
func storedComplaintsAround(tx *gorm.DB, rows []ComplaintRow) (map[complaintKey]Complaint, error) {
	out := map[complaintKey]Complaint{}
	list, err := storedOnDaysOf[Complaint](tx, rows, func(r ComplaintRow) Date { return r.On })
	if err != nil {
		return nil, err
	}
	for _, c := range list {
		if k := (complaintKey{c.On, c.WindowID, c.Content}); out[k].ID == 0 {
			out[k] = c
		}
	}
	return out, nil
}

func sameComplaint(a, b Complaint) bool {
	sid := func(p *uint) uint {
		if p == nil {
			return 0
		}
		return *p
	}
	return a.Status == b.Status && a.Complainant == b.Complainant && a.Problem == b.Problem &&
		a.Channel == b.Channel && a.Contact == b.Contact && a.Notes == b.Notes && a.Finding == b.Finding && a.ConcludedOn == b.ConcludedOn && sid(a.StaffID) == sid(b.StaffID)
}
