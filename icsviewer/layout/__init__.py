"""Layout: from a chart to plain geometry (boxes, edge paths, group frames) in points, y down.

Call `client.compute_layout(chart)` (blocking; Graphviz in a child process, or the tree
engine for big charts; cached) or `fallback.fallback_layout(chart)` (instant, no Graphviz).
Both return a `geometry.Layout`. The parts:

- text_metrics, boxes: label wrapping and box sizes with the bundled Liberation Sans;
- structure: the visible boxes, lines and groups every engine places;
- blocks, graph_builder, worker, dot_reader: the Graphviz engine (shaping, child process,
  reading its answer back);
- tree_layout: the linear-time engine for charts of several systems or over 1,000 bodies;
- fallback: rows by tier; routing, frames, pins: lines, group frames and pins for all.

Graphviz runs only in the child process started by `icsviewer.layout.client`; nothing in this
package imports pygraphviz except `icsviewer.layout.worker`, which only that child runs.
"""
