package app

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// accountsScreen (账号, administrators only) lists the operator accounts,
// adds and changes them, and sets the idle time before signing out.
type accountsScreen struct {
	shell    *shell
	data     accountData
	list     *recordTable
	accounts map[uint]models.Account
	idle     *widget.Entry
	box      fyne.CanvasObject
}

func newAccountsScreen(s *shell, d accountData) *accountsScreen {
	a := &accountsScreen{shell: s, data: d}
	a.list = newRecordTable([]column{{"账号", 160}, {"角色", 90}, {"状态", 70}, {"可以做什么", 520}}, "搜索账号", a.onEdit)
	add := widget.NewButtonWithIcon("新增账号", theme.ContentAddIcon(), func() { a.onEditAccount(models.Account{Role: models.RoleReadOnly}) })
	a.idle = widget.NewEntry()
	saveIdle := widget.NewButton("保存", a.onIdle)
	idle := container.NewHBox(widget.NewLabel("空闲"), container.NewGridWrap(fyne.NewSize(70, 36), a.idle),
		widget.NewLabel("分钟未操作自动退出登录（0 表示不自动退出）"), saveIdle)
	a.box = container.NewBorder(container.NewVBox(container.NewHBox(add, layoutSpacer()), idle), nil, nil, nil, a.list.layout())
	a.reload()
	return a
}

func (a *accountsScreen) content() fyne.CanvasObject { return a.box }

func (a *accountsScreen) reload() {
	accs, err := a.data.Accounts()
	if err != nil {
		showError("无法读取账号", err, a.shell.win)
		return
	}
	a.accounts = map[uint]models.Account{}
	rs := make([]record, len(accs))
	for i, acc := range accs {
		a.accounts[acc.ID] = acc
		state := "在用"
		if acc.Disabled {
			state = "已停用"
		}
		rs[i] = record{id: acc.ID, cells: []string{acc.Name, string(acc.Role), state, acc.Role.Duties()}, search: acc.Name + " " + string(acc.Role)}
	}
	a.list.setRecords(rs)
	a.idle.SetText(strconv.Itoa(a.data.IdleMinutes()))
}

func (a *accountsScreen) onEdit(id uint) {
	if acc, ok := a.accounts[id]; ok {
		a.onEditAccount(acc)
	}
}

// onEditAccount adds (ID 0) or changes an account: name, role, a new
// password, disabled.
func (a *accountsScreen) onEditAccount(acc models.Account) {
	name := widget.NewEntry()
	name.SetText(acc.Name)
	roles := make([]string, len(models.Roles))
	for i, r := range models.Roles {
		roles[i] = string(r)
	}
	role := widget.NewSelect(roles, nil)
	role.SetSelected(string(acc.Role))
	duties := widget.NewLabel(acc.Role.Duties())
	role.OnChanged = func(v string) { duties.SetText(models.Role(v).Duties()) }
	pw := widget.NewPasswordEntry()
	pwItem := widget.NewFormItem("密码", pw)
	title := "新增账号"
	if acc.ID != 0 {
		title = "修改账号"
		pwItem = widget.NewFormItem("新密码", pw)
		pwItem.HintText = "不改密码请留空"
	}
	disabled := widget.NewCheck("停用此账号", nil)
	disabled.SetChecked(acc.Disabled)
	d := dialog.NewForm(title, "保存", "取消", []*widget.FormItem{
		widget.NewFormItem("姓名", name), widget.NewFormItem("角色", role), widget.NewFormItem("", duties), pwItem,
		widget.NewFormItem("", disabled),
	}, func(ok bool) {
		if !ok {
			return
		}
		acc.Name, acc.Role, acc.Disabled = name.Text, models.Role(role.Selected), disabled.Checked
		if err := a.data.SaveAccount(&acc, pw.Text); err != nil {
			showError("无法保存账号", err, a.shell.win)
			return
		}
		a.reload()
	}, a.shell.win)
	d.Resize(fyne.NewSize(560, 340))
	d.Show()
}

func (a *accountsScreen) onIdle() {
	n, err := strconv.Atoi(a.idle.Text)
	if err != nil {
		showError("无法保存", fmt.Errorf("请填写分钟数，例如 15"), a.shell.win)
		return
	}
	if err := a.data.SetIdleMinutes(n); err != nil {
		showError("无法保存", err, a.shell.win)
		return
	}
	dialog.ShowInformation("已保存", fmt.Sprintf("空闲 %d 分钟未操作将自动退出登录。", n), a.shell.win)
}
