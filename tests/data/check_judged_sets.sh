#!/usr/bin/env bash
# The frozen judged sets (issue 16) stay valid: every judged statement, competence and text still
# exists in what the CLI imports and exports. Usage: check_judged_sets.sh VAKKAART_BIN
set -euo pipefail
bin=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/judged.db
"$bin" --db "$db" import "$root"/data/sources/*.txt "$root"/tests/data/crosswalk/BK-99*.txt >/dev/null
for id in sociare-2016 BK-0338-3 BK-9901-1 BK-9902-1; do
  "$bin" --db "$db" export "$id" --format json >"$work/$id.json"
done
python3 "$root/tests/data/check_search_judgements.py" "$work/sociare-2016.json" "$work/BK-0338-3.json" \
  --tuning "$root/tests/search/judgements.tsv" --tuning "$root/tests/search/judgements-hr.tsv"
# The HR tuning set (written like the held-out set, but tuned on) shares no query with the other two.
python3 "$root/tests/data/check_search_judgements.py" "$work/sociare-2016.json" "$work/BK-0338-3.json" \
  --judgements "$root/tests/search/judgements-hr.tsv" --min-queries 80 \
  --tuning "$root/tests/search/judgements.tsv" --tuning "$root/tests/data/search-judgements-heldout.tsv"
python3 "$root/tests/data/check_crosswalk_judgements.py" "$work"/*.json
python3 "$root/tests/data/check_crosswalk_judgements.py" \
  --judgements "$root/tests/data/crosswalk-judgements-second-judge.tsv" "$work"/*.json
# The two judges agree on the same competences (prints their agreement).
python3 "$root/tests/data/crosswalk_agreement.py" "$root/tests/data/crosswalk-judgements.tsv" \
  "$root/tests/data/crosswalk-judgements-second-judge.tsv"
python3 "$root/tests/data/check_vacancy_sets.py"
