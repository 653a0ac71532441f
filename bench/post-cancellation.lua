-- wrk script: every request cancels another order of the benchmark shop (HB-1 … HB-N), with its own
-- Idempotency-Key, so each one is a full screening: SQL facts, rules, and the request, decision log, cancelled
-- order and refund written in one transaction. Threads take disjoint order numbers.
local counter = 0
local per_thread = 1000000

function setup(thread)
  -- becomes the global thread_id of that thread's own Lua state
  thread:set("thread_id", counter)
  counter = counter + 1
end

function init(args)
  -- OFFSET skips the orders an earlier run (a warm-up) already cancelled
  n = tonumber(os.getenv("OFFSET") or "0")
end

function request()
  n = n + 1
  local order = "HB-" .. (thread_id * per_thread + n)
  local body = '{"orderNo":"' .. order .. '","reason":"OUT_OF_STOCK","evidence":{"warehouseStock":0}}'
  return wrk.format("POST", "/api/cancellations",
    {["Content-Type"] = "application/json", ["Idempotency-Key"] = "wrk-" .. order,
     ["Authorization"] = os.getenv("BENCH_AUTH")}, body)
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
