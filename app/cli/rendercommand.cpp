// spanfire-cli render: paints the real widgets offscreen into a PNG.
// flame/icicle/top render the first profile given; timeline the slowest trace
// (or --trace); window opens every file in a MainWindow exactly as the GUI does.
#include "app/cli/commands.h"
#include "app/cli/sampleselect.h"
#include "app/loadjob.h"
#include "app/mainwindow.h"
#include "app/selectionhub.h"
#include "model/aggregator.h"
#include "model/functionstats.h"
#include "model/spantable.h"
#include "model/tracesetbuilder.h"
#include "views/flamegraphwidget.h"
#include "views/format.h"
#include "views/spantimelinewidget.h"
#include "views/topfunctionsmodel.h"
#include "views/topfunctionsview.h"

#include <QApplication>
#include <QImage>
#include <QTableView>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace spanfire::cli {

namespace {

bool save(const QImage &image, const std::string &out) {
    if (image.isNull() || !image.save(QString::fromStdString(out), "PNG")) {
        fail(out + ": could not write the PNG image");
        return false;
    }
    return true;
}

void settle(QWidget &w, const QSize &size) {
    w.resize(size);
    w.setAttribute(Qt::WA_DontShowOnScreen, true);
    w.show();
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
}

} // namespace

// Qt's own chatter (platform plugin notes, XDG_RUNTIME_DIR) would break the
// "one line on stderr" contract; it is shown only with SPANFIRE_DEBUG set.
static void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message) {
    if (type == QtFatalMsg || qEnvironmentVariableIsSet("SPANFIRE_DEBUG"))
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

int runRender(const CliOptions &o, int argc, char **argv) {
    std::vector<LoadedFile> files;
    if (!loadFiles(o.files, files)) // before Qt starts: errors are our one line only
        return kExitBadInput;
    // Rendering never needs a screen: use the offscreen platform unless the
    // user asked for another one explicitly.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietMessages);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Spanfire"));
    QCoreApplication::setApplicationName(QStringLiteral("spanfire-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPANFIRE_VERSION));
    const QSize size(o.width, o.height);

    if (o.view == "window") {
        app::MainWindow window;
        window.setShowDialogs(false);
        for (LoadedFile &lf : files)
            window.addLoadedFile(app::LoadedFile{QString::fromStdString(lf.path), std::move(lf.result), {}, {}});
        window.selectionHub()->waitForLink();
        settle(window, size);
        return save(window.grab().toImage(), o.out) ? kExitOk : kExitBadInput;
    }

    if (o.view == "timeline") {
        std::vector<std::shared_ptr<const TraceSet>> sets;
        for (const LoadedFile &lf : files)
            if (lf.result.traces)
                sets.push_back(lf.result.traces);
        if (sets.empty())
            return fail(o.files[0] + ": no traces in the given files");
        auto set = sets.size() == 1 ? sets[0] : mergeTraceSets(sets);
        int trace = app::SelectionHub::slowestTrace(*set);
        if (!o.traceId.empty()) {
            trace = -1;
            for (size_t i = 0; i < set->traces.size(); ++i)
                if (set->traces[i].id.hex().rfind(o.traceId, 0) == 0)
                    trace = static_cast<int>(i);
            if (trace < 0)
                return fail(o.files[0] + ": no trace with id '" + o.traceId + "'");
        }
        views::SpanTimelineWidget timeline;
        timeline.setTraceSet(set);
        timeline.setTrace(trace);
        settle(timeline, size);
        return save(timeline.grab().toImage(), o.out) ? kExitOk : kExitBadInput;
    }

    std::vector<LoadedFile> profiles;
    std::vector<std::shared_ptr<const TraceSet>> sets;
    for (LoadedFile &lf : files) {
        if (lf.result.traces)
            sets.push_back(lf.result.traces);
        if (lf.result.profile)
            profiles.push_back(std::move(lf));
    }
    if (profiles.empty())
        return fail(o.files[0] + ": no profile in the given files");
    std::vector<int> columns;
    if (!resolveSampleTypes(profiles, o.sampleType, columns))
        return kExitBadInput;
    const auto &profile = profiles[0].result.profile;
    const std::shared_ptr<const TraceSet> traces =
        sets.empty() ? nullptr : (sets.size() == 1 ? sets[0] : mergeTraceSets(sets));
    SelectionResult sel;
    if (!selectSamples(o, *profile, profiles[0].path, traces.get(), sel))
        return kExitBadInput;
    Aggregator agg(profile);
    FlameTree tree = agg.build(sel.selection, columns[0]);

    if (o.view == "top") {
        const int64_t total = tree.total();
        std::vector<FunctionStat> stats = topFunctions(tree, *profile);
        const auto unit = profile->strings.view(profile->sampleTypes[static_cast<size_t>(columns[0])].unit);
        views::TopFunctionsView top;
        top.model()->setStats(profile, std::move(stats), total, views::unitFromString(unit));
        settle(top, size);
        top.table()->resizeColumnsToContents();
        QApplication::processEvents();
        return save(top.grab().toImage(), o.out) ? kExitOk : kExitBadInput;
    }

    views::FlameGraphWidget flame;
    flame.setOrientation(o.view == "icicle" ? views::FlameOrientation::Icicle : views::FlameOrientation::Flame);
    const uint32_t depth = tree.maxDepth;
    flame.setData(profile, std::move(tree));
    QSize flameSize = size;
    if (!o.sizeGiven) // default size: tall enough for every level of the graph
        flameSize.setHeight(std::max(size.height(), int(depth + 2) * flame.rowHeight()));
    return save(flame.paintToImage(flameSize, 1.0), o.out) ? kExitOk : kExitBadInput;
}

} // namespace spanfire::cli
