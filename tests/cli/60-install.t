#!/bin/sh
# make install into a DESTDIR, then build the example plugin out of tree
# against the installed header via pkg-config and score an article with it.
. "$(dirname "$0")/lib.sh"

ROOTFS=$TMP/root
SANFLAG=
case $BUILD in *build-san) SANFLAG=SAN=1 ;; esac
run make -s -C "$ROOT" install BUILD="$BUILD" $SANFLAG DESTDIR="$ROOTFS" PREFIX=/usr
is "$STATUS" 0 "make install DESTDIR=... PREFIX=/usr"
for f in usr/bin/credscore usr/include/credscore/plugin.h usr/lib/pkgconfig/credscore.pc \
         usr/share/man/man1/credscore.1 usr/share/credscore/rules/anonymous.lua \
         usr/lib/credscore/plugins/attribution.so usr/lib/credscore/plugins/quotes.so; do
    [ -f "$ROOTFS/$f" ]
    ok $? "installed $f"
done

export PKG_CONFIG_PATH=$ROOTFS/usr/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$ROOTFS
run pkg-config --cflags credscore
is "$STATUS" 0 "pkg-config --cflags credscore: exit 0"
is "$(printf '%s' "$OUT" | sed 's/ *$//')" "-I$ROOTFS/usr/include" "pkg-config --cflags credscore points at the installed header"

cp -r "$ROOT/examples/plugin" "$TMP/plugin"
rm -f "$TMP/plugin/wire_credit.so"
run make -s -C "$TMP/plugin"
is "$STATUS" 0 "the example plugin builds out of tree"
[ -f "$TMP/plugin/wire_credit.so" ]
ok $? "wire_credit.so exists"

cd "$TMP/plugin"
run "$ROOTFS/usr/bin/credscore" plugins
is "$STATUS" 0 "the installed credscore loads the bundled and the example plugins"
like "$OUT" "^wire_credit +1.0.0 +ABI 1.1  markers media" "example plugin listed"
like "$OUT" "^attribution " "bundled plugin found in the installed libdir"

run "$ROOTFS/usr/bin/credscore" score -f json article.md
is "$STATUS" 0 "scoring with the example plugin: exit 0"
is "$(jqr "$OUT" '[.articles[0].findings[] | select(.source == "plugin:wire_credit") | "\(.line):\(.column) \(.rule) \(.text)"] | join("; ")')" \
   "3:8 wire_credit/dateline (AP); 8:1 wire_credit/contributed Reuters contributed to this report" \
   "the example plugin's findings, at the right line:col"
cd "$TMP"

done_testing
