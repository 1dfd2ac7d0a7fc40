// Package plainlocale spells the POSIX locale the way Fyne's language lookup
// understands it, before that lookup runs.
//
// Debian and Ubuntu set LANG=C.UTF-8 in containers, services and fresh
// installs. Fyne parses the user's locale while its lang package is
// initialised, reads "C.UTF-8" as the language tag "C", and logs "Error
// parsing user locale C" on every start, sub-commands included, although
// nothing is wrong. "C.UTF-8" and "C" name the same untranslated locale, so
// this package rewrites the first of LC_ALL, LC_MESSAGES and LANG that is set
// to plain "C" when it names the C or POSIX locale with an encoding. The
// program's own texts are Chinese whatever the locale.
//
// It must run before fyne.io/fyne/v2/lang is initialised: Go initialises
// packages in import-path order among those whose imports are ready, this
// package imports only os, and Fyne's lang package needs text/template,
// which needs os and sorts after every govdesk package, so this package's
// init always runs first. main imports it for that effect alone.
package plainlocale

import "os"

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if plain(v) {
			os.Setenv(name, "C")
		}
		return
	}
}

// plain reports whether v names the C or POSIX locale with an encoding or
// modifier, such as C.UTF-8, C.utf8 or POSIX.UTF-8.
func plain(v string) bool {
	for _, base := range []string{"C", "POSIX"} {
		if len(v) > len(base) && v[:len(base)] == base && (v[len(base)] == '.' || v[len(base)] == '@') {
			return true
		}
	}
	return false
}
