package models

import "database/sql"

// ChangedElsewhere reports whether the database was written by anything
// but this store since it was last asked: another program on the same
// data folder (a command-line import, a scheduled backup --auto), so that
// an open window can show the new data instead of what it read before.
// The first call only takes note. It reads SQLite's data_version on a
// connection of its own, which every other connection's commit changes;
// commits of this store are told apart by counting them. On a server it
// reads the newest audit entry instead: every change is written with one.
func (s *Store) ChangedElsewhere() bool {
	s.watchMu.Lock()
	defer s.watchMu.Unlock()
	if s.watchClosed {
		return false
	}
	if s.watch == nil {
		// the store's own pool has one connection, for its writes in order:
		// the watch needs another
		driver, dsn := "sqlite3", sqliteDSN(s.path)
		if s.OnServer() {
			driver, dsn = "pgx", s.dsn
		}
		db, err := sql.Open(driver, dsn)
		if err != nil {
			return false
		}
		db.SetMaxOpenConns(1)
		s.watch = db
	}
	var v int64
	var err error
	if s.OnServer() {
		v, err = serverChangeMark(s.watch)
		v++ // never 0, which stands for not read yet
	} else {
		err = s.watch.QueryRow("PRAGMA data_version").Scan(&v)
	}
	if err != nil {
		return false
	}
	first := s.watchVersion == 0
	changed := v != s.watchVersion
	s.watchVersion = v
	own := s.ownWrites.Swap(0)
	return changed && !first && own == 0
}

// closeWatch gives back the connection ChangedElsewhere holds, so that
// closing the store leaves no connection on the file (a restore replaces
// it).
func (s *Store) closeWatch() {
	s.watchMu.Lock()
	defer s.watchMu.Unlock()
	s.watchClosed = true
	if s.watch != nil {
		s.watch.Close()
		s.watch = nil
	}
}
