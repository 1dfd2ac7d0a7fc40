package models

import (
	"fmt"
	"testing"
)

// A 400-staff centre. The two benchmarks side by side show what the store
// adds to just reading the rows from SQLite: preloading units and windows
// and scanning into entities.
func fill400(b *testing.B) *Store {
	b.Helper()
	st := openTemp(b)
	rows := make([]WindowRow, 40)
	for i := range rows {
		rows[i] = WindowRow{Code: fmt.Sprintf("W%02d", i), Name: "综合窗口", HomeUnit: fmt.Sprintf("单位%d", i%12)}
	}
	if _, err := st.ImportWindows(rows); err != nil {
		b.Fatal(err)
	}
	staff := make([]StaffRow, 400)
	for i := range staff {
		staff[i] = StaffRow{Staff: Staff{EmployeeNo: fmt.Sprintf("ZW%04d", i), Name: "王堃", Post: PostStaff,
			JoinedOn: NewDate(2024, 1, 2), Mobile: "13800138000"}, HomeUnitName: fmt.Sprintf("单位%d", i%12), WindowCode: fmt.Sprintf("W%02d", i%40)}
	}
	if _, err := st.ImportStaff(staff); err != nil {
		b.Fatal(err)
	}
	return st
}

func BenchmarkStaffList400(b *testing.B) {
	st := fill400(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		list, err := st.StaffList()
		if err != nil || len(list) != 400 {
			b.Fatal(err, len(list))
		}
	}
}

func BenchmarkRawStaffRows400(b *testing.B) {
	st := fill400(b)
	sqlDB, _ := st.db.DB()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := sqlDB.Query("SELECT s.employee_no, s.name, s.id_number, s.mobile, s.post, s.joined_on, s.status, w.code, w.name, u.name FROM staff s JOIN service_windows w ON w.id = s.window_id JOIN home_units u ON u.id = s.home_unit_id")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var a, c, d, e, f, g, h, j, k, l any
			rows.Scan(&a, &c, &d, &e, &f, &g, &h, &j, &k, &l)
			n++
		}
		rows.Close()
		if n != 400 {
			b.Fatal(n)
		}
	}
}

func BenchmarkImportStaff400Unchanged(b *testing.B) {
	st := fill400(b)
	staff := make([]StaffRow, 400)
	list, _ := st.StaffList()
	for i, p := range list {
		staff[i] = StaffRow{Staff: p, HomeUnitName: p.HomeUnit.Name, WindowCode: p.Window.Code}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		stats, err := st.ImportStaff(staff)
		if err != nil || stats.Unchanged != 400 {
			b.Fatal(err, stats)
		}
	}
}
