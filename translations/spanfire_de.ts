<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Distributed traces and CPU/memory profiles side by side.</source>
        <translation>Verteilte Traces und CPU-/Speicherprofile nebeneinander.</translation>
    </message>
    <message>
        <source>Profiles and trace files to open.</source>
        <translation>Zu öffnende Profile und Trace-Dateien.</translation>
    </message>
</context>
<context>
    <name>spanfire::app::AboutDialog</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>About Spanfire</source>
        <translation>Über Spanfire</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Spanfire %1&lt;/h2&gt;&lt;p&gt;Distributed traces and CPU/memory profiles side by side: trace list, span timeline, flame and icicle graphs, top functions.&lt;/p&gt;&lt;p&gt;Formats: pprof (raw, gzip, zstd), OTLP traces and profiles (JSON, protobuf), Jaeger JSON, Zipkin v2 JSON, folded stacks.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Spanfire %1&lt;/h2&gt;&lt;p&gt;Verteilte Traces und CPU-/Speicherprofile nebeneinander: Trace-Liste, Span-Zeitleiste, Flame- und Icicle-Graphen, Top-Funktionen.&lt;/p&gt;&lt;p&gt;Formate: pprof (roh, gzip, zstd), OTLP-Traces und -Profile (JSON, protobuf), Jaeger-JSON, Zipkin-v2-JSON, Folded Stacks.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Libraries&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bibliotheken&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>spanfire::app::ExportActions</name>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Flame Graph...</source>
        <translation>&amp;Flame Graph...</translation>
    </message>
    <message>
        <source>Export Flame Graph</source>
        <translation>Flame Graph exportieren</translation>
    </message>
    <message>
        <source>&amp;Icicle Graph...</source>
        <translation>&amp;Icicle Graph...</translation>
    </message>
    <message>
        <source>Export Icicle Graph</source>
        <translation>Icicle Graph exportieren</translation>
    </message>
    <message>
        <source>&amp;Timeline...</source>
        <translation>&amp;Zeitleiste...</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>Zeitleiste exportieren</translation>
    </message>
    <message>
        <source>F&amp;olded Stacks...</source>
        <translation>F&amp;olded Stacks...</translation>
    </message>
    <message>
        <source>Export Folded Stacks</source>
        <translation>Folded Stacks exportieren</translation>
    </message>
    <message>
        <source>Folded stacks (*.folded *.txt)</source>
        <translation>Folded Stacks (*.folded *.txt)</translation>
    </message>
    <message>
        <source>Selection as &amp;pprof...</source>
        <translation>Auswahl als &amp;pprof...</translation>
    </message>
    <message>
        <source>Export Selection as pprof</source>
        <translation>Auswahl als pprof exportieren</translation>
    </message>
    <message>
        <source>pprof (*.pb.gz)</source>
        <translation>pprof (*.pb.gz)</translation>
    </message>
    <message>
        <source>Top Functions as &amp;CSV...</source>
        <translation>Top-Funktionen als &amp;CSV...</translation>
    </message>
    <message>
        <source>Export Top Functions</source>
        <translation>Top-Funktionen exportieren</translation>
    </message>
    <message>
        <source>Trace &amp;List as CSV...</source>
        <translation>Trace-&amp;Liste als CSV...</translation>
    </message>
    <message>
        <source>Export Trace List</source>
        <translation>Trace-Liste exportieren</translation>
    </message>
    <message>
        <source>Span &amp;Details as CSV...</source>
        <translation>Span-&amp;Details als CSV...</translation>
    </message>
    <message>
        <source>Export Span Details</source>
        <translation>Span-Details exportieren</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: no profile is shown</source>
        <translation>%1 konnte nicht geschrieben werden: kein Profil angezeigt</translation>
    </message>
    <message>
        <source>Could not write %1: no trace is shown</source>
        <translation>%1 konnte nicht geschrieben werden: kein Trace angezeigt</translation>
    </message>
    <message>
        <source>Could not write %1: no profile is open</source>
        <translation>%1 konnte nicht geschrieben werden: kein Profil geöffnet</translation>
    </message>
</context>
<context>
    <name>spanfire::app::Exports</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not write %1: nothing to export (empty view)</source>
        <translation>%1 konnte nicht geschrieben werden: nichts zu exportieren (leere Ansicht)</translation>
    </message>
    <message>
        <source>Exported from Spanfire</source>
        <translation>Aus Spanfire exportiert</translation>
    </message>
    <message>
        <source>Could not write %1: PNG encoding failed</source>
        <translation>%1 konnte nicht geschrieben werden: PNG-Kodierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: unknown image type (use .png or .svg)</source>
        <translation>%1 konnte nicht geschrieben werden: unbekannter Bildtyp (.png oder .svg verwenden)</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>Flame Graph</translation>
    </message>
    <message>
        <source>Span timeline</source>
        <translation>Span-Zeitleiste</translation>
    </message>
</context>
<context>
    <name>spanfire::app::LinkingDocks</name>
    <message>
        <source>Select an operation to see the merged samples of all its spans</source>
        <translation>Wählen Sie eine Operation, um die zusammengeführten Samples aller ihrer Spans zu sehen</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Show the root span&apos;s samples</source>
        <translation>Samples des Wurzel-Spans anzeigen</translation>
    </message>
    <message>
        <source>Only root spans are labelled in this profile: show the samples of this span&apos;s root</source>
        <translation>In diesem Profil sind nur Wurzel-Spans gelabelt: die Samples der Wurzel dieses Spans anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>operation %1 (%n span(s))</source>
        <translation>
            <numerusform>Operation %1 (%n Span)</numerusform>
            <numerusform>Operation %1 (%n Spans)</numerusform>
        </translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
</context>
<context>
    <name>spanfire::app::LoadJob</name>
    <message>
        <source>opening</source>
        <translation>wird geöffnet</translation>
    </message>
    <message>
        <source>reading traces</source>
        <translation>Traces werden gelesen</translation>
    </message>
    <message>
        <source>merging traces</source>
        <translation>Traces werden zusammengeführt</translation>
    </message>
    <message>
        <source>reading OTLP profiles</source>
        <translation>OTLP-Profile werden gelesen</translation>
    </message>
    <message>
        <source>reading folded stacks</source>
        <translation>Folded Stacks werden gelesen</translation>
    </message>
    <message>
        <source>reading pprof samples</source>
        <translation>pprof-Samples werden gelesen</translation>
    </message>
    <message>
        <source>reading pprof tables</source>
        <translation>pprof-Tabellen werden gelesen</translation>
    </message>
    <message>
        <source>decompressing gzip and reading pprof samples</source>
        <translation>gzip wird entpackt, pprof-Samples werden gelesen</translation>
    </message>
    <message>
        <source>building the call tree</source>
        <translation>Aufrufbaum wird aufgebaut</translation>
    </message>
    <message>
        <source>decompressing gzip</source>
        <translation>gzip wird entpackt</translation>
    </message>
    <message>
        <source>decompressing zstd</source>
        <translation>zstd wird entpackt</translation>
    </message>
</context>
<context>
    <name>spanfire::app::LoadProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation>Laden abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Loading %1/%2: %3</source>
        <translation>Lade %1/%2: %3</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>Lade %1</translation>
    </message>
</context>
<context>
    <name>spanfire::app::MainWindow</name>
    <message>
        <source>Spanfire</source>
        <translation>Spanfire</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Laden abgebrochen</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Span Details</source>
        <translation>Span-Details</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>Ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Close All</source>
        <translation>Alle &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Spanfire</source>
        <translation>Ü&amp;ber Spanfire</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Several profiles are open; choose the one the profile view shows</source>
        <translation>Mehrere Profile sind geöffnet; wählen Sie das Profil, das die Profilansicht zeigt</translation>
    </message>
    <message>
        <source>Linking</source>
        <translation>Verknüpfung</translation>
    </message>
    <message>
        <source>Span samples:</source>
        <translation>Span-Samples:</translation>
    </message>
    <message>
        <source>With child spans</source>
        <translation>Mit Kind-Spans</translation>
    </message>
    <message>
        <source>Span only</source>
        <translation>Nur dieser Span</translation>
    </message>
    <message>
        <source>Exclusive (no child running)</source>
        <translation>Exklusiv (kein Kind läuft)</translation>
    </message>
    <message>
        <source>Which samples the profile shows for the selected span</source>
        <translation>Welche Samples das Profil für den ausgewählten Span zeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be opened:</source>
        <translation>
            <numerusform>%n Datei konnte nicht geöffnet werden:</numerusform>
            <numerusform>%n Dateien konnten nicht geöffnet werden:</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open files</source>
        <translation>Dateien konnten nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open Profiles and Traces</source>
        <translation>Profile und Traces öffnen</translation>
    </message>
    <message>
        <source>Profiles and traces (*.pb *.pb.gz *.pprof *.gz *.zst *.json *.jsonl *.txt *.folded *.bin);;All files (*)</source>
        <translation>Profile und Traces (*.pb *.pb.gz *.pprof *.gz *.zst *.json *.jsonl *.txt *.folded *.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 Samples</translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <source>%1 traces, %2 spans, %3 services</source>
        <translation>%1 Traces, %2 Spans, %3 Services</translation>
    </message>
    <message>
        <source>Drop pprof, OTLP, Jaeger, Zipkin or folded-stacks files here, or use File ▸ Open.</source>
        <translation>Ziehen Sie pprof-, OTLP-, Jaeger-, Zipkin- oder Folded-Stacks-Dateien hierher oder verwenden Sie Datei ▸ Öffnen.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Import warnings</source>
        <translation>Import-Warnungen</translation>
    </message>
    <message>
        <source>Some records could not be used. What was usable is shown.</source>
        <translation>Einige Datensätze konnten nicht verwendet werden. Was verwendbar war, wird angezeigt.</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;Go To</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Traces</source>
        <translation>&amp;Traces</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>Span &amp;Details</source>
        <translation>Span-&amp;Details</translation>
    </message>
    <message>
        <source>&amp;Flame Graph</source>
        <translation>&amp;Flame Graph</translation>
    </message>
    <message>
        <source>Profile &amp;Search</source>
        <translation>Profil&amp;suche</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>profile %1 (all samples)</source>
        <translation>Profil %1 (alle Samples)</translation>
    </message>
    <message>
        <source>Compare with another open profile</source>
        <translation>Mit einem anderen geöffneten Profil vergleichen</translation>
    </message>
</context>
<context>
    <name>spanfire::app::OperationsModel</name>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Linked samples</source>
        <translation>Verknüpfte Samples</translation>
    </message>
</context>
<context>
    <name>spanfire::app::ProfilePanel</name>
    <message>
        <source>No profile loaded.
Drop pprof, OTLP profile or folded-stacks files on the window.</source>
        <translation>Kein Profil geladen.
Ziehen Sie pprof-, OTLP-Profil- oder Folded-Stacks-Dateien auf das Fenster.</translation>
    </message>
</context>
<context>
    <name>spanfire::app::SelectionHub</name>
    <message>
        <source>Profile and traces are not linked (no span ids or timestamps in the profile match these spans)</source>
        <translation>Profil und Traces sind nicht verknüpft (keine Span-IDs oder Zeitstempel im Profil passen zu diesen Spans)</translation>
    </message>
    <message>
        <source>Linked by explicit sample links</source>
        <translation>Über explizite Sample-Links verknüpft</translation>
    </message>
    <message>
        <source>Linked by pprof label %1</source>
        <translation>Über pprof-Label %1 verknüpft</translation>
    </message>
    <message>
        <source>Linked by time (approximate)</source>
        <translation>Über die Zeit verknüpft (ungefähr)</translation>
    </message>
    <message>
        <source>%1 of %2 samples</source>
        <translation>%1 von %2 Samples</translation>
    </message>
    <message>
        <source>only root spans are labelled; child spans show their root&apos;s samples</source>
        <translation>nur Wurzel-Spans sind gelabelt; Kind-Spans zeigen die Samples ihrer Wurzel</translation>
    </message>
    <message>
        <source>self</source>
        <translation>selbst</translation>
    </message>
    <message>
        <source>with child spans</source>
        <translation>mit Kind-Spans</translation>
    </message>
    <message>
        <source>exclusive</source>
        <translation>exklusiv</translation>
    </message>
    <message>
        <source>span %1 (%2), %3</source>
        <translation>Span %1 (%2), %3</translation>
    </message>
    <message>
        <source>Linking samples to spans…</source>
        <translation>Samples werden mit Spans verknüpft…</translation>
    </message>
    <message numerus="yes">
        <source>trace %1 (all %n span(s))</source>
        <translation>
            <numerusform>Trace %1 (alle %n Span)</numerusform>
            <numerusform>Trace %1 (alle %n Spans)</numerusform>
        </translation>
    </message>
    <message>
        <source>whole profile — span %1: %2</source>
        <translation>gesamtes Profil — Span %1: %2</translation>
    </message>
    <message>
        <source>linked by label %1</source>
        <translation>über Label %1 verknüpft</translation>
    </message>
    <message>
        <source>linked by sample links</source>
        <translation>über Sample-Links verknüpft</translation>
    </message>
    <message>
        <source>linked by time (approximate)</source>
        <translation>über die Zeit verknüpft (ungefähr)</translation>
    </message>
    <message>
        <source>whole profile</source>
        <translation>gesamtes Profil</translation>
    </message>
    <message>
        <source>time range %1 ms</source>
        <translation>Zeitbereich %1 ms</translation>
    </message>
    <message>
        <source>no samples: the profile is not linked to these traces</source>
        <translation>keine Samples: das Profil ist nicht mit diesen Traces verknüpft</translation>
    </message>
    <message>
        <source>no samples: only root spans are labelled in this profile (show the root span&apos;s samples)</source>
        <translation>keine Samples: in diesem Profil sind nur Wurzel-Spans gelabelt (Samples des Wurzel-Spans anzeigen)</translation>
    </message>
    <message>
        <source>no samples: the profile was not recording while this span ran</source>
        <translation>keine Samples: das Profil hat während dieses Spans nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>no samples: the span is shorter than the sampling interval (expected %1 samples)</source>
        <translation>keine Samples: der Span ist kürzer als das Sampling-Intervall (erwartet %1 Samples)</translation>
    </message>
    <message>
        <source>no samples: none recorded while it ran (expected %1; off CPU?)</source>
        <translation>keine Samples: während der Laufzeit keine aufgezeichnet (erwartet %1; nicht auf der CPU?)</translation>
    </message>
    <message>
        <source>no samples: none recorded while it ran (off CPU?)</source>
        <translation>keine Samples: während der Laufzeit keine aufgezeichnet (nicht auf der CPU?)</translation>
    </message>
    <message numerus="yes">
        <source>%n linked sample(s)</source>
        <translation>
            <numerusform>%n verknüpftes Sample</numerusform>
            <numerusform>%n verknüpfte Samples</numerusform>
        </translation>
    </message>
    <message>
        <source>(expected ≈ %1 from duration × rate)</source>
        <translation>(erwartet ≈ %1 aus Dauer × Rate)</translation>
    </message>
    <message>
        <source>profile not linked: whole profile shown</source>
        <translation>Profil nicht verknüpft: gesamtes Profil angezeigt</translation>
    </message>
    <message>
        <source>Samples in %1</source>
        <translation>Samples in %1</translation>
    </message>
    <message>
        <source>Compare with every span of this operation</source>
        <translation>Mit allen Spans dieser Operation vergleichen</translation>
    </message>
    <message>
        <source>Baseline: the samples of all spans with the selected span&apos;s service and name</source>
        <translation>Vergleichsbasis: die Samples aller Spans mit Dienst und Namen des gewählten Spans</translation>
    </message>
    <message numerus="yes">
        <source>every %1 span of %2 (%n span(s), %3)</source>
        <translation>
            <numerusform>jeder %1-Span von %2 (%n Span, %3)</numerusform>
            <numerusform>jeder %1-Span von %2 (%n Spans, %3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spanfire::app::SessionController</name>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>Open &amp;Session...</source>
        <translation>&amp;Sitzung öffnen...</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Spanfire sessions (*.spanfire);;All files (*)</source>
        <translation>Spanfire-Sitzungen (*.spanfire);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not open session</source>
        <translation>Sitzung konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Sa&amp;ve Session...</source>
        <translation>Sitzung &amp;speichern...</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>Sitzung speichern</translation>
    </message>
    <message>
        <source>Spanfire sessions (*.spanfire)</source>
        <translation>Spanfire-Sitzungen (*.spanfire)</translation>
    </message>
    <message>
        <source>Could not save session</source>
        <translation>Sitzung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Session saved to %1</source>
        <translation>Sitzung in %1 gespeichert</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Copy Selected Span &amp;Id</source>
        <translation>&amp;ID des ausgewählten Spans kopieren</translation>
    </message>
    <message>
        <source>Copy Selected &amp;Function Name</source>
        <translation>Namen der ausgewählten &amp;Funktion kopieren</translation>
    </message>
    <message>
        <source>&amp;Note on Selected Span...</source>
        <translation>&amp;Notiz zum ausgewählten Span...</translation>
    </message>
    <message>
        <source>span %1</source>
        <translation>Span %1</translation>
    </message>
    <message>
        <source>Note on Selected F&amp;unction...</source>
        <translation>Notiz zur ausgewählten F&amp;unktion...</translation>
    </message>
    <message>
        <source>function %1</source>
        <translation>Funktion %1</translation>
    </message>
    <message>
        <source>Select a span or function first</source>
        <translation>Wählen Sie zuerst einen Span oder eine Funktion</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Note on %1:</source>
        <translation>Notiz zu %1:</translation>
    </message>
</context>
<context>
    <name>spanfire::app::SessionFile</name>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>ein Array aus Zeichenketten</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be %3</source>
        <translation>%1: „%2“ muss %3 sein</translation>
    </message>
    <message>
        <source>%1: not a valid session file: %2 at byte %3</source>
        <translation>%1: keine gültige Sitzungsdatei: %2 bei Byte %3</translation>
    </message>
    <message>
        <source>%1: not a Spanfire session (no &quot;%2&quot; key)</source>
        <translation>%1: keine Spanfire-Sitzung (kein Schlüssel „%2“)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a positive integer version</source>
        <translation>%1: „%2“ muss eine positive ganzzahlige Version sein</translation>
    </message>
    <message>
        <source>%1: session version %2 is newer than this Spanfire supports (%3); please update Spanfire</source>
        <translation>%1: Sitzungsversion %2 ist neuer als diese Spanfire-Version unterstützt (%3); bitte Spanfire aktualisieren</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>ein Objekt aus Zeichenketten</translation>
    </message>
    <message>
        <source>%1: cannot open session file: %2</source>
        <translation>%1: Sitzungsdatei kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: session file too large</source>
        <translation>%1: Sitzungsdatei zu groß</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>spanfire::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>pprof label keys that hold span ids, one per line, tried in order</source>
        <translation>pprof-Label-Schlüssel mit Span-IDs, einer pro Zeile, in dieser Reihenfolge versucht</translation>
    </message>
    <message>
        <source>Span &amp;label keys:</source>
        <translation>Span-&amp;Label-Schlüssel:</translation>
    </message>
    <message>
        <source>Folders searched for debug information when symbolizing profiles</source>
        <translation>Ordner, in denen beim Symbolisieren von Profilen nach Debug-Informationen gesucht wird</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>&amp;Hinzufügen...</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Debug folders:</source>
        <translation>&amp;Debug-Ordner:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Colour scheme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language takes effect when Spanfire is started again.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von Spanfire wirksam.</translation>
    </message>
    <message>
        <source>Sample type shown first when a profile has it, e.g. cpu or alloc_space; empty = the profile&apos;s own default</source>
        <translation>Sample-Typ, der zuerst gezeigt wird, wenn ein Profil ihn hat, z. B. cpu oder alloc_space; leer = Standard des Profils</translation>
    </message>
    <message>
        <source>Default &amp;sample type:</source>
        <translation>Standard-&amp;Sample-Typ:</translation>
    </message>
    <message>
        <source>Debug Folder</source>
        <translation>Debug-Ordner</translation>
    </message>
</context>
<context>
    <name>spanfire::app::ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>Flame Graph</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Move between frames</source>
        <translation>Zwischen Frames wechseln</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Zoom into the focused frame</source>
        <translation>In den fokussierten Frame zoomen</translation>
    </message>
    <message>
        <source>Zoom back</source>
        <translation>Zoom zurück</translation>
    </message>
    <message>
        <source>Reset zoom / clear search</source>
        <translation>Zoom zurücksetzen / Suche leeren</translation>
    </message>
    <message>
        <source>Search spans</source>
        <translation>Spans suchen</translation>
    </message>
    <message>
        <source>Next / previous match</source>
        <translation>Nächster / vorheriger Treffer</translation>
    </message>
    <message>
        <source>Zoom in / out</source>
        <translation>Hinein- / herauszoomen</translation>
    </message>
    <message>
        <source>Pan left / right</source>
        <translation>Nach links / rechts verschieben</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Toggle critical path</source>
        <translation>Kritischen Pfad ein-/ausblenden</translation>
    </message>
    <message>
        <source>Previous / next span</source>
        <translation>Vorheriger / nächster Span</translation>
    </message>
    <message>
        <source>Page up / down, last span</source>
        <translation>Seite hoch / runter, letzter Span</translation>
    </message>
    <message>
        <source>Collapse / parent span, expand / child span</source>
        <translation>Einklappen / Eltern-Span, ausklappen / Kind-Span</translation>
    </message>
    <message>
        <source>Zoom to the selected span</source>
        <translation>Auf den ausgewählten Span zoomen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>spanfire::views::ActivityChart</name>
    <message>
        <source>Whole profile</source>
        <translation>Gesamtes Profil</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Drag across the chart to show only the samples of that time range; click to clear</source>
        <translation>Über das Diagramm ziehen, um nur die Samples dieses Zeitbereichs zu zeigen; klicken zum Zurücksetzen</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>Kein Profil</translation>
    </message>
    <message>
        <source>This profile&apos;s samples carry no timestamps; select a linked trace to see its samples along the trace</source>
        <translation>Die Samples dieses Profils haben keine Zeitstempel; wählen Sie einen verknüpften Trace, um seine Samples entlang des Traces zu sehen</translation>
    </message>
    <message>
        <source>Whole trace</source>
        <translation>Ganzer Trace</translation>
    </message>
    <message>
        <source>samples/s</source>
        <translation>Samples/s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> µs</source>
        <translation> µs</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>time from profile start</source>
        <translation>Zeit ab Profilbeginn</translation>
    </message>
    <message>
        <source>Samples per second from the profile&apos;s start; drag to filter the flame graph</source>
        <translation>Samples pro Sekunde ab Profilbeginn; ziehen, um den Flame Graph zu filtern</translation>
    </message>
    <message>
        <source>Samples per second along the trace, from its start (no sample timestamps: each span&apos;s samples spread over its duration)</source>
        <translation>Samples pro Sekunde entlang des Traces ab seinem Beginn (ohne Sample-Zeitstempel: die Samples jedes Spans über seine Dauer verteilt)</translation>
    </message>
    <message>
        <source>time from trace start</source>
        <translation>Zeit ab Trace-Beginn</translation>
    </message>
</context>
<context>
    <name>spanfire::views::CallerCalleeView</name>
    <message>
        <source>Callers</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <source>Callees</source>
        <translation>Aufgerufene</translation>
    </message>
    <message>
        <source>Choose a function in the graph or the table to see its callers and callees.</source>
        <translation>Wählen Sie eine Funktion im Graphen oder in der Tabelle, um ihre Aufrufer und Aufgerufenen zu sehen.</translation>
    </message>
    <message>
        <source>%1 — flat %2 (%3), cum %4 (%5)</source>
        <translation>%1 — flat %2 (%3), cum %4 (%5)</translation>
    </message>
    <message>
        <source>baseline: cum %1</source>
        <translation>Basis: Cum %1</translation>
    </message>
</context>
<context>
    <name>spanfire::views::FlameGraphWidget</name>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>%1 frames too narrow to show (zoom in to see them)
total: %2 (%3 of total)</source>
        <translation>%1 Frames zu schmal zur Anzeige (hineinzoomen, um sie zu sehen)
Gesamt: %2 (%3 der Gesamtmenge)</translation>
    </message>
    <message>
        <source>module: %1</source>
        <translation>Modul: %1</translation>
    </message>
    <message>
        <source>(inlined)</source>
        <translation>(inline)</translation>
    </message>
    <message>
        <source>self: %1 (%2 of total)</source>
        <translation>selbst: %1 (%2 der Gesamtmenge)</translation>
    </message>
    <message>
        <source>total: %1 (%2 of total</source>
        <translation>gesamt: %1 (%2 der Gesamtmenge</translation>
    </message>
    <message>
        <source>, %1 of parent</source>
        <translation>, %1 des Elternknotens</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Hineinzoomen</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Focus on</source>
        <translation>Fokussieren auf</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>Namen kopieren</translation>
    </message>
    <message>
        <source>baseline: total %1 (%2 of the baseline), self %3</source>
        <translation>Basis: gesamt %1 (%2 der Basis), selbst %3</translation>
    </message>
    <message>
        <source>change: +%1 percentage points (not in the baseline)</source>
        <translation>Änderung: +%1 Prozentpunkte (nicht in der Basis)</translation>
    </message>
    <message>
        <source>change: %1%2 percentage points of the total</source>
        <translation>Änderung: %1%2 Prozentpunkte des Gesamtwerts</translation>
    </message>
</context>
<context>
    <name>spanfire::views::ProfileView</name>
    <message>
        <source>Sample type</source>
        <translation>Sample-Typ</translation>
    </message>
    <message>
        <source>Search functions (regex, Ctrl+F)</source>
        <translation>Funktionen suchen (Regex, Strg+F)</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Case-sensitive search</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>Flame Graph</translation>
    </message>
    <message>
        <source>Icicle graph</source>
        <translation>Icicle Graph</translation>
    </message>
    <message>
        <source>Bottom-up</source>
        <translation>Bottom-up</translation>
    </message>
    <message>
        <source>Invert the stacks: leaf functions become roots</source>
        <translation>Stacks umkehren: Blattfunktionen werden zu Wurzeln</translation>
    </message>
    <message>
        <source>Collapse recursion</source>
        <translation>Rekursion zusammenfassen</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>Remove the focus and show hidden functions again</source>
        <translation>Fokus entfernen und ausgeblendete Funktionen wieder zeigen</translation>
    </message>
    <message>
        <source>invalid regular expression</source>
        <translation>ungültiger regulärer Ausdruck</translation>
    </message>
    <message>
        <source>matched: %1 (%2 of total)</source>
        <translation>Treffer: %1 (%2 der Gesamtmenge)</translation>
    </message>
    <message>
        <source>No profile loaded</source>
        <translation>Kein Profil geladen</translation>
    </message>
    <message>
        <source>whole profile</source>
        <translation>gesamtes Profil</translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation>1 Sample</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 Samples</translation>
    </message>
    <message>
        <source>%1 of profile</source>
        <translation>%1 des Profils</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>gesamt %1</translation>
    </message>
    <message>
        <source>focus: %1</source>
        <translation>Fokus: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n ausgeblendet</numerusform>
            <numerusform>%n ausgeblendet</numerusform>
        </translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Back (Backspace, Alt+Left)</source>
        <translation>Zurück (Rücktaste, Alt+Links)</translation>
    </message>
    <message>
        <source>aggregating…</source>
        <translation>wird aggregiert…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Compare these samples with a baseline: frames are coloured red where their share grew, blue where it shrank</source>
        <translation>Diese Samples mit einer Basis vergleichen: Frames werden rot, wo ihr Anteil gewachsen ist, blau, wo er geschrumpft ist</translation>
    </message>
    <message>
        <source>Use the samples shown now as the baseline</source>
        <translation>Die angezeigten Samples als Basis verwenden</translation>
    </message>
    <message>
        <source>Compare with the whole profile</source>
        <translation>Mit dem ganzen Profil vergleichen</translation>
    </message>
    <message>
        <source>Stop comparing</source>
        <translation>Vergleich beenden</translation>
    </message>
    <message>
        <source>Compared with: %1 (%2)</source>
        <translation>Verglichen mit: %1 (%2)</translation>
    </message>
    <message>
        <source>the baseline has no samples: nothing to compare</source>
        <translation>die Basis hat keine Samples: nichts zu vergleichen</translation>
    </message>
    <message>
        <source>no samples shown: nothing to compare</source>
        <translation>keine Samples angezeigt: nichts zu vergleichen</translation>
    </message>
    <message>
        <source>red: larger share than in the baseline, blue: smaller (up to %1 percentage points)</source>
        <translation>rot: größerer Anteil als in der Basis, blau: kleinerer (bis zu %1 Prozentpunkte)</translation>
    </message>
    <message>
        <source>%1 of the baseline is in stacks not shown here</source>
        <translation>%1 der Basis liegt in Stacks, die hier nicht vorkommen</translation>
    </message>
    <message>
        <source>Compared with: %1 — it has no %2 samples: nothing to compare</source>
        <translation>Verglichen mit: %1 — es hat keine %2-Samples: nichts zu vergleichen</translation>
    </message>
</context>
<context>
    <name>spanfire::views::SpanDetailsView</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Click to go to this span</source>
        <translation>Klicken, um zu diesem Span zu springen</translation>
    </message>
    <message>
        <source>This span is not loaded</source>
        <translation>Dieser Span ist nicht geladen</translation>
    </message>
    <message>
        <source>No span selected</source>
        <translation>Kein Span ausgewählt</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>Statusmeldung</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>+%1 (%2)</source>
        <translation>+%1 (%2)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>Span id</source>
        <translation>Span-ID</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Eltern-Span</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>Verwaist</translation>
    </message>
    <message>
        <source>the parent span is not in the loaded data</source>
        <translation>der Eltern-Span ist nicht in den geladenen Daten</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>Ereignisse (%1)</translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation>Links (%1)</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>Link %1</translation>
    </message>
    <message>
        <source>Trace state</source>
        <translation>Trace-Status</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Kinder</translation>
    </message>
    <message>
        <source>%1 direct, %2 in the subtree</source>
        <translation>%1 direkt, %2 im Teilbaum</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
</context>
<context>
    <name>spanfire::views::SpanTimelineWidget</name>
    <message>
        <source>Select a trace to see its spans</source>
        <translation>Wählen Sie einen Trace, um seine Spans zu sehen</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n span(s)</source>
        <translation>
            <numerusform>%1 · %n Span</numerusform>
            <numerusform>%1 · %n Spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n Service</numerusform>
            <numerusform>%n Services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>self time</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>in children</source>
        <translation>in Kindern</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiterer</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Critical path</source>
        <translation>Kritischer Pfad</translation>
    </message>
    <message>
        <source>Highlight the spans that determine the trace&apos;s end-to-end latency (C)</source>
        <translation>Die Spans hervorheben, die die Ende-zu-Ende-Latenz des Traces bestimmen (C)</translation>
    </message>
    <message>
        <source>Find spans (Ctrl+F)</source>
        <translation>Spans finden (Strg+F)</translation>
    </message>
    <message>
        <source>Marks spans whose name or service contains the text; Enter selects the next one</source>
        <translation>Markiert Spans, deren Name oder Service den Text enthält; Enter wählt den nächsten</translation>
    </message>
    <message>
        <source>Zoom to span</source>
        <translation>Auf Span zoomen</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>Ausklappen</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>Einklappen</translation>
    </message>
    <message>
        <source>Copy span name</source>
        <translation>Span-Namen kopieren</translation>
    </message>
    <message>
        <source>Copy span id</source>
        <translation>Span-ID kopieren</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle ausklappen</translation>
    </message>
    <message>
        <source>Collapse below the root</source>
        <translation>Unterhalb der Wurzel einklappen</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Duration: %1 (self %2)</source>
        <translation>Dauer: %1 (selbst %2)</translation>
    </message>
    <message>
        <source>Starts at: +%1</source>
        <translation>Beginnt bei: +%1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation>Auf dem kritischen Pfad</translation>
    </message>
    <message>
        <source>Orphan: its parent span is not in the loaded data</source>
        <translation>Verwaist: sein Eltern-Span ist nicht in den geladenen Daten</translation>
    </message>
</context>
<context>
    <name>spanfire::views::TopFunctionsModel</name>
    <message>
        <source>(root)</source>
        <translation>(Wurzel)</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>Flat</translation>
    </message>
    <message>
        <source>Flat %</source>
        <translation>Flat %</translation>
    </message>
    <message>
        <source>Cum</source>
        <translation>Cum</translation>
    </message>
    <message>
        <source>Cum %</source>
        <translation>Cum %</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Cum %1 of the shown samples, %2 of the baseline</source>
        <translation>Cum %1 der angezeigten Samples, %2 der Basis</translation>
    </message>
    <message>
        <source>Change of the cumulative share against the baseline, in percentage points</source>
        <translation>Änderung des kumulierten Anteils gegenüber der Basis, in Prozentpunkten</translation>
    </message>
    <message>
        <source>Δ Cum %</source>
        <translation>Δ Cum %</translation>
    </message>
</context>
<context>
    <name>spanfire::views::TopFunctionsView</name>
    <message>
        <source>Filter functions (regex)</source>
        <translation>Funktionen filtern (Regex)</translation>
    </message>
</context>
<context>
    <name>spanfire::views::TraceListModel</name>
    <message>
        <source>Trace %1</source>
        <translation>Trace %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Root service</source>
        <translation>Wurzel-Service</translation>
    </message>
    <message>
        <source>Root operation</source>
        <translation>Wurzel-Operation</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>spanfire::views::TraceListView</name>
    <message>
        <source>Only traces in which this service has spans</source>
        <translation>Nur Traces, in denen dieser Service Spans hat</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Only traces with a span whose name contains this text</source>
        <translation>Nur Traces mit einem Span, dessen Name diesen Text enthält</translation>
    </message>
    <message>
        <source>Min duration</source>
        <translation>Min. Dauer</translation>
    </message>
    <message>
        <source>Minimum trace duration, e.g. 250ms, 1.5s, 800us (a bare number is ms)</source>
        <translation>Minimale Trace-Dauer, z. B. 250ms, 1.5s, 800us (eine Zahl ohne Einheit bedeutet ms)</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Find trace id</source>
        <translation>Trace-ID finden</translation>
    </message>
    <message>
        <source>Hex trace id or its beginning; Enter selects it</source>
        <translation>Hexadezimale Trace-ID oder ihr Anfang; Enter wählt sie aus</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Services</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation>
            <numerusform>%n Trace</numerusform>
            <numerusform>%n Traces</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 traces</source>
        <translation>%1 von %2 Traces</translation>
    </message>
    <message>
        <source>No trace id starts with “%1”</source>
        <translation>Keine Trace-ID beginnt mit „%1“</translation>
    </message>
</context>
</TS>
