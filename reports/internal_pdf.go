package reports

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"govdesk/models"
	"govdesk/reports/typeset"
)

// Internal documents of the centre: they follow the same page and go through
// the same typesetting layer as the notices, with the centre's details and
// seal from its settings.

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// printTime is the moment a paper is dated: the date of the document when
// it is printed again under its number, else the store's clock, unless the
// options fix it.
func (p *printer) printTime(opt PrintOptions) time.Time {
	if !p.issuedAt.IsZero() {
		return p.issuedAt
	}
	if !opt.Created.IsZero() {
		return models.Civil(opt.Created)
	}
	return p.st.Now()
}

// number gives an internal document its 文号 and has the document set it
// under its title. ref names the record the document prints (the month of a
// bulletin, the violation of a 通报批评): a document already issued for it
// is printed again under its own number and date, unless opt.NewIssue asks
// for a new number (the old document is then voided as 重新出具). A new
// number is only planned here; issue records it when the finished PDF is
// written to w, in one transaction, so a document that fails to print takes
// no number. A preview records nothing.
func (p *printer) number(doc *typeset.Doc, kind, subject, ref string, opt PrintOptions) (issue func(w io.Writer) error, err error) {
	held, err := p.st.ValidNotices(kind, "", ref)
	if err != nil {
		return nil, err
	}
	var record models.NoticePrint
	switch {
	case len(held) > 0 && !opt.NewIssue:
		record.Reprints = held[:1]
		doc.SetDocNumber(held[0].DocNo)
		p.issuedAt = held[0].IssuedAt
	case opt.Preview:
		doc.SetDocNumber(PreviewDocNo)
	default:
		n := &models.IssuedNotice{Kind: kind, Subject: subject, Ref: ref, IssuedAt: p.printTime(opt)}
		if err := p.st.PlanNotices([]*models.IssuedNotice{n}); err != nil {
			return nil, err
		}
		for _, h := range held {
			record.Replaced = append(record.Replaced, h.ID)
		}
		record.New = []*models.IssuedNotice{n}
		doc.SetDocNumber(n.DocNo)
	}
	return func(w io.Writer) error {
		pdf, err := finishPDF(doc)
		if err != nil {
			return err
		}
		if opt.Preview {
			return publish(pdf, w)()
		}
		return p.st.RecordNotices(record, publish(pdf, w))
	}, nil
}

// finishPDF gives the finished PDF of a document, refusing one with a
// character no font could draw.
func finishPDF(doc *typeset.Doc) ([]byte, error) {
	if warn := doc.Warnings(); len(warn) > 0 {
		return nil, fmt.Errorf("有字符无法印出，未输出：%s", strings.Join(warn, "；"))
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return nil, fmt.Errorf("PDF 生成失败：%w", err)
	}
	return buf.Bytes(), nil
}

// output writes a document that carries no 文号.
func output(doc *typeset.Doc, w io.Writer) error {
	pdf, err := finishPDF(doc)
	if err != nil {
		return err
	}
	_, err = w.Write(pdf)
	return err
}

// newCentreDoc starts one of the centre's own papers (a decision, circular,
// letter or bulletin): sealed, if at all, with the 中心公章, never with the
// 行政审批专用章 of the citizen notices.
func (p *printer) newCentreDoc(title string, created time.Time) (*typeset.Doc, error) {
	if created.IsZero() {
		created = p.st.Now()
	}
	return typeset.New(typeset.Options{Created: created, Title: title, Author: p.office.Name, Seal: p.centre, BodyFont: p.body})
}

// headed sets the 版头 of one of the centre's 公文 (its mark in red, the
// 发文字号, the red line) and the title.
func (p *printer) headed(doc *typeset.Doc, title string) {
	doc.Letterhead(p.office.Name + "文件")
	doc.Title(title)
}

// signed sets the 落款 of one of the centre's 公文, sealed with the 中心公章
// when one is set, and the 版记 at the foot of its last page.
func (p *printer) signed(doc *typeset.Doc, date string) {
	doc.Signature(p.office.Name, date, true)
	doc.Colophon(nil, p.office.Printer, date)
}
