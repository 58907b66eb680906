<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>Distributed traces and CPU/memory profiles side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles and trace files to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::app::LoadJob</name>
    <message>
        <source>opening</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::app::LoadProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1/%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::app::MainWindow</name>
    <message>
        <source>Spanfire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Span Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>性能剖析</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close All</source>
        <translation>全部关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Spanfire</source>
        <translation>关于 Spanfire(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several profiles are open; choose the one the profile view shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With child spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusive (no child running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which samples the profile shows for the selected span</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be opened:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Profiles and Traces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles and traces (*.pb *.pb.gz *.pprof *.gz *.zst *.json *.jsonl *.txt *.folded *.bin);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 traces, %2 spans, %3 services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop pprof, OTLP, Jaeger, Zipkin or folded-stacks files here, or use File ▸ Open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Import warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some records could not be used. What was usable is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Spanfire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Spanfire %1&lt;/h3&gt;&lt;p&gt;Distributed traces and CPU/memory profiles side by side: trace list, span timeline, flame and icicle graphs, top functions.&lt;/p&gt;&lt;p&gt;Formats: pprof (raw, gzip, zstd), OTLP traces and profiles (JSON, protobuf), Jaeger JSON, Zipkin v2 JSON, folded stacks.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::app::ProfilePanel</name>
    <message>
        <source>No profile loaded.
Drop pprof, OTLP profile or folded-stacks files on the window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::app::SelectionHub</name>
    <message>
        <source>Profile and traces are not linked (no span ids or timestamps in the profile match these spans)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked by explicit sample links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked by pprof label %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked by time (approximate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only root spans are labelled; child spans show their root&apos;s samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with child spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>span %1 (%2), %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linking samples to spans…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::views::CallerCalleeView</name>
    <message>
        <source>Callers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a function in the graph or the table to see its callers and callees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — flat %2 (%3), cum %4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::views::FlameGraphWidget</name>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames too narrow to show (zoom in to see them)
total: %2 (%3 of total)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>module: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(inlined)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self: %1 (%2 of total)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total: %1 (%2 of total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 of parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::views::ProfileView</name>
    <message>
        <source>Sample type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search functions (regex, Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case-sensitive search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Icicle graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invert the stacks: leaf functions become roots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse recursion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the focus and show hidden functions again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched: %1 (%2 of total)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>focus: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Backspace, Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aggregating…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::views::SpanDetailsView</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to go to this span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This span is not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No span selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Span id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the parent span is not in the loaded data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 direct, %2 in the subtree</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::views::SpanTimelineWidget</name>
    <message>
        <source>Select a trace to see its spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n span(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>self time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in children</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Critical path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the spans that determine the trace&apos;s end-to-end latency (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find spans (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks spans whose name or service contains the text; Enter selects the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy span name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy span id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse below the root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration: %1 (self %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts at: +%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orphan: its parent span is not in the loaded data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::views::TopFunctionsModel</name>
    <message>
        <source>(root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flat %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cum %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::views::TopFunctionsView</name>
    <message>
        <source>Filter functions (regex)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::views::TraceListModel</name>
    <message>
        <source>Trace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spanfire::views::TraceListView</name>
    <message>
        <source>Only traces in which this service has spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only traces with a span whose name contains this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum trace duration, e.g. 250ms, 1.5s, 800us (a bare number is ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find trace id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hex trace id or its beginning; Enter selects it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All services</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 traces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trace id starts with “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
