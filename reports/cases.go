package reports

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"govdesk/models"
)

var caseColumns = []Column{
	{"办件编号", true}, {"事项名称", true}, {"办件类型", true}, {"申请人", true},
	{"窗口编号", true}, {"工号", true}, {"受理时间", true},
	{"法定时限", false}, {"承诺时限", false}, {"办结时间", false}, {"办理结果", false},
	{"申请人类型", false}, {"证件号码", false}, {"联系电话", false}, {"上报单位", false},
	{"批准人", false}, // a name, or the 工号 of the 首席代表 for an authorised matter
	{"材料", false},  // see models.ParseMaterials: 营业执照(原件);身份证(复印件×2)
}

type caseImporter struct {
	rosterLookup
	stored map[string]models.Case
	book   models.ApprovalBook // the 批准人 rule
	rows   []models.CaseRow
}

func (c *caseImporter) columns() []Column { return caseColumns }

func (c *caseImporter) prepare(st *models.Store) error {
	if err := c.rosterLookup.prepare(st); err != nil {
		return err
	}
	var err error
	c.book, err = st.ApprovalBook()
	return err
}

// lookup reads the stored cases the file names: rows are checked as they
// will be stored, merged with the stored case, so that every problem is
// reported with its row before anything is written.
func (c *caseImporter) lookup(st *models.Store, column func(string) []string) (err error) {
	c.stored, err = st.CasesByNo(column("办件编号"))
	return err
}

func (c *caseImporter) apply(st *models.Store) (models.ImportStats, error) {
	return st.ImportCases(c.rows)
}

func (c *caseImporter) parse(r row) string {
	before := len(*r.probs)
	cr := models.CaseRow{
		No: r.need("办件编号"), Matter: r.need("事项名称"), Kind: r.need("办件类型"), Applicant: r.need("申请人"),
		ApplicantType: r.get("申请人类型"), ApplicantID: strings.ToUpper(unlessMasked(r.get("证件号码"))),
		Phone: unlessMasked(r.get("联系电话")), ForwardedTo: r.get("上报单位"), Result: r.get("办理结果"), Approver: r.get("批准人"),
		WindowCode: strings.ToUpper(r.need("窗口编号")), EmployeeNo: r.need("工号"),
	}
	cr.ReceivedAt, _ = r.dateTime("受理时间", true)
	if at, ok := r.dateTime("办结时间", false); ok {
		cr.CompletedAt = &at
	}
	cr.LegalDays = r.workingDays("法定时限")
	cr.PromisedDays = r.workingDays("承诺时限")
	if cell := r.get("材料"); cell != "" {
		mats, probs := models.ParseMaterials(cell)
		for _, p := range probs {
			r.problem("材料", p)
		}
		if len(mats) > 0 {
			cr.Materials = mats
		}
	}
	next := cr.Merge(c.stored[cr.No])
	if cr.WindowCode != "" {
		if w, ok := c.windows[cr.WindowCode]; ok {
			next.WindowID, next.Window = w.ID, w
		} else {
			r.problem("窗口编号", fmt.Sprintf("窗口 %s 不存在：请先在“窗口”中添加或导入该窗口", cr.WindowCode))
		}
	}
	if cr.EmployeeNo != "" {
		if p, ok := c.staff[cr.EmployeeNo]; ok {
			next.StaffID = p.ID
		} else {
			r.problem("工号", fmt.Sprintf("工号 %s 不存在：请先在“人员”中添加或导入此人", cr.EmployeeNo))
		}
	}
	reported := map[string]bool{}
	for _, p := range (*r.probs)[before:] {
		reported[p.Column] = true
	}
	for _, e := range next.Validate() {
		if !reported[e.Field] {
			r.problem(e.Field, e.Reason)
		}
	}
	if !reported["窗口编号"] && !reported["办结时间"] && !reported["受理时间"] {
		for _, e := range c.book.CheckApprover(&next) {
			r.problem(e.Field, e.Reason)
		}
	}
	if len(*r.probs) > before {
		return ""
	}
	c.rows = append(c.rows, cr)
	return "办件编号 " + cr.No
}

// dateTime reads a date-time cell; empty is allowed unless required. ok is
// false for an empty or bad cell (a bad one is reported).
func (r row) dateTime(col string, required bool) (time.Time, bool) {
	v := r.get(col)
	if v == "" {
		if required {
			r.problem(col, "不能为空")
		}
		return time.Time{}, false
	}
	t, err := models.ParseDateTime(v)
	if err != nil {
		r.problem(col, err.Error())
		return time.Time{}, false
	}
	return t, true
}

// workingDays reads a number of working days ("20", "20个工作日"); nil for
// an empty cell, which keeps the stored value.
func (r row) workingDays(col string) *int {
	v := r.get(col)
	if v == "" {
		return nil
	}
	for _, unit := range []string{"个工作日", "工作日", "天", "日"} {
		if s, ok := strings.CutSuffix(v, unit); ok {
			v = strings.TrimSpace(s)
			break
		}
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		r.problem(col, fmt.Sprintf("“%s”不是工作日天数，请填整数，如 20", r.get(col)))
		return nil
	}
	return &n
}

func exportCases(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	from, to, err := monthRange(opt.Month) // --month: the cases received in it
	if err != nil {
		return "", nil, nil, err
	}
	list, err := st.Cases(models.CaseFilter{WithMaterials: true, From: from, To: to})
	if err != nil {
		return "", nil, nil, err
	}
	days := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	// The register reads in the order cases were received.
	rows := make([][]string, len(list))
	for i, c := range list {
		rows[len(list)-1-i] = []string{c.No, c.Matter, c.Kind, c.Applicant, c.Window.Code, c.Staff.EmployeeNo,
			models.FormatDateTime(c.ReceivedAt), days(c.LegalDays), days(c.PromisedDays),
			models.FormatDateTime(c.CompletedTime()), c.Result,
			c.ApplicantType, caseID(opt, c), unmaskedPhone(opt, c.Phone), c.ForwardedTo, c.Approver, models.FormatMaterials(c.Materials)}
	}
	return "办件", columnNames(caseColumns), rows, nil
}

// caseID is the applicant's 证件号码 as the export writes it: a person's
// masked unless asked for, an organisation's 统一社会信用代码 as it is.
func caseID(opt ExportOptions, c models.Case) string {
	if c.ApplicantType == models.ApplicantOrg {
		return c.ApplicantID
	}
	return unmaskedID(opt, c.ApplicantID)
}
