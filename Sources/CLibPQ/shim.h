// libpq, PostgreSQL's client library (Debian: libpq-dev). The headers live in
// /usr/include/postgresql; no pkg-config is needed.
#ifndef CARBONTOP_CLIBPQ_SHIM_H
#define CARBONTOP_CLIBPQ_SHIM_H
#include <postgresql/libpq-fe.h>
#endif
