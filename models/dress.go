package models

import (
	"strings"
)

// DressFindings are what a dress inspection (着装检查) finds, in the order
// forms offer them (窗口工作人员统一着装管理办法).
var DressFindings = []string{"未着装", "混穿", "未佩戴工作牌", "着装不整", "未按规定换装"}

// DressInspection is one finding of a dress inspection against a person.
type DressInspection struct {
	StaffID   uint
	On        Date
	Finding   string // one of DressFindings
	Detail    string // what was seen
	Inspector string
	Evidence  string
}

// RecordDressInspection records a dress-inspection finding as a discipline
// record of category 着装 (source 着装检查) in the violation register, which
// the scoring reads; the register suggests the ladder step as for any other
// violation. Field errors name the form's labels (发现问题 for the finding).
func (s *Store) RecordDressInspection(d DressInspection) (Violation, error) {
	d.Finding = strings.TrimSpace(d.Finding)
	if !oneOf(d.Finding, DressFindings) {
		return Violation{}, FieldErrors{{"发现问题", "请选择发现的问题：" + strings.Join(DressFindings, " / ")}}
	}
	text := d.Finding
	if detail := strings.TrimSpace(d.Detail); detail != "" {
		text += "：" + detail
	}
	v := Violation{StaffID: d.StaffID, On: d.On, Category: CategoryDress, Source: SourceDressCheck,
		Circumstances: text, RecordedBy: d.Inspector, Evidence: d.Evidence}
	err := s.SaveViolation(&v)
	return v, err
}

// DressInspections lists the discipline records that came from dress
// inspections, in date order.
func (s *Store) DressInspections() ([]Violation, error) {
	all, err := s.Violations(ViolationFilter{Category: CategoryDress})
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, v := range all {
		if v.Source == SourceDressCheck {
			out = append(out, v)
		}
	}
	return out, nil
}
