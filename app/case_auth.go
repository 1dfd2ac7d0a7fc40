package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// authData is what 办件授权 needs: the register of matters authorised to the
// windows' 首席代表, the month's 一审一核 rates with the line in force, the
// windows, and the cases whose matters the form suggests.
type authData interface {
	clock
	MatterAuthorisations(windowID uint) ([]models.MatterAuthorisation, error)
	AddMatterAuthorisation(*models.MatterAuthorisation) error
	EndMatterAuthorisation(id uint, last models.Date, reason string) error
	OneReviewRates(month models.Date) ([]models.OneReviewRate, error)
	CaseRulesFor(d models.Date) (models.CaseRules, error)
	ServiceWindows() ([]models.ServiceWindow, error)
	WindowMatters() (map[uint][]string, error)
}

// authScreen is 办件授权 (窗口办件管理实施细则 三): the month's 一审一核 rate of
// every window with authorised matters, the windows under the line marked,
// and the register of authorisations, added and ended here.
type authScreen struct {
	shell *shell
	data  authData

	month  *widget.Select
	months map[string]models.Date
	line   *widget.Label
	rates  *recordTable
	below  map[uint]bool // window ID → under the line

	list    *recordTable
	auths   map[uint]models.MatterAuthorisation
	end     *widget.Button
	windows []models.ServiceWindow
	matters map[uint][]string // window ID → matters of its cases
	box     fyne.CanvasObject
	loaded  bool

	form   *authForm    // the add form last opened, for tests
	ending *authEndForm // the end form last opened, for tests
}

var (
	oneReviewColumns = []column{
		{"窗口", 170}, {"授权事项", 260}, {"授权事项办结", 95}, {"首席代表批准", 95}, {"一审一核率", 90},
		{"状态", 150}, {"未由首席代表批准的办件", 300},
	}
	authColumns = []column{
		{"窗口", 170}, {"事项名称", 200}, {"授权期间", 190}, {"状态", 70}, {"授权依据", 220}, {"终止原因", 260},
	}
)

// Columns of the rates table that are marked for a window under the line.
const (
	colRate      = 4
	colRateState = 5
)

func newAuthScreen(s *shell, d authData) *authScreen {
	sc := &authScreen{shell: s, data: d, below: map[uint]bool{}, auths: map[uint]models.MatterAuthorisation{}}
	opts, months := monthChoices(d.Today(), 0)
	sc.months = months
	sc.month = newSelect(opts[1:], nil)
	sc.month.SetSelected(opts[1])
	sc.month.OnChanged = func(string) { sc.reload() }
	sc.line = wrapLabel("")
	sc.rates = newRecordTable(oneReviewColumns, "搜索窗口、事项、办件编号", nil)
	sc.rates.styleCells(func(id uint, col int) widget.Importance {
		if (col == colRate || col == colRateState) && sc.below[id] {
			return widget.DangerImportance
		}
		return widget.MediumImportance
	})

	sc.list = newRecordTable(authColumns, "搜索窗口、事项、授权依据", func(id uint) {
		if a, ok := sc.auths[id]; ok && a.To.IsZero() {
			sc.end.Enable()
		} else {
			sc.end.Disable()
		}
	})
	sc.list.onQuery(func() { sc.end.Disable() })
	add := widget.NewButtonWithIcon("新增授权", theme.ContentAddIcon(), sc.onAdd)
	sc.end = widget.NewButtonWithIcon("终止授权", theme.CancelIcon(), func() { sc.onEnd(sc.list.selected) })
	sc.end.Disable()

	handbook := wrapLabel(models.HandbookAuthorisation)
	handbook.Importance = widget.LowImportance
	top := container.NewBorder(
		container.NewVBox(container.NewHBox(boldLabel("一审一核率"), widget.NewLabel("月份"), fixedBox(sc.month, 150)), sc.line, handbook),
		nil, nil, nil, sc.rates.layout())
	bottom := container.NewBorder(
		container.NewVBox(container.NewHBox(boldLabel("授权登记"), add, sc.end),
			wrapLabel("派驻单位把事项的审批权限授予窗口首席代表后，在此登记；授权期间该窗口此事项的办件，批准人必须是首席代表。授权不删除，收回时终止，已办的办件仍按当时的授权核对。")),
		nil, nil, nil, sc.list.layout())
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.6
	sc.box = split
	sc.reload()
	return sc
}

func (sc *authScreen) content() fyne.CanvasObject { return sc.box }

func (sc *authScreen) reload() {
	month := sc.months[sc.month.Selected]
	if month.IsZero() {
		return
	}
	var (
		rates   []models.OneReviewRate
		rules   models.CaseRules
		auths   []models.MatterAuthorisation
		windows []models.ServiceWindow
		matters map[uint][]string
	)
	d := sc.data
	sc.shell.async(func() (err error) {
		if rates, err = d.OneReviewRates(month); err != nil {
			return err
		}
		if rules, err = d.CaseRulesFor(month); err != nil {
			return err
		}
		if auths, err = d.MatterAuthorisations(0); err != nil {
			return err
		}
		if windows, err = d.ServiceWindows(); err != nil {
			return err
		}
		matters, err = d.WindowMatters()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取办件授权", err, sc.shell.win)
			return
		}
		sc.windows = windows
		sc.showRates(month, rates, rules)
		sc.showAuths(auths)
		sc.matters = matters
		for _, m := range sc.matters {
			sortChinese(m)
		}
		sc.loaded = true
	})
}

// showRates lists the month's rates and says how many windows are under the line.
func (sc *authScreen) showRates(month models.Date, rates []models.OneReviewRate, rules models.CaseRules) {
	sc.below = map[uint]bool{}
	rs := make([]record, 0, len(rates))
	var under []string
	for _, r := range rates {
		state := "—"
		if r.Authorised > 0 {
			state = "达标"
		}
		if r.Below() {
			sc.below[r.Window.ID] = true
			state = fmt.Sprintf("未达标（低于%s%%）", models.FormatPercent(r.MinPercent))
			under = append(under, r.Window.Code)
		}
		rate := "—"
		if r.Authorised > 0 {
			rate = models.FormatPercent(r.Percent()) + "%"
		}
		nos := make([]string, len(r.NotByChief))
		for i, c := range r.NotByChief {
			nos[i] = c.No
		}
		cells := []string{r.Window.Label(), strings.Join(r.Matters, "、"), fmt.Sprint(r.Authorised), fmt.Sprint(r.ByChief),
			rate, state, dash(strings.Join(nos, "、"))}
		rs = append(rs, record{id: r.Window.ID, cells: cells, search: strings.Join(cells, " ")})
	}
	sc.rates.setRecords(rs)
	text := fmt.Sprintf("%s：一审一核达标线 %s%%（考勤规则中“一审一核达标线”，按该月1日有效的规则）。一审一核率 = 当月办结、办理结果为准予或不予许可的授权事项办件中，批准人为首席代表的比例；不予受理、退件和上报的办件不计。",
		monthTitle(month), models.FormatPercent(rules.OneReviewMinPercent))
	switch {
	case len(rates) == 0:
		text += "\n还没有窗口登记授权事项：请在下方“授权登记”中新增。"
	case len(under) > 0:
		text += fmt.Sprintf("\n%d 个窗口未达标：%s。", len(under), strings.Join(under, "、"))
	}
	sc.line.SetText(text)
}

func (sc *authScreen) showAuths(auths []models.MatterAuthorisation) {
	today := sc.data.Today()
	sc.auths = make(map[uint]models.MatterAuthorisation, len(auths))
	rs := make([]record, 0, len(auths))
	for _, a := range auths {
		sc.auths[a.ID] = a
		state := "生效中"
		switch {
		case !a.To.IsZero() && today.After(a.To):
			state = "已终止"
		case today.Before(a.From):
			state = "未生效"
		}
		cells := []string{a.Window.Label(), a.Matter, a.Span(), state, dash(a.Basis), dash(a.EndNote)}
		rs = append(rs, record{id: a.ID, cells: cells, search: strings.Join(cells, " ")})
	}
	sc.end.Disable() // until a row is selected (a saved one is, by setRecords)
	sc.list.setRecords(rs)
}

// authForm registers an authorisation.
type authForm struct {
	window *picker
	matter *widget.SelectEntry
	from   *dateField
	basis  *widget.Entry
	save   *widget.Button
	// offered are the matters the entry offers for the chosen window
	offered []string
}

func (sc *authScreen) onAdd() {
	var active []models.ServiceWindow
	for _, w := range sc.windows {
		if w.Active {
			active = append(active, w)
		}
	}
	if len(active) == 0 {
		showError("还不能登记授权", models.FieldErrors{{Field: "窗口", Reason: "还没有启用的窗口：请先在“窗口”中新增或导入"}}, sc.shell.win)
		return
	}
	labels, ids, _ := windowChoices(active)
	f := &authForm{}
	errs := newFormErrors()
	f.matter = widget.NewSelectEntry(nil)
	f.matter.SetPlaceHolder("与办件登记的事项名称一致，如 企业设立登记")
	f.window = newPicker(labels, func(label string) {
		f.offered = sc.matters[ids[label]]
		f.matter.SetOptions(f.offered)
	})
	f.from = newDateField(sc.shell.win)
	f.from.SetDate(sc.data.Today())
	f.basis = widget.NewEntry()
	f.basis.SetPlaceHolder("如：市市场监管局关于向窗口首席代表授权的通知（乌市监发〔2026〕3号）")
	form := widget.NewForm(
		errs.item("窗口", f.window, "授权给该窗口的首席代表"),
		errs.item("事项名称", f.matter, "可从该窗口办过的事项中选择"),
		errs.item("起始日期", f.from, "自此日起，该窗口此事项的批准人必须是首席代表"),
		errs.item("授权依据", f.basis, "派驻单位的授权文件，可不填"),
	)
	sc.form = f
	f.save = newFormDialog(sc.shell, "新增办件授权", "登记", form, errs, func() error {
		from, err := f.from.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "起始日期", Reason: err.Error()}}
		}
		return sc.data.AddMatterAuthorisation(&models.MatterAuthorisation{WindowID: ids[f.window.Selected],
			Matter: f.matter.Text, From: from, Basis: f.basis.Text})
	}, sc.reload).save
}

// authEndForm ends an authorisation in force.
type authEndForm struct {
	last   *dateField
	reason *widget.Entry
	save   *widget.Button
}

func (sc *authScreen) onEnd(id uint) {
	a, ok := sc.auths[id]
	if !ok || !a.To.IsZero() {
		return
	}
	f := &authEndForm{last: newDateField(sc.shell.win), reason: multiEntry("如：派驻单位收回审批权限；首席代表调整")}
	f.last.SetDate(sc.data.Today())
	errs := newFormErrors()
	form := widget.NewForm(
		widget.NewFormItem("授权", widget.NewLabel(fmt.Sprintf("%s “%s”（%s）", a.Window.Label(), a.Matter, a.Span()))),
		errs.item("终止日期", f.last, "授权的最后一天；之后此事项的办件不再要求首席代表批准"),
		errs.item("终止原因", f.reason, ""),
	)
	sc.ending = f
	f.save = newFormDialog(sc.shell, "终止办件授权", "终止", form, errs, func() error {
		last, err := f.last.DateValue()
		if err != nil {
			return models.FieldErrors{{Field: "终止日期", Reason: err.Error()}}
		}
		return sc.data.EndMatterAuthorisation(id, last, f.reason.Text)
	}, sc.reload).save
}

// chiefChoices lists the 首席代表 now at a window, to suggest as 批准人.
func chiefChoices(staff []models.Staff, windowID uint) []string {
	var out []string
	for _, p := range staff {
		if p.Post == models.PostChief && p.WindowID == windowID && p.Status == models.StatusOnDuty {
			out = append(out, p.Name)
		}
	}
	sort.Strings(out)
	return out
}
