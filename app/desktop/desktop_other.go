//go:build !windows

package desktop

import (
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

func run(path string, a action) error {
	name, args := command(runtime.GOOS, path, a, lookPath)
	if name == "" {
		return explain(problemNoProgram, a, path, "")
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err == nil {
		return nil
	}
	detail := strings.TrimSpace(string(out))
	if detail == "" {
		detail = err.Error()
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) && name == "xdg-open" && exit.ExitCode() == 3 {
		return explain(problemNoProgram, a, path, detail) // xdg-open: no tool found
	}
	return explain(problemOther, a, path, detail)
}

func lookPath(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

// command is the program and arguments that act on path on the system
// goos, where have tells which programs are installed; no name means none
// can. Linux has no standard way to print through the viewer, so printing
// uses the print system's lp, which takes PDF directly.
func command(goos, path string, a action, have func(string) bool) (string, []string) {
	if goos == "darwin" {
		switch a {
		case actPrint:
			return "lpr", []string{path}
		case actReveal:
			return "open", []string{"-R", path}
		}
		return "open", []string{path}
	}
	switch a {
	case actPrint:
		if have("lp") {
			return "lp", []string{path}
		}
		return "", nil
	case actReveal:
		path = filepath.Dir(path)
	}
	if have("xdg-open") {
		return "xdg-open", []string{path}
	}
	return "", nil
}
