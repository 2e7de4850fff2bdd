#!/bin/sh
# The README's Architecture table names every file of host/src in the row of
# the stage folder that holds it (a new file must be placed in a stage
# there), names no file that is gone, and host/src holds only stage folders.
root=$(cd "$(dirname "$0")/../.." && pwd)
readme=$root/README.md
# the table: from the "Where is what" line to the next heading
table=$(sed -n '/^Where is what in `host\/src\/`/,/^## /p' "$readme")
n=0
fail=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }

# the table row of a stage folder: the line naming "`DIR/`"
row_of() { printf '%s\n' "$table" | grep "^|.*| \`$1/\` |" | head -n 1; }

for f in "$root"/host/src/*; do
    b=$(basename "$f")
    if [ ! -d "$f" ]; then ok 1 "host/src/$b is in a stage folder"; continue; fi
    row=$(row_of "$b")
    if [ -z "$row" ]; then ok 1 "stage folder host/src/$b/ has a row in the Architecture table"; continue; fi
    for g in "$f"/*.c "$f"/*.h; do
        [ -e "$g" ] || continue
        name=$(basename "$g")
        stem=${name%.*}
        # "`name.c`", "`name.h`" or "`name.c`/`.h`" (which names both)
        case $row in
            *"\`$name\`"*|*"\`$stem.c\`/\`.h\`"*) ok 0 "$b/$name is in the row of $b/" ;;
            *) ok 1 "$b/$name is in the row of $b/" ;;
        esac
    done
done
# every name in a row exists in that row's folder
printf '%s\n' "$table" | grep '^| .* | `[a-z_]*/` |' | while IFS= read -r row; do
    dir=$(printf '%s\n' "$row" | sed 's/^|[^|]*| `\([a-z_]*\)\/` |.*/\1/')
    printf '%s\n' "$row" | sed 's/^|[^|]*|[^|]*|//' |
        grep -o '`[a-z_0-9][a-z_0-9]*\.[ch]`\(/`\.h`\)\{0,1\}' |
        sed 's|^`\([a-z_0-9]*\)\.c`/`\.h`$|\1.c \1.h|; s|`||g' | tr ' ' '\n' |
        while read -r name; do echo "$dir/$name"; done
done > "${TMPDIR:-/tmp}/arch.$$"
while read -r path; do
    if [ -e "$root/host/src/$path" ]; then ok 0 "$path (named in the table) exists"
    else ok 1 "$path (named in the table) exists"; fi
done < "${TMPDIR:-/tmp}/arch.$$"
rm -f "${TMPDIR:-/tmp}/arch.$$"
echo "1..$n"
exit $fail
