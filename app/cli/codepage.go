package cli

import (
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// codePages are the Windows console code pages whose text the program
// converts to: cmd.exe, findstr, more and a file opened in Notepad read
// redirected output in the console's code page, which on a Chinese PC is
// 936. GB18030 writes every character of GBK (936) with the same bytes and
// also has the rare ones (𠮷), which GBK would lose.
var codePages = map[uint32]encoding.Encoding{
	936:   simplifiedchinese.GB18030,
	54936: simplifiedchinese.GB18030,
	950:   traditionalchinese.Big5,
	932:   japanese.ShiftJIS,
	949:   korean.EUCKR,
	437:   charmap.CodePage437,
	850:   charmap.CodePage850,
	866:   charmap.CodePage866,
	1250:  charmap.Windows1250,
	1251:  charmap.Windows1251,
	1252:  charmap.Windows1252,
}

// inCodePage returns a writer that turns the program's UTF-8 text into code
// page cp before it reaches w; for UTF-8 (65001) and code pages it does not
// know, w itself. A character the code page lacks becomes a replacement
// character rather than stopping the output.
func inCodePage(w io.Writer, cp uint32) io.Writer {
	enc, ok := codePages[cp]
	if !ok {
		return w
	}
	return &encodingWriter{w: w, enc: encoding.ReplaceUnsupported(enc.NewEncoder())}
}

// encodingWriter converts each write; a character split across two writes
// is held until its end arrives.
type encodingWriter struct {
	w    io.Writer
	enc  *encoding.Encoder
	tail []byte
}

func (e *encodingWriter) Write(p []byte) (int, error) {
	buf := append(e.tail, p...)
	cut := len(buf)
	// hold back an incomplete character at the end (at most 3 bytes)
	for i := len(buf) - 1; i >= 0 && i >= len(buf)-utf8.UTFMax; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				cut = i
			}
			break
		}
	}
	e.tail = append([]byte(nil), buf[cut:]...)
	out, err := e.enc.Bytes(buf[:cut])
	if err != nil {
		return 0, err
	}
	if _, err := e.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
