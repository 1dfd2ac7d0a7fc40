package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Posts a person can hold at a window (岗位).
const (
	PostChief      = "首席代表"
	PostStaff      = "窗口工作人员"
	PostSubstitute = "临时替岗人员"
)

// Posts lists the posts in the order forms offer them.
var Posts = []string{PostChief, PostStaff, PostSubstitute}

// Staff statuses (状态).
const (
	StatusOnDuty     = "在岗"
	StatusStandby    = "待岗"
	StatusReturned   = "退回原单位"
	StatusTransfered = "调离"
)

// Statuses lists the statuses in the order forms offer them.
var Statuses = []string{StatusOnDuty, StatusStandby, StatusReturned, StatusTransfered}

// Genders offered by forms.
var Genders = []string{"男", "女"}

// Staff is a person working at the centre. Moving a person or ending their
// service never deletes them: their past records keep pointing here, and
// StaffChange keeps the history.
type Staff struct {
	ID         uint          `gorm:"primaryKey"`
	EmployeeNo string        `gorm:"size:32;uniqueIndex;not null"` // 工号
	Name       string        `gorm:"size:64;not null;index"`
	Gender     string        `gorm:"size:4"`
	IDNumber   string        `gorm:"size:18"` // 身份证号, shown masked
	Mobile     string        `gorm:"size:11"`
	HomeUnitID uint          `gorm:"not null;index"`
	HomeUnit   HomeUnit      `gorm:"constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	WindowID   uint          `gorm:"not null;index"`
	Window     ServiceWindow `gorm:"foreignKey:WindowID;constraint:OnUpdate:CASCADE,OnDelete:RESTRICT"`
	Post       string        `gorm:"size:16;not null"`
	JoinedOn   Date          `gorm:"not null"` // 入驻日期
	LeftOn     Date          // 离岗日期
	Status     string        `gorm:"size:16;not null;index"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
	// Version rises with every change (see versionedTables)
	Version int `gorm:"not null;default:0"`
}

// TableName keeps the table "staff" (a mass noun), not GORM's "staffs".
func (Staff) TableName() string { return "staff" }

func (p Staff) auditEntity() string { return "人员" }
func (p Staff) auditKey() string    { return p.EmployeeNo + " " + p.Name }
func (p Staff) auditFields() []AuditField {
	// The audit log keeps the identity number masked: it records that the
	// number changed without spreading it to every reader of the log.
	return []AuditField{
		{"工号", p.EmployeeNo}, {"姓名", p.Name}, {"性别", p.Gender},
		{"身份证号", MaskIDNumber(p.IDNumber)}, {"手机号", MaskPhone(p.Mobile)},
		{"派驻单位", p.HomeUnit.Name}, {"窗口", p.Window.Label()}, {"岗位", p.Post},
		{"入驻日期", p.JoinedOn.String()}, {"离岗日期", p.LeftOn.String()}, {"状态", p.Status},
	}
}

// InService reports whether the person's service period covers day d.
func (p Staff) InService(d Date) bool {
	if p.JoinedOn.IsZero() || d.Before(p.JoinedOn) {
		return false
	}
	return p.LeftOn.IsZero() || !d.After(p.LeftOn)
}

// Statuses shown, not stored, for a person recorded 在岗 outside their
// service period (see StatusOn).
const (
	StatusNotStarted      = "未到岗"  // service begins later
	StatusSubstituteEnded = "替岗结束" // a 临时替岗人员 after the substitution
	StatusServiceEnded    = "已离岗"  // anyone else after 离岗日期
)

// StatusOn is the person's status as the roster and the counts show it on
// day d. A person recorded 在岗 is 在岗 only within their service period:
// a 临时替岗人员 whose substitution has ended is 替岗结束, not 在岗, though
// nobody changed the record; one whose substitution has not begun is 未到岗.
func (p Staff) StatusOn(d Date) string {
	switch {
	case p.Status != StatusOnDuty || p.InService(d):
		return p.Status
	case d.Before(p.JoinedOn):
		return StatusNotStarted
	case p.Post == PostSubstitute:
		return StatusSubstituteEnded
	}
	return StatusServiceEnded
}

// OnDuty reports whether the person is 在岗 on day d (see StatusOn).
func (p Staff) OnDuty(d Date) bool { return p.StatusOn(d) == StatusOnDuty }

// Validate checks a person's own fields and normalises them (trims, upper-case
// X in the identity number, fills 性别 from the identity number). The field
// names in the errors are the labels of the form and the staff file columns.
func (p *Staff) Validate() FieldErrors {
	var fe FieldErrors
	p.EmployeeNo = strings.TrimSpace(p.EmployeeNo)
	p.Name = strings.TrimSpace(p.Name)
	p.IDNumber = strings.ToUpper(strings.TrimSpace(p.IDNumber))
	p.Mobile = strings.TrimSpace(p.Mobile)
	switch {
	case p.EmployeeNo == "":
		fe.add("工号", "请填写工号")
	case len([]rune(p.EmployeeNo)) > 32:
		fe.add("工号", "工号不能超过32个字符")
	}
	switch {
	case p.Name == "":
		fe.add("姓名", "请填写姓名")
	case len([]rune(p.Name)) > 32:
		fe.add("姓名", "姓名不能超过32个字")
	}
	if p.IDNumber != "" {
		if err := CheckIDNumber(p.IDNumber); err != nil {
			fe.add("身份证号", err.Error())
		} else if g := IDGender(p.IDNumber); p.Gender == "" {
			p.Gender = g
		} else if p.Gender != g {
			fe.add("性别", fmt.Sprintf("与身份证号不符（身份证号显示为%s）", g))
		}
	}
	if p.Gender != "" && !oneOf(p.Gender, Genders) {
		fe.add("性别", "性别只能是“男”或“女”")
	}
	if p.Mobile != "" {
		if err := CheckMobile(p.Mobile); err != nil {
			fe.add("手机号", err.Error())
		}
	}
	if p.HomeUnitID == 0 {
		fe.add("派驻单位", "请选择派驻单位")
	}
	if p.WindowID == 0 {
		fe.add("窗口编号", "请选择窗口")
	}
	if !oneOf(p.Post, Posts) {
		fe.add("岗位", "岗位只能是 "+strings.Join(Posts, " / "))
	}
	if p.Status == "" {
		p.Status = StatusOnDuty
	}
	if !oneOf(p.Status, Statuses) {
		fe.add("状态", "状态只能是 "+strings.Join(Statuses, " / "))
	}
	if p.JoinedOn.IsZero() {
		fe.add("入驻日期", "请填写入驻日期")
	}
	if !p.LeftOn.IsZero() && p.LeftOn.Before(p.JoinedOn) {
		fe.add("离岗日期", "离岗日期不能早于入驻日期")
	}
	return fe
}

// StaffChange is one event in a person's history at the centre: joining, a
// move to another window, or a change of status. Window scores and monthly
// sheets use it to know who sat where on a given day.
type StaffChange struct {
	ID           uint           `gorm:"primaryKey"`
	StaffID      uint           `gorm:"not null;index"`
	Staff        Staff          `gorm:"constraint:OnDelete:CASCADE"`
	On           Date           `gorm:"not null;index"`
	Kind         string         `gorm:"size:16;not null"` // 入驻 / 调整窗口 / 状态变更
	FromWindowID *uint          `gorm:"index"`
	FromWindow   *ServiceWindow `gorm:"foreignKey:FromWindowID;constraint:OnDelete:RESTRICT"`
	ToWindowID   *uint          `gorm:"index"`
	ToWindow     *ServiceWindow `gorm:"foreignKey:ToWindowID;constraint:OnDelete:RESTRICT"`
	FromStatus   string         `gorm:"size:16"`
	ToStatus     string         `gorm:"size:16"`
	Note         string         `gorm:"size:256"`
	Operator     string         `gorm:"size:64"`
	CreatedAt    time.Time
}

// Kinds of StaffChange.
const (
	ChangeJoined = "入驻"
	ChangeMoved  = "调整窗口"
	ChangeStatus = "状态变更"
)

func (c StaffChange) auditEntity() string { return "人员变动" }
func (c StaffChange) auditKey() string    { return c.Staff.EmployeeNo + " " + c.Staff.Name }
func (c StaffChange) auditFields() []AuditField {
	label := func(w *ServiceWindow) string {
		if w == nil {
			return ""
		}
		return w.Label()
	}
	return []AuditField{
		{"日期", c.On.String()}, {"类型", c.Kind},
		{"原窗口", label(c.FromWindow)}, {"新窗口", label(c.ToWindow)},
		{"原状态", c.FromStatus}, {"新状态", c.ToStatus}, {"说明", c.Note},
	}
}

// Describe says what the change was, in one Chinese line.
func (c StaffChange) Describe() string {
	var parts []string
	if c.Kind == ChangeJoined {
		if c.ToWindow != nil {
			parts = append(parts, "入驻 "+c.ToWindow.Label())
		}
	} else {
		if c.FromWindowID != nil && c.ToWindowID != nil && *c.FromWindowID != *c.ToWindowID {
			parts = append(parts, fmt.Sprintf("%s → %s", c.FromWindow.Label(), c.ToWindow.Label()))
		}
		if c.FromStatus != c.ToStatus {
			parts = append(parts, fmt.Sprintf("%s → %s", c.FromStatus, c.ToStatus))
		}
	}
	if c.Note != "" {
		parts = append(parts, "（"+c.Note+"）")
	}
	return strings.Join(parts, "；")
}

// StaffList lists every person with home unit and window, by 工号.
func (s *Store) StaffList() ([]Staff, error) {
	var out []Staff
	return out, s.db.Preload("HomeUnit").Preload("Window").Order("employee_no").Find(&out).Error
}

// StaffByID returns one person with home unit and window.
func (s *Store) StaffByID(id uint) (Staff, error) {
	var p Staff
	err := s.db.Preload("HomeUnit").Preload("Window").First(&p, id).Error
	return p, notFound(err)
}

// StaffWindowOn returns the window a person sat at on day d: the destination
// of their last change on or before d, or their current window when their
// history says nothing about d.
func (s *Store) StaffWindowOn(staffID uint, d Date) (ServiceWindow, error) {
	var c StaffChange
	if err := s.db.Preload("ToWindow").Where("staff_id = ? AND \"on\" <= ? AND to_window_id IS NOT NULL", staffID, d.String()).
		Order("\"on\" DESC, id DESC").Limit(1).Find(&c).Error; err != nil {
		return ServiceWindow{}, err
	}
	if c.ToWindow != nil {
		return *c.ToWindow, nil
	}
	p, err := s.StaffByID(staffID)
	return p.Window, err
}

// StaffHistory lists a person's changes, oldest first.
func (s *Store) StaffHistory(staffID uint) ([]StaffChange, error) {
	var out []StaffChange
	return out, s.db.Preload("FromWindow").Preload("ToWindow").
		Where("staff_id = ?", staffID).Order("\"on\", id").Find(&out).Error
}

// SaveStaff creates the person (ID 0), recording that they joined, or updates
// their details. A window or status changed here is recorded in the history as
// of today; MoveStaff and SetStaffStatus take an explicit date.
func (s *Store) SaveStaff(p *Staff) error {
	if fe := p.Validate(); len(fe) > 0 {
		return fe
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if p.ID != 0 {
			if err := checkFreshTx[Staff](tx, p.ID, p.Version); err != nil {
				return err
			}
		}
		if err := saveStaffTx(tx, a, p, s.Today(), ""); err != nil {
			return err
		}
		return readVersionTx(tx, "staff", p.ID, &p.Version)
	})
}

func saveStaffTx(tx *gorm.DB, a *auditor, p *Staff, on Date, note string) error {
	var clash Staff
	if err := tx.Where("employee_no = ? AND id <> ?", p.EmployeeNo, p.ID).Limit(1).Find(&clash).Error; err != nil {
		return err
	}
	if clash.ID != 0 {
		return FieldErrors{{"工号", fmt.Sprintf("工号 %s 已被 %s 使用", p.EmployeeNo, clash.Name)}}
	}
	if p.ID == 0 {
		var u HomeUnit
		var w ServiceWindow
		if err := tx.Limit(1).Find(&u, p.HomeUnitID).Error; err != nil {
			return err
		}
		if err := tx.Limit(1).Find(&w, p.WindowID).Error; err != nil {
			return err
		}
		if u.ID == 0 || w.ID == 0 {
			return FieldErrors{{"窗口", "所选派驻单位或窗口不存在，可能已被删除"}}
		}
		return joinStaffTx(tx, a, p, u, w, note)
	}
	var old Staff
	if err := tx.First(&old, p.ID).Error; err != nil {
		return notFound(err)
	}
	if err := saveAudited(tx, a, p, p.ID); err != nil {
		return err
	}
	if old.WindowID == p.WindowID && old.Status == p.Status {
		return nil
	}
	kind := ChangeStatus
	if old.WindowID != p.WindowID {
		kind = ChangeMoved
	}
	from, to := old.WindowID, p.WindowID
	return addChange(tx, a, StaffChange{StaffID: p.ID, On: on, Kind: kind,
		FromWindowID: &from, ToWindowID: &to, FromStatus: old.Status, ToStatus: p.Status, Note: note})
}

// joinStaffTx adds a new person of unit u at window w, with the 入驻 entry
// of their history, and records both.
func joinStaffTx(tx *gorm.DB, a *auditor, p *Staff, u HomeUnit, w ServiceWindow, note string) error {
	j, err := newStaffJoiner(tx)
	if err != nil {
		return err
	}
	defer j.close()
	return j.join(tx, a, p, u, w, note)
}

// staffJoiner adds new people, as joinStaffTx does, through two prepared
// statements: an import adds a whole roster.
type staffJoiner struct {
	staff, change *insertStmt
}

const (
	insertStaffSQL = `INSERT INTO staff (employee_no, name, gender, id_number, mobile, home_unit_id, window_id, post, joined_on, left_on, status, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertStaffChangeSQL = `INSERT INTO staff_changes (staff_id, "on", kind, from_window_id, to_window_id, from_status, to_status, note, operator, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

func newStaffJoiner(tx *gorm.DB) (*staffJoiner, error) {
	staff, err := prepareInsert(tx, insertStaffSQL)
	if err != nil {
		return nil, err
	}
	change, err := prepareInsert(tx, insertStaffChangeSQL)
	if err != nil {
		staff.Close()
		return nil, err
	}
	return &staffJoiner{staff, change}, nil
}

func (j *staffJoiner) close() {
	j.staff.Close()
	j.change.Close()
}

func (j *staffJoiner) join(tx *gorm.DB, a *auditor, p *Staff, u HomeUnit, w ServiceWindow, note string) error {
	ctx, now := tx.Statement.Context, tx.NowFunc()
	p.CreatedAt, p.UpdatedAt = now, now
	var err error
	if p.ID, err = j.staff.insertID(ctx, p.EmployeeNo, p.Name, p.Gender, p.IDNumber, p.Mobile, p.HomeUnitID, p.WindowID,
		p.Post, p.JoinedOn, p.LeftOn, p.Status, now, now); err != nil {
		return err
	}
	p.HomeUnit, p.Window = u, w
	a.create(p)
	c := StaffChange{StaffID: p.ID, On: p.JoinedOn, Kind: ChangeJoined, ToWindowID: &w.ID, ToStatus: p.Status, Note: note, Operator: a.operator, CreatedAt: now}
	if c.ID, err = j.change.insertID(ctx, c.StaffID, c.On, c.Kind, c.FromWindowID, c.ToWindowID, c.FromStatus, c.ToStatus, c.Note, c.Operator, now); err != nil {
		return err
	}
	c.Staff, c.ToWindow = *p, &w
	a.create(c)
	return nil
}

func addChange(tx *gorm.DB, a *auditor, c StaffChange) error {
	c.Operator = a.operator
	if err := tx.Omit("Staff", "FromWindow", "ToWindow").Create(&c).Error; err != nil {
		return err
	}
	if err := tx.Preload("Staff").Preload("FromWindow").Preload("ToWindow").First(&c, c.ID).Error; err != nil {
		return err
	}
	a.create(c)
	return nil
}

// MoveStaff moves a person to another window from date on, keeping history.
func (s *Store) MoveStaff(staffID, windowID uint, on Date, note string) error {
	return s.changeStaff(staffID, on, note, func(p *Staff) error {
		if windowID == p.WindowID {
			return FieldErrors{{"新窗口", "新窗口与现在的窗口相同"}}
		}
		p.WindowID = windowID
		return nil
	})
}

// SetStaffStatus changes a person's status from date on. Leaving the centre
// (退回原单位 / 调离) sets 离岗日期; returning to 在岗 or 待岗 clears it.
func (s *Store) SetStaffStatus(staffID uint, status string, on Date, note string) error {
	return s.changeStaff(staffID, on, note, func(p *Staff) error {
		if !oneOf(status, Statuses) {
			return FieldErrors{{"新状态", "状态只能是 " + strings.Join(Statuses, " / ")}}
		}
		if status == p.Status {
			return FieldErrors{{"新状态", "新状态与现在的状态相同"}}
		}
		p.Status = status
		if status == StatusReturned || status == StatusTransfered {
			p.LeftOn = on
		} else {
			p.LeftOn = Date{}
		}
		return nil
	})
}

func (s *Store) changeStaff(staffID uint, on Date, note string, change func(*Staff) error) error {
	if on.IsZero() {
		return FieldErrors{{"生效日期", "请选择生效日期"}}
	}
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var p Staff
		if err := tx.First(&p, staffID).Error; err != nil {
			return notFound(err)
		}
		if on.Before(p.JoinedOn) {
			return FieldErrors{{"生效日期", "生效日期不能早于入驻日期 " + p.JoinedOn.String()}}
		}
		if err := change(&p); err != nil {
			return err
		}
		if fe := p.Validate(); len(fe) > 0 {
			return fe
		}
		return saveStaffTx(tx, a, &p, on, strings.TrimSpace(note))
	})
}

// DeleteStaff deletes a person entered by mistake. A person with any history
// beyond joining is refused: end their service instead, so no record is lost.
func (s *Store) DeleteStaff(id uint) error {
	return s.write(func(tx *gorm.DB, a *auditor) error {
		var p Staff
		if err := tx.Preload("HomeUnit").Preload("Window").First(&p, id).Error; err != nil {
			return notFound(err)
		}
		var n int64
		tx.Model(&StaffChange{}).Where("staff_id = ? AND kind <> ?", id, ChangeJoined).Count(&n)
		if n > 0 {
			return refused(fmt.Sprintf("%s（%s）已有 %d 条调动或状态记录，不能删除；如已离开中心，请把状态改为“退回原单位”或“调离”", p.Name, p.EmployeeNo, n))
		}
		tx.Model(&Case{}).Where("staff_id = ?", id).Count(&n)
		if n > 0 {
			return refused(fmt.Sprintf("%s（%s）受理过 %d 件办件，不能删除；如已离开中心，请把状态改为“退回原单位”或“调离”", p.Name, p.EmployeeNo, n))
		}
		for _, rec := range []struct {
			model any
			what  string
		}{{&Punch{}, "条打卡记录"}, {&LeaveRequest{}, "条请假记录"}, {&Inspection{}, "条查岗记录"}, {&Outing{}, "条外出登记"}} {
			tx.Model(rec.model).Where("staff_id = ?", id).Count(&n)
			if n > 0 {
				return refused(fmt.Sprintf("%s（%s）已有 %d %s，不能删除；如已离开中心，请把状态改为“退回原单位”或“调离”", p.Name, p.EmployeeNo, n, rec.what))
			}
		}
		tx.Model(&LeaveRequest{}).Where("stand_in_id = ?", id).Count(&n)
		if n > 0 {
			return refused(fmt.Sprintf("%s（%s）是 %d 条请假的顶岗人员，不能删除", p.Name, p.EmployeeNo, n))
		}
		if err := tx.Where("staff_id = ?", id).Delete(&StaffChange{}).Error; err != nil {
			return err
		}
		if err := tx.Omit("HomeUnit", "Window").Delete(&p).Error; err != nil {
			return err
		}
		a.delete(p)
		return nil
	})
}
