#!/usr/bin/env bash
# Renders the first page of a PDF to a PNG at 80 dpi, to look at a printed document (or attach it to a note).
# Usage: scripts/pdf-to-png.sh in.pdf outprefix   -> writes outprefix-1.png (pdftoppm's naming)
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 in.pdf outprefix" >&2
  exit 2
fi

if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "pdftoppm is missing; installing poppler-utils" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  }
fi

pdftoppm -png -r 80 -f 1 -l 1 "$1" "$2"
ls "$2"*.png
