package models

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// The store's suite runs a second time on a PostgreSQL server when
// GOVDESK_TEST_POSTGRES gives one (.ci/run starts a throwaway server): every
// data folder a test opens without a database file of its own gets a fresh
// database on that server, so two stores on one folder are two PCs on one
// server. An unreachable server fails the run rather than skipping it.
const testPostgresVar = "GOVDESK_TEST_POSTGRES"

var testServer struct {
	sync.Mutex
	admin    *sql.DB
	base     *url.URL
	template string
	byDir    map[string]string
	made     []string
}

func TestMain(m *testing.M) {
	if dsn := os.Getenv(testPostgresVar); dsn != "" {
		if err := startTestServer(dsn); err != nil {
			fmt.Fprintf(os.Stderr, "%s=%s: %v\n", testPostgresVar, dsn, err)
			os.Exit(1)
		}
	}
	code := m.Run()
	dropTestDatabases()
	os.Exit(code)
}

func startTestServer(dsn string) error {
	u, err := url.Parse(dsn)
	if err != nil {
		return err
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	if err := admin.Ping(); err != nil {
		return err
	}
	testServer.admin, testServer.base, testServer.byDir = admin, u, map[string]string{}
	// one migrated database, copied for every test: migrating each anew
	// would cost more than the tests
	testServer.template = fmt.Sprintf("govdesk_test_%d", os.Getpid())
	tplDSN, err := createTestDatabase(testServer.template, "")
	if err != nil {
		return err
	}
	st, err := Open(os.TempDir(), WithDatabase(tplDSN))
	if err != nil {
		return err
	}
	st.Close()
	testDatabase = serverForDir
	return nil
}

// onServer reports whether this run keeps the tests' records on PostgreSQL.
func onServer() bool { return testDatabase != nil }

// skipOnServer skips a test of the SQLite file itself in the PostgreSQL run.
func skipOnServer(t testing.TB, why string) {
	t.Helper()
	if onServer() {
		t.Skip(why + "：只有 SQLite 数据库文件才有")
	}
}

// serverForDir is the test database of a data folder: a new one the first
// time, none for a folder that holds a database file (an old version's file
// that a test upgrades, a backup restored).
func serverForDir(dir string) string {
	if _, err := os.Stat(filepath.Join(dir, DatabaseFile)); err == nil {
		return ""
	}
	testServer.Lock()
	defer testServer.Unlock()
	if dsn, ok := testServer.byDir[dir]; ok {
		return dsn
	}
	name := fmt.Sprintf("%s_%d", testServer.template, len(testServer.made))
	dsn, err := createTestDatabase(name, testServer.template)
	if err != nil {
		panic(err)
	}
	testServer.byDir[dir] = dsn
	return dsn
}

// createTestDatabase makes database name, a copy of template when given, and
// returns its DSN.
func createTestDatabase(name, template string) (string, error) {
	q := "CREATE DATABASE " + name
	if template != "" {
		q += " TEMPLATE " + template
	}
	if _, err := testServer.admin.Exec(q); err != nil {
		return "", err
	}
	testServer.made = append(testServer.made, name)
	u := *testServer.base
	u.Path = "/" + name
	return u.String(), nil
}

func dropTestDatabases() {
	if testServer.admin == nil {
		return
	}
	for i := len(testServer.made) - 1; i >= 0; i-- {
		testServer.admin.Exec("DROP DATABASE IF EXISTS " + testServer.made[i] + " WITH (FORCE)")
	}
	testServer.admin.Close()
}
