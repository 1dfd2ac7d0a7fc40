package app

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// substituteUniformData is what the 替岗 and 服装 screens need from the
// store (part of Data).
type substituteUniformData interface {
	Substitutions(models.SubstitutionFilter) ([]models.Substitution, error)
	SaveSubstitution(x *models.Substitution, register bool) error
	DeleteSubstitution(id uint) error
	BadgeInventory() ([]models.BadgeStatus, error)
	BadgeLoans(models.BadgeLoanFilter) ([]models.BadgeLoan, error)
	OverdueBadges(today models.Date) ([]models.BadgeLoan, error)
	SaveBadgeItem(*models.BadgeItem) error
	IssueBadge(itemID, substitutionID uint, on models.Date, note string) (models.BadgeLoan, error)
	ReturnBadge(loanID uint, on models.Date) error
	LoseBadge(loanID uint, on models.Date, note string) error

	UniformLists() (models.UniformLists, error)
	SaveUniformLists(models.UniformLists) error
	UniformIssues(models.UniformFilter) ([]models.UniformIssue, error)
	SaveUniformIssue(*models.UniformIssue) error
	IssueUniforms([]models.UniformIssue) error
	SignUniformIssues(ids []uint) error
	DeleteUniformIssue(id uint) error
	UniformSummary(models.UniformFilter) (models.UniformSummary, error)
	UniformExemptions() (map[uint]string, error)
	SetUniformExempt(staffID uint, exempt bool, reason string) error
	SeasonChanges() ([]models.SeasonChange, error)
	SaveSeasonChange(*models.SeasonChange) error
	DeleteSeasonChange(id uint) error
	UniformPending(changeID uint) ([]models.Staff, error)
	RecordDressInspection(models.DressInspection) (models.Violation, error)
	DressInspections() ([]models.Violation, error)

	// The printouts, written as PDF files at path.
	PrintSubstitutionForm(id uint, path string) error
	PrintBadgeRegister(from, to models.Date, path string) error
	PrintUniformReceipt(issueIDs []uint, path string) error
	PrintSeasonNotice(changeID uint, path string) error
}

func (d storeData) PrintSubstitutionForm(id uint, path string) error {
	return writePDF(path, func(w io.Writer) error {
		return reports.PrintSubstitutionForm(d.Store, id, reports.PrintOptions{}, w)
	})
}

func (d storeData) PrintBadgeRegister(from, to models.Date, path string) error {
	return writePDF(path, func(w io.Writer) error {
		return reports.PrintBadgeRegister(d.Store, reports.BadgeRegisterOptions{From: from, To: to}, reports.PrintOptions{}, w)
	})
}

func (d storeData) PrintUniformReceipt(ids []uint, path string) error {
	return writePDF(path, func(w io.Writer) error {
		return reports.PrintUniformReceipt(d.Store, ids, reports.PrintOptions{}, w)
	})
}

func (d storeData) PrintSeasonNotice(changeID uint, path string) error {
	return writePDF(path, func(w io.Writer) error {
		return reports.PrintSeasonNotice(d.Store, changeID, reports.PrintOptions{}, w)
	})
}

// printInternal prints an internal form into the archive folder
// (<data>/文书/<year>/) off the UI goroutine, then offers to open it.
// done gets the path after a successful print.
func printInternal(s *shell, what, name string, print func(path string) error, done func(path string)) {
	path := filepath.Join(noticeDir(s), fmt.Sprintf("%s-%s-%s.pdf", what, name, time.Now().Format("20060102-150405")))
	s.async(func() error { return print(path) }, func(err error) {
		if err != nil {
			showError("无法印制"+what, err, s.win)
			return
		}
		if done != nil {
			done(path)
		}
		open := widget.NewButton("打开预览", func() { openFile(s, path) })
		open.Importance = widget.HighImportance
		save := widget.NewButton("另存为…", func() { saveCopy(s, path) })
		body := container.NewVBox(wrapLabel("已印制"+what+"。"), wrapLabel("文件保存在："+path), container.NewHBox(open, save))
		d := dialog.NewCustom("印制完成", "关闭", body, s.win)
		d.Resize(fyne.NewSize(560, 220))
		d.Show()
	})
}
