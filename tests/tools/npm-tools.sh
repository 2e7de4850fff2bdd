#!/bin/sh
# npm-tools.sh DIR - install the npm tools of the tests into DIR (never into
# the repository), from the npm registry:
#   @microsoft/sarif-multitool-linux, ajv-cli, ajv-formats: the SARIF
#       validators of tests/cli/80-formats.t;
#   puppeteer-core: the browser automation of tests/cli/79-playground.t
#       (it drives Debian's chromium; it downloads no browser of its own).
# Idempotent: nothing to do when DIR/.installed lists exactly these
# packages (a DIR installed with another list is installed again).  The
# install goes to a folder beside DIR that is moved into place only when
# complete, so a failed or interrupted install never leaves a half-filled
# DIR.
# Exit 0: installed; 1: npm is missing or the install failed (npm's last
# lines on standard error); 2: usage.
set -u
[ $# -eq 1 ] && [ -n "$1" ] || { echo "usage: npm-tools.sh DIR" >&2; exit 2; }
dir=$1
PKGS="@microsoft/sarif-multitool-linux@5.7.0 ajv-cli@5.0.0 ajv-formats@3.0.1 puppeteer-core@25.19.0"
[ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$PKGS" ] && exit 0
command -v npm >/dev/null 2>&1 || { echo "npm-tools: npm is not installed" >&2; exit 1; }
tmp=$dir.tmp.$$
rm -rf "$tmp"
mkdir -p "$tmp" || exit 1
# shellcheck disable=SC2086 # PKGS is a list of words
if npm install --prefix "$tmp" --save-exact --ignore-scripts --no-audit --no-fund \
       --loglevel=error $PKGS >"$tmp.log" 2>&1; then
    printf '%s\n' "$PKGS" > "$tmp/.installed"
    rm -rf "$dir"
    mv "$tmp" "$dir" && rm -f "$tmp.log" && exit 0
fi
echo "npm-tools: npm install into $dir failed:" >&2
tail -n 20 "$tmp.log" | sed 's/^/npm-tools: npm: /' >&2
rm -rf "$tmp" "$tmp.log"
exit 1
