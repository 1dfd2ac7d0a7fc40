package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// conductPageData is what a person's conduct page reads: the person, the
// conduct rules in force, and their records since the period began.
type conductPageData interface {
	clock
	StaffByID(id uint) (models.Staff, error)
	ConductRulesFor(d models.Date) (models.ConductRules, error)
	Violations(models.ViolationFilter) ([]models.Violation, error)
	Complaints(models.ComplaintFilter) ([]models.Complaint, error)
	Ratings(models.RatingFilter) ([]models.Rating, error)
	Commendations(models.CommendationFilter) ([]models.Commendation, error)
}

// conductEvent is one line of a person's conduct timeline.
type conductEvent struct {
	on           models.Date
	kind, detail string
}

// showConductPage shows a person's conduct this year: where they stand on
// each category's ladder, and their violations, complaints, ratings and
// commendations in one timeline.
func showConductPage(s *shell, d conductPageData, staffID uint) {
	var (
		p     models.Staff
		vs    []models.Violation
		cs    []models.Complaint
		rs    []models.Rating
		ms    []models.Commendation
		rules models.ConductRules
	)
	today := d.Today()
	s.async(func() (err error) {
		if p, err = d.StaffByID(staffID); err != nil {
			return err
		}
		if rules, err = d.ConductRulesFor(today); err != nil {
			return err
		}
		from := rules.PeriodStart(today)
		if vs, err = d.Violations(models.ViolationFilter{StaffID: staffID, From: from}); err != nil {
			return err
		}
		if cs, err = d.Complaints(models.ComplaintFilter{StaffID: staffID, From: from}); err != nil {
			return err
		}
		if rs, err = d.Ratings(models.RatingFilter{StaffID: staffID, From: from}); err != nil {
			return err
		}
		ms, err = d.Commendations(models.CommendationFilter{StaffID: staffID, From: from})
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取个人记录", err, s.win)
			return
		}
		counts := map[string]int{}
		var events []conductEvent
		for _, v := range vs {
			counts[v.Category]++
			d := fmt.Sprintf("%s：%s → 第%d次，%s", v.Category, v.Circumstances, v.Step, v.StepAction)
			if v.Override {
				d += "（调整：" + v.OverrideReason + "）"
			}
			events = append(events, conductEvent{v.On, "违规", d})
		}
		for _, c := range cs {
			events = append(events, conductEvent{c.On, "投诉", fmt.Sprintf("%s（%s）：%s", c.Status, dash(c.Problem), c.Content)})
		}
		good := 0
		for _, r := range rs {
			if models.IsBadRating(r.Level) {
				events = append(events, conductEvent{r.On, "差评", fmt.Sprintf("%s：%s（整改：%s）", r.Level, dash(r.Comment), r.RectifyStatus)})
			} else {
				good++
			}
		}
		for _, m := range ms {
			events = append(events, conductEvent{m.On, "表扬", m.Kind + "：" + m.Note})
		}
		sort.SliceStable(events, func(i, j int) bool { return events[j].on.Before(events[i].on) })

		ladder := make([]string, 0, len(models.ViolationCategories))
		for _, cat := range models.ViolationCategories {
			n := counts[cat]
			next := rules.StepFor(cat, n+1)
			ladder = append(ladder, fmt.Sprintf("%s：%s已%d次；若再发生为第%d次 → %s", cat, rules.PeriodNameFor(cat), n, n+1, next.Action))
		}
		rows := make([][]string, len(events))
		for i, e := range events {
			rows[i] = []string{e.on.String(), e.kind, e.detail}
		}
		table := widget.NewTable(func() (int, int) { return len(rows), 3 },
			func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
			func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(rows[id.Row][id.Col]) })
		table.SetColumnWidth(0, 96)
		table.SetColumnWidth(1, 50)
		table.SetColumnWidth(2, 760)
		head := wrapLabel(fmt.Sprintf("%s（工号 %s，%s %s）%s：违规 %d 次，投诉 %d 件，好评 %d 条，差评 %d 条，表扬 %d 次",
			p.Name, p.EmployeeNo, p.Window.Code, p.HomeUnit.Name, rules.PeriodName(), len(vs), len(cs), good, len(rs)-good, len(ms)))
		ladderBox := widget.NewCard("", "处理阶梯位置", wrapLabel(strings.Join(ladder, "\n")))
		body := container.NewBorder(container.NewVBox(head, ladderBox, widget.NewLabelWithStyle("记录时间线", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})), nil, nil, nil, table)
		dlg := dialog.NewCustom("个人违规投诉与评价记录："+p.Name, "关闭", body, s.win)
		dlg.Resize(fyne.NewSize(960, 680))
		dlg.Show()
	})
}
