"""Near-copy stage side by side: datasketch's MinHashLSH and rensa on the same documents.

Usage: python bench/nearcopy.py CORPUS.jsonl [UNSPIN_SCAN_SECONDS]

Each library does what a near-copy deduplication pass does: lowercase word 5-shingles,
128-permutation MinHash, an LSH index at Jaccard threshold 0.5, and one query per
document. The time covers shingling, hashing, indexing and querying (not reading the
file). With UNSPIN_SCAN_SECONDS (the wall time of `unspin scan` on the same corpus, which
also verifies every candidate), the ratios are printed too. Run by bench/scan.sh, which
installs both libraries in a throwaway venv.
"""

import json
import re
import sys
import time

WORD = re.compile(r"\w+")
PERMUTATIONS = 128
THRESHOLD = 0.5


def shingles(text):
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}


def run_datasketch(docs):
    from datasketch import MinHash, MinHashLSH

    start = time.perf_counter()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    hashes = []
    for key, text in docs:
        m = MinHash(num_perm=PERMUTATIONS, seed=1)
        m.update_batch([s.encode("utf-8") for s in shingles(text)])
        lsh.insert(key, m)
        hashes.append((key, m))
    pairs = sum(len(lsh.query(m)) - 1 for _, m in hashes) // 2
    return time.perf_counter() - start, pairs


def run_rensa(docs):
    from rensa import RMinHash, RMinHashLSH

    start = time.perf_counter()
    lsh = RMinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS, num_bands=16)
    hashes = []
    for n, (_, text) in enumerate(docs):
        m = RMinHash(num_perm=PERMUTATIONS, seed=1)
        m.update(list(shingles(text)))
        lsh.insert(n, m)
        hashes.append(m)
    pairs = sum(max(0, len(lsh.query(m)) - 1) for m in hashes) // 2
    return time.perf_counter() - start, pairs


def main():
    path = sys.argv[1]
    unspin = float(sys.argv[2]) if len(sys.argv) > 2 else None
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            record = json.loads(line)
            docs.append((str(n), record.get("text", "")))
    print(f"{len(docs)} documents from {path}")
    for name, run in (("datasketch", run_datasketch), ("rensa", run_rensa)):
        seconds, pairs = run(docs)
        line = f"{name:<11} near-copy pass {seconds:7.2f} s  {len(docs) / seconds:8.0f} docs/s  {pairs} candidate pairs"
        if unspin:
            line += f"  unspin scan is {seconds / unspin:.2f}x its speed"
        print(line)
    if unspin:
        print(f"unspin scan  full scan      {unspin:7.2f} s  {len(docs) / unspin:8.0f} docs/s  (candidates + verification + families)")


if __name__ == "__main__":
    main()
