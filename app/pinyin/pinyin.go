// Package pinyin gives the readings of Chinese characters, for finding a
// person or a window by typing pinyin (王堃 as wk or wangkun). The table,
// table.txt, is made by gen.go from go-pinyin's (MIT licence,
// go-pinyin-LICENSE.txt) and read on first use, not when the program
// starts: most runs of GovDesk — a command, or a window where nobody
// searches — never need it, and go-pinyin builds its map of 41,000
// characters as the program starts.
package pinyin

//go:generate go run gen.go

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// table is a character and its readings a line: "王 wang,yu".
//
//go:embed table.txt
var table string

var (
	once     sync.Once
	readings map[rune][]string
)

// Readings gives the readings of r without tone marks, the commonest first
// ("wang", "yu" for 王), or nil when the table lacks r (𠮷).
func Readings(r rune) []string {
	once.Do(load)
	return readings[r]
}

func load() {
	readings = make(map[rune][]string, strings.Count(table, "\n"))
	for line := range strings.Lines(table) {
		char, list, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		r, _ := utf8.DecodeRuneInString(char)
		readings[r] = strings.Split(list, ",")
	}
}
