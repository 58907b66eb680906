// spanfire: the GUI. `spanfire [FILE...]` opens the window and loads the files.
#include "app/aboutdialog.h"
#include "app/mainwindow.h"
#include "app/preferences.h"
#include "app/translations.h"

#include "app/cli/commands.h"
#include "app/cli/options.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstring>
#include <string>
#include <vector>

int main(int argc, char **argv) {
    if (argc > 1 && std::strcmp(argv[1], "--cli-render") == 0) {
        // `spanfire-cli render ...` (app/cli/main.cpp): the widgets live here.
        using namespace spanfire::cli;
        std::vector<std::string> args(argv + 2, argv + argc);
        CliOptions options;
        std::string error;
        if (!parseOptions(args, options, error)) {
            fail(error + " (see spanfire-cli --help)");
            return kExitBadInput;
        }
        return runRender(options, argc, argv);
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Spanfire"));
    QCoreApplication::setApplicationName(QStringLiteral("spanfire"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPANFIRE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Spanfire"));
    // Language: the Settings override, else the system locale; colour scheme likewise.
    const spanfire::app::Preferences prefs = spanfire::app::Preferences::load();
    spanfire::app::installTranslations(prefs.language.isEmpty() ? QLocale() : QLocale(prefs.language));
    spanfire::app::applyTheme(prefs.colorScheme);
    QApplication::setWindowIcon(spanfire::app::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Distributed traces and CPU/memory profiles side by side."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("main", "Profiles and trace files to open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    spanfire::app::MainWindow window;
    window.restoreLayout();
    window.show();
    window.openFiles(parser.positionalArguments());
    return app.exec();
}
