#!/usr/bin/env bash
# Rebuilds the document faces (fandol-*.ttf, govdesk-serif-rare.ttf): the
# Fandol fonts of Debian's texlive-lang-chinese converted from CFF to
# TrueType outlines, which gofpdf needs, and a serif fallback for rare
# characters from Noto Serif CJK SC and HanaMin B. The package versions are
# pinned so that the output is the same on every run.
# Needs apt-get, dpkg-deb, python3-fonttools and unicode-data (Unihan).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download texlive-lang-chinese=2022.20230122-1 fonts-noto-cjk=1:20220127+repack1-1 \
	fonts-hanazono=20170904-2.1 >/dev/null
mkdir src
dpkg-deb --fsys-tarfile texlive-lang-chinese_*.deb |
	tar -x -C src --wildcards '*/fonts/opentype/public/fandol/Fandol[FSHK]*.otf'
dpkg-deb --fsys-tarfile fonts-noto-cjk_*.deb | tar -x -C src --wildcards '*NotoSerifCJK-Regular.ttc'
dpkg-deb --fsys-tarfile fonts-hanazono_*.deb | tar -x -C src --wildcards '*HanaMin[AB].ttf'
/usr/bin/python3 "$here/build_docfonts.py" --src "$work/src" --out "$here" --extra-sip "$here/sip-extra.chars"
