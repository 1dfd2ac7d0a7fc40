package app

import (
	"io"

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
