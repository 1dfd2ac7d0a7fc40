package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// The selection (评选) of the monthly 满意窗口 and the quarterly 服务明星 goes
// through fixed steps, none of which can be skipped:
//
//	计算 → 封帐 → 提名 → 评选会 → 公示 → 决定 → 表彰
//
// 计算 and 封帐 are the months' scoring states (scoring_store.go); 提名,
// 评选会, 公示 and 决定 are stored here; 表彰 is the 表彰决定 in the register
// of documents (notice.go). Nothing is nominated before the period ends and
// its months are closed; a month of a selection unlocked afterwards flags
// the selection until someone reviews it.

// Selection kinds: what is selected, over which period.
const (
	SelectWindow = "满意窗口" // a month: 2026-11
	SelectStar   = "服务明星" // a quarter: 2026Q4
)

// The stages of a selection, in order.
const (
	StageScoring   = "计算"
	StageLocked    = "封帐"
	StageNominated = "提名"
	StageMeeting   = "评选会"
	StagePublicity = "公示"
	StageDecided   = "决定"
	StageCommended = "表彰"
)

// SelectionStages are the stages in order, as the screens show them.
var SelectionStages = []string{StageScoring, StageLocked, StageNominated, StageMeeting, StagePublicity, StageDecided, StageCommended}

// StageIndex is a stage's place in SelectionStages (-1 for none).
func StageIndex(stage string) int {
	for i, s := range SelectionStages {
		if s == stage {
			return i
		}
	}
	return -1
}

// CommendationKind is the register's kind of the decision that ends a
// selection; its Ref is the period.
const CommendationKind = "表彰决定"

// Selection is one selection of a period: the shortlist's date and the
// data it was drawn from, the meeting, the 公示 and the decision. Its
// candidates, votes and objections are rows of their own.
type Selection struct {
	ID     uint   `gorm:"primaryKey"`
	Kind   string `gorm:"size:8;not null;uniqueIndex:idx_selection,priority:1"`
	Period string `gorm:"size:7;not null;uniqueIndex:idx_selection,priority:2"`
	Stage  string `gorm:"size:8;not null"`
	Places int    // 名额, from the rule set when nominated
	// NominatedOn and DataAsOf: when the shortlist was drawn, and the moment
	// of the data it was drawn from (数据截至).
	NominatedOn Date
	DataAsOf    time.Time `gorm:"serializer:civil;type:datetime"`

	MeetingOn Date
	Place     string `gorm:"size:128"`
	Chair     string `gorm:"size:64"` // 主持人
	Recorder  string `gorm:"size:64"` // 记录人
	// Members are the meeting's members, one a line (应到); Absent those of
	// them who were not there.
	Members         string `gorm:"size:2048"`
	Absent          string `gorm:"size:2048"`
	Expected        int    // 应到
	Present         int    // 实到
	Scrutineer      string `gorm:"size:64"` // 监票人
	Teller          string `gorm:"size:64"` // 计票人
	Named           bool   // 记名投票; 无记名 by default
	BallotsIssued   int    // 发出
	BallotsReturned int    // 收回
	BallotsInvalid  int    // 无效
	Minutes         string `gorm:"size:2048"` // 会议情况, for the 会议记录

	PublicityFrom Date
	PublicityTo   Date
	PublicityDays int
	Contact       string `gorm:"size:128"`

	DecidedOn Date
	// Flag says why the basis of the selection may have changed (a month of
	// it unlocked after the shortlist was drawn); steps wait until it is
	// reviewed or the shortlist drawn again.
	Flag string `gorm:"size:2048"`
	// Redo is why a step was last recorded again.
	Redo string `gorm:"size:512"`
	// Legacy marks a decision recorded by an earlier version, without a
	// meeting record or 公示.
	Legacy    bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (s Selection) auditEntity() string { return "评选程序" }
func (s Selection) auditKey() string    { return PeriodTitle(s.Period) + s.Kind }
func (s Selection) auditFields() []AuditField {
	f := []AuditField{{"评选", s.Kind}, {"期间", PeriodTitle(s.Period)}, {"阶段", s.Stage}, {"名额", fmt.Sprint(s.Places)},
		{"提名日期", s.NominatedOn.String()}}
	if !s.MeetingOn.IsZero() {
		mode := "无记名投票"
		if s.Named {
			mode = "记名投票"
		}
		f = append(f, AuditField{"评选会日期", s.MeetingOn.String()}, AuditField{"应到/实到", fmt.Sprintf("%d/%d", s.Expected, s.Present)},
			AuditField{"监票人", s.Scrutineer}, AuditField{"计票人", s.Teller}, AuditField{"表决方式", mode},
			AuditField{"发出/收回/无效", fmt.Sprintf("%d/%d/%d", s.BallotsIssued, s.BallotsReturned, s.BallotsInvalid)})
	}
	if !s.PublicityFrom.IsZero() {
		f = append(f, AuditField{"公示期", s.PublicityFrom.String() + "至" + s.PublicityTo.String()})
	}
	if !s.DecidedOn.IsZero() {
		f = append(f, AuditField{"决定日期", s.DecidedOn.String()})
	}
	return append(f, AuditField{"复核提示", s.Flag}, AuditField{"重新记录原因", s.Redo})
}

// SelectionNominee is a candidate of a selection: a window or a person of
// the shortlist (or written in at the meeting, 另选他人), with the figures
// of the ranking when the shortlist was drawn.
type SelectionNominee struct {
	ID          uint   `gorm:"primaryKey"`
	SelectionID uint   `gorm:"not null;index"`
	SubjectID   uint   `gorm:"not null"` // the window or the person
	Code        string `gorm:"size:32"`  // 窗口编号 or 工号
	Name        string `gorm:"size:128"`
	Unit        string `gorm:"size:128"` // 派驻单位
	Window      string `gorm:"size:128"` // the window of the period (people)
	Rank        int
	Score       float64
	// Tied marks a candidate equal on score with another at the cut (并列);
	// TieNote says how the ranking's rule would place them.
	Tied    bool
	TieNote string `gorm:"size:256"`
	WriteIn bool   // 另选他人
	Awarded bool   // set by the decision
}

// SelectionVote is one candidate's votes in one round of the meeting.
type SelectionVote struct {
	ID          uint `gorm:"primaryKey"`
	SelectionID uint `gorm:"not null;index"`
	Round       int  `gorm:"not null"`
	SubjectID   uint `gorm:"not null"`
	Agree       int  // 同意
	Disagree    int  // 不同意
	Abstain     int  // 弃权
}

// SelectionObjection is an objection raised during the 公示: who raised it
// and when, against whom, what, and how it was resolved.
type SelectionObjection struct {
	ID          uint   `gorm:"primaryKey"`
	SelectionID uint   `gorm:"not null;index"`
	ReceivedOn  Date   `gorm:"not null"`
	Objector    string `gorm:"size:128;not null"` // 反映人 (name, unit, how to reach)
	SubjectID   uint   // the candidate concerned, 0 for none
	Content     string `gorm:"size:1024;not null"`
	Outcome     string `gorm:"size:1024"` // 处理结果
	Upheld      bool   // 异议成立: the candidate concerned is not awarded
	ResolvedOn  Date
	RecordedBy  string `gorm:"size:64"`
	ResolvedBy  string `gorm:"size:64"`
	CreatedAt   time.Time
	UpdatedAt   time.Time

	key string // the selection, for the audit log
}

// Resolved tells whether the objection has its outcome.
func (o SelectionObjection) Resolved() bool { return !o.ResolvedOn.IsZero() }

func (o SelectionObjection) auditEntity() string { return "评选异议" }
func (o SelectionObjection) auditKey() string    { return o.key }
func (o SelectionObjection) auditFields() []AuditField {
	return []AuditField{{"收到日期", o.ReceivedOn.String()}, {"反映人", o.Objector}, {"异议内容", o.Content},
		{"处理结果", o.Outcome}, {"异议成立", yesNo(o.Upheld)}, {"办结日期", o.ResolvedOn.String()}}
}

// selectionLog is a step of a selection as the audit log keeps it.
type selectionLog struct {
	key    string
	fields []AuditField
}

func (l selectionLog) auditEntity() string       { return "评选程序" }
func (l selectionLog) auditKey() string          { return l.key }
func (l selectionLog) auditFields() []AuditField { return l.fields }

// PeriodTitle names a period: "2026年11月" or "2026年第四季度".
func PeriodTitle(period string) string {
	if len(period) == 6 && (period[4] == 'Q' || period[4] == 'q') {
		names := map[byte]string{'1': "一", '2': "二", '3': "三", '4': "四"}
		return period[:4] + "年第" + names[period[5]] + "季度"
	}
	if m, err := ParseMonth(period); err == nil {
		return fmt.Sprintf("%d年%d月", m.Year(), int(m.Month()))
	}
	return period
}

// QuarterOfMonth gives the quarter "2026Q4" a month "2026-11" belongs to.
func QuarterOfMonth(month string) string {
	m, err := ParseMonth(month)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%04dQ%d", m.Year(), (int(m.Month())-1)/3+1)
}

// selectionMonths gives a period's months and last day.
func selectionMonths(kind, period string) (string, []string, Date, error) {
	switch kind {
	case SelectStar:
		months, err := ParseQuarter(period)
		if err != nil {
			return "", nil, Date{}, FieldErrors{{"季度", err.Error()}}
		}
		return strings.ToUpper(strings.TrimSpace(period)), months, QuarterEnd(months), nil
	case SelectWindow:
		first, err := ParseMonth(period)
		if err != nil {
			return "", nil, Date{}, FieldErrors{{"月份", err.Error()}}
		}
		_, last := MonthSpan(first)
		return MonthOf(first), []string{MonthOf(first)}, last, nil
	}
	return "", nil, Date{}, fmt.Errorf("没有“%s”这种评选", kind)
}

// migrateSelection adds the selection's tables and carries the meeting
// decisions an earlier version recorded over as decided selections marked
// as such (Legacy): they had no meeting record and no 公示, and keep the
// votes and the date they were recorded with.
func migrateSelection(tx *gorm.DB) error {
	if err := tx.AutoMigrate(&Selection{}, &SelectionNominee{}, &SelectionVote{}, &SelectionObjection{}); err != nil {
		return err
	}
	if !tx.Migrator().HasTable("award_decisions") {
		return nil
	}
	type old struct {
		Quarter    string
		StaffID    uint
		Awarded    bool
		Votes      int
		DecidedOn  Date
		EmployeeNo string
		Name       string
	}
	var rows []old
	if err := tx.Raw(`SELECT d.quarter, d.staff_id, d.awarded, d.votes, d.decided_on, s.employee_no, s.name
		FROM award_decisions d LEFT JOIN staff s ON s.id = d.staff_id ORDER BY d.quarter, d.awarded DESC, d.votes DESC, d.id`).
		Scan(&rows).Error; err != nil {
		return err
	}
	sel := map[string]*Selection{}
	for _, r := range rows {
		s, ok := sel[r.Quarter]
		if !ok {
			var have int64
			if err := tx.Model(&Selection{}).Where("kind = ? AND period = ?", SelectStar, r.Quarter).Count(&have).Error; err != nil {
				return err
			}
			if have > 0 {
				continue // carried over already
			}
			s = &Selection{Kind: SelectStar, Period: r.Quarter, Stage: StageDecided, Legacy: true, MeetingOn: r.DecidedOn,
				DecidedOn: r.DecidedOn, NominatedOn: r.DecidedOn, Minutes: "由旧版本记录的评选结果迁入：无会议、公示记录"}
			if err := tx.Create(s).Error; err != nil {
				return err
			}
			sel[r.Quarter] = s
		}
		if r.Awarded {
			s.Places++
		}
		n := SelectionNominee{SelectionID: s.ID, SubjectID: r.StaffID, Code: r.EmployeeNo, Name: r.Name, Awarded: r.Awarded}
		if err := tx.Create(&n).Error; err != nil {
			return err
		}
		if err := tx.Create(&SelectionVote{SelectionID: s.ID, Round: 1, SubjectID: r.StaffID, Agree: r.Votes}).Error; err != nil {
			return err
		}
	}
	for _, s := range sel {
		if err := tx.Model(s).Update("places", s.Places).Error; err != nil {
			return err
		}
	}
	return nil
}
