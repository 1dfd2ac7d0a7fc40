// Command govdesk is 政务窗口管理 (GovDesk): the desktop application for the
// management office of a government service centre. Without a sub-command it
// opens the window; sub-commands run without a display (see govdesk help).
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"govdesk/app"
	"govdesk/app/cli"
	_ "govdesk/app/cli/plainlocale" // before Fyne reads the locale: no noise under LANG=C.UTF-8
	"govdesk/models"
	"govdesk/reports"
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
	if os.Getenv("GOMEMLIMIT") == "" {
		// the collector works harder near the limit instead of letting the
		// heap grow to twice what is live: a command's memory is mostly one
		// file being imported, the window's its fonts and a screen's month
		debug.SetMemoryLimit(reports.ImportMemoryLimit)
	}
	if len(args) > 0 {
		os.Exit(cli.Run(dataDir, args, stdout, stderr, opts...))
	}
	os.Exit(runWindow(dataDir, stderr, opts))
}

// runWindow opens the window on the data folder, which it holds while the
// window is open. When that cannot be done the user is shown why and what
// to do, never just an exit.
func runWindow(dataDir string, stderr io.Writer, opts []models.Option) int {
	newApp := func() fyne.App { return fyneapp.NewWithID(cli.Metadata.ID) }
	fail := func(dir string, err error) int {
		fmt.Fprintln(stderr, err)
		app.ShowStartupProblem(err, dir, newApp)
		return cli.ExitRefused
	}
	var moved string
	if to, ok := cli.MoveTarget(dataDir); ok {
		if err := models.MoveDataDir(dataDir, to); err != nil {
			fmt.Fprintf(stderr, "未能把数据从 %s 迁移到 %s：%v\n", dataDir, to, err)
		} else {
			moved, dataDir = dataDir, to
		}
	}
	lock, err := models.LockDir(dataDir)
	if err != nil {
		return fail(dataDir, err)
	}
	defer lock.Unlock()
	// a command that has to wait for the window's writes names it
	opts = append(opts, models.WithWriterName("政务窗口管理窗口"))
	st, err := models.Open(dataDir, opts...)
	if err != nil {
		return fail(dataDir, err)
	}
	defer func() { st.Close() }()
	// a restore closes the store, replaces the file under the lock the
	// window holds, and opens it again, whether the backup was taken or not
	var mu sync.Mutex // held by a restore and by an automatic backup, which both use st
	restore := func(backup string) (string, app.Data, error) {
		mu.Lock()
		defer mu.Unlock()
		// the operator stays signed in over the restored data, and the
		// restore is recorded under the account
		o := opts
		if acc, ok := st.Account(); ok {
			o = append(append([]models.Option{}, opts...), models.SignedIn(acc))
		}
		st.Close()
		kept, err := lock.Restore(backup, o...)
		again, oerr := models.Open(dataDir, o...)
		if oerr != nil {
			return kept, nil, oerr
		}
		st = again
		return kept, app.NewData(st), err
	}
	a := newApp()
	app.Setup(a)
	w := app.NewMainWindow(a, app.NewData(st), app.WithRestore(restore))
	if moved != "" {
		app.ShowMoved(w, moved, dataDir)
	}
	told := false
	autoBackup := func(onlyIfDue bool) {
		mu.Lock()
		defer mu.Unlock()
		if onlyIfDue && !st.AutoBackupDue() {
			return
		}
		if _, err := st.AutoBackup(); err != nil {
			fmt.Fprintln(stderr, "自动备份失败：", err)
			if !told { // once: a USB drive left out fails every check
				told = true
				app.ShowAutoBackupProblem(w, err)
			}
		}
	}
	a.Lifecycle().SetOnStarted(func() {
		lock.Shown()
		// a backup at every start, then one a day (checked every few
		// minutes: the window may stay open for days)
		go func() {
			autoBackup(false)
			for range time.Tick(10 * time.Minute) {
				autoBackup(true)
			}
		}()
		go giveBackMemory(30 * time.Second)
	})
	w.ShowAndRun()
	return cli.ExitOK
}

// giveBackMemory returns the heap's free pages to the system every period.
// A screen's month allocates a hundred MB or more on its way and lets it go;
// the collector keeps the pages for the next time. Over three years of a
// 400-staff centre, the window held 338 MB after visiting every screen;
// half a minute later with the pages given back, 279 MB.
func giveBackMemory(period time.Duration) {
	for range time.Tick(period) {
		debug.FreeOSMemory()
	}
}
