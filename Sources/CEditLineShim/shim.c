#include "CEditLineShim.h"
#include <histedit.h>
int probity_editline_available(void) { return 1; }
