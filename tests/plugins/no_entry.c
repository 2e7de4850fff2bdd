/* Exports no credscore_plugin_entry. */
#define TP_NO_ENTRY 1
#include "test_plugin.h"
