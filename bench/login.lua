-- Password logins spread over the demo users, each request from a new device.
local users = {"superadmin", "sigal", "username-charge", "3", "10", "username-e"}
local n = 0
request = function()
  n = n + 1
  local body = "username=" .. users[(n % #users) + 1] .. "&password=anteroom-demo&deviceId=bench-" .. n .. "-" .. math.random(1, 1000000000)
  return wrk.format("POST", "/PresentationServices/validateAccount",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
