package app

import (
	"io"

	"govdesk/models"
	"govdesk/reports"
)

// scoringData is what the scoring screens (评分: the month, the quarter, the
// selection of each (selection.go), the trend) need from the store: the
// scores and their states, the roster for the trend's choices and the
// meeting's members, the papers and exports, and the records behind score
// items (scoreRecordData).
type scoringData interface {
	calendarClock
	ServiceWindows() ([]models.ServiceWindow, error)
	StaffList() ([]models.Staff, error)
	ScoreMonth(month string) (models.MonthScores, error)
	ScoreQuarter(quarter string) (models.QuarterScores, error)
	ScoreMonthStateOf(month string) (models.ScoreMonthState, error)
	CloseScoreMonth(month string) error
	PublishScoreMonth(month string) error
	ReopenScoreMonth(month, reason string) error
	// PrintMonthRanking prints the month's 满意窗口 ranking bulletin into the PDF at path.
	PrintMonthRanking(month, path string) error
	selectionData
	archive
	exporter
	scoreRecordData
	bonusStopData
}

func (d storeData) PrintMonthRanking(month, path string) error {
	return writePDF(path, func(w io.Writer) error {
		return reports.PrintMonthRanking(d.Store, month, reports.PrintOptions{}, w)
	})
}
