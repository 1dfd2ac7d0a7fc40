package models

// Everything in this file is specific to PostgreSQL, the shared database of
// a centre whose PCs all work on the same records.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// WithDatabase keeps the records on the PostgreSQL server dsn
// ("postgres://用户:密码@服务器/数据库") instead of in govdesk.db in the data
// folder; empty keeps them in the file. The data folder still holds what
// belongs to this PC: its lock, its backups, its printed papers.
func WithDatabase(dsn string) Option {
	return func(s *Store) { s.dsn = strings.TrimSpace(dsn) }
}

// IsServerDSN reports whether db names a PostgreSQL server rather than a
// file.
func IsServerDSN(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// OnServer reports whether the store's records live on a PostgreSQL server.
func (s *Store) OnServer() bool { return s.dsn != "" }

// Where tells where the records are: the database file, or the server and
// database (without the password).
func (s *Store) Where() string { return s.path }

// testDatabase, when the tests set it, gives the server DSN that Open uses
// for a data folder opened without WithDatabase, so that the store's whole
// suite runs on PostgreSQL too.
var testDatabase func(dataDir string) string

// serverName is dsn as messages show it: without the password.
func serverName(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "PostgreSQL 服务器"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	return u.Redacted()
}

// writerLockKey is the PostgreSQL advisory lock a GovDesk writer holds for
// its transaction: one writer at a time, whichever PC it runs on, as SQLite
// has. The audit chain (each entry hashes the one before), the 文号
// register and every check made before a write (a locked month, a stale
// version, a duplicate) rely on no other write coming between.
const writerLockKey = 0x476f764465736b // "GovDesk"

func isPostgres(db *gorm.DB) bool { return db.Dialector.Name() == "postgres" }

// openPostgres connects to the server of s.dsn and brings its schema up to
// date; programs on other PCs starting at once wait for each other.
func (s *Store) openPostgres() error {
	s.path = serverName(s.dsn)
	db, err := gorm.Open(postgres.New(postgres.Config{DSN: s.dsn}), s.gormConfig())
	if err != nil {
		return fmt.Errorf("无法连接数据库服务器 %s：%w", s.path, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	// one connection, as on SQLite: the store's statements stay in order,
	// and the server's lock keeps other PCs' writers out
	sqlDB.SetMaxOpenConns(1)
	if err := sqlDB.Ping(); err != nil {
		sqlDB.Close()
		return fmt.Errorf("无法连接数据库服务器 %s：%w", s.path, err)
	}
	s.db = db
	err = withServerLock(db, func() error {
		// civil times are zone-less text, as in the SQLite file, so that
		// they compare, sort and read the same on both
		if err := db.Exec(`DO $$ BEGIN
			IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'datetime') THEN CREATE DOMAIN datetime AS text; END IF;
			END $$`).Error; err != nil {
			return err
		}
		// who writes (noteServerWriter): not records, so not migrated or copied
		if err := db.Exec("CREATE UNLOGGED TABLE IF NOT EXISTS govdesk_writers (pid integer PRIMARY KEY, note text NOT NULL)").Error; err != nil {
			return err
		}
		if err := migrate(db, len(migrations)); err != nil {
			return err
		}
		return ensureVersionTriggers(db)
	})
	if err != nil {
		sqlDB.Close()
		return err
	}
	return nil
}

// withServerLock runs fn holding the writers' lock for the session, so that
// a program on another PC neither writes nor upgrades the schema meanwhile.
func withServerLock(db *gorm.DB, fn func() error) error {
	if err := db.Exec("SELECT pg_advisory_lock(?)", writerLockKey).Error; err != nil {
		return err
	}
	defer db.Exec("SELECT pg_advisory_unlock(?)", writerLockKey)
	return fn()
}

// takeWriterLock makes the transaction tx the only writer: on PostgreSQL it
// takes the writers' lock, waiting at most busyTimeout for another PC's
// writer; SQLite took its lock when the transaction began.
func takeWriterLock(tx *gorm.DB) error {
	if !isPostgres(tx) {
		return nil
	}
	if err := tx.Exec(fmt.Sprintf("SET LOCAL lock_timeout = %d", busyTimeout.Milliseconds())).Error; err != nil {
		return err
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(?)", writerLockKey).Error
}

// pgCode is the SQLSTATE of a PostgreSQL error, "" for any other error.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// ensurePostgresVersionTriggers is ensureVersionTriggers on PostgreSQL: one
// function raises the version, a trigger on each versioned table calls it.
func ensurePostgresVersionTriggers(db *gorm.DB) error {
	if err := db.Exec(`CREATE OR REPLACE FUNCTION govdesk_raise_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.version <= OLD.version THEN NEW.version := OLD.version + 1; END IF;
	RETURN NEW;
END $$`).Error; err != nil {
		return err
	}
	for _, t := range versionedTables {
		name := t + "_version"
		var n int64
		if err := db.Raw("SELECT count(*) FROM pg_trigger WHERE tgname = ? AND tgrelid = to_regclass(?)", name, t).Scan(&n).Error; err != nil {
			return err
		}
		if n > 0 || !db.Migrator().HasColumn(t, "version") {
			continue
		}
		sql := fmt.Sprintf("CREATE TRIGGER %s BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION govdesk_raise_version()", name, t)
		if err := db.Exec(sql).Error; err != nil {
			return err
		}
	}
	return nil
}

// serverChangeMark is what ChangedElsewhere compares on a server: the
// newest audit entry, since every change is written with its entry.
func serverChangeMark(db *sql.DB) (int64, error) {
	var v int64
	err := db.QueryRow("SELECT COALESCE(max(id), 0) FROM audit_entries").Scan(&v)
	return v, err
}

// serverWriter names, for a write that had to wait, the program that holds
// the server's writers' lock, as it noted itself in govdesk_writers.
func serverWriter(db *gorm.DB) string {
	var notes []string
	db.Raw(`SELECT w.note FROM pg_locks l JOIN govdesk_writers w ON w.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 1`,
		writerLockKey>>32, writerLockKey&0xffffffff).Scan(&notes)
	if len(notes) > 0 && notes[0] != "" {
		return notes[0]
	}
	return "另一台电脑上的政务窗口管理"
}

// noteServerWriter says, before this program's connection starts a write,
// who it is (WriterFile's note on a server, where the other PCs cannot see
// this one's data folder). It is written outside the write's transaction,
// so that a program waiting for the write can read it.
func noteServerWriter(db *gorm.DB, note string) {
	db.Exec(`INSERT INTO govdesk_writers (pid, note) VALUES (pg_backend_pid(), ?)
		ON CONFLICT (pid) DO UPDATE SET note = excluded.note`, note)
}

// WithPCName names the PC the audit log and other PCs' messages give for
// this program's changes, instead of the name the system gives it.
func WithPCName(name string) Option {
	return func(s *Store) { s.pc = strings.TrimSpace(name) }
}

// pcName is the name of this PC: WithPCName's, or the system's.
func (s *Store) pcName() string {
	if s.pc != "" {
		return s.pc
	}
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return "未知电脑"
}

// rebind writes the ? placeholders of query as $1, $2 … for a statement
// prepared on PostgreSQL's own connection, where GORM does not rewrite them.
func rebind(db *gorm.DB, query string) string {
	if !isPostgres(db) {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// caseless makes the LIKEs of query, a search of what a person typed, match
// letters whatever their case, as SQLite's LIKE does: PostgreSQL's LIKE
// tells A01 from a01, its ILIKE does not.
func caseless(db *gorm.DB, query string) string {
	if !isPostgres(db) {
		return query
	}
	return strings.ReplaceAll(query, " LIKE ", " ILIKE ")
}

// insertStmt is a prepared INSERT that gives the id of each row it adds
// (prepareInsert). On SQLite it asks the driver for the last insert id
// rather than adding RETURNING id to the statement: with RETURNING the
// driver reads a result set, which made an import of tens of thousands of
// rows twice as slow. A PostgreSQL server gives no last insert id, so
// there the statement returns it.
type insertStmt struct {
	*sql.Stmt
	returning bool
}

// prepareInsert prepares query, an INSERT with ? placeholders, in tx.
func prepareInsert(tx *gorm.DB, query string) (*insertStmt, error) {
	pg := isPostgres(tx)
	query = rebind(tx, query)
	if pg {
		query += " RETURNING id"
	}
	stmt, err := tx.Statement.ConnPool.PrepareContext(tx.Statement.Context, query)
	if err != nil {
		return nil, err
	}
	return &insertStmt{stmt, pg}, nil
}

// insertID adds a row and returns its id.
func (s *insertStmt) insertID(ctx context.Context, args ...any) (uint, error) {
	if s.returning {
		var id int64
		err := s.QueryRowContext(ctx, args...).Scan(&id)
		return uint(id), err
	}
	res, err := s.ExecContext(ctx, args...)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	return uint(id), err
}
