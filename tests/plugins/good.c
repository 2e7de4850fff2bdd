/* A plugin that behaves. */
#include "test_plugin.h"
