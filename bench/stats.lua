-- wrk script: GET stats of random entities from an id file, with a random `to` date in the last 60
-- days so that most bodies are computed, not served from the body cache. Without a zone argument the
-- requests carry no `tz` (the organization's time zone: the rollups); with one, `tz=<zone>`.
-- Usage: wrk -s bench/stats.lua <url> -- <ids file> <path template with %s> <key> [extra query] [tz]
local ids = {}
local template, key, extra, tz

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  template, key, extra, tz = args[2], args[3], args[4] or "", args[5] or ""
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local id = ids[math.random(#ids)]
  local back = math.random(0, 59)
  local to = os.date("!%Y-%m-%d", os.time() - back * 86400)
  local path = string.format(template, id) .. "?to=" .. to .. (tz ~= "" and ("&tz=" .. tz) or "") .. extra
  return wrk.format("GET", path, {["Authorization"] = "Bearer " .. key})
end

-- done(): the one RESULT line of every bench script
dofile("bench/report.lua")
