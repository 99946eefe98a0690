# srcnet-run: runs the SRCNet AA* workflow in a run-private directory on the ingest claim and,
# only after it exits 0, hands its products over to the ingestor's staging area, each product's
# data before its metadata, so the ingestor never sees a product still being written or rewritten.
# Layout, states and ledger: docs/handover.md.
#
#   sh -c "<this script>" srcnet-run <workflow command...>
#
# POSIX sh (dash, busybox sh). It holds no user value: what it needs comes from environment
# variables (ContainerScripts.cs names them) and from the workflow command in its arguments.

# shellcheck shell=sh disable=SC2317,SC3028
# (SC2317: functions called through each_product and traps; SC3028: HOSTNAME is set by the
# container runtime, not the shell.)
set -u
# Everything the workflow and the hand-over create is group-writable: a non-root ingestor in the
# group can move it out of staging (docs/handover.md, "Ownership").
umask 002

say() { printf 'srcnet-run: %s\n' "$*"; }
complain() { printf 'srcnet-run: error: %s\n' "$*" >&2; }
# A bad environment is a configuration error: exit 2 before anything is written.
bad_config() { complain "$*"; exit 2; }
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
# A value shown in a message: at most 60 characters, control characters as '?'.
shown() { printf '%.60s' "$1" | tr '\000-\037\177' '?'; }
# Names the script builds paths from: letters, digits, '.', '_' and '-', and not '.' or '..'.
is_word() {
  case $1 in
    '' | . | .. | *[!A-Za-z0-9._-]*) return 1 ;;
  esac
  return 0
}

# A CronJob run has no ids of its own: they come from its UTC start and its pod's random suffix,
# put into the patterns at every '{run}' (e.g. 20261125T140000Z-x7k2p).
fill() {
  rest=$1 filled=
  while :; do
    case $rest in
      *'{run}'*)
        filled=$filled${rest%%"{run}"*}$2
        rest=${rest#*"{run}"}
        ;;
      *)
        printf '%s' "$filled$rest"
        return
        ;;
    esac
  done
}

pod=${SRCNET_POD_NAME:-${HOSTNAME:-unknown}}
if [ -z "${OBS_ID:-}" ] && [ -n "${SRCNET_OBS_ID_PATTERN:-}" ]; then
  run_id="$(date -u +%Y%m%dT%H%M%SZ)-${pod##*-}"
  OBS_ID=$(fill "$SRCNET_OBS_ID_PATTERN" "$run_id")
  FILE_PREFIX=$(fill "${SRCNET_FILE_PREFIX_PATTERN:-}" "$run_id")
  export OBS_ID FILE_PREFIX
fi
[ -n "${OBS_ID:-}" ] || bad_config "OBS_ID is not set (nor SRCNET_OBS_ID_PATTERN for a CronJob run)"
[ -n "${FILE_PREFIX+set}" ] || bad_config "FILE_PREFIX is not set"

# The first line of every run's log: srcnet verify reads a CronJob run's ids from it.
printf 'srcnet-run: OBS_ID=%s FILE_PREFIX=%s\n' "$OBS_ID" "$FILE_PREFIX"

is_word "$OBS_ID" || bad_config "OBS_ID '$(shown "$OBS_ID")' may hold only letters, digits, '.', '_' and '-'"
[ -z "$FILE_PREFIX" ] || is_word "$FILE_PREFIX" ||
  bad_config "FILE_PREFIX '$(shown "$FILE_PREFIX")' may hold only letters, digits, '.', '_' and '-'"
scope=${RUCIO_NAMESPACE:-}
is_word "$scope" || bad_config "RUCIO_NAMESPACE '$(shown "$scope")' must be a Rucio scope: letters, digits, '.', '_' and '-'"
suffix=${SRCNET_METADATA_SUFFIX:-meta}
is_word "$suffix" || bad_config "SRCNET_METADATA_SUFFIX '$(shown "$suffix")' may hold only letters, digits, '.', '_' and '-'"
heartbeat_seconds=${SRCNET_HEARTBEAT_SECONDS:-60}
case $heartbeat_seconds in
  '' | *[!0-9]* | 0*) bad_config "SRCNET_HEARTBEAT_SECONDS '$(shown "$heartbeat_seconds")' must be a whole number of seconds, at least 1" ;;
esac
gid=${SRCNET_INGEST_GID:-}
case $gid in
  *[!0-9]*) bad_config "SRCNET_INGEST_GID '$(shown "$gid")' must be a numeric group id" ;;
esac
[ $# -gt 0 ] || bad_config "no workflow command (sh -c <script> srcnet-run <command...>)"

# The products the command promises, by the workflow's flags and their aliases.
vis=0 dirty=0 cleaned=0
for arg in "$@"; do
  case $arg in
    --visibility | --vis | --visibilities) vis=1 ;;
    --dirty) dirty=1 ;;
    --cleaned | --clean) cleaned=1 ;;
  esac
done
[ $((vis + dirty + cleaned)) -gt 0 ] || bad_config "the workflow command selects no product (--visibility, --dirty, --cleaned)"

root=${SRCNET_INGEST_ROOT:-/ingest}
staging=${SRCNET_STAGING_DIR:-$root/staging}
runs=$root/.srcnet/runs
ledger=$root/.srcnet/ledger
run=$OBS_ID
run_dir=$runs/$run
out=$run_dir/out
made=$out/$scope
dest=$staging/$scope
started=$(now)

# The value of key=value line $1 in file $2 (a state file or ledger entry), or nothing.
field() {
  [ -f "$2" ] || return 0
  while IFS= read -r line; do
    case $line in "$1="*) printf '%s' "${line#*=}" && return 0 ;; esac
  done <"$2"
}

# The run dir's state file; its mtime is when the run's state last changed. Written in place: a
# reader that sees it half-written (no state line) takes the run for running, which is safe.
write_state() { # state [exit code] [reason]
  {
    printf 'state=%s\n' "$1"
    printf 'obs_id=%s\nfile_prefix=%s\npod=%s\nstarted=%s\n' "$OBS_ID" "$FILE_PREFIX" "$pod" "$started"
    [ -z "${2:-}" ] || printf 'exit_code=%s\n' "$2"
    [ -z "${3:-}" ] || printf 'reason=%s\n' "$3"
  } >"$run_dir/state"
}

# Exactly once: a Job re-created after the cluster deleted it (pulumi up --refresh) finds its
# OBS_ID in the ledger and does not run the workflow again.
if [ -f "$ledger/$run" ]; then
  say "OBS_ID $OBS_ID already completed at $(field finished "$ledger/$run") (.srcnet/ledger/$run); the workflow does not run again"
  if [ "$(field state "$run_dir/state")" = handed-over ]; then rm -rf "$run_dir"; fi
  exit 0
fi

signal=
child=
on_signal() {
  [ -n "$signal" ] || say "received SIG$1"
  signal=$1
  [ -z "$child" ] || kill -TERM "$child" 2>/dev/null
}
trap 'on_signal TERM' TERM
# Background commands of a non-interactive shell ignore SIGINT, so the workflow gets SIGTERM.
trap 'on_signal INT' INT

mkdir -p "$runs" "$ledger" "$dest" || { complain "cannot create the run and staging areas under $root"; exit 1; }
# Directories the ingestor takes products from must be group-writable for a non-root ingestor;
# only ours (root's) are changed.
share_dirs() {
  set --
  for dir in "$staging" "$dest"; do
    if [ -O "$dir" ]; then set -- "$@" "$dir"; fi
  done
  [ $# -gt 0 ] || return 0
  chmod g+rwx "$@"
  [ -z "$gid" ] || chgrp "$gid" "$@"
}
share_dirs
# A move between filesystems is a copy: the ingestor could see half a product.
devices=$(stat -c %d "$runs" "$dest")
if [ "${devices%%[!0-9]*}" != "${devices##*[!0-9]}" ]; then
  bad_config "staging ($dest) and the run area ($runs) are on different filesystems; the hand-over must be a rename"
fi

# True when staging already has this name: never overwritten, that would be a duplicate.
staged() {
  if [ -e "$dest/$1" ] || [ -L "$dest/$1" ]; then
    complain "staging already has $scope/$1; not overwriting it"
    return 0
  fi
  return 1
}

# Refuses the hand-over when staging already holds any part of a product.
not_staged() {
  ! staged "${1##*/}" && ! staged "${1##*/}.$suffix"
}

# Moves a product's data, then its metadata, into staging. Either may be gone already when an
# interrupted hand-over resumes.
hand_over() {
  for part in "${1##*/}" "${1##*/}.$suffix"; do
    [ -e "$made/$part" ] || [ -L "$made/$part" ] || continue
    ! staged "$part" || return 1
    mv "$made/$part" "$dest/$part" || return 1
    say "handed over $scope/$part"
  done
}

# Calls "$1" with the path of each promised product in the run dir, in the order they are handed
# over. A MeasurementSet is found by its metadata, which leaves last.
each_product() {
  if [ "$vis" = 1 ]; then
    for m in "$made/$FILE_PREFIX"*.ms."$suffix"; do
      [ -f "$m" ] || continue
      "$1" "${m%."$suffix"}" || return 1
    done
  fi
  if [ "$dirty" = 1 ]; then "$1" "$made/${FILE_PREFIX}dirty.fits" || return 1; fi
  if [ "$cleaned" = 1 ]; then "$1" "$made/${FILE_PREFIX}cleaned.fits" || return 1; fi
  return 0
}

# The products the flags promise, each with its metadata; prints what is missing.
missing_products() {
  if [ "$vis" = 1 ]; then
    found=0
    for ms in "$made/$FILE_PREFIX"*.ms; do
      [ -d "$ms" ] || continue
      found=1
      [ -f "$ms.$suffix" ] || printf ' %s' "${ms##*/}.$suffix"
    done
    [ "$found" = 1 ] || printf ' %s' "${FILE_PREFIX}*.ms"
  fi
  for wanted in "$dirty:${FILE_PREFIX}dirty.fits" "$cleaned:${FILE_PREFIX}cleaned.fits"; do
    case $wanted in 0:*) continue ;; esac
    file=${wanted#1:}
    [ -f "$made/$file" ] || printf ' %s' "$file"
    [ -f "$made/$file.$suffix" ] || printf ' %s' "$file.$suffix"
  done
}

# Hands every product over, writes the ledger entry and removes the run dir.
finish() {
  write_state handing-over
  if ! each_product hand_over; then
    write_state handing-over 0 "the hand-over stopped; see the log"
    complain "the hand-over stopped part-way; .srcnet/runs/$run keeps what was not handed over"
    return 1
  fi
  # Written beside it, then renamed: an entry is there whole or not at all.
  if ! printf 'obs_id=%s\nfile_prefix=%s\npod=%s\nstarted=%s\nfinished=%s\n' \
    "$OBS_ID" "$FILE_PREFIX" "$pod" "$started" "$(now)" >"$ledger/.$run.tmp" ||
    ! mv -f "$ledger/.$run.tmp" "$ledger/$run"; then
    complain "cannot write the ledger entry .srcnet/ledger/$run"
    return 1
  fi
  write_state handed-over 0
  rm -rf "$run_dir"
  say "run $OBS_ID handed over to staging/$scope; ledger entry .srcnet/ledger/$run"
}

# An earlier attempt of this run left its directory: killed mid-run, or failed. One killed during
# its hand-over finishes that hand-over instead of running the workflow again.
if [ -d "$run_dir" ]; then
  old_state=$(field state "$run_dir/state")
  old_pod=$(field pod "$run_dir/state")
  case $old_state in
    handing-over | handed-over)
      say "resuming the hand-over of an earlier attempt (pod ${old_pod:-unknown})"
      started=$(field started "$run_dir/state")
      finish || exit 1
      exit 0
      ;;
    running | '')
      beat=$(date -r "$run_dir/heartbeat" +%s 2>/dev/null || echo 0)
      if [ "$old_pod" != "$pod" ] && [ $(($(date +%s) - beat)) -lt $((3 * heartbeat_seconds)) ]; then
        complain "pod ${old_pod:-unknown} is running OBS_ID $OBS_ID (its heartbeat is fresh); not starting it twice"
        exit 1
      fi
      ;;
  esac
  say "removing .srcnet/runs/$run of an earlier attempt (state ${old_state:-unknown}, pod ${old_pod:-unknown})"
  rm -rf "$run_dir"
fi

if ! mkdir "$run_dir" 2>/dev/null; then
  complain "cannot create .srcnet/runs/$run (another attempt of this run started just now?)"
  exit 1
fi
# A heartbeat is a write into the file, which updates its mtime on every filesystem (NFS too), and
# needs no other program.
beat() { printf '%s\n' "$pod" >"$run_dir/heartbeat"; }
if ! { mkdir "$out" && write_state running && beat; }; then
  complain "cannot write into .srcnet/runs/$run"
  exit 1
fi

# The janitor tells a live run from one whose pod was killed outright by this file's age. The loop
# ends by itself once this shell is gone.
(
  while kill -0 "$$" 2>/dev/null; do
    beat
    sleep "$heartbeat_seconds"
  done
) >/dev/null 2>&1 &
heartbeat=$!
stop_heartbeat() { kill "$heartbeat" 2>/dev/null; }

killed() { # exit code of the workflow
  stop_heartbeat
  write_state killed "$1" "SIG$signal"
  say "killed by SIG$signal; nothing is handed over; .srcnet/runs/$run is kept for inspection"
  case $signal in INT) exit 130 ;; *) exit 143 ;; esac
}
[ -z "$signal" ] || killed ""

export OUT_DIR="$out"
"$@" &
child=$!
# A signal that came before $child was set has not reached the workflow yet.
[ -z "$signal" ] || kill -TERM "$child" 2>/dev/null
code=0
wait "$child" || code=$?
# A trapped signal ends the wait early (wait returns 128+signal): wait again until the workflow
# has really exited.
while kill -0 "$child" 2>/dev/null; do
  code=0
  wait "$child" || code=$?
done
# If the workflow died between a cut-short wait and the check above, its own status is still to
# be collected; once collected, wait says 127 (no such child) and the status above stands.
if [ -n "$signal" ]; then
  last=0
  wait "$child" 2>/dev/null || last=$?
  [ "$last" = 127 ] || code=$last
fi
child=

if [ "$code" != 0 ]; then
  [ -z "$signal" ] || killed "$code"
  stop_heartbeat
  write_state failed "$code"
  say "the workflow failed (exit code $code); nothing is handed over; .srcnet/runs/$run is kept for inspection"
  exit "$code"
fi
# The workflow finished: a signal now does not stop the hand-over (a few renames).
[ -z "$signal" ] || say "the workflow finished before SIG$signal took effect; handing over"

missing=$(missing_products)
if [ -n "$missing" ]; then
  stop_heartbeat
  write_state failed 0 "missing:$missing"
  complain "the workflow exited 0 but did not write:$missing; nothing is handed over; .srcnet/runs/$run is kept"
  exit 1
fi
if ! each_product not_staged; then
  stop_heartbeat
  write_state failed 0 "staging already has a product of this run"
  exit 1
fi
# The products (and whatever else the workflow wrote beside them) become writable by the
# ingestor's group before staging sees them.
if ! { chmod -R g+rwX "$made" && { [ -z "$gid" ] || chgrp -R "$gid" "$made"; }; }; then
  stop_heartbeat
  write_state failed 0 "cannot make the products group-writable"
  complain "cannot make the products group-writable${gid:+ or give them group $gid}; nothing is handed over"
  exit 1
fi
if ! finish; then
  stop_heartbeat
  exit 1
fi
stop_heartbeat
exit 0
