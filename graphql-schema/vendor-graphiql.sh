#!/usr/bin/env bash
# Fetches the pinned GraphiQL, React and ReactDOM packages with npm, checks each tarball against the integrity
# pinned below, and lays out the files the /graphiql page serves from the jar under
# src/main/resources/graphiql/vendor (see its NOTICE.md). Only this script needs node and npm; the build does not.
#   ./vendor-graphiql.sh          re-fetch and write the files
#   ./vendor-graphiql.sh --check  re-fetch and fail if the committed files differ from what it would write
# The one change to a package's files: graphiql.min.css carries its fonts and lint marks as data: URIs, which a
# Content-Security-Policy of default-src 'self' refuses; each is written out as a file of its own under assets/
# and the stylesheet points to it.
set -euo pipefail
cd "$(dirname "$0")"

# package version integrity (the registry's dist.integrity of the tarball) files to keep
PACKAGES=(
  "graphiql 3.8.3 sha512-cuPDYtXVKV86Pu5PHBX642Odi/uVEE2y1Jxq5rGO/Qy1G2lRp7ZZ7a/T30RzxhuLSWo9zUbzq0P3U49//H0Ugw== graphiql.min.js graphiql.min.css LICENSE"
  "react 18.3.1 sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ== umd/react.production.min.js LICENSE"
  "react-dom 18.3.1 sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw== umd/react-dom.production.min.js LICENSE"
)
TARGET=src/main/resources/graphiql/vendor

CHECK=false
case "${1:-}" in
  --check) CHECK=true ;;
  "") ;;
  *) echo "vendor-graphiql.sh: unknown option '$1' (try --check)" >&2; exit 2 ;;
esac
command -v npm >/dev/null || { echo "vendor-graphiql.sh: needs node and npm" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/vendor"

for line in "${PACKAGES[@]}"; do
  read -r name version integrity files <<<"$line"
  (cd "$WORK" && npm pack --silent "$name@$version" >/dev/null)
  tarball="$WORK/$name-$version.tgz"
  actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w 0)"
  if [[ "$actual" != "$integrity" ]]; then
    echo "vendor-graphiql.sh: $name@$version has integrity $actual, pinned $integrity" >&2
    exit 1
  fi
  mkdir -p "$WORK/$name" "$OUT/$name"
  tar -xzf "$tarball" -C "$WORK/$name"
  for file in $files; do
    cp "$WORK/$name/package/$file" "$OUT/$name/$(basename "$file")"
  done
  echo "$name@$version: $integrity"
done

# graphiql.min.css: every url(data:font/...;base64,...) and url(data:image/...) into
# assets/<first 16 hex digits of its SHA-256>.<type>
node - "$OUT/graphiql" <<'JS'
const fs = require('fs'), path = require('path'), crypto = require('crypto');
const dir = process.argv[2], css = path.join(dir, 'graphiql.min.css');
fs.mkdirSync(path.join(dir, 'assets'));
let count = 0;
const text = fs.readFileSync(css, 'utf8').replace(/url\(data:(?:font|image)\/(woff2?|png);base64,([A-Za-z0-9+/=]+)\)/g, (_, type, data) => {
  const bytes = Buffer.from(data, 'base64');
  const name = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16) + '.' + type;
  fs.writeFileSync(path.join(dir, 'assets', name), bytes);
  count++;
  return `url(assets/${name})`;
});
if (/url\(data:/.test(text)) throw new Error('graphiql.min.css still has a data: URI');
fs.writeFileSync(css, text);
console.log(`graphiql.min.css: ${count} fonts and images written out of data: URIs into assets/`);
JS

if [[ "$CHECK" == true ]]; then
  if diff -r "$OUT" "$TARGET" >/dev/null; then
    echo "The committed files are exactly what the pinned packages give."
  else
    diff -rq "$OUT" "$TARGET" >&2 || true
    echo "vendor-graphiql.sh: the committed files differ from the pinned packages (run without --check)" >&2
    exit 1
  fi
else
  rm -rf "$TARGET"
  mkdir -p "$(dirname "$TARGET")"
  cp -r "$OUT" "$TARGET"
  echo "Written to $TARGET"
fi
