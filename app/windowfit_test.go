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

// The window opens where it was left, at its size; left on a monitor since
// unplugged (here to the right of this one), it is brought back whole into
// the work area of the screen it opens on.
func TestWindowOpensWhereItWasLeftOrBackOnTheScreen(t *testing.T) {
	work := rect{0, 0, 1366, 728}
	opened := rect{83, 44, 1323, 724} // 1240×680, centred by the system
	for _, c := range []struct {
		name       string
		at         windowPos
		x, y, w, h int32
	}{
		{"left at the top left", windowPos{0, 0}, 0, 0, 1240, 680},
		{"left lower right", windowPos{100, 30}, 100, 30, 1240, 680},
		{"left on a second monitor", windowPos{1500, 100}, 126, 48, 1240, 680},
		{"left above the screen", windowPos{20, -300}, 20, 0, 1240, 680},
	} {
		x, y, w, h := fitRect(placedRect(opened, c.at), work)
		if x != c.x || y != c.y || w != c.w || h != c.h {
			t.Errorf("%s: %d,%d %d×%d, want %d,%d %d×%d", c.name, x, y, w, h, c.x, c.y, c.w, c.h)
		}
	}
}
