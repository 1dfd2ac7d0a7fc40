package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"govdesk/models"
)

// badgeAlert is the overview's lines for temporary badges and seat plates:
// those not returned after their substitution ended (tapping opens the
// inventory), and running substitutions whose substitute holds none
// (tapping opens the register).
type badgeAlert struct {
	shell   *shell
	data    badgeAlertData
	button  *widget.Button
	missing *widget.Button
	late    []models.BadgeLoan
	gaps    []models.BadgeGap
}

// badgeAlertData is what the badge alert reads.
type badgeAlertData interface {
	clock
	OverdueBadges(today models.Date) ([]models.BadgeLoan, error)
	SubstitutionsWithoutBadges(today models.Date) ([]models.BadgeGap, error)
}

func newBadgeAlert(s *shell, d badgeAlertData) *badgeAlert {
	b := &badgeAlert{shell: s, data: d}
	b.button = widget.NewButton("", b.open)
	b.button.Importance = widget.DangerImportance
	b.button.Hide()
	b.missing = widget.NewButton("", func() { b.shell.open(runningWithoutBadges{}) })
	b.missing.Importance = widget.DangerImportance
	b.missing.Hide()
	return b
}

// reload reads the overdue items; when there are any, the overview's
// summary line says there is something to do.
func (b *badgeAlert) reload(summary *widget.Label) {
	var (
		late []models.BadgeLoan
		gaps []models.BadgeGap
	)
	b.shell.async(func() (err error) {
		if late, err = b.data.OverdueBadges(b.data.Today()); err != nil {
			return err
		}
		gaps, err = b.data.SubstitutionsWithoutBadges(b.data.Today())
		return err
	}, func(err error) {
		if err != nil {
			showError("无法读取挂牌座牌", err, b.shell.win)
			return
		}
		b.late, b.gaps = late, gaps
		if len(gaps) == 0 {
			b.missing.Hide()
		} else {
			who := make([]string, len(gaps))
			for i, g := range gaps {
				who[i] = g.Describe()
			}
			b.missing.SetText(fmt.Sprintf("%d 名替岗人员正在替岗但未领挂牌/座牌：%s，点击查看", len(gaps), strings.Join(who, "；")))
			b.missing.Show()
			if !strings.HasPrefix(summary.Text, "以下事项需要处理") {
				summary.SetText("以下事项需要处理：")
			}
		}
		if len(late) == 0 {
			b.button.Hide()
			return
		}
		names := make([]string, 0, len(late))
		for _, l := range late {
			names = append(names, l.Item.No+"（"+l.Substitution.Name+"）")
		}
		b.button.SetText(fmt.Sprintf("%d 块临时挂牌/座牌替岗结束后逾期未归还：%s，点击查看", len(late), strings.Join(names, "、")))
		b.button.Show()
		if !strings.HasPrefix(summary.Text, "以下事项需要处理") {
			summary.SetText("以下事项需要处理：")
		}
	})
}

// open shows the badge inventory.
func (b *badgeAlert) open() { b.shell.open(badgeInventory{}) }
