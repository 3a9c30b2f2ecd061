#ifndef PROBITY_CEDITLINE_SHIM_H
#define PROBITY_CEDITLINE_SHIM_H

/*
 * Plain C functions for what Swift cannot call itself: libedit's variadic el_set/history
 * calls, the process's stdin/stdout/stderr, and signal handlers. One editor per process.
 */

#include <stddef.h>
#include <sys/types.h>

/* ---- Signals (signals.c) ---------------------------------------------------------------- */

/* What a signal asks of the chat. */
enum probity_signal {
    PROBITY_SIGNAL_NONE = 0,
    PROBITY_SIGNAL_INTERRUPT = 1, /* SIGINT: Ctrl-C */
    PROBITY_SIGNAL_TERMINATE = 2, /* SIGTERM */
    PROBITY_SIGNAL_HANGUP = 3,    /* SIGHUP: the terminal went away */
    PROBITY_SIGNAL_QUIT = 4       /* SIGQUIT: Ctrl-\ */
};

/* Catches SIGINT, SIGTERM, SIGHUP and SIGQUIT (remembered, and they wake a waiting read), ignores SIGPIPE
   (a closed pipe then shows as EPIPE from write), and notes SIGWINCH. Call once, early. */
void probity_signals_install(void);

/* The most urgent signal caught since the last call (terminate, quit, hang-up, then interrupt), and forgets it. */
int probity_signal_take(void);

/* Whether a signal that should end or interrupt a read is waiting to be taken. */
int probity_signal_pending(void);

/* Reads up to `size` bytes from `fd`, waiting until there is input or a caught signal.
   Returns the number read, 0 at end of input, or -1 with errno EINTR when a signal interrupted
   the wait (take it with probity_signal_take), or -1 with another errno on error. */
ssize_t probity_read(int fd, void *buffer, size_t size);

/* Writes all of `size` bytes to `fd`, retrying after signals. Returns 0, or -1 with errno (EPIPE: the reader went away). */
int probity_write_all(int fd, const void *buffer, size_t size);

/* ---- Line editing (editline.c) ---------------------------------------------------------- */

/* Starts libedit on the process's stdin/stdout/stderr: emacs keys, ~/.editrc, history of `history_size`
   lines, Tab bound to completion, UTF-8. Returns 0, or -1 when stdin/stdout is not a terminal or libedit fails. */
int probity_el_start(const char *program, int history_size);

/* The prompt shown before each line, UTF-8. Bytes between two \1 characters are not counted as
   visible (wrap colour escapes in them), so a coloured prompt does not break line width. */
void probity_el_set_prompt(const char *prompt);

/* The words Tab completes against, UTF-8, copied. Each is a whole input, possibly several words
   ("council carlisle"); Tab completes what is typed before the cursor against them, ignoring case. */
void probity_el_set_completions(const char *const *words, int count);

/* Reads one line. Returns 1 and sets *line and *length to it (UTF-8, without the newline, valid
   until the next call); 0 at end of input (Ctrl-D on an empty line); -1 when a signal interrupted
   the read (take it with probity_signal_take; probity_el_interrupted_text tells whether the
   abandoned line held text); -2 on a read error. */
int probity_el_read(const char **line, size_t *length);

/* The longest line probity_el_read returns, in UTF-8 bytes (0, the default: no limit). Text typed or pasted past
   it is dropped as it arrives; editing keys and Enter still work. */
void probity_el_set_max_line_bytes(size_t limit);

/* After probity_el_read returned 1: how many bytes of text it dropped from that line (0 if none). */
size_t probity_el_dropped_bytes(void);

/* After probity_el_read returned -1: 1 when the abandoned line held any text, else 0. */
int probity_el_interrupted_text(void);

/* History: add a line; load and save a file (0 on success, -1 on failure). */
void probity_el_history_add(const char *line);
int probity_el_history_load(const char *path);
int probity_el_history_save(const char *path);

/* Ends line editing and puts the terminal back as it was. Safe to call twice. */
void probity_el_end(void);

#endif
