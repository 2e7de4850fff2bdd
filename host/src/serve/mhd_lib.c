/* mhd_lib.c - libmicrohttpd opened with dlopen (mhd_lib.h). */
#include "mhd_lib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* Each table slot and the symbol that fills it. */
static const struct {
    const char *name;
    size_t offset;
} symbols[] = {
#define SLOT(f) {"MHD_" #f, offsetof(mhd_lib, f)}
    SLOT(start_daemon),
    SLOT(quiesce_daemon),
    SLOT(stop_daemon),
    SLOT(get_connection_info),
    SLOT(lookup_connection_value),
    SLOT(create_response_from_callback),
    SLOT(create_response_from_buffer_with_free_callback),
    SLOT(create_response_from_buffer),
    SLOT(add_response_header),
    SLOT(queue_response),
    SLOT(destroy_response),
#undef SLOT
};

int mhd_lib_open(mhd_lib *lib, char *err, size_t errlen)
{
    memset(lib, 0, sizeof *lib);
    lib->handle = dlopen(MHD_LIB_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (lib->handle == NULL) {
        snprintf(err, errlen,
                 "the server needs libmicrohttpd (Debian package libmicrohttpd12): %s",
                 dlerror());
        return -1;
    }
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        void *sym = dlsym(lib->handle, symbols[i].name);
        if (sym == NULL) {
            snprintf(err, errlen, "%s has no %s: not the libmicrohttpd the server was built for",
                     MHD_LIB_SONAME, symbols[i].name);
            mhd_lib_close(lib);
            return -1;
        }
        /* POSIX: a function's address round-trips through void * */
        memcpy((char *)lib + symbols[i].offset, &sym, sizeof sym);
    }
    return 0;
}

void mhd_lib_close(mhd_lib *lib)
{
    if (lib->handle != NULL)
        dlclose(lib->handle);
    memset(lib, 0, sizeof *lib);
}
