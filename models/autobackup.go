package models

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Automatic backups: the window writes one when it starts and one a day
// while it runs, into the backup folder (backups/ in the data folder unless
// another, such as a USB drive, is set), and prunes them by BackupPolicy.
// The copies a restore keeps of the database it replaced (恢复前-…) are
// pruned by the same policy.

// BackupPolicy says how many automatic backups are kept: the newest of each
// of the last Daily days that have one, of the last Weekly weeks (Monday to
// Sunday) and of the last Monthly months. Every backup of today is kept.
type BackupPolicy struct{ Daily, Weekly, Monthly int }

// DefaultBackupPolicy keeps a week of days, four weeks and a year of months.
var DefaultBackupPolicy = BackupPolicy{Daily: 7, Weekly: 4, Monthly: 12}

// Backup kinds, as SavedBackup.Kind and the start of the file names.
const (
	BackupAuto     = "自动备份"
	BackupRestored = "恢复前"
)

const (
	backupStamp       = "20060102-150405"
	settingBackupDir  = "backup_dir"
	backupDirLabel    = "自动备份文件夹"
	defaultBackupsDir = "backups"
)

// SavedBackup is a backup file GovDesk wrote and can restore.
type SavedBackup struct {
	Path string
	Kind string    // BackupAuto or BackupRestored
	At   time.Time // when it was written, by the store's clock (from its name)
	Size int64
}

// BackupDir is the folder automatic backups go to: the one set with
// SetBackupDir, or backups/ in the data folder.
func (s *Store) BackupDir() string {
	var st Setting
	if err := s.db.Where("key = ?", settingBackupDir).Limit(1).Find(&st).Error; err == nil && st.Value != "" {
		return st.Value
	}
	return s.restoredDir()
}

// restoredDir is where a restore keeps the database it replaced.
func (s *Store) restoredDir() string { return filepath.Join(s.dir, defaultBackupsDir) }

// SetBackupDir sets the folder for automatic backups; empty goes back to
// backups/ in the data folder. The folder must exist or be creatable.
func (s *Store) SetBackupDir(dir string) error {
	dir = strings.TrimSpace(dir)
	if dir != "" {
		if !filepath.IsAbs(dir) {
			return FieldErrors{{backupDirLabel, "请填写完整的文件夹路径，例如 E:\\GovDesk备份"}}
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return FieldErrors{{backupDirLabel, fmt.Sprintf("无法使用文件夹 %s：%v", dir, err)}}
		}
	}
	before := s.BackupDir()
	return s.write(func(tx *gorm.DB, a *auditor) error {
		if err := tx.Save(&Setting{Key: settingBackupDir, Value: dir}).Error; err != nil {
			return err
		}
		after := dir
		if after == "" {
			after = s.restoredDir()
		}
		a.update(settingRecord{backupDirLabel, before}, settingRecord{backupDirLabel, after})
		return nil
	})
}

// AutoBackup writes an automatic backup now, named by the store's clock,
// then prunes the automatic backups and the 恢复前 copies by the default
// policy. It returns the backup's path.
func (s *Store) AutoBackup() (string, error) {
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("自动备份文件夹 %s 无法使用（U 盘或网络位置是否已连接？）：%w", dir, err)
	}
	path := freeName(filepath.Join(dir, BackupAuto+"-"+s.Now().Format(backupStamp)+".db"))
	if err := s.Backup(path); err != nil {
		return "", err
	}
	if err := s.PruneBackups(DefaultBackupPolicy); err != nil {
		return path, fmt.Errorf("已备份到 %s，但清理旧备份时出错：%w", path, err)
	}
	return path, nil
}

// AutoBackupDue reports whether today (by the store's clock) has no
// automatic backup yet.
func (s *Store) AutoBackupDue() bool {
	saved, err := s.SavedBackups()
	if err != nil {
		return true
	}
	today := s.Today()
	for _, b := range saved {
		if b.Kind == BackupAuto && DateOf(b.At) == today {
			return false
		}
	}
	return true
}

// SavedBackups lists the automatic backups and the 恢复前 copies, newest
// first. A folder that cannot be read (a USB drive not plugged in) lists
// nothing.
func (s *Store) SavedBackups() ([]SavedBackup, error) {
	var out []SavedBackup
	seen := map[string]bool{}
	for _, dir := range []string{s.BackupDir(), s.restoredDir()} {
		if seen[dir] {
			continue
		}
		seen[dir] = true
		found, err := savedBackupsIn(dir)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// savedBackupsIn lists the backups GovDesk wrote into dir, by their names:
// 自动备份-20261130-090000.db, 恢复前-20261130-090000.db (also -2.db, and
// 恢复前-无法打开-….db).
func savedBackupsIn(dir string) ([]SavedBackup, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取备份文件夹 %s：%w", dir, err)
	}
	var out []SavedBackup
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".db") {
			continue
		}
		var kind, rest string
		switch {
		case strings.HasPrefix(name, BackupAuto+"-"):
			kind, rest = BackupAuto, strings.TrimPrefix(name, BackupAuto+"-")
		case strings.HasPrefix(name, restoredPrefix):
			kind, rest = BackupRestored, strings.TrimPrefix(strings.TrimPrefix(name, restoredPrefix), "无法打开-")
		default:
			continue
		}
		if len(rest) < len(backupStamp) {
			continue
		}
		at, err := time.ParseInLocation(backupStamp, rest[:len(backupStamp)], CentreZone)
		if err != nil {
			continue
		}
		b := SavedBackup{Path: filepath.Join(dir, name), Kind: kind, At: at}
		if info, err := e.Info(); err == nil {
			b.Size = info.Size()
		}
		out = append(out, b)
	}
	return out, nil
}

// PruneBackups removes the automatic backups and the 恢复前 copies that the
// policy does not keep, each kind on its own.
func (s *Store) PruneBackups(p BackupPolicy) error {
	saved, err := s.SavedBackups()
	if err != nil {
		return err
	}
	today := s.Today()
	var errs []string
	for _, kind := range []string{BackupAuto, BackupRestored} {
		var of []SavedBackup
		for _, b := range saved {
			if b.Kind == kind {
				of = append(of, b)
			}
		}
		keep := p.keep(of, today)
		for i, b := range of {
			if keep[i] {
				continue
			}
			for _, suffix := range []string{"", "-wal", "-shm"} {
				if err := os.Remove(b.Path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
					errs = append(errs, err.Error())
				}
			}
		}
	}
	removeStalePartials(s.BackupDir(), today)
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "；"))
	}
	return nil
}

// removeStalePartials removes the backups of days before today that were
// never finished (see Backup): their program stopped while writing them.
// Today's may still be being written by another program.
func removeStalePartials(dir string, today Date) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, BackupAuto+"-") || !strings.Contains(name, ".db"+partialSuffix) {
			continue
		}
		rest := strings.TrimPrefix(name, BackupAuto+"-")
		if len(rest) < len(backupStamp) {
			continue
		}
		at, err := time.ParseInLocation(backupStamp, rest[:len(backupStamp)], CentreZone)
		if err == nil && DateOf(at).Before(today) {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// keep tells which of the backups (newest first) the policy keeps: every
// one of today, and the newest of each of the last Daily days, Weekly weeks
// and Monthly months that have any.
func (p BackupPolicy) keep(newestFirst []SavedBackup, today Date) []bool {
	keep := make([]bool, len(newestFirst))
	buckets := []struct {
		n   int
		key func(t time.Time) string
	}{
		{p.Daily, func(t time.Time) string { return t.Format("2006-01-02") }},
		{p.Weekly, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) }},
		{p.Monthly, func(t time.Time) string { return t.Format("2006-01") }},
	}
	for i, b := range newestFirst {
		if DateOf(b.At) == today {
			keep[i] = true
		}
	}
	for _, bucket := range buckets {
		last, n := "", 0
		for i, b := range newestFirst {
			if n >= bucket.n {
				break
			}
			if k := bucket.key(b.At); k != last {
				keep[i] = true
				last = k
				n++
			}
		}
	}
	return keep
}
