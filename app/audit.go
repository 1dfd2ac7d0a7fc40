package app

import (
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
	"govdesk/reports"
)

const allEntities = "全部对象"

// auditData is what the audit log screen (操作日志) needs: the log and its
// export, the operator's name, and the database's backup and check.
type auditData interface {
	AuditPage(f models.AuditFilter, o models.PageOrder, offset, limit int) ([]models.AuditEntry, error)
	AuditCount(models.AuditFilter) (int64, error)
	AuditEntities() ([]string, error)
	Operator() string
	SetOperator(string) error
	Backup(path string) error
	Check() ([]string, error)
	SavedBackups() ([]models.SavedBackup, error)
	BackupDir() string
	SetBackupDir(string) error
	noticeRegisterData
	archive
	exporter
}

// auditScreen shows who changed what, filtered by kind of record, a word
// (person, record, value) and dates, and exports the filtered log.
type auditScreen struct {
	shell    *shell
	data     auditData
	entity   *widget.Select
	text     *widget.Entry
	from, to *dateField
	list     *recordTable
	operator *widget.Label
	// shown is what the filters above the list select; the list reads a
	// page of it at a time, and entries holds the entries read.
	shown    models.AuditFilter
	entries  map[uint]models.AuditEntry
	box      fyne.CanvasObject
	register *noticeRegister // the register last opened, for tests
	regBtn   *widget.Button
}

func newAuditScreen(s *shell, d auditData) *auditScreen {
	a := &auditScreen{shell: s, data: d}
	a.entity = newSelect([]string{allEntities}, nil)
	a.entity.SetSelected(allEntities)
	a.entity.OnChanged = func(string) { a.reload() }
	a.text = widget.NewEntry()
	a.text.SetPlaceHolder("人员、记录或内容中的文字")
	a.text.OnSubmitted = func(string) { a.reload() }
	a.from, a.to = newDateField(s.win), newDateField(s.win)
	a.from.SetPlaceHolder("开始日期")
	a.to.SetPlaceHolder("结束日期")
	a.list = newRecordTable([]column{{"时间", 160}, {"操作员", 90}, {"对象", 90}, {"记录", 150}, {"操作", 60}, {"内容", 520}},
		"在结果中搜索", a.onShow)
	query := widget.NewButtonWithIcon("查询", theme.SearchIcon(), a.reload)
	exp := widget.NewButtonWithIcon("导出", theme.DownloadIcon(), a.onExport)
	a.operator = widget.NewLabel("")
	setOp := widget.NewButtonWithIcon("更改操作员", theme.AccountIcon(), a.onOperator)
	backup := widget.NewButtonWithIcon("备份数据库", theme.DocumentSaveIcon(), a.onBackup)
	check := widget.NewButtonWithIcon("检查数据库", theme.ConfirmIcon(), a.onCheck)
	backupDir := widget.NewButtonWithIcon("自动备份文件夹", theme.FolderIcon(), a.onBackupDir)
	a.regBtn = registerButton(s, d, func(r *noticeRegister) { a.register = r })
	restore := widget.NewButtonWithIcon("恢复数据库", theme.HistoryIcon(), s.onRestore)
	if s.restore == nil || !s.isAdmin() {
		restore.Hide()
	}
	if _, signedIn := s.data.Account(); signedIn {
		setOp.Hide() // the log records the account signed in
	}
	if !s.isAdmin() {
		backupDir.Hide()
		backup.Hide() // a backup holds every personal record
	}
	filters := container.NewHBox(a.entity, container.NewGridWrap(fyne.NewSize(220, 36), a.text),
		container.NewGridWrap(fyne.NewSize(150, 36), a.from), widget.NewLabel("至"),
		container.NewGridWrap(fyne.NewSize(150, 36), a.to), query, exp, widget.NewSeparator(), a.regBtn)
	top := container.NewVBox(container.NewHBox(a.operator, setOp, layoutSpacer(), widget.NewLabel("数据目录："+d.Dir()), backup, backupDir, restore, check), filters)
	a.box = container.NewBorder(top, nil, nil, nil, a.list.layout())
	a.reload()
	return a
}

func (a *auditScreen) content() fyne.CanvasObject { return a.box }

// onShow shows one entry whole: the table cuts long changes short.
func (a *auditScreen) onShow(id uint) {
	e, ok := a.entries[id]
	if !ok {
		return
	}
	changes := e.Changes()
	if len(changes) == 0 {
		changes = []string{"（无字段变化）"}
	}
	head := fmt.Sprintf("%s　%s　%s %s「%s」", e.At.Format("2006-01-02 15:04:05"), e.Operator, e.Action, e.Entity, e.Key)
	if e.PC != "" {
		head += "　电脑 " + e.PC
	}
	if e.Origin != "" {
		head += "　来自" + e.Origin + "（恢复备份时保留）"
	}
	body := container.NewVBox(widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, c := range changes {
		body.Add(wrapLabel(c))
	}
	d := dialog.NewCustom("操作详情", "关闭", container.NewVScroll(body), a.shell.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

func (a *auditScreen) filter() (models.AuditFilter, error) {
	f := models.AuditFilter{Text: a.text.Text}
	if a.entity.Selected != allEntities {
		f.Entity = a.entity.Selected
	}
	var err error
	if f.From, err = a.from.DateValue(); err != nil {
		return f, models.FieldErrors{{Field: "开始日期", Reason: err.Error()}}
	}
	if f.To, err = a.to.DateValue(); err != nil {
		return f, models.FieldErrors{{Field: "结束日期", Reason: err.Error()}}
	}
	return f, nil
}

func (a *auditScreen) reload() {
	f, err := a.filter()
	if err != nil {
		showError("查询条件有误", err, a.shell.win)
		return
	}
	var entities []string
	a.shell.async(func() (err error) {
		entities, err = a.data.AuditEntities()
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取操作日志", err, a.shell.win)
			return
		}
		if acc, ok := a.shell.data.Account(); ok {
			a.operator.SetText(fmt.Sprintf("当前账号：%s（%s）", acc.Name, acc.Role))
		} else {
			a.operator.SetText("当前操作员：" + a.data.Operator())
		}
		a.entity.Options = append([]string{allEntities}, entities...)
		fitSelect(a.entity)
		a.shown, a.entries = f, map[uint]models.AuditEntry{}
		if a.list.pager == nil {
			a.list.setPager(&pager{page: a.page, count: a.count, failed: func(err error) {
				showError("无法读取操作日志", err, a.shell.win)
			}})
		} else {
			a.list.reload()
		}
	})
}

// auditSortKeys are what each column of the log sorts by: 内容 by time.
var auditSortKeys = []string{models.SortAuditAt, models.SortAuditOperator, models.SortAuditEntity, models.SortAuditKey,
	models.SortAuditAction, models.SortAuditAt}

// page reads a page of the log: the entries the filters and the search
// words select, newest first or in the order of the column sorted by.
func (a *auditScreen) page(words []string, sortCol int, desc bool, offset, limit int) ([]record, error) {
	f := a.shown
	f.Words = words
	var o models.PageOrder
	if sortCol >= 0 && sortCol < len(auditSortKeys) {
		o = models.PageOrder{By: auditSortKeys[sortCol], Desc: desc}
	}
	entries, err := a.data.AuditPage(f, o, offset, limit)
	if err != nil {
		return nil, err
	}
	rs := make([]record, len(entries))
	for i, e := range entries {
		a.entries[e.ID] = e
		changes := strings.Join(e.Changes(), "；")
		action := e.Action
		if e.Origin != "" {
			action += "（" + e.Origin + "）"
		}
		rs[i] = record{id: e.ID, cells: []string{e.At.Format("2006-01-02 15:04:05"), e.Operator, e.Entity, e.Key, action, changes}}
	}
	return rs, nil
}

// count counts the entries the filters and the search words select, and
// those the filters select.
func (a *auditScreen) count(words []string) (shown, total int, err error) {
	n, err := a.data.AuditCount(a.shown)
	if err != nil || len(words) == 0 {
		return int(n), int(n), err
	}
	f := a.shown
	f.Words = words
	m, err := a.data.AuditCount(f)
	return int(m), int(n), err
}

func (a *auditScreen) onExport() {
	f, err := a.filter()
	if err != nil {
		showError("查询条件有误", err, a.shell.win)
		return
	}
	f.Limit = 0
	exportFileWith(a.shell, a.data, "audit", "操作日志", reports.ExportOptions{Audit: f})
}

// onBackup writes a copy of the database where the user chooses.
func (a *auditScreen) onBackup() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		os.Remove(path) // the dialog created it empty; Backup refuses to overwrite
		a.shell.async(func() error { return a.data.Backup(path) }, func(err error) {
			if err != nil {
				showError("备份失败", err, a.shell.win)
				return
			}
			dialog.ShowInformation("备份完成", "数据库已备份到\n"+path+"\n需要时在本页点“恢复数据库”选择该文件。", a.shell.win)
		})
	}, a.shell.win)
	d.SetFileName("GovDesk备份-" + time.Now().Format("20060102-1504") + ".db")
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// onCheck runs the database's integrity checks.
func (a *auditScreen) onCheck() {
	var problems []string
	a.shell.async(func() (err error) {
		problems, err = a.data.Check()
		return err
	}, func(err error) {
		switch {
		case err != nil:
			showError("检查失败", err, a.shell.win)
		case len(problems) > 0:
			showError("数据库有问题", fmt.Errorf("%s\n请用最近的备份恢复", strings.Join(problems, "\n")), a.shell.win)
		default:
			dialog.ShowInformation("检查完成", "数据库完好。", a.shell.win)
		}
	})
}

func (a *auditScreen) onOperator() {
	name := widget.NewEntry()
	name.SetText(a.data.Operator())
	d := dialog.NewForm("更改操作员", "保存", "取消", []*widget.FormItem{
		func() *widget.FormItem {
			it := widget.NewFormItem("操作员姓名", name)
			it.HintText = "此后在本机所做的修改都记在此人名下"
			return it
		}(),
	}, func(ok bool) {
		if !ok {
			return
		}
		if err := a.data.SetOperator(name.Text); err != nil {
			showError("无法更改操作员", err, a.shell.win)
			return
		}
		a.reload()
	}, a.shell.win)
	d.Resize(fyne.NewSize(420, 180))
	d.Show()
}

// onBackupDir shows where the automatic backups go and lets it be changed
// (a USB drive, another disk); empty goes back to backups/ in the data folder.
func (a *auditScreen) onBackupDir() {
	dir := widget.NewEntry()
	dir.SetText(a.data.BackupDir())
	pick := widget.NewButtonWithIcon("选择…", theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				dir.SetText(u.Path())
			}
		}, a.shell.win)
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
	})
	item := widget.NewFormItem("文件夹", container.NewBorder(nil, nil, nil, pick, dir))
	item.HintText = "程序每次启动时和每天自动备份到这里，保留最近 7 天、4 周和 12 个月的备份；留空则用数据目录下的 backups"
	d := dialog.NewForm("自动备份文件夹", "保存", "取消", []*widget.FormItem{item}, func(ok bool) {
		if !ok {
			return
		}
		if err := a.data.SetBackupDir(dir.Text); err != nil {
			showError("无法更改自动备份文件夹", err, a.shell.win)
			return
		}
		a.reload()
	}, a.shell.win)
	d.Resize(fyne.NewSize(640, 220))
	d.Show()
}
