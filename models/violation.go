package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Violation categories (违规类别), DOMAIN.md §6.
const (
	CategoryService      = "服务规范"   // 仪容、举止、用语、禁语
	CategoryNotification = "一次性告知"  // 一次性告知未履行，造成群众二次跑
	CategoryPromiseBreak = "服务承诺违诺" // 被投诉查实的违诺
	CategoryPromiseDelay = "服务承诺拖拉" // 无正当理由超期
	CategoryDiscipline   = "工作纪律"   // 离岗、玩手机、饮酒……
	CategoryDress        = "着装"     // 着装检查发现的问题
)

// ViolationCategories lists the categories in the order forms offer them.
var ViolationCategories = []string{
	CategoryService, CategoryNotification, CategoryPromiseBreak,
	CategoryPromiseDelay, CategoryDiscipline, CategoryDress,
}

// Where a violation came from (Violation.Source); "" is a direct entry.
const (
	SourceDressCheck = "着装检查"
	SourceComplaint  = "投诉"
)

// Notice levels (处理级别) of a ladder step, mildest first. Scoring reads
// "通报批评 or heavier" as NoticeRank(level) >= NoticeRank(NoticeCircular).
const (
	NoticeVerbal   = "口头批评"
	NoticeCircular = "通报批评"
	NoticeToDept   = "通报主管部门"
	NoticeSuspend  = "停职检查"
	NoticeRemoval  = "调离岗位"
)

// NoticeLevels lists the levels, mildest first.
var NoticeLevels = []string{NoticeVerbal, NoticeCircular, NoticeToDept, NoticeSuspend, NoticeRemoval}

// NoticeRank orders notice levels: 0 for none or unknown, 1 口头批评 … 5 调离岗位.
func NoticeRank(level string) int {
	for i, l := range NoticeLevels {
		if l == level {
			return i + 1
		}
	}
	return 0
}

// Violation is one breach of the centre's rules by a person (违规记录). Its
// ladder step counts the person's violations of the same category in the
// counting period (自然年 by default); the officer confirms the suggested
// step or overrides it with a reason. The consequence fields are what the
// monthly and quarterly scoring reads.
type Violation struct {
	ID             uint          `gorm:"primaryKey"`
	StaffID        uint          `gorm:"not null;index"`
	Staff          Staff         `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	WindowID       uint          `gorm:"not null;index"` // the person's window when it happened
	Window         ServiceWindow `gorm:"foreignKey:WindowID;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	On             Date          `gorm:"not null;index"` // 日期
	Category       string        `gorm:"size:16;not null;index"`
	Circumstances  string        `gorm:"size:1024;not null"` // 情形
	RecordedBy     string        `gorm:"size:64"`            // 记录人
	Evidence       string        `gorm:"size:512"`           // 证据
	Source         string        `gorm:"size:16"`            // 着装检查 / 投诉 / ""
	Step           int           // ladder step applied, 1-based
	StepAction     string        `gorm:"size:512"` // the measure taken
	Override       bool          // the officer chose another step than suggested
	OverrideReason string        `gorm:"size:256"`
	SuggestedStep  int           // what the history suggested when last saved
	ComplaintID    *uint         `gorm:"index"`

	// Consequences, from the ladder step applied (and, for a complaint upheld
	// for 服务用语不当, from that rule).
	NoticeLevel       string `gorm:"size:16"` // 口头批评 / 通报批评 / 通报主管部门 / 停职检查 / 调离岗位
	LosesQuarterStar  bool   // the person loses the quarter's 服务明星 eligibility
	LosesWindowMonth  bool   // the window loses the month's 满意窗口 eligibility
	StopsMonthlyBonus bool   // the person's 月度考核奖 is stopped for the month
	ReportsToHomeUnit bool   // 通报主管部门 / 函告派驻单位
	// ScoredAsComplaint: the violation was created by an upheld complaint,
	// which carries the deduction; scoring must not deduct for it again.
	ScoredAsComplaint bool
	// Aggravated: the officer recorded the ladder's worse case (服务承诺 二.2:
	// 督查后仍未能按要求完成), whose consequences add to the step's.
	Aggravated bool
	// ConsequenceList is every consequence applied, "、"-separated, in the
	// order of LadderConsequences (the flags above are read from it).
	ConsequenceList string `gorm:"size:256"`

	CreatedAt time.Time
	UpdatedAt time.Time
	// Version rises with every change (see versionedTables)
	Version int `gorm:"not null;default:0"`
}

func (v Violation) auditEntity() string { return "违规记录" }
func (v Violation) auditKey() string {
	return fmt.Sprintf("%s %s %s %s", v.Staff.EmployeeNo, v.Staff.Name, v.On, v.Category)
}
func (v Violation) auditFields() []AuditField {
	return []AuditField{
		{"人员", v.Staff.EmployeeNo + " " + v.Staff.Name}, {"日期", v.On.String()},
		{"类别", v.Category}, {"情形", v.Circumstances}, {"记录人", v.RecordedBy},
		{"证据", v.Evidence}, {"来源", v.Source},
		{"处理", fmt.Sprintf("第%d次：%s", v.Step, v.StepAction)},
		{"调整理由", v.OverrideReason}, {"处理级别", v.NoticeLevel}, {"督查后仍未完成", yesNoIf(v.Aggravated)},
		{"后果", strings.Join(v.Consequences(), "；")},
	}
}

// setConsequences records the consequences applied and the flags scoring reads.
func (v *Violation) setConsequences(cons []string) {
	v.ConsequenceList = strings.Join(cons, "、")
	v.NoticeLevel = heaviestNotice(cons)
	v.LosesQuarterStar, v.LosesWindowMonth = oneOf(ConsequenceStar, cons), oneOf(ConsequenceWindow, cons)
	v.StopsMonthlyBonus, v.ReportsToHomeUnit = oneOf(ConsequenceBonus, cons), oneOf(ConsequenceToDept, cons)
}

// Consequences names the consequences recorded on the violation.
func (v Violation) Consequences() []string {
	if v.ConsequenceList != "" {
		out := strings.Split(v.ConsequenceList, "、")
		if v.ScoredAsComplaint {
			out = append(out, "按投诉计分，不重复扣分")
		}
		return out
	}
	// recorded before consequences were kept as a list
	var out []string
	if v.LosesQuarterStar {
		out = append(out, "取消当季度服务明星评选资格")
	}
	if v.LosesWindowMonth {
		out = append(out, "取消所在窗口当月满意窗口资格")
	}
	if v.StopsMonthlyBonus {
		out = append(out, "扣当月月度考核奖")
	}
	if v.ReportsToHomeUnit {
		out = append(out, "通报主管部门（函告派驻单位）")
	}
	if v.ScoredAsComplaint {
		out = append(out, "按投诉计分，不重复扣分")
	}
	return out
}

// yesNoIf gives "是" for true and "" for false, so records made before a
// flag existed read the same in the audit log.
func yesNoIf(b bool) string {
	if b {
		return "是"
	}
	return ""
}

// Censured reports whether the step applied is 通报批评 or heavier.
func (v Violation) Censured() bool { return NoticeRank(v.NoticeLevel) >= NoticeRank(NoticeCircular) }

// Validate checks and normalises the fields a person enters; field names are
// the form labels and the columns of the violations file.
func (v *Violation) Validate() FieldErrors {
	var fe FieldErrors
	v.Category, v.Circumstances = strings.TrimSpace(v.Category), strings.TrimSpace(v.Circumstances)
	v.RecordedBy, v.Evidence = strings.TrimSpace(v.RecordedBy), strings.TrimSpace(v.Evidence)
	v.OverrideReason, v.StepAction = strings.TrimSpace(v.OverrideReason), strings.TrimSpace(v.StepAction)
	if v.StaffID == 0 {
		fe.add("工号", "请选择人员")
	}
	if v.On.IsZero() {
		fe.add("日期", "请填写日期")
	}
	switch {
	case v.Category == "":
		fe.add("类别", "请选择类别")
	case !oneOf(v.Category, ViolationCategories):
		fe.add("类别", fmt.Sprintf("类别“%s”不存在，只能是 %s", v.Category, strings.Join(ViolationCategories, " / ")))
	}
	switch {
	case v.Circumstances == "":
		fe.add("情形", "请写明违规情形")
	case len([]rune(v.Circumstances)) > 500:
		fe.add("情形", "情形不能超过500个字")
	}
	if len([]rune(v.RecordedBy)) > 32 {
		fe.add("记录人", "记录人不能超过32个字")
	}
	if len([]rune(v.Evidence)) > 250 {
		fe.add("证据", "证据说明不能超过250个字")
	}
	if v.Source != "" && v.Source != SourceDressCheck && v.Source != SourceComplaint {
		fe.add("来源", "来源只能是 着装检查 / 投诉 或留空")
	}
	if v.Override {
		if v.Step < 1 {
			fe.add("处理档次", "调整处理时请选择适用第几次的处理")
		}
		if v.OverrideReason == "" {
			fe.add("调整理由", "不采用建议的处理时，请写明理由")
		}
	}
	if len([]rune(v.OverrideReason)) > 200 {
		fe.add("调整理由", "调整理由不能超过200个字")
	}
	if len([]rune(v.StepAction)) > 250 {
		fe.add("处理措施", "处理措施不能超过250个字")
	}
	return fe
}

// SaveViolation creates (ID 0) or updates a violation. Unless the officer
// overrides it (Override with a reason and the chosen Step), the ladder step
// and its measure are the ones the person's history in the counting period
// suggests; the consequences are those of the step applied. Later violations
// of the same category whose suggestion the change moves are renumbered.
// An empty 记录人 is the operator.
func (s *Store) SaveViolation(v *Violation) error {
	if v.RecordedBy == "" {
		v.RecordedBy = s.Operator()
	}
	if fe := v.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if v.ID != 0 {
			if err := checkFreshTx[Violation](tx, v.ID, v.Version); err != nil {
				return err
			}
		}
		if err := saveViolationTx(tx, a, v); err != nil {
			return err
		}
		return readVersionTx(tx, "violations", v.ID, &v.Version)
	})
}

func saveViolationTx(tx *gorm.DB, a *auditor, v *Violation) error {
	if err := refuseLocked(tx, "记录或更改违规", MonthOf(v.On)); err != nil {
		return err
	}
	var who Staff
	if err := tx.Limit(1).Find(&who, v.StaffID).Error; err != nil {
		return err
	}
	if who.ID == 0 {
		return FieldErrors{{"工号", "所选人员不存在，可能已被删除"}}
	}
	var before *Violation
	if v.ID != 0 {
		before = new(Violation)
		if err := tx.Preload("Staff").First(before, v.ID).Error; err != nil {
			return notFound(err)
		}
		v.CreatedAt = before.CreatedAt
		if v.ComplaintID == nil {
			v.ComplaintID = before.ComplaintID
		}
	}
	w, err := eventWindowTx(tx, v)
	if err != nil {
		return err
	}
	v.WindowID = w
	book, err := loadRuleBook(tx)
	if err != nil {
		return err
	}
	if err := applyLadder(tx, book, v); err != nil {
		return err
	}
	if before == nil {
		if err := tx.Omit(clause.Associations).Create(v).Error; err != nil {
			return err
		}
	} else if err := tx.Omit("created_at", clause.Associations).Save(v).Error; err != nil {
		return err
	}
	if err := tx.Preload("Staff").Preload("Window").First(v, v.ID).Error; err != nil {
		return err
	}
	if before == nil {
		a.create(v)
	} else {
		a.update(before, v)
	}
	if err := renumberTx(tx, a, book, v.StaffID, v.Category, v.ID); err != nil {
		return err
	}
	if before != nil && (before.StaffID != v.StaffID || before.Category != v.Category) {
		return renumberTx(tx, a, book, before.StaffID, before.Category, 0)
	}
	return nil
}

// eventWindowTx is the window where a violation happened: the complaint's
// window for one an upheld complaint created, else the window the person sat
// at on its date, from their history of moves (not their window today).
func eventWindowTx(tx *gorm.DB, v *Violation) (uint, error) {
	if v.ComplaintID != nil {
		var c Complaint
		if err := tx.Select("id", "window_id").Limit(1).Find(&c, *v.ComplaintID).Error; err != nil {
			return 0, err
		}
		if c.WindowID != 0 {
			return c.WindowID, nil
		}
	}
	return windowOnTx(tx, v.StaffID, v.On)
}

// DeleteViolation deletes a violation that no complaint created (conclude
// the complaint again instead), renumbering the person's later ones.
func (s *Store) DeleteViolation(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var v Violation
		if err := tx.Preload("Staff").First(&v, id).Error; err != nil {
			return notFound(err)
		}
		if v.ComplaintID != nil {
			return refused("该违规记录由投诉核查属实产生，请在投诉中更改核查结论")
		}
		if err := refuseLocked(tx, "删除该月的违规记录", MonthOf(v.On)); err != nil {
			return err
		}
		if err := tx.Delete(&Violation{}, id).Error; err != nil {
			return err
		}
		a.delete(&v)
		book, err := loadRuleBook(tx)
		if err != nil {
			return err
		}
		return renumberTx(tx, a, book, v.StaffID, v.Category, 0)
	})
}

// ViolationByID returns one violation with its person and window.
func (s *Store) ViolationByID(id uint) (Violation, error) {
	var v Violation
	err := s.db.Preload("Staff").Preload("Window").First(&v, id).Error
	return v, notFound(err)
}

// ViolationRow is one violation as the violations file gives it.
type ViolationRow struct {
	ID            uint // the record its 编号 names; 0 for a new one
	EmployeeNo    string
	On            Date
	Category      string
	Circumstances string
	RecordedBy    string
}

// ImportViolations creates violations in one transaction. A row with a
// 编号 updates the violation it names; one without is matched on 工号 +
// 日期 + 类别 + 情形 (a stored one with a different 记录人 is updated). Each
// new one gets the ladder step its history gives, the file's earlier rows
// included, and the person's later ones are renumbered.
//
// The roster, the rules, the window moves and the violations stored in the
// rows' span are read once, and new violations are added together (see
// freshViolations): three years of a large centre are thousands of rows.
func (s *Store) ImportViolations(rows []ViolationRow) (ImportStats, error) {
	var st ImportStats
	op := s.Operator()
	now := s.Now()
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		roster, err := rosterByNo(tx)
		if err != nil {
			return err
		}
		locked, err := lockedMonths(tx)
		if err != nil {
			return err
		}
		moves, err := loadWindowHistory(tx)
		if err != nil {
			return err
		}
		known, err := storedViolationsAround(tx, rows)
		if err != nil {
			return err
		}
		var fresh freshViolations
		added := map[violationKey]*Violation{} // the new ones, for repeats in the file
		for _, r := range rows {
			p, ok := roster[r.EmployeeNo]
			if !ok {
				return FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}}
			}
			next := Violation{StaffID: p.ID, On: r.On, Category: r.Category, Circumstances: r.Circumstances, RecordedBy: r.RecordedBy}
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("工号 %s %s：%w", r.EmployeeNo, r.On, fe)
			}
			if r.ID != 0 {
				var rec Violation
				if err := findByKey(tx, KeyViolation, r.ID, &rec); err != nil {
					return err
				}
				if rec.ComplaintID != nil {
					return FieldErrors{{"编号", "这条违规由投诉核查属实产生，请在投诉中修改"}}
				}
				if next.RecordedBy == "" {
					next.RecordedBy = rec.RecordedBy
				}
				if rec.StaffID == next.StaffID && rec.On == next.On && rec.Category == next.Category &&
					rec.Circumstances == next.Circumstances && rec.RecordedBy == next.RecordedBy {
					st.Unchanged++
					continue
				}
				rec.StaffID, rec.On, rec.Category, rec.Circumstances, rec.RecordedBy = next.StaffID, next.On, next.Category, next.Circumstances, next.RecordedBy
				if err := saveViolationTx(tx, a, &rec); err != nil {
					return err
				}
				st.Updated++
				continue
			}
			key := violationKeyOf(next)
			if v := added[key]; v != nil {
				if next.RecordedBy != "" && v.RecordedBy != next.RecordedBy {
					v.RecordedBy = next.RecordedBy
					st.Updated++
				} else {
					st.Unchanged++
				}
				continue
			}
			if old, ok := known[key]; ok {
				if next.RecordedBy == "" || old.RecordedBy == next.RecordedBy {
					st.Unchanged++
					continue
				}
				rec := old
				rec.RecordedBy = next.RecordedBy
				if err := saveViolationTx(tx, a, &rec); err != nil {
					return err
				}
				known[key] = rec
				st.Updated++
				continue
			}
			if m := MonthOf(next.On); locked[m] {
				return refuseLocked(tx, "记录或更改违规", m)
			}
			if next.RecordedBy == "" {
				next.RecordedBy = op
			}
			next.WindowID = moves.at(p.ID, next.On)
			v := fresh.add(next, nil)
			added[key] = v
			st.Created++
		}
		return fresh.saveTx(tx, a, now)
	})
	return st, err
}

// violationKey is what an import matches a violation without 编号 on.
type violationKey struct {
	staffID                 uint
	on                      Date
	category, circumstances string
}

func violationKeyOf(v Violation) violationKey {
	return violationKey{v.StaffID, v.On, v.Category, v.Circumstances}
}

// storedViolationsAround reads the stored violations from the first to the
// last 日期 of the rows, by what an import matches them on.
func storedViolationsAround(tx *gorm.DB, rows []ViolationRow) (map[violationKey]Violation, error) {
	out := map[violationKey]Violation{}
	list, err := storedOnDaysOf[Violation](tx, rows, func(r ViolationRow) Date { return r.On })
	if err != nil {
		return nil, err
	}
	for _, v := range list {
		if _, ok := out[violationKeyOf(v)]; !ok {
			out[violationKeyOf(v)] = v
		}
	}
	return out, nil
}

// freshViolations are new violations saved together, as an import adds
// them. Each takes the ladder step its history gives, the other new ones
// included, and each person's stored violations of the category from the
// earliest new one on are renumbered once, not once for every new one: the
// result is the one saving them one by one gives.
type freshViolations struct {
	list []freshViolation
}

type freshViolation struct {
	v    *Violation
	from *Complaint // the complaint that creates it, or nil
}

// add keeps v, created by the complaint from (or nil), to be saved; the
// returned pointer is the one saved, whose ID saveTx sets.
func (f *freshViolations) add(v Violation, from *Complaint) *Violation {
	p := &v
	f.list = append(f.list, freshViolation{p, from})
	return p
}

// saveTx inserts the new violations, in the order added, with their ladder
// steps and audit entries, and renumbers the stored ones they move.
func (f *freshViolations) saveTx(tx *gorm.DB, a *auditor, now time.Time) error {
	if len(f.list) == 0 {
		return nil
	}
	book, err := loadRuleBook(tx)
	if err != nil {
		return err
	}
	type group struct {
		staffID  uint
		category string
	}
	first := map[group]Date{} // each group's earliest new violation
	var groups []group        // in the order added
	var since Date
	for _, n := range f.list {
		g := group{n.v.StaffID, n.v.Category}
		if d, ok := first[g]; !ok || n.v.On.Before(d) {
			if !ok {
				groups = append(groups, g)
			}
			first[g] = n.v.On
		}
		// no counting period reaches further back than twelve months
		if start := periodStart(PeriodRolling12, n.v.On); since.IsZero() || start.Before(since) {
			since = start
		}
	}
	var stored []Violation
	if err := tx.Where("\"on\" >= ?", since).Order("\"on\", id").Find(&stored).Error; err != nil {
		return err
	}
	hist := map[group][]Violation{}
	redo := map[group][]Violation{}
	var top uint
	for _, v := range stored {
		top = max(top, v.ID)
		g := group{v.StaffID, v.Category}
		if d, ok := first[g]; ok {
			hist[g] = append(hist[g], v)
			if !v.On.Before(d) {
				redo[g] = append(redo[g], v)
			}
		}
	}
	// until inserted, the new ones count as recorded after every stored
	// one, in the order added: the order their ids will give them
	for i, n := range f.list {
		n.v.ID = top + 1 + uint(i)
		g := group{n.v.StaffID, n.v.Category}
		hist[g] = append(hist[g], *n.v)
	}
	who, err := staffByID(tx, f.staffIDs())
	if err != nil {
		return err
	}
	insert, err := prepareInsert(tx, insertViolationSQL)
	if err != nil {
		return err
	}
	defer insert.Close()
	for _, n := range f.list {
		v := n.v
		setLadder(book, hist[group{v.StaffID, v.Category}], v, n.from)
		v.CreatedAt, v.UpdatedAt = now, now
		if v.ID, err = insert.insertID(tx.Statement.Context, violationArgs(v)...); err != nil {
			return err
		}
		v.Staff = who[v.StaffID]
		a.create(v)
	}
	var moved []Violation
	for _, list := range redo {
		moved = append(moved, list...)
	}
	from, err := complaintsBehind(tx, moved)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if err := restepTx(tx, a, book, hist[g], redo[g], from, who[g.staffID]); err != nil {
			return err
		}
	}
	return nil
}

// staffIDs lists the people of the new violations, each once.
func (f *freshViolations) staffIDs() []uint {
	seen := map[uint]bool{}
	var ids []uint
	for _, n := range f.list {
		if !seen[n.v.StaffID] {
			seen[n.v.StaffID] = true
			ids = append(ids, n.v.StaffID)
		}
	}
	return ids
}

// insertViolationSQL adds a new violation; violationArgs gives its values.
const insertViolationSQL = `INSERT INTO violations (staff_id, window_id, "on", category, circumstances, recorded_by, evidence, source,
step, step_action, override, override_reason, suggested_step, complaint_id, notice_level, loses_quarter_star, loses_window_month,
stops_monthly_bonus, reports_to_home_unit, scored_as_complaint, aggravated, consequence_list, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func violationArgs(v *Violation) []any {
	return []any{v.StaffID, v.WindowID, v.On, v.Category, v.Circumstances, v.RecordedBy, v.Evidence, v.Source,
		v.Step, v.StepAction, v.Override, v.OverrideReason, v.SuggestedStep, v.ComplaintID, v.NoticeLevel, v.LosesQuarterStar, v.LosesWindowMonth,
		v.StopsMonthlyBonus, v.ReportsToHomeUnit, v.ScoredAsComplaint, v.Aggravated, v.ConsequenceList, v.CreatedAt, v.UpdatedAt}
}
