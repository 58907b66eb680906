#pragma once
// LoadProgressWidget: the status-bar strip shown while files load: a stage
// label ("Loading 2/3: file.pb.gz — parsing"), a progress bar 0..1000 for the
// current file and a Cancel button. Hidden when idle. GUI thread only.

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace spanfire::app {

class LoadProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit LoadProgressWidget(QWidget *parent = nullptr);

    void setProgress(int fileIndex, int fileCount, const QString &path, int permille, const QString &stage);
    QProgressBar *progressBar() const { return m_bar; }
    QToolButton *cancelButton() const { return m_cancel; }
    QString labelText() const;

signals:
    void cancelRequested();

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
};

} // namespace spanfire::app
