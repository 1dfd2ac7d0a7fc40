package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"govdesk/assets"
)

// govTheme is Fyne's default theme with the embedded CJK font for all text,
// so no Chinese character, digit or punctuation shows as a box on a PC that
// has no Chinese fonts. WenQuanYi Micro Hei has no bold face: bold text uses
// the same face, which still draws every character.
type govTheme struct {
	fyne.Theme
	font fyne.Resource
}

func newTheme() fyne.Theme {
	return &govTheme{Theme: theme.DefaultTheme(), font: fyne.NewStaticResource(assets.Hei.Name, assets.Hei.Data)}
}

func (t *govTheme) Font(style fyne.TextStyle) fyne.Resource {
	if style.Symbol {
		return t.Theme.Font(style)
	}
	return t.font
}

// Color keeps the light variant an office expects of a form-filling program,
// whatever the desktop's preference, with the icon's blue as primary.
func (t *govTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if n == theme.ColorNamePrimary {
		return color.NRGBA{R: 0x1F, G: 0x5F, B: 0xAD, A: 0xFF}
	}
	return t.Theme.Color(n, theme.VariantLight)
}
