package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"govdesk/models"
	"govdesk/reports/typeset"
)

// caseFields are the placeholders every case notice may use.
var caseFields = []string{
	"中心名称", "中心地址", "咨询电话", "投诉电话", "复议机关", "人民法院", "文号", "印发日期",
	"办件编号", "事项名称", "办件类型", "申请人", "申请人类型", "证件号码", "联系人", "联系电话", "联系地址",
	"窗口", "受理人", "受理日期", "受理时间", "法定时限", "承诺时限", "承诺办结日期", "办结日期",
	"办理结果", "上报机关", "材料件数", "有权机关告知",
}

// optionalFields may be empty, and print as given here: contact details as
// a line to fill in by hand, a sentence that does not apply as nothing.
var optionalFields = map[string]string{"联系人": blank, "联系电话": blank, "联系地址": blank, "证件号码": blank,
	"上报机关": blank, "办结日期": blank, "办理结果": blank, "有权机关告知": ""}

const blank = "＿＿＿＿＿＿"

// NoticeFields lists the placeholders a kind of notice may use.
func NoticeFields(kind models.NoticeKind) []string {
	out := append([]string(nil), caseFields...)
	for _, in := range kind.Inputs {
		out = append(out, in.Name)
	}
	return out
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
}

// PrintOptions affect how notices are printed.
type PrintOptions struct {
	Created time.Time // fixed print time (tests); zero = the store's clock
}

// prepared is a notice checked and ready to draw.
type prepared struct {
	tmpl  *template
	data  noticeData
	kind  models.NoticeKind
	cs    models.Case
	input map[string]string
}

// printer prints notices from one store with one office's details.
type printer struct {
	st     *models.Store
	office models.Office
	cal    *models.Calendar
	seal   []byte
	body   []byte
}

func newPrinter(st *models.Store) (*printer, error) {
	office, err := st.Office()
	if err != nil {
		return nil, err
	}
	cal, err := st.Calendar()
	if err != nil {
		return nil, err
	}
	p := &printer{st: st, office: office, cal: cal}
	if office.SealPath != "" {
		if p.seal, err = os.ReadFile(office.SealPath); err != nil {
			return nil, fmt.Errorf("无法读取印章图片 %s：%w", office.SealPath, err)
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

// prepare checks everything a notice needs before a 文号 is taken, so that a
// refused notice uses no number.
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
	body, _, err := TemplateBody(p.st, kind.Name)
	if err != nil {
		return nil, err
	}
	tmpl, err := parseTemplate(body, NoticeFields(kind))
	if err != nil {
		return nil, fmt.Errorf("%s的模板%w", kind.Name, err)
	}
	at := req.At
	if at.IsZero() {
		at = p.st.Now()
	}
	inputs, err := p.inputs(kind, cs, req.Inputs, at)
	if err != nil {
		return nil, err
	}
	data := p.values(cs, inputs, at)
	var missing []string
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
		return nil, fmt.Errorf("无法印制%s：办件 %s 缺少%s，请先补全", kind.Name, cs.No, strings.Join(missing, "、"))
	}
	if err := tmpl.checkChoices(data.values); err != nil {
		return nil, fmt.Errorf("无法印制%s：%w", kind.Name, err)
	}
	return &prepared{tmpl: tmpl, data: data, kind: kind, cs: cs, input: inputs}, nil
}

// inputs completes the facts entered when printing with their defaults and
// checks the required ones.
func (p *printer) inputs(kind models.NoticeKind, cs models.Case, given map[string]string, at time.Time) (map[string]string, error) {
	out := map[string]string{}
	allowed := map[string]bool{}
	for _, in := range kind.Inputs {
		allowed[in.Name] = true
	}
	for k, v := range given {
		if !allowed[k] {
			return nil, fmt.Errorf("%s没有“%s”这一项，可填：%s", kind.Name, k, inputNames(kind))
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
	def("送达时间", chineseMinute(at))
	if allowed["送达文书"] && out["送达文书"] == "" {
		issued, err := p.st.IssuedNotices(cs.No)
		if err != nil {
			return nil, err
		}
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
	if len(missing) > 0 {
		return nil, fmt.Errorf("印制%s需要填写：%s", kind.Name, strings.Join(missing, "、"))
	}
	return out, nil
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
		"材料件数": strconv.Itoa(len(cs.Materials)),
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
					lists[k] = append(lists[k], l)
				}
			}
		}
	}
	if a := inputs["有权机关"]; a != "" {
		v["有权机关告知"] = "该申请事项依法不属于本机关职权范围，请向" + a + "申请。"
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

// issue takes the 文号 and records the notice.
func (p *printer) issue(pr *prepared, at time.Time) (models.IssuedNotice, error) {
	inputs, _ := json.Marshal(pr.input)
	id := pr.cs.ID
	n := models.IssuedNotice{Kind: pr.kind.Name, CaseID: &id, CaseNo: pr.cs.No, Subject: pr.cs.Applicant,
		Inputs: string(inputs), IssuedAt: at}
	if err := p.st.IssueNotice(&n); err != nil {
		return n, err
	}
	pr.data.docNo = n.DocNo
	pr.data.values["文号"] = n.DocNo
	return n, nil
}

// PrintNotice prints one notice of a case to w: it checks the template and
// the record, takes the next 文号, and draws the PDF. A notice that cannot
// be printed correctly is refused and takes no number.
func PrintNotice(st *models.Store, req NoticeRequest, opt PrintOptions, w io.Writer) (models.IssuedNotice, error) {
	notices, err := PrintNotices(context.Background(), st, []NoticeRequest{req}, opt, w, nil)
	if err != nil {
		return models.IssuedNotice{}, err
	}
	return notices[0], nil
}

// ErrCancelled is returned when a batch was cancelled; nothing was written.
var ErrCancelled = errors.New("已取消印制")

// PrintNotices prints many notices into one PDF, each starting on a new page
// with its own page numbers. Every request is checked before any 文号 is
// taken; a cancelled batch writes nothing and voids the numbers it took.
func PrintNotices(ctx context.Context, st *models.Store, reqs []NoticeRequest, opt PrintOptions, w io.Writer, progress Progress) ([]models.IssuedNotice, error) {
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
	for i, r := range reqs {
		if preps[i], err = p.prepare(r); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	title := preps[0].kind.Name
	if len(reqs) > 1 {
		title = fmt.Sprintf("%s等%d份文书", title, len(reqs))
	}
	doc, err := p.newDoc(title, opt.Created)
	if err != nil {
		return nil, err
	}
	var issued []models.IssuedNotice
	voidAll := func(reason string, err error) error { return voidUnprinted(st, issued, reason, err) }
	for i, pr := range preps {
		if ctx.Err() != nil {
			return nil, voidAll("批量印制已取消，未输出", ErrCancelled)
		}
		at := reqs[i].At
		if at.IsZero() {
			at = p.st.Now()
		}
		n, err := p.issue(pr, at)
		if err != nil {
			return nil, voidAll("批量印制失败，未输出", err)
		}
		issued = append(issued, n)
		if i > 0 {
			doc.NextDocument()
		}
		pr.tmpl.render(doc, pr.data, true)
		progress(i+1, len(preps))
	}
	if warn := doc.Warnings(); len(warn) > 0 {
		return nil, voidAll("有字符无法印出", fmt.Errorf("有字符无法印出，未输出：%s", strings.Join(warn, "；")))
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return nil, voidAll("PDF 生成失败", fmt.Errorf("PDF 生成失败：%w", err))
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return nil, voidAll("PDF 写入失败", err)
	}
	return issued, nil
}

// voidUnprinted voids the notices of a print that produced no paper, so the
// register shows the gap, and returns err. A number that could not be voided
// is added to err by its 文号: it is taken, nobody holds its paper, and the
// register would not say so until someone voids it by hand.
func voidUnprinted(st *models.Store, issued []models.IssuedNotice, reason string, err error) error {
	var failed []error
	for _, n := range issued {
		if verr := st.VoidNotice(n.ID, reason); verr != nil {
			failed = append(failed, fmt.Errorf("文号 %s 已占用但未能登记作废（%w），请在办件档案中将其作废", n.DocNo, verr))
		}
	}
	if len(failed) == 0 {
		return err
	}
	return errors.Join(append([]error{err}, failed...)...)
}

// PrintNoticesFile prints a batch to a file; the file appears only when the
// whole PDF was written.
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
		// printed, but the file could not be written
		return nil, voidUnprinted(st, issued, "文件写入失败", err)
	}
	return issued, nil
}
