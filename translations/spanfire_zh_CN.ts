<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>Distributed traces and CPU/memory profiles side by side.</source>
        <translation>并排查看分布式链路与 CPU/内存性能剖析。</translation>
    </message>
    <message>
        <source>Profiles and trace files to open.</source>
        <translation>要打开的性能剖析和链路文件。</translation>
    </message>
</context>
<context>
    <name>spanfire::app::AboutDialog</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1(使用 %2 构建)</translation>
    </message>
    <message>
        <source>About Spanfire</source>
        <translation>关于 Spanfire</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Spanfire %1&lt;/h2&gt;&lt;p&gt;Distributed traces and CPU/memory profiles side by side: trace list, span timeline, flame and icicle graphs, top functions.&lt;/p&gt;&lt;p&gt;Formats: pprof (raw, gzip, zstd), OTLP traces and profiles (JSON, protobuf), Jaeger JSON, Zipkin v2 JSON, folded stacks.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Spanfire %1&lt;/h2&gt;&lt;p&gt;并排查看分布式链路与 CPU/内存性能剖析:链路列表、Span 时间线、火焰图与冰柱图、热点函数。&lt;/p&gt;&lt;p&gt;格式:pprof(原始、gzip、zstd)、OTLP 链路与性能剖析(JSON、protobuf)、Jaeger JSON、Zipkin v2 JSON、折叠栈(folded stacks)。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Libraries&lt;/b&gt;</source>
        <translation>&lt;b&gt;库&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>spanfire::app::ExportActions</name>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Flame Graph...</source>
        <translation>火焰图(&amp;F)...</translation>
    </message>
    <message>
        <source>Export Flame Graph</source>
        <translation>导出火焰图</translation>
    </message>
    <message>
        <source>&amp;Icicle Graph...</source>
        <translation>冰柱图(&amp;I)...</translation>
    </message>
    <message>
        <source>Export Icicle Graph</source>
        <translation>导出冰柱图</translation>
    </message>
    <message>
        <source>&amp;Timeline...</source>
        <translation>时间线(&amp;T)...</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <source>F&amp;olded Stacks...</source>
        <translation>折叠栈(&amp;O)...</translation>
    </message>
    <message>
        <source>Export Folded Stacks</source>
        <translation>导出折叠栈</translation>
    </message>
    <message>
        <source>Folded stacks (*.folded *.txt)</source>
        <translation>折叠栈 (*.folded *.txt)</translation>
    </message>
    <message>
        <source>Selection as &amp;pprof...</source>
        <translation>将选区导出为 pprof(&amp;P)...</translation>
    </message>
    <message>
        <source>Export Selection as pprof</source>
        <translation>将选区导出为 pprof</translation>
    </message>
    <message>
        <source>pprof (*.pb.gz)</source>
        <translation>pprof (*.pb.gz)</translation>
    </message>
    <message>
        <source>Top Functions as &amp;CSV...</source>
        <translation>热点函数导出为 CSV(&amp;C)...</translation>
    </message>
    <message>
        <source>Export Top Functions</source>
        <translation>导出热点函数</translation>
    </message>
    <message>
        <source>Trace &amp;List as CSV...</source>
        <translation>链路列表导出为 CSV(&amp;L)...</translation>
    </message>
    <message>
        <source>Export Trace List</source>
        <translation>导出链路列表</translation>
    </message>
    <message>
        <source>Span &amp;Details as CSV...</source>
        <translation>Span 详情导出为 CSV(&amp;D)...</translation>
    </message>
    <message>
        <source>Export Span Details</source>
        <translation>导出 Span 详情</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1: no profile is shown</source>
        <translation>无法写入 %1:未显示性能剖析</translation>
    </message>
    <message>
        <source>Could not write %1: no trace is shown</source>
        <translation>无法写入 %1:未显示链路</translation>
    </message>
    <message>
        <source>Could not write %1: no profile is open</source>
        <translation>无法写入 %1:未打开性能剖析</translation>
    </message>
</context>
<context>
    <name>spanfire::app::Exports</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message>
        <source>Could not write %1: nothing to export (empty view)</source>
        <translation>无法写入 %1:没有可导出的内容(视图为空)</translation>
    </message>
    <message>
        <source>Exported from Spanfire</source>
        <translation>从 Spanfire 导出</translation>
    </message>
    <message>
        <source>Could not write %1: PNG encoding failed</source>
        <translation>无法写入 %1:PNG 编码失败</translation>
    </message>
    <message>
        <source>Could not write %1: unknown image type (use .png or .svg)</source>
        <translation>无法写入 %1:未知的图像类型(请使用 .png 或 .svg)</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>火焰图</translation>
    </message>
    <message>
        <source>Span timeline</source>
        <translation>Span 时间线</translation>
    </message>
</context>
<context>
    <name>spanfire::app::LinkingDocks</name>
    <message>
        <source>Select an operation to see the merged samples of all its spans</source>
        <translation>选择一个操作以查看其所有 Span 合并后的样本</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Show the root span&apos;s samples</source>
        <translation>显示根 Span 的样本</translation>
    </message>
    <message>
        <source>Only root spans are labelled in this profile: show the samples of this span&apos;s root</source>
        <translation>此性能剖析中只有根 Span 带有标签:显示此 Span 的根 Span 的样本</translation>
    </message>
    <message numerus="yes">
        <source>operation %1 (%n span(s))</source>
        <translation>
            <numerusform>操作 %1(%n 个 Span)</numerusform>
        </translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
</context>
<context>
    <name>spanfire::app::LoadJob</name>
    <message>
        <source>opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <source>reading traces</source>
        <translation>正在读取链路</translation>
    </message>
    <message>
        <source>merging traces</source>
        <translation>正在合并链路</translation>
    </message>
    <message>
        <source>reading OTLP profiles</source>
        <translation>正在读取 OTLP 性能剖析</translation>
    </message>
    <message>
        <source>reading folded stacks</source>
        <translation>正在读取折叠栈</translation>
    </message>
    <message>
        <source>reading pprof samples</source>
        <translation>正在读取 pprof 样本</translation>
    </message>
    <message>
        <source>reading pprof tables</source>
        <translation>正在读取 pprof 表</translation>
    </message>
    <message>
        <source>decompressing gzip and reading pprof samples</source>
        <translation>正在解压 gzip 并读取 pprof 样本</translation>
    </message>
    <message>
        <source>building the call tree</source>
        <translation>正在构建调用树</translation>
    </message>
    <message>
        <source>decompressing gzip</source>
        <translation>正在解压 gzip</translation>
    </message>
    <message>
        <source>decompressing zstd</source>
        <translation>正在解压 zstd</translation>
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
        <translation>停止加载 (Esc)</translation>
    </message>
    <message>
        <source>Loading %1/%2: %3</source>
        <translation>正在加载 %1/%2:%3</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>正在加载 %1</translation>
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
        <translation>已取消加载</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Span Details</source>
        <translation>Span 详情</translation>
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
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>性能剖析</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>性能剖析:</translation>
    </message>
    <message>
        <source>Several profiles are open; choose the one the profile view shows</source>
        <translation>已打开多个性能剖析;请选择性能剖析视图要显示的那个</translation>
    </message>
    <message>
        <source>Linking</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Span samples:</source>
        <translation>Span 样本:</translation>
    </message>
    <message>
        <source>With child spans</source>
        <translation>包含子 Span</translation>
    </message>
    <message>
        <source>Span only</source>
        <translation>仅此 Span</translation>
    </message>
    <message>
        <source>Exclusive (no child running)</source>
        <translation>独占(无子 Span 运行时)</translation>
    </message>
    <message>
        <source>Which samples the profile shows for the selected span</source>
        <translation>性能剖析为所选 Span 显示哪些样本</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be opened:</source>
        <translation>
            <numerusform>%n 个文件无法打开:</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open files</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Open Profiles and Traces</source>
        <translation>打开性能剖析和链路</translation>
    </message>
    <message>
        <source>Profiles and traces (*.pb *.pb.gz *.pprof *.gz *.zst *.json *.jsonl *.txt *.folded *.bin);;All files (*)</source>
        <translation>性能剖析和链路 (*.pb *.pb.gz *.pprof *.gz *.zst *.json *.jsonl *.txt *.folded *.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 个样本</translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation>时长 %1</translation>
    </message>
    <message>
        <source>%1 traces, %2 spans, %3 services</source>
        <translation>%1 条链路,%2 个 Span,%3 个服务</translation>
    </message>
    <message>
        <source>Drop pprof, OTLP, Jaeger, Zipkin or folded-stacks files here, or use File ▸ Open.</source>
        <translation>将 pprof、OTLP、Jaeger、Zipkin 或折叠栈文件拖放到这里,或使用 文件 ▸ 打开。</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 条警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Import warnings</source>
        <translation>导入警告</translation>
    </message>
    <message>
        <source>Some records could not be used. What was usable is shown.</source>
        <translation>部分记录无法使用。已显示可用的内容。</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>设置(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Go To</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Traces</source>
        <translation>链路(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>时间线(&amp;I)</translation>
    </message>
    <message>
        <source>Span &amp;Details</source>
        <translation>Span 详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Flame Graph</source>
        <translation>火焰图(&amp;F)</translation>
    </message>
    <message>
        <source>Profile &amp;Search</source>
        <translation>性能剖析搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>profile %1 (all samples)</source>
        <translation>profile %1（全部样本）</translation>
    </message>
    <message>
        <source>Compare with another open profile</source>
        <translation>与另一个已打开的 profile 比较</translation>
    </message>
</context>
<context>
    <name>spanfire::app::OperationsModel</name>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Span</translation>
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
        <translation>最大值</translation>
    </message>
    <message>
        <source>Linked samples</source>
        <translation>已关联样本</translation>
    </message>
</context>
<context>
    <name>spanfire::app::ProfilePanel</name>
    <message>
        <source>No profile loaded.
Drop pprof, OTLP profile or folded-stacks files on the window.</source>
        <translation>未加载性能剖析。
请将 pprof、OTLP 性能剖析或折叠栈文件拖放到窗口上。</translation>
    </message>
</context>
<context>
    <name>spanfire::app::SelectionHub</name>
    <message>
        <source>Profile and traces are not linked (no span ids or timestamps in the profile match these spans)</source>
        <translation>性能剖析与链路未关联(性能剖析中没有与这些 Span 匹配的 Span ID 或时间戳)</translation>
    </message>
    <message>
        <source>Linked by explicit sample links</source>
        <translation>通过显式样本链接关联</translation>
    </message>
    <message>
        <source>Linked by pprof label %1</source>
        <translation>通过 pprof 标签 %1 关联</translation>
    </message>
    <message>
        <source>Linked by time (approximate)</source>
        <translation>按时间关联(近似)</translation>
    </message>
    <message>
        <source>%1 of %2 samples</source>
        <translation>%2 个样本中的 %1 个</translation>
    </message>
    <message>
        <source>only root spans are labelled; child spans show their root&apos;s samples</source>
        <translation>只有根 Span 带有标签;子 Span 显示其根 Span 的样本</translation>
    </message>
    <message>
        <source>self</source>
        <translation>自身</translation>
    </message>
    <message>
        <source>with child spans</source>
        <translation>包含子 Span</translation>
    </message>
    <message>
        <source>exclusive</source>
        <translation>独占</translation>
    </message>
    <message>
        <source>span %1 (%2), %3</source>
        <translation>Span %1(%2),%3</translation>
    </message>
    <message>
        <source>Linking samples to spans…</source>
        <translation>正在将样本关联到 Span…</translation>
    </message>
    <message numerus="yes">
        <source>trace %1 (all %n span(s))</source>
        <translation>
            <numerusform>链路 %1(全部 %n 个 Span)</numerusform>
        </translation>
    </message>
    <message>
        <source>whole profile — span %1: %2</source>
        <translation>整个性能剖析 — Span %1:%2</translation>
    </message>
    <message>
        <source>linked by label %1</source>
        <translation>通过标签 %1 关联</translation>
    </message>
    <message>
        <source>linked by sample links</source>
        <translation>通过样本链接关联</translation>
    </message>
    <message>
        <source>linked by time (approximate)</source>
        <translation>按时间关联(近似)</translation>
    </message>
    <message>
        <source>whole profile</source>
        <translation>整个性能剖析</translation>
    </message>
    <message>
        <source>time range %1 ms</source>
        <translation>时间范围 %1 ms</translation>
    </message>
    <message>
        <source>no samples: the profile is not linked to these traces</source>
        <translation>无样本:性能剖析未与这些链路关联</translation>
    </message>
    <message>
        <source>no samples: only root spans are labelled in this profile (show the root span&apos;s samples)</source>
        <translation>无样本:此性能剖析中只有根 Span 带有标签(请查看根 Span 的样本)</translation>
    </message>
    <message>
        <source>no samples: the profile was not recording while this span ran</source>
        <translation>无样本:此 Span 运行期间性能剖析未在记录</translation>
    </message>
    <message>
        <source>no samples: the span is shorter than the sampling interval (expected %1 samples)</source>
        <translation>无样本:Span 短于采样间隔(预计 %1 个样本)</translation>
    </message>
    <message>
        <source>no samples: none recorded while it ran (expected %1; off CPU?)</source>
        <translation>无样本:运行期间未记录到样本(预计 %1;不在 CPU 上?)</translation>
    </message>
    <message>
        <source>no samples: none recorded while it ran (off CPU?)</source>
        <translation>无样本:运行期间未记录到样本(不在 CPU 上?)</translation>
    </message>
    <message numerus="yes">
        <source>%n linked sample(s)</source>
        <translation>
            <numerusform>%n 个已关联样本</numerusform>
        </translation>
    </message>
    <message>
        <source>(expected ≈ %1 from duration × rate)</source>
        <translation>(按时长 × 采样率预计 ≈ %1)</translation>
    </message>
    <message>
        <source>profile not linked: whole profile shown</source>
        <translation>性能剖析未关联:显示整个性能剖析</translation>
    </message>
    <message>
        <source>Samples in %1</source>
        <translation>%1 中的样本</translation>
    </message>
    <message>
        <source>Compare with every span of this operation</source>
        <translation>与此操作的所有 span 比较</translation>
    </message>
    <message>
        <source>Baseline: the samples of all spans with the selected span&apos;s service and name</source>
        <translation>基准：与所选 span 服务和名称相同的所有 span 的样本</translation>
    </message>
    <message numerus="yes">
        <source>every %1 span of %2 (%n span(s), %3)</source>
        <translation>
            <numerusform>%2 的所有 %1 span（%n 个 span，%3）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spanfire::app::SessionController</name>
    <message>
        <source>Note: %1</source>
        <translation>备注:%1</translation>
    </message>
    <message>
        <source>Open &amp;Session...</source>
        <translation>打开会话(&amp;S)...</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Spanfire sessions (*.spanfire);;All files (*)</source>
        <translation>Spanfire 会话 (*.spanfire);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not open session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Sa&amp;ve Session...</source>
        <translation>保存会话(&amp;V)...</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Spanfire sessions (*.spanfire)</source>
        <translation>Spanfire 会话 (*.spanfire)</translation>
    </message>
    <message>
        <source>Could not save session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Session saved to %1</source>
        <translation>会话已保存到 %1</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Copy Selected Span &amp;Id</source>
        <translation>复制所选 Span 的 ID(&amp;I)</translation>
    </message>
    <message>
        <source>Copy Selected &amp;Function Name</source>
        <translation>复制所选函数名(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Note on Selected Span...</source>
        <translation>为所选 Span 添加备注(&amp;N)...</translation>
    </message>
    <message>
        <source>span %1</source>
        <translation>Span %1</translation>
    </message>
    <message>
        <source>Note on Selected F&amp;unction...</source>
        <translation>为所选函数添加备注(&amp;U)...</translation>
    </message>
    <message>
        <source>function %1</source>
        <translation>函数 %1</translation>
    </message>
    <message>
        <source>Select a span or function first</source>
        <translation>请先选择一个 Span 或函数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note on %1:</source>
        <translation>%1 的备注:</translation>
    </message>
</context>
<context>
    <name>spanfire::app::SessionFile</name>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>字符串数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be %3</source>
        <translation>%1:&quot;%2&quot; 必须是%3</translation>
    </message>
    <message>
        <source>%1: not a valid session file: %2 at byte %3</source>
        <translation>%1:不是有效的会话文件:第 %3 字节处 %2</translation>
    </message>
    <message>
        <source>%1: not a Spanfire session (no &quot;%2&quot; key)</source>
        <translation>%1:不是 Spanfire 会话(缺少 &quot;%2&quot; 键)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a positive integer version</source>
        <translation>%1:&quot;%2&quot; 必须是正整数版本号</translation>
    </message>
    <message>
        <source>%1: session version %2 is newer than this Spanfire supports (%3); please update Spanfire</source>
        <translation>%1:会话版本 %2 高于此 Spanfire 支持的版本(%3);请更新 Spanfire</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>字符串对象</translation>
    </message>
    <message>
        <source>%1: cannot open session file: %2</source>
        <translation>%1:无法打开会话文件:%2</translation>
    </message>
    <message>
        <source>%1: session file too large</source>
        <translation>%1:会话文件过大</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
</context>
<context>
    <name>spanfire::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>pprof label keys that hold span ids, one per line, tried in order</source>
        <translation>存放 Span ID 的 pprof 标签键,每行一个,按顺序尝试</translation>
    </message>
    <message>
        <source>Span &amp;label keys:</source>
        <translation>Span 标签键(&amp;L):</translation>
    </message>
    <message>
        <source>Folders searched for debug information when symbolizing profiles</source>
        <translation>符号化性能剖析时搜索调试信息的文件夹</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>添加(&amp;A)...</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Debug folders:</source>
        <translation>调试文件夹(&amp;D):</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Colour scheme:</source>
        <translation>配色方案(&amp;C):</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>语言(&amp;A):</translation>
    </message>
    <message>
        <source>A new language takes effect when Spanfire is started again.</source>
        <translation>新语言将在下次启动 Spanfire 时生效。</translation>
    </message>
    <message>
        <source>Sample type shown first when a profile has it, e.g. cpu or alloc_space; empty = the profile&apos;s own default</source>
        <translation>性能剖析包含该样本类型时优先显示,例如 cpu 或 alloc_space;留空 = 使用性能剖析自身的默认值</translation>
    </message>
    <message>
        <source>Default &amp;sample type:</source>
        <translation>默认样本类型(&amp;S):</translation>
    </message>
    <message>
        <source>Debug Folder</source>
        <translation>调试文件夹</translation>
    </message>
</context>
<context>
    <name>spanfire::app::ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>火焰图</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Move between frames</source>
        <translation>在帧之间移动</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <source>Zoom into the focused frame</source>
        <translation>放大到当前焦点帧</translation>
    </message>
    <message>
        <source>Zoom back</source>
        <translation>缩放后退</translation>
    </message>
    <message>
        <source>Reset zoom / clear search</source>
        <translation>重置缩放 / 清除搜索</translation>
    </message>
    <message>
        <source>Search spans</source>
        <translation>搜索 Span</translation>
    </message>
    <message>
        <source>Next / previous match</source>
        <translation>下一个 / 上一个匹配</translation>
    </message>
    <message>
        <source>Zoom in / out</source>
        <translation>放大 / 缩小</translation>
    </message>
    <message>
        <source>Pan left / right</source>
        <translation>向左 / 向右平移</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Toggle critical path</source>
        <translation>切换关键路径</translation>
    </message>
    <message>
        <source>Previous / next span</source>
        <translation>上一个 / 下一个 Span</translation>
    </message>
    <message>
        <source>Page up / down, last span</source>
        <translation>向上 / 向下翻页,最后一个 Span</translation>
    </message>
    <message>
        <source>Collapse / parent span, expand / child span</source>
        <translation>折叠 / 父 Span,展开 / 子 Span</translation>
    </message>
    <message>
        <source>Zoom to the selected span</source>
        <translation>缩放到所选 Span</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>spanfire::views::ActivityChart</name>
    <message>
        <source>Whole profile</source>
        <translation>整个性能剖析</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>选区</translation>
    </message>
    <message>
        <source>Drag across the chart to show only the samples of that time range; click to clear</source>
        <translation>在图表上拖动以只显示该时间范围内的样本;单击可清除</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>无性能剖析</translation>
    </message>
    <message>
        <source>This profile&apos;s samples carry no timestamps; select a linked trace to see its samples along the trace</source>
        <translation>此 profile 的样本没有时间戳；请选择一个已关联的 trace，以查看其沿 trace 分布的样本</translation>
    </message>
    <message>
        <source>Whole trace</source>
        <translation>整个 trace</translation>
    </message>
    <message>
        <source>samples/s</source>
        <translation>样本/秒</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source> µs</source>
        <translation> 微秒</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/秒</translation>
    </message>
    <message>
        <source>time from profile start</source>
        <translation>自 profile 开始的时间</translation>
    </message>
    <message>
        <source>Samples per second from the profile&apos;s start; drag to filter the flame graph</source>
        <translation>自 profile 开始的每秒样本数；拖动以筛选火焰图</translation>
    </message>
    <message>
        <source>Samples per second along the trace, from its start (no sample timestamps: each span&apos;s samples spread over its duration)</source>
        <translation>沿 trace 的每秒样本数，自其开始（样本无时间戳：每个 span 的样本均匀分布在其持续时间内）</translation>
    </message>
    <message>
        <source>time from trace start</source>
        <translation>自 trace 开始的时间</translation>
    </message>
</context>
<context>
    <name>spanfire::views::CallerCalleeView</name>
    <message>
        <source>Callers</source>
        <translation>调用者</translation>
    </message>
    <message>
        <source>Callees</source>
        <translation>被调用者</translation>
    </message>
    <message>
        <source>Choose a function in the graph or the table to see its callers and callees.</source>
        <translation>在图或表中选择一个函数以查看其调用者和被调用者。</translation>
    </message>
    <message>
        <source>%1 — flat %2 (%3), cum %4 (%5)</source>
        <translation>%1 — flat %2(%3),cum %4(%5)</translation>
    </message>
    <message>
        <source>baseline: cum %1</source>
        <translation>基准：Cum %1</translation>
    </message>
</context>
<context>
    <name>spanfire::views::FlameGraphWidget</name>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(未知)</translation>
    </message>
    <message>
        <source>%1 frames too narrow to show (zoom in to see them)
total: %2 (%3 of total)</source>
        <translation>%1 个帧过窄无法显示(放大即可看到)
总计:%2(占总量的 %3)</translation>
    </message>
    <message>
        <source>module: %1</source>
        <translation>模块:%1</translation>
    </message>
    <message>
        <source>(inlined)</source>
        <translation>(内联)</translation>
    </message>
    <message>
        <source>self: %1 (%2 of total)</source>
        <translation>自身:%1(占总量的 %2)</translation>
    </message>
    <message>
        <source>total: %1 (%2 of total</source>
        <translation>总计:%1(占总量的 %2</translation>
    </message>
    <message>
        <source>, %1 of parent</source>
        <translation>,占父节点的 %1</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Focus on</source>
        <translation>聚焦于</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>baseline: total %1 (%2 of the baseline), self %3</source>
        <translation>基准：总计 %1（占基准 %2），自身 %3</translation>
    </message>
    <message>
        <source>change: +%1 percentage points (not in the baseline)</source>
        <translation>变化：+%1 个百分点（基准中没有）</translation>
    </message>
    <message>
        <source>change: %1%2 percentage points of the total</source>
        <translation>变化：占总量 %1%2 个百分点</translation>
    </message>
</context>
<context>
    <name>spanfire::views::ProfileView</name>
    <message>
        <source>Sample type</source>
        <translation>样本类型</translation>
    </message>
    <message>
        <source>Search functions (regex, Ctrl+F)</source>
        <translation>搜索函数(正则表达式,Ctrl+F)</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Case-sensitive search</source>
        <translation>区分大小写搜索</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>火焰图</translation>
    </message>
    <message>
        <source>Icicle graph</source>
        <translation>冰柱图</translation>
    </message>
    <message>
        <source>Bottom-up</source>
        <translation>自底向上</translation>
    </message>
    <message>
        <source>Invert the stacks: leaf functions become roots</source>
        <translation>反转调用栈:叶子函数成为根</translation>
    </message>
    <message>
        <source>Collapse recursion</source>
        <translation>折叠递归</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Remove the focus and show hidden functions again</source>
        <translation>取消聚焦并重新显示隐藏的函数</translation>
    </message>
    <message>
        <source>invalid regular expression</source>
        <translation>无效的正则表达式</translation>
    </message>
    <message>
        <source>matched: %1 (%2 of total)</source>
        <translation>匹配:%1(占总量的 %2)</translation>
    </message>
    <message>
        <source>No profile loaded</source>
        <translation>未加载性能剖析</translation>
    </message>
    <message>
        <source>whole profile</source>
        <translation>整个性能剖析</translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation>1 个样本</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 个样本</translation>
    </message>
    <message>
        <source>%1 of profile</source>
        <translation>占性能剖析的 %1</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>总计 %1</translation>
    </message>
    <message>
        <source>focus: %1</source>
        <translation>聚焦:%1</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>已隐藏 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Back (Backspace, Alt+Left)</source>
        <translation>返回(Backspace,Alt+左)</translation>
    </message>
    <message>
        <source>aggregating…</source>
        <translation>正在聚合…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare these samples with a baseline: frames are coloured red where their share grew, blue where it shrank</source>
        <translation>将这些样本与基准比较：占比增加的帧显示为红色，减少的显示为蓝色</translation>
    </message>
    <message>
        <source>Use the samples shown now as the baseline</source>
        <translation>将当前显示的样本作为基准</translation>
    </message>
    <message>
        <source>Compare with the whole profile</source>
        <translation>与整个 profile 比较</translation>
    </message>
    <message>
        <source>Stop comparing</source>
        <translation>停止比较</translation>
    </message>
    <message>
        <source>Compared with: %1 (%2)</source>
        <translation>比较对象：%1（%2）</translation>
    </message>
    <message>
        <source>the baseline has no samples: nothing to compare</source>
        <translation>基准没有样本：无可比较</translation>
    </message>
    <message>
        <source>no samples shown: nothing to compare</source>
        <translation>未显示样本：无可比较</translation>
    </message>
    <message>
        <source>red: larger share than in the baseline, blue: smaller (up to %1 percentage points)</source>
        <translation>红色：占比高于基准，蓝色：低于基准（最多 %1 个百分点）</translation>
    </message>
    <message>
        <source>%1 of the baseline is in stacks not shown here</source>
        <translation>基准中有 %1 位于此处未显示的调用栈中</translation>
    </message>
    <message>
        <source>Compared with: %1 — it has no %2 samples: nothing to compare</source>
        <translation>比较对象：%1 — 它没有 %2 样本：无可比较</translation>
    </message>
</context>
<context>
    <name>spanfire::views::SpanDetailsView</name>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Click to go to this span</source>
        <translation>点击跳转到此 Span</translation>
    </message>
    <message>
        <source>This span is not loaded</source>
        <translation>此 Span 未加载</translation>
    </message>
    <message>
        <source>No span selected</source>
        <translation>未选择 Span</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>状态消息</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>+%1 (%2)</source>
        <translation>+%1(%2)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>自身耗时</translation>
    </message>
    <message>
        <source>Span id</source>
        <translation>Span ID</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>链路 ID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父 Span</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1(缺失)</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>孤立</translation>
    </message>
    <message>
        <source>the parent span is not in the loaded data</source>
        <translation>父 Span 不在已加载的数据中</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>作用域</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>事件(%1)</translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation>链接(%1)</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>链接 %1</translation>
    </message>
    <message>
        <source>Trace state</source>
        <translation>链路状态</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子 Span</translation>
    </message>
    <message>
        <source>%1 direct, %2 in the subtree</source>
        <translation>直接 %1 个,子树中 %2 个</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>性能剖析</translation>
    </message>
</context>
<context>
    <name>spanfire::views::SpanTimelineWidget</name>
    <message>
        <source>Select a trace to see its spans</source>
        <translation>选择一条链路以查看其 Span</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n span(s)</source>
        <translation>
            <numerusform>%1 · %n 个 Span</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n 个服务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>self time</source>
        <translation>自身耗时</translation>
    </message>
    <message>
        <source>in children</source>
        <translation>子 Span 中</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Critical path</source>
        <translation>关键路径</translation>
    </message>
    <message>
        <source>Highlight the spans that determine the trace&apos;s end-to-end latency (C)</source>
        <translation>高亮决定链路端到端延迟的 Span(C)</translation>
    </message>
    <message>
        <source>Find spans (Ctrl+F)</source>
        <translation>查找 Span(Ctrl+F)</translation>
    </message>
    <message>
        <source>Marks spans whose name or service contains the text; Enter selects the next one</source>
        <translation>标记名称或服务包含该文本的 Span;按 Enter 选择下一个</translation>
    </message>
    <message>
        <source>Zoom to span</source>
        <translation>缩放到 Span</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>展开</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>折叠</translation>
    </message>
    <message>
        <source>Copy span name</source>
        <translation>复制 Span 名称</translation>
    </message>
    <message>
        <source>Copy span id</source>
        <translation>复制 Span ID</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <source>Collapse below the root</source>
        <translation>折叠根以下的 Span</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Duration: %1 (self %2)</source>
        <translation>时长:%1(自身 %2)</translation>
    </message>
    <message>
        <source>Starts at: +%1</source>
        <translation>开始于:+%1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation>位于关键路径上</translation>
    </message>
    <message>
        <source>Orphan: its parent span is not in the loaded data</source>
        <translation>孤立:其父 Span 不在已加载的数据中</translation>
    </message>
</context>
<context>
    <name>spanfire::views::TopFunctionsModel</name>
    <message>
        <source>(root)</source>
        <translation>(根)</translation>
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
        <translation>函数</translation>
    </message>
    <message>
        <source>Cum %1 of the shown samples, %2 of the baseline</source>
        <translation>Cum：占所显示样本 %1，占基准 %2</translation>
    </message>
    <message>
        <source>Change of the cumulative share against the baseline, in percentage points</source>
        <translation>累计占比相对基准的变化（百分点）</translation>
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
        <translation>筛选函数(正则表达式)</translation>
    </message>
</context>
<context>
    <name>spanfire::views::TraceListModel</name>
    <message>
        <source>Trace %1</source>
        <translation>链路 %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Root service</source>
        <translation>根服务</translation>
    </message>
    <message>
        <source>Root operation</source>
        <translation>根操作</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>spanfire::views::TraceListView</name>
    <message>
        <source>Only traces in which this service has spans</source>
        <translation>仅显示该服务有 Span 的链路</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Only traces with a span whose name contains this text</source>
        <translation>仅显示含有名称包含此文本的 Span 的链路</translation>
    </message>
    <message>
        <source>Min duration</source>
        <translation>最短时长</translation>
    </message>
    <message>
        <source>Minimum trace duration, e.g. 250ms, 1.5s, 800us (a bare number is ms)</source>
        <translation>链路的最短时长,例如 250ms、1.5s、800us(纯数字表示 ms)</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Find trace id</source>
        <translation>查找链路 ID</translation>
    </message>
    <message>
        <source>Hex trace id or its beginning; Enter selects it</source>
        <translation>十六进制链路 ID 或其开头部分;按 Enter 选择</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>所有服务</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation>
            <numerusform>%n 条链路</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 traces</source>
        <translation>%2 条链路中的 %1 条</translation>
    </message>
    <message>
        <source>No trace id starts with “%1”</source>
        <translation>没有以“%1”开头的链路 ID</translation>
    </message>
</context>
</TS>
