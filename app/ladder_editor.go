package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// consequenceChecks are check boxes for a set of consequences, in a grid.
type consequenceChecks struct {
	checks map[string]*widget.Check
	order  []string
	box    fyne.CanvasObject
}

func newConsequenceChecks(options, selected []string, cols int) *consequenceChecks {
	c := &consequenceChecks{checks: map[string]*widget.Check{}, order: options}
	grid := container.NewGridWithColumns(cols)
	for _, o := range options {
		ck := widget.NewCheck(o, nil)
		ck.SetChecked(slices.Contains(selected, o))
		c.checks[o] = ck
		grid.Add(ck)
	}
	c.box = grid
	return c
}

func (c *consequenceChecks) selected() []string {
	var out []string
	for _, o := range c.order {
		if c.checks[o].Checked {
			out = append(out, o)
		}
	}
	return out
}

// stepRow is one rung of a ladder in the editor.
type stepRow struct {
	action *widget.Entry
	cons   *consequenceChecks
	remove *widget.Button
}

// ladderTab edits one category's ladder: its steps, counting period and
// worse case, with the handbook's words above them.
type ladderTab struct {
	category string
	period   *widget.Select
	steps    []*stepRow
	stepsBox *fyne.Container
	add      *widget.Button
	reset    *widget.Button
	handbook *widget.Label

	hasAggr             *widget.Check
	aggrLabel, aggrWhat *widget.Entry
	aggrCons            *consequenceChecks
	box                 fyne.CanvasObject
}

const generalPeriod = "按总的计数周期"

func newLadderTab(l models.ConductLadder) *ladderTab {
	t := &ladderTab{category: l.Category, stepsBox: container.NewVBox()}
	t.period = newSelect(append([]string{generalPeriod}, models.ConductPeriods...), nil)
	t.add = widget.NewButtonWithIcon("增加一档", theme.ContentAddIcon(), func() {
		t.addStep(models.LadderStep{})
		t.layoutSteps()
	})
	t.hasAggr = widget.NewCheck("设有加重情形（记录违规时可勾选，处理与后果在该档之外另加）", nil)
	t.aggrLabel, t.aggrWhat = widget.NewEntry(), widget.NewEntry()
	t.aggrLabel.SetPlaceHolder("如：督查后仍未能按要求完成")
	t.aggrWhat.SetPlaceHolder("如：书面检查，在中心大会上公开检讨，扣发当月考核奖")
	t.aggrCons = newConsequenceChecks(models.LadderConsequences, nil, 5)
	t.reset = widget.NewButtonWithIcon("恢复本类别的手册默认", theme.ViewRefreshIcon(), func() {
		for _, d := range models.DefaultLadders() {
			if d.Category == t.category {
				t.set(d)
			}
		}
	})
	t.set(l)
	t.handbook = wrapLabel(models.LadderHandbook[l.Category])
	t.handbook.Importance = widget.LowImportance
	aggr := container.NewVBox(t.hasAggr,
		container.NewBorder(nil, nil, widget.NewLabel("情形"), nil, t.aggrLabel),
		container.NewBorder(nil, nil, widget.NewLabel("处理措施"), nil, t.aggrWhat), t.aggrCons.box)
	t.box = container.NewVBox(
		widget.NewCard("", "手册原文", t.handbook),
		container.NewHBox(widget.NewLabel("计数周期"), t.period),
		t.stepsBox, container.NewHBox(t.add),
		widget.NewCard("", "加重情形", aggr),
		container.NewHBox(t.reset))
	return t
}

// set shows a ladder in the tab.
func (t *ladderTab) set(l models.ConductLadder) {
	t.period.SetSelected(generalPeriod)
	if l.Period != "" {
		t.period.SetSelected(l.Period)
	}
	t.steps = nil
	for _, s := range l.Steps {
		t.addStep(s)
	}
	ag := l.Aggravation
	t.hasAggr.SetChecked(ag != nil)
	if ag == nil {
		ag = &models.Aggravation{}
	}
	t.aggrLabel.SetText(ag.Label)
	t.aggrWhat.SetText(ag.Action)
	for o, ck := range t.aggrCons.checks {
		ck.SetChecked(slices.Contains(ag.Consequences, o))
	}
	t.layoutSteps()
}

func (t *ladderTab) addStep(s models.LadderStep) {
	r := &stepRow{action: widget.NewEntry(), cons: newConsequenceChecks(models.LadderConsequences, s.Consequences, 5)}
	r.action.SetText(s.Action)
	r.action.SetPlaceHolder("处理措施，如：中心网络通报批评")
	r.remove = widget.NewButtonWithIcon("删除此档", theme.DeleteIcon(), func() {
		for i, x := range t.steps {
			if x == r {
				t.steps = append(t.steps[:i], t.steps[i+1:]...)
			}
		}
		t.layoutSteps()
	})
	t.steps = append(t.steps, r)
}

func (t *ladderTab) layoutSteps() {
	t.stepsBox.RemoveAll()
	for i, r := range t.steps {
		head := fmt.Sprintf("第%d次", i+1)
		if i == len(t.steps)-1 {
			head += "及以后"
		}
		t.stepsBox.Add(widget.NewCard("", head, container.NewVBox(
			container.NewBorder(nil, nil, widget.NewLabel("处理措施"), r.remove, r.action), r.cons.box)))
	}
	t.stepsBox.Refresh()
}

// ladder reads the tab back.
func (t *ladderTab) ladder() models.ConductLadder {
	l := models.ConductLadder{Category: t.category}
	if t.period.Selected != generalPeriod {
		l.Period = t.period.Selected
	}
	for _, r := range t.steps {
		l.Steps = append(l.Steps, models.LadderStep{Action: strings.TrimSpace(r.action.Text), Consequences: r.cons.selected()})
	}
	if t.hasAggr.Checked {
		l.Aggravation = &models.Aggravation{Label: strings.TrimSpace(t.aggrLabel.Text), Action: strings.TrimSpace(t.aggrWhat.Text),
			Consequences: t.aggrCons.selected()}
	}
	return l
}

// complaintRow maps one complaint problem to a ladder.
type complaintRow struct {
	problem string
	ladder  *widget.Select
	extra   *consequenceChecks
}

// complaintExtras are the consequences a complaint carries in itself.
var complaintExtras = []string{models.ConsequenceStar, models.ConsequenceWindow, models.ConsequenceBonus}

// ladderEditor is the dialog that edits a rule set's escalation ladders
// and the complaint-problem mapping; 确定 hands them back to the rules form,
// which saves them with the rule set.
type ladderEditor struct {
	tabs     []*ladderTab
	rows     []*complaintRow
	inner    *container.AppTabs
	errs     *widget.Label
	ok       *widget.Button
	resetAll *widget.Button
	dlg      *dialog.CustomDialog
}

func showLadderEditor(s *shell, r models.ConductRules, done func(models.ConductRules)) *ladderEditor {
	r = r.Resolved()
	e := &ladderEditor{inner: container.NewAppTabs()}
	for _, l := range r.Ladders {
		t := newLadderTab(l)
		e.tabs = append(e.tabs, t)
		e.inner.Append(container.NewTabItem(l.Category, container.NewVScroll(t.box)))
	}
	mapping := container.NewVBox(wrapLabel("投诉核查属实且指明人员的，按所对应的阶梯记入此人的违规记录；“" + models.LadderByChoice +
		"”按规则中“投诉属实适用”的选择。勾选的后果属于投诉本身，未指明人员的投诉也适用（如取消窗口当月满意窗口）。"))
	lang := wrapLabel(models.LanguageComplaintHandbook)
	lang.Importance = widget.LowImportance
	mapping.Add(lang)
	for _, c := range r.Complaints {
		row := &complaintRow{problem: c.Problem, ladder: newSelect(append([]string{models.LadderByChoice}, models.ViolationCategories...), nil),
			extra: newConsequenceChecks(complaintExtras, c.Extra, 3)}
		row.ladder.SetSelected(c.Ladder)
		e.rows = append(e.rows, row)
		mapping.Add(widget.NewCard("", "投诉问题：“"+c.Problem+"”", container.NewVBox(
			container.NewHBox(widget.NewLabel("对应阶梯"), row.ladder), row.extra.box)))
	}
	e.inner.Append(container.NewTabItem("投诉对应阶梯", container.NewVScroll(mapping)))
	e.errs = wrapLabel("")
	e.errs.Importance = widget.DangerImportance
	e.errs.Hide()
	e.resetAll = widget.NewButtonWithIcon("全部恢复手册默认", theme.ViewRefreshIcon(), func() {
		d := models.DefaultConductRules()
		for i, t := range e.tabs {
			t.set(d.Ladders[i])
		}
		for i, row := range e.rows {
			row.ladder.SetSelected(d.Complaints[i].Ladder)
			for o, ck := range row.extra.checks {
				ck.SetChecked(slices.Contains(d.Complaints[i].Extra, o))
			}
		}
	})
	e.ok = widget.NewButtonWithIcon("确定", theme.ConfirmIcon(), func() {
		next := r
		next.Ladders, next.Complaints = e.read()
		if fe := next.Validate(); len(fe) > 0 {
			lines := make([]string, len(fe))
			for i, x := range fe {
				lines[i] = x.Reason
			}
			e.errs.SetText("请修正：\n" + strings.Join(lines, "\n"))
			e.errs.Show()
			return
		}
		e.dlg.Hide()
		done(next)
	})
	e.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { e.dlg.Hide() })
	note := wrapLabel("第几次按此人在计数周期内同类违规的次数；最后一档适用于以后各次。所做修改随本套规则保存后生效，并按生效日期重新判定已登记的记录。")
	e.dlg = dialog.NewCustomWithoutButtons("编辑处理阶梯", container.NewBorder(container.NewVBox(note, e.errs),
		container.NewHBox(e.resetAll, layoutSpacer(), cancel, e.ok), nil, nil, e.inner), s.win)
	e.dlg.Resize(dialogSize(s, 1000, 720))
	e.dlg.Show()
	return e
}

// read gives the ladders and the mapping as edited.
func (e *ladderEditor) read() ([]models.ConductLadder, []models.ComplaintLadder) {
	ladders := make([]models.ConductLadder, len(e.tabs))
	for i, t := range e.tabs {
		ladders[i] = t.ladder()
	}
	mapping := make([]models.ComplaintLadder, len(e.rows))
	for i, r := range e.rows {
		mapping[i] = models.ComplaintLadder{Problem: r.problem, Ladder: r.ladder.Selected, Extra: r.extra.selected()}
	}
	return ladders, mapping
}
