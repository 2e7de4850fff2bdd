/* create() fails with a reason. */
#define TP_CREATE_FAILS 1
#include "test_plugin.h"
