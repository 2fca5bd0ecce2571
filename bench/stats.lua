-- wrk script: GET stats of random entities from an id file, with varying dates and time zones so
-- that most requests are computed, not served from the cache.
-- Usage: wrk -s bench/stats.lua <url> -- <ids file> <path template with %s> <key> [extra query]
local ids = {}
local template, key, extra
local zones = {"UTC", "America/New_York", "Europe/Berlin"}

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  template, key, extra = args[2], args[3], args[4] or ""
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local id = ids[math.random(#ids)]
  local back = math.random(0, 59)
  local to = os.date("!%Y-%m-%d", os.time() - back * 86400)
  local path = string.format(template, id) .. "?to=" .. to .. "&tz=" .. zones[math.random(#zones)] .. extra
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. key})
end

-- done(): the one RESULT line of every bench script
dofile("bench/report.lua")
