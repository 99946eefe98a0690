# srcnet-point: runs one point of a campaign. It reads the line of the campaign's point table for
# this pod's completion index, exports the point's OBS_ID, FILE_PREFIX and simulation values, adds
# its products to the workflow command and hands over to the run script (docs/campaign.md#the-point-table).
#
#   sh -c "<this script>" srcnet-point "<run script>" <workflow command without products...>
#
# POSIX sh (dash, busybox sh). It holds no user value: the table is a file of the campaign's
# ConfigMap (SRCNET_CAMPAIGN_POINTS), the index comes from the Job controller (JOB_COMPLETION_INDEX),
# and only the variables named below are ever set from the table, each as a plain value.

# shellcheck shell=sh disable=SC3028
# (SC3028: HOSTNAME is set by the container runtime, not the shell.)
set -u

say() { printf 'srcnet-point: %s\n' "$*"; }
complain() { printf 'srcnet-point: error: %s\n' "$*" >&2; }
# A bad table or index is a configuration error: exit 2 (the Job fails the index without retrying it).
bad_config() { complain "$*"; exit 2; }
shown() { printf '%.60s' "$1" | tr '\000-\037\177' '?'; }

[ $# -ge 2 ] || bad_config "usage: sh -c <script> srcnet-point <run script> <workflow command...>"
run_script=$1
shift

index=${JOB_COMPLETION_INDEX:-}
case $index in
  '' | *[!0-9]*) bad_config "JOB_COMPLETION_INDEX '$(shown "$index")' is not an index; this script runs in a pod of an Indexed Job" ;;
esac
table=${SRCNET_CAMPAIGN_POINTS:-}
[ -f "$table" ] || bad_config "the point table '$(shown "$table")' (SRCNET_CAMPAIGN_POINTS) is not a file"

# Line <index> of the table (counting from 0) is this point.
n=0
line=
found=0
while IFS= read -r l || [ -n "$l" ]; do
  if [ "$n" = "$index" ]; then
    line=$l
    found=1
    break
  fi
  n=$((n + 1))
done <"$table"
[ "$found" = 1 ] || bad_config "the point table has no line for index $index"

# Its fields are NAME=value, separated by tabs; a value never holds a tab or a line break.
tab=$(printf '\t')
products=
indexed=0
rest=$line
while [ -n "$rest" ]; do
  field=${rest%%"$tab"*}
  case $rest in
    *"$tab"*) rest=${rest#*"$tab"} ;;
    *) rest= ;;
  esac
  name=${field%%=*}
  value=${field#*=}
  [ "$name" != "$field" ] || bad_config "field '$(shown "$field")' of point $index is not NAME=value"
  case $name in
    index)
      [ "$value" = "$index" ] || bad_config "line $index of the point table is point $(shown "$value")"
      indexed=1
      ;;
    SRCNET_PRODUCTS) products=$value ;;
    OBS_ID | FILE_PREFIX | PHASE_CENTER_RA_DEG | PHASE_CENTER_DEC_DEG | START_FREQ_HZ | END_FREQ_HZ | FREQ_INC_HZ | \
      OBS_LENGTH_HOURS | NUM_TIME_STAMPS | START_DATE_AND_TIME | IMAGING_NPIXEL | IMAGING_CELLSIZE)
      export "$name=$value"
      ;;
    *) bad_config "point $index sets $(shown "$name"), which a point may not set" ;;
  esac
done
[ "$indexed" = 1 ] || bad_config "line $index of the point table has no index, so it cannot be checked to be point $index"
[ -n "${OBS_ID:-}" ] || bad_config "point $index has no OBS_ID"

# The products become the workflow's flags, after the command the container was given.
flags=
rest=$products
while [ -n "$rest" ]; do
  product=${rest%%,*}
  case $rest in
    *,*) rest=${rest#*,} ;;
    *) rest= ;;
  esac
  case $product in
    visibility | dirty | cleaned) flags="$flags --$product" ;;
    *) bad_config "point $index names the product '$(shown "$product")'; allowed: visibility, dirty, cleaned" ;;
  esac
done
[ -n "$flags" ] || bad_config "point $index selects no product"
# shellcheck disable=SC2086 # $flags is a list of the fixed words above
set -- "$@" $flags

say "point $index: $(printf '%s' "$line" | tr '\t' ' ')"

# A point a previous campaign Job is still running (the campaign was extended or changed meanwhile)
# is waited for rather than started twice: it is handed over (its ledger entry appears) or its
# pod dies (its heartbeat goes stale; docs/handover.md), and then the run script decides.
case $OBS_ID in
  '' | . | .. | *[!A-Za-z0-9._-]*) bad_config "OBS_ID '$(shown "$OBS_ID")' may hold only letters, digits, '.', '_' and '-'" ;;
esac
root=${SRCNET_INGEST_ROOT:-/ingest}
heartbeat_seconds=${SRCNET_HEARTBEAT_SECONDS:-60}
case $heartbeat_seconds in
  '' | *[!0-9]* | 0*) heartbeat_seconds=60 ;;
esac
run_dir=$root/.srcnet/runs/$OBS_ID
pod=${SRCNET_POD_NAME:-${HOSTNAME:-unknown}}
while [ ! -f "$root/.srcnet/ledger/$OBS_ID" ] && [ -f "$run_dir/heartbeat" ]; do
  state=
  if [ -f "$run_dir/state" ]; then
    while IFS= read -r l; do
      case $l in state=*) state=${l#state=} ;; esac
    done <"$run_dir/state"
  fi
  [ "$state" = running ] || break
  other=$(cat "$run_dir/heartbeat" 2>/dev/null)
  [ "$other" != "$pod" ] || break
  beat=$(date -r "$run_dir/heartbeat" +%s 2>/dev/null || echo 0)
  [ $(($(date +%s) - beat)) -lt $((3 * heartbeat_seconds)) ] || break
  say "pod $(shown "$other") is running $OBS_ID; waiting for it"
  sleep "$heartbeat_seconds"
done

exec /bin/sh -c "$run_script" srcnet-run "$@"
