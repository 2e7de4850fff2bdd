/* Leaves the required score_passage callback NULL. */
#define TP_NO_SCORE 1
#include "test_plugin.h"
