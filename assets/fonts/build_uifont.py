"""Writes the UI face: wqy-microhei-ext.ttf with its outlines as CFF.

Fyne's text engine reads every TrueType outline of a font into memory when
it loads the font, once per text style; CFF outlines it reads only when a
glyph is drawn. The glyphs, metrics and character map stay those of the
TrueType font, which the documents keep using (gofpdf embeds TrueType only).
The outlines are then subroutinized (cffsubr, AFDKO's tx): shapes repeated
across glyphs, such as shared radicals, are stored once. The font is a third
smaller, and so is what go-text copies into memory for every text style.

Needs python3-fonttools and python3-cffsubr.

usage: python3 build_uifont.py wqy-microhei-ext.ttf wqy-microhei-ui.otf
"""
import sys

import cffsubr
from fontTools import cffLib
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont


def convert(src, dst):
    # the source's timestamp, so that every run writes the same bytes
    font = TTFont(src, recalcTimestamp=False)
    # A CFF font names its glyphs in 16-bit string ids; 65,535 glyphs only
    # fit as a CID-keyed font, whose glyphs are named by number.
    order = [".notdef"] + ["cid%05d" % i for i in range(1, font["maxp"].numGlyphs)]
    font.setGlyphOrder(order)
    glyphs = font.getGlyphSet()
    hmtx = font["hmtx"]
    charstrings = {}
    for name in order:
        pen = T2CharStringPen(hmtx[name][0], glyphs)
        glyphs[name].draw(pen)
        charstrings[name] = pen.getCharString()
    for tag in ("glyf", "loca", "fpgm", "prep", "cvt ", "gasp", "hdmx", "LTSH", "VDMX"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "OTTO"
    fb = FontBuilder(font=font, isTTF=False)
    name = font["name"]
    ps = name.getDebugName(6) or "WQYMicroHeiUIExt"
    fb.setupCFF(ps, {"FullName": name.getDebugName(4) or ps}, charstrings, {})
    top = font["CFF "].cff.topDictIndex[0]
    top.ROS = ("Adobe", "Identity", 0)
    top.CIDCount = len(order)
    fd = cffLib.FontDict()
    fd.Private = top.Private
    fd.FontName = ps
    top.FDArray = cffLib.FDArrayIndex()
    top.FDArray.append(fd)
    top.FDSelect = cffLib.FDSelect()
    top.FDSelect.format = 3
    top.FDSelect.gidArray = [0] * len(order)
    top.CharStrings.fdSelect = top.FDSelect
    top.CharStrings.fdArray = top.FDArray
    top.rawDict.pop("Private", None)
    del top.Private
    font["maxp"].tableVersion = 0x00005000
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    cffsubr.subroutinize(font)
    font.save(dst)


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])
