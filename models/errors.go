package models

import (
	"errors"
	"strings"
)

// FieldError says what is wrong with one field of a record. Field is the
// Chinese label the user sees, which is also the column name in exchange files.
type FieldError struct {
	Field  string
	Reason string
}

// FieldErrors is the list of everything wrong with a record; it is an error
// whose text is one Chinese sentence per field.
type FieldErrors []FieldError

func (fe FieldErrors) Error() string {
	parts := make([]string, len(fe))
	for i, e := range fe {
		parts[i] = e.Field + "：" + e.Reason
	}
	return strings.Join(parts, "；")
}

// For returns the reason given for field, or "".
func (fe FieldErrors) For(field string) string {
	for _, e := range fe {
		if e.Field == field {
			return e.Reason
		}
	}
	return ""
}

func (fe *FieldErrors) add(field, reason string) {
	*fe = append(*fe, FieldError{field, reason})
}

// AsFieldErrors extracts FieldErrors from err, if it holds any.
func AsFieldErrors(err error) (FieldErrors, bool) {
	var fe FieldErrors
	ok := errors.As(err, &fe)
	return fe, ok
}

// RefusedError is an operation the rules do not allow, such as deleting a
// record that other records still refer to. Its text says why, in Chinese.
type RefusedError struct{ Reason string }

func (e *RefusedError) Error() string { return e.Reason }

func refused(reason string) error { return &RefusedError{reason} }

// ErrNotFound is returned when a record asked for by key does not exist.
var ErrNotFound = errors.New("记录不存在，可能已被删除")

// oneOf reports whether v is one of the values a field allows.
func oneOf(v string, set []string) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}
