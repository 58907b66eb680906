#pragma once
// ProfileState: the one object the linked profile views (flame graph, top
// functions, caller/callee, the app's linking code) speak through. It holds
// model ids only -- function name ids, frame paths, sample-type index --
// never QModelIndex, row numbers or flame-tree node indices, so it stays
// meaningful across re-aggregation. Setters emit a change signal only when the
// value actually changes. GUI thread only.

#include "model/aggregator.h"
#include "model/ids.h"
#include "views/flamelayout.h"

#include <QObject>
#include <QString>

#include <vector>

namespace spanfire::views {

class ProfileState : public QObject {
    Q_OBJECT
public:
    explicit ProfileState(QObject *parent = nullptr);

    int sampleType() const { return m_sampleType; }
    void setSampleType(int index);

    FlameOrientation orientation() const { return m_orientation; }
    void setOrientation(FlameOrientation o);

    const Transforms &transforms() const { return m_transforms; }
    void setInverted(bool on);
    void setCollapseRecursion(bool on);
    void setFocusFunction(StringId name); // invalid id clears the focus
    void hideFunction(StringId name);
    void clearHiddenFunctions();
    void setTransforms(const Transforms &t);

    const QString &searchPattern() const { return m_searchPattern; }
    bool searchCaseSensitive() const { return m_searchCaseSensitive; }
    void setSearch(const QString &pattern, bool caseSensitive);

    StringId selectedFunction() const { return m_selectedFunction; }
    void setSelectedFunction(StringId name);

    // Zoom as the frame path from the root's first child down to the zoomed frame; empty = whole graph.
    const std::vector<FrameId> &zoomPath() const { return m_zoomPath; }
    void setZoomPath(const std::vector<FrameId> &path);

signals:
    void sampleTypeChanged(int index);
    void orientationChanged(spanfire::views::FlameOrientation o);
    void transformsChanged();
    void searchChanged(const QString &pattern, bool caseSensitive);
    void selectedFunctionChanged(spanfire::StringId name);
    void zoomPathChanged();

private:
    int m_sampleType = 0;
    FlameOrientation m_orientation = FlameOrientation::Flame;
    Transforms m_transforms;
    QString m_searchPattern;
    bool m_searchCaseSensitive = false;
    StringId m_selectedFunction;
    std::vector<FrameId> m_zoomPath;
};

} // namespace spanfire::views
