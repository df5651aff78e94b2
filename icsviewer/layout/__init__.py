"""Layout: from a chart to plain geometry (boxes, edge paths, group frames) in points, y down.

Graphviz runs only in the child process started by `icsviewer.layout.client`; nothing in this
package imports pygraphviz except `icsviewer.layout.worker`, which only that child runs.
"""
