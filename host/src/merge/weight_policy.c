#include "weight_policy.h"

double cs_policy_weight(const cs_config *cfg, int marker, const cs_rule_override *ov, int has_w,
                        double w)
{
    const cs_marker_conf *m = &cfg->markers[marker];
    if (ov && ov->has_weight)
        return ov->weight;
    if (m->has_weight)
        return m->weight;
    return has_w ? w : m->default_weight;
}

cs_level cs_policy_level(const cs_config *cfg, int marker, const cs_rule_override *ov,
                         int has_level, cs_level level)
{
    if (ov && ov->has_level)
        return ov->level;
    return has_level ? level : cfg->markers[marker].level;
}
