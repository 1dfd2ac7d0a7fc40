package app

import "govdesk/models"

// calendarClock is the clock with the working calendar, for choosing which
// period a screen opens on.
type calendarClock interface {
	clock
	Calendar() (*models.Calendar, error)
}

// openingMonth is the month a sheet or ranking opens on: the month in
// progress once one of its working days is over, else the month before (on
// the 1st, or over a New Year or Spring Festival holiday nothing of the new
// month can be judged yet, and the office is closing the last one).
func openingMonth(d calendarClock) models.Date {
	today := d.Today()
	first, _ := models.MonthSpan(today)
	cal, err := d.Calendar()
	if err != nil {
		return first
	}
	for day := first; day.Before(today); day = day.AddDays(1) {
		if cal.IsWorkingDay(day) {
			return first
		}
	}
	prev, _ := models.MonthSpan(first.AddDays(-1))
	return prev
}

// openingQuarter is the quarter the 服务明星 view opens on: during a
// quarter's first month the office holds the selection meeting for the
// quarter just ended, so that one; afterwards the quarter in progress.
func openingQuarter(today models.Date) (year, q int) {
	year, q = today.Year(), (int(today.Month())-1)/3+1
	if (int(today.Month())-1)%3 == 0 {
		if q--; q == 0 {
			year, q = year-1, 4
		}
	}
	return year, q
}
