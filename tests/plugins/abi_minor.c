/* Built against a newer minor than the host. */
#define TP_ABI_MINOR (CREDSCORE_ABI_MINOR + 7)
#include "test_plugin.h"
