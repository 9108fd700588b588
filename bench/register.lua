-- Self-registrations with a temporal token (TEMPORAL_TOKEN), each with a new username and email.
package.path = "bench/?.lua;" .. package.path
require("common")

local token = os.getenv("TEMPORAL_TOKEN")
local n = 0
request = function()
  n = n + 1
  local name = "bench" .. tid .. "x" .. n .. "x" .. math.random(1, 1000000000)
  local body = "firstName=Bench&lastName=User&username=" .. name .. "&email=" .. name .. "%40bench.example"
    .. "&password=bench-password&passwordConfirm=bench-password&organization=UNC&facility=UNC&role=2"
    .. "&token=" .. token .. "&temporalSession=true"
  return wrk.format("POST", "/PresentationServices/users",
    {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
