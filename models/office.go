package models

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gorm.io/gorm"
)

// Office is what the centre prints on its notices: its name, the
// abbreviation that starts every 文号, its address and telephone lines, the
// review body and court named in remedies, and where its seal image and an
// optional 仿宋 font live.
type Office struct {
	Name         string // 中心名称
	Abbrev       string // 文号前缀, e.g. 乌政服
	Address      string // 中心地址
	EnquiryPhone string // 咨询电话
	ComplaintTel string // 投诉电话
	ReviewBody   string // 行政复议机关
	Court        string // 人民法院
	SealPath     string // 印章图片 (PNG), may be empty: the 行政审批专用章 of citizen notices
	BodyFontPath string // 仿宋字体 (TTF), may be empty
	// CentreSealPath is the 中心公章 (PNG), may be empty: the centre's own
	// decisions, circulars, letters and certificates carry it, never the
	// 行政审批专用章, which is for administrative licensing only.
	CentreSealPath string
	// Printer is the 印发机关 of the 版记 of the centre's 公文.
	Printer string
}

// DemoOffice is the demo centre's details, which FillDemo stores. A new
// installation holds none: its notices are refused until the centre fills in
// its own (文书设置 or the setup wizard), so no other centre's name prints.
var DemoOffice = Office{
	Name: "乌兰察布市政务服务中心", Abbrev: "乌政服", Address: "乌兰察布市集宁区新体路政务服务大厦",
	EnquiryPhone: "0474-8326000", ComplaintTel: "12345",
	ReviewBody: "乌兰察布市人民政府", Court: "集宁区人民法院",
	Printer: "乌兰察布市政务服务中心综合业务科",
}

var officeKeys = []struct {
	key, label string
	field      func(*Office) *string
}{
	{"office.name", "中心名称", func(o *Office) *string { return &o.Name }},
	{"office.abbrev", "文号前缀", func(o *Office) *string { return &o.Abbrev }},
	{"office.address", "中心地址", func(o *Office) *string { return &o.Address }},
	{"office.enquiry", "咨询电话", func(o *Office) *string { return &o.EnquiryPhone }},
	{"office.complaint", "投诉电话", func(o *Office) *string { return &o.ComplaintTel }},
	{"office.review", "行政复议机关", func(o *Office) *string { return &o.ReviewBody }},
	{"office.court", "人民法院", func(o *Office) *string { return &o.Court }},
	{"office.seal", "印章图片", func(o *Office) *string { return &o.SealPath }},
	{"office.bodyfont", "仿宋字体", func(o *Office) *string { return &o.BodyFontPath }},
	{"office.centreseal", "中心公章", func(o *Office) *string { return &o.CentreSealPath }},
	{"office.printer", "印发机关", func(o *Office) *string { return &o.Printer }},
}

type officeRecord struct{ Office }

func (officeRecord) auditEntity() string { return "设置" }
func (officeRecord) auditKey() string    { return "中心信息" }
func (r officeRecord) auditFields() []AuditField {
	var out []AuditField
	for _, k := range officeKeys {
		out = append(out, AuditField{k.label, *k.field(&r.Office)})
	}
	return out
}

// Filled reports whether the details a paper cannot go without, the
// centre's name and 文号 prefix, are set.
func (o Office) Filled() bool { return o.Name != "" && o.Abbrev != "" }

// ErrOfficeMissing refuses a paper printed before the centre's details are
// filled in.
var ErrOfficeMissing = refused("还没有填写中心信息（中心名称、文号前缀等），文书无法印制：请先在“文书设置”或“初始设置向导”中填写（命令行：govdesk office --field 中心名称=… --field 文号前缀=…）")

// Office loads the centre's details; what is not set is empty.
func (s *Store) Office() (Office, error) {
	var o Office
	var rows []Setting
	if err := s.db.Where("key LIKE ?", "office.%").Find(&rows).Error; err != nil {
		return o, err
	}
	byKey := map[string]string{}
	for _, r := range rows {
		byKey[r.Key] = r.Value
	}
	for _, k := range officeKeys {
		if v, ok := byKey[k.key]; ok {
			*k.field(&o) = v
		}
	}
	return o, nil
}

var abbrevPattern = regexp.MustCompile(`^\p{Han}{1,8}$`)

// Validate checks the centre's details.
func (o *Office) Validate() FieldErrors {
	var fe FieldErrors
	for _, k := range officeKeys {
		p := k.field(o)
		*p = strings.TrimSpace(*p)
	}
	if o.Name == "" {
		fe.add("中心名称", "请填写中心名称")
	}
	if !abbrevPattern.MatchString(o.Abbrev) {
		fe.add("文号前缀", "文号前缀应为1至8个汉字，如“乌政服”")
	}
	for _, p := range []struct{ label, path string }{{"印章图片", o.SealPath}, {"仿宋字体", o.BodyFontPath}, {"中心公章", o.CentreSealPath}} {
		if p.path == "" {
			continue
		}
		if _, err := os.Stat(p.path); err != nil {
			fe.add(p.label, fmt.Sprintf("找不到文件 %s", filepath.Base(p.path)))
		}
	}
	return fe
}

// SaveOffice stores the centre's details.
func (s *Store) SaveOffice(o Office) error {
	if fe := o.Validate(); len(fe) > 0 {
		return fe
	}
	before, err := s.Office()
	if err != nil {
		return err
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		for _, k := range officeKeys {
			if err := tx.Save(&Setting{Key: k.key, Value: *k.field(&o)}).Error; err != nil {
				return err
			}
		}
		a.update(officeRecord{before}, officeRecord{o})
		return nil
	})
}

// fillDemoOffice gives the demo centre its details, keeping any the office
// already entered (a name typed in the setup wizard before choosing the demo).
func fillDemoOffice(tx *gorm.DB, a *auditor) error {
	var rows []Setting
	if err := tx.Where("key LIKE ?", "office.%").Find(&rows).Error; err != nil {
		return err
	}
	set := map[string]string{}
	for _, r := range rows {
		set[r.Key] = r.Value
	}
	var before Office
	for _, k := range officeKeys {
		*k.field(&before) = set[k.key]
	}
	after := before
	for _, k := range officeKeys {
		if set[k.key] == "" {
			*k.field(&after) = *k.field(&DemoOffice)
		}
	}
	if after == before {
		return nil
	}
	for _, k := range officeKeys {
		if err := tx.Save(&Setting{Key: k.key, Value: *k.field(&after)}).Error; err != nil {
			return err
		}
	}
	a.update(officeRecord{before}, officeRecord{after})
	return nil
}

// OfficeLabels are the names of the centre's details, in the order 文书设置
// shows them.
func OfficeLabels() []string {
	out := make([]string, len(officeKeys))
	for i, k := range officeKeys {
		out[i] = k.label
	}
	return out
}

// Get is the detail named label ("中心名称", "文号前缀" …), "" when there
// is no such detail.
func (o *Office) Get(label string) string {
	for _, k := range officeKeys {
		if k.label == label {
			return *k.field(o)
		}
	}
	return ""
}

// Set changes the detail named label; an unknown name is refused, naming
// those there are.
func (o *Office) Set(label, value string) error {
	for _, k := range officeKeys {
		if k.label == label {
			*k.field(o) = value
			return nil
		}
	}
	return fmt.Errorf("没有名为“%s”的中心信息；可填写：%s", label, strings.Join(OfficeLabels(), "、"))
}
