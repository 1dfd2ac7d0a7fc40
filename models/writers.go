package models

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WriterFile is the file beside the database in which the program writing
// to it says who it is, while it writes: another program that has to wait
// can then name it ("命令行导入（进程 1234，操作员 张三）") instead of
// blaming the file.
const WriterFile = "govdesk.writing"

// ErrBusy marks a write refused because another program kept the database
// for longer than this one could wait.
var ErrBusy = errors.New("数据库正由另一个程序写入")

// BusyError says who is writing, as far as the data folder tells, and how
// long this program waited.
type BusyError struct {
	Holder string
	Waited time.Duration
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("数据库正由%s写入，等待 %s后仍未完成，本次没有写入任何数据。请等它完成后再试一次",
		e.Holder, waitText(e.Waited))
}

func (e *BusyError) Is(target error) bool { return target == ErrBusy }

// waitText is a duration as a person says it: "5 秒", "2 分 10 秒".
func waitText(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	if s < 60 {
		return fmt.Sprintf("%d 秒", s)
	}
	if s%60 == 0 {
		return fmt.Sprintf("%d 分钟", s/60)
	}
	return fmt.Sprintf("%d 分 %d 秒", s/60, s%60)
}

// Waiter is told, every few seconds, that a write waits for another writer
// (named as in BusyError) and for how long it has waited so far.
type Waiter func(holder string, waited time.Duration)

// WithWaiting makes writes wait up to max for another program that writes
// to the database (an import, a demo fill, the window saving), telling wait
// about it every few seconds; without it a write waits a few seconds and is
// then refused with a *BusyError.
func WithWaiting(max time.Duration, wait Waiter) Option {
	return func(s *Store) {
		s.waitMax, s.waiter = max, wait
	}
}

// WithWriterName says who this program is in the message of another program
// that has to wait for one of its writes, such as "命令行导入".
func WithWriterName(name string) Option {
	return func(s *Store) { s.writerName = name }
}

// markWriting records in WriterFile that this program writes now; done
// removes the mark. A folder where the file cannot be written loses only
// the name in another program's message.
func (s *Store) markWriting(operator string) (done func()) {
	path := filepath.Join(s.dir, WriterFile)
	note := s.writerNote(operator)
	if os.WriteFile(path, []byte(note), 0o644) != nil {
		return func() {}
	}
	return func() { os.Remove(path) }
}

// writerNote is how another program that waits names this one, writing
// for operator: on a server, with this PC's name.
func (s *Store) writerNote(operator string) string {
	name := s.writerName
	if name == "" {
		name = "另一个政务窗口管理程序"
	}
	pc := ""
	if s.OnServer() {
		pc = "电脑 " + s.pcName() + "，"
	}
	return fmt.Sprintf("%s（%s进程 %d，操作员 %s，%s 开始）", name, pc, os.Getpid(), operator, s.Now().Format("15:04:05"))
}

// otherWriter names the program that holds the database's write lock: the
// one WriterFile names, else the window that holds the data folder
// (LockFile), else "另一个程序".
func otherWriter(dir string) string {
	if b, err := os.ReadFile(filepath.Join(dir, WriterFile)); err == nil {
		// (never this store's own: it removes its mark before it can wait)
		if note := strings.TrimSpace(string(b)); note != "" {
			return note
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, LockFile)); err == nil {
		holder, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
		if holder = strings.TrimSpace(holder); holder != "" && !strings.HasPrefix(holder, fmt.Sprintf("进程 %d，", os.Getpid())) {
			return "政务窗口管理窗口（" + holder + "）"
		}
	}
	return "另一个程序"
}
