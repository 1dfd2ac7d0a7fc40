package reports

import (
	"fmt"
	"io"
	"os"
)

// WriteFileAtomic has write write the file at path under a temporary name
// beside it, renamed into place only when all of it was written: a failed
// print or export leaves no file and no half file, and a file already at path
// stays as it was. The temporary file is made before write runs, so a folder
// that cannot be written to is found before a print takes any 文号. Errors of
// write come back as they are; those of the file system name the file.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("无法写入 %s：%w", path, err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("无法写入 %s：%w", path, cerr)
	}
	if err == nil {
		if rerr := os.Rename(tmp, path); rerr != nil {
			err = fmt.Errorf("无法写入 %s：%w", path, rerr)
		}
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
