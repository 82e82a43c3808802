// What Swift cannot express for Graphviz 2.42: an id discipline, an in-memory reader using it,
// plugin loading from library descriptors, and an error sink. Callers serialise all use.
#define _GNU_SOURCE
#include "CGraphvizShim.h"

#include <dlfcn.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/types.h>

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
static char plugin_dir[600];

static void *load_library(const char *dir, const char *file, const char *symbol) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) return NULL;
    return dlsym(handle, symbol);
}

// Finds Graphviz's plugin folder: a "graphviz" folder next to libgvc, or a usual place.
static int find_plugins(void) {
    static int found = -1;
    if (found >= 0) return found;
    char candidates[4][600] = {"", "/usr/lib/x86_64-linux-gnu/graphviz", "/usr/lib/graphviz", "/usr/local/lib/graphviz"};
    Dl_info info;
    if (dladdr((void *)gvContext, &info) && info.dli_fname) {
        char copy[512];
        snprintf(copy, sizeof copy, "%s", info.dli_fname);
        snprintf(candidates[0], sizeof candidates[0], "%s/graphviz", dirname(copy));
    }
    found = 0;
    for (int i = 0; i < 4 && !found; i++) {
        if (!candidates[i][0]) continue;
        char probe[700];
        snprintf(probe, sizeof probe, "%s/libgvplugin_core.so.6", candidates[i]);
        FILE *f = fopen(probe, "r");
        if (f) {
            fclose(f);
            snprintf(plugin_dir, sizeof plugin_dir, "%s", candidates[i]);
            found = 1;
        }
    }
    if (!found) {
        snprintf(context_error, sizeof context_error,
                 "cannot find Graphviz's plugins (libgvplugin_core.so.6) in '%s'; is Debian's libgraphviz-dev installed?",
                 candidates[0][0] ? candidates[0] : candidates[1]);
    }
    return found;
}

GVC_t *vpcg_context(void) {
    static lt_symlist_t builtins[3];
    static int loaded = 0;
    if (!loaded) {
        if (!find_plugins()) return NULL;
        void *core = load_library(plugin_dir, "libgvplugin_core.so.6", "gvplugin_core_LTX_library");
        void *dot = load_library(plugin_dir, "libgvplugin_dot_layout.so.6", "gvplugin_dot_layout_LTX_library");
        if (!core || !dot) {
            snprintf(context_error, sizeof context_error,
                     "cannot load Graphviz's core and dot layout plugins (libgvplugin_core.so.6, libgvplugin_dot_layout.so.6) from '%s'; is Debian's libgraphviz-dev installed?",
                     plugin_dir);
            return NULL;
        }
        builtins[0].name = "gvplugin_core_LTX_library";
        builtins[0].address = core;
        builtins[1].name = "gvplugin_dot_layout_LTX_library";
        builtins[1].address = dot;
        builtins[2].name = NULL;
        builtins[2].address = NULL;
        loaded = 1;
    }
    return gvContextPlugins(builtins, 0);
}

GVC_t *vpcg_cairo_context(void) {
    static lt_symlist_t builtins[5];
    static int loaded = 0;
    if (!loaded) {
        if (!find_plugins()) return NULL;
        const char *files[4] = {"libgvplugin_core.so.6", "libgvplugin_dot_layout.so.6", "libgvplugin_pango.so.6", "libgvplugin_rsvg.so.6"};
        const char *symbols[4] = {"gvplugin_core_LTX_library", "gvplugin_dot_layout_LTX_library", "gvplugin_pango_LTX_library",
                                  "gvplugin_rsvg_LTX_library"};
        int n = 0;
        for (int i = 0; i < 4; i++) {
            void *library = load_library(plugin_dir, files[i], symbols[i]);
            // The SVG image loader (rsvg) is optional: without it bitmaps have no icons.
            if (!library && i < 3) {
                snprintf(context_error, sizeof context_error,
                         "cannot load Graphviz's cairo plugin (%s) from '%s'; is Debian's libgvplugin-pango / graphviz installed?",
                         files[i], plugin_dir);
                return NULL;
            }
            if (!library) continue;
            builtins[n].name = symbols[i];
            builtins[n].address = library;
            n++;
        }
        builtins[n].name = NULL;
        builtins[n].address = NULL;
        loaded = 1;
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

// MARK: - Layout checks

// dot 2.42 gives a labelled edge between two nodes of one rank, with a node between them, a label
// node in the rank above: `make_vn_slot` reallocates that rank's node list (`GD_rank(g)[r].v`) but
// leaves `.av`, the pointer `gvFreeLayout` frees, at the old block, and the cluster rank lists that
// point into it dangle. After that the layout must be neither rendered nor freed.
// Checked two ways: the moved list itself, and (since realloc may also grow a block in place,
// which only hides the defect) any labelled edge laid out flat over another node, which is what
// made dot insert the label node.
int vpcg_layout_damaged(Agraph_t *g) {
    if (!g || !AGDATA(g) || !GD_rank(g)) return 0;
    for (int r = GD_minrank(g); r <= GD_maxrank(g); r++) {
        if (GD_rank(g)[r].v != GD_rank(g)[r].av) return 1;
    }
    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            Agnode_t *head = aghead(e);
            if (head != n && ED_label(e) && ND_rank(head) == ND_rank(n) && !ED_adjacent(e)) return 1;
        }
    }
    return 0;
}
