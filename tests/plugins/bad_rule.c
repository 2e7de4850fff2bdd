/* Declares a rule whose marker is not among its markers. */
#define TP_NAME "badrule"
#define TP_BAD_RULE
#include "test_plugin.h"
