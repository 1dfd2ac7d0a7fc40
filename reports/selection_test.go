package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"govdesk/models"
)

// heldOutQuarter is the third quarter of 2026 of a small centre, recorded
// through the store as an office would: A01 王堃 李喆, A02 刘玥, A03 周𠮷 陈玥,
// all on time every working day and rated 满意 once a month; 王堃 a 锦旗 on
// 07-08 (100.33), 李喆 a 不满意 on 09-14 (99.67), 刘玥 a 服务规范 violation on
// 07-14 (99.33); 周𠮷 and 陈玥 equal on everything (100). The rule set gives
// two 服务明星 places. The clock can be moved with *now.
func heldOutQuarter(t *testing.T) (*models.Store, map[string]models.Staff, *time.Time) {
	t.Helper()
	now := time.Date(2026, 10, 9, 9, 0, 0, 0, models.CentreZone)
	st, err := models.Open(t.TempDir(), models.WithClock(func() time.Time { return now }))
	must(t, err)
	t.Cleanup(func() { st.Close() })
	must(t, st.SaveOffice(models.DemoOffice))
	u := models.HomeUnit{Name: "市政务服务管理局"}
	must(t, st.SaveHomeUnit(&u))
	win := map[string]models.ServiceWindow{}
	for _, code := range []string{"A01", "A02", "A03"} {
		w := models.ServiceWindow{Code: code, Name: map[string]string{"A01": "企业开办综合窗口", "A02": "社会保险窗口", "A03": "不动产登记窗口"}[code],
			HomeUnitID: u.ID, Active: true}
		must(t, st.SaveServiceWindow(&w))
		win[code] = w
	}
	people := map[string]models.Staff{}
	for i, p := range [][3]string{{"ZW01", "王堃", "A01"}, {"ZW02", "李喆", "A01"}, {"ZW03", "刘玥", "A02"}, {"ZW05", "周𠮷", "A03"}, {"ZW06", "陈玥", "A03"}} {
		s := models.Staff{EmployeeNo: p[0], Name: p[1], HomeUnitID: u.ID, WindowID: win[p[2]].ID, Post: models.PostStaff, JoinedOn: models.NewDate(2025, 3, 3)}
		must(t, st.SaveStaff(&s))
		people[p[1]] = s
		_ = i
	}
	cal, err := st.Calendar()
	must(t, err)
	var rows []models.PunchRow
	for d := models.NewDate(2026, 7, 1); !d.After(models.NewDate(2026, 9, 30)); d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		for _, p := range people {
			for _, hm := range [][2]int{{8, 20}, {12, 5}, {13, 40}, {17, 40}} {
				rows = append(rows, models.PunchRow{EmployeeNo: p.EmployeeNo, Name: p.Name, At: models.CivilTime(d, hm[0], hm[1], 0)})
			}
		}
	}
	_, err = st.ImportPunches(rows)
	must(t, err)
	for _, m := range []time.Month{7, 8, 9} {
		for _, p := range people {
			p := p
			must(t, st.SaveRating(&models.Rating{On: models.NewDate(2026, m, 3), WindowID: p.WindowID, StaffID: &p.ID, Level: models.RatingGood}))
		}
	}
	kun, zhe, yue := people["王堃"], people["李喆"], people["刘玥"]
	must(t, st.SaveCommendation(&models.Commendation{StaffID: kun.ID, On: models.NewDate(2026, 7, 8), Kind: "锦旗", Note: "群众赠送"}))
	must(t, st.SaveRating(&models.Rating{On: models.NewDate(2026, 9, 14), WindowID: zhe.WindowID, StaffID: &zhe.ID, Level: models.RatingPoor}))
	must(t, st.SaveViolation(&models.Violation{StaffID: yue.ID, On: models.NewDate(2026, 7, 14), Category: models.CategoryService,
		Circumstances: "接待群众时接打私人电话", RecordedBy: "督查科"}))
	rs := models.DefaultRuleSet()
	rs.EffectiveFrom = models.NewDate(2026, 1, 1)
	r := models.DefaultScoringRules()
	r.StarAwards = 2
	rs.ScoringRules = &r
	must(t, st.SaveRuleSet(&rs))
	return st, people, &now
}

// meetingOfNine is a meeting of nine members with two away.
func meetingOfNine(on models.Date, votes []models.RoundVotes) models.Meeting {
	return models.Meeting{On: on, Place: "三楼会议室", Chair: "赵主任", Recorder: "钱文书",
		Members:    []string{"赵主任", "钱文书", "孙监", "李计", "周一", "吴二", "郑三", "王四", "冯五"},
		Absent:     []string{"王四", "冯五"},
		Scrutineer: "孙监", Teller: "李计", Minutes: "与会人员审阅了候选人材料，对并列的两名候选人进行了讨论。", Votes: votes}
}

func paper(t *testing.T, st *models.Store, kind, period string, what MeetingPaper, opt PrintOptions) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	must(t, PrintSelectionPaper(st, kind, period, what, opt, &b))
	if dir := os.Getenv("NOTICE_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, string(what)+".pdf"), b.Bytes(), 0o644)
	}
	return flat(pdfText(t, b.Bytes())), b.Bytes()
}

func wantText(t *testing.T, name, text string, want, notWant []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, flat(w)) {
			t.Errorf("%s: %q missing:\n%s", name, w, text)
		}
	}
	for _, w := range notWant {
		if strings.Contains(text, flat(w)) {
			t.Errorf("%s: %q should not be printed:\n%s", name, w, text)
		}
	}
}

// TestHeldOutQuarterSelectedEndToEnd takes the held-out quarter through
// every step — scores, lock, a shortlist with a tie at the cut, a meeting
// of 7 of 9, a run-off, a 公示 with one objection resolved, the decision —
// and prints every paper and the export at its step.
func TestHeldOutQuarterSelectedEndToEnd(t *testing.T) {
	st, people, now := heldOutQuarter(t)
	const q = "2026Q3"
	star := models.SelectStar

	// scores and the proposal, not yet a selection
	text, _ := paper(t, st, star, q, NomineePack, fixedPDF)
	wantText(t, "候选人材料（未提名）", text, []string{"尚未提名", "尚有月份未封帐"}, nil)
	if err := PrintSelectionPaper(st, star, q, Ballot, fixedPDF, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "提名候选人之后") {
		t.Fatalf("a ballot before the shortlist: %v", err)
	}

	// lock, then the shortlist: 王堃, and 周𠮷 and 陈玥 tied at the cut
	for _, m := range []string{"2026-07", "2026-08", "2026-09"} {
		must(t, st.CloseScoreMonth(m))
	}
	must(t, st.Nominate(star, q, 2, ""))
	rec, err := st.SelectionOf(star, q)
	must(t, err)
	var short []string
	for _, n := range rec.Nominees {
		short = append(short, n.Name)
	}
	if strings.Join(short, " ") != "王堃 周𠮷 陈玥" || !rec.Nominees[1].Tied || !rec.Nominees[2].Tied || rec.Nominees[0].Tied {
		t.Fatalf("shortlist %v", rec.Nominees)
	}
	text, _ = paper(t, st, star, q, NomineePack, fixedPDF)
	wantText(t, "候选人材料", text, []string{"数据截至：2026-10-0909:00（提名时的数据）", "名额2名，差额评选", "ZW05", "市政务服务管理局",
		"A03不动产登记窗口", "并列情况：周𠮷、陈玥同分100，满意率、办结件数也相同，并列第2名。", "李喆", "刘玥", "7月8日锦旗"}, nil)

	text, pdf := paper(t, st, star, q, Ballot, fixedPDF)
	wantText(t, "表决票", text, []string{"（无记名投票）", "名额2名，候选人3名，差额评选", "同意（○）", "不同意（×）", "弃权", "另选他人", "另选",
		"王堃（A01）", "周𠮷（A03）", "陈玥（A03）"}, []string{"投票人", "李喆", "刘玥", "100.33"})
	if _, pages := pdfWords(t, pdf); pages != 1 {
		t.Errorf("the ballot takes %d pages", pages)
	}
	text, _ = paper(t, st, star, q, Ballot, PrintOptions{Created: fixedPDF.Created, NamedBallot: true})
	wantText(t, "记名表决票", text, []string{"（记名投票）", "投票人（签名）"}, nil)
	text, _ = paper(t, st, star, q, TallySheet, fixedPDF)
	wantText(t, "空白计票单", text, []string{"计票单", "监票人", "计票人", "签名：", "另选："}, nil)
	if err := PrintSelectionPaper(st, star, q, Minutes, fixedPDF, &bytes.Buffer{}); err == nil {
		t.Fatal("minutes before the meeting")
	}

	// the meeting: 7 of 9, 王堃 6, 周𠮷 4, 陈玥 4 — tied at the cut, then a run-off 3 to 4
	*now = time.Date(2026, 10, 9, 16, 0, 0, 0, models.CentreZone)
	vote := func(name string, yes, no int) models.RoundVotes {
		return models.RoundVotes{SubjectID: people[name].ID, Name: name, For: yes, Against: no, Abstain: 7 - yes - no}
	}
	must(t, st.RecordMeeting(star, q, meetingOfNine(models.NewDate(2026, 10, 9), []models.RoundVotes{vote("王堃", 6, 1), vote("周𠮷", 4, 2), vote("陈玥", 4, 3)}), ""))
	if err := st.StartPublicity(star, q, models.NewDate(2026, 10, 12), "综合业务科 0474-8326000", ""); err == nil {
		t.Fatal("a 公示 with the tie undecided")
	}
	must(t, st.RecordRunoff(star, q, []models.RoundVotes{vote("周𠮷", 3, 0), vote("陈玥", 4, 0)}))

	text, _ = paper(t, st, star, q, TallySheet, fixedPDF)
	wantText(t, "计票单", text, []string{"应到9人，实到7人", "发出表决票7张，收回7张，其中无效0张", "王堃（A01）", "过半数，当选", "第二轮投票", "并列者再次投票",
		"监票人：孙监签名：", "计票人：李计签名："}, nil)
	text, _ = paper(t, st, star, q, Minutes, fixedPDF)
	wantText(t, "会议记录", text, []string{"评选会会议记录", "应到9人，实到7人，缺席王四、冯五", "超过应到人数的三分之二", "监票人孙监，计票人李计",
		"无记名投票", "差额", "陈玥（A03）：同意4票、不同意3票、弃权0票，过半数；第二轮同意4票，当选", "王堃（A01）、陈玥（A03）当选", "主持人（签名）", "记录人（签名）", "监票人（签名）", "计票人（签名）"}, nil)
	if err := PrintSelectionPaper(st, star, q, Commendation, fixedPDF, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "公示期满") {
		t.Fatalf("a 表彰决定 before the 公示: %v", err)
	}

	// the 公示, one objection resolved
	*now = time.Date(2026, 10, 12, 9, 0, 0, 0, models.CentreZone)
	must(t, st.StartPublicity(star, q, models.NewDate(2026, 10, 12), "综合业务科（电话0474-8326000）", ""))
	text, _ = paper(t, st, star, q, PublicityNotice, fixedPDF)
	wantText(t, "公示", text, []string{"关于2026年第三季度“服务明星”拟表彰对象的公示", "2026年10月9日评选会无记名投票表决", "以下2名同志",
		"王堃", "ZW06", "A03不动产登记窗口", "2026年10月12日至2026年10月16日（5个工作日）", "综合业务科（电话0474-8326000）", "真实姓名"}, []string{"周𠮷"})
	*now = time.Date(2026, 10, 14, 10, 0, 0, 0, models.CentreZone)
	o := models.SelectionObjection{ReceivedOn: models.NewDate(2026, 10, 13), Objector: "市民张某，电话138xxxx0001", SubjectID: people["陈玥"].ID, Content: "反映陈玥9月曾迟到"}
	must(t, st.AddObjection(star, q, &o))
	*now = time.Date(2026, 10, 19, 9, 0, 0, 0, models.CentreZone)
	if err := st.DecideSelection(star, q, models.NewDate(2026, 10, 19)); err == nil {
		t.Fatal("decided with the objection open")
	}
	must(t, st.ResolveObjection(o.ID, "经核对打卡记录，陈玥9月均按时到岗，反映不属实", false, models.NewDate(2026, 10, 15)))
	must(t, st.DecideSelection(star, q, models.NewDate(2026, 10, 19)))

	// the decision: honourees in ranking order, dated the decision, after the 公示
	text, _ = paper(t, st, star, q, Commendation, fixedPDF)
	wantText(t, "表彰决定", text, []string{"关于表彰2026年第三季度“服务明星”的决定", "乌政服表〔2026〕1号", "2026年10月9日评选会表决",
		"于2026年10月12日至2026年10月16日公示，公示期间收到异议1件", "反映陈玥的异议，经核查不成立", "决定授予王堃（A01）、陈玥（A03）等2名同志",
		"2026年10月19日"}, []string{"周𠮷", "市民张某", "经公示无异议"})
	text, _ = paper(t, st, star, q, Certificates, fixedPDF)
	wantText(t, "荣誉证书", text, []string{"王堃同志：", "陈玥同志：", "服务明星"}, []string{"周𠮷"})

	// the exports carry the decision, the votes and the 文号
	out := filepath.Join(t.TempDir(), "q.csv")
	_, err = Export(st, "scores-quarter", out, ExportOptions{Quarter: q})
	must(t, err)
	sh, err := ReadSheet(out)
	must(t, err)
	if got := strings.Join(sh.Header[len(sh.Header)-3:], ","); got != "评选决定,得票,文号" {
		t.Fatalf("header ends %s", got)
	}
	byName := map[string][]string{}
	for _, r := range rowsOf(sh) {
		byName[r.Cells[1]] = r.Cells
	}
	for name, want := range map[string]string{
		"王堃": "授予|同意6 不同意1 弃权0|乌政服表〔2026〕1号",
		"陈玥": "授予|同意4 不同意3 弃权0；第二轮同意4|乌政服表〔2026〕1号",
		"周𠮷": "未授予|同意4 不同意2 弃权1；第二轮同意3|",
		"李喆": "未授予||",
	} {
		c := byName[name]
		if got := strings.Join(c[len(c)-3:], "|"); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}

	// a month re-opened after the decision: the papers naming the awarded wait for the review
	must(t, st.ReopenScoreMonth("2026-08", "补录投诉核查结论"))
	for _, p := range []MeetingPaper{Commendation, Certificates} {
		if err := PrintSelectionPaper(st, star, q, p, fixedPDF, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "复核后才能打印") {
			t.Errorf("%s printed with the basis changed: %v", p, err)
		}
	}
}

// A quarter holds one 表彰决定 in force: printing it again reprints it
// under its number; drawing the shortlist again voids it; the next
// decision takes a new number.
func TestOneValidCommendationPerQuarter(t *testing.T) {
	st, people, now := heldOutQuarter(t)
	const q = "2026Q3"
	star := models.SelectStar
	for _, m := range []string{"2026-07", "2026-08", "2026-09"} {
		must(t, st.CloseScoreMonth(m))
	}
	decide := func(meeting, from, on models.Date) {
		t.Helper()
		*now = models.CivilTime(meeting, 16, 0, 0)
		must(t, st.RecordMeeting(star, q, meetingOfNine(meeting, []models.RoundVotes{{SubjectID: people["王堃"].ID, Name: "王堃", For: 7},
			{SubjectID: people["周𠮷"].ID, Name: "周𠮷", For: 5}, {SubjectID: people["陈玥"].ID, Name: "陈玥", For: 2}}), ""))
		must(t, st.StartPublicity(star, q, from, "综合业务科 0474-8326000", ""))
		*now = models.CivilTime(on, 9, 0, 0)
		must(t, st.DecideSelection(star, q, on))
	}
	must(t, st.Nominate(star, q, 2, ""))
	decide(models.NewDate(2026, 10, 9), models.NewDate(2026, 10, 12), models.NewDate(2026, 10, 19))
	first, _ := paper(t, st, star, q, Commendation, fixedPDF)
	again, _ := paper(t, st, star, q, Commendation, fixedPDF)
	if !strings.Contains(first, "乌政服表〔2026〕1号") || !strings.Contains(again, "乌政服表〔2026〕1号") || !strings.Contains(first, "于2026年10月12日至2026年10月16日公示，经公示无异议") {
		t.Fatalf("first %s\nagain %s", first, again)
	}
	held, _ := st.ValidNotices(models.CommendationKind, "", q)
	if len(held) != 1 {
		t.Fatalf("%d 表彰决定 in force", len(held))
	}
	must(t, st.Nominate(star, q, 2, "补录投诉后重新评选"))
	if held, _ = st.ValidNotices(models.CommendationKind, "", q); len(held) != 0 {
		t.Fatal("the 表彰决定 stays in force after the shortlist was drawn again")
	}
	if err := PrintSelectionPaper(st, star, q, Commendation, fixedPDF, &bytes.Buffer{}); err == nil {
		t.Fatal("a 表彰决定 printed for a selection back at 提名")
	}
	decide(models.NewDate(2026, 10, 20), models.NewDate(2026, 10, 21), models.NewDate(2026, 10, 28))
	second, _ := paper(t, st, star, q, Commendation, fixedPDF)
	if !strings.Contains(second, "乌政服表〔2026〕2号") || !strings.Contains(second, "2026年10月28日") {
		t.Fatalf("second %s", second)
	}
	all, _ := st.InternalNotices()
	voided := 0
	for _, n := range all {
		if n.Kind == models.CommendationKind && n.Voided && strings.Contains(n.VoidReason, "补录投诉后重新评选") {
			voided++
		}
	}
	if held, _ = st.ValidNotices(models.CommendationKind, "", q); len(held) != 1 || voided != 1 {
		t.Fatalf("%d in force, %d voided with the reason", len(held), voided)
	}
	// voided in the register, it is replaced by printing it again
	must(t, st.VoidNotice(held[0].ID, "文中表彰对象的窗口写错"))
	if rec, _ := st.SelectionOf(star, q); rec.Stage != models.StageDecided || rec.DocNo() != "" {
		t.Fatalf("after voiding: %s %q", rec.Stage, rec.DocNo())
	}
	third, _ := paper(t, st, star, q, Commendation, fixedPDF)
	if !strings.Contains(third, "乌政服表〔2026〕3号") {
		t.Fatalf("replacement %s", third)
	}
}

// The 满意窗口 of a month: its 表彰决定 names the windows.
func TestMonthlyWindowCommendation(t *testing.T) {
	st, _, now := heldOutQuarter(t)
	must(t, st.CloseScoreMonth("2026-09"))
	w := models.SelectWindow
	must(t, st.Nominate(w, "2026-09", 3, ""))
	rec, err := st.SelectionOf(w, "2026-09")
	must(t, err)
	var votes []models.RoundVotes
	for i, n := range rec.Nominees {
		votes = append(votes, models.RoundVotes{SubjectID: n.SubjectID, Name: n.Name, For: 7 - i})
	}
	must(t, st.RecordMeeting(w, "2026-09", meetingOfNine(models.NewDate(2026, 10, 9), votes), ""))
	must(t, st.StartPublicity(w, "2026-09", models.NewDate(2026, 10, 9), "综合业务科 0474-8326000", ""))
	*now = time.Date(2026, 10, 16, 9, 0, 0, 0, models.CentreZone)
	must(t, st.DecideSelection(w, "2026-09", models.NewDate(2026, 10, 16)))
	text, _ := paper(t, st, w, "2026-09", Commendation, fixedPDF)
	wantText(t, "满意窗口决定", text, []string{"关于命名2026年9月“满意窗口”的决定", "于2026年10月9日至2026年10月14日公示，经公示无异议", "A01企业开办综合窗口"}, nil)
	if err := PrintSelectionPaper(st, w, "2026-09", Certificates, fixedPDF, &bytes.Buffer{}); err == nil {
		t.Fatal("certificates for windows")
	}
}

// movableDemo is the demo centre on a store whose clock can be moved
// (it stands on testNow).
func movableDemo(t *testing.T) (*models.Store, *time.Time) {
	t.Helper()
	now := testNow
	st, err := models.Open(t.TempDir(), models.WithClock(func() time.Time { return now }))
	must(t, err)
	t.Cleanup(func() { st.Close() })
	must(t, st.FillDemo())
	return st, &now
}

// selectDemo takes a selection of the demo centre through every step to
// its decision, moving the clock as the days pass and setting it back to
// testNow: the months closed and the shortlist drawn the day after the
// period, a meeting of 7 of 9 on the sixth day giving the first places 7
// votes each, a 公示 from the next day and the decision on the day after
// it ends. It returns the decision's and the 公示's dates as printed.
func selectDemo(t *testing.T, st *models.Store, now *time.Time, kind, period string) (decided, published string) {
	t.Helper()
	defer func() { *now = testNow }()
	rec, err := st.SelectionOf(kind, period)
	must(t, err)
	*now = models.CivilTime(rec.End.AddDays(1), 9, 0, 0)
	for _, m := range rec.OpenMonths() {
		must(t, st.CloseScoreMonth(m))
	}
	places := rec.Rules.StarAwards
	if kind == models.SelectWindow {
		places = rec.Rules.WindowAwards
	}
	must(t, st.Nominate(kind, period, places, ""))
	if rec, err = st.SelectionOf(kind, period); err != nil {
		t.Fatal(err)
	}
	var votes []models.RoundVotes
	for i, n := range rec.Nominees {
		yes := 0
		if i < places {
			yes = 7
		}
		votes = append(votes, models.RoundVotes{SubjectID: n.SubjectID, Name: n.Name, For: yes, Against: 7 - yes})
	}
	meeting := rec.End.AddDays(6)
	*now = models.CivilTime(meeting, 16, 0, 0)
	must(t, st.RecordMeeting(kind, period, meetingOfNine(meeting, votes), ""))
	must(t, st.StartPublicity(kind, period, meeting.AddDays(1), "综合业务科 0474-8326000", ""))
	if rec, err = st.SelectionOf(kind, period); err != nil {
		t.Fatal(err)
	}
	on := rec.Selection.PublicityTo.AddDays(1)
	*now = models.CivilTime(on, 9, 0, 0)
	must(t, st.DecideSelection(kind, period, on))
	return on.Chinese(), meeting.AddDays(1).Chinese()
}
