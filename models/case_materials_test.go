package models

import (
	"strings"
	"testing"
)

// The 材料 cell of the case file.
func TestParseMaterials(t *testing.T) {
	for _, tc := range []struct {
		name, cell, want string // want: Describe of each, "|"-joined; or the problem
	}{
		{"名称", "营业执照", "营业执照 1份原件"},
		{"形式", "营业执照(复印件)", "营业执照 1份复印件"},
		{"形式和份数", "法定代表人身份证(复印件×2)", "法定代表人身份证 2份复印件"},
		{"全角括号和份", "申请书（原件，2份，3页）", "申请书 2份原件（3页）"},
		{"多项及全角分号", "营业执照(原件)；身份证(复印件x2);  ;场所照片", "营业执照 1份原件|身份证 2份复印件|场所照片 1份原件"},
		{"名称中的括号", "法定代表人（负责人）身份证明(复印件)", "法定代表人（负责人）身份证明 1份复印件"},
		{"括号不是说明", "身份证明（负责人）", "身份证明（负责人） 1份原件"},
		{"换行分隔", "营业执照\n身份证", "营业执照 1份原件|身份证 1份原件"},
		{"缺少名称", "(复印件)", "缺少材料名称"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms, probs := ParseMaterials(tc.cell)
			got := make([]string, len(ms))
			for i, m := range ms {
				got[i] = m.Describe()
			}
			s := strings.Join(append(got, probs...), "|")
			if !strings.Contains(s, tc.want) {
				t.Fatalf("%q → %q, want %q", tc.cell, s, tc.want)
			}
			if len(probs) == 0 {
				again, _ := ParseMaterials(FormatMaterials(ms))
				if FormatMaterials(again) != FormatMaterials(ms) {
					t.Fatalf("round trip %q → %q", FormatMaterials(ms), FormatMaterials(again))
				}
			}
		})
	}
}
