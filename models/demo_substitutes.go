package models

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// demoSubstitutions are the demo's 替岗报备 around today: one running (its
// badge and seat plate out, not yet due), one ended a few days ago whose
// badge never came back (overdue on the overview), one that covered the
// showcase month's overstayed leave with everything returned, and one still
// to start. person is an index into demoNames of a roster substitute, or -1
// for someone not on the roster. Dates are working days relative to today
// (negative: before it); leave substitutions take the covered leave's days.
var demoSubstitutions = []struct {
	person             int
	name, id, mobile   string
	covered            int // index into demoNames
	from, to, reported int
	reason, reportedBy string
	leave              bool // covers the covered person's demo leave
	loans              []demoLoan
}{
	{57, "", "", "", 17, -18, 11, -21,
		"高洁参加全市政务服务业务骨干脱产培训", "市住房和城乡建设局办公室 武文斌", false,
		[]demoLoan{{"临牌-01", false}, {"座牌-A01", false}}},
	{-1, "赵志刚", "15090219880612341", "13904745521", 40, 0, 0, 0,
		"苏畅请事假回老家处理房屋过户", "市市场监督管理局人事科 白雪", true,
		[]demoLoan{{"临牌-02", true}, {"座牌-A02", true}}},
	{58, "", "", "", 38, -8, -4, -11,
		"彭博参加市委党校中青年干部培训班", "市政务服务中心综合业务科 郝建华", false,
		[]demoLoan{{"临牌-03", false}, {"座牌-A03", true}}},
	{59, "", "", "", 39, 2, 6, -1,
		"吕婧赴自治区政务服务局跟班学习", "市政务服务中心综合业务科 郝建华", false, nil},
}

// demoLoan is a badge or seat plate issued on a substitution's first day;
// returned ones came back on its last.
type demoLoan struct {
	no       string
	returned bool
}

// demoBadges are the numbered temporary badges and seat plates.
var demoBadges = []string{"临牌-01", "临牌-02", "临牌-03", "临牌-04", "临牌-05", "临牌-06", "座牌-A01", "座牌-A02", "座牌-A03", "座牌-A04"}

// demoSeasons are the centre's yearly change dates (换装): month, day and
// the season worn from then on.
var demoSeasons = []struct {
	month time.Month
	day   int
	kind  string
	note  string
}{
	{time.April, 15, UniformMid, "气温回升，统一换着春秋装"},
	{time.June, 1, UniformSummer, ""},
	{time.September, 15, UniformMid, ""},
	{time.November, 1, UniformWinter, "气温下降，统一换着冬装"},
}

// demoSeasonItems are what each season's issue holds, besides the
// trousers or skirt.
var demoSeasonItems = map[string]string{UniformWinter: "棉服", UniformMid: "上衣", UniformSummer: "衬衫"}

// demoSubstitutePeriod is the service period of a roster substitute
// (person, an index into demoNames): the days of their substitution, as a
// substitute reported in advance is put on the roster.
func demoSubstitutePeriod(t *demoTime, person int) (joined, left Date) {
	for _, d := range demoSubstitutions {
		if d.person == person {
			return t.rel(d.from), t.rel(d.to)
		}
	}
	return t.ago(1), Date{}
}

// fillDemoSubstitutes adds the substitutions, the badge inventory and its
// loans, then the uniform ledger (fillDemoUniforms).
func fillDemoSubstitutes(tx *gorm.DB, a *auditor, t *demoTime, people []Staff) error {
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
			WindowID: cov.WindowID, CoveredID: cov.ID, Reason: d.reason, ReportedBy: d.reportedBy}
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
			if err := tx.Where("staff_id = ? AND status = ?", cov.ID, LeaveReturned).First(&l).Error; err != nil {
				return fmt.Errorf("demo substitution for %s: %w", cov.Name, err)
			}
			x.LeaveID = &l.ID
			x.From, x.To = l.From, l.To
			x.ReportedOn = t.cal.AddWorkingDays(l.From, -1)
		} else {
			x.From, x.To, x.ReportedOn = t.rel(d.from), t.rel(d.to), t.rel(d.reported)
		}
		if fe := x.Validate(); len(fe) > 0 {
			return fmt.Errorf("demo substitution %s: %w", x.Name, fe)
		}
		if err := saveSubstitutionTx(tx, a, &x, false); err != nil {
			return fmt.Errorf("demo substitution %s: %w", x.Name, err)
		}
		for _, dl := range d.loans {
			l := BadgeLoan{ItemID: items[dl.no], SubstitutionID: x.ID, IssuedOn: x.From, Operator: demoOfficer}
			if dl.returned {
				l.ReturnedOn = x.To
			}
			if err := tx.Omit("Item", "Substitution").Create(&l).Error; err != nil {
				return err
			}
			if err := preloadLoan(tx).First(&l, l.ID).Error; err != nil {
				return err
			}
			a.create(l)
		}
	}
	return fillDemoUniforms(tx, a, t, people)
}

// fillDemoUniforms adds the season changes of the last year and the next
// one, and a uniform ledger: each past change's season issued to everyone
// who wears the centre's uniform a few working days before it; the coming
// one, when it is less than a month away, to the A area only (so the B and
// C areas are still to issue). 市公安局 wears its sector uniform, and one
// person of 市市场监督管理局 too.
func fillDemoUniforms(tx *gorm.DB, a *auditor, t *demoTime, people []Staff) error {
	var changes []SeasonChange
	for y := t.today.Year() - 2; len(changes) == 0 || !changes[len(changes)-1].On.After(t.today); y++ {
		for _, s := range demoSeasons {
			on := NewDate(y, s.month, s.day)
			if on.Before(t.today.AddDays(-365)) {
				continue
			}
			changes = append(changes, SeasonChange{Kind: s.kind, On: on, Note: s.note})
			if on.After(t.today) {
				break
			}
		}
	}
	next := &changes[len(changes)-1]
	soon := daysBetween(t.today, next.On) <= 30
	if soon {
		by := next.On.AddDays(-1)
		next.Note = fmt.Sprintf("请各窗口于%d月%d日前领取%s", int(by.Month()), by.Day(), next.Kind)
	}
	for i := range changes {
		if err := saveAudited(tx, a, &changes[i], 0); err != nil {
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
		for _, c := range changes {
			on := t.cal.AddWorkingDays(c.On, -3)
			if c.On.After(t.today) {
				if !soon || demoWindows[i%len(demoWindows)].area != "一楼A区" {
					continue
				}
				on = t.ago(4)
			}
			item, size, qty := demoSeasonItems[c.Kind], top, 1
			switch c.Kind {
			case UniformWinter:
				size = letter
			case UniformSummer:
				qty = 2
			}
			issues = append(issues,
				UniformIssue{StaffID: p.ID, Kind: c.Kind, Item: item, Size: size, Quantity: qty, IssuedOn: on, Reason: "换季", Signed: true},
				UniformIssue{StaffID: p.ID, Kind: c.Kind, Item: bottom, Size: top, Quantity: 1, IssuedOn: on, Reason: "换季", Signed: true})
		}
	}
	// a lost badge replaced, and a shirt torn last summer
	issues = append(issues, UniformIssue{StaffID: people[12].ID, Kind: UniformBadge, Item: "工作牌", Quantity: 1,
		IssuedOn: t.ago(160), Reason: "遗失补发", Signed: true})
	for _, c := range changes {
		if torn := t.cal.AddWorkingDays(c.On, 30); c.Kind == UniformSummer && torn.Before(t.today) {
			issues = append(issues, UniformIssue{StaffID: people[26].ID, Kind: UniformSummer, Item: "衬衫", Size: "165/88A",
				Quantity: 1, IssuedOn: torn, Reason: "破损更换", Signed: true})
			break
		}
	}
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
