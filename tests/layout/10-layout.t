#!/bin/sh
# The host's structure (check-layout.sh): no #include or link cycle among
# its modules, stage order, every .c file within 800 lines, every command within 250.
exec sh "$(dirname "$0")/check-layout.sh"
