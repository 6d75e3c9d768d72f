# Shared helpers for the scripts in this folder. Source it; do not run it.
# shellcheck shell=bash
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Builds the solution once per change (dotnet's own incremental build decides what to redo).
build_solution() {
  local configuration="${1:-Release}"
  dotnet build "$REPO_ROOT/Alpr.Edge.sln" -c "$configuration" --nologo -v quiet -clp:NoSummary\;ErrorsOnly >&2
}

# Path of a built tool's dll, e.g. tool_dll firmware/Alpr.Edge.Firmware alpr-edge Release
tool_dll() {
  local project_dir="$1" assembly="$2" configuration="${3:-Release}"
  local dll
  dll="$(find "$REPO_ROOT/$project_dir/bin/$configuration" -name "$assembly.dll" -path '*net10.0*' 2>/dev/null | head -n 1)"
  [[ -n "$dll" ]] || die "$assembly is not built; run scripts/setup"
  printf '%s\n' "$dll"
}
