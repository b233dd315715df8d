#!/usr/bin/env python3
"""Seeds the load test's collection and checks it afterwards, over TAXII 2.1 on loopback (load/run calls it).

  taxii.py seed URL TOKEN COLLECTION ATTACK_FILE INDICATORS   prints an added_after value between the two seeds
  taxii.py check URL TOKEN COLLECTION LEDGER_DIR [AUDIT]      exit 0 when every check holds, 1 otherwise

The check reads the ledgers load/mixed.lua wrote and, through TAXII only:
  - every object of every acknowledged (202) POST is in the collection;
  - every acknowledged POST's status resource is complete and consistent: total = successes + failures + pendings,
    no pendings, and its successes are exactly the objects that POST sent;
  - no POST was half-written: of every POST sent (answered or not), either all its objects are stored or none;
  - with AUDIT (the output of `vigil audit show --ids`), every object stored is named by an `add` record: no write
    is kept without its audit record, whatever its client was told.
"""
import http.client
import json
import os
import sys
import urllib.parse
import uuid
from datetime import datetime, timezone

TAXII = "application/taxii+json;version=2.1"


class Taxii:
    """One keep-alive connection to the server, re-opened when it breaks."""

    def __init__(self, url, token):
        u = urllib.parse.urlsplit(url)
        if u.hostname not in ("127.0.0.1", "localhost", "::1"):
            sys.exit(f"taxii.py: {url} is not on loopback; the load scripts only talk to this machine")
        self.host, self.port = u.hostname, u.port
        self.headers = {"Accept": TAXII, "Authorization": "Bearer " + token}
        self.conn = None

    def request(self, method, path, body=None):
        headers = dict(self.headers)
        if body is not None:
            headers["Content-Type"] = TAXII
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                r = self.conn.getresponse()
                return r.status, r.read()
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def json(self, method, path, body=None, expect=200):
        status, data = self.request(method, path, body)
        if status != expect:
            sys.exit(f"taxii.py: {method} {path} answered {status}, not {expect}: {data[:300]!r}")
        return json.loads(data) if data else {}


def now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def post_all(t, collection, objects, size=500):
    """Posts in envelopes of `size`; returns how many objects the server refused (ATT&CK holds a few invalid ones)."""
    refused = 0
    for i in range(0, len(objects), size):
        s = t.json("POST", f"/api1/collections/{collection}/objects/",
                   json.dumps({"objects": objects[i:i + size]}).encode(), expect=202)
        refused += s.get("failure_count", 0)
    return refused


def seed(url, token, collection, attack_file, indicators):
    t = Taxii(url, token)
    with open(attack_file, encoding="utf-8") as f:
        attack = [o for o in json.load(f)["objects"]]
    refused = post_all(t, collection, attack)
    print(f"taxii.py: seeded {len(attack) - refused} ATT&CK objects ({refused} refused by the validator)",
          file=sys.stderr)
    between = now()
    stamp = now()
    refused = post_all(t, collection, [{
        "type": "indicator", "spec_version": "2.1", "id": f"indicator--{uuid.uuid4()}", "created": stamp,
        "modified": stamp, "name": f"seed {i}", "pattern": f"[ipv4-addr:value = '203.0.113.{i % 256}']",
        "pattern_type": "stix", "valid_from": stamp} for i in range(indicators)])
    if refused:
        sys.exit(f"taxii.py: the server refused {refused} of the seed's indicators")
    print(between)


def read_ledgers(directory):
    sent, acked, nacked = {}, {}, {}
    for name in sorted(os.listdir(directory)):
        if not name.startswith("ledger-"):
            continue
        thread = name[len("ledger-"):-len(".txt")]
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) != 3:
                    continue  # a line cut short when wrk stopped
                key = (thread, parts[1])
                if parts[0] == "SENT":
                    sent[key] = parts[2].split(",")
                elif parts[0] == "ACK":
                    acked[key] = parts[2]
                elif parts[0] == "NACK":
                    nacked[key] = parts[2]
    return sent, acked, nacked


def stored_ids(t, collection):
    """Every object id in the collection, read page by page through the manifest."""
    ids, token = set(), None
    while True:
        query = "limit=1000" + (f"&next={token}" if token else "")
        page = t.json("GET", f"/api1/collections/{collection}/manifest/?{query}")
        ids.update(o["id"] for o in page.get("objects", []))
        if not page.get("more"):
            return ids
        token = page["next"]


def audited_adds(path):
    """The object ids that `add` records name, from the output of `vigil audit show --ids`."""
    ids, action = set(), None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("\t"):
                if action == "add":
                    ids.add(line.strip())
            else:
                fields = line.split("\t")
                action = fields[3] if len(fields) > 3 else None
    return ids


def check(url, token, collection, ledger_dir, audit=None):
    t = Taxii(url, token)
    sent, acked, nacked = read_ledgers(ledger_dir)
    store = stored_ids(t, collection)
    problems = []
    lost = [(k, i) for k in acked for i in sent.get(k, []) if i not in store]
    problems += [f"acknowledged but not stored: {i} (thread {k[0]}, POST {k[1]})" for k, i in lost]
    bad_status = 0
    for key, status_id in acked.items():
        s = t.json("GET", f"/api1/status/{status_id}/")
        ids = sent.get(key, [])
        successes = sorted(d["id"] for d in s.get("successes", []))
        consistent = (s.get("status") == "complete" and s.get("pending_count") == 0
                      and s.get("total_count") == s.get("success_count", 0) + s.get("failure_count", 0)
                      + s.get("pending_count", 0)
                      and s.get("failure_count") == 0 and successes == sorted(ids))
        if not consistent:
            bad_status += 1
            problems.append(f"status {status_id} (thread {key[0]}, POST {key[1]}) is not consistent: "
                            f"{json.dumps(s)[:300]}")
    unaudited = 0
    if audit:
        named = audited_adds(audit)
        for key, ids in sent.items():
            missing = [i for i in ids if i in store and i not in named]
            if missing:
                unaudited += 1
                problems.append(f"stored without an audit record of the write: POST {key[1]} of thread {key[0]} "
                                f"({len(missing)} objects, e.g. {missing[0]}; its client was told "
                                f"{'202' if key in acked else nacked.get(key, 'nothing')})")
    half = 0
    unacked = {"answered otherwise": [0, 0], "unanswered": [0, 0]}  # [stored whole, not stored at all]
    for key, ids in sent.items():
        present = sum(1 for i in ids if i in store)
        if 0 < present < len(ids):
            half += 1
            problems.append(f"half-written: POST {key[1]} of thread {key[0]} has {present} of {len(ids)} objects")
        elif key not in acked:
            unacked["answered otherwise" if key in nacked else "unanswered"][0 if present else 1] += 1
    print(f"objects in the collection: {len(store)}")
    print(f"POSTs sent {len(sent)}: acknowledged (202) {len(acked)}, answered otherwise {len(nacked)}, "
          f"unanswered {sum(unacked['unanswered'])}")
    print(f"acknowledged objects: {sum(len(sent.get(k, [])) for k in acked)}, of which missing: {len(lost)}")
    print(f"status resources checked: {len(acked)}, inconsistent: {bad_status}")
    print(f"half-written POSTs: {half}")
    if audit:
        print(f"POSTs stored without an audit record of the write: {unaudited}")
    for kind, (whole, none) in unacked.items():
        print(f"POSTs {kind}: {whole} stored whole, {none} not stored at all")
    for p in problems[:20]:
        print("PROBLEM " + p)
    return 1 if problems else 0


def main(argv):
    if len(argv) == 6 and argv[0] == "seed":
        seed(argv[1], argv[2], argv[3], argv[4], int(argv[5]))
        return 0
    if len(argv) in (5, 6) and argv[0] == "check":
        return check(*argv[1:])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
