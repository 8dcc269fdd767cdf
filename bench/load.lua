-- Mixed load for wrk as logged-in users: thread 1 is the department (reads and writes),
-- thread 2 a province (reads of its own scope). About one request in five writes (a new
-- facility, audited; LOAD_WRITES=organizations: a new organization, whose name the project
-- lists show, so that each write makes the cached lists be built again). Each connection
-- waits DELAY_MS between requests, so that threads x connections x 1000 / DELAY_MS sets the
-- offered rate.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  local role = (id == 1) and "DEPARTMENT" or "PROVINCE"
  cookie = os.getenv(role .. "_COOKIE")
  csrf = os.getenv(role .. "_CSRF")
  writer = (id == 1)
  organizations = os.getenv("LOAD_WRITES") == "organizations"
  delay_ms = tonumber(os.getenv("DELAY_MS") or "100")
  n = 0
end

function delay()
  return delay_ms
end

local searches = { "khuyen cong", "dong nai", "may moc", "ha noi", "che bien", "gom" }

function request()
  n = n + 1
  local headers = { ["Cookie"] = cookie }
  if writer and n % 5 == 0 then
    headers["Content-Type"] = "application/json"
    headers["X-CSRF-Token"] = csrf
    if organizations then
      local body = string.format(
        '{"name":"Doanh nghiệp tải thử %d-%d","kind":"enterprise","province":{"set":"2008","code":"01"}}',
        id, n)
      return wrk.format("POST", "/api/v1/organizations", headers, body)
    end
    local body = string.format(
      '{"name":"Cơ sở tải thử %d-%d","kind":"household_business","province":{"set":"2008","code":"01"},"employees":%d}',
      id, n, n % 100)
    return wrk.format("POST", "/api/v1/facilities", headers, body)
  end
  local kind = n % 4
  if kind == 1 and not writer then kind = 2 end  -- a province reads only through its lists
  if kind == 0 then
    return wrk.format("GET", "/api/v1/projects?page_size=20&q=" .. searches[(n % #searches) + 1]:gsub(" ", "%%20"), headers)
  elseif kind == 1 then
    return wrk.format("GET", "/api/v1/projects/" .. ((n % 400) + 1), headers)
  elseif kind == 2 then
    return wrk.format("GET", "/api/v1/projects?year=2018&sort=-requested_vnd&page=" .. ((n % 10) + 1), headers)
  end
  return wrk.format("GET", "/api/v1/programs", headers)
end

function done(summary, latency, requests)
  io.write(string.format("requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f socket_errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
