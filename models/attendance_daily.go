package models

import "sort"

// DayRate is one working day of a month's attendance across the centre: of
// the half-days people were due at their windows (approved leave and days
// without punch records not counted), how many they were there.
type DayRate struct {
	Date               Date
	Due, Attended, Off int // half-days due, attended, and 旷工
	OnLeave            int // half-days excused by approved leave, outside Due
}

// Rate is Attended / Due, 0 when nobody was due.
func (r DayRate) Rate() float64 {
	if r.Due == 0 {
		return 0
	}
	return float64(r.Attended) / float64(r.Due)
}

// DailyRates sums the sheet's people day by day, in date order, over the
// working days judged so far; a day whose records nobody has yet (every
// half unrecorded) is left out.
func (a AttendanceSheet) DailyRates() []DayRate {
	byDay := map[Date]*DayRate{}
	var order []Date
	for _, m := range a.Summaries {
		for _, d := range m.Days {
			if !d.Working || d.Unrecorded {
				continue
			}
			r := byDay[d.Date]
			if r == nil {
				r = &DayRate{Date: d.Date}
				byDay[d.Date] = r
				order = append(order, d.Date)
			}
			for _, h := range d.Halves {
				switch {
				case h.OnLeave:
					r.OnLeave++
				case h.Absent:
					r.Due++
					r.Off++
				default:
					r.Due++
					r.Attended++
				}
			}
		}
	}
	sort.Slice(order, func(i, j int) bool { return order[i].Before(order[j]) })
	out := make([]DayRate, 0, len(order))
	for _, d := range order {
		if byDay[d].Due > 0 {
			out = append(out, *byDay[d])
		}
	}
	return out
}
