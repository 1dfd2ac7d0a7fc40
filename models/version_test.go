package models

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSavingAStaleCopyIsRefusedNamingWhoChangedItAndWhen(t *testing.T) {
	dir := t.TempDir()
	window, err := Open(dir, WithClock(FixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	window.SetOperator("窗口管理员")
	u, a, _ := seedRoster(t, window)
	p := Staff{EmployeeNo: "ZW001", Name: "王堃", Mobile: "13800138000", HomeUnitID: u.ID, WindowID: a.ID,
		Post: PostStaff, JoinedOn: NewDate(2024, 1, 2), Status: StatusOnDuty}
	if err := window.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}

	// the form opens on the person ...
	form, err := window.StaffByID(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	// ... while an import in another program changes the phone number
	other, err := Open(dir, WithClock(FixedClock(testNow.Add(10*time.Minute))))
	if err != nil {
		t.Fatal(err)
	}
	other.SetOperator("张三")
	changed, _ := other.StaffByID(p.ID)
	changed.Mobile = "13900139000"
	if err := other.SaveStaff(&changed); err != nil {
		t.Fatal(err)
	}
	other.Close()

	// saving the form untouched must not put the old number back
	err = window.SaveStaff(&form)
	var se *StaleError
	if !errors.As(err, &se) {
		t.Fatalf("saving the stale form gave %v, want a *StaleError", err)
	}
	// the current values show as a screen shows them: the number masked
	for _, want := range []string{"此记录已被张三于2026-11-26 09:10修改", "139****9000"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not say %q", err, want)
		}
	}
	if now, _ := window.StaffByID(p.ID); now.Mobile != "13900139000" {
		t.Errorf("the stale save put back %s", now.Mobile)
	}

	// a form opened afresh saves, and saves again while it stays open
	fresh, _ := window.StaffByID(p.ID)
	fresh.Name = "王堃堃"
	if err := window.SaveStaff(&fresh); err != nil {
		t.Fatalf("saving a fresh copy: %v", err)
	}
	fresh.Name = "王堃"
	if err := window.SaveStaff(&fresh); err != nil {
		t.Fatalf("saving the same form a second time: %v", err)
	}
}

func TestStaleCopiesOfWindowsAndConductRecordsAreRefused(t *testing.T) {
	st := openTemp(t)
	u, a, b := seedRoster(t, st)
	p := Staff{EmployeeNo: "ZW001", Name: "王堃", HomeUnitID: u.ID, WindowID: a.ID, Post: PostStaff, JoinedOn: NewDate(2024, 1, 2), Status: StatusOnDuty}
	if err := st.SaveStaff(&p); err != nil {
		t.Fatal(err)
	}
	v := Violation{StaffID: p.ID, On: NewDate(2026, 11, 20), Category: CategoryDiscipline, Circumstances: "上班时间玩手机"}
	if err := st.SaveViolation(&v); err != nil {
		t.Fatal(err)
	}
	c := Complaint{On: NewDate(2026, 11, 20), WindowID: b.ID, Content: "等候时间长", Status: ComplaintOpen}
	if err := st.SaveComplaint(&c); err != nil {
		t.Fatal(err)
	}
	m := Commendation{StaffID: p.ID, On: NewDate(2026, 11, 20), Kind: CommendLetter, Note: "耐心细致"}
	if err := st.SaveCommendation(&m); err != nil {
		t.Fatal(err)
	}
	r := Rating{On: NewDate(2026, 11, 20), WindowID: a.ID, Level: RatingPoor}
	if err := st.SaveRating(&r); err != nil {
		t.Fatal(err)
	}
	k := Case{No: "SQ-1", Matter: "企业设立登记", Kind: CaseInstant, Applicant: "集宁区鑫源商贸有限公司",
		WindowID: a.ID, StaffID: p.ID, ReceivedAt: at(2026, 11, 20, 9, 0)}
	if err := st.SaveCase(&k); err != nil {
		t.Fatal(err)
	}
	l := LeaveRequest{StaffID: p.ID, Type: "病假", From: NewDate(2026, 12, 1), To: NewDate(2026, 12, 1), Reason: "发烧"}
	if err := st.SaveLeave(&l); err != nil {
		t.Fatal(err)
	}
	for _, c2 := range []struct {
		name  string
		stale func() error // saves a copy read before the record's last change
	}{
		{"办件", func() error {
			old := k
			k.Applicant = "集宁区鑫源商贸有限责任公司"
			if err := st.SaveCase(&k); err != nil {
				return err
			}
			return st.SaveCase(&old)
		}},
		{"请假", func() error {
			old := l
			l.Reason = "发烧，需输液"
			if err := st.SaveLeave(&l); err != nil {
				return err
			}
			return st.SaveLeave(&old)
		}},
		{"窗口", func() error {
			old := a
			a.Name = "企业开办综合窗口（一）"
			if err := st.SaveServiceWindow(&a); err != nil {
				return err
			}
			return st.SaveServiceWindow(&old)
		}},
		{"违规", func() error {
			old := v
			v.Circumstances += "。"
			if err := st.SaveViolation(&v); err != nil {
				return err
			}
			return st.SaveViolation(&old)
		}},
		{"投诉", func() error {
			old := c
			c.Content += "。"
			if err := st.SaveComplaint(&c); err != nil {
				return err
			}
			return st.SaveComplaint(&old)
		}},
		{"表扬", func() error {
			old := m
			m.Note += "。"
			if err := st.SaveCommendation(&m); err != nil {
				return err
			}
			return st.SaveCommendation(&old)
		}},
		{"评价", func() error {
			old := r
			r.Comment = "态度生硬"
			if err := st.SaveRating(&r); err != nil {
				return err
			}
			return st.SaveRating(&old)
		}},
	} {
		t.Run(c2.name, func(t *testing.T) {
			var se *StaleError
			if err := c2.stale(); !errors.As(err, &se) {
				t.Errorf("saving a stale copy gave %v, want a *StaleError", err)
			}
		})
	}
}
