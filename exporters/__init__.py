"""Exporters: board-pack PDF, designer SVG and slide PNG from the chart and its Layout.

Public API (each takes the Chart, the computed Layout, a Theme and ExportOptions; none needs a
window or reads the QGraphicsScene):

    exporters.options.ExportOptions          paper, orientation, fit, title, marking, ...
    exporters.pdf.export_pdf(...) -> PdfResult   write the PDF; .summary() is a one-line report
    exporters.pdf.build_pdf(...) -> (bytes, PdfResult)   the same, in memory (preview, print)
    exporters.pdf_plan.plan_pages(...)       pages, scale and tiles before building (dialog)
    exporters.svg.export_svg(...) / render_svg(...) -> str
    exporters.png.export_png(...) -> PngResult / render_image(...) -> QImage (copy as image)
    exporters.describe.describe(chart)       the plain-English description, as text
    exporters.cli.run_export(argv) -> int    `icsviewer export`

`exporters.pdf` and `exporters.svg` (and their helper modules) never import Qt; only
`exporters.png` does.
"""
