#include "views/profilestate.h"

#include <algorithm>

namespace spanfire::views {

ProfileState::ProfileState(QObject *parent) : QObject(parent) {
}

void ProfileState::setSampleType(int index) {
    if (index == m_sampleType)
        return;
    m_sampleType = index;
    emit sampleTypeChanged(index);
}

void ProfileState::setOrientation(FlameOrientation o) {
    if (o == m_orientation)
        return;
    m_orientation = o;
    emit orientationChanged(o);
}

void ProfileState::setInverted(bool on) {
    if (on == m_transforms.inverted)
        return;
    m_transforms.inverted = on;
    emit transformsChanged();
}

void ProfileState::setCollapseRecursion(bool on) {
    if (on == m_transforms.collapseRecursion)
        return;
    m_transforms.collapseRecursion = on;
    emit transformsChanged();
}

void ProfileState::setFocusFunction(StringId name) {
    if (name == m_transforms.focusFunction)
        return;
    m_transforms.focusFunction = name;
    emit transformsChanged();
}

void ProfileState::hideFunction(StringId name) {
    if (!name.valid())
        return;
    auto &h = m_transforms.hiddenFunctions;
    if (std::find(h.begin(), h.end(), name) != h.end())
        return;
    h.push_back(name);
    emit transformsChanged();
}

void ProfileState::clearHiddenFunctions() {
    if (m_transforms.hiddenFunctions.empty())
        return;
    m_transforms.hiddenFunctions.clear();
    emit transformsChanged();
}

void ProfileState::setTransforms(const Transforms &t) {
    if (t.inverted == m_transforms.inverted && t.collapseRecursion == m_transforms.collapseRecursion &&
        t.focusFunction == m_transforms.focusFunction && t.hiddenFunctions == m_transforms.hiddenFunctions)
        return;
    m_transforms = t;
    emit transformsChanged();
}

void ProfileState::setSearch(const QString &pattern, bool caseSensitive) {
    if (pattern == m_searchPattern && caseSensitive == m_searchCaseSensitive)
        return;
    m_searchPattern = pattern;
    m_searchCaseSensitive = caseSensitive;
    emit searchChanged(pattern, caseSensitive);
}

void ProfileState::setSelectedFunction(StringId name) {
    if (name == m_selectedFunction)
        return;
    m_selectedFunction = name;
    emit selectedFunctionChanged(name);
}

void ProfileState::setZoomPath(const std::vector<FrameId> &path) {
    if (path == m_zoomPath)
        return;
    m_zoomPath = path;
    emit zoomPathChanged();
}

} // namespace spanfire::views
