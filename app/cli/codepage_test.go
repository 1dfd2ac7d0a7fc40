package cli

import (
	"bytes"
	"fmt"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Redirected output on a Chinese PC (code page 936) reads back as the same
// text in GBK, rare characters included (GB18030 has them).
func TestRedirectedOutputInConsoleCodePage936(t *testing.T) {
	var b bytes.Buffer
	w := inCodePage(&b, 936)
	msg := "数据库完好（数据版本 12）：C:\\Users\\王堃\\AppData\\Local\\GovDesk\\govdesk.db 𠮷\n"
	// a character split across writes is not broken
	raw := []byte(msg)
	for i := 0; i < len(raw); i += 5 {
		end := min(i+5, len(raw))
		if n, err := w.Write(raw[i:end]); err != nil || n != end-i {
			t.Fatalf("write: %d %v", n, err)
		}
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("数据库完好（数据版本 12）")
	if !bytes.HasPrefix(b.Bytes(), []byte(gbk)) {
		t.Fatalf("not GBK: % x", b.Bytes()[:20])
	}
	back, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b.Bytes())
	if err != nil || string(back) != msg {
		t.Fatalf("read back %q (%v)", back, err)
	}
}

func TestUTF8ConsoleAndUnknownCodePagesPassThrough(t *testing.T) {
	var b bytes.Buffer
	for _, cp := range []uint32{65001, 0, 12345} {
		if w := inCodePage(&b, cp); w != &b {
			t.Errorf("code page %d wraps the output", cp)
		}
	}
}

func TestCharacterMissingFromCodePageIsReplaced(t *testing.T) {
	var b bytes.Buffer
	fmt.Fprint(inCodePage(&b, 1252), "Größe 数据")
	if got := b.String(); got != "Gr\xf6\xdfe \x1a\x1a" {
		t.Fatalf("%q", got)
	}
}
