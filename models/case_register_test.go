package models

import (
	"fmt"
	"testing"
)

// The case file export reads the whole register with its materials: over
// 32,766 cases, more than SQLite takes in one statement, each case still
// comes with its own materials, in order; a filtered, limited read gives
// those of its cases only.
func TestARegisterOfMoreCasesThanOneStatementTakesReadsWithItsMaterials(t *testing.T) {
	st := fill400(t)
	list, err := st.StaffList()
	if err != nil {
		t.Fatal(err)
	}
	const n = 33000
	rows := make([]CaseRow, n)
	for i := range rows {
		p := list[i%len(list)]
		rows[i] = CaseRow{No: fmt.Sprintf("R%06d", i), Matter: "企业设立登记", Kind: CaseInstant, Applicant: "王堃",
			WindowCode: p.Window.Code, EmployeeNo: p.EmployeeNo,
			ReceivedAt: CivilTime(NewDate(2024, 1, 2).AddDays(i/60), 9, i%60, 0),
			Materials: []CaseMaterial{{Name: fmt.Sprintf("申请书%d", i), Copies: 1, Form: MaterialOriginal},
				{Name: "身份证𠮷", Copies: 1, Form: MaterialCopy}}}
	}
	if _, err := st.ImportCases(rows); err != nil {
		t.Fatal(err)
	}
	check := func(f CaseFilter, want int) {
		t.Helper()
		got, err := st.Cases(f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		if len(got) != want {
			t.Fatalf("%+v: %d cases, want %d", f, len(got), want)
		}
		for _, c := range got {
			var i int
			fmt.Sscanf(c.No, "R%06d", &i)
			if len(c.Materials) != 2 || c.Materials[0].Name != fmt.Sprintf("申请书%d", i) || c.Materials[1].Name != "身份证𠮷" {
				t.Fatalf("%s has materials %+v", c.No, c.Materials)
			}
		}
	}
	check(CaseFilter{WithMaterials: true}, n)
	check(CaseFilter{WithMaterials: true, Limit: 100}, 100)
	check(CaseFilter{WithMaterials: true, StaffID: list[7].ID, Limit: 10}, 10)
}
