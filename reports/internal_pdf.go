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

// printTime is the moment a paper is printed: the store's clock, unless the
// options fix it.
func (p *printer) printTime(opt PrintOptions) time.Time {
	if !opt.Created.IsZero() {
		return models.Civil(opt.Created)
	}
	return p.st.Now()
}

// number takes the next 文号 of an internal document of the kind and has the
// document set it under its title. finish voids the number again when the
// document could not be written, so a failed print leaves a visible gap in
// the register rather than a number on a paper nobody has; a number that
// cannot be voided is reported with the error.
func (p *printer) number(doc *typeset.Doc, kind, subject string, opt PrintOptions) (finish func(error) error, err error) {
	n := models.IssuedNotice{Kind: kind, Subject: subject, IssuedAt: p.printTime(opt)}
	if err := p.st.IssueNotice(&n); err != nil {
		return nil, err
	}
	doc.SetDocNumber(n.DocNo)
	return func(err error) error {
		if err != nil {
			return voidUnprinted(p.st, []models.IssuedNotice{n}, "印制失败："+err.Error(), err)
		}
		return nil
	}, nil
}

func output(doc *typeset.Doc, w io.Writer) error {
	if warn := doc.Warnings(); len(warn) > 0 {
		return fmt.Errorf("有字符无法印出，未输出：%s", strings.Join(warn, "；"))
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return fmt.Errorf("PDF 生成失败：%w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
