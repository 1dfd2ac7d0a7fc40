package models

import (
	"fmt"
	"strings"
)

// NoticeFacts are what the rules of a notice kind judge: the case, the
// notices it already holds, and the print being asked for.
type NoticeFacts struct {
	Case   Case
	Issued []IssuedNotice // the case's notices, voided ones included
	On     Date           // the day the notice is issued
	Cal    *Calendar
	// NoticeDays are the working days after receipt within which a
	// 一次性告知书 is issued (ConductRules.NoticeDays in force on receipt).
	NoticeDays int
	// Override is the reason given for issuing a notice late; "" when none.
	Override string
	// Reprint: the notice is one already issued, printed again under its own
	// number; what concerns the day it was issued was judged then.
	Reprint bool
	// Replacing: the valid notices of the kind are voided by this issue.
	Replacing bool
	// WhoMayApprove says who may approve the case when its matter is
	// authorised to the window's 首席代表 (ApprovalBook.WhoMayApprove).
	WhoMayApprove string
}

// Check says whether a notice of kind k may be issued for the case: nil, or a
// refusal saying what to change first.
func (k NoticeKind) Check(f NoticeFacts) error {
	c := f.Case
	refuse := func(format string, a ...any) error {
		return refused(fmt.Sprintf("不能印制%s：", k.Name) + fmt.Sprintf(format, a...))
	}
	if len(k.CaseKinds) > 0 && !oneOf(c.Kind, k.CaseKinds) {
		return refuse("办件 %s 是%s，%s只用于%s；如办件类型登记有误，请先修改办件", c.No, c.Kind, k.Name, strings.Join(k.CaseKinds, "、"))
	}
	if len(k.Results) > 0 && !oneOf(c.Result, k.Results) {
		if c.Result == "" {
			return refuse("办件 %s 尚未登记办理结果，%s只用于办理结果为“%s”的办件；请先登记办结时间和办理结果", c.No, k.Name, strings.Join(k.Results, "”或“"))
		}
		return refuse("办件 %s 的办理结果为“%s”，%s只用于办理结果为“%s”的办件；如办理结果登记有误，请先修改办件", c.No, c.Result, k.Name, strings.Join(k.Results, "”或“"))
	}
	if oneOf(c.Result, k.NotResults) {
		return refuse("办件 %s 的办理结果为“%s”；如办理结果登记有误，请先修改办件", c.No, c.Result)
	}
	for _, n := range f.Issued {
		if n.Voided {
			continue
		}
		if oneOf(n.Kind, k.ExcludedBy) {
			return refuse("办件 %s 已出具%s %s；如该文书有误，请先将其作废", c.No, n.Kind, n.DocNo)
		}
		if k.Once && n.Kind == k.Name && !f.Reprint && !f.Replacing {
			return refuse("办件 %s 已有%s %s，同一办件只出具一份；如需更正，请重新出具（原文书作废）", c.No, k.Name, n.DocNo)
		}
	}
	if k.NeedsMaterials && len(c.Materials) == 0 {
		return refuse("办件 %s 没有登记收件材料；请先在办件中登记收到的材料（名称、份数、原件或复印件），再印制%s", c.No, k.Name)
	}
	if k.NeedsApprover && strings.TrimSpace(c.Approver) == "" {
		who := ""
		if f.WhoMayApprove != "" {
			who = "（" + f.WhoMayApprove + "）"
		}
		return refuse("办件 %s 尚未登记批准人，%s须写明批准人；请先在办件中填写批准人%s", c.No, k.Name, who)
	}
	if f.Reprint {
		return nil
	}
	if k.WithinNoticeDays && f.Cal != nil && strings.TrimSpace(f.Override) == "" {
		days := f.NoticeDays
		if days <= 0 {
			days = DefaultConductRules().NoticeDays
		}
		received := DateOf(c.ReceivedAt)
		if last := f.Cal.AddWorkingDays(received, days); f.On.After(last) {
			return refuse("办件 %s 于%s收件，%s应在收件后%d个工作日内（%s前）出具，现已逾期；"+
				"依《中华人民共和国行政许可法》第三十二条，逾期不告知的，自收到申请材料之日起即为受理。确需出具的，请填写逾期出具的理由",
				c.No, received.Chinese(), k.Name, days, last.Chinese())
		}
	}
	if k.BeforeDue && f.Cal != nil {
		if due := c.DueDate(f.Cal); !due.IsZero() && f.On.After(due) {
			return refuse("办件 %s 的承诺办结日期为%s，已早于印制日期%s；如承诺时限或受理时间登记有误，请先修改办件", c.No, due.Chinese(), f.On.Chinese())
		}
	}
	return nil
}
