<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>main</name>
    <message>
        <source>Distributed traces and CPU/memory profiles side by side.</source>
        <translation>分散トレースと CPU/メモリのプロファイルを並べて表示します。</translation>
    </message>
    <message>
        <source>Profiles and trace files to open.</source>
        <translation>開くプロファイルとトレースファイル。</translation>
    </message>
</context>
<context>
    <name>spanfire::app::AboutDialog</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (%2 でビルド)</translation>
    </message>
    <message>
        <source>About Spanfire</source>
        <translation>Spanfire について</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Spanfire %1&lt;/h2&gt;&lt;p&gt;Distributed traces and CPU/memory profiles side by side: trace list, span timeline, flame and icicle graphs, top functions.&lt;/p&gt;&lt;p&gt;Formats: pprof (raw, gzip, zstd), OTLP traces and profiles (JSON, protobuf), Jaeger JSON, Zipkin v2 JSON, folded stacks.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Spanfire %1&lt;/h2&gt;&lt;p&gt;分散トレースと CPU/メモリのプロファイルを並べて表示: トレース一覧、スパンのタイムライン、フレームグラフとアイシクルグラフ、トップ関数。&lt;/p&gt;&lt;p&gt;形式: pprof (raw、gzip、zstd)、OTLP トレースとプロファイル (JSON、protobuf)、Jaeger JSON、Zipkin v2 JSON、folded stacks。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Libraries&lt;/b&gt;</source>
        <translation>&lt;b&gt;ライブラリ&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>spanfire::app::ExportActions</name>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Flame Graph...</source>
        <translation>フレームグラフ(&amp;F)...</translation>
    </message>
    <message>
        <source>Export Flame Graph</source>
        <translation>フレームグラフをエクスポート</translation>
    </message>
    <message>
        <source>&amp;Icicle Graph...</source>
        <translation>アイシクルグラフ(&amp;I)...</translation>
    </message>
    <message>
        <source>Export Icicle Graph</source>
        <translation>アイシクルグラフをエクスポート</translation>
    </message>
    <message>
        <source>&amp;Timeline...</source>
        <translation>タイムライン(&amp;T)...</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>タイムラインをエクスポート</translation>
    </message>
    <message>
        <source>F&amp;olded Stacks...</source>
        <translation>folded stacks(&amp;O)...</translation>
    </message>
    <message>
        <source>Export Folded Stacks</source>
        <translation>folded stacks をエクスポート</translation>
    </message>
    <message>
        <source>Folded stacks (*.folded *.txt)</source>
        <translation>folded stacks (*.folded *.txt)</translation>
    </message>
    <message>
        <source>Selection as &amp;pprof...</source>
        <translation>選択範囲を pprof で(&amp;P)...</translation>
    </message>
    <message>
        <source>Export Selection as pprof</source>
        <translation>選択範囲を pprof でエクスポート</translation>
    </message>
    <message>
        <source>pprof (*.pb.gz)</source>
        <translation>pprof (*.pb.gz)</translation>
    </message>
    <message>
        <source>Top Functions as &amp;CSV...</source>
        <translation>トップ関数を CSV で(&amp;C)...</translation>
    </message>
    <message>
        <source>Export Top Functions</source>
        <translation>トップ関数をエクスポート</translation>
    </message>
    <message>
        <source>Trace &amp;List as CSV...</source>
        <translation>トレース一覧を CSV で(&amp;L)...</translation>
    </message>
    <message>
        <source>Export Trace List</source>
        <translation>トレース一覧をエクスポート</translation>
    </message>
    <message>
        <source>Span &amp;Details as CSV...</source>
        <translation>スパンの詳細を CSV で(&amp;D)...</translation>
    </message>
    <message>
        <source>Export Span Details</source>
        <translation>スパンの詳細をエクスポート</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 をエクスポートしました</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Could not write %1: no profile is shown</source>
        <translation>%1 を書き込めませんでした: プロファイルが表示されていません</translation>
    </message>
    <message>
        <source>Could not write %1: no trace is shown</source>
        <translation>%1 を書き込めませんでした: トレースが表示されていません</translation>
    </message>
    <message>
        <source>Could not write %1: no profile is open</source>
        <translation>%1 を書き込めませんでした: プロファイルが開かれていません</translation>
    </message>
</context>
<context>
    <name>spanfire::app::Exports</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 を書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Could not write %1: nothing to export (empty view)</source>
        <translation>%1 を書き込めませんでした: エクスポートする内容がありません (空のビュー)</translation>
    </message>
    <message>
        <source>Exported from Spanfire</source>
        <translation>Spanfire からエクスポート</translation>
    </message>
    <message>
        <source>Could not write %1: PNG encoding failed</source>
        <translation>%1 を書き込めませんでした: PNG のエンコードに失敗しました</translation>
    </message>
    <message>
        <source>Could not write %1: unknown image type (use .png or .svg)</source>
        <translation>%1 を書き込めませんでした: 不明な画像形式です (.png か .svg を使ってください)</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>フレームグラフ</translation>
    </message>
    <message>
        <source>Span timeline</source>
        <translation>スパンのタイムライン</translation>
    </message>
</context>
<context>
    <name>spanfire::app::LinkingDocks</name>
    <message>
        <source>Select an operation to see the merged samples of all its spans</source>
        <translation>操作を選ぶと、そのすべてのスパンのサンプルをまとめて表示します</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <source>Show the root span&apos;s samples</source>
        <translation>ルートスパンのサンプルを表示</translation>
    </message>
    <message>
        <source>Only root spans are labelled in this profile: show the samples of this span&apos;s root</source>
        <translation>このプロファイルではルートスパンにのみラベルがあります: このスパンのルートのサンプルを表示します</translation>
    </message>
    <message numerus="yes">
        <source>operation %1 (%n span(s))</source>
        <translation>
            <numerusform>操作 %1 (%n スパン)</numerusform>
        </translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>アクティビティ</translation>
    </message>
</context>
<context>
    <name>spanfire::app::LoadJob</name>
    <message>
        <source>opening</source>
        <translation>開いています</translation>
    </message>
    <message>
        <source>reading traces</source>
        <translation>トレースを読み込んでいます</translation>
    </message>
    <message>
        <source>merging traces</source>
        <translation>トレースを結合しています</translation>
    </message>
    <message>
        <source>reading OTLP profiles</source>
        <translation>OTLP プロファイルを読み込んでいます</translation>
    </message>
    <message>
        <source>reading folded stacks</source>
        <translation>folded stacks を読み込んでいます</translation>
    </message>
    <message>
        <source>reading pprof samples</source>
        <translation>pprof サンプルを読み込んでいます</translation>
    </message>
    <message>
        <source>reading pprof tables</source>
        <translation>pprof テーブルを読み込んでいます</translation>
    </message>
    <message>
        <source>decompressing gzip and reading pprof samples</source>
        <translation>gzip を展開して pprof サンプルを読み込んでいます</translation>
    </message>
    <message>
        <source>building the call tree</source>
        <translation>コールツリーを構築しています</translation>
    </message>
    <message>
        <source>decompressing gzip</source>
        <translation>gzip を展開しています</translation>
    </message>
    <message>
        <source>decompressing zstd</source>
        <translation>zstd を展開しています</translation>
    </message>
</context>
<context>
    <name>spanfire::app::LoadProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation>読み込みを中止 (Esc)</translation>
    </message>
    <message>
        <source>Loading %1/%2: %3</source>
        <translation>読み込み中 %1/%2: %3</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>%1 を読み込み中</translation>
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
        <translation>読み込みを中止しました</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>トレース</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Span Details</source>
        <translation>スパンの詳細</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>開く(&amp;O)...</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close All</source>
        <translation>すべて閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Spanfire</source>
        <translation>Spanfire について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>プロファイル:</translation>
    </message>
    <message>
        <source>Several profiles are open; choose the one the profile view shows</source>
        <translation>複数のプロファイルが開かれています。プロファイルビューに表示するものを選んでください</translation>
    </message>
    <message>
        <source>Linking</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>Span samples:</source>
        <translation>スパンのサンプル:</translation>
    </message>
    <message>
        <source>With child spans</source>
        <translation>子スパンを含む</translation>
    </message>
    <message>
        <source>Span only</source>
        <translation>このスパンのみ</translation>
    </message>
    <message>
        <source>Exclusive (no child running)</source>
        <translation>排他 (子が実行中でない間)</translation>
    </message>
    <message>
        <source>Which samples the profile shows for the selected span</source>
        <translation>選択したスパンについてプロファイルに表示するサンプル</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be opened:</source>
        <translation>
            <numerusform>%n 個のファイルを開けませんでした:</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open files</source>
        <translation>ファイルを開けませんでした</translation>
    </message>
    <message>
        <source>Open Profiles and Traces</source>
        <translation>プロファイルとトレースを開く</translation>
    </message>
    <message>
        <source>Profiles and traces (*.pb *.pb.gz *.pprof *.gz *.zst *.json *.jsonl *.txt *.folded *.bin);;All files (*)</source>
        <translation>プロファイルとトレース (*.pb *.pb.gz *.pprof *.gz *.zst *.json *.jsonl *.txt *.folded *.bin);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>最近使ったファイルはありません</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>リストを消去</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 サンプル</translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation>期間 %1</translation>
    </message>
    <message>
        <source>%1 traces, %2 spans, %3 services</source>
        <translation>%1 トレース、%2 スパン、%3 サービス</translation>
    </message>
    <message>
        <source>Drop pprof, OTLP, Jaeger, Zipkin or folded-stacks files here, or use File ▸ Open.</source>
        <translation>pprof、OTLP、Jaeger、Zipkin、folded stacks のファイルをここにドロップするか、ファイル ▸ 開く を使ってください。</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 件の警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Import warnings</source>
        <translation>インポートの警告</translation>
    </message>
    <message>
        <source>Some records could not be used. What was usable is shown.</source>
        <translation>一部のレコードは使用できませんでした。使用できたものを表示しています。</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>設定(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Go To</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Traces</source>
        <translation>トレース(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>タイムライン(&amp;I)</translation>
    </message>
    <message>
        <source>Span &amp;Details</source>
        <translation>スパンの詳細(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Flame Graph</source>
        <translation>フレームグラフ(&amp;F)</translation>
    </message>
    <message>
        <source>Profile &amp;Search</source>
        <translation>プロファイルを検索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>profile %1 (all samples)</source>
        <translation>プロファイル %1 (全サンプル)</translation>
    </message>
    <message>
        <source>Compare with another open profile</source>
        <translation>開いている別のプロファイルと比較</translation>
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
        <translation>サービス</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>スパン</translation>
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
        <translation>最大</translation>
    </message>
    <message>
        <source>Linked samples</source>
        <translation>リンクされたサンプル</translation>
    </message>
</context>
<context>
    <name>spanfire::app::ProfilePanel</name>
    <message>
        <source>No profile loaded.
Drop pprof, OTLP profile or folded-stacks files on the window.</source>
        <translation>プロファイルが読み込まれていません。
pprof、OTLP プロファイル、folded stacks のファイルをウィンドウにドロップしてください。</translation>
    </message>
</context>
<context>
    <name>spanfire::app::SelectionHub</name>
    <message>
        <source>Profile and traces are not linked (no span ids or timestamps in the profile match these spans)</source>
        <translation>プロファイルとトレースはリンクされていません (プロファイル内のスパン ID やタイムスタンプがこれらのスパンと一致しません)</translation>
    </message>
    <message>
        <source>Linked by explicit sample links</source>
        <translation>明示的なサンプルリンクでリンク</translation>
    </message>
    <message>
        <source>Linked by pprof label %1</source>
        <translation>pprof ラベル %1 でリンク</translation>
    </message>
    <message>
        <source>Linked by time (approximate)</source>
        <translation>時刻でリンク (近似)</translation>
    </message>
    <message>
        <source>%1 of %2 samples</source>
        <translation>%2 サンプル中 %1</translation>
    </message>
    <message>
        <source>only root spans are labelled; child spans show their root&apos;s samples</source>
        <translation>ラベルはルートスパンにのみ付いています。子スパンにはルートのサンプルが表示されます</translation>
    </message>
    <message>
        <source>self</source>
        <translation>セルフ</translation>
    </message>
    <message>
        <source>with child spans</source>
        <translation>子スパンを含む</translation>
    </message>
    <message>
        <source>exclusive</source>
        <translation>排他</translation>
    </message>
    <message>
        <source>span %1 (%2), %3</source>
        <translation>スパン %1 (%2)、%3</translation>
    </message>
    <message>
        <source>Linking samples to spans…</source>
        <translation>サンプルをスパンにリンクしています…</translation>
    </message>
    <message numerus="yes">
        <source>trace %1 (all %n span(s))</source>
        <translation>
            <numerusform>トレース %1 (全 %n スパン)</numerusform>
        </translation>
    </message>
    <message>
        <source>whole profile — span %1: %2</source>
        <translation>プロファイル全体 — スパン %1: %2</translation>
    </message>
    <message>
        <source>linked by label %1</source>
        <translation>ラベル %1 でリンク</translation>
    </message>
    <message>
        <source>linked by sample links</source>
        <translation>サンプルリンクでリンク</translation>
    </message>
    <message>
        <source>linked by time (approximate)</source>
        <translation>時刻でリンク (近似)</translation>
    </message>
    <message>
        <source>whole profile</source>
        <translation>プロファイル全体</translation>
    </message>
    <message>
        <source>time range %1 ms</source>
        <translation>時間範囲 %1 ms</translation>
    </message>
    <message>
        <source>no samples: the profile is not linked to these traces</source>
        <translation>サンプルなし: プロファイルはこれらのトレースにリンクされていません</translation>
    </message>
    <message>
        <source>no samples: only root spans are labelled in this profile (show the root span&apos;s samples)</source>
        <translation>サンプルなし: このプロファイルではルートスパンにのみラベルがあります (ルートスパンのサンプルを表示してください)</translation>
    </message>
    <message>
        <source>no samples: the profile was not recording while this span ran</source>
        <translation>サンプルなし: このスパンの実行中、プロファイルは記録していませんでした</translation>
    </message>
    <message>
        <source>no samples: the span is shorter than the sampling interval (expected %1 samples)</source>
        <translation>サンプルなし: スパンがサンプリング間隔より短いです (期待値 %1 サンプル)</translation>
    </message>
    <message>
        <source>no samples: none recorded while it ran (expected %1; off CPU?)</source>
        <translation>サンプルなし: 実行中に記録されていません (期待値 %1、CPU 外?)</translation>
    </message>
    <message>
        <source>no samples: none recorded while it ran (off CPU?)</source>
        <translation>サンプルなし: 実行中に記録されていません (CPU 外?)</translation>
    </message>
    <message numerus="yes">
        <source>%n linked sample(s)</source>
        <translation>
            <numerusform>リンクされたサンプル %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>(expected ≈ %1 from duration × rate)</source>
        <translation>(期間 × レートからの期待値 ≈ %1)</translation>
    </message>
    <message>
        <source>profile not linked: whole profile shown</source>
        <translation>プロファイルはリンクされていません: プロファイル全体を表示しています</translation>
    </message>
    <message>
        <source>Samples in %1</source>
        <translation>%1 のサンプル</translation>
    </message>
    <message>
        <source>Compare with every span of this operation</source>
        <translation>この操作のすべてのスパンと比較</translation>
    </message>
    <message>
        <source>Baseline: the samples of all spans with the selected span&apos;s service and name</source>
        <translation>比較基準: 選択したスパンと同じサービスと名前を持つすべてのスパンのサンプル</translation>
    </message>
    <message numerus="yes">
        <source>every %1 span of %2 (%n span(s), %3)</source>
        <translation>
            <numerusform>%2 のすべての %1 スパン (%n スパン、%3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spanfire::app::SessionController</name>
    <message>
        <source>Note: %1</source>
        <translation>メモ: %1</translation>
    </message>
    <message>
        <source>Open &amp;Session...</source>
        <translation>セッションを開く(&amp;S)...</translation>
    </message>
    <message>
        <source>Open Session</source>
        <translation>セッションを開く</translation>
    </message>
    <message>
        <source>Spanfire sessions (*.spanfire);;All files (*)</source>
        <translation>Spanfire セッション (*.spanfire);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Could not open session</source>
        <translation>セッションを開けませんでした</translation>
    </message>
    <message>
        <source>Sa&amp;ve Session...</source>
        <translation>セッションを保存(&amp;V)...</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>セッションを保存</translation>
    </message>
    <message>
        <source>Spanfire sessions (*.spanfire)</source>
        <translation>Spanfire セッション (*.spanfire)</translation>
    </message>
    <message>
        <source>Could not save session</source>
        <translation>セッションを保存できませんでした</translation>
    </message>
    <message>
        <source>Session saved to %1</source>
        <translation>セッションを %1 に保存しました</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>Copy Selected Span &amp;Id</source>
        <translation>選択したスパンの ID をコピー(&amp;I)</translation>
    </message>
    <message>
        <source>Copy Selected &amp;Function Name</source>
        <translation>選択した関数名をコピー(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Note on Selected Span...</source>
        <translation>選択したスパンにメモ(&amp;N)...</translation>
    </message>
    <message>
        <source>span %1</source>
        <translation>スパン %1</translation>
    </message>
    <message>
        <source>Note on Selected F&amp;unction...</source>
        <translation>選択した関数にメモ(&amp;U)...</translation>
    </message>
    <message>
        <source>function %1</source>
        <translation>関数 %1</translation>
    </message>
    <message>
        <source>Select a span or function first</source>
        <translation>先にスパンか関数を選択してください</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Note on %1:</source>
        <translation>%1 へのメモ:</translation>
    </message>
</context>
<context>
    <name>spanfire::app::SessionFile</name>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>文字列の配列</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be %3</source>
        <translation>%1: &quot;%2&quot; は %3 でなければなりません</translation>
    </message>
    <message>
        <source>%1: not a valid session file: %2 at byte %3</source>
        <translation>%1: 有効なセッションファイルではありません: バイト %3 で %2</translation>
    </message>
    <message>
        <source>%1: not a Spanfire session (no &quot;%2&quot; key)</source>
        <translation>%1: Spanfire のセッションではありません (キー &quot;%2&quot; がありません)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a positive integer version</source>
        <translation>%1: &quot;%2&quot; は正の整数のバージョンでなければなりません</translation>
    </message>
    <message>
        <source>%1: session version %2 is newer than this Spanfire supports (%3); please update Spanfire</source>
        <translation>%1: セッションのバージョン %2 はこの Spanfire が対応するバージョン (%3) より新しいです。Spanfire を更新してください</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>文字列のオブジェクト</translation>
    </message>
    <message>
        <source>%1: cannot open session file: %2</source>
        <translation>%1: セッションファイルを開けません: %2</translation>
    </message>
    <message>
        <source>%1: session file too large</source>
        <translation>%1: セッションファイルが大きすぎます</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 を書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>spanfire::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>pprof label keys that hold span ids, one per line, tried in order</source>
        <translation>スパン ID を持つ pprof ラベルのキー。1 行に 1 つ、順に試します</translation>
    </message>
    <message>
        <source>Span &amp;label keys:</source>
        <translation>スパンのラベルキー(&amp;L):</translation>
    </message>
    <message>
        <source>Folders searched for debug information when symbolizing profiles</source>
        <translation>プロファイルのシンボル解決時にデバッグ情報を探すフォルダー</translation>
    </message>
    <message>
        <source>&amp;Add...</source>
        <translation>追加(&amp;A)...</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Debug folders:</source>
        <translation>デバッグ用フォルダー(&amp;D):</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>&amp;Colour scheme:</source>
        <translation>配色(&amp;C):</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>言語(&amp;A):</translation>
    </message>
    <message>
        <source>A new language takes effect when Spanfire is started again.</source>
        <translation>新しい言語は Spanfire の次回起動時に有効になります。</translation>
    </message>
    <message>
        <source>Sample type shown first when a profile has it, e.g. cpu or alloc_space; empty = the profile&apos;s own default</source>
        <translation>プロファイルに含まれていれば最初に表示するサンプルタイプ (例: cpu、alloc_space)。空欄ならプロファイル自身の既定値</translation>
    </message>
    <message>
        <source>Default &amp;sample type:</source>
        <translation>既定のサンプルタイプ(&amp;S):</translation>
    </message>
    <message>
        <source>Debug Folder</source>
        <translation>デバッグ用フォルダー</translation>
    </message>
</context>
<context>
    <name>spanfire::app::ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>ウィンドウ</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>フレームグラフ</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Move between frames</source>
        <translation>フレーム間を移動</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>矢印キー</translation>
    </message>
    <message>
        <source>Zoom into the focused frame</source>
        <translation>フォーカスのあるフレームにズーム</translation>
    </message>
    <message>
        <source>Zoom back</source>
        <translation>ズームを戻す</translation>
    </message>
    <message>
        <source>Reset zoom / clear search</source>
        <translation>ズームをリセット / 検索をクリア</translation>
    </message>
    <message>
        <source>Search spans</source>
        <translation>スパンを検索</translation>
    </message>
    <message>
        <source>Next / previous match</source>
        <translation>次 / 前の一致</translation>
    </message>
    <message>
        <source>Zoom in / out</source>
        <translation>ズームイン / アウト</translation>
    </message>
    <message>
        <source>Pan left / right</source>
        <translation>左 / 右にパン</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>ズームをリセット</translation>
    </message>
    <message>
        <source>Toggle critical path</source>
        <translation>クリティカルパスの切り替え</translation>
    </message>
    <message>
        <source>Previous / next span</source>
        <translation>前 / 次のスパン</translation>
    </message>
    <message>
        <source>Page up / down, last span</source>
        <translation>ページアップ / ダウン、最後のスパン</translation>
    </message>
    <message>
        <source>Collapse / parent span, expand / child span</source>
        <translation>折りたたむ / 親スパン、展開 / 子スパン</translation>
    </message>
    <message>
        <source>Zoom to the selected span</source>
        <translation>選択したスパンにズーム</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>検索をクリア</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
</context>
<context>
    <name>spanfire::views::ActivityChart</name>
    <message>
        <source>Whole profile</source>
        <translation>プロファイル全体</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>選択範囲</translation>
    </message>
    <message>
        <source>Drag across the chart to show only the samples of that time range; click to clear</source>
        <translation>チャート上をドラッグするとその時間範囲のサンプルだけを表示します。クリックで解除します</translation>
    </message>
    <message>
        <source>No profile</source>
        <translation>プロファイルなし</translation>
    </message>
    <message>
        <source>This profile&apos;s samples carry no timestamps; select a linked trace to see its samples along the trace</source>
        <translation>このプロファイルのサンプルにはタイムスタンプがありません。リンクされたトレースを選択すると、トレースに沿ったサンプルを表示します</translation>
    </message>
    <message>
        <source>Whole trace</source>
        <translation>トレース全体</translation>
    </message>
    <message>
        <source>samples/s</source>
        <translation>サンプル/秒</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
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
        <translation>/秒</translation>
    </message>
    <message>
        <source>time from profile start</source>
        <translation>プロファイル開始からの時間</translation>
    </message>
    <message>
        <source>Samples per second from the profile&apos;s start; drag to filter the flame graph</source>
        <translation>プロファイル開始からの毎秒サンプル数。ドラッグしてフレームグラフを絞り込みます</translation>
    </message>
    <message>
        <source>Samples per second along the trace, from its start (no sample timestamps: each span&apos;s samples spread over its duration)</source>
        <translation>トレースに沿った毎秒サンプル数（開始から。サンプルにタイムスタンプがないため、各スパンのサンプルをその期間に均等に配分）</translation>
    </message>
    <message>
        <source>time from trace start</source>
        <translation>トレース開始からの時間</translation>
    </message>
</context>
<context>
    <name>spanfire::views::CallerCalleeView</name>
    <message>
        <source>Callers</source>
        <translation>呼び出し元</translation>
    </message>
    <message>
        <source>Callees</source>
        <translation>呼び出し先</translation>
    </message>
    <message>
        <source>Choose a function in the graph or the table to see its callers and callees.</source>
        <translation>グラフか表で関数を選ぶと、その呼び出し元と呼び出し先が表示されます。</translation>
    </message>
    <message>
        <source>%1 — flat %2 (%3), cum %4 (%5)</source>
        <translation>%1 — flat %2 (%3)、cum %4 (%5)</translation>
    </message>
    <message>
        <source>baseline: cum %1</source>
        <translation>基準: Cum %1</translation>
    </message>
</context>
<context>
    <name>spanfire::views::FlameGraphWidget</name>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(不明)</translation>
    </message>
    <message>
        <source>%1 frames too narrow to show (zoom in to see them)
total: %2 (%3 of total)</source>
        <translation>%1 個のフレームは幅が狭すぎて表示できません (ズームインすると見えます)
合計: %2 (全体の %3)</translation>
    </message>
    <message>
        <source>module: %1</source>
        <translation>モジュール: %1</translation>
    </message>
    <message>
        <source>(inlined)</source>
        <translation>(インライン展開)</translation>
    </message>
    <message>
        <source>self: %1 (%2 of total)</source>
        <translation>セルフ: %1 (全体の %2)</translation>
    </message>
    <message>
        <source>total: %1 (%2 of total</source>
        <translation>合計: %1 (全体の %2</translation>
    </message>
    <message>
        <source>, %1 of parent</source>
        <translation>、親の %1</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>ズームイン</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>ズームをリセット</translation>
    </message>
    <message>
        <source>Focus on</source>
        <translation>フォーカス</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>非表示</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>名前をコピー</translation>
    </message>
    <message>
        <source>baseline: total %1 (%2 of the baseline), self %3</source>
        <translation>基準: 合計 %1 (基準の %2)、自身 %3</translation>
    </message>
    <message>
        <source>change: +%1 percentage points (not in the baseline)</source>
        <translation>変化: +%1 ポイント (基準にはない)</translation>
    </message>
    <message>
        <source>change: %1%2 percentage points of the total</source>
        <translation>変化: 合計の %1%2 ポイント</translation>
    </message>
</context>
<context>
    <name>spanfire::views::ProfileView</name>
    <message>
        <source>Sample type</source>
        <translation>サンプルタイプ</translation>
    </message>
    <message>
        <source>Search functions (regex, Ctrl+F)</source>
        <translation>関数を検索 (正規表現、Ctrl+F)</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Case-sensitive search</source>
        <translation>大文字と小文字を区別して検索</translation>
    </message>
    <message>
        <source>Flame graph</source>
        <translation>フレームグラフ</translation>
    </message>
    <message>
        <source>Icicle graph</source>
        <translation>アイシクルグラフ</translation>
    </message>
    <message>
        <source>Bottom-up</source>
        <translation>ボトムアップ</translation>
    </message>
    <message>
        <source>Invert the stacks: leaf functions become roots</source>
        <translation>スタックを反転: 末端の関数がルートになります</translation>
    </message>
    <message>
        <source>Collapse recursion</source>
        <translation>再帰をまとめる</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>すべて表示</translation>
    </message>
    <message>
        <source>Remove the focus and show hidden functions again</source>
        <translation>フォーカスを解除し、非表示の関数を再び表示します</translation>
    </message>
    <message>
        <source>invalid regular expression</source>
        <translation>無効な正規表現</translation>
    </message>
    <message>
        <source>matched: %1 (%2 of total)</source>
        <translation>一致: %1 (全体の %2)</translation>
    </message>
    <message>
        <source>No profile loaded</source>
        <translation>プロファイルが読み込まれていません</translation>
    </message>
    <message>
        <source>whole profile</source>
        <translation>プロファイル全体</translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation>1 サンプル</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 サンプル</translation>
    </message>
    <message>
        <source>%1 of profile</source>
        <translation>プロファイルの %1</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>合計 %1</translation>
    </message>
    <message>
        <source>focus: %1</source>
        <translation>フォーカス: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n 個を非表示</numerusform>
        </translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 戻る</translation>
    </message>
    <message>
        <source>Back (Backspace, Alt+Left)</source>
        <translation>戻る (Backspace、Alt+←)</translation>
    </message>
    <message>
        <source>aggregating…</source>
        <translation>集計中…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Compare these samples with a baseline: frames are coloured red where their share grew, blue where it shrank</source>
        <translation>これらのサンプルを基準と比較します。割合が増えたフレームは赤、減ったフレームは青で表示します</translation>
    </message>
    <message>
        <source>Use the samples shown now as the baseline</source>
        <translation>現在表示中のサンプルを基準にする</translation>
    </message>
    <message>
        <source>Compare with the whole profile</source>
        <translation>プロファイル全体と比較</translation>
    </message>
    <message>
        <source>Stop comparing</source>
        <translation>比較を終了</translation>
    </message>
    <message>
        <source>Compared with: %1 (%2)</source>
        <translation>比較対象: %1 (%2)</translation>
    </message>
    <message>
        <source>the baseline has no samples: nothing to compare</source>
        <translation>基準にサンプルがありません。比較できません</translation>
    </message>
    <message>
        <source>no samples shown: nothing to compare</source>
        <translation>表示中のサンプルがありません。比較できません</translation>
    </message>
    <message>
        <source>red: larger share than in the baseline, blue: smaller (up to %1 percentage points)</source>
        <translation>赤: 基準より割合が大きい、青: 小さい (最大 %1 ポイント)</translation>
    </message>
    <message>
        <source>%1 of the baseline is in stacks not shown here</source>
        <translation>基準の %1 はここに表示されないスタックにあります</translation>
    </message>
    <message>
        <source>Compared with: %1 — it has no %2 samples: nothing to compare</source>
        <translation>比較対象: %1 — %2 のサンプルがないため比較できません</translation>
    </message>
</context>
<context>
    <name>spanfire::views::SpanDetailsView</name>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Click to go to this span</source>
        <translation>クリックするとこのスパンに移動します</translation>
    </message>
    <message>
        <source>This span is not loaded</source>
        <translation>このスパンは読み込まれていません</translation>
    </message>
    <message>
        <source>No span selected</source>
        <translation>スパンが選択されていません</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>スパン</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>ステータスメッセージ</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>+%1 (%2)</source>
        <translation>+%1 (%2)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>セルフ時間</translation>
    </message>
    <message>
        <source>Span id</source>
        <translation>スパン ID</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>トレース ID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>親</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (欠落)</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>孤立</translation>
    </message>
    <message>
        <source>the parent span is not in the loaded data</source>
        <translation>親スパンが読み込んだデータにありません</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>リソース</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>スコープ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>イベント (%1)</translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation>リンク (%1)</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>リンク %1</translation>
    </message>
    <message>
        <source>Trace state</source>
        <translation>トレースステート</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子</translation>
    </message>
    <message>
        <source>%1 direct, %2 in the subtree</source>
        <translation>直下 %1、サブツリー内 %2</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
</context>
<context>
    <name>spanfire::views::SpanTimelineWidget</name>
    <message>
        <source>Select a trace to see its spans</source>
        <translation>トレースを選ぶとそのスパンが表示されます</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n span(s)</source>
        <translation>
            <numerusform>%1 · %n スパン</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n サービス</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 件のエラー</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 件一致</numerusform>
        </translation>
    </message>
    <message>
        <source>self time</source>
        <translation>セルフ時間</translation>
    </message>
    <message>
        <source>in children</source>
        <translation>子での時間</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Critical path</source>
        <translation>クリティカルパス</translation>
    </message>
    <message>
        <source>Highlight the spans that determine the trace&apos;s end-to-end latency (C)</source>
        <translation>トレースのエンドツーエンドのレイテンシを決めるスパンを強調表示 (C)</translation>
    </message>
    <message>
        <source>Find spans (Ctrl+F)</source>
        <translation>スパンを検索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Marks spans whose name or service contains the text; Enter selects the next one</source>
        <translation>名前かサービスにこのテキストを含むスパンに印を付けます。Enter で次を選択します</translation>
    </message>
    <message>
        <source>Zoom to span</source>
        <translation>スパンにズーム</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>展開</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>折りたたむ</translation>
    </message>
    <message>
        <source>Copy span name</source>
        <translation>スパン名をコピー</translation>
    </message>
    <message>
        <source>Copy span id</source>
        <translation>スパン ID をコピー</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>すべて展開</translation>
    </message>
    <message>
        <source>Collapse below the root</source>
        <translation>ルートより下を折りたたむ</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>ズームをリセット</translation>
    </message>
    <message>
        <source>Duration: %1 (self %2)</source>
        <translation>期間: %1 (セルフ %2)</translation>
    </message>
    <message>
        <source>Starts at: +%1</source>
        <translation>開始: +%1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 件のイベント</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation>クリティカルパス上</translation>
    </message>
    <message>
        <source>Orphan: its parent span is not in the loaded data</source>
        <translation>孤立: 親スパンが読み込んだデータにありません</translation>
    </message>
</context>
<context>
    <name>spanfire::views::TopFunctionsModel</name>
    <message>
        <source>(root)</source>
        <translation>(ルート)</translation>
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
        <translation>関数</translation>
    </message>
    <message>
        <source>Cum %1 of the shown samples, %2 of the baseline</source>
        <translation>Cum: 表示中のサンプルの %1、基準の %2</translation>
    </message>
    <message>
        <source>Change of the cumulative share against the baseline, in percentage points</source>
        <translation>基準に対する累積割合の変化 (ポイント)</translation>
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
        <translation>関数を絞り込む (正規表現)</translation>
    </message>
</context>
<context>
    <name>spanfire::views::TraceListModel</name>
    <message>
        <source>Trace %1</source>
        <translation>トレース %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Root service</source>
        <translation>ルートサービス</translation>
    </message>
    <message>
        <source>Root operation</source>
        <translation>ルート操作</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>スパン</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>サービス</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>spanfire::views::TraceListView</name>
    <message>
        <source>Only traces in which this service has spans</source>
        <translation>このサービスのスパンを含むトレースのみ</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Only traces with a span whose name contains this text</source>
        <translation>名前にこのテキストを含むスパンがあるトレースのみ</translation>
    </message>
    <message>
        <source>Min duration</source>
        <translation>最小期間</translation>
    </message>
    <message>
        <source>Minimum trace duration, e.g. 250ms, 1.5s, 800us (a bare number is ms)</source>
        <translation>トレースの最小期間。例: 250ms、1.5s、800us (数値のみは ms)</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>エラーのみ</translation>
    </message>
    <message>
        <source>Find trace id</source>
        <translation>トレース ID を検索</translation>
    </message>
    <message>
        <source>Hex trace id or its beginning; Enter selects it</source>
        <translation>16 進数のトレース ID またはその先頭部分。Enter で選択します</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>すべてのサービス</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s)</source>
        <translation>
            <numerusform>%n トレース</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 traces</source>
        <translation>%2 トレース中 %1</translation>
    </message>
    <message>
        <source>No trace id starts with “%1”</source>
        <translation>“%1” で始まるトレース ID はありません</translation>
    </message>
</context>
</TS>
