package models

import (
	"math/rand"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// fillDemoConduct adds the demo centre's conduct records: 好差评 ratings for
// every window on most working days with punches, and a few 差评 of the last
// weeks with their rectification items (one overdue, two still open in
// time); in the showcase month, violations (among them 刘玥's second
// 一次性告知 of the year and 郑浩's second 服务规范), a complaint upheld for
// 服务用语不当 and one not upheld; one complaint still under investigation
// past its deadline; and commendations, a few in every month.
func fillDemoConduct(tx *gorm.DB, a *auditor, t *demoTime, people []Staff) error {
	if len(people) < 40 {
		return nil
	}
	rng := rand.New(rand.NewSource(demoSeed(t.today, 3)))
	book, err := loadRuleBook(tx)
	if err != nil {
		return err
	}
	rules := func(d Date) ConductRules { return book.at(d).Conduct.resolved() }
	p := func(i int) Staff { return people[i] }
	if err := fillDemoRatings(tx, a, t, rng, people); err != nil {
		return err
	}

	bad := []struct {
		who            int
		on             Date
		level, comment string
		status, note   string
		done           Date
	}{
		{3, t.ago(17), RatingPoor, "等候时间太长，取号后等了一个多小时", RectifyDone, "窗口增加午间弹性服务，已电话回访群众并致歉", t.ago(14)},
		{16, t.ago(12), RatingVeryPoor, "工作人员解释不清楚，让我来回跑", RectifyPending, "", Date{}},
		{27, t.ago(11), RatingVeryPoor, "（误评：群众在自助终端选错窗口）", RectifyInvalid, "经调取录像核实，群众未在本窗口办理业务，认定为无效差评", t.ago(9)},
		{8, t.ago(4), RatingPoor, "系统故障办不了，也没告诉什么时候能办", RectifyWorking, "已联系群众，系统恢复后优先办理", Date{}},
		{35, t.ago(2), RatingPoor, "窗口人员中途离开，等了十几分钟", RectifyPending, "", Date{}},
	}
	for _, b := range bad {
		s := p(b.who)
		r := Rating{On: b.on, WindowID: s.WindowID, StaffID: &s.ID, Level: b.level, Comment: b.comment,
			RectifyStatus: b.status, RectifyDue: t.cal.AddWorkingDays(b.on, rules(b.on).RectifyDays),
			RectifyMeasures: b.note, RectifiedOn: b.done}
		if err := saveRatingTx(tx, a, &r); err != nil {
			return err
		}
	}

	// violations: the first steps of the two ladders earlier in the same
	// year (when the year has room for them), then the showcase month's
	viol := []struct {
		who                             int
		on                              Date
		cat, what, by, evidence, source string
	}{
		{4, t.earlierThisYear(t.day(9), 240), CategoryNotification, "办理食品经营许可时未一次性告知需提交的场所平面图，致申请人二次往返", "督查科", "申请人投诉电话记录", ""},
		{22, t.earlierThisYear(t.day(14), 160), CategoryService, "接待群众时未起身迎候，使用“不知道”等服务忌语", "督查科", "现场巡查", ""},
		{11, t.day(3), CategoryDress, "未按换装通知着装，未佩戴工作牌", "综合业务科", "着装检查记录", SourceDressCheck},
		{7, t.day(7), CategoryDiscipline, "工作时间在窗口内玩手机游戏", "综合业务科 刘昇", "巡查照片2张", ""},
		{4, t.day(9), CategoryNotification, "办理变更登记时未一次性告知需补充股东会决议，申请人第二次到窗口才得知", "督查科", "一次性告知书存根、申请人陈述", ""},
		{15, t.day(12), CategoryPromiseDelay, "承诺件超过承诺时限2个工作日未办结，且无正当理由", "督查科", "办件系统记录", ""},
		{22, t.day(14), CategoryService, "与群众交谈时语气生硬，不使用文明用语", "督查科", "监控录像", ""},
	}
	for _, v := range viol {
		if v.on.IsZero() {
			continue
		}
		rec := Violation{StaffID: p(v.who).ID, On: v.on, Category: v.cat, Circumstances: v.what, RecordedBy: v.by, Evidence: v.evidence, Source: v.source}
		if fe := rec.Validate(); len(fe) > 0 {
			return fe
		}
		if err := saveViolationTx(tx, a, &rec); err != nil {
			return err
		}
	}

	// complaints
	id := func(i int) *uint { v := p(i).ID; return &v }
	complaints := []Complaint{
		{On: t.day(4), WindowID: p(9).WindowID, StaffID: id(9), Complainant: "赵女士", Contact: "139****2617",
			Channel: "12345热线", Problem: ProblemLanguage, Content: "办理社保关系转移时，窗口人员说“这个不归我们管，你自己去问”，语气很冲",
			Status: ComplaintUpheld, Notes: "调取窗口录音录像，约谈当事人及首席代表", Finding: "经调取录音录像核实，该同志答复群众时使用服务忌语，投诉属实",
			ConcludedOn: t.day(8)},
		{On: t.day(8), WindowID: p(30).WindowID, StaffID: id(30), Complainant: "钱先生", Contact: "136****0825",
			Channel: "督查科投诉电话", Problem: ProblemAttitude, Content: "工作人员不让插队办理，态度不好",
			Status: ComplaintRejected, Notes: "调取叫号记录和录像", Finding: "工作人员按叫号顺序办理并耐心解释，无不当言行，投诉不属实",
			ConcludedOn: t.day(11)},
		{On: t.ago(14), WindowID: p(18).WindowID, StaffID: id(18), Complainant: "孙先生", Contact: "158****3390",
			Channel: "网上投诉", Problem: ProblemOverdue, Content: "不动产登记申请已超过承诺时间仍未办结，多次询问没有答复",
			Notes: "已调取办件记录，待派驻单位说明情况"},
	}
	for i := range complaints {
		c := &complaints[i]
		if fe := c.Validate(); len(fe) > 0 {
			return fe
		}
		if err := saveComplaintTx(tx, a, c, "督查科"); err != nil {
			return err
		}
	}

	// commendations: the showcase month's, and a few more in every month
	type praise struct {
		who        int
		on         Date
		kind, note string
	}
	commend := []praise{
		{2, t.day(4), CommendBanner, "企业负责人赠送锦旗“热情服务 高效便民”"},
		{13, t.day(11), CommendLetter, "群众来信表扬其延时服务，帮助办结医保报销"},
		{6, t.day(15), CommendMedia, "集宁新闻报道其“一窗通办”服务事迹"},
		{25, t.day(14), CommendLetter, "老年群众来信感谢其上门帮办"},
	}
	notes := []struct{ kind, note string }{
		{CommendLetter, "群众来信感谢其耐心解答、一次办成"},
		{CommendBanner, "企业赠送锦旗“服务周到 办事高效”"},
		{CommendLetter, "外地群众来信表扬其帮助网上预约办理"},
		{CommendLetter, "残疾群众家属来信感谢其主动上门服务"},
		{CommendBanner, "群众赠送锦旗“为民办实事 服务暖人心”"},
	}
	for _, m := range t.months() {
		to := monthEnd(m)
		if to.After(t.last) {
			to = t.last
		}
		days := t.workingDays(m, to)
		for n := len(days)/4 + rng.Intn(3); n > 0 && len(days) > 0; n-- {
			x := notes[rng.Intn(len(notes))]
			who := rng.Intn(demoResidents)
			if rng.Intn(5) < 3 { // praise comes back to the same people
				who = demoPraised[rng.Intn(len(demoPraised))]
			}
			commend = append(commend, praise{who, days[rng.Intn(len(days))], x.kind, x.note})
		}
	}
	for _, c := range commend {
		rec := Commendation{StaffID: p(c.who).ID, On: c.on, Kind: c.kind, Note: c.note}
		if err := saveCommendationTx(tx, a, &rec); err != nil {
			return err
		}
	}
	return nil
}

// demoPraised are the staff most of the demo's commendations go to
// (indexes into demoNames), so a few windows stand out in the ranking.
var demoPraised = []int{0, 6, 13, 25, 33, 41, 47, 52}

// fillDemoRatings adds the good ratings (非常满意, 满意, 基本满意) of every
// working day with punches: most windows are rated by one to four people a
// day, each rating naming a resident of the window. They are written in
// batches, each with its audit entry.
func fillDemoRatings(tx *gorm.DB, a *auditor, t *demoTime, rng *rand.Rand, people []Staff) error {
	var windows []ServiceWindow
	if err := tx.Order("id").Find(&windows).Error; err != nil {
		return err
	}
	byWindow := map[uint][]int{}
	for i, s := range people {
		if s.Post != PostSubstitute {
			byWindow[s.WindowID] = append(byWindow[s.WindowID], i)
		}
	}
	var ratings []Rating
	for _, d := range t.workingDays(t.first, t.last) {
		for _, w := range windows {
			staff := byWindow[w.ID]
			if len(staff) == 0 || rng.Intn(10) == 0 {
				continue // no one rated this window today
			}
			for n := 1 + rng.Intn(4); n > 0; n-- {
				level := RatingVeryGood
				switch x := rng.Intn(100); {
				case x >= 92:
					level = RatingFair
				case x >= 70:
					level = RatingGood
				}
				s := people[staff[rng.Intn(len(staff))]]
				ratings = append(ratings, Rating{On: d, WindowID: w.ID, Window: w, StaffID: &s.ID, Staff: &s, Level: level})
			}
		}
	}
	if len(ratings) == 0 {
		return nil
	}
	if err := tx.Omit(clause.Associations).CreateInBatches(ratings, 500).Error; err != nil {
		return err
	}
	for _, r := range ratings {
		a.create(r)
	}
	return nil
}
