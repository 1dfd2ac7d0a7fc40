package models

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"
)

// The audit log is a chain: each entry's Hash covers its own fields and the
// Hash of the entry before it (by ID), so changing, removing or reordering
// an entry with a database tool breaks the chain from that entry on, and
// Check names the first one that no longer fits.

// OriginReplaced marks an audit entry carried over from the database a
// restore replaced: it was made after the backup was taken, and is kept so
// that restoring never erases history.
const OriginReplaced = "被替换的数据库"

// auditHash is the chained hash of e after the entry whose hash is prev:
// sha256 over the JSON list of prev and e's fields (JSON so that no value
// can pass for a separator), the PC last and only when recorded.
func auditHash(prev string, e *AuditEntry) string {
	at := ""
	if !e.At.IsZero() {
		at = e.At.Format(civilLayout)
	}
	fields := []string{prev, at, e.Operator, e.Entity, e.Key, e.Action, e.Before, e.After, e.Origin}
	if e.PC != "" {
		// (entries from before the PC was recorded keep their hash)
		fields = append(fields, e.PC)
	}
	b, _ := json.Marshal(fields)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// lastAuditHash is the hash of the newest audit entry, "" for an empty log.
func lastAuditHash(tx *gorm.DB) (string, error) {
	var last []string
	err := tx.Raw("SELECT COALESCE(hash, '') FROM audit_entries ORDER BY id DESC LIMIT 1").Scan(&last).Error
	if err != nil || len(last) == 0 {
		return "", err
	}
	return last[0], nil
}

// appendAudit writes entries after the newest one, chaining each to the one
// before it. It runs inside the writer's transaction, which holds the only
// connection, so no other entry can come between.
func appendAudit(tx *gorm.DB, entries []AuditEntry) error {
	if len(entries) == 0 {
		return nil
	}
	prev, err := lastAuditHash(tx)
	if err != nil {
		return err
	}
	for i := range entries {
		entries[i].ID = 0
		entries[i].Hash = auditHash(prev, &entries[i])
		prev = entries[i].Hash
	}
	if len(entries) < 50 {
		return tx.Create(entries).Error
	}
	// an import writes an entry a record: tens of thousands, one prepared
	// statement
	ctx := tx.Statement.Context
	insert, err := prepareInsert(tx, insertAuditSQL)
	if err != nil {
		return err
	}
	defer insert.Close()
	for i := range entries {
		e := &entries[i]
		if e.ID, err = insert.insertID(ctx, civilOrNull(e.At), e.Operator, e.PC, e.Entity, e.Key, e.Action, e.Before, e.After, e.Origin, e.Hash); err != nil {
			return err
		}
	}
	return nil
}

const insertAuditSQL = `INSERT INTO audit_entries (at, operator, pc, entity, key, action, before, after, origin, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// eachAuditEntry calls fn for every audit entry in the order of the chain,
// reading a batch at a time so a long log does not sit in memory whole.
func eachAuditEntry(db *gorm.DB, fn func(e *AuditEntry) error) error {
	var after uint
	for {
		var batch []AuditEntry
		if err := db.Where("id > ?", after).Order("id").Limit(1000).Find(&batch).Error; err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for i := range batch {
			if err := fn(&batch[i]); err != nil {
				return err
			}
		}
		after = batch[len(batch)-1].ID
	}
}

// AuditBreak is the first audit entry that does not fit the chain.
type AuditBreak struct {
	Entry AuditEntry
	Index int // 1-based position in the log
}

func (b *AuditBreak) String() string {
	e := b.Entry
	return fmt.Sprintf("操作日志第 %d 条（编号 %d，%s %s %s %s「%s」）与记录时的内容不符：该条或它之前的记录被改动、删除或插入过",
		b.Index, e.ID, e.At.Format(civilLayout), e.Operator, e.Action, e.Entity, e.Key)
}

// VerifyAuditChain checks every audit entry against the chain and returns
// the first that does not fit, or nil when the whole log is as written.
func (s *Store) VerifyAuditChain() (*AuditBreak, error) {
	return verifyAuditChain(s.db)
}

func verifyAuditChain(db *gorm.DB) (*AuditBreak, error) {
	prev, n := "", 0
	var broken *AuditBreak
	errStop := fmt.Errorf("stop")
	err := eachAuditEntry(db, func(e *AuditEntry) error {
		n++
		if e.Hash != auditHash(prev, e) {
			broken = &AuditBreak{Entry: *e, Index: n}
			return errStop
		}
		prev = e.Hash
		return nil
	})
	if err != nil && err != errStop {
		return nil, err
	}
	return broken, nil
}

// migrateAuditChain adds the chain's columns and chains the entries already
// there in the order they were written, so the log of an older database is
// checked from here on like a new one.
func migrateAuditChain(tx *gorm.DB) error {
	for _, c := range []struct{ column, kind string }{
		{"hash", "varchar(64)"},
		{"origin", "varchar(32)"},
	} {
		if tx.Migrator().HasColumn("audit_entries", c.column) {
			continue
		}
		if err := tx.Exec(fmt.Sprintf("ALTER TABLE audit_entries ADD COLUMN %s %s", c.column, c.kind)).Error; err != nil {
			return err
		}
	}
	prev := ""
	return eachAuditEntry(tx, func(e *AuditEntry) error {
		h := auditHash(prev, e)
		prev = h
		return tx.Model(&AuditEntry{}).Where("id = ?", e.ID).UpdateColumn("hash", h).Error
	})
}

// migrateAuditPC adds the computer each change was made at, for centres
// whose PCs share one database. Earlier entries keep it empty.
func migrateAuditPC(tx *gorm.DB) error {
	if tx.Migrator().HasColumn("audit_entries", "pc") {
		return nil
	}
	return tx.Exec("ALTER TABLE audit_entries ADD COLUMN pc varchar(64)").Error
}
