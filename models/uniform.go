package models

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Kinds of uniform issue (窗口工作人员统一着装管理办法): the three seasonal
// uniforms and the work badge (工作牌) everyone wears on duty.
const (
	UniformSummer = "夏装"
	UniformMid    = "春秋装"
	UniformWinter = "冬装"
	UniformBadge  = "工作牌"
)

// UniformKinds lists the kinds in the order forms offer them.
var UniformKinds = []string{UniformSummer, UniformMid, UniformWinter, UniformBadge}

// SeasonKinds are the kinds worn by season, announced by a 换装通知.
var SeasonKinds = []string{UniformSummer, UniformMid, UniformWinter}

// UniformReasons lists why a uniform is issued; 换季 is the default.
var UniformReasons = []string{"新入驻", "换季", "破损更换", "遗失补发"}

// DefaultUniformItems and DefaultUniformSizes are the item (品名) and size
// (尺码) lists until the office sets its own. The sizes are suggestions:
// any well-formed size is accepted (CheckUniformSize). They hold the letter
// sizes and the commonest 号型 of the men's (GB/T 1335.1) and women's
// (GB/T 1335.2) A series.
var (
	DefaultUniformItems = []string{"上衣", "裤", "裙", "衬衫", "领带", "领花", "马甲", "外套", "棉服", "工作牌"}
	DefaultUniformSizes = []string{"XS", "S", "M", "L", "XL", "XXL", "XXXL", "4XL", "5XL",
		"155/80A", "160/84A", "165/84A", "165/88A", "170/88A", "170/92A", "175/92A", "175/96A", "180/96A", "185/100A"}
)

// letterSizes are the letter sizes in order; 2XL and 3XL are written XXL
// and XXXL, XXXXL and XXXXXL 4XL and 5XL.
var letterSizes = []string{"XS", "S", "M", "L", "XL", "XXL", "XXXL", "4XL", "5XL"}

var letterSizeAliases = map[string]string{"2XL": "XXL", "3XL": "XXXL", "XXXXL": "4XL", "XXXXXL": "5XL"}

// sizePattern is a 号型 of GB/T 1335: height (号) / chest or waist (型),
// then the body type (体型: Y A B C; none in the children's series).
var sizePattern = regexp.MustCompile(`^(\d{2,3})/(\d{2,3})([YABC]?)$`)

// uniformSizeHint says how a size is written, for messages.
const uniformSizeHint = "服装号型写成“身高/胸围或腰围”加体型字母（Y、A、B、C），如 175/92A、170/88B、160/84Y、130/64（童装可不写体型），" +
	"或写字母尺码 XS、S、M、L、XL、XXL、XXXL、4XL、5XL"

// CheckUniformSize reads a size as typed (half- or full-width, any case,
// spaces) and gives it in its usual form: "175/92A" or "XL". A size that is
// neither a 号型 nor a letter size is refused with how to write it.
func CheckUniformSize(s string) (string, error) {
	orig := strings.TrimSpace(s)
	v := strings.ToUpper(strings.Join(strings.Fields(toHalfWidth(orig)), ""))
	if a, ok := letterSizeAliases[v]; ok {
		v = a
	}
	if oneOf(v, letterSizes) {
		return v, nil
	}
	m := sizePattern.FindStringSubmatch(v)
	if m == nil {
		return "", fmt.Errorf("尺码“%s”写法不对：%s", orig, uniformSizeHint)
	}
	height, _ := strconv.Atoi(m[1])
	girth, _ := strconv.Atoi(m[2])
	switch {
	case height < 50 || height > 200:
		return "", fmt.Errorf("尺码“%s”的号（身高）%d 厘米不在 50 到 200 之间，请核对", orig, height)
	case girth < 40 || girth > 150:
		return "", fmt.Errorf("尺码“%s”的型（胸围或腰围）%d 厘米不在 40 到 150 之间，请核对", orig, girth)
	}
	return v, nil
}

// toHalfWidth turns full-width digits, letters and the slash (１７５／９２Ａ)
// into their ASCII forms.
func toHalfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		if r == 0x3000 {
			return ' '
		}
		return r
	}, s)
}

// UniformLists are the office's configurable item and size lists.
type UniformLists struct {
	Items []string
	Sizes []string
}

const (
	settingUniformItems = "uniform.items"
	settingUniformSizes = "uniform.sizes"
)

// UniformLists gives the item and size lists in force.
func (s *Store) UniformLists() (UniformLists, error) {
	return uniformListsTx(s.db)
}

func uniformListsTx(tx *gorm.DB) (UniformLists, error) {
	l := UniformLists{Items: DefaultUniformItems, Sizes: DefaultUniformSizes}
	var rows []Setting
	if err := tx.Where("key IN ?", []string{settingUniformItems, settingUniformSizes}).Find(&rows).Error; err != nil {
		return l, err
	}
	for _, r := range rows {
		if v := SplitList(r.Value); len(v) > 0 {
			if r.Key == settingUniformItems {
				l.Items = v
			} else {
				l.Sizes = v
			}
		}
	}
	return l, nil
}

// SplitList reads a list typed as "上衣、裤、裙" (also commas, spaces or one
// item a line), dropping blanks and repeats.
func SplitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == '\n' || r == ' ' || r == '\t'
	})
	var out []string
	seen := map[string]bool{}
	for _, x := range f {
		x = strings.TrimSpace(x)
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// SaveUniformLists stores the office's item and size lists. Items or sizes
// already used by issue records cannot be dropped from the lists.
func (s *Store) SaveUniformLists(l UniformLists) error {
	var fe FieldErrors
	if len(l.Items) == 0 {
		fe.add("品名", "请至少填写一个品名")
	}
	if len(l.Sizes) == 0 {
		fe.add("尺码", "请至少填写一个尺码")
	}
	sizes := make([]string, 0, len(l.Sizes))
	for _, sz := range l.Sizes {
		v, err := CheckUniformSize(sz)
		if err != nil {
			fe.add("尺码", err.Error())
			continue
		}
		if !oneOf(v, sizes) {
			sizes = append(sizes, v)
		}
	}
	l.Sizes = sizes
	if len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		old, err := uniformListsTx(tx)
		if err != nil {
			return err
		}
		// the sizes are suggestions, not a fence: a size issued before may
		// leave the list
		for _, c := range []struct {
			label, col string
			list       []string
		}{{"品名", "item", l.Items}} {
			var used []string
			if err := tx.Model(&UniformIssue{}).Where(c.col+" <> ''").Distinct(c.col).Pluck(c.col, &used).Error; err != nil {
				return err
			}
			var missing []string
			for _, u := range used {
				if !oneOf(u, c.list) {
					missing = append(missing, u)
				}
			}
			if len(missing) > 0 {
				fe.add(c.label, fmt.Sprintf("%s 已有发放记录，不能从列表中删除", strings.Join(missing, "、")))
			}
		}
		if len(fe) > 0 {
			return fe
		}
		for _, c := range []struct {
			key, label string
			before     []string
			after      []string
		}{{settingUniformItems, "服装品名", old.Items, l.Items}, {settingUniformSizes, "服装尺码", old.Sizes, l.Sizes}} {
			if err := tx.Save(&Setting{Key: c.key, Value: strings.Join(c.after, "、")}).Error; err != nil {
				return err
			}
			a.update(settingRecord{c.label, strings.Join(c.before, "、")}, settingRecord{c.label, strings.Join(c.after, "、")})
		}
		return nil
	})
}

// UniformIssue is one line of the issue ledger (服装发放台账): what a person
// received, when and why, and whether they signed for it.
type UniformIssue struct {
	ID        uint   `gorm:"primaryKey"`
	StaffID   uint   `gorm:"not null;index"`
	Staff     Staff  `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Kind      string `gorm:"size:8;not null;index"`
	Item      string `gorm:"size:32;not null"`
	Size      string `gorm:"size:16"`
	Quantity  int    `gorm:"not null"`
	IssuedOn  Date   `gorm:"not null;index"`
	Reason    string `gorm:"size:16"`
	Signed    bool   // the person signed the 服装领用签收单
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (u UniformIssue) auditEntity() string { return "服装发放" }
func (u UniformIssue) auditKey() string {
	return fmt.Sprintf("%s %s %s %s", u.Staff.EmployeeNo, u.Staff.Name, u.IssuedOn, u.Item)
}
func (u UniformIssue) auditFields() []AuditField {
	return []AuditField{
		{"人员", u.Staff.EmployeeNo + " " + u.Staff.Name}, {"种类", u.Kind}, {"品名", u.Item},
		{"尺码", u.Size}, {"数量", fmt.Sprint(u.Quantity)}, {"发放日期", u.IssuedOn.String()},
		{"原因", u.Reason}, {"已签收", yesNo(u.Signed)},
	}
}

// Validate checks an issue against its own rules and the office's lists,
// normalising it (trims, an empty reason is 换季). The field names are the
// columns of the uniforms file.
func (u *UniformIssue) Validate(lists UniformLists) FieldErrors {
	var fe FieldErrors
	u.Kind = strings.TrimSpace(u.Kind)
	u.Item = strings.TrimSpace(u.Item)
	u.Size = strings.ToUpper(strings.TrimSpace(u.Size))
	u.Reason = strings.TrimSpace(u.Reason)
	if u.Reason == "" {
		u.Reason = "换季"
	}
	if u.StaffID == 0 {
		fe.add("工号", "请选择领用人员")
	}
	if !oneOf(u.Kind, UniformKinds) {
		fe.add("种类", "种类只能是 "+strings.Join(UniformKinds, " / "))
	}
	switch {
	case u.Item == "":
		fe.add("品名", "请填写品名")
	case !oneOf(u.Item, lists.Items):
		fe.add("品名", fmt.Sprintf("品名“%s”不在品名列表中（%s）；如需新品名，请先在服装设置中添加", u.Item, strings.Join(lists.Items, "、")))
	}
	if u.Size != "" {
		// the office's size list only suggests: any well-formed size is taken
		if v, err := CheckUniformSize(u.Size); err != nil {
			fe.add("尺码", err.Error())
		} else {
			u.Size = v
		}
	}
	if u.Quantity < 1 || u.Quantity > 20 {
		fe.add("数量", "数量应在 1 到 20 之间")
	}
	if u.IssuedOn.IsZero() {
		fe.add("发放日期", "请填写发放日期")
	}
	if !oneOf(u.Reason, UniformReasons) {
		fe.add("原因", "原因只能是 "+strings.Join(UniformReasons, " / "))
	}
	return fe
}

// UniformFilter narrows the ledger; empty fields match everything.
type UniformFilter struct {
	StaffID  uint
	WindowID uint
	Kind     string
	From, To Date // issued in these days, inclusive
}

// UniformIssues lists ledger lines with the person and window, latest first.
func (s *Store) UniformIssues(f UniformFilter) ([]UniformIssue, error) {
	q := s.db.Preload("Staff").Preload("Staff.Window").Preload("Staff.HomeUnit").Model(&UniformIssue{}).
		Order("issued_on DESC, staff_id, id")
	if f.StaffID != 0 {
		q = q.Where("staff_id = ?", f.StaffID)
	}
	if f.WindowID != 0 {
		q = q.Where("staff_id IN (?)", s.db.Model(&Staff{}).Select("id").Where("window_id = ?", f.WindowID))
	}
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if !f.From.IsZero() {
		q = q.Where("issued_on >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("issued_on <= ?", f.To)
	}
	var out []UniformIssue
	return out, q.Find(&out).Error
}

// SaveUniformIssue records (ID 0) or corrects one ledger line.
func (s *Store) SaveUniformIssue(u *UniformIssue) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		lists, err := uniformListsTx(tx)
		if err != nil {
			return err
		}
		if fe := u.Validate(lists); len(fe) > 0 {
			return fe
		}
		if err := checkUniformFor(tx, u); err != nil {
			return err
		}
		return saveUniformTx(tx, a, u)
	})
}

// IssueUniforms records several lines at once (a season's uniforms for a
// window's staff), all or nothing; a refused line names its person.
func (s *Store) IssueUniforms(issues []UniformIssue) error {
	if len(issues) == 0 {
		return refused("没有要发放的服装")
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		lists, err := uniformListsTx(tx)
		if err != nil {
			return err
		}
		for i := range issues {
			u := &issues[i]
			if fe := u.Validate(lists); len(fe) > 0 {
				return fmt.Errorf("%s：%w", staffNameTx(tx, u.StaffID), fe)
			}
			if err := checkUniformFor(tx, u); err != nil {
				return err
			}
			if err := saveUniformTx(tx, a, u); err != nil {
				return err
			}
		}
		return nil
	})
}

func staffNameTx(tx *gorm.DB, id uint) string {
	var p Staff
	tx.Select("name").First(&p, id)
	return p.Name
}

// checkUniformFor refuses a seasonal uniform for someone who wears a
// sector uniform (行业制式服装), by their own flag or their home unit's.
func checkUniformFor(tx *gorm.DB, u *UniformIssue) error {
	var p Staff
	if err := tx.Preload("HomeUnit").First(&p, u.StaffID).Error; err != nil {
		return FieldErrors{{"工号", "领用人员不在人员名册中"}}
	}
	if u.Kind == UniformBadge {
		return nil
	}
	var ex UniformExemption
	if err := tx.Where("staff_id = ?", p.ID).Limit(1).Find(&ex).Error; err != nil {
		return err
	}
	return refuseCentreUniform(p.Name, p.HomeUnit, ex.StaffID != 0, u.Kind)
}

// refuseCentreUniform refuses the centre's uniform (anything but a 工作牌)
// to a person whose home unit, or who alone, wears the sector's uniform.
func refuseCentreUniform(name string, unit HomeUnit, exempt bool, kind string) error {
	switch {
	case kind == UniformBadge:
		return nil
	case unit.SectorUniform:
		return FieldErrors{{"工号", fmt.Sprintf("%s 的派驻单位（%s）着行业制式服装，不发放中心统一服装", name, unit.Name)}}
	case exempt:
		return FieldErrors{{"工号", fmt.Sprintf("%s 着行业制式服装，不发放中心统一服装", name)}}
	}
	return nil
}

func saveUniformTx(tx *gorm.DB, a *auditor, u *UniformIssue) error {
	var before UniformIssue
	if u.ID != 0 {
		if err := tx.Preload("Staff").First(&before, u.ID).Error; err != nil {
			return notFound(err)
		}
		u.CreatedAt = before.CreatedAt
	}
	if err := tx.Omit("Staff").Save(u).Error; err != nil {
		return err
	}
	if err := tx.Preload("Staff").First(u, u.ID).Error; err != nil {
		return err
	}
	if before.ID == 0 {
		a.create(*u)
	} else {
		a.update(before, *u)
	}
	return nil
}

// SignUniformIssues records that the people signed for the given lines.
func (s *Store) SignUniformIssues(ids []uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		for _, id := range ids {
			var u UniformIssue
			if err := tx.Preload("Staff").First(&u, id).Error; err != nil {
				return notFound(err)
			}
			if u.Signed {
				continue
			}
			before := u
			u.Signed = true
			if err := tx.Omit("Staff").Save(&u).Error; err != nil {
				return err
			}
			a.update(before, u)
		}
		return nil
	})
}

// DeleteUniformIssue deletes a line entered by mistake.
func (s *Store) DeleteUniformIssue(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var u UniformIssue
		if err := tx.Preload("Staff").First(&u, id).Error; err != nil {
			return notFound(err)
		}
		if err := tx.Delete(&UniformIssue{}, id).Error; err != nil {
			return err
		}
		a.delete(u)
		return nil
	})
}

// UniformRow is one line as the uniforms exchange file gives it.
type UniformRow struct {
	EmployeeNo string
	Issue      UniformIssue
}

// ImportUniforms adds ledger lines in one transaction; a row whose Issue.ID
// is set (from its 编号) updates that line, others are matched on 工号 +
// 种类 + 品名 + 尺码 + 发放日期: a stored line with the same quantity and
// reason is unchanged, otherwise it is updated. Imported lines count as
// signed (the paper ledger they come from was signed). Any error rolls
// everything back.
func (s *Store) ImportUniforms(rows []UniformRow) (ImportStats, error) {
	var st ImportStats
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		lists, err := uniformListsTx(tx)
		if err != nil {
			return err
		}
		// the roster, who wears a sector's uniform and the lines stored in
		// the rows' span once, and new lines through one prepared
		// statement, not a dozen queries a row
		roster, err := rosterByNo(tx)
		if err != nil {
			return err
		}
		sector, err := sectorUniformTx(tx)
		if err != nil {
			return err
		}
		known, err := storedUniformsAround(tx, rows)
		if err != nil {
			return err
		}
		insert, err := prepareInsert(tx, insertUniformSQL)
		if err != nil {
			return err
		}
		defer insert.Close()
		now := s.Now()
		for _, r := range rows {
			p, ok := roster[r.EmployeeNo]
			if !ok {
				return FieldErrors{{"工号", fmt.Sprintf("工号 %s 不在人员名册中", r.EmployeeNo)}}
			}
			u := r.Issue
			u.StaffID, u.Signed = p.ID, true
			if fe := u.Validate(lists); len(fe) > 0 {
				return fmt.Errorf("工号 %s：%w", r.EmployeeNo, fe)
			}
			if err := refuseCentreUniform(p.Name, sector.unit(p.ID), sector.exempt[p.ID], u.Kind); err != nil {
				return err
			}
			var old UniformIssue
			if r.Issue.ID != 0 {
				if err := findByKey(tx, KeyUniform, r.Issue.ID, &old); err != nil {
					return err
				}
			} else {
				old = known[uniformKeyOf(u)]
			}
			if old.ID != 0 && old.StaffID == u.StaffID && old.Kind == u.Kind && old.Item == u.Item && old.Size == u.Size &&
				old.IssuedOn == u.IssuedOn && old.Quantity == u.Quantity && old.Reason == u.Reason {
				st.Unchanged++
				continue
			}
			if old.ID != 0 {
				u.ID = old.ID
				if err := saveUniformTx(tx, a, &u); err != nil {
					return err
				}
				known[uniformKeyOf(u)] = u
				st.Updated++
				continue
			}
			u.CreatedAt, u.UpdatedAt = now, now
			if u.ID, err = insert.insertID(tx.Statement.Context, u.StaffID, u.Kind, u.Item, u.Size, u.Quantity, u.IssuedOn,
				u.Reason, u.Signed, now, now); err != nil {
				return err
			}
			known[uniformKeyOf(u)] = u
			u.Staff = p
			a.create(u)
			st.Created++
		}
		return nil
	})
	return st, err
}

// insertUniformSQL adds a new line of the uniform ledger.
const insertUniformSQL = `INSERT INTO uniform_issues (staff_id, kind, item, size, quantity, issued_on, reason, signed, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// uniformKey is what an import matches a ledger line on.
type uniformKey struct {
	staffID          uint
	kind, item, size string
	on               Date
}

func uniformKeyOf(u UniformIssue) uniformKey {
	return uniformKey{u.StaffID, u.Kind, u.Item, u.Size, u.IssuedOn}
}

// storedUniformsAround reads the stored ledger lines issued from the first
// to the last day of the rows.
func storedUniformsAround(tx *gorm.DB, rows []UniformRow) (map[uniformKey]UniformIssue, error) {
	out := map[uniformKey]UniformIssue{}
	from, to := spanOf(rows, func(r UniformRow) Date { return r.Issue.IssuedOn })
	if from.IsZero() {
		return out, nil
	}
	var list []UniformIssue
	if err := tx.Where("issued_on >= ? AND issued_on <= ?", from, to).Find(&list).Error; err != nil {
		return nil, err
	}
	for _, u := range list {
		out[uniformKeyOf(u)] = u
	}
	return out, nil
}

// sectorUniforms is who wears a sector's uniform: each person's home unit
// and the people exempted one by one.
type sectorUniforms struct {
	unitOf map[uint]uint
	units  map[uint]HomeUnit
	exempt map[uint]bool
}

func (x sectorUniforms) unit(staffID uint) HomeUnit { return x.units[x.unitOf[staffID]] }

func sectorUniformTx(tx *gorm.DB) (sectorUniforms, error) {
	x := sectorUniforms{unitOf: map[uint]uint{}, units: map[uint]HomeUnit{}, exempt: map[uint]bool{}}
	var people []Staff
	if err := tx.Select("id", "home_unit_id").Find(&people).Error; err != nil {
		return x, err
	}
	for _, p := range people {
		x.unitOf[p.ID] = p.HomeUnitID
	}
	var units []HomeUnit
	if err := tx.Find(&units).Error; err != nil {
		return x, err
	}
	for _, u := range units {
		x.units[u.ID] = u
	}
	var ex []UniformExemption
	if err := tx.Find(&ex).Error; err != nil {
		return x, err
	}
	for _, e := range ex {
		x.exempt[e.StaffID] = true
	}
	return x, nil
}

// UniformExemption marks a person who wears their sector's uniform (行业制式
// 服装) although their home unit as a whole does not.
type UniformExemption struct {
	StaffID   uint   `gorm:"primaryKey;autoIncrement:false"`
	Staff     Staff  `gorm:"constraint:OnUpdate:CASCADE,OnDelete:CASCADE"`
	Reason    string `gorm:"size:128"`
	CreatedAt time.Time
}

func (x UniformExemption) auditEntity() string { return "行业制式服装" }
func (x UniformExemption) auditKey() string    { return x.Staff.EmployeeNo + " " + x.Staff.Name }
func (x UniformExemption) auditFields() []AuditField {
	return []AuditField{{"人员", x.Staff.EmployeeNo + " " + x.Staff.Name}, {"说明", x.Reason}}
}

// UniformExemptions gives the people exempted one by one, by staff ID, with
// the reason.
func (s *Store) UniformExemptions() (map[uint]string, error) {
	var list []UniformExemption
	if err := s.db.Find(&list).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]string, len(list))
	for _, x := range list {
		out[x.StaffID] = x.Reason
	}
	return out, nil
}

// SetUniformExempt sets or clears a person's own 行业制式服装 flag.
func (s *Store) SetUniformExempt(staffID uint, exempt bool, reason string) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var p Staff
		if err := tx.First(&p, staffID).Error; err != nil {
			return notFound(err)
		}
		var old UniformExemption
		if err := tx.Where("staff_id = ?", staffID).Limit(1).Find(&old).Error; err != nil {
			return err
		}
		old.Staff = p
		switch {
		case exempt && old.StaffID == 0:
			x := UniformExemption{StaffID: staffID, Reason: strings.TrimSpace(reason)}
			if err := tx.Omit("Staff").Create(&x).Error; err != nil {
				return err
			}
			x.Staff = p
			a.create(x)
		case !exempt && old.StaffID != 0:
			if err := tx.Where("staff_id = ?", staffID).Delete(&UniformExemption{}).Error; err != nil {
				return err
			}
			a.delete(old)
		}
		return nil
	})
}

// SeasonChange is a change of uniform the office announces (换装): from day
// On everyone wears Kind.
type SeasonChange struct {
	ID        uint   `gorm:"primaryKey"`
	Kind      string `gorm:"size:8;not null"`
	On        Date   `gorm:"not null;uniqueIndex"`
	Note      string `gorm:"size:256"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Label names the season: "2026年冬装"; the two 春秋装 seasons of a year are
// told apart as （春） and （秋）.
func (c SeasonChange) Label() string {
	return seasonLabel(c.Kind, c.On.Year(), c.On.Month())
}

func seasonLabel(kind string, year int, m time.Month) string {
	l := fmt.Sprintf("%d年%s", year, kind)
	if kind == UniformMid {
		if m < time.July {
			l += "（春）"
		} else {
			l += "（秋）"
		}
	}
	return l
}

func (c SeasonChange) auditEntity() string { return "换装日期" }
func (c SeasonChange) auditKey() string    { return c.Label() }
func (c SeasonChange) auditFields() []AuditField {
	return []AuditField{{"种类", c.Kind}, {"换装日期", c.On.String()}, {"说明", c.Note}}
}

// Validate checks a season change's own fields.
func (c *SeasonChange) Validate() FieldErrors {
	var fe FieldErrors
	c.Note = strings.TrimSpace(c.Note)
	if !oneOf(c.Kind, SeasonKinds) {
		fe.add("种类", "换装种类只能是 "+strings.Join(SeasonKinds, " / "))
	}
	if c.On.IsZero() {
		fe.add("换装日期", "请填写换装日期")
	}
	return fe
}

// SeasonChanges lists the change dates, earliest first.
func (s *Store) SeasonChanges() ([]SeasonChange, error) {
	var out []SeasonChange
	return out, s.db.Order("\"on\"").Find(&out).Error
}

// SaveSeasonChange sets (ID 0) or moves a change date; one change a day.
func (s *Store) SaveSeasonChange(c *SeasonChange) error {
	if fe := c.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var clash SeasonChange
		if err := tx.Where("\"on\" = ? AND id <> ?", c.On, c.ID).Limit(1).Find(&clash).Error; err != nil {
			return err
		}
		if clash.ID != 0 {
			return FieldErrors{{"换装日期", fmt.Sprintf("%s 已设为%s的换装日期", c.On, clash.Kind)}}
		}
		return saveAudited(tx, a, c, c.ID)
	})
}

// DeleteSeasonChange removes a change date.
func (s *Store) DeleteSeasonChange(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var c SeasonChange
		if err := tx.First(&c, id).Error; err != nil {
			return notFound(err)
		}
		if err := tx.Delete(&c).Error; err != nil {
			return err
		}
		a.delete(c)
		return nil
	})
}

// seasonWindow is how far from a change date an issue still counts for it.
const seasonWindow = 120

// SeasonOf names the season an issue of kind on day on counts for: the
// change of that kind nearest the day (within 120 days); without one, the
// kind in the year of the day (a 冬装 issued in January to March counts for
// the winter that began the year before). 工作牌 belong to no season: "".
func SeasonOf(kind string, on Date, changes []SeasonChange) (label string, key Date) {
	if !oneOf(kind, SeasonKinds) {
		return "", Date{}
	}
	best, dist := -1, seasonWindow+1
	for i, c := range changes {
		if c.Kind != kind {
			continue
		}
		d := daysBetween(c.On, on)
		if d < 0 {
			d = -d
		}
		if d < dist {
			best, dist = i, d
		}
	}
	if best >= 0 {
		return changes[best].Label(), changes[best].On
	}
	y, m := on.Year(), on.Month()
	if kind == UniformWinter && m <= time.March {
		y--
		m = time.November
	}
	return seasonLabel(kind, y, m), NewDate(y, m, 1)
}

func daysBetween(a, b Date) int { return int(b.Time().Sub(a.Time()).Hours() / 24) }

// UniformSummaryRow is the quantity issued of one item in one size, in all
// and by season and by year.
type UniformSummaryRow struct {
	Kind, Item, Size string
	Total            int
	BySeason         map[string]int
	ByYear           map[int]int
}

// UniformSummary is the stock summary of the ledger: quantities issued by
// item and size, with columns per season and per year.
type UniformSummary struct {
	Seasons      []string // in time order
	Years        []int
	Rows         []UniformSummaryRow // by kind, item, size
	SeasonTotals map[string]int
	YearTotals   map[int]int
	Total        int
}

// SummarizeUniforms adds up issue lines by kind, item and size.
func SummarizeUniforms(issues []UniformIssue, changes []SeasonChange) UniformSummary {
	sum := UniformSummary{SeasonTotals: map[string]int{}, YearTotals: map[int]int{}}
	type key struct{ kind, item, size string }
	rows := map[key]*UniformSummaryRow{}
	seasonAt := map[string]Date{}
	for _, u := range issues {
		k := key{u.Kind, u.Item, u.Size}
		r := rows[k]
		if r == nil {
			r = &UniformSummaryRow{Kind: u.Kind, Item: u.Item, Size: u.Size, BySeason: map[string]int{}, ByYear: map[int]int{}}
			rows[k] = r
		}
		r.Total += u.Quantity
		sum.Total += u.Quantity
		y := u.IssuedOn.Year()
		r.ByYear[y] += u.Quantity
		sum.YearTotals[y] += u.Quantity
		if label, at := SeasonOf(u.Kind, u.IssuedOn, changes); label != "" {
			r.BySeason[label] += u.Quantity
			sum.SeasonTotals[label] += u.Quantity
			seasonAt[label] = at
		}
	}
	for label := range seasonAt {
		sum.Seasons = append(sum.Seasons, label)
	}
	sort.Slice(sum.Seasons, func(i, j int) bool {
		a, b := seasonAt[sum.Seasons[i]], seasonAt[sum.Seasons[j]]
		if !a.Before(b) && !b.Before(a) {
			return sum.Seasons[i] < sum.Seasons[j]
		}
		return a.Before(b)
	})
	for y := range sum.YearTotals {
		sum.Years = append(sum.Years, y)
	}
	sort.Ints(sum.Years)
	kindOrder := map[string]int{}
	for i, k := range UniformKinds {
		kindOrder[k] = i
	}
	for _, r := range rows {
		sum.Rows = append(sum.Rows, *r)
	}
	sort.Slice(sum.Rows, func(i, j int) bool {
		a, b := sum.Rows[i], sum.Rows[j]
		if a.Kind != b.Kind {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		if a.Item != b.Item {
			return a.Item < b.Item
		}
		return sizeLess(a.Size, b.Size)
	})
	return sum
}

// sizeLess orders sizes: letter sizes first, small to large, then 号型 by
// height, girth and body type, then anything else by text.
func sizeLess(a, b string) bool {
	ia, ib := indexOf(a, letterSizes), indexOf(b, letterSizes)
	if ia >= 0 && ib >= 0 {
		return ia < ib
	}
	if (ia >= 0) != (ib >= 0) {
		return ia >= 0
	}
	ma, mb := sizePattern.FindStringSubmatch(a), sizePattern.FindStringSubmatch(b)
	if ma != nil && mb != nil {
		for i := 1; i <= 2; i++ {
			x, _ := strconv.Atoi(ma[i])
			y, _ := strconv.Atoi(mb[i])
			if x != y {
				return x < y
			}
		}
		return indexOf(ma[3], bodyTypes) < indexOf(mb[3], bodyTypes)
	}
	if (ma != nil) != (mb != nil) {
		return ma != nil
	}
	return a < b
}

// bodyTypes orders the 体型 letters from slim to stout.
var bodyTypes = []string{"", "Y", "A", "B", "C"}

func indexOf(v string, list []string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// UniformSummary sums up the ledger lines the filter selects.
func (s *Store) UniformSummary(f UniformFilter) (UniformSummary, error) {
	issues, err := s.UniformIssues(f)
	if err != nil {
		return UniformSummary{}, err
	}
	changes, err := s.SeasonChanges()
	if err != nil {
		return UniformSummary{}, err
	}
	return SummarizeUniforms(issues, changes), nil
}

// UniformPending lists the people who should get the season's uniform of a
// change and have not yet been issued it: on duty, in service on the change
// day, not temporary substitutes, not wearing a sector uniform (their own
// flag or their home unit's), with no issue of the kind counting for that
// season (see SeasonOf). By window, then 工号.
func (s *Store) UniformPending(changeID uint) ([]Staff, error) {
	var c SeasonChange
	if err := s.db.First(&c, changeID).Error; err != nil {
		return nil, notFound(err)
	}
	staff, err := s.StaffList()
	if err != nil {
		return nil, err
	}
	changes, err := s.SeasonChanges()
	if err != nil {
		return nil, err
	}
	issues, err := s.UniformIssues(UniformFilter{Kind: c.Kind})
	if err != nil {
		return nil, err
	}
	exempt, err := s.UniformExemptions()
	if err != nil {
		return nil, err
	}
	return PendingUniforms(c, staff, issues, changes, exempt), nil
}

// PendingUniforms is UniformPending over records already read.
func PendingUniforms(c SeasonChange, staff []Staff, issues []UniformIssue, changes []SeasonChange, exempt map[uint]string) []Staff {
	season := c.Label()
	got := map[uint]bool{}
	for _, u := range issues {
		if l, _ := SeasonOf(u.Kind, u.IssuedOn, changes); u.Kind == c.Kind && l == season {
			got[u.StaffID] = true
		}
	}
	var out []Staff
	for _, p := range staff {
		_, own := exempt[p.ID]
		if p.Status != StatusOnDuty || p.Post == PostSubstitute || own || p.HomeUnit.SectorUniform ||
			!(p.InService(c.On) || p.JoinedOn.After(c.On)) || got[p.ID] {
			continue
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Window.Code != out[j].Window.Code {
			return out[i].Window.Code < out[j].Window.Code
		}
		return out[i].EmployeeNo < out[j].EmployeeNo
	})
	return out
}

// UpcomingSeasonChange gives the first change on or after today, or the
// latest one when none is set ahead; ok is false when there are none.
func UpcomingSeasonChange(changes []SeasonChange, today Date) (SeasonChange, bool) {
	for _, c := range changes { // earliest first
		if !c.On.Before(today) {
			return c, true
		}
	}
	if len(changes) == 0 {
		return SeasonChange{}, false
	}
	return changes[len(changes)-1], true
}
