#include "app/profilepanel.h"

#include "views/profileview.h"

#include <QLabel>
#include <QStackedLayout>

namespace spanfire::app {

ProfilePanel::ProfilePanel(QWidget *parent) : QWidget(parent) {
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    m_empty =
        new QLabel(tr("No profile loaded.\nDrop pprof, OTLP profile or folded-stacks files on the window."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_view = new views::ProfileView(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);
}

void ProfilePanel::setProfile(std::shared_ptr<const Profile> profile) {
    const bool has = profile != nullptr;
    m_view->setProfile(std::move(profile));
    m_stack->setCurrentWidget(has ? static_cast<QWidget *>(m_view) : m_empty);
}

std::shared_ptr<const Profile> ProfilePanel::profile() const {
    return m_view->profile();
}

views::FlameGraphWidget *ProfilePanel::flameGraph() const {
    return m_view->flameWidget();
}

} // namespace spanfire::app
