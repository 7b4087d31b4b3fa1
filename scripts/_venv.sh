# Sourced by scripts/run and scripts/test: make .venv and install the project into it.
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

ensure_venv() {
  local extras="$1"
  local stamp=".venv/.installed$extras"
  if [ ! -x .venv/bin/python ]; then
    "$(find_python)" -m venv .venv
    .venv/bin/python -m pip install -q --upgrade pip
  fi
  # The dev install holds the plain one.
  if [ -z "$extras" ] && [ -f ".venv/.installed[dev]" ] && [ ! pyproject.toml -nt ".venv/.installed[dev]" ]; then
    return 0
  fi
  # Reinstall only when pyproject.toml changed since the last install.
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install -q -e ".$extras"
    touch "$stamp"
  fi
}
