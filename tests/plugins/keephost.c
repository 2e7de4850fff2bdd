/* Keeps the host pointer the entry is given and uses only it, also in destroy. */
#define TP_NAME "keephost"
#define TP_KEEP_HOST
#include "test_plugin.h"
