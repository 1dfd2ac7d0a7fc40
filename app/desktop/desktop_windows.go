package desktop

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/sys/windows"
)

func run(path string, a action) error {
	verb, file, args := "open", path, ""
	switch a {
	case actPrint:
		verb = "print"
	case actReveal:
		// explorer parses "/select," itself and needs the path quoted
		// after the comma, not the whole argument.
		file, args = "explorer.exe", `/select,"`+path+`"`
	}
	return shellExecute(verb, file, args, path, a)
}

// shellExecute runs ShellExecuteW on a thread of its own with COM set up,
// as the shell asks of its callers (handlers may be COM objects).
func shellExecute(verb, file, args, path string, a action) error {
	done := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE); err == nil {
			defer windows.CoUninitialize()
		}
		v, _ := windows.UTF16PtrFromString(verb)
		f, err := windows.UTF16PtrFromString(file)
		if err != nil {
			done <- explain(problemOther, a, path, err.Error())
			return
		}
		var p *uint16
		if args != "" {
			p, _ = windows.UTF16PtrFromString(args)
		}
		err = windows.ShellExecute(0, v, f, p, nil, windows.SW_SHOWNORMAL)
		if err == nil {
			done <- nil
			return
		}
		done <- explain(problemOf(err, path), a, path, err.Error())
	}()
	return <-done
}

// problemOf sorts ShellExecuteW's error about path.
func problemOf(err error, path string) problem {
	var errno windows.Errno
	if !errors.As(err, &errno) {
		return problemOther
	}
	switch errno {
	case windows.ERROR_FILE_NOT_FOUND, windows.ERROR_PATH_NOT_FOUND:
		return problemNotFound
	case windows.ERROR_NO_ASSOCIATION, 1156 /* ERROR_DDE_FAIL */, 1157 /* ERROR_DLL_NOT_FOUND */ :
		return problemNoProgram
	case windows.ERROR_ACCESS_DENIED, windows.ERROR_SHARING_VIOLATION:
		return problemDenied
	case windows.ERROR_CANCELLED:
		return problemCancelled
	case windows.ERROR_BAD_EXE_FORMAT:
		// the shell tried to run a document no program claims as if it
		// were a program (Wine does this where Windows says no association)
		if !strings.EqualFold(filepath.Ext(path), ".exe") {
			return problemNoProgram
		}
	}
	return problemOther
}
