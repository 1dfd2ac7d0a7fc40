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
// that cannot be written to is found before a print does any work. A print
// that records 文号s puts the file in place itself, inside the transaction
// that records them (see publish), so that the file appears exactly when its
// numbers are taken. Errors of write come back as they are; those of the
// file system name the file.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("无法写入 %s：%w", path, err)
	}
	af := &atomicFile{f: f, tmp: tmp, path: path}
	err = write(af)
	if err == nil {
		err = af.Commit()
	}
	if err != nil {
		af.close()
		os.Remove(tmp)
		if af.placed {
			// put in place, then the transaction around it failed
			os.Remove(path)
		}
	}
	return err
}

// committer is a writer whose content is put in place by Commit.
type committer interface {
	Commit() error
}

// atomicFile is the temporary file of WriteFileAtomic.
type atomicFile struct {
	f         *os.File
	tmp, path string
	closed    bool
	placed    bool
}

func (a *atomicFile) Write(b []byte) (int, error) { return a.f.Write(b) }

func (a *atomicFile) close() error {
	if a.closed {
		return nil
	}
	a.closed = true
	return a.f.Close()
}

// Commit closes the file and renames it into place; once done it does
// nothing.
func (a *atomicFile) Commit() error {
	if a.placed {
		return nil
	}
	if err := a.close(); err != nil {
		return fmt.Errorf("无法写入 %s：%w", a.path, err)
	}
	if err := os.Rename(a.tmp, a.path); err != nil {
		return fmt.Errorf("无法写入 %s：%w", a.path, err)
	}
	a.placed = true
	return nil
}

// publish writes a finished PDF to w and, when w is a file of
// WriteFileAtomic, puts it in place: the last step of recording a print's
// numbers, so that a failure here takes none.
func publish(pdf []byte, w io.Writer) func() error {
	return func() error {
		if _, err := w.Write(pdf); err != nil {
			return err
		}
		if c, ok := w.(committer); ok {
			return c.Commit()
		}
		return nil
	}
}
