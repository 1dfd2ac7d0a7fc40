package models

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckCodes = "10X98765432"

// IDCheckDigit computes the check character (0-9 or X) of the first 17 digits
// of a resident identity number, by ISO 7064 MOD 11-2 (GB 11643-1999).
func IDCheckDigit(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("need 17 digits")
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("not a digit")
		}
		sum += int(c-'0') * idWeights[i]
	}
	return idCheckCodes[sum%11], nil
}

// CheckIDNumber validates an 18-character resident identity number: digits,
// a real birth date, and the check character. The error is a Chinese sentence
// that says what to fix.
func CheckIDNumber(id string) error {
	id = strings.ToUpper(id)
	if len(id) != 18 {
		return fmt.Errorf("身份证号应为18位，现为%d位", len([]rune(id)))
	}
	want, err := IDCheckDigit(id[:17])
	if err != nil {
		return fmt.Errorf("身份证号前17位只能是数字")
	}
	if last := id[17]; last != want {
		if last != 'X' && (last < '0' || last > '9') {
			return fmt.Errorf("身份证号最后一位只能是数字或X")
		}
		return fmt.Errorf("身份证号校验码不正确，请核对号码（按前17位，最后一位应为%c）", want)
	}
	if _, err := time.Parse("20060102", id[6:14]); err != nil {
		return fmt.Errorf("身份证号中的出生日期%s不存在", id[6:14])
	}
	return nil
}

// IDGender gives 男 or 女 from the 17th digit of a valid identity number.
func IDGender(id string) string {
	if len(id) != 18 {
		return ""
	}
	if (id[16]-'0')%2 == 1 {
		return "男"
	}
	return "女"
}

// MaskIDNumber hides the middle of an identity number, as lists and printed
// notices show it: 110101********123X.
func MaskIDNumber(id string) string {
	r := []rune(id)
	if len(r) <= 10 {
		return id
	}
	return string(r[:6]) + strings.Repeat("*", len(r)-10) + string(r[len(r)-4:])
}

var mobilePattern = regexp.MustCompile(`^1\d{10}$`)

// CheckMobile validates an 11-digit mainland mobile number.
func CheckMobile(m string) error {
	if !mobilePattern.MatchString(m) {
		return fmt.Errorf("手机号应为以1开头的11位数字")
	}
	return nil
}

// creditCodeChars are the characters a 统一社会信用代码 may hold, in the order
// of their values (GB 32100-2015: digits and capitals without I, O, Z, S, V).
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCodeCheckChar computes the check character of the first 17
// characters of a unified social credit code, by GB 32100-2015 (MOD 31).
func CreditCodeCheckChar(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("need 17 characters")
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditCodeChars, first17[i])
		if v < 0 {
			return 0, fmt.Errorf("invalid character %q", first17[i])
		}
		sum += v * creditWeights[i]
	}
	return creditCodeChars[(31-sum%31)%31], nil
}

// CheckCreditCode validates an 18-character 统一社会信用代码 of an organisation:
// the character set and the check character. The error is a Chinese sentence
// that says what to fix.
func CheckCreditCode(code string) error {
	code = strings.ToUpper(code)
	r := []rune(code)
	if len(r) != 18 {
		return fmt.Errorf("统一社会信用代码应为18位，现为%d位", len(r))
	}
	for i, c := range r {
		if c >= 0x80 || strings.IndexByte(creditCodeChars, byte(c)) < 0 {
			return fmt.Errorf("统一社会信用代码只能由数字和大写字母组成（不含 I、O、Z、S、V），第%d位“%c”不对", i+1, c)
		}
	}
	want, _ := CreditCodeCheckChar(code[:17])
	if code[17] != want {
		return fmt.Errorf("统一社会信用代码校验码不正确，请核对代码（按前17位，最后一位应为%c）", want)
	}
	return nil
}
