package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Kinds of case (办件类型, 窗口办件管理实施细则).
const (
	CaseInstant   = "即办件" // done on the spot
	CasePromised  = "承诺件" // done within the promised working days
	CaseForwarded = "上报件" // reviewed here within the promised days, then forwarded up
)

// CaseKinds lists the kinds in the order forms offer them.
var CaseKinds = []string{CaseInstant, CasePromised, CaseForwarded}

// Applicant types (申请人类型).
const (
	ApplicantPerson = "个人"
	ApplicantOrg    = "单位"
)

// ApplicantTypes lists the applicant types in the order forms offer them.
var ApplicantTypes = []string{ApplicantPerson, ApplicantOrg}

// Results of a case (办理结果).
const (
	ResultApproved  = "准予"
	ResultDenied    = "不予许可"
	ResultRefused   = "不予受理"
	ResultReturned  = "退件"
	ResultForwarded = "上报" // only for 上报件
)

// CaseResults lists the results in the order forms offer them.
var CaseResults = []string{ResultApproved, ResultDenied, ResultRefused, ResultReturned, ResultForwarded}

// Statuses of a case on a given day, as Case.Status gives them and
// CaseFilter.Status selects them.
const (
	CaseOpen     = "办理中"  // open, due date not passed
	CaseOverdue  = "已超期"  // open, due date passed
	CaseDone     = "已办结"  // completed by the due date
	CaseDoneLate = "超期办结" // completed after the due date
)

// CaseStatuses lists the statuses in the order filters offer them.
var CaseStatuses = []string{CaseOpen, CaseOverdue, CaseDone, CaseDoneLate}

// Forms of a material (原件 / 复印件).
const (
	MaterialOriginal = "原件"
	MaterialCopy     = "复印件"
)

// MaterialForms lists the forms in the order forms offer them.
var MaterialForms = []string{MaterialOriginal, MaterialCopy}

// Case is one application handled at a window (办件), from acceptance to
// completion. DueOn is computed from the kind, the receipt and the promised
// working days whenever the case is saved; a completed case is a record and
// is never deleted.
type Case struct {
	ID            uint          `gorm:"primaryKey"`
	No            string        `gorm:"size:64;uniqueIndex;not null"` // 办件编号
	Matter        string        `gorm:"size:128;not null;index"`      // 事项名称
	Kind          string        `gorm:"size:8;not null;index"`        // 办件类型
	ApplicantType string        `gorm:"size:4"`                       // 个人 / 单位, "" when the source did not say
	Applicant     string        `gorm:"size:128;not null;index"`      // 申请人
	ApplicantID   string        `gorm:"size:32"`                      // 证件号码 or 统一社会信用代码
	Contact       string        `gorm:"size:32"`                      // 联系人
	Phone         string        `gorm:"size:32"`                      // 联系电话
	Address       string        `gorm:"size:256"`                     // 联系地址
	WindowID      uint          `gorm:"not null"`                     // indexed with 受理时间 (pageIndexes)
	Window        ServiceWindow `gorm:"foreignKey:WindowID;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	StaffID       uint          `gorm:"not null"` // likewise
	Staff         Staff         `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	ReceivedAt    time.Time     `gorm:"serializer:civil;type:datetime;not null;index"` // 受理时间
	LegalDays     int           // 法定时限, working days; 0 = not given
	PromisedDays  int           // 承诺时限, working days; 0 for 即办件
	DueOn         Date          `gorm:"index"`                                // 办结期限, computed on save
	CompletedAt   *time.Time    `gorm:"serializer:civil;type:datetime;index"` // 办结时间; nil while open
	Result        string        `gorm:"size:8"`
	ForwardedTo   string        `gorm:"size:128"` // 上报单位
	// Approver is the 批准人: for a matter authorised to the window's
	// 首席代表 it must be that 首席代表 (ApprovalBook.CheckApprover).
	Approver  string         `gorm:"size:64;not null;default:''"`
	Note      string         `gorm:"size:512"`
	Materials []CaseMaterial `gorm:"constraint:OnDelete:CASCADE"`
	CreatedAt time.Time
	UpdatedAt time.Time
	// Version is raised by every change of the row (see versionedTables).
	Version int `gorm:"not null;default:0"`
}

// CaseMaterial is one document the applicant handed in (收件清单).
type CaseMaterial struct {
	ID     uint   `gorm:"primaryKey"`
	CaseID uint   `gorm:"not null;index"`
	Seq    int    `gorm:"not null"`          // 序号, 1-based, set on save
	Name   string `gorm:"size:128;not null"` // 名称
	Copies int    `gorm:"not null"`          // 份数
	Form   string `gorm:"size:8;not null"`   // 原件 / 复印件
	Pages  int    // 页数; 0 = not counted
}

// Describe names the material as the receipt list does: "营业执照 1份复印件（3页）".
func (m CaseMaterial) Describe() string {
	s := fmt.Sprintf("%s %d份%s", m.Name, m.Copies, m.Form)
	if m.Pages > 0 {
		s += fmt.Sprintf("（%d页）", m.Pages)
	}
	return s
}

func (c Case) auditEntity() string { return "办件" }
func (c Case) auditKey() string    { return c.No }
func (c Case) auditFields() []AuditField {
	id := c.ApplicantID
	if c.ApplicantType != ApplicantOrg {
		// A person's identity number stays masked in the log, as for staff.
		id = MaskIDNumber(id)
	}
	staff := ""
	if c.Staff.EmployeeNo != "" {
		staff = c.Staff.EmployeeNo + " " + c.Staff.Name
	}
	mats := make([]string, len(c.Materials))
	for i, m := range c.Materials {
		mats[i] = m.Describe()
	}
	return []AuditField{
		{"办件编号", c.No}, {"事项名称", c.Matter}, {"办件类型", c.Kind},
		{"申请人类型", c.ApplicantType}, {"申请人", c.Applicant}, {"证件号码", id},
		{"联系人", c.Contact}, {"联系电话", MaskPhone(c.Phone)}, {"联系地址", c.Address},
		{"窗口", c.Window.Label()}, {"受理人员", staff},
		{"受理时间", formatMinute(c.ReceivedAt)}, {"法定时限", workingDays(c.LegalDays)},
		{"承诺时限", workingDays(c.PromisedDays)}, {"办结期限", c.DueOn.String()},
		{"办结时间", formatMinute(c.CompletedTime())}, {"办理结果", c.Result},
		{"上报单位", c.ForwardedTo}, {"批准人", c.Approver}, {"备注", c.Note}, {"材料", strings.Join(mats, "；")},
	}
}

func workingDays(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d个工作日", n)
}

// CompletedTime is the completion time, or the zero time while open.
func (c Case) CompletedTime() time.Time {
	if c.CompletedAt == nil {
		return time.Time{}
	}
	return *c.CompletedAt
}

// Completed reports whether the case has been completed (办结).
func (c Case) Completed() bool { return c.CompletedAt != nil }

// DueDate computes the date by which the case must be completed: the day of
// receipt for 即办件, else the PromisedDays-th working day after the day of
// receipt (the first working day after acceptance is day 1).
func (c Case) DueDate(cal *Calendar) Date {
	if c.ReceivedAt.IsZero() {
		return Date{}
	}
	received := DateOf(c.ReceivedAt)
	if c.Kind == CaseInstant || c.PromisedDays <= 0 {
		return received
	}
	return cal.AddWorkingDays(received, c.PromisedDays)
}

// OverdueDays lists the working days the case ran over its due date: every
// working day after DueOn up to and including the day of completion, or
// today while the case is open. Each is charged to the month it falls in.
// A case finished on time has none.
func (c Case) OverdueDays(cal *Calendar, today Date) []Date {
	if c.DueOn.IsZero() {
		return nil
	}
	end := today
	if c.CompletedAt != nil {
		end = DateOf(*c.CompletedAt)
	}
	var out []Date
	for d := c.DueOn.AddDays(1); !d.After(end); d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			out = append(out, d)
		}
	}
	return out
}

// Status says where the case stands on day today: 办理中, 已超期 (open past
// its due date), 已办结, or 超期办结 (completed after its due date). It
// compares dates only; OverdueDays counts the working days that are charged.
func (c Case) Status(today Date) string {
	if c.CompletedAt != nil {
		if !c.DueOn.IsZero() && DateOf(*c.CompletedAt).After(c.DueOn) {
			return CaseDoneLate
		}
		return CaseDone
	}
	if !c.DueOn.IsZero() && today.After(c.DueOn) {
		return CaseOverdue
	}
	return CaseOpen
}

// Validate checks a case's own fields and normalises them (trims, upper-case
// identity numbers and credit codes, numbers the materials, fills 申请人类型
// from a recognisable 证件号码). It does not check that 办件编号 is free or
// that the window and person exist, which the store does. The field names in
// the errors are the labels of the form and the case file columns.
func (c *Case) Validate() FieldErrors {
	var fe FieldErrors
	trim := func(ps ...*string) {
		for _, p := range ps {
			*p = strings.TrimSpace(*p)
		}
	}
	trim(&c.No, &c.Matter, &c.Kind, &c.ApplicantType, &c.Applicant, &c.ApplicantID,
		&c.Contact, &c.Phone, &c.Address, &c.Result, &c.ForwardedTo, &c.Approver, &c.Note)
	c.ApplicantID = strings.ToUpper(c.ApplicantID)
	tooLong := func(field, v string, max int) {
		if len([]rune(v)) > max {
			fe.add(field, fmt.Sprintf("%s不能超过%d个字", field, max))
		}
	}
	if c.No == "" {
		fe.add("办件编号", "请填写办件编号")
	}
	tooLong("办件编号", c.No, 64)
	if c.Matter == "" {
		fe.add("事项名称", "请填写事项名称")
	}
	tooLong("事项名称", c.Matter, 128)
	if !oneOf(c.Kind, CaseKinds) {
		fe.add("办件类型", "办件类型只能是 "+strings.Join(CaseKinds, " / "))
	}
	if c.Applicant == "" {
		fe.add("申请人", "请填写申请人（个人姓名或单位名称）")
	}
	tooLong("申请人", c.Applicant, 128)
	c.checkApplicantID(&fe)
	tooLong("联系人", c.Contact, 32)
	tooLong("联系电话", c.Phone, 32)
	tooLong("联系地址", c.Address, 256)
	if c.WindowID == 0 {
		fe.add("窗口编号", "请选择受理窗口")
	}
	if c.StaffID == 0 {
		fe.add("工号", "请选择受理人员")
	}
	if c.ReceivedAt.IsZero() {
		fe.add("受理时间", "请填写受理时间")
	}
	c.ReceivedAt = c.ReceivedAt.Truncate(time.Second)
	c.checkDays(&fe)
	c.checkCompletion(&fe)
	tooLong("上报单位", c.ForwardedTo, 128)
	tooLong("批准人", c.Approver, 32)
	tooLong("备注", c.Note, 512)
	for i := range c.Materials {
		m := &c.Materials[i]
		m.Seq = i + 1
		m.Name = strings.TrimSpace(m.Name)
		m.Form = strings.TrimSpace(m.Form)
		if m.Copies == 0 {
			m.Copies = 1
		}
		switch {
		case m.Name == "":
			fe.add("材料", fmt.Sprintf("第%d项材料：请填写材料名称", i+1))
		case len([]rune(m.Name)) > 128:
			fe.add("材料", fmt.Sprintf("第%d项材料：名称不能超过128个字", i+1))
		}
		if m.Copies < 0 || m.Pages < 0 {
			fe.add("材料", fmt.Sprintf("第%d项材料“%s”：份数和页数不能为负数", i+1, m.Name))
		}
		if !oneOf(m.Form, MaterialForms) {
			fe.add("材料", fmt.Sprintf("第%d项材料“%s”：只能是 %s", i+1, m.Name, strings.Join(MaterialForms, " / ")))
		}
	}
	return fe
}

func (c *Case) checkApplicantID(fe *FieldErrors) {
	id := c.ApplicantID
	if c.ApplicantType == "" && len(id) == 18 {
		switch {
		case CheckIDNumber(id) == nil:
			c.ApplicantType = ApplicantPerson
		case CheckCreditCode(id) == nil:
			c.ApplicantType = ApplicantOrg
		default:
			fe.add("证件号码", "证件号码既不是有效的身份证号，也不是有效的统一社会信用代码，请核对号码")
			return
		}
	}
	if c.ApplicantType != "" && !oneOf(c.ApplicantType, ApplicantTypes) {
		fe.add("申请人类型", "申请人类型只能是 "+strings.Join(ApplicantTypes, " / "))
		return
	}
	switch {
	case id == "":
	case c.ApplicantType == ApplicantOrg:
		if err := CheckCreditCode(id); err != nil {
			fe.add("证件号码", err.Error())
		}
	case c.ApplicantType == ApplicantPerson && len(id) == 18:
		// Other lengths are passports, 港澳台 permits and the like.
		if err := CheckIDNumber(id); err != nil {
			fe.add("证件号码", err.Error())
		}
	case len([]rune(id)) > 32:
		fe.add("证件号码", "证件号码不能超过32位")
	}
}

func (c *Case) checkDays(fe *FieldErrors) {
	if c.LegalDays < 0 {
		fe.add("法定时限", "法定时限不能为负数")
	}
	switch {
	case c.PromisedDays < 0:
		fe.add("承诺时限", "承诺时限不能为负数")
	case c.Kind == CaseInstant && c.PromisedDays != 0:
		fe.add("承诺时限", "即办件当场办结，不填承诺时限；如需几个工作日办理，请改为承诺件")
	case (c.Kind == CasePromised || c.Kind == CaseForwarded) && c.PromisedDays == 0:
		fe.add("承诺时限", fmt.Sprintf("%s须填写承诺时限（工作日数，如 5）", c.Kind))
	case c.LegalDays > 0 && c.PromisedDays > c.LegalDays:
		fe.add("承诺时限", fmt.Sprintf("承诺时限（%d个工作日）不能超过法定时限（%d个工作日）", c.PromisedDays, c.LegalDays))
	}
}

func (c *Case) checkCompletion(fe *FieldErrors) {
	if c.CompletedAt == nil {
		if c.Result != "" {
			fe.add("办结时间", "填写了办理结果“"+c.Result+"”，请同时填写办结时间")
		}
		return
	}
	if c.CompletedAt.IsZero() {
		c.CompletedAt = nil
		return
	}
	at := c.CompletedAt.Truncate(time.Second)
	c.CompletedAt = &at
	if !c.ReceivedAt.IsZero() && at.Before(c.ReceivedAt) {
		fe.add("办结时间", fmt.Sprintf("办结时间不能早于受理时间 %s", formatMinute(c.ReceivedAt)))
	}
	switch {
	case c.Result == "":
		fe.add("办理结果", "已办结的办件请填写办理结果："+strings.Join(CaseResults, " / "))
	case !oneOf(c.Result, CaseResults):
		fe.add("办理结果", "办理结果只能是 "+strings.Join(CaseResults, " / "))
	case c.Result == ResultForwarded && c.Kind != CaseForwarded:
		fe.add("办理结果", "只有上报件的办理结果可以是“上报”；如需上报，请把办件类型改为上报件")
	}
}

// CaseFilter narrows the case register; empty fields match everything.
type CaseFilter struct {
	Kind     string
	WindowID uint
	StaffID  uint
	Status   string // one of CaseStatuses, as of Today
	Text     string // matched against 办件编号, 事项名称 and 申请人
	// Words must each be in the 办件编号, 事项名称, 申请人, the person's
	// name or 工号, or the window's code or name (the register's search).
	Words    []string
	From, To Date // received on these days, inclusive
	Today    Date // the day Status is judged on; zero means today
	Limit    int
	// WithMaterials loads each case's materials too (the case file export).
	WithMaterials bool
}

// Cases lists cases with their window and person, newest receipt first.
func (s *Store) Cases(f CaseFilter) ([]Case, error) {
	q, err := s.caseQuery(f)
	if err != nil {
		return nil, err
	}
	q = q.Preload("Window").Preload("Staff").Order("received_at DESC, id DESC")
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var out []Case
	if err := q.Find(&out).Error; err != nil {
		return nil, err
	}
	if f.WithMaterials && len(out) > 0 {
		if err := s.attachMaterials(f, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// attachMaterials gives the cases the filter chose their materials, read
// by the same filter as a subquery: a preload names every case in the
// statement, and a register of more than 32,766 cases is more than SQLite
// (and in time PostgreSQL) takes in one.
func (s *Store) attachMaterials(f CaseFilter, cases []Case) error {
	ids, err := s.caseQuery(f)
	if err != nil {
		return err
	}
	ids = ids.Select("id")
	if f.Limit > 0 {
		ids = ids.Order("received_at DESC, id DESC").Limit(f.Limit)
	}
	var mats []CaseMaterial
	if err := s.db.Where("case_id IN (?)", ids).Order("case_id, seq").Find(&mats).Error; err != nil {
		return err
	}
	at := make(map[uint]int, len(cases))
	for i, c := range cases {
		at[c.ID] = i
	}
	for _, m := range mats {
		if i, ok := at[m.CaseID]; ok {
			cases[i].Materials = append(cases[i].Materials, m)
		}
	}
	return nil
}

// caseQuery selects the cases the filter lets through.
func (s *Store) caseQuery(f CaseFilter) (*gorm.DB, error) {
	q := s.db.Model(&Case{})
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.WindowID != 0 {
		q = q.Where("window_id = ?", f.WindowID)
	}
	if f.StaffID != 0 {
		q = q.Where("staff_id = ?", f.StaffID)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + t + "%"
		q = q.Where(caseless(s.db, "no LIKE ? OR matter LIKE ? OR applicant LIKE ?"), like, like, like)
	}
	for _, w := range f.Words {
		like := containsPattern(w)
		q = q.Where(caseless(s.db, `no LIKE ? ESCAPE '\' OR matter LIKE ? ESCAPE '\' OR applicant LIKE ? ESCAPE '\' OR
staff_id IN (SELECT id FROM staff WHERE name LIKE ? ESCAPE '\' OR employee_no LIKE ? ESCAPE '\') OR
window_id IN (SELECT id FROM service_windows WHERE code LIKE ? ESCAPE '\' OR name LIKE ? ESCAPE '\')`),
			like, like, like, like, like, like, like)
	}
	if !f.From.IsZero() {
		q = q.Where("received_at >= ?", f.From.sqlStart())
	}
	if !f.To.IsZero() {
		q = q.Where("received_at < ?", f.To.AddDays(1).sqlStart())
	}
	today := f.Today
	if today.IsZero() {
		today = s.Today()
	}
	switch f.Status {
	case "":
	case CaseOpen:
		q = q.Where("completed_at IS NULL AND due_on >= ?", today)
	case CaseOverdue:
		q = q.Where("completed_at IS NULL AND due_on < ?", today)
	case CaseDone:
		q = q.Where("completed_at IS NOT NULL AND " + dateOfColumn(q, "completed_at") + " <= due_on")
	case CaseDoneLate:
		q = q.Where("completed_at IS NOT NULL AND " + dateOfColumn(q, "completed_at") + " > due_on")
	default:
		return nil, FieldErrors{{"状态", "状态只能是 " + strings.Join(CaseStatuses, " / ")}}
	}
	return q, nil
}

func preloadCase(tx *gorm.DB) *gorm.DB {
	return tx.Preload("Window").Preload("Staff").Preload("Materials", func(db *gorm.DB) *gorm.DB {
		return db.Order("seq")
	})
}

// CaseByNo returns one case by 办件编号, with window, person and materials.
func (s *Store) CaseByNo(no string) (Case, error) {
	var c Case
	err := preloadCase(s.db).Where("no = ?", strings.TrimSpace(no)).First(&c).Error
	return c, notFound(err)
}

// CaseByID returns one case with window, person and materials.
func (s *Store) CaseByID(id uint) (Case, error) {
	var c Case
	err := preloadCase(s.db).First(&c, id).Error
	return c, notFound(err)
}

// SaveCase creates the case (ID 0) or updates it, with its materials (the
// list given replaces the stored one). It computes DueOn with the office's
// calendar.
func (s *Store) SaveCase(c *Case) error {
	if fe := c.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if c.ID != 0 {
			if err := checkFreshTx[Case](tx, c.ID, c.Version); err != nil {
				return err
			}
		}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		if err := saveCaseTx(tx, a, cal, c); err != nil {
			return err
		}
		return readVersionTx(tx, "cases", c.ID, &c.Version)
	})
}

// saveCaseTx writes a validated case and its materials and records the change.
func saveCaseTx(tx *gorm.DB, a *auditor, cal *Calendar, c *Case) error {
	var clash Case
	if err := tx.Where("no = ? AND id <> ?", c.No, c.ID).Limit(1).Find(&clash).Error; err != nil {
		return err
	}
	if clash.ID != 0 {
		return FieldErrors{{"办件编号", fmt.Sprintf("办件编号 %s 已存在", c.No)}}
	}
	var w ServiceWindow
	if err := tx.Limit(1).Find(&w, c.WindowID).Error; err != nil {
		return err
	}
	var p Staff
	if err := tx.Limit(1).Find(&p, c.StaffID).Error; err != nil {
		return err
	}
	var fe FieldErrors
	if w.ID == 0 {
		fe.add("窗口编号", "所选窗口不存在，可能已被删除")
	}
	if p.ID == 0 {
		fe.add("工号", "所选受理人员不存在，可能已被删除")
	}
	if len(fe) > 0 {
		return fe
	}
	if c.Approver != "" {
		book, err := approvalBookTx(tx)
		if err != nil {
			return err
		}
		c.Window = w
		if fe := book.CheckApprover(c); len(fe) > 0 {
			return fe
		}
	}
	c.DueOn = c.DueDate(cal)
	var before *Case
	if c.ID != 0 {
		before = &Case{}
		if err := preloadCase(tx).First(before, c.ID).Error; err != nil {
			return notFound(err)
		}
		if err := tx.Omit("created_at", clause.Associations).Save(c).Error; err != nil {
			return err
		}
	} else if err := tx.Omit(clause.Associations).Create(c).Error; err != nil {
		if isUniqueViolation(err) {
			return FieldErrors{{"办件编号", fmt.Sprintf("办件编号 %s 已存在", c.No)}}
		}
		return err
	}
	if err := tx.Where("case_id = ?", c.ID).Delete(&CaseMaterial{}).Error; err != nil {
		return err
	}
	mats := make([]CaseMaterial, len(c.Materials))
	for i, m := range c.Materials {
		m.ID, m.CaseID, m.Seq = 0, c.ID, i+1
		mats[i] = m
	}
	if len(mats) > 0 {
		if err := tx.Create(&mats).Error; err != nil {
			return err
		}
	}
	if err := preloadCase(tx).First(c, c.ID).Error; err != nil {
		return err
	}
	if before == nil {
		a.create(c)
	} else {
		a.update(before, c)
	}
	return nil
}

// CompleteCase records that an open case was completed at the given time
// with the given result (and, for 上报, the authority it went to).
func (s *Store) CompleteCase(id uint, at time.Time, result, forwardedTo string) error {
	return s.CompleteCaseBy(id, at, result, forwardedTo, "")
}

// CompleteCaseBy is CompleteCase that also records the 批准人 (empty keeps
// the one recorded), checked against the case's authorisation on the day
// of completion.
func (s *Store) CompleteCaseBy(id uint, at time.Time, result, forwardedTo, approver string) error {
	if at.IsZero() {
		return FieldErrors{{"办结时间", "请填写办结时间"}}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var c Case
		if err := preloadCase(tx).First(&c, id).Error; err != nil {
			return notFound(err)
		}
		if c.CompletedAt != nil {
			return refused(fmt.Sprintf("办件 %s 已于 %s 办结（%s），不能再次办结；如需更正，请修改办件", c.No, formatMinute(*c.CompletedAt), c.Result))
		}
		c.CompletedAt, c.Result, c.ForwardedTo = &at, result, forwardedTo
		if a := strings.TrimSpace(approver); a != "" {
			c.Approver = a
		}
		if fe := c.Validate(); len(fe) > 0 {
			return fe
		}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		return saveCaseTx(tx, a, cal, &c)
	})
}

// DeleteCase deletes an open case entered by mistake. A completed case is a
// record of the centre's work and is refused.
func (s *Store) DeleteCase(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var c Case
		if err := preloadCase(tx).First(&c, id).Error; err != nil {
			return notFound(err)
		}
		if c.CompletedAt != nil {
			return refused(fmt.Sprintf("办件 %s 已于 %s 办结，办结的办件是档案记录，不能删除；如有登记错误，请修改办件", c.No, formatMinute(*c.CompletedAt)))
		}
		if err := tx.Where("case_id = ?", c.ID).Delete(&CaseMaterial{}).Error; err != nil {
			return err
		}
		if err := tx.Omit(clause.Associations).Delete(&Case{}, c.ID).Error; err != nil {
			return err
		}
		a.delete(c)
		return nil
	})
}
