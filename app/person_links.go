package app

import "govdesk/models"

// personRecords opens a list screen at one person's records: every month
// and status, searched by their 工号. A person's page links to their leave,
// uniforms and scores this way.
type personRecords struct {
	screen     string      // 请假, 服装 or 评分
	employeeNo string      // what the list is searched for
	month      models.Date // the month, where the screen shows one (评分)
}

func (r personRecords) target() string { return r.screen }

// showPerson lists one person's leave requests of any month and status.
func (sc *leaveScreen) showPerson(r personRecords) {
	sc.month.SetSelected(allMonths)
	sc.status.SetSelected(allStatuses)
	sc.list.search.SetText(r.employeeNo)
}

// handle opens the uniform ledger at one person's issues.
func (sc *uniformsScreen) handle(r request) {
	pr, ok := r.(personRecords)
	if !ok {
		return
	}
	sc.tabs.SelectIndex(0)
	sc.kind.SetSelected(allUniformKinds)
	sc.window.SetSelected(allWindows)
	sc.ledger.search.SetText(pr.employeeNo)
}

// showPerson opens the month's ranking of people at one person.
func (sc *scoringScreen) showPerson(r personRecords) {
	sc.tabs.SelectIndex(0)
	sc.month.inner.SelectIndex(1)
	sc.month.people.search.SetText(r.employeeNo)
	sc.month.setMonth(r.month)
}
