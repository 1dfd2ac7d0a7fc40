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
// the same face, which still draws every character. The face is served in
// its CFF form (assets.UIFont): Fyne loads it once per text style used, and
// that form costs 24 MB a time instead of 63.
type govTheme struct {
	fyne.Theme
	font fyne.Resource
}

func newTheme() fyne.Theme {
	return &govTheme{Theme: theme.DefaultTheme(), font: fyne.NewStaticResource(assets.UIFontName, assets.UIFont)}
}

func (t *govTheme) Font(style fyne.TextStyle) fyne.Resource {
	if style.Symbol {
		return t.Theme.Font(style)
	}
	return t.font
}

// Color keeps the light variant an office expects of a form-filling program,
// whatever the desktop's preference, with the icon's blue as primary. Fyne's
// own light greys for hints (#888) and disabled text (#E3E3E3) read at 3.5:1
// and 1.3:1 on white; the colours here keep every text at 4.5:1 or more (WCAG
// AA) on the backgrounds it is drawn on, and disabled text still clearly paler
// than the normal text.
func (t *govTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if c, ok := readableColors[n]; ok {
		return c
	}
	return t.Theme.Color(n, theme.VariantLight)
}

var readableColors = map[fyne.ThemeColorName]color.Color{
	theme.ColorNamePrimary:        color.NRGBA{R: 0x1F, G: 0x5F, B: 0xAD, A: 0xFF},
	theme.ColorNameForeground:     color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xFF},
	theme.ColorNamePlaceHolder:    color.NRGBA{R: 0x66, G: 0x66, B: 0x66, A: 0xFF},
	theme.ColorNameDisabled:       color.NRGBA{R: 0x64, G: 0x64, B: 0x64, A: 0xFF},
	theme.ColorNameDisabledButton: color.NRGBA{R: 0xEA, G: 0xEA, B: 0xEA, A: 0xFF},
	theme.ColorNameError:          color.NRGBA{R: 0xC6, G: 0x28, B: 0x28, A: 0xFF},
	theme.ColorNameSuccess:        color.NRGBA{R: 0x2E, G: 0x7D, B: 0x32, A: 0xFF},
	theme.ColorNameWarning:        color.NRGBA{R: 0xB4, G: 0x53, B: 0x09, A: 0xFF},
}
