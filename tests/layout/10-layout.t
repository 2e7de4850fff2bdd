#!/bin/sh
# The host's structure (check-layout.sh): no #include or link cycle among
# its modules, files within their size limits (the known big ones as TODO).
exec sh "$(dirname "$0")/check-layout.sh"
