#!/usr/bin/env bash
# End-to-end pprof import benchmark (issue 2 §8): for each profile, in one run,
#   ours      `spanfire-cli top FILE --limit 20` = read + decompress + decode +
#             columnar model + full flame tree + top table, in a fresh process;
#   gunzip    `gzip -dc FILE > /dev/null` (the floor for reading a .gz at all);
#   go pprof  `go tool pprof -top FILE` (the tool users have), with a timeout.
# Prints a Markdown table: wall seconds, MB/s of raw (decompressed) bytes, peak
# RSS, and ratios. Usage: bench/run-import-bench.sh BUILD_DIR FILE... 
# Env: GO_PPROF_TIMEOUT (seconds, default 600; 0 skips go tool pprof).
set -euo pipefail
build="$1"; shift
cli="$build/app/spanfire-cli"
timeout_s="${GO_PPROF_TIMEOUT:-600}"
tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT

measure() { # prints "wall_seconds maxrss_kb user+sys_cpu_seconds" of the command
  /usr/bin/time -f "%e %M %U %S" -o "$tmp" "$@" >/dev/null 2>&1 || true
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$tmp" | tail -1
  return
  cat "$tmp" | tail -1
}

echo "| file | raw MB | ours wall s (CPU s) | ours MB/s (wall) | ours peak RSS (× raw) | gzip -dc wall s (CPU s) | ours ÷ gunzip (CPU) | go tool pprof -top wall s | go peak RSS | go ÷ ours (wall) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for f in "$@"; do
  if [ "$(head -c2 "$f" | od -An -tx1 | tr -d ' ')" = "1f8b" ]; then
    raw=$(gzip -dc "$f" | wc -c)
    read -r gz_s _ gz_cpu <<<"$(measure gzip -dc "$f")"
  else
    raw=$(stat -c %s "$f"); gz_s="-"; gz_cpu="-"
  fi
  read -r our_s our_kb our_cpu <<<"$(measure "$cli" top "$f" --limit 20)"
  raw_mb=$(awk -v b="$raw" 'BEGIN{printf "%.1f", b/1e6}')
  our_mbs=$(awk -v b="$raw" -v s="$our_s" 'BEGIN{printf "%.0f", (s>0? b/1e6/s : 0)}')
  our_rss=$(awk -v k="$our_kb" -v b="$raw" 'BEGIN{printf "%.0f MB (%.2f×)", k/1024, k*1024/b}')
  ratio_gz="-"; [ "$gz_s" != "-" ] && ratio_gz=$(awk -v a="$our_cpu" -v g="$gz_cpu" 'BEGIN{printf "%.2f×", (g>0? a/g : 0)}')
  go_s="skipped"; go_rss="-"; go_ratio="-"
  if [ "$timeout_s" != "0" ]; then
    read -r go_s go_kb <<<"$(measure timeout "$timeout_s" go tool pprof -top "$f")"
    go_rss=$(awk -v k="$go_kb" 'BEGIN{printf "%.0f MB", k/1024}')
    go_ratio=$(awk -v a="$our_s" -v g="$go_s" 'BEGIN{ if (g+0 >= '"$timeout_s"'-1) printf "> %.0f× (timed out)", g/(a>0?a:0.001); else printf "%.0f×", g/(a>0?a:0.001)}')
  fi
  echo "| $(basename "$f") | $raw_mb | $our_s ($our_cpu) | $our_mbs | $our_rss | $gz_s ($gz_cpu) | $ratio_gz | $go_s | $go_rss | $go_ratio |"
done
