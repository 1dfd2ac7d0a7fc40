package models

import (
	"math/rand"

	"gorm.io/gorm"
)

// fillDemoConduct adds November 2026's conduct records to the demo centre:
// 好差评 ratings for every window on most working days up to the 25th (with
// a few 差评 and their rectification items, one overdue), violations
// (among them 5th person's second 一次性告知 of the year), three complaints
// (one upheld for 服务用语不当, one not upheld, one still under
// investigation past its deadline) and a few commendations.
func fillDemoConduct(tx *gorm.DB, a *auditor, people []Staff) error {
	if len(people) < 40 {
		return nil
	}
	rng := rand.New(rand.NewSource(202611))
	cal, err := calendarTx(tx)
	if err != nil {
		return err
	}
	book, err := loadRuleBook(tx)
	if err != nil {
		return err
	}
	rules := func(d Date) ConductRules { return book.at(d).Conduct.resolved() }
	p := func(i int) Staff { return people[i] }

	// ratings
	byWindow := map[uint][]uint{}
	var order []uint
	for _, s := range people {
		if s.Post == PostSubstitute {
			continue
		}
		if _, ok := byWindow[s.WindowID]; !ok {
			order = append(order, s.WindowID)
		}
		byWindow[s.WindowID] = append(byWindow[s.WindowID], s.ID)
	}
	for d := NewDate(2026, 11, 2); !d.After(NewDate(2026, 11, 25)); d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		for _, wid := range order {
			if rng.Intn(10) == 0 {
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
				staff := byWindow[wid]
				sid := staff[rng.Intn(len(staff))]
				r := Rating{On: d, WindowID: wid, StaffID: &sid, Level: level}
				if err := saveRatingTx(tx, a, &r); err != nil {
					return err
				}
			}
		}
	}
	bad := []struct {
		who            int
		on             Date
		level, comment string
		status, note   string
		done           Date
	}{
		{3, NewDate(2026, 11, 3), RatingPoor, "等候时间太长，取号后等了一个多小时", RectifyDone, "窗口增加午间弹性服务，已电话回访群众并致歉", NewDate(2026, 11, 6)},
		{16, NewDate(2026, 11, 10), RatingVeryPoor, "工作人员解释不清楚，让我来回跑", RectifyPending, "", Date{}},
		{27, NewDate(2026, 11, 12), RatingVeryPoor, "（误评：群众在自助终端选错窗口）", RectifyInvalid, "经调取录像核实，群众未在本窗口办理业务，认定为无效差评", NewDate(2026, 11, 16)},
		{8, NewDate(2026, 11, 20), RatingPoor, "系统故障办不了，也没告诉什么时候能办", RectifyWorking, "已联系群众，系统恢复后优先办理", Date{}},
		{35, NewDate(2026, 11, 24), RatingPoor, "窗口人员中途离开，等了十几分钟", RectifyPending, "", Date{}},
	}
	for _, b := range bad {
		s := p(b.who)
		r := Rating{On: b.on, WindowID: s.WindowID, StaffID: &s.ID, Level: b.level, Comment: b.comment,
			RectifyStatus: b.status, RectifyDue: cal.AddWorkingDays(b.on, rules(b.on).RectifyDays),
			RectifyMeasures: b.note, RectifiedOn: b.done}
		if err := saveRatingTx(tx, a, &r); err != nil {
			return err
		}
	}

	// violations
	viol := []struct {
		who                             int
		on                              Date
		cat, what, by, evidence, source string
	}{
		{4, NewDate(2026, 3, 16), CategoryNotification, "办理食品经营许可时未一次性告知需提交的场所平面图，致申请人二次往返", "督查科", "申请人投诉电话记录", ""},
		{4, NewDate(2026, 11, 12), CategoryNotification, "办理变更登记时未一次性告知需补充股东会决议，申请人第二次到窗口才得知", "督查科", "一次性告知书存根、申请人陈述", ""},
		{7, NewDate(2026, 11, 10), CategoryDiscipline, "工作时间在窗口内玩手机游戏", "综合业务科 刘昇", "巡查照片2张", ""},
		{11, NewDate(2026, 11, 4), CategoryDress, "未按换装通知着冬装，未佩戴工作牌", "综合业务科", "着装检查记录", SourceDressCheck},
		{15, NewDate(2026, 11, 17), CategoryPromiseDelay, "承诺件超过承诺时限2个工作日未办结，且无正当理由", "督查科", "办件系统记录", ""},
		{22, NewDate(2026, 6, 8), CategoryService, "接待群众时未起身迎候，使用“不知道”等服务忌语", "督查科", "现场巡查", ""},
		{22, NewDate(2026, 11, 19), CategoryService, "与群众交谈时语气生硬，不使用文明用语", "督查科", "监控录像", ""},
	}
	for _, v := range viol {
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
		{On: NewDate(2026, 11, 9), WindowID: p(9).WindowID, StaffID: id(9), Complainant: "赵女士", Contact: "139****2617",
			Channel: "12345热线", Problem: ProblemLanguage, Content: "办理社保关系转移时，窗口人员说“这个不归我们管，你自己去问”，语气很冲",
			Status: ComplaintUpheld, Notes: "调取窗口录音录像，约谈当事人及首席代表", Finding: "经调取录音录像核实，该同志答复群众时使用服务忌语，投诉属实",
			ConcludedOn: NewDate(2026, 11, 13)},
		{On: NewDate(2026, 11, 11), WindowID: p(30).WindowID, StaffID: id(30), Complainant: "钱先生", Contact: "136****0825",
			Channel: "督查科投诉电话", Problem: ProblemAttitude, Content: "工作人员不让插队办理，态度不好",
			Status: ComplaintRejected, Notes: "调取叫号记录和录像", Finding: "工作人员按叫号顺序办理并耐心解释，无不当言行，投诉不属实",
			ConcludedOn: NewDate(2026, 11, 16)},
		{On: NewDate(2026, 11, 6), WindowID: p(18).WindowID, StaffID: id(18), Complainant: "孙先生", Contact: "158****3390",
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

	// commendations
	commend := []struct {
		who        int
		on         Date
		kind, note string
	}{
		{2, NewDate(2026, 11, 5), CommendBanner, "企业负责人赠送锦旗“热情服务 高效便民”"},
		{13, NewDate(2026, 11, 16), CommendLetter, "群众来信表扬其延时服务，帮助办结医保报销"},
		{6, NewDate(2026, 11, 20), CommendMedia, "集宁新闻报道其“一窗通办”服务事迹"},
		{25, NewDate(2026, 11, 23), CommendLetter, "老年群众来信感谢其上门帮办"},
	}
	for _, c := range commend {
		rec := Commendation{StaffID: p(c.who).ID, On: c.on, Kind: c.kind, Note: c.note}
		if err := saveCommendationTx(tx, a, &rec); err != nil {
			return err
		}
	}
	return nil
}
