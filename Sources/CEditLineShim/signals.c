/* Signal handling for the chat: handlers only set flags and wake the reader through a pipe,
   so a signal that arrives just before a read still ends it (no lost wake-ups). */
#define _GNU_SOURCE
#include "CEditLineShim.h"
#include "shim_private.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

/* Counted, not flagged: two quick Ctrl-Cs are two. Lock-free atomics are safe in a handler. */
static atomic_int caught_interrupt = 0;
static volatile sig_atomic_t caught_terminate = 0;
static volatile sig_atomic_t caught_hangup = 0;
static volatile sig_atomic_t caught_quit = 0;
volatile sig_atomic_t probity_caught_resize = 0;
volatile sig_atomic_t probity_caught_resume = 0;
static int wake_pipe[2] = {-1, -1};

void probity_wake(void) {
    if (wake_pipe[1] >= 0) {
        char byte = 1;
        ssize_t ignored = write(wake_pipe[1], &byte, 1);
        (void)ignored;
    }
}

static void on_signal(int signo) {
    int saved = errno;
    switch (signo) {
    case SIGINT: atomic_fetch_add(&caught_interrupt, 1); break;
    case SIGTERM: caught_terminate = 1; break;
    case SIGHUP: caught_hangup = 1; break;
    case SIGQUIT: caught_quit = 1; break;
    case SIGWINCH: probity_caught_resize = 1; break;
    default: break;
    }
    probity_wake();
    errno = saved;
}

static void catch_signal(int signo, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: a blocked read returns EINTR */
    sigaction(signo, &action, NULL);
}

void probity_signals_install(void) {
    if (wake_pipe[0] < 0 && pipe(wake_pipe) == 0) {
        for (int i = 0; i < 2; i++) {
            fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    catch_signal(SIGINT, on_signal);
    catch_signal(SIGTERM, on_signal);
    catch_signal(SIGHUP, on_signal);
    /* Ctrl-\ or kill -QUIT: end and seal like SIGTERM, rather than leave it to the runtime's crash reporter. */
    catch_signal(SIGQUIT, on_signal);
    catch_signal(SIGWINCH, on_signal);
    signal(SIGPIPE, SIG_IGN);
    /* A parent may have started us with these blocked (threads of some runtimes block them); they must arrive. */
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGQUIT);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

int probity_signal_pending(void) {
    return caught_terminate || caught_quit || caught_hangup || atomic_load(&caught_interrupt) > 0;
}

int probity_signal_take(void) {
    if (caught_terminate) { caught_terminate = 0; return PROBITY_SIGNAL_TERMINATE; }
    if (caught_quit) { caught_quit = 0; return PROBITY_SIGNAL_QUIT; }
    if (caught_hangup) { caught_hangup = 0; return PROBITY_SIGNAL_HANGUP; }
    if (atomic_load(&caught_interrupt) > 0) { atomic_fetch_sub(&caught_interrupt, 1); return PROBITY_SIGNAL_INTERRUPT; }
    return PROBITY_SIGNAL_NONE;
}

static void drain_wake_pipe(void) {
    char buffer[64];
    while (wake_pipe[0] >= 0 && read(wake_pipe[0], buffer, sizeof buffer) > 0) {}
}

int probity_wait_readable(int fd) {
    for (;;) {
        if (probity_signal_pending()) { errno = EINTR; return -1; }
        if (probity_caught_resize || probity_caught_resume) return 2;
        struct pollfd fds[2] = {{.fd = fd, .events = POLLIN}, {.fd = wake_pipe[0], .events = POLLIN}};
        int ready = poll(fds, wake_pipe[0] >= 0 ? 2 : 1, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (wake_pipe[0] >= 0 && (fds[1].revents & POLLIN)) drain_wake_pipe();
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) {
            if (probity_signal_pending()) { errno = EINTR; return -1; }
            return 1;
        }
    }
}

ssize_t probity_read(int fd, void *buffer, size_t size) {
    for (;;) {
        int ready = probity_wait_readable(fd);
        if (ready < 0) return -1;
        if (ready == 2) { probity_caught_resize = 0; probity_caught_resume = 0; continue; }
        ssize_t n = read(fd, buffer, size);
        if (n >= 0) return n;
        if (errno == EINTR || errno == EAGAIN) continue;
        return -1;
    }
}

int probity_write_all(int fd, const void *buffer, size_t size) {
    const char *p = buffer;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                struct pollfd out = {.fd = fd, .events = POLLOUT};
                poll(&out, 1, 1000);
                continue;
            }
            return -1;
        }
        p += n;
        size -= (size_t)n;
    }
    return 0;
}
