//go:build ignore

// gen writes table.txt, the readings of every character go-pinyin knows, in
// its Normal style (no tone marks) with every reading (heteronyms), one
// character a line, in code point order:
//
//	go run gen.go
package main

import (
	"bufio"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/mozillazg/go-pinyin"
)

func main() {
	a := pinyin.NewArgs()
	a.Heteronym = true
	var runes []int
	for r := range pinyin.PinyinDict {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	f, err := os.Create("table.txt")
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, r := range runes {
		readings := pinyin.SinglePinyin(rune(r), a)
		if len(readings) == 0 {
			continue
		}
		w.WriteString(string(rune(r)) + " " + strings.Join(readings, ",") + "\n")
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
