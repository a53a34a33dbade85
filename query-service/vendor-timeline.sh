#!/usr/bin/env bash
# Fetches the pinned vis-timeline package with npm, checks its tarball against the integrity pinned below, and lays
# out the files the /timeline page serves from the jar under src/main/resources/timeline/vendor (see the NOTICE.md
# beside it). Only this script needs npm; the build does not. The files are copied as the package ships them.
#   ./vendor-timeline.sh          re-fetch and write the files
#   ./vendor-timeline.sh --check  re-fetch and fail if the committed files differ from what it would write
# Why dist/ and not standalone/umd: the standalone build adds its stylesheet to the page as a <style> element,
# which the Content-Security-Policy default-src 'self' refuses; dist/ is the same code with every dependency
# bundled (moment, vis-data, Hammer.js, ...) and the stylesheet as a file of its own.
set -euo pipefail
cd "$(dirname "$0")"

NAME=vis-timeline
VERSION=8.5.4
INTEGRITY=sha512-Xt7RNrRvOkQiSyk6vFTXSRwTunT0y9MzDgHY8N8H9nPuebJ6Vg+u3xnv0Swbxna/Pa2E3HjaBblEIQiK74E01Q==
FILES="dist/vis-timeline-graph2d.min.js dist/vis-timeline-graph2d.min.css LICENSE.md LICENSE.Apache-2.0.txt LICENSE.MIT.txt"
TARGET=src/main/resources/timeline/vendor/vis-timeline

case "${1:-}" in
  --check) CHECK=true ;;
  "") CHECK=false ;;
  *) echo "vendor-timeline.sh: unknown option '$1' (try --check)" >&2; exit 2 ;;
esac
command -v npm >/dev/null || { echo "vendor-timeline.sh: needs node and npm" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "$NAME@$VERSION" >/dev/null)
TARBALL="$WORK/$NAME-$VERSION.tgz"
ACTUAL="sha512-$(openssl dgst -sha512 -binary "$TARBALL" | base64 -w 0)"
[[ "$ACTUAL" == "$INTEGRITY" ]] || { echo "vendor-timeline.sh: $NAME@$VERSION has integrity $ACTUAL, pinned $INTEGRITY" >&2; exit 1; }
tar -xzf "$TARBALL" -C "$WORK"
mkdir -p "$WORK/out"
for file in $FILES; do
  cp "$WORK/package/$file" "$WORK/out/$(basename "$file")"
done
echo "$NAME@$VERSION: $INTEGRITY"

if [[ "$CHECK" == true ]]; then
  diff -rq "$WORK/out" "$TARGET" >&2 || { echo "vendor-timeline.sh: the committed files differ from the pinned package (run without --check)" >&2; exit 1; }
  echo "The committed files are exactly what the pinned package gives."
else
  rm -rf "$TARGET"
  mkdir -p "$(dirname "$TARGET")"
  cp -r "$WORK/out" "$TARGET"
  echo "Written to $TARGET"
fi
