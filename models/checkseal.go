package models

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// The whole-file check an import asks for first (CheckBeforeImport) reads
// every page of the database: about a second on three years of a large
// centre, where the month's file itself takes a tenth of that. It is not
// repeated while nothing but GovDesk's own writes has touched the file
// since: the seal, a small file beside the database, holds the day of the
// last whole check and the size and time of change of the database and its
// WAL file as GovDesk last left them, and a write or a closing that finds
// the files as the seal says moves the seal on with them. Anything else
// that changes the files (another program, a copy put back by hand, a
// failing disk that changes a file's time) leaves the seal behind, and the
// next import checks the whole file again; so does the first import of each
// day, for damage that changes no file's time.
const sealFile = "govdesk.checked"

// wholeChecks counts the whole-file checks run, for the tests.
var wholeChecks atomic.Int64

// fileState is the size and time of change of the database and its WAL
// file, as one line of text.
func (s *Store) fileState() string {
	var b strings.Builder
	for _, suffix := range []string{"", "-wal"} {
		// a WAL file of no bytes holds nothing: each opening makes one
		if fi, err := os.Stat(s.path + suffix); err == nil && (suffix == "" || fi.Size() > 0) {
			fmt.Fprintf(&b, "%d %d ", fi.Size(), fi.ModTime().UnixNano())
		} else {
			b.WriteString("- - ")
		}
	}
	return strings.TrimSpace(b.String())
}

// seal reads the seal: the day of the last whole check and the files' state
// then or after GovDesk's last write; empty when there is none.
func (s *Store) seal() (day, state string) {
	data, err := os.ReadFile(filepath.Join(s.dir, sealFile))
	if err != nil {
		return "", ""
	}
	day, state, _ = strings.Cut(strings.TrimSpace(string(data)), "\n")
	return day, state
}

// setSeal writes the seal; without one, the next import checks the whole
// file, so a seal that cannot be written costs time, not safety.
func (s *Store) setSeal(day, state string) {
	os.WriteFile(filepath.Join(s.dir, sealFile), []byte(day+"\n"+state+"\n"), 0o644)
}

// dropSeal removes the seal: the next import checks the whole file.
func (s *Store) dropSeal() { os.Remove(filepath.Join(s.dir, sealFile)) }

// sealFollows is called with the files' state taken while GovDesk held them
// (before its own write or its closing) and moves the seal on to the state
// they are in now, if the seal was of that state; otherwise the seal stays
// behind.
func (s *Store) sealFollows(before string) {
	if s.OnServer() || before == "" {
		return
	}
	if day, state := s.seal(); state == before {
		s.setSeal(day, s.fileState())
	}
}

// ownedState is the files' state for sealFollows, or "" on a server.
func (s *Store) ownedState() string {
	if s.OnServer() {
		return ""
	}
	return s.fileState()
}
