package app

import "testing"

// A window remembered on a larger screen, or placed above the top of this
// one (the title bar out of reach), is moved and cut down into the work
// area: here 1366×768 less a 40-pixel taskbar.
func TestWindowIsFittedIntoTheWorkArea(t *testing.T) {
	work := rect{0, 0, 1366, 728}
	for _, c := range []struct {
		name       string
		r          rect
		x, y, w, h int32
	}{
		{"fits already", rect{100, 50, 1300, 700}, 100, 50, 1200, 650},
		{"1280×800 centred on 768", rect{43, -16, 1323, 784}, 43, 0, 1280, 728},
		{"wider than the screen", rect{-200, 10, 1800, 600}, 0, 10, 1366, 590},
		{"off to the right", rect{1000, 100, 1800, 500}, 566, 100, 800, 400},
	} {
		x, y, w, h := fitRect(c.r, work)
		if x != c.x || y != c.y || w != c.w || h != c.h {
			t.Errorf("%s: %d,%d %d×%d, want %d,%d %d×%d", c.name, x, y, w, h, c.x, c.y, c.w, c.h)
		}
	}
}
