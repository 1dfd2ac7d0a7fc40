package models

import (
	"strings"
	"testing"
	"time"
)

// Each kind of notice declares the case it is issued for; Check refuses the
// others with a sentence saying what to change.
func TestNoticeKindRules(t *testing.T) {
	cal := NewCalendar(nil)
	// received Monday 2 November 2026: the 5th working day after is 9 November
	open := Case{No: "C1", Kind: CasePromised, PromisedDays: 5,
		ReceivedAt: time.Date(2026, 11, 2, 9, 0, 0, 0, CentreZone),
		Materials:  []CaseMaterial{{Name: "营业执照", Copies: 1, Form: MaterialOriginal}}}
	with := func(result string) Case {
		c := open
		at := c.ReceivedAt.Add(48 * time.Hour)
		c.CompletedAt, c.Result, c.Approver = &at, result, "张建华"
		return c
	}
	unapproved := func(result string) Case {
		c := with(result)
		c.Approver = ""
		return c
	}
	kind := func(name string) NoticeKind {
		k, ok := NoticeKindByName(name)
		if !ok {
			t.Fatalf("no kind %s", name)
		}
		return k
	}
	issued := func(kind string, voided bool) []IssuedNotice {
		return []IssuedNotice{{Kind: kind, DocNo: "乌政服" + kind + "〔2026〕1号", Voided: voided}}
	}
	on := NewDate(2026, 11, 4)
	for _, tc := range []struct {
		name  string
		kind  string
		facts NoticeFacts
		want  string // "" = may be issued
	}{
		{"准予决定书_办理结果准予", "准予行政许可决定书", NoticeFacts{Case: with(ResultApproved)}, ""},
		{"准予决定书_办理结果不予许可", "准予行政许可决定书", NoticeFacts{Case: with(ResultDenied)}, "办理结果为“不予许可”"},
		{"准予决定书_未办结", "准予行政许可决定书", NoticeFacts{Case: open}, "尚未登记办理结果"},
		{"准予决定书_已有一份", "准予行政许可决定书", NoticeFacts{Case: with(ResultApproved), Issued: issued("准予行政许可决定书", false)}, "同一办件只出具一份"},
		{"准予决定书_已有一份已作废", "准予行政许可决定书", NoticeFacts{Case: with(ResultApproved), Issued: issued("准予行政许可决定书", true)}, ""},
		{"准予决定书_重新出具", "准予行政许可决定书", NoticeFacts{Case: with(ResultApproved), Issued: issued("准予行政许可决定书", false), Replacing: true}, ""},
		{"准予决定书_重印", "准予行政许可决定书", NoticeFacts{Case: with(ResultApproved), Issued: issued("准予行政许可决定书", false), Reprint: true}, ""},
		{"准予决定书_没有批准人", "准予行政许可决定书", NoticeFacts{Case: unapproved(ResultApproved)}, "办件 C1 尚未登记批准人，准予行政许可决定书须写明批准人"},
		{"不予许可决定书_授权事项没有批准人", "不予行政许可决定书", NoticeFacts{Case: unapproved(ResultDenied),
			WhoMayApprove: "批准人应为首席代表 张建华"}, "请先在办件中填写批准人（批准人应为首席代表 张建华）"},
		{"不予许可决定书_已有一份", "不予行政许可决定书", NoticeFacts{Case: with(ResultDenied), Issued: issued("不予行政许可决定书", false)}, "同一办件只出具一份"},
		{"不予许可决定书_已有准予决定书", "不予行政许可决定书", NoticeFacts{Case: with(ResultDenied), Issued: issued("准予行政许可决定书", false)}, "已出具准予行政许可决定书"},
		{"受理通知书_退件", "受理通知书", NoticeFacts{Case: with(ResultReturned)}, "办理结果为“退件”"},
		{"受理通知书_不予受理", "受理通知书", NoticeFacts{Case: with(ResultRefused)}, "办理结果为“不予受理”"},
		{"受理通知书_已出具不予受理通知书", "受理通知书", NoticeFacts{Case: open, Issued: issued("不予受理通知书", false)}, "已出具不予受理通知书"},
		{"受理通知书_不予受理通知书已作废", "受理通知书", NoticeFacts{Case: open, Issued: issued("不予受理通知书", true)}, ""},
		{"承诺件通知书_退件", "承诺件通知书", NoticeFacts{Case: with(ResultReturned), On: on, Cal: cal}, "办理结果为“退件”"},
		{"承诺件通知书_承诺办结日期前", "承诺件通知书", NoticeFacts{Case: open, On: NewDate(2026, 11, 9), Cal: cal}, ""},
		{"承诺件通知书_承诺办结日期后", "承诺件通知书", NoticeFacts{Case: open, On: NewDate(2026, 11, 10), Cal: cal}, "承诺办结日期为2026年11月9日"},
		{"承诺件通知书_重印不看日期", "承诺件通知书", NoticeFacts{Case: open, On: NewDate(2026, 11, 30), Cal: cal, Reprint: true}, ""},
		{"不予受理通知书_已准予", "不予受理通知书", NoticeFacts{Case: with(ResultApproved)}, "办理结果为“准予”"},
		{"不予受理通知书_已有不予许可决定书", "不予受理通知书", NoticeFacts{Case: open, Issued: issued("不予行政许可决定书", false)}, "已出具不予行政许可决定书"},
		{"一次性告知书_第5个工作日", "一次性告知书", NoticeFacts{Case: open, On: NewDate(2026, 11, 9), Cal: cal}, ""},
		{"一次性告知书_第6个工作日", "一次性告知书", NoticeFacts{Case: open, On: NewDate(2026, 11, 10), Cal: cal}, "5个工作日内（2026年11月9日前）"},
		{"一次性告知书_逾期写明理由", "一次性告知书", NoticeFacts{Case: open, On: NewDate(2026, 11, 10), Cal: cal, Override: "补交后发现新缺项"}, ""},
		{"一次性告知书_规则改为3个工作日", "一次性告知书", NoticeFacts{Case: open, On: NewDate(2026, 11, 6), Cal: cal, NoticeDays: 3}, "3个工作日内（2026年11月5日前）"},
		{"收件清单_没有材料", "收件清单", NoticeFacts{Case: Case{No: "C2"}}, "没有登记收件材料"},
		{"收件清单_有材料", "收件清单", NoticeFacts{Case: open}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := kind(tc.kind).Check(tc.facts)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "请") {
				t.Fatalf("want a refusal saying %q and what to do, got %v", tc.want, err)
			}
		})
	}
}

// A number planned by two prints goes to the first that records it; the
// other is told to plan again. A publish that fails records nothing.
func TestRecordNoticesGuardsTheSerial(t *testing.T) {
	st := openTemp(t)
	a := &IssuedNotice{Kind: "考勤通报", Ref: "2026-11"}
	b := &IssuedNotice{Kind: "考勤通报", Ref: "2026-10"}
	noErr(t, st.PlanNotices([]*IssuedNotice{a}))
	noErr(t, st.PlanNotices([]*IssuedNotice{b}))
	if a.DocNo != b.DocNo {
		t.Fatalf("both should plan the next number: %s %s", a.DocNo, b.DocNo)
	}
	noErr(t, st.RecordNotices(NoticePrint{New: []*IssuedNotice{a}}, nil))
	if err := st.RecordNotices(NoticePrint{New: []*IssuedNotice{b}}, nil); err != ErrSerialTaken {
		t.Fatalf("got %v", err)
	}
	noErr(t, st.PlanNotices([]*IssuedNotice{b}))
	failed := st.RecordNotices(NoticePrint{New: []*IssuedNotice{b}, Replaced: []uint{a.ID}}, func() error { return ErrNotFound })
	if failed != ErrNotFound {
		t.Fatalf("got %v", failed)
	}
	list, _ := st.IssuedNotices("")
	if len(list) != 1 || list[0].Voided {
		t.Fatalf("a failed publish changed the register: %+v", list)
	}
	if log, _ := st.AuditLog(AuditFilter{Entity: "文书"}); len(log) != 1 {
		t.Fatalf("a failed publish was logged: %+v", log)
	}
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
