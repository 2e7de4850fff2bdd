/* Claims a descriptor smaller than the ABI requires. */
#define TP_STRUCT_SIZE 24
#include "test_plugin.h"
