# srcnet-janitor: keeps the ingest claim from filling up. The ingestor never deletes anything, so
# this removes what nobody needs any more (docs/handover.md, "The janitor"):
#   - products in processed/ (data with its metadata) older than SRCNET_RETENTION;
#   - run directories under .srcnet/runs/ of failed or killed runs older than
#     SRCNET_FAILED_RUN_RETENTION, and of runs whose pod died outright (no heartbeat for
#     SRCNET_STALE_RUN_AFTER);
#   - ledger entries older than SRCNET_LEDGER_RETENTION.
# It never touches staging/ or failed_processing/. Every step is idempotent and a lock keeps a
# second janitor from doing the same work at once.
#
#   sh -c "<this script>" srcnet-janitor
#
# POSIX sh with the tools busybox has (find -mmin, du -sk). It holds no user value: everything
# comes from environment variables (ContainerScripts.cs names them).

# shellcheck shell=sh disable=SC3028
# (HOSTNAME is set by the container runtime, not the shell.)
set -u
umask 002

say() { printf 'srcnet-janitor: %s\n' "$*"; }
complain() { printf 'srcnet-janitor: error: %s\n' "$*" >&2; }
shown() { printf '%.60s' "$1" | tr '\000-\037\177' '?'; }

# A duration: a whole number (1 to 999999) of minutes, hours or days, e.g. 90m, 12h, 30d. Prints
# minutes; a bad value is a configuration error (exit 2).
minutes() { # variable value
  number=${2%[mhd]}
  case $2 in
    *[mhd]) ;;
    *) number= ;;
  esac
  case $number in
    '' | *[!0-9]*) number= ;;
  esac
  # No leading zeros: $((010)) is octal in some shells.
  case $number in
    0* | ???????*) number= ;;
  esac
  if [ -z "$number" ]; then
    complain "$1 '$(shown "$2")' is not a duration: a whole number of minutes, hours or days from 1 to 999999, e.g. 90m, 12h, 30d"
    exit 2
  fi
  case $2 in
    *m) echo "$number" ;;
    *h) echo $((number * 60)) ;;
    *d) echo $((number * 1440)) ;;
  esac
}

retention=${SRCNET_RETENTION:-30d}
failed_retention=${SRCNET_FAILED_RUN_RETENTION:-7d}
stale_after=${SRCNET_STALE_RUN_AFTER:-3h}
ledger_retention=${SRCNET_LEDGER_RETENTION:-400d}
retention_min=$(minutes SRCNET_RETENTION "$retention") || exit 2
failed_min=$(minutes SRCNET_FAILED_RUN_RETENTION "$failed_retention") || exit 2
stale_min=$(minutes SRCNET_STALE_RUN_AFTER "$stale_after") || exit 2
ledger_min=$(minutes SRCNET_LEDGER_RETENTION "$ledger_retention") || exit 2
suffix=${SRCNET_METADATA_SUFFIX:-meta}
case $suffix in
  '' | . | .. | *[!A-Za-z0-9._-]*)
    complain "SRCNET_METADATA_SUFFIX '$(shown "$suffix")' may hold only letters, digits, '.', '_' and '-'"
    exit 2
    ;;
esac

root=${SRCNET_INGEST_ROOT:-/ingest}
processed=$root/processed
area=$root/.srcnet
runs=$area/runs
ledger=$area/ledger
lock=$area/janitor.lock
# A lock older than this belongs to a janitor that was killed outright.
lock_stale_min=60

if [ ! -d "$root" ]; then
  complain "the ingest area $root does not exist (is the claim mounted?)"
  exit 1
fi
mkdir -p "$area" || { complain "cannot create $area"; exit 1; }

# True when the path (file or directory itself) was last modified more than $2 minutes ago.
older() { [ -n "$(find "$1" -prune -mmin +"$2" 2>/dev/null)" ]; }

if ! mkdir "$lock" 2>/dev/null; then
  if older "$lock" "$lock_stale_min"; then
    say "taking over a lock older than $lock_stale_min minutes ($(cat "$lock/owner" 2>/dev/null || echo 'owner unknown'))"
    rm -rf "$lock"
    mkdir "$lock" 2>/dev/null || { say "another janitor took the lock first; leaving the work to it"; exit 0; }
  else
    say "another janitor is at work ($(cat "$lock/owner" 2>/dev/null || echo 'owner unknown')); leaving the work to it"
    exit 0
  fi
fi
trap 'rm -rf "$lock"' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
printf '%s since %s\n' "${SRCNET_POD_NAME:-${HOSTNAME:-unknown}}" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$lock/owner"

removed=0
freed_kib=0
problems=0
nl='
'

# Removes the paths (a product's data and metadata, or one run dir) as one entry and logs it with
# the space it held (du, in KiB). A path already gone (another janitor, the ingestor) is not an
# error. Few programs per entry: each costs time on a slow node.
remove() { # reason path...
  reason=$1
  shift
  for p in "$@"; do
    case $p in
      "$root"/*) ;;
      *) complain "not removing $p: outside $root" && problems=$((problems + 1)) && return ;;
    esac
  done
  present=
  for p in "$@"; do
    if [ -e "$p" ] || [ -L "$p" ]; then present=1; fi
  done
  [ -n "$present" ] || return 0
  # The last line of du -c is the total: "<KiB><tab>total".
  size=$(du -sck "$@" 2>/dev/null)
  size=${size##*"$nl"}
  size=${size%%[!0-9]*}
  rm -rf "$@" 2>/dev/null
  names=
  for p in "$@"; do
    if [ -e "$p" ] || [ -L "$p" ]; then
      complain "could not remove ${p#"$root"/}"
      problems=$((problems + 1))
      return
    fi
    names="$names ${p#"$root"/}"
  done
  removed=$((removed + 1))
  freed_kib=$((freed_kib + ${size:-0}))
  say "removed$names ($((${size:-0} * 1024)) bytes): $reason"
}

# The value of the state= line of a run's state file, without starting a program.
read_state() {
  state=
  [ -f "$1" ] || return 0
  while IFS= read -r line; do
    case $line in state=*) state=${line#state=} && return 0 ;; esac
  done <"$1"
}

# True when the list (one path a line) holds the path.
listed() {
  case "$nl$1$nl" in
    *"$nl$2$nl"*) return 0 ;;
  esac
  return 1
}

list=$lock/list

# processed/: a product is its data (a file, or a MeasurementSet directory) and its metadata; the
# metadata is written last, so its age is the product's.
if [ -d "$processed" ]; then
  find "$processed" -type f -name "*.$suffix" -mmin +"$retention_min" >"$list" 2>/dev/null
  while IFS= read -r meta; do
    remove "in processed/ and older than $retention" "${meta%."$suffix"}" "$meta"
  done <"$list"

  # Files without metadata (the ingestor moved only half a pair): alone, unless they belong to a
  # product whose metadata is still younger than the retention.
  find "$processed" -type f ! -name "*.$suffix" -mmin +"$retention_min" >"$list" 2>/dev/null
  while IFS= read -r file; do
    kept=
    path=$file
    while [ "$path" != "$processed" ]; do
      if [ -e "$path.$suffix" ]; then kept=1 && break; fi
      path=${path%/*}
      case $path in "$processed"/*) ;; *) break ;; esac
    done
    [ -n "$kept" ] || remove "in processed/ without metadata and older than $retention" "$file"
  done <"$list"
fi

# .srcnet/runs/: a run dir's state file says how its run ended; a running one's heartbeat says
# whether its pod is alive (the run script touches it every minute or so).
if [ -d "$runs" ]; then
  # Two finds for all runs: the state files older than the failed-run retention, and the files
  # and run dirs older than the stale limit.
  expired=$(find "$runs" -mindepth 2 -maxdepth 2 -name state -mmin +"$failed_min" 2>/dev/null)
  stale=$(find "$runs" -mindepth 1 -maxdepth 2 \( -name heartbeat -o -name state -o -type d \) -mmin +"$stale_min" 2>/dev/null)
  for dir in "$runs"/* "$runs"/.[!.]* "$runs"/..?*; do
    if [ ! -d "$dir" ] || [ -L "$dir" ]; then continue; fi
    read_state "$dir/state"
    case $state in
      failed | killed)
        if listed "$expired" "$dir/state"; then
          remove "a $state run, kept for inspection for $failed_retention" "$dir"
        fi
        ;;
      running | handing-over | handed-over | '')
        # A live run writes its heartbeat every minute or so; one that never wrote it is judged
        # by its state file, or by the directory itself.
        beat=$dir/heartbeat
        [ -e "$beat" ] || beat=$dir/state
        [ -e "$beat" ] || beat=$dir
        if listed "$stale" "$beat"; then
          remove "a run ${state:-without state} whose heartbeat stopped more than $stale_after ago (its pod was killed)" "$dir"
        fi
        ;;
      *)
        say "leaving ${dir#"$root"/} alone: unknown state '$(shown "$state")'"
        ;;
    esac
  done
fi

# .srcnet/ledger/: what makes a re-created Job not run again; kept far longer than any Job lives.
if [ -d "$ledger" ]; then
  find "$ledger" -type f -mmin +"$ledger_min" >"$list" 2>/dev/null
  while IFS= read -r entry; do
    remove "a ledger entry older than $ledger_retention" "$entry"
  done <"$list"
fi

freed=$((freed_kib * 1024))
say "done: removed $removed entries, freed $freed bytes ($((freed_kib / 1024)) MiB)"
[ "$problems" = 0 ] || exit 1
exit 0
