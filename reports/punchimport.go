package reports

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"govdesk/models"
)

// PunchFileOptions steer the import of a punch file.
type PunchFileOptions struct {
	Format  string // a PunchFormat's name; "" recognises the layout
	Device  string // the machine; "" is the format's usual name
	MapFile string // a CSV or XLSX of 考勤号码, 工号, saved for the next import
	Pairs   []models.PunchMapPair
	DryRun  bool   // say what would be imported, write nothing
	Columns string // a column layout (spec or saved name) for a file of no known layout
}

// PunchFileResult is what a punch file import did, or would do.
type PunchFileResult struct {
	Format    string // the format's name; "govdesk" for GovDesk's own file
	Label     string
	OwnLayout bool
	models.MachineImportResult
}

// PunchRead is a machine file read and understood, not yet imported.
type PunchRead struct {
	Format  PunchFormat
	Punches []models.MachinePunch
}

// errOwnLayout says a file is GovDesk's own punch file (工号, 打卡时间), or
// no machine layout: the ordinary import reads it.
var errOwnLayout = errors.New("own layout")

// ReadPunchFile reads an attendance machine's file in the named format, or
// in the one it is recognised as.
func ReadPunchFile(path, format string, columns string, st *models.Store) (*PunchRead, error) {
	rd, _, err := readPunchFile(path, format, columns, st)
	return rd, err
}

// readPunchFile is ReadPunchFile that also gives the file as loaded, for
// GovDesk's own file (errOwnLayout) to be imported without reading it again.
func readPunchFile(path, format string, columns string, st *models.Store) (*PunchRead, *punchFile, error) {
	f, err := loadPunchFile(path)
	if err != nil {
		return nil, nil, &ImportError{Problems: []Problem{{File: filepath.Base(path), Reason: err.Error()}}}
	}
	var pf PunchFormat
	switch {
	case columns != "":
		layout, err := resolveColumnLayout(st, columns)
		if err != nil {
			return nil, f, err
		}
		pf = layout.format()
	case format != "":
		var ok bool
		if pf, ok = FindPunchFormat(format); !ok {
			return nil, f, fmt.Errorf("不认识的考勤文件格式“%s”，可用：%s", format, punchFormatNames())
		}
		if !pf.detect(f) {
			return nil, f, &ImportError{Problems: []Problem{{File: f.Base, Reason: fmt.Sprintf("文件不是%s的格式（--format %s）", pf.Label, pf.Name)}}}
		}
	default:
		found := false
		for _, c := range punchFormats {
			if c.detect(f) {
				pf, found = c, true
				break
			}
		}
		if !found {
			if _, _, _, own := findTable(f, [][]string{{"工号"}, {"打卡时间"}}); own && (f.Ext == ".csv" || f.Ext == ".xlsx" || f.Ext == ".xlsm") {
				return nil, f, errOwnLayout
			}
			return nil, f, &ImportError{Problems: []Problem{{File: f.Base, Reason: "无法识别这个打卡文件的格式。GovDesk 能读的有：" + punchFormatNames() +
				"，以及本程序自己的打卡文件（工号、打卡时间）。其他格式请用“列对照”指定哪一列是人员、哪一列是日期时间（命令行：--columns）"}}}
		}
	}
	punches, probs := pf.read(f)
	if len(probs) > 0 {
		return nil, f, &ImportError{Problems: probs}
	}
	if len(punches) == 0 {
		return nil, f, &ImportError{Problems: []Problem{{File: f.Base, Reason: "文件中没有打卡记录"}}}
	}
	return &PunchRead{Format: pf, Punches: punches}, f, nil
}

// ReadPunchMap reads a mapping file: columns 考勤号码 and 工号.
func ReadPunchMap(path string) ([]models.PunchMapPair, error) {
	sh, err := ReadSheet(path)
	if err != nil {
		return nil, &ImportError{Problems: []Problem{{File: filepath.Base(path), Reason: err.Error()}}}
	}
	no, emp := -1, -1
	for i, h := range sh.Header {
		switch compact(h) {
		case "考勤号码":
			no = i
		case "工号":
			emp = i
		}
	}
	var probs []Problem
	for _, c := range []struct {
		name string
		i    int
	}{{"考勤号码", no}, {"工号", emp}} {
		if c.i < 0 {
			probs = append(probs, Problem{File: sh.File, Row: 1, Column: c.name, Reason: "缺少必需的列“" + c.name + "”"})
		}
	}
	if len(probs) > 0 {
		return nil, &ImportError{Problems: probs}
	}
	var out []models.PunchMapPair
	for k := range sh.Len() {
		r := sh.Row(k)
		get := func(i int) string {
			if i < len(r.Cells) {
				return r.Cells[i]
			}
			return ""
		}
		p := models.PunchMapPair{MachineNo: get(no), EmployeeNo: get(emp)}
		switch {
		case p.MachineNo == "":
			probs = append(probs, Problem{File: sh.File, Row: r.Line, Column: "考勤号码", Reason: "不能为空"})
		case p.EmployeeNo == "":
			probs = append(probs, Problem{File: sh.File, Row: r.Line, Column: "工号", Reason: "不能为空"})
		default:
			out = append(out, p)
		}
	}
	if len(probs) > 0 {
		return nil, &ImportError{Problems: probs}
	}
	return out, nil
}

// ImportPunchFile imports a punch file of any layout GovDesk knows: an
// attendance machine's or app's export through the machine's mapping of
// numbers, or GovDesk's own file. It is what `govdesk import punches` and
// the 考勤 screen's import both call. An unknown machine number gives a
// *models.UnknownMachineNosError listing them all.
func ImportPunchFile(ctx context.Context, st *models.Store, path string, opt PunchFileOptions, progress Progress) (PunchFileResult, error) {
	if opt.Format == "govdesk" {
		return importOwnPunches(ctx, st, path, opt, progress, nil)
	}
	rd, f, err := readPunchFile(path, opt.Format, opt.Columns, st)
	if errors.Is(err, errOwnLayout) {
		return importOwnPunches(ctx, st, path, opt, progress, f)
	}
	if err != nil {
		return PunchFileResult{}, err
	}
	if ctx.Err() != nil {
		return PunchFileResult{}, ErrImportCancelled
	}
	pairs := opt.Pairs
	if opt.MapFile != "" {
		more, err := ReadPunchMap(opt.MapFile)
		if err != nil {
			return PunchFileResult{}, err
		}
		pairs = append(more, pairs...)
	}
	device := strings.TrimSpace(opt.Device)
	if device == "" {
		device = rd.Format.Device
	}
	// a damaged database refuses writes, as every import does
	if !opt.DryRun {
		if err := st.CheckBeforeImport(); err != nil {
			return PunchFileResult{}, err
		}
	}
	res, err := st.ImportMachinePunches(models.MachineImport{Device: device, Rule: rd.Format.Rule, Punches: rd.Punches, Pairs: pairs, DryRun: opt.DryRun})
	out := PunchFileResult{Format: rd.Format.Name, Label: rd.Format.Label, MachineImportResult: res}
	var ue *models.UnknownMachineNosError
	var re *models.RefusedError
	switch {
	case errors.As(err, &ue):
		return out, err
	case errors.As(err, &re):
		return out, &ImportError{Problems: []Problem{{File: filepath.Base(path), Reason: err.Error()}}}
	}
	return out, err
}

func importOwnPunches(ctx context.Context, st *models.Store, path string, opt PunchFileOptions, progress Progress, read *punchFile) (PunchFileResult, error) {
	if opt.MapFile != "" || len(opt.Pairs) > 0 {
		return PunchFileResult{}, errors.New("本程序自己的打卡文件（工号、打卡时间）已写明工号，不需要考勤号码对照（--map）")
	}
	run := &ownPunchRun{dryRun: opt.DryRun}
	if read != nil && read.cells != nil {
		// the sheet is all the import reads from here: the file's text and
		// the tables read to learn its layout are let go
		cells := read.cells
		read.cells, read.Tables, read.Text = nil, nil, ""
		sh, err := sheetFrom(read.Base, read.encoding, cells, true)
		if err != nil {
			return PunchFileResult{}, &ImportError{Problems: []Problem{{File: read.Base, Reason: err.Error()}}}
		}
		run.sheet = sh
	}
	stats, err := ImportContext(context.WithValue(ctx, ownPunchesKey{}, run), st, "punches", path, progress)
	sum := run.summary
	return PunchFileResult{Format: "govdesk", Label: "本程序的打卡文件", OwnLayout: true,
		MachineImportResult: models.MachineImportResult{Stats: stats, People: sum.People, Days: sum.Days,
			PerDevice: sum.PerDevice, Repeats: stats.Unchanged, From: sum.From, To: sum.To}}, err
}

// ownPunchRun carries a preview request into the ordinary import of
// GovDesk's own punch file, and what it did back out.
type ownPunchRun struct {
	dryRun  bool
	summary models.PunchRowsSummary
	sheet   *Sheet // the file, when read already to learn its layout
}

// ownPunchesKey marks a context whose punch import reads GovDesk's own
// file the ordinary way, not through the machine layouts; its value is
// the *ownPunchRun.
type ownPunchesKey struct{}

// Lines says what an import did, or would do with DryRun, a line a fact:
// the layout, people, days, punches per machine, what was skipped and why.
func (r PunchFileResult) Lines(dryRun bool) []string {
	verb := "导入"
	if dryRun {
		verb = "将导入"
	}
	format := fmt.Sprintf("文件格式：%s（%s）", r.Label, r.Format)
	if r.OwnLayout {
		format = "文件格式：本程序的打卡文件（工号、打卡时间）"
	}
	out := []string{
		format,
		fmt.Sprintf("%s %d 人、%d 个人天的打卡 %d 条", verb, r.People, r.Days, r.Stats.Created),
	}
	if r.Stats.Created > 0 {
		if !r.From.IsZero() {
			out = append(out, fmt.Sprintf("时间范围：%s 至 %s", models.FormatDateTime(r.From), models.FormatDateTime(r.To)))
		}
		for _, dev := range sortedKeys(r.PerDevice) {
			out = append(out, fmt.Sprintf("考勤机“%s”：%d 条", dev, r.PerDevice[dev]))
		}
	}
	if r.Repeats > 0 {
		out = append(out, fmt.Sprintf("已导入过、跳过：%d 条", r.Repeats))
	}
	if r.DoubleTaps > 0 {
		out = append(out, fmt.Sprintf("60 秒内重复打卡、只算一次：%d 条", r.DoubleTaps))
	}
	if len(r.Skipped) > 0 {
		out = append(out, fmt.Sprintf("已封帐月份的打卡、不导入：%d 条", len(r.Skipped)))
		for _, s := range r.Skipped {
			out = append(out, "  "+s.Source+"："+s.Reason)
		}
	}
	if len(r.Mismatches) > 0 {
		out = append(out, fmt.Sprintf("请核对考勤号码对照（姓名不符）：%d 个", len(r.Mismatches)))
		for _, m := range r.Mismatches {
			out = append(out, "  "+m)
		}
	}
	if len(r.Unknown) > 0 {
		out = append(out, fmt.Sprintf("未对照的考勤号码：%d 个", len(r.Unknown)))
		for _, u := range r.Unknown {
			out = append(out, "  "+u.String())
		}
	}
	return out
}

// PunchFileRows gives the first rows of a file's first table, for a person
// choosing the header row and columns of a layout GovDesk does not know.
func PunchFileRows(path string, n int) ([][]string, error) {
	f, err := loadPunchFile(path)
	if err != nil {
		return nil, err
	}
	if len(f.Tables) == 0 {
		return nil, fmt.Errorf("%s 不是表格文件：列对照只用于 .csv、.xlsx、.xls", f.Base)
	}
	t := f.Tables[0]
	for _, x := range f.Tables {
		if len(x.Rows) > 1 {
			t = x
			break
		}
	}
	return t.Rows[:min(n, len(t.Rows))], nil
}
