package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// NoticeKind describes one kind of printed notice.
type NoticeKind struct {
	Name    string   // 受理通知书
	Word    string   // the type word of its 文号: 受
	Aliases []string // command-line names: shouli, acceptance
	// Inputs are facts the case record does not hold, asked for when
	// printing (with a default where one can be derived).
	Inputs []NoticeInput
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
	{Name: "收件清单", Word: "收", Aliases: []string{"shoujian", "receipt"}},
	{Name: "受理通知书", Word: "受", Aliases: []string{"shouli", "acceptance"}},
	{Name: "承诺件通知书", Word: "承", Aliases: []string{"chengnuo", "promise"},
		Inputs: []NoticeInput{{Name: "领取方式", Hint: "窗口自取 / 邮寄送达"}}},
	{Name: "一次性告知书", Word: "告", Aliases: []string{"gaozhi", "buzheng", "correction"},
		Inputs: []NoticeInput{
			{Name: "补正材料", Required: true, Multi: true, Hint: "每行一项：材料名称及应当符合的标准"},
			{Name: "补正期限", Hint: "如：自收到本告知书之日起10个工作日内"},
		}},
	{Name: "不予受理通知书", Word: "不受", Aliases: []string{"buyushouli", "rejection"},
		Inputs: []NoticeInput{
			{Name: "不予受理理由", Required: true, Hint: "如：该事项依法不需要取得行政许可"},
			{Name: "有权机关", Hint: "不属于本机关职权范围时，告知向哪个机关申请"},
		}},
	{Name: "准予行政许可决定书", Word: "准许", Aliases: []string{"zhunyu", "grant"},
		Inputs: []NoticeInput{{Name: "许可内容", Hint: "准予许可的具体内容，如许可范围、有效期"}}},
	{Name: "不予行政许可决定书", Word: "不许", Aliases: []string{"buyuxuke", "refusal"},
		Inputs: []NoticeInput{{Name: "不予许可理由", Required: true, Hint: "不予许可的事实、理由和依据"}}},
	{Name: "送达凭证", Word: "送", Aliases: []string{"songda", "service"},
		Inputs: []NoticeInput{
			{Name: "送达文书", Hint: "默认为本办件最近印发的决定书或通知书"},
			{Name: "送达方式", Hint: "直接送达 / 邮寄送达 / 留置送达 / 委托送达 / 电子送达"},
			{Name: "送达地点"},
			{Name: "送达时间", Hint: "如 2026年11月26日10时05分；默认为印制时间"},
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
// is voided.
type IssuedNotice struct {
	ID         uint      `gorm:"primaryKey"`
	Kind       string    `gorm:"size:32;not null;uniqueIndex:idx_notice_serial,priority:1"`
	Year       int       `gorm:"not null;uniqueIndex:idx_notice_serial,priority:2"`
	Serial     int       `gorm:"not null;uniqueIndex:idx_notice_serial,priority:3"`
	DocNo      string    `gorm:"size:64;not null;index"` // 乌政服受〔2026〕12号
	CaseID     *uint     `gorm:"index"`
	CaseNo     string    `gorm:"size:64;index"`
	Subject    string    `gorm:"size:256"` // whom or what it concerns
	Inputs     string    // JSON of the facts entered when printing
	IssuedAt   time.Time `gorm:"serializer:civil;type:datetime;index"`
	Operator   string    `gorm:"size:64"`
	Voided     bool
	VoidReason string `gorm:"size:256"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func (n IssuedNotice) auditEntity() string { return "文书" }
func (n IssuedNotice) auditKey() string    { return n.DocNo }
func (n IssuedNotice) auditFields() []AuditField {
	state := "有效"
	if n.Voided {
		state = "作废：" + n.VoidReason
	}
	return []AuditField{{"文书", n.Kind}, {"文号", n.DocNo}, {"办件编号", n.CaseNo},
		{"对象", n.Subject}, {"印发时间", n.IssuedAt.Format("2006-01-02 15:04")}, {"状态", state}}
}

// DocNumber formats a 文号: prefix + type word + 〔year〕 + serial + 号,
// with no padding and no 第 (GB/T 9704 §7.2.4).
func DocNumber(abbrev, word string, year, serial int) string {
	return fmt.Sprintf("%s%s〔%d〕%d号", abbrev, word, year, serial)
}

// IssueNotice takes the next 文号 of the kind for the year of at and records
// the notice. Serials count voided notices too, so none is ever reused.
func (s *Store) IssueNotice(n *IssuedNotice) error {
	kind, ok := NoticeKindByName(n.Kind)
	if !ok {
		return FieldErrors{{"文书", fmt.Sprintf("没有名为“%s”的文书", n.Kind)}}
	}
	office, err := s.Office()
	if err != nil {
		return err
	}
	if n.IssuedAt.IsZero() {
		n.IssuedAt = s.Now()
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var last int
		if err := tx.Model(&IssuedNotice{}).Where("kind = ? AND year = ?", kind.Name, n.IssuedAt.Year()).
			Select("COALESCE(MAX(serial), 0)").Scan(&last).Error; err != nil {
			return err
		}
		n.ID = 0
		n.Kind, n.Year, n.Serial = kind.Name, n.IssuedAt.Year(), last+1
		n.DocNo = DocNumber(office.Abbrev, kind.Word, n.Year, n.Serial)
		n.Operator = a.operator
		if err := tx.Create(n).Error; err != nil {
			return err
		}
		a.create(*n)
		return nil
	})
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
