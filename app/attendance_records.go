package app

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// monthRecord is one correction, inspection or outing of the month, as the
// records dialog lists it.
type monthRecord struct {
	kind   string // 补卡 查岗 外出
	id     uint
	at     string
	person string
	what   string
	by     string
}

// onRecords lists what the office recorded against the month — corrections
// (补卡), inspection findings (查岗) and outings (外出) — so a wrong entry can
// be found and deleted (the lock and the audit log apply as for any change).
func (sc *attendanceScreen) onRecords() {
	first, last := models.MonthSpan(sc.month)
	var recs []monthRecord
	sc.shell.async(func() error {
		recs = nil
		fixes, err := sc.data.Punches(models.PunchFilter{From: first, To: last, CorrectionsOnly: true})
		if err != nil {
			return err
		}
		for _, p := range fixes {
			recs = append(recs, monthRecord{"补卡", p.ID, models.FormatDateTime(p.At), staffLabel(p.Staff), p.Reason, p.Approver})
		}
		insp, err := sc.data.Inspections(models.AttendanceRecordFilter{From: first, To: last})
		if err != nil {
			return err
		}
		for _, x := range insp {
			recs = append(recs, monthRecord{"查岗", x.ID, models.FormatDateTime(x.LeftAt), staffLabel(x.Staff),
				fmt.Sprintf("离岗至 %s，共%s %s", models.ClockText(x.BackAt), x.Length(), x.Note), x.Inspector})
		}
		outs, err := sc.data.Outings(models.AttendanceRecordFilter{From: first, To: last})
		if err != nil {
			return err
		}
		for _, o := range outs {
			what := "至 " + o.To.Format("15:04") + " " + o.Reason
			if reg := o.Registration(); reg != "" {
				what += "；" + reg
			}
			recs = append(recs, monthRecord{"外出", o.ID, models.FormatDateTime(o.From), staffLabel(o.Staff), what, o.RegisteredBy})
		}
		sort.SliceStable(recs, func(i, j int) bool { return recs[i].at < recs[j].at })
		return nil
	}, func(err error) {
		if err != nil {
			showError("无法读取本月记录", err, sc.shell.win)
			return
		}
		sc.showRecords(first, recs)
	})
}

func (sc *attendanceScreen) showRecords(first models.Date, recs []monthRecord) {
	list := newRecordTable([]column{{"类型", 60}, {"时间", 140}, {"人员", 130}, {"内容", 330}, {"登记人/批准人", 130}},
		"搜索人员、内容", nil)
	rows := make([]record, len(recs))
	byID := map[uint]monthRecord{}
	for i, r := range recs {
		key := uint(i + 1)
		byID[key] = r
		rows[i] = record{id: key, cells: []string{r.kind, r.at, r.person, r.what, r.by}, search: r.person + " " + r.what + " " + r.kind}
	}
	list.setRecords(rows)
	var d dialog.Dialog
	del := widget.NewButtonWithIcon("删除所选", theme.DeleteIcon(), func() {
		r, ok := byID[list.selected]
		if !ok {
			return
		}
		confirmDelete(sc.shell, "删除"+r.kind+"记录", fmt.Sprintf("确定删除 %s %s 的%s记录吗？删除会改变该月的考勤结果，并记入操作日志。", r.at, r.person, r.kind),
			func() error {
				switch r.kind {
				case "补卡":
					return sc.data.DeleteCorrection(r.id)
				case "查岗":
					return sc.data.DeleteInspection(r.id)
				case "外出":
					return sc.data.DeleteOuting(r.id)
				}
				return nil
			}, func() {
				d.Hide()
				sc.reload()
				sc.onRecords()
			})
	})
	del.Importance = widget.DangerImportance
	title := fmt.Sprintf("%d年%d月的补卡、查岗与外出记录（%d 条）", first.Year(), int(first.Month()), len(recs))
	d = dialog.NewCustom(title, "关闭", container.NewBorder(nil, container.NewHBox(del), nil, nil, list.layout()), sc.shell.win)
	d.Resize(fyne.NewSize(900, 560))
	d.Show()
	sc.records = list
}
