package models

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// demoSubstitutions are the demo's 替岗报备 around its "today", 2026-11-26:
// one still to start, one running (its badge and seat plate out, not yet
// due), one ended with everything returned, and one ended on 11-20 whose
// badge never came back (overdue on the overview). person is an index into
// demoNames of a roster substitute, or -1 for someone not on the roster.
var demoSubstitutions = []struct {
	person             int
	name, id, mobile   string
	covered            int // index into demoNames
	from, to, reported Date
	reason, reportedBy string
	leave              bool // covers the covered person's demo leave
	loans              []demoLoan
}{
	{57, "", "", "", 17, NewDate(2026, 11, 2), NewDate(2026, 12, 11), NewDate(2026, 10, 28),
		"高洁参加全市政务服务业务骨干脱产培训", "市住房和城乡建设局办公室 武文斌", false,
		[]demoLoan{{"临牌-01", NewDate(2026, 11, 2), Date{}}, {"座牌-A01", NewDate(2026, 11, 2), Date{}}}},
	{-1, "赵志刚", "15090219880612341", "13904745521", 40, NewDate(2026, 11, 19), NewDate(2026, 11, 20), NewDate(2026, 11, 18),
		"苏畅请事假回老家处理房屋过户", "市市场监督管理局人事科 白雪", true,
		[]demoLoan{{"临牌-02", NewDate(2026, 11, 19), NewDate(2026, 11, 20)}, {"座牌-A02", NewDate(2026, 11, 19), NewDate(2026, 11, 20)}}},
	{58, "", "", "", 38, NewDate(2026, 11, 16), NewDate(2026, 11, 20), NewDate(2026, 11, 13),
		"彭博参加市委党校中青年干部培训班", "市政务服务中心综合业务科 郝建华", false,
		[]demoLoan{{"临牌-03", NewDate(2026, 11, 16), Date{}}, {"座牌-A03", NewDate(2026, 11, 16), NewDate(2026, 11, 20)}}},
	{59, "", "", "", 39, NewDate(2026, 11, 30), NewDate(2026, 12, 4), NewDate(2026, 11, 25),
		"吕婧赴自治区政务服务局跟班学习", "市政务服务中心综合业务科 郝建华", false, nil},
}

type demoLoan struct {
	no               string
	issued, returned Date
}

// demoBadges are the numbered temporary badges and seat plates.
var demoBadges = []string{"临牌-01", "临牌-02", "临牌-03", "临牌-04", "临牌-05", "临牌-06", "座牌-A01", "座牌-A02", "座牌-A03", "座牌-A04"}

// demoSeasonChanges are the change dates the office set: last winter, this
// spring and summer, this autumn, and the coming winter.
var demoSeasonChanges = []SeasonChange{
	{Kind: UniformWinter, On: NewDate(2025, 11, 1), Note: "气温下降，统一换着冬装"},
	{Kind: UniformMid, On: NewDate(2026, 4, 15)},
	{Kind: UniformSummer, On: NewDate(2026, 6, 1)},
	{Kind: UniformMid, On: NewDate(2026, 9, 15)},
	{Kind: UniformWinter, On: NewDate(2026, 12, 1), Note: "请各窗口于11月底前领取冬装"},
}

// fillDemoSubstitutes adds the substitutions, the badge inventory and its
// loans, the season changes and a uniform ledger: last winter's and this
// summer's issue to everyone who wears the centre's uniform, and the coming
// winter's to the A area only (so the B and C areas are still to issue).
// 市公安局 wears its sector uniform, and one person of 市市场监督管理局 too.
func fillDemoSubstitutes(tx *gorm.DB, a *auditor, people []Staff) error {
	items := map[string]uint{}
	for _, no := range demoBadges {
		kind := BadgeKindBadge
		if strings.HasPrefix(no, "座牌") {
			kind = BadgeKindPlate
		}
		b := BadgeItem{Kind: kind, No: no}
		if err := saveAudited(tx, a, &b, 0); err != nil {
			return err
		}
		items[no] = b.ID
	}
	for _, d := range demoSubstitutions {
		cov := people[d.covered]
		x := Substitution{Name: d.name, IDNumber: d.id, Mobile: d.mobile, HomeUnitID: cov.HomeUnitID,
			WindowID: cov.WindowID, CoveredID: cov.ID, From: d.from, To: d.to, Reason: d.reason,
			ReportedBy: d.reportedBy, ReportedOn: d.reported}
		if d.person >= 0 {
			p := people[d.person]
			x.Name, x.IDNumber, x.Mobile, x.SubstituteID = p.Name, p.IDNumber, p.Mobile, &p.ID
			x.HomeUnitID, x.WindowID = p.HomeUnitID, p.WindowID
		} else {
			c, _ := IDCheckDigit(d.id)
			x.IDNumber = d.id + string(c)
		}
		if d.leave {
			var l LeaveRequest
			if err := tx.Where("staff_id = ?", cov.ID).First(&l).Error; err != nil {
				return fmt.Errorf("demo substitution for %s: %w", cov.Name, err)
			}
			x.LeaveID = &l.ID
		}
		if fe := x.Validate(); len(fe) > 0 {
			return fmt.Errorf("demo substitution %s: %w", x.Name, fe)
		}
		if err := saveSubstitutionTx(tx, a, &x, false); err != nil {
			return fmt.Errorf("demo substitution %s: %w", x.Name, err)
		}
		for _, dl := range d.loans {
			l := BadgeLoan{ItemID: items[dl.no], SubstitutionID: x.ID, IssuedOn: dl.issued, ReturnedOn: dl.returned, Operator: demoOfficer}
			if err := tx.Omit("Item", "Substitution").Create(&l).Error; err != nil {
				return err
			}
			if err := preloadLoan(tx).First(&l, l.ID).Error; err != nil {
				return err
			}
			a.create(l)
		}
	}
	return fillDemoUniforms(tx, a, people)
}

func fillDemoUniforms(tx *gorm.DB, a *auditor, people []Staff) error {
	for i := range demoSeasonChanges {
		c := demoSeasonChanges[i]
		if err := saveAudited(tx, a, &c, 0); err != nil {
			return err
		}
	}
	var police HomeUnit
	if err := tx.Where("name = ?", "市公安局").First(&police).Error; err != nil {
		return err
	}
	police.SectorUniform = true
	if err := saveAudited(tx, a, &police, police.ID); err != nil {
		return err
	}
	own := people[21] // 宋佳, 市市场监督管理局 (A02), wears the market-regulation uniform
	x := UniformExemption{StaffID: own.ID, Reason: "着市场监管执法制式服装"}
	if err := tx.Omit("Staff").Create(&x).Error; err != nil {
		return err
	}
	x.Staff = own
	a.create(x)

	lists := UniformLists{Items: DefaultUniformItems, Sizes: DefaultUniformSizes}
	var issues []UniformIssue
	for i, p := range people {
		if p.Post == PostSubstitute || p.HomeUnitID == police.ID || p.ID == own.ID {
			continue
		}
		female := IDGender(p.IDNumber) == "女"
		top := []string{"170/92A", "175/96A", "180/100A"}[i%3]
		letter := []string{"L", "XL", "XXL"}[i%3]
		if female {
			top = []string{"160/84A", "165/88A", "155/80A"}[i%3]
			letter = []string{"S", "M", "L"}[i%3]
		}
		bottom := "裤"
		if female && i%2 == 0 {
			bottom = "裙"
		}
		add := func(kind, item, size string, qty int, on Date) {
			issues = append(issues, UniformIssue{StaffID: p.ID, Kind: kind, Item: item, Size: size, Quantity: qty,
				IssuedOn: on, Reason: "换季", Signed: true})
		}
		add(UniformWinter, "棉服", letter, 1, NewDate(2025, 10, 27))
		add(UniformWinter, "裤", top, 1, NewDate(2025, 10, 27))
		add(UniformSummer, "衬衫", top, 2, NewDate(2026, 5, 25))
		add(UniformSummer, bottom, top, 1, NewDate(2026, 5, 25))
		if demoWindows[i%len(demoWindows)].area == "一楼A区" {
			add(UniformWinter, "棉服", letter, 1, NewDate(2026, 11, 20))
			add(UniformWinter, "裤", top, 1, NewDate(2026, 11, 20))
		}
	}
	// a lost badge replaced, and a torn shirt
	issues = append(issues,
		UniformIssue{StaffID: people[12].ID, Kind: UniformBadge, Item: "工作牌", Quantity: 1, IssuedOn: NewDate(2026, 3, 9), Reason: "遗失补发", Signed: true},
		UniformIssue{StaffID: people[26].ID, Kind: UniformSummer, Item: "衬衫", Size: "165/88A", Quantity: 1, IssuedOn: NewDate(2026, 7, 14), Reason: "破损更换", Signed: true})
	for i := range issues {
		u := &issues[i]
		if fe := u.Validate(lists); len(fe) > 0 {
			return fmt.Errorf("demo uniform: %w", fe)
		}
		if err := saveUniformTx(tx, a, u); err != nil {
			return err
		}
	}
	return nil
}
