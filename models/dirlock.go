package models

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// LockFile is the file beside the database that a window holds locked
// while it runs, so that a second GovDesk cannot open the same data folder:
// two programs each keeping their screens over one database overwrite each
// other's changes, and a restore under a running window fails halfway.
const LockFile = "govdesk.lock"

// ErrInUse is the error of LockDir when another GovDesk holds the data
// folder.
var ErrInUse = errors.New("数据文件夹正由另一个政务窗口管理使用")

// InUseError says who holds the data folder, as far as the lock file tells.
type InUseError struct {
	Dir    string
	Holder string // "进程 1234，2026-11-26 08:30 起" or ""
	Pid    int    // the holder's process, 0 when unknown
	// Shown is true once the holder's window is on screen (see
	// DirLock.Shown); a holder still starting, or a command, has none yet
	Shown bool
}

func (e *InUseError) Error() string {
	msg := fmt.Sprintf("政务窗口管理已经打开了数据文件夹 %s", e.Dir)
	if e.Holder != "" {
		msg += "（" + e.Holder + "）"
	}
	return msg
}

func (e *InUseError) Is(target error) bool { return target == ErrInUse }

// DirLock is the hold one program has on a data folder; see LockFile.
type DirLock struct {
	dir string
	f   *os.File
}

// LockDir takes the data folder for this program, creating the folder if
// need be; a folder on a network drive is refused (ErrNetworkDrive). It fails at once, with an *InUseError, when another program
// holds it. The lock goes with the process: a program that crashed holds
// nothing.
func LockDir(dir string) (*DirLock, error) {
	if err := checkLocalDisk(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建数据文件夹 %s：%w", dir, err)
	}
	path := filepath.Join(dir, LockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("无法使用数据文件夹 %s：%w", dir, err)
	}
	locked, err := lockFile(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("无法锁定 %s：%w", path, err)
	}
	if !locked {
		b, _ := os.ReadFile(path)
		f.Close()
		holder, mark, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
		e := &InUseError{Dir: dir, Holder: strings.TrimSpace(holder), Shown: strings.TrimSpace(mark) == shownMark}
		fmt.Sscanf(e.Holder, "进程 %d", &e.Pid)
		return nil, e
	}
	// who holds it, for the message a second start shows
	f.Truncate(0)
	fmt.Fprintf(f, "进程 %d，%s 起", os.Getpid(), time.Now().Format("2006-01-02 15:04"))
	f.Sync()
	return &DirLock{dir: dir, f: f}, nil
}

// shownMark is the lock file's second line once the holder's window shows.
const shownMark = "窗口已显示"

// Shown records in the lock file that the holder's window is on screen, so
// that a second start knows there is a window to bring forward rather than
// one still starting.
func (l *DirLock) Shown() error {
	if l == nil || l.f == nil {
		return nil
	}
	if _, err := l.f.Seek(0, io.SeekEnd); err != nil {
		return err
	}
	if _, err := fmt.Fprint(l.f, "\n"+shownMark); err != nil {
		return err
	}
	return l.f.Sync()
}

// Dir is the data folder held.
func (l *DirLock) Dir() string { return l.dir }

// Unlock lets other programs open the data folder.
func (l *DirLock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	l.f.Truncate(0)
	err := l.f.Close()
	l.f = nil
	return err
}
