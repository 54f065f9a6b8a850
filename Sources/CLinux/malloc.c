#include <malloc.h>
#include "CLinux.h"

int watcherd_limit_malloc_arenas(int arenas) { return mallopt(M_ARENA_MAX, arenas); }
