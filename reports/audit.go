package reports

import (
	"strings"

	"govdesk/models"
)

// The 操作日志 export (govdesk export audit, and 导出 on the screen).

func exportAudit(st *models.Store, opt ExportOptions) (string, []string, [][]string, error) {
	f := opt.Audit
	if f.From.IsZero() && f.To.IsZero() { // --month: the entries made in it
		var err error
		if f.From, f.To, err = monthRange(opt.Month); err != nil {
			return "", nil, nil, err
		}
	}
	entries, err := st.AuditLog(f)
	if err != nil {
		return "", nil, nil, err
	}
	header := []string{"时间", "操作员", "对象", "记录", "操作", "内容", "来源", "电脑"}
	rows := make([][]string, len(entries))
	for i, e := range entries {
		rows[i] = []string{e.At.Format("2006-01-02 15:04:05"), e.Operator, e.Entity, e.Key, e.Action,
			strings.Join(e.Changes(), "；"), e.Origin, e.PC}
	}
	return "操作日志", header, rows, nil
}
