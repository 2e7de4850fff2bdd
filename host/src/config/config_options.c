/*
 * config_options.c - a plugin's `options:` mapping read through the
 * credscore_host option readers (config.h): strings, integers, numbers,
 * booleans and lists, with the same strict scalar rules as the
 * configuration (config_scalar.h).  Returned strings point into the
 * config's YAML tree and live as long as the config.
 */
#include "config.h"

#include "config_scalar.h"

static const cs_ynode *opt_node(const credscore_options *o, const char *key)
{
    return o != NULL && key != NULL ? cs_ynode_get(o->map, key) : NULL;
}

const char *cs_options_string(const credscore_options *o, const char *key)
{
    const cs_ynode *n = opt_node(o, key);
    return n != NULL && n->kind == CS_YNODE_SCALAR ? n->value : NULL;
}

/* The cfg_parse_* functions write *out only on success, as these promise. */
int cs_options_int(const credscore_options *o, const char *key, long long *out)
{
    const char *s = cfg_plain_value(opt_node(o, key));
    return s != NULL && cfg_parse_integer(s, out) == 0 ? 0 : -1;
}

int cs_options_double(const credscore_options *o, const char *key, double *out)
{
    const char *s = cfg_plain_value(opt_node(o, key));
    return s != NULL && cfg_parse_decimal(s, out) == 0 ? 0 : -1;
}

int cs_options_bool(const credscore_options *o, const char *key, int *out)
{
    const char *s = cfg_plain_value(opt_node(o, key));
    return s != NULL && cfg_parse_bool(s, out) == 0 ? 0 : -1;
}

size_t cs_options_list_count(const credscore_options *o, const char *key)
{
    const cs_ynode *n = opt_node(o, key);
    if (n == NULL || cs_ynode_is_null(n))
        return 0;
    if (n->kind == CS_YNODE_SEQUENCE)
        return n->nitems;
    return n->kind == CS_YNODE_SCALAR ? 1 : 0;
}

const char *cs_options_list_item(const credscore_options *o, const char *key, size_t i)
{
    const cs_ynode *n = opt_node(o, key);
    if (n == NULL || cs_ynode_is_null(n))
        return NULL;
    if (n->kind == CS_YNODE_SEQUENCE)
        return i < n->nitems && n->items[i]->kind == CS_YNODE_SCALAR ? n->items[i]->value
                                                                      : NULL;
    return n->kind == CS_YNODE_SCALAR && i == 0 ? n->value : NULL;
}
