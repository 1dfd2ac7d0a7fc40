package app

import (
	"fmt"
	"sort"
	"strconv"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"govdesk/models"
)

// How the screens write months, days, people and scores, the same on every
// screen.

// monthTitle gives "2026年11月".
func monthTitle(first models.Date) string {
	return fmt.Sprintf("%d年%d月", first.Year(), int(first.Month()))
}

// monthKeyTitle gives "2026年11月" for "2026-11".
func monthKeyTitle(month string) string {
	if d, err := models.ParseMonth(month); err == nil {
		return monthTitle(d)
	}
	return month
}

// signed gives "+1", "−2".
func signed(v float64) string {
	if v < 0 {
		return "−" + fmtScore(-v)
	}
	return "+" + fmtScore(v)
}

// weekdayNames are the days of the week by time.Weekday.
var weekdayNames = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// blankIfZero shows a count in an entry, leaving 0 (not given) blank.
func blankIfZero(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// staffLabel names a person "王堃（ZW100）".
func staffLabel(p models.Staff) string { return p.Name + "（" + p.EmployeeNo + "）" }

// dash shows an empty field as "—", so a blank is visibly not filled in.
func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// chineseCollator orders Chinese text by pinyin.
var chineseCollator = collate.New(language.SimplifiedChinese, collate.Numeric)

// sortChinese sorts labels in Chinese (pinyin) order, numbers by value.
func sortChinese(s []string) {
	sort.SliceStable(s, func(i, j int) bool { return chineseCollator.CompareString(s[i], s[j]) < 0 })
}

// fmtScore formats a score as the outputs do: 98.5, 100, -3.
func fmtScore(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
