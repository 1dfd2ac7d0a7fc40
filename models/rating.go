package models

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The national five rating levels (好差评).
const (
	RatingVeryGood    = "非常满意"
	RatingGood        = "满意"
	RatingFair        = "基本满意"
	RatingPoor        = "不满意"
	RatingVeryPoor    = "非常不满意"
	RatingLevelsLabel = "非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意"
)

// RatingLevels lists the levels, best first.
var RatingLevels = []string{RatingVeryGood, RatingGood, RatingFair, RatingPoor, RatingVeryPoor}

// IsBadRating reports whether a level is a 差评 (不满意 / 非常不满意).
func IsBadRating(level string) bool { return level == RatingPoor || level == RatingVeryPoor }

// IsSatisfied reports whether a level counts as satisfied for 满意率.
func IsSatisfied(level string) bool {
	return level == RatingVeryGood || level == RatingGood || level == RatingFair
}

// Rectification states of a 差评 (整改状态).
const (
	RectifyPending = "待整改"
	RectifyWorking = "整改中"
	RectifyDone    = "整改完成"
	RectifyInvalid = "无效差评"
)

// RectifyStates lists the states in workflow order.
var RectifyStates = []string{RectifyPending, RectifyWorking, RectifyDone, RectifyInvalid}

// Rating is one 好差评 rating of a window and, where the platform names
// them, a person. A 差评 opens a rectification item (RectifyStatus) due
// RectifyDue, the rule set's working days after the rating.
type Rating struct {
	ID       uint          `gorm:"primaryKey"`
	On       Date          `gorm:"not null;index"`
	WindowID uint          `gorm:"not null;index"`
	Window   ServiceWindow `gorm:"foreignKey:WindowID;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	StaffID  *uint         `gorm:"index"`
	Staff    *Staff        `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Level    string        `gorm:"size:8;not null;index"`
	CaseNo   string        `gorm:"size:64"` // 办件编号
	Comment  string        `gorm:"size:512"`
	// rectification of a 差评 (整改事项)
	RectifyStatus   string `gorm:"size:8;index"` // "" for a good rating
	RectifyDue      Date
	RectifyMeasures string `gorm:"size:512"` // 整改措施 / 复核意见
	RectifiedOn     Date
	CreatedAt       time.Time
	UpdatedAt       time.Time
	// Version rises with every change (see versionedTables)
	Version int `gorm:"not null;default:0"`
}

func (r Rating) auditEntity() string { return "好差评" }
func (r Rating) auditKey() string {
	return fmt.Sprintf("%s %s %s %s", r.On, r.Window.Code, r.StaffLabel(), r.Level)
}
func (r Rating) auditFields() []AuditField {
	return []AuditField{
		{"日期", r.On.String()}, {"窗口", r.Window.Label()}, {"人员", r.StaffLabel()},
		{"评价", r.Level}, {"办件编号", r.CaseNo}, {"评价内容", r.Comment},
		{"整改状态", r.RectifyStatus}, {"整改期限", r.RectifyDue.String()},
		{"整改措施", r.RectifyMeasures}, {"整改完成日期", r.RectifiedOn.String()},
	}
}

// StaffLabel is "工号 姓名" of the person rated, or "".
func (r Rating) StaffLabel() string {
	if r.Staff == nil {
		return ""
	}
	return r.Staff.EmployeeNo + " " + r.Staff.Name
}

// RectifyOverdue reports whether the rectification is still open after its deadline.
func (r Rating) RectifyOverdue(today Date) bool {
	return (r.RectifyStatus == RectifyPending || r.RectifyStatus == RectifyWorking) &&
		!r.RectifyDue.IsZero() && today.After(r.RectifyDue)
}

// RatingRow is one rating as the ratings file gives it.
type RatingRow struct {
	ID            uint // the record its 编号 names; 0 for a new one
	On            Date
	WindowCode    string
	EmployeeNo    string
	Level, CaseNo string
	Comment       string
	// rectification state of a 差评 as exported; empty opens a new item
	RectifyStatus, RectifyMeasures string
	RectifiedOn                    Date
}

func (r RatingRow) key() string {
	return strings.Join([]string{r.On.String(), r.WindowCode, r.EmployeeNo, r.Level, r.CaseNo}, "|")
}

// CheckRatingLevel returns the reason a level is not one of the five, or "".
func CheckRatingLevel(level string) string {
	if oneOf(level, RatingLevels) {
		return ""
	}
	return fmt.Sprintf("评价“%s”不存在，只能是 %s", level, RatingLevelsLabel)
}

// ImportRatings adds ratings in one transaction. A row with a 编号 updates
// the rating it names. Rows without one are counted: equal rows (date,
// window, person, level, case) match the stored ones in turn, a matched row
// with another rectification state updates it, and importing the same file
// twice adds nothing. Each new 差评 opens a rectification item.
func (s *Store) ImportRatings(rows []RatingRow) (ImportStats, error) {
	var st ImportStats
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		if err := refuseLocked(tx, "导入评价", rowMonths(rows, func(r RatingRow) Date { return r.On })...); err != nil {
			return err
		}
		roster, err := rosterByNo(tx)
		if err != nil {
			return err
		}
		byCode, err := windowsByCode(tx)
		if err != nil {
			return err
		}
		stored, err := ratingsOnDaysOf(tx, rows)
		if err != nil {
			return err
		}
		have := map[string][]Rating{}
		for _, r := range stored {
			no := ""
			if r.Staff != nil {
				no = r.Staff.EmployeeNo
			}
			k := RatingRow{On: r.On, WindowCode: r.Window.Code, EmployeeNo: no, Level: r.Level, CaseNo: r.CaseNo}.key()
			have[k] = append(have[k], r)
		}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		book, err := loadRuleBook(tx)
		if err != nil {
			return err
		}
		insert, err := prepareInsert(tx, insertRatingSQL)
		if err != nil {
			return err
		}
		defer insert.Close()
		now := s.Now()
		for _, r := range rows {
			if r.ID != 0 {
				changed, err := s.updateRatingByKey(tx, a, r, byCode, roster, cal, book)
				if err != nil {
					return err
				}
				if changed {
					st.Updated++
				} else {
					st.Unchanged++
				}
				continue
			}
			k := r.key()
			if len(have[k]) > 0 {
				rec := have[k][0]
				have[k] = have[k][1:]
				// a file without 编号 may still carry a new rectification
				// state for the rating it matches: it is applied, not dropped
				if r.RectifyStatus == "" || (r.RectifyStatus == rec.RectifyStatus && r.RectifyMeasures == rec.RectifyMeasures &&
					(r.RectifiedOn.IsZero() || r.RectifiedOn == rec.RectifiedOn)) {
					st.Unchanged++
					continue
				}
				r.ID = rec.ID
				if r.Comment == "" {
					r.Comment = rec.Comment
				}
				changed, err := s.updateRatingByKey(tx, a, r, byCode, roster, cal, book)
				if err != nil {
					return err
				}
				if changed {
					st.Updated++
				} else {
					st.Unchanged++
				}
				continue
			}
			w, ok := byCode[r.WindowCode]
			if !ok {
				return FieldErrors{{"窗口编号", fmt.Sprintf("窗口 %s 不存在，请先导入窗口", r.WindowCode)}}
			}
			next := Rating{On: r.On, WindowID: w.ID, Level: r.Level, CaseNo: r.CaseNo, Comment: r.Comment}
			if r.EmployeeNo != "" {
				p, ok := roster[r.EmployeeNo]
				if !ok {
					return FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}}
				}
				next.StaffID, next.Staff = &p.ID, &p
			}
			if msg := CheckRatingLevel(next.Level); msg != "" {
				return FieldErrors{{"评价", msg}}
			}
			if IsBadRating(next.Level) {
				next.RectifyStatus = RectifyPending
				next.RectifyDue = cal.AddWorkingDays(next.On, book.at(next.On).Conduct.resolved().RectifyDays)
				if oneOf(r.RectifyStatus, RectifyStates) {
					next.RectifyStatus, next.RectifyMeasures = r.RectifyStatus, r.RectifyMeasures
					if r.RectifyStatus == RectifyDone || r.RectifyStatus == RectifyInvalid {
						next.RectifiedOn = r.RectifiedOn
					}
				}
			}
			next.Window, next.CreatedAt, next.UpdatedAt = w, now, now
			next.ID, err = insert.insertID(tx.Statement.Context, next.On, next.WindowID, next.StaffID, next.Level, next.CaseNo, next.Comment,
				next.RectifyStatus, next.RectifyDue, next.RectifyMeasures, next.RectifiedOn, now, now)
			if err != nil {
				return err
			}
			a.create(&next)
			st.Created++
		}
		return nil
	})
	return st, err
}

// insertRatingSQL adds a new rating; an import adds tens of thousands
// with it, prepared once.
const insertRatingSQL = `INSERT INTO ratings ("on", window_id, staff_id, level, case_no, comment,
rectify_status, rectify_due, rectify_measures, rectified_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// ratingsOnDaysOf reads the stored ratings, with window and person, from
// the first to the last day of the rows without 编号, which are matched with
// them: a month's file reads a month, however long the history.
func ratingsOnDaysOf(tx *gorm.DB, rows []RatingRow) ([]Rating, error) {
	var from, to Date
	for _, r := range rows {
		if r.ID != 0 {
			continue
		}
		if from.IsZero() || r.On.Before(from) {
			from = r.On
		}
		if to.IsZero() || r.On.After(to) {
			to = r.On
		}
	}
	if from.IsZero() {
		return nil, nil
	}
	var stored []Rating
	err := tx.Preload("Window").Preload("Staff").Where("\"on\" >= ? AND \"on\" <= ?", from, to).Find(&stored).Error
	return stored, err
}

// updateRatingByKey applies a row with a 编号 to the rating it names, its
// rectification state included, and reports whether anything changed.
func (s *Store) updateRatingByKey(tx *gorm.DB, a *auditor, r RatingRow, byCode map[string]ServiceWindow,
	roster map[string]Staff, cal *Calendar, book ruleBook) (bool, error) {
	var rec Rating
	if err := findByKey(tx, KeyRating, r.ID, &rec); err != nil {
		return false, err
	}
	w, ok := byCode[r.WindowCode]
	if !ok {
		return false, FieldErrors{{"窗口编号", fmt.Sprintf("窗口 %s 不存在，请先导入窗口", r.WindowCode)}}
	}
	next := rec
	next.On, next.WindowID, next.Level, next.CaseNo, next.Comment = r.On, w.ID, r.Level, r.CaseNo, r.Comment
	next.StaffID = nil
	if r.EmployeeNo != "" {
		p, ok := roster[r.EmployeeNo]
		if !ok {
			return false, FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}}
		}
		id := p.ID
		next.StaffID = &id
	}
	if msg := CheckRatingLevel(next.Level); msg != "" {
		return false, FieldErrors{{"评价", msg}}
	}
	if IsBadRating(next.Level) {
		if !IsBadRating(rec.Level) || rec.On != next.On || next.RectifyDue.IsZero() {
			next.RectifyDue = cal.AddWorkingDays(next.On, book.at(next.On).Conduct.resolved().RectifyDays)
		}
		next.RectifyStatus, next.RectifyMeasures = r.RectifyStatus, r.RectifyMeasures
		if next.RectifyStatus == "" {
			next.RectifyStatus = RectifyPending
		}
		if n := len([]rune(next.RectifyMeasures)); n > 250 {
			return false, FieldErrors{{"整改措施", fmt.Sprintf("整改措施不能超过250个字，现有 %d 个字", n)}}
		}
		switch next.RectifyStatus {
		case RectifyDone, RectifyInvalid:
			if next.RectifyMeasures == "" {
				return false, FieldErrors{{"整改措施", "整改完成或认定为无效差评的，请写明整改措施或复核意见"}}
			}
			next.RectifiedOn = r.RectifiedOn
			if next.RectifiedOn.IsZero() {
				next.RectifiedOn = rec.RectifiedOn
			}
			if next.RectifiedOn.IsZero() {
				next.RectifiedOn = s.Today()
			}
		default:
			next.RectifiedOn = Date{}
		}
	} else {
		next.RectifyStatus, next.RectifyMeasures, next.RectifyDue, next.RectifiedOn = "", "", Date{}, Date{}
	}
	sid := func(p *uint) uint {
		if p == nil {
			return 0
		}
		return *p
	}
	if rec.On == next.On && rec.WindowID == next.WindowID && sid(rec.StaffID) == sid(next.StaffID) && rec.Level == next.Level &&
		rec.CaseNo == next.CaseNo && rec.Comment == next.Comment && rec.RectifyStatus == next.RectifyStatus &&
		rec.RectifyMeasures == next.RectifyMeasures && rec.RectifiedOn == next.RectifiedOn && rec.RectifyDue == next.RectifyDue {
		return false, nil
	}
	if err := refuseLocked(tx, "修改评价", MonthOf(rec.On), MonthOf(next.On)); err != nil {
		return false, err
	}
	next.Window, next.Staff = ServiceWindow{}, nil
	return true, saveRatingTx(tx, a, &next)
}

// SaveRating records a single rating (ID 0) or updates one; a new 差评
// opens its rectification item.
func (s *Store) SaveRating(r *Rating) error {
	var fe FieldErrors
	if r.On.IsZero() {
		fe.add("日期", "请填写日期")
	}
	if r.WindowID == 0 {
		fe.add("窗口编号", "请选择窗口")
	}
	if msg := CheckRatingLevel(r.Level); msg != "" {
		fe.add("评价", msg)
	}
	if n := len([]rune(r.Comment)); n > 500 {
		fe.add("评价内容", fmt.Sprintf("评价内容不能超过500个字，现有 %d 个字", n))
	}
	if n := len([]rune(r.CaseNo)); n > 64 {
		fe.add("办件编号", fmt.Sprintf("办件编号不能超过64个字，现有 %d 个字", n))
	}
	if len(fe) > 0 {
		return fe
	}
	if r.StaffID != nil && *r.StaffID == 0 {
		r.StaffID = nil
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if r.ID != 0 {
			if err := checkFreshTx[Rating](tx, r.ID, r.Version); err != nil {
				return err
			}
		}
		if err := refuseLocked(tx, "录入或更改评价", MonthOf(r.On)); err != nil {
			return err
		}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		book, err := loadRuleBook(tx)
		if err != nil {
			return err
		}
		switch {
		case IsBadRating(r.Level) && r.RectifyStatus == "":
			r.RectifyStatus = RectifyPending
			r.RectifyDue = cal.AddWorkingDays(r.On, book.at(r.On).Conduct.resolved().RectifyDays)
		case !IsBadRating(r.Level):
			r.RectifyStatus, r.RectifyDue, r.RectifiedOn = "", Date{}, Date{}
		}
		if err := saveRatingTx(tx, a, r); err != nil {
			return err
		}
		return readVersionTx(tx, "ratings", r.ID, &r.Version)
	})
}

func saveRatingTx(tx *gorm.DB, a *auditor, r *Rating) error {
	var before *Rating
	if r.ID != 0 {
		before = new(Rating)
		if err := tx.Preload("Window").Preload("Staff").First(before, r.ID).Error; err != nil {
			return notFound(err)
		}
		r.CreatedAt = before.CreatedAt
		if err := tx.Omit("created_at", clause.Associations).Save(r).Error; err != nil {
			return err
		}
	} else if err := tx.Omit(clause.Associations).Create(r).Error; err != nil {
		return err
	}
	if err := tx.Preload("Window").Preload("Staff").First(r, r.ID).Error; err != nil {
		return err
	}
	if before == nil {
		a.create(r)
	} else {
		a.update(before, r)
	}
	return nil
}

// SetRectification moves a 差评's rectification item to status (整改中,
// 整改完成 or 无效差评, or back to 待整改) with the measures taken or the
// review's reason; completing it records the day.
func (s *Store) SetRectification(id uint, status, measures string, on Date) error {
	measures = strings.TrimSpace(measures)
	var fe FieldErrors
	if !oneOf(status, RectifyStates) {
		fe.add("整改状态", "整改状态只能是 "+strings.Join(RectifyStates, " / "))
	}
	if (status == RectifyDone || status == RectifyInvalid) && measures == "" {
		if status == RectifyDone {
			fe.add("整改措施", "请写明整改措施")
		} else {
			fe.add("整改措施", "请写明认定为无效差评的复核意见")
		}
	}
	if len([]rune(measures)) > 250 {
		fe.add("整改措施", "整改措施不能超过250个字")
	}
	if len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var r Rating
		if err := tx.First(&r, id).Error; err != nil {
			return notFound(err)
		}
		if r.RectifyStatus == "" {
			return refused("这条评价不是差评，没有整改事项")
		}
		r.RectifyStatus, r.RectifyMeasures = status, measures
		if status == RectifyDone || status == RectifyInvalid {
			if on.IsZero() {
				on = s.Today()
			}
			r.RectifiedOn = on
		} else {
			r.RectifiedOn = Date{}
		}
		return saveRatingTx(tx, a, &r)
	})
}

// DeleteRating deletes a rating (and its rectification item).
func (s *Store) DeleteRating(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var r Rating
		if err := tx.Preload("Window").Preload("Staff").First(&r, id).Error; err != nil {
			return notFound(err)
		}
		if err := refuseLocked(tx, "删除该月的评价", MonthOf(r.On)); err != nil {
			return err
		}
		if err := tx.Delete(&Rating{}, id).Error; err != nil {
			return err
		}
		a.delete(&r)
		return nil
	})
}

// RatingFilter narrows ratings; empty fields match everything.
type RatingFilter struct {
	StaffID  uint
	WindowID uint
	Level    string
	From, To Date // inclusive
	Bad      bool // only 差评 (the rectification ledger)
	Rectify  string
	Overdue  Date // when set: only rectification items still open after their deadline on this day
	// Words: each must be in the 办件编号, the comment, the level, the
	// person's name or 工号, or the window's code or name
	Words []string
}

// Ratings lists ratings with window and person, in date order.
func (s *Store) Ratings(f RatingFilter) ([]Rating, error) {
	var out []Rating
	return out, s.ratingQuery(f).Preload("Window").Preload("Staff").Order("\"on\", id").Find(&out).Error
}

// A centre's ratings are tens of thousands after a few years: 评价明细 reads
// them a page at a time, sorted and counted by the database.

// Keys of PageOrder.By for ratings. A window sorts by its code, a person by
// name.
const (
	SortRatingOn      = "on"
	SortRatingWindow  = "window"
	SortRatingStaff   = "staff"
	SortRatingLevel   = "level"
	SortRatingCaseNo  = "case_no"
	SortRatingComment = "comment"
)

// ratingSortColumns are the expressions PageOrder.By may name for ratings:
// the only text that reaches ORDER BY.
var ratingSortColumns = map[string]string{
	SortRatingOn:     `"on"`,
	SortRatingWindow: "(SELECT code FROM service_windows WHERE service_windows.id = ratings.window_id)",
	SortRatingStaff:  "(SELECT name FROM staff WHERE staff.id = ratings.staff_id)",
	SortRatingLevel:  "level", SortRatingCaseNo: "case_no", SortRatingComment: "comment",
}

// RatingsPage lists at most limit of the ratings the filter selects, from
// the offset-th in the order given (newest first by default), with their
// window and person.
func (s *Store) RatingsPage(f RatingFilter, o PageOrder, offset, limit int) ([]Rating, error) {
	order, err := o.clause(ratingSortColumns, `"on" DESC, id DESC`, `"on", id`)
	if err != nil {
		return nil, err
	}
	var out []Rating
	err = s.ratingQuery(f).Preload("Window").Preload("Staff").Order(order).Offset(offset).Limit(limit).Find(&out).Error
	return out, err
}

// CountRatings counts the ratings the filter selects.
func (s *Store) CountRatings(f RatingFilter) (int, error) {
	var n int64
	err := s.ratingQuery(f).Count(&n).Error
	return int(n), err
}

// ratingQuery selects the ratings f matches.
func (s *Store) ratingQuery(f RatingFilter) *gorm.DB {
	q := s.db.Model(&Rating{})
	if f.StaffID != 0 {
		q = q.Where("staff_id = ?", f.StaffID)
	}
	if f.WindowID != 0 {
		q = q.Where("window_id = ?", f.WindowID)
	}
	if f.Level != "" {
		q = q.Where("level = ?", f.Level)
	}
	if !f.From.IsZero() {
		q = q.Where("\"on\" >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("\"on\" <= ?", f.To)
	}
	if f.Bad {
		q = q.Where("level IN ?", []string{RatingPoor, RatingVeryPoor})
	}
	if f.Rectify != "" {
		q = q.Where("rectify_status = ?", f.Rectify)
	}
	if !f.Overdue.IsZero() {
		q = q.Where("rectify_status IN ? AND rectify_due < ?", []string{RectifyPending, RectifyWorking}, f.Overdue)
	}
	for _, w := range f.Words {
		like := containsPattern(w)
		q = q.Where(caseless(s.db, `case_no LIKE ? ESCAPE '\' OR comment LIKE ? ESCAPE '\' OR level LIKE ? ESCAPE '\' OR
staff_id IN (SELECT id FROM staff WHERE name LIKE ? ESCAPE '\' OR employee_no LIKE ? ESCAPE '\') OR
window_id IN (SELECT id FROM service_windows WHERE code LIKE ? ESCAPE '\' OR name LIKE ? ESCAPE '\')`),
			like, like, like, like, like, like, like)
	}
	return q
}

// Satisfaction is the rating tally of one person or window in a month.
type Satisfaction struct {
	Key    string // 工号 or 窗口编号
	Name   string
	Counts map[string]int // by level
	Rated  int
}

// Satisfied is 非常满意 + 满意 + 基本满意.
func (x Satisfaction) Satisfied() int {
	return x.Counts[RatingVeryGood] + x.Counts[RatingGood] + x.Counts[RatingFair]
}

// Bad is 不满意 + 非常不满意.
func (x Satisfaction) Bad() int { return x.Counts[RatingPoor] + x.Counts[RatingVeryPoor] }

// Rate is 满意率 = satisfied / rated, in [0, 1]; ok is false with no ratings.
func (x Satisfaction) Rate() (rate float64, ok bool) {
	if x.Rated == 0 {
		return 0, false
	}
	return float64(x.Satisfied()) / float64(x.Rated), true
}

// RateText is 满意率 as a percentage with one decimal ("97.5%"), or "—".
func (x Satisfaction) RateText() string {
	r, ok := x.Rate()
	if !ok {
		return "—"
	}
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", r*100), "0"), ".") + "%"
}

// SatisfactionByMonth tallies the month's ratings ("2026-11") per person
// (byStaff) or per window, sorted by 工号 / 窗口编号. Ratings without a
// person count for their window only.
func (s *Store) SatisfactionByMonth(month string, byStaff bool) ([]Satisfaction, error) {
	first, err := ParseMonth(month)
	if err != nil {
		return nil, err
	}
	_, last := MonthSpan(first)
	list, err := s.Ratings(RatingFilter{From: first, To: last})
	if err != nil {
		return nil, err
	}
	return tallyRatings(list, first, byStaff), nil
}

func tallyRatings(list []Rating, first Date, byStaff bool) []Satisfaction {
	by := map[string]*Satisfaction{}
	for _, r := range list {
		if r.On.Year() != first.Year() || r.On.Month() != first.Month() {
			continue
		}
		var key, name string
		if byStaff {
			if r.Staff == nil {
				continue
			}
			key, name = r.Staff.EmployeeNo, r.Staff.Name
		} else {
			key, name = r.Window.Code, r.Window.Name
		}
		x := by[key]
		if x == nil {
			x = &Satisfaction{Key: key, Name: name, Counts: map[string]int{}}
			by[key] = x
		}
		x.Counts[r.Level]++
		x.Rated++
	}
	out := make([]Satisfaction, 0, len(by))
	for _, x := range by {
		out = append(out, *x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}
