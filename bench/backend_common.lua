-- Shared by the wrk scripts of bench/run_backend_bench.sh (backend_read.lua, backend_write.lua).
--
-- wrk sends every thread to the one host of its URL; here setup() gives thread n the server
-- number ((n - 1) mod #hosts) + 1 of $BENCH_HOSTS ("127.0.0.1:8081,127.0.0.1:8082"), so one run
-- spreads its connections over several servers round robin and reports one latency
-- distribution. Each thread sends that server's own Host header (vakkaart answers only to the
-- address it listens on) and the Bearer token of $BENCH_TOKEN (signed-in requests are never
-- served from the response cache: every read reaches the store).
--
-- Answers are counted by status per thread; done() adds them up and prints lines
-- "BENCH <key> <value>" for the shell script to read, after wrk's own summary.

bench = {}

function bench.env(name)
  local value = os.getenv(name)
  if value == nil or value == "" then
    error(name .. " is not set (bench/run_backend_bench.sh sets it)")
  end
  return value
end

-- The non-empty lines of a file.
function bench.lines(path)
  local file = assert(io.open(path, "r"))
  local out = {}
  for line in file:lines() do
    if line ~= "" then
      out[#out + 1] = line
    end
  end
  file:close()
  if #out == 0 then
    error(path .. " has no lines")
  end
  return out
end

local hosts = {}
for host in string.gmatch(bench.env("BENCH_HOSTS"), "[^,]+") do
  hosts[#hosts + 1] = host
end

local threads = {}

function setup(thread)
  local n = #threads + 1
  threads[n] = thread
  local host = hosts[(n - 1) % #hosts + 1]
  local name, port = host:match("^(.+):(%d+)$")
  local addrs = wrk.lookup(name, port)
  if addrs == nil or #addrs == 0 then
    error("cannot resolve " .. host)
  end
  thread.addr = addrs[1]
  thread:set("thread_number", n)
  thread:set("host_header", host)
end

-- Called first by each script's init(): this thread's headers and counters.
function bench.start_thread()
  wrk.headers["Host"] = host_header
  wrk.headers["Authorization"] = "Bearer " .. bench.env("BENCH_TOKEN")
  statuses = {}
end

function bench.count(status)
  statuses[status] = (statuses[status] or 0) + 1
end

-- Extra counters a script keeps in the global `extra` (a table of numbers) are summed too.
function done(summary, latency, requests)
  local counts, extra = {}, {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses") or {}) do
      counts[status] = (counts[status] or 0) + n
    end
    for key, n in pairs(thread:get("extra") or {}) do
      extra[key] = (extra[key] or 0) + n
    end
  end
  local ok, conflicts, other = 0, 0, 0
  local codes = {}
  for status, n in pairs(counts) do
    if status >= 200 and status < 300 then
      ok = ok + n
    elseif status == 409 then
      conflicts = conflicts + n
    else
      other = other + n
    end
    codes[#codes + 1] = status .. "x" .. n
  end
  table.sort(codes)
  local seconds = summary.duration / 1e6
  local out = {
    { "requests", summary.requests },
    { "rps", string.format("%.1f", summary.requests / seconds) },
    { "p50_ms", string.format("%.3f", latency:percentile(50) / 1000) },
    { "p99_ms", string.format("%.3f", latency:percentile(99) / 1000) },
    { "status_2xx", ok },
    { "status_409", conflicts },
    { "status_other", other },
    { "statuses", #codes > 0 and table.concat(codes, ",") or "none" },
    { "socket_errors", summary.errors.connect + summary.errors.read + summary.errors.write },
    { "timeouts", summary.errors.timeout },
  }
  for key, n in pairs(extra) do
    out[#out + 1] = { key, n }
  end
  for _, pair in ipairs(out) do
    io.write(string.format("BENCH %s %s\n", pair[1], tostring(pair[2])))
  end
end
