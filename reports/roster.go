package reports

import (
	"fmt"
	"strings"

	"govdesk/models"
)

var windowColumns = []Column{
	{"窗口编号", true}, {"窗口名称", true}, {"派驻单位", true}, {"区域", false},
}

type windowImporter struct{ rows []models.WindowRow }

func (w *windowImporter) columns() []Column           { return windowColumns }
func (w *windowImporter) prepare(*models.Store) error { return nil }
func (w *windowImporter) apply(st *models.Store) (models.ImportStats, error) {
	return st.ImportWindows(w.rows)
}

func (w *windowImporter) parse(r row) string {
	sw := models.ServiceWindow{Code: r.get("窗口编号"), Name: r.get("窗口名称"), Area: r.get("区域"), HomeUnitID: 1}
	unit := r.need("派驻单位")
	if unit == "" {
		sw.HomeUnitID = 0
	}
	before := len(*r.probs)
	for _, e := range sw.Validate() {
		if e.Field != "派驻单位" || unit != "" {
			r.problem(e.Field, e.Reason)
		}
	}
	if len(*r.probs) > before {
		return ""
	}
	w.rows = append(w.rows, models.WindowRow{Code: sw.Code, Name: sw.Name, HomeUnit: unit, Area: sw.Area})
	return "窗口编号 " + sw.Code
}

func exportWindows(st *models.Store, _ ExportOptions) (string, []string, [][]string, error) {
	ws, err := st.ServiceWindows()
	if err != nil {
		return "", nil, nil, err
	}
	rows := make([][]string, len(ws))
	for i, w := range ws {
		rows[i] = []string{w.Code, w.Name, w.HomeUnit.Name, w.Area}
	}
	return "窗口", columnNames(windowColumns), rows, nil
}

var staffColumns = []Column{
	{"工号", true}, {"姓名", true}, {"性别", false}, {"身份证号", false}, {"手机号", false},
	{"派驻单位", true}, {"窗口编号", true}, {"岗位", true}, {"入驻日期", true},
	{"离岗日期", false}, {"状态", false},
}

type staffImporter struct {
	index models.RosterIndex
	rows  []models.StaffRow
}

func (s *staffImporter) columns() []Column { return staffColumns }

func (s *staffImporter) prepare(st *models.Store) (err error) {
	s.index, err = st.RosterIndex()
	return err
}

func (s *staffImporter) apply(st *models.Store) (models.ImportStats, error) {
	return st.ImportStaff(s.rows)
}

func (s *staffImporter) parse(r row) string {
	before := len(*r.probs)
	p := models.Staff{
		EmployeeNo: r.get("工号"), Name: r.get("姓名"), Gender: r.get("性别"),
		IDNumber: unlessMasked(r.get("身份证号")), Mobile: unlessMasked(r.get("手机号")), Post: r.get("岗位"),
		Status: r.get("状态"),
	}
	p.JoinedOn = r.date("入驻日期", true)
	p.LeftOn = r.date("离岗日期", false)
	unit := r.need("派驻单位")
	code := strings.ToUpper(r.need("窗口编号"))
	if unit != "" {
		p.HomeUnitID = ^uint(0) // a unit named for the first time is created on import
	}
	if code != "" {
		if w, ok := s.index.Windows[code]; ok {
			p.WindowID = w.ID
		} else {
			r.problem("窗口编号", fmt.Sprintf("窗口 %s 不存在：请先在“窗口”中添加或导入该窗口", code))
		}
	}
	joinedBad := p.JoinedOn.IsZero() && r.get("入驻日期") != ""
	for _, e := range p.Validate() {
		switch {
		case e.Field == "派驻单位" && unit == "", e.Field == "窗口编号" && p.WindowID == 0:
			// already reported above
		case e.Field == "入驻日期" && (joinedBad || r.get("入驻日期") == ""):
		case e.Field == "工号" && r.get("工号") == "", e.Field == "姓名" && r.get("姓名") == "":
			r.problem(e.Field, "不能为空")
		default:
			r.problem(e.Field, e.Reason)
		}
	}
	if len(*r.probs) > before {
		return ""
	}
	p.Status = r.get("状态") // empty keeps the stored status (Validate filled in 在岗)
	s.rows = append(s.rows, models.StaffRow{Staff: p, HomeUnitName: unit, WindowCode: code})
	return "工号 " + p.EmployeeNo
}

func exportStaff(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	list, err := st.StaffList()
	if err != nil {
		return "", nil, nil, err
	}
	rows := make([][]string, len(list))
	for i, p := range list {
		rows[i] = []string{p.EmployeeNo, p.Name, p.Gender, unmaskedID(opt, p.IDNumber), unmaskedPhone(opt, p.Mobile), p.HomeUnit.Name,
			p.Window.Code, p.Post, p.JoinedOn.String(), p.LeftOn.String(), p.Status}
	}
	return "人员", columnNames(staffColumns), rows, nil
}
