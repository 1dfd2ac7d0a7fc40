package app

import (
	"io"

	"govdesk/models"
	"govdesk/reports"
)

// scoringData is what the scoring screens (评分: the month, the quarter and
// its selection meeting, the trend) need from the store: the scores and
// their states, the roster for the trend's choices, the papers and exports,
// and the records behind score items (scoreRecordData).
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
	AwardDecisions(quarter string) ([]models.AwardDecision, error)
	RecordAwardDecisions(quarter string, decided models.Date, ds []models.AwardDecision) error
	// PrintMonthRanking prints the month's 满意窗口 ranking bulletin into the PDF at path.
	PrintMonthRanking(month, path string) error
	// PrintMeetingPaper prints one paper of a quarter's selection meeting into the PDF at path.
	PrintMeetingPaper(quarter string, paper reports.MeetingPaper, path string) error
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

func (d storeData) PrintMeetingPaper(quarter string, paper reports.MeetingPaper, path string) error {
	return writePDF(path, func(w io.Writer) error {
		return reports.PrintMeetingPaper(d.Store, quarter, paper, reports.PrintOptions{}, w)
	})
}
