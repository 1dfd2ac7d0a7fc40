// Package models is GovDesk's domain: the GORM entities of a government
// service centre (home units, service windows, staff, the working-day
// calendar, the audit log), the Store that keeps them in SQLite, and the
// rules applied to them as plain functions over plain values.
package models
