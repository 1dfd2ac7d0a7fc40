package models

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// NoticeKind describes one kind of printed notice: its 文号 word, the facts
// asked for when printing, and what the case must be for the notice to be
// issued (checked by Check before any number is taken).
type NoticeKind struct {
	Name    string   // 受理通知书
	Word    string   // the type word of its 文号: 受
	Aliases []string // command-line names: shouli, acceptance
	// Inputs are facts the case record does not hold, asked for when
	// printing (with a default where one can be derived).
	Inputs []NoticeInput
	// Distinct names the input that tells two notices of the kind for one
	// case apart (送达凭证: the document served); without it a case holds one
	// notice of the kind, and printing it again reprints that one.
	Distinct string

	// Results are the 办理结果 the notice is issued for; empty: any, open
	// cases included.
	Results []string
	// NotResults are the 办理结果 that forbid the notice.
	NotResults []string
	// CaseKinds are the 办件类型 the notice is for; empty: any.
	CaseKinds []string
	// Once: a case holds one valid notice of the kind; another is issued
	// only after the first is voided (or by re-issuing it).
	Once bool
	// ExcludedBy are kinds whose valid notice on the case forbids this one.
	ExcludedBy []string
	// NeedsMaterials: the case must have its materials recorded.
	NeedsMaterials bool
	// WithinNoticeDays: issued within the rule set's working days of the
	// receipt (行政许可法 §32), or late with a stated reason.
	WithinNoticeDays bool
	// BeforeDue: not issued after the promised completion date it states.
	BeforeDue bool
	// NeedsApprover: the case must have its 批准人 recorded (a permit
	// decision names who approved it, 窗口办件管理实施细则 三).
	NeedsApprover bool
}

// NoticeInput is a fact entered when a notice is printed.
type NoticeInput struct {
	Name     string // the placeholder, e.g. 不予受理理由
	Required bool
	Hint     string
	Multi    bool // several lines (a list)
}

// NoticeKinds are the citizen-facing notices of a case, in the order a case
// needs them.
var NoticeKinds = []NoticeKind{
	{Name: "收件清单", Word: "收", Aliases: []string{"shoujian", "receipt"}, NeedsMaterials: true},
	{Name: "受理通知书", Word: "受", Aliases: []string{"shouli", "acceptance"},
		NotResults: []string{ResultReturned, ResultRefused}, ExcludedBy: []string{"不予受理通知书"}},
	{Name: "承诺件通知书", Word: "承", Aliases: []string{"chengnuo", "promise"},
		Inputs:     []NoticeInput{{Name: "领取方式", Hint: "窗口自取 / 邮寄送达（邮寄须先在办件中填写联系地址）"}},
		CaseKinds:  []string{CasePromised, CaseForwarded},
		NotResults: []string{ResultReturned, ResultRefused}, ExcludedBy: []string{"不予受理通知书"}, BeforeDue: true},
	{Name: "一次性告知书", Word: "告", Aliases: []string{"gaozhi", "buzheng", "correction"},
		Inputs: []NoticeInput{
			{Name: "补正材料", Required: true, Multi: true, Hint: "每行一项：材料名称及应当符合的标准"},
			{Name: "补正期限", Hint: "如：自收到本告知书之日起10个工作日内"},
		},
		WithinNoticeDays: true},
	{Name: "不予受理通知书", Word: "不受", Aliases: []string{"buyushouli", "rejection"},
		Inputs: []NoticeInput{
			{Name: "不予受理理由", Required: true, Hint: "如：该事项依法不需要取得行政许可"},
			{Name: "有权机关", Hint: "不属于本机关职权范围时，告知向哪个机关申请"},
		},
		NotResults: []string{ResultApproved, ResultDenied},
		ExcludedBy: []string{"准予行政许可决定书", "不予行政许可决定书"}},
	{Name: "准予行政许可决定书", Word: "准许", Aliases: []string{"zhunyu", "grant"},
		Inputs:  []NoticeInput{{Name: "许可内容", Hint: "准予许可的具体内容，如许可范围、有效期"}},
		Results: []string{ResultApproved}, Once: true, ExcludedBy: []string{"不予行政许可决定书"}, NeedsApprover: true},
	{Name: "不予行政许可决定书", Word: "不许", Aliases: []string{"buyuxuke", "refusal"},
		Inputs:  []NoticeInput{{Name: "不予许可理由", Required: true, Hint: "不予许可的事实、理由和依据"}},
		Results: []string{ResultDenied}, Once: true, ExcludedBy: []string{"准予行政许可决定书"}, NeedsApprover: true},
	{Name: "送达凭证", Word: "送", Aliases: []string{"songda", "service"}, Distinct: "送达文书",
		Inputs: []NoticeInput{
			{Name: "送达文书", Hint: "默认为本办件最近印发的决定书或通知书"},
			{Name: "送达方式", Hint: "直接送达 / 邮寄送达 / 留置送达 / 委托送达 / 电子送达"},
			{Name: "送达地点"},
		}},
}

// InternalNoticeKinds are the centre's own documents that carry a 文号 from
// the same register: circulars, letters and decisions.
var InternalNoticeKinds = []NoticeKind{
	{Name: "通报批评", Word: "通"},
	{Name: "函告派驻单位", Word: "函"},
	{Name: "整改通知", Word: "改"},
	{Name: "换装通知", Word: "装"},
	{Name: "考勤通报", Word: "勤"},
	{Name: "满意窗口通报", Word: "评"},
	{Name: "表彰决定", Word: "表"},
}

// NoticeKindByName finds a kind by its Chinese name or an alias.
func NoticeKindByName(name string) (NoticeKind, bool) {
	name = strings.TrimSpace(name)
	for _, k := range InternalNoticeKinds {
		if k.Name == name {
			return k, true
		}
	}
	for _, k := range NoticeKinds {
		if k.Name == name {
			return k, true
		}
		for _, a := range k.Aliases {
			if strings.EqualFold(a, name) {
				return k, true
			}
		}
	}
	return NoticeKind{}, false
}

// IssuedNotice is the register of printed notices: each has a 文号 whose
// serial is unique per kind and year and never reused, even when the notice
// is voided. A notice is recorded only once its paper was written whole.
type IssuedNotice struct {
	ID     uint   `gorm:"primaryKey"`
	Kind   string `gorm:"size:32;not null;uniqueIndex:idx_notice_serial,priority:1"`
	Year   int    `gorm:"not null;uniqueIndex:idx_notice_serial,priority:2"`
	Serial int    `gorm:"not null;uniqueIndex:idx_notice_serial,priority:3"`
	DocNo  string `gorm:"size:64;not null;index"` // 乌政服受〔2026〕12号
	CaseID *uint  `gorm:"index"`
	CaseNo string `gorm:"size:64;index"`
	// Ref tells apart notices of one kind for one case (the document a
	// 送达凭证 serves) or names the record an internal document prints (the
	// month of a bulletin, the violation of a 通报批评): printing it again
	// reprints the notice of the same kind and Ref under its own number.
	Ref     string `gorm:"size:256;index"`
	Subject string `gorm:"size:256"` // whom or what it concerns
	Inputs  string // JSON of the facts entered when printing
	// Override is the reason given for issuing the notice although a rule
	// said not to (a 一次性告知书 after its working days); kept, printed nowhere.
	Override   string    `gorm:"size:512"`
	IssuedAt   time.Time `gorm:"serializer:civil;type:datetime;index"`
	Operator   string    `gorm:"size:64"`
	Voided     bool
	VoidReason string `gorm:"size:256"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
	// Reprinted is set on what a print returns when it printed a notice
	// already issued again, under its own number.
	Reprinted bool `gorm:"-"`
}

func (n IssuedNotice) auditEntity() string { return "文书" }
func (n IssuedNotice) auditKey() string    { return n.DocNo }
func (n IssuedNotice) auditFields() []AuditField {
	state := "有效"
	if n.Voided {
		state = "作废：" + n.VoidReason
	}
	fields := []AuditField{{"文书", n.Kind}, {"文号", n.DocNo}, {"办件编号", n.CaseNo},
		{"对象", n.Subject}, {"印发时间", n.IssuedAt.Format("2006-01-02 15:04")}, {"状态", state}}
	if n.Override != "" {
		fields = append(fields, AuditField{"逾期出具理由", n.Override})
	}
	return fields
}

// VoidReissued is the reason recorded on a notice voided because it was
// issued again under a new number.
const VoidReissued = "重新出具"

// DocNumber formats a 文号: prefix + type word + 〔year〕 + serial + 号,
// with no padding and no 第 (GB/T 9704 §7.2.4).
func DocNumber(abbrev, word string, year, serial int) string {
	return fmt.Sprintf("%s%s〔%d〕%d号", abbrev, word, year, serial)
}

// ErrSerialTaken is returned by RecordNotices when a planned 文号 was taken
// by another print in the meantime: plan again, draw again, record again.
var ErrSerialTaken = errors.New("文号已被同时印制的其他文书占用")

// migrateNoticeRefs adds what a reprint is matched on and the reason a late
// notice was issued. Notices recorded before have no Ref; the bulletins and
// decisions about a month or a quarter named it as their subject, so they
// keep their number when printed again.
func migrateNoticeRefs(tx *gorm.DB) error {
	if err := tx.AutoMigrate(&IssuedNotice{}); err != nil {
		return err
	}
	if err := tx.Model(&IssuedNotice{}).Where("case_no IS NULL").Update("case_no", "").Error; err != nil {
		return err
	}
	if err := tx.Model(&IssuedNotice{}).Where("ref IS NULL AND kind IN ?", []string{"考勤通报", "满意窗口通报", "表彰决定"}).
		Update("ref", gorm.Expr("subject")).Error; err != nil {
		return err
	}
	return tx.Model(&IssuedNotice{}).Where("ref IS NULL").Update("ref", "").Error
}

// PlanNotices gives each new notice (ID 0) the 文号 it will carry if recorded
// now: the next serials of its kind and the year of its IssuedAt, in order.
// Nothing is recorded; a print draws the numbers on its paper and then calls
// RecordNotices, which the unique serial index guards against a print that
// took the same numbers first.
func (s *Store) PlanNotices(ns []*IssuedNotice) error {
	office, err := s.Office()
	if err != nil {
		return err
	}
	if !office.Filled() {
		return ErrOfficeMissing
	}
	next := map[string]int{}
	for _, n := range ns {
		kind, ok := NoticeKindByName(n.Kind)
		if !ok {
			return FieldErrors{{"文书", fmt.Sprintf("没有名为“%s”的文书", n.Kind)}}
		}
		if n.IssuedAt.IsZero() {
			n.IssuedAt = s.Now()
		}
		n.Kind, n.Year = kind.Name, n.IssuedAt.Year()
		key := fmt.Sprintf("%s/%d", n.Kind, n.Year)
		if _, ok := next[key]; !ok {
			var last int
			if err := s.db.Model(&IssuedNotice{}).Where("kind = ? AND year = ?", n.Kind, n.Year).
				Select("COALESCE(MAX(serial), 0)").Scan(&last).Error; err != nil {
				return err
			}
			next[key] = last + 1
		}
		n.Serial = next[key]
		next[key]++
		n.DocNo = DocNumber(office.Abbrev, kind.Word, n.Year, n.Serial)
	}
	return nil
}

// NoticePrint is what one print records in the register: the new notices
// with the numbers PlanNotices gave them, the notices printed again under
// their own numbers, and the notices a new issue replaces.
type NoticePrint struct {
	New      []*IssuedNotice
	Reprints []IssuedNotice
	Replaced []uint // voided with the reason 重新出具
}

// RecordNotices records a print in one transaction: it voids the replaced
// notices, inserts the new ones, logs the reprints, and then runs publish
// (which puts the written file in place) before committing. A failure of any
// step, publish included, records nothing; a planned number found taken
// gives ErrSerialTaken. publish must not use the store: the transaction
// holds its only connection.
func (s *Store) RecordNotices(p NoticePrint, publish func() error) error {
	return s.writeThen(func(tx *gorm.DB, a *auditor) error {
		for _, id := range p.Replaced {
			var n IssuedNotice
			if err := tx.First(&n, id).Error; err != nil {
				return notFound(err)
			}
			if n.Voided {
				return refused(fmt.Sprintf("%s 已于印制期间被作废（%s），请重新打开后再出具", n.DocNo, n.VoidReason))
			}
			before := n
			n.Voided, n.VoidReason = true, VoidReissued
			if err := tx.Save(&n).Error; err != nil {
				return err
			}
			a.update(before, n)
		}
		for _, n := range p.New {
			if n.Serial == 0 || n.DocNo == "" {
				return fmt.Errorf("%s 未编号，请先调用 PlanNotices", n.Kind)
			}
			n.ID, n.Operator = 0, a.operator
			if err := tx.Create(n).Error; err != nil {
				if isUniqueViolation(err) {
					return ErrSerialTaken
				}
				return err
			}
			a.create(*n)
		}
		for _, n := range p.Reprints {
			var cur IssuedNotice
			if err := tx.First(&cur, n.ID).Error; err != nil {
				return notFound(err)
			}
			if cur.Voided {
				return refused(fmt.Sprintf("%s 已于印制期间被作废（%s），不能再重印", cur.DocNo, cur.VoidReason))
			}
			a.add(ActionReprint, nil, cur)
		}
		return nil
	}, publish)
}

// VoidNotice marks a notice void with a reason; its 文号 stays taken.
func (s *Store) VoidNotice(id uint, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return FieldErrors{{"作废原因", "请填写作废原因"}}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var n IssuedNotice
		if err := tx.First(&n, id).Error; err != nil {
			return notFound(err)
		}
		if n.Voided {
			return refused(n.DocNo + " 已作废")
		}
		before := n
		n.Voided, n.VoidReason = true, reason
		if err := tx.Save(&n).Error; err != nil {
			return err
		}
		a.update(before, n)
		return nil
	})
}

// IssuedNotices lists the notices printed for a case (all when caseNo is
// empty), newest first.
func (s *Store) IssuedNotices(caseNo string) ([]IssuedNotice, error) {
	q := s.db.Order("issued_at DESC, id DESC")
	if caseNo != "" {
		q = q.Where("case_no = ?", caseNo)
	}
	var out []IssuedNotice
	return out, q.Find(&out).Error
}

// ValidNotices lists the notices in force (not voided) of a kind for a case
// (caseNo "" for the centre's own documents) with the given Ref, newest
// first: the notice a print of the same paper reprints.
func (s *Store) ValidNotices(kind, caseNo, ref string) ([]IssuedNotice, error) {
	var out []IssuedNotice
	return out, s.db.Where("kind = ? AND case_no = ? AND ref = ? AND NOT voided", kind, caseNo, ref).
		Order("issued_at DESC, id DESC").Find(&out).Error
}

// NoticeTemplate is the office's own wording of a kind of notice; without
// one the built-in default is used.
type NoticeTemplate struct {
	Kind      string `gorm:"primaryKey;size:32"`
	Body      string
	UpdatedAt time.Time
}

func (t NoticeTemplate) auditEntity() string { return "文书模板" }
func (t NoticeTemplate) auditKey() string    { return t.Kind }
func (t NoticeTemplate) auditFields() []AuditField {
	return []AuditField{{"文书", t.Kind}, {"内容", t.Body}}
}

// NoticeTemplateBody returns the office's wording of a kind, or "" when it
// uses the default.
func (s *Store) NoticeTemplateBody(kind string) (string, error) {
	var t NoticeTemplate
	err := s.db.Where("kind = ?", kind).Limit(1).Find(&t).Error
	return t.Body, err
}

// SaveNoticeTemplate stores the office's wording of a kind (the caller
// validates it); an empty body resets the kind to its default.
func (s *Store) SaveNoticeTemplate(kind, body string) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var before NoticeTemplate
		if err := tx.Where("kind = ?", kind).Limit(1).Find(&before).Error; err != nil {
			return err
		}
		if strings.TrimSpace(body) == "" {
			if before.Kind == "" {
				return nil
			}
			if err := tx.Delete(&before).Error; err != nil {
				return err
			}
			a.delete(before)
			return nil
		}
		after := NoticeTemplate{Kind: kind, Body: body}
		if err := tx.Save(&after).Error; err != nil {
			return err
		}
		if before.Kind == "" {
			a.create(after)
		} else {
			a.update(before, after)
		}
		return nil
	})
}
