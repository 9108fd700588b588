-- Password logins spread over the demo users, each request from a new device.
package.path = "bench/?.lua;" .. package.path
require("common")

local users = {"superadmin", "sigal", "username-charge", "3", "10", "username-e"}
local n = 0
request = function()
  n = n + 1
  local body = "username=" .. users[(n % #users) + 1] .. "&password=anteroom-demo&deviceId=bench-"
    .. tid .. "-" .. n .. "-" .. math.random(1, 1000000000)
  return wrk.format("POST", "/PresentationServices/validateAccount",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
