-- wrk script: send requests on a fixed schedule (a constant offered rate) instead of wrk's usual
-- closed loop, where each of the C connections sends its next request the moment the previous
-- answer arrives. A closed loop at saturation measures the queue it builds itself (Little:
-- latency = C / throughput). A latency target means: at this offered rate, how long does a request
-- take? That needs an open-loop schedule.
--
--   wrk -t2 -c16 -d15s --latency -s bench/paced.lua URL -- RATE THREADS [post]
--
-- RATE is the total offered rate in requests/s, THREADS must equal wrk's -t (wrk starts each
-- thread before the next is set up, so the script cannot count them). "post" sends
-- POST /v1/notifications bodies built like ../shared/tools/bench/post-notification.lua (unique
-- process names, hosts bench-host-00 .. BENCH_HOSTS-1, generated_time 1 s apart).
--
-- Each thread owns the slots t, t+THREADS, ... of the schedule. A connection that becomes free
-- claims the next unclaimed slot and waits for it (wrk's delay()). When every connection is busy
-- at a slot's time, the request goes out late; wrk then measures from the late send, hiding the
-- wait (coordinated omission). So every late send is counted and its lateness kept: the run is
-- valid only if late sends stay well under 1 % (done() prints them).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } paced_timespec;
  int clock_gettime(int clk_id, paced_timespec *tp);
]]
local ts = ffi.new("paced_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local nthreads = 0

function setup(thread)
  thread:set("tid", nthreads)
  nthreads = nthreads + 1
  table.insert(threads, thread)
end

function init(args)
  local rate = tonumber(args[1])
  local nthr = tonumber(args[2])
  if not rate or rate <= 0 or not nthr or nthr < 1 then
    error("usage: -s paced.lua URL -- RATE THREADS [post]")
  end
  post = args[3] == "post"
  interval = 1000.0 * nthr / rate
  -- threads interleave their slots so the total schedule is even
  next_slot = now_ms() + 50 + interval * tid / nthr
  slots, late, late_over_5, max_late = 0, 0, 0, 0
  -- PACED_LATE_LOG=FILE: the wall-clock times of sends more than 5 ms late, to line up with GC or other logs
  late_log = os.getenv("PACED_LATE_LOG")
  late_times = ""
  counter = 0
  hosts = tonumber(os.getenv("BENCH_HOSTS") or "50")
  -- generated_time: later than the rows of upstream-bench.sh's runs (which start 12 h back), so the
  -- duplicate check (same host and type, generated since 180 s before) does not compare each POST
  -- with hundreds of earlier runs' rows, something a real host's monitors never send
  base = os.time() - 43200 + tonumber(os.getenv("PACED_GT_OFFSET") or "30000")
  run_id = string.format("%d%06d", os.time(), math.random(0, 999999))
end

function delay()
  local now = now_ms()
  local slot = next_slot
  next_slot = next_slot + interval
  slots = slots + 1
  local wait = slot - now
  if wait < -1 then
    late = late + 1
    if -wait > 5 then
      late_over_5 = late_over_5 + 1
      if late_log then
        ffi.C.clock_gettime(0, ts) -- CLOCK_REALTIME
        late_times = late_times .. string.format("%d.%03d %.1f\n", tonumber(ts.tv_sec), math.floor(tonumber(ts.tv_nsec) / 1e6), -wait)
      end
    end
    if -wait > max_late then max_late = -wait end
    return 0
  end
  -- wrk's timers have millisecond resolution; rounding keeps the schedule's mean exact
  if wait <= 0 then return 0 end
  return math.floor(wait + 0.5)
end

request = function()
  if not post then return wrk.request() end
  counter = counter + 1
  local n = counter * 8 + tid
  local host = string.format("bench-host-%02d", n % hosts)
  local gt = os.date("!%Y-%m-%dT%H:%M:%S", base + n)
  local body = string.format(
    '{"notification": {"type": "PROCESS", "hostname": "%s", "generated_time": "%s", ' ..
    '"payload": {"process_name": "paced-%s-%d-%d", "event": "STARTED"}}}',
    host, gt, run_id, tid, counter)
  return wrk.format("POST", "/v1/notifications", { ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  local s, l, l5, m = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("slots")
    l = l + t:get("late")
    l5 = l5 + t:get("late_over_5")
    m = math.max(m, t:get("max_late"))
  end
  local log = os.getenv("PACED_LATE_LOG")
  if log then
    local f = io.open(log, "w")
    for _, t in ipairs(threads) do f:write(t:get("late_times")) end
    f:close()
  end
  io.write(string.format("paced: %d slots, late sends (>1 ms after their slot) %d (%.2f %%), >5 ms %d, max lateness %.1f ms\n",
    s, l, s > 0 and 100.0 * l / s or 0, l5, m))
end
