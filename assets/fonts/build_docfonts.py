#!/usr/bin/python3
"""Build GovDesk's document faces as TrueType (glyf) fonts that gofpdf can embed.

  fandol-fang.ttf       FandolFang Regular   仿宋: body text, tables
  fandol-song-bold.ttf  FandolSong Bold      stand-in for 小标宋: titles
  fandol-song.ttf       FandolSong Regular   宋体: page numbers, small labels
  fandol-hei.ttf        FandolHei Regular    黑体: first-level headings
  fandol-kai.ttf        FandolKai Regular    楷体: second-level headings
  govdesk-serif-rare.ttf  rare-character serif fallback: the characters that
                        the Fandol faces lack, from Noto Serif CJK SC (BMP
                        ideographs, Ext-A, compatibility ideographs,
                        punctuation and its SIP glyphs), plus HanaMin B for
                        the identity-card and 通用规范汉字表 characters above
                        U+FFFF that Noto lacks.

The Fandol and Noto fonts are CFF (.otf); gofpdf only embeds TrueType
outlines, so every glyph is converted to quadratic curves with cu2qu. Only
glyphs reachable from the cmap are kept (gofpdf does no shaping), ordered by
code point so that the format-4 cmap stays compact; the Fandol faces keep
GB2312 and the Latin and punctuation blocks (keep_fandol).

Run with Debian's python (fontTools 4.38); see build_docfonts.sh.
"""
import argparse, bz2, collections, glob, os, sys

from fontTools.fontBuilder import FontBuilder
from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.boundsPen import BoundsPen

MAX_ERR = 1.0  # font units (of 1000 per em) a quadratic may stray from the cubic
UNIHAN = '/usr/share/unicode'

# Code points the serif fallback takes from Noto Serif CJK SC when a Fandol
# face lacks them: ideographs, and the punctuation and symbols Chinese text uses.
BMP_RANGES = [
    (0x0020, 0x024F),  # Latin
    (0x02B0, 0x02FF),  # spacing modifiers
    (0x0370, 0x03FF), (0x0400, 0x04FF),  # Greek, Cyrillic
    (0x2000, 0x206F), (0x2100, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF),
    (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF),
    (0x2E80, 0x2EFF), (0x2F00, 0x2FDF),  # radicals
    (0x3000, 0x303F), (0x3100, 0x312F), (0x31A0, 0x31BF), (0x31C0, 0x31EF),
    (0x3200, 0x32FF), (0x3300, 0x33FF),
    (0x3400, 0x4DBF),  # Ext-A
    (0x4E00, 0x9FFF),  # URO
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]
SIP = (0x20000, 0x3134F)


def keep_fandol(u):
    """Whether a Fandol face keeps the code point: GB2312 and the Latin,
    symbol and punctuation blocks. Their traditional forms and Yi syllables
    are dropped to save space; such rare characters come from the serif."""
    try:
        chr(u).encode('gb2312')
        return True
    except UnicodeEncodeError:
        pass
    return (u <= 0x2E7F or 0x3000 <= u <= 0x303F or 0xFE10 <= u <= 0xFE4F
            or 0xFF00 <= u <= 0xFFEF)


def in_ranges(u, ranges):
    return any(a <= u <= b for a, b in ranges)


def load_unihan():
    props = collections.defaultdict(dict)
    for fn in sorted(glob.glob(os.path.join(UNIHAN, 'Unihan_*.txt.bz2'))):
        for line in bz2.open(fn, 'rt', encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            cp, k, v = line.rstrip('\n').split('\t', 2)
            u = int(cp[2:], 16)
            if u >= 0x20000:
                props[u][k] = v
    return props


def wanted_sip(p):
    """Characters above U+FFFF worth a serif glyph: 通用规范汉字表, the
    identity-card sets, and the regional core sets and national standards
    (the same first two tiers as build_font.py ranks)."""
    g = p.get('kIRG_GSource', '')
    if 'kTGH' in p or g.startswith(('GIDC', 'GGFZ')):
        return True
    return any(k in p for k in ('kUnihanCore2020', 'kIICore', 'kHKSCS', 'kIRG_HSource',
                                 'kJIS0213', 'kRSAdobe_Japan1_6', 'kXHC1983'))


class Source:
    """One font glyphs are taken from, with the transform onto 1000 units per em."""

    def __init__(self, font, scale=1.0, dy=0):
        self.font = font
        self.cmap = font.getBestCmap()
        self.gs = font.getGlyphSet()
        self.hmtx = font['hmtx']
        self.cff = 'CFF ' in font
        self.scale, self.dy = scale, dy

    def glyph(self, name):
        pen = TTGlyphPen(None)
        xf = (self.scale, 0, 0, self.scale, 0, self.dy)
        if self.cff:
            self.gs[name].draw(TransformPen(Cu2QuPen(pen, MAX_ERR * self.scale, reverse_direction=True), xf))
        else:
            self.gs[name].draw(TransformPen(pen, xf))
        g = pen.glyph()
        return g, round(self.hmtx[name][0] * self.scale)

    def bounds(self, u):
        bp = BoundsPen(self.gs)
        self.gs[self.cmap[u]].draw(bp)
        return bp.bounds


def build(out, picks, template, family, style, names):
    """Write a TrueType font holding picks: code point -> (source, glyph name),
    with vertical metrics and OS/2 from template."""
    glyphs, metrics, cmap, order = {}, {}, {}, ['.notdef']
    src0 = template
    g, adv = src0.glyph('.notdef')
    glyphs['.notdef'], metrics['.notdef'] = g, adv
    done = {}
    for u in sorted(picks):
        src, gname = picks[u]
        key = (id(src), gname)
        if key not in done:
            name = 'g%d' % len(order)
            g, adv = src.glyph(gname)
            glyphs[name], metrics[name] = g, adv
            order.append(name)
            done[key] = name
        cmap[u] = done[key]
    tf = template.font
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    fb.setupGlyf(glyphs)
    hm = {}
    for n in order:
        gl = glyphs[n]
        gl.recalcBounds(fb.font['glyf'])
        hm[n] = (metrics[n], getattr(gl, 'xMin', 0))
    fb.setupHorizontalMetrics(hm)
    hh = tf['hhea']
    fb.setupHorizontalHeader(ascent=hh.ascent, descent=hh.descent, lineGap=hh.lineGap)
    fb.setupNameTable(names, mac=False)
    os2 = tf['OS/2']
    fb.setupOS2(version=4, usWeightClass=os2.usWeightClass, usWidthClass=os2.usWidthClass,
                fsType=0, achVendID=os2.achVendID, panose=os2.panose, fsSelection=os2.fsSelection & 0x61,
                sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
                sTypoLineGap=os2.sTypoLineGap, usWinAscent=os2.usWinAscent,
                usWinDescent=os2.usWinDescent, sxHeight=getattr(os2, 'sxHeight', 0),
                sCapHeight=getattr(os2, 'sCapHeight', 0),
                ulCodePageRange1=os2.ulCodePageRange1, ulCodePageRange2=os2.ulCodePageRange2)
    fb.font['OS/2'].recalcUnicodeRanges(fb.font)
    if any(u > 0xFFFF for u in cmap):
        fb.font['OS/2'].ulUnicodeRange2 |= 1 << (57 - 32)  # Non-Plane 0
    fb.setupPost(keepGlyphNames=False, underlinePosition=tf['post'].underlinePosition,
                 underlineThickness=tf['post'].underlineThickness)
    fb.setupMaxp()
    head = fb.font['head']
    head.created = head.modified = tf['head'].created  # reproducible
    head.fontRevision = tf['head'].fontRevision
    head.macStyle = 1 if style == 'Bold' else 0
    fb.font.recalcTimestamp = False
    fb.save(out)
    print(f'{os.path.basename(out)}: {len(order)} glyphs, {len(cmap)} code points, '
          f'{os.path.getsize(out)} bytes', flush=True)
    return cmap


def fandol_names(tf, family, style, ps):
    cr = tf['name'].getDebugName(0)
    return {'copyright': cr, 'familyName': family, 'styleName': style,
            'uniqueFontIdentifier': f'{ps};TrueType;GovDesk', 'fullName': f'{family} {style}',
            'psName': ps, 'version': tf['name'].getDebugName(5) or 'Version 0.3',
            'licenseDescription': 'GNU General Public License version 3 with the GPL font exception; '
                                  'converted to TrueType outlines',
            'licenseInfoURL': 'http://www.gnu.org/licenses/licenses.html'}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--src', required=True, help='folder the .debs were extracted into')
    ap.add_argument('--out', required=True)
    ap.add_argument('--extra-sip', default='', help='file of further characters above U+FFFF to include')
    a = ap.parse_args()
    fandol_dir = glob.glob(os.path.join(a.src, '**/fonts/opentype/public/fandol'), recursive=True)[0]
    noto_ttc = glob.glob(os.path.join(a.src, '**/NotoSerifCJK-Regular.ttc'), recursive=True)[0]
    hana_dir = glob.glob(os.path.join(a.src, '**/truetype/hanazono'), recursive=True)[0]

    fandol = {}
    for fn, out, family, style in (
            ('FandolFang-Regular.otf', 'fandol-fang.ttf', 'FandolFang', 'Regular'),
            ('FandolSong-Bold.otf', 'fandol-song-bold.ttf', 'FandolSong', 'Bold'),
            ('FandolSong-Regular.otf', 'fandol-song.ttf', 'FandolSong', 'Regular'),
            ('FandolHei-Regular.otf', 'fandol-hei.ttf', 'FandolHei', 'Regular'),
            ('FandolKai-Regular.otf', 'fandol-kai.ttf', 'FandolKai', 'Regular')):
        tf = TTFont(os.path.join(fandol_dir, fn), recalcTimestamp=False)
        src = Source(tf)
        picks = {u: (src, g) for u, g in src.cmap.items() if keep_fandol(u)}
        fandol[out] = build(os.path.join(a.out, out), picks, src, family, style,
                            fandol_names(tf, family, style, f'{family}-{style}'))

    # ---- the rare-character serif -------------------------------------------------------
    # Characters every Fandol face has need no fallback; the rest of the ranges do.
    common = set.intersection(*(set(c) for c in fandol.values()))
    coll = TTCollection(noto_ttc, lazy=True)
    noto_font = [f for f in coll.fonts if f['name'].getDebugName(1) == 'Noto Serif CJK SC'][0]
    noto = Source(noto_font)
    picks = {}
    for u, g in noto.cmap.items():
        if (in_ranges(u, BMP_RANGES) and u not in common) or SIP[0] <= u <= SIP[1]:
            picks[u] = (noto, g)
    # HanaMin B for the important characters above U+FFFF that Noto lacks, scaled
    # to 1000 units and moved onto Noto's ideographic centre line (measured on
    # HanaMin A, the same design, which shares many BMP ideographs with Noto).
    hana_a = TTFont(os.path.join(hana_dir, 'HanaMinA.ttf'), lazy=True)
    hana_b = TTFont(os.path.join(hana_dir, 'HanaMinB.ttf'), lazy=True)
    sc = 1000 / hana_b['head'].unitsPerEm
    ha = Source(hana_a, sc)
    dys = []
    for u in range(0x4E00, 0x9FA5, 61):
        if u in ha.cmap and u in noto.cmap:
            b1, b2 = noto.bounds(u), ha.bounds(u)
            if b1 and b2:
                dys.append((b1[1] + b1[3]) / 2 - sc * (b2[1] + b2[3]) / 2)
    dys.sort()
    dy = round(dys[len(dys) // 2])
    hana = Source(hana_b, sc, dy)
    props = load_unihan()
    extra = set()
    if a.extra_sip:
        for line in open(a.extra_sip, encoding='utf-8'):
            line = line.split('#', 1)[0]
            extra |= {ord(c) for c in line if ord(c) > 0xFFFF}
    n_hana = 0
    for u, g in hana.cmap.items():
        if u > 0xFFFF and u not in picks and (wanted_sip(props.get(u, {})) or u in extra):
            picks[u] = (hana, g)
            n_hana += 1
    print(f'serif: HanaMin B y-shift {dy}, {n_hana} characters from HanaMin B', flush=True)
    names = {'copyright': 'Copyright 2014-2021 Adobe (http://www.adobe.com/). Copyright 2008-2017 GlyphWiki Project.',
             'familyName': 'GovDesk Serif Rare', 'styleName': 'Regular',
             'uniqueFontIdentifier': 'GovDeskSerifRare-Regular;1.0', 'fullName': 'GovDesk Serif Rare Regular',
             'psName': 'GovDeskSerifRare-Regular', 'version': 'Version 1.0',
             'licenseDescription': 'SIL Open Font License 1.1. Glyphs from Noto Serif CJK SC (Adobe, OFL 1.1) '
                                   'and HanaMin B (GlyphWiki, Hanazono Font License / OFL 1.1).',
             'licenseInfoURL': 'https://scripts.sil.org/OFL'}
    build(os.path.join(a.out, 'govdesk-serif-rare.ttf'), picks, noto, 'GovDesk Serif Rare', 'Regular', names)


if __name__ == '__main__':
    main()
