/*
 * result_codec.h - a scored result as bytes, to cross from a worker process
 * to the parent (pool.h).  Both sides run the same binary with the same
 * configuration, so the encoding is the host's own (no byte swapping);
 * strings travel by value and land in the receiving result's arena.
 * Returns 0, or -1 when memory runs out or the bytes are malformed.
 */
#ifndef CS_RESULT_CODEC_H
#define CS_RESULT_CODEC_H

#include "buf.h"
#include "config.h"
#include "result.h"

int cs_result_encode(const cs_result *r, cs_buf *out);

/* Decode into r (reset first); the verdict is looked up again in cfg. */
int cs_result_decode(const char *data, size_t len, const cs_config *cfg, cs_result *r);

#endif
