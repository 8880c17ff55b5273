"""A small chart of weekly counts drawn with QPainter (QtCharts ships only in the 430 MB Addons).

One widget for Today's 12-week pictures: one or more series as grouped bars or as lines, the
week under every few columns, the largest value on the left axis, a legend when there is more
than one series, and colours that read on light and dark palettes. Screen readers get the same
numbers in words: the accessible name is the title, the description lists every week's values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from netdesk.ui.dates import plain_day
from netdesk.ui.plural import counted

LIGHT = ("#2f6fd0", "#e08a1e", "#2e9d6b")
DARK = ("#7fb0ff", "#ffb561", "#6fd6a4")
_LABEL_EVERY = 3  # a week label under every third column (12 weeks: four labels)


def week_label(day: date) -> str:
    """ "9 Mar" in the locale's words ("Mar 9" in en_US)."""
    return plain_day(day, day)


@dataclass(frozen=True)
class Series:
    """One line or set of bars: its name (the legend) and a value per week."""

    name: str
    values: tuple[int, ...]


class WeekChart(QWidget):
    """Weekly counts as bars (`lines=False`) or lines, oldest week on the left."""

    def __init__(self, title: str, lines: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.lines = lines
        self.weeks: list[date] = []
        self.series: list[Series] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable for a screen reader
        self.setAccessibleName(title)

    def set_data(self, weeks: list[date], series: list[Series]) -> None:
        """Show these weeks (each a Monday) and series (one value per week)."""
        if any(len(s.values) != len(weeks) for s in series):
            raise ValueError("every series needs one value per week")
        self.weeks = list(weeks)
        self.series = list(series)
        self.setAccessibleDescription(self.text())
        self.setToolTip(self.text())
        self.update()

    def text(self) -> str:
        """The chart in words: "Interactions per week, 12 weeks from 22 Dec to 9 Mar:
        3, 0, 5, …; this week 2, total 25." (each series in turn)."""
        if not self.weeks:
            return f"{self.title}: no data"
        span = counted("WeekChart", "%Ln week(s) from ", len(self.weeks))
        span += f"{week_label(self.weeks[0])} to "
        span += week_label(self.weeks[-1])
        parts = []
        for series in self.series:
            values = ", ".join(str(v) for v in series.values)
            name = f"{series.name}: " if len(self.series) > 1 else ""
            parts.append(
                f"{name}{values}; this week {series.values[-1]}, total {sum(series.values)}"
            )
        return f"{self.title}, {span}: " + ". ".join(parts) + "."

    def colours(self) -> tuple[str, ...]:
        """The series colours for the widget's palette (light or dark)."""
        window = self.palette().color(QPalette.ColorRole.Window)
        return DARK if window.lightness() < 128 else LIGHT

    def sizeHint(self) -> QSize:
        return QSize(320, 150)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    # -- painting ---------------------------------------------------------------------------

    def scale(self) -> int:
        """The value of the plot's top line, its label: the highest week's, at least 1 (with
        nothing yet the axis read "0" at the top as at the bottom)."""
        return max([1, *(max(s.values, default=0) for s in self.series)])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        line = metrics.height()
        top = line * (2 if len(self.series) > 1 else 1) // 2 + 4
        peak = self.scale()
        left = metrics.horizontalAdvance(str(peak)) + 8
        plot = QRectF(left, top, self.width() - left - 4, self.height() - top - line - 6)
        self._axes(painter, plot, peak, text_colour)
        if self.weeks and plot.width() > 0 and plot.height() > 0:
            colours = [QColor(c) for c in self.colours()]
            if self.lines:
                self._draw_lines(painter, plot, peak, colours)
            else:
                self._draw_bars(painter, plot, peak, colours)
            self._legend(painter, colours, text_colour)
        painter.end()

    def _axes(self, painter: QPainter, plot: QRectF, peak: int, colour: QColor) -> None:
        faint = QColor(colour)
        faint.setAlpha(70)
        painter.setPen(QPen(faint, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), QPointF(plot.right(), plot.top()))
        painter.setPen(colour)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        width = plot.left() - 6
        line = self.fontMetrics().height()
        painter.drawText(QRectF(0, plot.top() - line / 2, width, line), right, str(peak))
        painter.drawText(QRectF(0, plot.bottom() - line / 2, width, line), right, "0")
        column = plot.width() / max(len(self.weeks), 1)
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        for index, week in enumerate(self.weeks):
            if (len(self.weeks) - 1 - index) % _LABEL_EVERY == 0:  # the current week labelled
                x = plot.left() + column * (index + 0.5)
                box = QRectF(x - 30, plot.bottom() + 3, 60, line)
                painter.drawText(box, centre, week_label(week))

    def _draw_bars(self, painter: QPainter, plot: QRectF, peak: int, colours: list[QColor]) -> None:
        column = plot.width() / len(self.weeks)
        width = column * 0.7 / len(self.series)
        painter.setPen(Qt.PenStyle.NoPen)
        for number, series in enumerate(self.series):
            painter.setBrush(colours[number % len(colours)])
            for index, value in enumerate(series.values):
                height = plot.height() * value / peak
                x = plot.left() + column * (index + 0.15) + width * number
                painter.drawRect(QRectF(x, plot.bottom() - height, width, height))

    def _draw_lines(
        self, painter: QPainter, plot: QRectF, peak: int, colours: list[QColor]
    ) -> None:
        column = plot.width() / len(self.weeks)
        for number, series in enumerate(self.series):
            colour = colours[number % len(colours)]
            points = [
                QPointF(
                    plot.left() + column * (index + 0.5),
                    plot.bottom() - plot.height() * value / peak,
                )
                for index, value in enumerate(series.values)
            ]
            painter.setPen(QPen(colour, 2))
            painter.drawPolyline(points)
            painter.setBrush(colour)
            for point in points:
                painter.drawEllipse(point, 2.5, 2.5)

    def _legend(self, painter: QPainter, colours: list[QColor], text_colour: QColor) -> None:
        if len(self.series) < 2:
            return
        x = float(self.width() - 4)
        line = self.fontMetrics().height()
        for number in reversed(range(len(self.series))):
            name = self.series[number].name
            x -= self.fontMetrics().horizontalAdvance(name)
            painter.setPen(text_colour)
            painter.drawText(QPointF(x, line - 2), name)
            x -= line * 0.8
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours[number % len(colours)])
            painter.drawRect(QRectF(x, 3, line * 0.6, line * 0.6))
            x -= 12
