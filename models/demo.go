package models

import (
	"fmt"
	"math/rand"
	"time"

	"gorm.io/gorm"
)

// demoWindows are the windows of a typical municipal service hall.
var demoWindows = []struct{ code, name, unit, area string }{
	{"A01", "企业开办综合窗口", "市市场监督管理局", "一楼A区"},
	{"A02", "食品经营许可窗口", "市市场监督管理局", "一楼A区"},
	{"A03", "涉税综合服务窗口", "国家税务总局乌兰察布市税务局", "一楼A区"},
	{"A04", "发票领用窗口", "国家税务总局乌兰察布市税务局", "一楼A区"},
	{"A05", "户籍业务窗口", "市公安局", "一楼A区"},
	{"A06", "出入境业务窗口", "市公安局", "一楼A区"},
	{"B01", "社会保险窗口", "市人力资源和社会保障局", "二楼B区"},
	{"B02", "就业创业服务窗口", "市人力资源和社会保障局", "二楼B区"},
	{"B03", "医保待遇窗口", "市医疗保障局", "二楼B区"},
	{"B04", "医保参保登记窗口", "市医疗保障局", "二楼B区"},
	{"B05", "不动产登记窗口", "市自然资源局", "二楼B区"},
	{"B06", "不动产交易窗口", "市自然资源局", "二楼B区"},
	{"B07", "住房公积金窗口", "市住房公积金管理中心", "二楼B区"},
	{"C01", "婚姻登记窗口", "市民政局", "三楼C区"},
	{"C02", "社会组织登记窗口", "市民政局", "三楼C区"},
	{"C03", "道路运输许可窗口", "市交通运输局", "三楼C区"},
	{"C04", "医疗机构执业许可窗口", "市卫生健康委员会", "三楼C区"},
	{"C05", "建设工程审批窗口", "市住房和城乡建设局", "三楼C区"},
	{"C06", "综合受理窗口", "市政务服务中心", "三楼C区"},
	{"C07", "帮办代办窗口", "市政务服务中心", "三楼C区"},
}

// demoNames include rare characters on purpose (堃 喆 昇 玥, and 𠮷 outside
// the Basic Multilingual Plane) so every screen and printout is seen with them.
var demoNames = []string{
	"王堃", "李喆", "周𠮷", "张昇", "刘玥", "陈静", "杨帆", "赵敏", "黄磊", "吴婷",
	"徐明", "孙丽", "马超", "朱琳", "胡军", "郭燕", "何伟", "高洁", "林峰", "罗娟",
	"梁晨", "宋佳", "郑浩", "谢芳", "韩冰", "唐亮", "冯雪", "于洋", "董欣", "萧然",
	"程琳", "曹阳", "袁媛", "邓超", "许晴", "傅强", "沈悦", "曾凡", "彭博", "吕婧",
	"苏畅", "卢俊", "蒋蕾", "蔡鹏", "贾楠", "丁宁", "魏巍", "薛梅", "叶青", "阎旭",
	"余欢", "潘越", "杜鹃", "戴维", "夏雨", "钟鸣", "汪洋", "田甜", "任重", "姜楠",
}

// IsEmpty reports whether the database holds no windows and no staff yet.
func (s *Store) IsEmpty() (bool, error) {
	var n, m int64
	if err := s.db.Model(&ServiceWindow{}).Count(&n).Error; err != nil {
		return false, err
	}
	if err := s.db.Model(&Staff{}).Count(&m).Error; err != nil {
		return false, err
	}
	return n+m == 0, nil
}

// FillDemo fills an empty database with a realistic demo centre: 20 windows
// of real departments and 60 staff, with everything dated relative to the
// store's today (see demoTime): punches from the start of the previous
// quarter up to yesterday with a handful of anomalies, leave, 40 cases of
// the last few months (some open, two overdue), conduct records, ratings,
// substitutions and the uniform ledger. The same day gives the same centre.
// It refuses a database that has data.
func (s *Store) FillDemo() error {
	empty, err := s.IsEmpty()
	if err != nil {
		return err
	}
	if !empty {
		return refused("数据库中已有窗口或人员，演示数据只能填入空数据库")
	}
	today := s.Today()
	// The people are the same whatever the date; what happens to them
	// depends on it.
	rng := rand.New(rand.NewSource(20261126))
	return s.write(func(tx *gorm.DB, a *auditor) error {
		// again under the write lock: a second fill started beside this
		// one waited for it and must not add a second centre
		var n int64
		if err := tx.Model(&ServiceWindow{}).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return refused("数据库中已有窗口或人员，演示数据只能填入空数据库")
		}
		if err := fillDemoOffice(tx, a); err != nil {
			return err
		}
		cal, err := calendarTx(tx)
		if err != nil {
			return err
		}
		t := newDemoTime(cal, today)
		units := map[string]uint{}
		windows := make([]uint, len(demoWindows))
		for i, dw := range demoWindows {
			id, err := ensureUnit(tx, a, units, dw.unit)
			if err != nil {
				return err
			}
			w := ServiceWindow{Code: dw.code, Name: dw.name, HomeUnitID: id, Area: dw.area, Active: true}
			if err := saveAudited(tx, a, &w, 0); err != nil {
				return err
			}
			windows[i] = w.ID
		}
		staffAt := make([][]uint, len(demoWindows))
		people := make([]Staff, 0, len(demoNames))
		for i, name := range demoNames {
			wi := i % len(demoWindows)
			post := PostStaff
			switch {
			case i < len(demoWindows) && i%2 == 0:
				post = PostChief
			case i >= len(demoNames)-3:
				post = PostSubstitute
			}
			// in service for between one and a half and six and a half
			// years: before every season change of the uniform ledger
			joined := today.AddDays(-(540 + rng.Intn(5*365)))
			female := rng.Intn(2) == 0
			p := Staff{
				EmployeeNo: fmt.Sprintf("ZW%03d", i+1), Name: name,
				IDNumber: demoIDNumber(rng, female), Mobile: fmt.Sprintf("1%d%09d", 3+rng.Intn(7), rng.Intn(1e9)),
				HomeUnitID: units[demoWindows[wi].unit], WindowID: windows[wi], Post: post,
				JoinedOn: joined, Status: StatusOnDuty,
			}
			if post == PostSubstitute {
				p.JoinedOn, p.LeftOn = demoSubstitutePeriod(t, i)
			}
			if fe := p.Validate(); len(fe) > 0 {
				return fe
			}
			if err := saveStaffTx(tx, a, &p, p.JoinedOn, "演示数据"); err != nil {
				return err
			}
			if post != PostSubstitute {
				staffAt[wi] = append(staffAt[wi], p.ID)
			}
			people = append(people, p)
		}
		if err := fillDemoCases(tx, a, t, windows, staffAt); err != nil {
			return err
		}
		if err := fillDemoAttendance(tx, a, t, people); err != nil {
			return err
		}
		if err := fillDemoSubstitutes(tx, a, t, people); err != nil {
			return err
		}
		return fillDemoConduct(tx, a, t, people)
	})
}

// demoIDNumber makes a valid identity number of the Ulanqab region.
func demoIDNumber(rng *rand.Rand, female bool) string {
	birth := time.Date(1975+rng.Intn(25), time.Month(1+rng.Intn(12)), 1+rng.Intn(28), 0, 0, 0, 0, time.UTC)
	seq := rng.Intn(500) * 2
	if !female {
		seq++
	}
	first := fmt.Sprintf("150902%s%03d", birth.Format("20060102"), seq)
	c, _ := IDCheckDigit(first)
	return first + string(c)
}
