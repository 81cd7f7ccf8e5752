#!/usr/bin/env bash
# Lighthouse's accessibility score of every page, NL and EN, against a local server with
# Debian's chromium. Lighthouse (npm, pinned) goes into a temporary folder, not the project.
# Usage: bash scripts/lighthouse_accessibility.sh [PORT]   (prints one line per page)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-8599}"
WORK="$(mktemp -d)"
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
npm install --prefix "$WORK" --no-audit --no-fund --silent lighthouse@12.2.3 >/dev/null
.venv/bin/streamlit run app.py --server.port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/_stcore/health" >/dev/null && break
  sleep 0.5
done
for view in "" gebieden budgetten scenario tijdlijn "?lang=en" "gebieden?lang=en" \
            "budgetten?lang=en" "scenario?lang=en" "tijdlijn?lang=en"; do
  CHROME_PATH=/usr/bin/chromium "$WORK/node_modules/.bin/lighthouse" \
    "http://localhost:$PORT/$view" --only-categories=accessibility --quiet \
    --chrome-flags="--headless=new --no-sandbox" --max-wait-for-load=60000 \
    --output=json --output-path="$WORK/report.json"
  .venv/bin/python - "$WORK/report.json" "/${view}" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
category = report["categories"]["accessibility"]
scores = {ref["id"]: report["audits"][ref["id"]]["score"] for ref in category["auditRefs"]
          if ref["weight"] > 0}
failed = [audit for audit, score in scores.items() if score is not None and score < 1]
print(f"{sys.argv[2]:<22} {round(category['score'] * 100):>3}  {' '.join(failed)}")
PY
done
