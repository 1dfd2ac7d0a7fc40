package app

// rect is a screen rectangle in pixels, as Windows gives it.
type rect struct{ left, top, right, bottom int32 }

// fitRect is a window rectangle r moved and cut down to lie inside the work
// area: its size at most the area's, its top-left corner inside it.
func fitRect(r, work rect) (x, y, w, h int32) {
	w, h = min(r.right-r.left, work.right-work.left), min(r.bottom-r.top, work.bottom-work.top)
	x = max(work.left, min(r.left, work.right-w))
	y = max(work.top, min(r.top, work.bottom-h))
	return x, y, w, h
}
