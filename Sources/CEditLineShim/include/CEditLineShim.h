#ifndef PROBITY_CEDITLINE_SHIM_H
#define PROBITY_CEDITLINE_SHIM_H
/* Placeholder until the chat's line editor lands. */
int probity_editline_available(void);
#endif
