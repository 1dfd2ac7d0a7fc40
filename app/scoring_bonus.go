package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// bonusStopData is what the month's 考核奖扣发 list needs beyond the scores:
// the stops recorded by hand, to add and withdraw them.
type bonusStopData interface {
	BonusStops(month string) ([]models.BonusStop, error)
	SaveBonusStop(*models.BonusStop) error
	DeleteBonusStop(id uint) error
}

// bonusView is the month's 月度考核奖扣发名单: whoever the rules name (the
// ladders, 服务规范 五.3 …) and whoever the office adds by hand with a
// reason; the hand-made entries can be withdrawn while the month is open.
type bonusView struct {
	mv     *monthView
	list   *recordTable
	manual map[uint]models.BonusStop
	add    *widget.Button
	remove *widget.Button

	// the form last opened, for tests
	person *picker
	reason *widget.Entry
	basis  *widget.SelectEntry
	save   *widget.Button
}

var bonusColumns = []column{{"工号", 70}, {"姓名", 80}, {"窗口", 56}, {"扣发原因", 560}, {"来源", 90}}

// ruleRowBase numbers the rows the rules give, above any record id.
const ruleRowBase = 1 << 30

// bonusBases are the usual grounds for a manual 扣发.
var bonusBases = []string{"服务承诺制度 二.1", "服务承诺制度 二.2", "服务承诺制度 二.3", "服务规范 五.3", "一次性告知制度 四", "窗口工作纪律", "中心主任办公会决定"}

func newBonusView(mv *monthView) *bonusView {
	b := &bonusView{mv: mv, manual: map[uint]models.BonusStop{}}
	b.list = newRecordTable(bonusColumns, "搜索姓名、工号、原因", func(uint) { b.setButtons() })
	b.add = widget.NewButtonWithIcon("登记扣发", theme.ContentAddIcon(), b.onAdd)
	b.remove = widget.NewButtonWithIcon("撤销登记", theme.DeleteIcon(), b.onRemove)
	b.setButtons()
	return b
}

func (b *bonusView) layout() fyne.CanvasObject {
	note := wrapLabel("按规则扣发的（处理阶梯、投诉属实等）随记录自动列入；其他情形可“登记扣发”并写明原因，登记和撤销都记入操作日志。本名单同样印在满意窗口通报上。")
	return container.NewBorder(container.NewVBox(note, container.NewHBox(b.add, b.remove)), nil, nil, nil, b.list.layout())
}

// show lists the month's stops: by the rules from the scores, by hand from
// the records.
func (b *bonusView) show(ms models.MonthScores, manual []models.BonusStop) {
	b.manual = map[uint]models.BonusStop{}
	var rows []record
	n := uint(0)
	for _, p := range ms.People {
		for _, why := range p.BonusStopped {
			if strings.HasPrefix(why, "人工登记：") {
				continue
			}
			n++
			cells := []string{p.EmployeeNo, p.Name, p.WindowCode, why, "按规则"}
			rows = append(rows, record{id: ruleRowBase + n, cells: cells, search: strings.Join(cells, " ")})
		}
	}
	codes := map[uint]string{}
	for _, p := range ms.People {
		codes[p.StaffID] = p.WindowCode
	}
	for _, s := range manual {
		b.manual[s.ID] = s
		cells := []string{s.Staff.EmployeeNo, s.Staff.Name, codes[s.StaffID], s.Label(), "人工登记（" + s.RecordedBy + "）"}
		rows = append(rows, record{id: s.ID, cells: cells, search: strings.Join(cells, " ")})
	}
	b.list.selected = 0 // until a row is selected (a saved one is, by setRecords)
	b.list.setRecords(rows)
	b.setButtons()
}

func (b *bonusView) setButtons() {
	open := b.mv.loaded && (b.mv.st.State == models.ScoreDraft || b.mv.st.State == "")
	if open {
		b.add.Enable()
	} else {
		b.add.Disable()
	}
	if _, ok := b.manual[b.list.selected]; ok && open {
		b.remove.Enable()
	} else {
		b.remove.Disable()
	}
}

// onAdd records a 扣发 for someone scored this month.
func (b *bonusView) onAdd() {
	mv := b.mv
	month := mv.monthKey()
	var labels []string
	ids := map[string]uint{}
	for _, p := range mv.ms.People {
		l := fmt.Sprintf("%s %s（%s）", p.EmployeeNo, p.Name, p.WindowCode)
		labels = append(labels, l)
		ids[l] = p.StaffID
	}
	b.person = newPicker(labels, nil)
	b.reason = multiEntry("如：督查后仍未按要求办结承诺件，经中心主任办公会研究扣发当月考核奖")
	b.basis = widget.NewSelectEntry(bonusBases)
	b.basis.SetPlaceHolder("依据，可选或自填")
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("月份", widget.NewLabel(monthTitle(mv.month))),
		errs.item("人员", b.person, "本月在岗（含替岗）人员"),
		errs.item("原因", b.reason, "必填；列入扣发名单和通报"),
		errs.item("依据", b.basis, "手册条款或会议决定"),
	)
	b.save = newFormDialog(mv.sc.shell, "登记扣发月度考核奖", "登记", form, errs, func() error {
		return mv.sc.data.SaveBonusStop(&models.BonusStop{StaffID: ids[b.person.Selected], Month: month, Reason: b.reason.Text, Basis: b.basis.Text})
	}, func() {
		mv.sc.cache.clear()
		mv.reload()
	}).save
}

func (b *bonusView) onRemove() {
	s, ok := b.manual[b.list.selected]
	if !ok {
		return
	}
	mv := b.mv
	confirmDelete(mv.sc.shell, "撤销扣发登记", fmt.Sprintf("撤销 %s 本月的扣发考核奖登记（%s）？", s.Staff.Name, s.Reason),
		func() error { return mv.sc.data.DeleteBonusStop(s.ID) }, func() {
			mv.sc.cache.clear()
			mv.reload()
		})
}
