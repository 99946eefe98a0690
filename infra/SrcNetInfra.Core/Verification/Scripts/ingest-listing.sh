# srcnet-verify: what `srcnet verify` reads of the ingest area, in one command in the ingestor's
# pod (docs/verify.md): a run's entries in staging, processed and failed_processing, and the
# area's health: products waiting in staging, what is in failed_processing, free space, and the
# run directories under .srcnet/runs/. It only reads, and always exits 0: its output is the answer.
#
#   sh -c "<this script>" srcnet-verify PREFIX SUFFIX STUCK_SECONDS ROOT STAGING PROCESSED FAILED
#
# Every value is an argument, never part of this text. An empty PREFIX lists no run's entries.
# Tools: find, stat, sort, head, wc, df, date (coreutils or busybox).

# shellcheck shell=sh
prefix=$1 suffix=$2 stuck=$3 root=$4 staging=$5 processed=$6 failed=$7
# A path with a line break would print as two lines, the second one of this output's own (a header,
# a count, an entry): such paths are left out. No run makes one.
nl=$(printf '\nx')
nl=${nl%x}

# The pod's own clock: ages are measured against it, as the times on the claim are.
now=$(date +%s 2>/dev/null)
case $now in '' | *[!0-9]*) now= ;; esac
echo "## now $now"
for tool in find stat sort head wc df; do
  command -v "$tool" >/dev/null 2>&1 || echo "!! missing $tool"
done

# The run's entries: every name that starts with its prefix, a few levels deep in each area.
if [ -n "$prefix" ]; then
  for dir in "$staging" "$processed" "$failed"; do
    echo "== $dir"
    if [ -d "$dir" ]; then find "$dir" -maxdepth 4 -name "$prefix*" ! -path "*$nl*" 2>/dev/null; else echo '!! absent'; fi
  done
fi

# "<ctime> <path>" of what find finds. The ctime, not the mtime: the hand-over's chmod and rename
# set it, so it says how long an entry has been where it is (a rename keeps the mtime).
changed() { find "$@" ! -path "*$nl*" -exec stat -c '%Z %n' {} + 2>/dev/null; }

# staging/<scope>/: the products waiting (metadata files not counted), the 20 oldest, and how
# many have waited longer than STUCK_SECONDS.
echo "## staging"
if [ -d "$staging" ]; then
  changed "$staging" -mindepth 2 -maxdepth 2 ! -name "*.$suffix" | sort -n | {
    n=0 late=0
    while IFS= read -r line; do
      # Only a number reaches the arithmetic, which some shells (bash) would otherwise evaluate.
      t=${line%% *}
      case $t in '' | *[!0-9]*) continue ;; esac
      n=$((n + 1))
      if [ -n "$now" ] && [ $((now - t)) -gt "$stuck" ]; then late=$((late + 1)); fi
      if [ "$n" -le 20 ]; then printf '%s\n' "$line"; fi
    done
    echo "## staging-count $n $late"
  }
else
  echo "## staging-count 0 0"
fi

# failed_processing/: every product in it (a file, or a MeasurementSet directory as one; metadata
# files not counted): how many, the oldest, and the newest 20.
failed_products() {
  find "$failed" -mindepth 1 -maxdepth 4 \( -type d -name '*.ms' -prune -o ! -type d \) ! -name "*.$suffix" ! -path "*$nl*" "$@" 2>/dev/null
}
if [ -d "$failed" ]; then
  echo "## failed-count $(failed_products -print | wc -l)"
  echo "## failed-oldest"
  failed_products -exec stat -c '%Z %n' {} + | sort -n | head -n 1
  echo "## failed-newest"
  failed_products -exec stat -c '%Z %n' {} + | sort -rn | head -n 20
else
  echo "## failed-count 0"
fi

# The claim's filesystem, in POSIX format (one line per filesystem, sizes in KiB).
echo "## df"
df -Pk "$root" 2>/dev/null

# .srcnet/runs/<OBS_ID>/ (docs/handover.md): each run dir's state file and the modification times
# of the dir, its state and its heartbeat; the first 50 dirs, and how many there are.
runs=$root/.srcnet/runs
n=0
for dir in "$runs"/* "$runs"/.[!.]* "$runs"/..?*; do
  if [ ! -d "$dir" ] || [ -L "$dir" ]; then continue; fi
  case $dir in *"$nl"*) continue ;; esac
  n=$((n + 1))
  if [ "$n" -gt 50 ]; then continue; fi
  echo "## run ${dir##*/}"
  stat -c '%Y %n' "$dir" "$dir/state" "$dir/heartbeat" 2>/dev/null
  if [ -f "$dir/state" ]; then
    head -c 2048 "$dir/state" | {
      k=0
      while [ "$k" -lt 12 ] && IFS= read -r line; do
        k=$((k + 1))
        printf '| %s\n' "$line"
      done
    }
  fi
done
echo "## runs-count $n"
echo "## end"
exit 0
