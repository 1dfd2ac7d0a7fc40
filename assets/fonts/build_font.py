#!/usr/bin/python3
"""Build one TrueType UI font = WenQuanYi Micro Hei (minus Hangul syllables)
+ CJK Ext-A / URO gaps / Ext-B..F glyphs, within the 65,535-glyph limit.

Glyph sources, first hit wins per code point:
  1. Noto Sans CJK SC (CFF, sans, matches WQY's Hei style)   [--no-noto disables]
  2. HanaMinA / HanaMinB (TrueType, Mincho style, covers ~all of Ext-B..F)
Code points are taken in priority order (derived offline from Debian's
unicode-data Unihan 15.0 files) until the glyph budget is exhausted.

Run with Debian's python (fontTools 4.38):  /usr/bin/python3 build_font.py
Inputs are extracted .debs (see README / report):
  dpkg-deb -x fonts-hanazono_20170904-2.1_all.deb ext/fonts-hanazono_20170904-2.1_all
  dpkg-deb --fsys-tarfile fonts-noto-cjk_*.deb | tar -x -C ext/noto --wildcards '*NotoSansCJK-Regular.ttc'
"""
import argparse, bz2, collections, glob, os, sys, time

from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.ttCollection import TTCollection
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
from fontTools.ttLib.tables import ttProgram
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools import subset

HERE = os.path.dirname(os.path.abspath(__file__))
HANA = os.path.join(HERE, 'ext/fonts-hanazono_20170904-2.1_all/usr/share/fonts/truetype/hanazono')
NOTO = os.path.join(HERE, 'ext/noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
UNIHAN = '/usr/share/unicode'

BLOCKS = {  # Unicode 15.0
    'URO': (0x4E00, 0x9FFF), 'ExtA': (0x3400, 0x4DBF), 'ExtB': (0x20000, 0x2A6DF),
    'ExtC': (0x2A700, 0x2B73F), 'ExtD': (0x2B740, 0x2B81F), 'ExtE': (0x2B820, 0x2CEAF),
    'ExtF': (0x2CEB0, 0x2EBEF),
}
HANGUL = (0xAC00, 0xD7A3)


def block(u):
    for k, (a, b) in BLOCKS.items():
        if a <= u <= b:
            return k
    return None


def load_unihan():
    props = collections.defaultdict(dict)
    for fn in sorted(glob.glob(os.path.join(UNIHAN, 'Unihan_*.txt.bz2'))):
        for line in bz2.open(fn, 'rt', encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            cp, k, v = line.rstrip('\n').split('\t', 2)
            u = int(cp[2:], 16)
            if block(u):
                props[u][k] = v
    return props


def tier(u, p, noto_cmap):
    """Lower = more important."""
    g = p.get('kIRG_GSource', '')
    b = block(u)
    if b in ('URO', 'ExtA') or 'kTGH' in p or g.startswith(('GIDC', 'GGFZ')):
        return 0  # GB18030 level 1 (URO+ExtA), 通用规范汉字表 (=GB18030-2022 level 2), MPS ID-card chars
    if u in noto_cmap or any(k in p for k in (
            'kUnihanCore2020', 'kIICore', 'kHKSCS', 'kIRG_HSource', 'kJIS0213',
            'kRSAdobe_Japan1_6', 'kXHC1983')):
        return 1  # in a regional core set / national encoding standard
    if any(k in p for k in ('kMandarin', 'kHanyuPinyin', 'kCantonese', 'kDefinition')):
        return 2  # has a reading/definition: attested in dictionaries
    if g:
        return 3  # China-submitted (G source)
    return 4


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--wqy', required=True, help='WenQuanYi Micro Hei face 0 as .ttf')
    ap.add_argument('--out', required=True)
    ap.add_argument('--max-glyphs', type=int, default=65535)
    ap.add_argument('--no-noto', action='store_true', help='Hanazono only (no OFL component)')
    ap.add_argument('--family', default='WQY MicroHei UIExt')
    a = ap.parse_args()
    t0 = time.time()

    # ---- 1. WQY minus Hangul syllables -------------------------------------------------
    base = TTFont(a.wqy, recalcTimestamp=False)
    keep = [u for u in base.getBestCmap() if not (HANGUL[0] <= u <= HANGUL[1])]
    o = subset.Options()
    o.layout_features = ['*']; o.name_IDs = ['*']; o.name_languages = ['*']; o.name_legacy = True
    o.notdef_outline = True; o.glyph_names = False; o.hinting = True; o.legacy_kern = True
    o.drop_tables = []; o.passthrough_tables = True; o.recalc_timestamp = False
    s = subset.Subsetter(o); s.populate(unicodes=keep); s.subset(base)
    order = list(base.getGlyphOrder())
    cmap = dict(base.getBestCmap())
    budget = a.max_glyphs - len(order)
    print(f'WQY without Hangul: {len(order)} glyphs, {len(cmap)} code points; budget {budget}')

    # ---- 2. sources ------------------------------------------------------------------------
    sources = []  # (name, font, cmap, kind)
    if not a.no_noto:
        coll = TTCollection(NOTO, lazy=True)
        noto = [f for f in coll.fonts if f['name'].getDebugName(1) == 'Noto Sans CJK SC'][0]
        sources.append(('noto', noto, noto.getBestCmap(), 'cff'))
    for fn in ('HanaMinA.ttf', 'HanaMinB.ttf'):
        f = TTFont(os.path.join(HANA, fn), lazy=True)
        sources.append((fn[:-4], f, f.getBestCmap(), 'ttf'))
    noto_cmap = sources[0][2] if not a.no_noto else {}

    # vertical alignment of each source to WQY: compare ideograph bbox centres on common URO chars
    bglyf = base['glyf']
    sample = [ord(c) for c in '一丁七万三上下不与丑专且世中丰串临丸丹主丽举久乏乐乔']
    sample += [u for u in range(0x4E00, 0x9FA5, 97)]
    xforms = {}
    for name, f, cm, kind in sources:
        upm = f['head'].unitsPerEm
        sc = base['head'].unitsPerEm / upm
        dys = []
        for u in sample:
            if u not in cm or u not in cmap:
                continue
            wg = bglyf[cmap[u]]; wg.recalcBounds(bglyf)
            if kind == 'ttf':
                g = f['glyf'][cm[u]]; ymin, ymax = g.yMin, g.yMax
            else:
                from fontTools.pens.boundsPen import BoundsPen
                bp = BoundsPen(None); f.getGlyphSet()[cm[u]].draw(bp)
                ymin, ymax = bp.bounds[1], bp.bounds[3]
            dys.append((wg.yMin + wg.yMax) / 2 - sc * (ymin + ymax) / 2)
        dys.sort()
        dy = round(dys[len(dys) // 2]) if dys else 0
        if name == 'HanaMinB':  # same design as HanaMinA but hardly any URO to compare with
            dy = xforms['HanaMinA'][1]
        xforms[name] = (sc, dy)
        print(f'source {name}: UPM {upm} scale {sc:.4f} y-shift {dy} (median of {len(dys)})')

    # ---- 3. choose code points -------------------------------------------------------------
    props = load_unihan()
    cands = set()
    for name, f, cm, kind in sources:
        cands |= {u for u in cm if block(u) and u not in cmap}
    ranked = sorted(cands, key=lambda u: (tier(u, props.get(u, {}), noto_cmap), u))
    chosen = ranked[:budget]
    dropped = ranked[budget:]

    # ---- 4. copy glyphs --------------------------------------------------------------------
    glyf, hmtx = base['glyf'], base['hmtx']
    vmtx = base['vmtx'] if 'vmtx' in base else None
    upm2 = base['head'].unitsPerEm
    embox_top = round(upm2 * 0.88)  # only used for vmtx top side bearings
    per_src = collections.Counter()
    gsets = {name: f.getGlyphSet() for name, f, cm, kind in sources if kind == 'cff'}
    for u in chosen:
        for name, f, cm, kind in sources:
            if u in cm:
                break
        sc, dy = xforms[name]
        gname = f'u{u:05X}.{name}'
        if kind == 'ttf':
            g = f['glyf'][cm[u]]
            if g.isComposite():
                raise SystemExit(f'composite glyph {cm[u]} in {name} not handled')
            pen = TTGlyphPen(None)
            g.draw(TransformPen(pen, (sc, 0, 0, sc, 0, dy)), f['glyf'])
            ng = pen.glyph()
            adv = round(f['hmtx'][cm[u]][0] * sc)
        else:
            pen = TTGlyphPen(None)
            gsets[name][cm[u]].draw(TransformPen(Cu2QuPen(pen, max_err=1.0, reverse_direction=True),
                                                 (sc, 0, 0, sc, 0, dy)))
            ng = pen.glyph()
            adv = round(f['hmtx'][cm[u]][0] * sc)
        ng.program = ttProgram.Program(); ng.program.fromBytecode(b'')
        ng.recalcBounds(glyf)
        glyf.glyphs[gname] = ng
        order.append(gname)
        hmtx.metrics[gname] = (adv, getattr(ng, 'xMin', 0))
        if vmtx is not None:
            vmtx.metrics[gname] = (upm2, max(0, embox_top - getattr(ng, 'yMax', 0)))
        cmap[u] = gname
        per_src[name] += 1
    base.setGlyphOrder(order)
    glyf.glyphOrder = order

    # ---- 5. cmap: format 4 for BMP, format 12 for everything -------------------------------
    bmp = {u: g for u, g in cmap.items() if u <= 0xFFFF}
    tables = []
    for plat, enc in ((0, 3), (3, 1)):
        st = CmapSubtable.newSubtable(4); st.platformID, st.platEncID, st.language = plat, enc, 0
        st.cmap = dict(bmp); tables.append(st)
    for plat, enc in ((0, 4), (3, 10)):
        st = CmapSubtable.newSubtable(12); st.platformID, st.platEncID, st.language = plat, enc, 0
        st.cmap = dict(cmap); tables.append(st)
    base['cmap'].tables = tables

    # ---- 6. naming, OS/2, post -------------------------------------------------------------
    name = base['name']
    srcs = 'Hanazono (GlyphWiki)' + ('' if a.no_noto else ', Noto Sans CJK SC (Adobe/Google)')
    copyright = ('Digitized data copyright (c) 2007, Google Corporation. Copyright (c) 2008-2009 '
                 'WenQuanYi Board of Trustees and Qianqian Fang. Copyright 2008-2011 GlyphWiki Project.'
                 + ('' if a.no_noto else ' Copyright 2014-2021 Adobe (http://www.adobe.com/).'))
    lic = ('WenQuanYi Micro Hei: Apache License 2.0. Hanazono glyphs: Hanazono Font License. '
           + ('' if a.no_noto else 'Noto Sans CJK glyphs: SIL Open Font License 1.1; '
              'the combined font is distributed under the SIL OFL 1.1. '))
    ps = a.family.replace(' ', '') + '-Regular'
    name.names = [n for n in name.names if n.nameID not in (0, 1, 2, 3, 4, 6, 13, 14, 16, 17)]
    for plat, enc, lang in ((3, 1, 0x409), (1, 0, 0)):
        for nid, val in ((0, copyright), (1, a.family), (2, 'Regular'), (3, f'{ps};1.0;CJKExt'),
                         (4, a.family + ' Regular'), (6, ps), (13, lic)):
            name.setName(val, nid, plat, enc, lang)
    os2 = base['OS/2']
    os2.recalcUnicodeRanges(base)
    os2.ulUnicodeRange2 |= 1 << (57 - 32)  # bit 57: Non-Plane 0
    os2.usLastCharIndex = min(max(cmap), 0xFFFF)
    base['post'].formatType = 3.0  # no glyph names: saves ~1 MB
    base['post'].extraNames = []; base['post'].mapping = {}

    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    base.save(a.out)
    n = len(order)
    cov = collections.Counter(block(u) for u in cmap if block(u))
    tot = collections.Counter(block(u) for u in props if 'kRSUnicode' in props[u])
    tot['URO'] = 0x9FFF - 0x4E00 + 1; tot['ExtA'] = 0x4DBF - 0x3400 + 1
    tiers = collections.Counter(tier(u, props.get(u, {}), noto_cmap) for u in chosen)
    dtiers = collections.Counter(tier(u, props.get(u, {}), noto_cmap) for u in dropped)
    print(f'wrote {a.out}: {os.path.getsize(a.out)} bytes, {n} glyphs, {len(cmap)} code points, {time.time()-t0:.0f}s')
    print('added glyphs per source:', dict(per_src))
    print('coverage per block (have/total):', {k: f'{cov[k]}/{tot[k]}' for k in BLOCKS})
    print('added per tier:', dict(sorted(tiers.items())), 'not fitting per tier:', dict(sorted(dtiers.items())))
    with open(os.path.splitext(a.out)[0] + '.added.txt', 'w') as fh:
        for u in chosen:
            fh.write(f'U+{u:04X}\t{chr(u)}\t{tier(u, props.get(u, {}), noto_cmap)}\t{[nm for nm, f, cm, k in sources if u in cm][0]}\n')
    with open(os.path.splitext(a.out)[0] + '.missing.txt', 'w') as fh:
        for u in dropped:
            fh.write(f'U+{u:04X}\t{chr(u)}\t{tier(u, props.get(u, {}), noto_cmap)}\n')


if __name__ == '__main__':
    main()
