#!/usr/bin/env bash
# Rebuilds wqy-microhei-ext.ttf (and its CFF form wqy-microhei-ui.otf), the UI font: WenQuanYi Micro Hei (face 0 of
# Debian's .ttc, without the Hangul syllables) plus CJK Ext-A..F glyphs from
# Noto Sans CJK SC and HanaMin A/B, ranked by Debian's Unihan data so that all
# of 通用规范汉字表 and the identity-card characters fit in one TrueType font.
# Needs Debian's fonts-wqy-microhei, python3-fonttools, python3-cffsubr and unicode-data.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-hanazono fonts-noto-cjk >/dev/null
dpkg-deb -x fonts-hanazono_*.deb "$here/ext/fonts-hanazono_20170904-2.1_all"
mkdir -p "$here/ext/noto"
dpkg-deb --fsys-tarfile fonts-noto-cjk_*.deb | tar -x -C "$here/ext/noto" --wildcards '*NotoSansCJK-Regular.ttc'
/usr/bin/python3 -c "
from fontTools.ttLib import TTCollection
TTCollection('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc').fonts[0].save('$work/wqy.ttf')"
/usr/bin/python3 "$here/build_font.py" --wqy "$work/wqy.ttf" --out "$here/wqy-microhei-ext.ttf"
/usr/bin/python3 "$here/build_uifont.py" "$here/wqy-microhei-ext.ttf" "$here/wqy-microhei-ui.otf"
rm -rf "$here/ext"
