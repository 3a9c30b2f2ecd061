#ifndef PROBITY_LIBPQ_SHIM_H
#define PROBITY_LIBPQ_SHIM_H

#include <stddef.h>

/// libpq, opened on first use (dlopen), so that commands that never use the store do not pay for loading it
/// and its dependencies (OpenSSL, Kerberos, LDAP) at start-up. Connections and results are opaque pointers.

/// Opens libpq once. Returns 1 when it is usable; otherwise 0 and why, in `error`.
int probity_pq_load(char *error, size_t size);

/// PQconnectdbParams with the URL expanded as `dbname`; `timeout` seconds to connect. Never NULL once loaded.
void *probity_pq_connect(const char *url, const char *timeout, const char *application);
/// 1 when the connection is up.
int probity_pq_connected(void *conn);
const char *probity_pq_error_message(void *conn);
void probity_pq_finish(void *conn);

/// PQexecParams; every parameter is sent as text unless `binary[i]` is 1 (then `lengths[i]` bytes).
void *probity_pq_exec(void *conn, const char *sql, int count, const char *const *values, const int *lengths, const int *binary);
/// PQexec: several statements at once, no parameters (the schema file).
void *probity_pq_exec_script(void *conn, const char *sql);
/// 0: a command without rows succeeded; 1: rows; 2: failed.
int probity_pq_result_kind(void *result);
/// PQresultErrorField: 'C' SQLSTATE, 'M' message, 'D' detail, 'H' hint. NULL when absent.
const char *probity_pq_result_field(void *result, char code);
const char *probity_pq_result_message(void *result);
int probity_pq_rows(void *result);
int probity_pq_columns(void *result);
int probity_pq_is_null(void *result, int row, int column);
const char *probity_pq_value(void *result, int row, int column);
int probity_pq_length(void *result, int row, int column);
void probity_pq_clear(void *result);

#endif
