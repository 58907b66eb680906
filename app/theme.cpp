#include "app/theme.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QStyle>
#include <QStyleFactory>

namespace spanfire::app {

namespace {

struct StartState {
    bool saved = false;
    QPalette palette;
    QString style;
};

StartState &startState() {
    static StartState s;
    return s;
}

ColorScheme &current() {
    static ColorScheme c = ColorScheme::System;
    return c;
}

void setColors(QPalette &p, QPalette::ColorGroup g, const QColor &window, const QColor &text, const QColor &base,
               const QColor &alternate, const QColor &button, const QColor &highlight, const QColor &link) {
    p.setColor(g, QPalette::Window, window);
    p.setColor(g, QPalette::WindowText, text);
    p.setColor(g, QPalette::Base, base);
    p.setColor(g, QPalette::AlternateBase, alternate);
    p.setColor(g, QPalette::ToolTipBase, base);
    p.setColor(g, QPalette::ToolTipText, text);
    p.setColor(g, QPalette::PlaceholderText, text.lighter(window.lightness() < 128 ? 70 : 160));
    p.setColor(g, QPalette::Text, text);
    p.setColor(g, QPalette::Button, button);
    p.setColor(g, QPalette::ButtonText, text);
    p.setColor(g, QPalette::BrightText, Qt::white);
    p.setColor(g, QPalette::Highlight, highlight);
    p.setColor(g, QPalette::HighlightedText, Qt::white);
    p.setColor(g, QPalette::Link, link);
    p.setColor(g, QPalette::LinkVisited, link.darker(120));
    p.setColor(g, QPalette::Light, button.lighter(150));
    p.setColor(g, QPalette::Midlight, button.lighter(120));
    p.setColor(g, QPalette::Mid, button.darker(130));
    p.setColor(g, QPalette::Dark, button.darker(180));
    p.setColor(g, QPalette::Shadow, Qt::black);
}

// Qt Charts paint with their own theme, not the widget palette: colour the
// chart background, titles, legend and axes from the palette (series keep
// their colours) whenever a chart view is polished or the palette changes.
void colorChart(QChartView *view) {
    QChart *chart = view->chart();
    if (!chart)
        return;
    const QPalette pal = view->palette();
    chart->setBackgroundBrush(pal.brush(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(pal.brush(QPalette::WindowText));
    if (chart->legend())
        chart->legend()->setLabelColor(pal.color(QPalette::WindowText));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(pal.color(QPalette::WindowText));
        axis->setTitleBrush(pal.brush(QPalette::WindowText));
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(pal.color(QPalette::Midlight));
    }
    view->setBackgroundBrush(pal.brush(QPalette::Base));
}

class ChartPainter : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override {
        // Only Show: palette events also arrive while a QChartView is still being constructed.
        if (event->type() == QEvent::Show) {
            if (auto *view = qobject_cast<QChartView *>(watched))
                colorChart(view);
        }
        return false;
    }
};

} // namespace

QString colorSchemeKey(ColorScheme scheme) {
    switch (scheme) {
    case ColorScheme::Light:
        return QStringLiteral("light");
    case ColorScheme::Dark:
        return QStringLiteral("dark");
    case ColorScheme::System:
        break;
    }
    return QStringLiteral("system");
}

ColorScheme colorSchemeFromKey(const QString &key) {
    if (key == QLatin1String("light"))
        return ColorScheme::Light;
    if (key == QLatin1String("dark"))
        return ColorScheme::Dark;
    return ColorScheme::System;
}

QPalette lightPalette() {
    QPalette p;
    for (auto g : {QPalette::Active, QPalette::Inactive})
        setColors(p, g, QColor(0xf3, 0xf4, 0xf6), QColor(0x1f, 0x23, 0x28), Qt::white, QColor(0xf0, 0xf2, 0xf5),
                  QColor(0xe8, 0xea, 0xee), QColor(0x2f, 0x6f, 0xd6), QColor(0x1a, 0x5f, 0xc8));
    setColors(p, QPalette::Disabled, QColor(0xf3, 0xf4, 0xf6), QColor(0x9a, 0xa0, 0xa6), QColor(0xf7, 0xf7, 0xf7),
              QColor(0xf0, 0xf2, 0xf5), QColor(0xe8, 0xea, 0xee), QColor(0xb0, 0xc4, 0xe6), QColor(0x80, 0x9c, 0xc8));
    return p;
}

QPalette darkPalette() {
    QPalette p;
    for (auto g : {QPalette::Active, QPalette::Inactive})
        setColors(p, g, QColor(0x26, 0x29, 0x2e), QColor(0xe6, 0xe8, 0xeb), QColor(0x1b, 0x1d, 0x21),
                  QColor(0x23, 0x26, 0x2b), QColor(0x33, 0x37, 0x3d), QColor(0x3d, 0x7e, 0xe0),
                  QColor(0x6c, 0xb0, 0xff));
    setColors(p, QPalette::Disabled, QColor(0x26, 0x29, 0x2e), QColor(0x70, 0x75, 0x7c), QColor(0x22, 0x24, 0x28),
              QColor(0x23, 0x26, 0x2b), QColor(0x2c, 0x2f, 0x34), QColor(0x35, 0x4a, 0x6a), QColor(0x50, 0x70, 0x9a));
    return p;
}

bool isDarkPalette(const QPalette &palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

void applyTheme(ColorScheme scheme) {
    StartState &s = startState();
    if (!s.saved) {
        s.saved = true;
        s.palette = QApplication::palette();
        s.style = QApplication::style() ? QApplication::style()->name() : QString();
    }
    current() = scheme;
    static ChartPainter *charts = nullptr;
    if (!charts) {
        charts = new ChartPainter(qApp);
        qApp->installEventFilter(charts);
    }
    if (scheme == ColorScheme::System) {
        if (!s.style.isEmpty() && QApplication::style()->name() != s.style)
            QApplication::setStyle(QStyleFactory::create(s.style));
        QApplication::setPalette(s.palette);
    } else {
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(scheme == ColorScheme::Dark ? darkPalette() : lightPalette());
    }
    for (QWidget *w : QApplication::allWidgets()) {
        if (auto *view = qobject_cast<QChartView *>(w))
            colorChart(view);
    }
}

ColorScheme currentTheme() {
    return current();
}

} // namespace spanfire::app
