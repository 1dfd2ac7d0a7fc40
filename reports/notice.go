package reports

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"govdesk/models"
	"govdesk/reports/typeset"
)

// caseFields are the placeholders every case notice may use.
var caseFields = []string{
	"中心名称", "中心地址", "咨询电话", "投诉电话", "复议机关", "人民法院", "文号", "印发日期",
	"办件编号", "事项名称", "办件类型", "申请人", "申请人类型", "证件号码", "联系人", "联系电话", "联系地址",
	"窗口", "受理人", "受理日期", "受理时间", "法定时限", "承诺时限", "承诺办结日期", "办结日期",
	"办理结果", "上报机关", "材料件数", "有权机关告知", "批准人",
}

// optionalFields may be empty, and print as given here: contact details as
// a line to fill in by hand, a sentence that does not apply as nothing.
var optionalFields = map[string]string{"联系人": blank, "联系电话": blank, "联系地址": blank, "证件号码": blank,
	"上报机关": blank, "办结日期": blank, "办理结果": blank, "有权机关告知": "", "邮寄告知": ""}

const blank = "＿＿＿＿＿＿"

// kindFields are placeholders of one kind beyond the case's and its inputs.
var kindFields = map[string][]string{
	"承诺件通知书": {"邮寄告知"}, // where the result is posted to, when it is posted
	"送达凭证":   {"送达时间"}, // a blank: the service date is when the recipient signs
}

// NoticeFields lists the placeholders a kind of notice may use.
func NoticeFields(kind models.NoticeKind) []string {
	out := append([]string(nil), caseFields...)
	for _, in := range kind.Inputs {
		out = append(out, in.Name)
	}
	return append(out, kindFields[kind.Name]...)
}

// CheckTemplate validates an office's wording of a notice: every directive
// known, every placeholder a field of the notice.
func CheckTemplate(kindName, body string) error {
	kind, ok := models.NoticeKindByName(kindName)
	if !ok {
		return fmt.Errorf("没有名为“%s”的文书", kindName)
	}
	_, err := parseTemplate(body, NoticeFields(kind))
	return err
}

// TemplateBody returns the wording in force for a kind: the office's own,
// or the default.
func TemplateBody(st *models.Store, kind string) (body string, isDefault bool, err error) {
	body, err = st.NoticeTemplateBody(kind)
	if err != nil || body != "" {
		return body, false, err
	}
	return DefaultTemplates[kind], true, nil
}

// NoticeRequest is one notice to print.
type NoticeRequest struct {
	Kind   string
	CaseNo string
	Inputs map[string]string // facts entered when printing (see models.NoticeKind.Inputs)
	At     time.Time         // when it is issued; zero = now
	// NewIssue issues the notice again under a new 文号 when the case holds
	// one already, voiding the old one as 重新出具; without it a notice the
	// case holds is printed again under its own number and date.
	NewIssue bool
	// Override is the reason for issuing a notice a time rule refuses (a
	// 一次性告知书 after its working days); it is kept in the register and
	// printed nowhere.
	Override string
}

// PrintOptions affect how notices are printed.
type PrintOptions struct {
	Created time.Time // fixed print time (tests); zero = the store's clock
	// Preview draws the paper without taking or recording a number: a paper
	// not issued yet shows PreviewDocNo where its 文号 goes.
	Preview bool
	// NewIssue issues an internal document again under a new 文号 when one
	// was issued for the same record, voiding the old one as 重新出具;
	// without it the document is printed again under its own number.
	NewIssue bool
	// NamedBallot prints a selection's 表决票 for a 记名 vote, with a line for
	// the voter's signature; by default the vote is 无记名.
	NamedBallot bool
}

// PreviewDocNo stands where the 文号 goes on a preview of a paper not issued.
const PreviewDocNo = "（预览稿，未编号）"

// prepared is a notice checked and ready to draw.
type prepared struct {
	tmpl   *template
	data   noticeData
	kind   models.NoticeKind
	cs     models.Case
	notice models.IssuedNotice // the notice printed again, or the new one to record
	// replaced are the notices a new issue voids.
	replaced []uint
}

// printer prints notices from one store with one office's details.
type printer struct {
	st     *models.Store
	office models.Office
	cal    *models.Calendar
	seal   []byte // the 行政审批专用章, on citizen notices
	centre []byte // the 中心公章, on the centre's own papers
	body   []byte
	// issuedAt is the date of the document printed again, when it is a
	// reprint: its date goes with its number.
	issuedAt time.Time
	// what a batch reads once: each kind's wording, the conduct rules of
	// each day of receipt
	bodies map[string]string
	tmpls  map[string]*template
	rules  map[models.Date]models.ConductRules
	book   *models.ApprovalBook // read when a notice needs a 批准人
}

func newPrinter(st *models.Store) (*printer, error) {
	office, err := st.Office()
	if err != nil {
		return nil, err
	}
	if !office.Filled() {
		return nil, models.ErrOfficeMissing
	}
	cal, err := st.Calendar()
	if err != nil {
		return nil, err
	}
	p := &printer{st: st, office: office, cal: cal, bodies: map[string]string{}, tmpls: map[string]*template{},
		rules: map[models.Date]models.ConductRules{}}
	if office.SealPath != "" {
		if p.seal, err = os.ReadFile(office.SealPath); err != nil {
			return nil, fmt.Errorf("无法读取印章图片 %s：%w", office.SealPath, err)
		}
	}
	if office.CentreSealPath != "" {
		if p.centre, err = os.ReadFile(office.CentreSealPath); err != nil {
			return nil, fmt.Errorf("无法读取中心公章图片 %s：%w", office.CentreSealPath, err)
		}
	}
	if office.BodyFontPath != "" {
		if p.body, err = os.ReadFile(office.BodyFontPath); err != nil {
			return nil, fmt.Errorf("无法读取仿宋字体 %s：%w", office.BodyFontPath, err)
		}
	}
	return p, nil
}

func (p *printer) newDoc(title string, created time.Time) (*typeset.Doc, error) {
	if created.IsZero() {
		created = p.st.Now()
	}
	return typeset.New(typeset.Options{Created: created, Title: title, Author: p.office.Name, Seal: p.seal, BodyFont: p.body})
}

// prepare checks everything a notice needs before it is drawn: the
// template, the facts, and the rules of its kind against the case. It finds
// the notice the case already holds, which is printed again unless the
// request asks for a new issue.
func (p *printer) prepare(req NoticeRequest) (*prepared, error) {
	kind, ok := models.NoticeKindByName(req.Kind)
	if !ok {
		names := make([]string, len(models.NoticeKinds))
		for i, k := range models.NoticeKinds {
			names[i] = k.Name
		}
		return nil, fmt.Errorf("没有名为“%s”的文书，可印制：%s", req.Kind, strings.Join(names, "、"))
	}
	cs, err := p.st.CaseByNo(req.CaseNo)
	if err != nil {
		return nil, fmt.Errorf("办件 %s：%w", req.CaseNo, err)
	}
	body, tmpl, err := p.template(kind)
	if err != nil {
		return nil, err
	}
	at := req.At
	if at.IsZero() {
		at = p.st.Now()
	}
	issued, err := p.st.IssuedNotices(cs.No)
	if err != nil {
		return nil, err
	}
	inputs, missing, err := p.inputs(kind, cs, req.Inputs, issued)
	if err != nil {
		return nil, err
	}
	ref := inputs[kind.Distinct]
	var held []models.IssuedNotice // newest first, as issued is
	for _, n := range issued {
		if n.Kind == kind.Name && n.Ref == ref && !n.Voided {
			held = append(held, n)
		}
	}
	pr := &prepared{tmpl: tmpl, kind: kind, cs: cs}
	reprint := len(held) > 0 && !req.NewIssue
	if reprint {
		pr.notice = held[0]
		pr.notice.Reprinted = true
		if inputs, err = reprintInputs(kind, held[0], req.Inputs); err != nil {
			return nil, err
		}
		at = held[0].IssuedAt
	} else {
		if len(missing) > 0 {
			return nil, fmt.Errorf("印制%s需要填写：%s", kind.Name, strings.Join(missing, "、"))
		}
		for _, n := range held {
			pr.replaced = append(pr.replaced, n.ID)
		}
	}
	received := models.DateOf(cs.ReceivedAt)
	rules, ok := p.rules[received]
	if !ok {
		if rules, err = p.st.ConductRulesFor(received); err != nil {
			return nil, err
		}
		p.rules[received] = rules
	}
	who := ""
	if kind.NeedsApprover {
		if p.book == nil {
			book, err := p.st.ApprovalBook()
			if err != nil {
				return nil, err
			}
			p.book = &book
		}
		who = p.book.WhoMayApprove(cs)
	}
	if err := kind.Check(models.NoticeFacts{Case: cs, Issued: issued, On: models.DateOf(at), Cal: p.cal,
		NoticeDays: rules.NoticeDays, Override: req.Override, Reprint: reprint, Replacing: len(pr.replaced) > 0,
		WhoMayApprove: who}); err != nil {
		return nil, err
	}
	if kind.NeedsApprover && !reprint {
		// kept with the notice, so a reprint names who approved it then
		inputs["批准人"] = cs.Approver
	}
	data := p.values(cs, inputs, at)
	if inputs["领取方式"] == "邮寄送达" {
		if cs.Address == "" {
			return nil, fmt.Errorf("无法印制%s：领取方式为邮寄送达，但办件 %s 没有联系地址；请先在办件中填写联系地址（邮寄地址）", kind.Name, cs.No)
		}
		if used := usedFields(body); !slices.Contains(used, "邮寄告知") && !slices.Contains(used, "联系地址") {
			return nil, fmt.Errorf("无法印制%s：领取方式为邮寄送达，但模板中没有{邮寄告知}或{联系地址}，邮寄地址印不出来；请在文书设置中把{邮寄告知}加入%s", kind.Name, kind.Name)
		}
	}
	missing = nil
	for _, f := range usedFields(body) {
		if f == "文号" || f == "印发日期" {
			continue
		}
		if strings.TrimSpace(data.values[f]) == "" && data.lists[f] == nil {
			if repl, ok := optionalFields[f]; ok {
				data.values[f] = repl
				continue
			}
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		// the centre's own details are filled in 文书设置, not in the case
		var centre, ofCase []string
		for _, f := range missing {
			if label, ok := centreFields[f]; ok {
				centre = append(centre, label)
			} else {
				ofCase = append(ofCase, f)
			}
		}
		var parts []string
		if len(ofCase) > 0 {
			parts = append(parts, fmt.Sprintf("办件 %s 缺少%s，请先在办件中补全", cs.No, strings.Join(ofCase, "、")))
		}
		if len(centre) > 0 {
			parts = append(parts, fmt.Sprintf("中心信息缺少%s，请先在“文书设置”中填写（命令行：govdesk office --field %s=…）", strings.Join(centre, "、"), centre[0]))
		}
		return nil, fmt.Errorf("无法印制%s：%s", kind.Name, strings.Join(parts, "；"))
	}
	if err := tmpl.checkChoices(data.values); err != nil {
		return nil, fmt.Errorf("无法印制%s：%w", kind.Name, err)
	}
	pr.data = data
	if !reprint {
		stored, _ := json.Marshal(inputs)
		id := cs.ID
		pr.notice = models.IssuedNotice{Kind: kind.Name, CaseID: &id, CaseNo: cs.No, Ref: ref, Subject: cs.Applicant,
			Inputs: string(stored), IssuedAt: at, Override: strings.TrimSpace(req.Override)}
	}
	return pr, nil
}

// template gives the wording in force for a kind, read and checked once
// per batch.
func (p *printer) template(kind models.NoticeKind) (string, *template, error) {
	if t, ok := p.tmpls[kind.Name]; ok {
		return p.bodies[kind.Name], t, nil
	}
	body, _, err := TemplateBody(p.st, kind.Name)
	if err != nil {
		return "", nil, err
	}
	tmpl, err := parseTemplate(body, NoticeFields(kind))
	if err != nil {
		return "", nil, fmt.Errorf("%s的模板%w", kind.Name, err)
	}
	p.bodies[kind.Name], p.tmpls[kind.Name] = body, tmpl
	return body, tmpl, nil
}

// reprintInputs gives the facts a notice was issued with, for printing it
// again; facts given now that differ from them are refused, since a notice
// that says something else is a new issue.
func reprintInputs(kind models.NoticeKind, held models.IssuedNotice, given map[string]string) (map[string]string, error) {
	stored := map[string]string{}
	if held.Inputs != "" {
		if err := json.Unmarshal([]byte(held.Inputs), &stored); err != nil {
			return nil, fmt.Errorf("%s 登记的印制内容无法读取：%w", held.DocNo, err)
		}
	}
	var changed []string
	for k, v := range given {
		if v = strings.TrimSpace(v); v != "" && v != stored[k] {
			changed = append(changed, k)
		}
	}
	if len(changed) > 0 {
		sort.Strings(changed)
		return nil, fmt.Errorf("办件 %s 已有%s %s，重印沿用原内容，不能改动%s；如需改动，请重新出具（新文号，原文书作废）",
			held.CaseNo, kind.Name, held.DocNo, strings.Join(changed, "、"))
	}
	return stored, nil
}

// inputs completes the facts entered when printing with their defaults and
// lists the required ones still missing (a reprint takes them from the
// notice it prints again). issued are the case's notices.
func (p *printer) inputs(kind models.NoticeKind, cs models.Case, given map[string]string, issued []models.IssuedNotice) (map[string]string, []string, error) {
	out := map[string]string{}
	allowed := map[string]bool{}
	for _, in := range kind.Inputs {
		allowed[in.Name] = true
	}
	for k, v := range given {
		if !allowed[k] {
			return nil, nil, fmt.Errorf("%s没有“%s”这一项，可填：%s", kind.Name, k, inputNames(kind))
		}
		out[k] = strings.TrimSpace(v)
	}
	def := func(k, v string) {
		if allowed[k] && out[k] == "" {
			out[k] = v
		}
	}
	def("补正期限", "自收到本告知书之日起10个工作日内")
	def("领取方式", "窗口自取")
	def("许可内容", "准予许可事项："+cs.Matter+"。")
	def("送达方式", "直接送达")
	def("送达地点", p.office.Address)
	if allowed["送达文书"] && out["送达文书"] == "" {
		for _, n := range issued {
			if !n.Voided && n.Kind != "送达凭证" && n.Kind != "收件清单" {
				out["送达文书"] = n.Kind + "（" + n.DocNo + "）"
				break
			}
		}
	}
	var missing []string
	for _, in := range kind.Inputs {
		if in.Required && out[in.Name] == "" || in.Name == "送达文书" && out[in.Name] == "" {
			missing = append(missing, in.Name)
		}
	}
	return out, missing, nil
}

func inputNames(kind models.NoticeKind) string {
	if len(kind.Inputs) == 0 {
		return "（无）"
	}
	names := make([]string, len(kind.Inputs))
	for i, in := range kind.Inputs {
		names[i] = in.Name
	}
	return strings.Join(names, "、")
}

// windowName names a window in a sentence: "A01 企业开办综合窗口", adding
// 窗口 to names that lack it.
func windowName(w models.ServiceWindow) string {
	if w.Code == "" {
		return ""
	}
	if strings.HasSuffix(w.Name, "窗口") {
		return w.Label()
	}
	return w.Label() + "窗口"
}

func chineseMinute(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日%d时%02d分", t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute())
}

func chineseDate(t time.Time) string { return models.DateOf(t).Chinese() }

// handTime is a date and time left blank to be written by hand: the legal
// service date is when the recipient signs, not when the paper was printed.
const handTime = "　　　　年　　月　　日　　时　　分"

// listNumber matches a number a clerk typed before an item of a list
// ("1." "1、" "(1)" "（1）" "①" "一、"), which the notice numbers itself.
var listNumber = regexp.MustCompile(`^\s*(?:[0-9０-９]+\s*[.．、)）]|[（(]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]|[①-⑳]|[一二三四五六七八九十]+、)\s*`)

// stripListNumber removes a leading number from a list item, but not the
// start of a decimal ("3.5米宽的通道").
func stripListNumber(s string) string {
	m := listNumber.FindString(s)
	rest := s[len(m):]
	if m == "" || strings.TrimSpace(rest) == "" {
		return s
	}
	last, _ := utf8.DecodeLastRuneInString(m)
	if next, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(next) && !unicode.IsSpace(last) {
		return s
	}
	return strings.TrimSpace(rest)
}

// values fills the fields of a case notice.
func (p *printer) values(cs models.Case, inputs map[string]string, at time.Time) noticeData {
	id := cs.ApplicantID
	if cs.ApplicantType != "单位" && len(id) == 18 {
		id = models.MaskIDNumber(id)
	}
	v := map[string]string{
		"中心名称": p.office.Name, "中心地址": p.office.Address, "咨询电话": p.office.EnquiryPhone,
		"投诉电话": p.office.ComplaintTel, "复议机关": p.office.ReviewBody, "人民法院": p.office.Court,
		"印发日期": chineseDate(at),
		"办件编号": cs.No, "事项名称": cs.Matter, "办件类型": cs.Kind, "申请人": cs.Applicant,
		"申请人类型": cs.ApplicantType, "证件号码": id, "联系人": cs.Contact, "联系电话": cs.Phone,
		"联系地址": cs.Address, "窗口": windowName(cs.Window), "受理人": cs.Staff.Name,
		"受理日期": chineseDate(cs.ReceivedAt), "受理时间": chineseMinute(cs.ReceivedAt),
		"承诺办结日期": cs.DueDate(p.cal).Chinese(), "办理结果": cs.Result, "上报机关": cs.ForwardedTo,
		"材料件数": strconv.Itoa(len(cs.Materials)), "送达时间": handTime, "批准人": cs.Approver,
	}
	if cs.LegalDays > 0 {
		v["法定时限"] = strconv.Itoa(cs.LegalDays)
	}
	if cs.PromisedDays > 0 {
		v["承诺时限"] = strconv.Itoa(cs.PromisedDays)
	}
	if cs.CompletedAt != nil {
		v["办结日期"] = chineseDate(*cs.CompletedAt)
	}
	lists := map[string][]string{}
	for k, val := range inputs {
		v[k] = val
		if k == "补正材料" {
			for _, l := range strings.Split(val, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					lists[k] = append(lists[k], stripListNumber(l))
				}
			}
		}
	}
	if a := inputs["有权机关"]; a != "" {
		v["有权机关告知"] = "该申请事项依法不属于本机关职权范围，请向" + a + "申请。"
	}
	if inputs["领取方式"] == "邮寄送达" && cs.Address != "" {
		to := cs.Contact
		if to == "" {
			to = cs.Applicant
		}
		mail := "办理结果将邮寄至：" + cs.Address + "，收件人：" + to
		if cs.Phone != "" {
			mail += "，联系电话：" + cs.Phone
		}
		v["邮寄告知"] = mail + "。"
	}
	mats := make([][]string, len(cs.Materials))
	for i, m := range cs.Materials {
		pages := ""
		if m.Pages > 0 {
			pages = strconv.Itoa(m.Pages)
		}
		mats[i] = []string{strconv.Itoa(m.Seq), m.Name, strconv.Itoa(m.Copies), m.Form, pages}
	}
	return noticeData{values: v, lists: lists, materials: mats, issuer: p.office.Name, date: chineseDate(at)}
}

// PrintNotice prints one notice of a case to w (see PrintNotices).
func PrintNotice(st *models.Store, req NoticeRequest, opt PrintOptions, w io.Writer) (models.IssuedNotice, error) {
	notices, err := PrintNotices(context.Background(), st, []NoticeRequest{req}, opt, w, nil)
	if err != nil {
		return models.IssuedNotice{}, err
	}
	return notices[0], nil
}

// ErrCancelled is returned when a batch was cancelled; nothing was written
// and no number taken.
var ErrCancelled = errors.New("已取消印制")

// PrintNotices prints many notices into one PDF, each starting on a new page
// with its own page numbers. A notice the case already holds is printed
// again under its own 文号 and date (unless its request asks for a new
// issue); the others get the next numbers of their kinds. The whole batch is
// checked and drawn first; its numbers are recorded in one transaction that
// also writes the PDF to w (and, when w is a file of WriteFileAtomic, puts
// it in place), so a batch that fails anywhere — a refused notice, a
// character no font has, a write that fails, a cancel — takes no number and
// leaves no file. With opt.Preview nothing is recorded.
func PrintNotices(ctx context.Context, st *models.Store, reqs []NoticeRequest, opt PrintOptions, w io.Writer, progress Progress) ([]models.IssuedNotice, error) {
	var out []models.IssuedNotice
	err := retryTaken(func() (err error) {
		out, err = printNotices(ctx, st, reqs, opt, w, progress)
		return err
	})
	return out, err
}

// retryTaken runs a print once more when another print took its planned
// numbers between planning and recording; nothing was written the first time.
func retryTaken(print func() error) error {
	err := print()
	if errors.Is(err, models.ErrSerialTaken) {
		err = print()
	}
	return err
}

func printNotices(ctx context.Context, st *models.Store, reqs []NoticeRequest, opt PrintOptions, w io.Writer, progress Progress) ([]models.IssuedNotice, error) {
	if len(reqs) == 0 {
		return nil, fmt.Errorf("没有要印制的文书")
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	p, err := newPrinter(st)
	if err != nil {
		return nil, err
	}
	preps := make([]*prepared, len(reqs))
	var problems []string
	seen := map[string]bool{}
	for i, r := range reqs {
		if preps[i], err = p.prepare(r); err != nil {
			problems = append(problems, err.Error())
			continue
		}
		n := preps[i].notice
		key := n.Kind + "\x00" + n.CaseNo + "\x00" + n.Ref
		if seen[key] {
			problems = append(problems, fmt.Sprintf("办件 %s 的%s在本批中重复，请只选一次", n.CaseNo, n.Kind))
		}
		seen[key] = true
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	var record models.NoticePrint
	var planned []*models.IssuedNotice
	for _, pr := range preps {
		record.Replaced = append(record.Replaced, pr.replaced...)
		if pr.notice.Reprinted {
			record.Reprints = append(record.Reprints, pr.notice)
		} else {
			planned = append(planned, &pr.notice)
		}
	}
	if opt.Preview {
		for _, n := range planned {
			n.DocNo = PreviewDocNo
		}
	} else if err := st.PlanNotices(planned); err != nil {
		return nil, err
	}
	record.New = planned
	title := preps[0].kind.Name
	if len(reqs) > 1 {
		title = fmt.Sprintf("%s等%d份文书", title, len(reqs))
	}
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return nil, err
	}
	for i, pr := range preps {
		if ctx.Err() != nil {
			return nil, ErrCancelled
		}
		pr.data.docNo = pr.notice.DocNo
		pr.data.values["文号"] = pr.notice.DocNo
		if i > 0 {
			doc.NextDocument()
		}
		pr.tmpl.render(doc, pr.data, true)
		progress(i+1, len(preps))
	}
	pdf, err := finishPDF(doc)
	if err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, ErrCancelled
	}
	if opt.Preview {
		record = models.NoticePrint{}
	} else if err := st.RecordNotices(record, publish(pdf, w)); err != nil {
		return nil, err
	}
	out := make([]models.IssuedNotice, len(preps))
	for i, pr := range preps {
		out[i] = pr.notice
	}
	if opt.Preview {
		return out, publish(pdf, w)()
	}
	return out, nil
}

// PrintNoticesFile prints a batch to a file; the file appears only when the
// whole PDF was written and its numbers recorded.
func PrintNoticesFile(st *models.Store, reqs []NoticeRequest, opt PrintOptions, path string, progress Progress) ([]models.IssuedNotice, error) {
	return PrintNoticesFileContext(context.Background(), st, reqs, opt, path, progress)
}

// PrintNoticesFileContext is PrintNoticesFile that can be cancelled.
func PrintNoticesFileContext(ctx context.Context, st *models.Store, reqs []NoticeRequest, opt PrintOptions, path string, progress Progress) ([]models.IssuedNotice, error) {
	var issued []models.IssuedNotice
	err := WriteFileAtomic(path, func(w io.Writer) (err error) {
		issued, err = PrintNotices(ctx, st, reqs, opt, w, progress)
		return err
	})
	if err != nil {
		return nil, err
	}
	return issued, nil
}

// centreFields are the notice fields that come from the centre's details
// (文书设置), not from the case, by the name those details have there.
var centreFields = map[string]string{"中心名称": "中心名称", "中心地址": "中心地址", "咨询电话": "咨询电话",
	"投诉电话": "投诉电话", "复议机关": "行政复议机关", "人民法院": "人民法院"}
