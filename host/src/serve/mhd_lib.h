/*
 * mhd_lib.h - libmicrohttpd, loaded when the server starts.
 *
 * Only `credscore serve` uses libmicrohttpd, and it links GnuTLS and seven
 * more libraries (TLS, ASN.1, IDN, GMP ...): linked into the executable,
 * loading and relocating them took about 1.7 ms of every command's cold
 * start.  So the server opens the library with dlopen and calls it through
 * this table; every other command starts without it.  The types and
 * constants still come from <microhttpd.h> at build time.
 *
 * Contract: mhd_lib_open fills a table the caller owns and closes with
 * mhd_lib_close once the daemon is stopped; on failure it returns -1 with a
 * message in err naming the library and the Debian package that has it.
 */
#ifndef CS_MHD_LIB_H
#define CS_MHD_LIB_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* The shared object opened (its soname: the ABI the header describes). */
#define MHD_LIB_SONAME "libmicrohttpd.so.12"

/* The functions the server calls, each typed as <microhttpd.h> declares it. */
typedef struct mhd_lib {
    void *handle;
    __typeof__(&MHD_start_daemon) start_daemon;
    __typeof__(&MHD_quiesce_daemon) quiesce_daemon;
    __typeof__(&MHD_stop_daemon) stop_daemon;
    __typeof__(&MHD_get_connection_info) get_connection_info;
    __typeof__(&MHD_lookup_connection_value) lookup_connection_value;
    __typeof__(&MHD_create_response_from_callback) create_response_from_callback;
    __typeof__(&MHD_create_response_from_buffer_with_free_callback)
        create_response_from_buffer_with_free_callback;
    __typeof__(&MHD_create_response_from_buffer) create_response_from_buffer;
    __typeof__(&MHD_add_response_header) add_response_header;
    __typeof__(&MHD_queue_response) queue_response;
    __typeof__(&MHD_destroy_response) destroy_response;
} mhd_lib;

/* Open MHD_LIB_SONAME and resolve every function of the table.  0, or -1
 * with err set (the table is then left closed). */
int mhd_lib_open(mhd_lib *lib, char *err, size_t errlen);

/* Close the library (a zeroed or closed table is fine). */
void mhd_lib_close(mhd_lib *lib);

#endif
