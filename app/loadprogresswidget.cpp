#include "app/loadprogresswidget.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace spanfire::app {

LoadProgressWidget::LoadProgressWidget(QWidget *parent) : QWidget(parent) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(160);
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop loading (Esc)"));
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &LoadProgressWidget::cancelRequested);
}

void LoadProgressWidget::setProgress(int fileIndex, int fileCount, const QString &path, int permille,
                                     const QString &stage) {
    const QString name = QFileInfo(path).fileName();
    QString text = fileCount > 1 ? tr("Loading %1/%2: %3").arg(fileIndex + 1).arg(fileCount).arg(name)
                                 : tr("Loading %1").arg(name);
    if (!stage.isEmpty())
        text += QStringLiteral(" \u2014 ") + stage;
    m_label->setText(text);
    m_bar->setValue(permille);
}

QString LoadProgressWidget::labelText() const {
    return m_label->text();
}

} // namespace spanfire::app
