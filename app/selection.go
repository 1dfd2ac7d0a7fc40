package app

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// selectionData is what a selection's steps need from the store: the
// selection with its ranking, each step, and its papers.
type selectionData interface {
	SelectionOf(kind, period string) (models.SelectionRecord, error)
	Nominate(kind, period string, count int, reason string) error
	RecordMeeting(kind, period string, m models.Meeting, reason string) error
	RecordRunoff(kind, period string, votes []models.RoundVotes) error
	StartPublicity(kind, period string, from models.Date, contact, reason string) error
	AddObjection(kind, period string, o *models.SelectionObjection) error
	ResolveObjection(id uint, outcome string, upheld bool, on models.Date) error
	DecideSelection(kind, period string, on models.Date) error
	ReviewSelection(kind, period, reason string) error
	// PrintSelectionPaper prints one paper of a selection into the PDF at path.
	PrintSelectionPaper(kind, period string, paper reports.MeetingPaper, named bool, path string) error
	Office() (models.Office, error)
}

func (d storeData) PrintSelectionPaper(kind, period string, paper reports.MeetingPaper, named bool, path string) error {
	return writePDF(path, func(w io.Writer) error {
		return reports.PrintSelectionPaper(d.Store, kind, period, paper, reports.PrintOptions{NamedBallot: named}, w)
	})
}

// selectionPanel shows where a selection (评选) stands among its steps —
// 计算 → 封帐 → 提名 → 评选会 → 公示 → 决定 → 表彰 — offers the next step
// only, warns when its basis changed, and prints each paper at its step.
// The month's 满意窗口 and the quarter's 服务明星 each hold one.
type selectionPanel struct {
	sc     *scoringScreen
	kind   string
	period func() string
	// changed tells the owner the selection changed (reload its table).
	changed func()

	rec    models.SelectionRecord
	loaded bool

	steps, status, basis                                                     *widget.Label
	nominate, meeting, runoff, publicity, objections, decide, review, papers *widget.Button
	box                                                                      fyne.CanvasObject

	// the forms last opened, for tests
	nominateForm  *nominateForm
	meetingForm   *meetingRecordForm
	runoffForm    *runoffForm
	publicityForm *publicityForm
	objectionList *objectionList
	decideForm    *decideForm
	reviewForm    *reviewForm
	paperMenu     *fyne.Menu
}

func newSelectionPanel(sc *scoringScreen, kind string, period func() string, changed func()) *selectionPanel {
	sp := &selectionPanel{sc: sc, kind: kind, period: period, changed: changed}
	sp.steps = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sp.status = wrapLabel("")
	sp.basis = wrapLabel("")
	sp.basis.Importance = widget.DangerImportance
	sp.basis.Hide()
	sp.nominate = widget.NewButtonWithIcon("提名…", theme.ContentAddIcon(), sp.onNominate)
	sp.meeting = widget.NewButtonWithIcon("记录评选会…", theme.DocumentCreateIcon(), sp.onMeeting)
	sp.runoff = widget.NewButtonWithIcon("再次投票…", theme.DocumentCreateIcon(), sp.onRunoff)
	sp.publicity = widget.NewButtonWithIcon("开始公示…", theme.VisibilityIcon(), sp.onPublicity)
	sp.objections = widget.NewButtonWithIcon("公示异议…", theme.QuestionIcon(), sp.onObjections)
	sp.decide = widget.NewButtonWithIcon("作出决定…", theme.ConfirmIcon(), sp.onDecide)
	sp.review = widget.NewButtonWithIcon("复核…", theme.WarningIcon(), sp.onReview)
	sp.review.Importance = widget.DangerImportance
	sp.papers = widget.NewButtonWithIcon("打印材料", theme.DocumentPrintIcon(), sp.onPapers)
	actions := container.NewHBox(sp.nominate, sp.meeting, sp.runoff, sp.publicity, sp.objections, sp.decide, sp.review,
		widget.NewSeparator(), sp.papers)
	sp.box = container.NewVBox(sp.steps, actions, sp.status, sp.basis)
	sp.setButtons()
	return sp
}

// load reads the selection off the UI goroutine and shows it.
func (sp *selectionPanel) load() {
	kind, period := sp.kind, sp.period()
	d := sp.sc.data
	var rec models.SelectionRecord
	sp.sc.shell.async(func() (err error) {
		rec, err = d.SelectionOf(kind, period)
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取评选情况", err, sp.sc.shell.win)
			return
		}
		if sp.period() != period {
			return
		}
		sp.show(rec)
	})
}

// show sets the selection shown.
func (sp *selectionPanel) show(rec models.SelectionRecord) {
	sp.rec, sp.loaded = rec, true
	var parts []string
	at := models.StageIndex(rec.Stage)
	for i, s := range models.SelectionStages {
		switch {
		case i == at:
			parts = append(parts, "【"+s+"】")
		case i < at:
			parts = append(parts, s+"✓")
		default:
			parts = append(parts, s)
		}
	}
	sp.steps.SetText(rec.Title() + "评选：" + strings.Join(parts, " → "))
	sp.status.SetText(selectionStatus(rec))
	if rec.BasisChanged() {
		var lines []string
		if rec.Selection.Flag != "" {
			lines = append(lines, strings.Split(rec.Selection.Flag, "\n")...)
		}
		lines = append(lines, rec.Changes...)
		sp.basis.SetText("⚠ 评选依据已变化，须复核后才能继续（复核后维持，或重新提名）：\n" + strings.Join(lines, "\n"))
		sp.basis.Show()
	} else {
		sp.basis.Hide()
	}
	sp.setButtons()
}

// selectionStatus says what has been done and what comes next.
func selectionStatus(rec models.SelectionRecord) string {
	sel := rec.Selection
	r := rec.Rules
	switch {
	case sel.Legacy:
		return fmt.Sprintf("旧版本记录的评选结果（%s）：授予%s；无评选会和公示记录。如需补走程序，请重新提名。",
			sel.DecidedOn.Chinese(), nomineeNames(rec.Awarded()))
	case rec.Stage == models.StageScoring && !rec.Ended():
		return fmt.Sprintf("期间到%s才结束：排名随记录变化，结束并封帐后才能提名。", rec.End.Chinese())
	case rec.Stage == models.StageScoring:
		return fmt.Sprintf("%s尚未封帐：请在“月度评分”中核对后封帐，封帐后才能提名。", monthsText(rec.OpenMonths()))
	case rec.Stage == models.StageLocked && len(rec.Unscored) > 0:
		return monthsText(rec.Unscored) + "没有任何打卡记录，得分不能作为评选依据，本期不能评选。"
	case rec.Stage == models.StageLocked && !rec.Ended():
		return fmt.Sprintf("期间到%s才结束，结束后才能提名。", rec.End.Chinese())
	case rec.Stage == models.StageLocked:
		return fmt.Sprintf("已封帐。下一步：从排名中提名候选人（名额%d名，可差额；同分的并列提名，由评选会决定）。", places(rec))
	case rec.Stage == models.StageNominated:
		return fmt.Sprintf("%s提名%s（数据截至%s）。下一步：打印候选人材料、表决票和计票单，评选会后“记录评选会”（%s，%s）。",
			sel.NominatedOn.Chinese(), nomineeNames(rec.Nominees), models.FormatDateTime(sel.DataAsOf), r.QuorumRule(), r.MajorityRule())
	case rec.Stage == models.StageMeeting && !rec.Tally.Complete():
		return fmt.Sprintf("%s评选会：应到%d人，实到%d人。%s得票相同、超出名额，须对并列者进行第%d轮投票（%d个名额）。",
			sel.MeetingOn.Chinese(), sel.Expected, sel.Present, runoffNames(rec), rec.Tally.RunoffRound, rec.Tally.RunoffSeats)
	case rec.Stage == models.StageMeeting && len(rec.Proposed()) == 0:
		return fmt.Sprintf("%s评选会：应到%d人，实到%d人，无人获得过半数同意票。可重新记录评选会，或作出本期不授予的决定。",
			sel.MeetingOn.Chinese(), sel.Expected, sel.Present)
	case rec.Stage == models.StageMeeting:
		return fmt.Sprintf("%s评选会：应到%d人，实到%d人，当选%s。下一步：公示%d个工作日。",
			sel.MeetingOn.Chinese(), sel.Expected, sel.Present, nomineeNames(rec.Proposed()), r.PublicityDays)
	case rec.Stage == models.StagePublicity:
		state := "公示中"
		if rec.PublicityOver() {
			state = "公示期满"
		}
		text := fmt.Sprintf("%s：%s至%s（%d个工作日），拟授予%s；异议%d件，未处理%d件。", state, sel.PublicityFrom.Chinese(),
			sel.PublicityTo.Chinese(), sel.PublicityDays, nomineeNames(rec.Proposed()), len(rec.Objections), rec.OpenObjections())
		if rec.PublicityOver() && rec.OpenObjections() == 0 {
			text += "下一步：作出决定。"
		} else if !rec.PublicityOver() {
			text += "公示期满、异议处理完毕后才能作出决定。"
		}
		return text
	}
	text := fmt.Sprintf("%s决定：授予%s。", sel.DecidedOn.Chinese(), orNone(nomineeNames(rec.Awarded()), "本期不授予"))
	if rec.Commendation != nil {
		text += "表彰决定 " + rec.Commendation.DocNo + "。"
	} else if len(rec.Awarded()) > 0 {
		text += "下一步：打印表彰决定。"
	}
	if sel.Redo != "" {
		text += "（" + sel.Redo + "）"
	}
	return text
}

func places(rec models.SelectionRecord) int {
	if rec.Kind == models.SelectWindow {
		return rec.Rules.WindowAwards
	}
	return rec.Rules.StarAwards
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

func nomineeNames(ns []models.SelectionNominee) string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Name
	}
	return strings.Join(out, "、")
}

func runoffNames(rec models.SelectionRecord) string {
	var out []string
	for _, id := range rec.Tally.Runoff {
		if n, ok := rec.Nominee(id); ok {
			out = append(out, n.Name)
		}
	}
	return strings.Join(out, "、")
}

func monthsText(months []string) string {
	out := make([]string, len(months))
	for i, m := range months {
		out[i] = models.PeriodTitle(m)
	}
	return strings.Join(out, "、")
}

// setButtons offers the next step only: the store refuses the others too,
// with the reason.
func (sp *selectionPanel) setButtons() {
	rec := sp.rec
	enable := func(b *widget.Button, on bool) {
		if on && sp.loaded {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	stage := rec.Stage
	blocked := rec.BasisChanged() || rec.Selection.Legacy
	enable(sp.nominate, rec.Ended() && rec.Closed() && len(rec.Unscored) == 0)
	sp.nominate.SetText("提名…")
	if rec.Selection.ID != 0 {
		sp.nominate.SetText("重新提名…")
	}
	enable(sp.meeting, !blocked && (stage == models.StageNominated || stage == models.StageMeeting || stage == models.StagePublicity))
	enable(sp.runoff, !blocked && stage == models.StageMeeting && !rec.Tally.Complete())
	enable(sp.publicity, !blocked && stage == models.StageMeeting && rec.Tally.Complete() && len(rec.Proposed()) > 0)
	enable(sp.objections, stage == models.StagePublicity)
	enable(sp.decide, !blocked && ((stage == models.StagePublicity && rec.PublicityOver() && rec.OpenObjections() == 0) ||
		(stage == models.StageMeeting && rec.Tally.Complete() && len(rec.Proposed()) == 0)))
	enable(sp.review, rec.Selection.ID != 0 && rec.BasisChanged())
	enable(sp.papers, true)
	if rec.BasisChanged() {
		sp.review.Show()
	} else {
		sp.review.Hide()
	}
}

// done shows the selection again, and its owner's table, after a step.
func (sp *selectionPanel) done() {
	sp.sc.cache.clear()
	sp.load()
	if sp.changed != nil {
		sp.changed()
	}
}

// paperAt tells the stage a paper needs.
func paperAt(p reports.MeetingPaper) string {
	switch p {
	case reports.Ballot, reports.TallySheet:
		return models.StageNominated
	case reports.Minutes:
		return models.StageMeeting
	case reports.PublicityNotice:
		return models.StagePublicity
	case reports.Commendation, reports.Certificates:
		return models.StageDecided
	}
	return models.StageScoring
}

// onPapers offers the papers of the selection, those of later steps greyed.
func (sp *selectionPanel) onPapers() {
	var items []*fyne.MenuItem
	at := models.StageIndex(sp.rec.Stage)
	for _, p := range reports.SelectionPapers(sp.kind) {
		p := p
		item := fyne.NewMenuItem(string(p), func() { sp.print(p, false) })
		item.Disabled = at < models.StageIndex(paperAt(p)) || ((p == reports.Commendation || p == reports.Certificates) && len(sp.rec.Awarded()) == 0)
		items = append(items, item)
		if p == reports.Ballot {
			named := fyne.NewMenuItem("表决票（记名投票）", func() { sp.print(reports.Ballot, true) })
			named.Disabled = item.Disabled
			items = append(items, named)
		}
	}
	sp.paperMenu = fyne.NewMenu("", items...)
	s := sp.sc.shell
	widget.ShowPopUpMenuAtRelativePosition(sp.paperMenu, s.win.Canvas(), fyne.NewPos(0, sp.papers.Size().Height), sp.papers)
}

// print prints one paper into the notices folder.
func (sp *selectionPanel) print(paper reports.MeetingPaper, named bool) {
	kind, period := sp.kind, sp.period()
	what := sp.rec.Title() + string(paper)
	printScoringPaper(sp.sc.shell, sp.sc.data, what, func(path string) error {
		return sp.sc.data.PrintSelectionPaper(kind, period, paper, named, path)
	})
	if paper == reports.Commendation {
		sp.load() // the 表彰 step is the 表彰决定 in the register
	}
}

// reasonItem is the form item asking why a step is recorded again, shown
// only when it is.
func reasonItem(errs *formErrors, label, placeholder, hint string, again bool) (*widget.Entry, *widget.FormItem) {
	e := widget.NewMultiLineEntry()
	e.SetMinRowsVisible(2)
	e.SetPlaceHolder(placeholder)
	it := errs.item(label, e, hint)
	if !again {
		return e, nil
	}
	return e, it
}

// nominateForm draws the shortlist: how many candidates (at least the
// places; more for a 差额 selection); those tied with the last are added.
type nominateForm struct {
	count, reason *widget.Entry
	preview       *widget.Label
	save          *widget.Button
}

func (sp *selectionPanel) onNominate() {
	rec := sp.rec
	f := &nominateForm{count: widget.NewEntry()}
	errs := newFormErrors()
	n := places(rec)
	f.count.SetText(strconv.Itoa(n))
	// the ranking, in short: the tie notes are in the table and the papers
	var lines []string
	eligible := 0
	for i, c := range rec.Candidates {
		if !c.Eligible {
			continue
		}
		eligible++
		if eligible > 3*n {
			continue
		}
		line := fmt.Sprintf("%d. %s（%s）", c.Rank, c.Name, fmtScore(c.Score))
		if (i > 0 && rec.Candidates[i-1].Eligible && rec.Candidates[i-1].Score == c.Score) ||
			(i+1 < len(rec.Candidates) && rec.Candidates[i+1].Eligible && rec.Candidates[i+1].Score == c.Score) {
			line += "同分"
		}
		lines = append(lines, line)
	}
	text := strings.Join(lines, "　")
	if eligible > 3*n {
		text += fmt.Sprintf("　……共%d名具备资格", eligible)
	}
	f.preview = wrapLabel(text)
	again := rec.Selection.ID != 0
	var reasonIt *widget.FormItem
	f.reason, reasonIt = reasonItem(errs, "重新提名原因", "如：王堃11月补录一次性告知违规，取消资格后重新提名",
		"已提名过：重新提名会清除其后的评选会、公示和决定，原表彰决定随之作废；原因记入操作日志", again)
	items := []*widget.FormItem{
		widget.NewFormItem("评选", widget.NewLabel(rec.Title())),
		errs.item("候选人数", f.count, fmt.Sprintf("名额%d名；多于名额为差额评选。与最后一名同分的一并提名（并列），由评选会投票决定", n)),
		widget.NewFormItem("具备资格的排名", f.preview),
	}
	if reasonIt != nil {
		items = append(items, reasonIt)
	}
	form := widget.NewForm(items...)
	kind, period := sp.kind, sp.period()
	sp.nominateForm = f
	f.save = newFormDialog(sp.sc.shell, "提名："+rec.Title(), "提名", form, errs, func() error {
		count, bad := parseCount("候选人数", f.count.Text)
		if bad != nil {
			return models.FieldErrors{*bad}
		}
		return sp.sc.data.Nominate(kind, period, count, f.reason.Text)
	}, sp.done).save
}

// meetingRecordForm records the selection meeting: who was to come and who
// came, who counted, how the vote was taken, and the first round's votes.
type meetingRecordForm struct {
	date                     *dateField
	place, chair, recorder   *widget.Entry
	members, absent          *widget.Entry
	roster                   *widget.Select
	count                    *widget.Label
	scrutineer, teller       *widget.Entry
	named                    *widget.Check
	issued, returned, spoilt *widget.Entry
	minutes, reason          *widget.Entry
	rows                     []voteRow
	writeIns                 []writeInRow
	save                     *widget.Button
	eligible                 map[string]models.SelectionCandidate
	quorum                   func(expected, present int) bool
	quorumRule               string
}

// voteRow is a candidate's votes in the form.
type voteRow struct {
	n                     models.SelectionNominee
	agree, against, abstn *widget.Entry
}

// writeInRow is a candidate written in on the ballots (另选他人).
type writeInRow struct {
	who   *widget.Select
	agree *widget.Entry
}

func newVoteRow(n models.SelectionNominee) voteRow {
	r := voteRow{n: n, agree: widget.NewEntry(), against: widget.NewEntry(), abstn: widget.NewEntry()}
	for _, e := range []*widget.Entry{r.agree, r.against, r.abstn} {
		e.SetPlaceHolder("0")
	}
	return r
}

func (sp *selectionPanel) onMeeting() {
	rec := sp.rec
	sel := rec.Selection
	errs := newFormErrors()
	f := &meetingRecordForm{date: newDateField(sp.sc.shell.win), place: widget.NewEntry(), chair: widget.NewEntry(), recorder: widget.NewEntry(),
		members: multiEntry("每行一人，如：\n赵主任\n钱科长"), absent: multiEntry("缺席的成员，每行一人"), scrutineer: widget.NewEntry(), teller: widget.NewEntry(),
		named: widget.NewCheck("记名投票（不勾选为无记名投票）", nil), issued: widget.NewEntry(), returned: widget.NewEntry(), spoilt: widget.NewEntry(),
		minutes: multiEntry("会议讨论情况，记入会议记录"), eligible: map[string]models.SelectionCandidate{}, count: widget.NewLabel(""),
		quorum: rec.Rules.QuorumMet, quorumRule: rec.Rules.QuorumRule()}
	f.date.SetDate(sp.sc.data.Today())
	if !sel.MeetingOn.IsZero() {
		f.date.SetDate(sel.MeetingOn)
		f.place.SetText(sel.Place)
		f.chair.SetText(sel.Chair)
		f.recorder.SetText(sel.Recorder)
		f.members.SetText(sel.Members)
		f.absent.SetText(sel.Absent)
		f.scrutineer.SetText(sel.Scrutineer)
		f.teller.SetText(sel.Teller)
		f.named.SetChecked(sel.Named)
		f.minutes.SetText(sel.Minutes)
	}
	f.issued.SetPlaceHolder("同实到人数")
	f.returned.SetPlaceHolder("同发出")
	f.spoilt.SetPlaceHolder("0")
	f.members.OnChanged = func(string) { f.showCount() }
	f.absent.OnChanged = func(string) { f.showCount() }
	f.showCount()
	// members may be picked from the roster, or typed
	var names []string
	if staff, err := sp.sc.data.StaffList(); err == nil {
		for _, p := range staff {
			if p.OnDuty(sp.sc.data.Today()) {
				names = append(names, p.Name)
			}
		}
	}
	f.roster = newSelect(names, func(name string) {
		if name == "" {
			return
		}
		text := strings.TrimRight(f.members.Text, "\n")
		if text != "" {
			text += "\n"
		}
		f.members.SetText(text + name)
		f.roster.ClearSelected()
	})
	f.roster.PlaceHolder = "从名册添加成员"

	grid := container.NewVBox(container.NewGridWithColumns(4, boldLabel(subjectTitle(rec.Kind)), boldLabel("同意"), boldLabel("不同意"), boldLabel("弃权")))
	listed := map[uint]bool{}
	for _, n := range rec.Nominees {
		if n.WriteIn {
			continue
		}
		listed[n.SubjectID] = true
		r := newVoteRow(n)
		if v, ok := rec.VotesOf(n.SubjectID, 1); ok {
			r.agree.SetText(strconv.Itoa(v.Agree))
			r.against.SetText(strconv.Itoa(v.Disagree))
			r.abstn.SetText(strconv.Itoa(v.Abstain))
		}
		f.rows = append(f.rows, r)
		label := n.Name
		if n.Tied {
			label += "（并列）"
		}
		grid.Add(container.NewGridWithColumns(4, widget.NewLabel(label), r.agree, r.against, r.abstn))
	}
	var others []string
	for _, c := range rec.Candidates {
		if c.Eligible && !listed[c.SubjectID] {
			label := c.Name + "（" + c.Code + "）"
			others = append(others, label)
			f.eligible[label] = c
		}
	}
	for i := 0; i < 2; i++ {
		w := writeInRow{who: newSelect(others, nil), agree: widget.NewEntry()}
		w.who.PlaceHolder = "另选他人（具备资格者）"
		w.agree.SetPlaceHolder("0")
		f.writeIns = append(f.writeIns, w)
		grid.Add(container.NewGridWithColumns(4, w.who, w.agree, widget.NewLabel(""), widget.NewLabel("")))
	}
	r := rec.Rules
	var reasonIt *widget.FormItem
	f.reason, reasonIt = reasonItem(errs, "重新记录原因", "如：计票有误，经监票人核对更正",
		"评选会已记录：重新记录会清除其后的公示和决定，原因记入操作日志", models.StageIndex(rec.Stage) > models.StageIndex(models.StageNominated))
	items := []*widget.FormItem{
		widget.NewFormItem("评选", widget.NewLabel(fmt.Sprintf("%s，名额%d名", rec.Title(), sel.Places))),
		errs.item("评选会日期", f.date, "期间结束之后、今天或以前"),
		errs.item("地点", f.place, ""),
		errs.item("主持人", f.chair, ""),
		errs.item("记录人", f.recorder, ""),
		errs.item("参会成员", container.NewBorder(nil, f.roster, nil, nil, f.members), "评选会全体成员（应到），每行一人"),
		errs.item("缺席成员", f.absent, r.QuorumRule()),
		widget.NewFormItem("应到 / 实到", f.count),
		errs.item("监票人", f.scrutineer, "由到会成员担任，不能是候选人"),
		errs.item("计票人", f.teller, "由到会成员担任，与监票人不同"),
		errs.item("表决方式", f.named, ""),
		errs.item("票数", container.NewGridWithColumns(6, widget.NewLabel("发出"), f.issued, widget.NewLabel("收回"), f.returned,
			widget.NewLabel("无效"), f.spoilt), "发出不超过实到人数；空着即按实到人数、全部收回、无无效票"),
		errs.item("候选人", grid, fmt.Sprintf("%s；每人同意、不同意、弃权之和不超过有效票数；每张票同意不超过%d人", r.MajorityRule(), sel.Places)),
		errs.item("另选他人", widget.NewLabel("另选的票填在上表最后两行"), "另选的人须具备评选资格，只计同意票"),
		errs.item("会议情况", f.minutes, "记入会议记录"),
	}
	if reasonIt != nil {
		items = append(items, reasonIt)
	}
	form := widget.NewForm(items...)
	kind, period := sp.kind, sp.period()
	sp.meetingForm = f
	f.save = newFormDialog(sp.sc.shell, "记录评选会："+rec.Title(), "保存", form, errs, func() error {
		m, fe := f.read()
		if len(fe) > 0 {
			return fe
		}
		return sp.sc.data.RecordMeeting(kind, period, m, f.reason.Text)
	}, sp.done).save
}

func subjectTitle(kind string) string {
	if kind == models.SelectWindow {
		return "候选窗口"
	}
	return "候选人"
}

// showCount shows 应到 and 实到 as the members are typed, and whether the
// meeting may vote.
func (f *meetingRecordForm) showCount() {
	members := nonEmptyLines(f.members.Text)
	absent := nonEmptyLines(f.absent.Text)
	expected, present := len(members), len(members)-len(absent)
	text := fmt.Sprintf("应到 %d 人，实到 %d 人", expected, present)
	switch {
	case expected == 0:
		text = "请先列出参会成员"
		f.count.Importance = widget.MediumImportance
	case f.quorum(expected, present):
		text += "：可以表决"
		f.count.Importance = widget.SuccessImportance
	default:
		text += "：不足法定人数（" + f.quorumRule + "），不能表决"
		f.count.Importance = widget.DangerImportance
	}
	f.count.SetText(text)
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// read builds the meeting from the form.
func (f *meetingRecordForm) read() (models.Meeting, models.FieldErrors) {
	var fe models.FieldErrors
	day, err := f.date.DateValue()
	if err != nil {
		fe = append(fe, models.FieldError{Field: "评选会日期", Reason: err.Error()})
	}
	m := models.Meeting{On: day, Place: f.place.Text, Chair: f.chair.Text, Recorder: f.recorder.Text,
		Members: nonEmptyLines(f.members.Text), Absent: nonEmptyLines(f.absent.Text),
		Scrutineer: f.scrutineer.Text, Teller: f.teller.Text, Named: f.named.Checked, Minutes: f.minutes.Text}
	count := func(field, who string, e *widget.Entry) int {
		n, bad := parseCount(field, e.Text)
		if bad != nil {
			bad.Reason = who + bad.Reason
			fe = append(fe, *bad)
		}
		return n
	}
	m.Issued = count("票数", "发出票数：", f.issued)
	m.Returned = count("票数", "收回票数：", f.returned)
	m.Spoil = count("票数", "无效票数：", f.spoilt)
	for _, r := range f.rows {
		m.Votes = append(m.Votes, models.RoundVotes{SubjectID: r.n.SubjectID, Name: r.n.Name,
			For: count("候选人", r.n.Name+"的同意票：", r.agree), Against: count("候选人", r.n.Name+"的不同意票：", r.against),
			Abstain: count("候选人", r.n.Name+"的弃权票：", r.abstn)})
	}
	for _, w := range f.writeIns {
		if w.who.Selected == "" {
			continue
		}
		c := f.eligible[w.who.Selected]
		m.Votes = append(m.Votes, models.RoundVotes{SubjectID: c.SubjectID, Name: c.Name, For: count("另选他人", c.Name+"的同意票：", w.agree)})
	}
	return m, dedupe(fe)
}

// runoffForm records a run-off among the candidates tied at the cut.
type runoffForm struct {
	rows []voteRow
	save *widget.Button
}

func (sp *selectionPanel) onRunoff() {
	rec := sp.rec
	errs := newFormErrors()
	f := &runoffForm{}
	grid := container.NewVBox(container.NewGridWithColumns(4, boldLabel(subjectTitle(rec.Kind)), boldLabel("同意"), boldLabel("不同意"), boldLabel("弃权")))
	for _, id := range rec.Tally.Runoff {
		n, _ := rec.Nominee(id)
		r := newVoteRow(n)
		f.rows = append(f.rows, r)
		grid.Add(container.NewGridWithColumns(4, widget.NewLabel(n.Name), r.agree, r.against, r.abstn))
	}
	round := rec.Tally.RunoffRound
	form := widget.NewForm(
		widget.NewFormItem("评选", widget.NewLabel(rec.Title())),
		widget.NewFormItem("本轮", widget.NewLabel(fmt.Sprintf("第%d轮：%s同票、超出名额，对其再次投票，剩余名额%d名；得票多者当选",
			round, runoffNames(rec), rec.Tally.RunoffSeats))),
		errs.item("候选人", grid, fmt.Sprintf("实到%d人；每人票数之和不超过实到人数", rec.Selection.Present)),
	)
	kind, period := sp.kind, sp.period()
	sp.runoffForm = f
	f.save = newFormDialog(sp.sc.shell, fmt.Sprintf("第%d轮投票：%s", round, rec.Title()), "保存", form, errs, func() error {
		var votes []models.RoundVotes
		var fe models.FieldErrors
		for _, r := range f.rows {
			v := models.RoundVotes{SubjectID: r.n.SubjectID, Name: r.n.Name}
			for _, x := range []struct {
				e    *widget.Entry
				into *int
			}{{r.agree, &v.For}, {r.against, &v.Against}, {r.abstn, &v.Abstain}} {
				n, bad := parseCount("候选人", x.e.Text)
				if bad != nil {
					bad.Reason = r.n.Name + "：" + bad.Reason
					fe = append(fe, *bad)
				}
				*x.into = n
			}
			votes = append(votes, v)
		}
		if len(fe) > 0 {
			return dedupe(fe)
		}
		return sp.sc.data.RecordRunoff(kind, period, votes)
	}, sp.done).save
}

// publicityForm starts the 公示.
type publicityForm struct {
	from            *dateField
	contact, reason *widget.Entry
	save            *widget.Button
}

func (sp *selectionPanel) onPublicity() {
	rec := sp.rec
	errs := newFormErrors()
	f := &publicityForm{from: newDateField(sp.sc.shell.win), contact: widget.NewEntry()}
	f.from.SetDate(sp.sc.data.Today())
	contact := "综合业务科"
	if o, err := sp.sc.data.Office(); err == nil && o.EnquiryPhone != "" {
		contact += "（电话" + o.EnquiryPhone + "）"
	}
	f.contact.SetText(contact)
	var reasonIt *widget.FormItem
	f.reason, reasonIt = reasonItem(errs, "重新公示原因", "如：公示期写错，重新张贴", "已开始公示：重新公示会清除已登记的异议", rec.Stage == models.StagePublicity)
	items := []*widget.FormItem{
		widget.NewFormItem("评选", widget.NewLabel(rec.Title())),
		widget.NewFormItem("拟授予", wrapLabel(nomineeNames(rec.Proposed()))),
		errs.item("公示开始日期", f.from, fmt.Sprintf("不早于评选会（%s）；公示%d个工作日（考勤规则中可改），从开始日算起",
			rec.Selection.MeetingOn.Chinese(), rec.Rules.PublicityDays)),
		errs.item("联系方式", f.contact, "受理异议的部门和电话，印在公示上"),
	}
	if reasonIt != nil {
		items = append(items, reasonIt)
	}
	kind, period := sp.kind, sp.period()
	sp.publicityForm = f
	f.save = newFormDialog(sp.sc.shell, "开始公示："+rec.Title(), "开始公示", widget.NewForm(items...), errs, func() error {
		day, err := f.from.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "公示开始日期", Reason: err.Error()}}
		}
		return sp.sc.data.StartPublicity(kind, period, day, f.contact.Text, f.reason.Text)
	}, sp.done).save
}

// objectionList lists the 公示's objections, each with how it was resolved,
// and records new ones.
type objectionList struct {
	dlg     dialog.Dialog
	add     *widget.Button
	resolve map[uint]*widget.Button
	// the forms last opened
	objector, content, outcome *widget.Entry
	received, resolvedOn       *dateField
	subject                    *widget.Select
	upheld                     *widget.Check
	save                       *widget.Button
}

func (sp *selectionPanel) onObjections() {
	rec := sp.rec
	l := &objectionList{resolve: map[uint]*widget.Button{}}
	rows := container.NewVBox()
	for _, o := range rec.Objections {
		o := o
		about := "不针对具体候选人"
		if n, ok := rec.Nominee(o.SubjectID); ok {
			about = "涉及" + n.Name
		}
		text := fmt.Sprintf("%s 收到（%s，%s）：%s", o.ReceivedOn.String(), o.Objector, about, o.Content)
		state := "未处理"
		if o.Resolved() {
			verdict := "不成立"
			if o.Upheld {
				verdict = "成立"
			}
			state = fmt.Sprintf("%s 办结，异议%s：%s", o.ResolvedOn.String(), verdict, o.Outcome)
		}
		line := wrapLabel(text + "\n" + state)
		if !o.Resolved() {
			line.Importance = widget.WarningImportance
			b := widget.NewButton("处理…", func() { sp.onResolve(l, o) })
			l.resolve[o.ID] = b
			rows.Add(container.NewBorder(nil, nil, nil, b, line))
		} else {
			rows.Add(line)
		}
	}
	if len(rec.Objections) == 0 {
		rows.Add(widget.NewLabel("尚未收到异议。"))
	}
	l.add = widget.NewButtonWithIcon("登记异议…", theme.ContentAddIcon(), func() { sp.onAddObjection(l) })
	head := wrapLabel(fmt.Sprintf("公示期 %s 至 %s。期间收到的异议逐件登记、核查并写明处理结果；全部处理完毕、公示期满后才能作出决定。",
		rec.Selection.PublicityFrom.Chinese(), rec.Selection.PublicityTo.Chinese()))
	l.dlg = dialog.NewCustom("公示异议："+rec.Title(), "关闭", container.NewBorder(head, container.NewHBox(l.add), nil, nil, container.NewVScroll(rows)), sp.sc.shell.win)
	l.dlg.Resize(dialogSize(sp.sc.shell, 700, 420))
	sp.objectionList = l
	l.dlg.Show()
}

func (sp *selectionPanel) onAddObjection(l *objectionList) {
	rec := sp.rec
	errs := newFormErrors()
	l.received = newDateField(sp.sc.shell.win)
	l.received.SetDate(sp.sc.data.Today())
	l.objector = widget.NewEntry()
	l.objector.SetPlaceHolder("如：市民张某，电话138xxxx0001")
	l.content = multiEntry("异议的内容")
	none := "不针对具体候选人"
	options := []string{none}
	ids := map[string]uint{}
	for _, n := range rec.Proposed() {
		options = append(options, n.Name)
		ids[n.Name] = n.SubjectID
	}
	l.subject = newSelect(options, nil)
	l.subject.SetSelected(none)
	form := widget.NewForm(
		errs.item("收到日期", l.received, fmt.Sprintf("公示期 %s 至 %s 内", rec.Selection.PublicityFrom.Chinese(), rec.Selection.PublicityTo.Chinese())),
		errs.item("反映人", l.objector, "姓名（单位）和联系方式"),
		errs.item("涉及对象", l.subject, ""),
		errs.item("异议内容", l.content, ""),
	)
	kind, period := sp.kind, sp.period()
	l.save = newFormDialog(sp.sc.shell, "登记异议："+rec.Title(), "登记", form, errs, func() error {
		day, err := l.received.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "收到日期", Reason: err.Error()}}
		}
		o := models.SelectionObjection{ReceivedOn: day, Objector: l.objector.Text, SubjectID: ids[l.subject.Selected], Content: l.content.Text}
		return sp.sc.data.AddObjection(kind, period, &o)
	}, func() {
		l.dlg.Hide()
		sp.done()
	}).save
}

func (sp *selectionPanel) onResolve(l *objectionList, o models.SelectionObjection) {
	errs := newFormErrors()
	l.outcome = multiEntry("核查情况和处理结果，如：经调取录音录像，反映不属实")
	l.resolvedOn = newDateField(sp.sc.shell.win)
	l.resolvedOn.SetDate(sp.sc.data.Today())
	l.upheld = widget.NewCheck("异议成立：所涉候选人不予授予", nil)
	form := widget.NewForm(
		widget.NewFormItem("异议", wrapLabel(o.Content)),
		errs.item("处理结果", l.outcome, "写入表彰决定（不写反映人）"),
		errs.item("异议成立", l.upheld, ""),
		errs.item("办结日期", l.resolvedOn, ""),
	)
	l.save = newFormDialog(sp.sc.shell, "处理异议", "保存", form, errs, func() error {
		day, err := l.resolvedOn.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "办结日期", Reason: err.Error()}}
		}
		return sp.sc.data.ResolveObjection(o.ID, l.outcome.Text, l.upheld.Checked, day)
	}, func() {
		l.dlg.Hide()
		sp.done()
	}).save
}

// decideForm records the decision once the 公示 is over.
type decideForm struct {
	date *dateField
	save *widget.Button
}

func (sp *selectionPanel) onDecide() {
	rec := sp.rec
	errs := newFormErrors()
	f := &decideForm{date: newDateField(sp.sc.shell.win)}
	f.date.SetDate(sp.sc.data.Today())
	what := "授予" + orNone(nomineeNames(rec.Proposed()), "（无人当选）本期不授予")
	form := widget.NewForm(
		widget.NewFormItem("评选", widget.NewLabel(rec.Title())),
		widget.NewFormItem("决定", wrapLabel(what)),
		errs.item("决定日期", f.date, "公示期满后；表彰决定以此日期印发"),
	)
	kind, period := sp.kind, sp.period()
	sp.decideForm = f
	f.save = newFormDialog(sp.sc.shell, "作出决定："+rec.Title(), "作出决定", form, errs, func() error {
		day, err := f.date.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "决定日期", Reason: err.Error()}}
		}
		return sp.sc.data.DecideSelection(kind, period, day)
	}, sp.done).save
}

// reviewForm looks at what changed since the shortlist and keeps the result
// with a reason, or sends the clerk to draw the shortlist again.
type reviewForm struct {
	reason *widget.Entry
	save   *widget.Button
}

func (sp *selectionPanel) onReview() {
	rec := sp.rec
	errs := newFormErrors()
	f := &reviewForm{reason: multiEntry("如：核对后得分无变化，维持原结果")}
	var lines []string
	if rec.Selection.Flag != "" {
		lines = append(lines, strings.Split(rec.Selection.Flag, "\n")...)
	}
	lines = append(lines, rec.Changes...)
	again := widget.NewButton("改为重新提名…", sp.onNominate)
	form := widget.NewForm(
		widget.NewFormItem("评选", widget.NewLabel(rec.Title())),
		widget.NewFormItem("变化", wrapLabel(strings.Join(lines, "\n"))),
		errs.item("复核意见", f.reason, "维持原结果须所涉月份已重新封帐，且当选、授予者仍具备资格；否则请重新提名（原表彰决定随之作废）"),
		widget.NewFormItem("", again),
	)
	kind, period := sp.kind, sp.period()
	sp.reviewForm = f
	f.save = newFormDialog(sp.sc.shell, "复核："+rec.Title(), "维持原结果", form, errs, func() error {
		return sp.sc.data.ReviewSelection(kind, period, f.reason.Text)
	}, sp.done).save
}

// resultText is the decision on a candidate as a table shows it: "★ 授予（同意7票）",
// "拟授予（同意5票）" before the decision, and a warning when the person
// awarded no longer qualifies.
func resultText(rec models.SelectionRecord, subject uint, eligibleNow bool) (string, widget.Importance) {
	n, listed := rec.Nominee(subject)
	if !listed {
		return "", widget.MediumImportance
	}
	votes := ""
	if v, ok := rec.VotesOf(subject, 1); ok {
		votes = fmt.Sprintf("（同意%d票）", v.Agree)
	}
	switch {
	case rec.Decided() && n.Awarded && !eligibleNow:
		return "⚠ 已授予，现不具备资格，待复核", widget.DangerImportance
	case rec.Decided() && n.Awarded:
		return "★ 授予" + votes, widget.SuccessImportance
	case rec.Decided():
		return "未授予" + votes, widget.MediumImportance
	case rec.Tally.IsElected(subject) && rec.Upheld(subject):
		return "异议成立，不予授予" + votes, widget.WarningImportance
	case rec.Tally.IsElected(subject):
		return "拟授予" + votes, widget.MediumImportance
	case contains(rec.Tally.Runoff, subject):
		return "并列，待再次投票" + votes, widget.WarningImportance
	case votes != "":
		return "未当选" + votes, widget.MediumImportance
	case n.Tied:
		return "候选（并列）", widget.MediumImportance
	}
	return "候选", widget.MediumImportance
}

func contains(ids []uint, id uint) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
