#!/usr/bin/env bash
# Renders the app icon from shoplens.svg into every raster the app and installers use.
# Run after editing the SVG and commit the results (they are small):
#   apt-get install -y librsvg2-bin icnsutils imagemagick
#   assets/icons/render.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
common="$here/../../installers/common"
svg="$here/shoplens.svg"
png="$here/png"
mkdir -p "$png"

for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" "$svg" --output "$png/shoplens-$size.png"
done

# Windows: one .ico with the sizes Explorer and the taskbar pick from (256 is stored as PNG).
convert "$png"/shoplens-{16,24,32,48,64,128,256}.png "$here/shoplens.ico"

# macOS: png2icns takes only the sizes the icns format defines (16, 32, 48, 128, 256, 512).
png2icns "$here/shoplens.icns" "$png"/shoplens-{16,32,48,128,256,512}.png >/dev/null

# Linux: the icon under the desktop entry's id, next to the .desktop file it belongs to.
cp "$png/shoplens-256.png" "$common/io.shoplens.ShopLens.png"
cp "$svg" "$common/io.shoplens.ShopLens.svg"
