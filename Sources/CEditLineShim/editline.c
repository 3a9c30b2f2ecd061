/* libedit for the chat: one editor on the process's terminal, with a prompt, history and Tab completion. */
#define _GNU_SOURCE
#include "CEditLineShim.h"
#include "shim_private.h"

#include <ctype.h>
#include <errno.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

static EditLine *editor = NULL;
static History *history_list = NULL;
static HistEvent history_event;
static char *prompt_text = NULL;
static char **completions = NULL;
static int completion_count = 0;
static char *line_buffer = NULL;
static size_t line_capacity = 0;
static int abandoned_text = 0;
/* The longest line kept, in UTF-8 bytes (0: no limit), and how many bytes of the line being read were dropped. */
static size_t max_line_bytes = 0;
static size_t dropped_bytes = 0;
static struct termios original_termios;
static int have_original_termios = 0;

/* ---- UTF-8 <-> wchar_t, without depending on the locale ---------------------------------- */

static size_t utf8_encode(wchar_t wc, char *out) {
    unsigned long c = (unsigned long)wc;
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) { out[0] = (char)(0xC0 | (c >> 6)); out[1] = (char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12)); out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18)); out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F)); out[3] = (char)(0x80 | (c & 0x3F)); return 4;
}

/* Encodes `count` wide characters into the shared line buffer; returns its length. */
static size_t encode_line(const wchar_t *text, size_t count) {
    size_t needed = count * 4 + 1;
    if (needed > line_capacity) {
        char *grown = realloc(line_buffer, needed);
        if (grown == NULL) return 0;
        line_buffer = grown;
        line_capacity = needed;
    }
    size_t length = 0;
    for (size_t i = 0; i < count; i++) length += utf8_encode(text[i], line_buffer + length);
    line_buffer[length] = '\0';
    return length;
}

/* How many bytes a UTF-8 sequence starting with `lead` has; 0 for a byte that cannot start one. */
static int utf8_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

/* Decodes UTF-8 into a new wide string (caller frees). */
static wchar_t *utf8_decode(const char *text, size_t limit) {
    wchar_t *out = calloc(limit + 1, sizeof(wchar_t));
    if (out == NULL) return NULL;
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)text, *end = p + limit;
    while (p < end) {
        int len = utf8_length(*p);
        if (len == 0 || p + len > end) { p++; continue; }
        unsigned long c = len == 1 ? *p : (*p & (0xFF >> (len + 1)));
        for (int i = 1; i < len; i++) c = (c << 6) | (p[i] & 0x3F);
        out[n++] = (wchar_t)c;
        p += len;
    }
    out[n] = 0;
    return out;
}

/* ---- Reading keys ------------------------------------------------------------------------ */

/* Whether inserting character `c` (`size` bytes of UTF-8) would take the line past max_line_bytes. Only text
   counts: control characters (editing keys, Enter) always get through. */
static int would_overflow(EditLine *el, unsigned long c, int size) {
    if (max_line_bytes == 0 || c < 0x20 || c == 0x7F) return 0;
    const LineInfoW *info = el_wline(el);
    if (info == NULL) return 0;
    size_t characters = (size_t)(info->lastchar - info->buffer);
    if (characters * 4 + (size_t)size <= max_line_bytes) return 0; /* fits, however wide its characters */
    /* The line's length in bytes, measured again only when it has changed (a long paste past the limit is
       dropped a character at a time without measuring the line each time). */
    static const wchar_t *measured_buffer = NULL, *measured_end = NULL;
    static size_t measured_length = 0;
    if (info->buffer != measured_buffer || info->lastchar != measured_end) {
        char scratch[4];
        measured_length = 0;
        for (const wchar_t *p = info->buffer; p < info->lastchar; p++) measured_length += utf8_encode(*p, scratch);
        measured_buffer = info->buffer;
        measured_end = info->lastchar;
    }
    return measured_length + (size_t)size > max_line_bytes;
}

/* libedit's character reader, replaced so that a signal caught just before the read still ends
   it, and so that input is UTF-8 whatever the locale. */
static int read_key(EditLine *el, wchar_t *out) {
    unsigned char bytes[4];
    int have = 0, need = 1;
    for (;;) {
        int ready = probity_wait_readable(STDIN_FILENO);
        if (ready < 0) { *out = 0; return -1; }
        if (ready == 2) {
            if (probity_caught_resize) { probity_caught_resize = 0; el_resize(el); }
            if (probity_caught_resume) { probity_caught_resume = 0; el_set(el, EL_REFRESH); }
            continue;
        }
        unsigned char byte;
        ssize_t n = read(STDIN_FILENO, &byte, 1);
        if (n == 0) { *out = 0; return 0; }
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            *out = 0;
            return -1;
        }
        if (byte == 0 && have == 0) {
            /* A Ctrl-D typed while the chat was writing (the terminal was in its own line mode) is left
               in the input as a NUL once libedit takes over. On an empty line, read it as the Ctrl-D it was. */
            const LineInfoW *info = el_wline(el);
            if (info != NULL && info->lastchar == info->buffer) { *out = 4; return 1; }
        }
        if (have == 0) {
            need = utf8_length(byte);
            if (need == 0) continue; /* not a character: drop it */
        } else if ((byte & 0xC0) != 0x80) {
            /* A broken sequence: start again with this byte. */
            have = 0;
            need = utf8_length(byte);
            if (need == 0) continue;
        }
        bytes[have++] = byte;
        if (have < need) continue;
        unsigned long c = need == 1 ? bytes[0] : (bytes[0] & (0xFF >> (need + 1)));
        for (int i = 1; i < need; i++) c = (c << 6) | (bytes[i] & 0x3F);
        if (would_overflow(el, c, need)) {
            /* A line at its limit takes no more text (editing keys still work); what is dropped is counted. */
            dropped_bytes += (size_t)need;
            have = 0;
            need = 1;
            continue;
        }
        *out = (wchar_t)c;
        return 1;
    }
}

/* ---- Prompt ------------------------------------------------------------------------------ */

static char *prompt_function(EditLine *el) {
    (void)el;
    return prompt_text != NULL ? prompt_text : "> ";
}

void probity_el_set_prompt(const char *prompt) {
    char *copy = strdup(prompt != NULL ? prompt : "> ");
    if (copy == NULL) return;
    free(prompt_text);
    prompt_text = copy;
}

/* ---- Completion -------------------------------------------------------------------------- */

void probity_el_set_completions(const char *const *words, int count) {
    for (int i = 0; i < completion_count; i++) free(completions[i]);
    free(completions);
    completions = NULL;
    completion_count = 0;
    if (count <= 0) return;
    completions = calloc((size_t)count, sizeof(char *));
    if (completions == NULL) return;
    for (int i = 0; i < count; i++) {
        if (words[i] == NULL) continue;
        char *copy = strdup(words[i]);
        if (copy != NULL) completions[completion_count++] = copy;
    }
}

/* Length of the common beginning of two strings, ignoring ASCII case, cut back to a whole character. */
static size_t common_prefix(const char *a, const char *b) {
    size_t n = 0;
    while (a[n] != '\0' && b[n] != '\0' && tolower((unsigned char)a[n]) == tolower((unsigned char)b[n])) n++;
    while (n > 0 && ((unsigned char)a[n] & 0xC0) == 0x80) n--;
    return n;
}

static size_t visible_width(const char *s) {
    size_t width = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) if ((*p & 0xC0) != 0x80) width++;
    return width;
}

static void list_matches(EditLine *el, const int *matches, int count) {
    FILE *out = stdout;
    el_get(el, EL_GETFP, 1, &out);
    struct winsize size;
    int columns = 80;
    if (ioctl(fileno(out), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) columns = size.ws_col;
    size_t widest = 0;
    for (int i = 0; i < count; i++) {
        size_t w = visible_width(completions[matches[i]]);
        if (w > widest) widest = w;
    }
    int per_row = (int)((size_t)columns / (widest + 2));
    if (per_row < 1) per_row = 1;
    fputs("\r\n", out);
    const int shown_limit = 60;
    int shown = count < shown_limit ? count : shown_limit;
    for (int i = 0; i < shown; i++) {
        const char *word = completions[matches[i]];
        fputs(word, out);
        int last_in_row = (i + 1) % per_row == 0 || i + 1 == shown;
        if (last_in_row) {
            fputs("\r\n", out);
        } else {
            for (size_t pad = visible_width(word); pad < widest + 2; pad++) fputc(' ', out);
        }
    }
    if (count > shown) fprintf(out, "... and %d more\r\n", count - shown);
    fflush(out);
}

/* Bound to Tab: completes what is typed before the cursor against the candidate inputs. */
static unsigned char complete(EditLine *el, int key) {
    (void)key;
    const LineInfoW *info = el_wline(el);
    size_t typed_count = (size_t)(info->cursor - info->buffer);
    size_t leading = 0;
    while (leading < typed_count && info->buffer[leading] == L' ') leading++;
    encode_line(info->buffer + leading, typed_count - leading);
    if (line_buffer == NULL) return CC_ERROR;
    char *typed = strdup(line_buffer);
    if (typed == NULL) return CC_ERROR;
    size_t typed_length = strlen(typed);

    int *matches = calloc((size_t)(completion_count > 0 ? completion_count : 1), sizeof(int));
    if (matches == NULL) { free(typed); return CC_ERROR; }
    int match_count = 0;
    size_t shared = 0;
    for (int i = 0; i < completion_count; i++) {
        if (strncasecmp(completions[i], typed, typed_length) != 0) continue;
        if (match_count == 0) {
            shared = strlen(completions[i]);
        } else {
            size_t common = common_prefix(completions[matches[0]], completions[i]);
            if (common < shared) shared = common;
        }
        matches[match_count++] = i;
    }

    unsigned char result = CC_REFRESH;
    if (match_count == 0) {
        result = CC_REFRESH_BEEP;
    } else if (match_count == 1 || shared > typed_length) {
        const char *chosen = completions[matches[0]];
        size_t take = match_count == 1 ? strlen(chosen) : shared;
        wchar_t *insert = utf8_decode(chosen, take);
        if (insert != NULL) {
            el_wdeletestr(el, (int)(typed_count - leading));
            el_winsertstr(el, insert);
            if (match_count == 1 && info->cursor == info->lastchar) el_winsertstr(el, L" ");
            free(insert);
        }
    } else {
        list_matches(el, matches, match_count);
        result = CC_REDISPLAY;
    }
    free(matches);
    free(typed);
    return result;
}

/* ---- Stopping (Ctrl-Z) ------------------------------------------------------------------- */

static void catch_stop(void);

/* Puts the terminal back as the shell had it, stops, and on `fg` restores the editor's mode and
   asks for the line to be drawn again. */
static void on_stop(int signo) {
    (void)signo;
    int saved = errno;
    struct termios editing;
    int restore = have_original_termios && tcgetattr(STDIN_FILENO, &editing) == 0;
    if (restore) tcsetattr(STDIN_FILENO, TCSADRAIN, &original_termios);
    signal(SIGTSTP, SIG_DFL);
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &mask, NULL);
    raise(SIGTSTP);
    /* Continued. */
    sigprocmask(SIG_BLOCK, &mask, NULL);
    catch_stop();
    if (restore) tcsetattr(STDIN_FILENO, TCSADRAIN, &editing);
    probity_caught_resume = 1;
    probity_wake();
    errno = saved;
}

static void catch_stop(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTSTP, &action, NULL);
}

/* ---- Life cycle -------------------------------------------------------------------------- */

/* libedit draws non-ASCII text only in a UTF-8 locale; pick one if the environment gives none. */
static void choose_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0)) return;
    const char *candidates[] = {"C.UTF-8", "C.utf8", "en_GB.UTF-8", "en_US.UTF-8"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        if (setlocale(LC_CTYPE, candidates[i]) != NULL) return;
    }
}

int probity_el_start(const char *program, int history_size) {
    if (editor != NULL) return 0;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return -1;
    choose_utf8_locale();
    have_original_termios = tcgetattr(STDIN_FILENO, &original_termios) == 0;
    editor = el_init(program, stdin, stdout, stderr);
    if (editor == NULL) return -1;
    history_list = history_init();
    if (history_list != NULL) {
        history(history_list, &history_event, H_SETSIZE, history_size > 0 ? history_size : 500);
        history(history_list, &history_event, H_SETUNIQUE, 1);
        el_set(editor, EL_HIST, history, history_list);
    }
    el_set(editor, EL_EDITOR, "emacs");
    el_set(editor, EL_PROMPT_ESC, prompt_function, '\1');
    el_set(editor, EL_GETCFN, read_key);
    /* el_wset, not el_set: the narrow form copies the name and help with wcsdup and never frees them (libedit's
       own "XXX: The two strdup's leak"), which AddressSanitizer reports at exit, ending the chat with status 1. */
    el_wset(editor, EL_ADDFN, L"probity-complete", L"Complete a command, topic or answer", complete);
    el_set(editor, EL_BIND, "^I", "probity-complete", NULL);
    el_source(editor, NULL); /* the user's ~/.editrc, if any, may change keys */
    /* Never libedit's ed-command (M-x in emacs mode, ':' in vi command mode): Probity offers no command line
       of libedit's own, and its parser crashes on a lone quote (Esc x, then ", then Enter). Bound after the
       user's editrc, so that no editrc can bring it back. */
    el_set(editor, EL_BIND, "\\ex", "ed-unassigned", NULL);
    el_set(editor, EL_BIND, "\\eX", "ed-unassigned", NULL);
    el_set(editor, EL_BIND, "-a", ":", "ed-unassigned", NULL);
    catch_stop();
    return 0;
}

void probity_el_set_max_line_bytes(size_t limit) { max_line_bytes = limit; }

size_t probity_el_dropped_bytes(void) { return dropped_bytes; }

int probity_el_read(const char **line, size_t *length) {
    *line = "";
    *length = 0;
    abandoned_text = 0;
    dropped_bytes = 0;
    if (editor == NULL) return -2;
    int count = 0;
    errno = 0;
    const wchar_t *text = el_wgets(editor, &count);
    if (text == NULL) {
        if (count < 0) {
            if (errno == EINTR) {
                const LineInfoW *info = el_wline(editor);
                abandoned_text = info != NULL && info->lastchar > info->buffer;
                return -1;
            }
            return -2;
        }
        return 0;
    }
    size_t n = count > 0 ? (size_t)count : 0;
    while (n > 0 && (text[n - 1] == L'\n' || text[n - 1] == L'\r')) n--;
    *length = encode_line(text, n);
    *line = line_buffer != NULL ? line_buffer : "";
    return 1;
}

int probity_el_interrupted_text(void) { return abandoned_text; }

void probity_el_history_add(const char *line) {
    if (history_list != NULL && line != NULL && line[0] != '\0') history(history_list, &history_event, H_ENTER, line);
}

int probity_el_history_load(const char *path) {
    if (history_list == NULL || path == NULL) return -1;
    return history(history_list, &history_event, H_LOAD, path) < 0 ? -1 : 0;
}

int probity_el_history_save(const char *path) {
    if (history_list == NULL || path == NULL) return -1;
    return history(history_list, &history_event, H_SAVE, path) < 0 ? -1 : 0;
}

void probity_el_end(void) {
    if (editor != NULL) {
        el_end(editor);
        editor = NULL;
        signal(SIGTSTP, SIG_DFL);
    }
    if (history_list != NULL) {
        history_end(history_list);
        history_list = NULL;
    }
    if (have_original_termios) tcsetattr(STDIN_FILENO, TCSANOW, &original_termios);
}
