#!/usr/bin/env bash
# PNG screenshots of every sample, light and dark, the way a wiki shows them: each SVG embedded
# with <img> in a page, photographed by headless Chromium (rsvg-convert when Chromium is missing).
#
#   scripts/screenshots.sh [VPCGRAPH] [OUT]      (defaults: .build/release/vpcgraph, out)
#
# writes OUT/<sample>.light.png and OUT/<sample>.dark.png. Needs Debian's chromium (or
# librsvg2-bin). The SVGs are rendered into a temporary folder; OUT gets only the PNGs.
set -euo pipefail
cd "$(dirname "$0")/.."
vpcgraph=${1:-.build/release/vpcgraph}
out=${2:-out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

browser=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then browser=$name; break; fi
done
[ -n "$browser" ] || command -v rsvg-convert >/dev/null || { echo "screenshots: need chromium or rsvg-convert" >&2; exit 1; }

for theme in light dark; do
  "$vpcgraph" render samples/*.yaml -o "$work/$theme" --format svg --theme "$theme" >/dev/null
  for svg in "$work/$theme"/*.svg; do
    name=$(basename "$svg" .svg)
    png="$out/$name.$theme.png"
    if [ -n "$browser" ]; then
      # The page is exactly the image's size: width and height are in points, CSS pixels are 4/3 of that.
      read -r w h < <(sed -n 's/.*<svg width="\([0-9.]*\)pt" height="\([0-9.]*\)pt".*/\1 \2/p' "$svg" | head -1)
      px_w=$(( (${w%.*} * 4 + 2) / 3 )); px_h=$(( (${h%.*} * 4 + 2) / 3 ))
      page="$work/$theme/$name.html"
      printf '<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0}</style></head><body><img src="%s.svg" alt="%s"></body></html>\n' "$name" "$name" > "$page"
      timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$work/profile" --force-device-scale-factor=1 --window-size="$px_w,$px_h" \
        --screenshot="$png" "file://$page" >/dev/null 2>&1
      [ -s "$png" ] || { echo "screenshots: $browser wrote no $png" >&2; exit 1; }
    else
      rsvg-convert "$svg" -o "$png"
    fi
    echo "wrote ${png#"$PWD"/}"
  done
done
