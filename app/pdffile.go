package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writePDF prints into memory, then writes the file under a temporary name
// and renames it, so a failed print leaves no file and no half-written PDF.
func writePDF(path string, print func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := print(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("无法创建文件夹 %s：%w", filepath.Dir(path), err)
	}
	tmp := path + ".part"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法写入 %s：%w", path, err)
	}
	return os.Rename(tmp, path)
}
