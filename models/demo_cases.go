package models

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// demoMatter is a matter (事项) handled at one demo window, with its time
// limits and the materials an application needs.
type demoMatter struct {
	window          string
	kind            string
	legal, promised int
	materials       []CaseMaterial
}

func orig(name string) CaseMaterial   { return CaseMaterial{Name: name, Form: MaterialOriginal} }
func copyOf(name string) CaseMaterial { return CaseMaterial{Name: name, Form: MaterialCopy} }

// demoMatters are real matters of the demo departments; the time limits are
// those commonly published in municipal service guides (办事指南).
var demoMatters = map[string]demoMatter{
	"企业设立登记": {"A01", CasePromised, 15, 3, []CaseMaterial{
		orig("公司登记（备案）申请书"), orig("公司章程"), copyOf("法定代表人身份证"), copyOf("住所使用证明")}},
	"企业变更登记": {"A01", CasePromised, 15, 3, []CaseMaterial{
		orig("变更登记申请书"), orig("股东会决议"), orig("营业执照正副本")}},
	"个体工商户设立登记": {"A01", CaseInstant, 15, 0, []CaseMaterial{
		orig("个体工商户登记申请书"), copyOf("经营者身份证"), copyOf("经营场所使用证明")}},
	"食品经营许可": {"A02", CasePromised, 20, 10, []CaseMaterial{
		orig("食品经营许可申请书"), copyOf("营业执照"), orig("食品安全管理制度"), orig("经营场所平面布局图"), copyOf("法定代表人身份证")}},
	"食品经营许可变更": {"A02", CasePromised, 20, 7, []CaseMaterial{
		orig("食品经营许可变更申请书"), orig("食品经营许可证正副本"), copyOf("营业执照")}},
	"增值税一般纳税人登记": {"A03", CaseInstant, 0, 0, []CaseMaterial{
		orig("增值税一般纳税人登记表"), copyOf("营业执照"), copyOf("经办人身份证")}},
	"跨区域涉税事项报告": {"A03", CaseInstant, 0, 0, []CaseMaterial{
		orig("跨区域涉税事项报告表"), copyOf("外出经营合同")}},
	"增值税发票领用": {"A04", CaseInstant, 0, 0, []CaseMaterial{
		orig("发票领用簿"), copyOf("经办人身份证"), orig("税务UKey")}},
	"增值税专用发票最高开票限额审批": {"A04", CasePromised, 20, 10, []CaseMaterial{
		orig("税务行政许可申请表"), orig("增值税专用发票最高开票限额申请单"), copyOf("经办人身份证")}},
	"户口迁移": {"A05", CasePromised, 20, 5, []CaseMaterial{
		orig("户口迁移申请表"), orig("居民户口簿"), copyOf("居民身份证"), copyOf("房屋所有权证明")}},
	"出生登记": {"A05", CaseInstant, 0, 0, []CaseMaterial{
		orig("出生医学证明"), orig("父母居民户口簿"), copyOf("父母结婚证")}},
	"普通护照签发": {"A06", CasePromised, 15, 7, []CaseMaterial{
		orig("中国公民出入境证件申请表"), orig("居民身份证"), orig("出入境证件相片")}},
	"城乡居民养老保险参保登记": {"B01", CaseInstant, 0, 0, []CaseMaterial{
		orig("城乡居民基本养老保险参保登记表"), copyOf("居民身份证"), copyOf("居民户口簿")}},
	"企业职工基本养老保险关系转移接续": {"B01", CasePromised, 45, 15, []CaseMaterial{
		orig("养老保险关系转移接续申请表"), orig("参保缴费凭证"), copyOf("居民身份证")}},
	"创业担保贷款申请": {"B02", CaseForwarded, 20, 5, []CaseMaterial{
		orig("创业担保贷款申请表"), copyOf("营业执照"), copyOf("居民身份证"), orig("创业计划书")}},
	"门诊慢特病待遇认定": {"B03", CasePromised, 20, 15, []CaseMaterial{
		orig("门诊慢特病待遇认定申请表"), copyOf("近两年病历资料"), orig("诊断证明书"), copyOf("居民身份证")}},
	"城乡居民基本医疗保险参保登记": {"B04", CaseInstant, 0, 0, []CaseMaterial{
		orig("城乡居民基本医疗保险参保登记表"), copyOf("居民户口簿")}},
	"不动产转移登记": {"B05", CasePromised, 30, 5, []CaseMaterial{
		orig("不动产登记申请书"), orig("不动产权证书"), orig("存量房买卖合同"), copyOf("完税凭证"), copyOf("双方身份证")}},
	"不动产抵押登记": {"B05", CasePromised, 30, 5, []CaseMaterial{
		orig("不动产登记申请书"), orig("不动产权证书"), orig("抵押合同"), orig("主债权合同")}},
	"存量房买卖合同网签备案": {"B06", CasePromised, 5, 3, []CaseMaterial{
		orig("存量房买卖合同"), copyOf("不动产权证书"), copyOf("买卖双方身份证")}},
	"住房公积金提取": {"B07", CasePromised, 3, 3, []CaseMaterial{
		orig("住房公积金提取申请书"), copyOf("购房合同"), copyOf("居民身份证"), copyOf("本人银行卡")}},
	"住房公积金个人住房贷款": {"B07", CasePromised, 15, 10, []CaseMaterial{
		orig("住房公积金贷款申请审批表"), orig("购房合同"), copyOf("夫妻双方身份证"), copyOf("结婚证"), orig("收入证明")}},
	"结婚登记": {"C01", CaseInstant, 0, 0, []CaseMaterial{
		orig("双方居民户口簿"), orig("双方居民身份证"), orig("无配偶及无禁止结婚亲属关系签字声明"), orig("双方近期半身免冠合影照片")}},
	"社会团体成立登记": {"C02", CasePromised, 60, 20, []CaseMaterial{
		orig("社会团体成立登记申请书"), orig("社会团体章程草案"), copyOf("业务主管单位批准文件"), orig("验资报告"), copyOf("住所使用证明")}},
	"道路货物运输经营许可": {"C03", CasePromised, 20, 10, []CaseMaterial{
		orig("道路货物运输经营申请表"), copyOf("车辆行驶证"), copyOf("驾驶员从业资格证"), orig("安全生产管理制度文本")}},
	"省际道路旅客运输经营许可": {"C03", CaseForwarded, 20, 10, []CaseMaterial{
		orig("道路旅客运输经营申请表"), orig("可行性报告"), copyOf("客车技术等级评定证明"), copyOf("驾驶员从业资格证"), orig("安全生产管理制度文本")}},
	"医疗机构执业登记": {"C04", CasePromised, 45, 20, []CaseMaterial{
		orig("医疗机构申请执业登记注册书"), copyOf("设置医疗机构批准书"), orig("医疗机构用房产权证明"), copyOf("医务人员执业证书")}},
	"医师执业注册": {"C04", CasePromised, 20, 10, []CaseMaterial{
		orig("医师执业注册申请审核表"), copyOf("医师资格证书"), orig("健康体检证明"), copyOf("居民身份证")}},
	"建筑工程施工许可证核发": {"C05", CasePromised, 7, 5, []CaseMaterial{
		orig("建筑工程施工许可申请表"), copyOf("建设工程规划许可证"), copyOf("中标通知书"), orig("施工图审查合格书")}},
	"公共场所卫生许可": {"C06", CasePromised, 20, 10, []CaseMaterial{
		orig("公共场所卫生许可申请书"), copyOf("营业执照"), orig("卫生管理制度"), copyOf("从业人员健康合格证明")}},
}

// Outcomes of the demo cases as of the day the demo is filled in.
const (
	demoOnTime      = iota // completed by the due date
	demoLate               // completed a few working days late
	demoOpenOverdue        // still open past the due date
	demoOpen               // open, not yet due
)

// demoCases: persons and companies as applicants (some names with rare
// characters), mostly 承诺件, a few 即办件 and 上报件.
var demoCases = []struct {
	matter    string
	applicant string
	org       bool
	outcome   int
	result    string // "" = 准予 (上报 for 上报件)
}{
	{"企业设立登记", "乌兰察布市集宁区鑫源商贸有限公司", true, demoOnTime, ""},
	{"食品经营许可", "集宁区玥华餐饮店", true, demoOnTime, ""},
	{"增值税发票领用", "内蒙古堃鹏农牧业发展有限公司", true, demoOnTime, ""},
	{"户口迁移", "张秀英", false, demoOnTime, ""},
	{"城乡居民养老保险参保登记", "李桂兰", false, demoOnTime, ""},
	{"不动产转移登记", "刘喆", false, demoLate, ""},
	{"住房公积金提取", "王建国", false, demoOnTime, ""},
	{"结婚登记", "赵昇", false, demoOnTime, ""},
	{"道路货物运输经营许可", "乌兰察布喆润物流有限公司", true, demoOnTime, ""},
	{"医疗机构执业登记", "集宁区仁和堂中医诊所", true, demoOnTime, ""},
	{"企业变更登记", "察哈尔右翼前旗昇辉建筑工程有限公司", true, demoOnTime, ""},
	{"食品经营许可变更", "乌兰察布市草原兴发食品有限公司", true, demoOnTime, ResultDenied},
	{"增值税专用发票最高开票限额审批", "内蒙古蒙晟能源科技有限公司", true, demoOnTime, ""},
	{"出生登记", "陈𠮷", false, demoOnTime, ""},
	{"普通护照签发", "孙玥", false, demoLate, ""},
	{"企业职工基本养老保险关系转移接续", "马淑珍", false, demoOnTime, ""},
	{"创业担保贷款申请", "高永强", false, demoOnTime, ""},
	{"门诊慢特病待遇认定", "陈德福", false, demoOnTime, ""},
	{"城乡居民基本医疗保险参保登记", "吴小燕", false, demoOnTime, ""},
	{"不动产抵押登记", "乌兰察布市恒信融资担保有限公司", true, demoOnTime, ""},
	{"存量房买卖合同网签备案", "郭海峰", false, demoOnTime, ResultReturned},
	{"住房公积金个人住房贷款", "何丽娟", false, demoOnTime, ""},
	{"社会团体成立登记", "乌兰察布市摄影家协会", true, demoOnTime, ""},
	{"省际道路旅客运输经营许可", "乌兰察布市运通客运有限责任公司", true, demoOnTime, ""},
	{"医师执业注册", "韩晓东", false, demoLate, ""},
	{"建筑工程施工许可证核发", "内蒙古鑫垚建设集团有限公司", true, demoOnTime, ""},
	{"公共场所卫生许可", "集宁区水韵堃泉洗浴中心", true, demoOnTime, ResultDenied},
	{"个体工商户设立登记", "白玉梅", false, demoOnTime, ""},
	{"跨区域涉税事项报告", "内蒙古北疆路桥工程有限公司", true, demoOnTime, ""},
	{"企业设立登记", "乌兰察布市金穗农业科技有限公司", true, demoOnTime, ""},
	{"食品经营许可", "集宁区老街坊烧麦馆", true, demoLate, ""},
	{"户口迁移", "田甜甜", false, demoOnTime, ""},
	{"不动产转移登记", "云娜仁", false, demoOnTime, ""},
	{"道路货物运输经营许可", "丰镇市顺达货运有限公司", true, demoOnTime, ""},
	{"创业担保贷款申请", "苏日娜", false, demoOnTime, ""},
	{"食品经营许可", "集宁区康宁快餐店", true, demoOpenOverdue, ""},
	{"不动产转移登记", "包文喆", false, demoOpenOverdue, ""},
	{"住房公积金提取", "杨春花", false, demoOpen, ""},
	{"食品经营许可", "集宁区味道坊餐饮有限公司", true, demoOpen, ""},
	{"普通护照签发", "乔玥彤", false, demoOpen, ""},
}

// demoForwardedTo names the higher authority each 上报件 matter goes to.
var demoForwardedTo = map[string]string{
	"创业担保贷款申请":     "乌兰察布市创业担保贷款担保中心",
	"省际道路旅客运输经营许可": "内蒙古自治区交通运输厅",
}

// fillDemoCases adds demoCases in the demo transaction. Receipt times are
// drawn within office hours on working days of the last few months, each
// placed so its outcome holds today: completed ones done by yesterday, the
// open overdue ones a few working days past their due date, the open ones
// received in the last three working days.
func fillDemoCases(tx *gorm.DB, a *auditor, t *demoTime, windows []uint, staffAt [][]uint) error {
	rng := rand.New(rand.NewSource(demoSeed(t.today, 2)))
	cal := t.cal
	windowIndex := map[string]int{}
	for i, dw := range demoWindows {
		windowIndex[dw.code] = i
	}
	atTime := func(d Date, minutes int) time.Time {
		return CivilTime(d, 0, minutes, 0)
	}
	officeMinute := func() int {
		if rng.Intn(2) == 0 {
			return 8*60 + 30 + rng.Intn(200) // 08:30–11:50
		}
		return 14*60 + 30 + rng.Intn(170) // 14:30–17:20
	}
	book, err := fillDemoAuthorisations(tx, a, t, windows)
	if err != nil {
		return err
	}
	// a stream of its own, so the cases drawn stay as they were
	approvals := rand.New(rand.NewSource(demoSeed(t.today, 7)))
	for i, dc := range demoCases {
		m, ok := demoMatters[dc.matter]
		if !ok {
			return fmt.Errorf("demo: unknown matter %s", dc.matter)
		}
		wi := windowIndex[m.window]
		var received Date
		switch dc.outcome {
		case demoOnTime:
			received = t.pick(rng, t.first, t.ago(8))
		case demoLate:
			received = t.pick(rng, t.first, t.ago(40))
		case demoOpenOverdue:
			received = t.ago(m.promised + 3 + rng.Intn(4))
		case demoOpen:
			received = t.ago(1 + rng.Intn(3))
		}
		start := officeMinute()
		c := Case{
			No:     fmt.Sprintf("%s-%s-%03d", received.Time().Format("20060102"), m.window, i+1),
			Matter: dc.matter, Kind: m.kind, Applicant: dc.applicant,
			WindowID: windows[wi], StaffID: staffAt[wi][rng.Intn(len(staffAt[wi]))],
			ReceivedAt: atTime(received, start), LegalDays: m.legal, PromisedDays: m.promised,
			Phone: fmt.Sprintf("1%d%09d", 3+rng.Intn(7), rng.Intn(1e9)),
		}
		if dc.org {
			c.ApplicantType, c.ApplicantID = ApplicantOrg, demoCreditCode(rng, dc.applicant)
			c.Contact = demoNames[rng.Intn(len(demoNames))]
		} else {
			c.ApplicantType, c.ApplicantID = ApplicantPerson, demoIDNumber(rng, rng.Intn(2) == 0)
		}
		due := c.DueDate(cal)
		var done Date
		switch dc.outcome {
		case demoOnTime:
			k := 0
			if m.promised > 0 {
				k = rng.Intn(m.promised + 1)
			}
			for done = cal.AddWorkingDays(received, k); done.After(t.last); done = cal.AddWorkingDays(received, k) {
				k--
			}
		case demoLate:
			done = cal.AddWorkingDays(due, 1+rng.Intn(3))
		}
		if !done.IsZero() {
			var at time.Time
			if done == received {
				at = atTime(done, start+10+rng.Intn(50))
			} else {
				at = atTime(done, officeMinute())
			}
			c.CompletedAt = &at
			c.Result = dc.result
			switch {
			case c.Result != "":
			case m.kind == CaseForwarded:
				c.Result, c.ForwardedTo = ResultForwarded, demoForwardedTo[dc.matter]
			default:
				c.Result = ResultApproved
			}
		}
		if c.Result == ResultApproved || c.Result == ResultDenied {
			c.Approver = demoApprover(approvals, book, c)
		}
		for _, mat := range m.materials {
			mat.Pages = 1 + rng.Intn(6)
			c.Materials = append(c.Materials, mat)
		}
		if fe := c.Validate(); len(fe) > 0 {
			return fmt.Errorf("demo case %s: %w", c.No, fe)
		}
		if err := saveCaseTx(tx, a, cal, &c); err != nil {
			return err
		}
	}
	return nil
}

// demoCreditCode makes a valid 统一社会信用代码 in the Ulanqab region, with the
// registration authority and kind of the organisation named: 51 a social
// organisation, 92 an individual business, 91 an enterprise.
func demoCreditCode(rng *rand.Rand, name string) string {
	prefix := "91"
	switch {
	case strings.HasSuffix(name, "协会"):
		prefix = "51"
	case !strings.Contains(name, "公司"):
		prefix = "92"
	}
	b := []byte(prefix + "150902")
	for len(b) < 17 {
		b = append(b, creditCodeChars[rng.Intn(len(creditCodeChars))])
	}
	c, _ := CreditCodeCheckChar(string(b))
	return string(append(b, c))
}

// demoLeaders approve the decisions of matters not authorised to a window.
var demoLeaders = []string{"刘振华", "高丽娟", "赵建国", "孟庆昇"}

// fillDemoAuthorisations authorises the matters of every demo window with a
// 首席代表 to that 首席代表 from the first demo day, as departments do.
func fillDemoAuthorisations(tx *gorm.DB, a *auditor, t *demoTime, windows []uint) (ApprovalBook, error) {
	book, err := approvalBookTx(tx)
	if err != nil {
		return book, err
	}
	codes := map[string]uint{}
	for i, dw := range demoWindows {
		codes[dw.code] = windows[i]
	}
	var matters []string
	for name := range demoMatters {
		matters = append(matters, name)
	}
	sort.Strings(matters) // the same order on every run
	for _, name := range matters {
		w := codes[demoMatters[name].window]
		if len(book.ChiefsOn(w, t.first)) == 0 {
			continue
		}
		m := MatterAuthorisation{WindowID: w, Matter: name, From: t.first, Basis: "派驻单位审批授权书"}
		if err := tx.Omit("Window").Create(&m).Error; err != nil {
			return book, err
		}
		if err := tx.Preload("Window").First(&m, m.ID).Error; err != nil {
			return book, err
		}
		a.create(m)
	}
	return approvalBookTx(tx)
}

// demoApprover names the 批准人 of a demo decision: for an authorised matter
// mostly the 首席代表, now and then nobody (the department approved it
// itself); for the others a department leader.
func demoApprover(rng *rand.Rand, book ApprovalBook, c Case) string {
	d := c.ApprovalDate()
	if _, ok := book.Authorisation(c.WindowID, c.Matter, d); ok {
		chiefs := book.ChiefsOn(c.WindowID, d)
		if len(chiefs) == 0 || rng.Intn(6) == 0 {
			return ""
		}
		return chiefs[0].Name
	}
	return demoLeaders[rng.Intn(len(demoLeaders))]
}
