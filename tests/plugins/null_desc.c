/* Entry returns NULL. */
#define TP_NULL_DESC 1
#include "test_plugin.h"
