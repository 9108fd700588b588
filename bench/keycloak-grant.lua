-- Keycloak's OAuth password grant for bench/compare-keycloak.sh, spread over the bench users
-- (KEYCLOAK_USERS of them, bench-1 … bench-N, password KEYCLOAK_PASSWORD) of the public client KEYCLOAK_CLIENT. Any
-- answer but 200 is counted by wrk itself (non-2xx).
local users = tonumber(os.getenv("KEYCLOAK_USERS"))
local client = os.getenv("KEYCLOAK_CLIENT")
local password = os.getenv("KEYCLOAK_PASSWORD")
local n = 0
request = function()
  n = n + 1
  local body = "grant_type=password&scope=openid&client_id=" .. client .. "&username=bench-" .. ((n % users) + 1)
    .. "&password=" .. password
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
