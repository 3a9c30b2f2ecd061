#ifndef PROBITY_SHIM_PRIVATE_H
#define PROBITY_SHIM_PRIVATE_H
/* Shared between signals.c and editline.c; not part of the module's interface. */
#include <signal.h>

extern volatile sig_atomic_t probity_caught_resize;
extern volatile sig_atomic_t probity_caught_resume;

/* Wakes a reader waiting in probity_wait_readable (async-signal-safe). */
void probity_wake(void);

/* Waits until `fd` is readable (1), a resize or resume needs attention (2), or a signal that
   interrupts reading was caught (-1, errno EINTR). -1 with another errno on error. */
int probity_wait_readable(int fd);

#endif
