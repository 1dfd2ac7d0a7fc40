package models

import "testing"

func TestCheckIDNumber(t *testing.T) {
	cases := []struct {
		name, id string
		ok       bool
	}{
		{"国家标准示例号码（校验码X）", "11010519491231002X", true},
		{"校验码为数字", "440524188001010014", true},
		{"小写x视同X", "11010519491231002x", true},
		{"校验码错误", "110105194912310021", false},
		{"只有17位", "11010519491231002", false},
		{"19位", "11010519491231002X1", false},
		{"前17位含字母", "1101051949123100AX", false},
		{"出生日期不存在（2月30日）", validID(t, "11010519490230002"), false},
		{"末位为其他字母", "11010519491231002Y", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckIDNumber(c.id)
			if (err == nil) != c.ok {
				t.Fatalf("CheckIDNumber(%q) = %v, want ok=%v", c.id, err, c.ok)
			}
		})
	}
}

func TestCheckIDNumberSaysTheRightCheckDigit(t *testing.T) {
	err := CheckIDNumber("110105194912310021")
	if err == nil || err.Error() != "身份证号校验码不正确，请核对号码（按前17位，最后一位应为X）" {
		t.Fatalf("got %v", err)
	}
}

func TestMaskIDNumber(t *testing.T) {
	if got := MaskIDNumber("11010519491231002X"); got != "110105********002X" {
		t.Fatalf("got %q", got)
	}
	if got := MaskIDNumber(""); got != "" {
		t.Fatalf("empty: got %q", got)
	}
}

func TestIDGender(t *testing.T) {
	if g := IDGender("11010519491231002X"); g != "女" {
		t.Fatalf("17th digit 2 is female, got %s", g)
	}
	if g := IDGender("440524188001010014"); g != "男" {
		t.Fatalf("17th digit 1 is male, got %s", g)
	}
}

func TestCheckMobile(t *testing.T) {
	for m, ok := range map[string]bool{"13800138000": true, "1380013800": false, "23800138000": false, "1380013800a": false} {
		if (CheckMobile(m) == nil) != ok {
			t.Errorf("CheckMobile(%q) ok=%v", m, !ok)
		}
	}
}
