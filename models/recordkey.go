package models

import (
	"crypto/rand"
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// Record kinds that have no natural key: their exports carry a 编号 made by
// RecordKey, and an import matches a row with a 编号 to the record it came
// from, so a file edited in Excel updates the records instead of adding
// copies of them.
const (
	KeyViolation    = "WG" // 违规
	KeyComplaint    = "TS" // 投诉
	KeyRating       = "PJ" // 评价
	KeyCommendation = "BY" // 表扬
	KeyInspection   = "CG" // 查岗
	KeyLeave        = "QJ" // 请假
	KeyUniform      = "FZ" // 服装发放
)

var keyKinds = map[string]string{
	KeyViolation: "违规记录", KeyComplaint: "投诉", KeyRating: "评价", KeyCommendation: "表扬", KeyInspection: "查岗记录", KeyLeave: "请假", KeyUniform: "服装发放记录",
}

const settingDatabaseMark = "database_mark"

// migrateDatabaseMark gives the database the mark its 编号 carry, so that a
// file exported from another centre's database is not taken for this one's
// records.
func migrateDatabaseMark(tx *gorm.DB) error {
	var n int64
	if err := tx.Model(&Setting{}).Where("key = ?", settingDatabaseMark).Count(&n).Error; err != nil || n > 0 {
		return err
	}
	return tx.Create(&Setting{Key: settingDatabaseMark, Value: newDatabaseMark()}).Error
}

// newDatabaseMark is four random letters and digits, without the ones that
// are easily misread (0 O 1 I).
func newDatabaseMark() string {
	const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	b := make([]byte, 4)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// RecordKeys makes and reads the 编号 of one database's records.
type RecordKeys struct{ mark string }

// RecordKeys returns the 编号 maker of this database.
func (s *Store) RecordKeys() (RecordKeys, error) {
	var st Setting
	if err := s.db.Where("key = ?", settingDatabaseMark).Limit(1).Find(&st).Error; err != nil {
		return RecordKeys{}, err
	}
	return RecordKeys{mark: st.Value}, nil
}

// Key is the 编号 of record id of kind, such as "WG-K7Q2-15".
func (k RecordKeys) Key(kind string, id uint) string {
	return fmt.Sprintf("%s-%s-%d", kind, k.mark, id)
}

// Parse reads a 编号 of kind; an empty cell is 0 (a new record, or one
// matched on its content), and so is the 编号 of another database's record:
// moving records into another database works as before there were 编号. A
// 编号 of another kind, or one that is not a 编号, is refused with the reason.
func (k RecordKeys) Parse(kind, key string) (uint, error) {
	key = strings.ToUpper(strings.TrimSpace(key))
	if key == "" {
		return 0, nil
	}
	parts := strings.Split(key, "-")
	if len(parts) != 3 {
		return 0, fmt.Errorf("编号“%s”的格式不对，应是导出时的样子，如 %s", key, k.Key(kind, 15))
	}
	if parts[0] != kind {
		name := keyKinds[parts[0]]
		if name == "" {
			return 0, fmt.Errorf("编号“%s”的格式不对，应是导出时的样子，如 %s", key, k.Key(kind, 15))
		}
		return 0, fmt.Errorf("编号“%s”是%s的编号，不是%s的：请检查导入的种类", key, name, keyKinds[kind])
	}
	if parts[1] != k.mark {
		// another centre's (or a copy's) record: it names nothing here, so
		// the row is matched on its content as a row without 编号 is
		return 0, nil
	}
	id, err := strconv.ParseUint(parts[2], 10, 32)
	if err != nil || id == 0 {
		return 0, fmt.Errorf("编号“%s”的格式不对，应是导出时的样子，如 %s", key, k.Key(kind, 15))
	}
	return uint(id), nil
}

// findByKey loads the record a row's 编号 names, for an import to update.
func findByKey[T any](tx *gorm.DB, kind string, id uint, rec *T) error {
	res := tx.Limit(1).Find(rec, id)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return FieldErrors{{"编号", fmt.Sprintf("编号 %s-…-%d 的%s已不存在（可能已被删除）：要重新录入，请清空这一行的“编号”", kind, id, keyKinds[kind])}}
	}
	return nil
}
