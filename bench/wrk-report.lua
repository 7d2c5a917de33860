-- bench/load-kit.ts runs wrk with this script: at the end, what it counted and 1,000 latency quantiles (µs), one
-- per 0.1 % of requests, so slices of several runs can be merged into one distribution.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests %d\nduration_us %d\nsocket_errors %d\nstatus_errors %d\n", summary.requests,
    summary.duration, e.connect + e.read + e.write + e.timeout, e.status))
  local quantiles = {}
  for i = 1, 1000 do quantiles[i] = string.format("%d", latency:percentile((i - 0.5) / 10)) end
  io.write("latency_us " .. table.concat(quantiles, " ") .. "\n")
end
