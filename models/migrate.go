package models

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// SchemaMigration records that one numbered migration has been applied.
// The highest applied number is the database's schema version.
type SchemaMigration struct {
	Version   int `gorm:"primaryKey;autoIncrement:false"`
	Name      string
	AppliedAt time.Time
}

type migration struct {
	name string
	up   func(tx *gorm.DB) error
}

// migrations are applied in order, each exactly once. Append only: a released
// migration never changes, so a database made by any older GovDesk opens here.
var migrations = []migration{
	{"人员名册", func(tx *gorm.DB) error {
		return tx.AutoMigrate(&HomeUnit{}, &ServiceWindow{}, &Staff{}, &StaffChange{})
	}},
	{"操作日志", func(tx *gorm.DB) error {
		return tx.AutoMigrate(&AuditEntry{})
	}},
	{"工作日历与设置", func(tx *gorm.DB) error {
		return tx.AutoMigrate(&CalendarDay{}, &Setting{})
	}},
	{"办件登记", func(tx *gorm.DB) error {
		return tx.AutoMigrate(&Case{}, &CaseMaterial{})
	}},
	{"文书登记与模板", func(tx *gorm.DB) error {
		return tx.AutoMigrate(&IssuedNotice{}, &NoticeTemplate{})
	}},
	{"考勤与请假", func(tx *gorm.DB) error {
		return tx.AutoMigrate(&RuleSet{}, &Punch{}, &LeaveRequest{}, &Inspection{}, &Outing{}, &MonthLock{})
	}},
	{"替岗与服装", migrateSubstitutesUniforms},
	{"违规投诉与评价", migrateConduct},
	{"评分与评选", migrateScoring},
	{"民用时间", migrateCivilTimes},
	{"无打卡日确认", migratePunchGaps},
	{"文书重印与逾期出具理由", migrateNoticeRefs},
	{"外出登记时间与请假申请时间", migrateRegistrationTimes},
	{"处理阶梯与考核奖扣发", migrateEscalation},
	{"办件授权与批准人", migrateAuthorisation},
	{"评选程序：提名、评选会、公示与决定", migrateSelection},
	{"操作日志防篡改链", migrateAuditChain},
	{"操作员账号", func(tx *gorm.DB) error { return tx.AutoMigrate(&Account{}) }},
	{"考勤机号码对照与打卡来源", migratePunchSources},
	{"记录编号的数据库标记", migrateDatabaseMark},
	{"记录版本（防止覆盖他人的修改）", migrateVersions},
	{"办件与请假的记录版本", migrateVersions},
	{"长列表分页的索引", migratePageIndexes},
	{"操作日志记录电脑名", migrateAuditPC},
	{"打卡按时间排列的唯一索引", migratePunchIndex},
	{"请假按销假日期的索引", func(tx *gorm.DB) error {
		return tx.Exec("CREATE INDEX IF NOT EXISTS idx_leave_requests_returned_on ON leave_requests (returned_on)").Error
	}},
	{"办件去掉重复的窗口与人员索引", migrateCaseIndexes},
}

// migrateCaseIndexes drops the indexes of cases on the window alone and on
// the person alone: those on window and 受理时间 and on person and 受理时间
// (pageIndexes) serve every read the first served, and each new case went
// into both at one of hundreds of places: a month's cases imported into
// three years of a large centre took 0.19 s, 0.12 s without them.
func migrateCaseIndexes(tx *gorm.DB) error {
	for _, ix := range []string{"idx_cases_window_id", "idx_cases_staff_id"} {
		if err := tx.Exec("DROP INDEX IF EXISTS " + ix).Error; err != nil {
			return err
		}
	}
	return nil
}

// migrateRegistrationTimes adds when an outing was registered and when a
// leave was applied for, a 事后补假's 补假说明 and the approver's tier. Rows
// already there keep these empty: nobody knows when they were reported,
// so they are neither 事后补登 nor 事后补假, and past months, locked ones
// included, keep their figures. The columns are added by name, not from
// the structs, so the step reads the same whatever the structs become; a
// database created by this version already has them from its first step.
func migrateRegistrationTimes(tx *gorm.DB) error {
	for _, c := range []struct{ table, column, kind string }{
		{"outings", "registered_at", "datetime"},
		{"leave_requests", "applied_at", "datetime"},
		{"leave_requests", "late_reason", "varchar(256)"},
		{"leave_requests", "approver_tier", "varchar(16)"},
	} {
		if tx.Migrator().HasColumn(c.table, c.column) {
			continue
		}
		if err := tx.Exec(fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s %s", c.table, c.column, c.kind)).Error; err != nil {
			return err
		}
	}
	return nil
}

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int { return len(migrations) }

func schemaVersion(db *gorm.DB) (int, error) {
	if !db.Migrator().HasTable(&SchemaMigration{}) {
		return 0, nil
	}
	var v int
	err := db.Model(&SchemaMigration{}).Select("COALESCE(MAX(version), 0)").Scan(&v).Error
	return v, err
}

// migrate brings db up to version target, one transaction per migration.
func migrate(db *gorm.DB, target int) error {
	// the record of versions is made once (its columns never change), not
	// compared column by column at every start
	if !db.Migrator().HasTable(&SchemaMigration{}) {
		if err := db.AutoMigrate(&SchemaMigration{}); err != nil && !db.Migrator().HasTable(&SchemaMigration{}) {
			// (another program opening the same new folder may have made it first)
			return fmt.Errorf("无法建立版本记录：%w", err)
		}
	}
	have, err := schemaVersion(db)
	if err != nil {
		return err
	}
	if have > len(migrations) {
		return fmt.Errorf("%w（数据版本 %d，本程序支持到 %d），请升级本程序后再打开", ErrNewerDatabase, have, len(migrations))
	}
	if have >= target && !db.Migrator().HasTable("staffs") {
		return nil
	}
	// Schema changes can rebuild a table (SQLite has no ALTER for
	// constraints): with foreign keys enforced, dropping the old copy of a
	// parent table would cascade into its children and delete them. Changes
	// run with enforcement off; every reference is checked afterwards.
	return withoutForeignKeys(db, func() error {
		if err := renameStaffTable(db); err != nil {
			return fmt.Errorf("无法升级人员表：%w", err)
		}
		return applyMigrations(db, have, target)
	})
}

func applyMigrations(db *gorm.DB, have, target int) error {
	for v := have + 1; v <= target; v++ {
		m := migrations[v-1]
		err := db.Transaction(func(tx *gorm.DB) error {
			// another program opening the same new folder may have applied
			// it while this one waited for the write lock
			var done int64
			if err := tx.Model(&SchemaMigration{}).Where("version = ?", v).Count(&done).Error; err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			if err := m.up(tx); err != nil {
				return err
			}
			return tx.Create(&SchemaMigration{Version: v, Name: m.name, AppliedAt: Civil(time.Now())}).Error
		})
		if err != nil {
			return fmt.Errorf("数据库升级到第 %d 版（%s）失败：%w", v, m.name, err)
		}
	}
	return nil
}

// renameStaffTable moves people from "staffs", where the first release kept
// them (GORM's plural), to "staff". A database that an in-between version
// opened may have both, the new one empty: the empty one gives way.
func renameStaffTable(db *gorm.DB) error {
	m := db.Migrator()
	if !m.HasTable("staffs") {
		return nil
	}
	if m.HasTable("staff") {
		var n int64
		if err := db.Table("staff").Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("数据库中同时有 staffs 和 staff 两张人员表且都有数据，请联系技术人员处理")
		}
		if err := m.DropTable("staff"); err != nil {
			return err
		}
	}
	return m.RenameTable("staffs", "staff")
}
