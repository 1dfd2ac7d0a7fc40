package models

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Statuses of a leave request (请假制度: 待审批 → 已批准 / 已驳回 → 已销假).
const (
	LeavePending  = "待审批"
	LeaveApproved = "已批准"
	LeaveRejected = "已驳回"
	LeaveReturned = "已销假"
)

// LeaveStatuses lists the statuses in the order forms offer them.
var LeaveStatuses = []string{LeavePending, LeaveApproved, LeaveRejected, LeaveReturned}

// LeaveTypes lists the kinds of leave (DOMAIN.md §3). 公休假 is stored as
// 年休假 and 公假 as 公务.
var LeaveTypes = []string{"事假", "病假", "年休假", "公务", "婚假", "产假", "丧假", "调休", "其他"}

var leaveTypeAliases = map[string]string{"公休假": "年休假", "公休假/年休假": "年休假", "带薪年休假": "年休假", "公假": "公务"}

// LeaveRequest is one application for leave (请假单), in half-days: from the
// morning or afternoon of From to the morning or afternoon of To, inclusive.
type LeaveRequest struct {
	ID           uint   `gorm:"primaryKey"`
	StaffID      uint   `gorm:"not null;index"`
	Staff        Staff  `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Type         string `gorm:"size:16;not null"`
	From         Date   `gorm:"column:from_date;not null;index"`
	FromHalf     string `gorm:"size:4;not null"`
	To           Date   `gorm:"column:to_date;not null;index"`
	ToHalf       string `gorm:"size:4;not null"`
	Reason       string `gorm:"size:256"`
	Status       string `gorm:"size:8;not null;index"`
	Approver     string `gorm:"size:64"`
	RejectReason string `gorm:"size:256"`
	StandInID    *uint  `gorm:"index"` // 顶岗人员
	StandIn      *Staff `gorm:"foreignKey:StandInID;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	ReturnedOn   Date   // 销假 date; later than To means overstayed (超假)
	// AppliedAt is when the request was handed in (申请时间): the store's
	// clock when it was entered, or the date on a paper form typed in
	// later. Requests entered before it was kept have none.
	AppliedAt    time.Time `gorm:"serializer:civil;type:datetime"`
	LateReason   string    `gorm:"size:256"` // 补假说明: why a 事后补假 was not applied for in advance
	ApproverTier string    `gorm:"size:16"`  // the approver's tier (首席代表 / 综合业务科 / 中心领导)
	CreatedAt    time.Time
	UpdatedAt    time.Time
	// Version is raised by every change of the row (see versionedTables).
	Version int `gorm:"not null;default:0"`
}

func halfIndex(h string) int {
	if h == HalfPM {
		return 1
	}
	return 0
}

func (l LeaveRequest) fromSlot() int64 { return halfSlot(l.From, halfIndex(l.FromHalf)) }
func (l LeaveRequest) toSlot() int64   { return halfSlot(l.To, halfIndex(l.ToHalf)) }

// Span gives "自 11月9日上午 至 11月10日下午" (with the years when they differ
// or the leave is not in the current year's form).
func (l LeaveRequest) Span() string {
	label := func(d Date) string {
		if l.From.Year() != l.To.Year() {
			return d.Chinese()
		}
		return dayLabel(d)
	}
	return fmt.Sprintf("自 %s%s 至 %s%s", label(l.From), l.FromHalf, label(l.To), l.ToHalf)
}

// Days counts the working half-days the leave covers, in days.
func (l LeaveRequest) Days(cal *Calendar) float64 {
	n := 0
	for d := l.From; !d.After(l.To); d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		for h := 0; h < 2; h++ {
			if s := halfSlot(d, h); s >= l.fromSlot() && s <= l.toSlot() {
				n++
			}
		}
	}
	return float64(n) / 2
}

// Describe gives the request as the paper form does:
// "自 11月9日上午 至 11月10日下午，共 2 天".
func (l LeaveRequest) Describe(cal *Calendar) string {
	return fmt.Sprintf("%s，共 %s 天", l.Span(), FormatDays(l.Days(cal)))
}

// ApprovalTier names who approves the request under the given rules.
func (l LeaveRequest) ApprovalTier(cal *Calendar, rules AttendanceRules) string {
	return rules.ApprovalTier(l.Days(cal))
}

// LeaveLateLabel marks a request applied for after its leave began.
const LeaveLateLabel = "事后补假"

// StartsAt is when the leave begins under the schedule: the 上班 deadline
// of its first half-day.
func (l LeaveRequest) StartsAt(sched Schedule) time.Time {
	return clockAt(l.From, sched.InDeadline(halfIndex(l.FromHalf)))
}

// AppliedLate reports whether the request was handed in after the leave
// began (事后补假): the handbook asks for 请假应提前填写请假单. A request
// without an application time is not judged.
func (l LeaveRequest) AppliedLate(rules AttendanceRules) bool {
	return !l.AppliedAt.IsZero() && l.AppliedAt.After(l.StartsAt(rules.ScheduleFor(l.From)))
}

// Overstayed reports whether the person reported back after the leave ended.
func (l LeaveRequest) Overstayed() bool {
	return !l.ReturnedOn.IsZero() && halfSlot(l.ReturnedOn, 0) > l.toSlot()+1
}

func (l LeaveRequest) auditEntity() string { return "请假" }
func (l LeaveRequest) auditKey() string {
	return fmt.Sprintf("%s %s %s%s", l.Staff.EmployeeNo, l.Staff.Name, l.From, l.FromHalf)
}
func (l LeaveRequest) auditFields() []AuditField {
	standIn := ""
	if l.StandIn != nil {
		standIn = l.StandIn.EmployeeNo + " " + l.StandIn.Name
	}
	return []AuditField{
		{"人员", l.Staff.EmployeeNo + " " + l.Staff.Name}, {"类型", l.Type},
		{"开始", l.From.String() + " " + l.FromHalf}, {"结束", l.To.String() + " " + l.ToHalf},
		{"事由", l.Reason}, {"状态", l.Status}, {"审批人", l.Approver}, {"驳回理由", l.RejectReason},
		{"顶岗人员", standIn}, {"销假日期", l.ReturnedOn.String()},
		{"申请时间", FormatDateTime(l.AppliedAt)}, {"补假说明", l.LateReason}, {"审批层级", l.ApproverTier},
	}
}

// Validate checks the request's own fields and normalises them (trims, 公休假
// → 年休假, empty halves: the morning of the first day, the afternoon of the
// last, empty status 待审批). The field names are the labels of the form and
// the columns of the leave file.
func (l *LeaveRequest) Validate() FieldErrors {
	var fe FieldErrors
	l.Type = strings.TrimSpace(l.Type)
	if t, ok := leaveTypeAliases[l.Type]; ok {
		l.Type = t
	}
	l.Reason = strings.TrimSpace(l.Reason)
	l.Approver = strings.TrimSpace(l.Approver)
	l.RejectReason = strings.TrimSpace(l.RejectReason)
	l.LateReason = strings.TrimSpace(l.LateReason)
	l.AppliedAt = l.AppliedAt.Truncate(time.Second)
	if l.FromHalf == "" {
		l.FromHalf = HalfAM
	}
	if l.ToHalf == "" {
		l.ToHalf = HalfPM
	}
	if l.Status == "" {
		l.Status = LeavePending
	}
	if l.StaffID == 0 {
		fe.add("工号", "请选择请假人员")
	}
	if !oneOf(l.Type, LeaveTypes) {
		fe.add("类型", "请假类型只能是 "+strings.Join(LeaveTypes, " / "))
	}
	if l.From.IsZero() {
		fe.add("开始", "请填写开始日期")
	} else if !oneOf(l.FromHalf, Halves) {
		fe.add("开始", "开始时间只能是上午或下午")
	}
	if l.To.IsZero() {
		fe.add("结束", "请填写结束日期")
	} else if !oneOf(l.ToHalf, Halves) {
		fe.add("结束", "结束时间只能是上午或下午")
	}
	if !l.From.IsZero() && !l.To.IsZero() && l.toSlot() < l.fromSlot() {
		fe.add("结束", fmt.Sprintf("结束（%s%s）不能早于开始（%s%s）", l.To, l.ToHalf, l.From, l.FromHalf))
	}
	if len([]rune(l.Reason)) > 200 {
		fe.add("事由", "事由不能超过200个字")
	}
	if !oneOf(l.Status, LeaveStatuses) {
		fe.add("状态", "状态只能是 "+strings.Join(LeaveStatuses, " / "))
	} else if l.Status != LeavePending && l.Approver == "" {
		fe.add("审批人", fmt.Sprintf("状态为“%s”的请假须填写审批人", l.Status))
	}
	if len([]rune(l.LateReason)) > 200 {
		fe.add("补假说明", "补假说明不能超过200个字")
	}
	if l.ApproverTier != "" && !oneOf(l.ApproverTier, ApprovalTiers) {
		fe.add("审批层级", "审批层级只能是 "+strings.Join(ApprovalTiers, " / "))
	}
	if len([]rune(l.Approver)) > 32 {
		fe.add("审批人", "审批人不能超过32个字")
	}
	switch {
	case l.Status == LeaveReturned && l.ReturnedOn.IsZero():
		fe.add("销假日期", "已销假的请假须填写销假日期")
	case l.Status != LeaveReturned && !l.ReturnedOn.IsZero():
		fe.add("销假日期", "只有已销假的请假才有销假日期")
	case !l.ReturnedOn.IsZero() && !l.From.IsZero() && l.ReturnedOn.Before(l.From):
		fe.add("销假日期", fmt.Sprintf("销假日期不能早于开始日期 %s", l.From))
	}
	if l.StandInID != nil && *l.StandInID == 0 {
		l.StandInID = nil
	}
	if l.StandInID != nil && *l.StandInID == l.StaffID {
		fe.add("顶岗人员工号", "顶岗人员不能是请假人本人")
	}
	return fe
}

// lastDay is the last day the request can affect: its end, or a later 销假.
func (l LeaveRequest) lastDay() Date {
	if l.ReturnedOn.After(l.To) {
		return l.ReturnedOn
	}
	return l.To
}

func (l LeaveRequest) months() []string { return monthsBetween(l.From, l.lastDay()) }

func preloadLeave(tx *gorm.DB) *gorm.DB { return tx.Preload("Staff").Preload("StandIn") }

// LeaveFilter narrows the leave register; empty fields match everything.
type LeaveFilter struct {
	StaffID  uint
	Status   string
	From, To Date // requests overlapping these days, inclusive
	Limit    int
}

// Leaves lists leave requests with the person and stand-in, latest start first.
func (s *Store) Leaves(f LeaveFilter) ([]LeaveRequest, error) {
	q := preloadLeave(s.db).Model(&LeaveRequest{}).Order("from_date DESC, id DESC")
	if f.StaffID != 0 {
		q = q.Where("staff_id = ?", f.StaffID)
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if !f.From.IsZero() {
		q = q.Where("to_date >= ? OR returned_on >= ?", f.From, f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("from_date <= ?", f.To)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var out []LeaveRequest
	return out, q.Find(&out).Error
}

// LeaveByID returns one request with the person (their home unit and
// current window too) and stand-in.
func (s *Store) LeaveByID(id uint) (LeaveRequest, error) {
	var l LeaveRequest
	err := preloadLeave(s.db).Preload("Staff.HomeUnit").Preload("Staff.Window").First(&l, id).Error
	return l, notFound(err)
}

// SaveLeave creates (ID 0) or updates a leave request. A request that
// overlaps another of the same person (not 已驳回) is refused, naming the
// other; so is one covering no working day, and one touching a locked month.
// An empty 申请时间 is now for a new request and stays what it was for one
// corrected; one later than now is refused. A request applied after its
// leave began (事后补假) needs a 补假说明 when the rules in force on its first
// day ask for one.
func (s *Store) SaveLeave(l *LeaveRequest) error {
	if fe := l.Validate(); len(fe) > 0 {
		return fe
	}
	now := s.Now()
	if l.AppliedAt.After(now) {
		return FieldErrors{{"申请时间", fmt.Sprintf("申请时间（%s）不能晚于现在（%s）", FormatDateTime(l.AppliedAt), FormatDateTime(now))}}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if l.ID != 0 {
			// a decided request stays as it was decided; approval, rejection
			// and 销假 go through their own actions
			var b LeaveRequest
			if err := tx.First(&b, l.ID).Error; err != nil {
				return notFound(err)
			}
			if b.Status != LeavePending {
				return refused(fmt.Sprintf("这条请假%s，不能再修改；如有变化，请销假或驳回后重新申请", b.Status))
			}
			if err := checkFreshTx[LeaveRequest](tx, l.ID, l.Version); err != nil {
				return err
			}
			if l.AppliedAt.IsZero() {
				l.AppliedAt = b.AppliedAt
			}
		} else if l.AppliedAt.IsZero() {
			l.AppliedAt = now
		}
		// a locked month refuses before anything else is asked for
		if err := refuseLocked(tx, "登记或更改该月的请假", l.months()...); err != nil {
			return err
		}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		if err := checkLeaveOverlap(tx, cal, l); err != nil {
			return err
		}
		if err := checkLateLeave(tx, l); err != nil {
			return err
		}
		if err := saveLeaveTx(tx, a, cal, l); err != nil {
			return err
		}
		return readVersionTx(tx, "leave_requests", l.ID, &l.Version)
	})
}

// checkLateLeave refuses a 事后补假 without its 补假说明 when the rules in
// force on the leave's first day ask for one.
func checkLateLeave(tx *gorm.DB, l *LeaveRequest) error {
	book, err := loadRuleBook(tx)
	if err != nil {
		return err
	}
	return lateLeaveReason(book, l)
}

// lateLeaveReason is checkLateLeave with the rules already read.
func lateLeaveReason(book ruleBook, l *LeaveRequest) error {
	rules := book.at(l.From).Attendance
	if l.AppliedLate(rules) && rules.LateLeaveNeedsReason && l.LateReason == "" {
		return FieldErrors{{"补假说明", fmt.Sprintf("这条请假在假期开始（%s）之后才申请，属于事后补假，请写明补假说明：为什么没能提前请假",
			FormatDateTime(l.StartsAt(rules.ScheduleFor(l.From))))}}
	}
	return nil
}

func saveLeaveTx(tx *gorm.DB, a *auditor, cal *Calendar, l *LeaveRequest) error {
	var p Staff
	if err := tx.Limit(1).Find(&p, l.StaffID).Error; err != nil {
		return err
	}
	if p.ID == 0 {
		return FieldErrors{{"工号", "所选人员不存在，可能已被删除"}}
	}
	if l.StandInID != nil {
		var si Staff
		if err := tx.Limit(1).Find(&si, *l.StandInID).Error; err != nil {
			return err
		}
		if si.ID == 0 {
			return FieldErrors{{"顶岗人员工号", "所选顶岗人员不存在，可能已被删除"}}
		}
	}
	if l.Days(cal) == 0 {
		return FieldErrors{{"开始", fmt.Sprintf("%s 没有工作日，无需请假", l.Span())}}
	}
	if err := checkLeaveOverlap(tx, cal, l); err != nil {
		return err
	}
	var before *LeaveRequest
	months := l.months()
	if l.ID != 0 {
		before = &LeaveRequest{}
		if err := preloadLeave(tx).First(before, l.ID).Error; err != nil {
			return notFound(err)
		}
		months = append(months, before.months()...)
	}
	if err := refuseLocked(tx, "登记或更改该月的请假", months...); err != nil {
		return err
	}
	if before != nil {
		if err := tx.Omit("created_at", clause.Associations).Save(l).Error; err != nil {
			return err
		}
	} else if err := tx.Omit(clause.Associations).Create(l).Error; err != nil {
		return err
	}
	if err := preloadLeave(tx).First(l, l.ID).Error; err != nil {
		return err
	}
	if before == nil {
		a.create(l)
	} else {
		a.update(before, l)
	}
	return nil
}

func checkLeaveOverlap(tx *gorm.DB, cal *Calendar, l *LeaveRequest) error {
	if l.Status == LeaveRejected {
		return nil
	}
	var others []LeaveRequest
	if err := tx.Where("staff_id = ? AND id <> ? AND status <> ? AND from_date <= ? AND to_date >= ?",
		l.StaffID, l.ID, LeaveRejected, l.To, l.From).Order("from_date").Find(&others).Error; err != nil {
		return err
	}
	for _, o := range others {
		if o.fromSlot() <= l.toSlot() && l.fromSlot() <= o.toSlot() {
			return leaveOverlap(cal, o)
		}
	}
	return nil
}

func leaveOverlap(cal *Calendar, o LeaveRequest) error {
	return FieldErrors{{"开始", fmt.Sprintf("与已有的请假重叠：%s %s（%s，编号 %d），请修改时间或先驳回那一条", o.Type, o.Describe(cal), o.Status, o.ID)}}
}

// changeLeave loads a request, lets change alter it and saves it.
func (s *Store) changeLeave(id uint, change func(l *LeaveRequest) error) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var l LeaveRequest
		if err := preloadLeave(tx).First(&l, id).Error; err != nil {
			return notFound(err)
		}
		if err := change(&l); err != nil {
			return err
		}
		if fe := l.Validate(); len(fe) > 0 {
			return fe
		}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		return saveLeaveTx(tx, a, cal, &l)
	})
}

// ApproveLeave approves a pending request by an approver of the given tier
// (首席代表 / 综合业务科 / 中心领导). An approver below the tier the leave's
// length requires under the rules in force on its first day is refused.
func (s *Store) ApproveLeave(id uint, approver, tier string) error {
	var fe FieldErrors
	if strings.TrimSpace(approver) == "" {
		fe.add("审批人", "请填写审批人")
	}
	if !oneOf(tier, ApprovalTiers) {
		fe.add("审批层级", "请选择审批人的层级："+strings.Join(ApprovalTiers, " / "))
	}
	if len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var l LeaveRequest
		if err := preloadLeave(tx).First(&l, id).Error; err != nil {
			return notFound(err)
		}
		if l.Status != LeavePending {
			return refused(fmt.Sprintf("这条请假的状态是“%s”，只有待审批的请假可以批准", l.Status))
		}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		book, err := loadRuleBook(tx)
		if err != nil {
			return err
		}
		days := l.Days(cal)
		if need := book.at(l.From).Attendance.ApprovalTier(days); !TierCovers(tier, need) {
			return FieldErrors{{"审批层级", fmt.Sprintf("这条请假共 %s 天，须由%s或更高层级批准，%s无权批准；请报%s审批", FormatDays(days), need, tier, need)}}
		}
		l.Status, l.Approver, l.ApproverTier = LeaveApproved, strings.TrimSpace(approver), tier
		if fe := l.Validate(); len(fe) > 0 {
			return fe
		}
		return saveLeaveTx(tx, a, cal, &l)
	})
}

// RejectLeave rejects a pending request, with the reason.
func (s *Store) RejectLeave(id uint, approver, reason string) error {
	var fe FieldErrors
	if strings.TrimSpace(approver) == "" {
		fe.add("审批人", "请填写审批人")
	}
	if strings.TrimSpace(reason) == "" {
		fe.add("驳回理由", "请写明驳回理由，申请人据此修改或重新申请")
	}
	if len(fe) > 0 {
		return fe
	}
	return s.changeLeave(id, func(l *LeaveRequest) error {
		if l.Status != LeavePending {
			return refused(fmt.Sprintf("这条请假的状态是“%s”，只有待审批的请假可以驳回", l.Status))
		}
		l.Status, l.Approver, l.RejectReason = LeaveRejected, approver, reason
		return nil
	})
}

// ReturnLeave records that the person reported back (销假) on day on, or
// corrects the 销假 date of a request already returned (when punches show
// the person was back earlier). A day after the leave's last day means the
// half-days between were overstayed (超假), which count as 旷工.
func (s *Store) ReturnLeave(id uint, on Date) error {
	if on.IsZero() {
		return FieldErrors{{"销假日期", "请填写销假日期"}}
	}
	return s.changeLeave(id, func(l *LeaveRequest) error {
		if l.Status != LeaveApproved && l.Status != LeaveReturned {
			return refused(fmt.Sprintf("这条请假的状态是“%s”，只有已批准的请假可以销假", l.Status))
		}
		if l.Status == LeaveReturned && l.ReturnedOn == on {
			return FieldErrors{{"销假日期", "新的销假日期与原来的相同"}}
		}
		l.Status, l.ReturnedOn = LeaveReturned, on
		return nil
	})
}

// DeleteLeave deletes a request entered by mistake; only a pending or
// rejected one, since approved leave is part of the attendance record.
func (s *Store) DeleteLeave(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var l LeaveRequest
		if err := preloadLeave(tx).First(&l, id).Error; err != nil {
			return notFound(err)
		}
		if l.Status != LeavePending && l.Status != LeaveRejected {
			return refused(fmt.Sprintf("这条请假已%s，是考勤记录的一部分，不能删除", strings.TrimPrefix(l.Status, "已")))
		}
		if err := refuseLocked(tx, "删除该月的请假", l.months()...); err != nil {
			return err
		}
		if err := tx.Omit(clause.Associations).Delete(&LeaveRequest{}, l.ID).Error; err != nil {
			return err
		}
		a.delete(l)
		return nil
	})
}

// LeaveRow is one leave request as an exchange file gives it, naming people
// by 工号. A row whose ID is set (from its 编号) updates that request; others
// are matched with stored requests on 工号 + 开始.
type LeaveRow struct {
	LeaveRequest
	EmployeeNo, StandInNo string
}

// ImportLeaves creates or updates leave requests in one transaction, matched
// on the person and the start half-day. Rows equal to what is stored change
// nothing. Any error rolls everything back. It reads the stored requests of
// the days the rows span, not the whole register.
func (s *Store) ImportLeaves(rows []LeaveRow) (ImportStats, error) {
	var st ImportStats
	err := s.write(func(tx *gorm.DB, a *auditor) error {
		st = ImportStats{}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		roster, err := rosterByNo(tx)
		if err != nil {
			return err
		}
		byID := make(map[uint]Staff, len(roster))
		for _, p := range roster {
			byID[p.ID] = p
		}
		book, err := loadRuleBook(tx)
		if err != nil {
			return err
		}
		locked, err := lockedMonths(tx)
		if err != nil {
			return err
		}
		known, err := storedLeavesAround(tx, rows)
		if err != nil {
			return err
		}
		insert, err := prepareInsert(tx, insertLeaveSQL)
		if err != nil {
			return err
		}
		defer insert.Close()
		for _, r := range rows {
			next := r.LeaveRequest
			p, ok := roster[r.EmployeeNo]
			if !ok {
				return FieldErrors{{"工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.EmployeeNo)}}
			}
			next.StaffID = p.ID
			next.StandInID = nil
			if r.StandInNo != "" {
				si, ok := roster[r.StandInNo]
				if !ok {
					return FieldErrors{{"顶岗人员工号", fmt.Sprintf("工号 %s 不存在，请先导入人员", r.StandInNo)}}
				}
				next.StandInID = &si.ID
			}
			if fe := next.Validate(); len(fe) > 0 {
				return fmt.Errorf("工号 %s %s%s：%w", r.EmployeeNo, next.From, next.FromHalf, fe)
			}
			var old LeaveRequest
			if r.LeaveRequest.ID != 0 {
				if err := findByKey(tx, KeyLeave, r.LeaveRequest.ID, &old); err != nil {
					return err
				}
			} else {
				old = known.starting(p.ID, next.From, next.FromHalf)
			}
			next.ID, next.CreatedAt = old.ID, old.CreatedAt
			// empty optional cells keep what is stored
			if next.AppliedAt.IsZero() {
				next.AppliedAt = old.AppliedAt
			}
			if next.LateReason == "" {
				next.LateReason = old.LateReason
			}
			if next.ApproverTier == "" {
				next.ApproverTier = old.ApproverTier
			}
			if old.ID != 0 && sameLeave(old, next) {
				st.Unchanged++
				continue
			}
			if err := lateLeaveReason(book, &next); err != nil {
				return fmt.Errorf("工号 %s %s%s：%w", r.EmployeeNo, next.From, next.FromHalf, err)
			}
			var before *LeaveRequest
			if old.ID != 0 {
				before = &old
			}
			// the same checks as saveLeaveTx, against what was read above
			// and the rows written before this one
			if err := known.check(tx, cal, locked, &next, before); err != nil {
				return fmt.Errorf("工号 %s %s%s：%w", r.EmployeeNo, next.From, next.FromHalf, err)
			}
			if before != nil {
				if err := tx.Omit("created_at", clause.Associations).Save(&next).Error; err != nil {
					return err
				}
			} else if err := insertLeave(tx, insert, s.Now(), &next); err != nil {
				return err
			}
			known.put(next)
			next.Staff, next.StandIn = p, nil
			if next.StandInID != nil {
				si := byID[*next.StandInID]
				next.StandIn = &si
			}
			if before != nil {
				before.Staff, before.StandIn = byID[before.StaffID], nil
				if before.StandInID != nil {
					si := byID[*before.StandInID]
					before.StandIn = &si
				}
				a.update(before, &next)
				st.Updated++
			} else {
				a.create(&next)
				st.Created++
			}
		}
		return nil
	})
	return st, err
}

// insertLeaveSQL adds a new leave request; an import adds thousands with
// it, prepared once.
const insertLeaveSQL = `INSERT INTO leave_requests (staff_id, type, from_date, from_half, to_date, to_half, reason, status, approver,
reject_reason, stand_in_id, returned_on, applied_at, late_reason, approver_tier, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func insertLeave(tx *gorm.DB, insert *insertStmt, now time.Time, l *LeaveRequest) (err error) {
	l.CreatedAt, l.UpdatedAt = now, now
	l.ID, err = insert.insertID(tx.Statement.Context, l.StaffID, l.Type, l.From, l.FromHalf, l.To, l.ToHalf, l.Reason, l.Status, l.Approver,
		l.RejectReason, l.StandInID, l.ReturnedOn, civilOrNull(l.AppliedAt), l.LateReason, l.ApproverTier, now, now)
	return err
}

// leaveIndex is the stored leave requests of some days, by person, kept up
// to date as an import writes.
type leaveIndex map[uint][]LeaveRequest

// storedLeavesAround reads the stored requests overlapping the days from
// the first start to the last end of the rows.
func storedLeavesAround(tx *gorm.DB, rows []LeaveRow) (leaveIndex, error) {
	out := leaveIndex{}
	var from, to Date
	for _, r := range rows {
		if from.IsZero() || r.From.Before(from) {
			from = r.From
		}
		if to.IsZero() || r.To.After(to) {
			to = r.To
		}
	}
	if from.IsZero() {
		return out, nil
	}
	var list []LeaveRequest
	if err := tx.Where("from_date <= ? AND to_date >= ?", to, from).Order("id").Find(&list).Error; err != nil {
		return nil, err
	}
	for _, l := range list {
		out[l.StaffID] = append(out[l.StaffID], l)
	}
	return out, nil
}

// starting is the person's request that starts on the half-day, if any.
func (x leaveIndex) starting(staffID uint, from Date, half string) LeaveRequest {
	for _, l := range x[staffID] {
		if l.From == from && l.FromHalf == half {
			return l
		}
	}
	return LeaveRequest{}
}

// put records a request just written.
func (x leaveIndex) put(l LeaveRequest) {
	l.Staff, l.StandIn = Staff{}, nil
	list := x[l.StaffID]
	for i := range list {
		if list[i].ID == l.ID {
			list[i] = l
			return
		}
	}
	x[l.StaffID] = append(list, l)
}

// check refuses what saveLeaveTx refuses: a request of no working day, one
// overlapping another of the person's, one in or out of a locked month.
func (x leaveIndex) check(tx *gorm.DB, cal *Calendar, locked map[string]bool, l, before *LeaveRequest) error {
	if l.Days(cal) == 0 {
		return FieldErrors{{"开始", fmt.Sprintf("%s 没有工作日，无需请假", l.Span())}}
	}
	if l.Status != LeaveRejected {
		others := append([]LeaveRequest(nil), x[l.StaffID]...)
		sort.SliceStable(others, func(i, j int) bool { return others[i].From.Before(others[j].From) })
		for _, o := range others {
			if o.ID != l.ID && o.Status != LeaveRejected && o.fromSlot() <= l.toSlot() && l.fromSlot() <= o.toSlot() {
				return leaveOverlap(cal, o)
			}
		}
	}
	months := l.months()
	if before != nil {
		months = append(months, before.months()...)
	}
	for _, m := range months {
		if locked[m] {
			return refuseLocked(tx, "登记或更改该月的请假", months...)
		}
	}
	return nil
}

func sameLeave(a, b LeaveRequest) bool {
	id := func(p *uint) uint {
		if p == nil {
			return 0
		}
		return *p
	}
	return a.StaffID == b.StaffID && a.Type == b.Type && a.From == b.From && a.FromHalf == b.FromHalf &&
		a.To == b.To && a.ToHalf == b.ToHalf && a.Reason == b.Reason && a.Status == b.Status &&
		a.Approver == b.Approver && id(a.StandInID) == id(b.StandInID) && a.ReturnedOn == b.ReturnedOn &&
		a.AppliedAt.Equal(b.AppliedAt) && a.LateReason == b.LateReason && a.ApproverTier == b.ApproverTier
}
