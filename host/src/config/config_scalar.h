/*
 * config_scalar.h - YAML scalars read strictly as numbers, integers and
 * booleans (private to config/: the configuration's checks and the plugin
 * option readers share them, so a value means the same in both).
 *
 * Nothing here allocates.  The parsers write *out only on success and
 * return 0, -1 when the text is not such a value, -2 when it is one but
 * out of range; they never print.
 */
#ifndef CS_CONFIG_SCALAR_H
#define CS_CONFIG_SCALAR_H

#include "yaml_tree.h"

/* Strict decimal: [+-]digits[.digits][e[+-]digits], finite (-2 when it
 * overflows).  No hex, inf or nan. */
int cfg_parse_decimal(const char *s, double *out);

/* [+-]digits, in the range of long long (-2 outside it). */
int cfg_parse_integer(const char *s, long long *out);

/* true/yes/on or false/no/off, any case: *out 1 or 0.  Never -2. */
int cfg_parse_bool(const char *s, int *out);

/* The text of a plain (unquoted) scalar, else NULL (n may be NULL):
 * numbers, integers and booleans must be written plain. */
const char *cfg_plain_value(const cs_ynode *n);

#endif
