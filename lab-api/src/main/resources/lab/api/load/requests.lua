-- storelab's wrk script (lab.api.load.RequestStreams writes the request files it reads).
--
--   wrk -t T -c C -d D --latency -s requests.lua http://127.0.0.1:PORT -- DIR
--
-- Thread i sends the requests of DIR/requests-i.txt in order, cycling: one request per line,
-- "GET /tasks/42", "PUT /tasks/42 {json}" or "POST /tasks {json}", drawn in advance by the lab
-- (the Zipf key stream of the JMH workloads' thread i and the request mix). They are formatted
-- once, in init(), so request() only returns the next string: nothing is drawn or formatted
-- while wrk measures, and the client takes as little as it can of the cores it shares with the
-- server. done() prints wrk's figures as one JSON line the lab reads.

local threads = 0

function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
end

function init(args)
  local file = args[1] .. "/requests-" .. index .. ".txt"
  local json = { ["Content-Type"] = "application/json" }
  requests = {}
  count = 0
  for line in io.lines(file) do
    local method, path, body = line:match("^(%u+) (%S+) ?(.*)$")
    count = count + 1
    if body == "" then
      requests[count] = wrk.format(method, path)
    else
      requests[count] = wrk.format(method, path, json, body)
    end
  end
  if count == 0 then
    error("no requests in " .. file)
  end
  cursor = 0
end

function request()
  cursor = cursor + 1
  if cursor > count then
    cursor = 1
  end
  return requests[cursor]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('lab-wrk {"requests":%d,"durationMicros":%d,"non2xx":%d,'
      .. '"connect":%d,"read":%d,"write":%d,"timeout":%d,'
      .. '"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.3f}\n',
      summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
