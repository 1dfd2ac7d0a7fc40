package models

import (
	"strings"
	"testing"
)

func TestTooLongTextIsRefusedNamingTheLimit(t *testing.T) {
	st := openTemp(t)
	u, a, _ := seedRoster(t, st)
	for _, c := range []struct {
		name, field, want string
		save              func() error
	}{
		{"窗口名称过长", "窗口名称", "最多 64 个字，现有 65 个字", func() error {
			return st.SaveServiceWindow(&ServiceWindow{Code: "Z01", Name: strings.Repeat("窗", 65), HomeUnitID: u.ID})
		}},
		{"区域过长", "区域", "最多 32 个字", func() error {
			return st.SaveServiceWindow(&ServiceWindow{Code: "Z02", Name: "综合窗口", Area: strings.Repeat("楼", 33), HomeUnitID: u.ID})
		}},
		{"评价内容过长", "评价内容", "不能超过500个字", func() error {
			return st.SaveRating(&Rating{On: NewDate(2026, 11, 20), WindowID: a.ID, Level: RatingGood, Comment: strings.Repeat("好", 501)})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fe, ok := AsFieldErrors(c.save())
			if !ok || !strings.Contains(fe.For(c.field), c.want) {
				t.Errorf("got %v, want %s refused with %q", fe, c.field, c.want)
			}
		})
	}
}
