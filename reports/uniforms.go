package reports

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"govdesk/models"
	"govdesk/reports/typeset"
)

var uniformColumns = []Column{
	keyColumn, {"工号", true}, {"种类", true}, {"品名", true}, {"尺码", false}, {"数量", true}, {"发放日期", true}, {"原因", false},
}

// uniformImporter reads the issue ledger (EXCHANGE.md "uniforms"); every
// 工号 must be on the roster and every item and size in the office's lists.
type uniformImporter struct {
	staff map[string]models.Staff
	lists models.UniformLists
	rows  []models.UniformRow
}

func (u *uniformImporter) columns() []Column { return uniformColumns }

func (u *uniformImporter) prepare(st *models.Store) error {
	list, err := st.StaffList()
	if err != nil {
		return err
	}
	u.staff = make(map[string]models.Staff, len(list))
	for _, p := range list {
		u.staff[p.EmployeeNo] = p
	}
	u.lists, err = st.UniformLists()
	return err
}

func (u *uniformImporter) apply(st *models.Store) (models.ImportStats, error) {
	return st.ImportUniforms(u.rows)
}

func (u *uniformImporter) parse(r row) string {
	before := len(*r.probs)
	no := r.need("工号")
	is := models.UniformIssue{Kind: r.need("种类"), Item: r.need("品名"), Size: r.get("尺码"), Reason: r.get("原因")}
	is.IssuedOn = r.date("发放日期", true)
	is.ID = r.recordID(models.KeyUniform)
	qty := r.need("数量")
	if qty != "" {
		n, err := strconv.Atoi(strings.TrimSpace(qty))
		if err != nil {
			r.problem("数量", fmt.Sprintf("“%s”不是整数", qty))
		}
		is.Quantity = n
	}
	if no != "" {
		if p, ok := u.staff[no]; ok {
			is.StaffID = p.ID
		} else {
			r.problem("工号", fmt.Sprintf("工号 %s 不在人员名册中：请先在“人员”中添加或导入此人", no))
		}
	}
	already := problemsText(r) // a cell already reported is not named twice
	for _, e := range is.Validate(u.lists) {
		if e.Field != "工号" && !strings.Contains(already, e.Field) {
			r.problem(e.Field, e.Reason)
		}
	}
	if len(*r.probs) > before {
		return ""
	}
	u.rows = append(u.rows, models.UniformRow{EmployeeNo: no, Issue: is})
	return keyed(is.ID, fmt.Sprintf("工号 %s %s %s %s %s", no, is.Kind, is.Item, is.Size, is.IssuedOn))
}

// problemsText is the row's problems so far, to avoid naming a cell twice.
func problemsText(r row) string {
	var b strings.Builder
	for _, p := range *r.probs {
		if p.Row == r.line {
			b.WriteString(p.Column)
		}
	}
	return b.String()
}

func exportUniforms(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	from, to, err := monthRange(opt.Month) // --month: the lines issued in it
	if err != nil {
		return "", nil, nil, err
	}
	list, err := st.UniformIssues(models.UniformFilter{From: from, To: to})
	if err != nil {
		return "", nil, nil, err
	}
	keys, err := st.RecordKeys()
	if err != nil {
		return "", nil, nil, err
	}
	rows := make([][]string, len(list))
	for i, u := range list {
		rows[i] = []string{keys.Key(models.KeyUniform, u.ID), u.Staff.EmployeeNo, u.Kind, u.Item, u.Size, strconv.Itoa(u.Quantity), u.IssuedOn.String(), u.Reason}
	}
	return "服装发放", columnNames(uniformColumns), rows, nil
}

// PrintUniformReceipt prints the 服装领用签收单 of ledger lines. Lines of
// one person give that person's sheet: the items in a table and the line to
// sign. Lines of several people (a season issued to a window) give the
// batch sheet: one row a person, with what they received and a cell for
// their signature and the date.
func PrintUniformReceipt(st *models.Store, issueIDs []uint, opt PrintOptions, w io.Writer) error {
	if len(issueIDs) == 0 {
		return fmt.Errorf("没有选择要签收的发放记录")
	}
	want := map[uint]bool{}
	for _, id := range issueIDs {
		want[id] = true
	}
	all, err := st.UniformIssues(models.UniformFilter{})
	if err != nil {
		return err
	}
	var issues []models.UniformIssue
	for i := len(all) - 1; i >= 0; i-- { // oldest first
		if want[all[i].ID] {
			issues = append(issues, all[i])
		}
	}
	if len(issues) == 0 {
		return fmt.Errorf("所选发放记录不存在，可能已被删除")
	}
	changes, err := st.SeasonChanges()
	if err != nil {
		return err
	}
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	seasons, people := map[string]bool{}, []uint{}
	byPerson := map[uint][]models.UniformIssue{}
	for _, u := range issues {
		label, _ := models.SeasonOf(u.Kind, u.IssuedOn, changes)
		if label == "" {
			label = u.Kind
		}
		seasons[label] = true
		if _, ok := byPerson[u.StaffID]; !ok {
			people = append(people, u.StaffID)
		}
		byPerson[u.StaffID] = append(byPerson[u.StaffID], u)
	}
	title := "服装领用签收单"
	if len(seasons) == 1 {
		for s := range seasons {
			title = s + "领用签收单"
		}
	}
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return err
	}
	// the title stays on one line; the office signs below
	doc.Title(title)
	if len(people) == 1 {
		receiptOne(doc, byPerson[people[0]])
		doc.Signature(p.office.Name+"综合业务科", chineseDate(p.printTime(opt)), false)
	} else {
		receiptBatch(doc, people, byPerson, changes)
		doc.Right(p.office.Name+"综合业务科制　"+chineseDate(p.printTime(opt)), typeset.SmallStyle, 0)
	}
	return output(doc, w)
}

func receiptOne(doc *typeset.Doc, issues []models.UniformIssue) {
	p := issues[0].Staff
	doc.InfoTable([][]string{
		{"姓名", p.Name + "（工号 " + p.EmployeeNo + "）"},
		{"窗口", orDash(windowName(p.Window))},
		{"派驻单位", p.HomeUnit.Name},
	})
	rows := make([][]string, len(issues))
	for i, u := range issues {
		rows[i] = []string{u.Kind, u.Item, orDash(u.Size), strconv.Itoa(u.Quantity), u.IssuedOn.Chinese(), u.Reason}
	}
	doc.Table([]typeset.Column{{Title: "种类", Width: 1.6, Center: true}, {Title: "品名", Width: 1.6, Center: true},
		{Title: "尺码", Width: 2, Center: true}, {Title: "数量", Width: 1.2, Center: true},
		{Title: "发放日期", Width: 3.2, Center: true}, {Title: "原因", Width: 1.8, Center: true}}, rows)
	doc.Paragraph("以上服装已如数领取，尺码无误。")
	doc.Fields(typeset.Field{Label: "领用人签名：", Chars: 7}, typeset.Field{Label: "日期：", Chars: 8})
	doc.Fields(typeset.Field{Label: "经办人签名：", Chars: 7})
}

// receiptBatch lists the issues of many people, one row a person and season
// (each season's issue is signed for on its own row, with its date).
func receiptBatch(doc *typeset.Doc, people []uint, byPerson map[uint][]models.UniformIssue, changes []models.SeasonChange) {
	sort.SliceStable(people, func(i, j int) bool {
		a, b := byPerson[people[i]][0].Staff, byPerson[people[j]][0].Staff
		if a.Window.Code != b.Window.Code {
			return a.Window.Code < b.Window.Code
		}
		return a.EmployeeNo < b.EmployeeNo
	})
	windows := map[string]bool{}
	total := 0
	var rows [][]string
	for _, id := range people {
		type group struct {
			label string
			last  models.Date
			items []string
		}
		var groups []*group
		byLabel := map[string]*group{}
		for _, u := range byPerson[id] {
			label, _ := models.SeasonOf(u.Kind, u.IssuedOn, changes)
			if label == "" {
				label = u.Kind
			}
			g := byLabel[label]
			if g == nil {
				g = &group{label: label}
				byLabel[label] = g
				groups = append(groups, g)
			}
			if u.IssuedOn.After(g.last) {
				g.last = u.IssuedOn
			}
			it := u.Item
			if u.Size != "" {
				it += " " + u.Size
			}
			g.items = append(g.items, fmt.Sprintf("%s×%d", it, u.Quantity))
			total += u.Quantity
		}
		p := byPerson[id][0].Staff
		windows[p.Window.Code] = true
		for _, g := range groups {
			season := strings.TrimPrefix(g.label, fmt.Sprintf("%d年", g.last.Year()))
			rows = append(rows, []string{strconv.Itoa(len(rows) + 1), p.Name, p.Window.Code,
				season + " " + fmt.Sprintf("%d月%d日", int(g.last.Month()), g.last.Day()), strings.Join(g.items, "；"), "", ""})
		}
	}
	doc.Plain(fmt.Sprintf("共%d人、%d个窗口，发放%d件。领用人核对品名、尺码和数量无误后签名。", len(people), len(windows), total), typeset.SmallStyle)
	doc.Table([]typeset.Column{{Title: "序号", Width: 0.9, Center: true}, {Title: "姓名", Width: 1.6, Center: true},
		{Title: "窗口", Width: 1.1, Center: true}, {Title: "类别及发放日期", Width: 2.6, Center: true},
		{Title: "领用物品（品名 尺码×数量）", Width: 4.6}, {Title: "签名", Width: 1.6, Center: true}, {Title: "日期", Width: 1.3, Center: true}}, rows)
	doc.Fields(typeset.Field{Label: "经办人签名：", Chars: 7})
}

// PrintSeasonNotice prints the 换装通知 of a season change, to every window
// unit: the day, what to wear, where and by when to collect the uniform
// (with how many have not yet), sector uniforms, and the inspections.
func PrintSeasonNotice(st *models.Store, changeID uint, opt PrintOptions, w io.Writer) error {
	return retryTaken(func() error { return printSeasonNotice(st, changeID, opt, w) })
}

func printSeasonNotice(st *models.Store, changeID uint, opt PrintOptions, w io.Writer) error {
	changes, err := st.SeasonChanges()
	if err != nil {
		return err
	}
	var c models.SeasonChange
	for _, x := range changes {
		if x.ID == changeID {
			c = x
		}
	}
	if c.ID == 0 {
		return models.ErrNotFound
	}
	pending, err := st.UniformPending(changeID)
	if err != nil {
		return err
	}
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	season := map[string]string{models.UniformSummer: "夏季", models.UniformMid: "春秋季", models.UniformWinter: "冬季"}[c.Kind]
	title := fmt.Sprintf("关于%d年%s统一换装的通知", c.On.Year(), season)
	doc, err := p.newCentreDoc(title, opt.Created)
	if err != nil {
		return err
	}
	issue, err := p.number(doc, "换装通知", season, fmt.Sprintf("换装#%d", c.ID), opt)
	if err != nil {
		return err
	}
	p.headed(doc, p.office.Name+title)
	doc.Addressee("各进驻窗口单位、全体窗口工作人员：")
	doc.Paragraph(fmt.Sprintf("根据《窗口工作人员统一着装管理办法》，结合近期气温变化，经中心研究决定，自%s起，全体窗口工作人员统一换着%s。现将有关事项通知如下：",
		c.On.Chinese(), c.Kind))
	doc.Heading1("一、着装要求")
	doc.Paragraph(fmt.Sprintf("窗口工作人员在岗期间一律按规定着%s，佩戴工作牌，做到整洁得体；同一窗口人员着装保持一致，不得混穿不同季节的服装，不得将制服与便装混穿。", c.Kind))
	doc.Heading1("二、服装领取")
	collect := fmt.Sprintf("尚未领取%s的人员，请于%s前到中心综合业务科领取，并在服装领用签收单上签名。", c.Kind,
		collectBy(p.cal, c.On, models.DateOf(p.printTime(opt))).Chinese())
	if len(pending) > 0 {
		collect += fmt.Sprintf("截至本通知印发之日，尚有%d人未领取。", len(pending))
	}
	doc.Paragraph(collect)
	doc.Heading1("三、行业制式服装")
	doc.Paragraph("按规定着行业制式服装的派驻单位人员，按本行业规定同步换装，并佩戴中心统一工作牌。")
	doc.Heading1("四、监督检查")
	doc.Paragraph("换装后，中心将组织着装检查，对未按规定着装、混穿或未佩戴工作牌的，按窗口工作纪律记录，并纳入月度和季度考核。")
	if c.Note != "" {
		doc.Paragraph(strings.TrimSuffix(c.Note, "。") + "。")
	}
	doc.Paragraph("特此通知。")
	p.signed(doc, chineseDate(p.printTime(opt)))
	return issue(w)
}

// collectBy is the last day to collect a season's uniform: the last working
// day before the change, or, for a notice printed too late for that, the
// third working day after it is printed.
func collectBy(cal *models.Calendar, change, printed models.Date) models.Date {
	d := change.AddDays(-1)
	for !cal.IsWorkingDay(d) && d.After(printed) {
		d = d.AddDays(-1)
	}
	if d.After(printed) {
		return d
	}
	d = printed
	for n := 0; n < 3; {
		d = d.AddDays(1)
		if cal.IsWorkingDay(d) {
			n++
		}
	}
	return d
}
