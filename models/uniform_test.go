package models

import (
	"sort"
	"strings"
	"testing"
)

func TestUniformIssueValidatesAgainstTheLists(t *testing.T) {
	lists := UniformLists{Items: []string{"上衣", "裤", "工作牌"}, Sizes: []string{"S", "M", "L"}}
	cases := []struct {
		name  string
		u     UniformIssue
		field string
	}{
		{"尺码写法不对", UniformIssue{StaffID: 1, Kind: "冬装", Item: "上衣", Size: "175-92A", Quantity: 1, IssuedOn: NewDate(2026, 11, 2)}, "尺码"},
		{"品名不在列表中", UniformIssue{StaffID: 1, Kind: "冬装", Item: "围巾", Size: "M", Quantity: 1, IssuedOn: NewDate(2026, 11, 2)}, "品名"},
		{"种类错误", UniformIssue{StaffID: 1, Kind: "秋装", Item: "上衣", Size: "M", Quantity: 1, IssuedOn: NewDate(2026, 11, 2)}, "种类"},
		{"数量为零", UniformIssue{StaffID: 1, Kind: "冬装", Item: "上衣", Size: "M", IssuedOn: NewDate(2026, 11, 2)}, "数量"},
		{"原因错误", UniformIssue{StaffID: 1, Kind: "冬装", Item: "上衣", Size: "M", Quantity: 1, IssuedOn: NewDate(2026, 11, 2), Reason: "领导批准"}, "原因"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if fe := c.u.Validate(lists); fe.For(c.field) == "" {
				t.Fatalf("want an error on %s, got %v", c.field, fe)
			}
		})
	}
	ok := UniformIssue{StaffID: 1, Kind: "工作牌", Item: "工作牌", Quantity: 1, IssuedOn: NewDate(2026, 11, 2)}
	if fe := ok.Validate(lists); len(fe) > 0 || ok.Reason != "换季" {
		t.Fatalf("a badge without size: %v (reason %q)", fe, ok.Reason)
	}
	// the size list suggests; a men's size not on it is taken
	men := UniformIssue{StaffID: 1, Kind: "冬装", Item: "上衣", Size: "175/92a", Quantity: 1, IssuedOn: NewDate(2026, 11, 2)}
	if fe := men.Validate(lists); len(fe) > 0 || men.Size != "175/92A" {
		t.Fatalf("175/92A: %v (%q)", fe, men.Size)
	}
}

// 窗口工作人员统一着装管理办法 asks everyone to wear the uniform, so every
// body must get one: any well-formed 号型 of GB/T 1335 (men's 1335.1,
// women's 1335.2, children's 1335.3) and the letter sizes are accepted;
// a malformed size is refused saying how to write it.
func TestHandbookUniformSizesAcceptedAndRefused(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string // want "" = refused
		reason         string
	}{
		{"男装 GB/T 1335.1 165/84A", "165/84A", "165/84A", ""},
		{"男装 170/88A", "170/88A", "170/88A", ""},
		{"男装 175/92A", "175/92A", "175/92A", ""},
		{"男装 180/96A", "180/96A", "180/96A", ""},
		{"女装 GB/T 1335.2 160/84A", "160/84A", "160/84A", ""},
		{"偏胖体型 B", "170/88B", "170/88B", ""},
		{"偏瘦体型 Y", "160/84Y", "160/84Y", ""},
		{"胖体型 C", "175/100C", "175/100C", ""},
		{"下装按腰围 170/74A", "170/74A", "170/74A", ""},
		{"童装 GB/T 1335.3 不写体型", "130/64", "130/64", ""},
		{"小写与全角", "１７５／９２ａ", "175/92A", ""},
		{"中间有空格", " 175 / 92A ", "175/92A", ""},
		{"字母尺码 XL", "xl", "XL", ""},
		{"2XL 即 XXL", "2XL", "XXL", ""},
		{"3XL 即 XXXL", "3xl", "XXXL", ""},
		{"4XL", "4XL", "4XL", ""},
		{"XXXXL 即 4XL", "XXXXL", "4XL", ""},
		{"5XL", "5XL", "5XL", ""},
		{"横线代替斜线", "175-92A", "", "写法不对"},
		{"体型字母不对", "175/92D", "", "写法不对"},
		{"只写身高", "175", "", "写法不对"},
		{"6XL", "6XL", "", "写法不对"},
		{"中文", "大号", "", "写法不对"},
		{"身高不合理", "275/92A", "", "号（身高）275 厘米不在 50 到 200 之间"},
		{"胸围不合理", "175/20A", "", "型（胸围或腰围）20 厘米不在 40 到 150 之间"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CheckUniformSize(tc.in)
			if tc.want != "" {
				if err != nil || got != tc.want {
					t.Fatalf("CheckUniformSize(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.reason) || !strings.Contains(err.Error(), "尺码“") {
				t.Fatalf("CheckUniformSize(%q) = %q, %v; want a refusal saying %q", tc.in, got, err, tc.reason)
			}
		})
	}
	if _, err := CheckUniformSize("175-92A"); !strings.Contains(err.Error(), "如 175/92A") {
		t.Fatalf("the refusal does not show how to write a size: %v", err)
	}
	sizes := []string{"180/96A", "XL", "170/88B", "M", "170/88A", "165/84A", "4XL", "160/84Y", "S"}
	sort.Slice(sizes, func(i, j int) bool { return sizeLess(sizes[i], sizes[j]) })
	if got := strings.Join(sizes, " "); got != "S M XL 4XL 160/84Y 165/84A 170/88A 170/88B 180/96A" {
		t.Fatalf("sizes sort as %s", got)
	}
}

func TestSeasonOfAnIssue(t *testing.T) {
	changes := []SeasonChange{
		{Kind: UniformWinter, On: NewDate(2025, 11, 1)},
		{Kind: UniformMid, On: NewDate(2026, 4, 15)},
		{Kind: UniformMid, On: NewDate(2026, 9, 15)},
		{Kind: UniformWinter, On: NewDate(2026, 12, 1)},
	}
	for _, c := range []struct {
		kind string
		on   Date
		want string
	}{
		{UniformWinter, NewDate(2025, 10, 27), "2025年冬装"},
		{UniformWinter, NewDate(2026, 11, 20), "2026年冬装"},
		{UniformMid, NewDate(2026, 4, 1), "2026年春秋装（春）"},
		{UniformMid, NewDate(2026, 9, 1), "2026年春秋装（秋）"},
		{UniformSummer, NewDate(2026, 5, 25), "2026年夏装"}, // no summer change set: the year
		{UniformWinter, NewDate(2024, 2, 10), "2023年冬装"}, // far from any: January–March is last winter
		{UniformBadge, NewDate(2026, 3, 9), ""},
	} {
		if got, _ := SeasonOf(c.kind, c.on, changes); got != c.want {
			t.Errorf("%s on %s: %q, want %q", c.kind, c.on, got, c.want)
		}
	}
}

func TestUniformSummaryFigures(t *testing.T) {
	changes := []SeasonChange{{Kind: UniformWinter, On: NewDate(2025, 11, 1)}, {Kind: UniformWinter, On: NewDate(2026, 12, 1)}}
	issues := []UniformIssue{
		{Kind: UniformWinter, Item: "棉服", Size: "L", Quantity: 1, IssuedOn: NewDate(2025, 10, 27)},
		{Kind: UniformWinter, Item: "棉服", Size: "L", Quantity: 1, IssuedOn: NewDate(2025, 10, 28)},
		{Kind: UniformWinter, Item: "棉服", Size: "M", Quantity: 1, IssuedOn: NewDate(2025, 10, 27)},
		{Kind: UniformWinter, Item: "棉服", Size: "L", Quantity: 2, IssuedOn: NewDate(2026, 11, 20)},
		{Kind: UniformSummer, Item: "衬衫", Size: "M", Quantity: 2, IssuedOn: NewDate(2026, 5, 25)},
		{Kind: UniformSummer, Item: "衬衫", Size: "S", Quantity: 2, IssuedOn: NewDate(2026, 5, 25)},
		{Kind: UniformBadge, Item: "工作牌", Quantity: 1, IssuedOn: NewDate(2026, 3, 9)},
	}
	sum := SummarizeUniforms(issues, changes)
	if got := strings.Join(sum.Seasons, " "); got != "2025年冬装 2026年夏装 2026年冬装" {
		t.Fatalf("seasons %q", got)
	}
	if len(sum.Years) != 2 || sum.YearTotals[2025] != 3 || sum.YearTotals[2026] != 7 || sum.Total != 10 {
		t.Fatalf("years %v %v total %d", sum.Years, sum.YearTotals, sum.Total)
	}
	var lines []string
	for _, r := range sum.Rows {
		lines = append(lines, r.Kind+r.Item+r.Size)
	}
	if got := strings.Join(lines, " "); got != "夏装衬衫S 夏装衬衫M 冬装棉服M 冬装棉服L 工作牌工作牌" {
		t.Fatalf("rows %q", got)
	}
	l := sum.Rows[3]
	if l.Total != 4 || l.BySeason["2025年冬装"] != 2 || l.BySeason["2026年冬装"] != 2 || l.ByYear[2025] != 2 || l.ByYear[2026] != 2 {
		t.Fatalf("冬装棉服L %+v", l)
	}
	if sum.SeasonTotals["2025年冬装"] != 3 || sum.SeasonTotals["2026年夏装"] != 4 {
		t.Fatalf("season totals %v", sum.SeasonTotals)
	}
}

func TestUniformPendingSkipsSectorUniformAndIssued(t *testing.T) {
	st := openTemp(t)
	u, a01, _ := seedRoster(t, st)
	kun := seedCovered(t, st, u, a01, "ZW001", "王堃")
	zhe := seedCovered(t, st, u, a01, "ZW002", "李喆")
	yue := seedCovered(t, st, u, a01, "ZW003", "刘玥")
	police := HomeUnit{Name: "市公安局", SectorUniform: true}
	st.SaveHomeUnit(&police)
	cop := Staff{EmployeeNo: "ZW004", Name: "张昇", HomeUnitID: police.ID, WindowID: a01.ID, Post: PostStaff, JoinedOn: NewDate(2025, 1, 1)}
	if err := st.SaveStaff(&cop); err != nil {
		t.Fatal(err)
	}
	c := SeasonChange{Kind: UniformWinter, On: NewDate(2026, 12, 1)}
	if err := st.SaveSeasonChange(&c); err != nil {
		t.Fatal(err)
	}
	if err := st.SetUniformExempt(yue.ID, true, "着税务制式服装"); err != nil {
		t.Fatal(err)
	}
	err := st.SaveUniformIssue(&UniformIssue{StaffID: cop.ID, Kind: UniformWinter, Item: "棉服", Size: "L", Quantity: 1, IssuedOn: NewDate(2026, 11, 20)})
	if fe, _ := AsFieldErrors(err); !strings.Contains(fe.For("工号"), "行业制式服装") {
		t.Fatalf("a police officer got a centre uniform: %v", err)
	}
	// an imported ledger is held to the same rule, 工作牌 excepted
	winter := UniformIssue{Kind: UniformWinter, Item: "棉服", Size: "L", Quantity: 1, IssuedOn: NewDate(2026, 11, 20)}
	for _, no := range []string{cop.EmployeeNo, yue.EmployeeNo} {
		_, err := st.ImportUniforms([]UniformRow{{EmployeeNo: no, Issue: winter}})
		if fe, _ := AsFieldErrors(err); !strings.Contains(fe.For("工号"), "行业制式服装") {
			t.Fatalf("an imported centre uniform for %s: %v", no, err)
		}
	}
	badge := UniformIssue{Kind: UniformBadge, Item: "工作牌", Quantity: 1, IssuedOn: NewDate(2026, 11, 20)}
	if stats, err := st.ImportUniforms([]UniformRow{{EmployeeNo: cop.EmployeeNo, Issue: badge}}); err != nil || stats.Created != 1 {
		t.Fatalf("a 工作牌 for a police officer: %+v, %v", stats, err)
	}
	if err := st.IssueUniforms([]UniformIssue{{StaffID: kun.ID, Kind: UniformWinter, Item: "棉服", Size: "L", Quantity: 1, IssuedOn: NewDate(2026, 11, 20)}}); err != nil {
		t.Fatal(err)
	}
	pending, err := st.UniformPending(c.ID)
	if err != nil || len(pending) != 1 || pending[0].ID != zhe.ID {
		t.Fatalf("pending %v %v, want only 李喆", pending, err)
	}
}

func TestDressInspectionIsADisciplineRecordOfCategoryDress(t *testing.T) {
	st := openTemp(t)
	u, a01, _ := seedRoster(t, st)
	kun := seedCovered(t, st, u, a01, "ZW001", "王堃")
	if _, err := st.RecordDressInspection(DressInspection{StaffID: kun.ID, On: NewDate(2026, 11, 20), Finding: "便装"}); err == nil {
		t.Fatal("an unknown finding was accepted")
	}
	v, err := st.RecordDressInspection(DressInspection{StaffID: kun.ID, On: NewDate(2026, 11, 20), Finding: "未佩戴工作牌",
		Detail: "上午巡查时未佩戴工作牌", Inspector: "综合业务科 郝建华"})
	if err != nil {
		t.Fatal(err)
	}
	if v.Category != CategoryDress || v.Source != SourceDressCheck || v.Circumstances != "未佩戴工作牌：上午巡查时未佩戴工作牌" || v.Step != 1 {
		t.Fatalf("stored %+v", v)
	}
	list, err := st.DressInspections()
	if err != nil || len(list) != 1 || list[0].Staff.Name != "王堃" {
		t.Fatalf("dress inspections %v %v", list, err)
	}
	if all, _ := st.Violations(ViolationFilter{StaffID: kun.ID}); len(all) != 1 {
		t.Fatalf("not in the violation register: %d", len(all))
	}
}
