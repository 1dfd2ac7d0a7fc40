package models

import "testing"

// An open window asks every few seconds whether another program wrote to
// the database; its own saves do not count, another program's do, once.
func TestAWindowNoticesAnotherProgramsChangeButNotItsOwn(t *testing.T) {
	dir := t.TempDir()
	window := mustOpen(t, dir)
	command := mustOpen(t, dir)
	steps := []struct {
		name string
		do   func()
		want bool
	}{
		{"the first look only takes note", func() {}, false},
		{"nothing happened", func() {}, false},
		{"the window saves a unit itself", func() { must(t, window.SaveHomeUnit(&HomeUnit{Name: "市民政局"})) }, false},
		{"a command imports a unit", func() { must(t, command.SaveHomeUnit(&HomeUnit{Name: "市公安局"})) }, true},
		{"and it is told once", func() {}, false},
		{"the window saves again", func() { must(t, window.SaveHomeUnit(&HomeUnit{Name: "市人社局"})) }, false},
	}
	for _, step := range steps {
		step.do()
		if got := window.ChangedElsewhere(); got != step.want {
			t.Fatalf("%s: changed elsewhere = %v, want %v", step.name, got, step.want)
		}
	}
	// a closed store holds no connection and says nothing changed
	window.Close()
	if window.ChangedElsewhere() {
		t.Error("a closed store reports a change")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
