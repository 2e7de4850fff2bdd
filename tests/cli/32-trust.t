#!/bin/sh
# Trust boundaries (issue 13: defects 2, 3, 9 and the bundle MANIFEST):
# a configuration another user could have planted is refused (and what lies
# above a shared folder is not searched); a plugin is checked where it
# really is, with every folder above it; --diff-base is never an option to
# git; a bundle's MANIFEST cannot name files outside the bundle.
# The checks that need another user (chown nobody) run as root only; under
# CI=true (which runs as root) they must not be skipped.
. "$(dirname "$0")/lib.sh"

P=$BUILD/tests/plugins
printf 'One zebra crossed.\n' > "$TMP/a.txt"
if [ "$(id -u)" -eq 0 ]; then AS_ROOT=1; else AS_ROOT=; fi

# A configuration that loads the test plugin (testplug) by path.
plant() { # file
    printf 'plugins:\n  - path: %s\n' "$P/good.so" > "$1"
}

# ---- defect 2: planted configuration ------------------------------------

# A shared folder like /tmp (mode 1777) holding a credscore.yaml.
mkdir -p "$TMP/shared/proj"
chmod 1777 "$TMP/shared"
plant "$TMP/shared/credscore.yaml"
cd "$TMP/shared/proj"
run "$CREDSCORE" plugins
is "$STATUS" 2 "config in a world-writable folder (1777): exit 2"
is "$ERR" "credscore: $TMP/shared/credscore.yaml: refusing the configuration found here: its folder $TMP/shared is writable by every user (mode 1777), so another user may have written it (and it can load native plugins). If you trust it, give it with --config, or list its folder in CREDSCORE_SAFE_DIRS" \
   "the message names the file, the folder, the reason and both overrides"
unlike "$OUT" "testplug" "the planted plugin is not loaded"
run "$CREDSCORE" score "$TMP/a.txt"
is "$STATUS" 2 "score refuses it too: exit 2"
is "$OUT" "" "and writes no report"
like "$ERR" "shared/credscore.yaml: refusing the configuration found here" "score says why"

# The documented overrides.
run env CREDSCORE_SAFE_DIRS="/nonexistent:$TMP/shared" "$CREDSCORE" plugins
is "$STATUS" 0 "CREDSCORE_SAFE_DIRS listing the folder: exit 0"
like "$OUT" "^testplug " "and the configuration's plugin loads"
run env CREDSCORE_SAFE_DIRS='*' "$CREDSCORE" plugins
is "$STATUS" 0 "CREDSCORE_SAFE_DIRS='*' trusts every folder"
run "$CREDSCORE" plugins -c "$TMP/shared/credscore.yaml"
is "$STATUS" 0 "--config with the same file: exit 0 (the caller chose it)"
like "$OUT" "^testplug " "and its plugin loads"
run "$CREDSCORE" plugins --no-config
is "$STATUS" 0 "--no-config: exit 0"
unlike "$OUT" "testplug" "and no configuration plugin"

# .credscore.yaml is refused alike; a world-writable folder without the
# sticky bit too.
rm "$TMP/shared/credscore.yaml"
plant "$TMP/shared/.credscore.yaml"
chmod 0777 "$TMP/shared"
run "$CREDSCORE" plugins
is "$STATUS" 2 ".credscore.yaml in a 0777 folder: exit 2"
like "$ERR" "shared/\\.credscore\\.yaml: refusing .*writable by every user \\(mode 0777\\)" \
   "the message names .credscore.yaml and mode 0777"
rm "$TMP/shared/.credscore.yaml"

# The search does not go above a shared folder: the credscore.yaml of the
# folder above belongs to whoever owns that tree, not to this checkout.
plant "$TMP/credscore.yaml"
run "$CREDSCORE" plugins
is "$STATUS" 0 "nothing in the shared folder, a config above it: exit 0"
unlike "$OUT" "testplug" "the config above the shared folder is not used"
cd "$TMP"
run "$CREDSCORE" plugins
is "$STATUS" 0 "from the folder of that config: exit 0"
like "$OUT" "^testplug " "(that config is used from its own folder)"
rm "$TMP/credscore.yaml"

# A configuration file writable by every user is refused, in a safe folder.
mkdir -p "$TMP/own/sub"
plant "$TMP/own/credscore.yaml"
chmod 0666 "$TMP/own/credscore.yaml"
cd "$TMP/own/sub"
run "$CREDSCORE" plugins
is "$STATUS" 2 "config file mode 0666: exit 2"
like "$ERR" "own/credscore.yaml: refusing the configuration found here: the file is writable by every user \\(mode 0666\\)" \
   "the message says the file is writable by every user"
chmod 0664 "$TMP/own/credscore.yaml"
run "$CREDSCORE" plugins
is "$STATUS" 0 "group-writable (0664) in the caller's folder: exit 0"
like "$OUT" "^testplug " "and it is used"

# Another user's configuration file, or folder.
if [ -n "$AS_ROOT" ]; then
    chown nobody "$TMP/own/credscore.yaml"
    run "$CREDSCORE" plugins
    is "$STATUS" 2 "config file owned by nobody: exit 2"
    like "$ERR" "own/credscore.yaml: refusing the configuration found here: the file is owned by another user \\(uid $(id -u nobody), neither you nor root\\)" \
       "the message names the owner"
    chown root "$TMP/own/credscore.yaml"
    chown nobody "$TMP/own"
    run "$CREDSCORE" plugins
    is "$STATUS" 2 "config in a folder owned by nobody: exit 2"
    like "$ERR" "refusing the configuration found here: its folder $TMP/own is owned by another user" \
       "the message names the folder and its owner"
    run env CREDSCORE_SAFE_DIRS="$TMP/own" "$CREDSCORE" plugins
    is "$STATUS" 0 "CREDSCORE_SAFE_DIRS overrides the ownership check"
    chown root "$TMP/own"
else
    skip_or_fail "needs root to give a file to another user (chown nobody)" 5
fi
cd "$TMP"

# ---- defect 3: plugins checked where they really are ---------------------

try_plugin() { # path [options...]
    printf 'rules: []\nplugins:\n  - path: %s\nscoring: {fail_under: 0}\n' "$1" > "$TMP/p.yaml"
    shift
    run "$CREDSCORE" score "$@" -c "$TMP/p.yaml" "$TMP/a.txt"
}

# A link in a safe folder to a plugin in a world-writable one.
mkdir -p "$TMP/safe" "$TMP/ww"
cp "$P/good.so" "$TMP/ww/evil.so"
chmod 0777 "$TMP/ww"
ln -s ../ww/evil.so "$TMP/safe/evil.so"
try_plugin "$TMP/safe/evil.so"
is "$STATUS" 2 "safe/evil.so -> ../ww/evil.so (ww mode 0777): exit 2"
is "$ERR" "credscore: $TMP/safe/evil.so: refusing a plugin in the world-writable folder $TMP/ww (mode 0777, uid $(id -u)); the plugin is $TMP/ww/evil.so: others could replace it (or pass --allow-insecure-plugins)" \
   "the message names the offending folder and where the link leads"
try_plugin "$TMP/safe/evil.so" --allow-insecure-plugins
is "$STATUS" 0 "--allow-insecure-plugins stays the override"

# A world-writable folder further up.
mkdir -p "$TMP/ww2/sub"
cp "$P/good.so" "$TMP/ww2/sub/evil.so"
chmod 0777 "$TMP/ww2"
try_plugin "$TMP/ww2/sub/evil.so"
is "$STATUS" 2 "ww2/sub/evil.so (ww2 mode 0777): exit 2"
like "$ERR" "ww2/sub/evil.so: refusing a plugin in the world-writable folder $TMP/ww2 \\(mode 0777" \
   "the message names the world-writable ancestor"

# A link to a world-writable file.
cp "$P/good.so" "$TMP/safe/open.so"
chmod 0666 "$TMP/safe/open.so"
ln -s open.so "$TMP/safe/link.so"
try_plugin "$TMP/safe/link.so"
is "$STATUS" 2 "a link to a world-writable plugin file: exit 2"
like "$ERR" "safe/link.so: refusing a world-writable plugin file \\(it is $TMP/safe/open.so\\)" \
   "the message names the real file"

# A sticky shared folder (like /tmp) is fine for the caller's own file;
# group-writable folders are left to the administrator.
mkdir -p "$TMP/sticky" "$TMP/group"
chmod 1777 "$TMP/sticky"
chmod 0775 "$TMP/group"
cp "$P/good.so" "$TMP/sticky/good.so"
cp "$P/good.so" "$TMP/group/good.so"
try_plugin "$TMP/sticky/good.so"
is "$STATUS" 0 "own plugin in a sticky world-writable folder: exit 0"
try_plugin "$TMP/group/good.so"
is "$STATUS" 0 "plugin in a group-writable folder: exit 0"

if [ -n "$AS_ROOT" ]; then
    mkdir -p "$TMP/theirs"
    cp "$P/good.so" "$TMP/theirs/good.so"
    chown nobody "$TMP/theirs"
    try_plugin "$TMP/theirs/good.so"
    is "$STATUS" 2 "plugin in a folder owned by nobody: exit 2"
    like "$ERR" "theirs/good.so: refusing a plugin in the folder $TMP/theirs, owned by another user \\(mode 0755, uid $(id -u nobody)\\): its owner could replace it" \
       "the message names the folder owned by another user"
    chown root "$TMP/theirs"
    chown nobody "$TMP/theirs/good.so"
    try_plugin "$TMP/theirs/good.so"
    is "$STATUS" 2 "plugin file owned by nobody: exit 2"
    like "$ERR" "theirs/good.so: refusing a plugin file owned by another user \\(uid $(id -u nobody) is neither you nor root; or pass --allow-insecure-plugins\\)" \
       "the message names the file's owner"
else
    skip_or_fail "needs root to give a file to another user (chown nobody)" 4
fi

# ---- defect 9: --diff-base is never an option to git ---------------------

if command -v git > /dev/null 2>&1; then
    mkdir "$TMP/repo"
    cd "$TMP/repo"
    git init -q . && cp "$TMP/a.txt" a.txt && git add a.txt &&
        git -c user.name=t -c user.email=t@example.org commit -qm one
    echo precious > "$TMP/victim"
    run "$CREDSCORE" score --no-config --diff-base "--output=$TMP/victim" a.txt
    is "$STATUS" 2 "--diff-base --output=FILE: exit 2"
    like "$ERR" "credscore: --diff-base '--output=$TMP/victim' is not a revision: it starts with '-' \\(git would read it as an option\\)" \
       "the message says why"
    is "$(cat "$TMP/victim")" "precious" "the file git would have written is untouched"
    run "$CREDSCORE" score --no-config --diff-base "-p" a.txt
    is "$STATUS" 2 "--diff-base -p: exit 2"
    run "$CREDSCORE" score --no-config --diff-base HEAD a.txt
    is "$STATUS" 0 "--diff-base HEAD still works"
    cd "$TMP"
else
    skip_or_fail "git is not installed" 5
fi

# ---- issue 13: a bundle's MANIFEST names files inside the bundle ---------

mkdir -p "$TMP/desk/desk"
printf "rule{id='desk-zebra', marker='vague', phrases={'zebra'}}\n" > "$TMP/desk/desk/z.lua"
printf 'rules: ["desk/"]\nplugins: []\n' > "$TMP/desk/credscore.yaml"
cd "$TMP/desk"
run "$CREDSCORE" bundle -o "$TMP/b.tar"
is "$STATUS" 0 "bundle: exit 0"
cd "$TMP"
printf "rule{id='outside', marker='vague', phrases={'crossed'}}\n" > "$TMP/outside.lua"

# Unpack, change the MANIFEST, pack again.
rebundle() { # sed-expression
    rm -rf "$TMP/unb" && mkdir "$TMP/unb" && tar -xf "$TMP/b.tar" -C "$TMP/unb" &&
        sed -i "$1" "$TMP/unb/credscore-bundle/MANIFEST" &&
        tar --format=ustar -cf "$TMP/evil.tar" -C "$TMP/unb" credscore-bundle
}
run "$CREDSCORE" score --fail-under 0 --bundle "$TMP/b.tar" "$TMP/a.txt"
is "$STATUS" 0 "the genuine bundle scores"
like "$OUT" "desk-zebra" "with its rule"

up=$(printf '%s' "$TMP" | sed 's#[^/][^/]*#..#g')
rebundle "s#^rule rules/000-z.lua .*#rule ../../$up$TMP/outside.lua desk/z.lua#"
line=$(grep -n '^rule ' "$TMP/unb/credscore-bundle/MANIFEST" | cut -d: -f1)
run "$CREDSCORE" score --bundle "$TMP/evil.tar" "$TMP/a.txt"
is "$STATUS" 2 "MANIFEST rule with '..': exit 2"
is "$ERR" "credscore: bundle: MANIFEST line $line 'rule ../../$up$TMP/outside.lua desk/z.lua': rule file '../../$up$TMP/outside.lua' has a '..' component (a bundle's files stay inside it)" \
   "the message names the MANIFEST line and what is wrong"
unlike "$OUT" "outside" "the outside rule did not run"

rebundle "s#^rule rules/000-z.lua .*#rule $TMP/outside.lua desk/z.lua#"
run "$CREDSCORE" score --bundle "$TMP/evil.tar" "$TMP/a.txt"
is "$STATUS" 2 "MANIFEST rule with an absolute path: exit 2"
like "$ERR" "MANIFEST line $line 'rule $TMP/outside.lua desk/z.lua': rule file '$TMP/outside.lua' is an absolute path" \
   "the message says it is absolute"

rebundle "s#^rule rules/000-z.lua #rule rules/missing.lua #"
run "$CREDSCORE" score --bundle "$TMP/evil.tar" "$TMP/a.txt"
is "$STATUS" 2 "MANIFEST rule not in the bundle: exit 2"
like "$ERR" "rule file 'rules/missing.lua' is not in the bundle" "the message says so"

# A plugin line whose name would lead out of plugins/.
printf 'rules: []\nplugins:\n  - path: %s\n' "$P/good.so" > "$TMP/desk/credscore.yaml"
cd "$TMP/desk"
run "$CREDSCORE" bundle -o "$TMP/b.tar"
is "$STATUS" 0 "bundle with a plugin: exit 0"
cd "$TMP"
rebundle "s#^plugin testplug #plugin ../../../x #"
run "$CREDSCORE" score --bundle "$TMP/evil.tar" "$TMP/a.txt"
is "$STATUS" 2 "MANIFEST plugin name with '..': exit 2"
like "$ERR" "MANIFEST line [0-9]+ 'plugin \\.\\./\\.\\./\\.\\./x .*': plugin file 'plugins/\\.\\./\\.\\./\\.\\./x\\.so' is not named by a plugin name" \
   "the message names the line and the bad name"

done_testing
