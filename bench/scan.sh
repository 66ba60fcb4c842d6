#!/usr/bin/env bash
# Throughput and peak memory of `unspin scan` on a generated corpus, then the near-copy
# stage of datasketch and rensa on the same documents (bench/nearcopy.py).
#
#   bench/scan.sh [DOCS] [THREADS]      DOCS defaults to 20000, THREADS to 2
#
# Needs ../shared/data (bbc-news, reuters21578) for the pool, python3 with venv for the
# comparison (a throwaway venv in $TMPDIR; set SKIP_PYTHON=1 to leave it out), and GNU
# time (/usr/bin/time) for the peak memory. Writes everything under $TMPDIR/unspin-bench.
set -euo pipefail
docs=${1:-20000}
threads=${2:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
data=${UNSPIN_SHARED:-$root/../shared}/data
work=${TMPDIR:-/tmp}/unspin-bench
mkdir -p "$work"
cd "$root"
cargo build --release --quiet
bin=target/release/unspin
corpus=$work/gen-$docs
if [ ! -f "$corpus/corpus.jsonl" ]; then
    "$bin" generate --from "$data/bbc-news" "$data/reuters21578" --docs "$docs" --out "$corpus"
fi
n=$(wc -l < "$corpus/corpus.jsonl")
rm -rf "$work/scan-$docs"
/usr/bin/time -f '%e %M' -o "$work/time-$docs" \
    "$bin" scan "$corpus/corpus.jsonl" --out "$work/scan-$docs" --threads "$threads" --no-report
read -r seconds kb < "$work/time-$docs"
python3 - "$n" "$seconds" "$kb" <<'PY'
import sys
n, s, kb = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
budget = 200 + 2 * n / 1024  # MiB: 2 KiB per document + 200 MB
print(f"unspin scan: {n} documents in {s:.2f} s = {n / s:.0f} docs/s; peak {kb / 1024:.0f} MiB (budget 2 KiB/doc + 200 MB = {budget:.0f} MiB)")
PY
if [ "${SKIP_PYTHON:-0}" != 1 ]; then
    venv=$work/venv
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet datasketch rensa
    "$venv/bin/python" bench/nearcopy.py "$corpus/corpus.jsonl" "$seconds"
fi
