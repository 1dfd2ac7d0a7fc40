package app

import (
	"io"

	"govdesk/models"
	"govdesk/reports"
)

// substitutesData is what 替岗 needs: the substitutions and the leave they
// cover, the badges and seat plates with their loans, the roster for the
// forms and filters, and the printed forms.
type substitutesData interface {
	clock
	Substitutions(models.SubstitutionFilter) ([]models.Substitution, error)
	SaveSubstitution(x *models.Substitution, register bool) error
	DeleteSubstitution(id uint) error
	Leaves(models.LeaveFilter) ([]models.LeaveRequest, error)
	BadgeInventory() ([]models.BadgeStatus, error)
	SaveBadgeItem(*models.BadgeItem) error
	IssueBadge(itemID, substitutionID uint, on models.Date, note string) (models.BadgeLoan, error)
	ReturnBadge(loanID uint, on models.Date) error
	LoseBadge(loanID uint, on models.Date, note string) error
	StaffList() ([]models.Staff, error)
	ServiceWindows() ([]models.ServiceWindow, error)
	HomeUnits() ([]models.HomeUnit, error)
	archive
	// The printouts, written as PDF files at path.
	PrintSubstitutionForm(id uint, path string) error
	PrintBadgeRegister(from, to models.Date, path string) error
}

// uniformsData is what 服装 needs: the ledger and its lists, season
// changes, exemptions and dress inspections, the roster, the printed
// receipts and notices, imports and exports.
type uniformsData interface {
	clock
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
	StaffList() ([]models.Staff, error)
	ServiceWindows() ([]models.ServiceWindow, error)
	Operator() string
	archive
	importer
	exporter
	// The printouts, written as PDF files at path.
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
