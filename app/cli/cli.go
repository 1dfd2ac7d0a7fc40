// Package cli is GovDesk's command line: the sub-commands that run without a
// display (demo, import, export, backup, restore, check). It only parses
// arguments and prints results; the work is done by models and reports, the
// same code the desktop screens call.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"govdesk/models"
	"govdesk/reports"
)

// Exit statuses.
const (
	ExitOK       = 0
	ExitRefused  = 1 // the data was refused
	ExitUsage    = 2 // the command line is wrong, or the account may not
	envDataDir   = "GOVDESK_DATA"
	envDatabase  = "GOVDESK_DB"
	envPassword  = "GOVDESK_PASSWORD"
	usageSummary = `用法：
  govdesk [--data 目录] [--db 服务器]             打开桌面程序
  govdesk [--data 目录] demo [--scale large]     在空数据库中填入演示中心；--scale large 为大型中心：
                                               40 个窗口、400 名人员、三年的打卡、办件、评价和请假
  govdesk [--data 目录] import 种类 文件          种类：%s
  govdesk [--data 目录] import punches 文件 [--format 格式] [--map 对照表.csv] [--device 考勤机]
                                               [--columns 列对照] [--dry-run]
                                               考勤机导出的文件自动识别格式：%s；
                                               --map 对照表的列为 考勤号码、工号，导入后记住；--dry-run 只预览不写入；
                                               --columns 其他格式的列对照，如 "表头行=1;人员=编号;日期时间=时间;名称=门禁"，
                                               或已保存的列对照名称
  govdesk [--data 目录] export 种类 --out 文件 [--month 2026-11 | --quarter 2026Q4] [--new-issue] [--personal]
                                               staff 与 cases 的身份证号、手机号默认打码；--personal 导出完整号码（记入操作日志）
                                               种类：%s（.xlsx 或 .csv；attendance 与 scores-month 也可导出 .pdf 通报，
                                               再次导出沿用原文号，--new-issue 重新出具：新文号，原通报作废）
  govdesk [--data 目录] notice 文书 --case 办件编号 --out 文件.pdf [--field 名称=内容 ...]
                                               [--new-issue] [--override 理由] [--preview]
                                               文书：%s
                                               已印制过的文书再次印制为重印（同一文号）；--new-issue 重新出具
                                               （新文号，原文书作废）；--override 填写逾期出具一次性告知书的理由；
                                               --preview 只预览，不编号、不登记
  govdesk [--data 目录] backup --out 文件 | backup --auto
                                               --auto：自动备份到备份文件夹并按保留规则清理旧备份（供计划任务使用）
  govdesk [--data 目录] office [--field 名称=内容 ...]
                                               显示或填写中心信息（印在文书上），如 --field 中心名称=某某市政务服务中心
                                               --field 文号前缀=某政服；名称：%s
  govdesk [--data 目录] restore 文件
  govdesk [--data 目录] check                    检查数据库完整性
  govdesk migrate --from 来源 --to 目标          在 SQLite 数据库文件与 PostgreSQL 服务器之间迁移全部数据
                                               （来源、目标为 .db 文件或 postgres://用户:密码@服务器/数据库；目标须为空）
  govdesk version                              显示版本
数据目录也可用环境变量 GOVDESK_DATA 指定；默认：%s
多台电脑共用一个中心：--db postgres://用户:密码@服务器/数据库（或环境变量 GOVDESK_DB）让记录存放在
PostgreSQL 服务器上，数据目录只存放本机的备份与文书。
设有操作员账号的数据库，命令须用 --user 账号名 登录（放在命令前后均可）；密码取自环境变量
GOVDESK_PASSWORD，没有时提示输入。账号角色不允许的命令被拒绝（退出状态 2）。
`
)

// ParseGlobal reads the global flags before the sub-command. It returns the
// data folder and the remaining arguments; code is -1 to go on, or the exit
// status when the arguments were wrong or only help was asked for.
func ParseGlobal(args []string, stderr io.Writer) (dataDir string, rest []string, code int) {
	fs := flag.NewFlagSet("govdesk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&dataDir, "data", "", "数据目录")
	db := fs.String("db", "", "PostgreSQL 服务器")
	user := fs.String("user", "", "操作员账号")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			Usage(stderr)
			return "", nil, ExitOK
		}
		fmt.Fprintf(stderr, "参数错误：%v\n", err)
		Usage(stderr)
		return "", nil, ExitUsage
	}
	if *db != "" {
		if !models.IsServerDSN(*db) {
			fmt.Fprintf(stderr, "参数错误：--db 应为 postgres://用户:密码@服务器/数据库，而不是“%s”\n", *db)
			return "", nil, ExitUsage
		}
		// the flag stands for the variable, which StoreOptions reads
		os.Setenv(envDatabase, *db)
	}
	if dataDir == "" {
		dataDir = os.Getenv(envDataDir)
	}
	if dataDir == "" {
		dataDir = DefaultDataDir()
	}
	rest = fs.Args()
	if *user != "" && len(rest) > 0 {
		// the sub-command takes it: its place on the line does not matter
		rest = append(rest, "--user", *user)
	}
	return dataDir, rest, -1
}

// Usage prints the command summary.
func Usage(w io.Writer) {
	var kinds []string
	for _, k := range models.NoticeKinds {
		kinds = append(kinds, k.Name+"("+k.Aliases[0]+")")
	}
	var formats []string
	for _, f := range reports.PunchFormats() {
		formats = append(formats, f.Name)
	}
	fmt.Fprintf(w, usageSummary, strings.Join(reports.ImportKinds(), " "), strings.Join(formats, " "),
		strings.Join(reports.ExportKinds(), " "), strings.Join(kinds, " "), strings.Join(models.OfficeLabels(), " "), DefaultDataDir())
}

// envClock names the environment variable that sets the date and time the
// program takes as now ("2027-01-04 09:00"), for trying GovDesk on another
// day; without it the PC's clock is used.
const envClock = "GOVDESK_CLOCK"

// StoreOptions are the options every store the program opens is opened
// with: the clock, fixed when GOVDESK_CLOCK is set, and the PostgreSQL
// server of GOVDESK_DB (or --db) when one is given.
func StoreOptions() ([]models.Option, error) {
	var opts []models.Option
	if db := strings.TrimSpace(os.Getenv(envDatabase)); db != "" {
		if !models.IsServerDSN(db) {
			return nil, fmt.Errorf("环境变量 %s 应为 postgres://用户:密码@服务器/数据库，而不是“%s”", envDatabase, db)
		}
		opts = append(opts, models.WithDatabase(db))
	}
	v := strings.TrimSpace(os.Getenv(envClock))
	if v == "" {
		return opts, nil
	}
	t, err := models.ParseDateTime(v)
	if err != nil {
		return nil, fmt.Errorf("环境变量 %s 的值“%s”不是日期时间，应写成 2027-01-04 09:00 的形式", envClock, v)
	}
	return append(opts, models.WithClock(models.FixedClock(t))), nil
}

// Run executes one sub-command against the data folder and returns the exit
// status. The store is opened with opts (see StoreOptions).
func Run(dataDir string, args []string, stdout, stderr io.Writer, opts ...models.Option) int {
	if len(args) == 0 {
		Usage(stderr)
		return ExitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, format+"\n", a...)
		Usage(stderr)
		return ExitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "--help":
		Usage(stdout)
		return ExitOK
	case "version":
		fmt.Fprintln(stdout, VersionText(Metadata))
		return ExitOK
	case "restore":
		rfs := flag.NewFlagSet(cmd, flag.ContinueOnError)
		rfs.SetOutput(io.Discard)
		user := rfs.String("user", "", "操作员账号")
		if err := rfs.Parse(interleave(rest)); err != nil {
			return usage("参数错误：%v", err)
		}
		if rfs.NArg() != 1 {
			return usage("restore 需要一个备份文件")
		}
		// a database that does not open (or is not there yet) is what a
		// restore is for: nobody can sign in to it, and whoever can replace
		// the file can restore
		if acc, code := signInToRestore(dataDir, *user, stderr, opts); code >= 0 {
			return code
		} else if acc != nil {
			opts = append(opts, models.SignedIn(*acc))
		}
		kept, err := models.Restore(dataDir, rfs.Arg(0), opts...)
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintf(stdout, "已从 %s 恢复数据库。\n", rfs.Arg(0))
		if kept != "" {
			fmt.Fprintf(stdout, "恢复前的数据库已保存为 %s\n", kept)
		}
		return ExitOK
	case "migrate":
		return migrate(rest, stdout, stderr, usage, opts)
	case "demo", "import", "export", "backup", "check", "notice", "office":
	default:
		return usage("未知的命令“%s”", cmd)
	}

	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	out := fs.String("out", "", "输出文件")
	month := fs.String("month", "", "月份，如 2026-11")
	quarter := fs.String("quarter", "", "季度，如 2026Q4")
	newIssue := fs.Bool("new-issue", false, "重新出具：新文号，原文书作废")
	preview := fs.Bool("preview", false, "只预览，不编号")
	override := fs.String("override", "", "逾期出具的理由")
	auto := fs.Bool("auto", false, "自动备份")
	user := fs.String("user", "", "操作员账号")
	personal := fs.Bool("personal", false, "导出完整身份证号、手机号")
	format := fs.String("format", "", "考勤文件格式")
	mapFile := fs.String("map", "", "考勤号码对照表")
	device := fs.String("device", "", "考勤机名称")
	columns := fs.String("columns", "", "列对照")
	dryRun := fs.Bool("dry-run", false, "只预览，不写入")
	scale := fs.String("scale", "", "演示中心的规模")
	var cases, fields listFlag
	fs.Var(&cases, "case", "办件编号（可重复）")
	fs.Var(&fields, "field", "名称=内容（可重复）")
	if err := fs.Parse(interleave(rest)); err != nil {
		return usage("参数错误：%v", err)
	}
	pos := fs.Args()
	switch {
	case cmd == "import" && len(pos) != 2:
		return usage("import 需要种类和文件，例如：govdesk import staff 人员.xlsx")
	case (*format != "" || *mapFile != "" || *device != "" || *columns != "" || *dryRun) && (cmd != "import" || pos[0] != "punches"):
		return usage("--format、--map、--device、--columns、--dry-run 只用于 import punches")
	case cmd == "export" && (len(pos) != 1 || *out == ""):
		return usage("export 需要种类和 --out 文件，例如：govdesk export staff --out 人员.xlsx")
	case cmd == "notice" && (len(pos) != 1 || *out == "" || len(cases) == 0):
		return usage("notice 需要文书种类、--case 办件编号和 --out 文件，例如：govdesk notice 受理通知书 --case SL2026001 --out 受理通知书.pdf")
	case cmd == "backup" && (len(pos) != 0 || (*out == "") == !*auto):
		return usage("backup 需要 --out 文件，或 --auto")
	case *scale != "" && (cmd != "demo" || *scale != "large"):
		return usage("--scale 只用于 demo，且只能是 large：govdesk demo --scale large")
	case (cmd == "demo" || cmd == "check" || cmd == "office") && len(pos) != 0:
		return usage("%s 不需要其他参数", cmd)
	}

	// A command waits for another program writing to the database (the
	// window saving, another import) and says so every few seconds, rather
	// than failing at once; the other program's message names this one.
	opts = append(opts, models.WithWriterName(writerName(cmd, pos)),
		models.WithWaiting(commandWait, func(holder string, waited time.Duration) {
			fmt.Fprintf(stderr, "数据库正由%s写入，已等待 %d 秒，继续等待……\n", holder, int(waited.Seconds()))
		}))
	st, err := models.Open(dataDir, opts...)
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	kind := ""
	if len(pos) > 0 {
		kind = pos[0]
	}
	if _, code := signIn(st, *user, cmd, kind, stderr); code >= 0 {
		return code
	}

	switch cmd {
	case "demo":
		if *scale == "large" {
			return fillLargeDemo(st, stdout, stderr)
		}
		if err := st.FillDemo(); err != nil {
			return fail(stderr, err)
		}
		ws, err := st.ServiceWindows()
		if err != nil {
			return fail(stderr, err)
		}
		staff, err := st.StaffList()
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintf(stdout, "已填入演示数据：%d 个窗口，%d 名人员。\n", len(ws), len(staff))
	case "import":
		if pos[0] == "punches" {
			return importPunches(st, pos[1], reports.PunchFileOptions{Format: *format, MapFile: *mapFile, Device: *device,
				Columns: *columns, DryRun: *dryRun}, stdout, stderr)
		}
		stats, err := reports.Import(st, pos[0], pos[1], nil)
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintf(stdout, "导入完成：%s。\n", stats)
	case "export":
		n, err := reports.Export(st, pos[0], *out, reports.ExportOptions{Month: *month, Quarter: *quarter, NewIssue: *newIssue, Personal: *personal})
		if err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintf(stdout, "已导出 %d 行到 %s。\n", n, *out)
	case "notice":
		inputs := map[string]string{}
		for _, f := range fields {
			k, v, ok := strings.Cut(f, "=")
			if !ok {
				return usage("--field 应写成 名称=内容，例如 --field 不予受理理由=该事项依法不需要取得行政许可")
			}
			inputs[strings.TrimSpace(k)] = strings.ReplaceAll(v, `\n`, "\n")
		}
		reqs := make([]reports.NoticeRequest, len(cases))
		for i, c := range cases {
			reqs[i] = reports.NoticeRequest{Kind: pos[0], CaseNo: c, Inputs: inputs, NewIssue: *newIssue, Override: *override}
		}
		issued, err := reports.PrintNoticesFile(st, reqs, reports.PrintOptions{Preview: *preview}, *out, nil)
		if err != nil {
			return fail(stderr, err)
		}
		for _, n := range issued {
			switch {
			case *preview:
				fmt.Fprintf(stdout, "已预览 %s（办件 %s），未编号、未登记\n", n.Kind, n.CaseNo)
			case n.Reprinted:
				fmt.Fprintf(stdout, "已重印 %s %s（办件 %s，沿用原文号）\n", n.Kind, n.DocNo, n.CaseNo)
			default:
				fmt.Fprintf(stdout, "已印制 %s %s（办件 %s）\n", n.Kind, n.DocNo, n.CaseNo)
			}
		}
		fmt.Fprintf(stdout, "已保存到 %s\n", *out)
	case "backup":
		if *auto {
			path, err := st.AutoBackup()
			if err != nil {
				return fail(stderr, err)
			}
			fmt.Fprintf(stdout, "已备份到 %s。\n", path)
			break
		}
		if err := st.Backup(*out); err != nil {
			return fail(stderr, err)
		}
		fmt.Fprintf(stdout, "已备份到 %s。\n", *out)
	case "office":
		o, err := st.Office()
		if err != nil {
			return fail(stderr, err)
		}
		if len(fields) > 0 {
			for _, f := range fields {
				k, v, ok := strings.Cut(f, "=")
				if !ok {
					return usage("--field 应写成 名称=内容，例如 --field 中心名称=某某市政务服务中心")
				}
				if err := o.Set(strings.TrimSpace(k), strings.TrimSpace(v)); err != nil {
					return usage("%v", err)
				}
			}
			if err := st.SaveOffice(o); err != nil {
				return fail(stderr, err)
			}
			fmt.Fprintln(stdout, "已保存中心信息：")
		}
		for _, label := range models.OfficeLabels() {
			fmt.Fprintf(stdout, "  %s：%s\n", label, o.Get(label))
		}
	case "check":
		problems, err := st.Check()
		if err != nil {
			return fail(stderr, err)
		}
		if len(problems) > 0 {
			for _, p := range problems {
				fmt.Fprintln(stderr, p)
			}
			return ExitRefused
		}
		fmt.Fprintf(stdout, "数据库完好（数据版本 %d）：%s\n", models.SchemaVersion(), st.Where())
	}
	return ExitOK
}

// migrate copies a centre between a SQLite file and a PostgreSQL server.
func migrate(args []string, stdout, stderr io.Writer, usage func(string, ...any) int, opts []models.Option) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	from := fs.String("from", "", "来源")
	to := fs.String("to", "", "目标")
	if err := fs.Parse(interleave(args)); err != nil {
		return usage("参数错误：%v", err)
	}
	if *from == "" || *to == "" || fs.NArg() != 0 {
		return usage("migrate 需要 --from 来源和 --to 目标，例如：govdesk migrate --from govdesk.db --to postgres://govdesk@服务器/govdesk")
	}
	copied, err := models.CopyDatabase(*from, *to, func(msg string) { fmt.Fprintln(stdout, msg) }, opts...)
	if err != nil {
		return fail(stderr, err)
	}
	rows := 0
	for _, c := range copied {
		rows += c.Rows
	}
	fmt.Fprintf(stdout, "迁移完成：%d 张表，%d 条记录，每张表的条数与校验和均与原数据库一致。\n", len(copied), rows)
	return ExitOK
}

// commandWait is how long a command waits for another program writing to
// the database before it gives up (a big punch import takes minutes).
const commandWait = 30 * time.Minute

// writerName is how another program names this command while it writes.
func writerName(cmd string, pos []string) string {
	name := "命令行" + map[string]string{"demo": "填入演示数据", "import": "导入", "export": "导出",
		"notice": "印制文书", "backup": "备份", "check": "检查"}[cmd]
	if len(pos) > 0 {
		name += " " + pos[0]
	}
	if cmd == "import" && len(pos) > 1 {
		name += " " + filepath.Base(pos[1])
	}
	return name
}

// listFlag collects a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// boolFlags are the flags that take no value.
var boolFlags = map[string]bool{"new-issue": true, "preview": true, "auto": true, "personal": true, "dry-run": true}

// interleave moves flags after positional arguments to the front, so both
// "export staff --out f" and "export --out f staff" work.
func interleave(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			flags = append(flags, a)
			if !strings.Contains(a, "=") && !boolFlags[strings.TrimLeft(a, "-")] && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

// fail prints an error for a person to act on: each problem of a refused
// import on its own line.
func fail(stderr io.Writer, err error) int {
	var ie *reports.ImportError
	if errors.As(err, &ie) {
		fmt.Fprintf(stderr, "文件有 %d 处问题，未导入任何数据：\n", len(ie.Problems))
		for _, p := range ie.Problems {
			fmt.Fprintln(stderr, p.String())
		}
		return ExitRefused
	}
	if models.IsForbidden(err) {
		fmt.Fprintln(stderr, err.Error())
		return ExitUsage
	}
	fmt.Fprintln(stderr, "错误："+models.Explain(err).Error())
	return ExitRefused
}

// importPunches imports a punch file of any layout, or with --dry-run says
// what it would import. Unknown machine numbers are listed one a line, with
// who they may be, and how to map them.
func importPunches(st *models.Store, path string, opt reports.PunchFileOptions, stdout, stderr io.Writer) int {
	res, err := reports.ImportPunchFile(context.Background(), st, path, opt, nil)
	var ue *models.UnknownMachineNosError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "考勤机“%s”有 %d 个考勤号码还没有对照到工号，未导入任何数据：\n", ue.Device, len(ue.Unknown))
		for _, u := range ue.Unknown {
			fmt.Fprintln(stderr, "  "+u.String())
		}
		fmt.Fprintln(stderr, "请写一个对照表（CSV，列为 考勤号码、工号，每个号码一行），用 --map 对照表.csv 再导入；对照会被记住，下次不必再给。")
		return ExitRefused
	}
	if err != nil {
		return fail(stderr, err)
	}
	if opt.DryRun {
		fmt.Fprintln(stdout, "预览（未写入任何数据）：")
	} else {
		fmt.Fprintln(stdout, "导入完成：")
	}
	for _, l := range res.Lines(opt.DryRun) {
		fmt.Fprintln(stdout, l)
	}
	return ExitOK
}

// fillLargeDemo fills the large demo centre and says what it holds.
func fillLargeDemo(st *models.Store, stdout, stderr io.Writer) int {
	fmt.Fprintln(stdout, "正在填入大型演示中心（约需十秒）……")
	got, err := st.FillLargeDemo()
	if err != nil {
		return fail(stderr, err)
	}
	fmt.Fprintf(stdout, "已填入大型演示中心：%d 个窗口，%d 名人员；%s 至 %s 的打卡 %d 条、办件 %d 件、评价 %d 条、请假 %d 条（用时 %.0f 秒）。\n",
		got.Windows, got.Staff, got.From, got.To, got.Punches, got.Cases, got.Ratings, got.Leaves, got.Took.Seconds())
	return ExitOK
}
