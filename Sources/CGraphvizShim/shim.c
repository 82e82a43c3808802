// What Swift cannot express for Graphviz 2.42: an id discipline, an in-memory reader using it,
// plugin loading from library descriptors, and an error sink. Callers serialise all use.
#define _GNU_SOURCE
#include "CGraphvizShim.h"

#include <dlfcn.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// MARK: - Sequential id discipline

typedef struct { IDTYPE next; } id_state;

static void *seq_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g; (void)disc;
    id_state *state = malloc(sizeof *state);
    if (state) state->next = 1;
    return state;
}

// Refusing named objects (returning 0) makes cgraph give them an anonymous id from the branch
// below and keep the name in its internal map, so names still resolve and print.
static long seq_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    (void)objtype; (void)createflag;
    if (str) return 0;
    id_state *s = state;
    *id = s->next;
    s->next += 2;  // odd, like cgraph's own anonymous ids
    return 1;
}

static long seq_alloc(void *state, int objtype, IDTYPE request) {
    (void)state; (void)objtype; (void)request;
    return 0;
}

static void seq_free(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;
}

static char *seq_print(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;
    return NULL;
}

static void seq_close(void *state) { free(state); }

static void seq_register(void *state, int objtype, void *obj) {
    (void)state; (void)objtype; (void)obj;
}

static Agiddisc_t sequential_ids = {seq_open, seq_map, seq_alloc, seq_free, seq_print, seq_close, seq_register};

// MARK: - Reading from memory

typedef struct {
    const char *data;
    size_t length;
    size_t position;
} memory_reader;

static int memory_read(void *chan, char *buf, int bufsize) {
    memory_reader *r = chan;
    if (bufsize <= 0 || r->position >= r->length) return 0;
    // One line at a time, like Graphviz's own reader, so line numbers in messages are right.
    size_t n = 0;
    while (r->position + n < r->length && n < (size_t)bufsize - 1) {
        char c = r->data[r->position + n++];
        if (c == '\n') break;
    }
    memcpy(buf, r->data + r->position, n);
    r->position += n;
    return (int)n;
}

// cgraph's lexer (not in its public header): drops whatever is left in the scanner's buffer.
extern void aglexbad(void);

Agraph_t *vpcg_read(const char *text, size_t length) {
    // A previous read leaves the text after its closing brace (a newline) in the scanner's buffer,
    // which would be read as part of this graph and shift every line number by one.
    aglexbad();
    agsetfile(NULL);
    memory_reader reader = {text, length, 0};
    Agiodisc_t io = {memory_read, AgIoDisc.putstr, AgIoDisc.flush};
    Agdisc_t disc = {&AgMemDisc, &sequential_ids, &io};
    Agraph_t *g = agread(&reader, &disc);
    agsetfile(NULL);
    return g;
}

// MARK: - Plugins

static char context_error[512];

static void *load_library(const char *dir, const char *file, const char *symbol) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) return NULL;
    return dlsym(handle, symbol);
}

GVC_t *vpcg_context(void) {
    static lt_symlist_t builtins[3];
    static int loaded = 0;
    if (!loaded) {
        // Graphviz keeps its plugins in a "graphviz" folder next to libgvc.
        char candidates[4][600] = {"", "/usr/lib/x86_64-linux-gnu/graphviz", "/usr/lib/graphviz", "/usr/local/lib/graphviz"};
        Dl_info info;
        if (dladdr((void *)gvContext, &info) && info.dli_fname) {
            char copy[512];
            snprintf(copy, sizeof copy, "%s", info.dli_fname);
            snprintf(candidates[0], sizeof candidates[0], "%s/graphviz", dirname(copy));
        }
        for (int i = 0; i < 4 && !loaded; i++) {
            if (!candidates[i][0]) continue;
            void *core = load_library(candidates[i], "libgvplugin_core.so.6", "gvplugin_core_LTX_library");
            void *dot = load_library(candidates[i], "libgvplugin_dot_layout.so.6", "gvplugin_dot_layout_LTX_library");
            if (core && dot) {
                builtins[0].name = "gvplugin_core_LTX_library";
                builtins[0].address = core;
                builtins[1].name = "gvplugin_dot_layout_LTX_library";
                builtins[1].address = dot;
                builtins[2].name = NULL;
                builtins[2].address = NULL;
                loaded = 1;
            }
        }
        if (!loaded) {
            snprintf(context_error, sizeof context_error,
                     "cannot load Graphviz's core and dot layout plugins (libgvplugin_core.so.6, libgvplugin_dot_layout.so.6) from '%s'; is Debian's libgraphviz-dev installed?",
                     candidates[0][0] ? candidates[0] : candidates[1]);
            return NULL;
        }
    }
    return gvContextPlugins(builtins, 0);
}

const char *vpcg_context_error(void) { return context_error; }

// MARK: - Errors

static char *messages = NULL;
static size_t messages_length = 0;

static int collect(char *message) {
    size_t n = strlen(message);
    char *grown = realloc(messages, messages_length + n + 1);
    if (!grown) return 0;
    messages = grown;
    memcpy(messages + messages_length, message, n + 1);
    messages_length += n;
    return 0;
}

void vpcg_errors_begin(void) {
    free(messages);
    messages = calloc(1, 1);
    messages_length = 0;
    agseterr(AGWARN);
    agreseterrors();
    agseterrf(collect);
}

const char *vpcg_errors_end(void) {
    agseterrf(NULL);
    return messages ? messages : "";
}
