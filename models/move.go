package models

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// MovedNote is the file left in a data folder whose data was moved, saying
// where it went.
const MovedNote = "数据已迁移.txt"

// MoveDataDir copies the data folder from into to, which must hold no
// database: the database (with its journal, made whole in the copy) and
// every other file, printed papers and backups included. from is held
// (LockDir) meanwhile and is left as it was, with a note saying where the
// data went, so nothing is lost if the new folder turns out wrong. The
// database arrives last, under its name only once it is complete: a move
// cut short leaves the data where it was in use.
func MoveDataDir(from, to string) error {
	l, err := LockDir(from)
	if err != nil {
		return err
	}
	defer l.Unlock()
	if _, err := os.Stat(filepath.Join(to, DatabaseFile)); err == nil {
		return fmt.Errorf("%s 中已有数据库，没有迁移", to)
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return fmt.Errorf("无法创建数据文件夹 %s：%w", to, err)
	}
	// the database through a scratch folder, where SQLite folds its journal in
	scratch, err := os.MkdirTemp(to, ".moving-")
	if err != nil {
		return fmt.Errorf("无法在 %s 中写入：%w", to, err)
	}
	defer os.RemoveAll(scratch)
	db := filepath.Join(from, DatabaseFile)
	if err := copyFile(db, filepath.Join(scratch, DatabaseFile)); err != nil {
		return fmt.Errorf("无法复制数据库：%w", err)
	}
	if _, err := os.Stat(db + "-wal"); err == nil {
		if err := copyFile(db+"-wal", filepath.Join(scratch, DatabaseFile+"-wal")); err != nil {
			return fmt.Errorf("无法复制数据库日志：%w", err)
		}
	}
	st, err := Open(scratch)
	if err != nil {
		return err
	}
	part := filepath.Join(to, DatabaseFile+".moving")
	os.Remove(part)
	err = st.Backup(part)
	st.Close()
	if err != nil {
		return err
	}
	// everything else as it is
	err = filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if rel == "." {
			return nil
		}
		if rel == LockFile || rel == MovedNote || strings.HasPrefix(rel, DatabaseFile) {
			return nil
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if _, err := os.Stat(dst); err == nil {
			return nil // a file of that name is there already: keep it
		}
		return copyFile(p, dst)
	})
	if err != nil {
		os.Remove(part)
		return fmt.Errorf("无法复制数据文件夹中的文件：%w", err)
	}
	if err := os.Rename(part, filepath.Join(to, DatabaseFile)); err != nil {
		os.Remove(part)
		return err
	}
	note := fmt.Sprintf("本文件夹中的数据已于 %s 复制到：\r\n%s\r\n政务窗口管理从此使用新位置。本文件夹保留未删除，确认新位置的数据无误后可以删除。\r\n",
		time.Now().Format("2006-01-02 15:04"), to)
	os.WriteFile(filepath.Join(from, MovedNote), []byte(note), 0o644) // the move is done; the note is a courtesy
	return nil
}
