-- Password logins spread over the demo users, each from one of DEVICES devices per user and wrk thread,
-- as returning users log in again: a login replaces the token of its device. (A new device on every
-- login left each user with hundreds of live devices within a minute, and every login reads and
-- returns the user's other devices, so the figure fell as the run went on.)
package.path = "bench/?.lua;" .. package.path
require("common")

local users = {"superadmin", "sigal", "username-charge", "3", "10", "username-e"}
local DEVICES = 8
local n = 0
request = function()
  n = n + 1
  local body = "username=" .. users[(n % #users) + 1] .. "&password=anteroom-demo&deviceId=bench-"
    .. tid .. "-" .. math.random(1, DEVICES)
  return wrk.format("POST", "/PresentationServices/validateAccount",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
