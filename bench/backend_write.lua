-- Write mix of bench/run_backend_bench.sh: run with one connection per thread (wrk -tN -cN), so
-- each thread is one writer that waits for each answer before its next edit. Writer n edits
-- function ((n - 1) mod F) + 1 of $BENCH_FUNCTIONS (lines "id version") on server
-- ((n - 1) mod H) + 1: with an odd F and two servers each function has a writer on each server,
-- so edits conflict across processes as well as within one.
--
-- Each edit sets the function's purpose on top of the version the writer last saw. 200: the
-- edit made version + 1. 409: someone saved in between; the problem's detail says "function 'ID'
-- is at version N, not version M", and the writer goes on from N (an editor would reload).
-- A 409 is the version check working, counted apart; any other answer is an error.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "backend_common.lua")

function init(args)
  bench.start_thread()
  wrk.headers["Content-Type"] = "application/json"
  local functions = bench.lines(bench.env("BENCH_FUNCTIONS"))
  local line = functions[(thread_number - 1) % #functions + 1]
  local id, version_text = line:match("^(%S+)%s+(%d+)$")
  if id == nil then
    error("bad line in BENCH_FUNCTIONS: " .. line)
  end
  path = "/api/functions/" .. id .. "/edits"
  version = tonumber(version_text)
  sent_version = version
  edits = 0
  -- unread_409: a conflict whose current version could not be read from the body.
  extra = { unread_409 = 0 }
end

function request()
  edits = edits + 1
  sent_version = version
  local body = string.format(
    '{"version":%d,"edits":[{"op":"set","field":"purpose","value":"Benchmark edit %d of writer %d."}]}',
    version, edits, thread_number)
  return wrk.format("POST", path, nil, body)
end

function response(status, headers, body)
  bench.count(status)
  if status >= 200 and status < 300 then
    version = sent_version + 1
  elseif status == 409 then
    local current = body:match("is at version (%d+), not version")
    if current then
      version = tonumber(current)
    else
      extra.unread_409 = extra.unread_409 + 1
    end
  end
end
