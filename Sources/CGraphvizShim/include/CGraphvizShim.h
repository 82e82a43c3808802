#ifndef VPCGRAPH_CGRAPHVIZ_SHIM_H
#define VPCGRAPH_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// A Graphviz context with only the core (DOT/SVG renderers) and dot-layout plugins loaded from
/// Graphviz's plugin directory: no pango, so text is measured with Graphviz's built-in font
/// metrics and layouts are the same on every machine. NULL if the plugins cannot be found; then
/// `vpcg_context_error()` says why.
GVC_t *vpcg_context(void);
/// A context with the cairo renderers too (pango plugin, and rsvg to load SVG images), for
/// bitmaps. Text is then measured with the installed fonts: bitmaps are not byte-stable.
GVC_t *vpcg_cairo_context(void);
const char *vpcg_context_error(void);

/// Parses DOT text held in memory (`length` bytes) into a graph whose objects are numbered in
/// creation order instead of by the address of their names. Graphviz 2.42 orders subgraphs by
/// that id, so with its default discipline a second layout in one process can differ from the
/// first; this makes every layout byte-identical, and equal to `dot`'s.
Agraph_t *vpcg_read(const char *text, size_t length);

/// Starts collecting Graphviz's error and warning messages instead of printing them to stderr.
void vpcg_errors_begin(void);
/// The messages collected since `vpcg_errors_begin` (newline-separated, maybe empty); stops collecting.
/// The pointer stays valid until the next `vpcg_errors_begin`.
const char *vpcg_errors_end(void);

/// 1 when dot's rank lists no longer match what it allocated (see shim.c): freeing or rendering
/// such a layout would double-free or read freed memory.
int vpcg_layout_damaged(Agraph_t *g);

#endif
