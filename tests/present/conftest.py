"""A small chart, a hand-made layout and a stand-in main window for presenter tests.

The stand-in has what `install_presenter` relies on (document, scene, view, menus) plus the
things presenting must hide and give back: a dock, a status bar and a menu bar.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from icsviewer.canvas.scene import ChartScene
from icsviewer.canvas.view import ChartView
from icsviewer.editor.document import Document
from icsviewer.layout.geometry import BoxLayout, EdgeLayout, Layout
from icsviewer.model.chart import Body, Chart, ChartMeta, Relationship, Tour, TourStep
from icsviewer.style.theme import get_theme

# (id, name, kind, column, row): a chart read top-down, wide enough that steps frame apart.
BODIES = [
    ("nhse", "NHS England", "national_body", 2, 0),
    ("cm_icb", "NHS Cheshire and Merseyside ICB", "icb", 1, 1),
    ("cm_icp", "Cheshire and Merseyside Health and Care Partnership", "icp", 3, 1),
    ("lpool_council", "Liverpool City Council", "local_authority", 0, 2),
    ("lpool_hwb", "Liverpool Health and Wellbeing Board", "hwb", 1, 2),
    ("one_lpool", "One Liverpool", "place_partnership", 0, 3),
    ("trust_a", "Alder Hey Children's NHS Foundation Trust", "nhs_trust", 4, 3),
]
RELATIONS = [
    ("cm_icb", "accountable_to", "nhse"),
    ("cm_icp", "agrees_objectives_with", "cm_icb"),
    ("lpool_hwb", "member_of", "lpool_council"),
    ("one_lpool", "delegates_to", "cm_icb"),
    ("trust_a", "partners_with", "cm_icb"),
]
FIVE_MINUTES = Tour(
    id="five_minutes",
    name="The ICS in five minutes",
    default=True,
    steps=(
        TourStep(("nhse",), "NHS England sets the rules", "Start at the top."),
        TourStep(("cm_icb", "cm_icp"), "The ICB and the ICP", "Two bodies, one system."),
        TourStep(("lpool_council", "lpool_hwb", "one_lpool"), "Liverpool, a Place", "Nine Places."),
    ),
)
BUILD = Tour(
    id="money",
    name="How money reaches a Place",
    mode="build",
    steps=(
        TourStep(("nhse",), "Money starts nationally"),
        TourStep(("cm_icb",), "The ICB holds the budget"),
        TourStep(("one_lpool",), "and delegates to the Place"),
    ),
)


def make_chart(tours: tuple[Tour, ...] = (FIVE_MINUTES, BUILD)) -> Chart:
    bodies = [Body(id=i, name=n, kind=k) for i, n, k, _c, _r in BODIES]
    rels = [Relationship(id=f"{s}--{k}--{t}", source=s, target=t, kind=k) for s, k, t in RELATIONS]
    meta = ChartMeta(title="Test ICS", marking="OFFICIAL")
    return Chart(meta, bodies, rels, tours=tours)


def make_layout(chart: Chart) -> Layout:
    boxes = {
        i: BoxLayout(i, 20 + c * 220, 20 + r * 160, 160, 44, (n,), 10.0)
        for i, n, _k, c, r in BODIES
        if chart.has_body(i)
    }
    edges = {}
    for rel in chart.relationships:
        a, b = boxes[rel.source].center, boxes[rel.target].center
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        edges[rel.id] = EdgeLayout(rel.id, rel.source, rel.target, (a, mid, mid, b))
    return Layout(boxes, edges, {}, 20 + 5 * 220, 20 + 4 * 160)


class StandInWindow(QMainWindow):
    """What the presenter needs of the real MainWindow."""

    def __init__(self, chart: Chart) -> None:
        super().__init__()
        self.document = Document(chart)
        self.scene = ChartScene(chart, make_layout(chart), get_theme("nhs"))
        self.view = ChartView(self.scene)
        self.setCentralWidget(self.view)
        self.menus = {"file": self.menuBar().addMenu("&File")}
        self.details = QDockWidget("Details", self)
        self.details.setObjectName("dock_details")
        self.details.setWidget(QLabel("details"))
        self.addDockWidget(self.details_area(), self.details)
        self.statusBar().showMessage("Ready")
        self.setGeometry(60, 70, 640, 480)

    @staticmethod
    def details_area():  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt

        return Qt.DockWidgetArea.LeftDockWidgetArea


@pytest.fixture
def window(qtbot) -> Iterator[StandInWindow]:  # type: ignore[no-untyped-def]
    win = StandInWindow(make_chart())
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win


@pytest.fixture
def presenter(window):  # type: ignore[no-untyped-def]
    from icsviewer.present.install import install_presenter

    presenter = install_presenter(window, animate=False)
    yield presenter
    presenter.stop()
