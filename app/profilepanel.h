#pragma once
// ProfilePanel: the profile dock's content: the composite views::ProfileView
// for the Session's current profile, or a hint when none is loaded.
// GUI thread only.

#include "model/profile.h"

#include <QWidget>

#include <memory>

class QLabel;
class QStackedLayout;

namespace spanfire::views {
class FlameGraphWidget;
class ProfileView;
} // namespace spanfire::views

namespace spanfire::app {

class ProfilePanel : public QWidget {
    Q_OBJECT
public:
    explicit ProfilePanel(QWidget *parent = nullptr);

    void setProfile(std::shared_ptr<const Profile> profile);
    std::shared_ptr<const Profile> profile() const;
    views::ProfileView *profileView() const { return m_view; }
    views::FlameGraphWidget *flameGraph() const;

private:
    QStackedLayout *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    views::ProfileView *m_view = nullptr;
};

} // namespace spanfire::app
