package models

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Moving a centre between a SQLite file and a PostgreSQL server: every
// table is copied row by row in id order, ids kept, the audit log as it is
// (its chain still verifies), in one transaction on the target, and each
// table's count and checksum are compared before it commits.

// TableCopy is what was copied of one table.
type TableCopy struct {
	Table    string
	Rows     int
	Checksum string // sha256 of the rows as read back from the target
}

// CopyProgress is told what the copy is doing, in Chinese.
type CopyProgress func(msg string)

// CopyDatabase copies the GovDesk database from into to; each is a
// PostgreSQL DSN or the path of a SQLite file, and one of them must be a
// server. A SQLite source is only read (a copy of it is upgraded when an
// older GovDesk wrote it); a file target must not exist yet and a server
// target must hold no records. Nothing is left on the target when the copy
// fails or a table's count or checksum differs.
func CopyDatabase(from, to string, progress CopyProgress, opts ...Option) ([]TableCopy, error) {
	if progress == nil {
		progress = func(string) {}
	}
	if !IsServerDSN(from) && !IsServerDSN(to) {
		return nil, refused("迁移的一端须是 PostgreSQL 服务器（postgres://…）；复制 SQLite 数据库文件请用“备份”")
	}
	src, cleanup, err := openCopySource(from, opts)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	if IsServerDSN(to) {
		dst, err := openServer(to, opts)
		if err != nil {
			return nil, err
		}
		defer dst.Close()
		progress("正在复制到 " + dst.path)
		return copyStore(src, dst, progress)
	}
	return src.copyToFile(to, progress, opts)
}

// openServer opens the store of a server with a scratch data folder: a copy
// needs nothing of this PC's.
func openServer(dsn string, opts []Option) (*Store, error) {
	return Open(os.TempDir(), append(opts, WithDatabase(dsn))...)
}

// openCopySource opens the database a copy reads; cleanup closes it.
func openCopySource(from string, opts []Option) (*Store, func(), error) {
	if IsServerDSN(from) {
		st, err := openServer(from, opts)
		if err != nil {
			return nil, nil, err
		}
		return st, func() { st.Close() }, nil
	}
	// a copy of the file, so the source stays as it was even when an older
	// GovDesk wrote it and it has to be upgraded
	dir, err := os.MkdirTemp("", "govdesk-copy-")
	if err != nil {
		return nil, nil, err
	}
	drop := func() { os.RemoveAll(dir) }
	probe, err := openChecked(from, from)
	if err != nil {
		drop()
		return nil, nil, err
	}
	sqlDB, _ := probe.DB()
	err = vacuumInto(probe, filepath.Join(dir, DatabaseFile))
	sqlDB.Close()
	if err != nil {
		drop()
		return nil, nil, fmt.Errorf("无法读取数据库文件 %s：%w", from, err)
	}
	st, err := Open(dir, append(opts, WithDatabase(""))...)
	if err != nil {
		drop()
		return nil, nil, err
	}
	return st, func() { st.Close(); drop() }, nil
}

// copyToFile copies the store's records into a new SQLite file at path,
// made under another name in the same folder and named path only once the
// copy is complete and verified.
func (s *Store) copyToFile(path string, progress CopyProgress, opts []Option) ([]TableCopy, error) {
	if progress == nil {
		progress = func(string) {}
	}
	if _, err := os.Stat(path); err == nil {
		return nil, refused(fmt.Sprintf("文件 %s 已存在，请换一个文件名", path))
	}
	scratch, err := os.MkdirTemp(filepath.Dir(path), ".govdesk-copy-")
	if err != nil {
		return nil, fmt.Errorf("无法在 %s 中写入：%w", filepath.Dir(path), err)
	}
	defer os.RemoveAll(scratch)
	file := filepath.Join(scratch, DatabaseFile)
	// the file exists before the store opens, so it is this file the
	// store opens, whatever else would be chosen for the folder
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		return nil, err
	}
	dst, err := Open(scratch, append(opts, WithDatabase(""))...)
	if err != nil {
		return nil, err
	}
	progress("正在复制到 " + path)
	copied, err := copyStore(s, dst, progress)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if err := os.Rename(file, path); err != nil {
		return nil, fmt.Errorf("无法写入 %s：%w", path, err)
	}
	return copied, nil
}

// columnKind is how a column's values are read, written and compared.
type columnKind int

const (
	kindText columnKind = iota
	kindInt
	kindFloat
	kindBool
	kindDate    // a Date: "2006-01-02"
	kindCivil   // a civil time: "2006-01-02 15:04:05"
	kindInstant // a moment GORM stamps (created_at, updated_at)
)

type copyColumn struct {
	name string
	kind columnKind
}

type copyTable struct {
	name    string
	columns []copyColumn
	key     []string // primary key, the order rows are copied and compared in
}

func (t copyTable) hasColumn(name string) bool {
	for _, c := range t.columns {
		if c.name == name {
			return true
		}
	}
	return false
}

// copyStore copies every record of src into dst in one transaction.
func copyStore(src, dst *Store, progress CopyProgress) ([]TableCopy, error) {
	server := src
	if dst.OnServer() {
		server = dst
	}
	tables, err := copyTables(server.db)
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		if t.name == "schema_migrations" || t.name == "settings" {
			continue
		}
		var n int64
		if err := dst.db.Table(t.name).Count(&n).Error; err != nil {
			return nil, err
		}
		if n > 0 {
			return nil, refused(fmt.Sprintf("目标数据库 %s 中已有数据（%s 表有 %d 条记录），没有迁移；请使用一个新建的空数据库", dst.path, t.name, n))
		}
	}
	var done []TableCopy
	err = dst.db.Transaction(func(tx *gorm.DB) error {
		if err := takeWriterLock(tx); err != nil {
			return err
		}
		if !isPostgres(tx) {
			// SQLite checks the references at the commit
			if err := tx.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
				return err
			}
		}
		// what opening the new database wrote gives way to the source's
		for _, name := range []string{"settings", "schema_migrations"} {
			if err := tx.Exec("DELETE FROM " + name).Error; err != nil {
				return err
			}
		}
		for _, t := range tables {
			progress(fmt.Sprintf("复制 %s 表……", t.name))
			c, err := copyTable1(src.db, tx, t)
			if err != nil {
				return fmt.Errorf("复制 %s 表失败：%w", t.name, err)
			}
			progress(fmt.Sprintf("  %s：%d 条，校验和 %s，与原数据库一致", t.name, c.Rows, c.Checksum[:12]))
			done = append(done, c)
		}
		if isPostgres(tx) {
			if err := resetSequences(tx, tables); err != nil {
				return err
			}
		}
		broken, err := verifyAuditChain(tx)
		if err != nil {
			return err
		}
		if broken != nil {
			return fmt.Errorf("复制后的操作日志未通过校验：%s", broken)
		}
		progress("操作日志防篡改链校验通过")
		return nil
	})
	if err != nil {
		return nil, err
	}
	return done, nil
}

// copyTable1 copies table t from src into tx and compares the rows read
// back with the source's: count and checksum.
func copyTable1(src, tx *gorm.DB, t copyTable) (TableCopy, error) {
	names := make([]string, len(t.columns))
	marks := make([]string, len(t.columns))
	for i, c := range t.columns {
		names[i], marks[i] = quoted(c.name), "?"
	}
	list := strings.Join(names, ", ")
	insert := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", quoted(t.name), list, strings.Join(marks, ", "))
	// one prepared statement: a punch table holds hundreds of thousands of rows
	ctx := tx.Statement.Context
	stmt, err := tx.Statement.ConnPool.PrepareContext(ctx, rebind(tx, insert))
	if err != nil {
		return TableCopy{}, err
	}
	defer stmt.Close()
	var rows int
	want := sha256.New()
	err = eachRow(src, t, list, func(vals []any) error {
		rows++
		hashRow(want, vals)
		_, err := stmt.ExecContext(ctx, vals...)
		return err
	})
	if err != nil {
		return TableCopy{}, err
	}
	got := sha256.New()
	var back int
	if err := eachRow(tx, t, list, func(vals []any) error {
		back++
		hashRow(got, vals)
		return nil
	}); err != nil {
		return TableCopy{}, err
	}
	sum, wantSum := hex.EncodeToString(got.Sum(nil)), hex.EncodeToString(want.Sum(nil))
	if back != rows || sum != wantSum {
		return TableCopy{}, fmt.Errorf("复制后核对不一致：原有 %d 条（校验和 %s），复制后 %d 条（校验和 %s）", rows, wantSum[:12], back, sum[:12])
	}
	return TableCopy{Table: t.name, Rows: rows, Checksum: sum}, nil
}

// eachRow reads table t in key order and gives fn each row's values, made
// the same whichever database they come from.
func eachRow(db *gorm.DB, t copyTable, list string, fn func([]any) error) error {
	key := make([]string, len(t.key))
	for i, k := range t.key {
		key[i] = quoted(k)
	}
	rows, err := db.Raw(fmt.Sprintf("SELECT %s FROM %s ORDER BY %s", list, quoted(t.name), strings.Join(key, ", "))).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	raw := make([]any, len(t.columns))
	ptrs := make([]any, len(t.columns))
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		vals := make([]any, len(raw))
		for i, c := range t.columns {
			v, err := c.kind.value(raw[i])
			if err != nil {
				return fmt.Errorf("%s 列：%w", c.name, err)
			}
			vals[i] = v
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

// value is v as a driver gave it, made the value both databases store the
// same way: text for civil times and dates, true or false, a moment in
// time, a number, text; nil for NULL.
func (k columnKind) value(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	switch k {
	case kindCivil:
		t, err := civilValue(v)
		if err != nil {
			return nil, err
		}
		return civilArg(t), nil
	case kindDate:
		var d Date
		if err := d.Scan(v); err != nil {
			return nil, err
		}
		return d.Value()
	case kindBool:
		switch x := v.(type) {
		case bool:
			return x, nil
		case int64:
			return x != 0, nil
		case string:
			return strconv.ParseBool(x)
		}
	case kindInstant:
		// at the centre, to the microsecond a server keeps: GORM stamped
		// them with the store's clock, and they read back as written
		switch x := v.(type) {
		case time.Time:
			return x.In(CentreZone).Truncate(time.Microsecond), nil
		case string:
			t, err := parseInstant(x)
			return t.In(CentreZone).Truncate(time.Microsecond), err
		}
	case kindInt:
		switch x := v.(type) {
		case int64:
			return x, nil
		case string:
			return strconv.ParseInt(x, 10, 64)
		}
	case kindFloat:
		switch x := v.(type) {
		case float64:
			return x, nil
		case int64:
			return float64(x), nil
		case string:
			return strconv.ParseFloat(x, 64)
		}
	case kindText:
		switch x := v.(type) {
		case string:
			return x, nil
		case int64, float64, bool:
			return fmt.Sprint(x), nil
		}
	}
	return nil, fmt.Errorf("无法识别的值 %v（%T）", v, v)
}

// parseInstant reads a moment as the SQLite driver writes one.
func parseInstant(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("无法识别的时间“%s”", s)
}

// hashRow adds a row to a table's checksum: its values as JSON, moments in
// UTC, so that the same row hashes the same from either database.
func hashRow(h interface{ Write([]byte) (int, error) }, vals []any) {
	out := make([]any, len(vals))
	for i, v := range vals {
		if t, ok := v.(time.Time); ok {
			v = t.UTC().Format(time.RFC3339Nano)
		}
		out[i] = v
	}
	b, _ := json.Marshal(out)
	h.Write(append(b, '\n'))
}

// copyTables lists the tables of the server's database, parents before the
// tables that refer to them, with each column's kind as the server declares
// it (civil times are of the domain datetime).
func copyTables(db *gorm.DB) ([]copyTable, error) {
	type col struct {
		Table, Column, Type, Domain string
	}
	var cols []col
	if err := db.Raw(`SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS type, COALESCE(c.domain_name, '') AS domain
		FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
		WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
		ORDER BY c.table_name, c.ordinal_position`).Scan(&cols).Error; err != nil {
		return nil, err
	}
	byName := map[string]*copyTable{}
	var names []string
	for _, c := range cols {
		if c.Table == "govdesk_writers" {
			continue // who is writing now, not records
		}
		t := byName[c.Table]
		if t == nil {
			t = &copyTable{name: c.Table}
			byName[c.Table] = t
			names = append(names, c.Table)
		}
		t.columns = append(t.columns, copyColumn{c.Column, kindOfServerType(c.Type, c.Domain)})
	}
	type link struct{ Child, Parent, Key string }
	var keys []link
	if err := db.Raw(`SELECT tc.table_name AS child, '' AS parent, kcu.column_name AS key
		FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu
		USING (constraint_schema, constraint_name, table_name)
		WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
		ORDER BY tc.table_name, kcu.ordinal_position`).Scan(&keys).Error; err != nil {
		return nil, err
	}
	for _, k := range keys {
		if t := byName[k.Child]; t != nil {
			t.key = append(t.key, k.Key)
		}
	}
	var refs []link
	if err := db.Raw(`SELECT DISTINCT cl.relname AS child, pl.relname AS parent, '' AS key FROM pg_constraint c
		JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class pl ON pl.oid = c.confrelid
		WHERE c.contype = 'f' AND cl.relnamespace = current_schema()::regnamespace`).Scan(&refs).Error; err != nil {
		return nil, err
	}
	parents := map[string][]string{}
	for _, r := range refs {
		if r.Child != r.Parent {
			parents[r.Child] = append(parents[r.Child], r.Parent)
		}
	}
	sort.Strings(names)
	var ordered []copyTable
	placed := map[string]bool{}
	var place func(name string, path map[string]bool) error
	place = func(name string, path map[string]bool) error {
		if placed[name] {
			return nil
		}
		if path[name] {
			return errors.New("数据表之间的引用成环，无法排定复制顺序：" + name)
		}
		path[name] = true
		for _, p := range parents[name] {
			if byName[p] != nil {
				if err := place(p, path); err != nil {
					return err
				}
			}
		}
		placed[name] = true
		t := byName[name]
		if len(t.key) == 0 {
			for _, c := range t.columns {
				t.key = append(t.key, c.name)
			}
		}
		ordered = append(ordered, *t)
		return nil
	}
	for _, n := range names {
		if err := place(n, map[string]bool{}); err != nil {
			return nil, err
		}
	}
	return ordered, nil
}

func kindOfServerType(typ, domain string) columnKind {
	if domain == "datetime" {
		return kindCivil
	}
	switch typ {
	case "boolean":
		return kindBool
	case "date":
		return kindDate
	case "bigint", "integer", "smallint":
		return kindInt
	case "numeric", "double precision", "real":
		return kindFloat
	case "timestamp with time zone", "timestamp without time zone":
		return kindInstant
	}
	return kindText
}

// resetSequences moves each id sequence past the ids copied, so that the
// next record gets a new id.
func resetSequences(tx *gorm.DB, tables []copyTable) error {
	for _, t := range tables {
		if !t.hasColumn("id") {
			continue
		}
		var seq sql.NullString
		if err := tx.Raw("SELECT pg_get_serial_sequence(?, 'id')", t.name).Scan(&seq).Error; err != nil {
			return err
		}
		if !seq.Valid {
			continue
		}
		q := fmt.Sprintf("SELECT setval(?, COALESCE((SELECT max(id) FROM %s), 0) + 1, false)", t.name)
		if err := tx.Exec(q, seq.String).Error; err != nil {
			return err
		}
	}
	return nil
}

// quoted is a table or column name as SQL writes it whatever it is ("on").
func quoted(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }
