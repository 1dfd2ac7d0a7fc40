package models

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// HandbookAuthorisation is the handbook's clause on 办件授权, shown beside
// the 一审一核 line and the authorisation register so the office sees what
// the rule interprets.
const HandbookAuthorisation = "根据县审改要求，实行一审一核的审批事项要达到80%，部门已经将事项的审批权限授予窗口首席代表的，" +
	"此事项的审批案卷中的批准人必须是首席代表签字。（窗口办件管理实施细则 三、办件授权要求）"

// CaseRules are the case parameters of a rule set (窗口办件管理实施细则).
type CaseRules struct {
	// OneReviewMinPercent is the lowest 一审一核 rate a window should reach
	// in a month, in percent: the handbook's 80%.
	OneReviewMinPercent float64 `json:"one_review_min_percent"`
}

// DefaultCaseRules are the handbook's case rules.
func DefaultCaseRules() CaseRules { return CaseRules{OneReviewMinPercent: 80} }

// Validate checks the rules; the field names are the labels of the rules form.
func (r CaseRules) Validate() FieldErrors {
	var fe FieldErrors
	if r.OneReviewMinPercent <= 0 || r.OneReviewMinPercent > 100 {
		fe.add("一审一核达标线", "一审一核达标线应在 1% 到 100% 之间，手册规定为 80%")
	}
	return fe
}

// Cases gives the rule set's case rules, the defaults for a set saved before
// they existed.
func (r RuleSet) Cases() CaseRules {
	if r.CaseRules == nil || r.CaseRules.OneReviewMinPercent == 0 {
		return DefaultCaseRules()
	}
	return *r.CaseRules
}

// CaseRulesFor gives the case rules in force on day d.
func (s *Store) CaseRulesFor(d Date) (CaseRules, error) {
	rs, err := s.RulesFor(d)
	return rs.Cases(), err
}

// MatterAuthorisation records that a department granted the power to approve
// a matter (事项) to the 首席代表 of one of its windows, from a date on (办件
// 授权). While it is in force, a case of the matter at that window may only
// be approved by the window's 首席代表. An authorisation is never deleted:
// it is ended, so the cases of its time keep their rule.
type MatterAuthorisation struct {
	ID        uint          `gorm:"primaryKey"`
	WindowID  uint          `gorm:"not null;index"`
	Window    ServiceWindow `gorm:"foreignKey:WindowID;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Matter    string        `gorm:"size:128;not null;index"` // 事项名称, as cases name it
	From      Date          `gorm:"column:from_date;not null"`
	To        Date          `gorm:"column:to_date"` // last day in force; zero while in force
	Basis     string        `gorm:"size:128"`       // 授权依据, e.g. the department's letter
	EndNote   string        `gorm:"size:256"`       // why it was ended
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (m MatterAuthorisation) auditEntity() string { return "办件授权" }
func (m MatterAuthorisation) auditKey() string {
	return m.Window.Code + " " + m.Matter + " " + m.From.String()
}
func (m MatterAuthorisation) auditFields() []AuditField {
	return []AuditField{
		{"窗口", m.Window.Label()}, {"事项名称", m.Matter}, {"起始日期", m.From.String()},
		{"终止日期", m.To.String()}, {"授权依据", m.Basis}, {"终止原因", m.EndNote},
	}
}

// Covers reports whether the authorisation is in force on day d.
func (m MatterAuthorisation) Covers(d Date) bool {
	return !d.Before(m.From) && (m.To.IsZero() || !d.After(m.To))
}

// Span gives "2026-01-01 起" or "2026-01-01 至 2026-06-30".
func (m MatterAuthorisation) Span() string {
	if m.To.IsZero() {
		return m.From.String() + " 起"
	}
	return m.From.String() + " 至 " + m.To.String()
}

// Validate checks the authorisation's own fields and trims them.
func (m *MatterAuthorisation) Validate() FieldErrors {
	var fe FieldErrors
	m.Matter = strings.TrimSpace(m.Matter)
	m.Basis = strings.TrimSpace(m.Basis)
	m.EndNote = strings.TrimSpace(m.EndNote)
	if m.WindowID == 0 {
		fe.add("窗口", "请选择窗口")
	}
	switch {
	case m.Matter == "":
		fe.add("事项名称", "请填写授权的事项名称，与办件登记的事项名称一致")
	case len([]rune(m.Matter)) > 128:
		fe.add("事项名称", "事项名称不能超过128个字")
	}
	if m.From.IsZero() {
		fe.add("起始日期", "请填写授权起始日期")
	}
	if !m.To.IsZero() && m.To.Before(m.From) {
		fe.add("终止日期", fmt.Sprintf("终止日期（%s）不能早于起始日期（%s）", m.To, m.From))
	}
	if len([]rune(m.Basis)) > 128 {
		fe.add("授权依据", "授权依据不能超过128个字")
	}
	return fe
}

// ApprovalDate is the day a case's approval is judged on: the day it was
// completed (when the decision was made), or the day it was received while
// it is open.
func (c Case) ApprovalDate() Date {
	if c.CompletedAt != nil {
		return DateOf(*c.CompletedAt)
	}
	return DateOf(c.ReceivedAt)
}

// chiefRecord is a 首席代表 with the windows they moved between, to tell
// which window they headed on a given day.
type chiefRecord struct {
	staff Staff
	moves []StaffChange // with a destination window, by date
}

func (r chiefRecord) windowOn(d Date) uint {
	// as StaffWindowOn: the destination of the last move on or before d,
	// else the current window
	w := r.staff.WindowID
	for _, c := range r.moves {
		if c.On.After(d) {
			break
		}
		w = *c.ToWindowID
	}
	return w
}

// ApprovalBook is what the 批准人 rule reads: every authorisation and every
// 首席代表 with the windows they sat at. The store loads it; its methods are
// plain functions of it.
type ApprovalBook struct {
	Auths  []MatterAuthorisation
	chiefs []chiefRecord
}

// NewApprovalBook makes a book from authorisations, the people whose 岗位 is
// 首席代表 and their history (StaffChange rows of any people).
func NewApprovalBook(auths []MatterAuthorisation, chiefs []Staff, history []StaffChange) ApprovalBook {
	b := ApprovalBook{Auths: auths}
	byStaff := map[uint][]StaffChange{}
	for _, c := range history {
		if c.ToWindowID != nil {
			byStaff[c.StaffID] = append(byStaff[c.StaffID], c)
		}
	}
	for _, p := range chiefs {
		if p.Post != PostChief {
			continue
		}
		moves := byStaff[p.ID]
		sort.SliceStable(moves, func(i, j int) bool { return moves[i].On.Before(moves[j].On) })
		b.chiefs = append(b.chiefs, chiefRecord{staff: p, moves: moves})
	}
	return b
}

// Authorisation gives the authorisation in force for a matter at a window on
// day d, if there is one.
func (b ApprovalBook) Authorisation(windowID uint, matter string, d Date) (MatterAuthorisation, bool) {
	matter = strings.TrimSpace(matter)
	for _, a := range b.Auths {
		if a.WindowID == windowID && a.Matter == matter && a.Covers(d) {
			return a, true
		}
	}
	return MatterAuthorisation{}, false
}

// ChiefsOn lists the 首席代表 of a window on day d: people whose 岗位 is
// 首席代表, in service that day and sitting at the window.
func (b ApprovalBook) ChiefsOn(windowID uint, d Date) []Staff {
	var out []Staff
	for _, r := range b.chiefs {
		if r.staff.InService(d) && r.windowOn(d) == windowID {
			out = append(out, r.staff)
		}
	}
	return out
}

func chiefNames(ps []Staff) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, "、")
}

// WhoMayApprove says who may approve the case, in a sentence for messages:
// for a matter authorised to the window's 首席代表, who that is on the
// case's day; "" when the matter is not authorised (anyone the department
// names may approve).
func (b ApprovalBook) WhoMayApprove(c Case) string {
	d := c.ApprovalDate()
	a, ok := b.Authorisation(c.WindowID, c.Matter, d)
	if !ok {
		return ""
	}
	w := a.Window.Code
	if w == "" {
		w = c.Window.Code
	}
	chiefs := b.ChiefsOn(c.WindowID, d)
	if len(chiefs) == 0 {
		return fmt.Sprintf("事项“%s”已授权 %s 窗口首席代表审批（%s），但 %s 该窗口没有在岗的首席代表；请先在“人员”中登记首席代表，或在“办件授权”中终止该授权",
			a.Matter, w, a.Span(), d)
	}
	return fmt.Sprintf("事项“%s”已授权 %s 窗口首席代表审批（%s），批准人应为首席代表 %s", a.Matter, w, a.Span(), chiefNames(chiefs))
}

// CheckApprover applies the handbook's rule to the case's 批准人 (三、办件
// 授权要求): for a matter the department authorised to the window's 首席代表,
// on the case's approval date, the 批准人 must be that 首席代表. A 批准人
// given by 工号 becomes their name. For other matters any name may be given;
// an empty 批准人 (not approved yet) is always accepted.
func (b ApprovalBook) CheckApprover(c *Case) FieldErrors {
	c.Approver = strings.TrimSpace(c.Approver)
	if c.Approver == "" {
		return nil
	}
	if len([]rune(c.Approver)) > 32 {
		return FieldErrors{{"批准人", "批准人姓名不能超过32个字"}}
	}
	d := c.ApprovalDate()
	if _, ok := b.Authorisation(c.WindowID, c.Matter, d); !ok {
		return nil
	}
	chiefs := b.ChiefsOn(c.WindowID, d)
	for _, p := range chiefs {
		if c.Approver == p.Name || strings.EqualFold(c.Approver, p.EmployeeNo) {
			c.Approver = p.Name
			return nil
		}
	}
	who := b.WhoMayApprove(*c)
	if len(chiefs) == 0 {
		return FieldErrors{{"批准人", who + "。"}}
	}
	return FieldErrors{{"批准人", fmt.Sprintf("%s，%s 不能批准此办件。", who, c.Approver)}}
}

// approvedByChief reports whether the case's 批准人 is one of the window's
// 首席代表 on its approval date.
func (b ApprovalBook) approvedByChief(c Case) bool {
	if c.Approver == "" {
		return false
	}
	for _, p := range b.ChiefsOn(c.WindowID, c.ApprovalDate()) {
		if p.Name == c.Approver {
			return true
		}
	}
	return false
}

// CountsForOneReview reports whether a case counts in its window's 一审一核
// rate: completed with a permit decision (准予 or 不予许可: the decisions
// whose file carries a 批准人), of a matter authorised to the window's
// 首席代表 on the day it was completed. 不予受理, 退件 and 上报 decide no
// permit at the window and do not count.
func (b ApprovalBook) CountsForOneReview(c Case) bool {
	if c.CompletedAt == nil || (c.Result != ResultApproved && c.Result != ResultDenied) {
		return false
	}
	_, ok := b.Authorisation(c.WindowID, c.Matter, c.ApprovalDate())
	return ok
}

// OneReviewRate is one window's 一审一核 rate for a month: of the cases of
// authorised matters decided in the month, the share approved on the spot
// by the window's 首席代表.
type OneReviewRate struct {
	Window     ServiceWindow
	Month      string // 2026-11
	Matters    []string
	Authorised int // cases of authorised matters decided in the month
	ByChief    int // of which the 首席代表 approved
	MinPercent float64
	// NotByChief are the counted cases the 首席代表 did not approve, to follow up.
	NotByChief []Case
}

// Percent is the rate in percent; 0 when no case counted.
func (r OneReviewRate) Percent() float64 {
	if r.Authorised == 0 {
		return 0
	}
	return float64(r.ByChief) * 100 / float64(r.Authorised)
}

// Below reports whether the window fell short of the line. A window with no
// case of an authorised matter in the month has no rate and is not below.
func (r OneReviewRate) Below() bool {
	return r.Authorised > 0 && r.Percent() < r.MinPercent-1e-9
}

// Describe gives the rate as the screen shows it: "3/4 75.0%".
func (r OneReviewRate) Describe() string {
	if r.Authorised == 0 {
		return "本月无授权事项办结"
	}
	return fmt.Sprintf("%d/%d %s%%", r.ByChief, r.Authorised, FormatPercent(r.Percent()))
}

// FormatPercent writes a percentage with one decimal, dropping ".0".
func FormatPercent(p float64) string {
	p = math.Round(p*10) / 10
	s := fmt.Sprintf("%.1f", p)
	return strings.TrimSuffix(s, ".0")
}

// OneReviewRates computes the month's 一审一核 rate of every window that
// has an authorisation in force on some day of the month, by window code.
// cases are the cases completed in the month (others are ignored); rules are
// the case rules in force on the month's first day.
func (b ApprovalBook) OneReviewRates(month Date, windows []ServiceWindow, cases []Case, rules CaseRules) []OneReviewRate {
	first := NewDate(month.Year(), month.Month(), 1)
	last := NewDate(first.Year(), first.Month()+1, 1).AddDays(-1)
	byWindow := map[uint]*OneReviewRate{}
	var order []uint
	for _, w := range windows {
		seen := map[string]bool{}
		for _, a := range b.Auths {
			if a.WindowID != w.ID || a.From.After(last) || (!a.To.IsZero() && a.To.Before(first)) {
				continue
			}
			r, ok := byWindow[w.ID]
			if !ok {
				r = &OneReviewRate{Window: w, Month: first.String()[:7], MinPercent: rules.OneReviewMinPercent}
				byWindow[w.ID] = r
				order = append(order, w.ID)
			}
			if !seen[a.Matter] {
				seen[a.Matter] = true
				r.Matters = append(r.Matters, a.Matter)
			}
		}
	}
	for _, c := range cases {
		r, ok := byWindow[c.WindowID]
		if !ok || c.CompletedAt == nil {
			continue
		}
		if d := DateOf(*c.CompletedAt); d.Before(first) || d.After(last) || !b.CountsForOneReview(c) {
			continue
		}
		r.Authorised++
		if b.approvedByChief(c) {
			r.ByChief++
		} else {
			r.NotByChief = append(r.NotByChief, c)
		}
	}
	out := make([]OneReviewRate, 0, len(order))
	for _, id := range order {
		out = append(out, *byWindow[id])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Window.Code < out[j].Window.Code })
	return out
}

// approvalBookTx loads the authorisations and the 首席代表 with their history.
func approvalBookTx(tx *gorm.DB) (ApprovalBook, error) {
	var auths []MatterAuthorisation
	if err := tx.Preload("Window").Order("window_id, matter, from_date").Find(&auths).Error; err != nil {
		return ApprovalBook{}, err
	}
	var chiefs []Staff
	if err := tx.Where("post = ?", PostChief).Order("employee_no").Find(&chiefs).Error; err != nil {
		return ApprovalBook{}, err
	}
	ids := make([]uint, len(chiefs))
	for i, p := range chiefs {
		ids[i] = p.ID
	}
	var history []StaffChange
	if len(ids) > 0 {
		if err := tx.Where("staff_id IN ? AND to_window_id IS NOT NULL", ids).Order("\"on\", id").Find(&history).Error; err != nil {
			return ApprovalBook{}, err
		}
	}
	return NewApprovalBook(auths, chiefs, history), nil
}

// ApprovalBook loads what the 批准人 rule reads.
func (s *Store) ApprovalBook() (ApprovalBook, error) { return approvalBookTx(s.db) }

// MatterAuthorisations lists the authorisations with their windows, by
// window code, matter and start; windowID 0 lists every window's.
func (s *Store) MatterAuthorisations(windowID uint) ([]MatterAuthorisation, error) {
	q := s.db.Preload("Window").Joins("JOIN service_windows ON service_windows.id = matter_authorisations.window_id").
		Order("service_windows.code, matter_authorisations.matter, matter_authorisations.from_date")
	if windowID != 0 {
		q = q.Where("matter_authorisations.window_id = ?", windowID)
	}
	var out []MatterAuthorisation
	return out, q.Find(&out).Error
}

// AddMatterAuthorisation registers a new authorisation (the record's ID must
// be 0). It is refused when the same matter is already authorised at the
// window for part of its period, and when a case of the matter at the
// window in its period was approved by someone else than the 首席代表: that
// case's 批准人 must be corrected first, or the authorisation start later.
func (s *Store) AddMatterAuthorisation(m *MatterAuthorisation) error {
	if m.ID != 0 {
		return refused("已登记的授权不能修改；如授权有变化，请终止原授权并登记新的授权")
	}
	if fe := m.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var w ServiceWindow
		if err := tx.Limit(1).Find(&w, m.WindowID).Error; err != nil {
			return err
		}
		if w.ID == 0 {
			return FieldErrors{{"窗口", "所选窗口不存在，可能已被删除"}}
		}
		var others []MatterAuthorisation
		if err := tx.Where("window_id = ? AND matter = ?", m.WindowID, m.Matter).Find(&others).Error; err != nil {
			return err
		}
		for _, o := range others {
			if overlaps(o.From, o.To, m.From, m.To) {
				return FieldErrors{{"起始日期", fmt.Sprintf("%s 窗口的“%s”已有授权（%s），期间不能重叠；如需延续，请在原授权终止后再登记",
					w.Code, m.Matter, o.Span())}}
			}
		}
		book, err := approvalBookTx(tx)
		if err != nil {
			return err
		}
		m.Window = w
		book.Auths = append(book.Auths, *m)
		var cases []Case
		q := tx.Preload("Window").Where("window_id = ? AND matter = ? AND approver <> ''", m.WindowID, m.Matter)
		if err := q.Order("received_at").Find(&cases).Error; err != nil {
			return err
		}
		var wrong []string
		for _, c := range cases {
			if !m.Covers(c.ApprovalDate()) {
				continue
			}
			check := c
			if fe := book.CheckApprover(&check); len(fe) > 0 {
				wrong = append(wrong, fmt.Sprintf("%s（批准人 %s）", c.No, c.Approver))
			}
		}
		if len(wrong) > 0 {
			more := ""
			if len(wrong) > 3 {
				more = fmt.Sprintf("等 %d 件", len(wrong))
				wrong = wrong[:3]
			}
			return refused(fmt.Sprintf("授权期间内已有办件的批准人不是首席代表：%s%s；请先更正这些办件的批准人，或把授权起始日期定在它们之后",
				strings.Join(wrong, "、"), more))
		}
		if err := tx.Omit("Window").Create(m).Error; err != nil {
			return err
		}
		a.create(*m)
		return nil
	})
}

// overlaps reports whether two periods (an open end is zero) share a day.
func overlaps(aFrom, aTo, bFrom, bTo Date) bool {
	aEndsBefore := !aTo.IsZero() && aTo.Before(bFrom)
	bEndsBefore := !bTo.IsZero() && bTo.Before(aFrom)
	return !aEndsBefore && !bEndsBefore
}

// EndMatterAuthorisation ends an authorisation in force: last is its last
// day, and the reason is kept with it.
func (s *Store) EndMatterAuthorisation(id uint, last Date, reason string) error {
	reason = strings.TrimSpace(reason)
	var fe FieldErrors
	if last.IsZero() {
		fe.add("终止日期", "请填写终止日期（授权的最后一天）")
	}
	if reason == "" {
		fe.add("终止原因", "请填写终止原因，如：派驻单位收回审批权限")
	}
	if len([]rune(reason)) > 200 {
		fe.add("终止原因", "终止原因不能超过200个字")
	}
	if len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var m MatterAuthorisation
		if err := tx.Preload("Window").First(&m, id).Error; err != nil {
			return notFound(err)
		}
		if !m.To.IsZero() {
			return refused(fmt.Sprintf("%s 窗口“%s”的授权已于 %s 终止，不能再次终止", m.Window.Code, m.Matter, m.To))
		}
		if last.Before(m.From) {
			return FieldErrors{{"终止日期", fmt.Sprintf("终止日期不能早于授权起始日期 %s", m.From)}}
		}
		before := m
		m.To, m.EndNote = last, reason
		if err := tx.Omit("Window").Save(&m).Error; err != nil {
			return err
		}
		a.update(before, m)
		return nil
	})
}

// OneReviewRates computes every authorised window's 一审一核 rate for the
// month of day month, with the case rules in force on its first day.
func (s *Store) OneReviewRates(month Date) ([]OneReviewRate, error) {
	first := NewDate(month.Year(), month.Month(), 1)
	book, err := approvalBookTx(s.db)
	if err != nil {
		return nil, err
	}
	rules, err := s.CaseRulesFor(first)
	if err != nil {
		return nil, err
	}
	windows, err := s.ServiceWindows()
	if err != nil {
		return nil, err
	}
	var cases []Case
	next := NewDate(first.Year(), first.Month()+1, 1)
	if err := s.db.Preload("Window").Preload("Staff").
		Where("completed_at >= ? AND completed_at < ?", first.sqlStart(), next.sqlStart()).
		Order("completed_at").Find(&cases).Error; err != nil {
		return nil, err
	}
	return book.OneReviewRates(first, windows, cases, rules), nil
}

// migrateAuthorisation adds the authorisation register, the 批准人 of a
// case and the case rules of a rule set.
func migrateAuthorisation(tx *gorm.DB) error {
	if err := tx.AutoMigrate(&MatterAuthorisation{}); err != nil {
		return err
	}
	m := tx.Migrator()
	for _, c := range []struct {
		model any
		field string
	}{{&Case{}, "Approver"}, {&RuleSet{}, "CaseRules"}} {
		if !m.HasColumn(c.model, c.field) {
			if err := m.AddColumn(c.model, c.field); err != nil {
				return err
			}
		}
	}
	return tx.Model(&Case{}).Where("approver IS NULL").Update("approver", "").Error
}
