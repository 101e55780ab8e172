#!/usr/bin/env bash
# Installs, on Debian/Ubuntu, what the app and its UI tests need besides a JDK 17 and Maven and
# a fresh machine may lack: Xvfb (a display for the TestFX tests and for screenshots), GTK and
# OpenGL for JavaFX's glass, and CJK fonts for charts and PDF reports. Installs nothing that is
# already there, so it is quick to run every time.
set -euo pipefail

missing=()
command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
# PDF reports embed a TrueType CJK font (PDFBox cannot embed Noto's CFF outlines).
[[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || missing+=(fonts-wqy-microhei)
ldconfig -p | grep -q 'libgtk-3.so.0' || missing+=(libgtk-3-0)
ldconfig -p | grep -q 'libXtst.so.6' || missing+=(libxtst6)
ldconfig -p | grep -q 'libGL.so.1' || missing+=(libgl1)
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y "${missing[@]}"
fi
