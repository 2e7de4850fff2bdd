/* Same name as good.c: a duplicate. */
#include "test_plugin.h"
