#!/bin/sh
# npm-tools.sh DIR - install the SARIF validators that tests/cli/80-formats.t
# runs into DIR (never into the repository), from the npm registry:
#   @microsoft/sarif-multitool-linux@5.7.0, ajv-cli@5.0.0, ajv-formats@3.0.1
# Idempotent: nothing to do when DIR/.installed exists.  The install goes to
# a folder beside DIR that is moved into place only when complete, so a
# failed or interrupted install never leaves a half-filled DIR.
# Exit 0: installed; 1: npm is missing or the install failed (npm's last
# lines on standard error); 2: usage.
set -u
[ $# -eq 1 ] && [ -n "$1" ] || { echo "usage: npm-tools.sh DIR" >&2; exit 2; }
dir=$1
[ -f "$dir/.installed" ] && exit 0
command -v npm >/dev/null 2>&1 || { echo "npm-tools: npm is not installed" >&2; exit 1; }
tmp=$dir.tmp.$$
rm -rf "$tmp"
mkdir -p "$tmp" || exit 1
if npm install --prefix "$tmp" --save-exact --ignore-scripts --no-audit --no-fund \
       --loglevel=error @microsoft/sarif-multitool-linux@5.7.0 ajv-cli@5.0.0 \
       ajv-formats@3.0.1 >"$tmp.log" 2>&1; then
    touch "$tmp/.installed"
    rm -rf "$dir"
    mv "$tmp" "$dir" && rm -f "$tmp.log" && exit 0
fi
echo "npm-tools: npm install into $dir failed:" >&2
tail -n 20 "$tmp.log" | sed 's/^/npm-tools: npm: /' >&2
rm -rf "$tmp" "$tmp.log"
exit 1
