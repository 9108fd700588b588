-- Shared by the write scenarios: a distinct random seed per wrk thread (each thread has its own Lua
-- state, and identical seeds would repeat usernames and devices), and a count of answers that were
-- not {"success": true}, printed as "failed N" for bench/run.sh.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + tid)
  failed = 0
end

function response(status, headers, body)
  if not string.find(body, '"success":true', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failed")
  end
  io.write("failed " .. total .. "\n")
end
