-- Chat-bot token grants: the bridge's OAuth password grant for one bench bot (BOT_USERNAME, made by
-- bench/Bots.java with its password). Anything but 201 is a failure: wrk counts the non-2xx answers
-- itself, so only other 2xx answers are counted here (bench/run.sh adds the two).
package.path = "bench/?.lua;" .. package.path
require("common")

local body = '{"client_id":"chat_bot","grant_type":"password","username":"' .. os.getenv("BOT_USERNAME")
  .. '","password":"b0t-password"}'

request = function()
  return wrk.format("POST", "/bridge/api/client/v1/oauth/token", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status ~= 201 and status >= 200 and status < 300 then
    failed = failed + 1
  end
end
