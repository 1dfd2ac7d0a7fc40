package reports

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"govdesk/reports/typeset"
)

// The template language, one directive a line (what an office clerk edits):
//
//	# 标题                 title (二号, centred); a following "## 副题" is centred under it
//	文号                   the document number, flush right
//	@称谓：                addressee line, flush left
//	## 一、标题  ### （一）标题   headings
//	> 文字                 a line flush left, without indent
//	[材料清单]             the case's materials as a ruled table
//	[信息表]               following "名称 | 内容" lines as a two-column table
//	[填写] 标签：8 | 标签：{值}   fill-in lines: a number is a blank of that many characters
//	[勾选] 标签：甲/乙 = {选中}   check boxes
//	[落款] / [落款无章]    issuing body and date, with or without the seal
//	[联次] 第一联 存根 / 第二联 交申请人   print the whole notice once per part
//	[剪切线]               a dashed line to cut along
//
// Any other line is body text (consecutive lines join; a blank line ends a
// paragraph). {名称} is replaced by a field of the record; a paragraph that is
// only a list field ({补正材料}) becomes numbered paragraphs.

var placeholder = regexp.MustCompile(`\{([^{}]*)\}`)

type tmplBlock struct {
	kind string // title subtitle docno addressee para h1 h2 plain materials info fields checks sign signNoSeal cut
	text string
	rows [][2]string
}

type template struct {
	blocks []tmplBlock
	parts  []string
}

// TemplateError lists what is wrong with a template, line by line.
type TemplateError struct{ Problems []string }

func (e *TemplateError) Error() string { return "模板有误：" + strings.Join(e.Problems, "；") }

// parseTemplate reads a template and checks every directive and placeholder
// against the fields the notice has.
func parseTemplate(body string, fields []string) (*template, error) {
	known := map[string]bool{}
	for _, f := range fields {
		known[f] = true
	}
	var probs []string
	t := &template{}
	var para []string
	flush := func() {
		if len(para) > 0 {
			t.blocks = append(t.blocks, tmplBlock{kind: "para", text: strings.Join(para, "")})
			para = nil
		}
	}
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		n := i + 1
		raw := strings.TrimRight(lines[i], " \t")
		s := strings.TrimSpace(raw)
		if strings.Count(s, "{") != strings.Count(s, "}") {
			probs = append(probs, fmt.Sprintf("第%d行的花括号不成对", n))
		}
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			if !known[m[1]] {
				probs = append(probs, fmt.Sprintf("第%d行的占位符{%s}不存在", n, m[1]))
			}
		}
		switch {
		case s == "":
			flush()
		case strings.HasPrefix(s, "### "):
			flush()
			t.blocks = append(t.blocks, tmplBlock{kind: "h2", text: strings.TrimSpace(s[4:])})
		case strings.HasPrefix(s, "## "):
			flush()
			kind := "h1"
			if len(t.blocks) > 0 && t.blocks[len(t.blocks)-1].kind == "title" {
				kind = "subtitle"
			}
			t.blocks = append(t.blocks, tmplBlock{kind: kind, text: strings.TrimSpace(s[3:])})
		case strings.HasPrefix(s, "# "):
			flush()
			t.blocks = append(t.blocks, tmplBlock{kind: "title", text: strings.TrimSpace(s[2:])})
		case s == "文号":
			flush()
			t.blocks = append(t.blocks, tmplBlock{kind: "docno"})
		case strings.HasPrefix(s, "@"):
			flush()
			t.blocks = append(t.blocks, tmplBlock{kind: "addressee", text: strings.TrimSpace(s[1:])})
		case strings.HasPrefix(s, ">"):
			flush()
			t.blocks = append(t.blocks, tmplBlock{kind: "plain", text: strings.TrimSpace(s[1:])})
		case strings.HasPrefix(s, "["):
			flush()
			end := strings.Index(s, "]")
			if end < 0 {
				probs = append(probs, fmt.Sprintf("第%d行的指令缺少“]”", n))
				continue
			}
			name, arg := s[1:end], strings.TrimSpace(s[end+1:])
			switch name {
			case "材料清单":
				t.blocks = append(t.blocks, tmplBlock{kind: "materials"})
			case "信息表":
				b := tmplBlock{kind: "info"}
				for i+1 < len(lines) && strings.Contains(lines[i+1], "|") && !strings.HasPrefix(strings.TrimSpace(lines[i+1]), "[") {
					i++
					k, v, _ := strings.Cut(lines[i], "|")
					for _, m := range placeholder.FindAllStringSubmatch(lines[i], -1) {
						if !known[m[1]] {
							probs = append(probs, fmt.Sprintf("第%d行的占位符{%s}不存在", i+1, m[1]))
						}
					}
					b.rows = append(b.rows, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
				}
				if len(b.rows) == 0 {
					probs = append(probs, fmt.Sprintf("第%d行的[信息表]下面没有“名称 | 内容”行", n))
				}
				t.blocks = append(t.blocks, b)
			case "填写":
				if arg == "" {
					probs = append(probs, fmt.Sprintf("第%d行的[填写]没有内容", n))
				}
				t.blocks = append(t.blocks, tmplBlock{kind: "fields", text: arg})
			case "勾选":
				if !strings.Contains(arg, "=") {
					probs = append(probs, fmt.Sprintf("第%d行的[勾选]应写成“标签：甲/乙 = {选中}”", n))
				}
				t.blocks = append(t.blocks, tmplBlock{kind: "checks", text: arg})
			case "落款":
				t.blocks = append(t.blocks, tmplBlock{kind: "sign"})
			case "落款无章":
				t.blocks = append(t.blocks, tmplBlock{kind: "signNoSeal"})
			case "剪切线":
				t.blocks = append(t.blocks, tmplBlock{kind: "cut", text: arg})
			case "联次":
				for _, p := range strings.Split(arg, "/") {
					if p = strings.TrimSpace(p); p != "" {
						t.parts = append(t.parts, p)
					}
				}
			default:
				probs = append(probs, fmt.Sprintf("第%d行的指令[%s]不存在", n, name))
			}
		default:
			para = append(para, s)
		}
	}
	flush()
	if len(t.blocks) == 0 || t.blocks[0].kind != "title" {
		probs = append(probs, "第一行应为标题，如“# 受理通知书”")
	}
	if len(probs) > 0 {
		return nil, &TemplateError{probs}
	}
	return t, nil
}

// usedFields lists the placeholders a template uses.
func usedFields(body string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(body, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

func fill(s string, values map[string]string) string {
	return placeholder.ReplaceAllStringFunc(s, func(m string) string {
		return values[m[1:len(m)-1]]
	})
}

// noticeData is what a template is filled with.
type noticeData struct {
	values    map[string]string
	lists     map[string][]string // multi-line fields, numbered when alone in a paragraph
	materials [][]string
	docNo     string
	issuer    string
	date      string
}

// render draws the template into the document, once per part; each part is
// a document of its own, numbered from its first page, its label at the top
// of every page.
func (t *template) render(d *typeset.Doc, data noticeData, firstPage bool) {
	parts := t.parts
	if len(parts) == 0 {
		parts = []string{""}
	}
	for i, part := range parts {
		switch {
		case i > 0:
			d.NextPart(part)
		case !firstPage:
			d.NextDocument()
			d.PartLabel(part)
		case part != "":
			d.PartLabel(part)
		}
		t.renderOnce(d, data)
	}
}

func (t *template) renderOnce(d *typeset.Doc, data noticeData) {
	v := func(s string) string { return fill(s, data.values) }
	for _, b := range t.blocks {
		switch b.kind {
		case "title":
			d.Title(v(b.text))
		case "subtitle":
			d.Subtitle(v(b.text))
		case "docno":
			d.DocNumber(data.docNo)
		case "addressee":
			d.Addressee(v(b.text))
		case "h1":
			d.Heading1(v(b.text))
		case "h2":
			d.Heading2(v(b.text))
		case "plain":
			d.Plain(v(b.text), typeset.BodyStyle)
		case "para":
			if m := placeholder.FindStringSubmatch(b.text); m != nil && m[0] == strings.TrimSpace(b.text) && data.lists[m[1]] != nil {
				for i, item := range data.lists[m[1]] {
					d.Paragraph(strconv.Itoa(i+1) + ". " + item)
				}
				continue
			}
			d.Paragraph(v(b.text))
		case "materials":
			d.Table([]typeset.Column{{Title: "序号", Width: 2, Center: true}, {Title: "材料名称", Width: 13},
				{Title: "份数", Width: 2.2, Center: true}, {Title: "原件/复印件", Width: 4.2, Center: true},
				{Title: "页数", Width: 2.2, Center: true}}, data.materials)
		case "info":
			rows := make([][]string, len(b.rows))
			for i, r := range b.rows {
				rows[i] = []string{v(r[0]), v(r[1])}
			}
			d.InfoTable(rows)
		case "fields":
			var fs []typeset.Field
			for _, item := range strings.Split(b.text, "|") {
				label, value, found := strings.Cut(strings.TrimSpace(item), "：")
				if !found {
					label, value, _ = strings.Cut(strings.TrimSpace(item), ":")
				}
				f := typeset.Field{Label: label + "：", Chars: 6}
				if n, err := strconv.Atoi(strings.TrimSpace(value)); err == nil {
					f.Chars = float64(n)
				} else {
					f.Value = v(strings.TrimSpace(value))
				}
				fs = append(fs, f)
			}
			d.Fields(fs...)
		case "checks":
			spec, chosen, _ := strings.Cut(b.text, "=")
			label, opts, found := strings.Cut(strings.TrimSpace(spec), "：")
			if !found {
				opts, label = label, ""
			} else {
				label += "："
			}
			d.Checks(label, strings.Split(strings.TrimSpace(opts), "/"), strings.TrimSpace(v(chosen)))
		case "sign":
			d.Signature(data.issuer, data.date, true)
		case "signNoSeal":
			d.Signature(data.issuer, data.date, false)
		case "cut":
			d.CutLine(v(b.text))
		}
	}
}

// checkChoices makes sure every check-box line ticks one of its options, so
// that no notice prints with the choice silently unticked.
func (t *template) checkChoices(values map[string]string) error {
	for _, b := range t.blocks {
		if b.kind != "checks" {
			continue
		}
		spec, chosen, _ := strings.Cut(b.text, "=")
		_, opts, found := strings.Cut(strings.TrimSpace(spec), "：")
		if !found {
			opts = spec
		}
		c := strings.TrimSpace(fill(chosen, values))
		options := strings.Split(strings.TrimSpace(opts), "/")
		ok := false
		for _, o := range options {
			ok = ok || strings.TrimSpace(o) == c
		}
		if !ok {
			return fmt.Errorf("“%s”不是可选项（%s）", c, strings.Join(options, " / "))
		}
	}
	return nil
}
