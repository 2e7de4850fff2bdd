#!/bin/sh
# The README's Architecture table names every file of host/src (a new file
# must be placed in a stage there), and names no file that is gone.
root=$(cd "$(dirname "$0")/../.." && pwd)
readme=$root/README.md
# the table: from the "Where is what" line to the next heading
table=$(sed -n '/^Where is what in `host\/src\/`/,/^## /p' "$readme")
n=0
fail=0
for f in "$root"/host/src/*.c "$root"/host/src/*.h; do
    b=$(basename "$f")
    stem=${b%.*}
    n=$((n + 1))
    # "`name.c`", "`name.h`" or "`name.c`/`.h`" (which names both)
    case $table in
        *"\`$b\`"*) echo "ok $n - $b is in the Architecture table" ;;
        *"\`$stem.c\`/\`.h\`"*) echo "ok $n - $b is in the Architecture table" ;;
        *) echo "not ok $n - $b is in the Architecture table"; fail=1 ;;
    esac
done
# every name in the table exists ("`x.c`/`.h`" names both)
rows=$(printf '%s\n' "$table" | grep '^|')
names=$(printf '%s\n' "$rows" | grep -o '`[a-z_0-9][a-z_0-9]*\.[ch]`\(/`\.h`\)\{0,1\}' |
        sed 's|^`\([a-z_0-9]*\)\.c`/`\.h`$|\1.c \1.h|; s|`||g')
for name in $names; do
    n=$((n + 1))
    if [ -e "$root/host/src/$name" ]; then
        echo "ok $n - $name (named in the table) exists"
    else
        echo "not ok $n - $name (named in the table) exists"
        fail=1
    fi
done
echo "1..$n"
exit $fail
