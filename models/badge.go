package models

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Kinds of numbered items lent to substitutes.
const (
	BadgeKindBadge = "临时工作挂牌"
	BadgeKindPlate = "座牌"
)

// BadgeKinds lists the kinds in the order forms offer them.
var BadgeKinds = []string{BadgeKindBadge, BadgeKindPlate}

// States of a badge or seat plate.
const (
	BadgeInStock = "在库"
	BadgeOut     = "已发出"
	BadgeLost    = "已遗失"
)

// BadgeItem is one numbered temporary work badge (临时工作挂牌) or seat plate
// (座牌) of the inventory, such as "临牌-01" or "座牌-A03".
type BadgeItem struct {
	ID        uint   `gorm:"primaryKey"`
	Kind      string `gorm:"size:16;not null"`
	No        string `gorm:"size:32;uniqueIndex;not null"` // 编号
	Note      string `gorm:"size:128"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (b BadgeItem) auditEntity() string { return "挂牌座牌" }
func (b BadgeItem) auditKey() string    { return b.No }
func (b BadgeItem) auditFields() []AuditField {
	return []AuditField{{"种类", b.Kind}, {"编号", b.No}, {"备注", b.Note}}
}

var badgeNoPattern = regexp.MustCompile(`^[\p{Han}A-Za-z0-9-]{1,32}$`)

// Validate checks an item's own fields.
func (b *BadgeItem) Validate() FieldErrors {
	var fe FieldErrors
	b.No = strings.ToUpper(strings.TrimSpace(b.No))
	b.Note = strings.TrimSpace(b.Note)
	if !oneOf(b.Kind, BadgeKinds) {
		fe.add("种类", "种类只能是 "+strings.Join(BadgeKinds, " / "))
	}
	switch {
	case b.No == "":
		fe.add("编号", "请填写编号，如 临牌-01")
	case !badgeNoPattern.MatchString(b.No):
		fe.add("编号", "编号只能由汉字、字母、数字和“-”组成，最多32个字符，如 临牌-01、座牌-A03")
	}
	return fe
}

// BadgeLoan is one issue of an item to a substitution: out until it is
// returned or reported lost.
type BadgeLoan struct {
	ID             uint         `gorm:"primaryKey"`
	ItemID         uint         `gorm:"not null;index"`
	Item           BadgeItem    `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	SubstitutionID uint         `gorm:"not null;index"`
	Substitution   Substitution `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	IssuedOn       Date         `gorm:"not null"`
	ReturnedOn     Date
	LostOn         Date
	Operator       string `gorm:"size:64"` // 经办人
	Note           string `gorm:"size:128"`
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

func (l BadgeLoan) auditEntity() string { return "挂牌座牌领用" }
func (l BadgeLoan) auditKey() string {
	return l.Item.No + " " + l.Substitution.Name
}
func (l BadgeLoan) auditFields() []AuditField {
	return []AuditField{
		{"编号", l.Item.No}, {"领用人", l.Substitution.Name}, {"领用日期", l.IssuedOn.String()},
		{"事后发放", yesNo(l.LateIssue())},
		{"归还日期", l.ReturnedOn.String()}, {"遗失日期", l.LostOn.String()}, {"备注", l.Note},
	}
}

// LateIssue reports whether the item was issued after the substitution
// started (事后发放): the handbook has substitutes collect the badge and the
// seat plate before they start (替岗人员管理 2).
func (l BadgeLoan) LateIssue() bool { return IssuedLate(l.Substitution, l.IssuedOn) }

// IssuedLate reports whether an item issued on day on comes after the
// substitution started: the register then shows it as 事后发放 and the
// screen asks before recording it.
func IssuedLate(s Substitution, on Date) bool { return !s.From.IsZero() && on.After(s.From) }

// LateIssueLabel marks an issue made after the substitution started.
const LateIssueLabel = "事后发放"

// MissingBadges names the kinds of item (临时工作挂牌, 座牌) a substitution
// does not hold on day today while it runs: none of its loans of that kind
// is out. The handbook asks for both before the substitute starts; a
// substitution not running yet, or ended, misses nothing here (items not
// returned after the end are BadgeLoan.Overdue).
func MissingBadges(s Substitution, loans []BadgeLoan, today Date) []string {
	if s.State(today) != SubstitutionCurrent {
		return nil
	}
	held := map[string]bool{}
	for _, l := range loans {
		if l.SubstitutionID == s.ID && l.Out() && !l.IssuedOn.After(today) {
			held[l.Item.Kind] = true
		}
	}
	var out []string
	for _, k := range BadgeKinds {
		if !held[k] {
			out = append(out, k)
		}
	}
	return out
}

// BadgeGap is a running substitution without its badge or seat plate.
type BadgeGap struct {
	Substitution Substitution
	Missing      []string // the kinds not held, as BadgeKinds orders them
}

// Describe says what is missing: "赵志刚（替 王堃，A01）未领座牌".
func (g BadgeGap) Describe() string {
	s := g.Substitution
	return fmt.Sprintf("%s（替 %s，%s）未领%s", s.Name, s.Covered.Name, s.Window.Code, strings.Join(g.Missing, "、"))
}

// SubstitutionsWithoutBadges lists the substitutions running on day today
// whose substitute holds no temporary badge or no seat plate.
func (s *Store) SubstitutionsWithoutBadges(today Date) ([]BadgeGap, error) {
	subs, err := s.Substitutions(SubstitutionFilter{From: today, To: today})
	if err != nil {
		return nil, err
	}
	loans, err := s.BadgeLoans(BadgeLoanFilter{OutOnly: true})
	if err != nil {
		return nil, err
	}
	var out []BadgeGap
	for i := len(subs) - 1; i >= 0; i-- { // earliest start first
		if missing := MissingBadges(subs[i], loans, today); len(missing) > 0 {
			out = append(out, BadgeGap{Substitution: subs[i], Missing: missing})
		}
	}
	return out, nil
}

// Out reports whether the item is still with the substitute.
func (l BadgeLoan) Out() bool { return l.ReturnedOn.IsZero() && l.LostOn.IsZero() }

// DueOn is the last day to return the item: the day the substitution ends.
func (l BadgeLoan) DueOn() Date { return l.Substitution.To }

// Overdue reports whether the item is still out on day today although the
// substitution has ended. The handbook asks for items back when the
// substitution ends; "not returned by the day after the end" is read as:
// on the last day of the substitution an item still out is not overdue,
// from the day after the end (To+1) it is.
func (l BadgeLoan) Overdue(today Date) bool {
	return l.Out() && today.After(l.Substitution.To)
}

// State is the loan's state as the register shows it: 已发出, 已归还 or 已遗失.
func (l BadgeLoan) State() string {
	switch {
	case !l.LostOn.IsZero():
		return BadgeLost
	case !l.ReturnedOn.IsZero():
		return "已归还"
	}
	return BadgeOut
}

// BadgeStatus is one item of the inventory with its state and, when out or
// lost, the loan that took it.
type BadgeStatus struct {
	Item  BadgeItem
	State string     // 在库 / 已发出 / 已遗失
	Loan  *BadgeLoan // the last loan, if any
}

func preloadLoan(tx *gorm.DB) *gorm.DB {
	return tx.Preload("Item").Preload("Substitution").Preload("Substitution.Window").Preload("Substitution.Covered")
}

// BadgeInventory lists every item by kind and number with its state.
func (s *Store) BadgeInventory() ([]BadgeStatus, error) {
	var items []BadgeItem
	if err := s.db.Order("no").Find(&items).Error; err != nil {
		return nil, err
	}
	sort.SliceStable(items, func(i, j int) bool { return indexOf(items[i].Kind, BadgeKinds) < indexOf(items[j].Kind, BadgeKinds) })
	var loans []BadgeLoan
	if err := preloadLoan(s.db).Order("issued_on, id").Find(&loans).Error; err != nil {
		return nil, err
	}
	last := map[uint]BadgeLoan{}
	for _, l := range loans {
		last[l.ItemID] = l
	}
	out := make([]BadgeStatus, len(items))
	for i, it := range items {
		out[i] = BadgeStatus{Item: it, State: BadgeInStock}
		if l, ok := last[it.ID]; ok {
			l := l
			out[i].Loan = &l
			switch l.State() {
			case BadgeOut:
				out[i].State = BadgeOut
			case BadgeLost:
				out[i].State = BadgeLost
			}
		}
	}
	return out, nil
}

// BadgeLoanFilter narrows the loans; empty fields match everything.
type BadgeLoanFilter struct {
	SubstitutionID uint
	OutOnly        bool
	From, To       Date // issued in these days, inclusive
}

// BadgeLoans lists loans with item and substitution, oldest first.
func (s *Store) BadgeLoans(f BadgeLoanFilter) ([]BadgeLoan, error) {
	q := preloadLoan(s.db).Model(&BadgeLoan{}).Order("issued_on, id")
	if f.SubstitutionID != 0 {
		q = q.Where("substitution_id = ?", f.SubstitutionID)
	}
	if f.OutOnly {
		q = q.Where("returned_on IS NULL AND lost_on IS NULL")
	}
	if !f.From.IsZero() {
		q = q.Where("issued_on >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("issued_on <= ?", f.To)
	}
	var out []BadgeLoan
	return out, q.Find(&out).Error
}

// OverdueBadges lists the items still out on day today whose substitution
// has ended (see BadgeLoan.Overdue).
func (s *Store) OverdueBadges(today Date) ([]BadgeLoan, error) {
	out, err := s.BadgeLoans(BadgeLoanFilter{OutOnly: true})
	if err != nil {
		return nil, err
	}
	late := out[:0]
	for _, l := range out {
		if l.Overdue(today) {
			late = append(late, l)
		}
	}
	return late, nil
}

// SaveBadgeItem adds an item (ID 0) or corrects its number or note.
func (s *Store) SaveBadgeItem(b *BadgeItem) error {
	if fe := b.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var clash BadgeItem
		if err := tx.Where("no = ? AND id <> ?", b.No, b.ID).Limit(1).Find(&clash).Error; err != nil {
			return err
		}
		if clash.ID != 0 {
			return FieldErrors{{"编号", fmt.Sprintf("编号 %s 已有（%s）", b.No, clash.Kind)}}
		}
		return saveAudited(tx, a, b, b.ID)
	})
}

// DeleteBadgeItem deletes an item that was never lent.
func (s *Store) DeleteBadgeItem(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var b BadgeItem
		if err := tx.First(&b, id).Error; err != nil {
			return notFound(err)
		}
		var n int64
		tx.Model(&BadgeLoan{}).Where("item_id = ?", id).Count(&n)
		if n > 0 {
			return refused(fmt.Sprintf("%s 已有 %d 条领用记录，不能删除", b.No, n))
		}
		if err := tx.Delete(&b).Error; err != nil {
			return err
		}
		a.delete(b)
		return nil
	})
}

// IssueBadge lends an item to a substitution on day on. An item that is out
// (or lost) cannot be issued again, nor a second item of the same kind to
// one substitution while the first is out; the issue day must not be after
// the substitution's end. An issue after the substitution started is
// recorded as 事后发放 (BadgeLoan.LateIssue): the register shows it and the
// screen asks before recording it.
func (s *Store) IssueBadge(itemID, substitutionID uint, on Date, note string) (BadgeLoan, error) {
	var loan BadgeLoan
	if on.IsZero() {
		return loan, FieldErrors{{"领用日期", "请填写领用日期"}}
	}
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		var item BadgeItem
		if err := tx.First(&item, itemID).Error; err != nil {
			return FieldErrors{{"编号", "请选择要发放的挂牌或座牌"}}
		}
		var sub Substitution
		if err := tx.First(&sub, substitutionID).Error; err != nil {
			return FieldErrors{{"替岗人员", "请选择替岗报备"}}
		}
		var last BadgeLoan
		if err := preloadLoan(tx).Where("item_id = ?", itemID).Order("issued_on DESC, id DESC").Limit(1).Find(&last).Error; err != nil {
			return err
		}
		switch {
		case last.ID != 0 && last.Out():
			return refused(fmt.Sprintf("%s 已于 %s 发给 %s，尚未归还，不能重复发放", item.No, last.IssuedOn, last.Substitution.Name))
		case last.ID != 0 && !last.LostOn.IsZero():
			return refused(fmt.Sprintf("%s 已于 %s 登记遗失，不能发放", item.No, last.LostOn))
		}
		var same int64
		tx.Model(&BadgeLoan{}).Joins("JOIN badge_items ON badge_items.id = badge_loans.item_id").
			Where("badge_loans.substitution_id = ? AND badge_items.kind = ? AND returned_on IS NULL AND lost_on IS NULL", substitutionID, item.Kind).
			Count(&same)
		if same > 0 {
			return refused(fmt.Sprintf("%s 已领有一块%s，未归还前不能再领", sub.Name, item.Kind))
		}
		if on.After(sub.To) {
			return FieldErrors{{"领用日期", fmt.Sprintf("领用日期不能晚于替岗结束日期 %s", sub.To)}}
		}
		loan = BadgeLoan{ItemID: itemID, SubstitutionID: substitutionID, IssuedOn: on, Operator: a.operator, Note: strings.TrimSpace(note)}
		if err := tx.Omit("Item", "Substitution").Create(&loan).Error; err != nil {
			return err
		}
		if err := preloadLoan(tx).First(&loan, loan.ID).Error; err != nil {
			return err
		}
		a.create(loan)
		return nil
	})
	return loan, err
}

// ReturnBadge records that a lent item came back on day on.
func (s *Store) ReturnBadge(loanID uint, on Date) error {
	return s.closeLoan(loanID, on, "归还日期", func(l *BadgeLoan) { l.ReturnedOn = on })
}

// LoseBadge records that a lent item was reported lost on day on; the item
// leaves the stock.
func (s *Store) LoseBadge(loanID uint, on Date, note string) error {
	return s.closeLoan(loanID, on, "遗失日期", func(l *BadgeLoan) {
		l.LostOn = on
		if n := strings.TrimSpace(note); n != "" {
			l.Note = n
		}
	})
}

func (s *Store) closeLoan(loanID uint, on Date, field string, change func(*BadgeLoan)) error {
	if on.IsZero() {
		return FieldErrors{{field, "请填写" + field}}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var l BadgeLoan
		if err := preloadLoan(tx).First(&l, loanID).Error; err != nil {
			return notFound(err)
		}
		if !l.Out() {
			return refused(fmt.Sprintf("%s 已%s，不能再登记", l.Item.No, strings.TrimPrefix(l.State(), "已")))
		}
		if on.Before(l.IssuedOn) {
			return FieldErrors{{field, fmt.Sprintf("%s不能早于领用日期 %s", field, l.IssuedOn)}}
		}
		before := l
		change(&l)
		if err := tx.Omit("Item", "Substitution").Save(&l).Error; err != nil {
			return err
		}
		a.update(before, l)
		return nil
	})
}
