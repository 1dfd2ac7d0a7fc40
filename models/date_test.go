package models

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	want := NewDate(2026, 11, 3)
	for _, in := range []string{"2026-11-03", "2026/11/3", "2026年11月3日", "2026.11.3", "20261103", "2026-11-3", " 2026 年 11 月 3 日 ", "46329"} {
		got, err := ParseDate(in)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2026-02-30", "2026-13-01", "明天", "11/03/2026"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
}

func TestDateChineseIsNotPadded(t *testing.T) {
	if s := NewDate(2026, 1, 5).Chinese(); s != "2026年1月5日" {
		t.Fatalf("got %s", s)
	}
}

func TestParseDateTime(t *testing.T) {
	cases := []struct {
		name, in string
		want     time.Time
	}{
		{"到分", "2026-11-03 08:27", time.Date(2026, 11, 3, 8, 27, 0, 0, CentreZone)},
		{"到秒", "2026-11-03 08:27:41", time.Date(2026, 11, 3, 8, 27, 41, 0, CentreZone)},
		{"Excel 斜杠写法、一位小时", "2026/11/3 8:27", time.Date(2026, 11, 3, 8, 27, 0, 0, CentreZone)},
		{"中文日期紧接时间", "2026年11月3日8:27", time.Date(2026, 11, 3, 8, 27, 0, 0, CentreZone)},
		{"中文日期、全角冒号", "2026年11月3日 08：27", time.Date(2026, 11, 3, 8, 27, 0, 0, CentreZone)},
		{"ISO 写法", "2026-11-03T08:27:41", time.Date(2026, 11, 3, 8, 27, 41, 0, CentreZone)},
		{"只有日期为零点", "2026-11-03", time.Date(2026, 11, 3, 0, 0, 0, 0, CentreZone)},
		{"Excel 日期序号", "46329", time.Date(2026, 11, 3, 0, 0, 0, 0, CentreZone)},
		{"Excel 日期时间序号（08:27）", "46329.3520833333", time.Date(2026, 11, 3, 8, 27, 0, 0, CentreZone)},
		{"Excel 日期时间序号（17:30:15）", "46329.729340277778", time.Date(2026, 11, 3, 17, 30, 15, 0, CentreZone)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseDateTime(c.in)
			if err != nil || !got.Equal(c.want) {
				t.Fatalf("ParseDateTime(%q) = %v, %v; want %v", c.in, got, err, c.want)
			}
		})
	}
	bad := []struct{ in, msg string }{
		{"", "时间为空"},
		{"2026-11-03 25:00", "时间“2026-11-03 25:00”不存在，时刻应在 00:00 到 23:59 之间"},
		{"2026-02-30 08:00", "日期“2026-02-30”不存在"},
		{"上午八点", "无法识别的时间“上午八点”，请写成 2026-11-03 08:27 的形式"},
		{"明天 08:27", "无法识别的时间“明天 08:27”，请写成 2026-11-03 08:27 的形式"},
		{"08:27", "无法识别的时间“08:27”，请写成 2026-11-03 08:27 的形式"},
	}
	for _, c := range bad {
		if _, err := ParseDateTime(c.in); err == nil || err.Error() != c.msg {
			t.Errorf("ParseDateTime(%q) error %v, want %s", c.in, err, c.msg)
		}
	}
}

// The digit-by-digit reading of 2026-11-03 08:27:41 agrees with the general
// patterns on every such string, existing times or not (29 February, 24:00,
// the year 1899, letters in place of digits).
func TestCanonicalDateTimeReadsAsTheGeneralPatterns(t *testing.T) {
	var in []string
	for _, day := range []string{"2026-11-03", "2024-02-29", "2026-02-29", "2026-04-31", "1899-12-31", "2201-01-01", "2026-00-10", "2026-13-01", "2026-1a-03", "2026-11-00"} {
		for _, clock := range []string{"08:27", "08:27:41", "00:00:00", "23:59:59", "24:00", "08:60", "08:27:60", "8:27:41", "08:27:4x"} {
			in = append(in, day+" "+clock)
		}
	}
	for _, s := range in {
		fast, ok := canonicalDateTime(s)
		general, err := parseDateTimeForms(s)
		switch {
		case ok && (err != nil || !fast.Equal(general)):
			t.Errorf("%q: read as %v, the patterns say %v, %v", s, fast, general, err)
		case !ok && err == nil && (len(s) == 16 || len(s) == 19):
			t.Errorf("%q: not read, the patterns read %v", s, general)
		}
	}
	if _, ok := canonicalDateTime("2026-11-03 08:27:41"); !ok {
		t.Fatal("the canonical form itself is not read")
	}
}
