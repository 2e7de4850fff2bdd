/* Declares the options it accepts and its rules with descriptions (ABI 1.1). */
#define TP_NAME "declared"
#define TP_DECLARE
#include "test_plugin.h"
