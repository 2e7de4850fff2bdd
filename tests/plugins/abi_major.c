/* Built for ABI 2.x. */
#define TP_ABI_MAJOR 2
#include "test_plugin.h"
