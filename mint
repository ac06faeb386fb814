#!/usr/bin/env bash
# Runs the mint command, building it first when it is missing or older than its sources.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/platform/cli/target/mint-cli.jar"
stale() {
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$root" \( -name target -o -name .git -o -name node_modules \) -prune -o -newer "$jar" \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -print -quit 2>/dev/null)" ]]
}
if stale; then
  echo "mint: building (first run or sources changed)..." >&2
  log="$(mktemp)"
  if ! (cd "$root" && mvn -q -B -DskipTests -pl platform/cli -am install >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    echo "mint: build failed" >&2
    exit 1
  fi
  rm -f "$log"
  touch "$jar"
fi
exec java ${MINT_JAVA_OPTS:-} -jar "$jar" "$@"
