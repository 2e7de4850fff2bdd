/* Built with the frozen ABI 1.0 header: the 1.0 struct sizes and minor 0. */
#include "abi-1.0/plugin.h"
#define TP_NAME "abiten"
#include "test_plugin.h"
