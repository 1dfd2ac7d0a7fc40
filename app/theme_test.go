package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is the WCAG 2 relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xFFFF
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG 2 contrast ratio of two colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastOfWellKnownColours(t *testing.T) {
	black, white := color.Black, color.White
	if got := contrast(black, white); math.Abs(got-21) > 0.01 {
		t.Errorf("black on white = %.2f, want 21", got)
	}
	// Fyne's own light hint grey is the 3.5:1 the issue complained of.
	if got := contrast(color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xFF}, white); got > 3.6 || got < 3.4 {
		t.Errorf("#888 on white = %.2f, want about 3.5", got)
	}
}

func TestAPersonCanReadHintsAndDisabledControls(t *testing.T) {
	th := newTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
		pairs := []struct {
			text, on fyne.ThemeColorName
		}{
			{theme.ColorNameForeground, theme.ColorNameBackground},
			{theme.ColorNameForeground, theme.ColorNameInputBackground},
			{theme.ColorNameForeground, theme.ColorNameButton},
			{theme.ColorNameForeground, theme.ColorNameHeaderBackground},
			{theme.ColorNameForeground, theme.ColorNameMenuBackground},
			{theme.ColorNameForeground, theme.ColorNameOverlayBackground},
			{theme.ColorNamePlaceHolder, theme.ColorNameBackground},
			{theme.ColorNamePlaceHolder, theme.ColorNameInputBackground},
			{theme.ColorNameDisabled, theme.ColorNameBackground},
			{theme.ColorNameDisabled, theme.ColorNameInputBackground},
			{theme.ColorNameDisabled, theme.ColorNameDisabledButton},
			{theme.ColorNameDisabled, theme.ColorNameOverlayBackground},
			{theme.ColorNameDisabled, theme.ColorNameHeaderBackground},
			{theme.ColorNamePrimary, theme.ColorNameBackground},
			{theme.ColorNameError, theme.ColorNameBackground},
			{theme.ColorNameSuccess, theme.ColorNameBackground},
			{theme.ColorNameWarning, theme.ColorNameBackground},
			{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
			{theme.ColorNameForegroundOnError, theme.ColorNameError},
			{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess},
			{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning},
		}
		for _, p := range pairs {
			if got := contrast(col(p.text), col(p.on)); got < 4.5 {
				t.Errorf("variant %d: %s on %s is %.2f:1, want at least 4.5:1", v, p.text, p.on, got)
			}
		}
		// Disabled text must still look disabled next to the normal text.
		if got := contrast(col(theme.ColorNameForeground), col(theme.ColorNameDisabled)); got < 2 {
			t.Errorf("variant %d: disabled text is too close to normal text (%.2f:1)", v, got)
		}
	}
}
