package reports

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"govdesk/models"
	"govdesk/reports/typeset"
)

const ptPerMM = 72 / 25.4

// pdfWord is a word of the text layer with its box, in millimetres from the
// page's top-left corner.
type pdfWord struct {
	page                   int
	text                   string
	xMin, yMin, xMax, yMax float64
	landscape              bool // on a landscape page (a 荣誉证书)
}

var (
	bboxPage = regexp.MustCompile(`^width="([\d.]+)" height="([\d.]+)"`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// pdfWords reads every word of the PDF with its box (pdftotext -bbox).
func pdfWords(t *testing.T, pdf []byte) (words []pdfWord, pages int) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "w.pdf")
	must(t, os.WriteFile(p, pdf, 0o644))
	out, err := exec.Command("pdftotext", "-bbox", p, "-").Output()
	must(t, err)
	for i, chunk := range strings.Split(string(out), "<page ")[1:] {
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v / ptPerMM }
		landscape := false
		if m := bboxPage.FindStringSubmatch(chunk); m != nil {
			landscape = f(m[1]) > f(m[2])
		}
		for _, m := range bboxWord.FindAllStringSubmatch(chunk, -1) {
			words = append(words, pdfWord{page: i + 1, text: html.UnescapeString(m[5]),
				xMin: f(m[1]), yMin: f(m[2]), xMax: f(m[3]), yMax: f(m[4]), landscape: landscape})
		}
		pages = i + 1
	}
	return words, pages
}

// sealBoxes finds the seals on each page: round patches of red ink about a
// seal's size, from the page rendered as a reader sees it (the red of a
// 版头 or a certificate's frame is text or lines, not round).
func sealBoxes(t *testing.T, pdf []byte) map[int][][4]float64 {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "s.pdf")
	must(t, os.WriteFile(p, pdf, 0o644))
	const dpi = 40
	if out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-png", p, filepath.Join(dir, "pg")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "pg-*.png"))
	boxes := map[int][][4]float64{}
	mm := 25.4 / dpi
	for _, f := range files {
		n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "pg-"), ".png"))
		b, _ := os.ReadFile(f)
		img, err := png.Decode(bytes.NewReader(b))
		must(t, err)
		r := img.Bounds()
		red := func(x, y int) bool {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			return c.R > 140 && c.G < 110 && c.B < 110
		}
		if rgb, ok := img.(*image.RGBA); ok { // what pdftoppm writes: read the pixels directly
			red = func(x, y int) bool {
				i := rgb.PixOffset(x, y)
				return rgb.Pix[i] > 140 && rgb.Pix[i+1] < 110 && rgb.Pix[i+2] < 110
			}
		}
		// connected patches of red; a seal is one about 42 mm across
		seen := make([]bool, r.Dx()*r.Dy())
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				if seen[(y-r.Min.Y)*r.Dx()+x-r.Min.X] || !red(x, y) {
					continue
				}
				x0, y0, x1, y1 := x, y, x, y
				stack := [][2]int{{x, y}}
				seen[(y-r.Min.Y)*r.Dx()+x-r.Min.X] = true
				for len(stack) > 0 {
					q := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					x0, y0, x1, y1 = min(x0, q[0]), min(y0, q[1]), max(x1, q[0]), max(y1, q[1])
					for dy := -1; dy <= 1; dy++ {
						for dx := -1; dx <= 1; dx++ {
							nx, ny := q[0]+dx, q[1]+dy
							if nx < r.Min.X || ny < r.Min.Y || nx >= r.Max.X || ny >= r.Max.Y {
								continue
							}
							k := (ny-r.Min.Y)*r.Dx() + nx - r.Min.X
							if !seen[k] && red(nx, ny) {
								seen[k] = true
								stack = append(stack, [2]int{nx, ny})
							}
						}
					}
				}
				w, h := float64(x1-x0+1)*mm, float64(y1-y0+1)*mm
				if w > 30 && w < 55 && h > 30 && h < 55 {
					boxes[n] = append(boxes[n], [4]float64{float64(x0) * mm, float64(y0) * mm, float64(x1+1) * mm, float64(y1+1) * mm})
				}
			}
		}
	}
	return boxes
}

// checkLayout asserts what a clerk checks before signing: every page holds
// text of the document, nothing lies outside the type area but the page
// number, nothing but the issuer and the date lies under a seal, and no line
// starts with closing punctuation. signer lists the words allowed under the
// seal.
func checkLayout(t *testing.T, name string, pdf []byte, signer ...string) {
	t.Helper()
	words, pages := pdfWords(t, pdf)
	const tol = 0.8
	left, top := typeset.MarginLeft-tol, typeset.MarginTop-tol
	right, foot := typeset.MarginLeft+typeset.TypeWidth+tol, typeset.MarginTop+typeset.TypeHeight+tol
	content := map[int]bool{}
	pageNumber := regexp.MustCompile(`^(—|\d+)$`)
	for _, w := range words {
		inFooter := w.yMin > foot-tol && pageNumber.MatchString(w.text)
		if inFooter {
			continue
		}
		l, tp, rt, ft := left, top, right, foot
		if w.landscape { // a certificate: inside its frame
			l, tp, rt, ft = 17, 17, typeset.PageHeight-17, typeset.PageWidth-17
		}
		if w.xMin < l || w.xMax > rt || w.yMin < tp || w.yMax > ft {
			t.Errorf("%s p.%d: %q at (%.1f,%.1f)–(%.1f,%.1f) mm is outside the type area", name, w.page, w.text, w.xMin, w.yMin, w.xMax, w.yMax)
		}
		isSigner := false
		for _, s := range signer {
			isSigner = isSigner || strings.Contains(s, w.text)
		}
		isPart := strings.HasPrefix(w.text, "第") && strings.Contains(w.text, "联") || w.text == "存根" || strings.HasPrefix(w.text, "交")
		if !isSigner && !isPart {
			content[w.page] = true
		}
	}
	for p := 1; p <= pages; p++ {
		if !content[p] {
			t.Errorf("%s: page %d holds no text of the document", name, p)
		}
	}
	for page, seals := range sealBoxes(t, pdf) {
		for _, b := range seals {
			for _, w := range words {
				if w.page != page || w.xMax < b[0]+1 || w.xMin > b[2]-1 || w.yMax < b[1]+1 || w.yMin > b[3]-1 {
					continue
				}
				ok := false
				for _, s := range signer {
					ok = ok || strings.Contains(s, w.text)
				}
				if !ok {
					t.Errorf("%s p.%d: %q lies under the seal", name, page, w.text)
				}
			}
		}
	}
	p := filepath.Join(t.TempDir(), "l.pdf")
	must(t, os.WriteFile(p, pdf, 0o644))
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	must(t, err)
	for _, l := range strings.Split(string(out), "\n") {
		l = strings.TrimLeft(l, " \u3000\f")
		if l == "" {
			continue
		}
		if r := []rune(l)[0]; strings.ContainsRune("，。、；：？！）》」』〕】", r) {
			t.Errorf("%s: a line starts with %q: %q", name, string(r), l)
		}
	}
}

// layoutSeal is a red ring, as an office's seal is.
func layoutSeal() []byte {
	const n = 300
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	red := color.NRGBA{210, 20, 20, 255}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			r := math.Hypot(float64(x-n/2), float64(y-n/2))
			if r > n/2-12 && r < n/2-2 {
				img.Set(x, y, red)
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// noticeValues are the values of every field of a case notice, in three
// lengths: the shortest a record has, a typical one, and the worst a real
// centre meets (a 60-character enterprise name, 15 materials, long reasons,
// rare and non-BMP characters).
func noticeValues(size string) noticeData {
	v := map[string]string{
		"中心名称": "乌兰察布市政务服务中心", "中心地址": "乌兰察布市集宁区新体路政务服务大厦", "咨询电话": "0474-8326000",
		"投诉电话": "12345", "复议机关": "乌兰察布市人民政府", "人民法院": "集宁区人民法院", "文号": "乌政服受〔2026〕12号",
		"印发日期": "2026年11月26日", "办件编号": "SL20261126001", "事项名称": "食品经营许可", "办件类型": "承诺件",
		"申请人": "王堃", "申请人类型": "个人", "证件号码": "150902********5794", "联系人": "王堃", "联系电话": "13800138000",
		"联系地址": "集宁区新体路1号", "窗口": "A02 食品经营许可窗口", "受理人": "李喆", "受理日期": "2026年11月26日",
		"受理时间": "2026年11月26日9时12分", "法定时限": "20", "承诺时限": "5", "承诺办结日期": "2026年12月3日",
		"办结日期": "2026年12月2日", "办理结果": "准予", "上报机关": "", "材料件数": "3", "有权机关告知": "",
		"补正期限": "自收到本告知书之日起10个工作日内", "领取方式": "邮寄送达", "许可内容": "准予许可事项：食品经营许可。",
		"不予受理理由": "该事项依法不需要取得行政许可", "有权机关": "", "不予许可理由": "经营场所与生活区未有效分隔",
		"送达文书": "准予行政许可决定书（乌政服准许〔2026〕3号）", "送达方式": "直接送达", "送达地点": "本中心A02窗口",
		"送达时间": "", "补正材料": "", "批准人": "张建华",
	}
	lists := map[string][]string{"补正材料": {"食品安全管理制度文本", "主要设备设施布局图"}}
	mats := [][]string{{"1", "食品经营许可申请书", "1", "原件", "3"}, {"2", "营业执照", "1", "复印件", "1"}, {"3", "法定代表人身份证明", "1", "复印件", ""}}
	switch size {
	case "short":
		v["申请人"], v["事项名称"], v["受理人"] = "王一", "开办", "李二"
		lists["补正材料"] = []string{"身份证"}
		mats = mats[:1]
	case "worst":
		v["申请人"] = "内蒙古自治区乌兰察布市集宁区𠮷祥如意龘㐀商贸物流园区综合开发建设运营管理服务有限责任公司第一分公司"
		v["联系人"], v["受理人"], v["批准人"] = "周𠮷", "欧阳堃喆", "司马𠮷昇"
		v["事项名称"] = "食品经营许可（含网络经营、中央厨房、集体用餐配送单位及学校、托幼机构食堂的新办、变更与延续）"
		v["联系地址"] = "内蒙古自治区乌兰察布市集宁区新体路与恩和大街交叉口东南角𠮷祥家园小区12号楼3单元1502室"
		v["不予受理理由"] = strings.Repeat("申请事项依法不属于本机关职权范围，且申请人未能提供经营场所合法使用的有关证明文件，", 3)
		v["不予许可理由"] = strings.Repeat("经现场核查，经营场所与生活区未有效分隔，食品处理区面积与经营品种、数量不相适应，", 3)
		v["有权机关"] = "乌兰察布市卫生健康委员会"
		v["有权机关告知"] = "该申请事项依法不属于本机关职权范围，请向乌兰察布市卫生健康委员会申请。"
		v["送达文书"] = "准予行政许可决定书（乌政服准许〔2026〕123号）、一次性告知书（乌政服告〔2026〕45号）"
		lists["补正材料"] = nil
		for i := 1; i <= 15; i++ {
			lists["补正材料"] = append(lists["补正材料"], fmt.Sprintf("第%d项补正材料：经营场所平面布局图及周边环境照片（须加盖公章，标明尺寸与设备位置）", i))
		}
		mats = nil
		for i := 1; i <= 15; i++ {
			mats = append(mats, []string{strconv.Itoa(i), fmt.Sprintf("法定代表人（负责人）、食品安全管理人员身份证明及任职文件第%d份（周𠮷）", i), "2", "复印件", "12"})
		}
		v["材料件数"] = "15"
	}
	return noticeData{values: v, lists: lists, materials: mats, docNo: v["文号"], issuer: v["中心名称"], date: v["印发日期"]}
}

// Every notice template, printed with the shortest, a typical and the
// worst-case record, is one a clerk can sign.
func TestEveryTemplateLaysOutCleanly(t *testing.T) {
	for _, k := range models.NoticeKinds {
		tmpl, err := parseTemplate(DefaultTemplates[k.Name], NoticeFields(k))
		must(t, err)
		for _, size := range []string{"short", "typical", "worst"} {
			t.Run(k.Name+"/"+size, func(t *testing.T) {
				data := noticeValues(size)
				doc, err := typeset.New(typeset.Options{Created: printDate, Seal: layoutSeal()})
				must(t, err)
				tmpl.render(doc, data, true)
				var buf bytes.Buffer
				must(t, doc.Output(&buf))
				if dir := os.Getenv("NOTICE_OUT"); dir != "" {
					os.WriteFile(filepath.Join(dir, k.Name+"-"+size+".pdf"), buf.Bytes(), 0o644)
				}
				checkLayout(t, k.Name, buf.Bytes(), data.issuer, data.date)
				if blank := doc.BlankPages(); len(blank) > 0 {
					t.Errorf("pages without text: %v", blank)
				}
			})
		}
	}
}

// Every internal paper, printed from the demo centre with the office's seal,
// is one a clerk can sign: the bulletins, a censure and its letter to the
// home unit, a rectification notice, the 请假审批单, the substitute's form,
// the badge register, uniform receipts and the season notice, and every
// paper of the selection meeting.
func TestEveryInternalPaperLaysOutCleanly(t *testing.T) {
	st, now := movableDemo(t)
	seal := filepath.Join(t.TempDir(), "seal.png")
	must(t, os.WriteFile(seal, layoutSeal(), 0o644))
	office, err := st.Office()
	must(t, err)
	office.SealPath, office.CentreSealPath = seal, seal
	must(t, st.SaveOffice(office))
	today := st.Today()
	month := models.MonthOf(today.AddDays(-today.Day())) // last month, complete
	// the last quarter that has ended: its meeting can decide
	q := (int(today.Month())-1)/3 + 1
	qy := today.Year()
	if q--; q == 0 {
		qy, q = qy-1, 4
	}
	quarter := fmt.Sprintf("%dQ%d", qy, q)

	papers := map[string]func(w *bytes.Buffer) error{
		"考勤通报":   func(w *bytes.Buffer) error { return PrintAttendanceBulletin(st, month, fixedPDF, w) },
		"满意窗口通报": func(w *bytes.Buffer) error { return PrintMonthRanking(st, month, fixedPDF, w) },
	}
	// the quarter's selection and the month's, each taken to its decision
	decided, published := selectDemo(t, st, now, models.SelectStar, quarter)
	monthDecided, monthPublished := selectDemo(t, st, now, models.SelectWindow, month)
	signers := []string{office.Name, chineseDate(fixedPDF.Created), office.Name + "综合业务科", decided, published, monthDecided, monthPublished}
	for _, paper := range SelectionPapers(models.SelectStar) {
		paper := paper
		papers[string(paper)] = func(w *bytes.Buffer) error {
			return PrintSelectionPaper(st, models.SelectStar, quarter, paper, fixedPDF, w)
		}
	}
	for _, paper := range SelectionPapers(models.SelectWindow) {
		paper := paper
		papers["满意窗口"+string(paper)] = func(w *bytes.Buffer) error {
			return PrintSelectionPaper(st, models.SelectWindow, month, paper, fixedPDF, w)
		}
	}
	vs, err := st.Violations(models.ViolationFilter{})
	must(t, err)
	for _, v := range vs {
		id := v.ID
		if v.Censured() {
			papers["通报批评"] = func(w *bytes.Buffer) error { return PrintCensure(st, id, fixedPDF, w) }
		}
		if v.ReportsToHomeUnit {
			papers["函告派驻单位"] = func(w *bytes.Buffer) error { return PrintHomeUnitLetter(st, id, fixedPDF, w) }
		}
	}
	ratings, err := st.Ratings(models.RatingFilter{})
	must(t, err)
	for _, r := range ratings {
		if r.RectifyStatus != "" {
			w, id := r.WindowID, r.ID
			papers["整改通知"] = func(b *bytes.Buffer) error { return PrintRectifyNotice(st, w, id, fixedPDF, b) }
		}
	}
	leaves, err := st.Leaves(models.LeaveFilter{})
	must(t, err)
	for _, l := range leaves {
		if l.StandInID != nil {
			id := l.ID
			papers["请假审批单"] = func(w *bytes.Buffer) error { return PrintLeaveForm(st, id, fixedPDF, w) }
		}
	}
	subs, err := st.Substitutions(models.SubstitutionFilter{})
	must(t, err)
	if len(subs) > 0 {
		id := subs[0].ID
		papers["替岗报备单"] = func(w *bytes.Buffer) error { return PrintSubstitutionForm(st, id, fixedPDF, w) }
	}
	papers["挂牌座牌登记表"] = func(w *bytes.Buffer) error {
		return PrintBadgeRegister(st, BadgeRegisterOptions{From: today.AddDays(-62), To: today}, fixedPDF, w)
	}
	changes, err := st.SeasonChanges()
	must(t, err)
	if len(changes) >= 2 {
		last, next := changes[len(changes)-2], changes[len(changes)-1]
		issues, err := st.UniformIssues(models.UniformFilter{Kind: last.Kind, From: last.On.AddDays(-30), To: last.On})
		must(t, err)
		var ids []uint
		for _, u := range issues {
			ids = append(ids, u.ID)
		}
		papers["服装签收单"] = func(w *bytes.Buffer) error { return PrintUniformReceipt(st, ids, fixedPDF, w) }
		id := next.ID
		papers["换装通知"] = func(w *bytes.Buffer) error { return PrintSeasonNotice(st, id, fixedPDF, w) }
	}
	for _, name := range []string{"考勤通报", "满意窗口通报", "通报批评", "函告派驻单位", "整改通知", "请假审批单", "替岗报备单",
		"挂牌座牌登记表", "服装签收单", "换装通知", "候选人材料", "表决票", "计票单", "会议记录", "公示", "表彰决定", "荣誉证书",
		"满意窗口候选人材料", "满意窗口表决票", "满意窗口计票单", "满意窗口会议记录", "满意窗口公示", "满意窗口表彰决定"} {
		t.Run(name, func(t *testing.T) {
			print, ok := papers[name]
			if !ok {
				t.Fatalf("the demo has nothing to print a %s for", name)
			}
			var buf bytes.Buffer
			must(t, print(&buf))
			if dir := os.Getenv("NOTICE_OUT"); dir != "" {
				os.WriteFile(filepath.Join(dir, name+".pdf"), buf.Bytes(), 0o644)
			}
			checkLayout(t, name, buf.Bytes(), signers...)
			if name == "请假审批单" || name == "替岗报备单" || strings.HasSuffix(name, "表决票") {
				if _, pages := pdfWords(t, buf.Bytes()); pages != 1 {
					t.Errorf("the form takes %d pages, not one", pages)
				}
			}
		})
	}
}

// pageImages renders a PDF's pages in grey at a low resolution.
func pageImages(t *testing.T, pdf []byte) []*image.Gray {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "m.pdf")
	must(t, os.WriteFile(p, pdf, 0o644))
	if out, err := exec.Command("pdftoppm", "-r", "24", "-gray", "-png", p, filepath.Join(dir, "pg")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "pg-*.png"))
	pages := make([]*image.Gray, len(files))
	for _, f := range files {
		n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "pg-"), ".png"))
		b, _ := os.ReadFile(f)
		img, err := png.Decode(bytes.NewReader(b))
		must(t, err)
		g := image.NewGray(img.Bounds())
		for y := g.Rect.Min.Y; y < g.Rect.Max.Y; y++ {
			for x := g.Rect.Min.X; x < g.Rect.Max.X; x++ {
				g.Set(x, y, img.At(x, y))
			}
		}
		pages[n-1] = g
	}
	return pages
}

// Each template's pages, printed with a typical record, are kept as small
// grey images: a change of layout shows as a failing comparison, to be
// looked at and accepted with -update.
func TestTemplatePagesLookAsBefore(t *testing.T) {
	for _, k := range models.NoticeKinds {
		t.Run(k.Name, func(t *testing.T) {
			tmpl, err := parseTemplate(DefaultTemplates[k.Name], NoticeFields(k))
			must(t, err)
			doc, err := typeset.New(typeset.Options{Created: printDate, Seal: layoutSeal()})
			must(t, err)
			tmpl.render(doc, noticeValues("typical"), true)
			var buf bytes.Buffer
			must(t, doc.Output(&buf))
			pages := pageImages(t, buf.Bytes())
			for i, g := range pages {
				master := filepath.Join("testdata", "pages", fmt.Sprintf("%s-%d.png", k.Name, i+1))
				if *update {
					os.MkdirAll(filepath.Dir(master), 0o755)
					var b bytes.Buffer
					must(t, png.Encode(&b, g))
					must(t, os.WriteFile(master, b.Bytes(), 0o644))
					continue
				}
				b, err := os.ReadFile(master)
				if err != nil {
					t.Fatalf("no master page %s (run go test ./reports -run TestTemplatePages -update and look at it): %v", master, err)
				}
				want, err := png.Decode(bytes.NewReader(b))
				must(t, err)
				if !want.Bounds().Eq(g.Bounds()) {
					t.Fatalf("page %d is %v, the master %v", i+1, g.Bounds(), want.Bounds())
				}
				var diff, changed float64
				r := g.Bounds()
				for y := r.Min.Y; y < r.Max.Y; y++ {
					for x := r.Min.X; x < r.Max.X; x++ {
						wv := color.GrayModel.Convert(want.At(x, y)).(color.Gray).Y
						d := math.Abs(float64(g.GrayAt(x, y).Y) - float64(wv))
						diff += d
						if d > 64 {
							changed++
						}
					}
				}
				n := float64(r.Dx() * r.Dy())
				if diff/n > 1.5 || changed/n > 0.01 {
					t.Errorf("page %d differs from %s (mean %.2f, %.1f%% of pixels changed): look at the new page and rerun with -update if it is right",
						i+1, master, diff/n, 100*changed/n)
				}
			}
			if !*update {
				if _, err := os.Stat(filepath.Join("testdata", "pages", fmt.Sprintf("%s-%d.png", k.Name, len(pages)+1))); err == nil {
					t.Errorf("the master has more than %d pages", len(pages))
				}
			}
		})
	}
}

// The 收件清单 of every demo case, printed in one batch with the seal, has
// no page without text: each part of each list keeps its signature with
// its text.
func TestDemoBatchOfReceiptsHasNoStrandedSeal(t *testing.T) {
	st := demoStore(t)
	seal := filepath.Join(t.TempDir(), "seal.png")
	must(t, os.WriteFile(seal, layoutSeal(), 0o644))
	office, err := st.Office()
	must(t, err)
	office.SealPath = seal
	must(t, st.SaveOffice(office))
	cases, err := st.Cases(models.CaseFilter{})
	must(t, err)
	var reqs []NoticeRequest
	for _, c := range cases {
		full, err := st.CaseByNo(c.No)
		must(t, err)
		if len(full.Materials) > 0 {
			reqs = append(reqs, NoticeRequest{Kind: "收件清单", CaseNo: c.No})
		}
	}
	if len(reqs) < 20 {
		t.Fatalf("only %d demo cases have materials", len(reqs))
	}
	var buf bytes.Buffer
	_, err = PrintNotices(context.Background(), st, reqs, PrintOptions{Created: printDate, Preview: true}, &buf, nil)
	must(t, err)
	checkLayout(t, "收件清单（批量）", buf.Bytes(), office.Name, chineseDate(printDate))
}
