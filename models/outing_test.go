package models

import (
	"strings"
	"testing"
	"time"
)

// 确因工作需要提前回单位交换文件超过半小时以上的，应提前向综合业务科备案: an
// outing keeps when it was registered — the clock when saved, or the time
// on a paper register typed in later — and one registered after it began
// is 事后补登.
func TestOutingRegisteredInAdvanceOrAfterwards(t *testing.T) {
	nov25 := NewDate(2026, 11, 25)
	cases := []struct {
		name       string
		from       Date
		registered Date // zero: the store's clock (2026-11-26 09:00)
		hh, mm     int
		late       bool
		refused    string
	}{
		{"当天登记次日的外出：提前备案", NewDate(2026, 11, 27), Date{}, 0, 0, false, ""},
		{"补录纸质登记簿：外出前登记", nov25, nov25, 14, 50, false, ""},
		{"外出结束后才登记：事后补登", nov25, nov25, 17, 40, true, ""},
		{"未填登记时间、外出已过：按保存时间计事后补登", nov25, Date{}, 0, 0, true, ""},
		{"登记时间不能晚于现在", nov25, NewDate(2026, 11, 27), 9, 0, false, "不能晚于现在"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, p, _ := attendanceRoster(t)
			o := Outing{StaffID: p.ID, From: CivilTime(c.from, 15, 0, 0), To: CivilTime(c.from, 16, 30, 0), Reason: "回原单位交换文件"}
			if !c.registered.IsZero() {
				o.RegisteredAt = CivilTime(c.registered, c.hh, c.mm, 0)
			}
			err := st.SaveOuting(&o)
			if c.refused != "" {
				if fe, _ := AsFieldErrors(err); !strings.Contains(fe.For("登记时间"), c.refused) {
					t.Fatalf("saved: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			list, _ := st.Outings(AttendanceRecordFilter{StaffID: p.ID})
			if len(list) != 1 || list[0].Late() != c.late || list[0].RegisteredAt.IsZero() {
				t.Fatalf("stored %+v", list)
			}
			if c.late != strings.Contains(list[0].Registration(), OutingLateLabel) {
				t.Fatalf("registration %q", list[0].Registration())
			}
			// correcting the outing keeps its registration time
			was := list[0].RegisteredAt
			o.RegisteredAt, o.Reason = time.Time{}, "回原单位交换文件并盖章"
			if err := st.SaveOuting(&o); err != nil {
				t.Fatal(err)
			}
			list, _ = st.Outings(AttendanceRecordFilter{StaffID: p.ID})
			if !list[0].RegisteredAt.Equal(was) {
				t.Fatalf("registration moved from %v to %v", was, list[0].RegisteredAt)
			}
		})
	}
}
