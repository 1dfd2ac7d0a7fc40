package app

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

// punchImportData is what importing a punch file needs: the import itself
// (reports.ImportPunchFile, as govdesk import punches) and the machines'
// tables of numbers.
type punchImportData interface {
	ImportPunchFile(ctx context.Context, path string, opt reports.PunchFileOptions, progress reports.Progress) (reports.PunchFileResult, error)
	cancellableImporter // GovDesk's own file, with its progress bar
	PunchFileRows(path string, n int) ([][]string, error)
	PunchColumnLayouts() (map[string]string, error)
	punchMapData
}

func (d storeData) ImportPunchFile(ctx context.Context, path string, opt reports.PunchFileOptions, p reports.Progress) (reports.PunchFileResult, error) {
	return reports.ImportPunchFile(ctx, d.Store, path, opt, p)
}

func (d storeData) PunchFileRows(path string, n int) ([][]string, error) {
	return reports.PunchFileRows(path, n)
}

const autoFormat = "自动识别"

// punchImport is the dialog of one punch file: what the import will do
// (people, days, punches per machine, what is skipped), the machine and
// layout, and the numbers the machine's table does not know yet, each with
// a choice of person, before anything is written.
type punchImport struct {
	shell *shell
	data  punchImportData
	path  string
	done  func()

	format   *widget.Select
	device   *widget.SelectEntry
	preview  *widget.Label
	unknown  []*unknownNo
	mapBox   *fyne.Container
	importBt *widget.Button
	columns  string                // a column layout, for a file of no known layout
	pairs    []models.PunchMapPair // numbers confirmed on screen, saved with the import
	dlg      dialog.Dialog
	result   reports.PunchFileResult
	err      error
	roster   []models.Staff

	lastColumns *columnsForm // for tests
}

// unknownNo is one unknown machine number and the person chosen for it.
type unknownNo struct {
	no, name string
	pick     *widget.Select
	byLabel  map[string]string // label → 工号
}

// onImportPunches asks for a punch file: an attendance machine's export
// (.dat, .csv, .xlsx, .xls) or GovDesk's own.
func onImportPunches(s *shell, d punchImportData, done func()) {
	pickFileOf(s, []string{".xlsx", ".xls", ".csv", ".dat", ".txt"}, func(path string) { openPunchImport(s, d, path, done) })
}

// openPunchImport shows the dialog for a machine file and its preview.
func openPunchImport(s *shell, d punchImportData, path string, done func()) *punchImport {
	pi := &punchImport{shell: s, data: d, path: path, done: done}
	formats := []string{autoFormat}
	for _, f := range reports.PunchFormats() {
		formats = append(formats, f.Label)
	}
	pi.format = newSelect(formats, func(string) { pi.refresh() })
	pi.format.SetSelected(autoFormat)
	devices, _ := d.PunchDevices()
	pi.device = widget.NewSelectEntry(devices)
	pi.device.SetPlaceHolder("不填按文件格式：中控考勤机、钉钉、得力考勤机")
	pi.device.OnSubmitted = func(string) { pi.refresh() }
	pi.preview = wrapLabel("正在读取文件……")
	pi.mapBox = container.NewVBox()
	pi.importBt = widget.NewButtonWithIcon("导入", theme.UploadIcon(), pi.onImport)
	pi.importBt.Importance = widget.HighImportance
	pi.importBt.Disable()
	again := widget.NewButtonWithIcon("重新预览", theme.ViewRefreshIcon(), pi.refresh)
	colsBt := widget.NewButton("列对照…", pi.onColumns)
	cancel := widget.NewButton("取消", func() { pi.dlg.Hide() })
	form := widget.NewForm(
		widget.NewFormItem("文件", wrapLabel(path)),
		widget.NewFormItem("格式", container.NewBorder(nil, nil, nil, colsBt, pi.format)),
		widget.NewFormItem("考勤机", container.NewBorder(nil, nil, nil, again, pi.device)),
	)
	body := container.NewVBox(form, widget.NewSeparator(), boldLabel("导入前预览（尚未写入）"), pi.preview, pi.mapBox)
	pi.dlg = dialog.NewCustomWithoutButtons("导入打卡记录", container.NewBorder(nil,
		container.NewHBox(layoutSpacer(), cancel, pi.importBt), nil, nil, container.NewVScroll(body)), s.win)
	pi.dlg.Resize(fyne.NewSize(820, 600))
	pi.dlg.Show()
	pi.refresh()
	return pi
}

// options are the dialog's choices as import options.
func (pi *punchImport) options() reports.PunchFileOptions {
	opt := reports.PunchFileOptions{Device: strings.TrimSpace(pi.device.Text), Columns: pi.columns, Pairs: pi.pairs}
	for _, f := range reports.PunchFormats() {
		if f.Label == pi.format.Selected {
			opt.Format = f.Name
		}
	}
	return opt
}

// refresh runs the import as a dry run and shows what it would do.
func (pi *punchImport) refresh() {
	if pi.preview == nil || pi.importBt == nil {
		return
	}
	opt := pi.options()
	opt.DryRun = true
	var res reports.PunchFileResult
	var roster []models.Staff
	pi.importBt.Disable()
	pi.shell.async(func() (err error) {
		roster, _ = pi.data.StaffList()
		res, err = pi.data.ImportPunchFile(context.Background(), pi.path, opt, nil)
		return err
	}, func(err error) {
		pi.result, pi.err, pi.roster = res, err, roster
		pi.showPreview()
	})
}

func (pi *punchImport) showPreview() {
	pi.unknown = nil
	pi.mapBox.Objects = nil
	var ie *reports.ImportError
	var ue *models.UnknownMachineNosError
	switch {
	case errors.As(pi.err, &ue):
		pi.preview.SetText(strings.Join(pi.result.Lines(true), "\n"))
		pi.showUnknown(ue.Unknown)
		pi.importBt.SetText("确认对照")
		pi.importBt.Enable()
	case errors.As(pi.err, &ie):
		lines := make([]string, len(ie.Problems))
		for i, p := range ie.Problems {
			lines[i] = p.String()
		}
		pi.preview.SetText("文件不能导入，没有写入任何数据：\n" + strings.Join(lines, "\n"))
	case pi.err != nil:
		pi.preview.SetText("文件不能导入：" + pi.err.Error())
	default:
		lines := pi.result.Lines(true)
		if len(pi.pairs) > 0 {
			lines = append(lines, fmt.Sprintf("导入时记住本次确认的 %d 个考勤号码对照", len(pi.pairs)))
		}
		pi.preview.SetText(strings.Join(lines, "\n"))
		pi.importBt.SetText("导入")
		if pi.result.Stats.Created > 0 {
			pi.importBt.Enable()
		}
	}
	pi.mapBox.Refresh()
}

// showUnknown lists each unknown number with a choice of person: the
// proposal chosen when there is one (the same name, or a 工号 equal to
// the number), the namesakes first and none chosen when there are several.
func (pi *punchImport) showUnknown(list []models.UnknownMachineNo) {
	head := wrapLabel(fmt.Sprintf("下列 %d 个考勤号码还没有对照到人员。请为每个号码选择是谁（已按姓名或工号给出建议，同名的请选定一人），确认后对照会被记住：", len(list)))
	head.Importance = widget.WarningImportance
	grid := container.NewGridWithColumns(3, boldLabel("考勤号码"), boldLabel("考勤机上的姓名"), boldLabel("人员"))
	for _, u := range list {
		row := &unknownNo{no: u.MachineNo, name: u.Name, byLabel: map[string]string{}}
		var labels []string
		seen := map[string]bool{}
		add := func(p models.Staff) {
			l := p.EmployeeNo + " " + p.Name
			if !seen[l] {
				seen[l] = true
				labels = append(labels, l)
				row.byLabel[l] = p.EmployeeNo
			}
		}
		for _, p := range u.Proposals {
			add(p)
		}
		rest := append([]models.Staff(nil), pi.roster...)
		sort.Slice(rest, func(i, j int) bool { return rest[i].EmployeeNo < rest[j].EmployeeNo })
		for _, p := range rest {
			add(p)
		}
		row.pick = newSelect(labels, nil)
		if len(u.Proposals) == 1 {
			row.pick.SetSelected(u.Proposals[0].EmployeeNo + " " + u.Proposals[0].Name)
		} else if len(u.Proposals) > 1 {
			row.pick.PlaceHolder = fmt.Sprintf("有 %d 人同名，请选择", len(u.Proposals))
		}
		pi.unknown = append(pi.unknown, row)
		grid.Add(widget.NewLabel(u.MachineNo))
		grid.Add(widget.NewLabel(u.Name))
		grid.Add(row.pick)
	}
	pi.mapBox.Objects = []fyne.CanvasObject{widget.NewSeparator(), head, grid}
}

// onImport first takes the people confirmed for unknown numbers and shows
// the preview with them; once nothing is unknown it imports for real.
func (pi *punchImport) onImport() {
	if len(pi.unknown) > 0 {
		var missing []string
		pairs := append([]models.PunchMapPair(nil), pi.pairs...)
		for _, u := range pi.unknown {
			no := u.byLabel[u.pick.Selected]
			if no == "" {
				missing = append(missing, u.no)
				continue
			}
			pairs = append(pairs, models.PunchMapPair{MachineNo: u.no, EmployeeNo: no})
		}
		if len(missing) > 0 {
			dialog.ShowInformation("还有考勤号码未对照", "请为这些考勤号码选择人员："+strings.Join(missing, "、"), pi.shell.win)
			return
		}
		pi.pairs = pairs
		pi.refresh()
		return
	}
	if pi.result.OwnLayout {
		// GovDesk's own file, big at times: imported with a progress bar
		pi.dlg.Hide()
		runImportCancellable(pi.shell, pi.data, "punches", "打卡记录", pi.path, pi.done)
		return
	}
	opt := pi.options()
	var res reports.PunchFileResult
	pi.shell.async(func() (err error) {
		res, err = pi.data.ImportPunchFile(context.Background(), pi.path, opt, nil)
		return err
	}, func(err error) {
		var ue *models.UnknownMachineNosError
		if errors.As(err, &ue) {
			pi.result, pi.err = res, err
			pi.showPreview()
			return
		}
		if err != nil {
			var ie *reports.ImportError
			if errors.As(err, &ie) {
				showProblems("文件未导入", ie, pi.shell.win)
				return
			}
			showError("导入失败", err, pi.shell.win)
			return
		}
		pi.result, pi.err = res, nil
		pi.dlg.Hide()
		dialog.ShowInformation("导入完成", strings.Join(res.Lines(false), "\n"), pi.shell.win)
		pi.shell.changed()
		if pi.done != nil {
			pi.done()
		}
	})
}
