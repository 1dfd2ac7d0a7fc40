package app

import (
	"time"

	"govdesk/models"
)

// attendanceData is what the attendance screen (考勤) needs from the store:
// the month's sheet and lock, the roster for its filters, the records the
// office keeps against the month (补卡, 查岗, 外出), punch imports and the
// month's exports, and a person's month (personMonthData).
type attendanceData interface {
	calendarClock
	AttendanceMonth(month string, f models.AttendanceFilter) ([]models.MonthSummary, error)
	AttendanceSheet(month string, f models.AttendanceFilter) (models.AttendanceSheet, error)
	MonthLocks() ([]models.MonthLock, error)
	LockMonth(month string) error
	UnlockMonth(month, reason string) error

	StaffList() ([]models.Staff, error)
	ServiceWindows() ([]models.ServiceWindow, error)
	HomeUnits() ([]models.HomeUnit, error)
	Operator() string

	AddCorrection(staffID uint, at time.Time, reason, approver string) (models.Punch, error)
	DeleteCorrection(id uint) error
	SaveInspection(*models.Inspection) error
	DeleteInspection(id uint) error
	SaveOuting(*models.Outing) error
	DeleteOuting(id uint) error

	cancellableImporter
	punchImportData
	exporter
	personMonthData
	punchGapData
}
