#!/bin/bash
# A/B of runtime knobs or builds for the edge's start-up (issue 15 item 4), quicker than desk-budget: the edge alone in a
# half-core cgroup (v1, root), empty store, hub unreachable. Prints CPU seconds (user+sys, /proc) to the first /signin,
# RSS then, and RSS after 30 page loads and 15 s. Interleave variants: on a shared machine only CPU seconds compare.
# usage: [DLL=path/OneStop.Edge.dll] bench/edge-startup-ab.sh label "DOTNET_X=1 DOTNET_Y=0"
label=$1; envs=$2
dll=${DLL:-$(dirname "$0")/../edge-node/OneStop.Edge/bin/Release/net10.0/OneStop.Edge.dll}
g=/sys/fs/cgroup/cpu/onestop-budget-ab-$$
mkdir -p $g; echo 10000 > $g/cpu.cfs_period_us; echo 5000 > $g/cpu.cfs_quota_us
d=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
start=$(date +%s.%N)
env DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Urls=http://127.0.0.1:$port Edge__NodeId=node-ab Edge__CommuneCode=00001 Edge__DataDirectory=$d \
  Sync__HubUrl=http://127.0.0.1:9 Sync__NodeKey=abc Edge__ApiKey=k $envs \
  bash -c "echo \$\$ > $g/cgroup.procs && exec dotnet $dll" > $d/log 2>&1 &
pid=$!
until curl -s -o /dev/null -w '' --fail http://127.0.0.1:$port/signin 2>/dev/null; do sleep 0.02; done
t=$(echo "$(date +%s.%N) - $start" | bc)
read -r ut st < <(awk '{print $14, $15}' /proc/$pid/stat)
cpu=$(echo "scale=2; ($ut + $st)/100" | bc)
rss0=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
for i in $(seq 30); do curl -s -o /dev/null http://127.0.0.1:$port/signin; curl -s -o /dev/null http://127.0.0.1:$port/status/x; done
sleep 15
rss1=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
anon=$(awk '/RssAnon/{print int($2/1024)}' /proc/$pid/status)
file=$(awk '/RssFile/{print int($2/1024)}' /proc/$pid/status)
shm=$(awk '/RssShmem/{print int($2/1024)}' /proc/$pid/status)
kill $pid; wait $pid 2>/dev/null
rmdir $g 2>/dev/null; rm -rf $d
echo "$label wall=$t cpu=$cpu rss_start=$rss0 rss_after=$rss1 anon=$anon file=$file shmem=$shm load=$(cut -d' ' -f1 /proc/loadavg)"
