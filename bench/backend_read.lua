-- Read mix of bench/run_backend_bench.sh: each thread cycles through the paths of $BENCH_PATHS
-- (one a line: profile pages and API, qualification pages and API, search, compare), each
-- thread from another starting point, so every server sees the whole mix at once.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "backend_common.lua")

function init(args)
  bench.start_thread()
  -- Requests are built once: formatting one per request would load the client, not the server.
  local paths = bench.lines(bench.env("BENCH_PATHS"))
  requests = {}
  for i, path in ipairs(paths) do
    requests[i] = wrk.format("GET", path)
  end
  next_request = (thread_number * 7) % #requests
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  bench.count(status)
end
