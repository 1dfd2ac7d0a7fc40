package main

import (
	_ "embed"

	"fyne.io/fyne/v2"

	"govdesk/app/cli"
)

// fyneAppTOML is FyneApp.toml, built into the program so that the version
// it states is the one the program shows: the file is the only place a
// release changes the version (the Windows resources and the installer
// read it too).
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

// metadata is what FyneApp.toml says of this build.
func metadata() fyne.AppMetadata {
	m, err := cli.ParseMetadata(fyneAppTOML)
	if err != nil {
		panic(err) // the tests read the same file: a bad one never ships
	}
	return m
}
