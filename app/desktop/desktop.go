// Package desktop hands files to the rest of the PC: it opens a file with
// the program the user chose for its kind, prints it through that program,
// and shows it selected in its folder. Its errors are Chinese sentences a
// user can act on. On Windows it calls the shell (ShellExecuteW, explorer)
// with the plain path, never a file URL: the shell does not decode the
// percent-encoded UTF-8 of a URL, and GovDesk's paths are always Chinese.
package desktop

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Open opens the file with the program the PC uses for its kind (for a PDF,
// the PDF reader).
func Open(path string) error {
	return act(path, actOpen)
}

// Print sends the file to the printer through the program the PC uses for
// its kind, as 打印 in Explorer's menu does.
func Print(path string) error {
	return act(path, actPrint)
}

// Reveal opens the folder that holds the file, with the file selected where
// the system can do that (Explorer can).
func Reveal(path string) error {
	return act(path, actReveal)
}

// action is what is done with a file.
type action int

const (
	actOpen action = iota
	actPrint
	actReveal
)

// verb is the action in the words of a message: 打开, 打印.
func (a action) verb() string {
	switch a {
	case actPrint:
		return "打印"
	case actReveal:
		return "打开所在文件夹"
	}
	return "打开"
}

func act(path string, a action) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("无法%s %s：%w", a.verb(), path, err)
	}
	if _, err := os.Stat(abs); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("文件 %s 不存在，可能已被移动或删除", abs)
		}
		return fmt.Errorf("无法读取文件 %s：%w", abs, err)
	}
	return run(abs, a)
}

// problem is why the system could not act on a file, as the system reports
// it; explain turns it into what the user should do.
type problem int

const (
	problemOther problem = iota
	problemNotFound
	problemNoProgram // no program is associated with the file's kind or verb
	problemDenied
	problemCancelled
)

// explain says in Chinese why the action failed and what to do. detail is
// the system's own text, kept for IT.
func explain(p problem, a action, path, detail string) error {
	ext := filepath.Ext(path)
	kind := "这类文件"
	if ext != "" {
		kind = "“" + ext + "”文件"
	}
	var msg string
	switch {
	case p == problemNotFound:
		msg = fmt.Sprintf("找不到文件 %s，可能已被移动或删除。", path)
	case p == problemNoProgram && a == actPrint:
		msg = fmt.Sprintf("这台电脑上打开%s的程序不支持直接打印。请点“打开”，在阅读器中选择打印。", kind)
	case p == problemNoProgram:
		msg = fmt.Sprintf("这台电脑上没有可以打开%s的程序。请安装 PDF 阅读器（如 WPS Office 或 Adobe Acrobat Reader），或请信息科协助设置默认程序。\n文件保存在：%s", kind, path)
	case p == problemDenied:
		msg = fmt.Sprintf("没有权限%s文件 %s。请检查文件是否被其他程序占用，或请信息科协助。", a.verb(), path)
	case p == problemCancelled:
		msg = fmt.Sprintf("已取消%s。", a.verb())
	default:
		msg = fmt.Sprintf("无法%s文件 %s。请在文件夹中找到它，手动打开。", a.verb(), path)
	}
	if detail != "" {
		msg += "\n技术信息：" + detail
	}
	return errors.New(msg)
}
