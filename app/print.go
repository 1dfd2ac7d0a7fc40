package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// archive is the data folder, under which printed papers are kept.
type archive interface {
	Dir() string
}

// noticePrinter prints citizen-facing notices (文书) into the archive.
type noticePrinter interface {
	archive
	// PrintNotices prints the notices into one PDF at path (see reports.PrintNotices).
	PrintNotices(ctx context.Context, reqs []reports.NoticeRequest, path string, progress reports.Progress) ([]models.IssuedNotice, error)
}

// noticeDir is where printed notices are kept, so that every notice a case
// received can be opened again: <data>/文书/<year>/.
func noticeDir(d archive) string {
	return filepath.Join(d.Dir(), "文书", time.Now().Format("2006"))
}

// printHow says how a notice is printed from the case file.
type printHow int

const (
	printIssue    printHow = iota // a notice the case holds is reprinted, others take a number
	printReprint                  // print a notice the case holds again, with the facts it was issued with
	printNewIssue                 // issue again under a new 文号, voiding the one the case holds
)

// printNotice prints one kind of notice for the given cases: it asks for the
// facts the record does not hold (a reason, a list to correct; not for a
// reprint, which says what the notice said), prints into the archive folder
// off the UI goroutine with a progress bar that can be cancelled, and then
// offers to open or save the PDF. done runs after a successful print.
func printNotice(s *shell, d noticePrinter, kindName string, caseNos []string, how printHow, done func([]models.IssuedNotice)) {
	kind, ok := models.NoticeKindByName(kindName)
	if !ok || len(caseNos) == 0 {
		return
	}
	if how == printReprint || len(kind.Inputs) == 0 && !kind.WithinNoticeDays {
		runPrint(s, d, kind, caseNos, nil, "", how, done)
		return
	}
	entries := map[string]*widget.Entry{}
	var items []*widget.FormItem
	for _, in := range kind.Inputs {
		e := widget.NewEntry()
		if in.Multi {
			e = widget.NewMultiLineEntry()
			e.SetMinRowsVisible(4)
		}
		e.SetPlaceHolder(in.Hint)
		entries[in.Name] = e
		label := in.Name
		if in.Required {
			label += "（必填）"
		}
		it := widget.NewFormItem(label, e)
		if !in.Required {
			it.HintText = "不填则用默认内容"
		}
		items = append(items, it)
	}
	override := widget.NewEntry()
	if kind.WithinNoticeDays {
		override.SetPlaceHolder("如：申请人补交材料后发现新的缺项")
		it := widget.NewFormItem("逾期出具理由", override)
		it.HintText = "收件超过规定工作日后出具时填写；只登记备查，不印在文书上"
		items = append(items, it)
	}
	errs := newFormErrors()
	form := widget.NewForm(items...)
	var inputs map[string]string
	newFormDialog(s, "印制"+kind.Name, "印制", form, errs, func() error {
		inputs = map[string]string{}
		var fe models.FieldErrors
		for _, in := range kind.Inputs {
			v := strings.TrimSpace(entries[in.Name].Text)
			if in.Required && v == "" {
				fe = append(fe, models.FieldError{Field: in.Name, Reason: "请填写" + in.Name})
			}
			if v != "" {
				inputs[in.Name] = v
			}
		}
		if len(fe) > 0 {
			return fe
		}
		return nil
	}, func() { runPrint(s, d, kind, caseNos, inputs, strings.TrimSpace(override.Text), how, done) })
}

// runPrint prints off the UI goroutine with progress and a cancel button.
func runPrint(s *shell, d noticePrinter, kind models.NoticeKind, caseNos []string, inputs map[string]string, override string, how printHow, done func([]models.IssuedNotice)) {
	reqs := make([]reports.NoticeRequest, len(caseNos))
	for i, no := range caseNos {
		reqs[i] = reports.NoticeRequest{Kind: kind.Name, CaseNo: no, Inputs: inputs, Override: override, NewIssue: how == printNewIssue}
	}
	dir := noticeDir(d)
	name := fmt.Sprintf("%s-%s-%s.pdf", kind.Name, caseNos[0], time.Now().Format("20060102-150405"))
	if len(caseNos) > 1 {
		name = fmt.Sprintf("%s-批量%d份-%s.pdf", kind.Name, len(caseNos), time.Now().Format("20060102-150405"))
	}
	path := filepath.Join(dir, name)

	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	status := widget.NewLabel(fmt.Sprintf("正在印制 %d 份%s…", len(caseNos), kind.Name))
	stop := widget.NewButton("取消", cancel)
	prog := dialog.NewCustomWithoutButtons("印制文书", container.NewVBox(status, bar, container.NewCenter(stop)), s.win)
	prog.Resize(fyne.NewSize(460, 160))
	prog.Show()

	var issued []models.IssuedNotice
	s.async(func() (err error) {
		if err = os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("无法创建文件夹 %s：%w", dir, err)
		}
		issued, err = d.PrintNotices(ctx, reqs, path, func(n, total int) {
			fyne.Do(func() { bar.SetValue(float64(n) / float64(total)) })
		})
		return err
	}, func(err error) {
		prog.Hide()
		cancel()
		switch {
		case err == reports.ErrCancelled:
			dialog.ShowInformation("已取消", "已取消印制，没有生成文件，也没有占用文号。", s.win)
		case err != nil:
			showError("无法印制"+kind.Name, err, s.win)
		default:
			s.changed()
			if done != nil {
				done(issued)
			}
			showPrinted(s, kind.Name, issued, path)
		}
	})
}

// showPrinted tells what was printed and offers to open, print or save the PDF.
func showPrinted(s *shell, kind string, issued []models.IssuedNotice, path string) {
	nums := make([]string, 0, len(issued))
	reprinted := 0
	for _, n := range issued {
		nums = append(nums, n.DocNo)
		if n.Reprinted {
			reprinted++
		}
	}
	summary := fmt.Sprintf("已印制 %d 份%s：%s", len(issued), kind, strings.Join(nums, "、"))
	if len(nums) > 6 {
		summary = fmt.Sprintf("已印制 %d 份%s：%s … %s", len(issued), kind, nums[0], nums[len(nums)-1])
	}
	switch {
	case reprinted == len(issued):
		summary += "（重印，沿用原文号）"
	case reprinted > 0:
		summary += fmt.Sprintf("（其中 %d 份已印制过，重印沿用原文号）", reprinted)
	}
	showFileDone(s, "印制完成", summary, path)
}

// saveCopy lets the user keep a copy of a printed file elsewhere.
func saveCopy(s *shell, from string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		defer wc.Close()
		in, err := os.Open(from)
		if err == nil {
			defer in.Close()
			_, err = io.Copy(wc, in)
		}
		if err != nil {
			showError("无法保存", err, s.win)
		}
	}, s.win)
	d.SetFileName(filepath.Base(from))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// writePDF makes the folder and writes the PDF whole
// (reports.WriteFileAtomic): a failed print leaves no file and no half PDF.
func writePDF(path string, print func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("无法创建文件夹 %s：%w", filepath.Dir(path), err)
	}
	return reports.WriteFileAtomic(path, print)
}

// showPrintedFile tells what was printed and offers to open, print or save the PDF.
func showPrintedFile(s *shell, summary, path string) {
	showFileDone(s, "打印完成", summary, path)
}

// printInternal prints an internal form into the archive folder
// (<data>/文书/<year>/) off the UI goroutine, then offers to open it.
// done gets the path after a successful print.
func printInternal(s *shell, d archive, what, name string, print func(path string) error, done func(path string)) {
	path := filepath.Join(noticeDir(d), fmt.Sprintf("%s-%s-%s.pdf", what, name, time.Now().Format("20060102-150405")))
	s.async(func() error { return print(path) }, func(err error) {
		if err != nil {
			showError("无法印制"+what, err, s.win)
			return
		}
		if done != nil {
			done(path)
		}
		showFileDone(s, "印制完成", "已印制"+what+"。", path)
	})
}

// printScoringPaper prints a scoring paper into <data>/文书/<year>/ off the
// UI goroutine, then offers to open or keep it.
func printScoringPaper(s *shell, d archive, what string, print func(path string) error) {
	dir := noticeDir(d)
	path := filepath.Join(dir, fmt.Sprintf("%s-%s.pdf", what, time.Now().Format("20060102-150405")))
	s.async(func() error {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("无法创建文件夹 %s：%w", dir, err)
		}
		return print(path)
	}, func(err error) {
		if err != nil {
			showError("无法打印"+what, err, s.win)
			return
		}
		showPrintedFile(s, "已打印"+what, path)
	})
}
