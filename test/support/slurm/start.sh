#!/usr/bin/env bash
# A single-node Slurm cluster for the cluster tests, from Debian's slurm-wlm and munge packages.
# Usage: start.sh DIR   (DIR: an empty temporary folder). Everything lives in DIR: the munge key
# and socket, slurm.conf, state, spool, logs and pid files. The daemons listen on 127.0.0.1 only
# (NodeAddr and CommunicationParameters=NoCtldInAddrAny,NoInAddrAny) on ports picked at random, and run as root
# (SlurmUser=root) with process tracking that needs no cgroups. On success prints the lines
#   SLURM_CONF=DIR/slurm.conf
#   PIDS=munged slurmctld slurmd process ids
# and exits 0; stop.sh DIR stops them by those ids. On failure prints why and exits 1.
set -euo pipefail
dir="${1:?usage: start.sh DIR}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
# The daemons live in /usr/sbin, which a non-login PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"
for tool in munged slurmctld slurmd sbatch scontrol; do
  command -v "$tool" >/dev/null 2>&1 || { echo "start.sh: $tool not found (apt-get install -y slurm-wlm munge)"; exit 1; }
done
host="$(hostname -s)"
mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
chmod 700 "$dir/munge"
# munged wants a key readable by its owner only; 1 KiB of random bytes is plenty.
dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$dir/munge/munge.key"
ctld_port=$((20000 + RANDOM % 20000))
slurmd_port=$((ctld_port + 1))
cat >"$dir/slurm.conf" <<CONF
ClusterName=callsimtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"

fail() {
  echo "start.sh: $1"
  for f in "$dir/log/munged.log" "$dir/log/slurmctld.log" "$dir/log/slurmd.log"; do
    [ -f "$f" ] && { echo "--- last lines of $f"; tail -n 15 "$f"; }
  done
  bash "$(dirname "$0")/stop.sh" "$dir" >/dev/null 2>&1 || true
  exit 1
}

# munged refuses to run as root without --force; everything it writes stays in DIR.
munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" \
  || fail "munged did not start"
for _ in $(seq 50); do [ -S "$dir/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$dir/munge/munge.socket" ] || fail "munged made no socket"

slurmctld -f "$dir/slurm.conf" || fail "slurmctld did not start"
slurmd -f "$dir/slurm.conf" || fail "slurmd did not start"
for f in munge/munged.pid slurmctld.pid slurmd.pid; do
  for _ in $(seq 50); do [ -s "$dir/$f" ] && break; sleep 0.1; done
  [ -s "$dir/$f" ] || fail "no pid file $f"
done
pids="$(cat "$dir/munge/munged.pid") $(cat "$dir/slurmctld.pid") $(cat "$dir/slurmd.pid")"
echo "$pids" >"$dir/pids"
# The node is usable when slurmctld reports it idle (bounded wait: 30 s).
state=""
for _ in $(seq 60); do
  state="$(scontrol show node "$host" 2>/dev/null | sed -n 's/.*State=\([A-Z+_]*\).*/\1/p' | head -n 1)"
  case "$state" in IDLE*) break ;; esac
  sleep 0.5
done
case "$state" in IDLE*) ;; *) fail "node $host not idle after 30 s (state: ${state:-unknown})" ;; esac
echo "SLURM_CONF=$dir/slurm.conf"
echo "PIDS=$pids"
