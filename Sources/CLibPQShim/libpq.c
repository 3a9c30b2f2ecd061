#include "CLibPQShim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <libpq-fe.h>

// Each pointer has the type of the function libpq-fe.h declares, so a mismatch is a compile error.
static __typeof__(&PQconnectdbParams) p_connectdbParams;
static __typeof__(&PQstatus) p_status;
static __typeof__(&PQerrorMessage) p_errorMessage;
static __typeof__(&PQfinish) p_finish;
static __typeof__(&PQexecParams) p_execParams;
static __typeof__(&PQexec) p_exec;
static __typeof__(&PQresultStatus) p_resultStatus;
static __typeof__(&PQresultErrorField) p_resultErrorField;
static __typeof__(&PQresultErrorMessage) p_resultErrorMessage;
static __typeof__(&PQntuples) p_ntuples;
static __typeof__(&PQnfields) p_nfields;
static __typeof__(&PQgetisnull) p_getisnull;
static __typeof__(&PQgetvalue) p_getvalue;
static __typeof__(&PQgetlength) p_getlength;
static __typeof__(&PQclear) p_clear;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char load_error[512];
static int loaded;

#define RESOLVE(handle, name, pointer)                                                   \
    do {                                                                                 \
        *(void **)(&pointer) = dlsym(handle, #name);                                     \
        if (!pointer) {                                                                  \
            snprintf(load_error, sizeof load_error, "libpq has no function %s", #name);  \
            return;                                                                      \
        }                                                                                \
    } while (0)

static void load(void) {
    static const char *const names[] = {"libpq.so.5", "libpq.so", "libpq.5.dylib", "libpq.dylib",
                                        "/opt/homebrew/opt/libpq/lib/libpq.5.dylib", "/usr/local/opt/libpq/lib/libpq.5.dylib"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !handle; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "%s", why ? why : "libpq.so.5 was not found");
        return;
    }
    RESOLVE(handle, PQconnectdbParams, p_connectdbParams);
    RESOLVE(handle, PQstatus, p_status);
    RESOLVE(handle, PQerrorMessage, p_errorMessage);
    RESOLVE(handle, PQfinish, p_finish);
    RESOLVE(handle, PQexecParams, p_execParams);
    RESOLVE(handle, PQexec, p_exec);
    RESOLVE(handle, PQresultStatus, p_resultStatus);
    RESOLVE(handle, PQresultErrorField, p_resultErrorField);
    RESOLVE(handle, PQresultErrorMessage, p_resultErrorMessage);
    RESOLVE(handle, PQntuples, p_ntuples);
    RESOLVE(handle, PQnfields, p_nfields);
    RESOLVE(handle, PQgetisnull, p_getisnull);
    RESOLVE(handle, PQgetvalue, p_getvalue);
    RESOLVE(handle, PQgetlength, p_getlength);
    RESOLVE(handle, PQclear, p_clear);
    loaded = 1;
}

int probity_pq_load(char *error, size_t size) {
    pthread_once(&once, load);
    if (!loaded && error && size) snprintf(error, size, "%s", load_error);
    return loaded;
}

void *probity_pq_connect(const char *url, const char *timeout, const char *application) {
    // Keywords before dbname are overridden by what the URL says; the URL is expanded as dbname.
    const char *const keys[] = {"connect_timeout", "application_name", "dbname", NULL};
    const char *const values[] = {timeout, application, url, NULL};
    return p_connectdbParams(keys, values, 1);
}

int probity_pq_connected(void *conn) { return conn && p_status((PGconn *)conn) == CONNECTION_OK; }
const char *probity_pq_error_message(void *conn) { return conn ? p_errorMessage((PGconn *)conn) : "out of memory"; }
void probity_pq_finish(void *conn) { if (conn) p_finish((PGconn *)conn); }

void *probity_pq_exec(void *conn, const char *sql, int count, const char *const *values, const int *lengths, const int *binary) {
    // Results come back as text (resultFormat 0).
    return p_execParams((PGconn *)conn, sql, count, NULL, values, lengths, binary, 0);
}

void *probity_pq_exec_script(void *conn, const char *sql) { return p_exec((PGconn *)conn, sql); }

int probity_pq_result_kind(void *result) {
    if (!result) return 2;
    switch (p_resultStatus((PGresult *)result)) {
    case PGRES_COMMAND_OK: return 0;
    case PGRES_TUPLES_OK: return 1;
    default: return 2;
    }
}

const char *probity_pq_result_field(void *result, char code) { return result ? p_resultErrorField((PGresult *)result, code) : NULL; }
const char *probity_pq_result_message(void *result) { return result ? p_resultErrorMessage((PGresult *)result) : "no result (out of memory, or the connection was lost)"; }
int probity_pq_rows(void *result) { return p_ntuples((PGresult *)result); }
int probity_pq_columns(void *result) { return p_nfields((PGresult *)result); }
int probity_pq_is_null(void *result, int row, int column) { return p_getisnull((PGresult *)result, row, column); }
const char *probity_pq_value(void *result, int row, int column) { return p_getvalue((PGresult *)result, row, column); }
int probity_pq_length(void *result, int row, int column) { return p_getlength((PGresult *)result, row, column); }
void probity_pq_clear(void *result) { if (result) p_clear((PGresult *)result); }
