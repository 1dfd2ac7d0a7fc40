package reports

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"govdesk/models"
	"govdesk/reports/typeset"
)

// Exchange files and notices of discipline, complaints, ratings and
// commendations (DOMAIN.md §6, EXCHANGE.md).

// ---- violations

var violationColumns = []Column{keyColumn, {"工号", true}, {"日期", true}, {"类别", true}, {"情形", true}, {"记录人", false}}

type violationImporter struct {
	staffLookup
	rows []models.ViolationRow
}

func (x *violationImporter) columns() []Column { return violationColumns }
func (x *violationImporter) apply(st *models.Store) (models.ImportStats, error) {
	return st.ImportViolations(x.rows)
}

func (x *violationImporter) parse(r row) string {
	before := len(*r.probs)
	vr := models.ViolationRow{ID: r.recordID(models.KeyViolation), EmployeeNo: r.need("工号"), On: r.date("日期", true), Category: r.need("类别"),
		Circumstances: r.need("情形"), RecordedBy: r.get("记录人")}
	r.knownStaff(x.staff, vr.EmployeeNo)
	v := models.Violation{StaffID: 1, On: vr.On, Category: vr.Category, Circumstances: vr.Circumstances, RecordedBy: vr.RecordedBy}
	if vr.On.IsZero() {
		v.On = models.NewDate(2000, 1, 1) // already reported
	}
	r.reportOnce(before, v.Validate())
	if len(*r.probs) > before {
		return ""
	}
	x.rows = append(x.rows, vr)
	return keyed(vr.ID, fmt.Sprintf("工号 %s 日期 %s 类别 %s 情形 %s", vr.EmployeeNo, vr.On, vr.Category, vr.Circumstances))
}

func exportViolations(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	from, to, err := monthRange(opt.Month)
	if err != nil {
		return "", nil, nil, err
	}
	list, err := st.Violations(models.ViolationFilter{From: from, To: to})
	if err != nil {
		return "", nil, nil, err
	}
	keys, err := st.RecordKeys()
	if err != nil {
		return "", nil, nil, err
	}
	var rows [][]string
	for _, v := range list {
		if v.ComplaintID != nil {
			continue // comes back with its complaint
		}
		rows = append(rows, []string{keys.Key(models.KeyViolation, v.ID), v.Staff.EmployeeNo, v.On.String(), v.Category, v.Circumstances, v.RecordedBy,
			v.Source, fmt.Sprint(v.Step), v.StepAction, v.OverrideReason, v.NoticeLevel, strings.Join(v.Consequences(), "；"),
			yesNoIfCN(v.Aggravated)})
	}
	header := append(columnNames(violationColumns), "来源", "第几次", "处理措施", "调整理由", "处理级别", "后果", "督查后仍未完成")
	return "违规记录", header, rows, nil
}

// ---- complaints

var complaintColumns = []Column{
	keyColumn, {"日期", true}, {"窗口编号", true}, {"工号", false}, {"投诉人", false}, {"内容", true},
	{"核查结果", true}, {"问题类别", false}, {"联系方式", false}, {"渠道", false}, {"核查情况", false}, {"核查结论", false}, {"办结日期", false},
}

type complaintImporter struct {
	rosterLookup
	rows []models.ComplaintRow
}

func (x *complaintImporter) columns() []Column { return complaintColumns }
func (x *complaintImporter) apply(st *models.Store) (models.ImportStats, error) {
	return st.ImportComplaints(x.rows)
}

func (x *complaintImporter) parse(r row) string {
	before := len(*r.probs)
	cr := models.ComplaintRow{ID: r.recordID(models.KeyComplaint), On: r.date("日期", true), WindowCode: strings.ToUpper(r.need("窗口编号")),
		EmployeeNo: r.get("工号"), Complainant: r.get("投诉人"), Content: r.need("内容"),
		Status: r.need("核查结果"), Problem: r.get("问题类别"), Contact: r.get("联系方式"),
		Channel: r.get("渠道"), Notes: r.get("核查情况"), Finding: r.get("核查结论"), ConcludedOn: r.date("办结日期", false)}
	cr.Whole = cr.ID != 0 && r.hasAll(complaintColumns)
	w, _ := r.knownWindow(x.windows, cr.WindowCode)
	r.knownStaff(x.staff, cr.EmployeeNo)
	c := models.Complaint{On: cr.On, WindowID: w.ID, Content: cr.Content, Status: cr.Status, Problem: cr.Problem,
		Complainant: cr.Complainant, Contact: cr.Contact, Channel: cr.Channel, Notes: cr.Notes, Finding: cr.Finding, ConcludedOn: cr.ConcludedOn}
	if c.WindowID == 0 {
		c.WindowID = 1 // reported above
	}
	if cr.Status == "" {
		c.Status = models.ComplaintOpen // reported above
	}
	r.reportOnce(before, c.Validate())
	if len(*r.probs) > before {
		return ""
	}
	x.rows = append(x.rows, cr)
	return keyed(cr.ID, fmt.Sprintf("日期 %s 窗口 %s 内容 %s", cr.On, cr.WindowCode, cr.Content))
}

func exportComplaints(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	from, to, err := monthRange(opt.Month)
	if err != nil {
		return "", nil, nil, err
	}
	list, err := st.Complaints(models.ComplaintFilter{From: from, To: to})
	if err != nil {
		return "", nil, nil, err
	}
	keys, err := st.RecordKeys()
	if err != nil {
		return "", nil, nil, err
	}
	rows := make([][]string, len(list))
	for i, c := range list {
		no := ""
		if c.Staff != nil {
			no = c.Staff.EmployeeNo
		}
		rows[i] = []string{keys.Key(models.KeyComplaint, c.ID), c.On.String(), c.Window.Code, no, c.Complainant, c.Content, c.Status, c.Problem,
			c.Contact, c.Channel, c.Notes, c.Finding, c.ConcludedOn.String(), c.DueOn.String()}
	}
	return "投诉", append(columnNames(complaintColumns), "办理时限"), rows, nil
}

// ---- ratings

var ratingColumns = []Column{keyColumn, {"日期", true}, {"窗口编号", true}, {"工号", false}, {"评价", true}, {"办件编号", false}, {"评价内容", false},
	{"整改状态", false}, {"整改措施", false}, {"整改完成日期", false}}

type ratingImporter struct {
	rosterLookup
	rows []models.RatingRow
}

func (x *ratingImporter) columns() []Column { return ratingColumns }
func (x *ratingImporter) apply(st *models.Store) (models.ImportStats, error) {
	return st.ImportRatings(x.rows)
}

func (x *ratingImporter) parse(r row) string {
	before := len(*r.probs)
	rr := models.RatingRow{ID: r.recordID(models.KeyRating), On: r.date("日期", true), WindowCode: strings.ToUpper(r.need("窗口编号")),
		EmployeeNo: r.get("工号"), Level: r.need("评价"), CaseNo: r.get("办件编号"), Comment: r.get("评价内容"),
		RectifyStatus: r.get("整改状态"), RectifyMeasures: r.get("整改措施"), RectifiedOn: r.date("整改完成日期", false)}
	r.knownWindow(x.windows, rr.WindowCode)
	r.knownStaff(x.staff, rr.EmployeeNo)
	if rr.Level != "" {
		if msg := models.CheckRatingLevel(rr.Level); msg != "" {
			r.problem("评价", msg)
		}
	}
	if rr.RectifyStatus != "" && !models.IsBadRating(rr.Level) {
		r.problem("整改状态", "只有差评（不满意、非常不满意）才有整改状态")
	} else if rr.RectifyStatus != "" && !slices.Contains(models.RectifyStates, rr.RectifyStatus) {
		r.problem("整改状态", "整改状态只能是 "+strings.Join(models.RectifyStates, " / "))
	}
	if len(*r.probs) > before {
		return ""
	}
	x.rows = append(x.rows, rr)
	return keyed(rr.ID, "") // equal ratings are legitimate: several people may rate alike
}

func exportRatings(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	from, to, err := monthRange(opt.Month)
	if err != nil {
		return "", nil, nil, err
	}
	list, err := st.Ratings(models.RatingFilter{From: from, To: to})
	if err != nil {
		return "", nil, nil, err
	}
	keys, err := st.RecordKeys()
	if err != nil {
		return "", nil, nil, err
	}
	rows := make([][]string, len(list))
	for i, x := range list {
		no := ""
		if x.Staff != nil {
			no = x.Staff.EmployeeNo
		}
		rows[i] = []string{keys.Key(models.KeyRating, x.ID), x.On.String(), x.Window.Code, no, x.Level, x.CaseNo, x.Comment,
			x.RectifyStatus, x.RectifyMeasures, x.RectifiedOn.String(), x.RectifyDue.String()}
	}
	return "好差评", append(columnNames(ratingColumns), "整改期限"), rows, nil
}

// ---- commendations

var commendationColumns = []Column{keyColumn, {"工号", true}, {"日期", true}, {"类型", true}, {"说明", false}}

type commendationImporter struct {
	staffLookup
	rows []models.CommendationRow
}

func (x *commendationImporter) columns() []Column { return commendationColumns }
func (x *commendationImporter) apply(st *models.Store) (models.ImportStats, error) {
	return st.ImportCommendations(x.rows)
}

func (x *commendationImporter) parse(r row) string {
	before := len(*r.probs)
	cr := models.CommendationRow{ID: r.recordID(models.KeyCommendation), EmployeeNo: r.need("工号"), On: r.date("日期", true), Kind: r.need("类型"), Note: r.get("说明")}
	r.knownStaff(x.staff, cr.EmployeeNo)
	c := models.Commendation{StaffID: 1, On: cr.On, Kind: cr.Kind, Note: cr.Note}
	if c.On.IsZero() {
		c.On = models.NewDate(2000, 1, 1)
	}
	r.reportOnce(before, c.Validate())
	if len(*r.probs) > before {
		return ""
	}
	x.rows = append(x.rows, cr)
	return keyed(cr.ID, fmt.Sprintf("工号 %s 日期 %s 类型 %s 说明 %s", cr.EmployeeNo, cr.On, cr.Kind, cr.Note))
}

func exportCommendations(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	from, to, err := monthRange(opt.Month)
	if err != nil {
		return "", nil, nil, err
	}
	list, err := st.Commendations(models.CommendationFilter{From: from, To: to})
	if err != nil {
		return "", nil, nil, err
	}
	keys, err := st.RecordKeys()
	if err != nil {
		return "", nil, nil, err
	}
	rows := make([][]string, len(list))
	for i, c := range list {
		rows[i] = []string{keys.Key(models.KeyCommendation, c.ID), c.Staff.EmployeeNo, c.On.String(), c.Kind, c.Note}
	}
	return "表扬", columnNames(commendationColumns), rows, nil
}

// ---- notices

func ruleBroken(category string) string {
	switch category {
	case models.CategoryService:
		return "《窗口工作人员服务规范》关于仪容仪表、言行举止和文明用语的规定"
	case models.CategoryNotification:
		return "《一次性告知制度》关于一次性告知申请人全部所需材料的规定"
	case models.CategoryPromiseBreak:
		return "《服务承诺制度》的规定"
	case models.CategoryPromiseDelay:
		return "《服务承诺制度》关于按承诺时限办结的规定"
	case models.CategoryDress:
		return "《窗口工作人员统一着装管理办法》的规定"
	}
	return "《窗口工作纪律》的规定"
}

func personLine(p models.Staff) string {
	return fmt.Sprintf("%s窗口工作人员%s（工号%s）", orDash(p.HomeUnit.Name), p.Name, p.EmployeeNo)
}

func loadViolation(st *models.Store, id uint) (models.Violation, models.Staff, error) {
	v, err := st.ViolationByID(id)
	if err != nil {
		return v, models.Staff{}, err
	}
	p, err := st.StaffByID(v.StaffID)
	return v, p, err
}

// violationRef names the violation an internal document prints, so that
// printing it again keeps its 文号.
func violationRef(v models.Violation) string { return fmt.Sprintf("违规#%d", v.ID) }

// PrintCensure prints the 通报批评 of a violation: the facts, the rule
// broken, the count in the period and the decision with its consequences.
func PrintCensure(st *models.Store, violationID uint, opt PrintOptions, w io.Writer) error {
	return retryTaken(func() error { return printCensure(st, violationID, opt, w) })
}

func printCensure(st *models.Store, violationID uint, opt PrintOptions, w io.Writer) error {
	v, who, err := loadViolation(st, violationID)
	if err != nil {
		return err
	}
	if !v.Censured() {
		return fmt.Errorf("这条违规的处理是“%s”，不是通报批评，不能印制通报批评；如处理有误，请先修改违规记录的处理档次", v.StepAction)
	}
	rules, err := st.ConductRulesFor(v.On)
	if err != nil {
		return err
	}
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	doc, err := p.newCentreDoc("关于对"+who.Name+"同志的通报批评", opt.Created)
	if err != nil {
		return err
	}
	issue, err := p.number(doc, "通报批评", who.Name, violationRef(v), opt)
	if err != nil {
		return err
	}
	p.headed(doc, "关于对"+who.Name+"同志的通报批评")
	doc.Addressee("各进驻窗口单位：")
	doc.Paragraph(fmt.Sprintf("%s，%s%s在工作中%s。", v.On.Chinese(), personLine(who), windowSuffix(windowTitle(v.Window)), trimStop(v.Circumstances)))
	if v.Evidence != "" {
		doc.Paragraph("经核实，" + trimStop(v.Evidence) + "，情况属实。")
	}
	doc.Paragraph(fmt.Sprintf("上述行为违反了%s，属%s类违规，系%s第%d次。", ruleBroken(v.Category), v.Category, rules.PeriodName(), v.Step))
	decision := "根据中心有关规定，经研究决定：对" + who.Name + "同志予以" + trimStop(v.StepAction) + "。"
	if v.Override && v.OverrideReason != "" {
		decision += "（" + trimStop(v.OverrideReason) + "。）"
	}
	doc.Paragraph(decision)
	var extra []string
	for _, c := range v.Consequences() {
		core := strings.TrimSuffix(c, "（函告派驻单位）")
		if c != "按投诉计分，不重复扣分" && !strings.Contains(v.StepAction, core) {
			extra = append(extra, strings.Replace(core, "取消当季度", "取消其当季度", 1))
		}
	}
	if len(extra) > 0 {
		doc.Paragraph("同时，" + strings.Join(extra, "；") + "。")
	}
	doc.Paragraph("希望全体窗口工作人员引以为戒，严格遵守中心各项规章制度，规范服务行为，切实提升服务质量。")
	p.signed(doc, chineseDate(p.printTime(opt)))
	return issue(w)
}

// windowTitle names a window in running text: "A05 户籍业务窗口".
func windowTitle(w models.ServiceWindow) string {
	n := windowName(w)
	if n != "" && !strings.HasSuffix(n, "窗口") {
		n += "窗口"
	}
	return n
}

func windowSuffix(window string) string {
	if window == "" {
		return ""
	}
	return "（" + window + "）"
}

func trimStop(s string) string {
	return strings.TrimRight(strings.TrimSpace(s), "。；;.")
}

// PrintHomeUnitLetter prints the 函告派驻单位 of a violation: a letter to
// the person's home unit with the facts, the person's record in the
// counting period and the centre's request.
func PrintHomeUnitLetter(st *models.Store, violationID uint, opt PrintOptions, w io.Writer) error {
	return retryTaken(func() error { return printHomeUnitLetter(st, violationID, opt, w) })
}

func printHomeUnitLetter(st *models.Store, violationID uint, opt PrintOptions, w io.Writer) error {
	v, who, err := loadViolation(st, violationID)
	if err != nil {
		return err
	}
	if !v.ReportsToHomeUnit {
		return fmt.Errorf("这条违规的处理是“%s”，不通报主管部门，不能印制函告派驻单位；如处理有误，请先修改违规记录的处理档次", v.StepAction)
	}
	rules, err := st.ConductRulesFor(v.On)
	if err != nil {
		return err
	}
	hist, err := st.Violations(models.ViolationFilter{StaffID: v.StaffID, From: rules.PeriodStart(v.On), To: v.On})
	if err != nil {
		return err
	}
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	title := "关于" + who.Name + "同志违反窗口管理规定情况的函"
	doc, err := p.newCentreDoc(title, opt.Created)
	if err != nil {
		return err
	}
	issue, err := p.number(doc, "函告派驻单位", who.Name, violationRef(v), opt)
	if err != nil {
		return err
	}
	p.headed(doc, title)
	doc.Addressee(orDash(who.HomeUnit.Name) + "：")
	doc.Paragraph(fmt.Sprintf("贵单位派驻我中心%s工作人员%s同志（工号%s），%s在工作中%s，违反了%s。这是该同志%s第%d次%s类违规。",
		orDash(windowTitle(v.Window)), who.Name, who.EmployeeNo, v.On.Chinese(), trimStop(v.Circumstances), ruleBroken(v.Category),
		rules.PeriodName(), v.Step, v.Category))
	if len(hist) > 0 {
		doc.Paragraph(fmt.Sprintf("%s该同志在我中心的违规记录如下：", rules.PeriodName()))
		rows := make([][]string, len(hist))
		for i, h := range hist {
			rows[i] = []string{h.On.Chinese(), h.Category, h.Circumstances, h.StepAction}
		}
		doc.Table([]typeset.Column{{Title: "日期", Width: 3.2, Center: true}, {Title: "类别", Width: 2.6, Center: true},
			{Title: "情形", Width: 5.2}, {Title: "处理", Width: 4.6}}, rows)
	}
	doc.Paragraph("我中心已按规定对其予以" + trimStop(v.StepAction) + "。现将有关情况函告贵单位，请贵单位加强对派驻人员的教育管理，督促其认真整改，并于收到本函之日起10个工作日内将处理意见书面反馈我中心综合业务科。")
	doc.Paragraph("特此函告。")
	p.signed(doc, chineseDate(p.printTime(opt)))
	return issue(w)
}

// PrintRectifyNotice prints the 整改通知 of a window: its open 差评
// rectification items (or one item when ratingID is set) with their
// deadlines.
func PrintRectifyNotice(st *models.Store, windowID, ratingID uint, opt PrintOptions, w io.Writer) error {
	return retryTaken(func() error { return printRectifyNotice(st, windowID, ratingID, opt, w) })
}

func printRectifyNotice(st *models.Store, windowID, ratingID uint, opt PrintOptions, w io.Writer) error {
	items, err := st.Ratings(models.RatingFilter{WindowID: windowID, Bad: true})
	if err != nil {
		return err
	}
	var open []models.Rating
	for _, r := range items {
		if (ratingID != 0 && r.ID == ratingID) || (ratingID == 0 && (r.RectifyStatus == models.RectifyPending || r.RectifyStatus == models.RectifyWorking)) {
			open = append(open, r)
		}
	}
	if len(open) == 0 {
		return fmt.Errorf("该窗口没有待整改的差评")
	}
	win := open[0].Window
	ws, err := st.ServiceWindows()
	if err != nil {
		return err
	}
	unit := ""
	for _, x := range ws {
		if x.ID == win.ID {
			unit = x.HomeUnit.Name
		}
	}
	p, err := newPrinter(st)
	if err != nil {
		return err
	}
	title := "差评整改通知"
	doc, err := p.newCentreDoc(title, opt.Created)
	if err != nil {
		return err
	}
	// the notice concerns exactly these items: another set is another notice
	ids := make([]string, len(open))
	for i, r := range open {
		ids[i] = strconv.FormatUint(uint64(r.ID), 10)
	}
	issue, err := p.number(doc, "整改通知", win.Code, "差评#"+strings.Join(ids, ","), opt)
	if err != nil {
		return err
	}
	p.headed(doc, title)
	addressee := windowTitle(win)
	if unit != "" {
		addressee = unit + "、" + addressee
	}
	doc.Addressee(addressee + "：")
	doc.Paragraph(fmt.Sprintf("根据“好差评”评价结果，你窗口收到以下%d条差评，现通知你窗口按照“好差评”差评整改工作要求，逐条核实情况、落实整改，在整改期限内将整改情况书面报送中心综合业务科。", len(open)))
	rows := make([][]string, len(open))
	for i, r := range open {
		who := "—"
		if r.Staff != nil {
			who = r.Staff.Name
		}
		rows[i] = []string{fmt.Sprint(i + 1), r.On.String(), who, r.Level, orDash(r.Comment), r.RectifyDue.String()}
	}
	doc.Table([]typeset.Column{{Title: "序号", Width: 1.8, Center: true}, {Title: "评价日期", Width: 3.9, Center: true},
		{Title: "被评价人", Width: 2.7, Center: true}, {Title: "评价", Width: 2.6, Center: true},
		{Title: "评价内容", Width: 3.3}, {Title: "整改期限", Width: 3.9, Center: true}}, rows)
	doc.Paragraph("经核实属于无效差评的，请提供相关证明材料，由中心复核后认定。逾期未整改的，将在月度考核中予以通报。")
	p.signed(doc, chineseDate(p.printTime(opt)))
	return issue(w)
}

// yesNoIfCN gives "是" for true and "" for false.
func yesNoIfCN(b bool) string {
	if b {
		return "是"
	}
	return ""
}
