-- wrk script: a mix of TAXII 2.1 reads and writes against one collection (load/run sets it up).
--
-- Run with as many threads as connections (wrk -t N -c N): each thread then holds one connection, so a response
-- belongs to the request that thread sent last. That is what lets a page follow its own `next` token (tokens are
-- bound to their filters) and a write know which objects were acknowledged.
--
-- Environment (set by load/run): VIGIL_COLLECTION (id), VIGIL_TOKEN (API token), VIGIL_SINCE (an added_after
-- value), VIGIL_LEDGER (directory of the per-thread ledgers), VIGIL_BATCH (objects per POST, default 10).
--
-- Ledger lines, one file per thread:
--   SENT <n> <id>,<id>,...           a POST about to go out (its n within the thread, its objects)
--   ACK <n> <status-id>              that POST answered 202: the server acknowledged it
--   NACK <n> <http status>           it answered something else
-- A POST with no ACK or NACK line got no answer at all (a broken connection, or wrk stopped while it was out).

local collection = os.getenv("VIGIL_COLLECTION")
local token = os.getenv("VIGIL_TOKEN")
local since = os.getenv("VIGIL_SINCE")
local ledgerDir = os.getenv("VIGIL_LEDGER")
local batch = tonumber(os.getenv("VIGIL_BATCH") or "10")
local base = "/api1/collections/" .. collection .. "/"
local taxii = "application/taxii+json;version=2.1"

-- Share of each kind of request; reads follow `next` for up to maxPages pages, then start again at the first.
local mix = {
   {kind = "page", weight = 30, path = base .. "objects/?limit=50"},
   {kind = "type", weight = 15, path = base .. "objects/?match%5Btype%5D=indicator&limit=50"},
   {kind = "added_after", weight = 10, path = base .. "objects/?added_after=" .. (since or "") .. "&limit=50"},
   {kind = "manifest", weight = 15, path = base .. "manifest/?limit=50"},
   {kind = "post", weight = 30},
}
local maxPages = 20

local threads = {}
local nextThread = 0

function setup(thread)
   nextThread = nextThread + 1
   thread:set("tid", nextThread)
   table.insert(threads, thread)
end

-- Per-thread state (each thread has its own Lua state).
local ledger
local tokens = {}    -- kind -> next token of the walk in progress
local pages = {}     -- kind -> pages read in the walk in progress
local sentKind        -- what the one request in flight is
local sentPost        -- its number, when it is a POST
local posts = 0
counts = {}          -- "kind status" -> responses; read by done() through thread:get
retryAfter = 0       -- 503 answers that carried Retry-After
unanswered = 0       -- requests sent before the previous one was answered (its connection broke)

function init(args)
   math.randomseed(os.time() * 1000 + tid)
   ledger = io.open(ledgerDir .. "/ledger-" .. tid .. ".txt", "w")
   ledger:setvbuf("line")
end

local function uuid4()
   -- Random, with the thread and a counter in it so that no two objects of one run share an id.
   return string.format("%08x-%04x-4%03x-%04x-%012x", math.random(0, 0x7fffffff), tid,
      math.random(0, 0xfff), 0x8000 + math.random(0, 0x3fff), posts * 1000 + math.random(0, 999))
end

local function envelope(ids)
   local now = os.date("!%Y-%m-%dT%H:%M:%S.000Z")
   local objects = {}
   for i = 1, batch do
      local id = "indicator--" .. uuid4()
      ids[i] = id
      objects[i] = string.format('{"type":"indicator","spec_version":"2.1","id":"%s","created":"%s",'
         .. '"modified":"%s","name":"load %d/%d/%d","pattern":"[ipv4-addr:value = \'198.51.%d.%d\']",'
         .. '"pattern_type":"stix","valid_from":"%s"}', id, now, now, tid, posts, i, tid % 256, i % 256, now)
   end
   return '{"objects":[' .. table.concat(objects, ",") .. ']}'
end

local function pick()
   local r = math.random(1, 100)
   for _, m in ipairs(mix) do
      r = r - m.weight
      if r <= 0 then
         return m
      end
   end
   return mix[#mix]
end

function request()
   if sentKind ~= nil then
      unanswered = unanswered + 1
   end
   local m = pick()
   sentKind = m.kind
   local headers = {["Accept"] = taxii, ["Authorization"] = "Bearer " .. token}
   if m.kind == "post" then
      posts = posts + 1
      sentPost = posts
      local ids = {}
      local body = envelope(ids)
      ledger:write("SENT ", posts, " ", table.concat(ids, ","), "\n")
      headers["Content-Type"] = taxii
      return wrk.format("POST", base .. "objects/", headers, body)
   end
   local path = m.path
   if tokens[m.kind] ~= nil then
      path = path .. "&next=" .. tokens[m.kind]
   end
   return wrk.format("GET", path, headers)
end

local function count(key)
   counts[key] = (counts[key] or 0) + 1
end

function response(status, headers, body)
   local kind = sentKind
   sentKind = nil
   count(kind .. " " .. status)
   if status == 503 and headers["Retry-After"] ~= nil then
      retryAfter = retryAfter + 1
   end
   if kind == "post" then
      if status == 202 then
         ledger:write("ACK ", sentPost, " ", body:match('"id"%s*:%s*"([^"]+)"') or "?", "\n")
      else
         ledger:write("NACK ", sentPost, " ", status, "\n")
      end
      return
   end
   local token = status == 200 and body:match('"more"%s*:%s*true') and body:match('"next"%s*:%s*"([^"]+)"')
   pages[kind] = (pages[kind] or 0) + 1
   if token and pages[kind] < maxPages then
      tokens[kind] = token
   else
      tokens[kind] = nil
      pages[kind] = 0
   end
end

function done(summary, latency, requests)
   local total = {}
   local with = 0
   local lost = 0
   for _, t in ipairs(threads) do
      for key, n in pairs(t:get("counts")) do
         total[key] = (total[key] or 0) + n
      end
      with = with + t:get("retryAfter")
      lost = lost + t:get("unanswered")
   end
   local keys = {}
   for key in pairs(total) do
      table.insert(keys, key)
   end
   table.sort(keys)
   local seconds = summary.duration / 1e6
   io.write("\n== vigil load summary\n")
   io.write(string.format("requests %d in %.1f s: %.1f requests/s\n", summary.requests, seconds,
      summary.requests / seconds))
   io.write(string.format("latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f\n", latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
   io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d; non-2xx answers %d\n",
      summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
      summary.errors.status))
   io.write(string.format("503 answers with Retry-After: %d; requests sent again before an answer (broken connection or unstarted write): %d\n",
      with, lost))
   io.write("answers by kind and status:\n")
   for _, key in ipairs(keys) do
      io.write(string.format("  %-16s %d\n", key, total[key]))
   end
end
