// Command govdesk is 政务窗口管理 (GovDesk): the desktop application for the
// management office of a government service centre. Without a sub-command it
// opens the window; sub-commands run without a display (see govdesk help).
package main

import (
	"fmt"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"govdesk/app"
	"govdesk/app/cli"
	_ "govdesk/app/cli/plainlocale" // before Fyne reads the locale: no noise under LANG=C.UTF-8
	"govdesk/models"
)

func main() {
	if len(os.Args) > 1 {
		cli.AttachConsole()
	}
	cli.Metadata = metadata()
	fyneapp.SetMetadata(cli.Metadata)
	stdout, stderr := cli.Output()
	dataDir, args, code := cli.ParseGlobal(os.Args[1:], stderr)
	if code >= 0 {
		os.Exit(code)
	}
	opts, err := cli.StoreOptions()
	if err != nil {
		fmt.Fprintln(stderr, err)
		os.Exit(cli.ExitUsage)
	}
	if len(args) > 0 {
		os.Exit(cli.Run(dataDir, args, stdout, stderr, opts...))
	}
	st, err := models.Open(dataDir, opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(cli.ExitRefused)
	}
	defer st.Close()
	a := fyneapp.NewWithID("cn.gov.govdesk")
	app.Setup(a)
	app.NewMainWindow(a, app.NewData(st)).ShowAndRun()
}
