-- wrk script for bench/load.sh: GET a random path from a file of paths (lists and stats of the
-- demo organization), with the API key; prints one RESULT line.
-- Usage: wrk -s bench/load.lua <url> -- <paths file> <key>
local paths = {}
local key

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  key = args[2]
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], {["Authorization"] = "Bearer " .. key})
end

-- done(): the one RESULT line of every bench script
dofile("bench/report.lua")
