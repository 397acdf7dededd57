"""Write a synthetic knowledge base of N drugs (default 10,000) for scaling benchmarks. Not shipped data.

Usage: python benchmarks/generate_kb.py OUT_DIR [N]
The drugs are fictional ("benchmab-00042"); they exist only to make the knowledge large.
"""

from __future__ import annotations

import sys
from pathlib import Path

PER_FILE = 500
CLASSES = ["monoclonal-antibody", "kinase-inhibitor", "statin", "ssri", "ace-inhibitor", "antibiotic"]


def drug(i: int) -> str:
    return f"""  - id: benchmab-{i:05d}
    name: benchmab-{i:05d}
    summary: A fictional drug number {i}, generated to measure how lookups scale with the knowledge.
    brands: [Benchbrand{i:05d}]
    aliases: [BM-{i:05d}]
    classification: {{classes: [{CLASSES[i % len(CLASSES)]}]}}
    mechanism: {{summary: Binds a fictional target number {i}., targets: [TGT{i % 97}]}}
    indications:
      - {{condition: fictional condition {i % 300}, setting: metastatic}}
    monitoring:
      - {{phase: during, test: blood counts, schedule: every 3 weeks}}
    references: [{{title: Synthetic, url: "https://example.org/benchmab/{i}"}}]
    reviewed: 2026-01-01
"""


def main() -> None:
    out = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    out.mkdir(parents=True, exist_ok=True)
    for start in range(0, n, PER_FILE):
        body = "drugs:\n" + "".join(drug(i) for i in range(start, min(n, start + PER_FILE)))
        (out / f"synthetic-{start // PER_FILE:03d}.yaml").write_text(body)


if __name__ == "__main__":
    main()
