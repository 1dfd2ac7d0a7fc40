package typeset

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var fixedDate = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// testSeal draws a red ring with a star, as a stand-in for an office's seal.
func testSeal() []byte {
	const n = 400
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	red := color.NRGBA{200, 20, 20, 230}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			r := math.Hypot(float64(x-n/2), float64(y-n/2))
			if r > n/2-14 && r < n/2-2 {
				img.Set(x, y, red)
			}
			if math.Abs(float64(x-n/2))+math.Abs(float64(y-n/2)) < 40 {
				img.Set(x, y, red)
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// pdfText extracts the text layer as a reader would, with poppler's pdftotext.
func pdfText(t *testing.T, pdf []byte, layout bool) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed to read printed PDFs back: install poppler-utils (bash .ci/deps)")
	}
	p := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(p, pdf, 0o644)
	args := []string{p, "-"}
	if layout {
		args = []string{"-layout", p, "-"}
	}
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func render(t *testing.T, o Options, build func(d *Doc)) []byte {
	t.Helper()
	if o.Created.IsZero() {
		o.Created = fixedDate
	}
	d, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	build(d)
	var b bytes.Buffer
	if err := d.Output(&b); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("TYPESET_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".pdf"), b.Bytes(), 0o644)
	}
	return b.Bytes()
}

const longParagraph = "根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，申请人王堃（身份证号11010519491231002X，联系电话13800138000）于2026年11月3日向本中心提交的“企业设立登记”申请，申请材料齐全、符合法定形式，本机关决定予以受理。承诺办结时限为5个工作日，预计于2026年11月10日前办结；需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在规定的期限内。请凭本通知书及有效身份证件领取办理结果，或选择EMS邮寄送达（邮费由本中心承担）。如对办理过程有疑问，可拨打咨询电话0474-8888123；对工作人员的服务有意见，可拨打投诉电话12345。李喆、张昇、刘玥等工作人员将为您提供“一次告知、一窗受理、一次办结”的服务！"

func TestLongParagraphLosesNoCharacter(t *testing.T) {
	text := strings.Repeat(longParagraph, 2)
	if n := len([]rune(text)); n < 500 {
		t.Fatalf("paragraph has %d characters, want at least 500", n)
	}
	pdf := render(t, Options{}, func(d *Doc) {
		d.Paragraph(text)
	})
	got := pdfText(t, pdf, false)
	lines := strings.Split(strings.TrimSpace(strings.ReplaceAll(got, "\f", "")), "\n")
	var joined strings.Builder
	pageNo := regexp.MustCompile(`^— ?\d+ ?—$`) // FandolSong's space is a third of an em: readers may drop it
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if pageNo.MatchString(l) {
			continue // the page number under the type area
		}
		if i > 0 && l != "" && closing([]rune(l)[0]) {
			t.Errorf("line %d starts with closing punctuation: %q", i+1, l)
		}
		joined.WriteString(l)
	}
	strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if strip(joined.String()) != strip(text) {
		t.Fatalf("extracted text differs from the input:\n got %q\nwant %q", strip(joined.String()), strip(text))
	}
}

func TestFallbackFacesPrintRareCharacters(t *testing.T) {
	pdf := render(t, Options{}, func(d *Doc) {
		d.Paragraph("王堃、李喆、张昇、刘玥到窗口办理。")
		d.Paragraph("申请人：周𠮷")
		if len(d.Warnings()) != 0 {
			t.Fatalf("warnings: %v", d.Warnings())
		}
	})
	text := pdfText(t, pdf, false)
	for _, want := range []string{"王堃", "李喆", "张昇", "刘玥"} {
		if !strings.Contains(text, want) {
			t.Errorf("%s missing from %q", want, text)
		}
	}
	// 𠮷 is an image, and in the text layer through its ActualText
	if !strings.Contains(text, "申请人：周𠮷") {
		t.Errorf("周𠮷 missing from the text layer: %q", text)
	}
	if !bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("the supplementary character was not drawn as an image")
	}
}

func TestSampleDocument(t *testing.T) {
	pdf := render(t, Options{Seal: testSeal(), Title: "样张"}, func(d *Doc) {
		d.Title("乌兰察布市政务服务中心关于表彰2026年第三季度“服务明星”的决定")
		d.Right("乌政服〔2026〕12号", BodyStyle, 0)
		d.Addressee("各进驻窗口单位：")
		d.Paragraph(longParagraph)
		d.Heading1("一、受理材料")
		d.Table([]Column{{"序号", 2, true}, {"材料名称", 12, false}, {"份数", 2, true}, {"原件/复印件", 4, true}, {"页数", 2, true}}, [][]string{
			{"1", "营业执照（副本）", "1", "复印件", "2"},
			{"2", "法定代表人身份证明及王堃的居民身份证（正反面复印在同一页上，并由本人签字确认与原件一致）", "1", "原件", "1"},
		})
		d.Heading2("（一）领取方式")
		d.Checks("领取方式：", []string{"窗口自取", "邮寄送达"}, "邮寄送达")
		d.Fields(Field{"申请人签名：", "", 8}, Field{"日期：", "2026年11月26日", 7})
		d.Signature("乌兰察布市政务服务中心", "2026年11月26日", true)
	})
	text := pdfText(t, pdf, false)
	for _, want := range []string{"〔2026〕12号", "各进驻窗口单位：", "营业执照（副本）", "√邮寄送达", "乌兰察布市政务服务中心", "— 1 —"} {
		if !strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(want, " ", "")) {
			t.Errorf("%q missing from the text", want)
		}
	}
}

func TestCheckTrueTypeRefusesCollections(t *testing.T) {
	if err := CheckTrueType([]byte("ttcf....")); err == nil || !strings.Contains(err.Error(), ".ttc") {
		t.Fatalf("got %v", err)
	}
	if err := CheckTrueType([]byte("OTTO....")); err == nil {
		t.Fatal("accepted an OTF")
	}
}

func TestOutputIsByteStable(t *testing.T) {
	build := func(d *Doc) { d.Title("受理通知书"); d.Paragraph("申请人：周𠮷") }
	a, b := render(t, Options{}, build), render(t, Options{}, build)
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings with a fixed date differ")
	}
}
