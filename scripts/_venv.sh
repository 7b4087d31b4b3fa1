# Sourced by scripts/run, scripts/test and scripts/lock: make .venv and install the project
# into it, every dependency from the lock files with its hash (scripts/lock makes them).
find_python() {
  for candidate in python3.13 python3 python3.12 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Python 3.12 or newer is needed (none found on PATH)." >&2
  return 1
}

# ensure_venv ""       the app's dependencies (requirements.lock)
# ensure_venv "[dev]"  and the test tools (requirements-dev.lock, which holds the same pins)
ensure_venv() {
  local lock=requirements.lock
  [ "$1" = "[dev]" ] && lock=requirements-dev.lock
  local stamp=".venv/.installed-$lock" dev_stamp=".venv/.installed-requirements-dev.lock"
  if [ ! -x .venv/bin/python ]; then
    "$(find_python)" -m venv .venv
  fi
  # Reinstall only when a lock or pyproject.toml changed since the last install.
  fresh() { [ -f "$1" ] && [ ! "$2" -nt "$1" ] && [ ! pyproject.toml -nt "$1" ]; }
  if fresh "$stamp" "$lock" || { [ "$lock" = requirements.lock ] && fresh "$dev_stamp" requirements-dev.lock; }; then
    return 0
  fi
  .venv/bin/python -m pip install -q --require-hashes -r "$lock"
  # The project itself: its dependencies are all in the lock; its build backend too.
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
  touch "$stamp"
}
